using System.Globalization;
using Shapotou.Sdk.Analytics.EnergyEfficiency;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Analytics.Sql;

/// <content>The unit energies against the energy-efficiency benchmark and baseline.</content>
public static partial class SqlCalculators
{
    /// <summary>The year ranges over which the rows of <paramref name="keys"/> in force on 31 December do not change:
    /// a row covers a year whose 31 December it covers.</summary>
    private static IEnumerable<(int From, int To)> YearRanges(ReferenceCatalogue catalogue, string[] keys)
    {
        const int First = 1;
        const int Last = 9999;
        var bounds = new SortedSet<int> { First, Last + 1 };
        foreach (ReferenceValue row in catalogue.Values.Where(v => keys.Contains(v.Key)))
        {
            if (row.ValidFrom is { } from)
            {
                bounds.Add(from.Year);
            }

            if (row.ValidTo is { } to)
            {
                bounds.Add(to == new DateOnly(to.Year, 12, 31) ? to.Year + 1 : to.Year);
            }
        }

        int[] edges = [.. bounds.Where(b => b is >= First and <= Last + 1)];
        for (int i = 0; i + 1 < edges.Length; i++)
        {
            yield return (edges[i], edges[i + 1] - 1);
        }
    }

    private static string Comment(ReferenceValue row) =>
        $"{row.Key} [{row.ConfidenceMark}] {row.Source.Replace('\n', ' ').Replace("*/", "* /", StringComparison.Ordinal)}";

