using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Contract;

/// <summary>The kind of values a contract column holds.</summary>
public enum ColumnType
{
    /// <summary>Text (plain or dictionary-encoded strings).</summary>
    Text = 1,

    /// <summary>A quantity: a number in a unit (float, double, int32, int64 or decimal in files; double in memory).</summary>
    Quantity,

    /// <summary>A number without a UnitsNet unit (such as output value in 10⁴ yuan, or an emission factor).</summary>
    Number,

    /// <summary>A boolean (boolean or int 0/1 in files).</summary>
    Boolean,

    /// <summary>A whole number such as a count of valid minutes (int32 or int64 in files; int32 in memory).</summary>
    Count,

    /// <summary>A calendar date (DATE, or a TIMESTAMP at 00:00 in files).</summary>
    Date,

    /// <summary>A point in time, China Standard Time wall clock (TIMESTAMP or INT96 in files).</summary>
    Timestamp,
}

/// <summary>One column of a contract table.</summary>
/// <param name="Name">The snake_case column name.</param>
/// <param name="Type">The kind of values.</param>
/// <param name="Required">Whether a file must have the column (and its cells must not be null).</param>
/// <param name="DefaultUnit">For quantities, the unit values are in unless the file's metadata says otherwise.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ColumnSpec(string Name, ColumnType Type, bool Required = false, Enum? DefaultUnit = null)
{
    /// <summary>Gets the UnitsNet quantity name of a quantity column, such as <c>Energy</c>.</summary>
    public string? QuantityName => DefaultUnit is null ? null : Quantity.From(0, DefaultUnit).QuantityInfo.Name;
}

