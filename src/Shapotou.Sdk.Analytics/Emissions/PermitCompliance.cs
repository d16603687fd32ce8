using Shapotou.Sdk.Analytics.Kernels;
using Shapotou.Sdk.Concentrations;
using Shapotou.Sdk.Model;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Analytics.Emissions;

/// <summary>One outlet's hourly concentrations of a pollutant in a year against one limit.</summary>
/// <param name="OutletId">The outlet.</param>
/// <param name="Pollutant">The pollutant.</param>
/// <param name="Year">The year.</param>
/// <param name="Limit">The limit, on its basis (measured, or at a reference O₂), citing its source.</param>
/// <param name="ValidHours">Valid hours compared (flag N for value and flow; hours without a finite O₂ are not compared when the limit is at a reference O₂).</param>
/// <param name="OverLimitHours">Valid hours above the limit, on the limit's basis.</param>
/// <param name="MaxHourly">The highest hourly value on the limit's basis, or <see langword="null"/> without valid hours.</param>
/// <param name="Compliant">Whether no valid hour is above the limit; <see langword="null"/> without valid hours.</param>
public sealed record OutletCompliance(
    string OutletId,
    Pollutant Pollutant,
    int Year,
    EmissionLimit Limit,
    int ValidHours,
    int OverLimitHours,
    MassConcentration? MaxHourly,
    bool? Compliant);

/// <summary>The compliance of every outlet with CEMS data, and the limits that were missing.</summary>
/// <param name="Outlets">One entry per outlet and pollutant that has both CEMS rows in the year and a limit.</param>
/// <param name="Missing">Outlets with CEMS rows but no limit, by name.</param>
public sealed record ComplianceResult(IReadOnlyList<OutletCompliance> Outlets, IReadOnlyList<string> Missing);

/// <summary>
/// Hourly CEMS concentrations against the permit limit of each outlet (<c>outlets.limit_value</c> at
/// <c>outlets.reference_o2</c>) or a limit the caller names (a standard's row from the catalogue, an ultra-low value),
/// summarised per outlet, pollutant and year: valid hours, hours above the limit, the highest hour.
/// </summary>
/// <remarks>
/// <para>The rule judged is the permit-compliance one: every valid hourly mean must meet the permitted concentration
/// ("有效小时浓度均值与许可排放浓度限值进行对比，超过…即视为超标", HJ 942 family; 排污许可管理条例 Art. 34). Each hour is converted
/// to the limit's reference O₂ with c × (21 − O₂ref) ÷ (21 − O₂) (GB 13271-2014 / GB 4915-2013 formula (1)); a value
/// at the limit is not above it. A prohibition (禁排) is compared as a limit of 0.</para>
/// <para>A missing limit is never guessed: the outlet is listed in <see cref="ComplianceResult.Missing"/> with its
/// declared standard.</para>
/// <para>Each value judged as it arrives, with a warning threshold, is the monitoring package's
/// <c>Shapotou.Sdk.Monitoring.Compliance.ConcentrationCompliance</c>: the same rule, per hour or day rather than per year.</para>
/// </remarks>
public static class PermitCompliance
{
    /// <summary>Compares every outlet with CEMS rows in the year.</summary>
    /// <param name="data">The dataset.</param>
    /// <param name="year">The year.</param>
    /// <param name="limits">Limits that replace the permit's, per outlet and pollutant; <see langword="null"/> for none.</param>
    /// <returns>The comparisons, ordered by outlet (ordinal) and pollutant, and the missing limits.</returns>
    public static ComplianceResult Evaluate(ClusterDataset data, int year, IReadOnlyDictionary<(string OutletId, Pollutant Pollutant), EmissionLimit>? limits = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var results = new List<OutletCompliance>();
        var missing = new List<string>();
        if (CemsHours.Of(data) is not { } hours)
        {
            return new ComplianceResult(results, missing);
        }

        IReadOnlyList<CemsRun> runs = hours.Runs(year);
        var outletsWithData = runs.Select(r => r.OutletId).ToHashSet(StringComparer.Ordinal);
        foreach (Pollutant pollutant in EmissionInventoryCalculator.Pollutants)
        {
            IEnumerable<Outlet> rows = data.Outlets
                .Where(o => o.Pollutant == pollutant && outletsWithData.Contains(o.OutletId))
                .GroupBy(o => o.OutletId, StringComparer.Ordinal)
                .Select(g => g.First());
            foreach (Outlet outlet in rows)
            {
                EmissionLimit? limit = limits?.GetValueOrDefault((outlet.OutletId, pollutant)) ?? outlet.ToEmissionLimit();
                if (limit is null)
                {
                    missing.Add($"Outlet '{outlet.OutletId}', {ContractNames.ToName(pollutant)}: no limit_value in outlets and none given (standard: {outlet.Standard ?? "not given"}); its hours are not judged.");
                    continue;
                }

                results.Add(Judge(hours, outlet.OutletId, pollutant, year, limit));
            }
        }

        results.Sort((a, b) => string.CompareOrdinal(a.OutletId, b.OutletId) is var c and not 0 ? c : ((int)a.Pollutant).CompareTo((int)b.Pollutant));
        return new ComplianceResult(results, missing);
    }

    internal static OutletCompliance Judge(CemsHours hours, string outletId, Pollutant pollutant, int year, EmissionLimit limit)
    {
        double referenceOxygen = limit.Basis.ReferenceOxygen?.Percent ?? double.NaN;
        double threshold = limit.Value?.MilligramsPerCubicMeter ?? 0;
        MeasuredAccumulation a = hours.Accumulate(outletId, year, pollutant, referenceOxygen, threshold);
        bool any = !double.IsNaN(a.MaxReferenceConcentration);
        return new OutletCompliance(
            outletId,
            pollutant,
            year,
            limit,
            a.ValidHours,
            a.OverLimitHours,
            any ? MassConcentration.From(a.MaxReferenceConcentration, MassConcentrationUnit.MilligramPerCubicMeter) : null,
            any ? a.OverLimitHours == 0 : null);
    }
}
