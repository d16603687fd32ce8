using System.Text.RegularExpressions;
using Shapotou.Sdk.Cli.Report;
using SkiaSharp;

namespace Shapotou.Sdk.Cli.Tests.Report;

/// <summary>
/// The report in one language: the Chinese report has no English sentence outside standard codes, units, keys and
/// paths, the English one no Chinese; every chart title fits its chart; the folder holds exactly the run's files.
/// </summary>
public sealed partial class ReportLanguageTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-report-lang-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>
    /// <c>--lang ZH</c> is what people type as often as <c>zh</c>: the language is read without regard to case (as
    /// docs/cli.md says), so the report command is given the same language as with the lower-case code.
    /// </summary>
    [Theory]
    [InlineData("ZH", "zh")]
    [InlineData("Zh", "zh")]
    [InlineData("EN", "en")]
    [InlineData("zh", "zh")]
    public void Lang_IsReadWithoutRegardToCase(string given, string read)
    {
        (System.CommandLine.Command root, _) = ShapotouApp.CreateRoot(new CommandContext(TextWriter.Null, TextWriter.Null));

        System.CommandLine.ParseResult parse = root.Parse(["report", "--lang", given, "--out", _folder]);

        Assert.Empty(parse.Errors);
        Assert.Equal(read, parse.GetValue<string>("--lang"));
    }

    [Theory]
    [InlineData("2024")] // the baseline year: every section drawn
    [InlineData("2022")] // the first ledger year: the grid factor of that year, no fallback assumption
    public void Report_Zh_HasNoEnglishSentence(string year)
    {
        (int code, _, string error) = CliRunner.Run("report", "--lang", "zh", "--year", year, "--out", _folder);

        Assert.True(code == 0, error);
        string markdown = File.ReadAllText(Path.Combine(_folder, "report.md"));
        string[] english = [.. EnglishSentences(markdown)];
        Assert.True(english.Length == 0, "English in the Chinese report:\n" + string.Join("\n", english));
    }

    [Fact]
    public void Report_Zh_NamesSyntheticEnterprisesAndSourcesInChinese()
    {
        Assert.Equal(0, CliRunner.Run("report", "--lang", "zh", "--out", _folder).ExitCode);
        string markdown = File.ReadAllText(Path.Combine(_folder, "report.md"));

        Assert.Contains("| 镇罗铁合金企业 10（合成） | FeSi75 | 93,675 | 1,692.9 | 优于标杆水平 |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("(synthetic)", markdown, StringComparison.Ordinal);
        Assert.Contains(
            "标杆、基准水平来自参考目录（发改产业〔2023〕723号《工业重点领域能效标杆水平和基准水平（2023年版）》，铁合金冶炼 – 硅铁，单位产品综合能耗，标杆水平；取自一份机器翻译的二手转载（zjferroalloy 博客，2023-07-07）；未见文件原表，可信度 S）。",
            markdown,
            StringComparison.Ordinal);
        Assert.Contains("- 环境保护税按每污染当量 1.2 元计，可信度 S+（宁夏回族自治区人大常委会关于环境保护税适用税额的决定（2017-11-30 通过）；开头原文转载自北极星环保网（msthinker）及新闻报道）。\n", markdown, StringComparison.Ordinal);
        Assert.Contains("## 假设与说明（来自评估）", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh", "未达到更高等级最常见的原因：铁合金 A 级：矿热炉颗粒物（10 家）；铁合金 A 级：国五及以上重型货车运输比例（10 家）；铁合金 B 级：物料封闭储存（10 家）。")]
    [InlineData("en", "The criteria that most often hold a better grade back: ferroalloy grade A: furnace PM (10 enterprises); ferroalloy grade A: share of China V or better trucks (10 enterprises); ferroalloy grade B: closed storage (10 enterprises).")]
    public void Report_GradingReasons_NameTheCriteriaInTheReportsLanguageNotById(string lang, string expected)
    {
        Assert.Equal(0, CliRunner.Run("report", "--lang", lang, "--out", _folder).ExitCode);
        string markdown = File.ReadAllText(Path.Combine(_folder, "report.md"));

        Assert.Contains(expected, markdown, StringComparison.Ordinal);
        if (lang == "zh")
        {
            // Nor in the assumptions: the grading section's criteria by their words, not their ids.
            Assert.Contains("- 指标“水泥 A 级：水泥窑颗粒物”的阈值取自参考目录行", markdown, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\b(?:cement|ferroalloy)\.[a-z_]+\.[a-z0-9_]+", markdown);
        }
    }

    [Theory]
    [InlineData("ferroalloy.b_minus.furnace_dust_filter", "zh", "铁合金 B- 级：矿热炉除尘")]
    [InlineData("cement.c.kiln_nox", "en", "cement grade C: kiln NOx")]
    [InlineData("my.own.criterion", "zh", "my.own.criterion")] // a user's criteria file: its id as it is
    [InlineData("cement.a", "zh", "cement.a")]
    public void CriterionLabel_InWordsOrAsRecorded(string id, string lang, string expected) =>
        Assert.Equal(expected, Shapotou.Sdk.Cli.Report.Sections.GradingSection.CriterionLabel(id, lang == "zh" ? ReportLanguage.Zh : ReportLanguage.En));

    [Fact]
    public void Report_En_HasNoChinese()
    {
        Assert.Equal(0, CliRunner.Run("report", "--lang", "en", "--out", _folder).ExitCode);
        string markdown = File.ReadAllText(Path.Combine(_folder, "report.md"));

        string[] chinese = [.. markdown.Split('\n').Where(l => Han().IsMatch(l))];
        Assert.True(chinese.Length == 0, "Chinese in the English report:\n" + string.Join("\n", chinese));
        Assert.Contains(
            "the benchmark and baseline levels are catalogue rows (NDRC Industry [2023] No. 723, 'Benchmark and baseline energy-efficiency levels in key industrial fields (2023 edition)', ferroalloy smelting – ferrosilicon, unit product energy, benchmark level; from a machine-translated secondary copy (zjferroalloy blog, 2023-07-07); the document's table was not seen, confidence S).",
            markdown,
            StringComparison.Ordinal);
        Assert.Contains("- Particulate is taxed as soot (2.18 kg) unless an outlet says otherwise; the law does not define the split.\n", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Zhenluo ferroalloy enterprise 10 (synthetic)", "zh", "镇罗铁合金企业 10（合成）")] // the clipped name of the issue
    [InlineData("Changle water supply (synthetic)", "zh", "常乐水的生产和供应（合成）")] // no number
    [InlineData("Zhenluo ferroalloy enterprise 10 (synthetic)", "en", "Zhenluo ferroalloy enterprise 10 (synthetic)")] // English as recorded
    [InlineData("Ningxia Example Metallurgy Co.", "zh", "Ningxia Example Metallurgy Co.")] // a real name without a Chinese one is shown as recorded
    [InlineData("Atlantis ferroalloy enterprise 3 (synthetic)", "zh", "Atlantis ferroalloy enterprise 3 (synthetic)")] // an unknown township is not guessed
    public void EnterpriseName_SyntheticInChinese_ByTownshipAndIndustry(string recorded, string lang, string expected) =>
        Assert.Equal(expected, RecordedText.EnterpriseName(recorded, lang == "zh" ? ReportLanguage.Zh : ReportLanguage.En));

    [Theory]
    [InlineData("exact")]
    [InlineData("published")]
    public void Assumption_TaxRounding_InChinese(string rounding)
    {
        string recorded = rounding == "exact"
            ? "Tax rounding 'exact': equivalents unrounded, each pollutant's tax unrounded, the outlet's monthly tax to 2 decimals; a monthly mean exactly 30 % or 50 % below the standard earns the reduction. Reductions are judged against the outlet's permit limit."
            : "Tax rounding 'published': equivalents to 2 decimals, each pollutant's tax to 2 decimals, the outlet's monthly tax to 2 decimals; a monthly mean exactly 30 % or 50 % below the standard does not earn the reduction. Reductions are judged against the outlet's permit limit.";
        string expected = rounding == "exact"
            ? "环境保护税取整方式“精确（exact）”：污染当量数不取整，各污染物税额不取整，排放口月税额保留 2 位小数；月均浓度恰好低于标准 30 % 或 50 % 时享受减征。减征按排放口的许可限值判定。"
            : "环境保护税取整方式“按公布方式（published）”：污染当量数保留 2 位小数，各污染物税额保留 2 位小数，排放口月税额保留 2 位小数；月均浓度恰好低于标准 30 % 或 50 % 时不享受减征。减征按排放口的许可限值判定。";

        Assert.Equal(expected, RecordedText.Assumption(recorded, ReportLanguage.Zh));
        Assert.Equal(recorded, RecordedText.Assumption(recorded, ReportLanguage.En));
    }

    [Fact]
    public void Assumption_NoRule_IsShownAsRecorded() =>
        Assert.Equal("An assumption no rule knows.", RecordedText.Assumption("An assumption no rule knows.", ReportLanguage.Zh));

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public void Report_EveryTitle_FitsItsChart(string lang)
    {
        string scenario = Path.Combine(RepositoryRoot(), "samples", "scenarios", "2027-measures.json");
        Assert.Equal(0, CliRunner.Run("report", "--lang", lang, "--scenario", scenario, "--out", _folder).ExitCode);
        string markdown = File.ReadAllText(Path.Combine(_folder, "report.md"));

        MatchCollection charts = ChartLink().Matches(markdown);
        Assert.Equal(7, charts.Count);
        foreach (Match chart in charts)
        {
            string title = chart.Groups["title"].Value;
            foreach (string line in ReportPlot.TitleLines(title))
            {
                Assert.True(ReportPlot.MeasureTitle(line) <= ReportPlot.TitleMaxWidth, $"'{line}' of {chart.Groups["file"].Value} is {ReportPlot.MeasureTitle(line)} px wide");
            }

            // Drawn, a title leaves the chart's left and right edges blank: nothing is cut at the border.
            using SKBitmap bitmap = SKBitmap.Decode(Path.Combine(_folder, chart.Groups["file"].Value));
            Assert.True(EdgeIsBlank(bitmap), $"{chart.Groups["file"].Value}: something is drawn at the edge of the title band");
        }
    }

    [Fact]
    public void TitleLines_ATitleWiderThanTheChart_IsTwoLinesThatFit()
    {
        // A scenario's name comes from its file, so its chart title can be any length.
        const string title = "Scenario 'retrofit every kiln and furnace of the three townships by the end of 2026': 2024 emissions, the 2027 projection and the ceilings";

        IReadOnlyList<string> lines = ReportPlot.TitleLines(title);

        Assert.True(ReportPlot.MeasureTitle(title) > ReportPlot.TitleMaxWidth);
        Assert.Equal(2, lines.Count);
        Assert.Equal(title, string.Join(' ', lines));
        Assert.All(lines, l => Assert.True(ReportPlot.MeasureTitle(l) <= ReportPlot.TitleMaxWidth, l));
    }

    [Theory]
    [InlineData("General industrial solid-waste utilisation of the ferroalloy enterprises, 2024, against the 2027 target")] // the title the issue found clipped: it fits once centred on the figure
    [InlineData("2024 年铁合金企业一般工业固废综合利用率与 2027 年目标")]
    public void TitleLines_ATitleThatFits_IsOneLine(string title) =>
        Assert.Equal([title], ReportPlot.TitleLines(title));

    [Fact]
    public void Report_AfterARunWithScenario_WithoutItLeavesNoScenarioChart()
    {
        string scenario = Path.Combine(RepositoryRoot(), "samples", "scenarios", "2027-measures.json");
        Assert.Equal(0, CliRunner.Run("report", "--scenario", scenario, "--out", _folder).ExitCode);
        Assert.True(File.Exists(Path.Combine(_folder, "scenario.png")));
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "the reader's own file");

        Assert.Equal(0, CliRunner.Run("report", "--out", _folder).ExitCode);

        Assert.Equal(
            ["clean-energy.png", "emissions.png", "grading.png", "notes.txt", "report.html", "report.md", "solid-waste.png", "unit-energy-fesi75.png", "waste-heat.png"],
            Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Runs of two or more Latin-script words left once standard codes, units, catalogue keys and ids, paths, commands and
    /// proper names written in Latin letters (single words) are taken out: an English phrase, not a code.
    /// </summary>
    internal static IEnumerable<string> EnglishSentences(string markdown)
    {
        foreach (string line in markdown.Split('\n'))
        {
            string rest = Allowed().Replace(line, " ");
            foreach (Match match in LatinWords().Matches(rest))
            {
                yield return $"{match.Value.Trim()}  <=  {line}";
            }
        }
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

    private static bool EdgeIsBlank(SKBitmap bitmap)
    {
        SKColor background = bitmap.GetPixel(0, 0);
        for (int y = 0; y < 70; y++)
        {
            for (int x = 0; x < 6; x++)
            {
                if (bitmap.GetPixel(x, y) != background || bitmap.GetPixel(bitmap.Width - 1 - x, y) != background)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>What may be Latin in a Chinese text: standard codes, commands, keys and ids, paths, units and numbers with letters.</summary>
    [GeneratedRegex(@"(?:GB/T|GB|HJ) \d+(?:\.\d+)?(?:-\d{4})?|shapotou(?: [-\w.]+)+|[\w.*-]+[._/][\w./*-]+|\b[A-Za-z]+\d[\w]*|\b\d+\w*")]
    private static partial Regex Allowed();

    [GeneratedRegex(@"[A-Za-z]{2,}(?:[ ,'-]+[A-Za-z]{2,})+")]
    private static partial Regex LatinWords();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\p{IsHalfwidthandFullwidthForms}]")]
    private static partial Regex Han();

    [GeneratedRegex(@"!\[(?<title>[^\]]+)\]\((?<file>[^)]+\.png)\)")]
    private static partial Regex ChartLink();
}
