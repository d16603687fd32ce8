using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using Shapotou.Sdk.Analytics.Kernels;
using Shapotou.Sdk.TestKit;

namespace Shapotou.Sdk.Benchmarks.Analytics;

/// <summary>
/// The unit-energy pipeline over a monthly or hourly ledger: four carriers times their coefficients into kgce per row,
/// then kgce summed by facility (1 000 groups). The scalar loop is the baseline; a STREAM-style triad over the same
/// memory (<c>c = a × k + b</c>) is the ceiling the kernels can approach.
/// </summary>
[MemoryDiagnoser]
public class UnitEnergyBenchmarks
{
    private const int Facilities = 1_000;

    // Coefficients of GB/T 2589 (electricity equivalent, coke, raw coal per t; natural gas per m3), in kgce per ledger unit.
    private const double Electricity = 0.1229;
    private const double Coke = 971.4;
    private const double Coal = 714.3;
    private const double Gas = 1.33;

    private double[] _electricity = [];
    private double[] _coke = [];
    private double[] _coal = [];
    private double[] _gas = [];
    private double[] _kgce = [];
    private int[] _groups = [];
    private double[] _sums = [];

    [ParamsSource(nameof(Lengths))]
    public int Length { get; set; }

    public static IEnumerable<int> Lengths() =>
        Environment.GetEnvironmentVariable("SHAPOTOU_BENCH_LENGTHS") is { Length: > 0 }
            ? BenchmarkSizes.ColumnLengths()
            : [1_000_003, 10_000_000];

    [GlobalSetup]
    public void Setup()
    {
        _electricity = SeededData.Uniform(Length, 0, 1e6, 1);
        _coke = SeededData.Uniform(Length, 0, 100, 2);
        _coal = SeededData.Uniform(Length, 0, 100, 3);
        _gas = SeededData.Uniform(Length, 0, 1e4, 4);
        _kgce = new double[Length];
        _sums = new double[Facilities];
        var random = new Random(5);
        _groups = Enumerable.Range(0, Length).Select(_ => random.Next(Facilities)).ToArray();

        // The kernels must agree with the scalar pipeline on this data.
        ScalarPipeline();
        double[] expected = (double[])_sums.Clone();
        KernelPipeline();
        for (int g = 0; g < Facilities; g++)
        {
            Tolerance.AssertClose(expected[g], _sums[g], 1e-12, $"group {g}");
        }
    }

    [Benchmark(Baseline = true)]
    public void ScalarPipeline()
    {
        Array.Clear(_sums);
        for (int i = 0; i < _kgce.Length; i++)
        {
            double kgce = (_electricity[i] * Electricity) + (_coke[i] * Coke) + (_coal[i] * Coal) + (_gas[i] * Gas);
            _kgce[i] = kgce;
            _sums[_groups[i]] += kgce;
        }
    }

    [Benchmark]
    public void KernelPipeline()
    {
        Array.Clear(_kgce);
        Array.Clear(_sums);
        EnergyKernels.Accumulate(_electricity, Electricity, _kgce);
        EnergyKernels.Accumulate(_coke, Coke, _kgce);
        EnergyKernels.Accumulate(_coal, Coal, _kgce);
        EnergyKernels.Accumulate(_gas, Gas, _kgce);
        EnergyKernels.SumByGroup(_groups, _kgce, _sums);
    }

    [Benchmark]
    public void TriadCeiling() => TensorPrimitives.MultiplyAdd(_electricity, Electricity, _coke, _kgce);
}
