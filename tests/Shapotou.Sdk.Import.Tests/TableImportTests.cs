using System.Text;
using MiniExcelLibs;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Parquet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Import.Tests;

/// <summary>CSV (UTF-8, GB18030) and Excel ledgers into contract tables, with every check and exact values.</summary>
public sealed class TableImportTests : IDisposable
{
    private const string ChineseLedger =
        "设施编号,月份,产品,产量(吨),外购电量(万kWh),焦炭（t）,天然气(万m³),矿石品位(%)\n" +
        "yx-f1,2024-01,FeSi75,\"2,345.5\",1770.5,1876.2,0.1234,98.1\n" +
        "yx-f1,2024/2/1,FeSi75,2100,1600,1700,,97.5\n";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-import-{Guid.NewGuid():N}");

    static TableImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public TableImportTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text, Encoding encoding)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);
        return path;
    }

    private static void AssertChineseLedger(TableBatch t)
    {
        Assert.Equal(2, t.RowCount);
        Assert.Equal([new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1)], t.Dates("period").ToArray());
        Assert.Equal("yx-f1,yx-f1", string.Join(',', t.Text("facility_id").ToArray()));
        Assert.Equal([2345.5, 2100], t.Numbers("output").ToArray());
        Assert.Equal(EnergyUnit.KilowattHour, t.UnitOf("electricity_purchased"));
        Assert.Equal([17_705_000, 16_000_000], t.Numbers("electricity_purchased").ToArray()); // 万kWh × 10⁴, exact
        Assert.Equal([1876.2, 1700], t.Numbers("coke").ToArray());
        Assert.Equal([1234, double.NaN], t.Numbers("natural_gas").ToArray()); // 0.1234 万m³, exact in decimal
        Assert.Equal(MassFractionUnit.Percent, t.UnitOf("ore_grade"));
        Assert.Equal([98.1, 97.5], t.Numbers("ore_grade").ToArray());
    }

    [Fact]
    public void Csv_Utf8_ChineseHeadersUnitsAndTenThousands_AreExact()
    {
        AssertChineseLedger(TableImport.Read(Write("ledger.csv", ChineseLedger, new UTF8Encoding(false)), ContractSchema.EnergyLedger));
    }

    [Fact]
    public void Csv_Gb18030WithoutMark_IsDetected_AndCanBeNamed()
    {
        Encoding gb = Encoding.GetEncoding("GB18030");
        string path = Write("ledger.csv", ChineseLedger, gb);
        Assert.NotEqual(Encoding.UTF8.GetBytes(ChineseLedger), File.ReadAllBytes(path));

        AssertChineseLedger(TableImport.Read(path, ContractSchema.EnergyLedger));
        AssertChineseLedger(TableImport.Read(path, ContractSchema.EnergyLedger, new TableImportOptions { Encoding = gb }));
    }

    [Fact]
    public void Csv_SemicolonsByteOrderMarkAndSnakeCaseHeaders_WithAUnitOption()
    {
        string path = Write("cems.csv",
            "outlet_id;hour;SO2 (mg/m3);flow;flag\nyx-da001;2024-01-01 00:00;22.13;82.5;N\nyx-da001;2024/1/1 1:00;;82.25;\n",
            new UTF8Encoding(true));

        TableBatch t = TableImport.Read(path, ContractSchema.CemsHourly, new TableImportOptions { Units = new Dictionary<string, Enum> { ["flow"] = VolumeFlowUnit.CubicMeterPerSecond } });

        Assert.Equal([new DateTime(2024, 1, 1, 0, 0, 0), new DateTime(2024, 1, 1, 1, 0, 0)], t.Times("hour").ToArray());
        Assert.Equal([22.13, double.NaN], t.Numbers("so2").ToArray());
        Assert.Equal(VolumeFlowUnit.CubicMeterPerSecond, t.UnitOf("flow"));
        Assert.Equal([297_000, 296_100], t.NumbersIn("flow", VolumeFlowUnit.CubicMeterPerHour));
        Assert.Equal("N|<null>", string.Join('|', t.Text("flag").ToArray().Select(f => f ?? "<null>")));
    }

    [Fact]
    public void Excel_NumbersDatesAndSheets_AreRead()
    {
        string path = Path.Combine(_folder, "waste.xlsx");
        var sheets = new Dictionary<string, object>
        {
            ["说明"] = new[] { new Dictionary<string, object?> { ["note"] = "ledger on the next sheet" } },
            ["2024"] = new[]
            {
                new Dictionary<string, object?> { ["企业编号"] = "yx", ["统计期"] = new DateTime(2024, 1, 1), ["固废类别"] = "silica_fume", ["产生量(t)"] = 420.5, ["综合利用量(t)"] = 300, ["贮存量(t)"] = 120.5 },
                new Dictionary<string, object?> { ["企业编号"] = "yx", ["统计期"] = "2024-02", ["固废类别"] = "slag", ["产生量(t)"] = "1,000.25", ["综合利用量(t)"] = null, ["贮存量(t)"] = 0 },
            },
        };
        MiniExcel.SaveAs(path, sheets);

        TableBatch t = TableImport.Read(path, ContractSchema.SolidWasteLedger, new TableImportOptions { Sheet = "2024" });

        Assert.Equal([new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1)], t.Dates("period").ToArray());
        Assert.Equal("silica_fume,slag", string.Join(',', t.Text("waste_type").ToArray()));
        Assert.Equal([420.5, 1000.25], t.Numbers("generated").ToArray());
        Assert.Equal([300, double.NaN], t.Numbers("utilised").ToArray());
        Assert.Equal([120.5, 0], t.Numbers("stored").ToArray());

        ShapotouDataException sheet = Assert.Throws<ShapotouDataException>(() => TableImport.Read(path, ContractSchema.SolidWasteLedger, new TableImportOptions { Sheet = "2025" }));
        Assert.Equal("File 'waste.xlsx' has no sheet '2025'; it has '说明', '2024'.", sheet.Message);
        ShapotouDataException first = Assert.Throws<ShapotouDataException>(() => TableImport.Read(path, ContractSchema.SolidWasteLedger));
        Assert.StartsWith("File 'waste.xlsx', header 'note' names no column of table 'solid_waste_ledger'; expected one of enterprise_id, ", first.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("设施编号,月份,产品,产量(吨)\nf1,2024-01,FeSi75,abc\n", "File 'bad.csv', column 'output' (header '产量(吨)'), row 2: 'abc' is not a number; expected a decimal number such as 1234.5.")]
    [InlineData("设施编号,月份,产品,产量(吨)\nf1,2024-01,FeSi75,1\nf1,2024-13,FeSi75,1\n", "File 'bad.csv', column 'period' (header '月份'), row 3: '2024-13' is not a date; expected yyyy-MM-dd (or yyyy-MM, yyyy/M/d, yyyy年M月).")]
    [InlineData("设施编号,月份,产品,产量(吨)\nf1,2024-01,,1\n", "File 'bad.csv', column 'product' (header '产品'), row 2: the cell is empty; the column is required.")]
    [InlineData("设施编号,月份,产品\nf1,2024-01,FeSi75\n", "File 'bad.csv' lacks the required column 'output' of table 'energy_ledger'; it has '设施编号', '月份', '产品'.")]
    [InlineData("设施编号,月份,产品,产量(吨),output\nf1,2024-01,FeSi75,1,1\n", "File 'bad.csv' has column 'output' twice (headers '产量(吨)' and 'output'); expected each column once.")]
    [InlineData("设施编号,月份,产品,产量(斤)\nf1,2024-01,FeSi75,1\n", "File 'bad.csv', column 'output' (header '产量(斤)'): '斤' is not a unit of Mass; expected one such as t, 吨, kg, 千克, 公斤, a UnitsNet abbreviation, optionally with 万 (×10⁴).")]
    [InlineData("设施编号,月份,产品,产量(吨),焦炭(t)\nf1,2024-01,FeSi75,1,2\nf1,2024-02,FeSi75,1,-5\n", "File 'bad.csv', row 3: Energy ledger row 'f1 2024-02': coke is -5 Tonne; expected a finite value of at least 0.")]
    [InlineData("", "File 'bad.csv' is empty; expected a header row naming columns of table 'energy_ledger'.")]
    public void Csv_BadInput_NamesFileColumnRowValueAndExpectation(string csv, string message)
    {
        string path = Write("bad.csv", csv, new UTF8Encoding(false));

        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => TableImport.Read(path, ContractSchema.EnergyLedger));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Csv_UnknownHeader_IsRefused_OrIgnoredAndRecordedWhenAsked()
    {
        string path = Write("extra.csv", "设施编号,月份,产品,产量(吨),备注\nf1,2024-01,FeSi75,1,checked\n", new UTF8Encoding(false));

        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => TableImport.Read(path, ContractSchema.EnergyLedger));
        TableBatch t = TableImport.Read(path, ContractSchema.EnergyLedger, new TableImportOptions { IgnoreUnknownColumns = true });

        Assert.StartsWith("File 'extra.csv', header '备注' names no column of table 'energy_ledger'; expected one of facility_id, ", error.Message, StringComparison.Ordinal);
        Assert.Equal("备注", t.Metadata["shapotou.ignored_columns"]);
        Assert.Equal([1], t.Numbers("output").ToArray());
    }

    [Fact]
    public void Csv_HeaderNamingAColumnWithParentheses_HasNoUnit_AndYuanScaleToTenThousands()
    {
        string path = Write("enterprises.csv",
            "企业编号,企业名称(英文),企业名称,乡镇,行业代码,规模以上,工业产值(元)\nyx,Yuexin,跃鑫冶炼,zhenluo,3140,是,123456789\n",
            new UTF8Encoding(false));

        TableBatch t = TableImport.Read(path, ContractSchema.Enterprises);

        Assert.Equal("Yuexin", t.Text("name").Span[0]);
        Assert.Equal("跃鑫冶炼", t.Text("name_zh").Span[0]);
        Assert.Equal([true], t.Booleans("above_scale").ToArray());
        Assert.Equal([12345.6789], t.Numbers("output_value").ToArray());

        string bad = Write("factors.csv", "行业代码,产品,工艺,污染物,排放系数(kg/t),来源\n3140,FeSi75,p,pm,2.5,s\n", new UTF8Encoding(false));
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => TableImport.Read(bad, ContractSchema.EmissionFactors));
        Assert.Equal("File 'factors.csv', column 'factor' (header '排放系数(kg/t)'): 'kg/t' is a unit, but the column takes none; expected the header without a unit.", error.Message);
    }

    [Fact]
    public async Task Import_ThenWrite_ReadsBackTheSameValues()
    {
        TableBatch imported = TableImport.Read(Write("ledger.csv", ChineseLedger, new UTF8Encoding(false)), ContractSchema.EnergyLedger);
        string path = Path.Combine(_folder, "energy_ledger.parquet");

        await ParquetTables.WriteAsync(path, imported);

        AssertChineseLedger(await ParquetTables.ReadAsync(path, ContractSchema.EnergyLedger));
    }
}
