using System.Text;
using Shapotou.Sdk.Analytics.Grading;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Analytics.Tests.Grading;

/// <summary>
/// Three enterprises: ferroalloy FA (furnace F1 behind outlet O1, bag filter and wet FGD, CEMS hours as measured), cement
/// CE (kiln K1 behind outlet OK, CEMS hours at 12 % O₂) and a heat plant HP (4430, which no example table covers).
/// </summary>
internal static class GradingFixture
{
    public static readonly DateOnly AsOf = new(2025, 1, 1);

    public static readonly DateTime Start = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>Ferroalloy hours that meet every illustrative A threshold: PM ≤ 10, SO₂ ≤ 50, NOx ≤ 100, as measured.</summary>
    public static readonly double[] GoodFurnacePm = [8, 9, 7.5];

    public static ReferenceCatalogue Catalogue => ReferenceCatalogue.Builtin;

    public static ClusterDataset Create(
        double[]? furnacePm = null,
        double[]? kilnNox = null,
        IReadOnlyList<TreatmentFacility>? treatment = null,
        bool? furnaceCems = true,
        bool furnaceCemsRows = true,
        FacilityStatus kilnStatus = FacilityStatus.Running)
    {
        furnacePm ??= GoodFurnacePm;
        kilnNox ??= [40, 35, 30];
        var outletIds = new List<string>();
        var hours = new List<DateTime>();
        var so2 = new List<double>();
        var nox = new List<double>();
        var pm = new List<double>();
        var o2 = new List<double>();
        if (furnaceCemsRows)
        {
            for (int i = 0; i < furnacePm.Length; i++)
            {
                outletIds.Add("O1");
                hours.Add(Start.AddHours(i));
                so2.Add(40);
                nox.Add(90);
                pm.Add(furnacePm[i]);
                o2.Add(19);
            }
        }

        for (int i = 0; i < kilnNox.Length; i++)
        {
            // At 12 % O2 a kiln value c is c × 11 / 9 at the 10 % reference (GB 4915-2013 formula (1)).
            outletIds.Add("OK");
            hours.Add(Start.AddHours(i));
            so2.Add(20);
            nox.Add(kilnNox[i]);
            pm.Add(5);
            o2.Add(12);
        }

        int rows = outletIds.Count;
        var cems = new CemsHourlyTable(
            outletIds,
            hours.ToArray(),
            Mg(so2),
            Mg(nox),
            Mg(pm),
            new QuantityColumn<VolumeConcentration>(o2.ToArray(), VolumeConcentrationUnit.Percent),
            new QuantityColumn<VolumeFlow>(Enumerable.Repeat(100_000.0, rows).ToArray(), VolumeFlowUnit.CubicMeterPerHour),
            Enumerable.Repeat(DataFlag.N, rows).ToArray());

        return new ClusterDataset(
            "grading-fixture",
            illustrative: false,
            [
                new Enterprise("FA", "Furnace works", "zhenluo", "3140", aboveScale: true),
                new Enterprise("CE", "Cement works", "xuanhe", "3011", aboveScale: true),
                new Enterprise("HP", "Heat plant", "xuanhe", "4430", aboveScale: true),
            ],
            [
                new Facility("F1", "FA", FacilityKind.SubmergedArcFurnace, FacilityStatus.Running, product: "FeSi75", enclosure: FurnaceEnclosure.Closed),
                new Facility("F2", "FA", FacilityKind.SubmergedArcFurnace, FacilityStatus.Idle, product: "FeSi75", enclosure: FurnaceEnclosure.Closed),
                new Facility("K1", "CE", FacilityKind.CementKiln, kilnStatus, product: "clinker"),
                new Facility("B1", "HP", FacilityKind.Boiler, FacilityStatus.Running, fuel: "coal"),
            ],
            treatment ?? FurnaceTreatment(),
            [
                .. new[] { Pollutant.Pm, Pollutant.So2, Pollutant.Nox }.Select(p => new Outlet("O1", "F1", p, cemsInstalled: furnaceCems)),
                .. new[] { Pollutant.Pm, Pollutant.So2, Pollutant.Nox }.Select(p => new Outlet("O2", "F2", p, cemsInstalled: false)),
                .. new[] { Pollutant.Pm, Pollutant.So2, Pollutant.Nox }.Select(p => new Outlet("OK", "K1", p, cemsInstalled: true)),
                new Outlet("OB", "B1", Pollutant.So2, cemsInstalled: false),
            ],
            [],
            [],
            [],
            cems);
    }

    public static TreatmentFacility[] FurnaceTreatment() =>
    [
        new TreatmentFacility("T1", "F1", TreatmentKind.BagFilter, Pollutant.Pm, Ratio.FromPercent(99)),
        new TreatmentFacility("T2", "F1", TreatmentKind.WetFgd, Pollutant.So2, Ratio.FromPercent(90)),
    ];

    /// <summary>Facts of FA; <see langword="null"/> arguments leave the fact out (unknown).</summary>
    public static EnterpriseFacts[] Facts(bool? closedStorage = true, double? truckShare = 85)
    {
        var facts = new Dictionary<string, FactValue>();
        if (closedStorage is { } c)
        {
            facts["closed_storage"] = FactValue.Of(c);
        }

        if (truckShare is { } t)
        {
            facts["china_v_or_better_truck_share_pct"] = FactValue.Of(t);
        }

        return [new EnterpriseFacts("FA", facts, "site survey")];
    }

    public static GradingResult Grade(ClusterDataset data, GradingCriteria criteria, IReadOnlyList<EnterpriseFacts>? facts = null) =>
        PerformanceGrading.Grade(data, 2024, criteria, facts ?? Facts(), Catalogue, AsOf);

    public static EnterpriseGrade Ferroalloy(ClusterDataset data, IReadOnlyList<EnterpriseFacts>? facts = null) =>
        Grade(data, GradingCriteria.FerroalloyIllustrativeExample(), facts).Enterprises.Single(e => e.EnterpriseId == "FA");

    public static GradingCriteria Parse(string json, string name = "test.json") =>
        GradingCriteriaJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), name);

    /// <summary>A one-industry ferroalloy table (A, B, C) with the given criteria rows.</summary>
    public static string Table(params string[] criteria) =>
        $$"""
        {
          "name": "t",
          "industries": [ { "industry": "ferroalloy", "industry_codes": ["3140"], "grades": ["A", "B", "C"], "source": "test ladder" } ],
          "criteria": [ {{string.Join(",\n", criteria)}} ]
        }
        """;

    private static QuantityColumn<MassConcentration> Mg(List<double> values) => new(values.ToArray(), MassConcentrationUnit.MilligramPerCubicMeter);
}
