using Shapotou.Sdk.Contract;

namespace Shapotou.Sdk.Parquet.Tests;

public sealed class ContractTableFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-contract-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static Dictionary<string, Array> Minutes() => new(StringComparer.Ordinal)
    {
        ["outlet_id"] = new string?[] { "DA001", "DA001" },
        ["minute"] = new DateTime?[] { new DateTime(2025, 1, 1, 9, 0, 0), new DateTime(2025, 1, 1, 9, 1, 0) },
        ["so2"] = new[] { 25.3, double.NaN },
        ["flow"] = new[] { 180_000.0, 181_000.0 },
        ["flag"] = new string?[] { "N", "N" },
        ["so2_flag"] = new string?[] { "N", null },
    };

    [Fact]
    public async Task CemsMinute_RoundTrips_WithNullsAndUnits()
    {
        string path = Path.Combine(_folder, "cems_minute", "part.parquet");
        await ContractTableFile.WriteAsync(path, ContractSchema.CemsMinute, Minutes());

        IReadOnlyDictionary<string, Array> read = await ContractTableFile.ReadAsync(path, ContractSchema.CemsMinute);
        Assert.Equal(new string?[] { "DA001", "DA001" }, (string?[])read["outlet_id"]);
        Assert.Equal([new DateTime(2025, 1, 1, 9, 0, 0), new DateTime(2025, 1, 1, 9, 1, 0)], ((DateTime?[])read["minute"]).Select(t => t!.Value));
        Assert.Equal(25.3, ((double[])read["so2"])[0]);
        Assert.True(double.IsNaN(((double[])read["so2"])[1]));
        Assert.Equal([180_000.0, 181_000.0], (double[])read["flow"]);
        Assert.Equal(new string?[] { "N", null }, (string?[])read["so2_flag"]);
        Assert.False(read.ContainsKey("pm"));
    }

    [Fact]
    public async Task Write_BadColumns_NameTableColumnAndRow()
    {
        string path = Path.Combine(_folder, "bad.parquet");
        Dictionary<string, Array> columns = Minutes();
        columns["hour"] = new DateTime?[2];
        ArgumentException e = await Assert.ThrowsAsync<ArgumentException>(() => ContractTableFile.WriteAsync(path, ContractSchema.CemsMinute, columns));
        Assert.StartsWith("Table 'cems_minute' has no column 'hour'.", e.Message, StringComparison.Ordinal);

        columns = Minutes();
        columns["so2"] = new float[] { 1, 2 };
        e = await Assert.ThrowsAsync<ArgumentException>(() => ContractTableFile.WriteAsync(path, ContractSchema.CemsMinute, columns));
        Assert.StartsWith("Column 'so2' of table 'cems_minute' is Quantity; Single[] is not its array type.", e.Message, StringComparison.Ordinal);

        columns = Minutes();
        columns["flow"] = new double[] { 1 };
        e = await Assert.ThrowsAsync<ArgumentException>(() => ContractTableFile.WriteAsync(path, ContractSchema.CemsMinute, columns));
        Assert.StartsWith("Column 'flow' of table 'cems_minute' has 1 values; expected 2.", e.Message, StringComparison.Ordinal);

        columns = Minutes();
        columns["minute"] = new DateTime?[] { new DateTime(2025, 1, 1), null };
        e = await Assert.ThrowsAsync<ArgumentException>(() => ContractTableFile.WriteAsync(path, ContractSchema.CemsMinute, columns));
        Assert.StartsWith("Column 'minute' of table 'cems_minute', row 1, is null; the column is required.", e.Message, StringComparison.Ordinal);

        columns = Minutes();
        columns.Remove("outlet_id");
        e = await Assert.ThrowsAsync<ArgumentException>(() => ContractTableFile.WriteAsync(path, ContractSchema.CemsMinute, columns));
        Assert.StartsWith("Table 'cems_minute' needs column 'outlet_id'.", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void CemsMinute_HasTheHourlyColumnsWithMinuteForHourAndNoValidMinutes()
    {
        string[] hourly = ContractSchema.CemsHourly.Columns.Select(c => c.Name).ToArray();
        string[] minute = ContractSchema.CemsMinute.Columns.Select(c => c.Name).ToArray();
        Assert.Equal(hourly.Where(n => n != "valid_minutes").Select(n => n == "hour" ? "minute" : n), minute);
        Assert.Contains(ContractSchema.CemsMinute, ContractSchema.Tables);
    }
}
