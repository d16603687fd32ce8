using Shapotou.Sdk.Analytics.WasteHeat;
using Shapotou.Sdk.Model;
using UnitsNet;

namespace Shapotou.Sdk.Assessment;

/// <summary>
/// What the assessment counts from a dataset's tables: enterprises and output value by township (Plan P1, table 1-1)
/// and the ferroalloy cluster (P2).
/// </summary>
/// <param name="Townships">Enterprises and output value per township, in township order.</param>
/// <param name="Ferroalloy">The ferroalloy cluster, or <see langword="null"/> where the dataset has no ferroalloy enterprise,
/// or lacks table <c>enterprises</c> or <c>facilities</c>.</param>
public sealed record ClusterSummary(IReadOnlyList<TownshipSummary> Townships, FerroalloySummary? Ferroalloy)
{
    /// <summary>Gets whether the dataset has table <c>enterprises</c>, so that <see cref="Townships"/> are counted; false:
    /// the townships and the ferroalloy cluster are unknown (the assessment JSON writes <c>district</c> as null).</summary>
    public bool EnterprisesKnown { get; init; } = true;

    /// <summary>The GB/T 4754-2017 class of ferroalloy smelting (铁合金冶炼).</summary>
    public const string FerroalloyIndustryCode = "3140";

    /// <summary>Counts the dataset; the ferroalloy figures are for <paramref name="year"/>, null where there is no ferroalloy enterprise.</summary>
    /// <param name="data">The dataset.</param>
    /// <param name="year">The year of the ferroalloy output.</param>
    /// <returns>The counts.</returns>
    public static ClusterSummary Count(ClusterDataset data, int year)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.AbsentTables.Contains("enterprises", StringComparer.Ordinal))
        {
            // Without the table, neither the townships nor the ferroalloy enterprises can be counted: unknown, not 0.
            return new ClusterSummary([], null) { EnterprisesKnown = false };
        }

        if (data.AbsentTables.Contains("facilities", StringComparer.Ordinal))
        {
            return new ClusterSummary(CountTownships(data), null);
        }

        TownshipSummary[] townships = CountTownships(data);

        var ferroalloyIds = data.Enterprises.Where(e => e.IndustryCode == FerroalloyIndustryCode).Select(e => e.EnterpriseId).ToHashSet(StringComparer.Ordinal);
        Facility[] furnaces = data.Facilities
            .Where(f => ferroalloyIds.Contains(f.EnterpriseId) && f.Kind == FacilityKind.SubmergedArcFurnace)
            .ToArray();
        if (ferroalloyIds.Count == 0)
        {
            return new ClusterSummary(townships, null);
        }

        var furnaceIds = furnaces.Select(f => f.FacilityId).ToHashSet(StringComparer.Ordinal);
        EnergyLedgerEntry[] ledger = data.EnergyLedger.Where(r => furnaceIds.Contains(r.FacilityId) && r.Period.Year == year).ToArray();
        return new ClusterSummary(
            townships,
            new FerroalloySummary(
                year,
                ferroalloyIds.Count,
                furnaces.Length,
                furnaces.Count(f => f.Status == FacilityStatus.Running),
                furnaces.All(f => f.AnnualCapacity is not null) ? Mass.FromTonnes(furnaces.Sum(f => f.AnnualCapacity!.Value.Tonnes)) : null,
                ledger.Length > 0 ? Mass.FromTonnes(ledger.Sum(r => r.Output.Tonnes)) : null,
                WasteHeatRecovery.Coverage(data, ferroalloyIds, year).Coverage));
    }

    private static TownshipSummary[] CountTownships(ClusterDataset data) => data.Enterprises
        .GroupBy(e => e.Township, StringComparer.Ordinal)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => new TownshipSummary(
            g.Key,
            g.Count(),
            g.All(e => e.OutputValue10kYuan is not null) ? (decimal)g.Sum(e => e.OutputValue10kYuan!.Value) : null))
        .ToArray();
}

/// <summary>One township: enterprises and their output value.</summary>
/// <param name="Township">The township's id, as in the contract's <c>township</c> column.</param>
/// <param name="Enterprises">Its enterprises in the dataset.</param>
/// <param name="OutputValue">Their output value in 10⁴ yuan (ten-thousand yuan) as the <c>enterprises</c> table's
/// <c>output_value</c> column states it (the sum of the column), or <see langword="null"/> where any is unknown.</param>
public sealed record TownshipSummary(string Township, int Enterprises, decimal? OutputValue);

/// <summary>The ferroalloy cluster in a year; a figure is null where the tables cannot give it.</summary>
/// <param name="Year">The year of <paramref name="Output"/>.</param>
/// <param name="Enterprises">Enterprises of GB/T 4754 class 3140.</param>
/// <param name="Furnaces">Their submerged-arc furnaces.</param>
/// <param name="FurnacesRunning">Furnaces with the status running.</param>
/// <param name="Capacity">The furnaces' annual capacity, or <see langword="null"/> where any is unknown.</param>
/// <param name="Output">The furnaces' output of the year from the energy ledger, or <see langword="null"/> without ledger rows.</param>
/// <param name="WasteHeatCoverage">Furnaces with waste-heat recovery as a share of the furnaces, or <see langword="null"/> where any is unknown.</param>
public sealed record FerroalloySummary(
    int Year,
    int Enterprises,
    int Furnaces,
    int FurnacesRunning,
    Mass? Capacity,
    Mass? Output,
    Ratio? WasteHeatCoverage);
