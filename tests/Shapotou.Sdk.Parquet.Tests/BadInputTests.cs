using Parquet;
using Parquet.Schema;
using Shapotou.Sdk.Contract;

namespace Shapotou.Sdk.Parquet.Tests;

/// <summary>The bad inputs of the contract not covered elsewhere: duplicate columns and corrupt bytes.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-bad-{Guid.NewGuid():N}");

    public BadInputTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task DuplicateColumn_NamesFileAndColumn()
    {
        string path = Path.Combine(_folder, "energy_ledger.parquet");
        var schema = new ParquetSchema(new DataField<string>("facility_id"), new DataField<double>("output"), new DataField<double>("output"));
        await using (FileStream stream = File.Create(path))
        {
            await using ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream);
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            await group.WriteAsync(schema.DataFields[0], new[] { "f1" }, null);
            await group.WriteAsync<double>(schema.DataFields[1], new double[] { 1 }.AsMemory());
            await group.WriteAsync<double>(schema.DataFields[2], new double[] { 2 }.AsMemory());
        }

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => ParquetTableReader.ReadAsync(path, ContractSchema.EnergyLedger, default));

        Assert.Equal("File 'energy_ledger.parquet' has the column 'output' twice; expected each column once.", error.Message);
    }

    [Theory]
    [InlineData("[1.0, 2.0]::DOUBLE[] AS output", "repeated (a list)")]
    [InlineData("{'value': 1.0::DOUBLE} AS output", "a group of nested columns")]
    [InlineData("MAP {'a': 1.0::DOUBLE} AS output", "a map")]
    public async Task ContractColumn_NestedOrRepeated_IsRefusedNotFlattened(string output, string shape)
    {
        string path = Path.Combine(_folder, "energy_ledger.parquet");
        DuckDbWrittenFileTests.Execute(
            $"COPY (SELECT 'f1' AS facility_id, DATE '2024-01-01' AS period, 'FeSi75' AS product, {output}) TO '{path}' (FORMAT parquet)");

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => ParquetTableReader.ReadAsync(path, ContractSchema.EnergyLedger, default));

        Assert.Equal($"File 'energy_ledger.parquet', column 'output' is {shape}; expected a flat column of table 'energy_ledger'.", error.Message);
    }

    [Fact]
    public async Task NonContractNestedColumns_AreIgnored_EvenWithAContractLeafName()
    {
        string path = Path.Combine(_folder, "energy_ledger.parquet");
        DuckDbWrittenFileTests.Execute(
            $"COPY (SELECT 'f1' AS facility_id, DATE '2024-01-01' AS period, 'FeSi75' AS product, 1.5::DOUBLE AS output, {{'output': 2.0::DOUBLE}} AS extra, [3.0]::DOUBLE[] AS history) TO '{path}' (FORMAT parquet)");

        TableData t = await ParquetTableReader.ReadAsync(path, ContractSchema.EnergyLedger, default);

        Assert.Equal([1.5], GoldenFileTests.Numbers(t, "output"));
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

        Assert.StartsWith("File 'cems_hourly.parquet', column 'outlet_id', row group 0, page 0: ", error.Message, StringComparison.Ordinal);
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
