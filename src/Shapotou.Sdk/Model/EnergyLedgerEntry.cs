using System.Globalization;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Model;

/// <summary>One facility, month and product of energy use and output: one row of the <c>energy_ledger</c> table.</summary>
/// <remarks>
/// <para>This type is immutable and thread-safe; an invalid field is an <see cref="ArgumentException"/> naming it and its value.</para>
/// <para>A carrier that is <see langword="null"/> is unknown (a null cell): results that depend on it are null. A
/// carrier the facility does not use is zero; readers give zero for a column a file does not have ("not reported"
/// counts as 0, per the data contract).</para>
/// </remarks>
public sealed record EnergyLedgerEntry
{
    private const string Entity = "Energy ledger row";

    /// <summary>Initializes a ledger row.</summary>
    /// <param name="facilityId">The facility.</param>
    /// <param name="period">The first day of the month.</param>
    /// <param name="product">The product and grade, such as <c>FeSi75</c>.</param>
    /// <param name="output">The qualified product in physical tonnes, at least 0.</param>
    /// <param name="electricityPurchased">Electricity from the grid, across the boundary.</param>
    /// <param name="furnaceElectricity">Smelting electricity of the furnace (冶炼电耗 basis).</param>
    /// <param name="wasteHeatPowerGenerated">Electricity generated from waste heat.</param>
    /// <param name="electricityExported">Electricity sent to the grid, across the boundary.</param>
    /// <param name="coke">Coke.</param>
    /// <param name="semiCoke">Semi-coke (兰炭).</param>
    /// <param name="coal">Raw coal.</param>
    /// <param name="naturalGas">Natural gas as metered.</param>
    /// <param name="diesel">Diesel.</param>
    /// <param name="electrodePaste">Electrode paste.</param>
    /// <param name="oreGrade">SiO₂ of the quartzite charged, from 0 % to 100 %.</param>
    /// <exception cref="ArgumentException">A field is invalid; the message names it and its value.</exception>
    public EnergyLedgerEntry(
        string facilityId,
        DateOnly period,
        string product,
        Mass output,
        Energy? electricityPurchased = null,
        Energy? furnaceElectricity = null,
        Energy? wasteHeatPowerGenerated = null,
        Energy? electricityExported = null,
        Mass? coke = null,
        Mass? semiCoke = null,
        Mass? coal = null,
        Volume? naturalGas = null,
        Mass? diesel = null,
        Mass? electrodePaste = null,
        MassFraction? oreGrade = null)
    {
        FacilityId = ModelChecks.Id(facilityId, Entity, "facility_id");
        string id = string.Create(CultureInfo.InvariantCulture, $"{facilityId} {period:yyyy-MM}");
        if (period.Day != 1)
        {
            ModelChecks.Requires(false, Entity, id, "period", string.Create(CultureInfo.InvariantCulture, $"is {period:yyyy-MM-dd}; expected the first day of a month."));
        }
        Period = period;
        Product = ModelChecks.Text(product, $"{Entity} '{id}'", "product");
        Output = ModelChecks.NonNegative<Mass>(output, MassUnit.Tonne, Entity, id, "output")!.Value;
        ElectricityPurchased = ModelChecks.NonNegative(electricityPurchased, EnergyUnit.KilowattHour, Entity, id, "electricity_purchased");
        FurnaceElectricity = ModelChecks.NonNegative(furnaceElectricity, EnergyUnit.KilowattHour, Entity, id, "furnace_electricity");
        WasteHeatPowerGenerated = ModelChecks.NonNegative(wasteHeatPowerGenerated, EnergyUnit.KilowattHour, Entity, id, "waste_heat_power_generated");
        ElectricityExported = ModelChecks.NonNegative(electricityExported, EnergyUnit.KilowattHour, Entity, id, "electricity_exported");
        Coke = ModelChecks.NonNegative(coke, MassUnit.Tonne, Entity, id, "coke");
        SemiCoke = ModelChecks.NonNegative(semiCoke, MassUnit.Tonne, Entity, id, "semi_coke");
        Coal = ModelChecks.NonNegative(coal, MassUnit.Tonne, Entity, id, "coal");
        NaturalGas = ModelChecks.NonNegative(naturalGas, VolumeUnit.CubicMeter, Entity, id, "natural_gas");
        Diesel = ModelChecks.NonNegative(diesel, MassUnit.Tonne, Entity, id, "diesel");
        ElectrodePaste = ModelChecks.NonNegative(electrodePaste, MassUnit.Tonne, Entity, id, "electrode_paste");
        if (oreGrade is { } grade)
        {
            ModelChecks.Percent(grade.As(MassFractionUnit.Percent), Entity, id, "ore_grade");
        }

        OreGrade = oreGrade;
    }

