using System.CommandLine;
using System.Globalization;
using System.Net;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Monitoring.Aggregation;
using Shapotou.Sdk.Monitoring.Receiver;
using Shapotou.Sdk.Parquet;

namespace Shapotou.Sdk.Cli.Commands;

/// <summary><c>shapotou hj212 simulate</c>: many data loggers sending minute and hourly data to a receiver; with
/// <c>--verify DIR</c>, checks instead that the receiver's partitions hold each simulated record exactly once.</summary>
internal static class Hj212SimulateCommand
{
    public static Command Create(CommandContext context)
    {
        var port = new Option<int>("--port") { Description = "The receiver's TCP port.", HelpName = "N", CustomParser = CliInput.ParseInteger }
            .InRange(0, 65_535, "a TCP port");
        var host = new Option<string>("--host") { Description = "The receiver's address (default 127.0.0.1).", DefaultValueFactory = _ => "127.0.0.1", HelpName = "ADDRESS" };
        var loggers = new Option<int>("--loggers") { Description = "Data loggers, one connection each (default 20).", DefaultValueFactory = _ => 20, HelpName = "N", CustomParser = CliInput.ParseInteger }
            .InRange(1, 100_000, "a number of loggers");
        var minutes = new Option<int>("--minutes") { Description = "Minutes of data per logger (default 60; 1440 is a day).", DefaultValueFactory = _ => 60, HelpName = "N", CustomParser = CliInput.ParseInteger }
            .InRange(1, 527_040, "a number of minutes");
        // No DefaultValueFactory: help would show the default DateTime in the machine's date format.
        var start = new Option<DateTime?>("--start")
        {
            Description = "The first minute, China Standard Time, yyyy-MM-ddTHH:mm (default 2025-01-01T00:00).",
            CustomParser = r => DateTime.TryParseExact(r.Tokens.Single().Value, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime t) ? t : Fail(r),
            HelpName = "TIME",
        };
        var window = new Option<int>("--window") { Description = "Packets a logger sends before waiting for their answers (default 1).", DefaultValueFactory = _ => 1, HelpName = "N", CustomParser = CliInput.ParseInteger }
            .InRange(1, 1_000, "a number of packets");
        var malformed = new Option<double>("--malformed") { Description = "Share of packets preceded by a malformed frame, 0 to 1 (default 0).", HelpName = "SHARE", CustomParser = CliInput.ParseNumber }
            .InRange(0, 1, "a share");
        var seed = new Option<int>("--seed") { Description = "Seed of the simulated values (default 1).", DefaultValueFactory = _ => 1, HelpName = "N", CustomParser = CliInput.ParseInteger };
        var timeout = new Option<int>("--timeout-seconds") { Description = "Seconds a logger waits for answers before it reconnects and sends again (default 10).", DefaultValueFactory = _ => 10, HelpName = "S", CustomParser = CliInput.ParseInteger }
            .InRange(1, 3_600, "a number of seconds");
        var giveUp = new Option<int>("--timeout")
        {
            Description = "Seconds to wait for the receiver to accept a connection at the start, and for a logger to deliver a packet before the run fails (default 300; a closed port fails at once).",
            DefaultValueFactory = _ => 300,
            HelpName = "S",
            CustomParser = CliInput.ParseInteger,
        }.InRange(1, 86_400, "a number of seconds");
        var idle = new Option<int>("--idle-connections") { Description = "Connections opened beside the loggers that send nothing, re-opened when closed (default 0).", HelpName = "N", CustomParser = CliInput.ParseInteger }
            .InRange(0, 10_000, "a number of connections");
        var forgers = new Option<int>("--forgers") { Description = "Forgers sending packets for the loggers' MNs and minutes with other values and a wrong PW while the loggers run (default 0).", HelpName = "N", CustomParser = CliInput.ParseInteger }
            .InRange(0, 1_000, "a number of forgers");
        var writeRegistry = new Option<FileInfo?>("--write-registry") { Description = "Send nothing; write the registry of the simulated loggers (MN,PW per line) for 'hj212 serve --registry'.", HelpName = "FILE" };
        var verify = new Option<DirectoryInfo?>("--verify") { Description = "Send nothing; check that the partitions under DIR hold every simulated minute and hour exactly once.", HelpName = "DIR" };
        var command = new Command("simulate", "Simulate HJ 212 data loggers sending minute (2051) and hourly (2061) data, each waiting for the 9014 answer and re-sending what was not answered; or, with --verify, check a receiver's partitions for lost and duplicated records.")
        {
            port, host, loggers, minutes, start, window, malformed, seed, timeout, giveUp, idle, forgers, writeRegistry, verify,
        };
        command.SetAction(async (parse, token) =>
        {
            string hostText = parse.GetValue(host)!;
            if (!IPAddress.TryParse(hostText, out IPAddress? address))
            {
                throw new UsageException($"--host '{hostText}' is not an IP address; expected one such as 127.0.0.1.");
            }

            var options = new Hj212SimulationOptions(new IPEndPoint(address, parse.GetValue(port)))
            {
                Loggers = parse.GetValue(loggers),
                Minutes = parse.GetValue(minutes),
                Start = parse.GetValue(start) ?? new DateTime(2025, 1, 1),
                Window = parse.GetValue(window),
                MalformedShare = parse.GetValue(malformed),
                Seed = parse.GetValue(seed),
                AnswerTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                GiveUpAfter = TimeSpan.FromSeconds(parse.GetValue(giveUp)),
                IdleConnections = parse.GetValue(idle),
                Forgers = parse.GetValue(forgers),
            };
            long acknowledged = 0;
            options = options with { Progress = new LatestValue(value => Interlocked.Exchange(ref acknowledged, value)) };
            if (parse.GetValue(writeRegistry) is { } registryFile)
            {
                Hj212LoggerRegistry registry = Hj212LoggerSimulator.Registry(Math.Max(1, options.Loggers));
                await File.WriteAllLinesAsync(registryFile.FullName, registry.Loggers.Select(l => l.Mn + "," + l.Pw), token).ConfigureAwait(false);
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {registry.Count} loggers to {registryFile.FullName}"));
                return ShapotouApp.Success;
            }

            if (parse.GetValue(verify) is { } directory)
            {
                return await VerifyAsync(context, options, CliInput.ExistingFolder(directory, "--verify").FullName, token).ConfigureAwait(false);
            }

            if (parse.GetValue(port) <= 0)
            {
                throw new UsageException("--port is missing; expected the receiver's TCP port to send packets to.");
            }

            await ConnectAsync(options.Server, TimeSpan.FromSeconds(Math.Min(parse.GetValue(giveUp), 30)), token).ConfigureAwait(false);
            Hj212SimulationResult result = await context.WithStatusAsync(
                string.Create(CultureInfo.InvariantCulture, $"Simulating {options.Loggers} loggers, {options.Minutes} minutes each, to {options.Server}"),
                () => Hj212LoggerSimulator.RunAsync(options, token),
                () => string.Create(CultureInfo.InvariantCulture, $"{Interlocked.Read(ref acknowledged):N0} of {ExpectedPackets(options):N0} packets acknowledged")).ConfigureAwait(false);
            context.Output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"loggers {result.Loggers}, packets {result.Packets}, acknowledged {result.Acknowledged}, sent {result.Sent}, re-sent {result.Resent}, malformed {result.Malformed}, reconnects {result.Reconnects}, {result.Elapsed.TotalSeconds:F1} s, {result.PacketsPerSecond:F0} packets/s"));
            if (options.IdleConnections > 0 || options.Forgers > 0)
            {
                context.Output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"idle connections {options.IdleConnections} (opened {result.IdleOpened}, closed by the receiver {result.IdleClosed}); forged {result.Forged}, refused {result.ForgedRefused}, acknowledged {result.ForgedAcknowledged}"));
            }

            return result.Acknowledged == result.Packets && result.ForgedAcknowledged == 0 ? ShapotouApp.Success : ShapotouApp.RejectedInput;
        });
        return command;
    }

    /// <summary>Whether a stored value is the one sent, to a relative 1e-9: the file may hold it in another unit of the
    /// same quantity, which is not bit-exact; a forged value (999.99 against about 25) is far outside.</summary>
    private static bool Same(double stored, double sent) => Math.Abs(stored - sent) <= 1e-9 * Math.Max(1, Math.Abs(sent));

    /// <summary>The data packets a simulation delivers: each logger's minutes, and an hourly packet for each clock hour
    /// all of whose minutes it sends (as <see cref="Hj212LoggerSimulator.Packets"/> makes them).</summary>
    internal static long ExpectedPackets(Hj212SimulationOptions options)
    {
        DateTime start = options.Start;
        DateTime firstHour = new DateTime(start.Year, start.Month, start.Day, start.Hour, 0, 0, start.Kind);
        if (firstHour != start)
        {
            firstHour = firstHour.AddHours(1);
        }

        long hours = Math.Max(0, (long)Math.Floor((start.AddMinutes(options.Minutes) - firstHour).TotalHours));
        return (long)options.Loggers * (options.Minutes + hours);
    }

    /// <summary>Takes each report as it comes, on the reporting thread (<see cref="Progress{T}"/> would post to a
    /// context and could show an older count after a newer one).</summary>
    private sealed class LatestValue(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    /// <summary>The logger index in a simulated MN's last 12 digits.</summary>
    private static int LoggerOf(string mn) => int.Parse(mn.AsSpan(mn.Length - 12), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Connects once to the receiver, so a closed port or a wrong address fails in seconds with its reason
    /// rather than after every logger has given up.</summary>
    private static async Task ConnectAsync(IPEndPoint receiver, TimeSpan timeout, CancellationToken token)
    {
        using var client = new System.Net.Sockets.TcpClient(receiver.AddressFamily);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(token);
        limit.CancelAfter(timeout);
        try
        {
            await client.ConnectAsync(receiver, limit.Token).ConfigureAwait(false);
        }
        catch (System.Net.Sockets.SocketException exception) when (exception.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionRefused)
        {
            throw new UsageException($"No receiver at {receiver}: connection refused; start 'shapotou hj212 serve --port {receiver.Port} --out DIR' first, or check --host and --port.");
        }
        catch (System.Net.Sockets.SocketException exception)
        {
            throw new UsageException($"No receiver at {receiver}: {exception.Message.TrimEnd('.')}; check --host and --port.");
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"No receiver at {receiver} accepted a connection within {timeout.TotalSeconds:F0} s; check --host and --port, or raise --timeout."));
        }
    }

    private static DateTime? Fail(System.CommandLine.Parsing.ArgumentResult result)
    {
        result.AddError($"--start '{result.Tokens.Single().Value}' is not a time; expected yyyy-MM-ddTHH:mm, such as 2025-01-01T00:00.");
        return default;
    }

    private static async Task<int> VerifyAsync(CommandContext context, Hj212SimulationOptions options, string directory, CancellationToken token)
    {
        bool ok = true;
        foreach (CemsInterval interval in new[] { CemsInterval.Minute, CemsInterval.Hour })
        {
            var expected = new HashSet<(string, DateTime)>();
            for (int logger = 0; logger < options.Loggers; logger++)
            {
                string mn = Hj212LoggerSimulator.Mn(logger);
                int count = interval == CemsInterval.Minute ? options.Minutes : options.Minutes / 60;
                for (int i = 0; i < count; i++)
                {
                    expected.Add((mn, interval == CemsInterval.Minute ? options.Start.AddMinutes(i) : options.Start.AddHours(i)));
                }
            }

            TableSpec spec = interval == CemsInterval.Minute ? ContractSchema.CemsMinute : ContractSchema.CemsHourly;
            string folder = Path.Combine(directory, spec.Name);
            var seen = new HashSet<(string, DateTime)>();
            long rows = 0;
            long duplicated = 0;
            long unexpected = 0;
            long altered = 0;
            long files = 0;
            if (Directory.Exists(folder))
            {
                foreach (string file in Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    files++;
                    IReadOnlyDictionary<string, Array> columns = await ContractTableFile.ReadAsync(file, spec, token).ConfigureAwait(false);
                    var outlets = (string?[])columns["outlet_id"];
                    var times = (DateTime?[])columns[spec.Columns[1].Name];
                    var so2 = (double[])columns["so2"];
                    for (int i = 0; i < outlets.Length; i++)
                    {
                        rows++;
                        var key = (outlets[i]!, times[i]!.Value);
                        if (!seen.Add(key))
                        {
                            duplicated++;
                        }
                        else if (!expected.Contains(key))
                        {
                            unexpected++;
                        }
                        else if (interval == CemsInterval.Minute && !Same(so2[i], Hj212LoggerSimulator.So2(LoggerOf(key.Item1), (int)(key.Item2 - options.Start).TotalMinutes, options.Seed)))
                        {
                            altered++; // not the logger's own value: a forged or changed record
                        }
                    }
                }
            }

            long lost = expected.Count(k => !seen.Contains(k));
            ok &= lost == 0 && duplicated == 0 && unexpected == 0 && altered == 0;
            context.Output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{spec.Name}: expected {expected.Count}, rows {rows} in {files} files, lost {lost}, duplicated {duplicated}, unexpected {unexpected}, altered {altered}"));
        }

        return ok ? ShapotouApp.Success : ShapotouApp.RejectedInput;
    }
}
