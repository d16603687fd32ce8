using System.Globalization;
using Shapotou.Sdk.Analytics.Grading;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.TestKit;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Tests.Grading;

public sealed class PerformanceGradingTests
{
    private const string Label = "ILLUSTRATIVE ferroalloy criteria: the 2020 guide's ferroalloy thresholds are not in the references (docs/grading.md); these values only show the table format and are no official grade.";

    [Fact]
    public void Grade_EnterpriseMeetingEveryCriterion_IsA_WithNoFailedOrUnknownCriteria()
    {
        EnterpriseGrade fa = GradingFixture.Ferroalloy(GradingFixture.Create());

        Assert.Equal(PerformanceGrade.A, fa.Grade);
        Assert.Empty(fa.Failed);
        Assert.Empty(fa.Unknown);
        Assert.Empty(fa.Explanation);
        Assert.Equal(11, fa.Criteria.Count);
        Assert.All(fa.Criteria, c => Assert.Equal(CriterionStatus.Pass, c.Status));
    }

    [Fact]
    public void Grade_IllustrativeTable_LabelReachesEveryResult()
    {
        GradingResult result = GradingFixture.Grade(GradingFixture.Create(), GradingCriteria.FerroalloyIllustrativeExample());

        Assert.Contains(Label, result.Assumptions);
        Assert.Contains(Label, result.Enterprises.Single().Assumptions);
        Assert.Contains(result.Assumptions, a => a.StartsWith("The ferroalloy B- particulate threshold is the plan's P6 demonstration value", StringComparison.Ordinal));
        Assert.Contains(result.Omitted, o => o.StartsWith("ferroalloy: The guide's ferroalloy thresholds", StringComparison.Ordinal));
    }

    [Fact]
    public void Grade_ConcentrationAboveTheAThreshold_DowngradesToB_AndExplainsTheCriterion()
    {
        EnterpriseGrade fa = GradingFixture.Ferroalloy(GradingFixture.Create(furnacePm: [8, 15, 9]));

        Assert.Equal(PerformanceGrade.B, fa.Grade);
        CriterionOutcome failed = Assert.Single(fa.Failed);
        Assert.Equal("ferroalloy.a.furnace_pm", failed.CriterionId);
        Assert.Equal(
            "Criterion 'ferroalloy.a.furnace_pm' (grade A, concentration) fails: expected every valid hourly pm of 2024 from running submerged_arc_furnace at or below 10 mg/m3 (measured); actual outlet 'O1' highest 15 mg/m3, 1 of 3 valid hours above 10; source illustrative value, no source [illustrative].",
            failed.Explanation);
        Assert.Equal(["Not grade A: failed 'ferroalloy.a.furnace_pm'."], fa.Explanation);
    }

    [Fact]
    public void Grade_ConcentrationThresholdFromTheCatalogue_CitesTheRow_AndFailsToC()
    {
        // 31 mg/m3 is above the plan's 30 (B-, catalogue row plan.p6.ferroalloy_demonstration.pm_max).
        EnterpriseGrade fa = GradingFixture.Ferroalloy(GradingFixture.Create(furnacePm: [8, 31, 9]));

        Assert.Equal(PerformanceGrade.C, fa.Grade);
        Assert.Equal(["ferroalloy.a.furnace_pm", "ferroalloy.b.furnace_pm", "ferroalloy.b_minus.furnace_pm"], fa.Failed.Select(f => f.CriterionId));
        CriterionOutcome bMinus = fa.Failed[2];
        Assert.Equal("every valid hourly pm of 2024 from running submerged_arc_furnace at or below 30 mg/m3 (measured)", bMinus.Expected);
        Assert.Contains("[plan.p6.ferroalloy_demonstration.pm_max, P]", bMinus.Source, StringComparison.Ordinal);
        Assert.Equal(3, fa.Explanation.Count);
    }

    [Theory]
    [InlineData(10.0, PerformanceGrade.A)] // exactly at the A threshold: at_or_below passes
    [InlineData(10.000001, PerformanceGrade.B)] // just above it
    public void Grade_ConcentrationAtTheThreshold_PassesAtOrBelow(double highest, PerformanceGrade expected)
    {
        EnterpriseGrade fa = GradingFixture.Ferroalloy(GradingFixture.Create(furnacePm: [8, highest]));

        Assert.Equal(expected, fa.Grade);
    }

