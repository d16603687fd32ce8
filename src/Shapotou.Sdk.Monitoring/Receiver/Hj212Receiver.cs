using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Shapotou.Sdk.Monitoring.Hj212;

namespace Shapotou.Sdk.Monitoring.Receiver;

/// <summary>
/// A TCP server for many HJ 212 data loggers at once: it checks each packet and who sent it, stores every accepted
/// one in a durable append-only log (group commit with fsync) <em>before</em> it answers, answers as the Flag bits ask
/// (9014 data answer; 9011 with QnRtn), and counts duplicates instead of storing them twice.
/// </summary>
/// <remarks>
/// <para>This type is thread-safe. Connections are read with System.IO.Pipelines; a connection's next bytes are read
/// only after its previous packets are on disk and answered, so a slow disk slows the senders (back-pressure) instead
/// of filling memory. Frames end with LF (CRLF per the standard); a frame longer than
/// <see cref="Hj212ReceiverOptions.MaxFrameBytes"/> is dropped and counted as rejected.</para>
/// <para>Who may send: with a <see cref="Hj212ReceiverOptions.Registry"/>, only its MNs with their PWs (QnRtn 4 for
/// another MN, 3 for a wrong PW); every MN must be storable (<see cref="Hj212LoggerRegistry.IsValidMn(string)"/>)
/// before anything of the packet touches the log. Refused packets are counted, reported and never stored.</para>
/// <para>No sender can stall it: connections are capped in total and per remote address, closed when idle or when a
/// frame is too slow, and read at a capped packet rate (<see cref="Hj212ReceiverOptions"/>).</para>
/// <para>A packet's key is (CN, DataTime, PNO), or (CN, QN, PNO) for a split packet without DataTime, remembered per
/// MN for the MN's last <see cref="Hj212ReceiverOptions.DuplicateWindow"/> of DataTimes, at most
/// <see cref="Hj212ReceiverOptions.MaxDuplicateKeysPerMn"/> per MN, so that no other sender's traffic evicts a logger's
/// keys. A copy with the same key and the same data (CP) is a duplicate: answered once the first copy is on disk, never
/// stored again. A copy with the same key and other data is a conflict: stored as well, counted and reported. Keys are
/// rebuilt on start from the log segments written within the window.</para>
/// <para>Split packets (PNUM/PNO) are stored part by part as received, each acknowledged once stored; they are joined
/// when the log is rolled (<see cref="Hj212LogRoller"/>), so no part depends on memory to survive a crash.</para>
/// </remarks>
public sealed class Hj212Receiver : IAsyncDisposable
{
    private const int NoReason = 0;
    private const int IdleReason = 1;
    private const int ReadReason = 2;
    private const int EvictedReason = 3;

