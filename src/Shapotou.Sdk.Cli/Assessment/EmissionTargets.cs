using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Cli.Assessment;

/// <summary>The 2027 emission ceilings: the baseline year's emissions reduced by the plan's rates (Plan P4, table 2-1).</summary>
internal static class EmissionTargets
{
    /// <summary>The pollutants the plan sets reduction rates for, in the order of the assessment JSON.</summary>
    public static IReadOnlyList<string> Pollutants { get; } = ["pm", "so2", "nox"];

    /// <summary>
    /// Computes <c>baseline × (100 − rate) ÷ 100</c> per pollutant, rounded to 0.01 t half away from zero, with the
    /// rate from the catalogue row <c>plan.target_2027.reduction.&lt;pollutant&gt;</c>.
    /// </summary>
    public static IReadOnlyList<EmissionTarget> Compute(EmissionYear baseline, ReferenceCatalogue catalogue, DateOnly asOf)
    {
        var targets = new List<EmissionTarget>(Pollutants.Count);
        foreach (string pollutant in Pollutants)
        {
            ReferenceValue rate = catalogue.Get($"plan.target_2027.reduction.{pollutant}", asOf);
            double baselineT = baseline.Get(pollutant);
            double ceiling = Math.Round(baselineT * (100 - rate.ToRatio().Percent) / 100, 2, MidpointRounding.AwayFromZero);
            targets.Add(new EmissionTarget(pollutant, baselineT, rate, ceiling));
        }

        return targets;
    }
}

/// <summary>One pollutant's 2027 ceiling.</summary>
internal sealed record EmissionTarget(string Pollutant, double BaselineT, ReferenceValue ReductionRate, double CeilingT);
