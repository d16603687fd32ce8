using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Model;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Tests.Emissions;

public sealed class EmissionInventoryTests
{
    private static readonly EmissionInventoryCalculator s_default = new();

    [Fact]
    public void Measured_Hj212AnnexD_OneValidHourOf25Point3At180000_Is4Point554Kg()
    {
        EmissionInventory inventory = s_default.Compute(EmissionsFixture.Create(), 2024);

        OutletEmission so2 = Row(inventory, "O1", Pollutant.So2);
        Assert.Equal(EmissionMethod.Measured, so2.Method);
        Assert.Equal(4.554, so2.Mass!.Value.Kilograms, 9);
    }

    [Fact]
    public void Measured_StoppedAndFlaggedHours_AreCountedAndEmitNothing()
    {
        EmissionInventory inventory = s_default.Compute(EmissionsFixture.Create(), 2024);

        // SO2: 00:00 valid; 01:00 stopped; 02:00 calibration; 03:00 row N but so2_flag D overrides it.
        OutletEmission so2 = Row(inventory, "O1", Pollutant.So2);
        Assert.Equal(new HourCounts(Rows: 4, Valid: 1, Stopped: 1, Invalid: 2, Absent: (31 * 24) - 4, Substituted: 0), so2.Hours);

        // PM has no value flag: 03:00 is valid, so 5.1 × 180 000 + 10 × 200 000 mg.
        OutletEmission pm = Row(inventory, "O1", Pollutant.Pm);
        Assert.Equal(2.918, pm.Mass!.Value.Kilograms, 9);
        Assert.Equal(2, pm.Hours!.Valid);
    }

    [Fact]
    public void Measured_RowFlagApplies_WhenTheTableHasNoValueFlags()
    {
        EmissionInventory inventory = s_default.Compute(EmissionsFixture.Create(cems: EmissionsFixture.Cems(so2ValueFlags: false)), 2024);

        OutletEmission so2 = Row(inventory, "O1", Pollutant.So2);
        Assert.Equal((25.3 * 180_000) + (40 * 200_000), so2.Mass!.Value.Milligrams, 6);
        Assert.Equal(2, so2.Hours!.Valid);
    }

    [Fact]
    public void Measured_SubstitutionPolicy_FillsInvalidRunningHoursOnly_AndSaysSo()
    {
        var calculator = new EmissionInventoryCalculator(new EmissionInventoryOptions { Substitution = SubstitutionPolicy.MonthlyMeanOfValidHours });

        EmissionInventory inventory = calculator.Compute(EmissionsFixture.Create(), 2024);

        OutletEmission so2 = Row(inventory, "O1", Pollutant.So2);
        Assert.Equal(3 * 4.554, so2.Mass!.Value.Kilograms, 9); // the valid hour plus two filled; the stopped hour stays 0
        Assert.Equal(2, so2.Hours!.Substituted);
        Assert.Contains(inventory.Assumptions, a => a.Contains("substitution policy", StringComparison.Ordinal));
    }

    [Fact]
    public void Factor_IsActivityTimesFactorTimesTreatmentChain_PerMonth()
    {
        EmissionInventory inventory = s_default.Compute(EmissionsFixture.Create(), 2024);

        OutletEmission[] so2 = Rows(inventory, "O2", Pollutant.So2);
        Assert.All(so2, r => Assert.Equal(EmissionMethod.Factor, r.Method));
        Assert.Equal([0.25, 0.125], so2.Select(r => Math.Round(r.Mass!.Value.Tonnes, 12))); // 1000 t × 2.5 kg/t × (1 − 0.90), then 500 t
        Assert.Equal(0.018, Rows(inventory, "O2", Pollutant.Pm).Sum(r => r.Mass!.Value.Tonnes), 12); // 1500 × 1.2 × (1 − 0.99)
        Assert.Equal(1.35, Rows(inventory, "O2", Pollutant.Nox).Sum(r => r.Mass!.Value.Tonnes), 12); // 1500 × 0.9, no treatment
        Assert.All(so2, r => Assert.Equal(EmissionsFixture.FactorSource, r.Basis));
        Assert.Contains(inventory.Assumptions, a => a.Contains(EmissionsFixture.FactorSource, StringComparison.Ordinal));
    }

