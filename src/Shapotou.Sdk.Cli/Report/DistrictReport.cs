using Shapotou.Sdk.Analytics.Scenarios;
using Shapotou.Sdk.Assessment;
using Shapotou.Sdk.Cli.Report.Sections;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Cli.Report;

/// <summary>The district report: the assessment's figures as charts, paragraphs and tables, in one language.</summary>
/// <param name="Context">What the sections were built from.</param>
/// <param name="Sections">The built sections, in report order.</param>
internal sealed record DistrictReport(ReportContext Context, IReadOnlyList<SectionContent> Sections)
{
    /// <summary>The report's sections, in order.</summary>
    public static IReadOnlyList<ReportSection> SectionKinds { get; } =
    [
        new EmissionsSection(),
        new UnitEnergySection(),
        new WasteHeatSection(),
        new SolidWasteSection(),
        new CleanEnergySection(),
        new GradingSection(),
        new ScenarioSection(),
    ];

    /// <summary>Gets every chart of the report, in order.</summary>
    public IEnumerable<ReportChart> Charts => Sections.SelectMany(s => s.Charts);

    /// <summary>Builds the report of an assessment.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="dataset">The dataset the assessment was made from.</param>
    /// <param name="catalogue">The catalogue the assessment used.</param>
    /// <param name="year">The year of the per-enterprise charts: a year of the ledgers or of the CEMS hours; a section
    /// without rows in it says so.</param>
    /// <param name="language">The report's language.</param>
    /// <param name="scenario">The outcome of a scenario to draw, or <see langword="null"/> (the section then says how to add one).</param>
    public static DistrictReport Build(DistrictAssessment assessment, ClusterDataset dataset, ReferenceCatalogue catalogue, int year, ReportLanguage language, ScenarioOutcome? scenario = null)
    {
        // The year is checked against the ledgers and the CEMS hours by the assessment (a usage error outside them); a
        // year held by only some tables (CEMS hours without ledger rows) is drawn where it can be, and each section
        // without rows for it says so.
        var context = new ReportContext(assessment, dataset, catalogue, year, ReportText.For(language), scenario);
        return new DistrictReport(context, SectionKinds.Select(s => s.Build(context)).ToArray());
    }

    /// <summary>
    /// Deletes the charts an earlier run wrote into <paramref name="folder"/> that this run did not (a
    /// <c>scenario.png</c> after a run without <c>--scenario</c>, a product's chart after a <c>--year</c> without it), so
    /// the folder holds exactly this run's report. Only names a section can write are touched; other files stay.
    /// </summary>
    private static void RemoveStaleCharts(string folder, IReadOnlyCollection<string> written)
    {
        var current = written.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFiles(folder, "*.png"))
        {
            string name = Path.GetFileName(path);
            bool ours = SectionKinds.Any(s => name == $"{s.Id}.png" || (name.StartsWith($"{s.Id}-", StringComparison.Ordinal) && name.EndsWith(".png", StringComparison.Ordinal)));
            if (ours && !current.Contains(name))
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>Writes <c>report.html</c> (charts embedded, one file that opens offline), <c>report.md</c> and the charts as PNG files into <paramref name="folder"/>.</summary>
    /// <returns>The paths written.</returns>
    public IReadOnlyList<string> Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (ReportChart chart in Charts)
        {
            string path = Path.Combine(folder, chart.FileName);
            File.WriteAllBytes(path, chart.Png);
            written.Add(path);
        }

        string html = Path.Combine(folder, "report.html");
        File.WriteAllText(html, HtmlReportWriter.Write(this));
        written.Add(html);
        string markdown = Path.Combine(folder, "report.md");
        File.WriteAllText(markdown, MarkdownReportWriter.Write(this));
        written.Add(markdown);
        RemoveStaleCharts(folder, written);
        return written;
    }
}
