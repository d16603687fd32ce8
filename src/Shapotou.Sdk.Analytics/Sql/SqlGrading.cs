using Shapotou.Sdk.Analytics.Grading;

namespace Shapotou.Sdk.Analytics.Sql;

/// <summary>What the grading views of <see cref="SqlCalculators"/> are generated from: the criteria table and the
/// enterprise facts that <see cref="PerformanceGrading.Grade"/> takes (<c>assess --grading-criteria FILE --facts FILE</c>,
/// <c>sql --grading-criteria FILE --facts FILE</c>), inlined as literal rows.</summary>
/// <param name="Criteria">The criteria table (the SDK's examples: <c>GradingCriteria.Combine("SDK examples",
/// GradingCriteria.CementExample(), GradingCriteria.FerroalloyIllustrativeExample())</c>, as the assessment takes them).</param>
/// <param name="Facts">The enterprise facts; an absent enterprise or fact is unknown, as in the SDK.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record SqlGrading(GradingCriteria Criteria, IReadOnlyList<EnterpriseFacts> Facts)
{
    /// <summary>Gets the SDK's example criteria (cement, sourced; ferroalloy, illustrative) without facts, the grading
    /// <c>assess</c> runs when given neither file.</summary>
    public static SqlGrading Examples { get; } = new(
        GradingCriteria.Combine("SDK examples", GradingCriteria.CementExample(), GradingCriteria.FerroalloyIllustrativeExample()),
        []);
}
