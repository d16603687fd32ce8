using BenchmarkDotNet.Attributes;
using Shapotou.Sdk.TestKit;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Benchmarks.Units;

/// <summary>
/// Converting a column of energies from kWh to MWh: one UnitsNet call per element (the baseline) against the
/// whole-column conversion of <see cref="QuantityColumn{TQuantity}"/> (one scale from UnitsNet, one vector pass).
/// </summary>
[MemoryDiagnoser]
public class QuantityColumnConversionBenchmarks
{
    private QuantityColumn<Energy> _column = null!;
    private double[] _destination = [];

    [ParamsSource(nameof(Lengths))]
    public int Length { get; set; }

    public static IEnumerable<int> Lengths() => BenchmarkSizes.ColumnLengths();

    [GlobalSetup]
    public void Setup()
    {
        _column = new QuantityColumn<Energy>(SeededData.Uniform(Length, 0, 1e7), EnergyUnit.KilowattHour);
        _destination = new double[Length];

        // The method under test must agree with the baseline on this data, or the benchmark measures the wrong thing.
        PerElementUnitsNet();
        double[] expected = (double[])_destination.Clone();
        WholeColumn();
        for (int i = 0; i < Length; i++)
        {
            Tolerance.AssertClose(expected[i], _destination[i], Tolerance.UnitsNetRoundTrip, $"index {i}");
        }
    }

    [Benchmark(Baseline = true)]
    public void PerElementUnitsNet()
    {
        ReadOnlySpan<double> values = _column.Values.Span;
        for (int i = 0; i < values.Length; i++)
        {
            _destination[i] = Energy.From(values[i], EnergyUnit.KilowattHour).As(EnergyUnit.MegawattHour);
        }
    }

    [Benchmark]
    public void WholeColumn() => _column.CopyTo(_destination, EnergyUnit.MegawattHour);
}
