using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
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
        var port = new Option<int>("--port") { Description = "The TCP port to listen on.", Required = true, HelpName = "N" };
        var host = new Option<string>("--host") { Description = "The address to listen on (default 0.0.0.0, every interface).", DefaultValueFactory = _ => "0.0.0.0", HelpName = "ADDRESS" };
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder of the Parquet partitions (cems_minute/, cems_hourly/).", Required = true, HelpName = "DIR" };
        var log = new Option<DirectoryInfo?>("--log") { Description = "The folder of the durable log (default DIR/log).", HelpName = "DIR" };
        var outlets = new Option<FileInfo?>("--outlets") { Description = "An outlets.parquet whose 'mn' column maps data loggers to outlets; other MNs are refused (QnRtn 4). Without it the MN is the outlet id.", HelpName = "FILE" };
        var roll = new Option<int>("--roll-seconds") { Description = "Seconds between rolls of the log into Parquet (default 300).", DefaultValueFactory = _ => 300, HelpName = "S" };
        var stopAfter = new Option<int?>("--stop-after") { Description = "Stop after this many seconds (for scripted runs).", HelpName = "S" };
        var lenientCrc = new Option<bool>("--lenient-crc") { Description = "Accept CRC-16/MODBUS (as written or byte-swapped) in place of the Annex A CRC." };
        var command = new Command("serve", "Receive HJ 212 packets over TCP from many data loggers: store each accepted packet in a durable log before answering (9014, QnRtn), count duplicates, and roll the log into cems_minute / cems_hourly Parquet partitions per day and outlet.")
        {
            port, host, output, log, outlets, roll, stopAfter, lenientCrc,
        };
        command.SetAction((parse, token) => RunAsync(
            context,
            new IPEndPoint(IPAddress.Parse(parse.GetValue(host)!), parse.GetValue(port)),
            parse.GetValue(output)!.FullName,
            parse.GetValue(log)?.FullName,
            parse.GetValue(outlets),
            TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(roll))),
            parse.GetValue(stopAfter),
            new Hj212ParseOptions { LenientCrc = parse.GetValue(lenientCrc) },
            token));
        return command;
    }

    private static async Task<int> RunAsync(
        CommandContext context, IPEndPoint endPoint, string output, string? logDirectory, FileInfo? outletsFile,
        TimeSpan rollEvery, int? stopAfter, Hj212ParseOptions parseOptions, CancellationToken token)
    {
        logDirectory ??= Path.Combine(output, "log");
        IReadOnlyDictionary<string, string>? outlets = outletsFile is null ? null : await ReadOutletsAsync(outletsFile, token).ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        if (stopAfter is { } seconds)
        {
            stop.CancelAfter(TimeSpan.FromSeconds(seconds));
        }

        var sink = new Hj212ParquetSink(output);
        var rolled = new long[2];
        Hj212Receiver receiver = Hj212Receiver.Start(new Hj212ReceiverOptions(logDirectory) { EndPoint = endPoint, ParseOptions = parseOptions, OutletByMn = outlets, SegmentBytes = SegmentBytes });
        var clock = Stopwatch.StartNew();
        Hj212ReceiverStatistics stats;
        try
        {
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hj212 serve: listening on {receiver.LocalEndPoint}, log {logDirectory}, partitions {output}"));
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
                Report(context, await Hj212LogRoller.RollAsync(logDirectory, sink, outlets, through, CancellationToken.None).ConfigureAwait(false), rolled);
            }
        }
        finally
        {
            stats = receiver.GetStatistics();
            await receiver.DisposeAsync().ConfigureAwait(false);
        }

        // The log is closed: every segment is sealed and rolled.
        Report(context, await Hj212LogRoller.RollAsync(logDirectory, sink, outlets, null, CancellationToken.None).ConfigureAwait(false), rolled);
        using var process = Process.GetCurrentProcess();
        context.Output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"received {stats.Received}, stored {stats.Logged}, duplicates {stats.Duplicates}, rejected {stats.Rejected} (crc {stats.RejectedCrc}), unknown MN {stats.UnknownMn}, answers {stats.Answers}, group commits {stats.Commits}, connections {stats.Connections}; rolled {rolled[0]} minute rows and {rolled[1]} hour rows into {sink.Files} files; {clock.Elapsed.TotalSeconds:F1} s; peak working set {process.PeakWorkingSet64 / (1024.0 * 1024.0):F0} MiB"));
        return ShapotouApp.Success;
    }

    private static void Report(CommandContext context, Hj212RollResult result, long[] rolled)
    {
        rolled[0] += result.MinuteRows;
        rolled[1] += result.HourRows;
        if (result.Segments > 0)
        {
            context.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"hj212 serve: rolled {result.Segments} segment(s): {result.MinuteRows} minute rows, {result.HourRows} hour rows, {result.Partitions} partitions; duplicates {result.Duplicates}, other packets {result.OtherPackets}, split parts pending {result.SplitPartsPending}, values set missing {result.ValuesSetMissing}, unmapped MN {result.UnmappedMn}"));
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
