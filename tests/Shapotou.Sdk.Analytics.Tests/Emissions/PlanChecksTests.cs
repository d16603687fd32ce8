using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Analytics.Tests.Emissions;

public sealed class PlanChecksTests
{
    private static readonly DateOnly s_asOf = new(2025, 7, 1);
    private static readonly DateTime s_hour = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Unspecified);

    [Theory]
    [InlineData(30.0, CheckOutcome.Pass)] // ≤ 30 includes the boundary
    [InlineData(30.01, CheckOutcome.Fail)]
    public void FerroalloyDemonstrationPm_BothSidesOf30(double pm, CheckOutcome expected)
    {
        ClusterDataset data = Dataset(
            [new Facility("F1", "E1", FacilityKind.SubmergedArcFurnace, FacilityStatus.Running, product: "FeSi75", enclosure: FurnaceEnclosure.Closed)],
            [],
            Hours("O1", pm: [12, pm]));

        PlanCheck check = Single(data, "ferroalloy_demonstration_pm");

        Assert.Equal(expected, check.Outcome);
        Assert.Equal(pm, check.Value);
        Assert.Equal("P", check.Source.ConfidenceMark);
    }

    [Theory]
    [InlineData(95.0, CheckOutcome.Pass)]
    [InlineData(94.9, CheckOutcome.Fail)]
    public void FerroalloyDemonstrationDesulfurisation_BothSidesOf95(double efficiency, CheckOutcome expected)
    {
        ClusterDataset data = Dataset(
            [new Facility("F1", "E1", FacilityKind.SubmergedArcFurnace, FacilityStatus.Running, product: "FeSi75")],
            [new TreatmentFacility("T1", "F1", TreatmentKind.WetFgd, Pollutant.So2, Ratio.FromPercent(efficiency))],
            Hours("O1", pm: [5]));

        PlanCheck check = Single(data, "ferroalloy_demonstration_desulfurisation");

        Assert.Equal(expected, check.Outcome);
        Assert.Equal(efficiency, check.Value!.Value, 9);
    }

    [Fact]
    public void FerroalloyDemonstrationDesulfurisation_TwoStagesInSeries_Combine()
    {
        ClusterDataset data = Dataset(
            [new Facility("F1", "E1", FacilityKind.SubmergedArcFurnace, FacilityStatus.Running, product: "FeSi75")],
            [
                new TreatmentFacility("T1", "F1", TreatmentKind.SemiDryFgd, Pollutant.So2, Ratio.FromPercent(80)),
                new TreatmentFacility("T2", "F1", TreatmentKind.WetFgd, Pollutant.So2, Ratio.FromPercent(75)),
            ],
            Hours("O1", pm: [5]));

        PlanCheck check = Single(data, "ferroalloy_demonstration_desulfurisation");

        Assert.Equal(95, check.Value!.Value, 9); // 1 − 0.2 × 0.25
        Assert.Equal(CheckOutcome.Pass, check.Outcome);
    }

    [Theory]
    [InlineData(45.0, 12.0, 55.0, CheckOutcome.Fail)] // W7: 45 at 12 % O2 is 55.0 at 10 %
    [InlineData(50.0, 10.0, 50.0, CheckOutcome.Pass)] // at the boundary: ≤ 50
    public void CementKilnNox_IsJudgedAtTenPercentOxygen(double nox, double oxygen, double atReference, CheckOutcome expected)
    {
        ClusterDataset data = Dataset(
            [new Facility("K1", "E1", FacilityKind.CementKiln, FacilityStatus.Running, product: "clinker")],
            [],
            Hours("O1", nox: [nox], oxygen: oxygen));

        PlanCheck check = Single(data, "cement_kiln_nox");

        Assert.Equal(expected, check.Outcome);
        Assert.Equal(atReference, check.Value!.Value, 9);
    }

    [Fact]
    public void CementKilnAmmoniaSlip_MonitoredOnlyWithValidNh3Hours()
    {
        Facility[] kiln = [new Facility("K1", "E1", FacilityKind.CementKiln, FacilityStatus.Running, product: "clinker")];

        Assert.Equal(CheckOutcome.Fail, Single(Dataset(kiln, [], Hours("O1", nox: [40])), "cement_kiln_ammonia_slip_monitored").Outcome);
        Assert.Equal(CheckOutcome.Pass, Single(Dataset(kiln, [], Hours("O1", nox: [40], nh3: 2.5)), "cement_kiln_ammonia_slip_monitored").Outcome);
    }

    [Theory]
    [InlineData(1.0, null, 49.99, CheckOutcome.Pass)] // 1 t/h is in scope; < 50 passes
    [InlineData(1.0, null, 50.0, CheckOutcome.Fail)] // 50 is not below 50 (小于50)
    [InlineData(0.9, null, 80.0, CheckOutcome.NotApplicable)]
    [InlineData(null, 0.7, 60.0, CheckOutcome.Fail)] // 0.7 MW is in scope
    [InlineData(null, 0.69, 60.0, CheckOutcome.NotApplicable)]
    public void GasBoilerNox_ScopeAndStrictFifty(double? steam, double? megawatts, double noxAtReference, CheckOutcome expected)
    {
        var boiler = new Facility("B1", "E1", FacilityKind.Boiler, FacilityStatus.Running, product: "steam",
            steamCapacity: steam is { } s ? MassFlow.FromTonnesPerHour(s) : null,
            thermalPower: megawatts is { } m ? Power.FromMegawatts((decimal)m) : null,
            fuel: "natural_gas");

        // At 3.5 % O2 measured, the reference value equals the measured one.
        PlanCheck check = Single(Dataset([boiler], [], Hours("O1", nox: [noxAtReference], oxygen: 3.5)), "gas_boiler_nox");

        Assert.Equal(expected, check.Outcome);
    }

    [Theory]
    [InlineData(10.0, FacilityStatus.Running, CheckOutcome.Fail)]
    [InlineData(10.0, FacilityStatus.Retired, CheckOutcome.Pass)]
    [InlineData(10.5, FacilityStatus.Running, CheckOutcome.NotApplicable)]
    public void CoalBoilerRetired_TenTonnesPerHourOrLess(double steam, FacilityStatus status, CheckOutcome expected)
    {
        var boiler = new Facility("B1", "E1", FacilityKind.Boiler, status, product: "steam", steamCapacity: MassFlow.FromTonnesPerHour(steam), fuel: "coal");

        Assert.Equal(expected, Single(Dataset([boiler], [], null), "coal_boiler_retired").Outcome);
    }

    [Fact]
    public void GasBoiler_WithoutCems_IsUnknown_AndSaysWhy()
    {
        var boiler = new Facility("B1", "E1", FacilityKind.Boiler, FacilityStatus.Running, product: "steam", steamCapacity: MassFlow.FromTonnesPerHour(4), fuel: "natural_gas");

        PlanCheck check = Single(Dataset([boiler], [], null), "gas_boiler_nox");

        Assert.Equal(CheckOutcome.Unknown, check.Outcome);
        Assert.Contains("No nox CEMS hours", check.Detail, StringComparison.Ordinal);
    }

    private static PlanCheck Single(ClusterDataset data, string id) =>
        Assert.Single(PlanChecks.Evaluate(data, 2024, ReferenceCatalogue.Builtin, s_asOf), c => c.CheckId == id);

    private static ClusterDataset Dataset(Facility[] facilities, TreatmentFacility[] treatments, CemsHourlyTable? cems) =>
        new(
            "checks",
            illustrative: false,
            [new Enterprise("E1", "Works", "zhenluo", facilities[0].Kind == FacilityKind.SubmergedArcFurnace ? "3140" : "3011", aboveScale: true)],
            facilities,
            treatments,
            [.. new[] { Pollutant.Pm, Pollutant.So2, Pollutant.Nox }.Select(p => new Outlet("O1", facilities[0].FacilityId, p, cemsInstalled: cems is not null))],
            [],
            [],
            [],
            cems);

    private static CemsHourlyTable Hours(string outlet, double[]? pm = null, double[]? nox = null, double oxygen = 10, double? nh3 = null)
    {
        int n = Math.Max(pm?.Length ?? 0, nox?.Length ?? 0);
        double[] Fill(double[]? values) => values ?? Enumerable.Repeat(1.0, n).ToArray();
        return new CemsHourlyTable(
            Enumerable.Repeat(outlet, n).ToArray(),
            Enumerable.Range(0, n).Select(h => s_hour.AddHours(h)).ToArray(),
            new QuantityColumn<MassConcentration>(Fill(null), MassConcentrationUnit.MilligramPerCubicMeter),
            new QuantityColumn<MassConcentration>(Fill(nox), MassConcentrationUnit.MilligramPerCubicMeter),
            new QuantityColumn<MassConcentration>(Fill(pm), MassConcentrationUnit.MilligramPerCubicMeter),
            new QuantityColumn<VolumeConcentration>(Enumerable.Repeat(oxygen, n).ToArray(), VolumeConcentrationUnit.Percent),
            new QuantityColumn<VolumeFlow>(Enumerable.Repeat(100_000.0, n).ToArray(), VolumeFlowUnit.CubicMeterPerHour),
            Enumerable.Repeat(DataFlag.N, n).ToArray(),
            nh3 is { } a ? new CemsOptionalColumns { Nh3 = new QuantityColumn<MassConcentration>(Enumerable.Repeat(a, n).ToArray(), MassConcentrationUnit.MilligramPerCubicMeter) } : null);
    }
}
