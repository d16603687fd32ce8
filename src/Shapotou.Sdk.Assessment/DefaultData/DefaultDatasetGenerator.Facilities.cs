using System.Globalization;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using UnitsNet;

namespace Shapotou.Sdk.Assessment;

internal sealed partial class DefaultDatasetGenerator
{
    // Synthetic assumptions, documented in docs/default-dataset.md; none is a sourced value.
    private const double FlowPerKva = 9.0;                 // m3/h of dry flue gas per kVA of furnace transformer
    private static readonly DateOnly s_catalogueDate = new(2024, 12, 31);

    private void LayOutFacilities()
    {
        foreach (EnterpriseSpec enterprise in DefaultDatasetRoster.Enterprises)
        {
            double spread = _random.Uniform(0.85, 1.15);   // one enterprise runs dirtier or cleaner than another
            switch (enterprise.Archetype)
            {
                case Archetype.Ferrosilicon:
                    for (int k = 1; k <= enterprise.Furnaces; k++)
                    {
                        bool idle = k > enterprise.Furnaces - enterprise.IdleFurnaces;
                        var profile = new SourceProfile(0, "FeSi75", FlowPerKva * enterprise.TransformerKva, 26 * spread, 22 * spread, 7.5 * spread, 18.5, 0, 0, 0, 0);
                        var facility = new Facility(
                            $"{enterprise.Id}-f{k}",
                            enterprise.Id,
                            FacilityKind.SubmergedArcFurnace,
                            idle ? FacilityStatus.Idle : FacilityStatus.Running,
                            product: "FeSi75",
                            transformerRating: ElectricApparentPower.FromKilovoltamperes(enterprise.TransformerKva),
                            annualCapacity: Mass.FromTonnes(0), // set below, once all ratings are known
                            enclosure: enterprise.Enclosure,
                            fuel: "electricity",
                            wasteHeatRecovery: enterprise.WasteHeatRecovery);
                        AddFacility(enterprise, facility, profile, cems: true);
                        AddTreatment(facility, TreatmentKind.BagFilter, Pollutant.Pm, 99.5);
                        if (enterprise.Id == "zl-shengjin")
                        {
                            // P2 status: Shengjin's flue-gas desulfurisation, denitrification and dust project.
                            AddTreatment(facility, TreatmentKind.DryFgd, Pollutant.So2, 80);
                            AddTreatment(facility, TreatmentKind.Scr, Pollutant.Nox, 70);
                        }

                        AddOutletRows(facility, cems: true, standard: "GB 28666-2012 (limit values not in the references; supply them from the permit)", referenceOxygenKey: null);
                    }

                    break;

                case Archetype.CalciumCarbide:
                    for (int k = 1; k <= enterprise.Furnaces; k++)
                    {
                        var facility = new Facility(
                            $"{enterprise.Id}-f{k}", enterprise.Id, FacilityKind.CarbideFurnace, FacilityStatus.Running, product: "CaC2",
                            transformerRating: ElectricApparentPower.FromKilovoltamperes(enterprise.TransformerKva),
                            annualCapacity: Mass.FromTonnes(60_000), enclosure: enterprise.Enclosure, fuel: "electricity", wasteHeatRecovery: false);
                        AddFacility(enterprise, facility, new SourceProfile(55_000 * spread, "CaC2", 60_000, 40 * spread, 80 * spread, 60 * spread, 14, 3_150, 0.58, 0, 0), cems: true);
                        AddTreatment(facility, TreatmentKind.BagFilter, Pollutant.Pm, 99);
                        AddOutletRows(facility, cems: true, standard: "GB 16297-1996 Table 2 (an illustrative choice; the applicable standard comes from the permit)", referenceOxygenKey: null,
                            limitKeys: ["emissions.limit.gb16297.table_2.other_sources.pm", "emissions.limit.gb16297.table_2.sulfur_compound_use.so2", "emissions.limit.gb16297.table_2.nitric_acid_use_and_other.nox"]);
                    }

                    break;

                case Archetype.Cement:
                {
                    var facility = new Facility(
                        $"{enterprise.Id}-kiln1", enterprise.Id, FacilityKind.CementKiln, FacilityStatus.Running, product: "clinker",
                        clinkerCapacity: MassFlow.FromTonnesPerDay(4_500), annualCapacity: Mass.FromTonnes(1_485_000), fuel: "coal", wasteHeatRecovery: true);
                    AddFacility(enterprise, facility, new SourceProfile(1_350_000 * spread, "clinker", 350_000, 8 * spread, 60 * spread, 200 * spread, 11, 55, 0, 0.145, 0), cems: true);
                    AddTreatment(facility, TreatmentKind.BagFilter, Pollutant.Pm, 99.9);
                    AddTreatment(facility, TreatmentKind.Sncr, Pollutant.Nox, 50);
                    AddOutletRows(facility, cems: true, standard: "GB 4915-2013 Table 1", referenceOxygenKey: "emissions.reference_o2.cement_kiln",
                        limitKeys: ["emissions.limit.gb4915.table_1.cement_kiln.pm", "emissions.limit.gb4915.table_1.cement_kiln.so2", "emissions.limit.gb4915.table_1.cement_kiln.nox"]);
                    break;
                }

                case Archetype.Lime:
                {
                    var facility = new Facility(
                        $"{enterprise.Id}-kiln1", enterprise.Id, FacilityKind.LimeKiln, FacilityStatus.Running, product: "lime",
                        clinkerCapacity: MassFlow.FromTonnesPerDay(330), annualCapacity: Mass.FromTonnes(110_000), fuel: "coal");
                    AddFacility(enterprise, facility, new SourceProfile(100_000 * spread, "lime", 40_000, 0, 0, 0, 0, 30, 0, 0.15, 0), cems: false);
                    AddTreatment(facility, TreatmentKind.BagFilter, Pollutant.Pm, 99);
                    AddOutletRows(facility, cems: false, standard: "GB 9078-1996 Tables 2 and 4, grade 2 (an illustrative choice of grade)", referenceOxygenKey: null,
                        limitKeys: ["emissions.limit.gb9078.table_2.lime_kiln.pm.grade_2", "emissions.limit.gb9078.table_4.coal_oil_fired_furnace.so2.grade_2", null]);
                    break;
                }

                case Archetype.Ceramics:
                {
                    var kiln = new Facility(
                        $"{enterprise.Id}-kiln1", enterprise.Id, FacilityKind.CeramicKiln, FacilityStatus.Running, product: "ceramic_tile",
                        annualCapacity: Mass.FromTonnes(170_000), fuel: "natural_gas");
                    AddFacility(enterprise, kiln, new SourceProfile(150_000 * spread, "ceramic_tile", 0, 0, 0, 0, 0, 45, 0, 0, 60), cems: false);
                    AddTreatment(kiln, TreatmentKind.BagFilter, Pollutant.Pm, 99);
                    AddTreatment(kiln, TreatmentKind.WetFgd, Pollutant.So2, 85);
                    AddOutletRows(kiln, cems: false, standard: "GB 25464-2010 (limits and reference basis not in the references; supply them from the permit)", referenceOxygenKey: null);
                    var dryer = new Facility(
                        $"{enterprise.Id}-dryer1", enterprise.Id, FacilityKind.Dryer, FacilityStatus.Running, product: "spray_dried_powder",
                        annualCapacity: Mass.FromTonnes(180_000), fuel: "natural_gas");
                    AddFacility(enterprise, dryer, new SourceProfile(160_000 * spread, "spray_dried_powder", 0, 0, 0, 0, 0, 12, 0, 0, 25), cems: false);
                    AddTreatment(dryer, TreatmentKind.BagFilter, Pollutant.Pm, 99);
                    AddOutletRows(dryer, cems: false, standard: "GB 25464-2010 (limits and reference basis not in the references; supply them from the permit)", referenceOxygenKey: null);
                    break;
                }

                case Archetype.CoalBoilerPlant:
                {
                    double steamTph = enterprise.Township == "rouyuan" ? 35 : 40;
                    var facility = new Facility(
                        $"{enterprise.Id}-b1", enterprise.Id, FacilityKind.Boiler, FacilityStatus.Running, product: "steam",
                        steamCapacity: MassFlow.FromTonnesPerHour(steamTph), fuel: "coal");
                    double annual = enterprise.Township == "rouyuan" ? 240_000 : 120_000; // heat plants run the heating season only
                    AddFacility(enterprise, facility, new SourceProfile(annual * spread, "steam", 1_750 * steamTph, 20 * spread, 250 * spread, 150 * spread, 7.5, 8, 0, 0.14, 0), cems: true);
                    AddTreatment(facility, TreatmentKind.BagFilter, Pollutant.Pm, 99.5);
                    AddTreatment(facility, TreatmentKind.WetFgd, Pollutant.So2, 90);
                    AddTreatment(facility, TreatmentKind.Sncr, Pollutant.Nox, 40);
                    AddOutletRows(facility, cems: true, standard: "GB 13271-2014 Table 1 (in-use coal-fired boilers)", referenceOxygenKey: "emissions.reference_o2.coal_boiler",
                        limitKeys: ["emissions.limit.gb13271.table_1.coal_boiler.pm", "emissions.limit.gb13271.table_1.coal_boiler.so2", "emissions.limit.gb13271.table_1.coal_boiler.nox"]);
                    break;
                }

                case Archetype.GasBoilerUser:
                {
                    var facility = new Facility(
                        $"{enterprise.Id}-b1", enterprise.Id, FacilityKind.Boiler, FacilityStatus.Running, product: "steam",
                        steamCapacity: MassFlow.FromTonnesPerHour(4), fuel: "natural_gas");
                    AddFacility(enterprise, facility, new SourceProfile(15_000 * spread, "steam", 0, 0, 0, 0, 0, 6, 0, 0, 78), cems: false);
                    AddOutletRows(facility, cems: false, standard: "GB 13271-2014 Table 2 (gas-fired boilers)", referenceOxygenKey: "emissions.reference_o2.gas_boiler",
                        limitKeys: ["emissions.limit.gb13271.table_2.gas_boiler.pm", "emissions.limit.gb13271.table_2.gas_boiler.so2", "emissions.limit.gb13271.table_2.gas_boiler.nox"]);
                    break;
                }

                case Archetype.BiogasBoiler:
                {
                    var facility = new Facility(
                        $"{enterprise.Id}-b1", enterprise.Id, FacilityKind.Boiler, FacilityStatus.Running, product: "steam",
                        steamCapacity: MassFlow.FromTonnesPerHour(10), fuel: "biogas");
                    AddFacility(enterprise, facility, new SourceProfile(50_000 * spread, "steam", 0, 0, 0, 0, 0, 6, 0, 0, 0), cems: false);
                    AddOutletRows(facility, cems: false, standard: "GB 13271-2014 (the fuel category of biogas is to be confirmed in the permit)", referenceOxygenKey: null);
                    break;
                }

                case Archetype.DryerUser:
                {
                    var facility = new Facility(
                        $"{enterprise.Id}-dryer1", enterprise.Id, FacilityKind.Dryer, FacilityStatus.Running, product: "dried_material",
                        fuel: "natural_gas");
                    AddFacility(enterprise, facility, new SourceProfile(30_000 * spread, "dried_material", 0, 0, 0, 0, 0, 10, 0, 0, 15), cems: false);
                    AddTreatment(facility, TreatmentKind.BagFilter, Pollutant.Pm, 98);
                    AddOutletRows(facility, cems: false, standard: "GB 9078-1996 Table 2, drying furnaces, grade 2 (an illustrative choice of grade)", referenceOxygenKey: null,
                        limitKeys: ["emissions.limit.gb9078.table_2.drying_furnace.pm.grade_2", null, null]);
                    break;
                }

                case Archetype.RollingMill:
                {
                    var facility = new Facility(
                        $"{enterprise.Id}-furnace1", enterprise.Id, FacilityKind.Other, FacilityStatus.Running, product: "rolled_steel",
                        annualCapacity: Mass.FromTonnes(300_000), fuel: "natural_gas");
                    AddFacility(enterprise, facility, new SourceProfile(250_000 * spread, "rolled_steel", 0, 0, 0, 0, 0, 90, 0, 0, 35), cems: false);
                    AddOutletRows(facility, cems: false, standard: "GB 9078-1996 Table 2, other furnaces, grade 2 (an illustrative choice of grade)", referenceOxygenKey: null,
                        limitKeys: ["emissions.limit.gb9078.table_2.other_furnace.pm.grade_2", null, null]);
                    break;
                }

                default:
                    throw new InvalidOperationException($"Archetype {enterprise.Archetype} has no layout.");
            }
        }

        SetFurnaceCapacities();
    }

