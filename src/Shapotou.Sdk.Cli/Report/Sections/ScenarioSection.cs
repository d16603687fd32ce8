using System.Globalization;
using ScottPlot;
using Shapotou.Sdk.Analytics.Scenarios;
using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Cli.Report.Sections;

/// <summary>
/// The outcome of the scenario given with <c>shapotou report --scenario FILE</c>: per pollutant the base-year inventory,
/// the 2027 projection with its Monte Carlo P5–P95 band, and the ceiling; the changes ranked by cost per tonne. Without a
/// scenario the section says how to add one.
/// </summary>
internal sealed class ScenarioSection : ReportSection
{
    private const double BarWidth = 0.26;
    private static readonly Color s_base = Color.FromHex("#7F7F7F");
    private static readonly Color s_projected = Color.FromHex("#1F77B4");
    private static readonly Color s_ceiling = Color.FromHex("#D62728");

    /// <inheritdoc/>
    public override string Id => "scenario";

    /// <inheritdoc/>
    public override SectionContent Build(ReportContext context)
    {
        ReportText text = context.Text;
        CultureInfo c = CultureInfo.InvariantCulture;
        if (context.Scenario is not { } outcome)
        {
            return new SectionContent(Id, text["scenario.heading"], [], [text["report.chart_unavailable"] + text["scenario.none"]], null);
        }

        Scenario scenario = outcome.Scenario;
        string title = text.Format("scenario.title", scenario.Name, scenario.BaseYear);
        Plot plot = ReportPlot.Create(title, text["emissions.col.pollutant"], text["scenario.axis"]);
        IReadOnlyList<PollutantOutcome> pollutants = outcome.Pollutants;
        AddBars(plot, pollutants.Select((p, i) => (i - BarWidth, p.Base.Tonnes)), s_base, s_base, text.Format("scenario.base", scenario.BaseYear));
        AddBars(plot, pollutants.Select((p, i) => (i + 0.0, p.Projected.Tonnes)), s_projected, s_projected, text["scenario.projected"]);
        AddBars(plot, pollutants.Select((p, i) => (i + BarWidth, p.Ceiling.Tonnes)), s_ceiling.WithAlpha(0.3), s_ceiling, text["scenario.ceiling"]);
        double top = pollutants.Max(p => Math.Max(Math.Max(p.Base.Tonnes, p.Ceiling.Tonnes), p.Percentiles?.P95.Tonnes ?? p.Projected.Tonnes));
        for (int i = 0; i < pollutants.Count; i++)
        {
            if (pollutants[i].Percentiles is { } band)
            {
                ScottPlot.Plottables.LinePlot whisker = plot.Add.Line(i, band.P5.Tonnes, i, band.P95.Tonnes);
                whisker.LineWidth = 2.5f;
                whisker.LineColor = Colors.Black;
                whisker.MarkerSize = 0;
            }
        }

        plot.Axes.Bottom.SetTicks(
            Enumerable.Range(0, pollutants.Count).Select(i => (double)i).ToArray(),
            pollutants.Select(p => text[$"pollutant.{ContractNames.ToName(p.Pollutant)}"]).ToArray());
        plot.Axes.SetLimits(-0.6, pollutants.Count - 0.4, 0, top * 1.35);
        plot.ShowLegend(Edge.Bottom);
        ReportPlot.AddNote(plot, text["scenario.note"]);

        string separator = text.Language == ReportLanguage.Zh ? "；" : "; ";
        string verdicts = string.Join(separator, pollutants.Select(p => text.Format(
            p.Met ? "scenario.met" : "scenario.missed",
            text[$"pollutant.{ContractNames.ToName(p.Pollutant)}"],
            Math.Abs(p.Margin.Tonnes).ToString("N2", c),
            p.ProbabilityMet?.ToString("P0", c) ?? "–")));
        string paragraph = text.Format(
            "scenario.text",
            scenario.Name,
            scenario.Changes.Count,
            scenario.BaseYear,
            verdicts,
            outcome.EnergyChange?.TonnesOfCoalEquivalent.ToString("N0", c) ?? "–",
            outcome.Co2Change?.Tonnes.ToString("N0", c) ?? "–",
            scenario.Samples.ToString("N0", c),
            scenario.Seed.ToString(c));
        var table = new ReportTable(
            [text["scenario.col.change"], text["scenario.col.abated"], text["scenario.col.cost"], text["scenario.col.yuan_per_t"]],
            outcome.Changes.Select(ch => (IReadOnlyList<string>)
            [
                ch.ChangeId,
                string.Join(" / ", pollutants.Select(p => ch.Abated.TryGetValue(p.Pollutant, out UnitsNet.Mass t) ? t.Tonnes.ToString("N1", c) : "0.0")),
                (ch.AnnualCostYuan / 10_000m)?.ToString("N0", c) ?? "–",
                ch.CostPerTonneAbatedYuan?.ToString("N0", c) ?? "–",
            ]).ToArray());
        return new SectionContent(Id, text["scenario.heading"], [ReportPlot.Render(plot, context, $"{Id}.png", title)], [paragraph], table);
    }

    private static void AddBars(Plot plot, IEnumerable<(double Position, double Tonnes)> values, Color fill, Color line, string legend)
    {
        ScottPlot.Plottables.BarPlot bars = plot.Add.Bars(values.Select(v => new Bar
        {
            Position = v.Position,
            Value = v.Tonnes,
            FillColor = fill,
            LineColor = line,
            LineWidth = 1.5f,
            Size = BarWidth * 0.92,
            Label = v.Tonnes.ToString("N0", CultureInfo.InvariantCulture),
        }).ToList());
        bars.LegendText = legend;
        bars.ValueLabelStyle.FontSize = 12;
    }
}
