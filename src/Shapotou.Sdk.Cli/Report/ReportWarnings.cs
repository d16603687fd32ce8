using System.Globalization;
using Shapotou.Sdk.Assessment;

namespace Shapotou.Sdk.Cli.Report;

/// <summary>The assessment's plausibility warnings as lines of the report, in its language: each from the warning's
/// fields (table, row or outlet and hour, value, threshold), so the Chinese report gets Chinese sentences.</summary>
internal static class ReportWarnings
{
    /// <summary>The lines: one per listed warning, then one per check with more than it lists; one line saying none
    /// where no check found a value.</summary>
    public static IReadOnlyList<string> Lines(DistrictAssessment assessment, ReportText text)
    {
        if (assessment.Warnings.Count == 0)
        {
            return [text["warnings.none"]];
        }

        var lines = new List<string>();
        foreach (PlausibilityWarnings check in assessment.Warnings)
        {
            string name = PlausibilityWarnings.ToName(check.Check);
            foreach (PlausibilityWarning w in check.Listed)
            {
                string where = w.Row is { } row
                    ? text.Format("warnings.where.row", w.Table, row, w.Key)
                    : text.Format("warnings.where.hour", w.Table, w.Key, w.Hour!.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
                lines.Add(where + text.Format("warnings." + name, Number(w.Value), Number(w.Threshold), w.Unit));
            }

            if (check.Count > check.Listed.Count)
            {
                lines.Add(text.Format("warnings.more", text["warnings.title." + name], check.Count - check.Listed.Count));
            }
        }

        return lines;
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
