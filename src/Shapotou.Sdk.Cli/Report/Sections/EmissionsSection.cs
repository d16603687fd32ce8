using System.Globalization;
using ScottPlot;
using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Assessment;
using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Cli.Report.Sections;

/// <summary>Emissions per year and pollutant from the baseline history up to the target year, against the 2027 ceilings.</summary>
internal sealed class EmissionsSection : ReportSection
{
    private const double BarWidth = 0.26;

    /// <summary>One colour per pollutant, in the order of <see cref="EmissionTargets.Pollutants"/>.</summary>
    private static readonly Color[] s_colors = [Color.FromHex("#8C564B"), Color.FromHex("#1F77B4"), Color.FromHex("#FF7F0E")];

    /// <inheritdoc/>
    public override string Id => "emissions";

    /// <inheritdoc/>
    public override SectionContent Build(ReportContext context)
    {
        ReportText text = context.Text;
        DistrictAssessment a = context.Assessment;
        // The plan's table 1-2 where the dataset is the default one; otherwise the dataset's own inventory of each year
        // whose totals are all known.
        bool fromInventory = a.ReportedEmissions is null;
        IReadOnlyList<EmissionYear> history = a.ReportedEmissions?.Rows ?? InventoryYears(a.Emissions);
        if (history.Count == 0 || a.Targets is not { } targets)
        {
            return new SectionContent(Id, text["emissions.heading"], [], [text["report.chart_unavailable"] + text["emissions.unavailable"], .. TaxParagraph(a, text)], null);
        }

        CultureInfo c = CultureInfo.InvariantCulture;
        int firstYear = history.Min(r => r.Year);
        int targetYear = a.Figures.TargetYear;
        string title = fromInventory ? text.Format("emissions.title.inventory", firstYear) : text["emissions.title"];
        Plot plot = ReportPlot.Create(title, text["chart.year"], text["emissions.axis"]);
        double top = 0;
        for (int p = 0; p < targets.Count; p++)
        {
            PollutantTarget target = targets[p];
            string name = ContractNames.ToName(target.Pollutant);
            string pollutant = text[$"pollutant.{name}"];
            double offset = (p - ((targets.Count - 1) / 2.0)) * BarWidth;
            var bars = history.Select(r => new Bar
            {
                Position = r.Year + offset,
                Value = r.Get(name),
                FillColor = s_colors[p],
                LineWidth = 0,
                Size = BarWidth * 0.92,
            }).ToList();
            bars.Add(new Bar
            {
                Position = targetYear + offset,
                Value = target.Ceiling.Tonnes,
                FillColor = s_colors[p].WithAlpha(0.35),
                LineColor = s_colors[p],
                LineWidth = 1.5f,
                Size = BarWidth * 0.92,
                Label = target.Ceiling.Tonnes.ToString("N0", c),
            });
            ScottPlot.Plottables.BarPlot series = plot.Add.Bars(bars);
            series.LegendText = pollutant;
            series.ValueLabelStyle.FontSize = 12;
            top = Math.Max(top, Math.Max(target.Ceiling.Tonnes, history.Max(r => r.Get(name))));
        }

        for (int p = 0; p < targets.Count; p++)
        {
            PollutantTarget target = targets[p];
            string pollutant = text[$"pollutant.{ContractNames.ToName(target.Pollutant)}"];
            ScottPlot.Plottables.HorizontalLine ceiling = plot.Add.HorizontalLine(target.Ceiling.Tonnes, width: 1.5f, color: s_colors[p], pattern: LinePattern.Dashed);
            ceiling.LegendText = text.Format("emissions.ceiling_line", pollutant, target.Ceiling.Tonnes.ToString("N2", c));
        }

        int lastReported = history.Max(r => r.Year);
        if (targetYear - lastReported > 1)
        {
            ScottPlot.Plottables.Text gap = plot.Add.Text(text.Format("emissions.no_data", lastReported + 1, targetYear - 1), (lastReported + targetYear) / 2.0, top * 0.08);
            gap.LabelFontSize = 14;
            gap.LabelFontColor = Colors.Gray;
            gap.LabelAlignment = Alignment.MiddleCenter;
            gap.LabelFontName = ReportFont.Family;
        }

        int[] years = Enumerable.Range(firstYear, targetYear - firstYear + 1).ToArray();
        plot.Axes.Bottom.SetTicks(
            years.Select(y => (double)y).ToArray(),
            years.Select(y => y == targetYear ? $"{y.ToString(c)} {text["emissions.ceiling_tick"]}" : y.ToString(c)).ToArray());
        plot.Axes.SetLimits(firstYear - 0.6, targetYear + 0.6, 0, top * 1.3);
        plot.ShowLegend(Edge.Bottom);
        if (fromInventory)
        {
            ReportPlot.AddNote(plot, text["emissions.note.inventory"]);
        }

        var header = new List<string> { text["emissions.col.pollutant"] };
        header.AddRange(history.Select(r => r.Year.ToString(c)));
        header.Add(text["emissions.col.reduction"]);
        header.Add(text["emissions.col.ceiling"]);
        var rows = targets.Select(t =>
        {
            string name = ContractNames.ToName(t.Pollutant);
            var cells = new List<string> { text[$"pollutant.{name}"] };
            cells.AddRange(history.Select(r => r.Get(name).ToString("N2", c)));
            cells.Add($"−{t.ReductionRate.GetValue().ToString(c)} %");
            cells.Add(t.Ceiling.Tonnes.ToString("N2", c));
            return (IReadOnlyList<string>)cells;
        }).ToArray();

        return new SectionContent(
            Id,
            text["emissions.heading"],
            [ReportPlot.Render(plot, context, $"{Id}.png", title)],
            [fromInventory
                ? text.Format("emissions.text.inventory", a.Figures.BaselineYear, firstYear == lastReported ? firstYear.ToString(c) : $"{firstYear.ToString(c)}–{lastReported.ToString(c)}", lastReported, targetYear)
                : text.Format("emissions.text", a.Figures.BaselineYear, firstYear, lastReported, targetYear), .. TaxParagraph(a, text)],
            new ReportTable(header, rows));
    }

