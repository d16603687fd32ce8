using System.Text.Json;
using Shapotou.Sdk.Assessment;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Parquet;

namespace Shapotou.Sdk.Cli.Tests.Report;

/// <summary>The plausibility warnings in the console, the JSON and both languages of the report, on a folder whose
/// ledger has one ferrosilicon row with its electricity in 10⁴ kWh (万 kWh).</summary>
public sealed class PlausibilityOutputTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-plausibility-cli-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Writes the changed dataset and returns its folder, the changed row and its electricity per tonne.</summary>
    private (string Data, int Row, EnergyLedgerEntry Entry, string PerTonne) Write()
    {
        ClusterDataset d = DefaultDataset.Instance;
        int index = Enumerable.Range(0, d.EnergyLedger.Count).First(i => d.EnergyLedger[i].Product == "FeSi75" && d.EnergyLedger[i].Period.Year == 2024);
        EnergyLedgerEntry row = d.EnergyLedger[index];
        var ledger = d.EnergyLedger.ToArray();
        ledger[index] = new EnergyLedgerEntry(row.FacilityId, row.Period, row.Product, row.Output,
            row.ElectricityPurchased / 10, row.FurnaceElectricity / 10, row.WasteHeatPowerGenerated, row.ElectricityExported, row.Coke, row.SemiCoke,
            row.Coal, row.NaturalGas, row.Diesel, row.ElectrodePaste, row.OreGrade);
        var data = new ClusterDataset("wan-kwh", d.Illustrative, d.Enterprises, d.Facilities, d.TreatmentFacilities, d.Outlets, ledger,
            d.SolidWasteLedger, d.EmissionFactors, d.CemsHourly);
        string folder = Path.Combine(_folder, "data");
        ClusterDatasetParquet.WriteAsync(data, folder).GetAwaiter().GetResult();
        string perTonne = (row.FurnaceElectricity!.Value.KilowattHours / 10 / row.Output.Tonnes).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        return (folder, index, row, perTonne);
    }

    [Fact]
    public void AssessAndReport_ElectricityInTenThousandKwh_NameTheRowInEveryOutput()
    {
        (string data, int index, EnergyLedgerEntry row, string perTonne) = Write();
        string where = $"row {index} (facility '{row.FacilityId}', {row.Period:yyyy-MM}, FeSi75)";

        (int code, string console, string error) = CliRunner.Run("assess", "--data", data);
        Assert.True(code == 0, error);
        Assert.Contains("Plausibility warnings", console, StringComparison.Ordinal);
        Assert.Contains($"Table 'energy_ledger', {where}: furnace electricity {perTonne} kWh/t is below 5115.63 kWh/t", console.Replace("\n", " ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);

        (code, string json, error) = CliRunner.Run("assess", "--data", data, "--json");
        Assert.True(code == 0, error);
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement check = Assert.Single(document.RootElement.GetProperty("warnings").EnumerateArray(), c => c.GetProperty("check").GetString() == "electricity_below_floor");
        Assert.Equal(1, check.GetProperty("count").GetInt64());
        JsonElement listed = Assert.Single(check.GetProperty("listed").EnumerateArray());
        Assert.Equal(("energy_ledger", index, $"{row.FacilityId}, {row.Period:yyyy-MM}, FeSi75", "kWh/t"),
            (listed.GetProperty("table").GetString(), listed.GetProperty("row").GetInt32(), listed.GetProperty("key").GetString(), listed.GetProperty("unit").GetString()));

        string zh = Path.Combine(_folder, "zh");
        (code, _, error) = CliRunner.Run("report", "--data", data, "--lang", "zh", "--out", zh);
        Assert.True(code == 0, error);
        string markdown = File.ReadAllText(Path.Combine(zh, "report.md"));
        Assert.Contains("## 合理性检查警告（不改变任何数字）", markdown, StringComparison.Ordinal);
        Assert.Contains($"- energy_ledger 表第 {index} 行（{row.FacilityId}, {row.Period:yyyy-MM}, FeSi75）：冶炼电耗 {perTonne} kWh/t，低于 FeSi75 的 SiO₂ + 2C = Si + 2CO 反应热 5115.63 kWh/t；把万 kWh 当作 kWh 填报会得到这样的数值。", markdown, StringComparison.Ordinal);
        Assert.Contains("冶炼电耗", File.ReadAllText(Path.Combine(zh, "report.html")), StringComparison.Ordinal);

        string en = Path.Combine(_folder, "en");
        (code, _, error) = CliRunner.Run("report", "--data", data, "--lang", "en", "--out", en);
        Assert.True(code == 0, error);
        Assert.Contains($"- Table 'energy_ledger', row {index} ({row.FacilityId}, {row.Period:yyyy-MM}, FeSi75): furnace electricity {perTonne} kWh/t is below 5115.63 kWh/t", File.ReadAllText(Path.Combine(en, "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_DefaultDataset_SaysNoCheckFoundAValue()
    {
        (int code, _, string error) = CliRunner.Run("report", "--lang", "zh", "--out", _folder);

        Assert.True(code == 0, error);
        Assert.Contains("## 合理性检查警告（不改变任何数字）\n\n- 各项合理性检查均未发现异常值。\n", File.ReadAllText(Path.Combine(_folder, "report.md")), StringComparison.Ordinal);
    }
}
