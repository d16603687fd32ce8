using ScottPlot;
using SkiaSharp;

namespace Shapotou.Sdk.Cli.Report;

/// <summary>
/// The report's font, WenQuanYi Micro Hei (Apache-2.0, see <c>Report/Fonts/README.md</c>), shipped inside the tool and
/// registered with ScottPlot, so Chinese labels render as characters on a machine without any CJK system font.
/// </summary>
internal static class ReportFont
{
    /// <summary>The family name the report's charts ask ScottPlot for.</summary>
    public const string Family = "WenQuanYi Micro Hei";

    private const string ResourceName = "Shapotou.Sdk.Cli.Report.Fonts.wqy-microhei.ttc.br";

    private static readonly Lazy<SKData> s_data = new(Load);
    private static readonly object s_gate = new();
    private static bool s_registered;

    /// <summary>Adds the font's resolver to ScottPlot (once) and makes it the default of every plot made afterwards.</summary>
    public static void Register()
    {
        lock (s_gate)
        {
            if (s_registered)
            {
                return;
            }

            Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
            Fonts.Default = Family;
            Fonts.Sans = Family;
            s_registered = true;
        }
    }

    /// <summary>Creates a new typeface of the shipped font (face 0 of the collection, the proportional one).</summary>
    public static SKTypeface CreateTypeface() =>
        SKTypeface.FromData(s_data.Value, 0) ?? throw new InvalidOperationException($"The embedded font '{ResourceName}' could not be read.");

    private static SKData Load()
    {
        // Embedded Brotli-compressed (eng/Tool.targets), which keeps the tool package small; expanded once per run.
        using Stream stream = typeof(ReportFont).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing.");
        using var font = new MemoryStream();
        using (var brotli = new System.IO.Compression.BrotliStream(stream, System.IO.Compression.CompressionMode.Decompress))
        {
            brotli.CopyTo(font);
        }

        return SKData.CreateCopy(font.GetBuffer().AsSpan(0, (int)font.Length));
    }

    /// <summary>Answers ScottPlot's requests for <see cref="Family"/> with the shipped font, and nothing else.</summary>
    private sealed class EmbeddedFontResolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            string.Equals(fontName, Family, StringComparison.OrdinalIgnoreCase) ? ReportFont.CreateTypeface() : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            string.Equals(fontName, Family, StringComparison.OrdinalIgnoreCase) ? ReportFont.CreateTypeface() : null;
    }
}
