using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Shapotou.Sdk.Analytics.EnergyEfficiency;
using Shapotou.Sdk.Analytics.Tax;
using Shapotou.Sdk.Reference;
using Shapotou.Sdk.Units;

namespace Shapotou.Sdk.Analytics.Sql;

/// <summary>An engine the SQL runs on.</summary>
public enum SqlEngine
{
    /// <summary>DuckDB (<c>read_parquet</c> views).</summary>
    DuckDb,

    /// <summary>Spark SQL (<c>CREATE TEMPORARY VIEW … USING parquet</c>).</summary>
    Spark,

    /// <summary>Trino with a Hive connector (external tables).</summary>
    Trino,
}

/// <summary>One calculator as a SQL query over the named views of the dataset.</summary>
/// <param name="Name">The calculator: <c>comprehensive_energy</c>, <c>unit_energy</c>, <c>measured_inventory</c>, <c>reference_oxygen</c>, <c>solid_waste_utilisation</c>.</param>
/// <param name="Description">What it computes and which SDK type it mirrors.</param>
/// <param name="Sql">The query, one statement without a terminating semicolon.</param>
public sealed record SqlQuery(string Name, string Description, string Sql);

/// <summary>
/// The SDK's main calculators as portable SQL over the dataset's tables as named views (<c>energy_ledger</c>,
/// <c>facilities</c>, <c>outlets</c>, <c>cems_hourly</c>, <c>solid_waste_ledger</c>), for Spark SQL, Trino and DuckDB:
/// every input is CAST to DOUBLE, every literal is written in exponent form (so that no engine types it DECIMAL), no
/// integer division; catalogue values are inlined with their key, source and mark in a comment.
/// </summary>
/// <remarks>
/// <para>The queries follow the SDK's null rule: an unknown (null) input makes every total that contains it null
/// (<c>CASE WHEN COUNT(*) = COUNT(x) THEN SUM(x) END</c>), as <see cref="EnergyCalculator"/> and the inventory do.</para>
/// <para>The CEMS queries adapt to the columns a dataset's <c>cems_hourly</c> has: per-value flag columns are used where
/// present (<c>COALESCE(so2_flag, flag, 'N')</c>), the row flag otherwise.</para>
/// </remarks>
public static partial class SqlCalculators
{
    private static readonly (string Pollutant, string Column)[] s_pollutants = [("pm", "pm"), ("so2", "so2"), ("nox", "nox")];

    /// <summary>Writes the setup an engine needs: one view (or external table) per table of the dataset.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="root">The dataset folder as the engine sees it (a path or a URI).</param>
    /// <param name="tables">The tables present, and whether each is a Hive-partitioned folder (<c>&lt;table&gt;/</c>) rather than <c>&lt;table&gt;.parquet</c>.</param>
    /// <returns>The statements, each ending with a semicolon.</returns>
    public static string Setup(SqlEngine engine, string root, IReadOnlyDictionary<string, bool> tables)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(tables);
        string trimmed = root.TrimEnd('/');
        var sql = new StringBuilder();
        foreach ((string table, bool folder) in tables.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            string location = folder ? $"{trimmed}/{table}" : $"{trimmed}/{table}.parquet";
            switch (engine)
            {
                case SqlEngine.DuckDb:
                    string glob = folder ? $"'{location}/**/*.parquet', hive_partitioning = true" : $"'{location}'";
                    sql.Append(CultureInfo.InvariantCulture, $"CREATE OR REPLACE VIEW {table} AS SELECT * FROM read_parquet({glob});\n");
                    break;
                case SqlEngine.Spark:
                    sql.Append(CultureInfo.InvariantCulture, $"CREATE OR REPLACE TEMPORARY VIEW {table} USING parquet OPTIONS (path '{location}');\n");
                    break;
                default:
                    sql.Append(CultureInfo.InvariantCulture, $"-- Trino: declare {table} in a Hive catalog over the folder of its files, e.g.\n");
                    sql.Append(CultureInfo.InvariantCulture, $"-- CREATE TABLE hive.shapotou.{table} (<columns of docs/tables.md>) WITH (external_location = '{(folder ? location : trimmed + "/" + table)}', format = 'PARQUET'{(folder ? ", partitioned_by = ARRAY[<partition columns>]" : string.Empty)});\n");
                    sql.Append(CultureInfo.InvariantCulture, $"-- then: USE hive.shapotou;\n");
                    break;
            }
        }

