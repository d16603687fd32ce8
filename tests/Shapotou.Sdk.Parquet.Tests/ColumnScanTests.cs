using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Parquet;
using Parquet.Schema;

namespace Shapotou.Sdk.Parquet.Tests;

/// <summary>The fast column scan: every row exactly once, in row-group order per worker, and bad files named.</summary>
public sealed class ColumnScanTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-scan-{Guid.NewGuid():N}");

    public ColumnScanTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Per worker: (row group, first row, rows, Σ id, Σ value, the first value) of each row group it saw.</summary>
    private static async Task<List<(int Group, long First, int Rows, long Ids, double Sum, double Head)>> ScanAsync(string path, int workers)
    {
        IReadOnlyList<List<(int, long, int, long, double, double)>> states = await ParquetColumnScan.ScanAsync(
            path, ["id"], ["value"], () => new List<(int, long, int, long, double, double)>(),
            (s, b) =>
            {
                long ids = 0;
                foreach (int id in b.Integers(0))
                {
                    ids += id;
                }

                s.Add((b.RowGroup, b.FirstRow, b.RowCount, ids, b.Numbers(0).ToArray().Sum(), b.Numbers(0)[0]));
            },
            workers);
        return [.. states.SelectMany(s => s).OrderBy(g => g.Item1)];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task DuckDbFile_EveryRowGroupOnce_WithItsFirstRow(int workers)
    {
        // 10 000 rows in row groups of 2 048: value = id × 0.5, so every figure of a group is known.
        string path = Path.Combine(_folder, "log.parquet");
        DuckDbWrittenFileTests.Execute(
            $"COPY (SELECT i::INTEGER AS id, (i * 0.5)::DOUBLE AS value, 'x' AS other FROM range(10000) t(i)) TO '{path}' (FORMAT parquet, ROW_GROUP_SIZE 2048)");

        var groups = await ScanAsync(path, workers);

        Assert.Equal(Enumerable.Range(0, groups.Count), groups.Select(g => g.Group));
        Assert.Equal(10_000, groups.Sum(g => g.Rows));
        long first = 0;
        foreach (var g in groups)
        {
            Assert.Equal(first, g.First);
            long ids = (first + first + g.Rows - 1) * g.Rows / 2;
            Assert.Equal(ids, g.Ids);
            Assert.Equal(ids * 0.5, g.Sum);
            Assert.Equal(first * 0.5, g.Head);
            first += g.Rows;
        }
    }

    [Fact]
    public async Task TenDoubleColumns_HandedOverStaggeredAcrossCacheSets_WithTheirOwnValues()
    {
        // Column c<k> = id + k × 10⁶: each column's values name it, so an overlap or a swap shows. Row groups of 16 384
        // rows: the buffers are then on the large-object heap, which keeps them where they were placed.
        string path = Path.Combine(_folder, "wide.parquet");
        string columns = string.Join(", ", Enumerable.Range(0, 10).Select(k => $"(i + {k}e6)::DOUBLE AS c{k}"));
        DuckDbWrittenFileTests.Execute($"COPY (SELECT i::INTEGER AS id, {columns} FROM range(40000) t(i)) TO '{path}' (FORMAT parquet, ROW_GROUP_SIZE 16384)");
        string[] names = [.. Enumerable.Range(0, 10).Select(k => $"c{k}")];

        IReadOnlyList<List<(long[] Offsets, int Rows)>> states = await ParquetColumnScan.ScanAsync(
            path, ["id"], names, () => new List<(long[] Offsets, int Rows)>(),
            (s, b) =>
            {
                ref double first = ref MemoryMarshal.GetReference(b.Numbers(0));
                for (int k = 0; k < 10; k++)
                {
                    ReadOnlySpan<double> column = b.Numbers(k);
                    for (int j = 0; j < b.RowCount; j++)
                    {
                        Assert.Equal(b.Integers(0)[j] + (k * 1e6), column[j]);
                    }
                }

                long[] offsets = new long[10];
                for (int k = 0; k < 10; k++)
                {
                    // The columns are separate arrays, at addresses below or above the first's.
                    offsets[k] = ((Unsafe.ByteOffset(ref first, ref MemoryMarshal.GetReference(b.Numbers(k))) % 4096) + 4096) % 4096;
                }

                s.Add((offsets, b.RowCount));
            },
            degreeOfParallelism: 2);

        // 4 096 bytes over ten columns, in whole 64-byte lines: 384 bytes from one column's start to the next.
        long[] expected = [.. Enumerable.Range(0, 10).Select(k => k * 384L % 4096)];
        List<(long[] Offsets, int Rows)> batches = [.. states.SelectMany(s => s)];
        Assert.Equal(40_000, batches.Sum(b => b.Rows));
        Assert.True(batches.Count >= 2, $"{batches.Count} row groups");
        Assert.All(batches, b => Assert.Equal(expected, b.Offsets));
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(true, -1)]
    [InlineData(false, 1)]
    public async Task ColumnIndex_OutsideTheScansColumns_NamesTheArgument(bool numbers, int index)
    {
        string path = Path.Combine(_folder, "narrow.parquet");
        DuckDbWrittenFileTests.Execute($"COPY (SELECT i::INTEGER AS id, (i * 0.5)::DOUBLE AS value FROM range(100) t(i)) TO '{path}' (FORMAT parquet)");

        ArgumentOutOfRangeException error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ParquetColumnScan.ScanAsync(
            path, ["id"], ["value"], () => 0, (_, b) => _ = numbers ? b.Numbers(index).Length : b.Integers(index).Length));

        Assert.Equal("index", error.ParamName);
    }

    [Fact]
    public async Task Batch_AfterTheScan_RefusesItsColumns()
    {
        string path = Path.Combine(_folder, "kept.parquet");
        DuckDbWrittenFileTests.Execute($"COPY (SELECT i::INTEGER AS id, (i * 0.5)::DOUBLE AS value FROM range(100) t(i)) TO '{path}' (FORMAT parquet)");
        ColumnScanBatch? kept = null;

        await ParquetColumnScan.ScanAsync(path, ["id"], ["value"], () => 0, (_, b) => kept = b, degreeOfParallelism: 1);

        Assert.Throws<ObjectDisposedException>(() => kept!.Numbers(0).Length);
        Assert.Throws<ObjectDisposedException>(() => kept!.Integers(0).Length);
    }

    [Fact]
    public async Task ParquetNetFile_RequiredColumns_ReadDense()
    {
        string path = Path.Combine(_folder, "required.parquet");
        var id = new DataField<int>("id");
        var value = new DataField<double>("value");
        await using (FileStream stream = File.Create(path))
        {
            await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(id, value), stream);
            for (int g = 0; g < 3; g++)
            {
                using ParquetRowGroupWriter group = writer.CreateRowGroup();
                await group.WriteAsync<int>(id, Enumerable.Range(g * 100, 100).ToArray());
                await group.WriteAsync<double>(value, Enumerable.Range(g * 100, 100).Select(i => i * 0.25).ToArray());
            }
        }

        var groups = await ScanAsync(path, 2);

        Assert.Equal([0L, 100L, 200L], groups.Select(g => g.First));
        Assert.Equal([4950L, 14950L, 24950L], groups.Select(g => g.Ids));
        Assert.Equal([4950 * 0.25, 14950 * 0.25, 24950 * 0.25], groups.Select(g => g.Sum));
    }

    [Fact]
    public async Task Null_IsAnError_NamingColumnAndRow()
    {
        string path = Path.Combine(_folder, "nulls.parquet");
        DuckDbWrittenFileTests.Execute(
            $"COPY (SELECT i::INTEGER AS id, CASE WHEN i = 1234 THEN NULL ELSE (i * 0.5)::DOUBLE END AS value FROM range(3000) t(i)) TO '{path}' (FORMAT parquet, ROW_GROUP_SIZE 1000)");

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => ScanAsync(path, 2));

        Assert.Equal("File 'nulls.parquet', column 'value', row 1234: expected a value, found null (the fast scan does not skip rows).", error.Message);
    }

    [Fact]
    public async Task CallbackError_StopsTheScan_AndIsTheOneThrown()
    {
        string path = Path.Combine(_folder, "many.parquet");
        DuckDbWrittenFileTests.Execute($"COPY (SELECT i::INTEGER AS id, (i * 0.5)::DOUBLE AS value FROM range(100000) t(i)) TO '{path}' (FORMAT parquet, ROW_GROUP_SIZE 1000)");
        int calls = 0;

        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() => ParquetColumnScan.ScanAsync(
            path, ["id"], ["value"], () => 0,
            (_, b) =>
            {
                Interlocked.Increment(ref calls);
                if (b.RowGroup == 3)
                {
                    throw new InvalidOperationException("row group 3");
                }
            },
            2));

        Assert.Equal("row group 3", error.Message);
        Assert.True(calls < 100, $"{calls} of 100 row groups were processed after the error");
    }

    [Fact]
    public async Task WrongType_IsAnError_NamingExpectedAndActual()
    {
        string path = Path.Combine(_folder, "types.parquet");
        DuckDbWrittenFileTests.Execute($"COPY (SELECT 1::INTEGER AS id, 1.5::FLOAT AS value) TO '{path}' (FORMAT parquet)");

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => ScanAsync(path, 1));

        Assert.Equal("File 'types.parquet', column 'value': expected DOUBLE, found Single.", error.Message);
    }

    [Fact]
    public async Task MissingColumn_IsAnError_ListingTheFilesColumns()
    {
        string path = Path.Combine(_folder, "missing.parquet");
        DuckDbWrittenFileTests.Execute($"COPY (SELECT 1::INTEGER AS id, 1.5 AS amount) TO '{path}' (FORMAT parquet)");

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => ScanAsync(path, 1));

        Assert.Equal("File 'missing.parquet': column 'value' is missing; the file has id, amount.", error.Message);
    }

    [Fact]
    public async Task NotParquet_IsAnError()
    {
        string path = Path.Combine(_folder, "text.parquet");
        await File.WriteAllTextAsync(path, "facility_id,value\n1,2\n");

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => ScanAsync(path, 1));

        Assert.Equal("File 'text.parquet' is not a readable Parquet file: the file does not end in Parquet's magic PAR1 (an encrypted footer, or not Parquet).", error.Message);
    }
}