    /// <summary>Each product's benchmark pair (标杆水平, 基准水平) as year ranges: a year takes the rows in force on its
    /// 31 December, as <see cref="EnergyCalculator.ByEnterprise"/> does; a year no pair covers has none.</summary>
    private static string BenchmarkRows(ReferenceCatalogue catalogue)
    {
        var rows = new List<string>();
        foreach (ProductDefinition product in ProductDefinition.Defaults.Where(p => p.BenchmarkProduct is not null))
        {
            string slug = product.BenchmarkProduct!;
            foreach ((int from, int to) in YearRanges(catalogue, [$"energy.benchmark.{slug}.benchmark", $"energy.benchmark.{slug}.baseline"]))
            {
                if (catalogue.FindEnergyBenchmark(slug, new DateOnly(from, 12, 31)) is not { } pair
                    || pair.Benchmark.Value is not { } benchmark || pair.Baseline.Value is not { } baseline)
                {
                    continue;
                }

                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"  SELECT '{product.Code}' AS product, {from} AS from_year, {to} AS to_year, {Literal(benchmark)} AS benchmark_kgce_per_t, {Literal(baseline)} AS baseline_kgce_per_t /* {Comment(pair.Benchmark)}; {Comment(pair.Baseline)} */"));
            }
        }

        return rows.Count > 0
            ? string.Join("\n  UNION ALL\n", rows)
            : "  SELECT '' AS product, 0 AS from_year, 0 AS to_year, CAST(NULL AS DOUBLE) AS benchmark_kgce_per_t, CAST(NULL AS DOUBLE) AS baseline_kgce_per_t FROM facilities WHERE 1 = 0";
    }

    /// <summary>The levels 1, 2 and 3 of each product's comprehensive-energy limit (GB 21341 / 21343 / 16780) as year
    /// ranges, each level the row in force on 31 December (<see cref="ReferenceCatalogue.GetLimitLevels"/>).</summary>
    private static string LimitRows(ReferenceCatalogue catalogue)
    {
        var rows = new List<string>();
        foreach (ProductDefinition product in ProductDefinition.Defaults.Where(p => p.ComprehensiveLimitKey is not null))
        {
            string key = product.ComprehensiveLimitKey!;
            for (int level = 1; level <= 3; level++)
            {
                string levelKey = $"{key}.level_{level}";
                foreach ((int from, int to) in YearRanges(catalogue, [levelKey]))
                {
                    if (!catalogue.TryGet(levelKey, new DateOnly(from, 12, 31), out ReferenceValue? row) || row.Value is not { } value)
                    {
                        continue;
                    }

                    rows.Add(string.Create(CultureInfo.InvariantCulture,
                        $"  SELECT '{product.Code}' AS product, {level} AS level, {from} AS from_year, {to} AS to_year, {Literal(value)} AS kgce_per_t /* {Comment(row)} */"));
                }
            }
        }

        return rows.Count > 0
            ? string.Join("\n  UNION ALL\n", rows)
            : "  SELECT '' AS product, 0 AS level, 0 AS from_year, 0 AS to_year, CAST(NULL AS DOUBLE) AS kgce_per_t FROM facilities WHERE 1 = 0";
    }

    /// <summary>Each enterprise, year and product of <c>unit_energy</c> against the pair in force on 31 December
    /// (<c>energy.enterprises[]</c>): the class (≤ benchmark better, &gt; baseline worse, else between), the gap to the
    /// benchmark in kgce/t and in tce over the basis output; NULL without a pair or a unit energy. And the level of the
    /// comprehensive-energy limit standard (<see cref="LimitLevels.Classify"/>): the first level the unit energy is at or
    /// below, above level 3, or NULL without levels or when above the known levels and level 3 is unknown.</summary>
    private static string EnergyBenchmarks(ReferenceCatalogue catalogue) => $"""
        WITH benchmarks AS (
        {BenchmarkRows(catalogue)}
        ),
        limit_rows AS (
        {LimitRows(catalogue)}
        ),
        limits AS (
          SELECT u.enterprise_id, u.year, u.product,
            MIN(CASE WHEN l.level = 1 THEN l.kgce_per_t END) AS level_1,
            MIN(CASE WHEN l.level = 2 THEN l.kgce_per_t END) AS level_2,
            MIN(CASE WHEN l.level = 3 THEN l.kgce_per_t END) AS level_3
          FROM unit_energy u
          JOIN limit_rows l ON l.product = u.product AND u.year >= l.from_year AND u.year <= l.to_year
          GROUP BY u.enterprise_id, u.year, u.product
        )
        SELECT u.enterprise_id, u.year, u.product, b.benchmark_kgce_per_t, b.baseline_kgce_per_t,
          CASE WHEN b.benchmark_kgce_per_t IS NULL OR u.unit_energy_kgce_per_t IS NULL THEN NULL
               WHEN u.unit_energy_kgce_per_t <= b.benchmark_kgce_per_t THEN 'better_than_benchmark'
               WHEN u.unit_energy_kgce_per_t > b.baseline_kgce_per_t THEN 'worse_than_baseline'
               ELSE 'between' END AS benchmark_class,
          u.unit_energy_kgce_per_t - b.benchmark_kgce_per_t AS gap_to_benchmark_kgce_per_t,
          (u.unit_energy_kgce_per_t - b.benchmark_kgce_per_t) * u.output_basis_t / 1E3 AS gap_to_benchmark_tce,
          l.level_1 AS limit_level_1_kgce_per_t, l.level_2 AS limit_level_2_kgce_per_t, l.level_3 AS limit_level_3_kgce_per_t,
          CASE WHEN u.unit_energy_kgce_per_t IS NULL THEN NULL
               WHEN l.level_1 IS NOT NULL AND u.unit_energy_kgce_per_t <= l.level_1 THEN 'level_1'
               WHEN l.level_2 IS NOT NULL AND u.unit_energy_kgce_per_t <= l.level_2 THEN 'level_2'
               WHEN l.level_3 IS NOT NULL AND u.unit_energy_kgce_per_t <= l.level_3 THEN 'level_3'
               WHEN l.level_3 IS NOT NULL THEN 'above_level_3' END AS limit_level
        FROM unit_energy u
        LEFT JOIN benchmarks b ON b.product = u.product AND u.year >= b.from_year AND u.year <= b.to_year
        LEFT JOIN limits l ON l.enterprise_id = u.enterprise_id AND l.year = u.year AND l.product = u.product
        """;

    /// <summary>The GB 21341 indicator whose levels the ore-grade correction shifts, as
    /// <see cref="LimitCorrections.Gb21341PrimaryLimit"/> chooses it: smelting electricity where the catalogue has it,
    /// else coke.</summary>
    private static string Gb21341PrimaryIndicator(ReferenceCatalogue catalogue, string product) =>
        catalogue.Contains($"energy.limit.gb21341.{product}.smelting_electricity.level_1")
            ? $"energy.limit.gb21341.{product}.smelting_electricity"
            : $"energy.limit.gb21341.{product}.coke";

    /// <summary>The products with an electricity limit, each with whether GB 21341's ore-grade correction applies to
    /// it, and the levels 1, 2 and 3 of that limit as year ranges, each level the row in force on 31 December.</summary>
    private static (string Products, string Levels) ElectricityLimitRows(ReferenceCatalogue catalogue)
    {
        var products = new List<string>();
        var rows = new List<string>();
        foreach (ProductDefinition product in ProductDefinition.Defaults.Where(p => p.ElectricityLimitKey is not null))
        {
            products.Add($"  SELECT '{product.Code}' AS product, {(product.OreGradeProduct is null ? "FALSE" : "TRUE")} AS ore_grade_corrected");
            string key = product.OreGradeProduct is null ? product.ElectricityLimitKey! : Gb21341PrimaryIndicator(catalogue, product.OreGradeProduct);
            for (int level = 1; level <= 3; level++)
            {
                string levelKey = $"{key}.level_{level}";
                foreach ((int from, int to) in YearRanges(catalogue, [levelKey]))
                {
                    if (!catalogue.TryGet(levelKey, new DateOnly(from, 12, 31), out ReferenceValue? row) || row.Value is not { } value)
                    {
                        continue;
                    }

                    rows.Add(string.Create(CultureInfo.InvariantCulture,
                        $"  SELECT '{product.Code}' AS product, {level} AS level, {from} AS from_year, {to} AS to_year, {Literal(value)} AS kwh_per_t /* {Comment(row)} */"));
                }
            }
        }

        return (
            string.Join("\n  UNION ALL\n", products),
            rows.Count > 0
                ? string.Join("\n  UNION ALL\n", rows)
                : "  SELECT '' AS product, 0 AS level, 0 AS from_year, 0 AS to_year, CAST(NULL AS DOUBLE) AS kwh_per_t FROM facilities WHERE 1 = 0");
    }

    /// <summary>GB 21341's ore-grade baseline and correction per percentage point for each product it applies to, as
    /// year ranges over which both are in force on 31 December.</summary>
    private static string OreGradeRows(ReferenceCatalogue catalogue)
    {
        var rows = new List<string>();
        foreach (ProductDefinition product in ProductDefinition.Defaults.Where(p => p.ElectricityLimitKey is not null && p.OreGradeProduct is not null))
        {
            string prefix = $"energy.limit.gb21341.{product.OreGradeProduct}";
            foreach ((int from, int to) in YearRanges(catalogue, [$"{prefix}.ore_grade_baseline", $"{prefix}.ore_grade_correction"]))
            {
                var asOf = new DateOnly(from, 12, 31);
                if (!catalogue.TryGet($"{prefix}.ore_grade_baseline", asOf, out ReferenceValue? baseline) || baseline.Value is not { } baselinePct
                    || !catalogue.TryGet($"{prefix}.ore_grade_correction", asOf, out ReferenceValue? correction) || correction.Value is not { } perPoint)
                {
                    continue;
                }

                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"  SELECT '{product.Code}' AS product, {from} AS from_year, {to} AS to_year, {Literal(baselinePct)} AS baseline_pct, {Literal(perPoint)} AS correction_kwh_per_t_per_point /* {Comment(baseline)}; {Comment(correction)} */"));
            }
        }

        return rows.Count > 0
            ? string.Join("\n  UNION ALL\n", rows)
            : "  SELECT '' AS product, 0 AS from_year, 0 AS to_year, CAST(NULL AS DOUBLE) AS baseline_pct, CAST(NULL AS DOUBLE) AS correction_kwh_per_t_per_point FROM facilities WHERE 1 = 0";
    }

    /// <summary>The furnace electricity per tonne (<c>energy.enterprises[].smelting_electricity_kwh_per_t</c>) per
    /// enterprise, year and product: Σ <c>furnace_electricity</c> ÷ Σ output on the benchmark basis; NULL when a row's
    /// furnace electricity is NULL or the basis output is not above 0. And its level
    /// (<c>energy.enterprises[].electricity_limit_level</c>): the levels of the product's electricity limit in force on
    /// 31 December (GB 21341 / 21343 / 16780), for ferrosilicon and silicomanganese shifted by GB 21341's ore-grade
    /// correction, −(grade − baseline) × correction per percentage point, at the output-weighted grade Σ ore_grade ×
    /// output ÷ Σ output (<see cref="LimitCorrections.Gb21341PrimaryLimit"/>); such a product's levels are NULL when a
    /// row's grade is NULL, the output is 0, or the baseline and correction are not in force. Classified as
    /// <see cref="LimitLevels.Classify"/>, as <see cref="EnergyCalculator.ByEnterprise"/> does.</summary>
    private static string SmeltingElectricity(ReferenceCatalogue catalogue)
    {
        string basis = string.Join("\n    ", ProductDefinition.Defaults.Select(p => $"WHEN '{p.Code}' THEN {Literal(p.BasisFactor)}"));
        (string products, string levels) = ElectricityLimitRows(catalogue);
        return $"""
            WITH sums AS (
              SELECT f.enterprise_id, EXTRACT(YEAR FROM l.period) AS year, l.product,
                CASE WHEN COUNT(*) = COUNT(l.furnace_electricity) THEN SUM(CAST(l.furnace_electricity AS DOUBLE)) END AS furnace_electricity_kwh,
                SUM(CAST(l.output AS DOUBLE)) AS output_t,
                SUM(CAST(l.output AS DOUBLE) * CASE l.product
                {basis}
                END) AS output_basis_t,
                CASE WHEN COUNT(*) = COUNT(l.ore_grade) THEN SUM(CAST(l.ore_grade AS DOUBLE) * CAST(l.output AS DOUBLE)) END AS grade_output
              FROM energy_ledger l
              JOIN facilities f ON f.facility_id = l.facility_id
              GROUP BY f.enterprise_id, EXTRACT(YEAR FROM l.period), l.product
            ),
            per_tonne AS (
              SELECT enterprise_id, year, product, furnace_electricity_kwh, output_basis_t,
                CASE WHEN furnace_electricity_kwh IS NOT NULL AND output_basis_t > 0E0 THEN furnace_electricity_kwh / output_basis_t END AS smelting_electricity_kwh_per_t,
                CASE WHEN grade_output IS NOT NULL AND output_t <> 0E0 THEN grade_output / output_t END AS ore_grade_pct
              FROM sums
            ),
            electricity_products AS (
            {products}
            ),
            electricity_limit_rows AS (
            {levels}
            ),
            ore_grade_rows AS (
            {OreGradeRows(catalogue)}
            ),
            limits AS (
              SELECT p.enterprise_id, p.year, p.product,
                MIN(CASE WHEN r.level = 1 THEN r.kwh_per_t END) AS level_1,
                MIN(CASE WHEN r.level = 2 THEN r.kwh_per_t END) AS level_2,
                MIN(CASE WHEN r.level = 3 THEN r.kwh_per_t END) AS level_3
              FROM per_tonne p
              JOIN electricity_limit_rows r ON r.product = p.product AND p.year >= r.from_year AND p.year <= r.to_year
              GROUP BY p.enterprise_id, p.year, p.product
            ),
            corrected AS (
              SELECT p.enterprise_id, p.year, p.product, p.furnace_electricity_kwh, p.output_basis_t, p.smelting_electricity_kwh_per_t, p.ore_grade_pct,
                CASE WHEN e.ore_grade_corrected = FALSE THEN l.level_1
                     WHEN g.baseline_pct IS NOT NULL AND p.ore_grade_pct IS NOT NULL THEN l.level_1 - (p.ore_grade_pct - g.baseline_pct) * g.correction_kwh_per_t_per_point END AS level_1,
                CASE WHEN e.ore_grade_corrected = FALSE THEN l.level_2
                     WHEN g.baseline_pct IS NOT NULL AND p.ore_grade_pct IS NOT NULL THEN l.level_2 - (p.ore_grade_pct - g.baseline_pct) * g.correction_kwh_per_t_per_point END AS level_2,
                CASE WHEN e.ore_grade_corrected = FALSE THEN l.level_3
                     WHEN g.baseline_pct IS NOT NULL AND p.ore_grade_pct IS NOT NULL THEN l.level_3 - (p.ore_grade_pct - g.baseline_pct) * g.correction_kwh_per_t_per_point END AS level_3
              FROM per_tonne p
              LEFT JOIN electricity_products e ON e.product = p.product
              LEFT JOIN limits l ON l.enterprise_id = p.enterprise_id AND l.year = p.year AND l.product = p.product
              LEFT JOIN ore_grade_rows g ON g.product = p.product AND p.year >= g.from_year AND p.year <= g.to_year
            )
            SELECT enterprise_id, year, product, furnace_electricity_kwh, output_basis_t, smelting_electricity_kwh_per_t, ore_grade_pct,
              level_1 AS electricity_limit_level_1_kwh_per_t, level_2 AS electricity_limit_level_2_kwh_per_t, level_3 AS electricity_limit_level_3_kwh_per_t,
              CASE WHEN smelting_electricity_kwh_per_t IS NULL THEN NULL
                   WHEN level_1 IS NOT NULL AND smelting_electricity_kwh_per_t <= level_1 THEN 'level_1'
                   WHEN level_2 IS NOT NULL AND smelting_electricity_kwh_per_t <= level_2 THEN 'level_2'
                   WHEN level_3 IS NOT NULL AND smelting_electricity_kwh_per_t <= level_3 THEN 'level_3'
                   WHEN level_3 IS NOT NULL THEN 'above_level_3' END AS electricity_limit_level
            FROM corrected
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
