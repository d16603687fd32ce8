using Shapotou.Sdk.Contract;
using UnitsNet.Units;

namespace Shapotou.Sdk.Parquet.Tests;

/// <summary>Tests that measure the process's live memory run alone, not beside other test classes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurement
{
    public const string Name = "Memory measurement";
}

/// <summary>Batches in and out, one row group in memory at a time; round trips bit for bit.</summary>
[Collection(MemoryMeasurement.Name)]
public sealed class StreamingTests : IDisposable
{
    private const int Rows = 25_000;
    private const int Batches = 40;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-stream-{Guid.NewGuid():N}");

    public StreamingTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static TableBatch Hours(int first, int rows)
    {
        var ids = new string?[rows];
        var hours = new DateTime?[rows];
        var so2 = new double[rows];
        var flow = new double[rows];
        var flags = new string?[rows];
        for (int i = 0; i < rows; i++)
        {
            int row = first + i;
            ids[i] = $"o{row % 5}";
            hours[i] = new DateTime(2020, 1, 1).AddHours(row);
            so2[i] = row % 11 == 0 ? double.NaN : Math.Sqrt(row) * 1.1;
            flow[i] = 250_000 + row;
            flags[i] = row % 13 == 0 ? "F" : null;
        }

        return new TableBatch(ContractSchema.CemsHourly, rows)
            .SetText("outlet_id", ids).SetTimes("hour", hours).SetNumbers("so2", so2).SetNumbers("flow", flow).SetText("flag", flags);
    }

    private static async IAsyncEnumerable<TableBatch> Generate(List<long> live)
    {
        for (int b = 0; b < Batches; b++)
        {
            live.Add(GC.GetTotalMemory(forceFullCollection: true));
            yield return Hours(b * Rows, Rows);
            await Task.Yield();
        }
    }

    [Fact]
    public async Task StreamedWriteAndRead_HoldOneRowGroupAtATime_AndEveryRowComesBack()
    {
        string path = Path.Combine(_folder, "cems_hourly.parquet");
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long oneBatch = GC.GetTotalMemory(forceFullCollection: true);
        TableBatch probe = Hours(0, Rows);
        oneBatch = GC.GetTotalMemory(forceFullCollection: true) - oneBatch;
        GC.KeepAlive(probe);

        var writeLive = new List<long>();
        long written = await ParquetTables.WriteAsync(path, ContractSchema.CemsHourly, Generate(writeLive));

        var readLive = new List<long>();
        int groups = 0;
        long row = 0;
        await foreach (TableBatch batch in ParquetTables.ReadBatchesAsync(path, ContractSchema.CemsHourly))
        {
            readLive.Add(GC.GetTotalMemory(forceFullCollection: true));
            Assert.Equal(groups++, batch.RowGroup);
            Assert.Equal(row, batch.FirstRow);
            TableBatch expected = Hours((int)row, batch.RowCount);
            foreach (string column in new[] { "so2", "flow" })
            {
                Assert.Equal(expected.Numbers(column).ToArray().Select(BitConverter.DoubleToInt64Bits), batch.Numbers(column).ToArray().Select(BitConverter.DoubleToInt64Bits));
            }

            Assert.Equal(expected.Times("hour").ToArray(), batch.Times("hour").ToArray());
            Assert.Equal(expected.Text("outlet_id").ToArray(), batch.Text("outlet_id").ToArray());
            Assert.Equal(expected.Text("flag").ToArray(), batch.Text("flag").ToArray());
            row += batch.RowCount;
        }

        Assert.Equal((long)Rows * Batches, written);
        Assert.Equal(written, row);
        Assert.Equal(Batches, groups); // one row group per batch

        // Live memory while streaming stays flat, whatever the number of batches, and far below the whole table's
        // (the flat part is one batch in the caller's hands plus the Parquet library's pooled page buffers).
        long whole = Batches * oneBatch;
        Assert.InRange(oneBatch, 1, long.MaxValue);
        Assert.All(writeLive, live => Assert.InRange(live - baseline, long.MinValue, whole / 3));
        Assert.All(readLive, live => Assert.InRange(live - baseline, long.MinValue, whole / 3));
        Assert.InRange(readLive[^1] - readLive[2], long.MinValue, oneBatch);
    }

