using System.Collections.Frozen;
using UnitsNet.Units;

namespace Shapotou.Sdk.Reference;

/// <summary>
/// The unit of a catalogue value, from a closed vocabulary of symbols such as <c>kgce/kWh</c> or <c>mg/m3</c>.
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe; instances are unique per symbol, so reference equality holds.</para>
/// <para>Catalogue units are compound units of the standards (kgce per kWh, kWh per tonne of product, kg per pollution
/// equivalent) that UnitsNet does not model; where the denominator of a standard-coal coefficient is a UnitsNet unit,
/// <see cref="CarrierUnit"/> names it.</para>
/// </remarks>
public sealed class ReferenceUnit
{
    private static readonly ReferenceUnit[] s_all =
    [
        new("kgce/kWh", "kilograms of coal equivalent per kilowatt-hour", EnergyUnit.KilowattHour),
        new("kgce/MJ", "kilograms of coal equivalent per megajoule", EnergyUnit.Megajoule),
        new("kgce/kg", "kilograms of coal equivalent per kilogram of carrier", MassUnit.Kilogram),
        new("kgce/t", "kilograms of coal equivalent per tonne (of carrier or of product)", MassUnit.Tonne),
        new("kgce/m3", "kilograms of coal equivalent per cubic metre", VolumeUnit.CubicMeter),
        new("kgce/m2", "kilograms of coal equivalent per square metre of product", null),
        new("kWh/t", "kilowatt-hours per tonne of product", null),
        new("kWh/t/pp", "kilowatt-hours per tonne of product per percentage point", null),
        new("kgce/t/pp", "kilograms of coal equivalent per tonne per percentage point", null),
        new("kg/t", "kilograms per tonne of product", null),
        new("kg/t/pp", "kilograms per tonne of product per percentage point", null),
        new("%", "percent", null),
        new("mg/m3", "milligrams per cubic metre at standard state (273.15 K, 101.325 kPa): dry flue gas for stack limits, ambient air for fugitive limits", null),
        new("kg/equivalent", "kilograms of pollutant per pollution equivalent", null),
        new("yuan/equivalent", "yuan per pollution equivalent", null),
        new("tCO2/MWh", "tonnes of CO2 per megawatt-hour (= kg CO2 per kWh)", null),
        new("tCO2/t", "tonnes of CO2 per tonne", null),
        new("tCO2/10^4m3", "tonnes of CO2 per 10 000 cubic metres", null),
        new("GJ/t", "gigajoules per tonne", null),
        new("GJ/10^4m3", "gigajoules per 10 000 cubic metres", null),
        new("tC/GJ", "tonnes of carbon per gigajoule", null),
        new("kJ/kg", "kilojoules per kilogram", null),
        new("kJ/m3", "kilojoules per cubic metre", null),
        new("t/h", "tonnes per hour (of steam: 蒸吨)", null),
        new("MW", "megawatts", null),
        new("m", "metres", null),
        new("Pa", "pascals", null),
        new("h", "hours", null),
        new("min", "minutes", null),
        new("1", "dimensionless", null),
    ];

    private static readonly FrozenDictionary<string, ReferenceUnit> s_bySymbol =
        s_all.ToFrozenDictionary(u => u.Symbol, StringComparer.Ordinal);

    private ReferenceUnit(string symbol, string description, Enum? carrierUnit)
    {
        Symbol = symbol;
        Description = description;
        CarrierUnit = carrierUnit;
    }

    /// <summary>Gets every unit of the vocabulary, in a fixed order.</summary>
    public static IReadOnlyList<ReferenceUnit> All => s_all;

    /// <summary>Gets the symbol, such as <c>kgce/kWh</c>; the form written in catalogue files.</summary>
    public string Symbol { get; }

    /// <summary>Gets the unit in words.</summary>
    public string Description { get; }

    /// <summary>
    /// Gets, for a standard-coal coefficient (<c>kgce/…</c>), the UnitsNet unit of the energy carrier it applies to,
    /// such as <c>EnergyUnit.KilowattHour</c>; otherwise <see langword="null"/>.
    /// </summary>
    public Enum? CarrierUnit { get; }

    /// <summary>Gets whether this unit is a standard-coal coefficient with a UnitsNet carrier unit.</summary>
    public bool IsStandardCoalCoefficient => CarrierUnit is not null;

    /// <summary>Finds a unit by its exact symbol.</summary>
    /// <param name="symbol">The symbol, case-sensitive, such as <c>mg/m3</c>.</param>
    /// <param name="unit">The unit, when found.</param>
    /// <returns><see langword="true"/> when the symbol is in the vocabulary.</returns>
    public static bool TryParse(string? symbol, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReferenceUnit? unit)
    {
        if (symbol is null)
        {
            unit = null;
            return false;
        }

        return s_bySymbol.TryGetValue(symbol, out unit);
    }

    /// <summary>Finds a unit by its exact symbol.</summary>
    /// <param name="symbol">The symbol, case-sensitive, such as <c>mg/m3</c>.</param>
    /// <returns>The unit.</returns>
    /// <exception cref="ShapotouDataException">The symbol is not in the vocabulary.</exception>
    public static ReferenceUnit Parse(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        if (!TryParse(symbol, out ReferenceUnit? unit))
        {
            throw new ShapotouDataException($"Unit '{symbol}' is not a catalogue unit; expected one of {string.Join(", ", s_all.Select(u => u.Symbol))}.");
        }

        return unit;
    }

    /// <summary>Returns the symbol.</summary>
    /// <returns>The symbol, such as <c>kgce/kWh</c>.</returns>
    public override string ToString() => Symbol;
}
