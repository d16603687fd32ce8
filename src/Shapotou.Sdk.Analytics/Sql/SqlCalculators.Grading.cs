using System.Globalization;
using Shapotou.Sdk.Analytics.Grading;
using Shapotou.Sdk.Concentrations;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Analytics.Sql;

/// <content>The performance grading (<c>grading</c> of <c>assess --json</c>), generated from a criteria table and the
/// enterprise facts.</content>
public static partial class SqlCalculators
{
    /// <summary>
    /// One row per graded enterprise and criterion of its industry, as <see cref="PerformanceGrading.Grade"/> judges it:
    /// <c>enterprise_id</c>, <c>industry</c>, <c>criterion_id</c>, <c>grade</c> (the grade the criterion is required for),
    /// <c>category</c>, <c>status</c> (<c>passes</c>, <c>fails</c>, <c>unknown</c>, <c>not_applicable</c>), <c>value</c>
    /// (a concentration criterion's highest valid hour of the year on the threshold's basis over the judged outlets; a
    /// numeric fact) and <c>threshold</c> (a concentration criterion's, in mg/m³).
    /// </summary>
    /// <remarks>
    /// <para>The year is the latest of <c>cems_hourly</c>, as the assessment grades its latest CEMS year. A criterion
    /// covers the enterprise's running facilities of its kinds; with none it does not apply (fact criteria always
    /// apply). Concentration: every outlet row of the pollutant of a covered facility (an outlet shared by several is
    /// judged once) — a facility without one, an outlet without CEMS rows in the year or without a valid hour on the
    /// basis (an hour at a reference O₂ needs its O₂) is unknown; an outlet fails when its highest valid hour is above
    /// the threshold (<c>at_or_below</c>) or not strictly below it (<c>below</c>). Treatment: a covered facility fails
    /// without a treatment row of the pollutant of an allowed kind. Monitoring: each outlet row (of the pollutant, when
    /// the criterion names one) fails with <c>cems_installed</c> false and is unknown with it NULL, a facility without
    /// such a row unknown. Facts: the enterprise's fact, unknown when not supplied. A failure decides a criterion even
    /// when other outlets or facilities are unknown.</para>
    /// </remarks>
    private static string GradingOutcomes(SqlGrading grading, ReferenceCatalogue catalogue, DateOnly asOf)
    {
        var criteria = new List<string>();
        var kinds = new List<string>();
        var treatments = new List<string>();
        var facts = new List<string>();
        var assumptions = new List<string>();
        int order = 0;
        foreach (IndustryCriteria industry in grading.Criteria.Industries)
        {
            foreach (GradingCriterion c in industry.Criteria)
            {
                order++;
                string threshold = "CAST(NULL AS DOUBLE)";
                string referenceO2 = "CAST(NULL AS DOUBLE)";
                string comment = $"  -- {Clean(c.Id)}: {Clean(c.Source)} [{Clean(c.Mark)}]";
                if (c.Category == CriterionCategory.Concentration)
                {
                    // The same resolution as the SDK's grading: the table's value, else the catalogue row in force.
                    EmissionLimit limit = PerformanceGrading.LimitOf(c, catalogue, asOf, grading.Criteria.Name, assumptions);
                    threshold = Literal(limit.Value?.MilligramsPerCubicMeter ?? 0);
                    comment += $"\n  --   threshold {threshold} mg/m3{(limit.Prohibited ? " (prohibited)" : string.Empty)}: {CatalogueNote(catalogue, asOf, c.LimitKey, "the criteria table")}";
                    if (limit.Basis.ReferenceOxygen is { } o2)
                    {
                        referenceO2 = Literal(o2.Percent);
                        comment += $"\n  --   reference O2 {referenceO2} %: {CatalogueNote(catalogue, asOf, c.ReferenceOxygenKey, "the criteria table")}";
                    }
                    else
                    {
                        comment += "\n  --   on the measured basis";
                    }
                }

                criteria.Add($"""
                    {comment}
                      SELECT {Text(c.Id)} AS criterion_id, {Text(industry.Industry)} AS industry, {Text(PerformanceGrades.ToName(c.Grade))} AS grade,
                        {(int)c.Grade} AS grade_rank, {Text(PerformanceGrading.CategoryName(c.Category))} AS category,
                        {(c.Pollutant is { } p ? Text(ContractNames.ToName(p)) : NoText)} AS pollutant, {threshold} AS threshold, {referenceO2} AS reference_o2,
                        {(c.Comparison == ThresholdComparison.Below ? "TRUE" : "FALSE")} AS strictly_below, {(c.Fact is { } f ? Text(f) : NoText)} AS fact,
                        {(c.FactEquals is { } eq ? (eq ? "TRUE" : "FALSE") : "CAST(NULL AS BOOLEAN)")} AS fact_equals,
                        {(c.FactAtLeast is { } lo ? Literal(lo) : "CAST(NULL AS DOUBLE)")} AS fact_at_least,
                        {(c.FactAtMost is { } hi ? Literal(hi) : "CAST(NULL AS DOUBLE)")} AS fact_at_most, {order} AS criterion_order
                    """);
                kinds.AddRange(c.FacilityKinds.Distinct().Select(k => $"  SELECT {Text(c.Id)} AS criterion_id, {Text(ContractNames.ToName(k))} AS kind"));
                treatments.AddRange(c.TreatmentKinds.Distinct().Select(k => $"  SELECT {Text(c.Id)} AS criterion_id, {Text(ContractNames.ToName(k))} AS kind"));
            }
        }

        // The facts the criteria read, one row per enterprise and fact; a fact of the wrong type is refused as the SDK
        // refuses it, naming the enterprise, the fact and the criterion.
        foreach (EnterpriseFacts entry in grading.Facts)
        {
            foreach ((string name, FactValue value) in entry.Facts.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                GradingCriterion[] readers = [.. grading.Criteria.Industries.SelectMany(i => i.Criteria).Where(c => c.Fact == name)];
                if (readers.Length == 0)
                {
                    continue;
                }

                foreach (GradingCriterion c in readers)
                {
                    PerformanceGrading.CheckFactType(entry.EnterpriseId, name, value, c);
                }

                string flag = value.Flag is { } b ? (b ? "TRUE" : "FALSE") : "CAST(NULL AS BOOLEAN)";
                string number = value.Number is { } n ? Literal(n) : "CAST(NULL AS DOUBLE)";
                string source = entry.Source is { } s ? $" -- {Clean(s)}" : string.Empty;
                facts.Add($"  SELECT {Text(entry.EnterpriseId)} AS enterprise_id, {Text(name)} AS fact, {flag} AS flag, {number} AS number{source}");
            }
        }

        const string Empty = "FROM enterprises WHERE 1 = 0";
        string Rows(List<string> rows, string none) => rows.Count > 0 ? string.Join("\n  UNION ALL\n", rows) : none;

        return $"""
            -- Criteria table '{Clean(grading.Criteria.Name)}'; {grading.Facts.Count} enterprise(s) with facts.
            WITH grading_year AS (SELECT MAX(EXTRACT(YEAR FROM hour)) AS year FROM cems_hourly),
            criteria AS (
            {Rows(criteria, $"  SELECT {NoText} AS criterion_id, {NoText} AS industry, {NoText} AS grade, 0 AS grade_rank, {NoText} AS category, {NoText} AS pollutant, CAST(NULL AS DOUBLE) AS threshold, CAST(NULL AS DOUBLE) AS reference_o2, FALSE AS strictly_below, {NoText} AS fact, CAST(NULL AS BOOLEAN) AS fact_equals, CAST(NULL AS DOUBLE) AS fact_at_least, CAST(NULL AS DOUBLE) AS fact_at_most, 0 AS criterion_order {Empty}")}
            ),
            criterion_kinds AS (
            {Rows(kinds, $"  SELECT {NoText} AS criterion_id, {NoText} AS kind {Empty}")}
            ),
            criterion_treatments AS (
            {Rows(treatments, $"  SELECT {NoText} AS criterion_id, {NoText} AS kind {Empty}")}
            ),
            facts AS (
            {Rows(facts, $"  SELECT enterprise_id, {NoText} AS fact, CAST(NULL AS BOOLEAN) AS flag, CAST(NULL AS DOUBLE) AS number {Empty}")}
            ),
            graded AS ({GradedEnterprises(grading)}),
            pairs AS (
              SELECT g.enterprise_id, g.industry, c.criterion_id, c.grade, c.category, c.pollutant, c.threshold, c.reference_o2,
                c.strictly_below, c.fact, c.fact_equals, c.fact_at_least, c.fact_at_most
              FROM graded g JOIN criteria c ON c.industry = g.industry
            ),
            covered AS (
              SELECT DISTINCT p.enterprise_id, p.criterion_id, f.facility_id
              FROM pairs p
              JOIN criterion_kinds k ON k.criterion_id = p.criterion_id
              JOIN facilities f ON f.enterprise_id = p.enterprise_id AND f.kind = k.kind AND f.status = 'running'
            ),
            covered_counts AS (SELECT enterprise_id, criterion_id, CAST(COUNT(*) AS BIGINT) AS facilities FROM covered GROUP BY enterprise_id, criterion_id),
            year_outlets AS (
              SELECT DISTINCT h.outlet_id FROM cems_hourly h JOIN grading_year y ON EXTRACT(YEAR FROM h.hour) = y.year
            ),
            concentration_outlets AS (
              SELECT DISTINCT c.enterprise_id, c.criterion_id, o.outlet_id, p.pollutant, p.threshold, p.reference_o2, p.strictly_below
              FROM covered c
              JOIN pairs p ON p.enterprise_id = c.enterprise_id AND p.criterion_id = c.criterion_id AND p.category = 'concentration'
              JOIN outlets o ON o.facility_id = c.facility_id AND o.pollutant = p.pollutant
            ),
            concentration_judged AS (
              SELECT co.enterprise_id, co.criterion_id, co.outlet_id, co.threshold, co.strictly_below,
                MAX(CASE WHEN r.outlet_id IS NULL THEN 0 ELSE 1 END) AS has_rows,
                MAX({AtBasis("v.c", "co.reference_o2", "v.o2")}) AS highest
              FROM concentration_outlets co
              CROSS JOIN grading_year y
              LEFT JOIN year_outlets r ON r.outlet_id = co.outlet_id
              LEFT JOIN cems_valid_hours v ON v.outlet_id = co.outlet_id AND v.pollutant = co.pollutant AND v.year = y.year
              GROUP BY co.enterprise_id, co.criterion_id, co.outlet_id, co.threshold, co.strictly_below
            ),
            equipment AS (
              -- concentration: each outlet; a covered facility without an outlet row of the pollutant is unknown
              SELECT enterprise_id, criterion_id,
                CASE WHEN has_rows = 1 AND highest IS NOT NULL AND ((strictly_below AND highest >= threshold) OR (NOT strictly_below AND highest > threshold)) THEN 1 ELSE 0 END AS fails,
                CASE WHEN has_rows = 0 OR highest IS NULL THEN 1 ELSE 0 END AS unknowns,
                CASE WHEN has_rows = 1 THEN highest END AS value
              FROM concentration_judged
              UNION ALL
              SELECT c.enterprise_id, c.criterion_id, 0, 1, CAST(NULL AS DOUBLE)
              FROM covered c
              JOIN pairs p ON p.enterprise_id = c.enterprise_id AND p.criterion_id = c.criterion_id AND p.category = 'concentration'
              LEFT JOIN (SELECT DISTINCT facility_id, pollutant FROM outlets) o ON o.facility_id = c.facility_id AND o.pollutant = p.pollutant
              WHERE o.facility_id IS NULL
              UNION ALL
              -- treatment: a covered facility without a treatment of the pollutant of an allowed kind fails
              SELECT c.enterprise_id, c.criterion_id, CASE WHEN t.facility_id IS NULL THEN 1 ELSE 0 END, 0, CAST(NULL AS DOUBLE)
              FROM covered c
              JOIN pairs p ON p.enterprise_id = c.enterprise_id AND p.criterion_id = c.criterion_id AND p.category = 'treatment'
              LEFT JOIN (
                SELECT DISTINCT tf.facility_id, k.criterion_id
                FROM treatment_facilities tf
                JOIN criterion_treatments k ON k.kind = tf.kind
                JOIN criteria cr ON cr.criterion_id = k.criterion_id AND cr.pollutant = tf.pollutant
              ) t ON t.facility_id = c.facility_id AND t.criterion_id = c.criterion_id
              UNION ALL
              -- monitoring: each outlet row (of the pollutant, when named); a covered facility without one is unknown
              SELECT c.enterprise_id, c.criterion_id,
                CASE WHEN o.cems_installed = FALSE THEN 1 ELSE 0 END,
                CASE WHEN o.facility_id IS NULL OR o.cems_installed IS NULL THEN 1 ELSE 0 END,
                CAST(NULL AS DOUBLE)
              FROM covered c
              JOIN pairs p ON p.enterprise_id = c.enterprise_id AND p.criterion_id = c.criterion_id AND p.category = 'monitoring'
              LEFT JOIN outlets o ON o.facility_id = c.facility_id AND (p.pollutant IS NULL OR o.pollutant = p.pollutant)
            ),
            equipment_judged AS (
              SELECT enterprise_id, criterion_id, SUM(fails) AS fails, SUM(unknowns) AS unknowns, MAX(value) AS value
              FROM equipment GROUP BY enterprise_id, criterion_id
            )
            SELECT p.enterprise_id, p.industry, p.criterion_id, p.grade, p.category,
              CASE WHEN p.category IN ('fugitive', 'transport') THEN
                     CASE WHEN f.flag IS NULL AND f.number IS NULL THEN 'unknown'
                          WHEN p.fact_equals IS NOT NULL THEN CASE WHEN f.flag = p.fact_equals THEN 'passes' ELSE 'fails' END
                          WHEN (p.fact_at_least IS NULL OR f.number >= p.fact_at_least) AND (p.fact_at_most IS NULL OR f.number <= p.fact_at_most) THEN 'passes'
                          ELSE 'fails' END
                   WHEN n.facilities IS NULL THEN 'not_applicable'
                   WHEN e.fails > 0 THEN 'fails'
                   WHEN e.unknowns > 0 THEN 'unknown'
                   ELSE 'passes' END AS status,
              CASE WHEN p.category IN ('fugitive', 'transport') THEN f.number ELSE e.value END AS value,
              p.threshold
            FROM pairs p
            LEFT JOIN covered_counts n ON n.enterprise_id = p.enterprise_id AND n.criterion_id = p.criterion_id
            LEFT JOIN equipment_judged e ON e.enterprise_id = p.enterprise_id AND e.criterion_id = p.criterion_id
            LEFT JOIN facts f ON f.enterprise_id = p.enterprise_id AND f.fact = p.fact
            """;
    }

