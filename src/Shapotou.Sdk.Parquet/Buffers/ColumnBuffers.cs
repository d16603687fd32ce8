using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Shapotou.Sdk.Parquet.Buffers;

/// <summary>
/// Equal-length column buffers from the shared array pool, placed so that a kernel reading one row across all of them
/// (a fused reduction of an operating log's eleven columns, say) finds each column's values in a different set of the
/// first-level data cache.
/// </summary>
/// <remarks>
/// <para>Separate arrays of one length tend to start at the same offset within a 4 KB page: the runtime places large
/// arrays at page boundaries. The first-level data cache of current x64 and Arm64 cores maps an address to its set by
/// the address modulo 4 KB (64 sets of 64-byte lines), so row <c>i</c> of ten such columns falls in one 8-way set, and
/// a kernel reading the ten together evicts its own lines before it uses them (and its loads are falsely taken for
/// aliases of its stores). Here each column is a pooled array rented with 4 KB to spare, and starts on a cache line
/// <c>c × (4 KB ÷ columns)</c> (rounded down to a line) after the first column's start, modulo 4 KB, so the columns'
/// rows spread over the sets. On a 2-core AMD EPYC (Zen 4) the fused operating-log kernel took longer on separate arrays
/// than on such buffers in 15 of 18 measured cases (median 22 %, up to 32 %); see <c>docs/performance.md</c> in the
/// repository.</para>
/// <para>The placement is a matter of speed only: values are the same wherever they lie. It is taken from the arrays'
/// addresses when they are rented. The collector does not move arrays of 85 000 bytes or more (the large-object heap);
/// a smaller one that it moves keeps its values and loses only its placement. Each column is its own array because the
/// shared pool keeps the first array a thread returns for that thread: one array for all columns would be allocated
/// again whenever a scan's worker runs on another thread.</para>
/// <para>Not thread-safe as a set; different columns may be written by different threads. <see cref="Dispose"/>
/// returns the arrays to <see cref="ArrayPool{T}.Shared"/>; spans taken before must not be used after.</para>
/// </remarks>
/// <typeparam name="T">The element type; its size must divide 64 bytes (any primitive number type does).</typeparam>
internal sealed class ColumnBuffers<T> : IDisposable
    where T : unmanaged
{
    /// <summary>The bytes over which a first-level data cache's sets repeat (64 sets of 64-byte lines).</summary>
    public const int SetPeriodBytes = 4096;

    /// <summary>The cache line, bytes: every column starts on one.</summary>
    public const int LineBytes = 64;

    private readonly int[] _starts;
    private T[][]? _arrays;

    /// <summary>Rents <paramref name="columns"/> columns of <paramref name="length"/> elements from the shared pool.</summary>
    /// <param name="columns">The number of columns, at least 1.</param>
    /// <param name="length">Each column's length, in elements.</param>
    /// <remarks>The columns hold whatever the pool's arrays held.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/> is below 1, or <paramref name="length"/>
    /// is negative or leaves no room for the 4 KB to spare in an array.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/>'s size does not divide 64 bytes.</exception>
    public ColumnBuffers(int columns, int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        int size = Unsafe.SizeOf<T>();
        if (LineBytes % size != 0)
        {
            throw new NotSupportedException($"The element type {typeof(T).Name} is {size} bytes; column buffers need a size that divides {LineBytes} bytes.");
        }

        int slack = SetPeriodBytes / size;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, Array.MaxLength - slack);

        // The first column starts on its array's first whole line; column c the spacing times c after it, modulo 4 KB,
        // found within the 4 KB its array has to spare.
        _arrays = new T[columns][];
        _starts = new int[columns];
        long first = 0;
        for (int c = 0; c < columns; c++)
        {
            T[] array = ArrayPool<T>.Shared.Rent(length + slack);
            long address = Address(array);
            if (c == 0)
            {
                first = (address + LineBytes - 1) / LineBytes * LineBytes % SetPeriodBytes;
            }

            long target = (first + ((long)c * Spacing(columns))) % SetPeriodBytes;
            _starts[c] = (int)((target - (address % SetPeriodBytes) + SetPeriodBytes) % SetPeriodBytes / size);
            _arrays[c] = array;
        }

        Length = length;
    }

    /// <summary>Gets the number of columns.</summary>
    public int Count => _starts.Length;

    /// <summary>Gets each column's length, in elements.</summary>
    public int Length { get; }

    /// <summary>Gets the bytes between two neighbouring columns' starts, modulo <see cref="SetPeriodBytes"/>.</summary>
    public int SpacingBytes => Spacing(_starts.Length);

    /// <summary>Gets a column.</summary>
    /// <param name="column">The column's index, from 0 to <see cref="Count"/> − 1.</param>
    /// <returns>The column's <see cref="Length"/> elements.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="column"/> is not a column's index.</exception>
    /// <exception cref="ObjectDisposedException">The buffers were returned.</exception>
    public Span<T> this[int column] => Rented(column).AsSpan(_starts[column], Length);

    /// <summary>Gets a column as memory, for APIs that take <see cref="Memory{T}"/>.</summary>
    /// <param name="column">The column's index.</param>
    /// <returns>The column.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="column"/> is not a column's index.</exception>
    /// <exception cref="ObjectDisposedException">The buffers were returned.</exception>
    public Memory<T> Memory(int column) => Rented(column).AsMemory(_starts[column], Length);

    /// <summary>Returns the arrays to the shared pool.</summary>
    public void Dispose()
    {
        if (_arrays is { } arrays)
        {
            _arrays = null;
            foreach (T[] array in arrays)
            {
                ArrayPool<T>.Shared.Return(array);
            }
        }
    }

    private static int Spacing(int columns) => Math.Max(LineBytes, SetPeriodBytes / columns / LineBytes * LineBytes);

    private static long Address(T[] array)
    {
        GCHandle handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            return handle.AddrOfPinnedObject();
        }
        finally
        {
            handle.Free();
        }
    }

    private T[] Rented(int column)
    {
        T[][] arrays = _arrays ?? throw new ObjectDisposedException(nameof(ColumnBuffers<T>));
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, arrays.Length);
        return arrays[column];
    }
}
