using System.Globalization;
using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Concentrations;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Grading;

/// <summary>
/// Grades enterprises against a criteria table (P18): A / B / B− / C and performance-leading, or whatever ladder the
/// table declares per industry, explaining every failed criterion and listing unknown facts.
/// </summary>
/// <remarks>
/// <para>The unit graded is the <b>enterprise</b>, as in the guide ("铁合金企业的绩效评级结果与…最低满足项保持一致",
/// docs/grading.md). A criterion covers the enterprise's <b>running</b> facilities of its facility kinds; idle
/// and retired facilities emit nothing and are not judged.</para>
/// <para>Grades are cumulative: grade G is attained when every criterion of G and of every worse grade passes or does
/// not apply. The grade is the best attained one; the floor (the ladder's last grade, which has no criteria) otherwise.
/// An unknown criterion makes its grade, and every better one, unattainable, and the result says so.</para>
/// <para>Concentration criteria judge every valid hourly mean of the year (flag N for value and flow) through the
/// emission-inventory kernel that <see cref="PermitCompliance"/> uses, each hour converted to the threshold's
/// reference O₂ with c × (21 − O₂ref) ÷ (21 − O₂): the statistic is the highest valid hourly value on the threshold's
/// basis, compared <c>at_or_below</c> (a value at the threshold passes, the permit rule) or <c>below</c>. An outlet
/// without valid hours is unknown. NaN cells are invalid hours, never zeros.</para>
/// </remarks>
public static class PerformanceGrading
{
    /// <summary>Grades every enterprise of the dataset whose industry code the table covers.</summary>
    /// <param name="data">The dataset.</param>
    /// <param name="year">The year of CEMS hours judged.</param>
    /// <param name="criteria">The criteria table.</param>
    /// <param name="facts">Enterprise facts for fugitive and transport criteria (at most one entry per enterprise); an
    /// absent enterprise or fact is unknown.</param>
    /// <param name="catalogue">The reference catalogue for thresholds and reference O₂ given by key.</param>
    /// <param name="asOf">The date whose catalogue rows apply.</param>
    /// <returns>The grades, the enterprises not covered, and the assumptions.</returns>
    /// <exception cref="ShapotouDataException">A fact names an enterprise not in the dataset or repeats one, a fact's
    /// type does not fit its criterion, or a criterion's catalogue key has no row in force on <paramref name="asOf"/>.</exception>
    public static GradingResult Grade(
        ClusterDataset data,
        int year,
        GradingCriteria criteria,
        IReadOnlyList<EnterpriseFacts> facts,
        ReferenceCatalogue catalogue,
        DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(catalogue);

        var factsById = new Dictionary<string, EnterpriseFacts>(StringComparer.Ordinal);
        var enterpriseIds = data.Enterprises.Select(e => e.EnterpriseId).ToHashSet(StringComparer.Ordinal);
        for (int i = 0; i < facts.Count; i++)
        {
            EnterpriseFacts f = facts[i] ?? throw new ArgumentException($"Enterprise facts, entry {i}, is null.", nameof(facts));
            if (!enterpriseIds.Contains(f.EnterpriseId))
            {
                throw new ShapotouDataException($"Enterprise facts, entry {i}: enterprise_id '{f.EnterpriseId}' is not in table 'enterprises' of dataset '{data.Name}'.");
            }

            if (!factsById.TryAdd(f.EnterpriseId, f))
            {
                throw new ShapotouDataException($"Enterprise facts, entry {i}: enterprise_id '{f.EnterpriseId}' already appeared in an earlier entry; expected one entry per enterprise.");
            }
        }

        var context = new Context(data, year, catalogue, asOf, criteria.Name);
        var grades = new List<EnterpriseGrade>();
        var notGraded = new List<string>();
        var assumptions = new List<string>();
        var omitted = new List<string>();
        var usedIndustries = new HashSet<string>(StringComparer.Ordinal);
        foreach (Enterprise enterprise in data.Enterprises)
        {
            IndustryCriteria? industry = criteria.FindIndustry(enterprise.IndustryCode);
            if (industry is null)
            {
                notGraded.Add($"Enterprise '{enterprise.EnterpriseId}' ({enterprise.Name}): industry code {enterprise.IndustryCode} is in no industry of criteria table '{criteria.Name}'.");
                continue;
            }

            EnterpriseGrade grade = GradeEnterprise(context, enterprise, industry, factsById.GetValueOrDefault(enterprise.EnterpriseId));
            grades.Add(grade);
            foreach (string a in grade.Assumptions.Where(a => !assumptions.Contains(a)))
            {
                assumptions.Add(a);
            }

            if (usedIndustries.Add(industry.Industry))
            {
                omitted.AddRange(industry.Omitted.Select(o => $"{industry.Industry}: {o}"));
            }
        }

        return new GradingResult(grades, notGraded, assumptions, omitted);
    }

