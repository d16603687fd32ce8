using Shapotou.Sdk.Analytics.EnergyEfficiency;
using Shapotou.Sdk.Reference;
using Shapotou.Sdk.Units;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Tests.EnergyEfficiency;

public sealed class EnergyProgressTests
{
    private static GroupEnergy Result(string id, int year, double unit, BenchmarkClass? cls) =>
        new(
            EnergyGrouping.Enterprise, id, year, null, "FeSi75", Mass.FromTonnes(1_000), Mass.FromTonnes(1_000), StandardCoal.FromKilogramsOfCoalEquivalent(unit * 1_000),
            EnergyIntensity.FromKilogramsOfCoalEquivalentPerTonne(unit), null, cls, null, null, null, null, null);

    [Fact]
    public void Compute_TargetIsFivePercentBelow2024_AndTheRunIsJudged()
    {
        GroupEnergy[] results =
        [
            Result("a", 2022, 1_760, BenchmarkClass.BetterThanBenchmark),
            Result("a", 2023, 1_750, BenchmarkClass.BetterThanBenchmark),
            Result("a", 2024, 1_740, BenchmarkClass.BetterThanBenchmark),
            Result("a", 2025, 1_650, BenchmarkClass.BetterThanBenchmark),
            Result("b", 2023, 1_800, BenchmarkClass.Between),
            Result("b", 2024, 1_760, BenchmarkClass.BetterThanBenchmark),
            Result("b", 2025, 1_700, BenchmarkClass.BetterThanBenchmark),
        ];

        IReadOnlyList<EnterpriseProgress> progress = EnergyProgress.Compute(results, ReferenceCatalogue.Builtin, 2025);

        EnterpriseProgress a = progress.Single(p => p.EnterpriseId == "a");
        Assert.Equal(1_740 * 0.95, a.TargetUnitEnergy!.Value.KilogramsOfCoalEquivalentPerTonne, 9); // plan.target_2027.unit_energy_reduction = 5 %
        Assert.True(a.MeetsTarget); // 1650 ≤ 1653
        Assert.Equal(100.0 * (1_650 - 1_740) / 1_740, a.Change!.Value.Percent, 9);
        Assert.True(a.BetterThanBenchmarkRun); // 2023, 2024, 2025
        EnterpriseProgress b = progress.Single(p => p.EnterpriseId == "b");
        Assert.False(b.MeetsTarget); // 1700 > 1672
        Assert.False(b.BetterThanBenchmarkRun); // 2023 was between
    }

    [Fact]
    public void Compute_MissingYearOfTheRun_CannotBeJudged()
    {
        IReadOnlyList<EnterpriseProgress> progress = EnergyProgress.Compute(
            [Result("a", 2024, 1_740, BenchmarkClass.BetterThanBenchmark)], ReferenceCatalogue.Builtin, 2024);

        Assert.Null(progress[0].BetterThanBenchmarkRun);
        Assert.Equal(0, progress[0].Change!.Value.Percent);
    }
}
