using BenchmarkDotNet.Attributes;
using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Analytics.Grading;
using Shapotou.Sdk.Concentrations;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using Shapotou.Sdk.TestKit;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Benchmarks.Analytics;

/// <summary>
/// Grading ferroalloy enterprises with the illustrative table (five concentration criteria, treatment, monitoring and
/// fact criteria) against one hourly compliance pass of every outlet and pollutant (three per outlet), the baseline, on
/// a year of seeded CEMS hours per furnace (2024: 8 784 hours).
/// </summary>
[MemoryDiagnoser]
public class PerformanceGradingBenchmarks
{
    private const int FurnacesPerEnterprise = 4;
    private static readonly DateOnly s_asOf = new(2025, 1, 1);

    private ClusterDataset _data = null!;
    private GradingCriteria _criteria = null!;
    private Dictionary<(string, Pollutant), EmissionLimit> _limits = [];

    [ParamsSource(nameof(FurnaceCounts))]
    public int Furnaces { get; set; }

    public static IEnumerable<int> FurnaceCounts() =>
        Environment.GetEnvironmentVariable("SHAPOTOU_BENCH_LENGTHS") is { Length: > 0 } ? [4] : [40];

    [GlobalSetup]
    public void Setup()
    {
        const int Hours = 8784;
        int rows = Furnaces * Hours;
        var outletIds = new string[rows];
        var hours = new DateTime[rows];
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        for (int f = 0; f < Furnaces; f++)
        {
            for (int h = 0; h < Hours; h++)
            {
                outletIds[(f * Hours) + h] = $"O{f}";
                hours[(f * Hours) + h] = start.AddHours(h);
            }
        }

        static QuantityColumn<MassConcentration> Mg(double[] v) => new(v, MassConcentrationUnit.MilligramPerCubicMeter);
        var cems = new CemsHourlyTable(
            outletIds,
            hours,
            Mg(SeededData.Uniform(rows, 5, 60, 21)),
            Mg(SeededData.Uniform(rows, 30, 120, 22)),
            Mg(SeededData.Uniform(rows, 2, 12, 23)),
            new QuantityColumn<VolumeConcentration>(SeededData.Uniform(rows, 17, 20, 24), VolumeConcentrationUnit.Percent),
            new QuantityColumn<VolumeFlow>(SeededData.Uniform(rows, 1e5, 3e5, 25), VolumeFlowUnit.CubicMeterPerHour),
            Enumerable.Repeat(DataFlag.N, rows).ToArray());
        int enterprises = Furnaces / FurnacesPerEnterprise;
        Pollutant[] pollutants = [Pollutant.Pm, Pollutant.So2, Pollutant.Nox];
        _data = new ClusterDataset(
            "bench",
            illustrative: true,
            [.. Enumerable.Range(0, enterprises).Select(e => new Enterprise($"E{e}", $"Furnace works {e}", "zhenluo", "3140", aboveScale: true))],
            [.. Enumerable.Range(0, Furnaces).Select(f => new Facility($"F{f}", $"E{f / FurnacesPerEnterprise}", FacilityKind.SubmergedArcFurnace, FacilityStatus.Running))],
            [.. Enumerable.Range(0, Furnaces).Select(f => new TreatmentFacility($"T{f}", $"F{f}", TreatmentKind.BagFilter, Pollutant.Pm, Ratio.FromPercent(99)))],
            [.. Enumerable.Range(0, Furnaces).SelectMany(f => pollutants.Select(p => new Outlet($"O{f}", $"F{f}", p, cemsInstalled: true)))],
            [],
            [],
            [],
            cems);
        _criteria = GradingCriteria.FerroalloyIllustrativeExample();
        var limit = EmissionLimit.Of(MassConcentration.FromMilligramsPerCubicMeter(10), ConcentrationBasis.Measured, "benchmark");
        _limits = _data.Outlets.ToDictionary(o => (o.OutletId, o.Pollutant), _ => limit);

        // The grade's A particulate criterion (10 mg/m3, as measured) must fail exactly where the baseline finds hours above 10.
        int baselineOutletsAbove = Baseline().Outlets.Count(o => o.Pollutant == Pollutant.Pm && o.Compliant == false);
        int gradedOutletsAbove = Grade().Enterprises.Sum(e => e.Criteria.Single(c => c.CriterionId == "ferroalloy.a.furnace_pm").Actual.Split("; ").Count(s => !s.Contains(" 0 of ", StringComparison.Ordinal)));
        if (baselineOutletsAbove != gradedOutletsAbove)
        {
            throw new InvalidOperationException($"Grading finds {gradedOutletsAbove} outlets above 10 mg/m3 PM; the compliance pass finds {baselineOutletsAbove}.");
        }
    }

    [Benchmark(Baseline = true)]
    public ComplianceResult Baseline() => PermitCompliance.Evaluate(_data, 2024, _limits);

    [Benchmark]
    public GradingResult Grade() => PerformanceGrading.Grade(_data, 2024, _criteria, [], ReferenceCatalogue.Builtin, s_asOf);
}
