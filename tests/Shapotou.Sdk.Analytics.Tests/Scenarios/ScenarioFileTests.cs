using Shapotou.Sdk.Analytics.Scenarios;

namespace Shapotou.Sdk.Analytics.Tests.Scenarios;

public sealed class ScenarioFileTests
{
    private const string Change = """{ "id": "scr", "type": "retrofit", "facilities": ["k1"], "pollutant": "nox", "kind": "scr", "efficiency_pct": 85, "cost_10k_yuan": 1600 }""";

    [Theory]
    // A misspelt key of a change: named with its path and the key meant.
    [InlineData("""{ "name": "s", "changes": [ { "id": "scr", "type": "retrofit", "facilities": ["k1"], "pollutant": "nox", "kind": "scr", "efficiency_pct": 85, "cost_10k_yaun": 1600 } ] }""",
        "Scenario file 's.json', change 'scr': key 'cost_10k_yaun' at $.changes[0].cost_10k_yaun is unknown; did you mean 'cost_10k_yuan'?")]
    // Misspelt keys of the scenario itself.
    [InlineData("""{ "name": "s", "sead": 1, "changes": [] }""", "Scenario file 's.json': key 'sead' at $.sead is unknown; did you mean 'seed'?")]
    [InlineData("""{ "name": "s", "smaples": 500, "changes": [] }""", "Scenario file 's.json': key 'smaples' at $.smaples is unknown; did you mean 'samples'?")]
    // A key of another change type: refused, not ignored.
    [InlineData("""{ "name": "s", "changes": [ { "id": "r", "type": "retire", "facilities": ["k1"], "efficency_pct": 50 } ] }""",
        "Scenario file 's.json', change 'r': key 'efficency_pct' at $.changes[0].efficency_pct is unknown; expected one of id, type, facilities, cost_10k_yuan.")]
    // Values of the wrong kind: named by their path.
    [InlineData("""{ "name": "s", "changes": [ { "id": "r", "type": "retire", "facilities": [12] } ] }""",
        "Scenario file 's.json', change 'r': $.changes[0].facilities[0] is 12; expected one of facility ids or \"*\" as a non-empty string.")]
    [InlineData("""[1, 2]""", "Scenario file 's.json': $ is an array; expected an object.")]
    [InlineData("""{ "name": "s", "changes": [ 7 ] }""", "Scenario file 's.json': $.changes[0] is 7; expected an object.")]
    [InlineData("""{ "name": "s", "uncertainty": { "factor_pct": 30, "measured_pct": 5, "activity_pct": 3, "sorce": "x" }, "changes": [] }""",
        "Scenario file 's.json': key 'sorce' at $.uncertainty.sorce is unknown; did you mean 'source'?")]
    // A required key missing.
    [InlineData("""{ "changes": [] }""", "Scenario file 's.json', the scenario: 'name' is missing; expected a non-empty string.")]
    public void Parse_BadFile_NamesKeyAndPath(string json, string message)
    {
        var exception = Assert.Throws<ShapotouDataException>(() => ScenarioFile.Parse(json, "s.json"));

        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public void Parse_EveryKnownKey_Reads()
    {
        Scenario scenario = ScenarioFile.Parse($$"""{ "name": "s", "base_year": 2024, "samples": 500, "seed": 3, "changes": [ {{Change}} ] }""", "s.json");

        Assert.Equal(500, scenario.Samples);
        Assert.Equal(3, scenario.Seed);
        Assert.Equal(16_000_000m, Assert.Single(scenario.Changes).AnnualCostYuan);
    }

    [Fact]
    public void Parse_Cost_IsReadAsTheDecimalTheFileWrites_NotThroughADouble()
    {
        // 16 significant digits: a double converted to decimal keeps 15 (0.123456789012346).
        Scenario scenario = ScenarioFile.Parse("""{ "name": "s", "changes": [ { "id": "r", "type": "retire", "facilities": ["k1"], "cost_10k_yuan": 0.1234567890123456 } ] }""", "s.json");

        Assert.Equal(1234.567890123456m, Assert.Single(scenario.Changes).AnnualCostYuan);
    }

    [Fact]
    public void Parse_Percentages_BecomeRatiosInPercent()
    {
        Scenario scenario = ScenarioFile.Parse($$"""{ "name": "s", "uncertainty": { "factor_pct": 30, "measured_pct": 5, "activity_pct": 3, "source": "x" }, "changes": [ {{Change}}, { "id": "cut", "type": "output_change", "facilities": ["k1"], "change_pct": -3 } ] }""", "s.json");

        Assert.Equal(85, ((RetrofitChange)scenario.Changes[0]).Efficiency.Percent);
        Assert.Equal(-3, ((OutputChange)scenario.Changes[1]).Change.Percent);
        Assert.Equal((30.0, 5.0, 3.0), (scenario.Uncertainty!.Factor.Percent, scenario.Uncertainty.Measured.Percent, scenario.Uncertainty.Activity.Percent));
    }
}