    private static EnterpriseGrade GradeEnterprise(Context context, Enterprise enterprise, IndustryCriteria industry, EnterpriseFacts? facts)
    {
        Facility[] running = [.. context.FacilitiesOf[enterprise.EnterpriseId].Where(f => f.Status == FacilityStatus.Running)];
        var assumptions = new List<string>();
        if (industry.Illustrative && industry.Label is { } label)
        {
            assumptions.Add(label);
        }

        if (context.Data.Illustrative)
        {
            assumptions.Add($"Dataset '{context.Data.Name}' is illustrative: its figures are partly synthetic, and so are the grades.");
        }

        var outcomes = new List<CriterionOutcome>(industry.Criteria.Count);
        foreach (GradingCriterion criterion in industry.Criteria)
        {
            (CriterionStatus status, string expected, string actual, string source) = criterion.Category switch
            {
                CriterionCategory.Concentration => JudgeConcentration(context, criterion, running, assumptions),
                CriterionCategory.Treatment => JudgeTreatment(context, criterion, running),
                CriterionCategory.Monitoring => JudgeMonitoring(context, criterion, running),
                _ => JudgeFact(criterion, enterprise, facts),
            };
            if (criterion.Assumption is { } assumption && !assumptions.Contains(assumption))
            {
                assumptions.Add(assumption);
            }

            outcomes.Add(new CriterionOutcome(
                criterion.Id,
                criterion.Grade,
                criterion.Category,
                status,
                expected,
                actual,
                source,
                Explain(criterion, status, expected, actual, source)));
        }

        // Cumulative grades: grade k needs every criterion of grades k .. floor-1 to pass or not apply.
        IReadOnlyList<PerformanceGrade> ladder = industry.Grades;
        PerformanceGrade attained = industry.Floor;
        var explanation = new List<string>();
        for (int k = 0; k < ladder.Count - 1; k++)
        {
            CriterionOutcome[] needed = [.. outcomes.Where(o => o.Grade >= ladder[k])];
            CriterionOutcome[] failed = [.. needed.Where(o => o.Status == CriterionStatus.Fail)];
            CriterionOutcome[] unknown = [.. needed.Where(o => o.Status == CriterionStatus.Unknown)];
            if (failed.Length == 0 && unknown.Length == 0)
            {
                attained = ladder[k];
                break;
            }

            string name = PerformanceGrades.ToName(ladder[k]);
            var parts = new List<string>();
            if (failed.Length > 0)
            {
                parts.Add($"failed {string.Join(", ", failed.Select(o => $"'{o.CriterionId}'"))}");
            }

            if (unknown.Length > 0)
            {
                parts.Add($"unknown {string.Join(", ", unknown.Select(o => $"'{o.CriterionId}'"))} (grade {name} cannot be attained until {(unknown.Length == 1 ? "it is" : "they are")} known)");
            }

            explanation.Add($"Not grade {name}: {string.Join("; ", parts)}.");
        }

        return new EnterpriseGrade(
            enterprise.EnterpriseId,
            industry.Industry,
            attained,
            outcomes,
            [.. outcomes.Where(o => o.Status == CriterionStatus.Fail)],
            [.. outcomes.Where(o => o.Status == CriterionStatus.Unknown)],
            explanation,
            [.. industry.Measures.Where(m => m.Grade == attained)],
            assumptions);
    }

