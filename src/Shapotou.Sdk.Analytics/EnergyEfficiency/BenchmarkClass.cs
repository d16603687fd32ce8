using Shapotou.Sdk.Reference;
using Shapotou.Sdk.Units;

namespace Shapotou.Sdk.Analytics.EnergyEfficiency;

/// <summary>Where a unit energy stands against the energy-efficiency benchmark (标杆水平) and baseline (基准水平).</summary>
public enum BenchmarkClass
{
    /// <summary><c>better_than_benchmark</c>: at or below the benchmark.</summary>
    BetterThanBenchmark = 1,

    /// <summary><c>between</c>: above the benchmark, at or below the baseline.</summary>
    Between,

    /// <summary><c>worse_than_baseline</c>: above the baseline.</summary>
    WorseThanBaseline,
}

/// <summary>Classifies unit energies against a benchmark pair, exactly as the data contract defines the classes.</summary>
public static class BenchmarkClassification
{
    /// <summary>Classifies a unit energy.</summary>
    /// <param name="unitEnergy">The unit energy on the benchmark's product basis, compared in kgce/t; <see langword="null"/> for unknown.</param>
    /// <param name="benchmark">The pair of the edition in force (on 31 December of the year assessed).</param>
    /// <returns>The class; <see langword="null"/> for an unknown unit energy.</returns>
    /// <remarks><c>value ≤ benchmark</c> → better than benchmark; <c>value &gt; baseline</c> → worse than baseline;
    /// otherwise between.</remarks>
    public static BenchmarkClass? Classify(EnergyIntensity? unitEnergy, EnergyBenchmark benchmark)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        if (unitEnergy is not { } known)
        {
            return null;
        }

        double unitEnergyKgcePerTonne = known.KilogramsOfCoalEquivalentPerTonne;

        return unitEnergyKgcePerTonne <= benchmark.Benchmark.GetValue() ? BenchmarkClass.BetterThanBenchmark
            : unitEnergyKgcePerTonne > benchmark.Baseline.GetValue() ? BenchmarkClass.WorseThanBaseline
            : BenchmarkClass.Between;
    }

    /// <summary>Gets the contract name of a class: <c>better_than_benchmark</c>, <c>between</c> or <c>worse_than_baseline</c>.</summary>
    /// <param name="value">The class.</param>
    /// <returns>The name.</returns>
    public static string ToName(BenchmarkClass value) => value switch
    {
        BenchmarkClass.BetterThanBenchmark => "better_than_benchmark",
        BenchmarkClass.Between => "between",
        BenchmarkClass.WorseThanBaseline => "worse_than_baseline",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown benchmark class."),
    };
}
