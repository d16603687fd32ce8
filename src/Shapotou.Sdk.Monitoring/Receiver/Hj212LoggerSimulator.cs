using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Shapotou.Sdk.Internal;
using Shapotou.Sdk.Monitoring.Hj212;

namespace Shapotou.Sdk.Monitoring.Receiver;

/// <summary>The settings of <see cref="Hj212LoggerSimulator.RunAsync"/>.</summary>
/// <param name="Server">The receiver's address.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
internal sealed record Hj212SimulationOptions(IPEndPoint Server)
{
    /// <summary>Gets the number of data loggers, one connection each. Default 20.</summary>
    public int Loggers { get; init; } = 20;

    /// <summary>Gets the first minute sent, China Standard Time wall clock (a time not marked with a zone). Default 2025-01-01 00:00.</summary>
    /// <exception cref="ArgumentException">The time set is marked UTC or local.</exception>
    public DateTime Start { get; init => field = ChinaWallClock.Checked(value, nameof(Start), "The first minute"); } = new(2025, 1, 1);

    /// <summary>Gets the minutes of data each logger sends (CN 2051 per minute; CN 2061 after each full hour).
    /// Default 60.</summary>
    public int Minutes { get; init; } = 60;

    /// <summary>Gets the packets a logger sends before it waits for their answers. Default 1 (send, wait, send).</summary>
    public int Window { get; init; } = 1;

    /// <summary>Gets how long a logger waits for answers before it reconnects and sends again (HJ 212-2017 Table 1:
    /// 10 s over GPRS and the like). Default 10 s.</summary>
    public TimeSpan AnswerTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets how long a logger keeps trying to reach the receiver before it gives up. Default 5 minutes.</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets the share of packets preceded by a malformed frame (a changed byte, a cut frame or noise). Default 0.</summary>
    public double MalformedShare { get; init; }

    /// <summary>Gets the seed of the simulated values. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Gets the connections opened beside the loggers that send nothing, held open while the loggers run and
    /// opened again when the receiver closes them (an attacker's idle connections). Default 0.</summary>
    public int IdleConnections { get; init; }

    /// <summary>Gets the forgers run beside the loggers: each sends, while the loggers run, packets for the loggers' MNs
    /// and minutes with other values and a wrong PW, and now and then an unregistered or overlong MN. Default 0.</summary>
    public int Forgers { get; init; }

    /// <summary>Gets where the number of packets acknowledged so far is reported: about twice a second while the loggers
    /// run, and once when they are done; <see langword="null"/> (the default) for no reports.</summary>
    public IProgress<long>? Progress { get; init; }
}

/// <summary>What a simulation did.</summary>
/// <param name="Loggers">Loggers simulated.</param>
/// <param name="Packets">Distinct data packets (minute and hour) to deliver.</param>
/// <param name="Acknowledged">Packets answered with 9014 (each counted once).</param>
/// <param name="Sent">Frames sent, re-sends included, malformed ones excluded.</param>
/// <param name="Resent">Packets sent again after a timeout or a lost connection.</param>
/// <param name="Malformed">Malformed frames sent.</param>
/// <param name="Reconnects">Connections opened after the first, per logger summed.</param>
/// <param name="Elapsed">Wall time.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
internal sealed record Hj212SimulationResult(int Loggers, long Packets, long Acknowledged, long Sent, long Resent, long Malformed, long Reconnects, TimeSpan Elapsed)
{
    /// <summary>Gets the idle connections opened (re-openings included).</summary>
    public long IdleOpened { get; init; }

    /// <summary>Gets the idle connections the receiver closed (evicted, timed out, refused once accepted, or stopped).</summary>
    public long IdleClosed { get; init; }

    /// <summary>Gets the forged packets sent.</summary>
    public long Forged { get; init; }

    /// <summary>Gets the forged packets the receiver refused (9011 with QnRtn 3 or 4).</summary>
    public long ForgedRefused { get; init; }

    /// <summary>Gets the forged packets the receiver acknowledged as stored (9014): zero when it checks PWs.</summary>
    public long ForgedAcknowledged { get; init; }