    private static string Explain(GradingCriterion criterion, CriterionStatus status, string expected, string actual, string source)
    {
        string head = $"Criterion '{criterion.Id}' (grade {PerformanceGrades.ToName(criterion.Grade)}, {CategoryName(criterion.Category)})";
        return status switch
        {
            CriterionStatus.Pass => $"{head} passes: expected {expected}; actual {actual}; source {source}.",
            CriterionStatus.Fail => $"{head} fails: expected {expected}; actual {actual}; source {source}.",
            CriterionStatus.Unknown => $"{head} is unknown: expected {expected}; actual {actual}; source {source}. Grade {PerformanceGrades.ToName(criterion.Grade)} and every better grade cannot be attained until it is known.",
            _ => $"{head} does not apply: {actual}; source {source}.",
        };
    }

    private static (CriterionStatus, string, string, string) JudgeConcentration(Context context, GradingCriterion criterion, Facility[] running, List<string> assumptions)
    {
        Pollutant pollutant = criterion.Pollutant!.Value;
        string p = ContractNames.ToName(pollutant);
        EmissionLimit limit = context.LimitOf(criterion, assumptions);
        double threshold = limit.Value?.MilligramsPerCubicMeter ?? 0;
        string comparison = criterion.Comparison == ThresholdComparison.Below ? "strictly below" : "at or below";
        string expected = string.Create(
            CultureInfo.InvariantCulture,
            $"every valid hourly {p} of {context.Year} from running {Kinds(criterion)} {comparison} {(limit.Prohibited ? "0 (prohibited)" : Format(threshold))} mg/m3 ({limit.Basis})");
        string source = $"{criterion.Source} [{criterion.Mark}]{(criterion.LimitKey is null ? string.Empty : $"; threshold {limit.Source}")}";
        Facility[] covered = Covered(criterion, running);
        if (covered.Length == 0)
        {
            return (CriterionStatus.NotApplicable, expected, $"no running {Kinds(criterion)}", source);
        }

        var fails = new List<string>();
        var unknowns = new List<string>();
        var passes = new List<string>();

        // An outlet shared by several covered facilities is judged once.
        var outletIds = new List<string>();
        foreach (Facility facility in covered)
        {
            string[] own = [.. context.OutletsOf[facility.FacilityId].Where(o => o.Pollutant == pollutant).Select(o => o.OutletId)];
            if (own.Length == 0)
            {
                unknowns.Add($"facility '{facility.FacilityId}' has no {p} row in outlets");
            }

            outletIds.AddRange(own.Where(id => !outletIds.Contains(id, StringComparer.Ordinal)));
        }

        foreach (string outletId in outletIds)
        {
            OutletCompliance? judged = context.Judge(outletId, pollutant, limit);
            if (judged is not { MaxHourly: { } max })
            {
                unknowns.Add(judged is null
                    ? $"outlet '{outletId}' has no CEMS rows in {context.Year}"
                    : $"outlet '{outletId}' has no valid {p} hour in {context.Year}{(limit.Basis.IsMeasured ? string.Empty : " with an O2 value")}");
                continue;
            }

            double highest = max.MilligramsPerCubicMeter;
            bool pass = criterion.Comparison == ThresholdComparison.Below ? highest < threshold : judged.OverLimitHours == 0;
            string text = string.Create(
                CultureInfo.InvariantCulture,
                $"outlet '{outletId}' highest {Format(highest)} mg/m3, {judged.OverLimitHours} of {judged.ValidHours} valid hours above {Format(threshold)}");
            (pass ? passes : fails).Add(text);
        }

        return Verdict(fails, unknowns, passes, expected, source);
    }

