using System.Globalization;
using Shapotou.Sdk.Concentrations;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Emissions;

/// <summary>The outcome of one plan check on one facility.</summary>
public enum CheckOutcome
{
    /// <summary>The facility meets the requirement.</summary>
    Pass,

    /// <summary>The facility does not meet it.</summary>
    Fail,

    /// <summary>The data to judge are missing; <see cref="PlanCheck.Detail"/> says which.</summary>
    Unknown,

    /// <summary>The requirement does not apply to the facility (below a size threshold, say).</summary>
    NotApplicable,
}

/// <summary>One P6 requirement judged on one facility.</summary>
/// <param name="CheckId">The check: <c>ferroalloy_demonstration_pm</c>, <c>ferroalloy_demonstration_desulfurisation</c>,
/// <c>cement_kiln_nox</c>, <c>cement_kiln_ammonia_slip_monitored</c>, <c>gas_boiler_nox</c>,
/// <c>coal_boiler_retired</c> or <c>coal_hot_air_furnace_retired</c>.</param>
/// <param name="FacilityId">The facility.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Value">The value judged (a concentration in mg/m³, an efficiency in %, a count of hours), or <see langword="null"/>.</param>
/// <param name="Threshold">The plan's value, or <see langword="null"/> for a yes/no requirement.</param>
/// <param name="Detail">How the value was found and judged, in words.</param>
/// <param name="Source">The catalogue row of the threshold (P6, with its mark).</param>
public sealed record PlanCheck(string CheckId, string FacilityId, CheckOutcome Outcome, double? Value, double? Threshold, string Detail, ReferenceValue Source);

/// <summary>
/// The plan's ultra-low and retirement requirements (P6), each judged per facility: the ferroalloy demonstration
/// (PM ≤ 30 mg/m³, desulfurisation ≥ 95 %), cement kilns (NOx ≤ 50 mg/m³ with ammonia slip monitored), gas boilers of
/// at least 1 t/h or 0.7 MW (NOx &lt; 50 mg/m³), and coal boilers of 10 t/h or less and coal hot-air furnaces
/// (retired).
/// </summary>
/// <remarks>
/// <para>Concentrations are judged hour by hour as permits are: every valid hourly value must meet the value
/// (排污许可管理条例 Art. 29 and 34; HJ 942 family §12.2.1.1), so the value reported is the highest valid hour of the year. Cement-kiln NOx is
/// at the kiln's reference O₂ (GB 4915-2013 §4.1.4, <c>emissions.reference_o2.cement_kiln</c>), gas-boiler NOx at 3.5 %
/// (GB 13271-2014 Table 6, <c>emissions.reference_o2.gas_boiler</c>); ferroalloy PM at the measured concentration,
/// since no reference O₂ for submerged-arc furnaces is in the references. The 50 mg/m³ of gas boilers is strict
/// (小于50); the others include their boundary (≤, ≥).</para>
/// <para>The ferroalloy demonstration project is not named in the plan: every running submerged-arc furnace of a
/// ferroalloy enterprise (industry 3140) is judged as a candidate. Its desulfurisation is the design efficiency of its
/// SO₂ treatment chain, 1 − Π(1 − η); measured removal is the treatment assessment's (<see cref="TreatmentAssessment"/>).</para>
/// </remarks>
public static class PlanChecks
{
    /// <summary>The industry code of ferroalloy smelting (GB/T 4754-2017).</summary>
    public const string FerroalloyIndustryCode = "3140";