    /// <summary>Shares P2's 1.40 Mt/a among the 40 ferrosilicon furnaces by transformer rating, in whole tonnes.</summary>
    private void SetFurnaceCapacities()
    {
        PlannedFacility[] furnaces = FerrosiliconFurnaces().ToArray();
        double totalKva = furnaces.Sum(f => f.Facility.TransformerRating!.Value.Kilovoltamperes);
        double capacity = _plan.Ferroalloy.Capacity.Tonnes;
        double[] shares = furnaces.Select(f => Math.Floor(capacity * f.Facility.TransformerRating!.Value.Kilovoltamperes / totalKva)).ToArray();
        shares[0] += capacity - shares.Sum();
        for (int i = 0; i < furnaces.Length; i++)
        {
            int index = _facilities.IndexOf(furnaces[i]);
            _facilities[index] = ReplaceCapacity(furnaces[i], shares[i]);
        }
    }

    private static PlannedFacility ReplaceCapacity(PlannedFacility planned, double tonnes)
    {
        Facility f = planned.Facility;
        return planned with
        {
            Facility = new Facility(
                f.FacilityId, f.EnterpriseId, f.Kind, f.Status, f.Product, f.TransformerRating, f.SteamCapacity, f.ThermalPower,
                f.ClinkerCapacity, Mass.FromTonnes(tonnes), f.Enclosure, f.Fuel, f.WasteHeatRecovery),
        };
    }