/// <summary>A contract table: its name and columns.</summary>
/// <param name="Name">The table name, such as <c>energy_ledger</c>; files are <c>&lt;name&gt;.parquet</c>.</param>
/// <param name="Columns">The columns, in file order.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record TableSpec(string Name, IReadOnlyList<ColumnSpec> Columns)
{
    /// <summary>Finds a column by name.</summary>
    /// <param name="name">The column name.</param>
    /// <returns>The column, or <see langword="null"/>.</returns>
    public ColumnSpec? Find(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}

/// <summary>The tables of the data contract (schema version 1), with their default units.</summary>
public static class ContractSchema
{
    /// <summary>The schema version written to <c>shapotou.schema_version</c>.</summary>
    public const string SchemaVersion = "1";

    /// <summary>Gets the <c>enterprises</c> table.</summary>
    public static TableSpec Enterprises { get; } = new("enterprises",
    [
        new("enterprise_id", ColumnType.Text, Required: true),
        new("name", ColumnType.Text, Required: true),
        new("name_zh", ColumnType.Text),
        new("credit_code", ColumnType.Text),
        new("permit_number", ColumnType.Text),
        new("township", ColumnType.Text, Required: true),
        new("industry_code", ColumnType.Text, Required: true),
        new("above_scale", ColumnType.Boolean, Required: true),
        new("output_value", ColumnType.Number),
    ]);

    /// <summary>Gets the <c>facilities</c> table.</summary>
    public static TableSpec Facilities { get; } = new("facilities",
    [
        new("facility_id", ColumnType.Text, Required: true),
        new("enterprise_id", ColumnType.Text, Required: true),
        new("kind", ColumnType.Text, Required: true),
        new("product", ColumnType.Text),
        new("status", ColumnType.Text, Required: true),
        new("transformer_rating", ColumnType.Quantity, DefaultUnit: ElectricApparentPowerUnit.Kilovoltampere),
        new("steam_capacity", ColumnType.Quantity, DefaultUnit: MassFlowUnit.TonnePerHour),
        new("thermal_power", ColumnType.Quantity, DefaultUnit: PowerUnit.Megawatt),
        new("clinker_capacity", ColumnType.Quantity, DefaultUnit: MassFlowUnit.TonnePerDay),
        new("annual_capacity", ColumnType.Quantity, DefaultUnit: MassUnit.Tonne),
        new("enclosure", ColumnType.Text),
        new("fuel", ColumnType.Text),
        new("waste_heat_recovery", ColumnType.Boolean),
    ]);

    /// <summary>Gets the <c>treatment_facilities</c> table.</summary>
    public static TableSpec TreatmentFacilities { get; } = new("treatment_facilities",
    [
        new("treatment_id", ColumnType.Text, Required: true),
        new("facility_id", ColumnType.Text, Required: true),
        new("kind", ColumnType.Text, Required: true),
        new("pollutant", ColumnType.Text, Required: true),
        new("design_efficiency", ColumnType.Quantity, Required: true, DefaultUnit: RatioUnit.Percent),
    ]);

    /// <summary>Gets the <c>outlets</c> table.</summary>
    public static TableSpec Outlets { get; } = new("outlets",
    [
        new("outlet_id", ColumnType.Text, Required: true),
        new("facility_id", ColumnType.Text, Required: true),
        new("outlet_code", ColumnType.Text),
        new("mn", ColumnType.Text),
        new("pollutant", ColumnType.Text, Required: true),
        new("limit_value", ColumnType.Quantity, DefaultUnit: MassConcentrationUnit.MilligramPerCubicMeter),
        new("reference_o2", ColumnType.Quantity, DefaultUnit: VolumeConcentrationUnit.Percent),
        new("permitted_annual", ColumnType.Quantity, DefaultUnit: MassUnit.Tonne),
        new("standard", ColumnType.Text),
        new("cems_installed", ColumnType.Boolean),
    ]);

    /// <summary>Gets the <c>energy_ledger</c> table.</summary>
    public static TableSpec EnergyLedger { get; } = new("energy_ledger",
    [
        new("facility_id", ColumnType.Text, Required: true),
        new("period", ColumnType.Date, Required: true),
        new("product", ColumnType.Text, Required: true),
        new("output", ColumnType.Quantity, Required: true, DefaultUnit: MassUnit.Tonne),
        new("electricity_purchased", ColumnType.Quantity, DefaultUnit: EnergyUnit.KilowattHour),
        new("furnace_electricity", ColumnType.Quantity, DefaultUnit: EnergyUnit.KilowattHour),
        new("waste_heat_power_generated", ColumnType.Quantity, DefaultUnit: EnergyUnit.KilowattHour),
        new("electricity_exported", ColumnType.Quantity, DefaultUnit: EnergyUnit.KilowattHour),
        new("coke", ColumnType.Quantity, DefaultUnit: MassUnit.Tonne),
        new("semi_coke", ColumnType.Quantity, DefaultUnit: MassUnit.Tonne),
        new("coal", ColumnType.Quantity, DefaultUnit: MassUnit.Tonne),
        new("natural_gas", ColumnType.Quantity, DefaultUnit: VolumeUnit.CubicMeter),
        new("diesel", ColumnType.Quantity, DefaultUnit: MassUnit.Tonne),
        new("electrode_paste", ColumnType.Quantity, DefaultUnit: MassUnit.Tonne),
        new("ore_grade", ColumnType.Quantity, DefaultUnit: MassFractionUnit.Percent),
    ]);

    /// <summary>Gets the <c>solid_waste_ledger</c> table.</summary>
    public static TableSpec SolidWasteLedger { get; } = new("solid_waste_ledger",
    [
        new("enterprise_id", ColumnType.Text, Required: true),
        new("period", ColumnType.Date, Required: true),
        new("waste_type", ColumnType.Text, Required: true),
        new("generated", ColumnType.Quantity, DefaultUnit: MassUnit.Tonne),
        new("utilised", ColumnType.Quantity, DefaultUnit: MassUnit.Tonne),
        new("utilised_from_storage", ColumnType.Quantity, DefaultUnit: MassUnit.Tonne),
        new("disposed", ColumnType.Quantity, DefaultUnit: MassUnit.Tonne),
        new("disposed_from_storage", ColumnType.Quantity, DefaultUnit: MassUnit.Tonne),
        new("stored", ColumnType.Quantity, DefaultUnit: MassUnit.Tonne),
        new("dumped", ColumnType.Quantity, DefaultUnit: MassUnit.Tonne),
    ]);

    /// <summary>Gets the <c>emission_factors</c> table.</summary>
    public static TableSpec EmissionFactors { get; } = new("emission_factors",
    [
        new("industry_code", ColumnType.Text, Required: true),
        new("product", ColumnType.Text, Required: true),
        new("process", ColumnType.Text, Required: true),
        new("pollutant", ColumnType.Text, Required: true),
        new("factor", ColumnType.Number, Required: true),
        new("activity", ColumnType.Text),
        new("source", ColumnType.Text, Required: true),
    ]);

    /// <summary>Gets the <c>cems_hourly</c> table.</summary>
    public static TableSpec CemsHourly { get; } = new("cems_hourly", CemsColumns("hour", validMinutes: true));

    /// <summary>Gets the <c>cems_minute</c> table: the columns of <c>cems_hourly</c> with <c>minute</c> for <c>hour</c>
    /// and no <c>valid_minutes</c>.</summary>
    public static TableSpec CemsMinute { get; } = new("cems_minute", CemsColumns("minute", validMinutes: false));

    /// <summary>Gets every table, in the order a dataset is written.</summary>
    public static IReadOnlyList<TableSpec> Tables { get; } =
        [Enterprises, Facilities, TreatmentFacilities, Outlets, EnergyLedger, SolidWasteLedger, EmissionFactors, CemsHourly, CemsMinute];

    private static ColumnSpec[] CemsColumns(string time, bool validMinutes)
    {
        ColumnSpec[] columns =
        [
            new("outlet_id", ColumnType.Text, Required: true),
            new(time, ColumnType.Timestamp, Required: true),
            new("so2", ColumnType.Quantity, DefaultUnit: MassConcentrationUnit.MilligramPerCubicMeter),
            new("nox", ColumnType.Quantity, DefaultUnit: MassConcentrationUnit.MilligramPerCubicMeter),
            new("pm", ColumnType.Quantity, DefaultUnit: MassConcentrationUnit.MilligramPerCubicMeter),
            new("o2", ColumnType.Quantity, DefaultUnit: VolumeConcentrationUnit.Percent),
            new("flow", ColumnType.Quantity, DefaultUnit: VolumeFlowUnit.CubicMeterPerHour),
            new("flag", ColumnType.Text),
            new("nh3", ColumnType.Quantity, DefaultUnit: MassConcentrationUnit.MilligramPerCubicMeter),
            new("temperature", ColumnType.Quantity, DefaultUnit: TemperatureUnit.DegreeCelsius),
            new("so2_flag", ColumnType.Text),
            new("nox_flag", ColumnType.Text),
            new("pm_flag", ColumnType.Text),
            new("o2_flag", ColumnType.Text),
            new("flow_flag", ColumnType.Text),
        ];
        return validMinutes ? [.. columns, new("valid_minutes", ColumnType.Count)] : columns;
    }
}