    [Theory]
    [InlineData(9.999, PerformanceGrade.A)] // below the strict threshold
    [InlineData(10.0, PerformanceGrade.B)] // at it: a strict comparison fails
    public void Grade_StrictComparisonAtTheThreshold_Fails(double highest, PerformanceGrade expected)
    {
        GradingCriteria criteria = GradingFixture.Parse(GradingFixture.Table(
            """{ "id": "a.pm", "industry": "ferroalloy", "grade": "A", "category": "concentration", "facility_kinds": ["submerged_arc_furnace"], "pollutant": "pm", "limit_mg_m3": 10, "basis": "measured", "comparison": "below", "source": "test", "mark": "illustrative" }"""));

        EnterpriseGrade fa = GradingFixture.Grade(GradingFixture.Create(furnacePm: [highest]), criteria).Enterprises.Single();

        Assert.Equal(expected, fa.Grade);
        if (expected == PerformanceGrade.B)
        {
            Assert.Equal("outlet 'O1' highest 10 mg/m3, 0 of 1 valid hours above 10", Assert.Single(fa.Failed).Actual);
        }
    }

    [Fact]
    public void Grade_TreatmentMissingFromTheAllowedKinds_DowngradesAndNamesTheFacility()
    {
        TreatmentFacility[] treatment = [GradingFixture.FurnaceTreatment()[0], new TreatmentFacility("T3", "F1", TreatmentKind.Other, Pollutant.So2, Ratio.FromPercent(50))];

        EnterpriseGrade fa = GradingFixture.Ferroalloy(GradingFixture.Create(treatment: treatment));

        Assert.Equal(PerformanceGrade.B, fa.Grade);
        CriterionOutcome failed = Assert.Single(fa.Failed);
        Assert.Equal(
            "Criterion 'ferroalloy.a.furnace_desulfurisation' (grade A, treatment) fails: expected every running submerged_arc_furnace treats so2 with wet_fgd or semi_dry_fgd or dry_fgd; actual facility 'F1' has other; source illustrative requirement, no source [illustrative].",
            failed.Explanation);
    }

    [Fact]
    public void Grade_NoDustFilter_FailsBMinus_ToC()
    {
        TreatmentFacility[] treatment = [GradingFixture.FurnaceTreatment()[1]];

        EnterpriseGrade fa = GradingFixture.Ferroalloy(GradingFixture.Create(treatment: treatment));

        Assert.Equal(PerformanceGrade.C, fa.Grade);
        CriterionOutcome failed = Assert.Single(fa.Failed);
        Assert.Equal("ferroalloy.b_minus.furnace_dust_filter", failed.CriterionId);
        Assert.Equal("facility 'F1' has no pm treatment in treatment_facilities", failed.Actual);
        Assert.Equal(["Not grade A: failed 'ferroalloy.b_minus.furnace_dust_filter'.", "Not grade B: failed 'ferroalloy.b_minus.furnace_dust_filter'.", "Not grade B-: failed 'ferroalloy.b_minus.furnace_dust_filter'."], fa.Explanation);
    }

    [Fact]
    public void Grade_OutletWithoutCems_FailsMonitoringToBMinus_IdleFurnaceIgnored()
    {
        // The idle furnace F2 has no CEMS either; only the running F1 is judged.
        EnterpriseGrade fa = GradingFixture.Ferroalloy(GradingFixture.Create(furnaceCems: false));

        Assert.Equal(PerformanceGrade.BMinus, fa.Grade);
        CriterionOutcome failed = Assert.Single(fa.Failed);
        Assert.Equal("ferroalloy.b.furnace_cems", failed.CriterionId);
        Assert.Equal("a CEMS on every outlet of running submerged_arc_furnace (outlets.cems_installed true)", failed.Expected);
        Assert.Equal("outlet 'O1' pm has no CEMS; outlet 'O1' so2 has no CEMS; outlet 'O1' nox has no CEMS", failed.Actual);
    }

