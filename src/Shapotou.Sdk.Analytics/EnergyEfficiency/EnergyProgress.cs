using Shapotou.Sdk.Reference;
using Shapotou.Sdk.Units;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.EnergyEfficiency;

/// <summary>
/// Progress toward Plan P7: unit energy against the baseline year and the 2027 reduction target, and whether an
/// enterprise has been better than the benchmark for the required run of years.
/// </summary>
public static class EnergyProgress
{
    /// <summary>The plan's baseline year (2024).</summary>
    public const int PlanBaselineYear = 2024;

    /// <summary>
    /// Compares each enterprise and product of <paramref name="year"/> with its <paramref name="baselineYear"/> unit
    /// energy and the target <c>baseline × (1 − reduction)</c>, the reduction from the catalogue row
    /// <c>plan.target_2027.unit_energy_reduction</c> (5 %).
    /// </summary>
    /// <param name="results">Unit-energy results of several years per enterprise (from <see cref="EnergyCalculator.ByEnterprise"/>), one per group, product and year.</param>
    /// <param name="catalogue">The catalogue.</param>
    /// <param name="year">The year to assess.</param>
    /// <param name="baselineYear">The baseline year; 2024 in the plan.</param>
    /// <param name="runOfYears">How many consecutive years up to <paramref name="year"/> must be better than the benchmark; 3 in the plan.</param>
    /// <returns>One entry per enterprise and product that has a result in <paramref name="year"/>.</returns>
    public static IReadOnlyList<EnterpriseProgress> Compute(
        IReadOnlyList<GroupEnergy> results,
        ReferenceCatalogue catalogue,
        int year,
        int baselineYear = PlanBaselineYear,
        int runOfYears = 3)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentOutOfRangeException.ThrowIfLessThan(runOfYears, 1);
        double reductionPercent = catalogue.Get("plan.target_2027.unit_energy_reduction", new DateOnly(year, 12, 31)).ToRatio().Percent;
        var byKey = results.ToDictionary(r => (r.GroupId, r.Product, r.Year));
        var progress = new List<EnterpriseProgress>();
        foreach (GroupEnergy current in results.Where(r => r.Year == year))
        {
            double? unitEnergy = current.UnitEnergy?.KilogramsOfCoalEquivalentPerTonne;
            double? baseline = byKey.TryGetValue((current.GroupId, current.Product, baselineYear), out GroupEnergy? b) ? b.UnitEnergy?.KilogramsOfCoalEquivalentPerTonne : null;
            double? target = baseline * (1 - (reductionPercent / 100));
            double? change = baseline is { } bv && unitEnergy is { } cv ? 100 * (cv - bv) / bv : null;
            bool? run = true;
            for (int y = year - runOfYears + 1; y <= year; y++)
            {
                if (!byKey.TryGetValue((current.GroupId, current.Product, y), out GroupEnergy? r) || r.BenchmarkClass is null)
                {
                    run = null; // a year without a class: the run cannot be judged
                    break;
                }

                if (r.BenchmarkClass != BenchmarkClass.BetterThanBenchmark)
                {
                    run = false;
                }
            }

            progress.Add(new EnterpriseProgress(
                current.GroupId,
                current.Product,
                year,
                current.UnitEnergy,
                baseline is { } baselineValue ? EnergyIntensity.FromKilogramsOfCoalEquivalentPerTonne(baselineValue) : null,
                change is { } changeValue && double.IsFinite(changeValue) ? Ratio.FromPercent(changeValue) : null,
                target is { } targetValue ? EnergyIntensity.FromKilogramsOfCoalEquivalentPerTonne(targetValue) : null,
                target is { } t && unitEnergy is { } u ? u <= t : null,
                run));
        }

        return progress;
    }
}

/// <summary>An enterprise's progress on one product.</summary>
/// <param name="EnterpriseId">The enterprise.</param>
/// <param name="Product">The product.</param>
/// <param name="Year">The year assessed.</param>
/// <param name="UnitEnergy">Its unit energy, in kgce/t, or <see langword="null"/> where unknown.</param>
/// <param name="BaselineUnitEnergy">The baseline year's unit energy, in kgce/t, or <see langword="null"/>.</param>
/// <param name="Change">The change on the baseline year, in percent, or <see langword="null"/>.</param>
/// <param name="TargetUnitEnergy">The 2027 target, in kgce/t, or <see langword="null"/>.</param>
/// <param name="MeetsTarget">Whether the unit energy is at or below the target already.</param>
/// <param name="BetterThanBenchmarkRun">Whether every year of the run was better than the benchmark; <see langword="null"/> when a year is missing.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record EnterpriseProgress(
    string EnterpriseId,
    string Product,
    int Year,
    EnergyIntensity? UnitEnergy,
    EnergyIntensity? BaselineUnitEnergy,
    Ratio? Change,
    EnergyIntensity? TargetUnitEnergy,
    bool? MeetsTarget,
    bool? BetterThanBenchmarkRun);
