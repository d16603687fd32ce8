using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Shapotou.Sdk.Analytics.Kernels;
using Shapotou.Sdk.Parquet.Buffers;
using Shapotou.Sdk.Reference;
using Shapotou.Sdk.TestKit;

namespace Shapotou.Sdk.Benchmarks.Analytics;

/// <summary>
/// The fused operating-log kernel (<see cref="OperatingLogAggregator"/>: energy in kgce, masses at measured and
/// reference O₂, summed by 1 000 facilities) against the memory floor of the same bytes: a read of every column it
/// touches (one int32 and ten double columns, 84 bytes a row) with <see cref="TensorPrimitives.Sum{T}(ReadOnlySpan{T})"/>.
/// One and two threads; each vector path (512, 256 and 128 bits, one job each) and the scalar path; columns laid out
/// as <see cref="Parquet.ParquetColumnScan"/> hands them over and as separate arrays.
/// </summary>
/// <remarks>
/// The fraction of the bandwidth-bound rate is the read's time over the kernel's, on as many threads, in the same job.
/// Rows are handed over in runs of 1 M, as a row group would be; two threads each take half and merge.
/// </remarks>
[Config(typeof(Config))]
public class OperatingLogKernelBenchmarks
{
    private const int Run = 1 << 20;
    private static readonly OperatingLogCoefficients s_coefficients = OperatingLogCoefficients.FromCatalogue(ReferenceCatalogue.Builtin, new DateOnly(2024, 12, 31));

    private ReadOnlyMemory<int> _facility;
    private ReadOnlyMemory<double>[] _columns = [];
    private ColumnBuffers<int>? _idBuffer;
    private ColumnBuffers<double>? _buffers;

    [ParamsSource(nameof(Lengths))]
    public int Rows { get; set; }

    /// <summary>10 M rows; the CI smoke run's <c>SHAPOTOU_BENCH_LENGTHS</c> sets small ones.</summary>
    public static IEnumerable<int> Lengths() =>
        Environment.GetEnvironmentVariable("SHAPOTOU_BENCH_LENGTHS") is { Length: > 0 } ? BenchmarkSizes.ColumnLengths() : [10_000_000];

    /// <summary>How rows are ordered: <c>hour-major</c> (every facility's hour, then the next hour: a log's natural order, and
    /// the order of the end-to-end files) or <c>random</c> facility ids (the group-by's worst case).</summary>
    [Params("hour-major", "random")]
    public string Order { get; set; } = "hour-major";

