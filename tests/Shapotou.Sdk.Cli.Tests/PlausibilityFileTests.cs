using System.Text.Json;

namespace Shapotou.Sdk.Cli.Tests;

/// <summary><c>--plausibility FILE</c> of <c>assess</c> and <c>report</c>: the thresholds read from JSON, strictly.</summary>
public sealed class PlausibilityFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("shapotou-plausibility-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A flow range for the default dataset's first stack whose top (290 000 m³/h) lies below its first hour's
    /// flow (300 651 m³/h); without the file the dataset raises no warning.</summary>
    private string FlowRangeFile()
    {
        string path = Path.Combine(_folder, "plausibility.json");
        File.WriteAllText(path, """
            {
              // Comments and trailing commas are allowed, as in the other JSON inputs.
              "flow_range_m3_per_h": { "zl-yuexin-f1-DA001": { "minimum": 100000, "maximum": 290000 } },
              "listed_per_check": 3,
            }
            """);
        return path;
    }

    [Fact]
    public void Assess_FlowRangeFromTheFile_ListsTheOutletsHoursOutsideIt()
    {
        (int code, string output, string error) = CliRunner.Run("assess", "--json", "--plausibility", FlowRangeFile());

        Assert.True(code == 0, error);
        JsonElement warnings = JsonDocument.Parse(output).RootElement.GetProperty("warnings");
        JsonElement check = Assert.Single(warnings.EnumerateArray());
        Assert.Equal("flow_outside_range", check.GetProperty("check").GetString());
        Assert.Equal(6634, check.GetProperty("count").GetInt64());
        Assert.Equal(3, check.GetProperty("listed").GetArrayLength());
        JsonElement first = check.GetProperty("listed")[0];
        Assert.Equal("zl-yuexin-f1-DA001", first.GetProperty("key").GetString());
        Assert.Equal("2024-01-01T00:00", first.GetProperty("hour").GetString());
        Assert.Equal(300651, first.GetProperty("value").GetDouble());
        Assert.Equal(290000, first.GetProperty("threshold").GetDouble());
        Assert.Equal(
            "Table 'cems_hourly', outlet 'zl-yuexin-f1-DA001', 2024-01-01 00:00: flow 300651 m³/h is outside the range 100000 to 290000 m³/h set for the outlet.",
            first.GetProperty("message").GetString());
    }

    [Fact]
    public void Assess_WithoutTheFile_RaisesNoWarningOnTheDefaultDataset()
    {
        (int code, string output, string error) = CliRunner.Run("assess", "--json");

        Assert.True(code == 0, error);
        Assert.Equal(0, JsonDocument.Parse(output).RootElement.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public void Report_FlowRangeFromTheFile_NamesTheWarning()
    {
        string output = Path.Combine(_folder, "report");
        (int code, _, string error) = CliRunner.Run("report", "--out", output, "--plausibility", FlowRangeFile());

        Assert.True(code == 0, error);
        string markdown = File.ReadAllText(Path.Combine(output, "report.md"));
        Assert.Contains("- Table 'cems_hourly', outlet 'zl-yuexin-f1-DA001', 2024-01-01 00:00: flow 300651 m³/h is outside the range set for the outlet (beyond 290000 m³/h).", markdown, StringComparison.Ordinal);
        Assert.Contains("- flow outside the range: and 6631 more.", markdown, StringComparison.Ordinal);
        Assert.Contains("flows outside the ranges given for 1 outlets", markdown, StringComparison.Ordinal);
    }
}