    [Fact]
    public void MassBalance_WinsOverFactor_ForSo2_WithSulfurInputs()
    {
        var sulfur = new SulfurBalanceInput("K1", new Dictionary<string, MassFraction> { ["coal"] = MassFraction.FromPercent(1) }, Ratio.FromPercent(20), "assay 2024-01");
        var calculator = new EmissionInventoryCalculator(new EmissionInventoryOptions { SulfurBalances = [sulfur] });

        EmissionInventory inventory = calculator.Compute(EmissionsFixture.Create(), 2024);

        OutletEmission[] so2 = Rows(inventory, "O2", Pollutant.So2);
        Assert.All(so2, r => Assert.Equal(EmissionMethod.MassBalance, r.Method));

        // 100 t coal × 1 % S × (1 − 20 %) × M(SO2)/M(S) × (1 − 90 % FGD), then 50 t.
        double ratio = EmissionInventoryCalculator.SulfurDioxidePerSulfur;
        Assert.Equal(100 * 0.01 * 0.8 * ratio * 0.1, so2[0].Mass!.Value.Tonnes, 12);
        Assert.Equal(50 * 0.01 * 0.8 * ratio * 0.1, so2[1].Mass!.Value.Tonnes, 12);
        Assert.All(Rows(inventory, "O2", Pollutant.Pm), r => Assert.Equal(EmissionMethod.Factor, r.Method)); // mass balance is for SO2 only
        Assert.Equal(EmissionMethod.Measured, Row(inventory, "O1", Pollutant.So2).Method); // measured still comes first
    }

    [Fact]
    public void MassBalance_MolarRatio_IsFromIupacAtomicWeights()
    {
        Assert.Equal(1.998066, EmissionInventoryCalculator.SulfurDioxidePerSulfur, 6); // (32.06 + 2 × 15.999) / 32.06
    }

    [Fact]
    public void MassBalance_CarrierWithoutSulfurContent_FallsBackToFactor_AndNamesTheCarrier()
    {
        var sulfur = new SulfurBalanceInput("K1", new Dictionary<string, MassFraction> { ["coke"] = MassFraction.FromPercent(1) }, Ratio.FromPercent(20), "assay");
        var calculator = new EmissionInventoryCalculator(new EmissionInventoryOptions { SulfurBalances = [sulfur] });

        EmissionInventory inventory = calculator.Compute(EmissionsFixture.Create(), 2024);

        Assert.All(Rows(inventory, "O2", Pollutant.So2), r => Assert.Equal(EmissionMethod.Factor, r.Method));
        Assert.Contains(inventory.Missing, m => m.Contains("no sulfur content for 'coal'", StringComparison.Ordinal) && m.Contains("'K1'", StringComparison.Ordinal));
    }

    [Fact]
    public void Override_ForcesTheMethod_AndAMissingInputIsNamedNotGuessed()
    {
        var calculator = new EmissionInventoryCalculator(new EmissionInventoryOptions { Overrides = [new MethodOverride("O1", Pollutant.So2, EmissionMethod.Factor)] });

        EmissionInventory inventory = calculator.Compute(EmissionsFixture.Create(), 2024);

        OutletEmission so2 = Row(inventory, "O1", Pollutant.So2);
        Assert.Equal(EmissionMethod.Factor, so2.Method);
        Assert.Null(so2.Mass);
        Assert.Contains(inventory.Missing, m => m == "No emission factor in emission_factors for facility 'F1': industry_code 3140, product FeSi75, process closed_furnace, pollutant so2.");
        Assert.Null(inventory.Total(Pollutant.So2)); // a total that contains an unknown row is unknown
        Assert.NotNull(inventory.Total(Pollutant.Pm));
    }

    [Fact]
    public void MissingFactor_IsReportedByName_AndTheOutletHasNoMethod()
    {
        EmissionFactor[] factors = EmissionsFixture.Factors().Where(f => f.Pollutant != "nox").ToArray();

        EmissionInventory inventory = s_default.Compute(EmissionsFixture.Create(factors: factors), 2024);

        OutletEmission nox = Row(inventory, "O2", Pollutant.Nox);
        Assert.Null(nox.Method);
        Assert.Null(nox.Mass);
        Assert.Contains("No emission factor in emission_factors for facility 'K1': industry_code 3071, product ceramic_tile, process ceramic_kiln, pollutant nox.", inventory.Missing);
    }

