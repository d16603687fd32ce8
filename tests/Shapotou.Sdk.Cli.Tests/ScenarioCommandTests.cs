using System.Text.Json;
using Shapotou.Sdk.Assessment;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.TestKit;

namespace Shapotou.Sdk.Cli.Tests;

public sealed class ScenarioCommandTests
{
    private static readonly string s_example = Path.Combine(RepositoryRoot(), "samples", "scenarios", "2027-measures.json");

    [Fact]
    public void Example_MeetsEveryCeiling_AndWasteHeatSavesElectricityTimesItsFactors()
    {
        (int code, string output, string error) = CliRunner.Run("scenario", s_example, "--json");
        Assert.True(code == 0, error);
        JsonElement root = JsonDocument.Parse(output).RootElement;

        Assert.True(root.GetProperty("all_targets_met").GetBoolean());
        Assert.Equal([2221.71, 3228.61, 2481.65], root.GetProperty("pollutants").EnumerateArray().Select(p => p.GetProperty("ceiling_2027_t").GetDouble()));

        // 900 kWh/t of waste-heat power at Hefa replaces purchased electricity: 0.1229 kgce/kWh and 0.6423 tCO2/MWh
        // (Ningxia, data year 2022, the latest published for 2024).
        double hefaOutput = DefaultDataset.Instance.EnergyLedger.Where(r => r.FacilityId.StartsWith("zl-hefa-", StringComparison.Ordinal) && r.Period.Year == 2024).Sum(r => r.Output.Tonnes);
        JsonElement heat = root.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "waste-heat-hefa");
        Tolerance.AssertClose(-900 * hefaOutput * 0.1229 / 1000, heat.GetProperty("energy_change_tce").GetDouble(), 1e-9);
        Tolerance.AssertClose(-900 * hefaOutput * 0.6423 / 1000, heat.GetProperty("co2_change_t").GetDouble(), 1e-9);
        Assert.Equal(0, heat.GetProperty("abated_pm_t").GetDouble());
    }

    [Fact]
    public void Example_RanksCostedChangesByYuanPerTonne()
    {
        JsonElement root = JsonDocument.Parse(CliRunner.Run("scenario", s_example, "--json").Output).RootElement;

        double[] costs = root.GetProperty("changes").EnumerateArray()
            .Where(c => c.GetProperty("yuan_per_t").ValueKind == JsonValueKind.Number)
            .Select(c => c.GetProperty("yuan_per_t").GetDouble()).ToArray();
        Assert.Equal(3, costs.Length);
        Assert.Equal(costs.Order(), costs);
    }

    [Fact]
    public void BadScenario_NamesTheChangeAndTheField()
    {
        using var file = new TemporaryFile("""{ "name": "bad", "changes": [ { "id": "x", "type": "retrofit", "facilities": ["*"], "pollutant": "so2", "kind": "scr", "efficiency_pct": 120 } ] }""");

        (int code, _, string error) = CliRunner.Run("scenario", file.Path);

        Assert.Equal(1, code);
        Assert.Contains("change 'x': 'efficiency_pct' is 120; expected a number from 0 to 100.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedScenario_NamesTheFileAndThePlace()
    {
        using var file = new TemporaryFile("{ \"name\": \"bad\",\n  \"changes\": [ }");

        (int code, _, string error) = CliRunner.Run("scenario", file.Path);

        Assert.Equal(1, code);
        // One sentence with the 1-based line and byte, without the parser's own sentence.
        Assert.Equal($"Scenario file '{Path.GetFileName(file.Path)}' is not valid JSON at line 2, byte 16.{Environment.NewLine}", error);
    }

    [Fact]
    public void MissingFile_IsAnIoError()
    {
        (int code, _, string error) = CliRunner.Run("scenario", "/nonexistent/scenario.json");

        Assert.Equal(2, code);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Shapotou.Sdk.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (Shapotou.Sdk.sln) was not found above the test's folder.");
    }
}
