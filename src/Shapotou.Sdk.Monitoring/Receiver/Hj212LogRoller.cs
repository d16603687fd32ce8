using System.Globalization;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Monitoring.Aggregation;
using Shapotou.Sdk.Monitoring.Hj212;

namespace Shapotou.Sdk.Monitoring.Receiver;

/// <summary>
/// Rolls sealed segments of the receiver's log into <c>cems_minute</c> (CN 2051) and <c>cems_hourly</c> (CN 2061)
/// partitions per day and outlet, joining split packets (PNUM/PNO) on the way.
/// </summary>
/// <remarks>
/// <para>Segments are rolled one at a time, in order; after a segment's partitions are stored, the roller writes the
/// parts of split packets still incomplete to a carry file and then the segment number to the checkpoint file
/// <c>rolled</c> (each file written to a temporary name, flushed to disk and renamed). A roll interrupted by a crash
/// repeats the segment from the same inputs and writes the same partitions again, which a sink replaces.</para>
/// <para>Values: <c>&lt;code&gt;-Avg</c> of SO₂ (<c>a21026</c>), NOx (<c>a21002</c>), PM (<c>a34013</c>), NH₃
/// (<c>a21001</c>) and O₂ (<c>a19001</c>), with their <c>-Flag</c> as the channel flag. Flow: <c>a00000-Avg</c> is in
/// m³/s (HJ 212-2017 Table B.2) and is written × 3600 as m³/h; without it, <c>a00000-Cou</c> (m³ in the interval) ÷ the
/// interval in hours: an hour record's interval is the hour, a minute record's the MN's configured <c>MinInterval</c> or
/// else the spacing of its DataTimes (<see cref="Hj212RollOptions"/>). The row flag is N: HJ 212 data packets flag each factor, not the record.</para>
/// <para>Packets of an MN with no outlet in the map are written under the MN as outlet id and counted; with no map at
/// all the MN is the outlet id. A partition whose outlet id cannot name a folder
/// (<see cref="Hj212LoggerRegistry.IsValidOutletId"/>), or that the sink fails to write, is quarantined: its records and
/// the reason go to the log folder's <c>quarantine/</c>, the roll goes on with the other partitions, and every later
/// roll tries the quarantined ones again (with the outlet map of that roll) until they are written.</para>
/// <para>Re-sent packets: a packet whose key (MN, CN, DataTime, PNO — a split packet once joined) was rolled before is
/// a duplicate, tabled once; with other data (CP) a conflict, counted apart. The keys are remembered from roll to roll
/// in a <c>keys-…</c> file written with the carry file, bounded as the receiver's memory is
/// (<see cref="Hj212RollOptions.DuplicateWindow"/> of DataTimes per MN, <see cref="Hj212RollOptions.MaxDuplicateKeysPerMn"/>
/// per MN, <see cref="Hj212RollOptions.MaxRememberedLoggers"/> MNs); a packet past those bounds is tabled and counted
/// in <see cref="Hj212RollResult.NotCheckedForResend"/>.</para>
/// <para>Do not roll a log folder while a receiver in another process writes to it: its active segment is not sealed.
/// In the same process, roll through <see cref="Hj212Receiver.SealAsync"/>'s segment.</para>
/// </remarks>
public static class Hj212LogRoller
{
    private const string CheckpointFile = "rolled";
    private static readonly Hj212ParseOptions s_stored = new() { LenientCrc = true, MaxDataLength = Hj212ParseOptions.LargestDataLength };

    /// <summary>Gets the last segment rolled in a log folder, or 0.</summary>
    /// <param name="logDirectory">The log folder.</param>
    /// <returns>The segment number.</returns>
    public static long LastRolledSegment(string logDirectory)
    {
        ArgumentNullException.ThrowIfNull(logDirectory);
        string path = Path.Combine(logDirectory, CheckpointFile);
        return File.Exists(path) && long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? n : 0;
    }

