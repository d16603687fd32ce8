namespace Shapotou.Sdk.Analytics.Grading;

/// <summary>The outcome of one criterion for one enterprise.</summary>
public enum CriterionStatus
{
    /// <summary>The criterion is met.</summary>
    Pass = 1,

    /// <summary>The criterion is not met.</summary>
    Fail,

    /// <summary>The data or facts it needs are missing; the grade that needs it cannot be attained.</summary>
    Unknown,

    /// <summary>The enterprise has no running facility the criterion covers; it does not hold the grade back.</summary>
    NotApplicable,
}

/// <summary>One criterion judged for one enterprise, explained in words.</summary>
/// <param name="CriterionId">The criterion's id.</param>
/// <param name="Grade">The grade it is required for.</param>
/// <param name="Category">The category.</param>
/// <param name="Status">Pass, fail, unknown or not applicable.</param>
/// <param name="Expected">What the criterion requires, in words, with the threshold and its basis.</param>
/// <param name="Actual">What the data or facts show, in words, per facility or outlet.</param>
/// <param name="Source">The criterion's source and mark, and the threshold's catalogue row where it has one.</param>
/// <param name="Explanation">One sentence: criterion id, grade, category, status, expected, actual and source.</param>
public sealed record CriterionOutcome(
    string CriterionId,
    PerformanceGrade Grade,
    CriterionCategory Category,
    CriterionStatus Status,
    string Expected,
    string Actual,
    string Source,
    string Explanation);

/// <summary>The grade of one enterprise and why.</summary>
/// <param name="EnterpriseId">The enterprise.</param>
/// <param name="Industry">The criteria table's industry that covers its industry code.</param>
/// <param name="Grade">The best grade of the industry's ladder whose criteria, and those of every worse grade, all pass
/// (or do not apply); the floor when there is none.</param>
/// <param name="Criteria">Every criterion of the industry, judged, in table order.</param>
/// <param name="Failed">The failed criteria.</param>
/// <param name="Unknown">The criteria whose data or facts are missing (never guessed), each making its grade and every
/// better one unattainable.</param>
/// <param name="Explanation">Why each grade better than <paramref name="Grade"/> was not attained, best first.</param>
/// <param name="Measures">The emergency measures that go with the grade, where the table gives them.</param>
/// <param name="Assumptions">The labels and assumptions the grade rests on (an illustrative table's label included).</param>
public sealed record EnterpriseGrade(
    string EnterpriseId,
    string Industry,
    PerformanceGrade Grade,
    IReadOnlyList<CriterionOutcome> Criteria,
    IReadOnlyList<CriterionOutcome> Failed,
    IReadOnlyList<CriterionOutcome> Unknown,
    IReadOnlyList<string> Explanation,
    IReadOnlyList<GradeMeasure> Measures,
    IReadOnlyList<string> Assumptions);

/// <summary>The grades of every enterprise a criteria table covers.</summary>
/// <param name="Enterprises">One grade per covered enterprise, in dataset order.</param>
/// <param name="NotGraded">Enterprises no industry of the table covers, by name and industry code.</param>
/// <param name="Assumptions">Every label and assumption of the grades, each once.</param>
/// <param name="Omitted">What the tables of the graded industries omit because the references lack it, per industry.</param>
public sealed record GradingResult(
    IReadOnlyList<EnterpriseGrade> Enterprises,
    IReadOnlyList<string> NotGraded,
    IReadOnlyList<string> Assumptions,
    IReadOnlyList<string> Omitted)
{
    /// <summary>Counts the enterprises per grade, best grade first, every grade listed (zero included).</summary>
    /// <param name="industry">Only this industry of the table, or <see langword="null"/> for all.</param>
    /// <returns>The grades and their counts.</returns>
    public IReadOnlyList<(PerformanceGrade Grade, int Count)> Distribution(string? industry = null) =>
        [.. Enum.GetValues<PerformanceGrade>().Select(g => (g, Enterprises.Count(e =>
            e.Grade == g && (industry is null || string.Equals(e.Industry, industry, StringComparison.Ordinal)))))];
}
