using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Tests.Emissions;

public sealed class EmissionTargetsTests
{
    private static readonly DateOnly s_asOf = new(2025, 7, 1);

    /// <summary>Table 1-2's 2024 row.</summary>
    private static readonly Dictionary<Pollutant, Mass> s_table12 = new()
    {
        [Pollutant.Pm] = Mass.FromTonnes(2376.16),
        [Pollutant.So2] = Mass.FromTonnes(3301.24),
        [Pollutant.Nox] = Mass.FromTonnes(2697.45),
    };

    [Fact]
    public void Ceilings_OnTable1_2_AreThePlansFigures()
    {
        IReadOnlyList<PollutantTarget> targets = EmissionTargets.Ceilings(s_table12, ReferenceCatalogue.Builtin, s_asOf);

        // P4: "at most 2 221.71 t PM, 2 481.65 t NOx, 3 228.61 t SO2 in 2027".
        Assert.Equal([2221.71, 3228.61, 2481.65], targets.Select(t => t.Ceiling.Tonnes));
        Assert.Equal([6.5, 2.2, 8.0], targets.Select(t => t.ReductionRate.GetValue()));
        Assert.All(targets, t => Assert.Equal("P", t.ReductionRate.ConfidenceMark));
    }

    [Fact]
    public void Progress_GapIsEmissionLessCeiling_OnBothSidesOfTheCeiling()
    {
        IReadOnlyList<PollutantTarget> targets = EmissionTargets.Ceilings(s_table12, ReferenceCatalogue.Builtin, s_asOf);
        var emissions = new Dictionary<Pollutant, Mass?>
        {
            [Pollutant.Pm] = Mass.FromTonnes(2221.71), // exactly at the ceiling: met
            [Pollutant.So2] = Mass.FromTonnes(3300), // above: 71.39 t to cut
            [Pollutant.Nox] = null,
        };

        IReadOnlyList<TargetProgress> progress = EmissionTargets.Progress(2025, emissions, targets);

        Assert.True(progress[0].Met);
        Assert.Equal(0, progress[0].Gap!.Value.Tonnes, 9);
        Assert.Equal(6.5, progress[0].Reduction!.Value.Percent, 2);
        Assert.False(progress[1].Met);
        Assert.Equal(71.39, progress[1].Gap!.Value.Tonnes, 9);
        Assert.Null(progress[2].Met);
        Assert.Null(progress[2].Gap);
    }

    [Fact]
    public void Ceilings_MissingBaselinePollutant_IsNamed()
    {
        var partial = new Dictionary<Pollutant, Mass> { [Pollutant.Pm] = Mass.FromTonnes(1) };

        ArgumentException error = Assert.Throws<ArgumentException>(() => EmissionTargets.Ceilings(partial, ReferenceCatalogue.Builtin, s_asOf));

        Assert.Contains("no so2 emission", error.Message, StringComparison.Ordinal);
    }
}
