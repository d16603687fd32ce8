using Shapotou.Sdk.Model;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Analytics.EnergyEfficiency;

/// <summary>
/// The energy-ledger carriers that cross the boundary of a facility, with the catalogue coefficient each is converted
/// by and the sign with which it counts (GB/T 2589-2020: energy exported is subtracted).
/// </summary>
/// <remarks>
/// Furnace electricity and waste-heat power generated are inside the boundary: recovered energy used inside it is not
/// counted again, so only purchased electricity (after the plant's own waste-heat power) counts, less any electricity
/// exported to the grid.
/// </remarks>
internal static class EnergyCarriers
{
    public static IReadOnlyList<Carrier> All { get; } =
    [
        new("electricity_purchased", "electricity", 1, EnergyUnit.KilowattHour, r => r.ElectricityPurchased?.KilowattHours),
        new("electricity_exported", "electricity", -1, EnergyUnit.KilowattHour, r => r.ElectricityExported?.KilowattHours),
        new("coke", "coke", 1, MassUnit.Tonne, r => r.Coke?.Tonnes),
        new("semi_coke", "semi_coke", 1, MassUnit.Tonne, r => r.SemiCoke?.Tonnes),
        new("coal", "raw_coal", 1, MassUnit.Tonne, r => r.Coal?.Tonnes),
        new("natural_gas", "natural_gas", 1, VolumeUnit.CubicMeter, r => r.NaturalGas?.CubicMeters),
        new("diesel", "diesel", 1, MassUnit.Tonne, r => r.Diesel?.Tonnes),
        new("electrode_paste", "electrode_paste", 1, MassUnit.Tonne, r => r.ElectrodePaste?.Tonnes),
    ];

    /// <summary>One ledger column: its name, the catalogue carrier (<c>energy.coefficient.&lt;carrier&gt;</c>), its sign, its ledger unit and its reader.</summary>
    internal sealed record Carrier(string Column, string CoefficientCarrier, int Sign, Enum LedgerUnit, Func<EnergyLedgerEntry, double?> Read)
    {
        /// <summary>One ledger unit of the carrier as a quantity, to ask a coefficient for its kgce.</summary>
        public IQuantity OneLedgerUnit => Quantity.From(1, LedgerUnit);
    }
}
