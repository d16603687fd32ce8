using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Monitoring.Hj212;
using Shapotou.Sdk.Monitoring.Receiver;
using Shapotou.Sdk.Parquet;

namespace Shapotou.Sdk.Cli.Commands;

/// <summary><c>shapotou hj212 serve</c>: the HJ 212 receiver with its durable log, rolled into Parquet partitions.</summary>
/// <remarks>Runs until SIGINT or SIGTERM (or <c>--stop-after</c>); then it stops taking packets, closes the log, rolls
/// everything stored into the partitions and prints its counters. Killed without warning, it loses no acknowledged
/// packet: they are in the log, and the next start rolls them.</remarks>
internal static class Hj212ServeCommand
{
    /// <summary>Log segments of 16 MiB (about 55 000 minute packets): a roll holds one segment's rows in memory.</summary>
    private const long SegmentBytes = 16L << 20;

    public static Command Create(CommandContext context)
    {
        var port = new Option<int>("--port") { Description = "The TCP port to listen on (0 for any free port).", Required = true, HelpName = "N", CustomParser = CliInput.ParseInteger }
            .InRange(0, 65_535, "a TCP port");
        var host = new Option<string>("--host") { Description = "The address to listen on (default 127.0.0.1, loopback only); any other address needs --registry.", DefaultValueFactory = _ => "127.0.0.1", HelpName = "ADDRESS" };
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder of the Parquet partitions (cems_minute/, cems_hourly/).", Required = true, HelpName = "DIR" };
        var log = new Option<DirectoryInfo?>("--log") { Description = "The folder of the durable log (default DIR/log).", HelpName = "DIR" };
        var registry = new Option<FileInfo?>("--registry") { Description = "A text file of the data loggers allowed to send, one 'MN,PW[,OUTLET_ID]' per line: other MNs are refused (QnRtn 4), wrong PWs too (QnRtn 3). Required beyond loopback.", HelpName = "FILE" };
        var outlets = new Option<FileInfo?>("--outlets") { Description = "An outlets.parquet whose 'mn' column maps data loggers to outlets; other MNs are refused (QnRtn 4); PWs are not checked. Without it or --registry the MN is the outlet id.", HelpName = "FILE" };
        var roll = new Option<int>("--roll-seconds") { Description = "Seconds between rolls of the log into Parquet (default 300).", DefaultValueFactory = _ => 300, HelpName = "S" };
        var stopAfter = new Option<int?>("--stop-after") { Description = "Stop after this many seconds (for scripted runs).", HelpName = "S" };
        var lenientCrc = new Option<bool>("--lenient-crc") { Description = "Accept CRC-16/MODBUS (as written or byte-swapped) in place of the Annex A CRC." };
        var defaults = new Hj212ReceiverOptions(".");
        var maxConnections = Positive("--max-connections", $"Connections served at once (default {defaults.MaxConnections}); beyond it the oldest one without an accepted packet is closed.", defaults.MaxConnections);
        var maxPerAddress = Positive("--max-connections-per-address", $"Connections from one remote address at once (default {defaults.MaxConnectionsPerAddress}).", defaults.MaxConnectionsPerAddress);
        var idleTimeout = Positive("--idle-timeout", $"Seconds a connection may send nothing between packets before it is closed (default {defaults.IdleTimeout.TotalSeconds:F0}).", (int)defaults.IdleTimeout.TotalSeconds);
        var readTimeout = Positive("--read-timeout", $"Seconds a packet may take from its first byte to its line end, and the sender to take an answer (default {defaults.ReadTimeout.TotalSeconds:F0}).", (int)defaults.ReadTimeout.TotalSeconds);
        var maxRate = Positive("--max-packets-per-second", $"Packets per second read from one connection; faster senders are slowed down (default {defaults.MaxPacketsPerSecond}).", defaults.MaxPacketsPerSecond);
        var command = new Command("serve", "Receive HJ 212 packets over TCP from many data loggers: check who sent each, store each accepted packet in a durable log before answering (9014, QnRtn), count duplicates, and roll the log into cems_minute / cems_hourly Parquet partitions per day and outlet.")
        {
            port, host, output, log, registry, outlets, roll, stopAfter, lenientCrc, maxConnections, maxPerAddress, idleTimeout, readTimeout, maxRate,
        };
        command.SetAction((parse, token) =>
        {
            CliInput.OutputFolder(parse.GetValue(output)!, "--out");
            string hostText = parse.GetValue(host)!;
            if (!IPAddress.TryParse(hostText, out IPAddress? address))
            {
                return Fail(context, $"--host '{hostText}' is not an IP address; expected one such as 127.0.0.1 or 0.0.0.0.");
            }

            FileInfo? registryFile = parse.GetValue(registry);
            FileInfo? outletsFile = parse.GetValue(outlets);
            if (registryFile is not null && outletsFile is not null)
            {
                return Fail(context, "--registry and --outlets were both given; expected one of them (the registry names each logger's outlet).");
            }

            if (!IPAddress.IsLoopback(address) && registryFile is null)
            {
                return Fail(context, $"--host {address} listens beyond loopback without --registry; expected a registry of the loggers allowed to send (MN, PW), or --host 127.0.0.1.");
            }

            var options = new Hj212ReceiverOptions(parse.GetValue(log)?.FullName ?? Path.Combine(parse.GetValue(output)!.FullName, "log"))
            {
                EndPoint = new IPEndPoint(address, parse.GetValue(port)),
                ParseOptions = new Hj212ParseOptions { LenientCrc = parse.GetValue(lenientCrc) },
                SegmentBytes = SegmentBytes,
                MaxConnections = parse.GetValue(maxConnections),
                MaxConnectionsPerAddress = parse.GetValue(maxPerAddress),
                IdleTimeout = TimeSpan.FromSeconds(parse.GetValue(idleTimeout)),
                ReadTimeout = TimeSpan.FromSeconds(parse.GetValue(readTimeout)),
                MaxPacketsPerSecond = parse.GetValue(maxRate),
            };
            return RunAsync(
                context,
                options,
                parse.GetValue(output)!.FullName,
                registryFile,
                outletsFile,
                TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(roll))),
                parse.GetValue(stopAfter),
                token);
        });
        return command;
    }

    private static Option<int> Positive(string name, string description, int defaultValue)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue, HelpName = "N" };
        option.Validators.Add(result =>
        {
            int value = result.GetValueOrDefault<int>();
            if (value <= 0)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be at least 1; found {value}."));
            }
        });
        return option;
    }

    private static Task<int> Fail(CommandContext context, string sentence)
    {
        context.Error.WriteLine("hj212 serve: " + sentence);
        return Task.FromResult(ShapotouApp.RejectedInput);
    }

    private static async Task<int> RunAsync(
        CommandContext context, Hj212ReceiverOptions options, string output, FileInfo? registryFile, FileInfo? outletsFile,
        TimeSpan rollEvery, int? stopAfter, CancellationToken token)
    {
        string logDirectory = options.LogDirectory;
        Hj212LoggerRegistry? registry = registryFile is null ? null : Hj212LoggerRegistry.Load(registryFile.FullName);
        IReadOnlyDictionary<string, string>? outlets = registry?.OutletByMn
            ?? (outletsFile is null ? null : await ReadOutletsAsync(outletsFile, token).ConfigureAwait(false));
        var errorLock = new Lock();
        void Say(string sentence)
        {
            lock (errorLock)
            {
                context.Error.WriteLine("hj212 serve: " + sentence);
            }
        }

        options = options with { Registry = registry, OutletByMn = registry is null ? outlets : null, Report = Say };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        if (stopAfter is { } seconds)
        {
            stop.CancelAfter(TimeSpan.FromSeconds(seconds));
        }

        var sink = new Hj212ParquetSink(output);
        var rolled = new long[2];
        Hj212Receiver receiver;
        try
        {
            receiver = Hj212Receiver.Start(options);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return await Fail(context, $"Port {options.EndPoint.Port} on {options.EndPoint.Address} is already in use; expected a free port.").ConfigureAwait(false);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressNotAvailable)
        {
            return await Fail(context, $"Address {options.EndPoint.Address} is not an address of this machine; expected one of its own addresses, 127.0.0.1 or 0.0.0.0.").ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            return await Fail(context, $"Cannot listen on {options.EndPoint}: {e.Message.TrimEnd('.')}.").ConfigureAwait(false);
        }

        var clock = Stopwatch.StartNew();
        Hj212ReceiverStatistics stats;
        try
        {
            Say(string.Create(CultureInfo.InvariantCulture, $"listening on {receiver.LocalEndPoint}, log {logDirectory}, partitions {output}{(registry is null ? string.Empty : $", {registry.Count} registered loggers")}"));
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(rollEvery, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                long through = await receiver.SealAsync(CancellationToken.None).ConfigureAwait(false);
                await RollAsync(Say, logDirectory, sink, outlets, through, rolled).ConfigureAwait(false);
            }
        }
        finally
        {
            stats = receiver.GetStatistics();
            await receiver.DisposeAsync().ConfigureAwait(false);
        }

        // The log is closed: every segment is sealed and rolled.
        await RollAsync(Say, logDirectory, sink, outlets, null, rolled).ConfigureAwait(false);
        using var process = Process.GetCurrentProcess();
        context.Output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"received {stats.Received}, stored {stats.Logged}, duplicates {stats.Duplicates}, conflicts {stats.Conflicts}, rejected {stats.Rejected} (crc {stats.RejectedCrc}), unknown MN {stats.UnknownMn}, wrong PW {stats.WrongPw}, answers {stats.Answers}, group commits {stats.Commits}, connections {stats.Connections} (refused {stats.RefusedConnections}, evicted {stats.EvictedConnections}, idle timeouts {stats.IdleTimeouts}, read timeouts {stats.ReadTimeouts}, throttled {stats.Throttled}); rolled {rolled[0]} minute rows and {rolled[1]} hour rows into {sink.Files} files; {clock.Elapsed.TotalSeconds:F1} s; peak working set {process.PeakWorkingSet64 / (1024.0 * 1024.0):F0} MiB"));
        return ShapotouApp.Success;
    }

    /// <summary>Rolls the log; a failure is reported and left to the next roll (the records stay in the log), so that a
    /// roll never stops the server.</summary>
    private static async Task RollAsync(Action<string> say, string logDirectory, Hj212ParquetSink sink, IReadOnlyDictionary<string, string>? outlets, long? through, long[] rolled)
    {
        try
        {
            Report(say, await Hj212LogRoller.RollAsync(logDirectory, sink, outlets, through, CancellationToken.None).ConfigureAwait(false), rolled);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ShapotouDataException)
        {
            say($"the roll failed and is tried again at the next one; the log keeps its records: {e.Message.TrimEnd('.')}.");
        }
    }

    private static void Report(Action<string> say, Hj212RollResult result, long[] rolled)
    {
        rolled[0] += result.MinuteRows;
        rolled[1] += result.HourRows;
        foreach (string reason in result.QuarantineReasons)
        {
            say(reason);
        }

        if (result.Segments > 0 || result.QuarantineWritten > 0)
        {
            say(string.Create(
                CultureInfo.InvariantCulture,
                $"rolled {result.Segments} segment(s): {result.MinuteRows} minute rows, {result.HourRows} hour rows, {result.Partitions} partitions; duplicates {result.Duplicates} (conflicts {result.Conflicts}), not checked for re-send {result.NotCheckedForResend}, other packets {result.OtherPackets}, split parts pending {result.SplitPartsPending}, values set missing {result.ValuesSetMissing}, unmapped MN {result.UnmappedMn}; quarantined {result.Quarantined}, written from quarantine {result.QuarantineWritten}, in quarantine {result.QuarantinePending}"));
        }
    }

    private static async Task<IReadOnlyDictionary<string, string>> ReadOutletsAsync(FileInfo file, CancellationToken token)
    {
        if (!file.Exists)
        {
            throw new FileNotFoundException($"Outlets file '{file.FullName}' does not exist.", file.FullName);
        }

        IReadOnlyDictionary<string, Array> columns = await ContractTableFile.ReadAsync(file.FullName, ContractSchema.Outlets, token).ConfigureAwait(false);
        var outletIds = (string?[])columns["outlet_id"];
        string?[] mns = columns.TryGetValue("mn", out Array? mn) ? (string?[])mn : new string?[outletIds.Length];
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int row = 0; row < mns.Length; row++)
        {
            if (mns[row] is not { } key)
            {
                continue;
            }

            if (map.TryGetValue(key, out string? other) && !string.Equals(other, outletIds[row], StringComparison.Ordinal))
            {
                throw new ShapotouDataException(string.Create(CultureInfo.InvariantCulture, $"Column 'mn' of table 'outlets' ({file.Name}), row {row}, is '{key}', which also reports outlet '{other}'; expected one outlet per data logger, found '{outletIds[row]}' too."));
            }

            map[key] = outletIds[row]!;
        }

        if (map.Count == 0)
        {
            throw new ShapotouDataException($"Table 'outlets' ({file.Name}) has no 'mn' values; expected the data-logger id of at least one outlet.");
        }

        return map;
    }
}