    [Fact]
    public void Factor_NullActivity_MakesThatMonthUnknown_AndNamesTheCell()
    {
        EnergyLedgerEntry[] ledger =
        [
            .. EmissionsFixture.Ledger().Where(r => r.FacilityId == "F1"),
            new EnergyLedgerEntry("K1", new DateOnly(2024, 1, 1), "ceramic_tile", Mass.FromTonnes(1000)),
            new EnergyLedgerEntry("K1", new DateOnly(2024, 2, 1), "ceramic_tile", Mass.FromTonnes(500)),
        ];
        EmissionFactor[] factors = [.. EmissionsFixture.Factors().Where(f => f.Pollutant != "so2"), new EmissionFactor("3071", "ceramic_tile", "ceramic_kiln", "so2", 20, "coal", "per t coal")];

        EmissionInventory inventory = s_default.Compute(EmissionsFixture.Create(factors: factors, ledger: ledger), 2024);

        Assert.All(Rows(inventory, "O2", Pollutant.So2), r => Assert.Null(r.Mass));
        Assert.Contains("energy_ledger of facility 'K1', 2024-01, ceramic_tile: 'coal' is null; the so2 estimate of that month is unknown.", inventory.Missing);
    }

    [Fact]
    public void Factor_FacilityWithTwoOutlets_SplitsInEqualShares_AndSaysSo()
    {
        Outlet[] outlets = [.. EmissionsFixture.Outlets(), new Outlet("O3", "K1", Pollutant.Nox, cemsInstalled: false)];

        EmissionInventory inventory = s_default.Compute(EmissionsFixture.Create(outlets: outlets), 2024);

        Assert.Equal(0.675, Rows(inventory, "O2", Pollutant.Nox).Sum(r => r.Mass!.Value.Tonnes), 12);
        Assert.Equal(0.675, Rows(inventory, "O3", Pollutant.Nox).Sum(r => r.Mass!.Value.Tonnes), 12);
        Assert.Contains(inventory.Assumptions, a => a.StartsWith("Facility 'K1' has 2 outlets for nox", StringComparison.Ordinal));
    }

    [Fact]
    public void Totals_AddUpPerEnterpriseTownshipAndMonth_WithTheirMethods()
    {
        EmissionInventory inventory = s_default.Compute(EmissionsFixture.Create(), 2024);

        EmissionTotal[] byTownship = inventory.Totals(EmissionGrouping.Township).Where(t => t.Pollutant == Pollutant.So2).ToArray();
        Assert.Equal(["changle", "zhenluo"], byTownship.Select(t => t.GroupId));
        Assert.Equal(0.375, byTownship[0].Mass!.Value.Tonnes, 12);
        Assert.Equal([EmissionMethod.Factor], byTownship[0].Methods);
        Assert.Equal(0.375 + 0.004554, inventory.Total(Pollutant.So2)!.Value.Tonnes, 12);

        EmissionTotal[] monthly = inventory.Totals(EmissionGrouping.Enterprise, monthly: true).Where(t => t.GroupId == "E2" && t.Pollutant == Pollutant.So2).ToArray();
        Assert.Equal([1, 2], monthly.Select(t => t.Month!.Value));
    }

    [Fact]
    public void FacilityWithLedgerButNoOutlet_IsReportedMissing()
    {
        Facility[] facilities = [.. EmissionsFixture.Facilities(), new Facility("D1", "E2", FacilityKind.Dryer, FacilityStatus.Running, product: "ceramic_tile")];
        EnergyLedgerEntry[] ledger = [.. EmissionsFixture.Ledger(), new EnergyLedgerEntry("D1", new DateOnly(2024, 3, 1), "ceramic_tile", Mass.FromTonnes(10))];

        EmissionInventory inventory = s_default.Compute(EmissionsFixture.Create(facilities: facilities, ledger: ledger), 2024);

        Assert.Contains("Facility 'D1' has energy_ledger rows in 2024 but no outlet row for pm; its pm emission is not in the inventory.", inventory.Missing);
    }

    private static OutletEmission Row(EmissionInventory inventory, string outlet, Pollutant pollutant) =>
        Assert.Single(Rows(inventory, outlet, pollutant));

    private static OutletEmission[] Rows(EmissionInventory inventory, string outlet, Pollutant pollutant) =>
        inventory.Rows.Where(r => r.OutletId == outlet && r.Pollutant == pollutant).ToArray();
}