    private static (CriterionStatus, string, string, string) JudgeTreatment(Context context, GradingCriterion criterion, Facility[] running)
    {
        string p = ContractNames.ToName(criterion.Pollutant!.Value);
        string allowed = string.Join(" or ", criterion.TreatmentKinds.Select(ContractNames.ToName));
        string expected = $"every running {Kinds(criterion)} treats {p} with {allowed}";
        string source = $"{criterion.Source} [{criterion.Mark}]";
        Facility[] covered = Covered(criterion, running);
        if (covered.Length == 0)
        {
            return (CriterionStatus.NotApplicable, expected, $"no running {Kinds(criterion)}", source);
        }

        var fails = new List<string>();
        var passes = new List<string>();
        foreach (Facility facility in covered)
        {
            TreatmentKind[] kinds = [.. context.TreatmentOf[facility.FacilityId].Where(t => t.Pollutant == criterion.Pollutant).Select(t => t.Kind)];
            string have = kinds.Length == 0
                ? $"facility '{facility.FacilityId}' has no {p} treatment in treatment_facilities"
                : $"facility '{facility.FacilityId}' has {string.Join(", ", kinds.Select(ContractNames.ToName))}";
            (kinds.Any(criterion.TreatmentKinds.Contains) ? passes : fails).Add(have);
        }

        return Verdict(fails, [], passes, expected, source);
    }

    private static (CriterionStatus, string, string, string) JudgeMonitoring(Context context, GradingCriterion criterion, Facility[] running)
    {
        string rows = criterion.Pollutant is { } pol ? $"{ContractNames.ToName(pol)} outlet" : "outlet";
        string expected = $"a CEMS on every {rows} of running {Kinds(criterion)} (outlets.cems_installed true)";
        string source = $"{criterion.Source} [{criterion.Mark}]";
        Facility[] covered = Covered(criterion, running);
        if (covered.Length == 0)
        {
            return (CriterionStatus.NotApplicable, expected, $"no running {Kinds(criterion)}", source);
        }

        var fails = new List<string>();
        var unknowns = new List<string>();
        var passes = new List<string>();
        foreach (Facility facility in covered)
        {
            Outlet[] outlets = [.. context.OutletsOf[facility.FacilityId].Where(o => criterion.Pollutant is null || o.Pollutant == criterion.Pollutant)];
            if (outlets.Length == 0)
            {
                unknowns.Add($"facility '{facility.FacilityId}' has no {rows} row in outlets");
                continue;
            }

            foreach (Outlet outlet in outlets)
            {
                string which = $"outlet '{outlet.OutletId}' {ContractNames.ToName(outlet.Pollutant)}";
                switch (outlet.CemsInstalled)
                {
                    case true:
                        passes.Add($"{which} has a CEMS");
                        break;
                    case false:
                        fails.Add($"{which} has no CEMS");
                        break;
                    default:
                        unknowns.Add($"{which}: cems_installed is not known");
                        break;
                }
            }
        }

        return Verdict(fails, unknowns, passes, expected, source);
    }

