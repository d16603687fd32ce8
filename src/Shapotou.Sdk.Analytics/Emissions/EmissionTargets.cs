using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Emissions;

/// <summary>One pollutant's 2027 ceiling (Plan P4, table 2-1).</summary>
/// <param name="Pollutant">The pollutant.</param>
/// <param name="Baseline">The baseline year's emission.</param>
/// <param name="ReductionRate">The catalogue row of the reduction rate, with its source and mark.</param>
/// <param name="Ceiling">The ceiling: baseline × (100 − rate) ÷ 100, rounded to 0.01 t half away from zero, as the plan prints it.</param>
public sealed record PollutantTarget(Pollutant Pollutant, Mass Baseline, ReferenceValue ReductionRate, Mass Ceiling);

/// <summary>One year's emission of a pollutant against its 2027 ceiling.</summary>
/// <param name="Year">The year.</param>
/// <param name="Pollutant">The pollutant.</param>
/// <param name="Emission">The year's emission, or <see langword="null"/> when unknown.</param>
/// <param name="Baseline">The baseline year's emission.</param>
/// <param name="Ceiling">The 2027 ceiling.</param>
/// <param name="Reduction">The reduction achieved against the baseline, in percent (negative for an increase).</param>
/// <param name="Gap">Emission − ceiling: the tonnes still to cut (positive) or the headroom (negative).</param>
/// <param name="Met">Whether the emission is at or below the ceiling.</param>
public sealed record TargetProgress(int Year, Pollutant Pollutant, Mass? Emission, Mass Baseline, Mass Ceiling, Ratio? Reduction, Mass? Gap, bool? Met);

/// <summary>
/// The plan's 2027 emission ceilings (P4: PM −6.5 %, NOx −8 %, SO₂ −2.2 % against 2024) from a baseline inventory, and
/// each year's progress against them.
/// </summary>
/// <remarks>The rates come from the catalogue rows <c>plan.target_2027.reduction.&lt;pollutant&gt;</c>.</remarks>
public static class EmissionTargets
{
    /// <summary>The baseline year of the plan's targets (table 1-2).</summary>
    public const int BaselineYear = 2024;

    /// <summary>The target year.</summary>
    public const int TargetYear = 2027;

    /// <summary>The pollutants the plan sets rates for, in the order the plan lists them.</summary>
    public static IReadOnlyList<Pollutant> Pollutants { get; } = [Pollutant.Pm, Pollutant.So2, Pollutant.Nox];

    /// <summary>Computes the ceilings from the baseline year's emissions.</summary>
    /// <param name="baseline">The baseline emission of each pollutant of <see cref="Pollutants"/>.</param>
    /// <param name="catalogue">The catalogue holding the rates.</param>
    /// <param name="asOf">The date whose catalogue rows apply.</param>
    /// <returns>One ceiling per pollutant, in the order of <see cref="Pollutants"/>.</returns>
    /// <exception cref="ArgumentException">A pollutant's baseline is missing.</exception>
    public static IReadOnlyList<PollutantTarget> Ceilings(IReadOnlyDictionary<Pollutant, Mass> baseline, ReferenceCatalogue catalogue, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(catalogue);
        var targets = new List<PollutantTarget>(Pollutants.Count);
        foreach (Pollutant pollutant in Pollutants)
        {
            string name = ContractNames.ToName(pollutant);
            if (!baseline.TryGetValue(pollutant, out Mass emission))
            {
                throw new ArgumentException($"The baseline has no {name} emission; the 2027 ceiling needs it.", nameof(baseline));
            }

            ReferenceValue rate = catalogue.Get($"plan.target_2027.reduction.{name}", asOf);
            double ceiling = Math.Round(emission.Tonnes * (100 - rate.ToRatio().Percent) / 100, 2, MidpointRounding.AwayFromZero);
            targets.Add(new PollutantTarget(pollutant, emission, rate, Mass.FromTonnes(ceiling)));
        }

        return targets;
    }

    /// <summary>Computes the ceilings from a baseline inventory.</summary>
    /// <param name="baseline">The inventory of the baseline year.</param>
    /// <param name="catalogue">The catalogue holding the rates.</param>
    /// <param name="asOf">The date whose catalogue rows apply.</param>
    /// <returns>The ceilings, or <see langword="null"/> when the inventory's total of a pollutant is unknown.</returns>
    public static IReadOnlyList<PollutantTarget>? Ceilings(EmissionInventory baseline, ReferenceCatalogue catalogue, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var totals = new Dictionary<Pollutant, Mass>();
        foreach (Pollutant pollutant in Pollutants)
        {
            if (baseline.Total(pollutant) is not { } total)
            {
                return null;
            }

            totals[pollutant] = total;
        }

        return Ceilings(totals, catalogue, asOf);
    }

    /// <summary>Measures a year's emissions against the ceilings.</summary>
    /// <param name="year">The year.</param>
    /// <param name="emissions">The year's emission per pollutant; a missing or null entry is unknown.</param>
    /// <param name="targets">The ceilings.</param>
    /// <returns>One entry per target.</returns>
    public static IReadOnlyList<TargetProgress> Progress(int year, IReadOnlyDictionary<Pollutant, Mass?> emissions, IReadOnlyList<PollutantTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(emissions);
        ArgumentNullException.ThrowIfNull(targets);
        return targets.Select(t =>
        {
            Mass? emission = emissions.GetValueOrDefault(t.Pollutant);
            return emission is { } e
                ? new TargetProgress(year, t.Pollutant, e, t.Baseline, t.Ceiling, Ratio.FromPercent((t.Baseline.Tonnes - e.Tonnes) / t.Baseline.Tonnes * 100), Mass.FromTonnes(e.Tonnes - t.Ceiling.Tonnes), e.Tonnes <= t.Ceiling.Tonnes)
                : new TargetProgress(year, t.Pollutant, null, t.Baseline, t.Ceiling, null, null, null);
        }).ToArray();
    }
}
