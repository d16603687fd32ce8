using Shapotou.Sdk.Model;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Tests.Model;

public sealed class ClusterDatasetTests
{
    private static readonly DateOnly s_march = new(2024, 3, 1);

    private static Enterprise EnterpriseRow(string id) => new(id, $"Enterprise {id}", "zhenluo", "3140", aboveScale: true);

    private static Facility Furnace(string id, string enterpriseId) =>
        new(id, enterpriseId, FacilityKind.SubmergedArcFurnace, FacilityStatus.Running, "FeSi75", ElectricApparentPower.FromKilovoltamperes(12_500));

    private static TreatmentFacility BagFilter(string id, string facilityId) =>
        new(id, facilityId, TreatmentKind.BagFilter, Pollutant.Pm, Ratio.FromPercent(99.5));

    private static Outlet OutletRow(string id, string facilityId, Pollutant pollutant = Pollutant.Pm) =>
        new(id, facilityId, pollutant, limitValue: MassConcentration.FromMilligramsPerCubicMeter(30));

    private static EnergyLedgerEntry Ledger(string facilityId) => new(facilityId, s_march, "FeSi75", Mass.FromTonnes(1500));

    private static SolidWasteLedgerEntry Waste(string enterpriseId) => new(enterpriseId, s_march, WasteType.Slag, generated: Mass.FromTonnes(40));

