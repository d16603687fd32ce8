namespace Shapotou.Sdk.Analytics.Grading;

/// <summary>
/// A performance grade of the heavy-pollution-weather emergency rules (重污染天气重点行业绩效分级), best first; criteria
/// tables write them <c>performance_leading</c>, <c>A</c>, <c>B</c>, <c>B-</c>, <c>C</c> and <c>D</c>.
/// </summary>
/// <remarks>
/// Which grades an industry uses is data: each industry of a <see cref="GradingCriteria"/> table declares its ladder,
/// best first (the cement measures of the 2020 guide use A, B, C and D; docs/grading.md).
/// </remarks>
public enum PerformanceGrade
{
    /// <summary><c>performance_leading</c>: performance-leading (绩效引领性).</summary>
    PerformanceLeading = 1,

    /// <summary><c>A</c>: grade A.</summary>
    A,

    /// <summary><c>B</c>: grade B.</summary>
    B,

    /// <summary><c>B-</c>: grade B− (B minus).</summary>
    BMinus,

    /// <summary><c>C</c>: grade C.</summary>
    C,

    /// <summary><c>D</c>: grade D.</summary>
    D,
}

/// <summary>The names criteria tables and reports use for <see cref="PerformanceGrade"/> values.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public static class PerformanceGrades
{
    private static readonly (PerformanceGrade Grade, string Name)[] s_names =
    [
        (PerformanceGrade.PerformanceLeading, "performance_leading"),
        (PerformanceGrade.A, "A"),
        (PerformanceGrade.B, "B"),
        (PerformanceGrade.BMinus, "B-"),
        (PerformanceGrade.C, "C"),
        (PerformanceGrade.D, "D"),
    ];

    /// <summary>Gets every name, best grade first.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. s_names.Select(n => n.Name)];

    /// <summary>Gets the name of a grade, such as <c>B-</c> for <see cref="PerformanceGrade.BMinus"/>.</summary>
    /// <param name="grade">The grade.</param>
    /// <returns>The name.</returns>
    public static string ToName(PerformanceGrade grade)
    {
        foreach ((PerformanceGrade g, string name) in s_names)
        {
            if (g == grade)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(grade), grade, "Not a defined performance grade.");
    }

    /// <summary>Parses a grade name strictly; <c>B−</c> with a minus sign (U+2212) is read as <c>B-</c>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="grade">The grade, when the name is known.</param>
    /// <returns><see langword="true"/> when the name is a grade name.</returns>
    public static bool TryParse(string? name, out PerformanceGrade grade)
    {
        string? normalised = name?.Replace('\u2212', '-');
        foreach ((PerformanceGrade g, string n) in s_names)
        {
            if (string.Equals(n, normalised, StringComparison.Ordinal))
            {
                grade = g;
                return true;
            }
        }

        grade = default;
        return false;
    }
}
