using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Threading.Channels;

namespace Shapotou.Sdk.Monitoring.Receiver;

/// <summary>One record of the durable log: an accepted packet and when it was received.</summary>
internal readonly record struct Hj212LogRecord(long Segment, DateTime ReceivedUtc, byte[] Packet);

/// <summary>
/// The receiver's durable, append-only log: numbered segment files of length-prefixed, CRC-32-checked records, written
/// by one writer with group commit — every record of a batch is written, the file is flushed to disk (fsync), and only
/// then are the batch's appends completed, so a packet is acknowledged only once it would survive a crash.
/// </summary>
/// <remarks>
/// <para>Segment file <c>NNNNNNNN.hj212log</c>: the magic <c>HJ212LOG1\n</c>, then records
/// <c>[int32 length][uint32 CRC-32 of payload][payload = int64 received UTC ticks + packet bytes]</c>, little-endian.
/// Opening a log truncates a torn last record (a crash mid-write) and starts a new segment; earlier segments are sealed
/// and never written again.</para>
/// <para>Appends go through a bounded queue: when the disk falls behind, <see cref="AppendAsync"/> waits, and the
/// receiver stops reading from its sockets (back-pressure).</para>
/// </remarks>
internal sealed class Hj212Log : IAsyncDisposable
{
    internal const string Extension = ".hj212log";
    internal const int HeaderBytes = 8;
    private static readonly byte[] s_magic = "HJ212LOG1\n"u8.ToArray();

    private readonly Channel<Pending> _queue;
    private readonly string _directory;
    private readonly long _segmentBytes;
    private readonly int _maxBatch;
    private readonly Task _writer;
    private FileStream _stream;
    private long _segment;
    private long _records;
    private long _commits;

