using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Monitoring.Hj212;
using Shapotou.Sdk.Monitoring.Receiver;

namespace Shapotou.Sdk.Cli.Tests;

/// <summary><c>hj212 serve</c> as an attacker or a careless operator would use it: bind errors, hostile MNs, an
/// unwritable partition folder, forged packets beside real loggers. Loopback only, ports from the OS.</summary>
public sealed class Hj212ServeSecurityTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hj212-serve-security-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static byte[] Minute(string mn, int minute = 0) =>
        new Hj212PacketBuilder("31", "2051", "123456", mn).SetQn("20250101090000000").SetFlag(5)
            .AddDataTime(new DateTimeOffset(new DateTime(2025, 1, 1, 9, minute, 0), TimeSpan.FromHours(8))).EndItem()
            .AddField("a21026-Avg", "25.3").AddField("a21026-Flag", "N").EndItem()
            .BuildUtf8();

    /// <summary>Connects once the server listens (a hang guard, not a timing assertion), sends a packet and returns the answer.</summary>
    private static async Task<Hj212Packet> SendAsync(int port, byte[] packet)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
                NetworkStream stream = client.GetStream();
                await stream.WriteAsync(packet, timeout.Token);
                var answer = new List<byte>();
                byte[] buffer = new byte[1024];
                while (!answer.Contains((byte)'\n'))
                {
                    int read = await stream.ReadAsync(buffer, timeout.Token);
                    Assert.NotEqual(0, read);
                    answer.AddRange(buffer.AsSpan(0, read).ToArray());
                }

                return Hj212Packet.Parse(Encoding.UTF8.GetString([.. answer]).TrimEnd('\r', '\n')).Packet!;
            }
            catch (SocketException) when (!timeout.IsCancellationRequested)
            {
                await Task.Delay(50, timeout.Token);
            }
        }
    }

    [Fact]
    public void Serve_BusyPort_IsOneSentenceAndExit1()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        int port = ((IPEndPoint)busy.LocalEndpoint).Port;

        (int code, string output, string error) = CliRunner.Run("hj212", "serve", "--port", Text(port), "--out", _directory);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"hj212 serve: Port {port} on 127.0.0.1 is already in use; expected a free port." + Environment.NewLine, error);
    }

    [Theory]
    [InlineData("localhost", "hj212 serve: --host 'localhost' is not an IP address; expected one such as 127.0.0.1 or 0.0.0.0.")] // a name, not an address
    [InlineData("127.0.0.300", "hj212 serve: --host '127.0.0.300' is not an IP address; expected one such as 127.0.0.1 or 0.0.0.0.")] // an octet out of range
    [InlineData("0.0.0.0", "hj212 serve: --host 0.0.0.0 listens beyond loopback without --registry; expected a registry of the loggers allowed to send (MN, PW), or --host 127.0.0.1.")] // every interface, no registry
    [InlineData("::", "hj212 serve: --host :: listens beyond loopback without --registry; expected a registry of the loggers allowed to send (MN, PW), or --host 127.0.0.1.")] // every IPv6 interface, no registry
    public void Serve_BadOrOpenHostWithoutRegistry_IsOneSentenceAndExit1(string host, string message)
    {
        (int code, string output, string error) = CliRunner.Run("hj212", "serve", "--port", "0", "--host", host, "--out", _directory);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal(message + Environment.NewLine, error);
        Assert.False(Directory.Exists(Path.Combine(_directory, "log")));
    }

    [Fact]
    public void Serve_AddressNotOfThisMachine_IsOneSentenceAndExit1()
    {
        // 192.0.2.1 is a documentation address (RFC 5737): binding to it fails locally, nothing is sent.
        Directory.CreateDirectory(_directory);
        string registry = Path.Combine(_directory, "registry.txt");
        File.WriteAllText(registry, "010000A8900016F000169DC0,123456\n");

        (int code, _, string error) = CliRunner.Run("hj212", "serve", "--port", "0", "--host", "192.0.2.1", "--registry", registry, "--out", _directory);

        Assert.Equal(1, code);
        Assert.Equal("hj212 serve: Address 192.0.2.1 is not an address of this machine; expected one of its own addresses, 127.0.0.1 or 0.0.0.0." + Environment.NewLine, error);
    }

    [Fact]
    public void Serve_RegistryAndOutletsTogether_IsOneSentenceAndExit1()
    {
        (int code, _, string error) = CliRunner.Run("hj212", "serve", "--port", "0", "--registry", "r.txt", "--outlets", "o.parquet", "--out", _directory);

        Assert.Equal(1, code);
        Assert.Equal("hj212 serve: --registry and --outlets were both given; expected one of them (the registry names each logger's outlet)." + Environment.NewLine, error);
    }

    [Fact]
    public void Serve_BadRegistryLine_NamesTheLine_Exit1()
    {
        Directory.CreateDirectory(_directory);
        string registry = Path.Combine(_directory, "registry.txt");
        File.WriteAllText(registry, "010000A8900016F000169DC0,123456\n" + new string('A', 250) + ",123456\n");

        (int code, _, string error) = CliRunner.Run("hj212", "serve", "--port", "0", "--registry", registry, "--out", _directory);

        Assert.Equal(1, code);
        Assert.Equal($"Registry registry.txt, line 2: MN '{new string('A', 250)}' is not valid; expected 1 to 32 ASCII letters, digits, '-' or '_'." + Environment.NewLine, error);
    }

    [Fact]
    public async Task Serve_APacketWithA250ByteMn_IsRefused_AndTheServerRollsAndStopsNormally()
    {
        using CliRunner.ServeRun serve = CliRunner.Serve("--out", _directory, "--roll-seconds", "1");
        int port = await serve.Port;

        Hj212Packet refused = await SendAsync(port, Minute(new string('A', 250)));
        Assert.Equal("9011", refused.Cn);
        Assert.True(refused.TryGetField("QnRtn", out Hj212Field qnRtn));
        Assert.Equal("4", qnRtn.Value);
        Hj212Packet chinese = await SendAsync(port, Minute(new string('沙', 28)));
        Assert.Equal("9011", chinese.Cn);
        Assert.Equal("9014", (await SendAsync(port, Minute("010000A8900016F000169DC0"))).Cn);

        (int code, string output, string error) = await serve.StopAsync();
        Assert.True(code == 0, error);
        Assert.Contains(", stored 1, duplicates 0, conflicts 0, ", output, StringComparison.Ordinal);
        Assert.Contains(", unknown MN 2, ", output, StringComparison.Ordinal);
        Assert.Contains("rolled 1 minute rows and 0 hour rows into 1 files", output, StringComparison.Ordinal);
        Assert.Contains("hj212 serve: Refused a packet from 127.0.0.1: its MN of 250 bytes is not 1 to 32 ASCII letters, digits, '-' or '_' (QnRtn 4).", error, StringComparison.Ordinal);
        Assert.Contains("hj212 serve: Refused a packet from 127.0.0.1: its MN of 84 bytes is not 1 to 32 ASCII letters, digits, '-' or '_' (QnRtn 4).", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_UnwritablePartitionFolder_QuarantinesThePartition_KeepsServing_AndWritesItOnceTheFolderIsFixed()
    {
        // A file where the cems_minute folder must go: no partition of it can be written, whoever runs the test.
        Directory.CreateDirectory(_directory);
        string blocker = Path.Combine(_directory, "cems_minute");
        File.WriteAllText(blocker, "in the way");
        using CliRunner.ServeRun serve = CliRunner.Serve("--out", _directory, "--roll-seconds", "1");
        int port = await serve.Port;

        Assert.Equal("9014", (await SendAsync(port, Minute("LOGGER1", 0))).Cn);
        Assert.Equal("9014", (await SendAsync(port, Minute("LOGGER1", 1))).Cn);

        (int code, string output, string error) = await serve.StopAsync();
        Assert.True(code == 0, error);
        Assert.Contains(", stored 2, ", output, StringComparison.Ordinal);
        Assert.Contains("hj212 serve: Partition cems_minute 2025-01-01 of outlet 'LOGGER1' from log segment ", error, StringComparison.Ordinal);
        Assert.Contains(" is quarantined: ", error, StringComparison.Ordinal);
        Assert.NotEmpty(Hj212LogRoller.QuarantinedPartitions(Path.Combine(_directory, "log")));

        // The folder fixed, the next start writes what was quarantined.
        File.Delete(blocker);
        (int again, string againOutput, string againError) = CliRunner.Run("hj212", "serve", "--port", "0", "--out", _directory, "--stop-after", "1");
        Assert.True(again == 0, againError);
        Assert.Contains("in quarantine 0", againError, StringComparison.Ordinal);
        Assert.Empty(Hj212LogRoller.QuarantinedPartitions(Path.Combine(_directory, "log")));
        Assert.Contains("rolled 0 minute rows", againOutput, StringComparison.Ordinal); // nothing new; the two rows came from quarantine
        long rows = 0;
        foreach (string file in Directory.EnumerateFiles(Path.Combine(_directory, "cems_minute"), "*.parquet", SearchOption.AllDirectories))
        {
            rows += (await Shapotou.Sdk.Parquet.ContractTableFile.ReadAsync(file, ContractSchema.CemsMinute))["minute"].Length;
        }

        Assert.Equal(2, rows);
    }

    [Fact]
    public async Task ServeWithRegistry_LoggersBesideIdleConnectionsAndAForger_StoreEveryRecordOnceAndNoForgedOne()
    {
        Directory.CreateDirectory(_directory);
        string registry = Path.Combine(_directory, "registry.txt");
        Assert.Equal(0, CliRunner.Run("hj212", "simulate", "--loggers", "5", "--write-registry", registry).ExitCode);
        using CliRunner.ServeRun serve = CliRunner.Serve(
            "--out", Path.Combine(_directory, "data"), "--registry", registry, "--roll-seconds", "1", "--max-connections", "40");
        int port = await serve.Port;

        (int code, string output, string error) = CliRunner.Run(
            "hj212", "simulate", "--port", Text(port), "--loggers", "5", "--minutes", "60", "--idle-connections", "60", "--forgers", "1");
        Assert.True(code == 0, error);
        string[] lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("loggers 5, packets 305, acknowledged 305, ", lines[0], StringComparison.Ordinal);
        Assert.Matches("^idle connections 60 \\(opened [0-9]+, closed by the receiver [0-9]+\\); forged [0-9]+, refused [0-9]+, acknowledged 0$", lines[1]);

        (int serveCode, string serveOutput, string serveError) = await serve.StopAsync();
        Assert.True(serveCode == 0, serveError);
        Assert.Contains(", stored 305, duplicates 0, conflicts 0, ", serveOutput, StringComparison.Ordinal);

        (int verifyCode, string verify, _) = CliRunner.Run("hj212", "simulate", "--loggers", "5", "--minutes", "60", "--verify", Path.Combine(_directory, "data"));
        Assert.Equal(0, verifyCode);
        Assert.EndsWith("lost 0, duplicated 0, unexpected 0, altered 0", verify.Split(Environment.NewLine)[0], StringComparison.Ordinal);
    }
}
