using System.Buffers.Binary;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Parquet.Pages;

namespace Shapotou.Sdk.Parquet.Tests.Fuzz;

/// <summary>
/// Each failure issue 22 names, as a one-off mutant of an SDK- or DuckDB-written file: every reader (the table reader,
/// the column scan with either decoder, the inspector) refuses it with a <see cref="ShapotouDataException"/> within the
/// time bound, or reads what the original holds.
/// </summary>
public sealed class HostileFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-hostile-{Guid.NewGuid():N}");

    public HostileFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Every reader's outcome on a file.</summary>
    private static async Task<string[]> OutcomesAsync(string path, TableSpec table, string[] ints, string[] doubles) =>
    [
        await HostileFiles.OutcomeAsync("table reader", ct => HostileFiles.ReadTableAsync(path, table, ct)),
        await HostileFiles.OutcomeAsync("scan", ct => HostileFiles.ScanAsync(path, ints, doubles, ColumnScanDecoder.Automatic, ct)),
        await HostileFiles.OutcomeAsync("scan with Parquet.Net", ct => HostileFiles.ScanAsync(path, ints, doubles, ColumnScanDecoder.ParquetNet, ct)),
        await HostileFiles.OutcomeAsync("inspector", ct => HostileFiles.InspectAsync(path, ct)),
    ];

    private async Task<(string Path, byte[] Bytes)> SdkAsync()
    {
        string path = await HostileFiles.WriteSdkFileAsync(_folder);
        return (path, await File.ReadAllBytesAsync(path));
    }

    private static async Task<ShapotouDataException> ScanErrorAsync(string path, string[] ints, string[] doubles) =>
        await Assert.ThrowsAsync<ShapotouDataException>(() => HostileFiles.ScanAsync(path, ints, doubles, ColumnScanDecoder.Automatic, default));

    [Fact]
    public async Task FooterStopByteChanged_OnWhichParquetNetSpins_IsRefusedByEveryReader()
    {
        (string path, byte[] bytes) = await SdkAsync();

        // The footer's last byte, FileMetaData's stop, becomes the header of an i64 field: Parquet.Net reads its varint
        // past the end of the footer for ever (a byte read past the end is 0xFF, which says "more to come").
        Assert.Equal(0, bytes[^9]);
        bytes[^9] = 0x16;
        await File.WriteAllBytesAsync(path, bytes);

        Assert.All(await OutcomesAsync(path, ContractSchema.CemsHourly, [], HostileFiles.SdkDoubles), o => Assert.Equal("refused", o));
        ShapotouDataException error = await ScanErrorAsync(path, [], HostileFiles.SdkDoubles);
        Assert.StartsWith("File 'cems_hourly.parquet' is not a readable Parquet file: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FooterListDeclaring2To40Entries_IsRefusedByEveryReader()
    {
        (string path, byte[] bytes) = await SdkAsync();
        (int at, int length) = HostileFiles.Locate(bytes, 5);

        // The key-value metadata's list header: long form (size nibble 15), struct elements, 2^40 as a varint.
        byte[] header = [0xFC, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20];
        await File.WriteAllBytesAsync(path, HostileFiles.SpliceFooter(bytes, at, length, header));

        Assert.All(await OutcomesAsync(path, ContractSchema.CemsHourly, [], HostileFiles.SdkDoubles), o => Assert.Equal("refused", o));
        ShapotouDataException error = await ScanErrorAsync(path, [], HostileFiles.SdkDoubles);
        Assert.StartsWith("File 'cems_hourly.parquet' is not a readable Parquet file: a length of 1099511627776 where ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainPageRelabelledAsVersion2_IsRefusedNotDecodedWithItsLevelsAsValues()
    {
        (string path, byte[] bytes) = await SdkAsync();
        long page = FirstPage(path, rowGroup: 0, leaf: 2);

        // PageHeader field 1 (type): DATA_PAGE (zigzag 0) becomes DATA_PAGE_V2 (zigzag 6); the header keeps its v1 header.
        Assert.Equal((0x15, 0x00), (bytes[page], bytes[page + 1]));
        bytes[page + 1] = 0x06;
        await File.WriteAllBytesAsync(path, bytes);

        Assert.All(await OutcomesAsync(path, ContractSchema.CemsHourly, [], HostileFiles.SdkDoubles), o => Assert.Equal("refused", o));
        ShapotouDataException error = await ScanErrorAsync(path, [], HostileFiles.SdkDoubles);
        Assert.Equal("File 'cems_hourly.parquet', column 'so2', row group 0, page 0: a page of type DATA_PAGE_V2 without its DATA_PAGE_V2 header.", error.Message);
        ShapotouDataException read = await Assert.ThrowsAsync<ShapotouDataException>(() => ParquetTableReader.ReadAsync(path, ContractSchema.CemsHourly, default));
        Assert.Equal("File 'cems_hourly.parquet', column 'so2', row group 0, page 0: a page of type DATA_PAGE_V2 without its DATA_PAGE_V2 header.", read.Message);
    }

    [Theory]
    [InlineData(3, -2, "File 'duckdb-V1.parquet' is not a readable Parquet file: row group 0: the chunks of columns 'so2' and 'nox' overlap at byte ")] // into the chunk before
    [InlineData(5, 2, "File 'duckdb-V1.parquet', column 'small', row group 0, page 0: ")] // into its own dictionary page, the row group's last chunk
    public async Task MovedDictionaryOffset_IsRefusedByEveryReaderOfTheColumn(int leaf, int move, string expected)
    {
        string path = HostileFiles.WriteDuckDbFile(_folder);
        string[] before = await OutcomesAsync(path, ContractSchema.CemsHourly, HostileFiles.DuckDbInts, HostileFiles.DuckDbDoubles);
        byte[] bytes = await File.ReadAllBytesAsync(path);

        // Row group 0, a dictionary-encoded column: ColumnChunk.meta_data.dictionary_page_offset.
        (int at, int length) = HostileFiles.Locate(bytes, 4, 0, 1, leaf, 3, 11);
        var reader = new ThriftCompactReader(bytes.AsSpan(at, length));
        long offset = reader.ReadInt64(CompactType.I64);
        byte[] moved = HostileFiles.ZigZagVarint(offset + move);
        Assert.Equal(length, moved.Length);
        moved.CopyTo(bytes, at);
        await File.WriteAllBytesAsync(path, bytes);

        string[] after = await OutcomesAsync(path, ContractSchema.CemsHourly, HostileFiles.DuckDbInts, HostileFiles.DuckDbDoubles);
        Assert.Equal(["refused", "refused", "refused"], after[1..]);

        // The table reader reads the column only when it is of the table ('small' is not).
        Assert.Equal(leaf < 4 ? "refused" : before[0], after[0]);
        ShapotouDataException error = await ScanErrorAsync(path, HostileFiles.DuckDbInts, HostileFiles.DuckDbDoubles);
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptionalDictionaryColumnMadeRequired_IsRefusedByBothScanPaths()
    {
        string path = HostileFiles.WriteDuckDbFile(_folder);
        byte[] bytes = await File.ReadAllBytesAsync(path);

        // Schema element 5, 'id' (dictionary-encoded INT32): repetition_type OPTIONAL (zigzag 2) becomes REQUIRED (0).
        // Its pages start with their levels' length, which Parquet.Net then reads as the indices' bit width and runs.
        (int at, int length) = HostileFiles.Locate(bytes, 2, 5, 3);
        Assert.Equal((1, (byte)0x02), (length, bytes[at]));
        bytes[at] = 0x00;
        await File.WriteAllBytesAsync(path, bytes);

        ShapotouDataException fast = await ScanErrorAsync(path, HostileFiles.DuckDbInts, HostileFiles.DuckDbDoubles);
        ShapotouDataException reference = await Assert.ThrowsAsync<ShapotouDataException>(() => HostileFiles.ScanAsync(path, HostileFiles.DuckDbInts, HostileFiles.DuckDbDoubles, ColumnScanDecoder.ParquetNet, default));

        // Two workers: whichever row group fails first is the one named.
        Assert.Matches(@"^File 'duckdb-V1\.parquet', column 'id', row group [0-2], page 1: an empty run\.$", fast.Message);
        Assert.Matches(@"^File 'duckdb-V1\.parquet', column 'id', row group [0-2], page 1: dictionary indices of [0-9]+ bits whose first run is empty; a required column's page starts with them\.$", reference.Message);
    }

    [Fact]
    public async Task SnappyPageLongerThanItsHeaderStates_IsRefusedByEveryReader()
    {
        (string path, byte[] bytes) = await SdkAsync();
        long page = FirstPage(path, rowGroup: 0, leaf: 2);
        PageHeader header = PageHeader.Read(bytes.AsSpan((int)page), out _);

        // PageHeader field 2 (uncompressed_page_size), one byte less than the Snappy stream holds.
        Assert.Equal(0x15, bytes[page + 2]);
        byte[] original = HostileFiles.ZigZagVarint(header.UncompressedSize);
        byte[] shorter = HostileFiles.ZigZagVarint(header.UncompressedSize - 1);
        Assert.Equal(original.Length, shorter.Length);
        shorter.CopyTo(bytes, page + 3);
        await File.WriteAllBytesAsync(path, bytes);

        Assert.All(await OutcomesAsync(path, ContractSchema.CemsHourly, [], HostileFiles.SdkDoubles), o => Assert.Equal("refused", o));
        ShapotouDataException error = await ScanErrorAsync(path, [], HostileFiles.SdkDoubles);
        Assert.Equal($"File 'cems_hourly.parquet', column 'so2', row group 0, page 0: a Snappy page that decompresses to {header.UncompressedSize} bytes; its header states {header.UncompressedSize - 1}.", error.Message);
    }

    [Theory]
    [InlineData(1L << 28)]
    [InlineData(1L << 30)]
    public async Task RowGroupDeclaringHundredsOfMillionsOfRows_IsRefusedBeforeAnyBufferIsSized(long rows)
    {
        (string path, byte[] bytes) = await SdkAsync();
        (int at, int length) = HostileFiles.Locate(bytes, 4, 0, 3);
        await File.WriteAllBytesAsync(path, HostileFiles.SpliceFooter(bytes, at, length, HostileFiles.ZigZagVarint(rows)));

        Assert.All(await OutcomesAsync(path, ContractSchema.CemsHourly, [], HostileFiles.SdkDoubles), o => Assert.Equal("refused", o));
        ShapotouDataException error = await ScanErrorAsync(path, [], HostileFiles.SdkDoubles);
        Assert.Equal($"File 'cems_hourly.parquet' is not a readable Parquet file: row group 0, column 'outlet_id' holds 1000 values; the row group has {rows} rows.", error.Message);
    }

    [Fact]
    public async Task RowGroupAndChunksDeclaring2To28Rows_AreRefusedByTheirPages_BeforeAnyBufferIsSized()
    {
        // Every figure of the footer agrees (the row group's, the chunks' and the file's rows): the pages hold 1 000.
        (string path, byte[] bytes) = await SdkAsync();
        const long Rows = 1L << 28;
        foreach (int[] field in new[] { new[] { 3 }, [4, 2, 3], [4, 2, 1, 3, 3, 5], [4, 2, 1, 2, 3, 5], [4, 2, 1, 1, 3, 5], [4, 2, 1, 0, 3, 5] })
        {
            (int at, int length) = HostileFiles.Locate(bytes, field);
            var reader = new ThriftCompactReader(bytes.AsSpan(at, length));
            long value = reader.ReadInt64(CompactType.I64);
            bytes = HostileFiles.SpliceFooter(bytes, at, length, HostileFiles.ZigZagVarint(value + Rows - 1000));
        }

        await File.WriteAllBytesAsync(path, bytes);

        Assert.All(await OutcomesAsync(path, ContractSchema.CemsHourly, [], HostileFiles.SdkDoubles), o => Assert.Equal("refused", o));
        ShapotouDataException error = await ScanErrorAsync(path, [], HostileFiles.SdkDoubles);
        Assert.Equal($"File 'cems_hourly.parquet', column 'so2', row group 2, page 1: the chunk ends after 1000 of its {Rows} values.", error.Message);
        ShapotouDataException read = await Assert.ThrowsAsync<ShapotouDataException>(() => ParquetTableReader.ReadAsync(path, ContractSchema.CemsHourly, default));
        Assert.Equal($"File 'cems_hourly.parquet', column 'outlet_id', row group 2, page 1: the chunk ends after 1000 of its {Rows} values.", read.Message);
    }

    [Fact]
    public async Task FieldIdBeyondInt16_IsSkippedAsOtherReadersSkipIt()
    {
        (string path, byte[] bytes) = await SdkAsync();
        string[] before = await OutcomesAsync(path, ContractSchema.CemsHourly, [], HostileFiles.SdkDoubles);

        // Before FileMetaData's stop: an i64 field whose long-form id (40 000) is beyond an i16. Thrift's readers cut it
        // to 16 bits, an id FileMetaData does not declare, and skip the field; the SDK's footer reader threw an overflow.
        byte[] field = [0x06, .. HostileFiles.ZigZagVarint(40_000), 0x02];
        await File.WriteAllBytesAsync(path, HostileFiles.SpliceFooter(bytes, bytes.Length - 9, 0, field));

        Assert.Equal(before, await OutcomesAsync(path, ContractSchema.CemsHourly, [], HostileFiles.SdkDoubles));
        Assert.DoesNotContain("refused", before);
    }

    [Fact]
    public async Task StringLengthBeyondInt32_IsRefusedNotAnOverflow()
    {
        (string path, byte[] bytes) = await SdkAsync();

        // FileMetaData.created_by's length varint becomes 2^33.
        (int at, _) = HostileFiles.Locate(bytes, 6);
        var reader = new ThriftCompactReader(bytes.AsSpan(at));
        int length = reader.ReadBinary(CompactType.Binary).Length;
        int prefix = reader.Position - length;
        await File.WriteAllBytesAsync(path, HostileFiles.SpliceFooter(bytes, at, prefix, [0x80, 0x80, 0x80, 0x80, 0x20]));

        Assert.All(await OutcomesAsync(path, ContractSchema.CemsHourly, [], HostileFiles.SdkDoubles), o => Assert.Equal("refused", o));
        ShapotouDataException error = await ScanErrorAsync(path, [], HostileFiles.SdkDoubles);
        Assert.StartsWith("File 'cems_hourly.parquet' is not a readable Parquet file: a length of 8589934592 where ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageCrc_IsVerified_WhenAPageHasOne()
    {
        // A PLAIN page of two doubles with a CRC-32 field, decoded straight; then its CRC off by one bit.
        byte[] values = [.. BitConverter.GetBytes(1.5), .. BitConverter.GetBytes(-2.25)];
        uint crc = System.IO.Hashing.Crc32.HashToUInt32(values);
        byte[] Page(uint checksum) =>
        [
            0x15, 0x00, 0x15, 0x20, 0x15, 0x20, 0x15, .. HostileFiles.ZigZagVarint((int)checksum),
            0x1C, 0x15, 0x04, 0x15, 0x00, 0x15, 0x06, 0x00, 0x00, .. values,
        ];
        string path = Path.Combine(_folder, "crc.bin");
        using var decoder = new ColumnChunkDecoder();
        double[] destination = new double[2];

        await File.WriteAllBytesAsync(path, Page(crc));
        using (Microsoft.Win32.SafeHandles.SafeFileHandle handle = File.OpenHandle(path))
        {
            byte[] good = Page(crc);
            decoder.Decode(handle, new ChunkInfo(0, good.Length, Codec.Uncompressed, true, DataOffset: 0), false, destination.AsSpan());
        }

        Assert.Equal([1.5, -2.25], destination);

        await File.WriteAllBytesAsync(path, Page(crc ^ 1));
        using (Microsoft.Win32.SafeHandles.SafeFileHandle handle = File.OpenHandle(path))
        {
            byte[] bad = Page(crc ^ 1);
            PageFormatException error = Assert.Throws<PageFormatException>(() => decoder.Decode(handle, new ChunkInfo(0, bad.Length, Codec.Uncompressed, true, DataOffset: 0), false, destination.AsSpan()));
            Assert.Equal($"the page's CRC-32 is {crc:x8}; its header states {crc ^ 1:x8}", error.Message);
            Assert.False(error.Unsupported);
        }
    }

    /// <summary>The offset of the first page of a column chunk, as the footer states it.</summary>
    private static long FirstPage(string path, int rowGroup, int leaf)
    {
        using Microsoft.Win32.SafeHandles.SafeFileHandle handle = File.OpenHandle(path);
        string[] all = [.. FileFooter.Read(handle, []).Columns.Select(c => c.Path)];
        return FileFooter.Read(handle, all).Chunk(rowGroup, leaf).Start;
    }
}
