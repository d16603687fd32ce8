using System.Globalization;
using ScottPlot;
using Shapotou.Sdk.Analytics.Grading;

namespace Shapotou.Sdk.Cli.Report.Sections;

/// <summary>The P18 performance grades: enterprises per grade, stacked by the criteria table's industry.</summary>
internal sealed class GradingSection : ReportSection
{
    private static readonly Color[] s_colors = [Color.FromHex("#1F77B4"), Color.FromHex("#FF7F0E"), Color.FromHex("#2CA02C"), Color.FromHex("#9467BD"), Color.FromHex("#8C564B")];

    /// <inheritdoc/>
    public override string Id => "grading";

    /// <inheritdoc/>
    public override SectionContent Build(ReportContext context)
    {
        ReportText text = context.Text;
        CultureInfo c = CultureInfo.InvariantCulture;
        if (context.Assessment.Emissions.Grading is not { Enterprises.Count: > 0 } grading)
        {
            string why = context.Dataset.CemsHourly is not null || context.Dataset.EnergyLedger.Count > 0
                ? text.Format("grading.unavailable.year", context.Assessment.Year)
                : text["grading.unavailable"];
            return new SectionContent(Id, text["grading.heading"], [], [text["report.chart_unavailable"] + why], null);
        }

        PerformanceGrade[] grades = Enum.GetValues<PerformanceGrade>();
        string[] industries = grading.Enterprises.Select(e => e.Industry).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        int[][] counts = industries.Select(i => grading.Distribution(i).Select(d => d.Count).ToArray()).ToArray();
        int year = context.Assessment.Emissions.Inventories.Count > 0 ? context.Assessment.Emissions.Inventories[^1].Year : context.Year;
        string title = text.Format("grading.title", year);
        Plot plot = ReportPlot.Create(title, text["grading.axis.x"], text["grading.axis.y"]);
        var bottoms = new double[grades.Length];
        for (int i = 0; i < industries.Length; i++)
        {
            int industry = i;
            ScottPlot.Plottables.BarPlot bars = plot.Add.Bars(Enumerable.Range(0, grades.Length).Where(g => counts[industry][g] > 0).Select(g => new Bar
            {
                Position = g,
                ValueBase = bottoms[g],
                Value = bottoms[g] + counts[industry][g],
                FillColor = s_colors[industry % s_colors.Length],
                LineColor = Colors.White,
                LineWidth = 1,
                Size = 0.6,
                Label = counts[industry][g].ToString(c),
                CenterLabel = true,
            }).ToList());
            bars.LegendText = IndustryLabel(industries[i]);
            bars.ValueLabelStyle.FontSize = 13;
            bars.ValueLabelStyle.ForeColor = Colors.White;
            bars.ValueLabelStyle.Bold = true;
            for (int g = 0; g < grades.Length; g++)
            {
                bottoms[g] += counts[industry][g];
            }
        }

        plot.Axes.Bottom.SetTicks(
            Enumerable.Range(0, grades.Length).Select(g => (double)g).ToArray(),
            grades.Select(GradeLabel).ToArray());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.SetLimits(-0.6, grades.Length - 0.4, 0, Math.Max(1, bottoms.Max()) * 1.35);
        plot.ShowLegend(Edge.Bottom);
        ReportPlot.AddNote(plot, text["grading.note"]);

        // What most often holds a better grade back: criteria failed or unknown, by the number of enterprises.
        string reasons = string.Join(
            text.Language == ReportLanguage.Zh ? "；" : "; ",
            grading.Enterprises.SelectMany(e => e.Failed.Concat(e.Unknown).Select(o => o.CriterionId).Distinct(StringComparer.Ordinal))
                .GroupBy(id => id, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Take(3)
                .Select(g => text.Format("grading.reason", CriterionLabel(g.Key, text.Language), g.Count())));
        string paragraph = text.Format("grading.text", grading.Enterprises.Count, grading.NotGraded.Count, reasons.Length > 0 ? reasons : "–");

        var header = new List<string> { text["grading.col.grade"] };
        header.AddRange(industries.Select(IndustryLabel));
        header.Add(text["grading.col.total"]);
        var rows = Enumerable.Range(0, grades.Length)
            .Where(g => bottoms[g] > 0)
            .Select(g => (IReadOnlyList<string>)[GradeLabel(grades[g]), .. counts.Select(i => i[g].ToString(c)), bottoms[g].ToString(c)])
            .ToArray();
        return new SectionContent(Id, text["grading.heading"], [ReportPlot.Render(plot, context, $"{Id}.png", title)], [paragraph], new ReportTable(header, rows));

        string IndustryLabel(string industry) => ReportText.Keys.Contains($"grading.industry.{industry}") ? text[$"grading.industry.{industry}"] : industry;

        string GradeLabel(PerformanceGrade grade) => grade == PerformanceGrade.PerformanceLeading ? text["grading.leading"] : PerformanceGrades.ToName(grade);
    }

    /// <summary>A criterion id of the form <c>industry.grade.check</c> (the bundled criteria files) in words of the
    /// report's language, pollutant codes kept; an id of another form (a user's criteria file) as it is.</summary>
    internal static string CriterionLabel(string id, ReportLanguage language)
    {
        string[] parts = id.Split('.');
        if (parts.Length != 3
            || !s_industries.TryGetValue(parts[0], out (string Zh, string En) industry)
            || !s_grades.TryGetValue(parts[1], out string? grade)
            || !s_checks.TryGetValue(parts[2], out (string Zh, string En) check))
        {
            return id;
        }

        return language == ReportLanguage.Zh
            ? $"{industry.Zh} {grade} 级：{check.Zh}"
            : $"{industry.En} grade {grade}: {check.En}";
    }

    private static readonly Dictionary<string, (string Zh, string En)> s_industries = new(StringComparer.Ordinal)
    {
        ["cement"] = ("水泥", "cement"),
        ["ferroalloy"] = ("铁合金", "ferroalloy"),
    };

    private static readonly Dictionary<string, string> s_grades = new(StringComparer.Ordinal)
    {
        ["a"] = "A",
        ["b"] = "B",
        ["b_minus"] = "B-",
        ["c"] = "C",
    };

    private static readonly Dictionary<string, (string Zh, string En)> s_checks = new(StringComparer.Ordinal)
    {
        ["kiln_pm"] = ("水泥窑颗粒物", "kiln PM"),
        ["kiln_so2"] = ("水泥窑 SO2", "kiln SO2"),
        ["kiln_nox"] = ("水泥窑 NOx", "kiln NOx"),
        ["furnace_pm"] = ("矿热炉颗粒物", "furnace PM"),
        ["furnace_so2"] = ("矿热炉 SO2", "furnace SO2"),
        ["furnace_nox"] = ("矿热炉 NOx", "furnace NOx"),
        ["furnace_desulfurisation"] = ("矿热炉脱硫", "furnace desulfurisation"),
        ["furnace_cems"] = ("矿热炉在线监测", "furnace CEMS"),
        ["furnace_dust_filter"] = ("矿热炉除尘", "furnace dust filter"),
        ["truck_share"] = ("国五及以上重型货车运输比例", "share of China V or better trucks"),
        ["closed_storage"] = ("物料封闭储存", "closed storage"),
    };
}
