using Shapotou.Sdk.Concentrations;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Monitoring.Aggregation;
using Shapotou.Sdk.Units;
using Shapotou.Sdk.Monitoring.Compliance;
using Shapotou.Sdk.Reference;
using Shapotou.Sdk.TestKit;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Monitoring.Tests.Compliance;

public sealed class ComplianceTests
{
    private static readonly DateOnly s_asOf = new(2025, 1, 1);
    private static readonly DateTime s_hour = new(2025, 1, 1, 0, 0, 0);

    private static EmissionLimit Catalogue(string key, double referenceO2) =>
        EmissionLimit.FromReference(ReferenceCatalogue.Builtin.Get(key, s_asOf), ConcentrationBasis.AtReferenceOxygen(VolumeConcentration.FromPercent(referenceO2)));

    private static CemsRecords Hours(string outlet, params (double Nox, double O2, DataFlag Flag)[] hours)
    {
        var builder = new CemsRecordsBuilder(CemsInterval.Hour);
        for (int h = 0; h < hours.Length; h++)
        {
            builder.AddRow(outlet, s_hour.AddHours(h), hours[h].Flag)
                .SetValue(CemsChannel.Nox, hours[h].Nox, validCount: 60)
                .SetValue(CemsChannel.Oxygen, hours[h].O2, validCount: 60);
        }

        return builder.Build();
    }

    [Fact]
    public void Check_GasBoilerW7_ConvertsTo3Point5PercentAndGradesAgainstPermitAndSecondLimit()
    {
        // W7: gas boiler NOx 40 mg/m3 at O2 7.0 % → 40 × 17.5 / 14 = 50.0 at the reference 3.5 %.
        EmissionLimit gb13271 = Catalogue("emissions.limit.gb13271.table_2.gas_boiler.nox", 3.5); // 200 mg/m3
        EmissionLimit tight = EmissionLimit.Of(MassConcentration.FromMilligramsPerCubicMeter(50), gb13271.Basis, "test limit of 50");
        var rule = new ComplianceRule("DA001", Pollutant.Nox, gb13271, 0.8, tight);

        ConcentrationComplianceResult result = ConcentrationCompliance.Check(Hours("DA001", (40, 7.0, DataFlag.N)), [rule]);

        Assert.Empty(result.NotJudged);
        Assert.Equal(2, result.Checks.Count);
        ConcentrationCheck permit = result.Checks[0];
        Assert.Equal(LimitKind.Permit, permit.Kind);
        Assert.Equal(50.0, permit.Concentration.Value.MilligramsPerCubicMeter);
        Assert.Equal(0.25, permit.Comparison.Ratio);
        Assert.Equal(ComplianceLevel.Compliant, permit.Level);
        ConcentrationCheck ultraLow = result.Checks[1];
        Assert.Equal(LimitKind.UltraLow, ultraLow.Kind);
        Assert.Equal(1.0, ultraLow.Comparison.Ratio);
        Assert.False(ultraLow.Comparison.Exceeds); // equal to the limit complies
        Assert.Equal(ComplianceLevel.Warning, ultraLow.Level);
    }