    private readonly Hj212ReceiverOptions _options;
    private readonly Hj212Log _log;
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _keysLock = new();
    private readonly Dictionary<string, LoggerKeys> _keysByMn = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Mn, DuplicateKey Key, ulong Data), Task> _inFlight = [];
    private readonly Lock _connectionsLock = new();
    private readonly Dictionary<long, Connection> _tracked = [];
    private readonly Dictionary<IPAddress, int> _perAddress = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, Connection> _running = new();
    private readonly Lock _reportLock = new();
    private readonly Task _acceptLoop;
    private long _reportMinute = long.MinValue;
    private int _reportsThisMinute;
    private long _reportsSuppressed;
    private long _nextConnection;
    private long _accepted;
    private long _open;
    private long _received;
    private long _logged;
    private long _duplicates;
    private long _rejected;
    private long _rejectedCrc;
    private long _unknownMn;
    private long _wrongPw;
    private long _conflicts;
    private long _outsideWindow;
    private long _answers;
    private long _refusedConnections;
    private long _evictedConnections;
    private long _idleTimeouts;
    private long _readTimeouts;
    private long _throttled;
    private int _disposed;

    private Hj212Receiver(Hj212ReceiverOptions options, Hj212Log log, Socket listener)
    {
        _options = options;
        _log = log;
        _listener = listener;
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
        LoadRecentKeys();

        // Listening only once the keys are loaded: until then a logger's connection is refused at once and it retries,
        // rather than waiting in a full backlog while its SYNs are dropped and its retries back off. The backlog holds
        // as many connections as may be served (the kernel caps it at its somaxconn), so that every logger reconnecting
        // after a restart is accepted at once rather than after seconds of SYN back-off.
        listener.Listen(Math.Max(512, options.MaxConnections));
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Gets the address the receiver listens on.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Gets the folder of the durable log.</summary>
    public string LogDirectory => _log.Directory;

    /// <summary>Opens the log (repairing a torn tail from a crash) and starts listening.</summary>
    /// <param name="options">The settings.</param>
    /// <returns>The running receiver.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A limit of <paramref name="options"/> is zero or negative.</exception>
    /// <exception cref="SocketException">The address cannot be bound.</exception>
    /// <exception cref="IOException">The log folder cannot be used.</exception>
    public static Hj212Receiver Start(Hj212ReceiverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Positive(options.MaxConnections, nameof(options.MaxConnections), nameof(options));
        Positive(options.MaxConnectionsPerAddress, nameof(options.MaxConnectionsPerAddress), nameof(options));
        Positive(options.MaxPacketsPerSecond, nameof(options.MaxPacketsPerSecond), nameof(options));
        Positive(options.MaxDuplicateKeysPerMn, nameof(options.MaxDuplicateKeysPerMn), nameof(options));
        Positive(options.MaxLoggers, nameof(options.MaxLoggers), nameof(options));
        Positive(options.MaxReportsPerMinute + 1, nameof(options.MaxReportsPerMinute), nameof(options), options.MaxReportsPerMinute, "0");
        Positive(options.IdleTimeout, nameof(options.IdleTimeout), nameof(options));
        Positive(options.ReadTimeout, nameof(options.ReadTimeout), nameof(options));
        Positive(options.DuplicateWindow, nameof(options.DuplicateWindow), nameof(options));
        Hj212Log log = Hj212Log.Open(options.LogDirectory, options.SegmentBytes, options.MaxBatch, options.MaxQueuedAppends);
        var listener = new Socket(options.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(options.EndPoint);
            return new Hj212Receiver(options, log, listener);
        }
        catch
        {
            listener.Dispose();
            log.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    /// <summary>Checks one limit of the options; the exception names the parameter <c>options</c> and the option.</summary>
    private static void Positive(int value, string name, string paramName, int? shown = null, string least = "1")
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, shown ?? value, string.Create(CultureInfo.InvariantCulture, $"Option {name} is {shown ?? value}; expected at least {least}."));
        }
    }

    private static void Positive(TimeSpan value, string name, string paramName)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(paramName, value, string.Create(CultureInfo.InvariantCulture, $"Option {name} is {value}; expected a positive time."));
        }
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
        _log.Commits)
    {
        WrongPw = Interlocked.Read(ref _wrongPw),
        Conflicts = Interlocked.Read(ref _conflicts),
        OutsideDuplicateWindow = Interlocked.Read(ref _outsideWindow),
        RefusedConnections = Interlocked.Read(ref _refusedConnections),
        EvictedConnections = Interlocked.Read(ref _evictedConnections),
        IdleTimeouts = Interlocked.Read(ref _idleTimeouts),
        ReadTimeouts = Interlocked.Read(ref _readTimeouts),
        Throttled = Interlocked.Read(ref _throttled),
    };

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

        Task[] connections = [.. _running.Values.Select(c => c.Served)];
        await Task.WhenAll(connections).ConfigureAwait(false);
        await _log.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        CancellationToken token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            Socket socket;
            IPAddress address;
            try
            {
                socket = await _listener.AcceptAsync(token).ConfigureAwait(false);
                address = ((IPEndPoint)socket.RemoteEndPoint!).Address;
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (token.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            var connection = new Connection(Interlocked.Increment(ref _nextConnection), socket, address, _options.TimeProvider, token);
            Connection? evicted = null;
            bool admitted;
            lock (_connectionsLock)
            {
                int fromAddress = _perAddress.GetValueOrDefault(address);
                if (fromAddress >= _options.MaxConnectionsPerAddress)
                {
                    admitted = false;
                }
                else if (_tracked.Count >= _options.MaxConnections)
                {
                    // Make room by closing the connection open longest without an accepted packet; loggers that have
                    // delivered keep their place.
                    foreach (Connection candidate in _tracked.Values)
                    {
                        if (!candidate.Delivered && (evicted is null || candidate.Id < evicted.Id))
                        {
                            evicted = candidate;
                        }
                    }

                    admitted = evicted is not null;
                    if (evicted is not null)
                    {
                        Untrack(evicted);
                    }
                }
                else
                {
                    admitted = true;
                }

                if (admitted)
                {
                    _tracked[connection.Id] = connection;
                    _perAddress[address] = _perAddress.GetValueOrDefault(address) + 1;
                    connection.Tracked = true;
                }
            }

            if (!admitted)
            {
                Interlocked.Increment(ref _refusedConnections);
                connection.Dispose();
                socket.Dispose();
                continue;
            }

            if (evicted is not null)
            {
                Interlocked.Increment(ref _evictedConnections);
                evicted.Close(EvictedReason);
            }

            socket.NoDelay = true;
            Interlocked.Increment(ref _accepted);
            Interlocked.Increment(ref _open);
            _running[connection.Id] = connection;
            connection.Served = Task.Run(() => ServeAsync(connection), CancellationToken.None);
        }
    }

    /// <summary>Forgets a connection for the caps. Called under <see cref="_connectionsLock"/>.</summary>
    private void Untrack(Connection connection)
    {
        if (!connection.Tracked)
        {
            return;
        }

        connection.Tracked = false;
        _tracked.Remove(connection.Id);
        int left = _perAddress[connection.Address] - 1;
        if (left == 0)
        {
            _perAddress.Remove(connection.Address);
        }
        else
        {
            _perAddress[connection.Address] = left;
        }
    }

    private async Task ServeAsync(Connection connection)
    {
        TimeProvider clock = _options.TimeProvider;
        CancellationToken token = connection.Token;
        try
        {
            await using var stream = new NetworkStream(connection.Socket, ownsSocket: true);
            PipeReader reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 8192, minimumReadSize: 2048, leaveOpen: true));
            PipeWriter writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
            var work = new List<(Task Stored, byte[]? Answer)>();
            bool discarding = false;
            long frameStarted = -1;
            double rate = _options.MaxPacketsPerSecond;
            double tokens = rate;
            long refilled = clock.GetTimestamp();
            try
            {
                while (true)
                {
                    // Between frames the connection may be idle for IdleTimeout; a frame once started must end within
                    // ReadTimeout of its first byte, however slowly its bytes come.
                    if (frameStarted >= 0)
                    {
                        TimeSpan left = _options.ReadTimeout - clock.GetElapsedTime(frameStarted);
                        connection.Arm(left > TimeSpan.Zero ? left : TimeSpan.FromTicks(1), ReadReason);
                    }
                    else
                    {
                        connection.Arm(_options.IdleTimeout, IdleReason);
                    }

                    ReadResult result = await reader.ReadAsync(token).ConfigureAwait(false);
                    connection.Disarm();
                    ReadOnlySequence<byte> buffer = result.Buffer;
                    bool throttled = false;
                    bool anyLine = false;
                    while (true)
                    {
                        ReadOnlySequence<byte> rest = buffer;
                        if (!TryReadLine(ref rest, out ReadOnlySequence<byte> line))
                        {
                            break;
                        }

                        if (!discarding)
                        {
                            long now = clock.GetTimestamp();
                            tokens = Math.Min(rate, tokens + (clock.GetElapsedTime(refilled, now).TotalSeconds * rate));
                            refilled = now;
                            if (tokens < 1)
                            {
                                throttled = true;
                                break;
                            }

                            tokens--;
                        }

                        buffer = rest;
                        anyLine = true;
                        if (discarding)
                        {
                            discarding = false; // the tail of an oversized frame
                            continue;
                        }

                        work.Add(Process(line, connection));
                    }

                    if (!throttled && !discarding && buffer.Length > _options.MaxFrameBytes)
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
                    if (throttled)
                    {
                        // Consumed and examined up to the next unread line, so the next read returns it without waiting
                        // for more bytes; the pipe stops reading the socket once its buffer is full.
                        reader.AdvanceTo(buffer.Start);
                    }
                    else
                    {
                        reader.AdvanceTo(buffer.Start, buffer.End);
                    }

                    if (!leftover && !discarding)
                    {
                        frameStarted = -1;
                    }
                    else if (anyLine || frameStarted < 0)
                    {
                        frameStarted = clock.GetTimestamp();
                    }

                    // Answer in order, each only after its packet is on disk (the disk's time is not the sender's).
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
                        connection.Arm(_options.ReadTimeout, ReadReason);
                        await writer.FlushAsync(token).ConfigureAwait(false);
                        connection.Disarm();
                        work.Clear();
                    }

                    if (throttled)
                    {
                        Interlocked.Increment(ref _throttled);
                        // Whole milliseconds, at least one: a shorter delay completes at once and would spin.
                        await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling((1 - tokens) / rate * 1000))), clock, token).ConfigureAwait(false);
                        continue;
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
            // The sender went away, timed out or was evicted, or the receiver is stopping: unanswered packets are
            // re-sent by the logger.
        }
        finally
        {
            switch (connection.Reason)
            {
                case IdleReason:
                    Interlocked.Increment(ref _idleTimeouts);
                    break;
                case ReadReason:
                    Interlocked.Increment(ref _readTimeouts);
                    break;
            }

            lock (_connectionsLock)
            {
                Untrack(connection);
            }

            connection.Dispose();
            _running.TryRemove(connection.Id, out _);
            Interlocked.Decrement(ref _open);
        }
    }

    private (Task Stored, byte[]? Answer) Process(ReadOnlySequence<byte> line, Connection connection)
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

        // Who sent it, before anything of it touches the log.
        if (!Hj212LoggerRegistry.IsValidMn(packet.MnUtf8))
        {
            Interlocked.Increment(ref _unknownMn);
            Note(string.Create(CultureInfo.InvariantCulture, $"Refused a packet from {connection.Address}: its MN of {packet.MnUtf8.Length} bytes is not 1 to {Hj212LoggerRegistry.MaxMnLength} ASCII letters, digits, '-' or '_' (QnRtn 4)."));
            return (Task.CompletedTask, Hj212Answers.For(packet, Hj212Answers.MnError));
        }

        string mn = packet.Mn;
        if (_options.Registry is { } registry)
        {
            if (!registry.TryGetLogger(mn, out Hj212RegisteredLogger? logger))
            {
                Interlocked.Increment(ref _unknownMn);
                Note($"Refused a packet from {connection.Address}: MN '{mn}' is not registered (QnRtn 4).");
                return (Task.CompletedTask, Hj212Answers.For(packet, Hj212Answers.MnError));
            }

            if (!string.Equals(packet.Pw, logger.Pw, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _wrongPw);
                Note($"Refused a packet from {connection.Address}: the PW of MN '{mn}' is wrong (QnRtn 3).");
                return (Task.CompletedTask, Hj212Answers.For(packet, Hj212Answers.PwError));
            }
        }
        else if (_options.OutletByMn is { } outlets && !outlets.ContainsKey(mn))
        {
            Interlocked.Increment(ref _unknownMn);
            Note($"Refused a packet from {connection.Address}: MN '{mn}' has no outlet (QnRtn 4).");
            return (Task.CompletedTask, Hj212Answers.For(packet, Hj212Answers.MnError));
        }

        byte[]? answer = Hj212Answers.For(packet);
        LoggerKeys? keys;
        lock (_keysLock)
        {
            keys = KeysOf(mn);
        }

        if (keys is null)
        {
            Interlocked.Increment(ref _unknownMn);
            Note(string.Create(CultureInfo.InvariantCulture, $"Refused a packet from {connection.Address}: MN '{mn}' is beyond the {_options.MaxLoggers} data loggers remembered without a registry (QnRtn 4)."));
            return (Task.CompletedTask, Hj212Answers.For(packet, Hj212Answers.MnError));
        }

        connection.Delivered = true;
        if (DuplicateKey.Of(packet) is not { } key)
        {
            return (Store(frame.AsMemory(0, length)), answer);
        }

        ulong data = DataHash(packet);
        TaskCompletionSource stored;
        lock (_keysLock)
        {
            switch (keys.Check(key, data, _options.DuplicateWindow.Ticks, _options.MaxDuplicateKeysPerMn))
            {
                case KeyCheck.Duplicate:
                    Interlocked.Increment(ref _duplicates);
                    return (_inFlight.GetValueOrDefault((mn, key, data), Task.CompletedTask), answer);
                case KeyCheck.OutsideWindow:
                    Interlocked.Increment(ref _outsideWindow);
                    return (Store(frame.AsMemory(0, length)), answer);
                case KeyCheck.Conflict:
                    Interlocked.Increment(ref _conflicts);
                    Note(string.Create(CultureInfo.InvariantCulture, $"Stored a conflicting copy from {connection.Address}: MN '{mn}', CN {packet.Cn}, {(packet.DataTime is { } t ? "DataTime " + t.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) : "QN " + packet.Qn)}{(packet.Pno is { } pno ? " PNO " + pno.ToString(CultureInfo.InvariantCulture) : string.Empty)} was stored before with other data; both are kept in the log."));
                    break;
            }

            stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _inFlight[(mn, key, data)] = stored.Task;
        }

        _ = CompleteAsync(Store(frame.AsMemory(0, length)), stored, (mn, key, data));
        return (stored.Task, answer);
    }

    /// <summary>Completes a key's task when its packet is stored, and forgets the task: later copies find the key in
    /// the MN's memory and need not wait.</summary>
    private async Task CompleteAsync(Task append, TaskCompletionSource stored, (string, DuplicateKey, ulong) key)
    {
        try
        {
            await append.ConfigureAwait(false);
            stored.TrySetResult();
        }
        catch (Exception e)
        {
            stored.TrySetException(e);
        }
        finally
        {
            lock (_keysLock)
            {
                _inFlight.Remove(key);
            }
        }
    }

    /// <summary>The duplicate memory of an MN, made on its first packet; <see langword="null"/> when no registry names
    /// the loggers and <see cref="Hj212ReceiverOptions.MaxLoggers"/> MNs are remembered already. Called under
    /// <see cref="_keysLock"/>.</summary>
    private LoggerKeys? KeysOf(string mn)
    {
        if (_keysByMn.TryGetValue(mn, out LoggerKeys? keys))
        {
            return keys;
        }

        if (_options.Registry is null && _options.OutletByMn is null && _keysByMn.Count >= _options.MaxLoggers)
        {
            return null;
        }

        _keysByMn[mn] = keys = new LoggerKeys();
        return keys;
    }

    /// <summary>A hash of the packet's data: its CP field, from <c>CP=&amp;&amp;</c> to the end of the data segment
    /// (where the parser finds it), so that a re-send with another QN is still the same data.</summary>
    private static ulong DataHash(Hj212Packet packet)
    {
        ReadOnlySpan<byte> segment = packet.DataSegmentUtf8;
        int cp = segment.StartsWith("CP=&&"u8) ? 0 : segment.IndexOf(";CP=&&"u8) + 1;
        return XxHash3.HashToUInt64(segment[cp..]);
    }

    private async Task Store(ReadOnlyMemory<byte> frame)
    {
        // Not the connection's token: once queued, a packet is committed even if its sender goes away.
        await _log.AppendAsync(frame, Now, _stop.Token).ConfigureAwait(false);
        Interlocked.Increment(ref _logged);
    }

    /// <summary>Gives a sentence to <see cref="Hj212ReceiverOptions.Report"/>, at most
    /// <see cref="Hj212ReceiverOptions.MaxReportsPerMinute"/> a minute, so that a flood of refusals cannot flood the
    /// operator's log.</summary>
    private void Note(string sentence)
    {
        if (_options.Report is not { } report)
        {
            return;
        }

        string? summary = null;
        lock (_reportLock)
        {
            long minute = Now.Ticks / TimeSpan.TicksPerMinute;
            if (minute != _reportMinute)
            {
                if (_reportsSuppressed > 0)
                {
                    summary = string.Create(CultureInfo.InvariantCulture, $"{_reportsSuppressed} further reports of the previous minute were counted, not shown.");
                }

                _reportMinute = minute;
                _reportsThisMinute = 0;
                _reportsSuppressed = 0;
            }

            if (_reportsThisMinute >= _options.MaxReportsPerMinute)
            {
                _reportsSuppressed++;
                return;
            }

            _reportsThisMinute++;
        }

        if (summary is not null)
        {
            report(summary);
        }

        report(sentence);
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
                if (Hj212Packet.Parse(record.Packet, lenient).Packet is not { } packet
                    || !Hj212LoggerRegistry.IsValidMn(packet.MnUtf8)
                    || DuplicateKey.Of(packet) is not { } key)
                {
                    continue;
                }

                string mn = packet.Mn;
                if (_options.Registry is { } registry && !registry.TryGetLogger(mn, out _))
                {
                    continue;
                }

                lock (_keysLock)
                {
                    KeysOf(mn)?.Check(key, DataHash(packet), _options.DuplicateWindow.Ticks, _options.MaxDuplicateKeysPerMn);
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

    /// <summary>One connection: its socket, where it comes from, whether it has delivered an accepted packet, and the
    /// watchdog that closes it when a timeout passes.</summary>
    private sealed class Connection : IDisposable
    {
        private readonly CancellationTokenSource _cancel;
        private readonly ITimer _watchdog;
        private int _armedReason;
        private int _reason;

        public Connection(long id, Socket socket, IPAddress address, TimeProvider clock, CancellationToken stop)
        {
            Id = id;
            Socket = socket;
            Address = address;
            _cancel = CancellationTokenSource.CreateLinkedTokenSource(stop);
            Token = _cancel.Token;
            _watchdog = clock.CreateTimer(static state => ((Connection)state!).Expire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public long Id { get; }

        public Socket Socket { get; }

        public IPAddress Address { get; }

        public CancellationToken Token { get; }

        public Task Served { get; set; } = Task.CompletedTask;

        /// <summary>Whether it counts for the caps. Read and written under the receiver's connections lock.</summary>
        public bool Tracked { get; set; }

        public volatile bool Delivered;

        public int Reason => Volatile.Read(ref _reason);

        public void Arm(TimeSpan due, int reason)
        {
            Volatile.Write(ref _armedReason, reason);
            _watchdog.Change(due, Timeout.InfiniteTimeSpan);
        }

        public void Disarm() => _watchdog.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        public void Close(int reason)
        {
            Interlocked.CompareExchange(ref _reason, reason, NoReason);
            try
            {
                _cancel.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        public void Dispose()
        {
            _watchdog.Dispose();
            _cancel.Dispose();
        }

        private void Expire() => Close(Volatile.Read(ref _armedReason));
    }
}

/// <summary>How a packet's key relates to the keys remembered for its MN.</summary>
internal enum KeyCheck
{
    New,
    Duplicate,
    Conflict,
    OutsideWindow,
}

/// <summary>A packet's duplicate key within its MN: (CN, DataTime, PNO), or (CN, QN, PNO) for a split packet without
/// DataTime, where <paramref name="Cn"/> is negated (less one) and <paramref name="Time"/> is the QN's time.
/// <paramref name="Time"/> is in UTC ticks.</summary>
internal readonly record struct DuplicateKey(long Time, int Cn, int Pno)
{
    public static DuplicateKey? Of(Hj212Packet packet)
    {
        if (!int.TryParse(packet.Cn, NumberStyles.None, CultureInfo.InvariantCulture, out int cn))
        {
            return null;
        }

        int pno = packet.Pno ?? 0;
        if (packet.DataTime is { } time)
        {
            return new DuplicateKey(time.UtcTicks, cn, pno);
        }

        return packet.Pnum is not null && packet.Qn is { Length: 17 } qn
            && DateTime.TryParseExact(qn, "yyyyMMddHHmmssfff", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local)
            ? new DuplicateKey(new DateTimeOffset(local, TimeSpan.FromHours(8)).UtcTicks, -cn - 1, pno)
            : null;
    }
}

/// <summary>The duplicate memory of one MN: the data hash of the first copy of each key, other data seen for a key
/// (conflicts), and the keys ordered by time so that the oldest DataTimes are forgotten first.</summary>
/// <remarks>Bounded: keys older than the window before the MN's newest DataTime, and keys beyond the per-MN cap, are
/// forgotten. Not thread-safe; the receiver holds its lock.</remarks>
internal sealed class LoggerKeys
{
    private readonly Dictionary<DuplicateKey, ulong> _first = [];
    private readonly PriorityQueue<DuplicateKey, long> _byTime = new();
    private Dictionary<DuplicateKey, List<ulong>>? _others;
    private long _newest = long.MinValue;

    public int Count => _first.Count;

    /// <summary>Gets the keys remembered, each with the data hash of its first copy (conflicting data is not kept).</summary>
    public IEnumerable<(DuplicateKey Key, ulong Data)> Entries => _first.Select(p => (p.Key, p.Value));

    public KeyCheck Check(DuplicateKey key, ulong data, long windowTicks, int maxKeys)
    {
        if (_first.TryGetValue(key, out ulong first))
        {
            if (first == data)
            {
                return KeyCheck.Duplicate;
            }

            _others ??= [];
            if (!_others.TryGetValue(key, out List<ulong>? others))
            {
                _others[key] = others = [];
            }

            if (others.Contains(data))
            {
                return KeyCheck.Duplicate;
            }

            others.Add(data);
            return KeyCheck.Conflict;
        }

        if (_newest != long.MinValue && key.Time < _newest - windowTicks)
        {
            return KeyCheck.OutsideWindow;
        }

        _first[key] = data;
        _byTime.Enqueue(key, key.Time);
        _newest = Math.Max(_newest, key.Time);
        while (_byTime.TryPeek(out DuplicateKey oldest, out long time) && (_first.Count > maxKeys || time < _newest - windowTicks))
        {
            _byTime.Dequeue();
            _first.Remove(oldest);
            _others?.Remove(oldest);
        }

        return KeyCheck.New;
    }
}
