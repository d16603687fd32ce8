using System.Text.RegularExpressions;
using SkiaSharp;

namespace Shapotou.Sdk.Cli.Tests.Report;

/// <summary>
/// <c>shapotou report</c> end to end on the default dataset and on an exported folder: every chart is written, is not
/// blank, carries the illustrative mark, and is embedded in the HTML and linked from the Markdown.
/// </summary>
public sealed partial class ReportCommandTests : IDisposable
{
    private static readonly string[] s_charts = ["emissions.png", "unit-energy-fesi75.png", "waste-heat.png", "solid-waste.png", "clean-energy.png", "grading.png"];

    /// <summary>The fill of the illustrative mark (ReportPlot).</summary>
    private static readonly SKColor s_markFill = SKColor.Parse("#FFF3CD");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-report-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void Report_DefaultDataset_WritesEveryChartNotBlankAndMarkedIllustrative(string lang)
    {
        (int code, string output, string error) = CliRunner.Run("report", "--lang", lang, "--out", _folder);

        Assert.True(code == 0, error);
        Assert.Equal(string.Empty, output);
        Assert.Equal(s_charts.Concat(["report.html", "report.md"]).Order(StringComparer.Ordinal), Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (string chart in s_charts)
        {
            using SKBitmap bitmap = SKBitmap.Decode(Path.Combine(_folder, chart));
            Assert.NotNull(bitmap);
            Assert.Equal((1100, 620), (bitmap.Width, bitmap.Height));
            Assert.True(LuminanceVariance(bitmap, new SKRectI(0, 0, bitmap.Width, bitmap.Height)) > 500, $"{chart} is blank or nearly so");
            Assert.True(LuminanceVariance(bitmap, new SKRectI(bitmap.Width / 4, 0, 3 * bitmap.Width / 4, 40)) > 100, $"{chart} has no title");
            Assert.True(CountPixels(bitmap, s_markFill) > 1000, $"{chart} lacks the illustrative mark");
        }
    }

    [Fact]
    public void Report_Html_EmbedsEveryChartAndFetchesNothing()
    {
        Assert.Equal(0, CliRunner.Run("report", "--lang", "zh", "--out", _folder).ExitCode);
        string html = File.ReadAllText(Path.Combine(_folder, "report.html"));

        MatchCollection images = ImageTag().Matches(html);
        Assert.Equal(s_charts, images.Select(m => m.Groups["file"].Value));
        foreach (Match image in images)
        {
            byte[] embedded = Convert.FromBase64String(image.Groups["data"].Value);
            Assert.Equal(File.ReadAllBytes(Path.Combine(_folder, image.Groups["file"].Value)), embedded);
        }

        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("示意数据：默认数据集在设施层面为合成数据", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Markdown_LinksEveryChart()
    {
        Assert.Equal(0, CliRunner.Run("report", "--out", _folder).ExitCode);
        string markdown = File.ReadAllText(Path.Combine(_folder, "report.md"));

        Assert.Equal(s_charts, MarkdownImage().Matches(markdown).Select(m => m.Groups["file"].Value));
        Assert.Contains("> **Illustrative data: the default dataset is synthetic at facility level", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_EmissionsTable_HoldsThePlanFiguresAndTheCeilings()
    {
        Assert.Equal(0, CliRunner.Run("report", "--out", _folder).ExitCode);
        string markdown = File.ReadAllText(Path.Combine(_folder, "report.md"));

        // Table 1-2 and the ceilings of P4: 2024 × (1 − 6.5 %, 2.2 %, 8 %).
        Assert.Contains("| particulate matter | 2,072.58 | 2,654.35 | 2,376.16 | −6.5 % | 2,221.71 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| SO2 | 3,156.02 | 3,583.74 | 3,301.24 | −2.2 % | 3,228.61 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| NOx | 2,258.32 | 2,722.72 | 2,697.45 | −8 % | 2,481.65 |", markdown, StringComparison.Ordinal);
        Assert.Contains("36 of 40 submerged-arc furnaces recover waste heat: 90.0 % of the furnaces", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("exact", "7,716,567.43")]
    [InlineData("published", "7,716,567.10")]
    public void Report_Tax_IsTheAssessmentsDecimalTotalUnderTheChosenRounding(string rounding, string total)
    {
        Assert.Equal(0, CliRunner.Run("report", "--out", _folder, "--tax-rounding", rounding).ExitCode);
        string markdown = File.ReadAllText(Path.Combine(_folder, "report.md"));

        Assert.Contains($"Environmental-protection tax 2024 (air, P19): {total} yuan over ", markdown, StringComparison.Ordinal);
        Assert.Contains($"rounding '{rounding}'.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ExportedFolder_DrawsWhatItHoldsAndSaysWhatItLacks()
    {
        string data = Path.Combine(_folder, "data");
        string report = Path.Combine(_folder, "report");
        Assert.Equal(0, CliRunner.Run("export", "--out", data).ExitCode);

        (int code, _, string error) = CliRunner.Run("report", "--data", data, "--out", report);

        Assert.True(code == 0, error);
        Assert.Equal(s_charts.Order(StringComparer.Ordinal), Directory.GetFiles(report, "*.png").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        string markdown = File.ReadAllText(Path.Combine(report, "report.md"));

        // No table 1-2 for a folder: the emissions chart draws the dataset's own 2024 inventory and the ceilings from it.
        Assert.Contains("![Industrial emissions 2024–2027 (the dataset's inventory) against the 2027 ceilings](emissions.png)", markdown, StringComparison.Ordinal);
        Assert.Contains("| particulate matter | 2,376.16 | −6.5 % | 2,221.71 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| NOx | 2,697.45 | −8 % | 2,481.65 |", markdown, StringComparison.Ordinal);
        Assert.Contains("The bars of 2024 are the dataset's own emission inventory", markdown, StringComparison.Ordinal);
        AssertChartDrawn(Path.Combine(report, "emissions.png"));
        Assert.Contains("No chart in this section: no scenario was given to this report. Run shapotou report --scenario FILE", markdown, StringComparison.Ordinal);
        Assert.Contains("> **Illustrative data", markdown, StringComparison.Ordinal); // the folder keeps the mark
    }

    [Theory]
    [InlineData("enterprises")] // the references of facilities and the solid-waste ledger
    [InlineData("facilities")] // of outlets, treatment facilities and the energy ledger
    [InlineData("outlets")] // of the CEMS hours
    public void AssessAndReport_FolderLackingAReferencedTable_RunToCompletion(string table)
    {
        // Before, each exited 1: the reader could not resolve the references into the table the folder lacks.
        string data = Path.Combine(_folder, "data");
        Assert.Equal(0, CliRunner.Run("export", "--out", data).ExitCode);
        File.Delete(Path.Combine(data, table + ".parquet"));

        (int code, string console, string error) = CliRunner.Run("assess", "--data", data);
        Assert.True(code == 0, error);
        Assert.Contains($"The folder has no table {table}", console.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        (code, _, error) = CliRunner.Run("assess", "--data", data, "--json");
        Assert.True(code == 0, error);
        (code, _, error) = CliRunner.Run("report", "--data", data, "--out", Path.Combine(_folder, "report"));
        Assert.True(code == 0, error);
        Assert.Contains($"The folder has no table {table}", File.ReadAllText(Path.Combine(_folder, "report", "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_GradeDistribution_CountsEveryGradedEnterprise()
    {
        Assert.Equal(0, CliRunner.Run("report", "--out", _folder).ExitCode);
        string markdown = File.ReadAllText(Path.Combine(_folder, "report.md"));

        // The assessment's P18 distribution with the SDK's example criteria: 12 enterprises graded, 11 C and 1 D.
        Assert.Contains("| grade | cement | ferroalloy | total |", markdown, StringComparison.Ordinal);
        Assert.Contains("| C | 1 | 10 | 11 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| D | 1 | 0 | 1 |", markdown, StringComparison.Ordinal);
        Assert.Contains("12 enterprises are graded with the SDK's example criteria", markdown, StringComparison.Ordinal);
        AssertChartDrawn(Path.Combine(_folder, "grading.png"));
    }

    [Theory]
    [InlineData("zh", "情景“2027 measures, illustrative”：2024 年排放、2027 年预测与上限")]
    [InlineData("en", "Scenario '2027 measures, illustrative': 2024 emissions, the 2027 projection and the ceilings")]
    public void Report_Scenario_DrawsTheOutcomeAgainstTheCeilings(string lang, string title)
    {
        string scenario = Path.Combine(RepositoryRoot(), "samples", "scenarios", "2027-measures.json");

        (int code, _, string error) = CliRunner.Run("report", "--lang", lang, "--scenario", scenario, "--out", _folder);

        Assert.True(code == 0, error);
        string markdown = File.ReadAllText(Path.Combine(_folder, "report.md"));
        Assert.Contains($"![{title}](scenario.png)", markdown, StringComparison.Ordinal);
        AssertChartDrawn(Path.Combine(_folder, "scenario.png"));
        Assert.Contains(Path.Combine(_folder, "scenario.png"), Directory.GetFiles(_folder, "*.png"));
        if (lang == "en")
        {
            // The scenario command's figures on the default dataset: PM 1,089.75 t projected against 2,221.71 t.
            Assert.Contains("particulate matter meets its ceiling with 1,131.96 t to spare (probability 100 %)", markdown, StringComparison.Ordinal);
            Assert.Contains("| scr-xuanhe-kilns | 0.0 / 0.0 / 1,030.0 | 1,600 | 15,534 |", markdown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Report_MissingScenarioFile_IsAnIoErrorAndWritesNothing()
    {
        (int code, _, string error) = CliRunner.Run("report", "--scenario", Path.Combine(_folder, "none.json"), "--out", _folder);

        Assert.Equal(2, code);
        Assert.Contains("none.json", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder));
    }

    private static void AssertChartDrawn(string path)
    {
        using SKBitmap bitmap = SKBitmap.Decode(path);
        Assert.NotNull(bitmap);
        Assert.Equal((1100, 620), (bitmap.Width, bitmap.Height));
        Assert.True(LuminanceVariance(bitmap, new SKRectI(0, 0, bitmap.Width, bitmap.Height)) > 500, $"{path} is blank or nearly so");
        Assert.True(LuminanceVariance(bitmap, new SKRectI(bitmap.Width / 4, 0, 3 * bitmap.Width / 4, 40)) > 100, $"{path} has no title");
        Assert.True(CountPixels(bitmap, s_markFill) > 1000, $"{path} lacks the illustrative mark");
    }

    private static string RepositoryRoot()
    {
        string? folder = AppContext.BaseDirectory;
        while (folder is not null && !File.Exists(Path.Combine(folder, "Shapotou.Sdk.sln")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        return folder ?? throw new InvalidOperationException("The repository root (Shapotou.Sdk.sln) was not found above the test's folder.");
    }

    [Theory]
    [InlineData("2019")] // before the default dataset's first year
    [InlineData("2031")] // after it
    public void Report_YearNotInTheDataset_IsAUsageErrorInOneSentenceAsForAssess(string year)
    {
        (int code, string output, string error) = CliRunner.Run("report", "--year", year, "--out", _folder);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"Year {year} is not in dataset 'default'; expected one of 2022, 2023, 2024.", error.Trim());
        Assert.False(Directory.Exists(_folder));
    }

    [Theory]
    [InlineData("99999")]
    [InlineData("-5")]
    public void Report_YearNotACalendarYear_IsAUsageErrorInOneSentence(string year)
    {
        (int code, _, string error) = CliRunner.Run("report", "--year", year, "--out", _folder);

        Assert.Equal(2, code);
        Assert.Equal($"--year '{year}' is not a year; expected YYYY, such as 2024.", error.Trim());
        Assert.False(Directory.Exists(_folder));
    }

    [Theory]
    [InlineData("en", "Environmental-protection tax 2023: not available (no emission inventory of that year; the assumptions say why).", "No chart in this section: not available for 2023: no emission inventory of that year to grade (the assumptions say why).")]
    [InlineData("zh", "2023 年环境保护税：无法计算（该年没有排放清单，原因见假设）。", "本节无图：2023 年无法分级（该年没有排放清单，原因见假设）。")]
    public void Report_Year2023_TaxAndGradesAreOnThatYearAsInAssess(string lang, string tax, string grades)
    {
        // Before, the charts were on 2023 and the tax and the grades those of 2024, the latest year of the assessment behind
        // them; assess --year 2023 has neither, since the default dataset's CEMS hours hold 2024 only.
        (int code, string json, string error) = CliRunner.Run("assess", "--json", "--year", "2023");
        Assert.True(code == 0, error);
        using (System.Text.Json.JsonDocument document = System.Text.Json.JsonDocument.Parse(json))
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Null, document.RootElement.GetProperty("tax").ValueKind);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, document.RootElement.GetProperty("grading").ValueKind);
        }

        Assert.Equal(0, CliRunner.Run("report", "--year", "2023", "--lang", lang, "--out", _folder).ExitCode);

        string markdown = File.ReadAllText(Path.Combine(_folder, "report.md"));
        Assert.Contains(tax, markdown, StringComparison.Ordinal);
        Assert.Contains(grades, markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("2024 (air, P19)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("2024 年环境保护税", markdown, StringComparison.Ordinal);
        Assert.Contains(
            lang == "zh" ? "2023 年无法给出：排放清单、达标情况、P6 核查、环境保护税和绩效分级，因为排放清单的年份取自 cems_hourly，而该表只有 2024 年的数据。"
                : "Not available for 2023: the emission inventory, compliance, the P6 checks, the tax and the performance grades",
            markdown,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Report_UnknownLanguage_IsAUsageError()
    {
        (int code, _, string error) = CliRunner.Run("report", "--lang", "fr", "--out", _folder);

        Assert.Equal(2, code);
        Assert.Contains("fr", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_WithoutOut_IsAUsageError()
    {
        (int code, _, string error) = CliRunner.Run("report");

        Assert.Equal(2, code);
        Assert.Contains("--out", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Year2022_DrawsThatYear()
    {
        Assert.Equal(0, CliRunner.Run("report", "--year", "2022", "--out", _folder).ExitCode);

        string markdown = File.ReadAllText(Path.Combine(_folder, "report.md"));
        Assert.Contains("![Unit energy of FeSi75 per enterprise, 2022, against the benchmark and baseline levels](unit-energy-fesi75.png)", markdown, StringComparison.Ordinal);
        Assert.Contains("![Unit energy of clinker per enterprise, 2022, against the benchmark and baseline levels](unit-energy-clinker.png)", markdown, StringComparison.Ordinal);
        Assert.Contains("General industrial solid-waste utilisation of the ferroalloy enterprises, 2022", markdown, StringComparison.Ordinal);
    }

    internal static double LuminanceVariance(SKBitmap bitmap, SKRectI region)
    {
        double sum = 0;
        double sumOfSquares = 0;
        int count = 0;
        for (int y = region.Top; y < region.Bottom; y++)
        {
            for (int x = region.Left; x < region.Right; x++)
            {
                SKColor pixel = bitmap.GetPixel(x, y);
                double luminance = (0.299 * pixel.Red) + (0.587 * pixel.Green) + (0.114 * pixel.Blue);
                sum += luminance;
                sumOfSquares += luminance * luminance;
                count++;
            }
        }

        double mean = sum / count;
        return (sumOfSquares / count) - (mean * mean);
    }

    private static int CountPixels(SKBitmap bitmap, SKColor color)
    {
        int count = 0;
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                SKColor pixel = bitmap.GetPixel(x, y);
                count += pixel.Red == color.Red && pixel.Green == color.Green && pixel.Blue == color.Blue ? 1 : 0;
            }
        }

        return count;
    }

    [GeneratedRegex("<img src=\"data:image/png;base64,(?<data>[A-Za-z0-9+/=]+)\" alt=\"[^\"]+\" data-chart=\"(?<file>[^\"]+)\"")]
    private static partial Regex ImageTag();

    [GeneratedRegex(@"!\[[^\]]+\]\((?<file>[^)]+\.png)\)")]
    private static partial Regex MarkdownImage();
}
