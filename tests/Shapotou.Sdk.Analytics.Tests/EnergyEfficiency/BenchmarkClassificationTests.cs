using Shapotou.Sdk.Analytics.EnergyEfficiency;
using Shapotou.Sdk.Reference;

using Shapotou.Sdk.Units;

namespace Shapotou.Sdk.Analytics.Tests.EnergyEfficiency;

public sealed class BenchmarkClassificationTests
{
    private static EnergyBenchmark Ferrosilicon(int year) =>
        ReferenceCatalogue.Builtin.FindEnergyBenchmark("ferrosilicon", new DateOnly(year, 12, 31))!;

    [Theory]
    [InlineData(2022, BenchmarkClass.Between)] // 2021 edition: baseline 1900
    [InlineData(2024, BenchmarkClass.WorseThanBaseline)] // 2023 edition: baseline 1850
    public void Classify_1870_SwitchesWithTheEdition(int year, BenchmarkClass expected)
    {
        Assert.Equal(expected, BenchmarkClassification.Classify(EnergyIntensity.FromKilogramsOfCoalEquivalentPerTonne(1870), Ferrosilicon(year)));
    }

    [Theory]
    [InlineData(1770.0, BenchmarkClass.BetterThanBenchmark)] // at the benchmark: better than it, as the contract defines
    [InlineData(1770.01, BenchmarkClass.Between)] // just above the benchmark
    [InlineData(1850.0, BenchmarkClass.Between)] // at the baseline: not worse than it
    [InlineData(1850.01, BenchmarkClass.WorseThanBaseline)] // just above the baseline
    public void Classify_Boundaries(double unitEnergy, BenchmarkClass expected)
    {
        Assert.Equal(expected, BenchmarkClassification.Classify(EnergyIntensity.FromKilogramsOfCoalEquivalentPerTonne(unitEnergy), Ferrosilicon(2024)));
    }

    [Fact]
    public void Classify_Unknown_IsNull_AndNamesAreTheContracts()
    {
        Assert.Null(BenchmarkClassification.Classify(null, Ferrosilicon(2024)));
        Assert.Equal(
            ["better_than_benchmark", "between", "worse_than_baseline"],
            Enum.GetValues<BenchmarkClass>().Select(BenchmarkClassification.ToName));
    }
}
