using System.Text;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Parquet;

namespace Shapotou.Sdk.Cli.Tests;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-import-cli-{Guid.NewGuid():N}");

    static ImportCommandTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public ImportCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Csv(string text, Encoding encoding)
    {
        string path = Path.Combine(_folder, "ledger.csv");
        File.WriteAllBytes(path, encoding.GetBytes(text));
        return path;
    }

    [Fact]
    public async Task Import_Gb18030Csv_WritesTheTable_AndReportsOnStandardError()
    {
        string csv = Csv("企业编号,统计期,固废类别,产生量(t),综合利用量(t),备注\nyx,2024-01,silica_fume,420.5,300,ok\n", Encoding.GetEncoding("GB18030"));
        string output = Path.Combine(_folder, "out");

        (int code, string stdout, string stderr) = CliRunner.Run("import", "--table", "solid_waste_ledger", csv, "--out", output, "--encoding", "gb18030", "--ignore-unknown");

        Assert.True(code == 0, stderr);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal(
            $"ignored columns: 备注\nimported 1 rows of solid_waste_ledger from ledger.csv into {Path.Combine(output, "solid_waste_ledger.parquet")}\n",
            stderr.Replace("\r\n", "\n", StringComparison.Ordinal));
        TableBatch read = await ParquetTables.ReadAsync(Path.Combine(output, "solid_waste_ledger.parquet"), ContractSchema.SolidWasteLedger);
        Assert.Equal([420.5], read.Numbers("generated").ToArray());
        Assert.Equal([300], read.Numbers("utilised").ToArray());
        Assert.Equal("ledger.csv", read.Metadata["shapotou.imported_from"]);
    }

    [Fact]
    public void Import_RefusedFile_Exits1WithTheReason_AndWritesNothing()
    {
        string csv = Csv("企业编号,统计期,固废类别,产生量(t)\nyx,2024-01,silica_fume,-1\n", new UTF8Encoding(false));
        string output = Path.Combine(_folder, "out");

        (int code, _, string stderr) = CliRunner.Run("import", "--table", "solid_waste_ledger", csv, "--out", output);

        Assert.Equal(1, code);
        Assert.Equal("File 'ledger.csv', row 2: Solid-waste ledger row 'yx 2024-01 silica_fume': generated is -1 Tonne; expected a finite value of at least 0.", stderr.Trim());
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("--table", "no_such_table")]
    [InlineData("--encoding", "latin1")]
    public void Import_BadOption_IsAUsageError(string option, string value)
    {
        string csv = Csv("x\n1\n", new UTF8Encoding(false));
        string[] args = option == "--table"
            ? ["import", option, value, csv, "--out", _folder]
            : ["import", "--table", "energy_ledger", csv, "--out", _folder, option, value];

        (int code, _, string stderr) = CliRunner.Run(args);

        Assert.Equal(2, code);
        Assert.Contains(value, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MissingFile_IsAnIoError()
    {
        (int code, _, string stderr) = CliRunner.Run("import", "--table", "energy_ledger", Path.Combine(_folder, "none.csv"), "--out", _folder);

        Assert.Equal(2, code);
        Assert.Equal($"Input file '{Path.Combine(_folder, "none.csv")}' does not exist.", stderr.Trim());
    }
}
