using System.Globalization;
using System.Reflection;
using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Analytics.EnergyEfficiency;
using Shapotou.Sdk.Analytics.SolidWaste;
using Shapotou.Sdk.Analytics.WasteHeat;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Cli.Assessment;

/// <summary>The district assessment: what the dataset holds, the 2027 ceilings, and every assumption behind them.</summary>
internal sealed record DistrictAssessment(
    string DatasetName,
    bool Illustrative,
    string SdkVersion,
    DateOnly CatalogueAsOf,
    PlanFigures Figures,
    ClusterSummary Summary,
    EmissionHistory? ReportedEmissions,
    IReadOnlyList<GroupEnergy> Energy,
    IReadOnlyList<EnterpriseUtilisation> SolidWaste,
    WasteHeatCoverage? WasteHeat,
    double WasteHeatTargetPct,
    IReadOnlyList<PollutantTarget>? Targets,
    DistrictEmissions Emissions,
    IReadOnlyList<string> Assumptions)
{
    /// <summary>
    /// Assesses the embedded default dataset: district and ferroalloy figures counted from its tables, the 2027
    /// ceilings from its 2024 emissions (table 1-2), and every assumption in words.
    /// </summary>
    public static DistrictAssessment ForDefaultDataset(PlanFigures figures, ClusterDataset data, ReferenceCatalogue catalogue, DateOnly asOf, GradingInputs? grading = null, int? year = null) =>
        Create(figures, data, catalogue, asOf, reportedEmissions: figures.EmissionsT, grading, year,
        [
            "ILLUSTRATIVE data: the default dataset is synthetic at facility level (enterprises, furnaces, ledgers, outlets, CEMS hours), calibrated to the plan's published figures: table 1-1 and P2 exactly, and a 2024 inventory equal to table 1-2. See docs/default-dataset.md for which number comes from the plan and which is assumed.",
            "The plan's ferroalloy output value (5.5 × 10^9 yuan) exceeds Zhenluo's whole table 1-1 value (5.26 × 10^9 yuan); the dataset follows table 1-1.",
        ]);

    /// <summary>
    /// Assesses a dataset read from a folder: district and ferroalloy figures, energy, solid waste and emissions from its
    /// tables, and the 2027 ceilings from its own 2024 inventory.
    /// </summary>
    public static DistrictAssessment ForFolder(PlanFigures figures, ClusterDataset data, ReferenceCatalogue catalogue, DateOnly asOf, GradingInputs? grading = null, int? year = null) =>
        Create(figures, data, catalogue, asOf, reportedEmissions: null, grading, year,
        [
            $"Dataset read from the folder '{data.Name}'.",
        ]);

    private static DistrictAssessment Create(PlanFigures figures, ClusterDataset data, ReferenceCatalogue catalogue, DateOnly asOf, EmissionHistory? reportedEmissions, GradingInputs? grading, int? year, List<string> assumptions)
    {
        ClusterSummary summary = ClusterSummary.Count(data, figures.BaselineYear);
        DistrictEmissions emissions = DistrictEmissions.Compute(data, catalogue, asOf, grading, year);
        IReadOnlyList<PollutantTarget>? targets = emissions.Targets;
        assumptions.AddRange(emissions.Assumptions.Where(a => !assumptions.Contains(a)));
        int[] years = data.EnergyLedger.Select(r => r.Period.Year).Distinct().Where(y => year is null || y == year).Order().ToArray();
        var energyCalculator = new EnergyCalculator(catalogue);
        var energy = new List<GroupEnergy>();
        foreach (int energyYear in years)
        {
            EnergyAssessment result = energyCalculator.ByEnterprise(data, energyYear);
            energy.AddRange(result.Groups);
            assumptions.AddRange(result.Assumptions.Where(a => !assumptions.Contains(a)));
        }

        IReadOnlyList<EnterpriseUtilisation> solidWaste = data.SolidWasteLedger.Select(r => r.Period.Year).Distinct().Where(y => year is null || y == year).Order()
            .SelectMany(year => SolidWasteUtilisation.ByEnterprise(data.SolidWasteLedger, year))
            .OrderBy(u => u.EnterpriseId, StringComparer.Ordinal).ThenBy(u => u.Year)
            .ToArray();
        if (targets is not null)
        {
            assumptions.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"targets_2027_t apply the plan's reduction rates ({string.Join(", ", targets.Select(t => $"{ContractNames.ToName(t.Pollutant)} {t.ReductionRate.Value} %"))}; {targets[0].ReductionRate.Source}) to the dataset's {EmissionTargets.BaselineYear} inventory{(data.Illustrative ? ", which for the default dataset equals table 1-2" : string.Empty)}, rounded to 0.01 t half away from zero."));
        }

        energy.Sort((a, b) => (string.CompareOrdinal(a.GroupId, b.GroupId), a.Year.CompareTo(b.Year), string.CompareOrdinal(a.Product, b.Product)) switch
        {
            (not 0 and var c, _, _) => c,
            (_, not 0 and var c, _) => c,
            (_, _, var c) => c,
        });
        var ferroalloy = data.Enterprises.Where(e => e.IndustryCode == ClusterSummary.FerroalloyIndustryCode).Select(e => e.EnterpriseId).ToHashSet(StringComparer.Ordinal);
        WasteHeatCoverage? wasteHeat = ferroalloy.Count > 0 ? WasteHeatRecovery.Coverage(data, ferroalloy, figures.BaselineYear) : null;
        return new DistrictAssessment(data.Name, data.Illustrative, SdkInformationalVersion(), asOf, figures, summary, reportedEmissions, energy, solidWaste, wasteHeat,
            catalogue.Get("plan.target_2027.waste_heat_utilisation", asOf).ToRatio().Percent, targets, emissions, assumptions);
    }

    private static string SdkInformationalVersion()
    {
        string? version = typeof(ReferenceCatalogue).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return version is null ? "unknown" : version.Split('+')[0];
    }
}