    /// <summary>Where the columns lie: <c>staggered</c>, in <see cref="ColumnBuffers{T}"/> as
    /// <see cref="Parquet.ParquetColumnScan"/> hands them over (each column's rows in other first-level cache sets), or
    /// <c>separate</c> arrays of one length, which the runtime starts at the same offset within a 4 KB page (a row's ten
    /// doubles then share one cache set).</summary>
    [Params("staggered", "separate")]
    public string Layout { get; set; } = "staggered";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2024);
        int[] facility = [.. Enumerable.Range(0, Rows).Select(i => Order == "random" ? random.Next(1000) : i % 1000)];
        (double Min, double Max)[] ranges = [(0, 2e5), (0, 5), (0, 10), (0, 1e3), (0, 10), (1e5, 5e5), (0, 200), (0, 300), (0, 50), (5, 18)];
        double[][] columns = [.. ranges.Select((r, k) => SeededData.Uniform(Rows, r.Min, r.Max, 100 + k))];
        if (Layout == "staggered")
        {
            _idBuffer = new ColumnBuffers<int>(1, Rows);
            _buffers = new ColumnBuffers<double>(columns.Length, Rows);
            facility.CopyTo(_idBuffer[0]);
            for (int k = 0; k < columns.Length; k++)
            {
                columns[k].CopyTo(_buffers[k]);
            }

            _facility = _idBuffer.Memory(0);
            _columns = [.. Enumerable.Range(0, columns.Length).Select(k => (ReadOnlyMemory<double>)_buffers.Memory(k))];
        }
        else
        {
            _facility = facility;
            _columns = [.. columns.Select(c => (ReadOnlyMemory<double>)c)];
        }

        // The vector path must give the scalar path's sums bit for bit, and two threads the same within reordering.
        IReadOnlyList<OperatingLogTotals> vector = Kernel(0, Rows, scalar: false).Totals(), scalar = Kernel(0, Rows, scalar: true).Totals(), two = KernelTwoThreads().Totals();
        for (int f = 0; f < vector.Count; f++)
        {
            if (vector[f] != scalar[f])
            {
                throw new InvalidOperationException($"Vector and scalar paths differ on facility {f}.");
            }

            Tolerance.AssertClose(vector[f].EnergyKgce, two[f].EnergyKgce, Tolerance.ReorderedSum);
            Tolerance.AssertClose(vector[f].PmReferenceKg, two[f].PmReferenceKg, Tolerance.ReorderedSum);
        }

        Console.WriteLine($"// Layout {Layout}: column starts modulo 4096 = {string.Join(", ", _columns.Select(OffsetInPage))}");
        Console.WriteLine($"// Vector512 accelerated: {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}, Vector256: {System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated}, Vector128: {System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _idBuffer?.Dispose();
        _buffers?.Dispose();
        (_idBuffer, _buffers) = (null, null);
    }

    /// <summary>The memory floor on one thread: every byte the kernel reads, read once.</summary>
    [Benchmark(Baseline = true)]
    public double ReadFloor() => Read(0, Rows);

    [Benchmark]
    public double ReadFloorTwoThreads()
    {
        int half = Rows / 2;
        double a = 0, b = 0;
        Parallel.Invoke(() => a = Read(0, half), () => b = Read(half, Rows));
        return a + b;
    }

    /// <summary>
    /// The same bytes read row-wise: all eleven columns at once, a vector of each per step, as a kernel that reads
    /// every column in one pass does (the floor reads one column after another).
    /// </summary>
    [Benchmark]
    public double ReadRowWise()
    {
        ReadOnlySpan<double> c0 = _columns[0].Span, c1 = _columns[1].Span, c2 = _columns[2].Span, c3 = _columns[3].Span, c4 = _columns[4].Span;
        ReadOnlySpan<double> c5 = _columns[5].Span, c6 = _columns[6].Span, c7 = _columns[7].Span, c8 = _columns[8].Span, c9 = _columns[9].Span;
        ReadOnlySpan<int> ids = _facility.Span;
        int step = Vector<double>.Count;
        var sum = Vector<double>.Zero;
        var idSum = Vector<int>.Zero;
        int i = 0;
        for (; i <= Rows - (2 * step); i += 2 * step)
        {
            // One vector of ids covers two of doubles.
            idSum += Vector.LoadUnsafe(ref MemoryMarshal.GetReference(ids), (nuint)i);
            for (int half = i; half < i + (2 * step); half += step)
            {
                nuint r = (nuint)half;
                sum += Load(c0, r) + Load(c1, r) + Load(c2, r) + Load(c3, r) + Load(c4, r) + Load(c5, r) + Load(c6, r) + Load(c7, r) + Load(c8, r) + Load(c9, r);
            }
        }

        double total = Vector.Sum(sum) + Vector.Sum(idSum);
        for (; i < Rows; i++)
        {
            total += ids[i] + c0[i] + c1[i] + c2[i] + c3[i] + c4[i] + c5[i] + c6[i] + c7[i] + c8[i] + c9[i];
        }

        return total;

        static Vector<double> Load(ReadOnlySpan<double> column, nuint row) => Vector.LoadUnsafe(ref MemoryMarshal.GetReference(column), row);
    }

    [Benchmark]
    public object FusedKernel() => Kernel(0, Rows, scalar: false);

    [Benchmark]
    public object FusedKernelTwoThreads() => KernelTwoThreads();

    [Benchmark]
    public object ScalarKernel() => Kernel(0, Rows, scalar: true);

    [Benchmark]
    public object ScalarKernelTwoThreads() => KernelTwoThreads(scalar: true);

    private double Read(int from, int to)
    {
        double sum = TensorPrimitives.Sum<int>(_facility.Span[from..to]);
        foreach (ReadOnlyMemory<double> column in _columns)
        {
            sum += TensorPrimitives.Sum<double>(column.Span[from..to]);
        }

        return sum;
    }

    private OperatingLogAggregator KernelTwoThreads(bool scalar = false)
    {
        int half = Rows / 2;
        OperatingLogAggregator? a = null, b = null;
        Parallel.Invoke(() => a = Kernel(0, half, scalar), () => b = Kernel(half, Rows, scalar));
        a!.Merge(b!);
        return a;
    }

    private OperatingLogAggregator Kernel(int from, int to, bool scalar)
    {
        var aggregator = new OperatingLogAggregator(s_coefficients);
        ReadOnlySpan<int> facility = _facility.Span;
        ReadOnlySpan<double> c0 = _columns[0].Span, c1 = _columns[1].Span, c2 = _columns[2].Span, c3 = _columns[3].Span, c4 = _columns[4].Span;
        ReadOnlySpan<double> c5 = _columns[5].Span, c6 = _columns[6].Span, c7 = _columns[7].Span, c8 = _columns[8].Span, c9 = _columns[9].Span;
        for (int start = from; start < to; start += Run)
        {
            int n = Math.Min(Run, to - start);
            if (scalar)
            {
                aggregator.AddScalar(facility.Slice(start, n), c0.Slice(start, n), c1.Slice(start, n), c2.Slice(start, n), c3.Slice(start, n), c4.Slice(start, n),
                    c5.Slice(start, n), c6.Slice(start, n), c7.Slice(start, n), c8.Slice(start, n), c9.Slice(start, n), start);
            }
            else
            {
                aggregator.Add(facility.Slice(start, n), c0.Slice(start, n), c1.Slice(start, n), c2.Slice(start, n), c3.Slice(start, n), c4.Slice(start, n),
                    c5.Slice(start, n), c6.Slice(start, n), c7.Slice(start, n), c8.Slice(start, n), c9.Slice(start, n), start);
            }
        }

        return aggregator;
    }

    private static long OffsetInPage(ReadOnlyMemory<double> column)
    {
        GCHandle handle = GCHandle.Alloc(MemoryMarshal.TryGetArray(column, out ArraySegment<double> segment) ? segment.Array : null, GCHandleType.Pinned);
        try
        {
            return (handle.AddrOfPinnedObject() + (segment.Offset * sizeof(double))) % ColumnBuffers<double>.SetPeriodBytes;
        }
        finally
        {
            handle.Free();
        }
    }

    /// <summary>
    /// Three short jobs, one per vector path of the kernel: 512 bits (the runtime's default where AVX-512 is
    /// accelerated), 256 (<c>DOTNET_PreferredVectorBitWidth=256</c>, which turns <c>Vector512</c> acceleration off) and
    /// 128 (AVX2 off); the scalar methods are the fourth path. Setup prints which widths each job accelerates.
    /// </summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // Not in the CI smoke run (SHAPOTOU_BENCH_LENGTHS set): there its --job dry --inProcess is the only job.
            if (Environment.GetEnvironmentVariable("SHAPOTOU_BENCH_LENGTHS") is { Length: > 0 })
            {
                return;
            }

            // Fifteen iterations: the machine drifts over minutes, and the fraction compares medians of benchmarks run one
            // after another.
            Job shortJob = Job.ShortRun.WithWarmupCount(2).WithIterationCount(15);
            AddJob(shortJob.WithId("vector-512"));
            AddJob(shortJob.WithEnvironmentVariable("DOTNET_PreferredVectorBitWidth", "256").WithId("vector-256"));
            AddJob(shortJob.WithEnvironmentVariable("DOTNET_EnableAVX2", "0").WithId("vector-128"));
        }
    }
}
