using Shapotou.Sdk.Analytics.Scenarios;
using Shapotou.Sdk.Assessment;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Cli.Report;

/// <summary>
/// One section of the report: a heading, its charts, a few paragraphs and the numbers behind the charts. A new chart
/// is one subclass added to <see cref="DistrictReport.SectionKinds"/>, with its labels in <see cref="ReportText"/>; the
/// writers render every section alike.
/// </summary>
internal abstract class ReportSection
{
    /// <summary>Gets the section's id: the HTML anchor and the stem of its chart files.</summary>
    public abstract string Id { get; }

    /// <summary>Builds the section; a section whose data the dataset lacks says so in words instead of drawing.</summary>
    public abstract SectionContent Build(ReportContext context);
}

/// <summary>What the sections read: the assessment, the dataset it was made from, the catalogue, the year and the language.</summary>
/// <param name="Assessment">The district assessment.</param>
/// <param name="Dataset">The dataset the assessment was made from.</param>
/// <param name="Catalogue">The reference catalogue the assessment used.</param>
/// <param name="Year">The year of the per-enterprise charts.</param>
/// <param name="Text">The localisation table in the report's language.</param>
/// <param name="Scenario">The outcome of the scenario given with <c>--scenario</c>, or <see langword="null"/>.</param>
internal sealed record ReportContext(DistrictAssessment Assessment, ClusterDataset Dataset, ReferenceCatalogue Catalogue, int Year, ReportText Text, ScenarioOutcome? Scenario = null)
{
    /// <summary>Gets the display name of an enterprise in the report's language (its Chinese name where it has one; a synthetic enterprise by its township and industry).</summary>
    public string EnterpriseName(string enterpriseId)
    {
        Enterprise? enterprise = Dataset.Enterprises.FirstOrDefault(e => e.EnterpriseId == enterpriseId);
        if (enterprise is null)
        {
            return enterpriseId;
        }

        return Text.Language == ReportLanguage.Zh && enterprise.NameZh is { Length: > 0 } zh
            ? zh
            : RecordedText.EnterpriseName(enterprise.Name, Text.Language);
    }

    /// <summary>Gets the ids of the ferroalloy enterprises (GB/T 4754-2017 class 3140).</summary>
    public IReadOnlySet<string> FerroalloyEnterpriseIds() =>
        Dataset.Enterprises.Where(e => e.IndustryCode == ClusterSummary.FerroalloyIndustryCode).Select(e => e.EnterpriseId).ToHashSet(StringComparer.Ordinal);
}

/// <summary>A built section.</summary>
/// <param name="Id">The section's id.</param>
/// <param name="Heading">The heading, in the report's language.</param>
/// <param name="Charts">The charts; empty when the dataset lacks the data (a paragraph then says why).</param>
/// <param name="Paragraphs">What the charts show, where the numbers come from, and what is missing.</param>
/// <param name="Table">The numbers behind the charts; null when there are none.</param>
internal sealed record SectionContent(string Id, string Heading, IReadOnlyList<ReportChart> Charts, IReadOnlyList<string> Paragraphs, ReportTable? Table);

/// <summary>A chart rendered as PNG.</summary>
/// <param name="FileName">The file name of the PNG beside the report (<c>&lt;section&gt;[-n].png</c>).</param>
/// <param name="Title">The chart's title, also its alternative text.</param>
/// <param name="Png">The PNG bytes.</param>
internal sealed record ReportChart(string FileName, string Title, byte[] Png);

/// <summary>A table of text cells; the first column is left-aligned, the others right-aligned.</summary>
internal sealed record ReportTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);