    [Fact]
    public void Check_CementKilnW7_ExceedsTheUltraLowLimitNotThePermit()
    {
        // W7: cement kiln NOx 45 mg/m3 at O2 12 % → 45 × 11 / 9 = 55.0 at 10 %.
        EmissionLimit permit = Catalogue("emissions.limit.gb4915.table_1.cement_kiln.nox", 10); // 400
        EmissionLimit ultraLow = Catalogue("emissions.limit.cement_ultra_low_2024.kiln.nox", 10); // 50, an S row
        var rule = new ComplianceRule("K1", Pollutant.Nox, permit, 0.8, ultraLow);

        IReadOnlyList<ConcentrationCheck> checks = ConcentrationCompliance.Check(Hours("K1", (45, 12, DataFlag.N)), [rule]).Checks;

        Tolerance.AssertClose(55.0, checks[0].Concentration.Value.MilligramsPerCubicMeter, 1e-12);
        Assert.Equal(ComplianceLevel.Compliant, checks[0].Level);
        Assert.Equal(ComplianceLevel.Exceeds, checks[1].Level);
        Tolerance.AssertClose(1.1, checks[1].Comparison.Ratio, 1e-12);
        Assert.Contains("[emissions.limit.cement_ultra_low_2024.kiln.nox, S]", checks[1].Limit.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_InvalidHoursAndMissingOxygen_AreListedNotJudged()
    {
        EmissionLimit permit = Catalogue("emissions.limit.gb4915.table_1.cement_kiln.nox", 10);
        var measured = EmissionLimit.Of(MassConcentration.FromMilligramsPerCubicMeter(100), ConcentrationBasis.Measured, "measured-basis test limit");
        CemsRecords hours = Hours("K1", (45, 12, DataFlag.N), (45, 12, DataFlag.C), (45, double.NaN, DataFlag.N), (120, double.NaN, DataFlag.N));

        ConcentrationComplianceResult atReference = ConcentrationCompliance.Check(hours, [new ComplianceRule("K1", Pollutant.Nox, permit, 0.8)]);
        Assert.Single(atReference.Checks);
        Assert.Equal(
            [(s_hour.AddHours(1), NotJudgedReason.InvalidConcentration, DataFlag.C), (s_hour.AddHours(2), NotJudgedReason.InvalidOxygen, DataFlag.N), (s_hour.AddHours(3), NotJudgedReason.InvalidOxygen, DataFlag.N)],
            atReference.NotJudged.Select(n => (n.Start, n.Reason, n.Flag)));

        // A measured-basis limit needs no O2.
        ConcentrationComplianceResult atMeasured = ConcentrationCompliance.Check(hours, [new ComplianceRule("K1", Pollutant.Nox, measured, 0.8)]);
        Assert.Equal(3, atMeasured.Checks.Count);
        Assert.Equal(ComplianceLevel.Exceeds, atMeasured.Checks[2].Level);
        Assert.Single(atMeasured.NotJudged);
    }

    [Fact]
    public void Check_BadArguments_AreRejected()
    {
        EmissionLimit permit = Catalogue("emissions.limit.gb4915.table_1.cement_kiln.nox", 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ComplianceRule("K1", Pollutant.Nox, permit, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ComplianceRule("K1", Pollutant.Nox, permit, 1.2));
        Assert.Throws<ArgumentException>(() => new ComplianceRule(" ", Pollutant.Nox, permit, 0.8));
        var rule = new ComplianceRule("K1", Pollutant.Nox, permit, 0.8);
        ArgumentException e = Assert.Throws<ArgumentException>(() => ConcentrationCompliance.Check(Hours("K1"), [rule, rule]));
        Assert.Contains("Two rules for outlet 'K1' and Nox", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ConcentrationCompliance.Check(new CemsRecordsBuilder(CemsInterval.Minute).Build(), [rule]));
    }

    [Fact]
    public void FromOutlet_UsesThePermitLimitAndItsBasis()
    {
        var outlet = new Outlet("K1", "F1", Pollutant.So2, limitValue: MassConcentration.FromMilligramsPerCubicMeter(200), referenceOxygen: VolumeConcentration.FromPercent(10), standard: "GB 4915-2013 Table 1");
        ComplianceRule rule = ComplianceRule.FromOutlet(outlet, 0.8)!;
        Assert.Equal(200, rule.Permit.Value!.Value.MilligramsPerCubicMeter);
        Assert.Equal(ConcentrationBasis.AtReferenceOxygen(VolumeConcentration.FromPercent(10)), rule.Permit.Basis);
        Assert.Null(ComplianceRule.FromOutlet(new Outlet("K2", "F1", Pollutant.So2), 0.8));
    }

    [Fact]
    public void Events_RunsOfConsecutiveHours_WithStartEndPeakAndDuration()
    {
        var limit = EmissionLimit.Of(MassConcentration.FromMilligramsPerCubicMeter(100), ConcentrationBasis.Measured, "test");
        var rule = new ComplianceRule("DA001", Pollutant.Nox, limit, 0.8);
        // Hours 0..9: 50, 120, 150, 130, 90, 110, NaN(invalid), 140, 85, 60.
        double[] nox = [50, 120, 150, 130, 90, 110, double.NaN, 140, 85, 60];
        CemsRecords hours = Hours("DA001", nox.Select(v => (v, 10.0, double.IsNaN(v) ? DataFlag.D : DataFlag.N)).ToArray());
        IReadOnlyList<ConcentrationCheck> checks = ConcentrationCompliance.Check(hours, [rule]).Checks;

        IReadOnlyList<ComplianceEvent> exceedances = ComplianceEvents.Find(checks);
        Assert.Equal(3, exceedances.Count);
        ComplianceEvent first = exceedances[0];
        Assert.Equal((s_hour.AddHours(1), s_hour.AddHours(4), 3, TimeSpan.FromHours(3)), (first.Start, first.End, first.Periods, first.Duration));
        Assert.Equal(150, first.Peak.Value.MilligramsPerCubicMeter);
        Assert.Equal(s_hour.AddHours(2), first.PeakStart);
        Assert.Equal(1.5, first.PeakRatio);
        Assert.Equal((s_hour.AddHours(5), 1), (exceedances[1].Start, exceedances[1].Periods));
        Assert.Equal((s_hour.AddHours(7), 1), (exceedances[2].Start, exceedances[2].Periods)); // the invalid hour breaks the run

        IReadOnlyList<ComplianceEvent> warnings = ComplianceEvents.Find(checks, ComplianceLevel.Warning);
        Assert.Equal(2, warnings.Count);
        Assert.Equal((s_hour.AddHours(1), s_hour.AddHours(6), ComplianceLevel.Exceeds), (warnings[0].Start, warnings[0].End, warnings[0].Level));
        Assert.Equal((s_hour.AddHours(7), s_hour.AddHours(9)), (warnings[1].Start, warnings[1].End));
        Assert.Throws<ArgumentException>(() => ComplianceEvents.Find(checks, ComplianceLevel.Compliant));
    }

    [Fact]
    public void Emissions_W8_HourOf25Point3At180000IsFourPoint554Kilograms()
    {
        var builder = new CemsRecordsBuilder(CemsInterval.Hour);
        builder.AddRow("DA001", s_hour, DataFlag.N).SetValue(CemsChannel.So2, 25.3, validCount: 60).SetValue(CemsChannel.Flow, 180_000, validCount: 60);
        builder.AddRow("DA001", s_hour.AddHours(1), DataFlag.N).SetValue(CemsChannel.So2, 25.3, validCount: 60).SetValue(CemsChannel.Flow, double.NaN);
        QuantityColumn<Mass> emissions = CumulativeEmissions.HourlyEmissions(builder.Build(), Pollutant.So2);
        Assert.Equal(MassUnit.Kilogram, emissions.Unit);
        Tolerance.AssertClose(4.554, emissions[0]!.Value.Kilograms, 1e-12);
        Assert.Null(emissions[1]);

        MonthlyEmission month = Assert.Single(CumulativeEmissions.ByMonth(builder.Build(), Pollutant.So2));
        Assert.Equal((new DateOnly(2025, 1, 1), 1, 1), (month.Month, month.ValidHours, month.HoursWithoutEmission));
        Tolerance.AssertClose(4.554, month.Emission.Kilograms, 1e-12);
    }

    /// <summary>An hourly table of one outlet: every hour of <paramref name="days"/> days from 1 January 2024 at
    /// 100 mg/m³ SO₂ and 10 000 m³/h, i.e. 1 kg an hour, 24 kg a day.</summary>
    private static CemsRecords KilogramHours(int days)
    {
        var builder = new CemsRecordsBuilder(CemsInterval.Hour);
        for (int h = 0; h < days * 24; h++)
        {
            builder.AddRow("DA001", new DateTime(2024, 1, 1).AddHours(h), DataFlag.N)
                .SetValue(CemsChannel.So2, 100, validCount: 60).SetValue(CemsChannel.Flow, 10_000, validCount: 60);
        }

        return builder.Build();
    }

    [Fact]
    public void ProRated_ComparesTheYearToDateWithThePermittedTotalByDays()
    {
        CemsRecords hours = KilogramHours(40);
        // 2024 is a leap year: 36.6 t permitted → 0.1 t a day; through 31 January that is 3.1 t; emitted 31 × 24 kg.
        ProRatedTotal total = CumulativeEmissions.ProRated(hours, "DA001", Pollutant.So2, Mass.FromTonnes(36.6), new DateOnly(2024, 1, 31), 0.8);
        Tolerance.AssertClose(744, total.Emission.Kilograms, 1e-12);
        Tolerance.AssertClose(3100, total.ProRated.Kilograms, 1e-12);
        Tolerance.AssertClose(744.0 / 3100, total.Ratio, 1e-12);
        Assert.Equal(ComplianceLevel.Compliant, total.Level);

        // 8784 kg a leap year is 24 kg a day: emitted equals pro-rated, which complies but warns.
        ProRatedTotal equal = CumulativeEmissions.ProRated(hours, "DA001", Pollutant.So2, Mass.FromKilograms(8784), new DateOnly(2024, 1, 31), 0.8);
        Tolerance.AssertClose(1.0, equal.Ratio, 1e-12);
        Assert.Equal(ComplianceLevel.Warning, equal.Level);
        ProRatedTotal over = CumulativeEmissions.ProRated(hours, "DA001", Pollutant.So2, Mass.FromKilograms(8000), new DateOnly(2024, 1, 31), 0.8);
        Assert.Equal(ComplianceLevel.Exceeds, over.Level);
        Assert.Throws<ArgumentOutOfRangeException>(() => CumulativeEmissions.ProRated(hours, "DA001", Pollutant.So2, Mass.FromKilograms(-1), new DateOnly(2024, 1, 31), 0.8));
    }

    [Fact]
    public void Rolling12Months_SumsEachWindowAgainstThePermittedTotal()
    {
        var months = new List<MonthlyEmission>();
        for (int m = 0; m < 14; m++)
        {
            months.Add(new MonthlyEmission("DA001", Pollutant.So2, new DateOnly(2024, 1, 1).AddMonths(m), Mass.FromTonnes(m + 1), 720, 0));
        }

        months.Add(new MonthlyEmission("DA009", Pollutant.So2, new DateOnly(2024, 1, 1), Mass.FromTonnes(1), 720, 0));
        IReadOnlyList<RollingTotal> windows = CumulativeEmissions.Rolling12Months(
            months, new Dictionary<string, Mass> { ["DA001"] = Mass.FromTonnes(100) }, 0.8);

        Assert.Equal(14, windows.Count); // DA009 has no permitted total
        RollingTotal full = windows[11]; // Jan–Dec 2024: 1 + … + 12 = 78 t
        Assert.Equal((new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 1), 12), (full.FirstMonth, full.LastMonth, full.MonthsWithData));
        Tolerance.AssertClose(78_000, full.Emission.Kilograms, 1e-12);
        Assert.Equal(ComplianceLevel.Compliant, full.Level);
        RollingTotal last = windows[13]; // Mar 2024–Feb 2025: 3 + … + 14 = 102 t
        Tolerance.AssertClose(102_000, last.Emission.Kilograms, 1e-12);
        Assert.Equal(ComplianceLevel.Exceeds, last.Level);
        Assert.Equal(ComplianceLevel.Warning, windows[12].Level); // 2 + … + 13 = 90 t ≥ 80 %
    }

    [Fact]
    public void Retention_CemsOneYearDcsFiveYears_FromPlanP16()
    {
        var asOf = new DateOnly(2025, 6, 30);
        RetentionFinding cems = RetentionCheck.Check("DA001", RetainedData.Cems, new DateOnly(2024, 6, 30), asOf);
        Assert.True(cems.Compliant);
        Assert.Equal(1, cems.RequiredYears);

        RetentionFinding dcs = RetentionCheck.Check("F1", RetainedData.Dcs, new DateOnly(2021, 1, 1), asOf);
        Assert.False(dcs.Compliant);
        Assert.Equal(new DateOnly(2020, 6, 30), dcs.RequiredFrom);
        Assert.Equal(185, dcs.MissingDays);

        RetentionFinding young = RetentionCheck.Check("F2", RetainedData.AutomaticMonitoring, new DateOnly(2024, 3, 1), asOf, recordingSince: new DateOnly(2024, 3, 1));
        Assert.True(young.Compliant);

        RetentionFinding none = RetentionCheck.Check("F3", RetainedData.Video, null, asOf);
        Assert.False(none.Compliant);
        Assert.Equal(366, none.MissingDays);

        // Records from 2024-01-01 checked on 2024-06-01: a year back is 2023-06-01, 214 days not held.
        RetentionFinding fromTable = Assert.Single(RetentionCheck.CheckCems(KilogramHours(2), new DateOnly(2024, 6, 1)));
        Assert.Equal((false, new DateOnly(2024, 1, 1), 214), (fromTable.Compliant, fromTable.EarliestHeld, fromTable.MissingDays));
        Dictionary<string, DateOnly> since = new() { ["DA001"] = new DateOnly(2024, 1, 1) };
        Assert.True(RetentionCheck.CheckCems(KilogramHours(2), new DateOnly(2024, 6, 1), since).Single().Compliant);
    }

    [Fact]
    public void Plausibility_FanCurrentAndDosingAgainstCems()
    {
        var builder = new CemsRecordsBuilder(CemsInterval.Hour);
        builder.AddRow("DA001", s_hour, DataFlag.N).SetValue(CemsChannel.Flow, 50_000, validCount: 60).SetValue(CemsChannel.So2, 20, validCount: 60);
        builder.AddRow("DA001", s_hour.AddHours(1), DataFlag.F).SetValue(CemsChannel.Flow, 0, validCount: 0);
        builder.AddRow("DA001", s_hour.AddHours(2), DataFlag.N).SetValue(CemsChannel.Flow, 60_000, validCount: 60).SetValue(CemsChannel.So2, 20, validCount: 60);
        builder.AddRow("DA001", s_hour.AddHours(4), DataFlag.N).SetValue(CemsChannel.Flow, 60_000, validCount: 60).SetValue(CemsChannel.So2, 400, validCount: 60);
        var rules = new PlausibilityRules(ElectricCurrent.FromAmperes(30), VolumeFlow.FromCubicMetersPerHour(1000), MassFlow.FromKilogramsPerHour(1), MassConcentration.FromMilligramsPerCubicMeter(100));
        ProcessHour[] process =
        [
            new("DA001", s_hour, ElectricCurrent.FromAmperes(2), null),                                      // fan off, flow 50 000
            new("DA001", s_hour.AddHours(1), ElectricCurrent.FromAmperes(80), MassFlow.FromKilogramsPerHour(50)), // fan on, flag F
            new("DA001", s_hour.AddHours(2), ElectricCurrent.FromAmperes(80), MassFlow.FromKilogramsPerHour(0)),  // dosing off, SO2 20
            new("DA001", s_hour.AddHours(3), ElectricCurrent.FromAmperes(80), null),                         // no CEMS hour
            new("DA001", s_hour.AddHours(4), ElectricCurrent.FromAmperes(80), MassFlow.FromKilogramsPerHour(0)),  // dosing off, SO2 400: plausible
        ];

        IReadOnlyList<PlausibilityFinding> findings = ProcessPlausibility.Check(builder.Build(), process, rules);
        Assert.Equal(
            [
                (s_hour, PlausibilityIssue.FlowWithFanStopped),
                (s_hour.AddHours(1), PlausibilityIssue.StoppedFlagWithFanRunning),
                (s_hour.AddHours(2), PlausibilityIssue.LowSo2WithoutDosing),
                (s_hour.AddHours(3), PlausibilityIssue.NoCemsRecordWithFanRunning),
            ],
            findings.Select(f => (f.Hour, f.Issue)));
        Assert.Equal("fan current 2 A (running from 30 A); CEMS flow 50000 m3/h (tolerance 1000 m3/h)", findings[0].Detail);
        Assert.Throws<ArgumentException>(() => ProcessPlausibility.Check(builder.Build(), [new ProcessHour("DA001", s_hour.AddMinutes(5), null, null)], rules));
    }

    [Fact]
    public void ProcessHour_HourMarkedUtc_IsRefused_AlsoThroughWith()
    {
        var utc = new DateTime(2025, 1, 1, 1, 0, 0, DateTimeKind.Utc);
        var hour = new ProcessHour("DA001", new DateTime(2025, 1, 1, 9, 0, 0), null, null);

        ArgumentException made = Assert.Throws<ArgumentException>(() => new ProcessHour("DA001", utc, null, null));
        ArgumentException changed = Assert.Throws<ArgumentException>(() => hour with { Hour = utc });

        Assert.Equal("Hour", made.ParamName);
        Assert.Equal(
            "The process hour is 2025-01-01 01:00:00 marked as UTC; expected China Standard Time wall clock, a time not marked with a zone (convert UTC by adding 8 hours). (Parameter 'Hour')",
            made.Message);
        Assert.Equal(made.Message, changed.Message);
        Assert.Equal(new DateTime(2025, 1, 1, 9, 0, 0), hour.Hour);
    }
}
