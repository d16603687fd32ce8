using System.Globalization;
using ScottPlot;
using Shapotou.Sdk.Analytics.EnergyEfficiency;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Cli.Report.Sections;

/// <summary>Unit product energy per enterprise in the report's year, one chart per product with a benchmark, against its benchmark and baseline levels.</summary>
internal sealed class UnitEnergySection : ReportSection
{
    private static readonly Color s_bar = Color.FromHex("#4C78A8");
    private static readonly Color s_benchmark = Color.FromHex("#2CA02C");
    private static readonly Color s_baseline = Color.FromHex("#D62728");

    /// <inheritdoc/>
    public override string Id => "unit-energy";

    /// <summary>The product's name as a file-name stem: lower-case letters and digits, other characters as '-'.</summary>
    private static string FileStem(string product) =>
        new(product.Select(ch => char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '-').ToArray());

    /// <inheritdoc/>
    public override SectionContent Build(ReportContext context)
    {
        ReportText text = context.Text;
        CultureInfo c = CultureInfo.InvariantCulture;
        GroupEnergy[] rows = context.Assessment.Energy
            .Where(e => e.Year == context.Year && e.Month is null && e.Benchmark is not null && e.UnitEnergy is not null)
            .ToArray();
        if (rows.Length == 0)
        {
            return new SectionContent(Id, text["energy.heading"], [], [text["report.chart_unavailable"] + text["energy.unavailable"]], null);
        }

        var charts = new List<ReportChart>();
        var paragraphs = new List<string>();
        var tableRows = new List<IReadOnlyList<string>>();
        IGrouping<string, GroupEnergy>[] products = rows.GroupBy(e => e.Product, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
        foreach (IGrouping<string, GroupEnergy> product in products)
        {
            // Best at the top: bars are drawn from the bottom, so the worst enterprise gets position 0.
            GroupEnergy[] ordered = product.OrderByDescending(e => e.UnitEnergy!.Value.KilogramsOfCoalEquivalentPerTonne).ThenBy(e => e.GroupId, StringComparer.Ordinal).ToArray();
            EnergyBenchmark benchmark = ordered[0].Benchmark!;
            string title = text.Format("energy.title", context.Year, product.Key);
            Plot plot = ReportPlot.Create(title, text["energy.axis"], text["energy.col.enterprise"]);
            ScottPlot.Plottables.BarPlot bars = plot.Add.Bars(ordered.Select((e, i) => new Bar
            {
                Position = i,
                Value = e.UnitEnergy!.Value.KilogramsOfCoalEquivalentPerTonne,
                FillColor = s_bar,
                LineWidth = 0,
                Size = 0.7,
                Label = e.UnitEnergy!.Value.KilogramsOfCoalEquivalentPerTonne.ToString("N1", c),
                CenterLabel = true,
            }).ToList());
            bars.Horizontal = true;
            bars.ValueLabelStyle.FontSize = 13;
            bars.ValueLabelStyle.ForeColor = Colors.White;
            bars.ValueLabelStyle.Bold = true;

            double right = ordered.Max(e => e.UnitEnergy!.Value.KilogramsOfCoalEquivalentPerTonne);
            if (benchmark.Benchmark.Value is { } benchmarkValue)
            {
                ScottPlot.Plottables.VerticalLine line = plot.Add.VerticalLine(benchmarkValue, width: 2, color: s_benchmark, pattern: LinePattern.Dashed);
                line.LegendText = text.Format("energy.benchmark", benchmarkValue.ToString(c), benchmark.Benchmark.ConfidenceMark);
                right = Math.Max(right, benchmarkValue);
            }

            if (benchmark.Baseline.Value is { } baselineValue)
            {
                ScottPlot.Plottables.VerticalLine line = plot.Add.VerticalLine(baselineValue, width: 2, color: s_baseline, pattern: LinePattern.Dashed);
                line.LegendText = text.Format("energy.baseline", baselineValue.ToString(c), benchmark.Baseline.ConfidenceMark);
                right = Math.Max(right, baselineValue);
            }

            plot.Axes.Left.SetTicks(
                Enumerable.Range(0, ordered.Length).Select(i => (double)i).ToArray(),
                ordered.Select(e => context.EnterpriseName(e.GroupId)).ToArray());
            plot.Axes.SetLimits(0, right * 1.12, -0.6, ordered.Length - 0.4 + 1.2);
            plot.ShowLegend(Edge.Bottom);
            string fileName = $"{Id}-{FileStem(product.Key)}.png";
            charts.Add(ReportPlot.Render(plot, context, fileName, title));

            paragraphs.Add(text.Format("energy.text", RecordedText.Source(benchmark.Benchmark.Source, text.Language), benchmark.Benchmark.ConfidenceMark));
            if (benchmark.Benchmark.ConfidenceMark == "S" || benchmark.Baseline.ConfidenceMark == "S")
            {
                paragraphs.Add(text["energy.unconfirmed"]);
            }

            tableRows.AddRange(ordered.Reverse().Select(e => (IReadOnlyList<string>)
            [
                context.EnterpriseName(e.GroupId),
                e.Product,
                e.Output.Tonnes.ToString("N0", c),
                e.UnitEnergy!.Value.KilogramsOfCoalEquivalentPerTonne.ToString("N1", c),
                e.BenchmarkClass is { } bc ? text[$"class.{BenchmarkClassification.ToName(bc)}"] : "–",
            ]));
        }

        return new SectionContent(
            Id,
            text["energy.heading"],
            charts,
            paragraphs.Distinct(StringComparer.Ordinal).ToArray(),
            new ReportTable([text["energy.col.enterprise"], text["energy.col.product"], text["energy.col.output"], text["energy.col.unit_energy"], text["energy.col.class"]], tableRows));
    }
}