    /// <summary>Rolls every sealed segment after the checkpoint, up to <paramref name="throughSegment"/>.</summary>
    /// <param name="logDirectory">The log folder.</param>
    /// <param name="sink">Where partitions go.</param>
    /// <param name="outletByMn">The outlet of each MN (<c>outlets.mn</c>), or <see langword="null"/> to use the MN.</param>
    /// <param name="throughSegment">The last segment to roll (from <see cref="Hj212Receiver.SealAsync"/>), or
    /// <see langword="null"/> for every segment in the folder (no receiver writing it).</param>
    /// <param name="cancellationToken">Cancels between partitions; the current segment is then rolled again next time.</param>
    /// <returns>What was rolled.</returns>
    public static Task<Hj212RollResult> RollAsync(
        string logDirectory,
        ICemsPartitionSink sink,
        IReadOnlyDictionary<string, string>? outletByMn = null,
        long? throughSegment = null,
        CancellationToken cancellationToken = default) =>
        RollAsync(logDirectory, sink, new Hj212RollOptions { OutletByMn = outletByMn }, throughSegment, cancellationToken);

    /// <summary>Rolls every sealed segment after the checkpoint, up to <paramref name="throughSegment"/>, with the MNs'
    /// minute intervals and the outlets' plausible flows.</summary>
    /// <param name="logDirectory">The log folder.</param>
    /// <param name="sink">Where partitions go.</param>
    /// <param name="options">The outlet map, minute intervals and flow ranges.</param>
    /// <param name="throughSegment">The last segment to roll, or <see langword="null"/> for every segment in the folder.</param>
    /// <param name="cancellationToken">Cancels between partitions; the current segment is then rolled again next time.</param>
    /// <returns>What was rolled.</returns>
    /// <exception cref="ArgumentException">An interval or a flow range of <paramref name="options"/> is out of range.</exception>
    public static async Task<Hj212RollResult> RollAsync(
        string logDirectory,
        ICemsPartitionSink sink,
        Hj212RollOptions options,
        long? throughSegment = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(logDirectory);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        IReadOnlyDictionary<string, string>? outletByMn = options.OutletByMn;
        var quarantine = new QuarantineState();
        await RetryQuarantineAsync(logDirectory, sink, outletByMn, quarantine, cancellationToken).ConfigureAwait(false);

        long last = LastRolledSegment(logDirectory);
        var state = new RollState(outletByMn, options);
        string keysPath = KeysPath(logDirectory, last);
        if (File.Exists(keysPath))
        {
            state.ReadKeys(keysPath);
        }

        string carryPath = CarryPath(logDirectory, last);
        if (File.Exists(carryPath))
        {
            foreach (Hj212LogRecord record in Hj212Log.Read(0, carryPath))
            {
                state.Add(record.Packet);
            }
        }

        int segments = 0;
        foreach ((long number, string path) in Hj212Log.Segments(logDirectory))
        {
            if (number <= last || (throughSegment is { } through && number > through))
            {
                continue;
            }

            foreach (Hj212LogRecord record in Hj212Log.Read(number, path))
            {
                state.Add(record.Packet);
            }

            int index = 0;
            foreach ((CemsPartition partition, byte[][] records) in state.TakePartitions(number))
            {
                if (await TryWriteAsync(sink, partition, cancellationToken).ConfigureAwait(false) is { } reason)
                {
                    await QuarantineAsync(logDirectory, number, index, records, reason).ConfigureAwait(false);
                    quarantine.Quarantined++;
                    quarantine.Reasons.Add(reason);
                }

                index++;
            }

            string newCarry = CarryPath(logDirectory, number);
            await WriteRecordsAsync(newCarry, state.PendingParts()).ConfigureAwait(false);
            string newKeys = KeysPath(logDirectory, number);
            state.WriteKeys(newKeys);
            WriteAtomically(Path.Combine(logDirectory, CheckpointFile), number.ToString(CultureInfo.InvariantCulture));
            File.Delete(carryPath);
            File.Delete(keysPath);
            carryPath = newCarry;
            keysPath = newKeys;
            last = number;
            segments++;
        }

        return state.Result(segments) with
        {
            Quarantined = quarantine.Quarantined,
            QuarantineWritten = quarantine.Written,
            QuarantinePending = QuarantineFiles(logDirectory).Count,
            QuarantineReasons = quarantine.Reasons,
        };
    }

