using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Shapotou.Sdk.Monitoring.Hj212;

namespace Shapotou.Sdk.Monitoring.Receiver;

/// <summary>
/// A TCP server for many HJ 212 data loggers at once: it checks each packet, stores every accepted one in a durable
/// append-only log (group commit with fsync) <em>before</em> it answers, answers as the Flag bits ask (9014 data
/// answer; 9011 with QnRtn), and counts duplicates instead of storing them twice.
/// </summary>
/// <remarks>
/// <para>This type is thread-safe. Connections are read with System.IO.Pipelines; a connection's next bytes are read
/// only after its previous packets are on disk and answered, so a slow disk slows the senders (back-pressure) instead
/// of filling memory. Frames end with LF (CRLF per the standard); a frame longer than
/// <see cref="Hj212ReceiverOptions.MaxFrameBytes"/> is dropped and counted as rejected.</para>
/// <para>A packet's key is (MN, CN, DataTime, PNO), or (MN, CN, QN, PNO) for a split packet without DataTime; packets
/// with neither are always stored. A duplicate is answered once the first copy is on disk, and never stored again.
/// Keys are remembered for <see cref="Hj212ReceiverOptions.DuplicateWindow"/> (rebuilt from the log's recent segments
/// on start).</para>
/// <para>Split packets (PNUM/PNO) are stored part by part as received, each acknowledged once stored; they are joined
/// when the log is rolled (<see cref="Hj212LogRoller"/>), so no part depends on memory to survive a crash.</para>
/// </remarks>
public sealed class Hj212Receiver : IAsyncDisposable
{
    private readonly Hj212ReceiverOptions _options;
    private readonly Hj212Log _log;
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _slots;
    private readonly Lock _keysLock = new();
    private readonly Dictionary<PacketKey, Task> _keys = [];
    private readonly Queue<(PacketKey Key, long Ticks)> _keyOrder = new();
    private readonly List<Task> _connections = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _mns = new(StringComparer.Ordinal);
    private readonly Task _acceptLoop;
    private long _accepted;
    private long _open;
    private long _received;
    private long _logged;
    private long _duplicates;
    private long _rejected;
    private long _rejectedCrc;
    private long _unknownMn;
    private long _answers;
    private int _disposed;

