using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using Shapotou.Sdk.Analytics.Kernels;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.TestKit;

namespace Shapotou.Sdk.Benchmarks.Analytics;

/// <summary>
/// The measured inventory over hourly CEMS rows (HJ 212-2017 Annex D (33)) fused with the reference-O₂ conversion and
/// a limit count: per row, flag N and finite c × Q add to the mass; c × (21 − 9) ÷ (21 − O₂) is compared with 50 mg/m³.
/// The scalar loop is the baseline; a triad over the same three double columns is the memory ceiling.
/// </summary>
/// <remarks>The kernel reads 3 double columns and one 4-byte flag column: 28 bytes a row.</remarks>
[MemoryDiagnoser]
public class MeasuredInventoryBenchmarks
{
    private const double ReferenceOxygen = 9;
    private const double Limit = 50;

    private double[] _concentration = [];
    private double[] _flow = [];
    private double[] _oxygen = [];
    private DataFlag[] _flags = [];
    private double[] _scratch = [];

    [ParamsSource(nameof(Lengths))]
    public int Length { get; set; }

    public static IEnumerable<int> Lengths() =>
        Environment.GetEnvironmentVariable("SHAPOTOU_BENCH_LENGTHS") is { Length: > 0 }
            ? BenchmarkSizes.ColumnLengths()
            : [1_000_003, 10_000_000];

    [GlobalSetup]
    public void Setup()
    {
        _concentration = SeededData.Uniform(Length, 0, 80, 11);
        _flow = SeededData.Uniform(Length, 1e4, 3e5, 12);
        _oxygen = SeededData.Uniform(Length, 3, 20, 13);
        _scratch = new double[Length];
        var random = new Random(14);
        _flags = new DataFlag[Length];
        for (int i = 0; i < Length; i++)
        {
            // One hour in 20 stopped, one in 50 under calibration, one value in 100 missing.
            int draw = random.Next(100);
            _flags[i] = draw < 5 ? DataFlag.F : draw < 7 ? DataFlag.C : DataFlag.N;
            if (draw == 99)
            {
                _concentration[i] = double.NaN;
            }
        }

        // The kernel must agree with the scalar reference on this data.
        (double sum, int valid, int over, double max) = ScalarReferences.MeasuredPass(_concentration, _flow, _oxygen, _flags, ReferenceOxygen, Limit);
        MeasuredAccumulation kernel = EmissionKernels.Accumulate(_concentration, _flow, _oxygen, _flags, ReferenceOxygen, Limit);
        Tolerance.AssertClose(sum, kernel.ProductSum, 1e-9);
        if (valid != kernel.ValidHours || over != kernel.OverLimitHours || !max.Equals(kernel.MaxReferenceConcentration))
        {
            throw new InvalidOperationException("The kernel and the scalar reference disagree on counts or the maximum.");
        }
    }

    [Benchmark(Baseline = true)]
    public double ScalarPass() => ScalarReferences.MeasuredPass(_concentration, _flow, _oxygen, _flags, ReferenceOxygen, Limit).Sum;

    [Benchmark]
    public double FusedKernel() => EmissionKernels.Accumulate(_concentration, _flow, _oxygen, _flags, ReferenceOxygen, Limit).ProductSum;

    /// <summary>Reads the three double columns once and writes one: the memory floor of a single pass.</summary>
    [Benchmark]
    public void TriadCeiling() => TensorPrimitives.MultiplyAdd(_concentration, _flow, _oxygen, _scratch);
}