    private static CemsHourlyTable Cems(params string[] outletIds)
    {
        int n = outletIds.Length;
        var hours = new DateTime[n];
        var flags = new DataFlag[n];
        Array.Fill(hours, new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Unspecified));
        Array.Fill(flags, DataFlag.N);
        QuantityColumn<MassConcentration> Mg() => new(new double[n], MassConcentrationUnit.MilligramPerCubicMeter);
        return new CemsHourlyTable(
            outletIds,
            hours,
            Mg(),
            Mg(),
            Mg(),
            new QuantityColumn<VolumeConcentration>(new double[n], VolumeConcentrationUnit.Percent),
            new QuantityColumn<VolumeFlow>(new double[n], VolumeFlowUnit.CubicMeterPerHour),
            flags);
    }

    private static readonly EmissionFactor s_factor = new("3140", "FeSi75", "semi_closed_furnace", "pm", 2.5, "output", "Site study, Table 3");

    private static ClusterDataset Create(
        IReadOnlyList<Enterprise>? enterprises = null,
        IReadOnlyList<Facility>? facilities = null,
        IReadOnlyList<TreatmentFacility>? treatmentFacilities = null,
        IReadOnlyList<Outlet>? outlets = null,
        IReadOnlyList<EnergyLedgerEntry>? energyLedger = null,
        IReadOnlyList<SolidWasteLedgerEntry>? solidWasteLedger = null,
        CemsHourlyTable? cems = null) =>
        new(
            "default",
            illustrative: true,
            enterprises ?? [EnterpriseRow("yx"), EnterpriseRow("hs")],
            facilities ?? [Furnace("yx-f1", "yx"), Furnace("hs-f1", "hs")],
            treatmentFacilities ?? [BagFilter("yx-f1-bf", "yx-f1")],
            outlets ?? [OutletRow("yx-da001", "yx-f1"), OutletRow("yx-da001", "yx-f1", Pollutant.So2)],
            energyLedger ?? [Ledger("yx-f1")],
            solidWasteLedger ?? [Waste("yx")],
            [s_factor],
            cems);

    [Fact]
    public void Constructor_ConsistentTables_KeepsEveryTable()
    {
        Enterprise[] enterprises = [EnterpriseRow("yx")];
        Facility[] facilities = [Furnace("yx-f1", "yx")];
        TreatmentFacility[] treatment = [BagFilter("yx-f1-bf", "yx-f1")];
        Outlet[] outlets = [OutletRow("yx-da001", "yx-f1")];
        EnergyLedgerEntry[] energy = [Ledger("yx-f1")];
        SolidWasteLedgerEntry[] waste = [Waste("yx")];
        EmissionFactor[] factors = [s_factor];
        CemsHourlyTable cems = Cems("yx-da001", "yx-da001");

        var dataset = new ClusterDataset("default", illustrative: true, enterprises, facilities, treatment, outlets, energy, waste, factors, cems);

        Assert.Equal("default", dataset.Name);
        Assert.True(dataset.Illustrative);
        Assert.Equal(enterprises, dataset.Enterprises);
        Assert.Equal(facilities, dataset.Facilities);
        Assert.Equal(treatment, dataset.TreatmentFacilities);
        Assert.Equal(outlets, dataset.Outlets);
        Assert.Equal(energy, dataset.EnergyLedger);
        Assert.Equal(waste, dataset.SolidWasteLedger);
        Assert.Equal(factors, dataset.EmissionFactors);
        Assert.Same(cems, dataset.CemsHourly);
    }

    [Fact]
    public void Constructor_NoCemsData_IsAccepted()
    {
        ClusterDataset dataset = Create();

        Assert.Null(dataset.CemsHourly);
        Assert.Equal(2, dataset.Enterprises.Count);
    }

    [Fact]
    public void Constructor_EmptyTables_AreAConsistentDataset()
    {
        var dataset = new ClusterDataset("empty", illustrative: false, [], [], [], [], [], [], [], Cems());

        Assert.False(dataset.Illustrative);
        Assert.Empty(dataset.Enterprises);
    }

    [Fact]
    public void Constructor_OutletIdRepeatedForAnotherPollutantOrFacility_IsAccepted()
    {
        // An outlet shared by two furnaces repeats its id per facility and per pollutant.
        ClusterDataset dataset = Create(outlets:
        [
            OutletRow("yx-da001", "yx-f1", Pollutant.Pm),
            OutletRow("yx-da001", "yx-f1", Pollutant.So2),
            OutletRow("yx-da001", "hs-f1", Pollutant.Pm),
        ]);

        Assert.Equal(3, dataset.Outlets.Count);
    }

    [Fact]
    public void Constructor_CemsRowsOfAKnownOutlet_AreAccepted()
    {
        ClusterDataset dataset = Create(cems: Cems("yx-da001", "yx-da001"));

        Assert.Equal(2, dataset.CemsHourly!.RowCount);
    }

    [Fact]
    public void Constructor_FacilityOfAMissingEnterprise_NamesTableRowAndId()
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(
            () => Create(facilities: [Furnace("yx-f1", "yx"), Furnace("zz-f1", "zz")]));

        Assert.Equal("Table 'facilities', row 1: enterprise_id 'zz' is not in table 'enterprises'.", error.Message);
    }

    [Fact]
    public void Constructor_EnterprisesTableAbsent_LeavesItsReferencesUncheckedAndOnlyThose()
    {
        ClusterDataset dataset = new("partial", illustrative: false, [], [Furnace("yx-f1", "yx")], [BagFilter("yx-f1-bf", "yx-f1")],
            [OutletRow("yx-da001", "yx-f1")], [Ledger("yx-f1")], [Waste("yx")], [s_factor], null, absentTables: ["enterprises"]);

        Assert.Equal(["enterprises"], dataset.AbsentTables);
        Assert.Equal("yx", dataset.Facilities[0].EnterpriseId);

        // A facility the outlets name is still checked: only the references into the absent table are left.
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => new ClusterDataset("partial", illustrative: false, [], [Furnace("yx-f1", "yx")], [],
            [OutletRow("yx-da001", "yx-f9")], [], [], [], null, absentTables: ["enterprises"]));
        Assert.Equal("Table 'outlets', row 0: facility_id 'yx-f9' is not in table 'facilities'.", error.Message);
    }

    [Fact]
    public void Constructor_EnterpriseIdInAnotherCase_IsNotAMatch()
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => Create(facilities: [Furnace("yx-f1", "YX")]));

        Assert.Equal("Table 'facilities', row 0: enterprise_id 'YX' is not in table 'enterprises'.", error.Message);
    }

    [Fact]
    public void Constructor_DuplicateEnterpriseId_NamesTheRepeatingRow()
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(
            () => Create(enterprises: [EnterpriseRow("yx"), EnterpriseRow("hs"), EnterpriseRow("yx")]));

        Assert.Equal("Table 'enterprises', row 2: enterprise_id 'yx' already appeared in an earlier row; expected unique values.", error.Message);
    }

    [Fact]
    public void Constructor_DuplicateFacilityId_IsRejected()
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(
            () => Create(facilities: [Furnace("yx-f1", "yx"), Furnace("yx-f1", "hs")]));

        Assert.Equal("Table 'facilities', row 1: facility_id 'yx-f1' already appeared in an earlier row; expected unique values.", error.Message);
    }

    [Fact]
    public void Constructor_DuplicateTreatmentId_IsRejected()
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(
            () => Create(treatmentFacilities: [BagFilter("bf", "yx-f1"), BagFilter("bf", "hs-f1")]));

        Assert.Equal("Table 'treatment_facilities', row 1: treatment_id 'bf' already appeared in an earlier row; expected unique values.", error.Message);
    }

    [Fact]
    public void Constructor_DuplicateOutletFacilityAndPollutant_IsRejected()
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(
            () => Create(outlets: [OutletRow("yx-da001", "yx-f1"), OutletRow("yx-da001", "yx-f1")]));

        Assert.Equal(
            "Table 'outlets', row 1: outlet_id, facility_id and pollutant ('yx-da001', 'yx-f1', pm) already appeared in an earlier row; expected unique values.",
            error.Message);
    }

    [Fact]
    public void Constructor_TreatmentFacilityOfAMissingFacility_IsRejected()
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(
            () => Create(treatmentFacilities: [BagFilter("yx-f9-bf", "yx-f9")]));

        Assert.Equal("Table 'treatment_facilities', row 0: facility_id 'yx-f9' is not in table 'facilities'.", error.Message);
    }

    [Fact]
    public void Constructor_OutletOfAMissingFacility_IsRejected()
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(
            () => Create(outlets: [OutletRow("yx-da001", "yx-f1"), OutletRow("yx-da009", "yx-f9")]));

        Assert.Equal("Table 'outlets', row 1: facility_id 'yx-f9' is not in table 'facilities'.", error.Message);
    }

    [Fact]
    public void Constructor_EnergyLedgerRowOfAMissingFacility_IsRejected()
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(
            () => Create(energyLedger: [Ledger("yx-f1"), Ledger("hs-f2")]));

        Assert.Equal("Table 'energy_ledger', row 1: facility_id 'hs-f2' is not in table 'facilities'.", error.Message);
    }

    [Fact]
    public void Constructor_SolidWasteRowOfAMissingEnterprise_IsRejected()
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => Create(solidWasteLedger: [Waste("zz")]));

        Assert.Equal("Table 'solid_waste_ledger', row 0: enterprise_id 'zz' is not in table 'enterprises'.", error.Message);
    }

    [Fact]
    public void Constructor_CemsRowOfAMissingOutlet_NamesTheRow()
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(
            () => Create(cems: Cems("yx-da001", "yx-da001", "yx-da009")));

        Assert.Equal("Table 'cems_hourly', row 2: outlet_id 'yx-da009' is not in table 'outlets'.", error.Message);
    }

    [Fact]
    public void Constructor_FacilityIdUsedAsCemsOutlet_IsNotAnOutlet()
    {
        // CEMS rows refer to outlets, not facilities: a facility id is not an outlet id.
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => Create(cems: Cems("yx-f1")));

        Assert.Equal("Table 'cems_hourly', row 0: outlet_id 'yx-f1' is not in table 'outlets'.", error.Message);
    }

    [Fact]
    public void Constructor_NullFacilityRow_NamesTableAndRow()
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(
            () => Create(facilities: [Furnace("yx-f1", "yx"), null!]));

        Assert.Equal("Table 'facilities', row 1, is null.", error.Message);
    }

    [Fact]
    public void Constructor_NullEnergyLedgerRow_NamesTableAndRow()
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => Create(energyLedger: [null!]));

        Assert.Equal("Table 'energy_ledger', row 0, is null.", error.Message);
    }

    [Theory]
    [InlineData("")] // empty
    [InlineData(" default")] // leading space
    [InlineData(null)] // missing
    public void Constructor_BadName_IsRejected(string? name)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => new ClusterDataset(name!, illustrative: false, [], [], [], [], [], [], [], null));

        Assert.Equal("name", error.ParamName);
        Assert.Equal(
            $"Dataset: name is '{name}'; expected a non-empty id without surrounding spaces. (Parameter 'name')",
            error.Message);
    }

    [Theory]
    [InlineData("enterprises")] // each list is required, even when empty
    [InlineData("facilities")] // each list is required
    [InlineData("treatmentFacilities")] // each list is required
    [InlineData("outlets")] // each list is required
    [InlineData("energyLedger")] // each list is required
    [InlineData("solidWasteLedger")] // each list is required
    [InlineData("emissionFactors")] // each list is required
    public void Constructor_NullTable_ThrowsArgumentNull(string parameter)
    {
        ArgumentNullException error = Assert.Throws<ArgumentNullException>(() => parameter switch
        {
            "enterprises" => new ClusterDataset("d", false, null!, [], [], [], [], [], [], null),
            "facilities" => new ClusterDataset("d", false, [], null!, [], [], [], [], [], null),
            "treatmentFacilities" => new ClusterDataset("d", false, [], [], null!, [], [], [], [], null),
            "outlets" => new ClusterDataset("d", false, [], [], [], null!, [], [], [], null),
            "energyLedger" => new ClusterDataset("d", false, [], [], [], [], null!, [], [], null),
            "solidWasteLedger" => new ClusterDataset("d", false, [], [], [], [], [], null!, [], null),
            _ => new ClusterDataset("d", false, [], [], [], [], [], [], null!, null),
        });

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Constructor_CopiesTheLists_SoLaterChangesCannotBypassTheChecks()
    {
        var facilities = new List<Facility> { Furnace("yx-f1", "yx"), Furnace("hs-f1", "hs") };
        ClusterDataset dataset = Create(facilities: facilities);

        facilities.Add(Furnace("ghost-f1", "ghost"));

        Assert.Equal(2, dataset.Facilities.Count);
    }

    [Fact]
    public void Constructor_IdsWithTheJoinCharacter_AreNotAFalseDuplicate()
    {
        // ('a|b', 'c') and ('a', 'b|c') are different keys even though their text joined with '|' is the same.
        var facilities = new[] { Furnace("c", "yx"), Furnace("b|c", "yx") };
        var outlets = new[] { OutletRow("a|b", "c"), OutletRow("a", "b|c") };

        ClusterDataset dataset = Create(facilities: facilities, outlets: outlets, treatmentFacilities: [], energyLedger: []);

        Assert.Equal(2, dataset.Outlets.Count);
    }

    [Fact]
    public void Constructor_DuplicateEnergyLedgerRow_IsRejected()
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(
            () => Create(energyLedger: [Ledger("yx-f1"), Ledger("yx-f1")]));

        Assert.Equal(
            "Table 'energy_ledger', row 1: facility_id, period and product ('yx-f1', 2024-03-01, 'FeSi75') already appeared in an earlier row; expected unique values.",
            error.Message);
    }

    [Fact]
    public void Constructor_DuplicateSolidWasteRow_IsRejected()
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(
            () => Create(solidWasteLedger: [Waste("yx"), Waste("yx")]));

        Assert.Equal(
            "Table 'solid_waste_ledger', row 1: enterprise_id, period and waste_type ('yx', 2024-03-01, slag) already appeared in an earlier row; expected unique values.",
            error.Message);
    }
}