    private Hj212Receiver(Hj212ReceiverOptions options, Hj212Log log, Socket listener)
    {
        _options = options;
        _log = log;
        _listener = listener;
        _slots = new SemaphoreSlim(options.MaxConnections);
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
        LoadRecentKeys();
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Gets the address the receiver listens on.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Gets the folder of the durable log.</summary>
    public string LogDirectory => _log.Directory;

    /// <summary>Opens the log (repairing a torn tail from a crash) and starts listening.</summary>
    /// <param name="options">The settings.</param>
    /// <returns>The running receiver.</returns>
    /// <exception cref="SocketException">The address cannot be bound.</exception>
    /// <exception cref="IOException">The log folder cannot be used.</exception>
    public static Hj212Receiver Start(Hj212ReceiverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Hj212Log log = Hj212Log.Open(options.LogDirectory, options.SegmentBytes, options.MaxBatch, options.MaxQueuedAppends);
        var listener = new Socket(options.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(options.EndPoint);
            listener.Listen(512);
        }
        catch
        {
            listener.Dispose();
            log.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        return new Hj212Receiver(options, log, listener);
    }

    /// <summary>Gets the counters so far.</summary>
    /// <returns>A snapshot.</returns>
    public Hj212ReceiverStatistics GetStatistics() => new(
        Interlocked.Read(ref _accepted),
        Interlocked.Read(ref _open),
        Interlocked.Read(ref _received),
        Interlocked.Read(ref _logged),
        Interlocked.Read(ref _duplicates),
        Interlocked.Read(ref _rejected),
        Interlocked.Read(ref _rejectedCrc),
        Interlocked.Read(ref _unknownMn),
        Interlocked.Read(ref _answers),
        _log.Commits);

    /// <summary>Seals the log's active segment so that <see cref="Hj212LogRoller"/> can roll everything stored so far.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The number of the last sealed segment.</returns>
    public Task<long> SealAsync(CancellationToken cancellationToken = default) => _log.SealAsync(cancellationToken);

    /// <summary>Stops listening, closes every connection, commits what is queued and closes the log.</summary>
    /// <returns>A task that completes when everything is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections).ConfigureAwait(false);
        await _log.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
        _slots.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        CancellationToken token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            await _slots.WaitAsync(token).ConfigureAwait(false);
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                _slots.Release();
                if (token.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            socket.NoDelay = true;
            Interlocked.Increment(ref _accepted);
            Interlocked.Increment(ref _open);
            Task connection = Task.Run(() => ServeAsync(socket, token), CancellationToken.None);
            lock (_connections)
            {
                _connections.RemoveAll(t => t.IsCompleted);
                _connections.Add(connection);
            }
        }
    }

    private async Task ServeAsync(Socket socket, CancellationToken token)
    {
        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: true);
            PipeReader reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 8192, minimumReadSize: 2048, leaveOpen: true));
            PipeWriter writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
            var work = new List<(Task Stored, byte[]? Answer)>();
            bool discarding = false;
            try
            {
                while (true)
                {
                    ReadResult result = await reader.ReadAsync(token).ConfigureAwait(false);
                    ReadOnlySequence<byte> buffer = result.Buffer;
                    while (TryReadLine(ref buffer, out ReadOnlySequence<byte> line))
                    {
                        if (discarding)
                        {
                            discarding = false; // the tail of an oversized frame
                            continue;
                        }

                        work.Add(Process(line, token));
                    }

                    if (!discarding && buffer.Length > _options.MaxFrameBytes)
                    {
                        Interlocked.Increment(ref _received);
                        Interlocked.Increment(ref _rejected);
                        discarding = true;
                    }

                    if (discarding)
                    {
                        buffer = buffer.Slice(buffer.End);
                    }

                    bool leftover = !buffer.IsEmpty;
                    reader.AdvanceTo(buffer.Start, buffer.End);

                    // Answer in order, each only after its packet is on disk.
                    foreach ((Task stored, byte[]? answer) in work)
                    {
                        await stored.ConfigureAwait(false);
                        if (answer is not null)
                        {
                            writer.Write(answer);
                            Interlocked.Increment(ref _answers);
                        }
                    }

                    if (work.Count > 0)
                    {
                        await writer.FlushAsync(token).ConfigureAwait(false);
                        work.Clear();
                    }

                    if (result.IsCompleted)
                    {
                        if (!discarding && leftover)
                        {
                            // A frame cut off by the end of the connection: never answered, so the logger sends it again.
                            Interlocked.Increment(ref _received);
                            Interlocked.Increment(ref _rejected);
                        }

                        break;
                    }
                }
            }
            finally
            {
                await reader.CompleteAsync().ConfigureAwait(false);
                await writer.CompleteAsync().ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The sender went away or the receiver is stopping: unanswered packets are re-sent by the logger.
        }
        finally
        {
            Interlocked.Decrement(ref _open);
            _slots.Release();
        }
    }

    private (Task Stored, byte[]? Answer) Process(ReadOnlySequence<byte> line, CancellationToken token)
    {
        Interlocked.Increment(ref _received);
        byte[] frame = line.ToArray();
        int length = frame.Length;
        if (length > 0 && frame[length - 1] == (byte)'\r')
        {
            length--;
        }

        ReadOnlySpan<byte> span = frame.AsSpan(0, length);
        Hj212ParseResult result = Hj212Packet.Parse(span, _options.ParseOptions);
        if (result.Packet is not { } packet)
        {
            Interlocked.Increment(ref _rejected);
            if (result.Rejection!.Reason == Hj212RejectionReason.Crc)
            {
                Interlocked.Increment(ref _rejectedCrc);
            }

            return (Task.CompletedTask, Hj212Answers.ForRejected(span, result.Rejection.Reason));
        }

        if (_options.OutletByMn is { } outlets && !outlets.ContainsKey(packet.Mn))
        {
            Interlocked.Increment(ref _unknownMn);
            return (Task.CompletedTask, Hj212Answers.For(packet, Hj212Answers.MnError));
        }

        byte[]? answer = Hj212Answers.For(packet);
        PacketKey? key = PacketKey.Of(packet, Intern);
        if (key is null)
        {
            return (Store(frame.AsMemory(0, length), token), answer);
        }

        TaskCompletionSource stored;
        lock (_keysLock)
        {
            if (_keys.TryGetValue(key.Value, out Task? first))
            {
                Interlocked.Increment(ref _duplicates);
                return (first, answer);
            }

            stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Remember(key.Value, stored.Task, Now.Ticks);
        }

        _ = CompleteAsync(Store(frame.AsMemory(0, length), token), stored, key.Value);
        return (stored.Task, answer);
    }

    /// <summary>Completes a key's task when its packet is stored, then lets the key hold the shared completed task so
    /// that remembered keys cost no task object each.</summary>
    private async Task CompleteAsync(Task append, TaskCompletionSource stored, PacketKey key)
    {
        try
        {
            await append.ConfigureAwait(false);
            stored.TrySetResult();
            lock (_keysLock)
            {
                if (_keys.TryGetValue(key, out Task? current) && ReferenceEquals(current, stored.Task))
                {
                    _keys[key] = Task.CompletedTask;
                }
            }
        }
        catch (Exception e)
        {
            stored.TrySetException(e);
        }
    }

    /// <summary>One string per MN (a bounded pool), so that remembered keys share it.</summary>
    private string Intern(string mn) => _mns.Count < 100_000 ? _mns.GetOrAdd(mn, mn) : _mns.GetValueOrDefault(mn, mn);

    private async Task Store(ReadOnlyMemory<byte> frame, CancellationToken token)
    {
        await _log.AppendAsync(frame, Now, token).ConfigureAwait(false);
        Interlocked.Increment(ref _logged);
    }

    private void Remember(PacketKey key, Task stored, long ticks)
    {
        _keys[key] = stored;
        _keyOrder.Enqueue((key, ticks));
        long oldest = ticks - _options.DuplicateWindow.Ticks;
        while (_keyOrder.Count > 0 && (_keyOrder.Count > _options.MaxDuplicateKeys || _keyOrder.Peek().Ticks < oldest))
        {
            (PacketKey old, _) = _keyOrder.Dequeue();
            _keys.Remove(old);
        }
    }

    private void LoadRecentKeys()
    {
        DateTime since = Now - _options.DuplicateWindow;
        var lenient = new Hj212ParseOptions { LenientCrc = true, MaxDataLength = Hj212ParseOptions.LargestDataLength };
        foreach ((long number, string path) in Hj212Log.Segments(_log.Directory))
        {
            if (File.GetLastWriteTimeUtc(path) < since)
            {
                continue;
            }

            foreach (Hj212LogRecord record in Hj212Log.Read(number, path))
            {
                if (record.ReceivedUtc >= since && Hj212Packet.Parse(record.Packet, lenient).Packet is { } packet && PacketKey.Of(packet, Intern) is { } key)
                {
                    lock (_keysLock)
                    {
                        if (!_keys.ContainsKey(key))
                        {
                            Remember(key, Task.CompletedTask, record.ReceivedUtc.Ticks);
                        }
                    }
                }
            }
        }
    }

    private DateTime Now => _options.TimeProvider.GetUtcNow().UtcDateTime;

    private static bool TryReadLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        SequencePosition? end = buffer.PositionOf((byte)'\n');
        if (end is null)
        {
            line = default;
            return false;
        }

        line = buffer.Slice(0, end.Value);
        buffer = buffer.Slice(buffer.GetPosition(1, end.Value));
        return true;
    }
}

/// <summary>The duplicate key of a packet: (MN, CN, DataTime, PNO), or (MN, CN, QN, PNO) for a split packet without
/// DataTime (QN's 17 digits fit a <see cref="long"/>; stored negated to keep the two kinds apart).</summary>
internal readonly record struct PacketKey(string Mn, int Cn, long Time, int Pno)
{
    public static PacketKey? Of(Hj212Packet packet, Func<string, string>? intern = null)
    {
        if (!int.TryParse(packet.Cn, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int cn))
        {
            return null;
        }

        string mn = intern is null ? packet.Mn : intern(packet.Mn);
        int pno = packet.Pno ?? 0;
        if (packet.DataTime is { } time)
        {
            return new PacketKey(mn, cn, time.Ticks, pno);
        }

        return packet.Pnum is not null && packet.Qn is { Length: <= 18 } qn
            && long.TryParse(qn, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long number)
            ? new PacketKey(mn, cn, -number - 1, pno)
            : null;
    }
}