    private Hj212Log(string directory, long segment, long segmentBytes, int maxBatch, int capacity)
    {
        _directory = directory;
        _segment = segment;
        _segmentBytes = segmentBytes;
        _maxBatch = maxBatch;
        _stream = Create(directory, segment);
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Gets the segment being written.</summary>
    public long ActiveSegment => Interlocked.Read(ref _segment);

    /// <summary>Gets the records committed since the log was opened.</summary>
    public long Records => Interlocked.Read(ref _records);

    /// <summary>Gets the group commits (fsyncs) since the log was opened.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Gets the log's folder.</summary>
    public string Directory => _directory;

    /// <summary>Opens (or creates) a log: repairs a torn tail of the last segment and starts a new segment after it.</summary>
    public static Hj212Log Open(string directory, long segmentBytes = 64 << 20, int maxBatch = 4096, int capacity = 8192)
    {
        System.IO.Directory.CreateDirectory(directory);
        // Only the last segment can be torn: every earlier one was sealed by starting the next.
        IReadOnlyList<(long Number, string Path)> segments = Segments(directory);
        long last = 0;
        if (segments.Count > 0)
        {
            (last, string path) = segments[^1];
            RepairTail(path);
        }

        return new Hj212Log(directory, last + 1, segmentBytes, maxBatch, capacity);
    }

    /// <summary>Lists the segments of a log folder in order.</summary>
    public static IReadOnlyList<(long Number, string Path)> Segments(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            return [];
        }

        var list = new List<(long, string)>();
        foreach (string path in System.IO.Directory.EnumerateFiles(directory, "*" + Extension))
        {
            if (long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out long number))
            {
                list.Add((number, path));
            }
        }

        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return list;
    }

    /// <summary>Reads the valid records of a segment, stopping at the first torn or corrupt one.</summary>
    public static IEnumerable<Hj212LogRecord> Read(long segment, string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        foreach ((long _, DateTime received, byte[] packet) in ReadRecords(stream))
        {
            yield return new Hj212LogRecord(segment, received, packet);
        }
    }

    /// <summary>Appends a packet; the task completes once it is on disk.</summary>
    public async Task AppendAsync(ReadOnlyMemory<byte> packet, DateTime receivedUtc, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(packet.ToArray(), receivedUtc.Ticks, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), Seal: false);
        await _queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        await pending.Done.Task.ConfigureAwait(false);
    }

    /// <summary>Starts a new segment (when the active one has records) and returns the last sealed segment number.</summary>
    public async Task<long> SealAsync(CancellationToken cancellationToken = default)
    {
        var pending = new Pending([], 0, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), Seal: true);
        await _queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        await pending.Done.Task.ConfigureAwait(false);
        return ActiveSegment - 1;
    }

    /// <summary>Stops accepting appends, commits what is queued and closes the active segment.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            await _writer.ConfigureAwait(false);
        }
        finally
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task WriteLoopAsync()
    {
        ChannelReader<Pending> reader = _queue.Reader;
        var batch = new List<Pending>(_maxBatch);
        byte[] header = new byte[16];
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                bool seal = false;
                while (batch.Count < _maxBatch && !seal && reader.TryRead(out Pending? item))
                {
                    batch.Add(item);
                    if (item.Seal)
                    {
                        seal = true;
                        continue;
                    }

                    int length = 8 + item.Packet.Length;
                    BinaryPrimitives.WriteInt32LittleEndian(header, length);
                    BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(8), item.ReceivedTicks);
                    var crc = new Crc32();
                    crc.Append(header.AsSpan(8, 8));
                    crc.Append(item.Packet);
                    BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), crc.GetCurrentHashAsUInt32());
                    _stream.Write(header, 0, 16);
                    _stream.Write(item.Packet);
                }

                // Group commit: one fsync for the batch, then the batch's appends complete.
                _stream.Flush(flushToDisk: true);
                Interlocked.Increment(ref _commits);
                Interlocked.Add(ref _records, batch.Count(p => !p.Seal));
                if (seal || _stream.Length >= _segmentBytes)
                {
                    if (_stream.Length > s_magic.Length)
                    {
                        Rotate();
                    }
                }

                foreach (Pending done in batch)
                {
                    done.Done.TrySetResult();
                }

                batch.Clear();
            }
        }
        catch (Exception e)
        {
            var failure = new IOException($"The HJ 212 log in '{_directory}' failed; no packet is acknowledged after this. {e.Message}", e);
            foreach (Pending failed in batch)
            {
                failed.Done.TrySetException(failure);
            }

            _queue.Writer.TryComplete(failure);
            while (reader.TryRead(out Pending? rest))
            {
                rest.Done.TrySetException(failure);
            }

            throw;
        }
    }

    private void Rotate()
    {
        _stream.Dispose();
        long next = Interlocked.Increment(ref _segment);
        _stream = Create(_directory, next);
    }

    private static FileStream Create(string directory, long segment)
    {
        string path = Path.Combine(directory, segment.ToString("D8", CultureInfo.InvariantCulture) + Extension);
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16);
        stream.Write(s_magic);
        stream.Flush(flushToDisk: true);
        return stream;
    }

    private static void RepairTail(string path)
    {
        long valid;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
        {
            valid = s_magic.Length;
            foreach ((long end, _, _) in ReadRecords(stream))
            {
                valid = end;
            }

            if (stream.Length < s_magic.Length)
            {
                valid = 0;
            }

            if (valid == stream.Length)
            {
                return;
            }
        }

        using var writer = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
        if (valid == 0)
        {
            writer.SetLength(0);
            writer.Write(s_magic);
        }
        else
        {
            writer.SetLength(valid);
        }

        writer.Flush(flushToDisk: true);
    }

    private static IEnumerable<(long End, DateTime Received, byte[] Packet)> ReadRecords(Stream stream)
    {
        byte[] magic = new byte[s_magic.Length];
        if (stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false) != magic.Length || !magic.AsSpan().SequenceEqual(s_magic))
        {
            yield break;
        }

        byte[] header = new byte[8];
        long position = magic.Length;
        while (true)
        {
            if (stream.ReadAtLeast(header, 8, throwOnEndOfStream: false) != 8)
            {
                yield break;
            }

            int length = BinaryPrimitives.ReadInt32LittleEndian(header);
            uint crc = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
            if (length < 8 || length > (1 << 20))
            {
                yield break;
            }

            byte[] payload = new byte[length];
            if (stream.ReadAtLeast(payload, length, throwOnEndOfStream: false) != length || Crc32.HashToUInt32(payload) != crc)
            {
                yield break;
            }

            position += 8 + length;
            long ticks = BinaryPrimitives.ReadInt64LittleEndian(payload);
            if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
            {
                yield break;
            }

            yield return (position, new DateTime(ticks, DateTimeKind.Utc), payload.AsSpan(8).ToArray());
        }
    }

    private sealed record Pending(byte[] Packet, long ReceivedTicks, TaskCompletionSource Done, bool Seal);
}
