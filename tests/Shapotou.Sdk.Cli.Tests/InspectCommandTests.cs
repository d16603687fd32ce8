namespace Shapotou.Sdk.Cli.Tests;

public sealed class InspectCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-inspect-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Inspect_ExportedTable_ReadsEveryColumnAndNamesTheTable()
    {
        Assert.Equal(0, CliRunner.Run("export", "--out", _folder).ExitCode);

        (int code, string output, _) = CliRunner.Run("inspect", Path.Combine(_folder, "energy_ledger.parquet"));

        Assert.Equal(0, code);
        Assert.StartsWith("energy_ledger.parquet: 1 row group, 3,408 rows\n  contract table: energy_ledger (named in the file's metadata)\n  data: ILLUSTRATIVE (the file's metadata marks them synthetic or assumed; see docs/default-dataset.md)\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("  period: date; 3408 values, 0 null\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("  coke: number, Mass in t (unit from the file's metadata), may be null; 3408 values, 0 null; fast scan: page decoder\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("  natural_gas: number, Volume in m³ (unit from the file's metadata), may be null; ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ReadOnlyMemory", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Double", output, StringComparison.Ordinal);
        Assert.DoesNotContain("widened", output, StringComparison.Ordinal);
        Assert.Contains(" 0 null; fast scan: page decoder\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains(" null; fast scan: page decoder (its nulls stop a fast scan)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_TruncatedFile_IsRefusedWithExitOne()
    {
        Assert.Equal(0, CliRunner.Run("export", "--out", _folder).ExitCode);
        string path = Path.Combine(_folder, "facilities.parquet");
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 3)]);

        (int code, string output, _) = CliRunner.Run("inspect", path);

        Assert.Equal(1, code);
        Assert.Contains("  refused: File 'facilities.parquet' is not a readable Parquet file: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_FooterStopByteMadeAField_IsRefusedWithExitOne_NotAHang()
    {
        Assert.Equal(0, CliRunner.Run("export", "--out", _folder).ExitCode);
        string path = Path.Combine(_folder, "facilities.parquet");
        byte[] bytes = File.ReadAllBytes(path);

        // The footer's last byte, FileMetaData's stop, becomes an i64 field's header: Parquet.Net 6.1.0 spins on it.
        Assert.Equal(0, bytes[^9]);
        bytes[^9] = 0x16;
        File.WriteAllBytes(path, bytes);

        (int code, string output, _) = await Task.Run(() => CliRunner.Run("inspect", path)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, code);
        Assert.Contains("  refused: File 'facilities.parquet' is not a readable Parquet file: field 7 of FileMetaData has compact type 6; expected 9.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_FileOfAnotherWriter_MatchesByColumnsAndNamesItsTypesInWords()
    {
        // Written by arrow-rs: no shapotou keys, INT64, DECIMAL and FLOAT columns, one null.
        string path = Path.Combine(RepositoryRoot(), "tests", "Shapotou.Sdk.Parquet.Tests", "golden", "arrow_rs_energy_ledger.parquet");

        (int code, string output, string error) = CliRunner.Run("inspect", "--head", "1", path);

        Assert.True(code == 0, error);
        Assert.Equal(
            """
            arrow_rs_energy_ledger.parquet: 1 row group, 3 rows
              contract table: energy_ledger (its required columns are all here)
              data: the file's metadata does not say whether they are illustrative
              facility_id: text, may be null; 3 values, 0 null
              period: date, may be null; 3 values, 0 null
              product: text, may be null; 3 values, 0 null
              output: number (integers, read as floating point), Mass in t (the table's default unit), may be null; 3 values, 0 null; fast scan: page decoder
              electricity_purchased: number (64-bit integers, read as floating point), Energy in kWh (the table's default unit), may be null; 3 values, 0 null
              coke: number (decimal, read as 64-bit floating point), Mass in t (the table's default unit), may be null; 3 values, 0 null
              natural_gas: number (32-bit floating point, read as 64-bit), Volume in m³ (the table's default unit), may be null; 3 values, 1 null
              ore_grade: number, MassFraction in % (the table's default unit), may be null; 3 values, 0 null; fast scan: page decoder
              first 1 row:
                1: facility_id=hx-f2, period=2023-01-01, product=SiMn, output=4100, electricity_purchased=16400000, coke=1234.56, natural_gas=null, ore_grade=68.25

            """,
            output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Inspect_Head_ShowsTheFirstRowsAcrossRowGroupsAndStopsAtTheEnd()
    {
        Assert.Equal(0, CliRunner.Run("export", "--out", _folder).ExitCode);

        (int code, string output, _) = CliRunner.Run("inspect", "--head", "2", Path.Combine(_folder, "energy_ledger.parquet"));

        Assert.Equal(0, code);
        Assert.Contains(
            "  first 2 rows:\n    1: facility_id=zl-yuexin-f1, period=2022-01-01, product=FeSi75, output=2588, electricity_purchased=19549720, ",
            output.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
        Assert.Contains("\n    2: facility_id=zl-yuexin-f1, period=2022-02-01, product=FeSi75, output=2142, ", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        // More rows than the file holds: every row, no more.
        string golden = Path.Combine(RepositoryRoot(), "tests", "Shapotou.Sdk.Parquet.Tests", "golden", "arrow_rs_energy_ledger.parquet");
        string all = CliRunner.Run("inspect", "--head", "10", golden).Output.ReplaceLineEndings("\n");
        Assert.Contains("  first 3 rows:\n", all, StringComparison.Ordinal);
        Assert.DoesNotContain("    4: ", all, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")] // negative
    [InlineData("1001")] // beyond the range help gives
    public void Inspect_HeadOutOfRange_IsAUsageError(string rows)
    {
        (int code, _, string error) = CliRunner.Run("inspect", "--head", rows, Path.Combine(_folder, "x.parquet"));

        Assert.Equal(2, code);
        Assert.Equal($"--head is {rows}; expected a number of rows from 0 to 1000.", error.Trim());
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

    [Fact]
    public void Inspect_MissingFile_IsAnIoError()
    {
        (int code, _, string error) = CliRunner.Run("inspect", Path.Combine(_folder, "none.parquet"));

        Assert.Equal(2, code);
        Assert.Contains("does not exist.", error, StringComparison.Ordinal);
    }
}
