using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Analytics.Sql;

/// <content>Permit compliance and the P6 checks that scan <c>cems_hourly</c>.</content>
public static partial class SqlCalculators
{
    /// <summary>The valid hours of each pollutant, as the inventory's kernel takes them: the value's flag (its own,
    /// else the row's) and the flow's both <c>N</c>, value and flow present.</summary>
    private static string CemsValidHours(IReadOnlySet<string> columns)
    {
        IEnumerable<string> parts = s_pollutants.Select(p => $"""
            SELECT outlet_id, EXTRACT(YEAR FROM hour) AS year, '{p.Pollutant}' AS pollutant, CAST({p.Column} AS DOUBLE) AS c, CAST(o2 AS DOUBLE) AS o2
            FROM cems_hourly
            WHERE {Flag(columns, p.Column)} = 'N' AND {Flag(columns, "flow")} = 'N' AND {p.Column} IS NOT NULL AND flow IS NOT NULL
            """);
        return string.Join("\nUNION ALL\n", parts);
    }

    /// <summary>A concentration <paramref name="c"/> on the basis of the reference O₂ <paramref name="referenceO2"/>:
    /// c × (21 − O₂ref) ÷ (21 − O₂) (GB 13271-2014 / GB 4915-2013 formula (1)), c itself where the reference is NULL (the
    /// measured basis); NULL with a NULL <paramref name="o2"/>. The permit compliance, the P6 checks and the grading
    /// judge hours with it.</summary>
    private static string AtBasis(string c, string referenceO2, string o2) =>
        $"CASE WHEN {referenceO2} IS NULL THEN {c} ELSE {c} * (2.1E1 - {referenceO2}) / (2.1E1 - {o2}) END";

    /// <summary>Permit compliance (<c>emissions.compliance[]</c>): each outlet with CEMS rows in a year and a
    /// <c>limit_value</c>, its valid hours on the limit's basis c × (21 − O₂ref) ÷ (21 − O₂), the hours above the limit
    /// (a value at the limit complies), the highest, and whether none is above; an hour without O₂ is counted valid but
    /// not compared when the limit is at a reference O₂.</summary>
    private static readonly string Compliance = $"""
        SELECT k.outlet_id, k.year, k.pollutant, k.limit_mg_per_m3, k.reference_o2_pct,
          CAST(COUNT(v.c) AS BIGINT) AS valid_hours,
          CAST(SUM(CASE WHEN v.at_basis > k.limit_mg_per_m3 THEN 1 ELSE 0 END) AS BIGINT) AS over_limit_hours,
          MAX(v.at_basis) AS max_hourly_mg_per_m3,
          CASE WHEN MAX(v.at_basis) IS NULL THEN NULL
               WHEN SUM(CASE WHEN v.at_basis > k.limit_mg_per_m3 THEN 1 ELSE 0 END) = 0 THEN TRUE ELSE FALSE END AS compliant
        FROM (
          SELECT y.outlet_id, y.year, o.pollutant, o.limit_mg_per_m3, o.reference_o2_pct
          FROM (SELECT DISTINCT outlet_id, EXTRACT(YEAR FROM hour) AS year FROM cems_hourly) y
          JOIN (SELECT outlet_id, pollutant, MIN(CAST(limit_value AS DOUBLE)) AS limit_mg_per_m3, MIN(CAST(reference_o2 AS DOUBLE)) AS reference_o2_pct
                FROM outlets WHERE pollutant IN ('pm', 'so2', 'nox') AND limit_value IS NOT NULL GROUP BY outlet_id, pollutant) o
            ON o.outlet_id = y.outlet_id
        ) k
        LEFT JOIN (
          SELECT h.outlet_id, h.year, h.pollutant, h.c,
            {AtBasis("h.c", "l.reference_o2", "h.o2")} AS at_basis
          FROM cems_valid_hours h
          JOIN (SELECT outlet_id, pollutant, MIN(CAST(reference_o2 AS DOUBLE)) AS reference_o2
                FROM outlets WHERE limit_value IS NOT NULL GROUP BY outlet_id, pollutant) l
            ON l.outlet_id = h.outlet_id AND l.pollutant = h.pollutant
        ) v ON v.outlet_id = k.outlet_id AND v.year = k.year AND v.pollutant = k.pollutant
        GROUP BY k.outlet_id, k.year, k.pollutant, k.limit_mg_per_m3, k.reference_o2_pct
        """;

