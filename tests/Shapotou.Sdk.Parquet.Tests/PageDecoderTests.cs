using Parquet;
using Parquet.Schema;
using Shapotou.Sdk.Parquet.Pages;

namespace Shapotou.Sdk.Parquet.Tests;

/// <summary>
/// The column scan's page decoder: the same values as Parquet.Net on every layout other writers produce, the layouts
/// it leaves to Parquet.Net, nulls named in every page kind, and the encodings' published examples.
/// </summary>
public sealed class PageDecoderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-pages-{Guid.NewGuid():N}");

    public PageDecoderTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Every row's values in row order, and per column whether the page decoder read every row group.</summary>
    private static async Task<(int[][] Ints, double[][] Doubles, bool[] IntsDecoded, bool[] DoublesDecoded)> ReadAllAsync(
        string path, string[] ints, string[] doubles, ColumnScanDecoder decoder, int workers = 2)
    {
        var groups = new System.Collections.Concurrent.ConcurrentBag<(long First, int[][] Ints, double[][] Doubles, bool[] IntsDecoded, bool[] DoublesDecoded)>();
        await ParquetColumnScan.ScanAsync(
            path, ints, doubles, () => 0,
            (_, b) => groups.Add((
                b.FirstRow,
                [.. ints.Select((_, c) => b.Integers(c).ToArray())],
                [.. doubles.Select((_, c) => b.Numbers(c).ToArray())],
                [.. ints.Select((_, c) => b.IsIntegerColumnPageDecoded(c))],
                [.. doubles.Select((_, c) => b.IsNumberColumnPageDecoded(c))])),
            workers,
            decoder);
        var ordered = groups.OrderBy(g => g.First).ToList();
        return (
            [.. ints.Select((_, c) => ordered.SelectMany(g => g.Ints[c]).ToArray())],
            [.. doubles.Select((_, c) => ordered.SelectMany(g => g.Doubles[c]).ToArray())],
            [.. ints.Select((_, c) => ordered.All(g => g.IntsDecoded[c]))],
            [.. doubles.Select((_, c) => ordered.All(g => g.DoublesDecoded[c]))]);
    }

    private static readonly string[] s_ints = ["id", "small"];
    private static readonly string[] s_doubles = ["value", "grade", "whole"];

    /// <summary>
    /// 50 000 rows: <c>id</c> (1 000 distinct, dictionary-encoded, 10-bit indices), <c>small</c> (one distinct value:
    /// 0-bit indices), <c>value</c> (distinct doubles, PLAIN), <c>grade</c> (7 distinct doubles, dictionary), <c>whole</c>
    /// (integral doubles).
    /// </summary>
    private static string Select(int rows) =>
        $"SELECT (i % 1000)::INTEGER AS id, 7::INTEGER AS small, (i::DOUBLE * 1.000001::DOUBLE + 0.25::DOUBLE) AS value, ((i % 7) * 0.25)::DOUBLE AS grade, (i // 3)::DOUBLE AS whole FROM range({rows}) t(i)";

    [Theory]
    [InlineData("uncompressed", 100_000, "V1")]
    [InlineData("snappy", 100_000, "V1")]
    [InlineData("snappy", 4_000, "V1")]
    [InlineData("zstd", 100_000, "V1")]
    [InlineData("zstd", 4_000, "V1")]
    [InlineData("snappy", 100_000, "V2")]
    [InlineData("uncompressed", 4_000, "V2")]
    public async Task DuckDbLayouts_DecodedBySdk_EqualToParquetNet(string compression, int rowGroupSize, string version)
    {
        string path = Path.Combine(_folder, $"{compression}-{rowGroupSize}-{version}.parquet");
        DuckDbWrittenFileTests.Execute($"COPY ({Select(50_000)}) TO '{path}' (FORMAT parquet, COMPRESSION {compression}, ROW_GROUP_SIZE {rowGroupSize}, PARQUET_VERSION {version})");

        var sdk = await ReadAllAsync(path, s_ints, s_doubles, ColumnScanDecoder.Automatic);
        var reference = await ReadAllAsync(path, s_ints, s_doubles, ColumnScanDecoder.ParquetNet);

        Assert.Equal(reference.Ints, sdk.Ints);
        Assert.Equal(reference.Doubles, sdk.Doubles);
        Assert.Equal(Enumerable.Range(0, 50_000).Select(i => i % 1000), sdk.Ints[0]);
        Assert.Equal(Enumerable.Range(0, 50_000).Select(i => (i * 1.000001) + 0.25), sdk.Doubles[0]);
        Assert.Equal(Enumerable.Range(0, 50_000).Select(i => i % 7 * 0.25), sdk.Doubles[1]);
        Assert.All(reference.IntsDecoded.Concat(reference.DoublesDecoded), Assert.False);

        // Version 1: PLAIN and dictionary values; version 2 adds BYTE_STREAM_SPLIT doubles and DELTA_BINARY_PACKED ints.
        Assert.All(sdk.IntsDecoded.Concat(sdk.DoublesDecoded), Assert.True);
    }

    [Fact]
    public async Task Gzip_IsLeftToParquetNet_WithTheSameValues()
    {
        string path = Path.Combine(_folder, "gzip.parquet");
        DuckDbWrittenFileTests.Execute($"COPY ({Select(10_000)}) TO '{path}' (FORMAT parquet, COMPRESSION gzip)");

        var sdk = await ReadAllAsync(path, s_ints, s_doubles, ColumnScanDecoder.Automatic);

        Assert.All(sdk.IntsDecoded.Concat(sdk.DoublesDecoded), Assert.False);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => (i * 1.000001) + 0.25), sdk.Doubles[0]);
    }

    [Theory]
    [InlineData(CompressionMethod.None, true, true)]
    [InlineData(CompressionMethod.Snappy, true, true)]
    [InlineData(CompressionMethod.Snappy, false, true)]
    [InlineData(CompressionMethod.Zstd, false, true)]
    [InlineData(CompressionMethod.Gzip, true, false)]
    public async Task ParquetNetFiles_RequiredAndOptional(CompressionMethod compression, bool required, bool decoded)
    {
        string path = Path.Combine(_folder, $"parquet-net-{compression}-{required}.parquet");
        DataField id = required ? new DataField<int>("id") : new DataField<int?>("id");
        DataField value = required ? new DataField<double>("value") : new DataField<double?>("value");
        await using (FileStream stream = File.Create(path))
        {
            await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(id, value), stream, new ParquetOptions { CompressionMethod = compression });
            for (int g = 0; g < 3; g++)
            {
                using ParquetRowGroupWriter group = writer.CreateRowGroup();
                int[] ids = [.. Enumerable.Range(g * 20_000, 20_000).Select(i => i % 1000)];
                double[] values = [.. Enumerable.Range(g * 20_000, 20_000).Select(i => i * 0.125)];
                if (required)
                {
                    await group.WriteAsync<int>(id, ids);
                    await group.WriteAsync<double>(value, values);
                }
                else
                {
                    await group.WriteAsync<int>(id, ids.Select(i => (int?)i).ToArray());
                    await group.WriteAsync<double>(value, values.Select(v => (double?)v).ToArray());
                }
            }
        }

        var sdk = await ReadAllAsync(path, ["id"], ["value"], ColumnScanDecoder.Automatic);

        Assert.Equal(Enumerable.Range(0, 60_000).Select(i => i % 1000), sdk.Ints[0]);
        Assert.Equal(Enumerable.Range(0, 60_000).Select(i => i * 0.125), sdk.Doubles[0]);
        Assert.Equal(decoded, sdk.IntsDecoded[0]);
        Assert.Equal(decoded, sdk.DoublesDecoded[0]);
    }

    [Theory]
    [InlineData("V1", "id", 31_337)]
    [InlineData("V1", "value", 0)]
    [InlineData("V1", "value", 49_999)]
    [InlineData("V2", "value", 12_345)]
    public async Task Null_InAnyPageKind_IsAnError_NamingTheRow(string version, string column, int row)
    {
        string path = Path.Combine(_folder, $"null-{version}-{column}-{row}.parquet");
        string select = $"SELECT CASE WHEN i = {row} AND '{column}' = 'id' THEN NULL ELSE (i % 1000)::INTEGER END AS id, 7::INTEGER AS small, " +
            $"CASE WHEN i = {row} AND '{column}' = 'value' THEN NULL ELSE (i * 0.5)::DOUBLE END AS value, 0.5::DOUBLE AS grade, 1.0::DOUBLE AS whole FROM range(50000) t(i)";
        DuckDbWrittenFileTests.Execute($"COPY ({select}) TO '{path}' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 20000, PARQUET_VERSION {version})");

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => ReadAllAsync(path, s_ints, s_doubles, ColumnScanDecoder.Automatic));

        Assert.Equal($"File '{Path.GetFileName(path)}', column '{column}', row {row}: expected a value, found null (the fast scan does not skip rows).", error.Message);
    }

    [Fact]
    public async Task CorruptPage_IsRefusedByBothDecoders_NamingFileColumnRowGroupAndPage()
    {
        string path = Path.Combine(_folder, "corrupt.parquet");
        DuckDbWrittenFileTests.Execute($"COPY ({Select(10_000)}) TO '{path}' (FORMAT parquet, COMPRESSION snappy)");
        long offset;
        await using (FileStream stream = File.OpenRead(path))
        {
            await using ParquetReader reader = await ParquetReader.CreateAsync(stream);
            offset = reader.Metadata!.RowGroups[0].Columns[2].MetaData!.DataPageOffset;
        }

        // The Snappy stream's first byte (its uncompressed length) off by one: neither decoder reads the page, and the page
        // decoder refuses it rather than leave it to Parquet.Net.
        byte[] bytes = await File.ReadAllBytesAsync(path);
        PageHeader header = PageHeader.Read(bytes.AsSpan((int)offset), out int headerLength);
        Assert.Equal(PageType.DataPage, header.Type);
        bytes[offset + headerLength] ^= 1;
        await File.WriteAllBytesAsync(path, bytes);

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => ReadAllAsync(path, s_ints, s_doubles, ColumnScanDecoder.Automatic));
        ShapotouDataException reference = await Assert.ThrowsAsync<ShapotouDataException>(() => ReadAllAsync(path, s_ints, s_doubles, ColumnScanDecoder.ParquetNet));

        Assert.Equal(
            $"File 'corrupt.parquet', column 'value', row group 0, page 0: a Snappy page that decompresses to {header.UncompressedSize ^ 1} bytes; its header states {header.UncompressedSize}.",
            error.Message);
        Assert.Equal(error.Message, reference.Message);
    }

    [Theory]
    [InlineData("V1")]
    [InlineData("V2")]
    public async Task Footer_ReadByTheSdk_AgreesWithParquetNet(string version)
    {
        string path = Path.Combine(_folder, $"footer-{version}.parquet");
        DuckDbWrittenFileTests.Execute($"COPY ({Select(30_000)}) TO '{path}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 7000, PARQUET_VERSION {version})");

        FileFooter footer;
        using (Microsoft.Win32.SafeHandles.SafeFileHandle handle = File.OpenHandle(path))
        {
            footer = FileFooter.Read(handle, ["id", "value"]);
        }

        await using FileStream stream = File.OpenRead(path);
        await using ParquetReader reader = await ParquetReader.CreateAsync(stream);
        Assert.Equal(["id", "small", "value", "grade", "whole"], footer.Columns.Select(c => c.Path));
        Assert.All(footer.Columns, c => Assert.Equal((1, 0), (c.MaxDefinitionLevel, c.MaxRepetitionLevel)));
        Assert.Equal(reader.Metadata!.RowGroups.Select(g => g.NumRows), footer.RowGroupRows);
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            foreach (int leaf in new[] { 0, 2 })
            {
                global::Parquet.Meta.ColumnMetaData meta = reader.Metadata.RowGroups[g].Columns[leaf].MetaData!;
                long start = meta.DictionaryPageOffset is > 0 and long d && d < meta.DataPageOffset ? d : meta.DataPageOffset;
                Assert.Equal((start, (int)meta.TotalCompressedSize, Codec.Zstd), (footer.Chunk(g, leaf).Start, footer.Chunk(g, leaf).Length, footer.Chunk(g, leaf).Codec));

                // The same chunk as the check before Parquet.Net reads it sees it, offsets and encodings included.
                Assert.Equal(ChunkCheck.FromMetadata(reader.Metadata.RowGroups[g].Columns[leaf]) with { Decodable = true }, footer.Chunk(g, leaf));
            }

            // Columns not asked for are not kept.
            Assert.False(footer.Chunk(g, 1).Decodable);
        }
    }

    [Fact]
    public async Task Footer_WalksGroups_ToTheLeavesAfterThem()
    {
        // A struct and a list before the scanned columns: their leaves sit between, at depth 2 and 3.
        string path = Path.Combine(_folder, "nested.parquet");
        DuckDbWrittenFileTests.Execute($"COPY (SELECT {{'x': i::DOUBLE, 'y': 'a'}} AS s, [i, i + 1] AS l, (i % 1000)::INTEGER AS id, i::DOUBLE / 4 AS value FROM range(3000) t(i)) TO '{path}' (FORMAT parquet)");

        FileFooter footer;
        using (Microsoft.Win32.SafeHandles.SafeFileHandle handle = File.OpenHandle(path))
        {
            footer = FileFooter.Read(handle, ["id", "value"]);
        }

        var sdk = await ReadAllAsync(path, ["id"], ["value"], ColumnScanDecoder.Automatic);

        Assert.Equal(["s.x", "s.y", "l.list.element", "id", "value"], footer.Columns.Select(c => c.Path));
        Assert.Equal([2, 2, 3, 1, 1], footer.Columns.Select(c => c.Depth));
        Assert.Equal([(2, 0), (2, 0), (3, 1), (1, 0), (1, 0)], footer.Columns.Select(c => (c.MaxDefinitionLevel, c.MaxRepetitionLevel)));
        Assert.True(sdk.IntsDecoded[0] && sdk.DoublesDecoded[0]);
        Assert.Equal(Enumerable.Range(0, 3000).Select(i => i / 4.0), sdk.Doubles[0]);
    }

    [Fact]
    public async Task AnnotatedInt32_IsLeftToParquetNetsTypeCheck()
    {
        string path = Path.Combine(_folder, "date.parquet");
        DuckDbWrittenFileTests.Execute($"COPY (SELECT DATE '2024-01-01' + (i % 10)::INTEGER AS id, i * 0.5 AS value FROM range(100) t(i)) TO '{path}' (FORMAT parquet)");

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => ReadAllAsync(path, ["id"], ["value"], ColumnScanDecoder.Automatic));

        Assert.Equal("File 'date.parquet', column 'id': expected INT32, found DateOnly.", error.Message);
    }

    [Theory]
    [InlineData("snappy", "page decoder")]
    [InlineData("gzip", "Parquet.Net (GZIP: a codec, encoding or nesting the page decoder leaves)")]
    public async Task Inspector_SaysHowTheFastScanReadsEachColumn(string compression, string expected)
    {
        string path = Path.Combine(_folder, $"inspect-{compression}.parquet");
        DuckDbWrittenFileTests.Execute($"COPY (SELECT (i % 1000)::INTEGER AS id, i::DOUBLE AS value, 'x' || i AS name, DATE '2024-01-01' AS day FROM range(5000) t(i)) TO '{path}' (FORMAT parquet, COMPRESSION {compression}, ROW_GROUP_SIZE 2000)");

        ParquetInspection inspection = await ParquetInspector.InspectAsync(path);

        Assert.Equal([expected, expected, null, null], inspection.Columns.Select(c => c.FastScan));
    }

    [Fact]
    public void Hybrid_BitPackedExample_FromTheParquetSpecification()
    {
        // Encodings.md: the values 0…7 bit-packed at width 3 are 10001000 11000110 11111010; header (1 group << 1) | 1.
        int[] values = new int[8];

        RleBitPackedHybrid.Decode([0x03, 0x88, 0xC6, 0xFA], 3, values);

        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], values);
    }

    [Fact]
    public void Hybrid_RleRunsAndPackedGroups_Mixed()
    {
        // Five 300s (width 10: two value bytes), then one packed group of 1, 2, …, 8 at width 10 (10 bytes), read as 11 values.
        var bytes = new List<byte> { 5 << 1, 300 & 0xFF, 300 >> 8, 0x03 };
        ulong low = 0, high = 0;
        for (int i = 0; i < 8; i++)
        {
            int bit = i * 10;
            ulong v = (ulong)(i + 1);
            if (bit < 64)
            {
                low |= v << bit;
                if (bit + 10 > 64)
                {
                    high |= v >> (64 - bit);
                }
            }
            else
            {
                high |= v << (bit - 64);
            }
        }

        bytes.AddRange(BitConverter.GetBytes(low));
        bytes.AddRange(BitConverter.GetBytes(high).Take(2));
        int[] values = new int[11];

        RleBitPackedHybrid.Decode(bytes.ToArray(), 10, values);

        Assert.Equal([300, 300, 300, 300, 300, 1, 2, 3, 4, 5, 6], values);
    }

    [Theory]
    [InlineData(new byte[] { 20 << 1, 1 }, 20, -1)]
    [InlineData(new byte[] { 10 << 1, 1, 10 << 1, 0 }, 20, 10)]
    [InlineData(new byte[] { 0x05, 0xFF, 0xEF }, 16, 12)]
    [InlineData(new byte[] { 0x05, 0xFF, 0x7F }, 15, -1)]
    [InlineData(new byte[] { 0x05, 0xFF, 0x7F }, 16, 15)]
    public void Hybrid_FirstNull_InRunsAndPackedBits(byte[] levels, int count, int expected)
    {
        Assert.Equal(expected, RleBitPackedHybrid.FirstNull(levels, count));
    }

    [Theory]
    [InlineData(new byte[] { 0x03, 0x88 }, 3, "the runs end inside a bit-packed group")]
    [InlineData(new byte[] { 0x00 }, 3, "an empty run")]
    [InlineData(new byte[] { 0x0A }, 10, "the runs end inside a repeated value")]
    [InlineData(new byte[] { 0x80 }, 3, "the runs end inside a run header")]
    public void Hybrid_Malformed_IsAPageFormatError(byte[] data, int bitWidth, string message)
    {
        PageFormatException error = Assert.Throws<PageFormatException>(() => RleBitPackedHybrid.Decode(data, bitWidth, new int[8]));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Delta_ExampleFromTheParquetSpecification()
    {
        // Encodings.md, example 2: 7, 5, 3, 1, 2, 3, 4, 5 → deltas −2, −2, −2, 1, 1, 1, 1; min −2; relative 0, 0, 0, 3, 3, 3, 3
        // at width 2. Header: block 128, 4 miniblocks, 8 values, first 7 (zigzag 14); block: min −2 (zigzag 3), widths 2, 0, 0, 0,
        // then the 32-value miniblock at 2 bits (8 bytes): 0b11_00_00_00, 0b11_11_11, zeros.
        byte[] data = [0x80, 0x01, 0x04, 0x08, 0x0E, 0x03, 0x02, 0x00, 0x00, 0x00, 0xC0, 0x3F, 0, 0, 0, 0, 0, 0];
        int[] values = new int[8];

        DeltaBinaryPacked.Decode(data, values);

        Assert.Equal([7, 5, 3, 1, 2, 3, 4, 5], values);
    }

    [Fact]
    public void Delta_WrapsAroundInt32_AsWritersComputeIt()
    {
        // int.MaxValue then int.MinValue: the delta +1 wraps. Block 128 / 4 miniblocks; first value zigzag(2^31 − 1);
        // min delta 1 (zigzag 2), widths 0: every delta is the minimum.
        byte[] data = [0x80, 0x01, 0x04, 0x03, 0xFE, 0xFF, 0xFF, 0xFF, 0x0F, 0x02, 0, 0, 0, 0];
        int[] values = new int[3];

        DeltaBinaryPacked.Decode(data, values);

        Assert.Equal([int.MaxValue, int.MinValue, int.MinValue + 1], values);
    }

    [Fact]
    public void PageHeader_CompactThrift_WithStatisticsSkipped()
    {
        // PageHeader { 1: DATA_PAGE, 2: 800, 3: 420, 5: DataPageHeader { 1: 100, 2: RLE_DICTIONARY, 3: RLE, 4: BIT_PACKED,
        // 5: Statistics { 1: binary "abcdefgh", 3: i64 0 } } }, all as the compact protocol writes them (zigzag varints).
        byte[] bytes =
        [
            0x15, 0x00, 0x15, 0xC0, 0x0C, 0x15, 0xC8, 0x06, 0x2C,
            0x15, 0xC8, 0x01, 0x15, 0x10, 0x15, 0x06, 0x15, 0x08,
            0x1C, 0x18, 0x08, (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f', (byte)'g', (byte)'h', 0x26, 0x00, 0x00,
            0x00, 0x00, 0xEE,
        ];

        PageHeader header = PageHeader.Read(bytes, out int length);

        Assert.Equal(bytes.Length - 1, length);
        Assert.Equal(PageType.DataPage, header.Type);
        Assert.Equal(800, header.UncompressedSize);
        Assert.Equal(420, header.CompressedSize);
        Assert.Equal(100, header.ValueCount);
        Assert.Equal(PageEncoding.RleDictionary, header.Encoding);
        Assert.Equal(PageEncoding.Rle, header.DefinitionLevelEncoding);
    }

    [Theory]
    [InlineData(0, 1_000_000_000, 10, "a page of 10 values stated as 1000000000 bytes")]
    [InlineData(2, 80_000_000, 10_000_000, "a dictionary of 10000000 entries for 10 rows")]
    public void ImplausibleSizes_AreRefusedBeforeAnyBufferIsRented(int pageType, int uncompressed, int values, string message)
    {
        // PageHeader { 1: type, 2: uncompressed, 3: compressed 4, 5 or 7: { 1: values, 2: PLAIN, 3: RLE } } and four bytes of page.
        var bytes = new List<byte> { 0x15, (byte)(pageType * 2), 0x15 };
        for (ulong v = (ulong)uncompressed * 2; ; v >>= 7)
        {
            bytes.Add((byte)(v < 0x80 ? v : (v & 0x7F) | 0x80));
            if (v < 0x80)
            {
                break;
            }
        }

        bytes.AddRange([0x15, 0x08, (byte)(pageType == 2 ? 0x4C : 0x2C), 0x15]);
        for (ulong v = (ulong)values * 2; ; v >>= 7)
        {
            bytes.Add((byte)(v < 0x80 ? v : (v & 0x7F) | 0x80));
            if (v < 0x80)
            {
                break;
            }
        }

        // Encoding PLAIN, then the data page's definition level encoding RLE or the dictionary page's is_sorted false.
        bytes.AddRange(pageType == 2 ? [0x15, 0x00, 0x12, 0x00, 0x00, 1, 2, 3, 4] : [0x15, 0x00, 0x15, 0x06, 0x00, 0x00, 1, 2, 3, 4]);
        string path = Path.Combine(_folder, "implausible.bin");
        File.WriteAllBytes(path, [.. bytes]);
        using Microsoft.Win32.SafeHandles.SafeFileHandle handle = File.OpenHandle(path);
        using var decoder = new ColumnChunkDecoder();

        PageFormatException error = Assert.Throws<PageFormatException>(() => decoder.Decode(handle, new ChunkInfo(0, bytes.Count, Codec.Snappy, true), false, new double[10].AsSpan()));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void PageHeader_Truncated_IsAPageFormatError()
    {
        PageFormatException error = Assert.Throws<PageFormatException>(() => PageHeader.Read([0x15, 0x00, 0x15], out _));

        Assert.Equal("the page header is truncated", error.Message);
    }
}
