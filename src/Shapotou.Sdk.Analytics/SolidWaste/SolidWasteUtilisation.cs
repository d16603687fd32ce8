using System.Globalization;
using Shapotou.Sdk.Model;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.SolidWaste;

/// <summary>
/// General industrial solid-waste utilisation (一般工业固体废物综合利用率, Plan P9):
/// <c>utilised ÷ (generated + utilised from prior-year storage) × 100</c>, and the ledgers' accounting identity.
/// </summary>
/// <remarks>
/// <para>The rate's definition is the statistical one (the NBS statistical definition, quoted in secondary copies, S+); the numerator includes prior-year stock, so
/// the rate can exceed 100 %. The identity <c>generated = (utilised − utilised from storage) + stored + (disposed −
/// disposed from storage) + dumped</c> is the NBS accounting identity (S).</para>
/// <para>NaN policy: a rate that needs an unreported (null) amount is <see langword="null"/>; so is a rate over nothing.</para>
/// </remarks>
public static class SolidWasteUtilisation
{
    /// <summary>Computes the utilisation rate per enterprise and year over all waste types, and per waste type.</summary>
    /// <param name="ledger">The solid-waste ledger.</param>
    /// <param name="year">The year.</param>
    /// <returns>One entry per enterprise (ordinal order), with the rate per waste type.</returns>
    public static IReadOnlyList<EnterpriseUtilisation> ByEnterprise(IReadOnlyList<SolidWasteLedgerEntry> ledger, int year)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger
            .Where(r => r.Period.Year == year)
            .GroupBy(r => r.EnterpriseId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new EnterpriseUtilisation(
                g.Key,
                year,
                Rate(g),
                g.GroupBy(r => r.WasteType).OrderBy(t => t.Key).ToDictionary(t => t.Key, t => Rate(t))))
            .ToArray();
    }

    /// <summary>Computes the rate over rows (kept in percent).</summary>
    /// <param name="rows">The rows.</param>
    /// <returns>The rate; <see langword="null"/> when an amount is unreported or nothing was generated or taken from storage.</returns>
    public static Ratio? Rate(IEnumerable<SolidWasteLedgerEntry> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        double utilised = 0;
        double denominator = 0;
        foreach (SolidWasteLedgerEntry row in rows)
        {
            if (row.Generated is not { } generated || row.Utilised is not { } used || row.UtilisedFromStorage is not { } fromStorage)
            {
                return null;
            }

            utilised += used.Tonnes;
            denominator += generated.Tonnes + fromStorage.Tonnes;
        }

        return denominator > 0 ? Ratio.FromPercent(100 * utilised / denominator) : null;
    }

    /// <summary>Lists the rows whose amounts do not satisfy the accounting identity within <paramref name="tolerance"/>.</summary>
    /// <param name="ledger">The solid-waste ledger.</param>
    /// <param name="tolerance">The allowed imbalance (compared in tonnes); not negative.</param>
    /// <returns>One finding per unbalanced row, naming the row and the amounts; rows with unreported amounts are not judged.</returns>
    public static IReadOnlyList<string> UnbalancedRows(IReadOnlyList<SolidWasteLedgerEntry> ledger, Mass tolerance)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        double toleranceTonnes = tolerance.Tonnes;
        if (!double.IsFinite(toleranceTonnes) || toleranceTonnes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance must be finite and not negative.");
        }

        var findings = new List<string>();
        for (int i = 0; i < ledger.Count; i++)
        {
            SolidWasteLedgerEntry r = ledger[i];
            if (r.Generated is not { } g || r.Utilised is not { } u || r.UtilisedFromStorage is not { } us || r.Stored is not { } s
                || r.Disposed is not { } d || r.DisposedFromStorage is not { } ds || r.Dumped is not { } x)
            {
                continue;
            }

            double accounted = (u.Tonnes - us.Tonnes) + s.Tonnes + (d.Tonnes - ds.Tonnes) + x.Tonnes;
            if (Math.Abs(g.Tonnes - accounted) > toleranceTonnes)
            {
                findings.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Table 'solid_waste_ledger', row {i} ({r.EnterpriseId} {r.Period:yyyy-MM} {ContractNames.ToName(r.WasteType)}): generated is {g.Tonnes} t, but utilised − from storage + stored + disposed − from storage + dumped is {accounted} t."));
            }
        }

        return findings;
    }
}

/// <summary>The utilisation of one enterprise's general industrial solid waste in a year.</summary>
/// <param name="EnterpriseId">The enterprise.</param>
/// <param name="Year">The year.</param>
/// <param name="UtilisationRate">Over all its waste types, in percent; <see langword="null"/> where unknown.</param>
/// <param name="ByWasteType">Per waste type, in percent; <see langword="null"/> where unknown.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record EnterpriseUtilisation(string EnterpriseId, int Year, Ratio? UtilisationRate, IReadOnlyDictionary<WasteType, Ratio?> ByWasteType);