    [Fact]
    public void Grade_CemsInstalledNotKnown_IsUnknown_NotAFailure()
    {
        EnterpriseGrade fa = GradingFixture.Ferroalloy(GradingFixture.Create(furnaceCems: null));

        Assert.Equal(PerformanceGrade.BMinus, fa.Grade);
        Assert.Empty(fa.Failed);
        CriterionOutcome unknown = Assert.Single(fa.Unknown);
        Assert.Equal("ferroalloy.b.furnace_cems", unknown.CriterionId);
        Assert.EndsWith("Grade B and every better grade cannot be attained until it is known.", unknown.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_OpenStorage_FailsFugitiveToBMinus()
    {
        EnterpriseGrade fa = GradingFixture.Ferroalloy(GradingFixture.Create(), GradingFixture.Facts(closedStorage: false));

        Assert.Equal(PerformanceGrade.BMinus, fa.Grade);
        CriterionOutcome failed = Assert.Single(fa.Failed);
        Assert.Equal(
            "Criterion 'ferroalloy.b.closed_storage' (grade B, fugitive) fails: expected closed_storage = true; actual closed_storage = false (site survey); source illustrative requirement, no source [illustrative].",
            failed.Explanation);
    }

    [Theory]
    [InlineData(80.0, PerformanceGrade.A)] // exactly at the A share: at_least is inclusive
    [InlineData(79.9, PerformanceGrade.B)] // just below A, above B's 50
    [InlineData(50.0, PerformanceGrade.B)] // exactly at the B share
    [InlineData(49.9, PerformanceGrade.BMinus)] // below B's share
    public void Grade_TruckShare_BoundariesAreInclusive(double share, PerformanceGrade expected)
    {
        EnterpriseGrade fa = GradingFixture.Ferroalloy(GradingFixture.Create(), GradingFixture.Facts(truckShare: share));

        Assert.Equal(expected, fa.Grade);
        if (expected != PerformanceGrade.A)
        {
            Assert.All(fa.Failed, f => Assert.Equal(CriterionCategory.Transport, f.Category));
            Assert.Contains(fa.Failed, f => f.Actual == string.Create(CultureInfo.InvariantCulture, $"china_v_or_better_truck_share_pct = {share} % (site survey)"));
        }
    }

    [Fact]
    public void Grade_UnknownFacts_AreListedApart_AndMakeTheirGradesUnattainable()
    {
        EnterpriseGrade fa = GradingFixture.Ferroalloy(GradingFixture.Create(), GradingFixture.Facts(closedStorage: null, truckShare: null));

        Assert.Equal(PerformanceGrade.BMinus, fa.Grade);
        Assert.Empty(fa.Failed);
        Assert.Equal(["ferroalloy.a.truck_share", "ferroalloy.b.closed_storage", "ferroalloy.b.truck_share"], fa.Unknown.Select(u => u.CriterionId));
        Assert.Equal("fact 'closed_storage' was not supplied for enterprise 'FA'", fa.Unknown[1].Actual);
        Assert.Equal(
            "Not grade B: unknown 'ferroalloy.b.closed_storage', 'ferroalloy.b.truck_share' (grade B cannot be attained until they are known).",
            fa.Explanation[1]);
    }

    [Fact]
    public void Grade_NoFactsForTheEnterprise_SaysSo()
    {
        EnterpriseGrade fa = GradingFixture.Ferroalloy(GradingFixture.Create(), []);

        Assert.Equal(3, fa.Unknown.Count);
        Assert.All(fa.Unknown, u => Assert.Equal("no facts were supplied for enterprise 'FA'", u.Actual));
    }

    [Fact]
    public void Grade_OutletWithoutCemsRows_IsUnknown()
    {
        EnterpriseGrade fa = GradingFixture.Ferroalloy(GradingFixture.Create(furnaceCemsRows: false));

        Assert.Equal(PerformanceGrade.C, fa.Grade);
        Assert.Empty(fa.Failed);
        Assert.Equal(["ferroalloy.a.furnace_pm", "ferroalloy.a.furnace_so2", "ferroalloy.a.furnace_nox", "ferroalloy.b.furnace_pm", "ferroalloy.b_minus.furnace_pm"], fa.Unknown.Select(u => u.CriterionId));
        Assert.Equal("outlet 'O1' has no CEMS rows in 2024", fa.Unknown[0].Actual);
    }

    [Fact]
    public void Grade_CementExample_ConvertsToTheKilnReferenceOxygen_AndCitesTheCatalogue()
    {
        // NOx 45 mg/m3 at 12 % O2 is 45 × 11 / 9 = 55 at 10 % O2 (emissions.md W7): above the 2024 ultra-low 50 (A),
        // below GB 4915 Table 2's 320 (B).
        GradingResult result = GradingFixture.Grade(GradingFixture.Create(kilnNox: [40, 45]), GradingCriteria.CementExample(), []);

        EnterpriseGrade ce = result.Enterprises.Single();
        Assert.Equal("CE", ce.EnterpriseId);
        Assert.Equal(PerformanceGrade.B, ce.Grade);
        CriterionOutcome failed = Assert.Single(ce.Failed);
        Assert.Equal("cement.a.kiln_nox", failed.CriterionId);
        Assert.Equal("every valid hourly nox of 2024 from running cement_kiln at or below 50 mg/m3 (reference O2 10 %)", failed.Expected);
        Assert.Equal("outlet 'OK' highest 55 mg/m3, 1 of 2 valid hours above 50", failed.Actual);
        Assert.Contains("[emissions.limit.cement_ultra_low_2024.kiln.nox, S]", failed.Source, StringComparison.Ordinal);
        GradeMeasure measure = Assert.Single(ce.Measures);
        Assert.Equal(PerformanceGrade.B, measure.Grade);
        Assert.StartsWith("Yellow: stop 国四-and-below heavy trucks", measure.Text, StringComparison.Ordinal);
        Assert.Contains(ce.Assumptions, a => a.StartsWith("Cement grade A is judged against the 2024 ultra-low kiln values", StringComparison.Ordinal));
        Assert.Contains("Criterion 'cement.a.kiln_nox' takes its threshold from catalogue row emissions.limit.cement_ultra_low_2024.kiln.nox, marked S (one secondary source; confirm before relying on it).", ce.Assumptions);
        Assert.Equal(4, result.Omitted.Count);
    }

    [Theory]
    [InlineData(40.9, PerformanceGrade.A, 0)] // 40.9 × 11 / 9 = 49.99 at 10 % O2: at or below the ultra-low 50
    [InlineData(41.0, PerformanceGrade.B, 1)] // 50.11: above 50, at or below GB 4915 Table 2's 320
    [InlineData(262.0, PerformanceGrade.C, 2)] // 320.22: above Table 2, at or below Table 1's 400
    [InlineData(330.0, PerformanceGrade.D, 3)] // 403.33: above Table 1, the ladder's floor
    public void Grade_CementExample_ThresholdsAtTheKilnReferenceOxygen(double measuredNox, PerformanceGrade expected, int failedNoxRows)
    {
        GradingResult result = GradingFixture.Grade(GradingFixture.Create(kilnNox: [measuredNox]), GradingCriteria.CementExample(), []);

        EnterpriseGrade ce = result.Enterprises.Single();
        Assert.Equal(expected, ce.Grade);
        Assert.All(ce.Failed, f => Assert.EndsWith("_nox", f.CriterionId, StringComparison.Ordinal));
        Assert.Equal(failedNoxRows, ce.Failed.Count); // one NOx row per grade missed
    }

    [Fact]
    public void Grade_CementKilnNotRunning_CriteriaDoNotApply()
    {
        GradingResult result = GradingFixture.Grade(GradingFixture.Create(kilnStatus: FacilityStatus.Retired), GradingCriteria.CementExample(), []);

        EnterpriseGrade ce = result.Enterprises.Single();
        Assert.Equal(PerformanceGrade.A, ce.Grade);
        Assert.All(ce.Criteria, c => Assert.Equal(CriterionStatus.NotApplicable, c.Status));
        Assert.Equal("no running cement_kiln", ce.Criteria[0].Actual);
    }

    [Fact]
    public void Grade_CombinedExamples_GradeBothIndustries_ListTheRest_AndCountTheDistribution()
    {
        GradingCriteria both = GradingCriteria.Combine("cluster", GradingCriteria.CementExample(), GradingCriteria.FerroalloyIllustrativeExample());

        GradingResult result = GradingFixture.Grade(GradingFixture.Create(furnacePm: [25], kilnNox: [30]), both);

        Assert.Equal(["FA", "CE"], result.Enterprises.Select(e => e.EnterpriseId));
        Assert.Equal([PerformanceGrade.BMinus, PerformanceGrade.A], result.Enterprises.Select(e => e.Grade));
        Assert.Equal(["Enterprise 'HP' (Heat plant): industry code 4430 is in no industry of criteria table 'cluster'."], result.NotGraded);
        Assert.Equal(
            [(PerformanceGrade.PerformanceLeading, 0), (PerformanceGrade.A, 1), (PerformanceGrade.B, 0), (PerformanceGrade.BMinus, 1), (PerformanceGrade.C, 0), (PerformanceGrade.D, 0)],
            result.Distribution());
        Assert.Equal(1, result.Distribution("cement").Single(d => d.Grade == PerformanceGrade.A).Count);
        Assert.Equal(0, result.Distribution("cement").Single(d => d.Grade == PerformanceGrade.BMinus).Count);
    }

    [Fact]
    public void Grade_PerformanceLeadingLadder_IsTheBestGrade()
    {
        GradingCriteria criteria = GradingFixture.Parse("""
            {
              "name": "leading",
              "industries": [ { "industry": "ferroalloy", "industry_codes": ["3140"], "grades": ["performance_leading", "A", "C"], "source": "test ladder" } ],
              "criteria": [
                { "id": "lead.pm", "industry": "ferroalloy", "grade": "performance_leading", "category": "concentration", "facility_kinds": ["submerged_arc_furnace"], "pollutant": "pm", "limit_mg_m3": 5, "basis": "measured", "source": "test", "mark": "illustrative" },
                { "id": "a.pm", "industry": "ferroalloy", "grade": "A", "category": "concentration", "facility_kinds": ["submerged_arc_furnace"], "pollutant": "pm", "limit_mg_m3": 10, "basis": "measured", "source": "test", "mark": "illustrative" }
              ]
            }
            """);

        Assert.Equal(PerformanceGrade.PerformanceLeading, GradingFixture.Grade(GradingFixture.Create(furnacePm: [4, 5]), criteria).Enterprises.Single().Grade);
        Assert.Equal(PerformanceGrade.A, GradingFixture.Grade(GradingFixture.Create(furnacePm: [4, 6]), criteria).Enterprises.Single().Grade);
        Assert.Equal(PerformanceGrade.C, GradingFixture.Grade(GradingFixture.Create(furnacePm: [11]), criteria).Enterprises.Single().Grade);
    }

    [Fact]
    public void Grade_HighestHourAtReferenceOxygen_AgreesWithAScalarLoop()
    {
        // 517 seeded hours at 10–19 % O2; the kernel's highest value and over-threshold count at 10 % must equal a
        // plain loop's, so a threshold at the scalar maximum passes and one just below it fails with the scalar count.
        const int Hours = 517;
        double[] nox = SeededData.Uniform(Hours, 5, 60);
        double[] oxygen = SeededData.Uniform(Hours, 10, 19, SeededData.DefaultSeed + 7);
        double max = double.MinValue;
        for (int i = 0; i < Hours; i++)
        {
            max = Math.Max(max, nox[i] * 11 / (21 - oxygen[i]));
        }

        double below = max * (1 - 1e-9);
        int above = 0;
        for (int i = 0; i < Hours; i++)
        {
            above += nox[i] * 11 / (21 - oxygen[i]) > below ? 1 : 0;
        }

        ClusterDataset data = KilnOnly(nox, oxygen);
        string Row(double limit) => string.Create(CultureInfo.InvariantCulture, $$"""{ "id": "a.nox", "industry": "cement", "grade": "A", "category": "concentration", "facility_kinds": ["cement_kiln"], "pollutant": "nox", "limit_mg_m3": {{limit:R}}, "basis": "reference_o2", "reference_o2_pct": 10, "source": "test", "mark": "illustrative" }""");
        GradingCriteria Table(double limit) => GradingFixture.Parse($$"""
            { "name": "k", "industries": [ { "industry": "cement", "industry_codes": ["3011"], "grades": ["A", "C"], "source": "test" } ], "criteria": [ {{Row(limit)}} ] }
            """);

        Assert.Equal(PerformanceGrade.A, GradingFixture.Grade(data, Table(max), []).Enterprises.Single().Grade);
        CriterionOutcome failed = Assert.Single(GradingFixture.Grade(data, Table(below), []).Enterprises.Single().Failed);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $", {above} of {Hours} valid hours above "), failed.Actual, StringComparison.Ordinal);
    }

