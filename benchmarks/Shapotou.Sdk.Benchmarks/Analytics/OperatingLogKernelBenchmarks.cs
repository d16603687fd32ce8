using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Shapotou.Sdk.Analytics.Kernels;
using Shapotou.Sdk.Reference;
using Shapotou.Sdk.TestKit;

namespace Shapotou.Sdk.Benchmarks.Analytics;

/// <summary>
/// The fused operating-log kernel (<see cref="OperatingLogAggregator"/>: energy in kgce, masses at measured and
/// reference O₂, summed by 1 000 facilities) against the memory floor of the same bytes: a read of every column it
/// touches (one int32 and ten double columns, 84 bytes a row) with <see cref="TensorPrimitives.Sum{T}(ReadOnlySpan{T})"/>.
/// One and two threads; each vector path (512, 256 and 128 bits, one job each) and the scalar path.
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

    private int[] _facility = [];
    private double[][] _columns = [];

    [ParamsSource(nameof(Lengths))]
    public int Rows { get; set; }

    /// <summary>10 M rows; the CI smoke run's <c>SHAPOTOU_BENCH_LENGTHS</c> sets small ones.</summary>
    public static IEnumerable<int> Lengths() =>
        Environment.GetEnvironmentVariable("SHAPOTOU_BENCH_LENGTHS") is { Length: > 0 } ? BenchmarkSizes.ColumnLengths() : [10_000_000];

    /// <summary>How rows are ordered: <c>hour-major</c> (every facility's hour, then the next hour: a log's natural order, and
    /// the order of the end-to-end files) or <c>random</c> facility ids (the group-by's worst case).</summary>
    [Params("hour-major", "random")]
    public string Order { get; set; } = "hour-major";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2024);
        _facility = [.. Enumerable.Range(0, Rows).Select(i => Order == "random" ? random.Next(1000) : i % 1000)];
        (double Min, double Max)[] ranges = [(0, 2e5), (0, 5), (0, 10), (0, 1e3), (0, 10), (1e5, 5e5), (0, 200), (0, 300), (0, 50), (5, 18)];
        _columns = [.. ranges.Select((r, k) => SeededData.Uniform(Rows, r.Min, r.Max, 100 + k))];

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

        Console.WriteLine($"// Vector512 accelerated: {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}, Vector256: {System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated}, Vector128: {System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated}");
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
        int step = Vector<int>.Count, half = Vector<double>.Count;
        var sum = Vector<double>.Zero;
        var ids = Vector<int>.Zero;
        int i = 0;
        for (; i <= Rows - step; i += step)
        {
            ids += Vector.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(_facility), (nuint)i);
            foreach (double[] column in _columns)
            {
                ref double c = ref MemoryMarshal.GetArrayDataReference(column);
                sum += Vector.LoadUnsafe(ref c, (nuint)i) + Vector.LoadUnsafe(ref c, (nuint)(i + half));
            }
        }

        double total = Vector.Sum(sum) + Vector.Sum(ids);
        for (; i < Rows; i++)
        {
            total += _facility[i];
            foreach (double[] column in _columns)
            {
                total += column[i];
            }
        }

        return total;
    }

    [Benchmark]
    public OperatingLogAggregator FusedKernel() => Kernel(0, Rows, scalar: false);

    [Benchmark]
    public OperatingLogAggregator FusedKernelTwoThreads() => KernelTwoThreads();

    [Benchmark]
    public OperatingLogAggregator ScalarKernel() => Kernel(0, Rows, scalar: true);

    [Benchmark]
    public OperatingLogAggregator ScalarKernelTwoThreads() => KernelTwoThreads(scalar: true);

    private double Read(int from, int to)
    {
        double sum = TensorPrimitives.Sum<int>(_facility.AsSpan(from, to - from));
        foreach (double[] column in _columns)
        {
            sum += TensorPrimitives.Sum<double>(column.AsSpan(from, to - from));
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
        double[][] c = _columns;
        for (int start = from; start < to; start += Run)
        {
            int n = Math.Min(Run, to - start);
            if (scalar)
            {
                aggregator.AddScalar(_facility.AsSpan(start, n), c[0].AsSpan(start, n), c[1].AsSpan(start, n), c[2].AsSpan(start, n), c[3].AsSpan(start, n), c[4].AsSpan(start, n),
                    c[5].AsSpan(start, n), c[6].AsSpan(start, n), c[7].AsSpan(start, n), c[8].AsSpan(start, n), c[9].AsSpan(start, n), start);
            }
            else
            {
                aggregator.Add(_facility.AsSpan(start, n), c[0].AsSpan(start, n), c[1].AsSpan(start, n), c[2].AsSpan(start, n), c[3].AsSpan(start, n), c[4].AsSpan(start, n),
                    c[5].AsSpan(start, n), c[6].AsSpan(start, n), c[7].AsSpan(start, n), c[8].AsSpan(start, n), c[9].AsSpan(start, n), start);
            }
        }

        return aggregator;
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
