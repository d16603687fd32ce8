using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Shapotou.Sdk.Buffers;

/// <summary>
/// Equal-length column buffers carved from one pooled array, laid out so that a kernel reading one row across all of
/// them (a fused reduction of an operating log's eleven columns, say) finds each column's values in a different set
/// of the first-level data cache.
/// </summary>
/// <remarks>
/// <para>Separate arrays of one length tend to start at the same offset within a 4 KB page: the runtime places large
/// arrays at page boundaries. The first-level data cache of current x64 and Arm64 cores maps an address to its set by
/// the address modulo 4 KB (64 sets of 64-byte lines), so row <c>i</c> of ten such columns falls in one 8-way set, and
/// a kernel reading the ten together evicts its own lines before it uses them (and its loads are falsely taken for
/// aliases of its stores). Here each column starts on a 64-byte line, and column <c>c</c> starts
/// <c>c × (4 KB ÷ columns)</c>, rounded down to a line, after the first modulo 4 KB, so the columns' rows spread over
/// the sets. On a 2-core AMD EPYC (Zen 4) the fused operating-log kernel ran 8–15 % faster on such buffers than on
/// separate arrays; see <c>docs/performance.md</c> in the repository.</para>
/// <para>The layout is a matter of speed only: values are the same wherever they lie. The first column's alignment is
/// taken when the array is rented; if the collector later moves a small array, the columns keep their spacing
/// relative to each other.</para>
/// <para>Not thread-safe as a set; different columns may be written by different threads. <see cref="Dispose"/>
/// returns the array to <see cref="ArrayPool{T}.Shared"/>; spans taken before must not be used after.</para>
/// </remarks>
/// <typeparam name="T">The element type; its size must divide 64 bytes (any primitive number type does).</typeparam>
public sealed class ColumnBuffers<T> : IDisposable
    where T : unmanaged
{
    /// <summary>The bytes over which a first-level data cache's sets repeat (64 sets of 64-byte lines).</summary>
    public const int SetPeriodBytes = 4096;

    /// <summary>The cache line, bytes: every column starts on one.</summary>
    public const int LineBytes = 64;

    private readonly int[] _starts;
    private T[]? _array;

    /// <summary>Rents <paramref name="columns"/> columns of <paramref name="length"/> elements from the shared pool.</summary>
    /// <param name="columns">The number of columns, at least 1.</param>
    /// <param name="length">Each column's length, in elements.</param>
    /// <remarks>The columns hold whatever the pool's array held.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/> is below 1 or <paramref name="length"/>
    /// negative.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/>'s size does not divide 64 bytes.</exception>
    /// <exception cref="OverflowException">The columns would not fit one array.</exception>
    public ColumnBuffers(int columns, int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        int size = Unsafe.SizeOf<T>();
        if (LineBytes % size != 0)
        {
            throw new NotSupportedException($"The element type {typeof(T).Name} is {size} bytes; column buffers need a size that divides {LineBytes} bytes.");
        }

        // Each column takes whole 4 KB periods, plus the spacing: column c then starts c × spacing after the first, modulo
        // 4 KB. One line more lets the first column start on a line wherever the pool's array starts.
        long stride = ((((long)length * size) + SetPeriodBytes - 1) / SetPeriodBytes * SetPeriodBytes) + Spacing(columns);
        int elements = checked((int)(((stride * columns) + LineBytes) / size));
        _array = ArrayPool<T>.Shared.Rent(elements);
        int first = (int)((LineBytes - (Address(_array) % LineBytes)) % LineBytes / size);
        _starts = new int[columns];
        for (int c = 0; c < columns; c++)
        {
            _starts[c] = first + (int)(c * stride / size);
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
    public Span<T> this[int column] => Rented.AsSpan(Start(column), Length);

    /// <summary>Gets a column as memory, for APIs that take <see cref="Memory{T}"/>.</summary>
    /// <param name="column">The column's index.</param>
    /// <returns>The column.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="column"/> is not a column's index.</exception>
    /// <exception cref="ObjectDisposedException">The buffers were returned.</exception>
    public Memory<T> Memory(int column) => Rented.AsMemory(Start(column), Length);

    /// <summary>Returns the array to the shared pool.</summary>
    public void Dispose()
    {
        if (_array is { } array)
        {
            _array = null;
            ArrayPool<T>.Shared.Return(array);
        }
    }

    private T[] Rented => _array ?? throw new ObjectDisposedException(nameof(ColumnBuffers<T>));

    private static int Spacing(int columns) => Math.Max(LineBytes, SetPeriodBytes / columns / LineBytes * LineBytes);

    private int Start(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, _starts.Length);
        return _starts[column];
    }

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
}