    private EnergyLedgerEntry(
        string facilityId,
        DateOnly period,
        string product,
        Mass output,
        Energy? electricityPurchased,
        Energy? furnaceElectricity,
        Energy? wasteHeatPowerGenerated,
        Energy? electricityExported,
        Mass? coke,
        Mass? semiCoke,
        Mass? coal,
        Volume? naturalGas,
        Mass? diesel,
        Mass? electrodePaste,
        MassFraction? oreGrade,
        bool checkedBefore)
    {
        _ = checkedBefore;
        FacilityId = facilityId;
        Period = period;
        Product = product;
        Output = output;
        ElectricityPurchased = electricityPurchased;
        FurnaceElectricity = furnaceElectricity;
        WasteHeatPowerGenerated = wasteHeatPowerGenerated;
        ElectricityExported = electricityExported;
        Coke = coke;
        SemiCoke = semiCoke;
        Coal = coal;
        NaturalGas = naturalGas;
        Diesel = diesel;
        ElectrodePaste = electrodePaste;
        OreGrade = oreGrade;
    }

    /// <summary>Makes again a row the public constructor has already checked, with the same values, without checking
    /// them again: a ledger kept as its columns (<see cref="CompactRows{T}"/>) makes its rows each time they are read.</summary>
    internal static EnergyLedgerEntry FromCheckedValues(
        string facilityId,
        DateOnly period,
        string product,
        Mass output,
        Energy? electricityPurchased,
        Energy? furnaceElectricity,
        Energy? wasteHeatPowerGenerated,
        Energy? electricityExported,
        Mass? coke,
        Mass? semiCoke,
        Mass? coal,
        Volume? naturalGas,
        Mass? diesel,
        Mass? electrodePaste,
        MassFraction? oreGrade) =>
        new(facilityId, period, product, output, electricityPurchased, furnaceElectricity, wasteHeatPowerGenerated, electricityExported,
            coke, semiCoke, coal, naturalGas, diesel, electrodePaste, oreGrade, checkedBefore: true);

    /// <summary>Gets the facility.</summary>
    public string FacilityId { get; }

    /// <summary>Gets the first day of the month.</summary>
    public DateOnly Period { get; }

    /// <summary>Gets the product and grade.</summary>
    public string Product { get; }

    /// <summary>Gets the qualified product in physical tonnes.</summary>
    public Mass Output { get; }

    /// <summary>Gets the electricity from the grid, or <see langword="null"/>.</summary>
    public Energy? ElectricityPurchased { get; }

    /// <summary>Gets the smelting electricity of the furnace, or <see langword="null"/>.</summary>
    public Energy? FurnaceElectricity { get; }

    /// <summary>Gets the electricity generated from waste heat, or <see langword="null"/>.</summary>
    public Energy? WasteHeatPowerGenerated { get; }

    /// <summary>Gets the electricity sent to the grid, or <see langword="null"/>.</summary>
    public Energy? ElectricityExported { get; }

    /// <summary>Gets the coke, or <see langword="null"/>.</summary>
    public Mass? Coke { get; }

    /// <summary>Gets the semi-coke, or <see langword="null"/>.</summary>
    public Mass? SemiCoke { get; }

    /// <summary>Gets the raw coal, or <see langword="null"/>.</summary>
    public Mass? Coal { get; }

    /// <summary>Gets the natural gas as metered, or <see langword="null"/>.</summary>
    public Volume? NaturalGas { get; }

    /// <summary>Gets the diesel, or <see langword="null"/>.</summary>
    public Mass? Diesel { get; }

    /// <summary>Gets the electrode paste, or <see langword="null"/>.</summary>
    public Mass? ElectrodePaste { get; }

    /// <summary>Gets the SiO₂ grade of the quartzite charged, or <see langword="null"/>.</summary>
    public MassFraction? OreGrade { get; }
}
