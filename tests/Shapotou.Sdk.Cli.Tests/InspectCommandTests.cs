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
        Assert.StartsWith("energy_ledger.parquet: 1 row groups, ", output, StringComparison.Ordinal);
        Assert.Contains("table energy_ledger", output, StringComparison.Ordinal);
        Assert.Contains("  period (DateOnly): reads as date: ", output, StringComparison.Ordinal);
        Assert.Contains("  coke (Double, nullable): reads as number (widened to double): ", output, StringComparison.Ordinal);
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
    public void Inspect_MissingFile_IsAnIoError()
    {
        (int code, _, string error) = CliRunner.Run("inspect", Path.Combine(_folder, "none.parquet"));

        Assert.Equal(2, code);
        Assert.Contains("does not exist.", error, StringComparison.Ordinal);
    }
}
