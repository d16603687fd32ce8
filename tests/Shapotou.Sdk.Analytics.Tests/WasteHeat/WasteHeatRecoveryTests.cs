using Shapotou.Sdk.Analytics.WasteHeat;
using Shapotou.Sdk.Model;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Tests.WasteHeat;

public sealed class WasteHeatRecoveryTests
{
    private static Facility Furnace(string id, bool recovery, double capacity) =>
        new(id, "fesi", FacilityKind.SubmergedArcFurnace, FacilityStatus.Running, annualCapacity: Mass.FromTonnes(capacity), wasteHeatRecovery: recovery);

    [Fact]
    public void Coverage_CountsFurnacesAndCapacity_AndPowerPerTonne()
    {
        var data = new ClusterDataset(
            "test",
            true,
            [new Enterprise("fesi", "FeSi", "zhenluo", "3140", true)],
            [Furnace("f1", true, 30_000), Furnace("f2", true, 30_000), Furnace("f3", true, 30_000), Furnace("f4", false, 10_000)],
            [],
            [],
            [
                new EnergyLedgerEntry("f1", new DateOnly(2024, 1, 1), "FeSi75", Mass.FromTonnes(2_000), wasteHeatPowerGenerated: Energy.FromKilowattHours(1_800_000)),
                new EnergyLedgerEntry("f2", new DateOnly(2024, 1, 1), "FeSi75", Mass.FromTonnes(1_000), wasteHeatPowerGenerated: Energy.FromKilowattHours(900_000)),
                new EnergyLedgerEntry("f4", new DateOnly(2024, 1, 1), "FeSi75", Mass.FromTonnes(1_000), wasteHeatPowerGenerated: Energy.FromKilowattHours(0)),
            ],
            [],
            [],
            null);

        WasteHeatCoverage coverage = WasteHeatRecovery.Coverage(data, new HashSet<string> { "fesi" }, 2024);

        Assert.Equal(4, coverage.Furnaces);
        Assert.Equal(3, coverage.FurnacesWithRecovery);
        Assert.Equal(75.0, coverage.Coverage!.Value.Percent);
        Assert.Equal(90.0, coverage.CapacityCoverage!.Value.Percent, 12);
        Assert.Equal(900, coverage.PowerPerTonne!.Value.KilowattHoursPerTonne, 12);
    }

    [Fact]
    public void ByEnterprise_CountsTheFurnacesOfCoverage_WithTheUnknownApart()
    {
        var data = new ClusterDataset(
            "test",
            true,
            [new Enterprise("b", "B", "zhenluo", "3140", true), new Enterprise("a", "A", "zhenluo", "3140", true), new Enterprise("c", "C", "zhenluo", "3011", true)],
            [
                new Facility("b1", "b", FacilityKind.SubmergedArcFurnace, FacilityStatus.Running, wasteHeatRecovery: true),
                new Facility("b2", "b", FacilityKind.SubmergedArcFurnace, FacilityStatus.Running, wasteHeatRecovery: false),
                new Facility("b3", "b", FacilityKind.SubmergedArcFurnace, FacilityStatus.Idle, annualCapacity: Mass.FromTonnes(10_000), wasteHeatRecovery: null),
                new Facility("a1", "a", FacilityKind.SubmergedArcFurnace, FacilityStatus.Running, annualCapacity: Mass.FromTonnes(10_000), wasteHeatRecovery: true),
                new Facility("a2", "a", FacilityKind.Boiler, FacilityStatus.Running, wasteHeatRecovery: false),
                new Facility("c1", "c", FacilityKind.SubmergedArcFurnace, FacilityStatus.Running, wasteHeatRecovery: false),
            ],
            [],
            [],
            [],
            [],
            [],
            null);
        var ids = new HashSet<string> { "a", "b" };

        IReadOnlyList<EnterpriseWasteHeat> rows = WasteHeatRecovery.ByEnterprise(data, ids);
        WasteHeatCoverage coverage = WasteHeatRecovery.Coverage(data, ids, 2024);

        Assert.Equal([new EnterpriseWasteHeat("a", 1, 0, 0), new EnterpriseWasteHeat("b", 1, 1, 1)], rows);
        Assert.Equal(coverage.Furnaces, rows.Sum(r => r.Furnaces));
        Assert.Equal(coverage.FurnacesWithRecovery, rows.Sum(r => r.FurnacesWithRecovery));
        Assert.Null(coverage.Coverage);
        Assert.Null(coverage.PowerPerTonne);
    }

    [Fact]
    public void AvailableHeat_IsFlowTimesTemperatureDropTimesSpecificHeat()
    {
        // 36 000 m3/h = 10 m3/s; 450 °C down to 150 °C = 300 K; 1.4 kJ/(m3·K) (a caller's cited value) → 4 200 kW.
        Power heat = WasteHeatRecovery.AvailableHeat(
            VolumeFlow.FromCubicMetersPerHour(36_000), Temperature.FromDegreesCelsius(450), Temperature.FromDegreesCelsius(150), VolumetricHeatCapacity.FromKilojoulesPerCubicMeterKelvin(1.4));

        Assert.Equal(4_200, heat.Kilowatts, 9);
        Assert.Throws<ArgumentOutOfRangeException>(() => WasteHeatRecovery.AvailableHeat(
            VolumeFlow.FromCubicMetersPerHour(1), Temperature.FromDegreesCelsius(450), Temperature.FromDegreesCelsius(150), VolumetricHeatCapacity.Zero));
    }

    [Fact]
    public void UtilisationRate_IsRecoveredOverAvailable()
    {
        Assert.Equal(50.0, WasteHeatUtilisation.Rate(Power.FromKilowatts(2_100), Power.FromMegawatts(4.2))!.Value.Percent, 12);
        Assert.Null(WasteHeatUtilisation.Rate(Power.Zero, Power.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => WasteHeatUtilisation.Rate(Power.FromKilowatts(-1), Power.FromKilowatts(1)));
    }
}