    private static (CriterionStatus, string, string, string) JudgeFact(GradingCriterion criterion, Enterprise enterprise, EnterpriseFacts? facts)
    {
        string fact = criterion.Fact!;
        string unit = criterion.FactUnit is { } u ? $" {u}" : string.Empty;
        string expected = criterion.FactEquals is { } eq
            ? $"{fact} = {(eq ? "true" : "false")}"
            : string.Join(" and ", new[]
            {
                criterion.FactAtLeast is { } min ? string.Create(CultureInfo.InvariantCulture, $"{fact} at least {Format(min)}{unit}") : null,
                criterion.FactAtMost is { } max ? string.Create(CultureInfo.InvariantCulture, $"{fact} at most {Format(max)}{unit}") : null,
            }.Where(s => s is not null));
        string source = $"{criterion.Source} [{criterion.Mark}]";
        if (facts is null || !facts.Facts.TryGetValue(fact, out FactValue value) || (value.Flag is null && value.Number is null))
        {
            string why = facts is null
                ? $"no facts were supplied for enterprise '{enterprise.EnterpriseId}'"
                : $"fact '{fact}' was not supplied for enterprise '{enterprise.EnterpriseId}'";
            return (CriterionStatus.Unknown, expected, why, source);
        }

        string actual = $"{fact} = {value}{(value.Number is null ? string.Empty : unit)}{(facts.Source is { } s ? $" ({s})" : string.Empty)}";
        CheckFactType(enterprise.EnterpriseId, fact, value, criterion);
        if (criterion.FactEquals is { } wanted)
        {
            return (value.Flag == wanted ? CriterionStatus.Pass : CriterionStatus.Fail, expected, actual, source);
        }

        double number = value.Number!.Value;
        bool pass = (criterion.FactAtLeast is not { } lo || number >= lo) && (criterion.FactAtMost is not { } hi || number <= hi);
        return (pass ? CriterionStatus.Pass : CriterionStatus.Fail, expected, actual, source);
    }

    /// <summary>Refuses a known fact of another type than <paramref name="criterion"/> reads (a number for a yes/no
    /// criterion, a yes/no for a numeric one), naming the enterprise, the fact and the criterion; an unknown fact (no
    /// value) passes, to be judged unknown. One check for <see cref="Grade"/> and the SQL views of the grading.</summary>
    internal static void CheckFactType(string enterpriseId, string fact, FactValue value, GradingCriterion criterion)
    {
        if (value.Flag is null && value.Number is null)
        {
            return;
        }

        if (criterion.FactEquals is not null && value.Flag is null)
        {
            throw new ShapotouDataException($"Enterprise facts, enterprise '{enterpriseId}': fact '{fact}' is the number {value}; criterion '{criterion.Id}' expects true or false.");
        }

        if (criterion.FactEquals is null && value.Number is null)
        {
            throw new ShapotouDataException($"Enterprise facts, enterprise '{enterpriseId}': fact '{fact}' is {value}; criterion '{criterion.Id}' expects a number.");
        }
    }

    private static (CriterionStatus, string, string, string) Verdict(List<string> fails, List<string> unknowns, List<string> passes, string expected, string source)
    {
        // A failure decides the criterion even when other outlets are unknown; both are reported.
        CriterionStatus status = fails.Count > 0 ? CriterionStatus.Fail : unknowns.Count > 0 ? CriterionStatus.Unknown : CriterionStatus.Pass;
        IEnumerable<string> shown = status == CriterionStatus.Pass ? passes : fails.Concat(unknowns);
        return (status, expected, string.Join("; ", shown), source);
    }

    private static Facility[] Covered(GradingCriterion criterion, Facility[] running) =>
        [.. running.Where(f => criterion.FacilityKinds.Contains(f.Kind))];

    private static string Kinds(GradingCriterion criterion) => string.Join(" or ", criterion.FacilityKinds.Select(ContractNames.ToName));

