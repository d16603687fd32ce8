using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Cli.Assessment;

/// <summary>
/// What the assessment counts from a dataset's tables: enterprises and output value by township (Plan P1, table 1-1)
/// and the ferroalloy cluster (P2).
/// </summary>
internal sealed record ClusterSummary(IReadOnlyList<TownshipSummary> Townships, FerroalloySummary? Ferroalloy)
{
    /// <summary>The GB/T 4754-2017 class of ferroalloy smelting (铁合金冶炼).</summary>
    public const string FerroalloyIndustryCode = "3140";

    /// <summary>Counts the dataset; the ferroalloy figures are for <paramref name="year"/>, null where there is no ferroalloy enterprise.</summary>
    public static ClusterSummary Count(ClusterDataset data, int year)
    {
        TownshipSummary[] townships = data.Enterprises
            .GroupBy(e => e.Township, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TownshipSummary(
                g.Key,
                g.Count(),
                g.All(e => e.OutputValue10kYuan is not null) ? g.Sum(e => e.OutputValue10kYuan!.Value) : null))
            .ToArray();

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
                furnaces.All(f => f.AnnualCapacity is not null) ? furnaces.Sum(f => f.AnnualCapacity!.Value.Tonnes) : null,
                ledger.Length > 0 ? ledger.Sum(r => r.Output.Tonnes) : null,
                furnaces.Length > 0 && furnaces.All(f => f.WasteHeatRecovery is not null)
                    ? 100.0 * furnaces.Count(f => f.WasteHeatRecovery == true) / furnaces.Length
                    : null));
    }
}

/// <summary>One township: enterprises and their output value in 10⁴ yuan (null where any is unknown).</summary>
internal sealed record TownshipSummary(string Township, int Enterprises, double? OutputValue10kYuan);

/// <summary>The ferroalloy cluster in a year; a figure is null where the tables cannot give it.</summary>
internal sealed record FerroalloySummary(
    int Year,
    int Enterprises,
    int Furnaces,
    int FurnacesRunning,
    double? CapacityT,
    double? OutputT,
    double? WasteHeatCoveragePct);