    private static ClusterDataset KilnOnly(double[] nox, double[] oxygen)
    {
        int n = nox.Length;
        DateTime[] hours = [.. Enumerable.Range(0, n).Select(i => GradingFixture.Start.AddHours(i))];
        static Units.QuantityColumn<MassConcentration> Mg(double[] v) => new(v, UnitsNet.Units.MassConcentrationUnit.MilligramPerCubicMeter);
        var cems = new CemsHourlyTable(
            Enumerable.Repeat("OK", n).ToArray(),
            hours,
            Mg(new double[n]),
            Mg(nox),
            Mg(new double[n]),
            new Units.QuantityColumn<VolumeConcentration>(oxygen, UnitsNet.Units.VolumeConcentrationUnit.Percent),
            new Units.QuantityColumn<VolumeFlow>(Enumerable.Repeat(1000.0, n).ToArray(), UnitsNet.Units.VolumeFlowUnit.CubicMeterPerHour),
            Enumerable.Repeat(DataFlag.N, n).ToArray());
        return new ClusterDataset(
            "kiln",
            false,
            [new Enterprise("CE", "Cement works", "xuanhe", "3011", aboveScale: true)],
            [new Facility("K1", "CE", FacilityKind.CementKiln, FacilityStatus.Running)],
            [],
            [new Outlet("OK", "K1", Pollutant.Nox, cemsInstalled: true)],
            [],
            [],
            [],
            cems);
    }
}
