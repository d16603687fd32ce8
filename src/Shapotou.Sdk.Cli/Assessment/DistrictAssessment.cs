using System.Globalization;
using System.Reflection;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Cli.Assessment;

/// <summary>The district assessment: what the dataset holds, the 2027 ceilings, and every assumption behind them.</summary>
internal sealed record DistrictAssessment(
    string DatasetName,
    bool Illustrative,
    string SdkVersion,
    DateOnly CatalogueAsOf,
    PlanFigures Figures,
    IReadOnlyList<EmissionTarget>? Targets,
    IReadOnlyList<string> Assumptions)
{
    /// <summary>Assesses the embedded default dataset, which for now is the plan's published figures.</summary>
    public static DistrictAssessment ForDefaultDataset(PlanFigures figures, ReferenceCatalogue catalogue, DateOnly asOf)
    {
        EmissionYear? baseline = figures.EmissionsT.Rows.SingleOrDefault(r => r.Year == figures.BaselineYear);
        IReadOnlyList<EmissionTarget>? targets = baseline is null ? null : EmissionTargets.Compute(baseline, catalogue, asOf);
        var assumptions = new List<string>
        {
            "The default dataset holds the plan's published district figures (table 1-1, P2 and table 1-2); facility-level ledgers are not part of it yet, so energy, solid-waste and emission-inventory results are null.",
        };
        if (targets is not null)
        {
            assumptions.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"targets_2027_t apply the plan's reduction rates ({string.Join(", ", targets.Select(t => $"{t.Pollutant} {t.ReductionRate.Value} %"))}; {targets[0].ReductionRate.Source}) to the {figures.BaselineYear} emissions of table 1-2, rounded to 0.01 t half away from zero."));
        }

        return new DistrictAssessment("default", false, SdkInformationalVersion(), asOf, figures, targets, assumptions);
    }

    private static string SdkInformationalVersion()
    {
        string? version = typeof(ReferenceCatalogue).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return version is null ? "unknown" : version.Split('+')[0];
    }
}
