namespace Shapotou.Sdk.Parquet.Tests;

/// <summary>The bad inputs of the contract not covered elsewhere: duplicate columns and corrupt bytes.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-bad-{Guid.NewGuid():N}");

    public BadInputTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task DuplicateColumn_InANestedGroup_NamesFileAndColumn()
    {
        // A group may hold a leaf of a top-level column's name: the reader would not know which 'output' is meant.
        string path = Path.Combine(_folder, "energy_ledger.parquet");
        DuckDbWrittenFileTests.Execute(
            $"COPY (SELECT 'f1' AS facility_id, DATE '2024-01-01' AS period, 'FeSi75' AS product, 1.0::DOUBLE AS output, {{'output': 2.0::DOUBLE}} AS extra) TO '{path}' (FORMAT parquet)");

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => ParquetTableReader.ReadAsync(path, ContractSchema.EnergyLedger, default));

        Assert.Equal("File 'energy_ledger.parquet' has the column 'output' twice; expected each column once.", error.Message);
    }

    [Fact]
    public async Task CorruptPage_WithAValidFooter_NamesFileColumnAndRowGroup()
    {
        string path = Path.Combine(_folder, "cems_hourly.parquet");
        DuckDbWrittenFileTests.Execute(
            $"COPY (SELECT 'o1' AS outlet_id, TIMESTAMP '2024-01-01' + INTERVAL (i) HOUR AS hour, (i * 1.5)::DOUBLE AS so2 FROM range(2000) t(i)) TO '{path}' (FORMAT parquet, COMPRESSION snappy)");

        // Overwrite the middle of the data (pages), keeping the 4-byte magic and the footer at the end.
        byte[] bytes = await File.ReadAllBytesAsync(path);
        int footer = BitConverter.ToInt32(bytes, bytes.Length - 8) + 8;
        for (int i = 4; i < bytes.Length - footer; i++)
        {
            bytes[i] = 0xA5;
        }

        await File.WriteAllBytesAsync(path, bytes);

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => ParquetTableReader.ReadAsync(path, ContractSchema.CemsHourly, default));

        Assert.StartsWith("File 'cems_hourly.parquet', column 'outlet_id', row group 0: the column cannot be read (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorruptFooter_IsRefusedAsNotReadable()
    {
        string path = Path.Combine(_folder, "outlets.parquet");
        DuckDbWrittenFileTests.Execute($"COPY (SELECT 'o1' AS outlet_id, 'f1' AS facility_id, 'pm' AS pollutant) TO '{path}' (FORMAT parquet)");
        byte[] bytes = await File.ReadAllBytesAsync(path);
        int footer = BitConverter.ToInt32(bytes, bytes.Length - 8);
        for (int i = bytes.Length - 8 - footer; i < bytes.Length - 8; i++)
        {
            bytes[i] = 0xFF;
        }

        await File.WriteAllBytesAsync(path, bytes);

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => ParquetTableReader.ReadAsync(path, ContractSchema.Outlets, default));

        Assert.StartsWith("File 'outlets.parquet' ", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot read", error.Message.Replace("is not a readable Parquet file", "cannot read", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotParquetAtAll_IsRefusedAsNotReadable()
    {
        string path = Path.Combine(_folder, "facilities.parquet");
        await File.WriteAllTextAsync(path, "facility_id,enterprise_id\nf1,e1\n");

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => ParquetTableReader.ReadAsync(path, ContractSchema.Facilities, default));

        Assert.StartsWith("File 'facilities.parquet' is not a readable Parquet file: ", error.Message, StringComparison.Ordinal);
    }
}
