using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Analytics.Emissions;

/// <summary>
/// The <c>energy_ledger</c> columns an emission factor or a sulfur balance can multiply, read in the contract's
/// default units (t, kWh, m³).
/// </summary>
internal static class ActivityColumns
{
    private static readonly Dictionary<string, Func<EnergyLedgerEntry, double?>> s_readers = new(StringComparer.Ordinal)
    {
        ["output"] = r => r.Output.Tonnes,
        ["electricity_purchased"] = r => r.ElectricityPurchased?.KilowattHours,
        ["furnace_electricity"] = r => r.FurnaceElectricity?.KilowattHours,
        ["coke"] = r => r.Coke?.Tonnes,
        ["semi_coke"] = r => r.SemiCoke?.Tonnes,
        ["coal"] = r => r.Coal?.Tonnes,
        ["natural_gas"] = r => r.NaturalGas?.CubicMeters,
        ["diesel"] = r => r.Diesel?.Tonnes,
        ["electrode_paste"] = r => r.ElectrodePaste?.Tonnes,
    };

    /// <summary>The carriers whose sulfur a mass balance counts: the ledger's solid and liquid reductants and fuels, in t.</summary>
    public static IReadOnlyList<string> SulfurCarriers { get; } = ["coke", "semi_coke", "coal", "diesel", "electrode_paste"];

    /// <summary>Gets the names the factor table may use.</summary>
    public static IEnumerable<string> Names => s_readers.Keys;

    public static bool TryGet(string column, out Func<EnergyLedgerEntry, double?> read) =>
        s_readers.TryGetValue(column, out read!);
}
