using System.Globalization;
using Shapotou.Sdk.Analytics.EnergyEfficiency;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Analytics.Sql;

/// <content>The unit energies against the energy-efficiency benchmark and baseline.</content>
public static partial class SqlCalculators
{
    /// <summary>Each product's benchmark pair (标杆水平, 基准水平) as year ranges: a year takes the rows in force on its
    /// 31 December, as <see cref="EnergyCalculator.ByEnterprise"/> does; a year no pair covers has none.</summary>
    private static string BenchmarkRows(ReferenceCatalogue catalogue)
    {
        const int First = 1;
        const int Last = 9999;
        static int YearOf(DateOnly date, bool from) => from
            ? date.Year
            : date == new DateOnly(date.Year, 12, 31) ? date.Year + 1 : date.Year;

        var rows = new List<string>();
        foreach (ProductDefinition product in ProductDefinition.Defaults.Where(p => p.BenchmarkProduct is not null))
        {
            string slug = product.BenchmarkProduct!;
            string[] keys = [$"energy.benchmark.{slug}.benchmark", $"energy.benchmark.{slug}.baseline"];

            // The years where the rows in force change: a row covers a year whose 31 December it covers.
            var bounds = new SortedSet<int> { First, Last + 1 };
            foreach (ReferenceValue row in catalogue.Values.Where(v => keys.Contains(v.Key)))
            {
                if (row.ValidFrom is { } from)
                {
                    bounds.Add(YearOf(from, from: true));
                }

                if (row.ValidTo is { } to)
                {
                    bounds.Add(YearOf(to, from: false));
                }
            }

            int[] edges = [.. bounds.Where(b => b is >= First and <= Last + 1)];
            for (int i = 0; i + 1 < edges.Length; i++)
            {
                if (edges[i] == edges[i + 1] || catalogue.FindEnergyBenchmark(slug, new DateOnly(edges[i], 12, 31)) is not { } pair
                    || pair.Benchmark.Value is not { } benchmark || pair.Baseline.Value is not { } baseline)
                {
                    continue;
                }

                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"  SELECT '{product.Code}' AS product, {edges[i]} AS from_year, {edges[i + 1] - 1} AS to_year, {Literal(benchmark)} AS benchmark_kgce_per_t, {Literal(baseline)} AS baseline_kgce_per_t /* {pair.Benchmark.Key} [{pair.Benchmark.ConfidenceMark}], {pair.Baseline.Key} [{pair.Baseline.ConfidenceMark}] {pair.Benchmark.Source.Replace('\n', ' ').Replace("*/", "* /", StringComparison.Ordinal)} */"));
            }
        }

        return rows.Count > 0
            ? string.Join("\n  UNION ALL\n", rows)
            : "  SELECT '' AS product, 0 AS from_year, 0 AS to_year, CAST(NULL AS DOUBLE) AS benchmark_kgce_per_t, CAST(NULL AS DOUBLE) AS baseline_kgce_per_t FROM facilities WHERE 1 = 0";
    }

    /// <summary>Each enterprise, year and product of <c>unit_energy</c> against the pair in force on 31 December
    /// (<c>energy.enterprises[]</c>): the class (≤ benchmark better, &gt; baseline worse, else between), the gap to the
    /// benchmark in kgce/t and in tce over the basis output; NULL without a pair or a unit energy.</summary>
    private static string EnergyBenchmarks(ReferenceCatalogue catalogue) => $"""
        WITH benchmarks AS (
        {BenchmarkRows(catalogue)}
        )
        SELECT u.enterprise_id, u.year, u.product, b.benchmark_kgce_per_t, b.baseline_kgce_per_t,
          CASE WHEN b.benchmark_kgce_per_t IS NULL OR u.unit_energy_kgce_per_t IS NULL THEN NULL
               WHEN u.unit_energy_kgce_per_t <= b.benchmark_kgce_per_t THEN 'better_than_benchmark'
               WHEN u.unit_energy_kgce_per_t > b.baseline_kgce_per_t THEN 'worse_than_baseline'
               ELSE 'between' END AS benchmark_class,
          u.unit_energy_kgce_per_t - b.benchmark_kgce_per_t AS gap_to_benchmark_kgce_per_t,
          (u.unit_energy_kgce_per_t - b.benchmark_kgce_per_t) * u.output_basis_t / 1E3 AS gap_to_benchmark_tce
        FROM unit_energy u
        LEFT JOIN benchmarks b ON b.product = u.product AND u.year >= b.from_year AND u.year <= b.to_year
        """;

    /// <summary>The furnace electricity per tonne (<c>energy.enterprises[].smelting_electricity_kwh_per_t</c>) per
    /// enterprise, year and product: Σ <c>furnace_electricity</c> ÷ Σ output on the benchmark basis; NULL when a row's
    /// furnace electricity is NULL or the basis output is not above 0.</summary>
    private static string SmeltingElectricity()
    {
        string basis = string.Join("\n    ", ProductDefinition.Defaults.Select(p => $"WHEN '{p.Code}' THEN {Literal(p.BasisFactor)}"));
        return $"""
            SELECT f.enterprise_id, EXTRACT(YEAR FROM l.period) AS year, l.product,
              CASE WHEN COUNT(*) = COUNT(l.furnace_electricity) THEN SUM(CAST(l.furnace_electricity AS DOUBLE)) END AS furnace_electricity_kwh,
              SUM(CAST(l.output AS DOUBLE) * CASE l.product
                {basis}
              END) AS output_basis_t,
              CASE WHEN COUNT(*) = COUNT(l.furnace_electricity) AND SUM(CAST(l.output AS DOUBLE) * CASE l.product
                {basis}
              END) > 0E0 THEN SUM(CAST(l.furnace_electricity AS DOUBLE)) / SUM(CAST(l.output AS DOUBLE) * CASE l.product
                {basis}
              END) END AS smelting_electricity_kwh_per_t
            FROM energy_ledger l
            JOIN facilities f ON f.facility_id = l.facility_id
            GROUP BY f.enterprise_id, EXTRACT(YEAR FROM l.period), l.product
            """;
    }

    /// <summary>The ferroalloy furnaces per ledger year (<c>ferroalloy.output_t</c>, <c>waste_heat.power_kwh_per_t</c>):
    /// the output of the submerged-arc furnaces of GB/T 4754 class 3140, and Σ waste-heat power ÷ Σ output of those
    /// with recovery, NULL when one of their rows has no power, they have no rows, or no output.</summary>
    private static string FerroalloyFurnaces() => $"""
        SELECT EXTRACT(YEAR FROM l.period) AS year,
          SUM(CAST(l.output AS DOUBLE)) AS output_t,
          SUM(CASE WHEN f.waste_heat_recovery = TRUE THEN CAST(l.output AS DOUBLE) ELSE 0E0 END) AS recovering_output_t,
          CASE WHEN SUM(CASE WHEN f.waste_heat_recovery = TRUE THEN 1 ELSE 0 END) > 0
                AND SUM(CASE WHEN f.waste_heat_recovery = TRUE AND l.waste_heat_power_generated IS NULL THEN 1 ELSE 0 END) = 0
                AND SUM(CASE WHEN f.waste_heat_recovery = TRUE THEN CAST(l.output AS DOUBLE) ELSE 0E0 END) > 0E0
            THEN SUM(CASE WHEN f.waste_heat_recovery = TRUE THEN CAST(l.waste_heat_power_generated AS DOUBLE) ELSE 0E0 END)
              / SUM(CASE WHEN f.waste_heat_recovery = TRUE THEN CAST(l.output AS DOUBLE) ELSE 0E0 END) END AS waste_heat_power_kwh_per_t
        FROM energy_ledger l
        JOIN facilities f ON f.facility_id = l.facility_id
        JOIN enterprises e ON e.enterprise_id = f.enterprise_id
        WHERE e.industry_code = '{ClusterFerroalloyIndustryCode}' AND f.kind = 'submerged_arc_furnace'
        GROUP BY EXTRACT(YEAR FROM l.period)
        """;

    /// <summary>The GB/T 4754-2017 class of ferroalloy smelting (铁合金冶炼), as the assessment's cluster summary.</summary>
    private const string ClusterFerroalloyIndustryCode = "3140";
}
