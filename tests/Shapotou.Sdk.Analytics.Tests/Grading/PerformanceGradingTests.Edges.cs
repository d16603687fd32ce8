using Shapotou.Sdk.Analytics.Grading;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Analytics.Tests.Grading;

public sealed class PerformanceGradingEdgeTests
{
    private const string ReferenceO2Pm = """{ "id": "a.pm", "industry": "ferroalloy", "grade": "A", "category": "concentration", "facility_kinds": ["submerged_arc_furnace"], "pollutant": "pm", "limit_mg_m3": 10, "basis": "reference_o2", "reference_o2_pct": 18, "source": "test", "mark": "illustrative" }""";

    [Fact]
    public void Grade_ProhibitedCatalogueRow_IsAThresholdOfZero()
    {
        // GB 9078-1996 grade 1 prohibits ferroalloy-smelting emissions (禁排): any particulate fails.
        GradingCriteria criteria = GradingFixture.Parse(GradingFixture.Table(
            """{ "id": "a.pm", "industry": "ferroalloy", "grade": "A", "category": "concentration", "facility_kinds": ["submerged_arc_furnace"], "pollutant": "pm", "limit_key": "emissions.limit.gb9078.table_2.ferroalloy_smelting.pm.grade_1", "basis": "measured", "source": "GB 9078-1996 Table 2", "mark": "C" }"""));

        EnterpriseGrade fa = GradingFixture.Grade(GradingFixture.Create(), criteria).Enterprises.Single();

        Assert.Equal(PerformanceGrade.B, fa.Grade); // the test ladder is A, B, C and only A has a criterion
        CriterionOutcome failed = Assert.Single(fa.Failed);
        Assert.Equal("every valid hourly pm of 2024 from running submerged_arc_furnace at or below 0 (prohibited) mg/m3 (measured)", failed.Expected);
        Assert.Equal("outlet 'O1' highest 9 mg/m3, 3 of 3 valid hours above 0", failed.Actual);
    }

    [Fact]
    public void Grade_ReferenceOxygenBasis_HoursWithoutO2_AreUnknown()
    {
        ClusterDataset data = FurnaceWithOxygen([double.NaN, double.NaN]);
        GradingCriteria criteria = GradingFixture.Parse(GradingFixture.Table(ReferenceO2Pm));

        EnterpriseGrade fa = GradingFixture.Grade(data, criteria, []).Enterprises.Single();

        Assert.Equal(PerformanceGrade.B, fa.Grade); // the test ladder is A, B, C and only A has a criterion
        Assert.Equal("outlet 'O1' has no valid pm hour in 2024 with an O2 value", Assert.Single(fa.Unknown).Actual);
    }

    [Fact]
    public void Grade_ReferenceOxygenBasis_ConvertsEachHour()
    {
        // 6 mg/m3 at 19 % O2 is 6 × (21 − 18) / (21 − 19) = 9 at 18 % O2: at or below 10.
        EnterpriseGrade fa = GradingFixture.Grade(FurnaceWithOxygen([19, 19]), GradingFixture.Parse(GradingFixture.Table(ReferenceO2Pm)), []).Enterprises.Single();

        Assert.Equal(PerformanceGrade.A, fa.Grade);
        Assert.Equal("outlet 'O1' highest 9 mg/m3, 0 of 2 valid hours above 10", Assert.Single(fa.Criteria).Actual);
    }

    [Fact]
    public void Grade_OutletSharedByTwoFurnaces_IsJudgedOnce()
    {
        ClusterDataset d = GradingFixture.Create(furnacePm: [12]);
        Facility[] facilities = [.. d.Facilities.Select(f => f.FacilityId == "F2" ? new Facility("F2", "FA", FacilityKind.SubmergedArcFurnace, FacilityStatus.Running, product: "FeSi75") : f)];
        Outlet[] outlets = [.. d.Outlets.Where(o => o.OutletId != "O2"), new Outlet("O1", "F2", Pollutant.Pm, cemsInstalled: true)];
        var data = new ClusterDataset(d.Name, false, d.Enterprises, facilities, d.TreatmentFacilities, outlets, [], [], [], d.CemsHourly);
        GradingCriteria criteria = GradingFixture.Parse(GradingFixture.Table(ReferenceO2Pm.Replace("\"basis\": \"reference_o2\", \"reference_o2_pct\": 18", "\"basis\": \"measured\"", StringComparison.Ordinal)));

        CriterionOutcome failed = Assert.Single(GradingFixture.Grade(data, criteria).Enterprises.Single().Failed);

        Assert.Equal("outlet 'O1' highest 12 mg/m3, 1 of 1 valid hours above 10", failed.Actual);
    }

    [Fact]
    public void Grade_IllustrativeDataset_SaysSoInTheAssumptions()
    {
        ClusterDataset d = GradingFixture.Create();
        var data = new ClusterDataset(d.Name, illustrative: true, d.Enterprises, d.Facilities, d.TreatmentFacilities, d.Outlets, [], [], [], d.CemsHourly);

        GradingResult result = GradingFixture.Grade(data, GradingCriteria.CementExample(), []);

        Assert.Contains("Dataset 'grading-fixture' is illustrative: its figures are partly synthetic, and so are the grades.", result.Assumptions);
    }

    private static ClusterDataset FurnaceWithOxygen(double[] oxygen)
    {
        int n = oxygen.Length;
        static QuantityColumn<MassConcentration> Mg(double[] v) => new(v, MassConcentrationUnit.MilligramPerCubicMeter);
        var cems = new CemsHourlyTable(
            Enumerable.Repeat("O1", n).ToArray(),
            Enumerable.Range(0, n).Select(i => GradingFixture.Start.AddHours(i)).ToArray(),
            Mg(new double[n]),
            Mg(new double[n]),
            Mg(Enumerable.Repeat(6.0, n).ToArray()),
            new QuantityColumn<VolumeConcentration>(oxygen, VolumeConcentrationUnit.Percent),
            new QuantityColumn<VolumeFlow>(Enumerable.Repeat(1000.0, n).ToArray(), VolumeFlowUnit.CubicMeterPerHour),
            Enumerable.Repeat(DataFlag.N, n).ToArray());
        return new ClusterDataset(
            "furnace",
            false,
            [new Enterprise("FA", "Furnace works", "zhenluo", "3140", aboveScale: true)],
            [new Facility("F1", "FA", FacilityKind.SubmergedArcFurnace, FacilityStatus.Running)],
            [],
            [new Outlet("O1", "F1", Pollutant.Pm, cemsInstalled: true)],
            [],
            [],
            [],
            cems);
    }
}