    /// <summary>Gets the acknowledged packets per second of wall time.</summary>
    public double PacketsPerSecond => Elapsed.TotalSeconds > 0 ? Acknowledged / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Simulated CEMS data loggers for tests, demos and load runs: each sends minute data (CN 2051) and, after each full
/// hour, hourly data (CN 2061) of SO₂, NOx, PM, O₂ and flow, with Flag 5 (HJ 212-2017, answer required), and behaves as
/// a logger should: it waits for the 9014 answer and sends again, on a new connection, whatever was not answered.
/// </summary>
/// <remarks>Values are plausible, not measured: a kiln-like outlet around SO₂ 25 mg/m³, NOx 40, PM 5, O₂ 12.5 % and
/// 50 m³/s, with deterministic noise from the seed; about one minute in 200 is flagged C (calibration).</remarks>
internal static class Hj212LoggerSimulator
{
    /// <summary>Gets the MN of a simulated logger: 24 hexadecimal digits.</summary>
    /// <param name="logger">The 0-based logger index.</param>
    /// <returns>The MN.</returns>
    public static string Mn(int logger) => "010000A89000" + logger.ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>Gets the PW of a simulated logger: six digits, different per logger.</summary>
    /// <param name="logger">The 0-based logger index.</param>
    /// <returns>The PW.</returns>
    public static string Pw(int logger) => (100_000 + (((logger * 7_919L) + 104_729) % 900_000)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Gets the registry of the simulated loggers: each MN with its PW, the MN as its outlet id.</summary>
    /// <param name="loggers">The number of loggers.</param>
    /// <returns>The registry.</returns>
    public static Hj212LoggerRegistry Registry(int loggers)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(loggers);
        return new Hj212LoggerRegistry(Enumerable.Range(0, loggers).Select(i => new Hj212RegisteredLogger(Mn(i), Pw(i), Mn(i))));
    }

    /// <summary>Gets the SO₂ minute average a simulated logger sends for a minute, as written in its packet, for checking
    /// that stored values are the logger's own.</summary>
    /// <param name="logger">The 0-based logger index.</param>
    /// <param name="minuteIndex">The 0-based minute since <see cref="Hj212SimulationOptions.Start"/>.</param>
    /// <param name="seed">The seed of the simulated values.</param>
    /// <returns>The value in mg/m³.</returns>
    public static double So2(int logger, int minuteIndex, int seed = 1) => Values(seed, logger, minuteIndex).So2;

    /// <summary>Gets the packets a logger sends, in order, with their QN.</summary>
    /// <param name="logger">The 0-based logger index.</param>
    /// <param name="options">The simulation.</param>
    /// <returns>The packets (CRLF-terminated bytes).</returns>
    public static IEnumerable<(string Qn, byte[] Packet)> Packets(int logger, Hj212SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string mn = Mn(logger);
        var sums = new double[5];
        int inHour = 0;
        for (int m = 0; m < options.Minutes; m++)
        {
            DateTime minute = options.Start.AddMinutes(m);
            (double so2, double nox, double pm, double o2, double flow, char flag) = Values(options.Seed, logger, m);
            string qn = Qn(minute, 0);
            var builder = new Hj212PacketBuilder("31", "2051", Pw(logger), mn).SetQn(qn).SetFlag(5)
                .AddDataTime(new DateTimeOffset(minute, Hj212Time.ChinaStandardTime)).EndItem();
            Factor(builder, "a21026", so2, 2, flag);
            Factor(builder, "a21002", nox, 1, flag);
            Factor(builder, "a34013", pm, 1, flag);
            Factor(builder, "a19001", o2, 1, flag);
            Factor(builder, "a00000", flow, 1, flag);
            yield return (qn, builder.BuildUtf8());

            sums[0] += so2; sums[1] += nox; sums[2] += pm; sums[3] += o2; sums[4] += flow;
            inHour++;
            if (minute.Minute == 59 && inHour == 60)
            {
                DateTime hour = minute.AddMinutes(-59);
                string hqn = Qn(hour, 1);
                double flowM3h = sums[4] / 60 * 3600;
                var hourly = new Hj212PacketBuilder("31", "2061", Pw(logger), mn).SetQn(hqn).SetFlag(5)
                    .AddDataTime(new DateTimeOffset(hour, Hj212Time.ChinaStandardTime)).EndItem();
                Factor(hourly, "a21026", sums[0] / 60, 2, 'N', sums[0] / 60 * flowM3h * 1e-6);
                Factor(hourly, "a21002", sums[1] / 60, 1, 'N', sums[1] / 60 * flowM3h * 1e-6);
                Factor(hourly, "a34013", sums[2] / 60, 1, 'N', sums[2] / 60 * flowM3h * 1e-6);
                Factor(hourly, "a19001", sums[3] / 60, 1, 'N');
                Factor(hourly, "a00000", sums[4] / 60, 1, 'N', flowM3h);
                yield return (hqn, hourly.BuildUtf8());
            }

            if (minute.Minute == 59)
            {
                Array.Clear(sums);
                inHour = 0;
            }
        }
    }