    /// <summary>Judges every applicable facility.</summary>
    /// <param name="data">The dataset.</param>
    /// <param name="year">The year whose CEMS hours are judged.</param>
    /// <param name="catalogue">The catalogue holding the plan's values.</param>
    /// <param name="asOf">The date whose catalogue rows apply.</param>
    /// <returns>The checks, ordered by check and facility (ordinal).</returns>
    public static IReadOnlyList<PlanCheck> Evaluate(ClusterDataset data, int year, ReferenceCatalogue catalogue, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(catalogue);
        var checks = new List<PlanCheck>();
        var enterprises = data.Enterprises.ToDictionary(e => e.EnterpriseId, StringComparer.Ordinal);
        CemsHours? hours = CemsHours.Of(data);
        ILookup<string, Outlet> outletsOf = data.Outlets.ToLookup(o => o.FacilityId, StringComparer.Ordinal);
        ILookup<string, TreatmentFacility> treatmentOf = TreatmentChain.ByFacility(data.TreatmentFacilities);
        bool treatmentKnown = !data.AbsentTables.Contains("treatment_facilities", StringComparer.Ordinal);

        ReferenceValue pmMax = catalogue.Get("plan.p6.ferroalloy_demonstration.pm_max", asOf);
        ReferenceValue desulfurisationMin = catalogue.Get("plan.p6.ferroalloy_demonstration.desulfurisation_efficiency_min", asOf);
        ReferenceValue kilnNoxMax = catalogue.Get("plan.p6.cement_kiln.nox_max", asOf);
        ReferenceValue gasNoxMax = catalogue.Get("plan.p6.gas_boiler.nox_max", asOf);
        ReferenceValue gasMinSteam = catalogue.Get("plan.p6.gas_boiler.min_steam_capacity", asOf);
        ReferenceValue gasMinPower = catalogue.Get("plan.p6.gas_boiler.min_thermal_power", asOf);
        ReferenceValue coalMaxSteam = catalogue.Get("plan.p6.coal_boiler.retire_max_steam_capacity", asOf);
        double kilnReference = catalogue.Get("emissions.reference_o2.cement_kiln", asOf).GetValue();
        double gasReference = catalogue.Get("emissions.reference_o2.gas_boiler", asOf).GetValue();

        foreach (Facility facility in data.Facilities.OrderBy(f => f.FacilityId, StringComparer.Ordinal))
        {
            bool ferroalloy = enterprises.TryGetValue(facility.EnterpriseId, out Enterprise? owner) && owner.IndustryCode == FerroalloyIndustryCode;
            switch (facility.Kind)
            {
                case FacilityKind.SubmergedArcFurnace when ferroalloy && facility.Status == FacilityStatus.Running:
                    checks.Add(Concentration("ferroalloy_demonstration_pm", facility, outletsOf, hours, year, Pollutant.Pm, double.NaN, pmMax, strict: false));
                    if (!treatmentKnown)
                    {
                        // No treatment table is no treatment unknown, not a chain of 0 %.
                        checks.Add(new PlanCheck("ferroalloy_demonstration_desulfurisation", facility.FacilityId, CheckOutcome.Unknown, null, desulfurisationMin.GetValue(),
                            "The dataset has no table treatment_facilities: the design efficiency of the SO₂ treatment chain is unknown.", desulfurisationMin));
                        break;
                    }

                    double chain = (1 - TreatmentChain.Remaining(treatmentOf[facility.FacilityId], Pollutant.So2)) * 100;
                    checks.Add(new PlanCheck(
                        "ferroalloy_demonstration_desulfurisation",
                        facility.FacilityId,
                        chain >= desulfurisationMin.GetValue() ? CheckOutcome.Pass : CheckOutcome.Fail,
                        chain,
                        desulfurisationMin.GetValue(),
                        $"Design efficiency of the SO₂ treatment chain, 1 − Π(1 − η) over its treatment facilities: {Format(chain)} % against ≥ {Format(desulfurisationMin.GetValue())} %.",
                        desulfurisationMin));
                    break;
                case FacilityKind.CementKiln when facility.Status != FacilityStatus.Retired:
                    checks.Add(Concentration("cement_kiln_nox", facility, outletsOf, hours, year, Pollutant.Nox, kilnReference, kilnNoxMax, strict: false));
                    checks.Add(AmmoniaSlip(facility, outletsOf, hours, year, kilnNoxMax));
                    break;
                case FacilityKind.Boiler when facility.Fuel == "natural_gas" && facility.Status != FacilityStatus.Retired:
                    bool large = facility.SteamCapacity?.TonnesPerHour >= gasMinSteam.GetValue() || (double?)facility.ThermalPower?.Megawatts >= gasMinPower.GetValue();
                    bool sizeKnown = facility.SteamCapacity is not null || facility.ThermalPower is not null;
                    if (!sizeKnown)
                    {
                        checks.Add(new PlanCheck("gas_boiler_nox", facility.FacilityId, CheckOutcome.Unknown, null, gasNoxMax.GetValue(),
                            "facilities.steam_capacity and thermal_power are both null: whether the boiler is in the retrofit scope (≥ 1 t/h or ≥ 0.7 MW) is unknown.", gasNoxMax));
                    }
                    else if (!large)
                    {
                        checks.Add(new PlanCheck("gas_boiler_nox", facility.FacilityId, CheckOutcome.NotApplicable, null, gasNoxMax.GetValue(),
                            $"Below {Format(gasMinSteam.GetValue())} t/h and {Format(gasMinPower.GetValue())} MW: outside the retrofit scope.", gasNoxMax));
                    }
                    else
                    {
                        checks.Add(Concentration("gas_boiler_nox", facility, outletsOf, hours, year, Pollutant.Nox, gasReference, gasNoxMax, strict: true));
                    }

                    break;
                case FacilityKind.Boiler when facility.Fuel == "coal":
                    if (facility.SteamCapacity is not { } steam)
                    {
                        checks.Add(new PlanCheck("coal_boiler_retired", facility.FacilityId, CheckOutcome.Unknown, null, coalMaxSteam.GetValue(),
                            "facilities.steam_capacity is null: whether the boiler is 10 t/h or less is unknown.", coalMaxSteam));
                    }
                    else if (steam.TonnesPerHour > coalMaxSteam.GetValue())
                    {
                        checks.Add(new PlanCheck("coal_boiler_retired", facility.FacilityId, CheckOutcome.NotApplicable, steam.TonnesPerHour, coalMaxSteam.GetValue(),
                            $"{Format(steam.TonnesPerHour)} t/h is above {Format(coalMaxSteam.GetValue())} t/h.", coalMaxSteam));
                    }
                    else
                    {
                        checks.Add(Retired("coal_boiler_retired", facility, steam.TonnesPerHour, coalMaxSteam, $"A coal boiler of {Format(steam.TonnesPerHour)} t/h (≤ {Format(coalMaxSteam.GetValue())} t/h)"));
                    }

                    break;
                case FacilityKind.HotAirFurnace when facility.Fuel == "coal":
                    checks.Add(Retired("coal_hot_air_furnace_retired", facility, null, coalMaxSteam, "A coal hot-air furnace (燃煤热风炉清零)"));
                    break;
            }
        }

        return checks.OrderBy(c => c.CheckId, StringComparer.Ordinal).ThenBy(c => c.FacilityId, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The design removal of a facility's treatment chain for a pollutant, in percent: 1 − Π(1 − η).</summary>
    /// <param name="data">The dataset whose treatment facilities are chained.</param>
    /// <param name="facilityId">The facility.</param>
    /// <param name="pollutant">The pollutant.</param>
    /// <returns>The chain's removal efficiency, in percent (0 % without a treatment).</returns>
    public static Ratio ChainEfficiency(ClusterDataset data, string facilityId, Pollutant pollutant)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Ratio.FromPercent((1 - TreatmentChain.Remaining(data.TreatmentFacilities, facilityId, pollutant)) * 100);
    }

    private static PlanCheck Concentration(string id, Facility facility, ILookup<string, Outlet> outletsOf, CemsHours? hours, int year, Pollutant pollutant, double referenceOxygen, ReferenceValue threshold, bool strict)
    {
        double limit = threshold.GetValue();
        string basis = double.IsNaN(referenceOxygen) ? "as measured" : $"at {Format(referenceOxygen)} % O₂";
        string[] outlets = outletsOf[facility.FacilityId].Where(o => o.Pollutant == pollutant).Select(o => o.OutletId).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (hours is null || outlets.Length == 0)
        {
            return new PlanCheck(id, facility.FacilityId, CheckOutcome.Unknown, null, limit,
                $"No {ContractNames.ToName(pollutant)} CEMS hours for the facility's outlets ({(outlets.Length == 0 ? "none in outlets" : string.Join(", ", outlets))}); the requirement cannot be judged.", threshold);
        }

        Kernels.MeasuredAccumulation total = new(0, 0, 0, double.NaN);
        foreach (string outlet in outlets)
        {
            total = CemsRunArithmetic.Add(total, hours.Accumulate(outlet, year, pollutant, referenceOxygen, limit));
        }

        if (double.IsNaN(total.MaxReferenceConcentration))
        {
            return new PlanCheck(id, facility.FacilityId, CheckOutcome.Unknown, null, limit,
                $"No valid {ContractNames.ToName(pollutant)} hour in the year for outlets {string.Join(", ", outlets)}; the requirement cannot be judged.", threshold);
        }

        double max = total.MaxReferenceConcentration;
        bool pass = strict ? max < limit : max <= limit;
        return new PlanCheck(id, facility.FacilityId, pass ? CheckOutcome.Pass : CheckOutcome.Fail, max, limit,
            $"Highest valid hourly {ContractNames.ToName(pollutant)} {basis} over {total.ValidHours} valid hours: {Format(max)} mg/m³ against {(strict ? "<" : "≤")} {Format(limit)} mg/m³.", threshold);
    }

    private static PlanCheck AmmoniaSlip(Facility facility, ILookup<string, Outlet> outletsOf, CemsHours? cemsHours, int year, ReferenceValue source)
    {
        var outlets = outletsOf[facility.FacilityId].Select(o => o.OutletId).ToHashSet(StringComparer.Ordinal);
        int hours = 0;
        int runs = 0;
        if (cemsHours is { } cems)
        {
            foreach (CemsRun run in outlets.SelectMany(o => cems.RunsOf(o, year)))
            {
                hours += cems.ValidAmmoniaHours(run);
                runs++;
            }
        }

        if (runs == 0)
        {
            // No CEMS hours of the kiln at all: whether ammonia slip is monitored is unknown, not failed.
            return new PlanCheck("cement_kiln_ammonia_slip_monitored", facility.FacilityId, CheckOutcome.Unknown, null, null,
                $"No cems_hourly rows of the kiln's outlets in {year}: whether ammonia slip is monitored on line is unknown.", source);
        }

        return new PlanCheck("cement_kiln_ammonia_slip_monitored", facility.FacilityId, hours > 0 ? CheckOutcome.Pass : CheckOutcome.Fail, hours, null,
            hours > 0 ? $"{hours} valid hourly nh3 values in cems_hourly in {year}." : $"No valid hourly nh3 value in cems_hourly in {year}: ammonia slip is not monitored on line.", source);
    }

    private static PlanCheck Retired(string id, Facility facility, double? value, ReferenceValue source, string what) =>
        new(id, facility.FacilityId, facility.Status == FacilityStatus.Retired ? CheckOutcome.Pass : CheckOutcome.Fail, value, null,
            $"{what} is {ContractNames.ToName(facility.Status)}; the plan retires it by H1 2026.", source);

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
