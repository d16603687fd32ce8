using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Concentrations;
using Shapotou.Sdk.Model;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Tests.Emissions;

public sealed class ComplianceAndTreatmentTests
{
    [Fact]
    public void Compliance_PermitAtReferenceOxygen_CountsHoursAbove_AndNamesMissingLimits()
    {
        // O1 SO2 permit 20 mg/m3 at 12 % O2 (fixture hours at 12.5 % O2: 25.3 → 25.3 × 9 / 8.5 = 26.79).
        Outlet[] outlets =
        [
            .. EmissionsFixture.Outlets().Where(o => !(o.OutletId == "O1" && o.Pollutant == Pollutant.So2)),
            new Outlet("O1", "F1", Pollutant.So2, limitValue: MassConcentration.FromMilligramsPerCubicMeter(20), referenceOxygen: VolumeConcentration.FromPercent(12), standard: "permit", cemsInstalled: true),
        ];

        ComplianceResult result = PermitCompliance.Evaluate(EmissionsFixture.Create(outlets: outlets), 2024);

        OutletCompliance so2 = Assert.Single(result.Outlets);
        Assert.Equal(1, so2.ValidHours); // the D-flagged value and the calibration hour are not judged
        Assert.Equal(1, so2.OverLimitHours);
        Assert.Equal(25.3 * 9 / 8.5, so2.MaxHourly!.Value.MilligramsPerCubicMeter, 9);
        Assert.False(so2.Compliant);
        Assert.Contains("Outlet 'O1', pm: no limit_value in outlets and none given (standard: not given); its hours are not judged.", result.Missing);
    }

    [Fact]
    public void Compliance_CallerLimit_ReplacesThePermit_AtTheBoundaryIsCompliant()
    {
        var limits = new Dictionary<(string, Pollutant), EmissionLimit>
        {
            [("O1", Pollutant.Pm)] = EmissionLimit.Of(MassConcentration.FromMilligramsPerCubicMeter(10), ConcentrationBasis.Measured, "ultra-low example"),
        };

        ComplianceResult result = PermitCompliance.Evaluate(EmissionsFixture.Create(), 2024, limits);

        OutletCompliance pm = Assert.Single(result.Outlets);
        Assert.Equal(10, pm.MaxHourly!.Value.MilligramsPerCubicMeter); // the 03:00 hour is exactly 10
        Assert.True(pm.Compliant);
    }

    [Theory]
    [InlineData(1000.0, 10.0, 99.0, TreatmentGrade.Normal)] // 99 % removal against a 99 % design
    [InlineData(1000.0, 40.0, 99.0, TreatmentGrade.Warning)] // 96 %: 3 points below
    [InlineData(1000.0, 100.0, 99.0, TreatmentGrade.Alarm)] // 90 %: 9 points below
    public void Treatment_GradesRemovalAgainstDesign(double inlet, double outlet, double design, TreatmentGrade expected)
    {
        ClusterDataset data = EmissionsFixture.Create() is var d
            ? new ClusterDataset(d.Name, false, d.Enterprises, d.Facilities, [new TreatmentFacility("T1", "K1", TreatmentKind.BagFilter, Pollutant.Pm, Ratio.FromPercent(design))], d.Outlets, d.EnergyLedger, [], d.EmissionFactors, d.CemsHourly)
            : throw new InvalidOperationException();
        TreatmentReading[] readings = Enumerable.Range(0, 10)
            .Select(h => new TreatmentReading("T1", EmissionsFixture.Start.AddHours(h), MassConcentration.FromMilligramsPerCubicMeter(inlet), MassConcentration.FromMilligramsPerCubicMeter(outlet)))
            .ToArray();

        (IReadOnlyList<TreatmentResult> results, IReadOnlyList<string> assumptions) = TreatmentAssessment.Assess(data, readings);

        TreatmentResult t1 = Assert.Single(results);
        Assert.Equal(expected, t1.Grade);
        Assert.Equal((1 - (outlet / inlet)) * 100, t1.Removal!.Value.Percent, 9);
        Assert.Contains(assumptions, a => a.Contains("default thresholds", StringComparison.Ordinal));
    }

    [Fact]
    public void Treatment_OverallAtDesignButUnstable_IsWatch_AndFlowsWeighTheHours()
    {
        ClusterDataset d = EmissionsFixture.Create();
        var data = new ClusterDataset(d.Name, false, d.Enterprises, d.Facilities, [new TreatmentFacility("T1", "K1", TreatmentKind.BagFilter, Pollutant.Pm, Ratio.FromPercent(90))], d.Outlets, d.EnergyLedger, [], d.EmissionFactors, d.CemsHourly);
        VolumeFlow q = VolumeFlow.FromCubicMetersPerHour(1000);

        // Hour 1: 100 → 0 (100 %); hour 2: 100 → 15 (85 %). Overall 92.5 % ≥ 90 %, but only half the hours reach 90 %.
        TreatmentReading[] readings =
        [
            new("T1", EmissionsFixture.Start, MassConcentration.FromMilligramsPerCubicMeter(100), MassConcentration.Zero, q, q),
            new("T1", EmissionsFixture.Start.AddHours(1), MassConcentration.FromMilligramsPerCubicMeter(100), MassConcentration.FromMilligramsPerCubicMeter(15), q, q),
        ];

        TreatmentResult t1 = Assert.Single(TreatmentAssessment.Assess(data, readings).Results);

        Assert.Equal(TreatmentGrade.Watch, t1.Grade);
        Assert.Equal(92.5, t1.Removal!.Value.Percent, 9);
        Assert.Equal(50, t1.StableShare!.Value.Percent, 9);
    }

    [Fact]
    public void Treatment_ReadingForUnknownFacility_IsNamed()
    {
        TreatmentReading[] readings = [new("T9", EmissionsFixture.Start, MassConcentration.FromMilligramsPerCubicMeter(1), MassConcentration.Zero)];

        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => TreatmentAssessment.Assess(EmissionsFixture.Create(), readings));

        Assert.Equal("treatment_hourly, row 0: treatment_id 'T9' is not in treatment_facilities.", error.Message);
    }

    [Fact]
    public void TreatmentReading_HourMarkedLocal_IsRefused()
    {
        var local = new DateTime(2024, 6, 1, 8, 0, 0, DateTimeKind.Local);

        ArgumentException error = Assert.Throws<ArgumentException>(() =>
            new TreatmentReading("T1", local, MassConcentration.FromMilligramsPerCubicMeter(900), MassConcentration.FromMilligramsPerCubicMeter(20)));

        Assert.Equal("Hour", error.ParamName);
        Assert.Equal(
            "The treatment hour is 2024-06-01 08:00:00 marked as the machine's local time; expected China Standard Time wall clock, a time not marked with a zone (convert UTC by adding 8 hours). (Parameter 'Hour')",
            error.Message);
    }

    [Fact]
    public void TreatmentOptions_OutOfRange_AreRefusedOnInit()
    {
        var share = Assert.Throws<ArgumentOutOfRangeException>(() => new TreatmentAssessmentOptions { StableShare = Ratio.FromPercent(101) });
        var inlet = Assert.Throws<ArgumentOutOfRangeException>(() => new TreatmentAssessmentOptions { MinimumInlet = MassConcentration.FromMilligramsPerCubicMeter(-1) });

        Assert.StartsWith("The stable share must be from 0 to 100 %.", share.Message, StringComparison.Ordinal);
        Assert.StartsWith("The minimum inlet concentration must be finite and at least 0.", inlet.Message, StringComparison.Ordinal);
        Assert.Equal(90, new TreatmentAssessmentOptions().StableShare.Percent);
    }
}