    /// <summary>The tax of the latest inventory, in yuan to the fen as the decimal amounts are (no double on the way).</summary>
    private static string[] TaxParagraph(DistrictAssessment a, ReportText text)
    {
        if (a.Emissions.Tax is not { Outlets.Count: > 0 } tax)
        {
            // A year whose inventory the dataset cannot make (--year on a year the CEMS hours lack) says so, never shows another year's tax.
            return a.Emissions.Inventories.Count == 0 && a.Summary.Townships.Count > 0 ? [text.Format("emissions.tax.unavailable", a.Year)] : [];
        }

        CultureInfo c = CultureInfo.InvariantCulture;
        return [text.Format("emissions.tax", tax.Year, tax.Total is { } total ? total.ToString("N2", c) : "–", tax.Outlets.Select(o => o.OutletId).Distinct(StringComparer.Ordinal).Count(),
            tax.Rate.GetValue().ToString(c), tax.Rate.ConfidenceMark, text.Language == ReportLanguage.Zh ? RecordedText.TaxRounding(tax.Rounding) : tax.Rounding)];
    }

    private static EmissionYear[] InventoryYears(DistrictEmissions emissions) =>
        [.. emissions.Inventories
            .Select(i => (i.Year, Pm: i.Total(Pollutant.Pm)?.Tonnes, So2: i.Total(Pollutant.So2)?.Tonnes, Nox: i.Total(Pollutant.Nox)?.Tonnes))
            .Where(t => t.Pm is not null && t.So2 is not null && t.Nox is not null)
            .Select(t => new EmissionYear(t.Year, t.Pm!.Value, t.So2!.Value, t.Nox!.Value))];
}
