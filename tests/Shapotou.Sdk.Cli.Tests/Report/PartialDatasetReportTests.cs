namespace Shapotou.Sdk.Cli.Tests.Report;

/// <summary>The default dataset exported once, for the reports on folders that lack one of its tables.</summary>
public sealed class ExportedDefaultFixture : IDisposable
{
    public ExportedDefaultFixture()
    {
        Root = Directory.CreateTempSubdirectory("shapotou-partial-report-").FullName;
        (int code, _, string error) = CliRunner.Run("export", "--out", Path.Combine(Root, "default"));
        Assert.True(code == 0, error);
    }

    public string Root { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

/// <summary>The Chinese report on a folder lacking each contract table in turn: it is written, and every sentence the
/// missing table brings into it (assumptions, missing inputs, sections without data) is in Chinese.</summary>
public sealed partial class PartialDatasetReportTests(ExportedDefaultFixture fixture) : IClassFixture<ExportedDefaultFixture>
{
    public static TheoryData<string> Tables => new()
    {
        "enterprises", "facilities", "treatment_facilities", "outlets", "energy_ledger", "solid_waste_ledger", "emission_factors", "cems_hourly",
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void ReportZh_FolderLackingATable_HasNoEnglishSentence(string table)
    {
        string data = Path.Combine(fixture.Root, $"no_{table}");
        Directory.CreateDirectory(data);
        foreach (string file in Directory.GetFiles(Path.Combine(fixture.Root, "default")).Where(f => Path.GetFileName(f) != table + ".parquet"))
        {
            File.Copy(file, Path.Combine(data, Path.GetFileName(file)), overwrite: true);
        }

        string output = Path.Combine(fixture.Root, $"report_{table}");
        (int code, _, string error) = CliRunner.Run("report", "--data", data, "--lang", "zh", "--out", output);

        Assert.True(code == 0, error);
        string markdown = File.ReadAllText(Path.Combine(output, "report.md"));
        Assert.Contains($"数据集缺少表 {table}", markdown, StringComparison.Ordinal);
        // Without table enterprises, the enterprises are shown by their ids (zl-yuexin): codes, not English.
        string[] english = [.. ReportLanguageTests.EnglishSentences(markdown).Where(e => !EnterpriseId().IsMatch(e))];
        Assert.True(english.Length == 0, $"English in the Chinese report without {table}:\n" + string.Join("\n", english));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[a-z]{2}-[a-z0-9-]+  <=  \| [a-z]{2}-[a-z0-9-]+ \|")]
    private static partial System.Text.RegularExpressions.Regex EnterpriseId();
}
