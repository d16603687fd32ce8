using System.Globalization;
using ScottPlot;
using Shapotou.Sdk.Analytics.SolidWaste;
using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Cli.Report.Sections;

/// <summary>General industrial solid-waste utilisation of the ferroalloy enterprises and their total, against the plan's 2027 minimum (P9).</summary>
internal sealed class SolidWasteSection : ReportSection
{
    private const string TargetKey = "plan.target_2027.solid_waste_utilisation_min";

    private static readonly Color s_bar = Color.FromHex("#9467BD");
    private static readonly Color s_total = Color.FromHex("#4B2C6B");
    private static readonly Color s_target = Color.FromHex("#D62728");

    /// <inheritdoc/>
    public override string Id => "solid-waste";

    /// <inheritdoc/>
    public override SectionContent Build(ReportContext context)
    {
        ReportText text = context.Text;
        CultureInfo c = CultureInfo.InvariantCulture;
        IReadOnlySet<string> ferroalloy = context.FerroalloyEnterpriseIds();
        SolidWasteLedgerEntry[] ledger = context.Dataset.SolidWasteLedger.Where(r => ferroalloy.Contains(r.EnterpriseId) && r.Period.Year == context.Year).ToArray();
        EnterpriseUtilisation[] enterprises = SolidWasteUtilisation.ByEnterprise(ledger, context.Year).Where(u => u.UtilisationRate is not null).ToArray();
        if (enterprises.Length == 0)
        {
            return new SectionContent(Id, text["solidwaste.heading"], [], [text["report.chart_unavailable"] + text["solidwaste.unavailable"]], null);
        }

        double target = context.Catalogue.Get(TargetKey, new DateOnly(context.Assessment.Figures.TargetYear, 12, 31)).ToRatio().Percent;
        double? total = SolidWasteUtilisation.Rate(ledger)?.Percent;

        // The total at the bottom, then the enterprises from the lowest rate upwards, so the best is at the top.
        var rows = new List<(string Label, double Rate, bool IsTotal)>();
        if (total is { } t)
        {
            rows.Add((text["solidwaste.total"], t, true));
        }

        rows.AddRange(enterprises.OrderBy(u => u.UtilisationRate!.Value.Percent).ThenByDescending(u => u.EnterpriseId, StringComparer.Ordinal)
            .Select(u => (context.EnterpriseName(u.EnterpriseId), u.UtilisationRate!.Value.Percent, false)));

        string title = text.Format("solidwaste.title", context.Year);
        Plot plot = ReportPlot.Create(title, text["solidwaste.axis"], text["energy.col.enterprise"]);
        ScottPlot.Plottables.BarPlot bars = plot.Add.Bars(rows.Select((r, i) => new Bar
        {
            Position = i,
            Value = r.Rate,
            FillColor = r.IsTotal ? s_total : s_bar,
            LineWidth = 0,
            Size = 0.7,
            Label = r.Rate.ToString("0.0", c) + " %",
        }).ToList());
        bars.Horizontal = true;
        bars.ValueLabelStyle.FontSize = 12;

        ScottPlot.Plottables.VerticalLine line = plot.Add.VerticalLine(target, width: 2, color: s_target, pattern: LinePattern.Dashed);
        line.LegendText = text.Format("solidwaste.target", target.ToString(c));
        plot.Axes.Left.SetTicks(Enumerable.Range(0, rows.Count).Select(i => (double)i).ToArray(), rows.Select(r => r.Label).ToArray());
        plot.Axes.SetLimits(0, Math.Max(100, rows.Max(r => r.Rate) * 1.1), -0.6, rows.Count - 0.4 + 1.2);
        plot.ShowLegend(Edge.Bottom);

        var table = new ReportTable(
            [text["energy.col.enterprise"], text["solidwaste.col.rate"]],
            Enumerable.Reverse(rows).Select(r => (IReadOnlyList<string>)[r.Label, r.Rate.ToString("0.0", c)]).ToArray());
        return new SectionContent(
            Id,
            text["solidwaste.heading"],
            [ReportPlot.Render(plot, context, $"{Id}.png", title)],
            [text.Format("solidwaste.text", total?.ToString("0.0", c) ?? "–")],
            table);
    }
}
