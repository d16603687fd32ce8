using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Parquet;

namespace Shapotou.Sdk.Cli.Tests;

/// <summary><c>hj212 serve</c> and <c>hj212 simulate</c> over loopback, small enough for CI.</summary>
public sealed class Hj212ServeCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hj212-serve-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task ServeThenSimulate_EveryMinuteAndHourLandsOnceInTheParquetPartitions()
    {
        using CliRunner.ServeRun serve = CliRunner.Serve("--host", "127.0.0.1", "--out", _directory, "--roll-seconds", "1");
        string port = (await serve.Port).ToString(CultureInfo.InvariantCulture);

        (int code, string output, string error) = CliRunner.Run("hj212", "simulate", "--port", port, "--loggers", "5", "--minutes", "120", "--malformed", "0.05");
        Assert.True(code == 0, error);
        Assert.StartsWith("loggers 5, packets 610, acknowledged 610, sent 610, re-sent 0, malformed ", output, StringComparison.Ordinal);

        (int serveCode, string serveOutput, string serveError) = await serve.StopAsync();
        Assert.True(serveCode == 0, serveError);
        Assert.StartsWith("received ", serveOutput, StringComparison.Ordinal);
        Assert.Contains(", stored 610, duplicates 0, ", serveOutput, StringComparison.Ordinal);
        Assert.Contains("rolled 600 minute rows and 10 hour rows", serveOutput, StringComparison.Ordinal);
        Assert.Contains("hj212 serve: listening on 127.0.0.1:" + port, serveError, StringComparison.Ordinal);

        (int verifyCode, string verify, _) = CliRunner.Run("hj212", "simulate", "--loggers", "5", "--minutes", "120", "--verify", _directory);
        Assert.Equal(0, verifyCode);
        string[] lines = verify.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("cems_minute: expected 600, rows 600 in ", lines[0][..39]);
        Assert.EndsWith("files, lost 0, duplicated 0, unexpected 0, altered 0", lines[0].TrimEnd('\r'), StringComparison.Ordinal);
        Assert.StartsWith("cems_hourly: expected 10, rows 10 in ", lines[1], StringComparison.Ordinal);

        // A partition file: the minute rows of logger 0 on 1 January, readable as the contract table.
        string folder = Path.Combine(_directory, "cems_minute", "date=2025-01-01", "outlet_id=010000A89000000000000000");
        var rows = 0;
        foreach (string file in Directory.EnumerateFiles(folder, "*.parquet"))
        {
            IReadOnlyDictionary<string, Array> columns = await ContractTableFile.ReadAsync(file, ContractSchema.CemsMinute);
            rows += columns["minute"].Length;
            Assert.All((string?[])columns["outlet_id"], o => Assert.Equal("010000A89000000000000000", o));
            Assert.All((double[])columns["flow"], f => Assert.InRange(f, 47 * 3600, 53 * 3600)); // a00000-Avg m3/s × 3600
        }

        Assert.Equal(120, rows);
    }

    [Fact]
    public void Verify_EmptyFolder_ReportsEveryRecordLost_AndExits1()
    {
        Directory.CreateDirectory(_directory);
        (int code, string output, _) = CliRunner.Run("hj212", "simulate", "--loggers", "2", "--minutes", "60", "--verify", _directory);
        Assert.Equal(1, code);
        Assert.Contains("cems_minute: expected 120, rows 0 in 0 files, lost 120, duplicated 0, unexpected 0, altered 0", output, StringComparison.Ordinal);
        Assert.Contains("cems_hourly: expected 2, rows 0 in 0 files, lost 2, duplicated 0, unexpected 0, altered 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_WithoutPort_IsAUsageError()
    {
        (int code, _, string error) = CliRunner.Run("hj212", "simulate", "--loggers", "1");
        Assert.Equal(2, code);
        Assert.Equal("--port is missing; expected the receiver's TCP port to send packets to." + Environment.NewLine, error);
    }

    [Fact]
    public async Task Serve_OutletsMappingOneLoggerToTwoOutlets_IsRejectedBeforeListening()
    {
        string outlets = Path.Combine(_directory, "outlets.parquet");
        await ContractTableFile.WriteAsync(outlets, ContractSchema.Outlets, new Dictionary<string, Array>
        {
            ["outlet_id"] = new string?[] { "DA001", "DA002" },
            ["facility_id"] = new string?[] { "F1", "F1" },
            ["mn"] = new string?[] { "010000A89000000000000000", "010000A89000000000000000" },
            ["pollutant"] = new string?[] { "so2", "so2" },
        });

        (int code, _, string error) = CliRunner.Run("hj212", "serve", "--port", "0", "--out", _directory, "--outlets", outlets);
        Assert.Equal(1, code);
        Assert.Contains("Column 'mn' of table 'outlets' (outlets.parquet), row 1, is '010000A89000000000000000', which also reports outlet 'DA001'", error, StringComparison.Ordinal);
    }
}
