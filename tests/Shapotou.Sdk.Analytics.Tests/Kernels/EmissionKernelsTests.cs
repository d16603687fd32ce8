using Shapotou.Sdk.Analytics.Kernels;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.TestKit;

namespace Shapotou.Sdk.Analytics.Tests.Kernels;

public sealed class EmissionKernelsTests
{
    private static readonly DataFlag[] s_flagMix = [DataFlag.N, DataFlag.N, DataFlag.N, DataFlag.F, DataFlag.C, DataFlag.D, DataFlag.N, DataFlag.M];

    [Theory]
    [InlineData(double.NaN, double.PositiveInfinity)]
    [InlineData(10.0, 60.0)]
    [InlineData(3.5, 0.0)]
    public void Accumulate_MatchesScalarReference_OnAllLengthsWithNullsAndFlags(double referenceOxygen, double limit)
    {
        for (int length = 0; length <= 257; length++)
        {
            (double[] c, double[] q, double[] o2, DataFlag[] flags) = Hours(length, SeededData.DefaultSeed + length);

            (double sum, int valid, int over, double max) = ScalarReferences.MeasuredPass(c, q, o2, flags, referenceOxygen, limit);
            MeasuredAccumulation actual = EmissionKernels.Accumulate(c, q, o2, flags, referenceOxygen, limit);

            string context = $"length {length}";
            Tolerance.AssertClose(sum, actual.ProductSum, Tolerance.ReorderedSum, context);
            Assert.True(valid == actual.ValidHours, context);
            Assert.True(over == actual.OverLimitHours, context);
            Assert.True(max.Equals(actual.MaxReferenceConcentration), $"{context}: max {max} vs {actual.MaxReferenceConcentration}");
        }
    }

    [Fact]
    public void Accumulate_LongRun_MatchesScalarReference()
    {
        (double[] c, double[] q, double[] o2, DataFlag[] flags) = Hours(100_003, 17);

        (double sum, int valid, int over, double max) = ScalarReferences.MeasuredPass(c, q, o2, flags, 9, 50);
        MeasuredAccumulation actual = EmissionKernels.Accumulate(c, q, o2, flags, 9, 50);

        Tolerance.AssertClose(sum, actual.ProductSum, Tolerance.ReorderedSum);
        Assert.Equal(valid, actual.ValidHours);
        Assert.Equal(over, actual.OverLimitHours);
        Assert.Equal(max, actual.MaxReferenceConcentration);
    }

    [Fact]
    public void Accumulate_Hj212AnnexDExample_Is4554Grams()
    {
        // HJ 212-2017 Annex D, D2.5 (33): 25.3 mg/m3 × 180 000 m3/h × 1 h = 4.554 kg (emissions.md W8).
        MeasuredAccumulation a = EmissionKernels.Accumulate([25.3], [180_000], [12.5], [DataFlag.N], double.NaN, double.PositiveInfinity);

        Assert.Equal(4.554, a.ProductSum * 1e-6, 12);
        Assert.Equal(1, a.ValidHours);
    }

    [Theory]
    [InlineData(40.0, 7.0, 3.5, 50.0)] // W7: gas boiler, 40 × 17.5 / 14
    [InlineData(45.0, 12.0, 10.0, 55.0)] // W7: cement kiln, 45 × 11 / 9
    public void Accumulate_ConvertsToReferenceOxygen_AsTheWorkedExamples(double measured, double oxygen, double reference, double expected)
    {
        MeasuredAccumulation below = EmissionKernels.Accumulate([measured], [1000], [oxygen], [DataFlag.N], reference, expected);
        MeasuredAccumulation above = EmissionKernels.Accumulate([measured], [1000], [oxygen], [DataFlag.N], reference, expected - 0.01);

        Assert.Equal(expected, below.MaxReferenceConcentration, 12);
        Assert.Equal(0, below.OverLimitHours); // at the limit is not over it
        Assert.Equal(1, above.OverLimitHours);
    }

    [Fact]
    public void Accumulate_StoppedFlaggedAndNullHours_AddNothing()
    {
        double[] c = [10, 10, 10, double.NaN, 10];
        double[] q = [100, 100, 100, 100, double.NaN];
        DataFlag[] flags = [DataFlag.N, DataFlag.F, DataFlag.C, DataFlag.N, DataFlag.N];

        MeasuredAccumulation a = EmissionKernels.Accumulate(c, q, new double[5], flags, double.NaN, 5);

        Assert.Equal(1000, a.ProductSum);
        Assert.Equal(1, a.ValidHours);
        Assert.Equal(1, a.OverLimitHours);
    }

    [Fact]
    public void Accumulate_SpansOfDifferentLengths_NameTheParameter()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() =>
            EmissionKernels.Accumulate(new double[4], new double[3], new double[4], new DataFlag[4], double.NaN, 1));

        Assert.Equal("flow", error.ParamName);
    }

    private static (double[] C, double[] Q, double[] O2, DataFlag[] Flags) Hours(int length, int seed)
    {
        double[] c = SeededData.Uniform(length, 0, 120, seed);
        double[] q = SeededData.Uniform(length, 1e4, 3e5, seed + 1);
        double[] o2 = SeededData.Uniform(length, 3, 20.9, seed + 2);
        var random = new Random(seed);
        var flags = new DataFlag[length];
        for (int i = 0; i < length; i++)
        {
            flags[i] = s_flagMix[random.Next(s_flagMix.Length)];
            int special = random.Next(20);
            if (special == 0)
            {
                c[i] = double.NaN;
            }
            else if (special == 1)
            {
                q[i] = double.NaN;
            }
            else if (special == 2)
            {
                o2[i] = double.NaN;
            }
        }

        return (c, q, o2, flags);
    }
}