    private IEnumerable<PlannedFacility> FerrosiliconFurnaces() =>
        _facilities.Where(f => f.Enterprise.Archetype == Archetype.Ferrosilicon && f.Facility.Kind == FacilityKind.SubmergedArcFurnace);

    private void AddFacility(EnterpriseSpec enterprise, Facility facility, SourceProfile profile, bool cems)
    {
        int outletNumber = _facilities.Count(f => f.Enterprise.Id == enterprise.Id) + 1;
        _facilities.Add(new PlannedFacility(enterprise, facility, profile, cems, $"{facility.FacilityId}-DA{outletNumber:000}"));
    }

    private void AddTreatment(Facility facility, TreatmentKind kind, Pollutant pollutant, double efficiencyPercent) =>
        _treatments.Add(new TreatmentFacility(
            $"{facility.FacilityId}-{ContractNames.ToName(kind)}",
            facility.FacilityId,
            kind,
            pollutant,
            Ratio.FromPercent(efficiencyPercent)));

    private void AddOutletRows(Facility facility, bool cems, string standard, string? referenceOxygenKey, string?[]? limitKeys = null)
    {
        PlannedFacility planned = _facilities.Last(f => f.Facility.FacilityId == facility.FacilityId);
        int enterpriseIndex = DefaultDatasetRoster.Enterprises.ToList().FindIndex(e => e.Id == planned.Enterprise.Id);
        int outletIndex = _facilities.IndexOf(planned);
        ReferenceCatalogue catalogue = ReferenceCatalogue.Builtin;
        VolumeConcentration? referenceOxygen = referenceOxygenKey is null ? null : catalogue.Get(referenceOxygenKey, s_catalogueDate).ToVolumeConcentration();
        Pollutant[] pollutants = [Pollutant.Pm, Pollutant.So2, Pollutant.Nox];
        for (int p = 0; p < pollutants.Length; p++)
        {
            string? key = limitKeys?[p];
            MassConcentration? limit = key is null ? null : catalogue.Get(key, s_catalogueDate).ToMassConcentration();
            _outlets.Add(new Outlet(
                planned.OutletId,
                facility.FacilityId,
                pollutants[p],
                outletCode: planned.OutletId[^5..],
                mn: string.Create(CultureInfo.InvariantCulture, $"640502{enterpriseIndex:X6}{outletIndex:X6}000000"),
                limitValue: limit,
                referenceOxygen: limit is null ? null : referenceOxygen,
                standard: key is null ? standard : $"{standard}; {catalogue.Get(key, s_catalogueDate).Source}",
                cemsInstalled: cems));
        }
    }
}
