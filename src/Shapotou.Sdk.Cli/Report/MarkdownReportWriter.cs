using System.Globalization;
using System.Text;

namespace Shapotou.Sdk.Cli.Report;

/// <summary>Writes the report as Markdown, the charts linked as the PNG files written beside it.</summary>
internal static class MarkdownReportWriter
{
    /// <summary>Writes the Markdown of <paramref name="report"/>.</summary>
    public static string Write(DistrictReport report)
    {
        ReportContext context = report.Context;
        ReportText text = context.Text;
        CultureInfo c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.Append(c, $"# {text["report.title"]}\n\n{text["report.subtitle"]}\n\n");
        md.Append(c, $"{text["report.dataset"]}: **{Cell(HtmlReportWriter.DatasetName(context))}** · {text["report.sdk"]} {context.Assessment.SdkVersion} · {text["report.catalogue_as_of"]} {context.Assessment.CatalogueAsOf.ToString("yyyy-MM-dd", c)} · {text["report.year"]} {context.Year.ToString(c)}\n\n");
        if (context.Assessment.Illustrative)
        {
            md.Append(c, $"> **{text["report.illustrative"]}**\n\n");
        }

        foreach (SectionContent section in report.Sections)
        {
            md.Append(c, $"## {section.Heading}\n\n");
            foreach (ReportChart chart in section.Charts)
            {
                md.Append(c, $"![{Cell(chart.Title)}]({chart.FileName})\n\n");
            }

            foreach (string paragraph in section.Paragraphs)
            {
                md.Append(paragraph).Append("\n\n");
            }

            if (section.Table is { } table)
            {
                md.Append("| ").Append(string.Join(" | ", table.Header.Select(Cell))).Append(" |\n|");
                md.Append(string.Join("|", table.Header.Select((_, i) => i == 0 ? "---" : "---:"))).Append("|\n");
                foreach (IReadOnlyList<string> row in table.Rows)
                {
                    md.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
                }

                md.Append('\n');
            }
        }

        md.Append(c, $"## {text["report.warnings"]}\n\n");
        foreach (string warning in ReportWarnings.Lines(context.Assessment, text))
        {
            md.Append("- ").Append(warning).Append('\n');
        }

        md.Append('\n');
        md.Append(c, $"## {text["report.assumptions"]}\n\n");
        foreach (string assumption in context.Assessment.Assumptions)
        {
            md.Append("- ").Append(RecordedText.Assumption(assumption, text.Language)).Append('\n');
        }

        return md.ToString();
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal);
}
