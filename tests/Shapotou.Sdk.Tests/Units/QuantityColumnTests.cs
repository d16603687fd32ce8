using CsCheck;
using Shapotou.Sdk.TestKit;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Tests.Units;

public sealed class QuantityColumnTests
{
    [Fact]
    public void Constructor_UnitOfAnotherQuantity_NamesBothQuantities()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => new QuantityColumn<Energy>(new double[] { 1 }, MassUnit.Tonne));

        Assert.Equal("Unit 'MassUnit.Tonne' is not a unit of quantity 'Energy'; expected a EnergyUnit. (Parameter 'unit')", error.Message);
        Assert.Equal("unit", error.ParamName);
    }

    [Fact]
    public void ConvertTo_SameUnit_ReturnsSameColumnBitIdentical()
    {
        double[] values = SeededData.WithSpecialValues(100);
        var column = new QuantityColumn<MassConcentration>(values, MassConcentrationUnit.MilligramPerCubicMeter);

        Assert.Same(column, column.ConvertTo(MassConcentrationUnit.MilligramPerCubicMeter));
        double[] copy = column.ToArray(MassConcentrationUnit.MilligramPerCubicMeter);
        Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), copy.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void ConvertTo_KilowattHoursToMegawattHours_DividesBy1000()
    {
        var column = new QuantityColumn<Energy>(new[] { 8300.0, 0, 1_000_000 }, EnergyUnit.KilowattHour);

        QuantityColumn<Energy> converted = column.ConvertTo(EnergyUnit.MegawattHour);

        Assert.Equal(EnergyUnit.MegawattHour, converted.Unit);
        Assert.Equal([8.3, 0, 1000], converted.Values.ToArray());
    }

    [Fact]
    public void ConvertTo_CelsiusToKelvin_AppliesTheOffset()
    {
        var column = new QuantityColumn<Temperature>(new[] { 0.0, 100, -273.15, double.NaN }, TemperatureUnit.DegreeCelsius);

        double[] kelvin = column.ToArray(TemperatureUnit.Kelvin);

        Assert.Equal(273.15, kelvin[0]);
        Assert.Equal(373.15, kelvin[1], 12);
        Assert.Equal(0, kelvin[2], 12);
        Assert.True(double.IsNaN(kelvin[3]));
    }

    [Fact]
    public void CopyTo_DestinationTooShort_NamesTheParameter()
    {
        var column = new QuantityColumn<Mass>(new double[3], MassUnit.Tonne);

        ArgumentException error = Assert.Throws<ArgumentException>(() => column.CopyTo(new double[2], MassUnit.Kilogram));

        Assert.Equal("destination", error.ParamName);
    }

    [Fact]
    public void Indexer_ReturnsQuantityInTheColumnUnit()
    {
        var column = new QuantityColumn<Mass>(new[] { 967_000.0 }, MassUnit.Tonne);

        Assert.Equal(Mass.FromTonnes(967_000), column[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => column[1]);
    }

    [Fact]
    public void Indexer_MissingSample_IsNull_AndInfinityIsAnError()
    {
        var column = new QuantityColumn<Mass>(new[] { double.NaN, double.PositiveInfinity }, MassUnit.Tonne);

        Assert.Null(column[0]);
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => column[1]);
        Assert.Equal("The value at index 1 is Infinity; a quantity must be finite.", error.Message);
    }

    [Fact]
    public void Kernel_MatchesScalarReference_OnAllLengthsWithSpecialValues()
    {
        // Scale from a real unit pair that is not a power of two, plus an affine pair, on every length 0..257.
        foreach ((Enum from, Enum to) in new (Enum, Enum)[]
        {
            (MassConcentrationUnit.MilligramPerCubicMeter, MassConcentrationUnit.KilogramPerCubicMeter),
            (TemperatureUnit.DegreeCelsius, TemperatureUnit.DegreeFahrenheit),
        })
        {
            LinearConversion conversion = QuantityUnits.LinearConversionBetween(from, to);
            for (int length = 0; length <= 257; length++)
            {
                double[] source = SeededData.WithSpecialValues(length, seed: SeededData.DefaultSeed + length);
                var expected = new double[length];
                var actual = new double[length];
                ScalarReferences.ConvertUnits(source, conversion.Scale, conversion.Offset, expected);
                UnitConversionKernels.Convert(source, conversion, actual);
                for (int i = 0; i < length; i++)
                {
                    Tolerance.AssertClose(expected[i], actual[i], Tolerance.ElementwiseMap, $"{from}→{to}, length {length}, index {i}, seed {SeededData.DefaultSeed + length}");
                }
            }
        }
    }

    [Fact]
    public void Kernel_InPlace_MatchesScalarReference()
    {
        double[] values = SeededData.Uniform(257, -1e3, 1e3);
        double[] expected = new double[values.Length];
        LinearConversion conversion = QuantityUnits.LinearConversionBetween(TemperatureUnit.DegreeCelsius, TemperatureUnit.Kelvin);
        ScalarReferences.ConvertUnits(values, conversion.Scale, conversion.Offset, expected);

        UnitConversionKernels.Convert(values, conversion, values);

        Assert.Equal(expected, values);
    }

    [Fact]
    public void WholeColumnConversion_AgreesWithPerElementUnitsNet()
    {
        double[] values = SeededData.Uniform(1000, 0, 1e7);
        var column = new QuantityColumn<Energy>(values, EnergyUnit.KilowattHour);

        double[] gigajoules = column.ToArray(EnergyUnit.Gigajoule);

        for (int i = 0; i < values.Length; i++)
        {
            Tolerance.AssertClose(Energy.FromKilowattHours(values[i]).Gigajoules, gigajoules[i], Tolerance.UnitsNetRoundTrip, $"index {i}");
        }
    }

    [Fact]
    public void UnitRoundTrip_Property_ReturnsTheValue()
    {
        Gen.Double[-1e12, 1e12].Sample(x =>
        {
            var column = new QuantityColumn<VolumeFlow>(new[] { x }, VolumeFlowUnit.CubicMeterPerHour);
            double back = column.ConvertTo(VolumeFlowUnit.CubicMeterPerSecond).ToArray(VolumeFlowUnit.CubicMeterPerHour)[0];
            Tolerance.AssertClose(x, back, Tolerance.UnitsNetRoundTrip);
        });
    }

    [Fact]
    public void ParseUnit_ByUnitsNetNames_IsStrict()
    {
        Assert.Equal(EnergyUnit.MegawattHour, QuantityUnits.ParseUnit("Energy", "MegawattHour"));
        Assert.Equal(MassConcentrationUnit.MilligramPerCubicMeter, QuantityUnits.ParseUnit<MassConcentration>("MilligramPerCubicMeter"));

        ShapotouDataException wrongQuantity = Assert.Throws<ShapotouDataException>(() => QuantityUnits.ParseUnit("Energy", "Tonne"));
        Assert.StartsWith("Unit 'Tonne' is not a unit of quantity 'Energy'; expected one of ", wrongQuantity.Message, StringComparison.Ordinal);
        ShapotouDataException unknownQuantity = Assert.Throws<ShapotouDataException>(() => QuantityUnits.ParseUnit("Enrgy", "Joule"));
        Assert.Equal("Quantity 'Enrgy' is not a UnitsNet quantity name.", unknownQuantity.Message);
        Assert.Throws<ShapotouDataException>(() => QuantityUnits.ParseUnit("Energy", "megawatthour"));
    }
}
