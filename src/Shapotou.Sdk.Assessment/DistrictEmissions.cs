using Shapotou.Sdk.Analytics.Carbon;
using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Analytics.Grading;
using Shapotou.Sdk.Analytics.Tax;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using UnitsNet;

namespace Shapotou.Sdk.Assessment;

/// <summary>
/// The emissions part of the assessment: the inventory of each year the dataset measures, the 2027 ceilings from the
/// 2024 inventory with each year's progress, the hourly compliance of CEMS outlets, and the plan's P6 checks.
/// </summary>
/// <remarks>
/// Inventory years are the years of <c>cems_hourly</c>, or, for a dataset without CEMS data, the years of the energy
/// ledger (docs/emissions.md): a year with ledgers but no CEMS hours of a dataset that has CEMS outlets would only say
/// "unknown" for every measured outlet.
/// </remarks>
/// <param name="Inventories">The inventory of each year assessed, in year order.</param>
/// <param name="Targets">The 2027 ceilings from the 2024 inventory, or <see langword="null"/> where it is unknown or absent.</param>
/// <param name="Progress">Each assessed year's emissions against the ceilings.</param>
/// <param name="Compliance">Hourly compliance of the CEMS outlets in the latest year assessed, or <see langword="null"/>.</param>
/// <param name="Checks">The plan's P6 checks in the latest year assessed.</param>
/// <param name="Tax">The environmental-protection tax of the latest inventory, or <see langword="null"/>.</param>
/// <param name="Carbon">CO₂ of the latest year, or <see langword="null"/> without data.</param>
/// <param name="Grading">Performance grades in the latest year assessed, or <see langword="null"/>.</param>
/// <param name="Assumptions">The assumptions behind these figures.</param>
public sealed record DistrictEmissions(
    IReadOnlyList<EmissionInventory> Inventories,
    IReadOnlyList<PollutantTarget>? Targets,
    IReadOnlyList<TargetProgress> Progress,
    ComplianceResult? Compliance,
    IReadOnlyList<PlanCheck> Checks,
    TaxAssessment? Tax,
    CarbonAssessment? Carbon,
    GradingResult? Grading,
    IReadOnlyList<string> Assumptions)
{
    /// <summary>Computes the emissions part; <paramref name="year"/> restricts it to one year (the 2024 inventory is
    /// still computed for the ceilings).</summary>
    internal static DistrictEmissions Compute(ClusterDataset data, ReferenceCatalogue catalogue, DateOnly asOf, GradingCriteria? criteria, IReadOnlyList<EnterpriseFacts> facts, int? year, TaxOptions? taxOptions = null)
    {
        int[] dataYears = CemsHours.Of(data) is { Years.Count: > 0 } hours
            ? [.. hours.Years]
            : data.EnergyLedger.Select(r => r.Period.Year).Distinct().Order().ToArray();
        // The inventory's sources are the outlets of facilities: without either table there is no inventory to make
        // (an empty one would read as 0 t), and what rests on it is not available.
        string[] sourceless = [.. data.AbsentTables.Where(t => t is "facilities" or "outlets")];
        int[] years = sourceless.Length > 0 ? [] : year is { } only ? (dataYears.Contains(only) ? [only] : []) : dataYears;
        var calculator = new EmissionInventoryCalculator();
        EmissionInventory[] inventories = years.Select(y => calculator.Compute(data, y)).ToArray();
        EmissionInventory? baseline = inventories.SingleOrDefault(i => i.Year == EmissionTargets.BaselineYear)
            ?? (sourceless.Length == 0 && dataYears.Contains(EmissionTargets.BaselineYear) ? calculator.Compute(data, EmissionTargets.BaselineYear) : null);
        IReadOnlyList<PollutantTarget>? targets = baseline is null ? null : EmissionTargets.Ceilings(baseline, catalogue, asOf);
        var progress = new List<TargetProgress>();
        if (targets is not null)
        {
            foreach (EmissionInventory inventory in inventories)
            {
                Dictionary<Pollutant, Mass?> totals = EmissionTargets.Pollutants.ToDictionary(p => p, inventory.Total);
                progress.AddRange(EmissionTargets.Progress(inventory.Year, totals, targets));
            }
        }

        int? latest = years.Length > 0 ? years[^1] : null;
        ComplianceResult? compliance = latest is { } y1 ? PermitCompliance.Evaluate(data, y1) : null;
        IReadOnlyList<PlanCheck> checks = latest is { } y2 ? PlanChecks.Evaluate(data, y2, catalogue, asOf) : [];
        TaxAssessment? tax = inventories.Length > 0 ? new EnvironmentalTaxCalculator(catalogue, taxOptions).ForInventory(data, inventories[^1], asOf) : null;
        // CO₂ is of the year asked for, whether or not the CEMS hours hold it (it comes from the ledger).
        int? carbonYear = year ?? latest ?? (data.EnergyLedger.Count > 0 ? data.EnergyLedger.Max(r => r.Period.Year) : null);
        CarbonAssessment? carbon = carbonYear is { } y3 ? new CarbonCalculator(catalogue).Compute(data, y3, asOf) : null;
        // Without the caller's criteria, the SDK's examples: cement from the references (sourced), ferroalloy labelled
        // illustrative; without enterprise facts, the fugitive and transport criteria are unknown and say so.
        GradingResult? graded = latest is { } y4
            ? PerformanceGrading.Grade(
                data,
                y4,
                criteria ?? GradingCriteria.Combine("SDK examples", GradingCriteria.CementExample(), GradingCriteria.FerroalloyIllustrativeExample()),
                facts,
                catalogue,
                asOf)
            : null;
        var assumptions = inventories.SelectMany(i => i.Assumptions).Distinct().ToList();
        assumptions.AddRange(tax?.Assumptions ?? []);
        assumptions.AddRange(graded?.Assumptions ?? []);
        assumptions.AddRange(carbon?.Assumptions ?? []);
        if (data.Illustrative && data.EmissionFactors.Count > 0)
        {
            // One line for the default dataset's illustrative factors instead of one per factor row.
            assumptions.RemoveAll(a => a.StartsWith("Emission factor ", StringComparison.Ordinal) && a.Contains("ILLUSTRATIVE", StringComparison.Ordinal));
            assumptions.Add("ILLUSTRATIVE emission factors: the default dataset's sources without CEMS are estimated with example factors, not from the MEE manual (排放源统计调查产排污核算方法和系数手册, 2021), which the references lack.");
        }

        if (sourceless.Length > 0)
        {
            assumptions.Add($"Not available: the emission inventory, the 2027 ceilings, compliance, the P6 checks, the tax and the performance grades, because the dataset has no table {string.Join(" or ", sourceless)}, whose outlets are the inventory's sources.");
        }
        else if (year is { } asked && !dataYears.Contains(asked))
        {
            string source = CemsHours.Of(data) is { Years.Count: > 0 } ? "cems_hourly" : "energy_ledger";
            assumptions.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Not available for {asked}: the emission inventory, compliance, the P6 checks, the tax and the performance grades, because the inventory's years are those of {source}, which holds {(dataYears.Length == 0 ? "none" : string.Join(", ", dataYears))} only."));
        }

        if (baseline is not null && targets is null)
        {
            assumptions.Add($"targets_2027_t is null: the {EmissionTargets.BaselineYear} inventory has unknown totals (see emissions.missing).");
        }

        return new DistrictEmissions(inventories, targets, progress, compliance, checks, tax, carbon, graded, assumptions.Distinct().ToArray());
    }
}