    /// <summary>Runs the loggers until every packet is answered, or a logger gives up.</summary>
    /// <param name="options">The simulation.</param>
    /// <param name="cancellationToken">Stops the loggers.</param>
    /// <returns>What was sent and answered.</returns>
    /// <exception cref="TimeoutException">A logger could not deliver its packets within
    /// <see cref="Hj212SimulationOptions.GiveUpAfter"/> of trying.</exception>
    public static async Task<Hj212SimulationResult> RunAsync(Hj212SimulationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var counters = new long[11];
        using var others = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        List<Task> idle = [];
        for (int i = 0; i < options.IdleConnections; i++)
        {
            // Opened before the loggers start, so that they meet a receiver already full of idle connections.
            idle.Add(HoldIdleAsync(options, counters, others.Token));
            if (i % 256 == 255)
            {
                await Task.Delay(10, cancellationToken).ConfigureAwait(false);
            }
        }

        Task[] forgers = Enumerable.Range(0, options.Forgers)
            .Select(i => Task.Run(() => ForgeAsync(i, options, counters, others.Token), CancellationToken.None))
            .ToArray();
        Task[] loggers = Enumerable.Range(0, options.Loggers)
            .Select(i => Task.Run(() => RunLoggerAsync(i, options, counters, cancellationToken), cancellationToken))
            .ToArray();
        Task all = Task.WhenAll(loggers);
        try
        {
            if (options.Progress is { } progress)
            {
                while (await Task.WhenAny(all, Task.Delay(500, cancellationToken)).ConfigureAwait(false) != all)
                {
                    progress.Report(Interlocked.Read(ref counters[1]));
                }
            }

            await all.ConfigureAwait(false);
            options.Progress?.Report(Interlocked.Read(ref counters[1]));
        }
        finally
        {
            await others.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(idle.Concat(forgers)).ConfigureAwait(false);
        }

        return new Hj212SimulationResult(options.Loggers, counters[0], counters[1], counters[2], counters[3], counters[4], counters[5], clock.Elapsed)
        {
            IdleOpened = Interlocked.Read(ref counters[6]),
            IdleClosed = Interlocked.Read(ref counters[7]),
            Forged = Interlocked.Read(ref counters[8]),
            ForgedRefused = Interlocked.Read(ref counters[9]),
            ForgedAcknowledged = Interlocked.Read(ref counters[10]),
        };
    }

