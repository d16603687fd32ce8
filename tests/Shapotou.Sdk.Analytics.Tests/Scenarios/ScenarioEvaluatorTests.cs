using Shapotou.Sdk.Analytics.Scenarios;
using Shapotou.Sdk.Analytics.Tests.Emissions;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Tests.Scenarios;

public sealed class ScenarioEvaluatorTests
{
    private static readonly DateOnly s_asOf = new(2025, 7, 1);
    private static readonly ScenarioEvaluator s_evaluator = new(ReferenceCatalogue.Builtin);

    // The fixture's 2024 SO2: O1 measured 4.554 kg, O2 (kiln K1) 0.375 t by factor after a 90 % wet FGD.
    private const double BaseSo2 = 0.375 + 0.004554;

    [Fact]
    public void NoChange_ProjectsTheBaseYear_AndMissesEveryCeilingByItsReduction()
    {
        ScenarioOutcome outcome = s_evaluator.Evaluate(EmissionsFixture.Create(), new Scenario("none", 2024, []), s_asOf);

        PollutantOutcome so2 = outcome.Pollutants.Single(p => p.Pollutant == Pollutant.So2);
        Assert.Equal(BaseSo2, so2.Projected.Tonnes, 12);
        Assert.Equal(Math.Round(BaseSo2 * 0.978, 2, MidpointRounding.AwayFromZero), so2.Ceiling.Tonnes);
        Assert.Equal(so2.Ceiling.Tonnes - BaseSo2, so2.Margin.Tonnes, 12);
        Assert.False(outcome.AllTargetsMet);
    }

    [Fact]
    public void FgdUpgrade_ReplacesTheExistingEfficiency()
    {
        var upgrade = new RetrofitChange("fgd", ["K1"], 100_000m, Pollutant.So2, TreatmentKind.WetFgd, Ratio.FromPercent(99));

        ScenarioOutcome outcome = s_evaluator.Evaluate(EmissionsFixture.Create(), new Scenario("fgd", 2024, [upgrade]), s_asOf);

        // (1 − 0.99) / (1 − 0.90) = 0.1 of the kiln's SO2.
        Assert.Equal(0.0375 + 0.004554, outcome.Pollutants.Single(p => p.Pollutant == Pollutant.So2).Projected.Tonnes, 12);
        Assert.Equal(0.3375, outcome.Changes.Single().Abated[Pollutant.So2].Tonnes, 12);
    }

    [Fact]
    public void NewStage_MultipliesByItsRemainder_AndRetirementZeroes()
    {
        var scr = new RetrofitChange("scr", ["K1"], null, Pollutant.Nox, TreatmentKind.Scr, Ratio.FromPercent(80));
        var retire = new RetireChange("close-f1", ["F1"], null);

        ScenarioOutcome outcome = s_evaluator.Evaluate(EmissionsFixture.Create(), new Scenario("both", 2024, [scr, retire]), s_asOf);

        Assert.Equal(1.35 * 0.2, outcome.Pollutants.Single(p => p.Pollutant == Pollutant.Nox).Projected.Tonnes, 12); // F1's measured NOx gone too
        Assert.Equal(0.375, outcome.Pollutants.Single(p => p.Pollutant == Pollutant.So2).Projected.Tonnes, 12);
    }

    [Fact]
    public void Changes_WithCosts_AreRankedByYuanPerTonneAbated()
    {
        var cheap = new RetireChange("close-k1", ["K1"], 10_000m); // abates 0.375 + 0.018 + 1.35 t for 10 000 yuan
        var dear = new RetrofitChange("fgd", ["K1"], 100_000m, Pollutant.So2, TreatmentKind.WetFgd, Ratio.FromPercent(99)); // 0.3375 t for 100 000 yuan
        var free = new OutputChange("cut", ["K1"], null, Ratio.FromPercent(-10));

        ScenarioOutcome outcome = s_evaluator.Evaluate(EmissionsFixture.Create(), new Scenario("mac", 2024, [dear, free, cheap]), s_asOf);

        Assert.Equal(["close-k1", "fgd", "cut"], outcome.Changes.Select(c => c.ChangeId));
        Assert.Equal(10_000 / (0.375 + 0.018 + 1.35), (double)outcome.Changes[0].CostPerTonneAbatedYuan!.Value, 9);
        Assert.Equal(100_000 / 0.3375, (double)outcome.Changes[1].CostPerTonneAbatedYuan!.Value, 9);
        Assert.Null(outcome.Changes[2].CostPerTonneAbatedYuan);
    }

    [Fact]
    public void UnknownFacility_IsNamed()
    {
        var change = new RetireChange("x", ["NOPE"], null);

        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => s_evaluator.Evaluate(EmissionsFixture.Create(), new Scenario("bad", 2024, [change]), s_asOf));

        Assert.Equal("Scenario 'bad', change 'x': facility 'NOPE' is not in the dataset.", error.Message);
    }

    [Fact]
    public void MonteCarlo_SameSeed_SamePercentiles_AndTheySitAroundTheProjection()
    {
        var scenario = new Scenario("mc", 2024, [], new ScenarioUncertainty(Ratio.FromPercent(30), Ratio.FromPercent(5), Ratio.FromPercent(5), "test"), Samples: 4000, Seed: 7);

        ScenarioOutcome first = s_evaluator.Evaluate(EmissionsFixture.Create(), scenario, s_asOf);
        ScenarioOutcome second = s_evaluator.Evaluate(EmissionsFixture.Create(), scenario, s_asOf);

        Assert.Equal(first.Pollutants.Select(p => p.Percentiles), second.Pollutants.Select(p => p.Percentiles));
        PollutantOutcome so2 = first.Pollutants.Single(p => p.Pollutant == Pollutant.So2);
        Assert.InRange(so2.Projected.Tonnes, so2.Percentiles!.P5.Tonnes, so2.Percentiles.P95.Tonnes);
        Assert.NotEqual(first.Pollutants[0].Percentiles, s_evaluator.Evaluate(EmissionsFixture.Create(), scenario with { Seed = 8 }, s_asOf).Pollutants[0].Percentiles);
    }

    [Fact]
    public void MonteCarlo_Converges_PercentilesStableAsTheSampleGrows()
    {
        // Stated tolerance: P5, P50 and P95 at 8 000 and 32 000 samples agree within 2 % relative.
        var small = new Scenario("mc", 2024, [], new ScenarioUncertainty(Ratio.FromPercent(30), Ratio.FromPercent(5), Ratio.FromPercent(5), "test"), Samples: 8_000, Seed: 11);
        var large = small with { Samples = 32_000 };

        ScenarioOutcome a = s_evaluator.Evaluate(EmissionsFixture.Create(), small, s_asOf);
        ScenarioOutcome b = s_evaluator.Evaluate(EmissionsFixture.Create(), large, s_asOf);

        for (int p = 0; p < a.Pollutants.Count; p++)
        {
            EmissionPercentiles x = a.Pollutants[p].Percentiles!;
            EmissionPercentiles y = b.Pollutants[p].Percentiles!;
            Assert.InRange(x.P5 / y.P5, 0.98, 1.02);
            Assert.InRange(x.P50 / y.P50, 0.98, 1.02);
            Assert.InRange(x.P95 / y.P95, 0.98, 1.02);
        }
    }
}