    /// <summary>Each enterprise with the industry of the table that covers its industry code (the first, as
    /// <see cref="GradingCriteria.FindIndustry"/>), NULL when none does.</summary>
    private static string GradedEnterprises(SqlGrading grading)
    {
        string[] whens = [.. grading.Criteria.Industries
            .SelectMany(i => i.IndustryCodes.Select(code => (Code: code, i.Industry)))
            .DistinctBy(x => x.Code, StringComparer.Ordinal)
            .Select(x => $"WHEN {Text(x.Code)} THEN {Text(x.Industry)}")];
        return whens.Length == 0
            ? $"SELECT enterprise_id, {NoText} AS industry FROM enterprises"
            : $"SELECT enterprise_id, CASE industry_code {string.Join(" ", whens)} END AS industry FROM enterprises";
    }

    /// <summary>The ladders of the criteria table and the six grade names with their order (best first), as rows.</summary>
    private static string GradingLadders(SqlGrading grading)
    {
        var ladders = new List<string>();
        foreach (IndustryCriteria industry in grading.Criteria.Industries)
        {
            for (int k = 0; k < industry.Grades.Count; k++)
            {
                ladders.Add($"  SELECT {Text(industry.Industry)} AS industry, {Text(PerformanceGrades.ToName(industry.Grades[k]))} AS grade, {(int)industry.Grades[k]} AS grade_rank, {k + 1} AS rung, {(k == industry.Grades.Count - 1 ? "TRUE" : "FALSE")} AS is_floor");
            }
        }

        string ranks = string.Join("\n  UNION ALL\n", Enum.GetValues<PerformanceGrade>().Select(g => $"  SELECT {Text(PerformanceGrades.ToName(g))} AS grade, {(int)g} AS grade_rank"));
        return $"""
            ladders AS (
            {(ladders.Count > 0 ? string.Join("\n  UNION ALL\n", ladders) : $"  SELECT {NoText} AS industry, {NoText} AS grade, 0 AS grade_rank, 0 AS rung, FALSE AS is_floor FROM enterprises WHERE 1 = 0")}
            ),
            grade_ranks AS (
            {ranks}
            )
            """;
    }

