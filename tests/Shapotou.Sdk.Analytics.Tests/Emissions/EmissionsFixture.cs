using Shapotou.Sdk.Model;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Analytics.Tests.Emissions;

/// <summary>
/// A two-enterprise dataset with hand-checkable numbers: a ferrosilicon furnace F1 behind outlet O1 with CEMS hours, and
/// a ceramic kiln K1 behind outlet O2 estimated by factors (bag filter 99 % on PM, wet FGD 90 % on SO₂).
/// </summary>
internal static class EmissionsFixture
{
    public const string FactorSource = "test factor table, row 1";

    public static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public static ClusterDataset Create(
        IReadOnlyList<EmissionFactor>? factors = null,
        CemsHourlyTable? cems = null,
        IReadOnlyList<Outlet>? outlets = null,
        IReadOnlyList<EnergyLedgerEntry>? ledger = null,
        IReadOnlyList<Facility>? facilities = null) =>
        new(
            "fixture",
            illustrative: false,
            [
                new Enterprise("E1", "Furnace works", "zhenluo", "3140", aboveScale: true),
                new Enterprise("E2", "Tile works", "changle", "3071", aboveScale: true),
            ],
            facilities ?? Facilities(),
            [
                new TreatmentFacility("T1", "K1", TreatmentKind.BagFilter, Pollutant.Pm, Ratio.FromPercent(99)),
                new TreatmentFacility("T2", "K1", TreatmentKind.WetFgd, Pollutant.So2, Ratio.FromPercent(90)),
            ],
            outlets ?? Outlets(),
            ledger ?? Ledger(),
            [],
            factors ?? Factors(),
            cems ?? Cems());

    public static Facility[] Facilities() =>
    [
        new Facility("F1", "E1", FacilityKind.SubmergedArcFurnace, FacilityStatus.Running, product: "FeSi75", enclosure: FurnaceEnclosure.Closed),
        new Facility("K1", "E2", FacilityKind.CeramicKiln, FacilityStatus.Running, product: "ceramic_tile"),
    ];

    public static Outlet[] Outlets() =>
    [
        .. new[] { Pollutant.Pm, Pollutant.So2, Pollutant.Nox }.Select(p => new Outlet("O1", "F1", p, cemsInstalled: true)),
        .. new[] { Pollutant.Pm, Pollutant.So2, Pollutant.Nox }.Select(p => new Outlet("O2", "K1", p, cemsInstalled: false)),
    ];

    public static EnergyLedgerEntry[] Ledger() =>
    [
        new EnergyLedgerEntry("F1", new DateOnly(2024, 1, 1), "FeSi75", Mass.FromTonnes(2000), coke: Mass.FromTonnes(900)),
        Kiln(new DateOnly(2024, 1, 1), 1000, coal: 100),
        Kiln(new DateOnly(2024, 2, 1), 500, coal: 50),
    ];

    /// <summary>A kiln ledger row reporting every sulfur carrier: coal as given, the others 0 (a null would be unknown).</summary>
    public static EnergyLedgerEntry Kiln(DateOnly period, double outputT, double coal) =>
        new("K1", period, "ceramic_tile", Mass.FromTonnes(outputT), coke: Mass.Zero, semiCoke: Mass.Zero, coal: Mass.FromTonnes(coal), diesel: Mass.Zero, electrodePaste: Mass.Zero);

    public static EmissionFactor[] Factors() =>
    [
        new EmissionFactor("3071", "ceramic_tile", "ceramic_kiln", "pm", 1.2, "output", FactorSource),
        new EmissionFactor("3071", "ceramic_tile", "ceramic_kiln", "so2", 2.5, "output", FactorSource),
        new EmissionFactor("3071", "ceramic_tile", "ceramic_kiln", "nox", 0.9, "output", FactorSource),
    ];

    /// <summary>
    /// Four hours of O1 on 2024-01-01: 00:00 normal (the HJ 212 Annex D example: SO₂ 25.3 mg/m³ at 180 000 m³/h);
    /// 01:00 stopped; 02:00 calibration; 03:00 a normal row whose SO₂ value alone is flagged D.
    /// </summary>
    public static CemsHourlyTable Cems(bool so2ValueFlags = true) =>
        new(
            ["O1", "O1", "O1", "O1"],
            new[] { Start, Start.AddHours(1), Start.AddHours(2), Start.AddHours(3) },
            Column([25.3, double.NaN, 30, 40]),
            Column([40.2, double.NaN, 45, 50]),
            Column([5.1, double.NaN, 6, 10]),
            new QuantityColumn<VolumeConcentration>(new[] { 12.5, double.NaN, 12, 12 }, VolumeConcentrationUnit.Percent),
            new QuantityColumn<VolumeFlow>(new double[] { 180_000, double.NaN, 190_000, 200_000 }, VolumeFlowUnit.CubicMeterPerHour),
            new[] { DataFlag.N, DataFlag.F, DataFlag.C, DataFlag.N },
            so2ValueFlags ? new CemsOptionalColumns { So2Flags = new DataFlag?[] { null, null, null, DataFlag.D } } : null);

    private static QuantityColumn<MassConcentration> Column(double[] values) => new(values, MassConcentrationUnit.MilligramPerCubicMeter);
}
