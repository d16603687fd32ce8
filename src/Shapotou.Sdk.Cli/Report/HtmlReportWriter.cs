using System.Globalization;
using System.Net;
using System.Text;

namespace Shapotou.Sdk.Cli.Report;

/// <summary>Writes the report as one self-contained HTML file: the charts are embedded as PNG data URIs, the style is inline, nothing is fetched.</summary>
internal static class HtmlReportWriter
{
    private const string Style = """
        body { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; max-width: 1140px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.5; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; }
        .meta { color: #555; }
        .illustrative { background: #FFF3CD; border: 1px solid #B08900; color: #5C4400; padding: 0.6em 1em; border-radius: 4px; }
        figure { margin: 1em 0; }
        figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
        figcaption { color: #555; font-size: 0.9em; }
        table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.92em; }
        th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; }
        th { background: #f3f3f3; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        .assumptions li { font-size: 0.9em; color: #444; }
        """;

    /// <summary>Writes the HTML of <paramref name="report"/>.</summary>
    public static string Write(DistrictReport report)
    {
        ReportContext context = report.Context;
        ReportText text = context.Text;
        CultureInfo c = CultureInfo.InvariantCulture;
        var html = new StringBuilder();
        html.Append(c, $"<!DOCTYPE html>\n<html lang=\"{text.Code}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{E(text["report.title"])}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n");
        html.Append(c, $"<h1>{E(text["report.title"])}</h1>\n<p class=\"meta\">{E(text["report.subtitle"])}</p>\n");
        html.Append(c, $"<p class=\"meta\">{E(text["report.dataset"])}: <strong>{E(DatasetName(context))}</strong> · {E(text["report.sdk"])} {E(context.Assessment.SdkVersion)} · {E(text["report.catalogue_as_of"])} {context.Assessment.CatalogueAsOf.ToString("yyyy-MM-dd", c)} · {E(text["report.year"])} {context.Year.ToString(c)}</p>\n");
        if (context.Assessment.Illustrative)
        {
            html.Append(c, $"<p class=\"illustrative\">{E(text["report.illustrative"])}</p>\n");
        }

        html.Append(c, $"<nav><h2>{E(text["report.contents"])}</h2>\n<ol>\n");
        foreach (SectionContent section in report.Sections)
        {
            html.Append(c, $"<li><a href=\"#{section.Id}\">{E(section.Heading)}</a></li>\n");
        }

        html.Append("</ol>\n</nav>\n");
        foreach (SectionContent section in report.Sections)
        {
            html.Append(c, $"<section id=\"{section.Id}\">\n<h2>{E(section.Heading)}</h2>\n");
            foreach (ReportChart chart in section.Charts)
            {
                html.Append(c, $"<figure>\n<img src=\"data:image/png;base64,{Convert.ToBase64String(chart.Png)}\" alt=\"{E(chart.Title)}\" data-chart=\"{chart.FileName}\" width=\"{ReportPlot.Width}\" height=\"{ReportPlot.Height}\">\n<figcaption>{E(chart.Title)}</figcaption>\n</figure>\n");
            }

            foreach (string paragraph in section.Paragraphs)
            {
                html.Append(c, $"<p>{E(paragraph)}</p>\n");
            }

            if (section.Table is { } table)
            {
                html.Append(c, $"<table>\n<caption>{E(text["report.data"])}</caption>\n<tr>");
                foreach (string cell in table.Header)
                {
                    html.Append(c, $"<th>{E(cell)}</th>");
                }

                html.Append("</tr>\n");
                foreach (IReadOnlyList<string> row in table.Rows)
                {
                    html.Append("<tr>");
                    for (int i = 0; i < row.Count; i++)
                    {
                        html.Append(i == 0 ? "<td>" : "<td class=\"n\">").Append(E(row[i])).Append("</td>");
                    }

                    html.Append("</tr>\n");
                }

                html.Append("</table>\n");
            }

            html.Append("</section>\n");
        }

        html.Append(c, $"<section id=\"warnings\" class=\"assumptions\">\n<h2>{E(text["report.warnings"])}</h2>\n<ul>\n");
        foreach (string warning in ReportWarnings.Lines(context.Assessment, text))
        {
            html.Append(c, $"<li>{E(warning)}</li>\n");
        }

        html.Append("</ul>\n</section>\n");
        html.Append(c, $"<section id=\"assumptions\" class=\"assumptions\">\n<h2>{E(text["report.assumptions"])}</h2>\n<ul>\n");
        foreach (string assumption in context.Assessment.Assumptions)
        {
            html.Append(c, $"<li>{E(RecordedText.Assumption(assumption, text.Language))}</li>\n");
        }

        html.Append("</ul>\n</section>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The dataset's name in the report's language.</summary>
    internal static string DatasetName(ReportContext context) =>
        context.Text.Language == ReportLanguage.Zh ? RecordedText.DatasetName(context.Assessment.DatasetName) : context.Assessment.DatasetName;

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
