using Shapotou.Sdk.Model;
using Shapotou.Sdk.Units;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Sql;

/// <summary>The thresholds the <c>plausibility_warnings</c> view of <see cref="SqlCalculators"/> inlines: those of the
/// assessment's plausibility checks (<c>PlausibilityOptions</c> of Shapotou.Sdk.Assessment, whose
/// <c>ToSqlThresholds()</c> writes this record, so that the view and the SDK judge with the same values).</summary>
/// <param name="FerrosiliconEnergyFloor">The least unit comprehensive energy of ferrosilicon, on the FeSi75 basis (inlined in kgce/t).</param>
/// <param name="EnergyFloorSource">Where that floor comes from, in words, written beside it in the SQL.</param>
/// <param name="FerrosiliconElectricityFloor">The least furnace electricity of ferrosilicon, on the FeSi75 basis (inlined in kWh/t).</param>
/// <param name="ElectricityFloorSource">Where that floor comes from, in words, written beside it in the SQL.</param>
/// <param name="FarAboveLimitFactor">How many times level 3 of a product's limit standard a ledger row's unit energy may reach before it is named.</param>
/// <param name="OxygenMaximum">The highest plausible O₂ of a valid hour, or <see langword="null"/> to skip the check.</param>
/// <param name="ConcentrationMaximum">The upper end of the analysers' range per pollutant (pm, so2, nox, nh3); a pollutant without one is not checked.</param>
/// <param name="FlowRangeByOutlet">The plausible flow of each outlet (by outlet id); an outlet without one is not checked.</param>
/// <param name="FlowJumpFactor">The ratio between the flows of an outlet's consecutive valid hours at which the later is named.</param>
/// <param name="Origin">Where the thresholds come from (the SDK's defaults, or the options a caller set), written in the SQL.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record SqlPlausibility(
    EnergyIntensity FerrosiliconEnergyFloor,
    string EnergyFloorSource,
    ElectricityIntensity FerrosiliconElectricityFloor,
    string ElectricityFloorSource,
    double FarAboveLimitFactor,
    VolumeConcentration? OxygenMaximum,
    IReadOnlyDictionary<Pollutant, MassConcentration> ConcentrationMaximum,
    IReadOnlyDictionary<string, SqlFlowRange> FlowRangeByOutlet,
    double FlowJumpFactor,
    string Origin);

/// <summary>The plausible flow of one outlet.</summary>
/// <param name="Minimum">The least plausible flow.</param>
/// <param name="Maximum">The highest plausible flow.</param>
public readonly record struct SqlFlowRange(VolumeFlow Minimum, VolumeFlow Maximum);
