using Shapotou.Sdk.Parquet.Pages;

namespace Shapotou.Sdk.Parquet.Tests;

/// <summary>What other writers do that the checks allow: old parquet-mr chunk sizes, repetition levels of a flat column.</summary>
public sealed class ChunkCheckTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-chunk-{Guid.NewGuid():N}");

    public ChunkCheckTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("parquet-mr", 100)] // no version: older than any fixed one
    [InlineData("parquet-mr version 1.2.8 (build 123abc)", 100)] // the last version with PARQUET-816
    [InlineData("parquet-mr version 1.2.9 (build 123abc)", 0)] // the fix
    [InlineData("parquet-mr version 1.12.3 (build f8dced182c4c1fbdec6ccb3185537b5a01e6ed6b)", 0)]
    [InlineData("parquet-cpp-arrow version 14.0.2", 0)] // another writer
    [InlineData(null, 0)]
    public void Slack_OnlyForParquetMrBefore129(string? createdBy, int expected)
    {
        Assert.Equal(expected, ChunkCheck.Slack(createdBy));
    }

    [Fact]
    public void Version2Page_WithRepetitionLevelsInAFlatColumn_IsLeftToParquetNet_AndPassesTheChunkCheck()
    {
        // PageHeader { 1: DATA_PAGE_V2, 2: 18, 3: 18, 8: { 1: 2 values, 2: 0 nulls, 3: 2 rows, 4: PLAIN, 5: 0, 6: 2, 7: false } },
        // then two bytes of (empty) repetition levels and two doubles: what some writers write for a flat column.
        byte[] page =
        [
            0x15, 0x06, 0x15, 0x24, 0x15, 0x24, 0x5C,
            0x15, 0x04, 0x15, 0x00, 0x15, 0x04, 0x15, 0x00, 0x15, 0x00, 0x15, 0x04, 0x12, 0x00, 0x00,
            0x02, 0x00, .. BitConverter.GetBytes(1.5), .. BitConverter.GetBytes(2.5),
        ];
        string path = Path.Combine(_folder, "page.bin");
        File.WriteAllBytes(path, page);
        var chunk = new ChunkInfo(0, page.Length, Codec.Uncompressed, true);
        using Microsoft.Win32.SafeHandles.SafeFileHandle handle = File.OpenHandle(path);
        using var decoder = new ColumnChunkDecoder();

        PageFormatException error = Assert.Throws<PageFormatException>(() => decoder.Decode(handle, chunk, false, new double[2].AsSpan()));
        ChunkCheck.Check(handle, chunk, 2, 0, new ChunkCheck.ColumnLevels(8, 0, 0), out int pages);

        Assert.Equal("repetition levels of 2 bytes in a flat column", error.Message);
        Assert.True(error.Unsupported);
        Assert.Equal(1, pages);
    }

    [Fact]
    public void RequiredColumnsPlainPage_LongerThanItsValues_IsRefused()
    {
        // The same page as version 1 with 4 bytes of definition levels' length before the values: what a footer that
        // made an optional column required hands the reader.
        byte[] page =
        [
            0x15, 0x00, 0x15, 0x28, 0x15, 0x28, 0x2C, 0x15, 0x04, 0x15, 0x00, 0x15, 0x06, 0x00, 0x00,
            0x02, 0x00, 0x00, 0x00, .. BitConverter.GetBytes(1.5), .. BitConverter.GetBytes(2.5),
        ];
        string path = Path.Combine(_folder, "page.bin");
        File.WriteAllBytes(path, page);
        using Microsoft.Win32.SafeHandles.SafeFileHandle handle = File.OpenHandle(path);

        PageFormatException error = Assert.Throws<PageFormatException>(() => ChunkCheck.Check(handle, new ChunkInfo(0, page.Length, Codec.Uncompressed, false), 2, 0, new ChunkCheck.ColumnLevels(8, 0, 0), out _));

        Assert.Equal("a PLAIN page of 2 values of 8 bytes stated as 20 bytes; the column has no levels", error.Message);
    }
}