        return sql.ToString();
    }

    /// <summary>Writes the calculators.</summary>
    /// <param name="catalogue">The catalogue whose coefficients are inlined.</param>
    /// <param name="asOf">The date whose rows apply.</param>
    /// <param name="cemsColumns">The columns of the dataset's <c>cems_hourly</c>, or <see langword="null"/> when it has none (no CEMS queries).</param>
    /// <returns>The queries.</returns>
    public static IReadOnlyList<SqlQuery> Queries(ReferenceCatalogue catalogue, DateOnly asOf, IReadOnlySet<string>? cemsColumns) =>
        Queries(catalogue, asOf, cemsColumns, null, null);

    /// <summary>Writes the calculators whose input tables the dataset has.</summary>
    /// <param name="catalogue">The catalogue whose coefficients are inlined.</param>
    /// <param name="asOf">The date whose rows apply.</param>
    /// <param name="cemsColumns">The columns of the dataset's <c>cems_hourly</c>, or <see langword="null"/> when it has none (no CEMS queries).</param>
    /// <param name="tables">The tables the dataset has; a query that reads a table not in it (directly or through another query) is left out. <see langword="null"/> for every table.</param>
    /// <param name="minuteColumns">The columns of the dataset's <c>cems_minute</c>, or <see langword="null"/> when it has none (no minute aggregation).</param>
    /// <returns>The queries, each after the queries it reads.</returns>
    public static IReadOnlyList<SqlQuery> Queries(ReferenceCatalogue catalogue, DateOnly asOf, IReadOnlySet<string>? cemsColumns, IReadOnlySet<string>? tables, IReadOnlySet<string>? minuteColumns) =>
        Queries(catalogue, asOf, cemsColumns, tables, minuteColumns, TaxOptions.Exact);

    /// <summary>Writes the calculators whose input tables the dataset has, the tax with the given policy options.</summary>
    /// <param name="catalogue">The catalogue whose coefficients are inlined.</param>
    /// <param name="asOf">The date whose rows apply (the tax takes, per month, the rows in force on the month's last day).</param>
    /// <param name="cemsColumns">The columns of the dataset's <c>cems_hourly</c>, or <see langword="null"/> when it has none (no CEMS queries).</param>
    /// <param name="tables">The tables the dataset has; a query that reads a table not in it (directly or through another query) is left out. <see langword="null"/> for every table.</param>
    /// <param name="minuteColumns">The columns of the dataset's <c>cems_minute</c>, or <see langword="null"/> when it has none (no minute aggregation). With no <c>cems_hourly</c> (<paramref name="cemsColumns"/> <see langword="null"/>), the CEMS queries read <c>cems_minute_hours</c> in its place.</param>
    /// <param name="tax">The tax's rounding convention, boundary and particulate classes (<see cref="TaxOptions.Exact"/>, <see cref="TaxOptions.Published"/>).</param>
    /// <returns>The queries, each after the queries it reads.</returns>
    public static IReadOnlyList<SqlQuery> Queries(ReferenceCatalogue catalogue, DateOnly asOf, IReadOnlySet<string>? cemsColumns, IReadOnlySet<string>? tables, IReadOnlySet<string>? minuteColumns, TaxOptions tax) =>
        Queries(catalogue, asOf, cemsColumns, tables, minuteColumns, tax, null);

    /// <summary>Writes the calculators whose input tables the dataset has, the tax with the given policy options, and the
    /// plausibility checks with the given thresholds.</summary>
    /// <param name="catalogue">The catalogue whose coefficients are inlined.</param>
    /// <param name="asOf">The date whose rows apply (the tax takes, per month, the rows in force on the month's last day).</param>
    /// <param name="cemsColumns">The columns of the dataset's <c>cems_hourly</c>, or <see langword="null"/> when it has none (no CEMS queries).</param>
    /// <param name="tables">The tables the dataset has; a query that reads a table not in it (directly or through another query) is left out. <see langword="null"/> for every table.</param>
    /// <param name="minuteColumns">The columns of the dataset's <c>cems_minute</c>, or <see langword="null"/> when it has none (no minute aggregation). With no <c>cems_hourly</c> (<paramref name="cemsColumns"/> <see langword="null"/>), the CEMS queries read <c>cems_minute_hours</c> in its place.</param>
    /// <param name="tax">The tax's rounding convention, boundary and particulate classes (<see cref="TaxOptions.Exact"/>, <see cref="TaxOptions.Published"/>).</param>
    /// <param name="plausibility">The thresholds of the plausibility checks (<c>PlausibilityOptions.ToSqlThresholds()</c>), or <see langword="null"/> for no <c>plausibility_warnings</c> view.</param>
    /// <returns>The queries, each after the queries it reads.</returns>
    public static IReadOnlyList<SqlQuery> Queries(ReferenceCatalogue catalogue, DateOnly asOf, IReadOnlySet<string>? cemsColumns, IReadOnlySet<string>? tables, IReadOnlySet<string>? minuteColumns, TaxOptions tax, SqlPlausibility? plausibility) =>
        Queries(catalogue, asOf, cemsColumns, tables, minuteColumns, tax, plausibility, null);

    /// <summary>Writes the calculators whose input tables the dataset has, the tax with the given policy options, the
    /// plausibility checks with the given thresholds, and the performance grading of the given criteria and facts.</summary>
    /// <param name="catalogue">The catalogue whose coefficients are inlined.</param>
    /// <param name="asOf">The date whose rows apply (the tax takes, per month, the rows in force on the month's last day).</param>
    /// <param name="cemsColumns">The columns of the dataset's <c>cems_hourly</c>, or <see langword="null"/> when it has none (no CEMS queries).</param>
    /// <param name="tables">The tables the dataset has; a query that reads a table not in it (directly or through another query) is left out. <see langword="null"/> for every table.</param>
    /// <param name="minuteColumns">The columns of the dataset's <c>cems_minute</c>, or <see langword="null"/> when it has none (no minute aggregation). With no <c>cems_hourly</c> (<paramref name="cemsColumns"/> <see langword="null"/>), the CEMS queries read <c>cems_minute_hours</c> in its place.</param>
    /// <param name="tax">The tax's rounding convention, boundary and particulate classes (<see cref="TaxOptions.Exact"/>, <see cref="TaxOptions.Published"/>).</param>
    /// <param name="plausibility">The thresholds of the plausibility checks (<c>PlausibilityOptions.ToSqlThresholds()</c>), or <see langword="null"/> for no <c>plausibility_warnings</c> view.</param>
    /// <param name="grading">The criteria table and enterprise facts of the grading views (<see cref="SqlGrading.Examples"/> for the assessment's default), or <see langword="null"/> for none.</param>
    /// <returns>The queries, each after the queries it reads.</returns>
    /// <exception cref="ShapotouDataException">A criterion's catalogue key has no row in force on <paramref name="asOf"/>, or a fact's type does not fit its criterion.</exception>
    public static IReadOnlyList<SqlQuery> Queries(ReferenceCatalogue catalogue, DateOnly asOf, IReadOnlySet<string>? cemsColumns, IReadOnlySet<string>? tables, IReadOnlySet<string>? minuteColumns, TaxOptions tax, SqlPlausibility? plausibility, SqlGrading? grading)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(tax);

        // A folder with cems_minute and no cems_hourly: the CEMS views read the hours derived from the minutes, as
        // assess --data does (CemsMinuteStream: CemsAggregator.ToHourly with the default options).
        bool hoursFromMinutes = cemsColumns is null && minuteColumns is not null;
        if (hoursFromMinutes)
        {
            cemsColumns = MinuteHourColumns(minuteColumns!);
        }

        var candidates = new List<Candidate>();
        if (minuteColumns is not null)
        {
            candidates.Add(new(new("cems_minute_hours", "Clock hours of cems_minute at a MinInterval of 1 min: each channel's mean of its valid minutes when at least the minimum (HJ 212-2017 Annex D), flags N when at least the normal share of the 60 minutes is normal, else D (Annex C); mirrors CemsAggregator.ToHourly with the default options.", MinuteHours(catalogue, minuteColumns)), ["cems_minute"]));
            candidates.Add(new(new("cems_minute_days", "Days of cems_minute_hours: each channel's mean of its valid hours and the flags, by the stricter of the normal share of 24 hours and the minimum valid hours (HJ 212-2017 D2.2, Annex C); mirrors CemsAggregator.ToDaily over CemsAggregator.ToHourly with the default options.", MinuteDays(catalogue, minuteColumns)), ["cems_minute_hours"]));
        }

        int first = candidates.Count;
        candidates.AddRange(new List<Candidate>
        {
            new(new("comprehensive_energy", "Comprehensive energy of each energy_ledger row in kgce (GB/T 2589-2020): Σ carrier × coefficient − exported electricity × coefficient; mirrors EnergyCalculator.ComputeRows.", ComprehensiveEnergy(catalogue, asOf)), ["energy_ledger"]),
            new(new("unit_energy", "Unit comprehensive energy per enterprise, year and product: Σ kgce ÷ Σ output on the benchmark basis; mirrors EnergyCalculator.ByEnterprise.", UnitEnergy()), ["comprehensive_energy", "facilities"]),
            new(new("energy_benchmarks", "Unit energy per enterprise, year and product against the energy-efficiency benchmark and baseline in force on 31 December: class, benchmark, baseline, gap in kgce/t and tce; mirrors EnergyCalculator.ByEnterprise.", EnergyBenchmarks(catalogue)), ["unit_energy"]),
            new(new("smelting_electricity", "Furnace electricity per enterprise, year and product in kWh per t of output on the benchmark basis; mirrors EnergyCalculator.ByEnterprise.", SmeltingElectricity(catalogue)), ["energy_ledger", "facilities"]),
            new(new("ferroalloy_furnaces", "Per ledger year: the output of the ferroalloy (GB/T 4754 3140) submerged-arc furnaces in t, and waste-heat power per t of those with recovery; mirrors ClusterSummary.Count and WasteHeatRecovery.Coverage.", FerroalloyFurnaces()), ["energy_ledger", "facilities", "enterprises"]),
            new(new("solid_waste_utilisation", "Solid-waste utilisation per enterprise and year: 100 × Σ utilised ÷ (Σ generated + Σ utilised from storage); mirrors SolidWasteUtilisation.ByEnterprise.", SolidWaste()), ["solid_waste_ledger"]),
        });
        if (cemsColumns is not null)
        {
            candidates.Add(new(new("measured_inventory", "Measured emission per outlet, year and pollutant in t: Σ c × Q × 1 h × 1e-9 over hours whose value and flow flags are N (HJ 212-2017 Annex D (33)), with the valid and stopped (F) hours; mirrors the measured rows of EmissionInventoryCalculator.", MeasuredInventory(cemsColumns)), ["cems_hourly"]));
            candidates.Add(new(new("reference_oxygen", "Hourly concentrations on each outlet's permit basis, c × (21 − O₂ref) ÷ (21 − O₂) (GB 13271-2014 / GB 4915-2013 formula (1)): valid hours compared, the highest, and the hours above limit_value; mirrors PermitCompliance.", ReferenceOxygen(cemsColumns)), ["cems_hourly", "outlets"]));
            candidates.AddRange(ComplianceQueries(catalogue, asOf, cemsColumns));
        }

        candidates.AddRange(InventoryQueries(catalogue, asOf, cemsColumns is not null));
        candidates.AddRange(TaxQueries(catalogue, tax, cemsColumns));
        candidates.AddRange(CarbonQueries(catalogue, asOf));
        if (plausibility is not null)
        {
            candidates.Add(new(new("plausibility_warnings", "One row per value the plausibility checks of energy_ledger and cems_hourly find (warnings[] of assess --json): ferrosilicon unit energy and furnace electricity below their physical floors, unit energy far above the limit value, concentrations above a range, O₂ above the maximum, flows outside a range, flow jumps between an outlet's consecutive valid hours; mirrors LedgerPlausibility and CemsPlausibility.", PlausibilityWarnings(catalogue, plausibility, cemsColumns)),
                cemsColumns is null ? ["comprehensive_energy", "facilities"] : ["comprehensive_energy", "facilities", "cems_hourly"]));
        }

        if (grading is not null && cemsColumns is not null)
        {
            candidates.AddRange(GradingQueries(grading, catalogue, asOf));
        }

        if (hoursFromMinutes)
        {
            for (int i = first; i < candidates.Count; i++)
            {
                Candidate c = candidates[i];
                candidates[i] = new(
                    c.Query with { Description = s_cemsHourly.Replace(c.Query.Description, "cems_minute_hours"), Sql = s_cemsHourly.Replace(c.Query.Sql, "cems_minute_hours") },
                    c.Inputs.Select(input => input == "cems_hourly" ? "cems_minute_hours" : input).ToArray());
            }
        }

        var queries = new List<SqlQuery>();
        var available = new HashSet<string>(StringComparer.Ordinal);
        foreach (Candidate candidate in candidates)
        {
            if (candidate.Inputs.All(i => available.Contains(i) || (tables?.Contains(i) ?? !candidates.Any(c => c.Query.Name == i))))
            {
                queries.Add(candidate.Query);
                available.Add(candidate.Query.Name);
            }
        }

        return queries;
    }

    /// <summary>Writes a whole script: setup, then each query as a view named after it and a SELECT of it.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="root">The dataset folder as the engine sees it.</param>
    /// <param name="tables">The tables present and whether each is a folder.</param>
    /// <param name="queries">The queries.</param>
    /// <returns>The script.</returns>
    public static string Script(SqlEngine engine, string root, IReadOnlyDictionary<string, bool> tables, IReadOnlyList<SqlQuery> queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var sql = new StringBuilder();
        sql.Append("-- Shapotou.Sdk calculators as SQL (docs/scale.md). Engine: ").Append(engine).Append(".\n");
        sql.Append(Setup(engine, root, tables));
        foreach (SqlQuery query in queries)
        {
            sql.Append("\n-- ").Append(query.Name).Append(": ").Append(query.Description).Append('\n');
            sql.Append(engine == SqlEngine.Spark ? "CREATE OR REPLACE TEMPORARY VIEW " : "CREATE OR REPLACE VIEW ").Append(query.Name).Append(" AS\n").Append(query.Sql).Append(";\n");
        }

        return sql.ToString();
    }

    private static string ComprehensiveEnergy(ReferenceCatalogue catalogue, DateOnly asOf)
    {
        var terms = new List<string>();
        var comments = new List<string>();
        foreach (EnergyCarriers.Carrier carrier in EnergyCarriers.All)
        {
            string key = "energy.coefficient." + (carrier.CoefficientCarrier == "electricity" ? "electricity.equivalent" : carrier.CoefficientCarrier);
            if (!catalogue.TryGet(key, asOf, out ReferenceValue? row))
            {
                // As EnergyCalculator: a carrier without a coefficient makes every row that uses it (or leaves it null) unknown.
                terms.Add($"CASE WHEN CAST({carrier.Column} AS DOUBLE) = 0E0 THEN 0E0 END");
                comments.Add($"  -- {carrier.Column}: no coefficient in the catalogue ({key}); a row that uses it is unknown");
                continue;
            }

            double perUnit = carrier.Sign * StandardCoalCoefficient.FromReference(row).Convert(carrier.OneLedgerUnit).KilogramsOfCoalEquivalent;
            terms.Add($"CAST({carrier.Column} AS DOUBLE) * {Literal(perUnit)}");
            comments.Add($"  -- {carrier.Column}: {Literal(perUnit)} kgce per ledger unit, {key} [{row.ConfidenceMark}] {row.Source.Replace('\n', ' ')}");
        }

        return $"""
            SELECT facility_id, period, product,
              CAST(output AS DOUBLE) AS output_t,
              CAST(furnace_electricity AS DOUBLE) AS furnace_electricity_kwh,
            {string.Join("\n", comments)}
              {string.Join("\n  + ", terms)} AS comprehensive_energy_kgce
            FROM energy_ledger
            """;
    }

    private static string UnitEnergy()
    {
        string basis = string.Join("\n    ", ProductDefinition.Defaults.Select(p => $"WHEN '{p.Code}' THEN {Literal(p.BasisFactor)}"));
        return $"""
            SELECT f.enterprise_id, EXTRACT(YEAR FROM e.period) AS year, e.product,
              SUM(e.output_t) AS output_t,
              SUM(e.output_t * CASE e.product
                {basis}
              END) AS output_basis_t,
              CASE WHEN COUNT(*) = COUNT(e.comprehensive_energy_kgce) THEN SUM(e.comprehensive_energy_kgce) END AS comprehensive_energy_kgce,
              CASE WHEN COUNT(*) = COUNT(e.comprehensive_energy_kgce) THEN SUM(e.comprehensive_energy_kgce) END
                / SUM(e.output_t * CASE e.product
                {basis}
              END) AS unit_energy_kgce_per_t
            FROM comprehensive_energy e
            JOIN facilities f ON f.facility_id = e.facility_id
            GROUP BY f.enterprise_id, EXTRACT(YEAR FROM e.period), e.product
            """;
    }

    private static string SolidWaste() => """
        SELECT enterprise_id, EXTRACT(YEAR FROM period) AS year,
          CASE WHEN COUNT(*) = COUNT(generated) AND COUNT(*) = COUNT(utilised) AND COUNT(*) = COUNT(utilised_from_storage)
                AND SUM(CAST(generated AS DOUBLE)) + SUM(CAST(utilised_from_storage AS DOUBLE)) > 0E0
            THEN 1E2 * SUM(CAST(utilised AS DOUBLE)) / (SUM(CAST(generated AS DOUBLE)) + SUM(CAST(utilised_from_storage AS DOUBLE)))
          END AS utilisation_rate_pct
        FROM solid_waste_ledger
        GROUP BY enterprise_id, EXTRACT(YEAR FROM period)
        """;

    private static string Flag(IReadOnlySet<string> columns, string value, string prefix = "") =>
        columns.Contains($"{value}_flag") ? $"COALESCE({prefix}{value}_flag, {prefix}flag, 'N')" : columns.Contains("flag") ? $"COALESCE({prefix}flag, 'N')" : "'N'";

    private static string MeasuredInventory(IReadOnlySet<string> columns)
    {
        IEnumerable<string> parts = s_pollutants.Select(p => $"""
            SELECT outlet_id, EXTRACT(YEAR FROM hour) AS year, '{p.Pollutant}' AS pollutant,
              SUM(CASE WHEN {Flag(columns, p.Column)} = 'N' AND {Flag(columns, "flow")} = 'N' AND {p.Column} IS NOT NULL AND flow IS NOT NULL
                THEN CAST({p.Column} AS DOUBLE) * CAST(flow AS DOUBLE) ELSE 0E0 END) * 1E-9 AS mass_t,
              CAST(SUM(CASE WHEN {Flag(columns, p.Column)} = 'N' AND {Flag(columns, "flow")} = 'N' AND {p.Column} IS NOT NULL AND flow IS NOT NULL
                THEN 1 ELSE 0 END) AS BIGINT) AS valid_hours,
              CAST(SUM(CASE WHEN {(columns.Contains("flag") ? "COALESCE(flag, 'N')" : "'N'")} = 'F' THEN 1 ELSE 0 END) AS BIGINT) AS stopped_hours
            FROM cems_hourly
            GROUP BY outlet_id, EXTRACT(YEAR FROM hour)
            """);
        return string.Join("\nUNION ALL\n", parts);
    }

    private static string ReferenceOxygen(IReadOnlySet<string> columns)
    {
        IEnumerable<string> parts = s_pollutants.Select(p => $"""
            SELECT h.outlet_id, EXTRACT(YEAR FROM h.hour) AS year, '{p.Pollutant}' AS pollutant,
              CASE WHEN o.reference_o2 IS NULL THEN CAST(h.{p.Column} AS DOUBLE)
                   ELSE CAST(h.{p.Column} AS DOUBLE) * (2.1E1 - CAST(o.reference_o2 AS DOUBLE)) / (2.1E1 - CAST(h.o2 AS DOUBLE)) END AS at_basis,
              CAST(o.limit_value AS DOUBLE) AS limit_mg_per_m3
            FROM cems_hourly h
            JOIN (SELECT outlet_id, MIN(CAST(limit_value AS DOUBLE)) AS limit_value, MIN(CAST(reference_o2 AS DOUBLE)) AS reference_o2
                  FROM outlets WHERE pollutant = '{p.Pollutant}' AND limit_value IS NOT NULL GROUP BY outlet_id) o ON o.outlet_id = h.outlet_id
            WHERE {Flag(columns, p.Column, "h.")} = 'N' AND {Flag(columns, "flow", "h.")} = 'N'
              AND h.{p.Column} IS NOT NULL AND h.flow IS NOT NULL
            """);
        return $"""
            SELECT outlet_id, year, pollutant, limit_mg_per_m3,
              CAST(COUNT(at_basis) AS BIGINT) AS compared_hours,
              MAX(at_basis) AS max_hourly_mg_per_m3,
              CAST(SUM(CASE WHEN at_basis > limit_mg_per_m3 THEN 1 ELSE 0 END) AS BIGINT) AS over_limit_hours
            FROM (
            {string.Join("\nUNION ALL\n", parts)}
            ) hours
            GROUP BY outlet_id, year, pollutant, limit_mg_per_m3
            """;
    }

    /// <summary>The table name <c>cems_hourly</c> as a word of a query, not as a text literal (the plausibility
    /// warnings name the hours <c>'cems_hourly'</c> whether read or derived from the minutes, as the SDK does).</summary>
    private static readonly Regex s_cemsHourly = new(@"(?<!')\bcems_hourly\b(?!')", RegexOptions.CultureInvariant);

    /// <summary>The columns of <c>cems_minute_hours</c> over a <c>cems_minute</c> with the given columns: the row flag,
    /// and per channel the minutes have its value and its flag (<see cref="MinuteHours"/>).</summary>
    private static HashSet<string> MinuteHourColumns(IReadOnlySet<string> minuteColumns)
    {
        var columns = new HashSet<string>(StringComparer.Ordinal) { "outlet_id", "hour", "flag" };
        foreach ((string column, _) in s_minuteChannels.Where(c => minuteColumns.Contains(c.Column)))
        {
            columns.Add(column);
            columns.Add(column + "_flag");
        }

        return columns;
    }

    /// <summary>A query and the tables or queries it reads.</summary>
    private sealed record Candidate(SqlQuery Query, string[] Inputs);

    /// <summary>A double as a literal in exponent form (round-trip precision), so that no engine types it DECIMAL.</summary>
    internal static string Literal(double value) => value.ToString("0.################E+0", CultureInfo.InvariantCulture);
}