    /// <summary>Gets the partitions in quarantine in a log folder: each with the reason it could not be written.</summary>
    /// <param name="logDirectory">The log folder.</param>
    /// <returns>The reasons, one sentence per quarantined partition, oldest segment first.</returns>
    public static IReadOnlyList<string> QuarantinedPartitions(string logDirectory)
    {
        ArgumentNullException.ThrowIfNull(logDirectory);
        return QuarantineFiles(logDirectory).Select(f => File.ReadAllText(Path.ChangeExtension(f, ReasonExtension))).ToArray();
    }

    /// <summary>Writes a partition, returning why it could not be written, or <see langword="null"/>. An outlet id that
    /// cannot name a partition (<see cref="Hj212LoggerRegistry.IsValidOutletId"/>) is not given to the sink.</summary>
    private static async Task<string?> TryWriteAsync(ICemsPartitionSink sink, CemsPartition partition, CancellationToken cancellationToken)
    {
        string what = string.Create(
            CultureInfo.InvariantCulture,
            $"Partition {(partition.Interval == CemsInterval.Minute ? "cems_minute" : "cems_hourly")} {partition.Day:yyyy-MM-dd} of outlet '{Shorten(partition.OutletId)}' from log segment {partition.Segment} ({partition.Rows.RowCount} rows)");
        if (!Hj212LoggerRegistry.IsValidOutletId(partition.OutletId))
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{what} is quarantined: its outlet id of {System.Text.Encoding.UTF8.GetByteCount(partition.OutletId)} bytes is not 1 to {Hj212LoggerRegistry.MaxOutletIdBytes} bytes without a control character, '/' or '\\'; register its MN with an outlet id.");
        }

