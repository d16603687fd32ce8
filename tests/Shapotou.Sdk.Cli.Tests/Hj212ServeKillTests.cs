using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Shapotou.Sdk.Monitoring.Receiver;

namespace Shapotou.Sdk.Cli.Tests;

/// <summary>The server process killed with SIGKILL while loggers send, then started again on the same log: every
/// acknowledged packet is in the partitions, once. A short version of the load run in docs/hj212.md.</summary>
public sealed class Hj212ServeKillTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hj212-kill-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private Process Serve(int port)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "Shapotou.Sdk.Cli.dll"), "hj212", "serve", "--port", port.ToString(CultureInfo.InvariantCulture), "--host", "127.0.0.1", "--out", _directory, "--roll-seconds", "3600" })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    [Fact]
    public async Task Serve_KilledMidStreamAndRestarted_LosesAndDuplicatesNothing()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // SIGKILL and SIGTERM semantics; CI runs on Linux
        }

        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var options = new Hj212SimulationOptions(new IPEndPoint(IPAddress.Loopback, port))
        {
            Loggers = 10,
            Minutes = 240,
            AnswerTimeout = TimeSpan.FromSeconds(2),
            GiveUpAfter = TimeSpan.FromSeconds(60),
        };
        using Process first = Serve(port);
        Task<Hj212SimulationResult> loggers = Hj212LoggerSimulator.RunAsync(options);

        // Kill once about a third of the packets are in the log.
        string log = Path.Combine(_directory, "log");
        var waited = Stopwatch.StartNew();
        while (LogBytes(log) < 250_000 && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(10);
        }

        first.Kill();
        await first.WaitForExitAsync();
        Assert.False(loggers.IsCompleted, "the loggers finished before the kill; the test needs more data");

        using Process second = Serve(port);
        Hj212SimulationResult result = await loggers;
        Assert.Equal(result.Packets, result.Acknowledged);
        Assert.True(result.Reconnects > 0);

        using (Process term = Process.Start("kill", ["-TERM", second.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        await second.WaitForExitAsync();
        string summary = await second.StandardOutput.ReadToEndAsync();
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("rolled 2400 minute rows and 40 hour rows", summary, StringComparison.Ordinal);

        (int code, string verify, _) = CliRunner.Run("hj212", "simulate", "--loggers", "10", "--minutes", "240", "--verify", _directory);
        Assert.Equal(0, code);
        Assert.Contains("lost 0, duplicated 0, unexpected 0", verify.Split('\n')[0], StringComparison.Ordinal);
        Assert.StartsWith("cems_minute: expected 2400, rows 2400 ", verify, StringComparison.Ordinal);
    }

    private static long LogBytes(string directory) =>
        Directory.Exists(directory) ? Directory.EnumerateFiles(directory, "*.hj212log").Sum(f => new FileInfo(f).Length) : 0;
}