    /// <summary>Per enterprise: the grade — the best grade of its industry's ladder (not the floor) better than every
    /// failed or unknown criterion's grade, since grades are cumulative and an unknown blocks its grade and every better
    /// one; the floor otherwise — and the counts of failed and unknown criteria. An enterprise no industry of the table
    /// covers has NULL industry, grade and counts (<c>grading.not_graded[]</c>).</summary>
    private static string GradingEnterprises(SqlGrading grading) => $"""
        WITH {GradingLadders(grading)},
        graded AS ({GradedEnterprises(grading)}),
        blocked AS (
          SELECT o.enterprise_id, MAX(r.grade_rank) AS worst_blocked_rank,
            CAST(SUM(CASE WHEN o.status = 'fails' THEN 1 ELSE 0 END) AS BIGINT) AS failed,
            CAST(SUM(CASE WHEN o.status = 'unknown' THEN 1 ELSE 0 END) AS BIGINT) AS unknown
          FROM grading_outcomes o
          JOIN grade_ranks r ON r.grade = o.grade
          WHERE o.status IN ('fails', 'unknown')
          GROUP BY o.enterprise_id
        ),
        attained AS (
          SELECT g.enterprise_id, MIN(l.rung) AS rung
          FROM graded g
          JOIN ladders l ON l.industry = g.industry AND NOT l.is_floor
          LEFT JOIN blocked b ON b.enterprise_id = g.enterprise_id
          WHERE l.grade_rank > COALESCE(b.worst_blocked_rank, 0)
          GROUP BY g.enterprise_id
        )
        SELECT g.enterprise_id, g.industry,
          CASE WHEN g.industry IS NOT NULL THEN COALESCE(l.grade, fl.grade) END AS grade,
          CASE WHEN g.industry IS NOT NULL THEN COALESCE(b.failed, CAST(0 AS BIGINT)) END AS failed,
          CASE WHEN g.industry IS NOT NULL THEN COALESCE(b.unknown, CAST(0 AS BIGINT)) END AS unknown
        FROM graded g
        LEFT JOIN attained a ON a.enterprise_id = g.enterprise_id
        LEFT JOIN ladders l ON l.industry = g.industry AND l.rung = a.rung
        LEFT JOIN ladders fl ON fl.industry = g.industry AND fl.is_floor
        LEFT JOIN blocked b ON b.enterprise_id = g.enterprise_id
        """;

