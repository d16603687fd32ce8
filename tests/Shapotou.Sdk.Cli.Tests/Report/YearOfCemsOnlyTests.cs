using System.Text.Json;
using Shapotou.Sdk.Assessment;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Parquet;

namespace Shapotou.Sdk.Cli.Tests.Report;

/// <summary><c>--year</c> on a year held only by the CEMS hours: the default dataset with its 2024 ledger rows removed
/// (energy and solid waste), so 2024 is in <c>cems_hourly</c> alone.</summary>
public sealed class YearOfCemsOnlyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("shapotou-cems-year-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write()
    {
        ClusterDataset d = DefaultDataset.Instance;
        var data = new ClusterDataset("cems-2024", d.Illustrative, d.Enterprises, d.Facilities, d.TreatmentFacilities, d.Outlets,
            [.. d.EnergyLedger.Where(r => r.Period.Year != 2024)], [.. d.SolidWasteLedger.Where(r => r.Period.Year != 2024)],
            d.EmissionFactors, d.CemsHourly);
        string folder = Path.Combine(_folder, "data");
        ClusterDatasetParquet.WriteAsync(data, folder).GetAwaiter().GetResult();
        return folder;
    }

    [Fact]
    public void Assess_YearOfTheCemsHoursOnly_RunsWithTheInventoryOnItAndSaysWhyTheLedgerFiguresAreAbsent()
    {
        string data = Write();
        (int code, string output, string error) = CliRunner.Run("assess", "--data", data, "--year", "2024", "--json");

        Assert.True(code == 0, error);
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement root = document.RootElement;
        Assert.Equal(0, root.GetProperty("energy").GetProperty("enterprises").GetArrayLength());
        Assert.Equal(0, root.GetProperty("solid_waste").GetProperty("enterprises").GetArrayLength());
        Assert.All(root.GetProperty("emissions").GetProperty("outlets").EnumerateArray(), o => Assert.Equal(2024, o.GetProperty("year").GetInt32()));
        Assert.Equal(2024, root.GetProperty("tax").GetProperty("year").GetInt32());
        string[] assumptions = [.. root.GetProperty("assumptions").EnumerateArray().Select(a => a.GetString()!)];
        Assert.Contains("Not available for 2024: unit energy, the energy classes, the waste-heat power per tonne and the ledger's CO₂, because energy_ledger holds 2022, 2023 only.", assumptions);
        Assert.Contains("Not available for 2024: the solid-waste utilisation, because solid_waste_ledger holds 2022, 2023 only.", assumptions);

        // A year of the ledgers that the CEMS hours lack says so for the inventory, as before.
        (code, output, error) = CliRunner.Run("assess", "--data", data, "--year", "2023", "--json");
        Assert.True(code == 0, error);
        using JsonDocument year2023 = JsonDocument.Parse(output);
        Assert.Contains(
            "Not available for 2023: the emission inventory, compliance, the P6 checks, the tax and the performance grades, because the inventory's years are those of cems_hourly, which holds 2024 only.",
            year2023.RootElement.GetProperty("assumptions").EnumerateArray().Select(a => a.GetString()));
    }

    [Theory]
    [InlineData("en", "- Not available for 2024: unit energy, the energy classes, the waste-heat power per tonne and the ledger's CO₂, because energy_ledger holds 2022, 2023 only.")]
    [InlineData("zh", "- 2024 年无法给出：单位产品能耗、能效等级、吨产品余热发电量和按台账计算的 CO₂，因为 energy_ledger 只有 2022, 2023 年的数据。")]
    public void Report_YearOfTheCemsHoursOnly_RunsAndSaysWhatIsNotAvailable(string lang, string sentence)
    {
        string data = Write();
        string output = Path.Combine(_folder, lang);
        (int code, _, string error) = CliRunner.Run("report", "--data", data, "--year", "2024", "--lang", lang, "--out", output);

        Assert.True(code == 0, error);
        string markdown = File.ReadAllText(Path.Combine(output, "report.md"));
        Assert.Contains(sentence, markdown, StringComparison.Ordinal);
        if (lang == "zh")
        {
            string[] english = [.. ReportLanguageTests.EnglishSentences(markdown)];
            Assert.True(english.Length == 0, "English in the Chinese report:\n" + string.Join("\n", english));
        }
    }
}
