using System.Text.RegularExpressions;
using ScottPlot;
using Shapotou.Sdk.Cli.Report;
using SkiaSharp;

namespace Shapotou.Sdk.Cli.Tests.Report;

/// <summary>Chinese labels render as characters with the shipped font, not as boxes (tofu); the localisation table is complete.</summary>
public sealed partial class ReportFontTests
{
    [Fact]
    public void ShippedFont_HasAGlyphForEveryCharacterOfEveryLabel()
    {
        using SKTypeface typeface = ReportFont.CreateTypeface();
        Assert.Equal(ReportFont.Family, typeface.FamilyName);
        using var font = new SKFont(typeface);
        foreach (string key in ReportText.Keys)
        {
            foreach (string label in new[] { ReportText.Zh[key], ReportText.En[key] })
            {
                int[] missing = label.EnumerateRunes().Where(r => font.GetGlyph(r.Value) == 0).Select(r => r.Value).ToArray();
                Assert.True(missing.Length == 0, $"'{key}' has characters without a glyph: {string.Join(", ", missing.Select(m => $"U+{m:X4}"))}");
            }
        }
    }

    [Fact]
    public void ChineseTitle_RendersAsGlyphs_NotAsTofu()
    {
        // Two different Chinese labels of the same length: drawn as boxes they would look alike, and like the boxes of
        // characters the font lacks (private-use code points).
        byte[] emissions = TitleRegion(ReportText.Zh["emissions.heading"][..4]);
        byte[] energy = TitleRegion(ReportText.Zh["energy.heading"][..4]);
        byte[] tofu = TitleRegion("\uE000\uE001\uE002\uE003");

        Assert.True(Difference(emissions, energy) > 0.02, "two different Chinese labels render alike");
        Assert.True(Difference(emissions, tofu) > 0.02, "a Chinese label renders like missing glyphs");
        Assert.True(Difference(energy, tofu) > 0.02, "a Chinese label renders like missing glyphs");
        Assert.True(Ink(emissions) > 0.01, "the Chinese label left no ink");
    }

    [Fact]
    public void LocalisationTable_EveryKeyHasBothLanguagesWithTheSamePlaceholders()
    {
        Assert.NotEmpty(ReportText.Keys);
        foreach (string key in ReportText.Keys)
        {
            Assert.False(string.IsNullOrWhiteSpace(ReportText.Zh[key]), key);
            Assert.False(string.IsNullOrWhiteSpace(ReportText.En[key]), key);
            Assert.Equal(Placeholders(ReportText.En[key]), Placeholders(ReportText.Zh[key]));
        }

        Assert.Throws<KeyNotFoundException>(() => ReportText.En["no.such.key"]);
    }

    /// <summary>The height of the band at the top of the image that holds the title and nothing else, in pixels.</summary>
    private const int TitleBand = 45;

    /// <summary>Renders a plot whose only text is <paramref name="title"/> and returns the title band as grey levels.</summary>
    private static byte[] TitleRegion(string title)
    {
        ReportFont.Register();
        var plot = new Plot();
        plot.Title(title, size: 28);
        plot.Font.Set(ReportFont.Family);
        using SKBitmap bitmap = SKBitmap.Decode(plot.GetImageBytes(400, 200, ImageFormat.Png));
        var grey = new List<byte>();
        for (int y = 0; y < TitleBand; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                SKColor pixel = bitmap.GetPixel(x, y);
                grey.Add((byte)((pixel.Red + pixel.Green + pixel.Blue) / 3));
            }
        }

        return grey.ToArray();
    }

    /// <summary>The share of pixels whose grey levels differ by more than a quarter of the range.</summary>
    private static double Difference(byte[] a, byte[] b) => a.Zip(b).Count(p => Math.Abs(p.First - p.Second) > 64) / (double)a.Length;

    private static double Ink(byte[] grey) => grey.Count(g => g < 128) / (double)grey.Length;

    private static string[] Placeholders(string label) => Placeholder().Matches(label).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
