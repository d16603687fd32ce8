namespace Shapotou.Sdk.Assessment;

/// <summary>A plausibility check of the ledgers and the CEMS hours; a value it finds is a warning, never a change.</summary>
public enum PlausibilityCheck
{
    /// <summary>A ferrosilicon ledger row's unit comprehensive energy is below the energy that reducing its silicon
    /// from SiO₂ takes (<see cref="PlausibilityOptions.FerrosiliconEnergyFloor"/>).</summary>
    UnitEnergyBelowFloor = 1,

    /// <summary>A ledger row's unit comprehensive energy is more than <see cref="PlausibilityOptions.FarAboveLimitFactor"/>
    /// times the highest level of the product's limit standard.</summary>
    UnitEnergyFarAboveLimit,

    /// <summary>A ferrosilicon ledger row's furnace electricity per tonne is below the enthalpy of
    /// SiO₂ + 2C = Si + 2CO (<see cref="PlausibilityOptions.FerrosiliconElectricityFloor"/>): the
    /// signature of electricity entered in 10⁴ kWh (万 kWh) where the contract asks for kWh.</summary>
    ElectricityBelowFloor,

    /// <summary>A valid hour's concentration is above the instrument range set for its pollutant
    /// (<see cref="PlausibilityOptions.ConcentrationMaximum"/>).</summary>
    ConcentrationAboveRange,

    /// <summary>A valid hour's O₂ is above <see cref="PlausibilityOptions.OxygenMaximum"/>.</summary>
    OxygenAboveRange,

    /// <summary>A valid hour's flow is outside the range set for its outlet (<see cref="PlausibilityOptions.FlowRangeByOutlet"/>).</summary>
    FlowOutsideRange,

    /// <summary>A valid hour's flow is at least <see cref="PlausibilityOptions.FlowJumpFactor"/> times, or at most its
    /// inverse times, the flow of the same outlet's valid hour just before.</summary>
    FlowJump,
}

/// <summary>One value a plausibility check found: where it is, the value and the threshold it crossed.</summary>
/// <param name="Check">The check.</param>
/// <param name="Table">The table: <c>energy_ledger</c> or <c>cems_hourly</c> (hours derived from <c>cems_minute</c>
/// are named <c>cems_hourly</c>, as they are summarised).</param>
/// <param name="Row">The 0-based row of <c>energy_ledger</c> in the order read, or <see langword="null"/> for an hour.</param>
/// <param name="Key">What identifies the row, in no language: <c>facility_id, yyyy-MM, product</c> for a ledger row,
/// the outlet id for an hour.</param>
/// <param name="Hour">The start of the clock hour (CST) for an hour, or <see langword="null"/>.</param>
/// <param name="Value">The value found, in <see cref="Unit"/>.</param>
/// <param name="Threshold">The threshold it crossed, in <see cref="Unit"/>.</param>
/// <param name="Message">The warning as one English sentence.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record PlausibilityWarning(
    PlausibilityCheck Check,
    string Table,
    long? Row,
    string Key,
    DateTime? Hour,
    double Value,
    double Threshold,
    string Message)
{
    /// <summary>Gets the symbol of the unit of <see cref="Value"/> and <see cref="Threshold"/>, which the check decides:
    /// <c>kgce/t</c>, <c>kWh/t</c>, <c>mg/m³</c>, <c>%</c> or <c>m³/h</c>.</summary>
    public string Unit => UnitOf(Check);

    /// <summary>The symbol of the unit a check's values and thresholds are in.</summary>
    /// <param name="check">The check.</param>
    /// <returns><c>kgce/t</c>, <c>kWh/t</c>, <c>mg/m³</c>, <c>%</c> or <c>m³/h</c>.</returns>
    public static string UnitOf(PlausibilityCheck check) => check switch
    {
        PlausibilityCheck.UnitEnergyBelowFloor or PlausibilityCheck.UnitEnergyFarAboveLimit => "kgce/t",
        PlausibilityCheck.ElectricityBelowFloor => "kWh/t",
        PlausibilityCheck.ConcentrationAboveRange => "mg/m³",
        PlausibilityCheck.OxygenAboveRange => "%",
        PlausibilityCheck.FlowOutsideRange or PlausibilityCheck.FlowJump => "m³/h",
        _ => throw new ArgumentOutOfRangeException(nameof(check), check, "Not a plausibility check."),
    };
}

/// <summary>The warnings of one check: how many values it found, and the first of them in table order.</summary>
/// <param name="Check">The check.</param>
/// <param name="Count">How many values the check found.</param>
/// <param name="Listed">The first <see cref="PlausibilityOptions.ListedPerCheck"/> of them, in table order.</param>
/// <remarks>This type is immutable and thread-safe. A province's hours can raise millions of warnings; the count
/// keeps what is not listed ("and <c>Count − Listed.Count</c> more").</remarks>
public sealed record PlausibilityWarnings(PlausibilityCheck Check, long Count, IReadOnlyList<PlausibilityWarning> Listed)
{
    /// <summary>The name of a check as the assessment JSON writes it (snake_case).</summary>
    /// <param name="check">The check.</param>
    /// <returns>The name, such as <c>electricity_below_floor</c>.</returns>
    public static string ToName(PlausibilityCheck check) => check switch
    {
        PlausibilityCheck.UnitEnergyBelowFloor => "unit_energy_below_floor",
        PlausibilityCheck.UnitEnergyFarAboveLimit => "unit_energy_far_above_limit",
        PlausibilityCheck.ElectricityBelowFloor => "electricity_below_floor",
        PlausibilityCheck.ConcentrationAboveRange => "concentration_above_range",
        PlausibilityCheck.OxygenAboveRange => "oxygen_above_range",
        PlausibilityCheck.FlowOutsideRange => "flow_outside_range",
        PlausibilityCheck.FlowJump => "flow_jump",
        _ => throw new ArgumentOutOfRangeException(nameof(check), check, "Not a plausibility check."),
    };
}

/// <summary>Collects the warnings of every check: all are counted, the first of each check listed.</summary>
internal sealed class PlausibilityCollector(int listedPerCheck)
{
    private readonly SortedDictionary<PlausibilityCheck, (long Count, List<PlausibilityWarning> Listed)> _checks = [];

    /// <summary>Whether a further warning of <paramref name="check"/> would be listed (so its sentence is worth making).</summary>
    public bool Lists(PlausibilityCheck check) => !_checks.TryGetValue(check, out var found) || found.Listed.Count < listedPerCheck;

    /// <summary>Counts a warning without making it (one that would not be listed).</summary>
    public void Count(PlausibilityCheck check)
    {
        (long count, List<PlausibilityWarning> listed) = _checks.TryGetValue(check, out var found) ? found : (0, []);
        _checks[check] = (count + 1, listed);
    }

    /// <summary>Counts a warning and lists it if fewer than the limit are listed.</summary>
    public void Add(PlausibilityWarning warning)
    {
        (long count, List<PlausibilityWarning> listed) = _checks.TryGetValue(warning.Check, out var found) ? found : (0, []);
        if (listed.Count < listedPerCheck)
        {
            listed.Add(warning);
        }

        _checks[warning.Check] = (count + 1, listed);
    }

    /// <summary>The warnings, by check in the order of <see cref="PlausibilityCheck"/>.</summary>
    public IReadOnlyList<PlausibilityWarnings> Build() =>
        [.. _checks.Select(c => new PlausibilityWarnings(c.Key, c.Value.Count, c.Value.Listed.ToArray()))];
}