    /// <summary>Holds a connection that sends nothing, opening it again whenever the receiver closes it.</summary>
    private static async Task HoldIdleAsync(Hj212SimulationOptions options, long[] counters, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[256];
        while (!cancellationToken.IsCancellationRequested)
        {
            bool connected = false;
            try
            {
                using var socket = new Socket(options.Server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(options.Server, cancellationToken).ConfigureAwait(false);
                connected = true;
                Interlocked.Increment(ref counters[6]);
                while (await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
                {
                }

                Interlocked.Increment(ref counters[7]);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException) when (connected)
            {
                Interlocked.Increment(ref counters[7]); // reset by the receiver
            }
            catch (SocketException)
            {
                // Not listening (a restart): try again.
            }

            try
            {
                await Task.Delay(250, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends forged packets while the loggers run: a real MN and minute with other values (SO₂ 999.99) and a
    /// wrong PW; every tenth with an unregistered MN, every fiftieth with an MN of 250 bytes. Each waits for its answer.</summary>
    private static async Task ForgeAsync(int forger, Hj212SimulationOptions options, long[] counters, CancellationToken cancellationToken)
    {
        var random = new Random(StableSeed(options.Seed, forger, 11));
        int n = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var socket = new Socket(options.Server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(options.Server, cancellationToken).ConfigureAwait(false);
                await using var stream = new NetworkStream(socket, ownsSocket: false);
                var answers = new AnswerReader(stream);
                while (!cancellationToken.IsCancellationRequested)
                {
                    int logger = random.Next(Math.Max(1, options.Loggers));
                    DateTime minute = options.Start.AddMinutes(random.Next(Math.Max(1, options.Minutes)));
                    string mn = (n % 50) == 49 ? new string('7', 250) : (n % 10) == 9 ? "ZZ" + Mn(logger)[2..] : Mn(logger);
                    string qn = Qn(minute, 9);
                    byte[] packet = new Hj212PacketBuilder("31", "2051", "999999", mn).SetQn(qn).SetFlag(5)
                        .AddDataTime(new DateTimeOffset(minute, Hj212Time.ChinaStandardTime)).EndItem()
                        .AddField("a21026-Avg", "999.99").AddField("a21026-Flag", "N").EndItem()
                        .BuildUtf8();
                    n++;
                    await stream.WriteAsync(packet, cancellationToken).ConfigureAwait(false);
                    Interlocked.Increment(ref counters[8]);
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeout.CancelAfter(options.AnswerTimeout);
                    (string Cn, string? QnRtn)? answer = await answers.NextAnswerAsync(timeout.Token).ConfigureAwait(false);
                    if (answer is null)
                    {
                        break;
                    }

                    if (answer.Value.Cn == "9014")
                    {
                        Interlocked.Increment(ref counters[10]);
                    }
                    else if (answer.Value.QnRtn is "3" or "4")
                    {
                        Interlocked.Increment(ref counters[9]);
                    }
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // Closed or timed out: connect again while the loggers run.
            }
        }
    }

    private static async Task RunLoggerAsync(int logger, Hj212SimulationOptions options, long[] counters, CancellationToken cancellationToken)
    {
        (string Qn, byte[] Packet)[] packets = Packets(logger, options).ToArray();
        Interlocked.Add(ref counters[0], packets.Length);
        var random = new Random(StableSeed(options.Seed, logger, 7));
        int next = 0;
        int sentUpTo = 0;
        bool firstConnection = true;
        var failingSince = Stopwatch.StartNew();
        while (next < packets.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!firstConnection)
            {
                Interlocked.Increment(ref counters[5]);
                if (failingSince.Elapsed > options.GiveUpAfter)
                {
                    throw new TimeoutException($"Logger {Mn(logger)} could not deliver packet {next + 1} of {packets.Length} within {options.GiveUpAfter}.");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100 + random.Next(200)), cancellationToken).ConfigureAwait(false);
            }

            firstConnection = false;
            try
            {
                using var socket = new Socket(options.Server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(options.Server, cancellationToken).ConfigureAwait(false);
                await using var stream = new NetworkStream(socket, ownsSocket: false);
                var answers = new AnswerReader(stream);
                while (next < packets.Length)
                {
                    int end = Math.Min(packets.Length, next + options.Window);
                    var waiting = new HashSet<string>(StringComparer.Ordinal);
                    for (int i = next; i < end; i++)
                    {
                        if (options.MalformedShare > 0 && random.NextDouble() < options.MalformedShare)
                        {
                            await stream.WriteAsync(Malformed(packets[i].Packet, random), cancellationToken).ConfigureAwait(false);
                            Interlocked.Increment(ref counters[4]);
                        }

                        await stream.WriteAsync(packets[i].Packet, cancellationToken).ConfigureAwait(false);
                        Interlocked.Increment(ref counters[2]);
                        if (i < sentUpTo)
                        {
                            Interlocked.Increment(ref counters[3]);
                        }

                        sentUpTo = Math.Max(sentUpTo, i + 1);

                        waiting.Add(packets[i].Qn);
                    }

                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeout.CancelAfter(options.AnswerTimeout);
                    while (waiting.Count > 0)
                    {
                        string? qn = await answers.NextDataAnswerQnAsync(timeout.Token).ConfigureAwait(false)
                            ?? throw new IOException("The receiver closed the connection.");
                        waiting.Remove(qn);
                    }

                    Interlocked.Add(ref counters[1], end - next);
                    next = end;
                    failingSince.Restart();
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not answered: reconnect and send the unanswered window again.
            }
        }
    }

    private static byte[] Malformed(byte[] packet, Random random)
    {
        switch (random.Next(3))
        {
            case 0:
            {
                byte[] changed = (byte[])packet.Clone();
                int at = 6 + random.Next(changed.Length - 12);
                changed[at] = changed[at] == (byte)'7' ? (byte)'8' : (byte)'7'; // a changed digit: a CRC error
                return changed;
            }

            case 1:
                return [.. packet.AsSpan(0, packet.Length / 2), (byte)'\r', (byte)'\n']; // a cut frame
            default:
                return Encoding.ASCII.GetBytes("noise " + random.Next().ToString(CultureInfo.InvariantCulture) + "\r\n");
        }
    }

    private static void Factor(Hj212PacketBuilder builder, string code, double avg, int decimals, char flag, double? cou = null)
    {
        builder.AddField(code + "-Avg", avg, decimals);
        if (cou is { } c)
        {
            builder.AddField(code + "-Cou", c, 3);
        }

        builder.AddField(code + "-Flag", flag.ToString()).EndItem();
    }

    private static string Qn(DateTime time, int kind) =>
        time.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + kind.ToString("D3", CultureInfo.InvariantCulture);

    /// <summary>A seed mixed from three numbers, the same in every process (<see cref="HashCode"/> is randomized per
    /// process, so values drawn from it could not be checked by another process, such as <c>simulate --verify</c>).</summary>
    private static int StableSeed(int a, int b, int c) => unchecked((int)((((((uint)a * 2_654_435_761u) ^ (uint)b) * 2_246_822_519u) ^ (uint)c) * 3_266_489_917u));

    private static (double So2, double Nox, double Pm, double O2, double Flow, char Flag) Values(int seed, int logger, int minute)
    {
        var random = new Random(StableSeed(seed, logger, minute));
        double drift = Math.Sin(minute / 90.0 + logger);
        char flag = random.Next(200) == 0 ? 'C' : 'N';
        return (
            Math.Round(25 + (4 * drift) + random.NextDouble(), 2),
            Math.Round(40 + (6 * drift) + random.NextDouble(), 1),
            Math.Round(5 + drift + (random.NextDouble() * 0.5), 1),
            Math.Round(12.5 + (0.3 * drift), 1),
            Math.Round(50 + (2 * drift) + random.NextDouble(), 1),
            flag);
    }

    /// <summary>Reads answer lines and returns the QN of each 9014 data answer; other answers (9011 to malformed frames)
    /// are skipped.</summary>
    private sealed class AnswerReader(NetworkStream stream)
    {
        private readonly byte[] _buffer = new byte[16384];
        private int _start;
        private int _end;

        public async Task<string?> NextDataAnswerQnAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                Hj212Packet? packet = await NextPacketAsync(cancellationToken).ConfigureAwait(false);
                if (packet is null)
                {
                    return null;
                }

                if (packet is { Cn: "9014", Qn: { } qn })
                {
                    return qn;
                }
            }
        }

        /// <summary>Returns the next answer's CN and QnRtn, or <see langword="null"/> at the end of the connection.</summary>
        public async Task<(string Cn, string? QnRtn)?> NextAnswerAsync(CancellationToken cancellationToken)
        {
            Hj212Packet? packet = await NextPacketAsync(cancellationToken).ConfigureAwait(false);
            return packet is null ? null : (packet.Cn, packet.TryGetField("QnRtn", out Hj212Field qnRtn) ? qnRtn.Value : null);
        }

        private async Task<Hj212Packet?> NextPacketAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                int lf = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                if (lf >= 0)
                {
                    ReadOnlyMemory<byte> line = _buffer.AsMemory(_start, lf - _start);
                    _start = lf + 1;
                    Hj212ParseResult parsed = Hj212Packet.Parse(line.Span.TrimEnd((byte)'\r'));
                    if (parsed.Packet is { } packet)
                    {
                        return packet;
                    }

                    continue;
                }

                if (_start > 0)
                {
                    Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                }

                if (_end == _buffer.Length)
                {
                    throw new IOException("An answer line is longer than 16 KiB.");
                }

                int read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return null;
                }

                _end += read;
            }
        }
    }
}
