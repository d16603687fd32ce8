using System.Globalization;
using ScottPlot;
using Shapotou.Sdk.Analytics.WasteHeat;
using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Cli.Report.Sections;

/// <summary>Waste-heat recovery on the ferroalloy enterprises' submerged-arc furnaces: furnaces with and without recovery per enterprise.</summary>
internal sealed class WasteHeatSection : ReportSection
{
    private static readonly Color s_with = Color.FromHex("#2CA02C");
    private static readonly Color s_without = Color.FromHex("#D62728");
    private static readonly Color s_unknown = Color.FromHex("#A0A0A0");

    /// <inheritdoc/>
    public override string Id => "waste-heat";

    /// <inheritdoc/>
    public override SectionContent Build(ReportContext context)
    {
        ReportText text = context.Text;
        CultureInfo c = CultureInfo.InvariantCulture;
        IReadOnlySet<string> ferroalloy = context.FerroalloyEnterpriseIds();
        var perEnterprise = WasteHeatRecovery.ByEnterprise(context.Dataset, ferroalloy)
            .Select(e => (Id: e.EnterpriseId, With: e.FurnacesWithRecovery, Without: e.FurnacesWithoutRecovery, Unknown: e.FurnacesUnknown))
            .OrderBy(e => e.With + e.Without + e.Unknown).ThenByDescending(e => e.Id, StringComparer.Ordinal)
            .ToArray();
        if (perEnterprise.Length == 0)
        {
            return new SectionContent(Id, text["wasteheat.heading"], [], [text["report.chart_unavailable"] + text["wasteheat.unavailable"]], null);
        }

        WasteHeatCoverage coverage = WasteHeatRecovery.Coverage(context.Dataset, ferroalloy, context.Year);
        string title = text.Format("wasteheat.title", context.Year);
        Plot plot = ReportPlot.Create(title, text["wasteheat.axis"], text["energy.col.enterprise"]);
        AddStack(plot, perEnterprise.Select((e, i) => (i, 0.0, (double)e.With)), s_with, text["wasteheat.with"]);
        AddStack(plot, perEnterprise.Select((e, i) => (i, (double)e.With, (double)e.Without)), s_without, text["wasteheat.without"]);
        if (perEnterprise.Any(e => e.Unknown > 0))
        {
            AddStack(plot, perEnterprise.Select((e, i) => (i, (double)(e.With + e.Without), (double)e.Unknown)), s_unknown, text["wasteheat.unknown"]);
        }

        int most = perEnterprise.Max(e => e.With + e.Without + e.Unknown);
        plot.Axes.Left.SetTicks(
            Enumerable.Range(0, perEnterprise.Length).Select(i => (double)i).ToArray(),
            perEnterprise.Select(e => context.EnterpriseName(e.Id)).ToArray());
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        plot.Axes.SetLimits(0, most + 1.5, -0.6, perEnterprise.Length - 0.4 + 1.2);
        plot.ShowLegend(Edge.Bottom);

        string paragraph = text.Format(
            "wasteheat.text",
            coverage.Furnaces,
            coverage.FurnacesWithRecovery,
            coverage.Coverage?.Percent.ToString("0.0", c) ?? "–",
            coverage.CapacityCoverage?.Percent.ToString("0.0", c) ?? "–",
            context.Assessment.WasteHeatTarget.Percent.ToString(c));
        var table = new ReportTable(
            [text["energy.col.enterprise"], text["wasteheat.with"], text["wasteheat.without"], text["wasteheat.unknown"]],
            perEnterprise.Reverse().Select(e => (IReadOnlyList<string>)[context.EnterpriseName(e.Id), e.With.ToString(c), e.Without.ToString(c), e.Unknown.ToString(c)]).ToArray());
        return new SectionContent(Id, text["wasteheat.heading"], [ReportPlot.Render(plot, context, $"{Id}.png", title)], [paragraph], table);
    }

    private static void AddStack(Plot plot, IEnumerable<(int Position, double Start, double Count)> segments, Color color, string legend)
    {
        ScottPlot.Plottables.BarPlot bars = plot.Add.Bars(segments.Where(s => s.Count > 0).Select(s => new Bar
        {
            Position = s.Position,
            ValueBase = s.Start,
            Value = s.Start + s.Count,
            FillColor = color,
            LineColor = Colors.White,
            LineWidth = 1,
            Size = 0.7,
            Label = s.Count.ToString(CultureInfo.InvariantCulture),
            CenterLabel = true,
        }).ToList());
        bars.Horizontal = true;
        bars.LegendText = legend;
        bars.ValueLabelStyle.FontSize = 12;
        bars.ValueLabelStyle.ForeColor = Colors.White;
        bars.ValueLabelStyle.Bold = true;
    }
}