        try
        {
            await sink.WriteAsync(partition, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever the sink throws (a folder that cannot be made, a full disk, a name too long), one partition's
            // failure must not stop the others: it is kept for a later roll with its reason.
            string message = e.Message.Trim();
            return $"{what} is quarantined: {message.TrimEnd('.')}.";
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    private const string QuarantineFolder = "quarantine";
    private const string RecordsExtension = ".records";
    private const string ReasonExtension = ".reason";

    private static List<string> QuarantineFiles(string logDirectory)
    {
        string folder = Path.Combine(logDirectory, QuarantineFolder);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*" + RecordsExtension).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>Keeps a partition's records (the packets as stored in the log) and its reason in the log folder's
    /// quarantine, named by segment and partition index, never by anything a packet carries.</summary>
    private static async Task QuarantineAsync(string logDirectory, long segment, int index, byte[][] records, string reason)
    {
        string folder = Path.Combine(logDirectory, QuarantineFolder);
        Directory.CreateDirectory(folder);
        string name = string.Create(CultureInfo.InvariantCulture, $"{segment:D8}-{index:D6}");
        WriteAtomically(Path.Combine(folder, name + ReasonExtension), reason);
        await WriteRecordsAsync(Path.Combine(folder, name + RecordsExtension), records).ConfigureAwait(false);
    }

    /// <summary>Tries again every quarantined partition (the outlet map may have changed, the folder been fixed); a
    /// partition written leaves the quarantine, one still failing keeps its place with its new reason.</summary>
    private static async Task RetryQuarantineAsync(
        string logDirectory, ICemsPartitionSink sink, IReadOnlyDictionary<string, string>? outletByMn, QuarantineState quarantine, CancellationToken cancellationToken)
    {
        foreach (string file in QuarantineFiles(logDirectory))
        {
            long segment = long.Parse(Path.GetFileName(file).AsSpan(0, 8), NumberStyles.None, CultureInfo.InvariantCulture);
            var state = new RollState(outletByMn);
            foreach (Hj212LogRecord record in Hj212Log.Read(0, file))
            {
                state.Add(record.Packet);
            }

            string? failed = null;
            foreach ((CemsPartition partition, _) in state.TakePartitions(segment))
            {
                failed ??= await TryWriteAsync(sink, partition, cancellationToken).ConfigureAwait(false);
            }

            if (failed is null)
            {
                quarantine.Written++;
                File.Delete(file);
                File.Delete(Path.ChangeExtension(file, ReasonExtension));
            }
            else
            {
                WriteAtomically(Path.ChangeExtension(file, ReasonExtension), failed);
            }
        }
    }

    private static string CarryPath(string directory, long segment) =>
        Path.Combine(directory, "carry-" + segment.ToString("D8", CultureInfo.InvariantCulture) + ".carry");

    private static string KeysPath(string directory, long segment) =>
        Path.Combine(directory, "keys-" + segment.ToString("D8", CultureInfo.InvariantCulture) + ".keys");

    private static async Task WriteRecordsAsync(string path, byte[][] parts)
    {
        if (parts.Length == 0)
        {
            return;
        }

        string directory = Path.GetDirectoryName(path)!;
        string temporary = Path.Combine(directory, "records-tmp");
        if (Directory.Exists(temporary))
        {
            Directory.Delete(temporary, recursive: true);
        }

        // A carry or quarantine file is a one-segment log of its own.
        Hj212Log log = Hj212Log.Open(temporary);
        await using (log.ConfigureAwait(false))
        {
            await Task.WhenAll(parts.Select(p => log.AppendAsync(p, DateTime.UnixEpoch))).ConfigureAwait(false);
        }

        File.Move(Hj212Log.Segments(temporary).Single().Path, path, overwrite: true);
        Directory.Delete(temporary, recursive: true);
    }

    private static void WriteAtomically(string path, string text)
    {
        string temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private sealed class QuarantineState
    {
        public long Quarantined { get; set; }

        public long Written { get; set; }

        public List<string> Reasons { get; } = [];
    }

    private sealed class RollState(IReadOnlyDictionary<string, string>? outletByMn, Hj212RollOptions? options = null)
    {
        private readonly Hj212RollOptions _options = options ?? new Hj212RollOptions();
        private readonly Dictionary<(CemsInterval, DateOnly, string), Dictionary<long, double>> _pendingCou = [];
        private readonly List<string> _flowWarnings = [];
        private long _intervalsUnknown;
        private static readonly TimeSpan s_chinaStandardTime = TimeSpan.FromHours(8);
        private readonly Dictionary<string, LoggerKeys> _keys = new(StringComparer.Ordinal);
        private long _conflicts;
        private long _unchecked;
        private readonly Dictionary<(string Mn, string Cn, string? Qn, int Pnum), SortedDictionary<int, (byte[] Bytes, Hj212Packet Packet)>> _splits = [];
        private readonly Dictionary<(CemsInterval, DateOnly, string), (CemsRecordsBuilder Rows, List<byte[]> Records)> _partitions = [];
        private long _records;
        private long _minuteRows;
        private long _hourRows;
        private long _duplicates;
        private long _other;
        private long _missing;
        private long _unmapped;
        private long _written;

        public void Add(byte[] bytes)
        {
            _records++;
            if (Hj212Packet.Parse(bytes, s_stored).Packet is not { } packet)
            {
                _other++; // cannot happen for records the receiver stored; counted rather than dropped silently
                return;
            }

            if (packet.Pnum is { } pnum && pnum > 1 && packet.Pno is { } pno)
            {
                var key = (packet.Mn, packet.Cn, packet.Qn, pnum);
                if (!_splits.TryGetValue(key, out SortedDictionary<int, (byte[], Hj212Packet)>? parts))
                {
                    _splits[key] = parts = [];
                }

                parts[pno] = (bytes, packet);
                if (parts.Count == pnum && parts.Keys.First() == 1 && parts.Keys.Last() == pnum)
                {
                    _splits.Remove(key);
                    Place(parts.Values.Select(p => p.Item2).ToArray(), parts.Values.Select(p => p.Item1));
                }

                return;
            }

            Place([packet], [bytes]);
        }

        public List<(CemsPartition Partition, byte[][] Records)> TakePartitions(long segment)
        {
            var list = new List<(CemsPartition, byte[][])>();
            foreach (KeyValuePair<(CemsInterval Interval, DateOnly Day, string Outlet), (CemsRecordsBuilder Rows, List<byte[]> Records)> pair in _partitions
                         .OrderBy(p => p.Key.Item1).ThenBy(p => p.Key.Item2).ThenBy(p => p.Key.Item3, StringComparer.Ordinal))
            {
                CemsRecords rows = Sorted(pair.Value.Rows.Build(), _pendingCou.GetValueOrDefault(pair.Key));
                CheckFlows(rows);
                list.Add((new CemsPartition(pair.Key.Interval, pair.Key.Day, pair.Key.Outlet, segment, rows), [.. pair.Value.Records]));
            }

            _partitions.Clear();
            _pendingCou.Clear();
            _written += list.Count;
            return list;
        }

        public byte[][] PendingParts() => _splits.Values.SelectMany(p => p.Values.Select(v => v.Bytes)).ToArray();

        public Hj212RollResult Result(int segments) =>
            new(segments, _records, _minuteRows, _hourRows, _duplicates, _other, PendingParts().Length, _missing, _unmapped, _written)
            {
                Conflicts = _conflicts,
                NotCheckedForResend = _unchecked,
                FlowIntervalsUnknown = _intervalsUnknown,
                FlowWarnings = [.. _flowWarnings],
            };

        private void Place(Hj212Packet[] parts, IEnumerable<byte[]> records)
        {
            Hj212Packet first = parts[0];
            CemsInterval interval;
            switch (first.Cn)
            {
                case "2051":
                    interval = CemsInterval.Minute;
                    break;
                case "2061":
                    interval = CemsInterval.Hour;
                    break;
                default:
                    _other++;
                    return;
            }

            DateTimeOffset? dataTime = parts.Select(p => p.DataTime).FirstOrDefault(t => t is not null);
            long unit = interval == CemsInterval.Minute ? TimeSpan.TicksPerMinute : TimeSpan.TicksPerHour;
            if (dataTime is not { } time || time.ToOffset(s_chinaStandardTime).DateTime.Ticks % unit != 0)
            {
                _other++;
                return;
            }

            DateTime start = time.ToOffset(s_chinaStandardTime).DateTime;
            ulong data = 0;
            foreach (Hj212Packet part in parts)
            {
                data = (data * 31) + System.IO.Hashing.XxHash3.HashToUInt64(Cp(part.DataSegmentUtf8));
            }

            // The key as the receiver keys it: (CN, DataTime, PNO) per MN; a joined split packet is one record (PNO 0).
            var seenKey = new DuplicateKey(time.UtcTicks, first.Cn == "2051" ? 2051 : 2061, 0);
            switch (Check(first.Mn, seenKey, data))
            {
                case KeyCheck.Duplicate:
                    _duplicates++;
                    return;
                case KeyCheck.Conflict:
                    // The first copy rolled is the one tabled; a copy with other data is a conflict, counted apart so
                    // that the roll's report names it (both copies stay in the log).
                    _conflicts++;
                    _duplicates++;
                    return;
                case KeyCheck.OutsideWindow:
                    _unchecked++;
                    break;
            }

            string outlet;
            if (outletByMn is null)
            {
                outlet = first.Mn;
            }
            else if (!outletByMn.TryGetValue(first.Mn, out outlet!))
            {
                outlet = first.Mn;
                _unmapped++;
            }

            var key = (interval, DateOnly.FromDateTime(start), outlet);
            if (!_partitions.TryGetValue(key, out (CemsRecordsBuilder Rows, List<byte[]> Records) partition))
            {
                _partitions[key] = partition = (new CemsRecordsBuilder(interval), []);
            }

            CemsRecordsBuilder builder = partition.Rows;
            partition.Records.AddRange(records);

            builder.AddRow(outlet, start, DataFlag.N);
            Span<double> values = stackalloc double[CemsChannels.Count];
            Span<DataFlag> flags = stackalloc DataFlag[CemsChannels.Count];
            values.Fill(double.NaN);
            flags.Clear();
            double flowCou = double.NaN;
            foreach (Hj212Packet part in parts)
            {
                foreach (Hj212Field field in part.Fields)
                {
                    if (!CemsChannels.TryFromFactorCode(field.CodeUtf8, out CemsChannel channel))
                    {
                        continue;
                    }

                    switch (field.SuffixKind)
                    {
                        case Hj212Suffix.Avg:
                            values[(int)channel] = Number(field, channel == CemsChannel.Flow ? 3600 : 1, channel);
                            break;
                        case Hj212Suffix.Cou when channel == CemsChannel.Flow:
                            // m³ in the record's interval; an hour record's is the hour, so its m³/h is the Cou itself.
                            flowCou = Number(field, 1, channel);
                            break;
                        case Hj212Suffix.Flag:
                            if (CemsChannels.TryParseFlag(field.ValueUtf8, out DataFlag flag))
                            {
                                flags[(int)channel] = flag;
                            }

                            break;
                    }
                }
            }

            if (double.IsNaN(values[(int)CemsChannel.Flow]) && !double.IsNaN(flowCou))
            {
                if (interval == CemsInterval.Hour)
                {
                    values[(int)CemsChannel.Flow] = flowCou;
                }
                else if (_options.MinuteIntervalByMn.TryGetValue(first.Mn, out TimeSpan configured))
                {
                    values[(int)CemsChannel.Flow] = flowCou / configured.TotalHours;
                }
                else
                {
                    // The spacing of the DataTimes is known once the partition is complete: see Sorted.
                    if (!_pendingCou.TryGetValue(key, out Dictionary<long, double>? pending))
                    {
                        _pendingCou[key] = pending = [];
                    }

                    pending[start.Ticks] = flowCou;
                }
            }

            foreach (CemsChannel channel in CemsChannels.All)
            {
                if (!double.IsNaN(values[(int)channel]) || flags[(int)channel] != default)
                {
                    builder.SetValue(channel, values[(int)channel], flags[(int)channel]);
                }
            }

            if (interval == CemsInterval.Minute)
            {
                _minuteRows++;
            }
            else
            {
                _hourRows++;
            }
        }

        /// <summary>Checks a key against its MN's memory; an MN beyond <see cref="Hj212RollOptions.MaxRememberedLoggers"/>
        /// has none, and its packets are tabled without a check (as outside the window).</summary>
        private KeyCheck Check(string mn, DuplicateKey key, ulong data)
        {
            if (!_keys.TryGetValue(mn, out LoggerKeys? keys))
            {
                if (_keys.Count >= _options.MaxRememberedLoggers)
                {
                    return KeyCheck.OutsideWindow;
                }

                _keys[mn] = keys = new LoggerKeys();
            }

            return keys.Check(key, data, _options.DuplicateWindow.Ticks, _options.MaxDuplicateKeysPerMn);
        }

        /// <summary>Reads the keys an earlier roll remembered (<see cref="WriteKeys"/>).</summary>
        public void ReadKeys(string path)
        {
            using var reader = new BinaryReader(File.OpenRead(path), System.Text.Encoding.UTF8);
            if (reader.ReadInt32() != KeysFormat)
            {
                return; // a file of another format: the roll goes on with no memory, as a folder rolled before keys were kept
            }

            int loggers = reader.ReadInt32();
            for (int i = 0; i < loggers; i++)
            {
                string mn = reader.ReadString();
                int count = reader.ReadInt32();
                var entries = new (DuplicateKey Key, ulong Data)[count];
                for (int k = 0; k < count; k++)
                {
                    entries[k] = (new DuplicateKey(reader.ReadInt64(), reader.ReadInt32(), reader.ReadInt32()), reader.ReadUInt64());
                }

                foreach ((DuplicateKey key, ulong data) in entries.OrderBy(e => e.Key.Time))
                {
                    Check(mn, key, data);
                }
            }
        }

        /// <summary>Writes the keys remembered, per MN, for the next roll: to a temporary name, flushed to disk and renamed.</summary>
        public void WriteKeys(string path)
        {
            string temporary = path + ".tmp";
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
            {
                using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
                {
                    writer.Write(KeysFormat);
                    writer.Write(_keys.Count);
                    foreach ((string mn, LoggerKeys keys) in _keys)
                    {
                        writer.Write(mn);
                        writer.Write(keys.Count);
                        foreach ((DuplicateKey key, ulong data) in keys.Entries)
                        {
                            writer.Write(key.Time);
                            writer.Write(key.Cn);
                            writer.Write(key.Pno);
                            writer.Write(data);
                        }
                    }
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }

        private const int KeysFormat = 0x4B455931; // "KEY1"

        private static ReadOnlySpan<byte> Cp(ReadOnlySpan<byte> segment) =>
            segment[(segment.StartsWith("CP=&&"u8) ? 0 : segment.IndexOf(";CP=&&"u8) + 1)..];

        private double Number(Hj212Field field, double scale, CemsChannel channel)
        {
            double? number = field.Number;
            double value = number is { } n ? n * scale : double.NaN;
            if (double.IsNaN(value) || value < 0 || !double.IsFinite(value) || (channel == CemsChannel.Oxygen && value >= 21))
            {
                _missing++;
                return double.NaN;
            }

            return value;
        }

        /// <summary>Lists each flow outside its outlet's plausible range, naming the 3 600× signature of m³/h sent as m³/s.</summary>
        private void CheckFlows(CemsRecords rows)
        {
            if (rows.RowCount == 0 || !_options.FlowRangeByOutlet.TryGetValue(rows.OutletIds[0], out FlowRange range))
            {
                return;
            }

            double low = range.Minimum.CubicMetersPerHour;
            double high = range.Maximum.CubicMetersPerHour;
            ReadOnlySpan<double> flow = rows.Values(CemsChannel.Flow).Span;
            string table = rows.Interval == CemsInterval.Minute ? "cems_minute" : "cems_hourly";
            for (int i = 0; i < rows.RowCount; i++)
            {
                double value = flow[i];
                if (double.IsNaN(value) || (value >= low && value <= high))
                {
                    continue;
                }

                string signature = value / 3600 >= low && value / 3600 <= high
                    ? " It is 3 600 times a plausible flow: the logger likely sent m³/h where HJ 212-2017 Table B.2 specifies m³/s for a00000-Avg."
                    : string.Empty;
                _flowWarnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Outlet '{rows.OutletIds[i]}', {table} {rows.Starts.Span[i]:yyyy-MM-dd HH:mm}: flow {value:0.###} m³/h is outside the plausible range {low:0.###} to {high:0.###} m³/h set for the outlet.{signature}"));
            }
        }

        /// <summary>The rows in time order, with the flow of each minute record in <paramref name="pendingCou"/> (its
        /// <c>Cou</c> by start) divided by the smaller of the gaps to its neighbours.</summary>
        private CemsRecords Sorted(CemsRecords rows, Dictionary<long, double>? pendingCou)
        {
            int[] order = Enumerable.Range(0, rows.RowCount).OrderBy(i => rows.Starts.Span[i]).ToArray();
            bool inOrder = order.Select((v, i) => v == i).All(b => b);
            if (inOrder && pendingCou is null)
            {
                return rows;
            }

            var builder = new CemsRecordsBuilder(rows.Interval);
            for (int k = 0; k < order.Length; k++)
            {
                int i = order[k];
                DateTime start = rows.Starts.Span[i];
                builder.AddRow(rows.OutletIds[i], start, rows.Flags.Span[i]);
                foreach (CemsChannel channel in CemsChannels.All)
                {
                    DataFlag own = rows.RecordedChannelFlags(channel).Span[i];
                    double value = rows.Values(channel).Span[i];
                    if (channel == CemsChannel.Flow && pendingCou is not null && pendingCou.TryGetValue(start.Ticks, out double cou))
                    {
                        double before = k > 0 ? (start - rows.Starts.Span[order[k - 1]]).TotalHours : double.PositiveInfinity;
                        double after = k + 1 < order.Length ? (rows.Starts.Span[order[k + 1]] - start).TotalHours : double.PositiveInfinity;
                        double gap = Math.Min(before, after);
                        if (double.IsFinite(gap) && gap > 0)
                        {
                            value = cou / gap;
                        }
                        else
                        {
                            _intervalsUnknown++;
                        }
                    }

                    if (!double.IsNaN(value) || own != default)
                    {
                        builder.SetValue(channel, value, own);
                    }
                }
            }

            return builder.Build();
        }
    }
}