    /// <summary>The P6 checks that scan <c>cems_hourly</c> (<c>emissions.plan_checks[]</c>), per facility and CEMS year,
    /// as <see cref="PlanChecks"/>: the highest valid hour of the facility's outlets on the check's basis against the
    /// plan's value (unknown without outlets or valid hours; a gas boiler of unknown size unknown, a small one not
    /// applicable), and the valid hourly <c>nh3</c> values of a cement kiln's outlets.</summary>
    private static string PlanChecksCems(ReferenceCatalogue catalogue, DateOnly asOf, IReadOnlySet<string> columns)
    {
        string Value(string key)
        {
            ReferenceValue row = catalogue.Get(key, asOf);
            return $"{Literal(row.GetValue())} /* {key} [{row.ConfidenceMark}] {row.Source.Replace('\n', ' ').Replace("*/", "* /", StringComparison.Ordinal)} */";
        }

        string ammonia = columns.Contains("nh3")
            ? $"""
              SELECT o.facility_id, EXTRACT(YEAR FROM h.hour) AS year, CAST(COUNT(*) AS BIGINT) AS hours
                FROM cems_hourly h
                JOIN (SELECT DISTINCT outlet_id, facility_id FROM outlets) o ON o.outlet_id = h.outlet_id
                WHERE {(columns.Contains("flag") ? "COALESCE(h.flag, 'N')" : "'N'")} = 'N' AND h.nh3 IS NOT NULL
                GROUP BY o.facility_id, EXTRACT(YEAR FROM h.hour)
              """
            : "SELECT facility_id, 0 AS year, CAST(0 AS BIGINT) AS hours FROM facilities WHERE 1 = 0";
        return $"""
            WITH years AS (SELECT DISTINCT EXTRACT(YEAR FROM hour) AS year FROM cems_hourly),
            candidates AS (
              SELECT 'ferroalloy_demonstration_pm' AS check_id, f.facility_id, 'pm' AS pollutant, CAST(NULL AS DOUBLE) AS reference_o2,
                {Value("plan.p6.ferroalloy_demonstration.pm_max")} AS threshold, 0 AS strict, 1 AS in_scope
              FROM facilities f JOIN enterprises e ON e.enterprise_id = f.enterprise_id
              WHERE f.kind = 'submerged_arc_furnace' AND e.industry_code = '{PlanChecks.FerroalloyIndustryCode}' AND f.status = 'running'
              UNION ALL
              SELECT 'cement_kiln_nox', f.facility_id, 'nox', {Value("emissions.reference_o2.cement_kiln")},
                {Value("plan.p6.cement_kiln.nox_max")}, 0, 1
              FROM facilities f
              WHERE f.kind = 'cement_kiln' AND f.status <> 'retired'
              UNION ALL
              SELECT 'gas_boiler_nox', f.facility_id, 'nox', {Value("emissions.reference_o2.gas_boiler")},
                {Value("plan.p6.gas_boiler.nox_max")}, 1,
                CASE WHEN f.steam_capacity IS NULL AND f.thermal_power IS NULL THEN NULL
                     WHEN CAST(f.steam_capacity AS DOUBLE) >= {Value("plan.p6.gas_boiler.min_steam_capacity")}
                       OR CAST(f.thermal_power AS DOUBLE) >= {Value("plan.p6.gas_boiler.min_thermal_power")} THEN 1
                     ELSE 0 END
              FROM facilities f
              WHERE f.kind = 'boiler' AND f.fuel = 'natural_gas' AND f.status <> 'retired'
            ),
            stats AS (
              SELECT c.check_id, c.facility_id, v.year,
                CAST(COUNT(v.c) AS BIGINT) AS valid_hours,
                MAX({AtBasis("v.c", "c.reference_o2", "v.o2")}) AS max_value
              FROM candidates c
              JOIN (SELECT DISTINCT outlet_id, facility_id, pollutant FROM outlets) o ON o.facility_id = c.facility_id AND o.pollutant = c.pollutant
              JOIN cems_valid_hours v ON v.outlet_id = o.outlet_id AND v.pollutant = c.pollutant
              GROUP BY c.check_id, c.facility_id, v.year
            ),
            ammonia AS (
              {ammonia}
            )
            SELECT c.check_id, c.facility_id, y.year,
              CASE WHEN c.in_scope IS NULL THEN 'unknown'
                   WHEN c.in_scope = 0 THEN 'not_applicable'
                   WHEN s.max_value IS NULL THEN 'unknown'
                   WHEN c.strict = 1 AND s.max_value < c.threshold THEN 'pass'
                   WHEN c.strict = 0 AND s.max_value <= c.threshold THEN 'pass'
                   ELSE 'fail' END AS outcome,
              CASE WHEN c.in_scope = 1 THEN s.max_value END AS value,
              c.threshold,
              CASE WHEN c.in_scope = 1 THEN COALESCE(s.valid_hours, CAST(0 AS BIGINT)) END AS valid_hours
            FROM candidates c
            CROSS JOIN years y
            LEFT JOIN stats s ON s.check_id = c.check_id AND s.facility_id = c.facility_id AND s.year = y.year
            UNION ALL
            SELECT 'cement_kiln_ammonia_slip_monitored', f.facility_id, y.year,
              CASE WHEN COALESCE(a.hours, 0) > 0 THEN 'pass' ELSE 'fail' END,
              CAST(COALESCE(a.hours, 0) AS DOUBLE),
              CAST(NULL AS DOUBLE),
              COALESCE(a.hours, CAST(0 AS BIGINT))
            FROM facilities f
            CROSS JOIN years y
            LEFT JOIN ammonia a ON a.facility_id = f.facility_id AND a.year = y.year
            WHERE f.kind = 'cement_kiln' AND f.status <> 'retired'
            """;
    }

    private static IEnumerable<Candidate> ComplianceQueries(ReferenceCatalogue catalogue, DateOnly asOf, IReadOnlySet<string> columns)
    {
        yield return new(new("cems_valid_hours", "The valid hours of pm, so2 and nox: value and flow flags N (a value's own flag, else the row's), value and flow present; as the inventory's kernel takes them.", CemsValidHours(columns)), ["cems_hourly"]);
        yield return new(new("compliance", "Permit compliance per CEMS outlet, year and pollutant with a limit_value: valid hours, hours above the limit on its reference-O₂ basis, the highest, compliant (emissions.compliance[]); mirrors PermitCompliance.Evaluate.", Compliance), ["cems_hourly", "outlets", "cems_valid_hours"]);
        yield return new(new("plan_checks_cems", "The P6 checks that scan cems_hourly, per facility and CEMS year: ferroalloy PM, cement-kiln and gas-boiler NOx at their reference O₂, cement-kiln ammonia slip monitored (emissions.plan_checks[]); mirrors PlanChecks.Evaluate.", PlanChecksCems(catalogue, asOf, columns)), ["cems_hourly", "facilities", "enterprises", "outlets", "cems_valid_hours"]);
    }
}
