using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Shapotou.Sdk.Parquet.Buffers;

namespace Shapotou.Sdk.Parquet.Tests.Buffers;

public sealed class ColumnBuffersTests
{
    [Theory]
    [InlineData(1, 4096)]
    [InlineData(2, 2048)]
    [InlineData(10, 384)]
    [InlineData(11, 320)]
    [InlineData(64, 64)]
    [InlineData(100, 64)]
    public void SpacingBytes_IsTheSetPeriodOverTheColumnsInWholeLines(int columns, int expected)
    {
        using var buffers = new ColumnBuffers<double>(columns, 1000);

        Assert.Equal(expected, buffers.SpacingBytes);
    }

    // Lengths of 85 000 bytes or more: on the large-object heap, which does not move the arrays after they are placed.
    [Theory]
    [InlineData(10, 122_880)]
    [InlineData(11, 131_072)]
    [InlineData(3, 1_000_000)]
    [InlineData(2, 10_625)]
    public void Columns_StartTheSpacingApartModuloTheSetPeriod_OnWholeLines(int columns, int length)
    {
        using var buffers = new ColumnBuffers<double>(columns, length);
        ref double first = ref MemoryMarshal.GetReference(buffers.Memory(0).Span);

        for (int c = 0; c < columns; c++)
        {
            // Separate arrays, at addresses below or above the first's.
            long offset = Unsafe.ByteOffset(ref first, ref MemoryMarshal.GetReference(buffers.Memory(c).Span));
            long period = ColumnBuffers<double>.SetPeriodBytes;
            Assert.Equal(c * (long)buffers.SpacingBytes % period, ((offset % period) + period) % period);
            Assert.Equal(0, offset % ColumnBuffers<double>.LineBytes);
            Assert.Equal(length, buffers[c].Length);
        }
    }

    [Fact]
    public void FirstColumn_OfALargeArray_StartsOnACacheLine()
    {
        // 1 MB: on the large-object heap, so its address stays what it was when rented.
        using var buffers = new ColumnBuffers<double>(11, 131_072);
        Assert.True(MemoryMarshal.TryGetArray<double>(buffers.Memory(0), out ArraySegment<double> segment));
        GCHandle handle = GCHandle.Alloc(segment.Array, GCHandleType.Pinned);
        try
        {
            Assert.Equal(0, (handle.AddrOfPinnedObject() + (segment.Offset * sizeof(double))) % ColumnBuffers<double>.LineBytes);
        }
        finally
        {
            handle.Free();
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3000)]
    [InlineData(40_000)]
    public void Columns_HoldTheirOwnValues_AndMemoryIsTheSameStorageAsTheIndexer(int length)
    {
        using var buffers = new ColumnBuffers<int>(7, length);
        for (int c = 0; c < buffers.Count; c++)
        {
            Span<int> column = buffers[c];
            Assert.Equal(length, column.Length);
            for (int i = 0; i < column.Length; i++)
            {
                column[i] = (c * 100_000) + i;
            }
        }

        for (int c = 0; c < buffers.Count; c++)
        {
            Assert.Equal(Enumerable.Range(c * 100_000, length), buffers.Memory(c).ToArray());
        }
    }

    [Theory]
    [InlineData(0, 10, "columns")]
    [InlineData(-1, 10, "columns")]
    [InlineData(3, -1, "length")]
    [InlineData(3, int.MaxValue - 100, "length")]
    public void Constructor_BadSize_NamesTheArgument(int columns, int length, string parameter)
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => new ColumnBuffers<double>(columns, length));

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Constructor_ElementSizeNotDividingALine_NamesTypeAndSize()
    {
        NotSupportedException error = Assert.Throws<NotSupportedException>(() => new ColumnBuffers<Rgb>(2, 10));

        Assert.Equal("The element type Rgb is 3 bytes; column buffers need a size that divides 64 bytes.", error.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void Indexer_ColumnOutOfRange_NamesTheArgument(int column)
    {
        using var buffers = new ColumnBuffers<double>(4, 10);

        Assert.Equal("column", Assert.Throws<ArgumentOutOfRangeException>(() => buffers[column].Length).ParamName);
        Assert.Equal("column", Assert.Throws<ArgumentOutOfRangeException>(() => buffers.Memory(column)).ParamName);
    }

    [Fact]
    public void AfterDispose_ColumnsAreRefused_AndDisposeAgainIsHarmless()
    {
        var buffers = new ColumnBuffers<double>(2, 10);
        buffers.Dispose();
        buffers.Dispose();

        Assert.Throws<ObjectDisposedException>(() => buffers[0].Length);
        Assert.Throws<ObjectDisposedException>(() => buffers.Memory(1));
    }

    private readonly record struct Rgb(byte R, byte G, byte B);
}
