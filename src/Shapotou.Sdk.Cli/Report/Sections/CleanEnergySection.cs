using System.Globalization;
using ScottPlot;
using Shapotou.Sdk.Analytics.EnergyEfficiency;
using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Cli.Report.Sections;

/// <summary>
/// The clean-energy share of the ledger's energy use per year against the plan's 30 % (P5), with what the dataset lacks
/// for the plan's own measure said in words.
/// </summary>
internal sealed class CleanEnergySection : ReportSection
{
    private static readonly Color s_bar = Color.FromHex("#17BECF");
    private static readonly Color s_target = Color.FromHex("#D62728");

    /// <inheritdoc/>
    public override string Id => "clean-energy";

    /// <inheritdoc/>
    public override SectionContent Build(ReportContext context)
    {
        ReportText text = context.Text;
        CultureInfo c = CultureInfo.InvariantCulture;
        var calculator = new EnergyCalculator(context.Catalogue);
        var options = new CleanEnergyOptions();
        var years = new List<(int Year, double Share, double CleanTce, double TotalTce)>();
        foreach (IGrouping<int, EnergyLedgerEntry> year in context.Dataset.EnergyLedger.GroupBy(r => r.Period.Year).OrderBy(g => g.Key))
        {
            ComprehensiveEnergy energy = calculator.ComputeRows(year.ToArray(), new DateOnly(year.Key, 12, 31));
            if (CleanEnergyShare.Share(energy, options) is { } share)
            {
                double total = energy.CarrierTotals.Values.Sum(t => t?.KilogramsOfCoalEquivalent ?? double.NaN);
                double clean = energy.CarrierTotals.Where(t => options.CleanCarriers.Contains(t.Key)).Sum(t => t.Value?.KilogramsOfCoalEquivalent ?? double.NaN);
                years.Add((year.Key, share.Percent, clean / 1000, total / 1000));
            }
        }

        if (years.Count == 0)
        {
            return new SectionContent(Id, text["clean.heading"], [], [text["report.chart_unavailable"] + text["clean.unavailable"]], null);
        }

        double target = CleanEnergyShare.Target(context.Catalogue).Percent;
        string title = text["clean.title"];
        Plot plot = ReportPlot.Create(title, text["chart.year"], text["clean.axis"]);
        plot.Add.Bars(years.Select(y => new Bar
        {
            Position = y.Year,
            Value = y.Share,
            FillColor = s_bar,
            LineWidth = 0,
            Size = 0.6,
            Label = y.Share.ToString("0.00", c) + " %",
        }).ToList()).ValueLabelStyle.FontSize = 12;
        ScottPlot.Plottables.HorizontalLine line = plot.Add.HorizontalLine(target, width: 2, color: s_target, pattern: LinePattern.Dashed);
        line.LegendText = text.Format("clean.target", target.ToString(c));
        plot.Axes.Bottom.SetTicks(years.Select(y => (double)y.Year).ToArray(), years.Select(y => y.Year.ToString(c)).ToArray());
        plot.Axes.SetLimits(years[0].Year - 0.7, years[^1].Year + 0.7, 0, Math.Max(target, years.Max(y => y.Share)) * 1.35);
        ReportPlot.AddNote(plot, text["clean.note"]);
        plot.ShowLegend(Edge.Bottom);

        var table = new ReportTable(
            [text["chart.year"], text["clean.col.clean"], text["clean.col.total"], text["clean.col.share"]],
            years.Select(y => (IReadOnlyList<string>)[y.Year.ToString(c), y.CleanTce.ToString("N0", c), y.TotalTce.ToString("N0", c), y.Share.ToString("0.00", c)]).ToArray());
        return new SectionContent(Id, text["clean.heading"], [ReportPlot.Render(plot, context, $"{Id}.png", title)], [text["clean.text"]], table);
    }
}