    /// <summary>The category's name in a criteria table (<c>concentration</c>, …), for messages and the SQL views.</summary>
    internal static string CategoryName(CriterionCategory category) => category switch
    {
        CriterionCategory.Concentration => "concentration",
        CriterionCategory.Treatment => "treatment",
        CriterionCategory.Monitoring => "monitoring",
        CriterionCategory.Fugitive => "fugitive",
        _ => "transport",
    };

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>The threshold of a concentration criterion and its basis, from the table or the catalogue row in force on
    /// <paramref name="asOf"/>: one definition for <see cref="Grade"/> and the SQL views of the grading.</summary>
    internal static EmissionLimit LimitOf(GradingCriterion criterion, ReferenceCatalogue catalogue, DateOnly asOf, string tableName, List<string> assumptions)
    {
        ConcentrationBasis basis;
        if (criterion.MeasuredBasis)
        {
            basis = ConcentrationBasis.Measured;
        }
        else if (criterion.ReferenceOxygen is { } referenceOxygen)
        {
            basis = ConcentrationBasis.AtReferenceOxygen(referenceOxygen);
        }
        else
        {
            ReferenceValue o2 = Row(catalogue, asOf, tableName, criterion, criterion.ReferenceOxygenKey!, "reference_o2_key", "%");
            basis = ConcentrationBasis.AtReferenceOxygen(VolumeConcentration.FromPercent(o2.GetValue()));
        }

        if (criterion.Limit is { } limit)
        {
            return EmissionLimit.Of(limit, basis, $"{criterion.Source} [{criterion.Mark}]");
        }

        ReferenceValue row = Row(catalogue, asOf, tableName, criterion, criterion.LimitKey!, "limit_key", "mg/m3");
        if (row.NeedsConfirmation)
        {
            string note = $"Criterion '{criterion.Id}' takes its threshold from catalogue row {row.Key}, marked {row.ConfidenceMark} (one secondary source; confirm before relying on it).";
            if (!assumptions.Contains(note))
            {
                assumptions.Add(note);
            }
        }

        return EmissionLimit.FromReference(row, basis);
    }

    private static ReferenceValue Row(ReferenceCatalogue catalogue, DateOnly asOf, string tableName, GradingCriterion criterion, string key, string field, string unit)
    {
        if (!catalogue.TryGet(key, asOf, out ReferenceValue? row))
        {
            throw new ShapotouDataException($"Grading criteria '{tableName}', criterion '{criterion.Id}': field '{field}' is '{key}', which the catalogue does not hold in force on {asOf:yyyy-MM-dd}.");
        }

        if (!string.Equals(row.Unit.Symbol, unit, StringComparison.Ordinal) || (row.Value is null && !row.Prohibited))
        {
            throw new ShapotouDataException($"Grading criteria '{tableName}', criterion '{criterion.Id}': field '{field}' is '{key}', whose unit is '{row.Unit.Symbol}'; expected '{unit}'.");
        }

        return row;
    }

    /// <summary>The dataset, year and catalogue of one grading run, with the CEMS scans made once per pollutant.</summary>
    private sealed class Context(ClusterDataset data, int year, ReferenceCatalogue catalogue, DateOnly asOf, string tableName)
    {
        private HashSet<string>? _outletsWithRows;

        public ClusterDataset Data { get; } = data;

        public int Year { get; } = year;

        /// <summary>Gets each enterprise's facilities, in table order: one pass over the table, not one per enterprise.</summary>
        public ILookup<string, Facility> FacilitiesOf { get; } = data.Facilities.ToLookup(f => f.EnterpriseId, StringComparer.Ordinal);

        /// <summary>Gets each facility's outlet rows, in table order.</summary>
        public ILookup<string, Outlet> OutletsOf { get; } = data.Outlets.ToLookup(o => o.FacilityId, StringComparer.Ordinal);

        /// <summary>Gets each facility's treatment rows, in table order.</summary>
        public ILookup<string, TreatmentFacility> TreatmentOf { get; } = data.TreatmentFacilities.ToLookup(t => t.FacilityId, StringComparer.Ordinal);

        public EmissionLimit LimitOf(GradingCriterion criterion, List<string> assumptions) => PerformanceGrading.LimitOf(criterion, catalogue, asOf, tableName, assumptions);

        public OutletCompliance? Judge(string outletId, Pollutant pollutant, EmissionLimit limit)
        {
            if (CemsHours.Of(Data) is not { } hours)
            {
                return null;
            }

            _outletsWithRows ??= hours.Runs(Year).Select(r => r.OutletId).ToHashSet(StringComparer.Ordinal);
            if (!_outletsWithRows.Contains(outletId))
            {
                return null;
            }

            return PermitCompliance.Judge(hours, outletId, pollutant, Year, limit);
        }
    }
}
