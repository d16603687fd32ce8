using Shapotou.Sdk.Reference;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.EnergyEfficiency;

/// <summary>
/// The clean-energy share of energy use (清洁能源消费占比, Plan P5): clean carriers ÷ total consumption, both in standard
/// coal, against the plan's ≥ 30 % by 2027.
/// </summary>
/// <remarks>
/// <para>The statistical definition (NBS statistical communiqués, S+) counts natural gas and primary electricity from
/// hydro, nuclear, wind and solar. Of the ledger's carriers, natural gas is clean; purchased grid electricity is clean
/// only in the share the caller states (<see cref="CleanEnergyOptions.GridCleanShare"/>), since the references
/// do not say how an enterprise's purchased power counts.</para>
/// </remarks>
public static class CleanEnergyShare
{
    /// <summary>Computes the share (kept in percent).</summary>
    /// <param name="energy">Comprehensive energy of the rows, with per-carrier totals.</param>
    /// <param name="options">Which carriers are clean; <see langword="null"/> for the statistical default.</param>
    /// <returns>The share; <see langword="null"/> when a total is unknown or zero.</returns>
    public static Ratio? Share(ComprehensiveEnergy energy, CleanEnergyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(energy);
        options ??= new CleanEnergyOptions();
        double total = energy.CarrierKilograms.Values.Sum();
        double clean = energy.CarrierKilograms.Where(c => options.CleanCarriers.Contains(c.Key)).Sum(c => c.Value);
        if (options.GridCleanShare is { } grid && energy.CarrierKilograms.TryGetValue("electricity_purchased", out double purchased))
        {
            clean += purchased * grid.Percent / 100;
        }

        double share = 100 * clean / total;
        return double.IsFinite(share) ? Ratio.FromPercent(share) : null;
    }

    /// <summary>Gets the plan's target: the catalogue row <c>plan.target_2027.clean_energy_share_min</c> (30 %).</summary>
    /// <param name="catalogue">The catalogue.</param>
    /// <returns>The minimum share, in the catalogue row's unit (percent).</returns>
    public static Ratio Target(ReferenceCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return catalogue.Get("plan.target_2027.clean_energy_share_min", new DateOnly(2027, 12, 31)).ToRatio();
    }
}

/// <summary>Which carriers count as clean energy.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record CleanEnergyOptions
{
    /// <summary>Gets the ledger columns that are clean carriers.</summary>
    /// <value>The default value is <c>natural_gas</c> (the statistical definition's carriers that a ledger holds).</value>
    public IReadOnlySet<string> CleanCarriers { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "natural_gas" };

    /// <summary>Gets the clean share of purchased grid electricity, a caller input with its source.</summary>
    /// <value>The default value is <see langword="null"/>: purchased electricity does not count as clean.</value>
    public Ratio? GridCleanShare { get; init; }
}