    /// <summary>The number of graded enterprises per grade name, every grade listed (zero included), best first, as
    /// <c>grading.distribution</c>.</summary>
    private static string GradingDistribution(SqlGrading grading) => $"""
        WITH {GradingLadders(grading)}
        SELECT r.grade, r.grade_rank, CAST(COUNT(e.enterprise_id) AS BIGINT) AS enterprises
        FROM grade_ranks r
        LEFT JOIN grading_enterprises e ON e.grade = r.grade
        GROUP BY r.grade, r.grade_rank
        """;

    private static IEnumerable<Candidate> GradingQueries(SqlGrading grading, ReferenceCatalogue catalogue, DateOnly asOf)
    {
        bool treatment = grading.Criteria.Industries.SelectMany(i => i.Criteria).Any(c => c.Category == CriterionCategory.Treatment);
        string[] inputs = treatment
            ? ["enterprises", "facilities", "outlets", "treatment_facilities", "cems_hourly", "cems_valid_hours"]
            : ["enterprises", "facilities", "outlets", "cems_hourly", "cems_valid_hours"];
        string table = Clean(grading.Criteria.Name);
        yield return new(new("grading_outcomes", $"Performance grading (criteria table '{table}'), one row per graded enterprise and criterion of its industry in the latest CEMS year: passes, fails, unknown or not_applicable, with a concentration criterion's highest valid hour on the threshold's basis and the threshold (grading.enterprises[].failed[] and unknown[]); mirrors PerformanceGrading.Grade.", GradingOutcomes(grading, catalogue, asOf)), inputs);
        yield return new(new("grading_enterprises", $"Performance grade per enterprise (criteria table '{table}'): the best grade of the industry's ladder whose criteria and those of every worse grade pass or do not apply, an unknown blocking its grade and every better one, else the floor; the counts of failed and unknown criteria; NULL for an enterprise no industry covers (grading.enterprises[].grade, grading.not_graded[]); mirrors PerformanceGrading.Grade.", GradingEnterprises(grading)), ["enterprises", "grading_outcomes"]);
        yield return new(new("grading_distribution", "Graded enterprises per grade name, every grade listed, zero included (grading.distribution); mirrors GradingResult.Distribution.", GradingDistribution(grading)), ["enterprises", "grading_enterprises"]);
    }

    /// <summary>Where a criterion's value comes from, for a comment: the catalogue row's key, mark and source, or the
    /// criteria table.</summary>
    private static string CatalogueNote(ReferenceCatalogue catalogue, DateOnly asOf, string? key, string otherwise) =>
        key is not null && catalogue.TryGet(key, asOf, out ReferenceValue? row)
            ? $"{key} [{row.ConfidenceMark}] {Clean(row.Source)}"
            : otherwise;

    /// <summary>Text as an SQL literal, a quote doubled.</summary>
    private static string Text(string text) => string.Create(CultureInfo.InvariantCulture, $"'{text.Replace("'", "''", StringComparison.Ordinal)}'");
}
