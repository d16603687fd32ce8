using ScottPlot;

namespace Shapotou.Sdk.Cli.Report;

/// <summary>
/// The report's chart frame: every chart has the shipped CJK font, a title, axis labels with units, and the
/// illustrative mark when the dataset is illustrative; rendered as PNG of one size.
/// </summary>
internal static class ReportPlot
{
    /// <summary>The width of every chart, in pixels.</summary>
    public const int Width = 1100;

    /// <summary>The height of every chart, in pixels.</summary>
    public const int Height = 620;

    /// <summary>The fill of the illustrative mark: a pale amber that reads as a caution on white.</summary>
    private static readonly Color s_markFill = Color.FromHex("#FFF3CD");

    /// <summary>The size of every chart title, in points.</summary>
    public const float TitleSize = 20;

    /// <summary>The widest a line of a title may be, in pixels: the chart's width less a margin on each side.</summary>
    public const float TitleMaxWidth = Width - 40;

    /// <summary>Creates a plot with the report's font, title and axis labels.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        ReportFont.Register();
        var plot = new Plot();
        plot.Title(string.Join('\n', TitleLines(title)), size: TitleSize);

        // Centred on the figure rather than the data area, so a long title is not pushed past the right edge by a
        // wide left axis (enterprise names).
        plot.Axes.Title.FullFigureCenter = true;
        plot.XLabel(xLabel, size: 15);
        plot.YLabel(yLabel, size: 15);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        return plot;
    }

    /// <summary>
    /// Splits a title into the lines it is drawn as: one line when it fits <see cref="TitleMaxWidth"/>, otherwise two,
    /// broken at the space or comma nearest the middle (Chinese titles, which have few spaces, at any character).
    /// </summary>
    public static IReadOnlyList<string> TitleLines(string title)
    {
        if (MeasureTitle(title) <= TitleMaxWidth)
        {
            return [title];
        }

        int best = -1;
        for (int i = 1; i < title.Length - 1; i++)
        {
            bool breakable = title[i] is ' ' or '，' or '、' || char.GetUnicodeCategory(title[i]) == System.Globalization.UnicodeCategory.OtherLetter;
            if (breakable && (best < 0 || Math.Abs(i - (title.Length / 2)) < Math.Abs(best - (title.Length / 2))))
            {
                best = i;
            }
        }

        if (best < 0)
        {
            return [title];
        }

        // A space or comma ends the first line; a Chinese character starts the second.
        string first = title[best] is ' ' ? title[..best] : title[best] is '，' or '、' ? title[..(best + 1)] : title[..best];
        string second = title[best] is ' ' or '，' or '、' ? title[(best + 1)..] : title[best..];
        return [first.TrimEnd(), second.TrimStart()];
    }

    /// <summary>Measures one line of a title in the report's font at <see cref="TitleSize"/>, in pixels.</summary>
    public static float MeasureTitle(string line)
    {
        // The title's own style, as a plot draws it, so the measure is the drawn width.
        ReportFont.Register();
        var plot = new Plot();
        plot.Title(line, size: TitleSize);
        plot.Font.Set(ReportFont.Family);
        using Paint paint = Paint.NewDisposablePaint();
        return plot.Axes.Title.Label.Measure(paint).Width;
    }

    /// <summary>Adds a note about what the chart shows or lacks in the upper-left corner of the data area.</summary>
    public static void AddNote(Plot plot, string note)
    {
        ScottPlot.Plottables.Annotation annotation = plot.Add.Annotation(note, Alignment.UpperLeft);
        annotation.LabelFontSize = 13;
        annotation.LabelBackgroundColor = Colors.White.WithAlpha(0.9);
        annotation.LabelBorderColor = Colors.Gray;
        annotation.LabelFontColor = Color.FromHex("#333333");
        annotation.LabelShadowColor = Colors.Transparent;
    }

    /// <summary>
    /// Adds the illustrative mark (when the data are illustrative), sets the font of every text element and renders the
    /// plot as PNG.
    /// </summary>
    public static ReportChart Render(Plot plot, ReportContext context, string fileName, string title)
    {
        if (context.Assessment.Illustrative)
        {
            ScottPlot.Plottables.Annotation mark = plot.Add.Annotation(context.Text["chart.illustrative"], Alignment.UpperRight);
            mark.LabelFontSize = 13;
            mark.LabelBackgroundColor = s_markFill;
            mark.LabelBorderColor = Color.FromHex("#B08900");
            mark.LabelFontColor = Color.FromHex("#5C4400");
            mark.LabelShadowColor = Colors.Transparent;
        }

        plot.Font.Set(ReportFont.Family);
        plot.Legend.FontName = ReportFont.Family;
        plot.Legend.FontSize = 13;
        foreach (ScottPlot.Plottables.Annotation annotation in plot.GetPlottables<ScottPlot.Plottables.Annotation>())
        {
            annotation.LabelFontName = ReportFont.Family;
        }

        return new ReportChart(fileName, title, plot.GetImageBytes(Width, Height, ImageFormat.Png));
    }
}
