using Shapotou.Sdk.Model;
using Shapotou.Sdk.Units;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Scenarios;

/// <summary>A what-if change applied to the base year's inventory, energy and CO₂.</summary>
/// <param name="Id">A unique id, for the ranking and messages.</param>
/// <param name="FacilityIds">The facilities it applies to; <c>*</c> for every facility.</param>
/// <param name="AnnualCostYuan">Its annualised cost in yuan, or <see langword="null"/> when not given (then it is not ranked). Scenario files give it in 10⁴ yuan (<c>cost_10k_yuan</c>).</param>
public abstract record ScenarioChange(string Id, IReadOnlyList<string> FacilityIds, decimal? AnnualCostYuan)
{
    /// <summary>Gets whether the change applies to a facility.</summary>
    /// <param name="facilityId">The facility.</param>
    /// <returns><see langword="true"/> for a listed facility or <c>*</c>.</returns>
    public bool AppliesTo(string facilityId) => FacilityIds.Contains("*") || FacilityIds.Contains(facilityId);
}

/// <summary>
/// A treatment retrofit (SCR, FGD upgrade, bag filter, …): where the facility has a treatment of the same kind for the
/// pollutant, its efficiency is replaced, so the emission scales by (1 − η_new) ÷ (1 − η_old); otherwise a stage is
/// added in series and the emission scales by (1 − η_new).
/// </summary>
/// <param name="Id">The id.</param>
/// <param name="FacilityIds">The facilities.</param>
/// <param name="AnnualCostYuan">The annualised cost, yuan.</param>
/// <param name="Pollutant">The pollutant treated.</param>
/// <param name="Kind">The technique.</param>
/// <param name="Efficiency">The removal efficiency after the retrofit.</param>
public sealed record RetrofitChange(string Id, IReadOnlyList<string> FacilityIds, decimal? AnnualCostYuan, Pollutant Pollutant, TreatmentKind Kind, Ratio Efficiency)
    : ScenarioChange(Id, FacilityIds, AnnualCostYuan);

/// <summary>A retirement or closure (boiler retirement, furnace closure): the facility's emissions, energy and CO₂ go to zero.</summary>
/// <param name="Id">The id.</param>
/// <param name="FacilityIds">The facilities.</param>
/// <param name="AnnualCostYuan">The annualised cost, yuan.</param>
public sealed record RetireChange(string Id, IReadOnlyList<string> FacilityIds, decimal? AnnualCostYuan)
    : ScenarioChange(Id, FacilityIds, AnnualCostYuan);

/// <summary>An output change: the facility's output, carriers, emissions and CO₂ scale by (1 + change).</summary>
/// <param name="Id">The id.</param>
/// <param name="FacilityIds">The facilities.</param>
/// <param name="AnnualCostYuan">The annualised cost, yuan.</param>
/// <param name="Change">The relative change of output (−3 % for a 3 % cut).</param>
public sealed record OutputChange(string Id, IReadOnlyList<string> FacilityIds, decimal? AnnualCostYuan, Ratio Change)
    : ScenarioChange(Id, FacilityIds, AnnualCostYuan);

/// <summary>A waste-heat power addition: purchased electricity falls by the power generated per tonne × output (not below zero); emissions are unchanged.</summary>
/// <param name="Id">The id.</param>
/// <param name="FacilityIds">The facilities.</param>
/// <param name="AnnualCostYuan">The annualised cost, yuan.</param>
/// <param name="Generation">Waste-heat power generated per tonne of product (scenario files give kWh/t).</param>
public sealed record WasteHeatChange(string Id, IReadOnlyList<string> FacilityIds, decimal? AnnualCostYuan, ElectricityIntensity Generation)
    : ScenarioChange(Id, FacilityIds, AnnualCostYuan);

/// <summary>The relative uncertainties of the Monte Carlo: caller inputs (the references give none).</summary>
/// <param name="Factor">Relative standard deviation of factor and mass-balance estimates (lognormal, median 1).</param>
/// <param name="Measured">Relative standard deviation of measured emissions (normal, truncated at 0).</param>
/// <param name="Activity">Relative standard deviation of each facility's activity (output) (normal, truncated at 0).</param>
/// <param name="Source">Where the values come from; shown with the results.</param>
public sealed record ScenarioUncertainty(Ratio Factor, Ratio Measured, Ratio Activity, string Source);

/// <summary>A scenario: changes applied to a base year, with an optional Monte Carlo.</summary>
/// <param name="Name">The name.</param>
/// <param name="BaseYear">The inventory year the changes apply to (2024 by default: the plan's baseline).</param>
/// <param name="Changes">The changes, applied in order.</param>
/// <param name="Uncertainty">The uncertainties for the Monte Carlo, or <see langword="null"/> for none.</param>
/// <param name="Samples">Monte Carlo samples.</param>
/// <param name="Seed">The Monte Carlo seed: the same seed gives the same percentiles.</param>
public sealed record Scenario(string Name, int BaseYear, IReadOnlyList<ScenarioChange> Changes, ScenarioUncertainty? Uncertainty = null, int Samples = 10_000, int Seed = 20_250_701);
