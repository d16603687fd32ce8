using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Analytics.Emissions;

/// <summary>
/// The process key that matches a facility to the <c>process</c> column of <c>emission_factors</c>
/// (docs/emissions.md): <c>&lt;enclosure&gt;_furnace</c> for submerged-arc and carbide furnaces
/// (<c>semi_closed_furnace</c>), <c>&lt;fuel&gt;_&lt;kind&gt;</c> for boilers and hot-air furnaces
/// (<c>natural_gas_boiler</c>, <c>coal_hot_air_furnace</c>), and the facility kind otherwise (<c>lime_kiln</c>,
/// <c>cement_kiln</c>, <c>dryer</c>).
/// </summary>
public static class ProcessKeys
{
    /// <summary>Gets the process key of a facility.</summary>
    /// <param name="facility">The facility.</param>
    /// <returns>The key; a furnace without an enclosure is <c>furnace</c>, a boiler without a fuel is <c>boiler</c>.</returns>
    public static string Of(Facility facility)
    {
        ArgumentNullException.ThrowIfNull(facility);
        return facility.Kind switch
        {
            FacilityKind.SubmergedArcFurnace or FacilityKind.CarbideFurnace =>
                facility.Enclosure is { } enclosure ? $"{ContractNames.ToName(enclosure)}_furnace" : "furnace",
            FacilityKind.Boiler or FacilityKind.HotAirFurnace =>
                facility.Fuel is { } fuel ? $"{fuel}_{ContractNames.ToName(facility.Kind)}" : ContractNames.ToName(facility.Kind),
            _ => ContractNames.ToName(facility.Kind),
        };
    }
}