    [Fact]
    public async Task WriteReadWrite_IsByteIdentical_AndValuesBitIdentical()
    {
        string a = Path.Combine(_folder, "a.parquet"), b = Path.Combine(_folder, "b.parquet");
        TableBatch original = Hours(0, 1000);
        original.SetNumbers("nox", Enumerable.Range(0, 1000).Select(i => i == 3 ? double.Epsilon : (0.1 * i) + 1e-300).ToArray(), MassConcentrationUnit.MicrogramPerCubicMeter);

        await ParquetTables.WriteAsync(a, original);
        TableBatch read = await ParquetTables.ReadAsync(a, ContractSchema.CemsHourly);
        await ParquetTables.WriteAsync(b, read);

        Assert.Equal(await File.ReadAllBytesAsync(a), await File.ReadAllBytesAsync(b));
        Assert.Equal(MassConcentrationUnit.MicrogramPerCubicMeter, read.UnitOf("nox")); // kept in the same unit, not converted
        Assert.Equal(original.Numbers("nox").ToArray().Select(BitConverter.DoubleToInt64Bits), read.Numbers("nox").ToArray().Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public async Task Writer_ConvertsABatchInAnotherUnit_ToTheWritersUnit()
    {
        string path = Path.Combine(_folder, "cems_hourly.parquet");
        await using (ParquetTableWriter writer = await ParquetTableWriter.CreateAsync(path, ContractSchema.CemsHourly, ["outlet_id", "hour", "flow"]))
        {
            TableBatch batch = new TableBatch(ContractSchema.CemsHourly, 2)
                .SetText("outlet_id", ["o", "o"]).SetTimes("hour", [new DateTime(2024, 1, 1), new DateTime(2024, 1, 1, 1, 0, 0)])
                .SetNumbers("flow", [1, double.NaN], VolumeFlowUnit.CubicMeterPerSecond);
            await writer.WriteAsync(batch);
            await writer.CommitAsync();
        }

        TableBatch read = await ParquetTables.ReadAsync(path, ContractSchema.CemsHourly);

        Assert.Equal(VolumeFlowUnit.CubicMeterPerHour, read.UnitOf("flow"));
        Assert.Equal([3600, double.NaN], read.Numbers("flow").ToArray());
    }

    [Fact]
    public async Task Writer_DisposedWithoutCommit_LeavesTheTargetAndNoTemporaryFile()
    {
        string path = Path.Combine(_folder, "cems_hourly.parquet");
        await ParquetTables.WriteAsync(path, Hours(0, 10));
        byte[] before = await File.ReadAllBytesAsync(path);

        await using (ParquetTableWriter writer = await ParquetTableWriter.CreateAsync(path, ContractSchema.CemsHourly, ["outlet_id", "hour", "so2", "flow", "flag"]))
        {
            await writer.WriteAsync(Hours(100, 5000));
        }

        Assert.Equal(before, await File.ReadAllBytesAsync(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task Writer_RejectsWhatWouldBeLost_OrIsMissing()
    {
        string path = Path.Combine(_folder, "cems_hourly.parquet");
        await using ParquetTableWriter writer = await ParquetTableWriter.CreateAsync(path, ContractSchema.CemsHourly, ["outlet_id", "hour"]);

        ArgumentException extra = await Assert.ThrowsAsync<ArgumentException>(() => writer.WriteAsync(Hours(0, 2)));
        Assert.StartsWith("The batch has column 'so2', which the writer of 'cems_hourly' does not write; it would be lost.", extra.Message, StringComparison.Ordinal);

        TableBatch nullHour = new TableBatch(ContractSchema.CemsHourly, 2, "hours.csv").SetText("outlet_id", ["o", "o"]).SetTimes("hour", [new DateTime(2024, 1, 1), null]);
        ShapotouDataException missing = await Assert.ThrowsAsync<ShapotouDataException>(() => writer.WriteAsync(nullHour));
        Assert.Equal("hours.csv, row 1, column 'hour': the value is null; the column of table 'cems_hourly' is required.", missing.Message);

        ArgumentException required = await Assert.ThrowsAsync<ArgumentException>(() => ParquetTableWriter.CreateAsync(path, ContractSchema.CemsHourly, ["outlet_id"]));
        Assert.StartsWith("Column 'hour' of table 'cems_hourly' is required.", required.Message, StringComparison.Ordinal);

        ArgumentException unit = Assert.Throws<ArgumentException>(() => new TableBatch(ContractSchema.CemsHourly, 1).SetNumbers("so2", [1], MassUnit.Tonne));
        Assert.StartsWith("Unit 'Tonne' is a unit of Mass; column 'so2' holds MassConcentration.", unit.Message, StringComparison.Ordinal);
    }
}
