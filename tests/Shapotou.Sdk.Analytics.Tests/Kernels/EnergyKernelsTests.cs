using Shapotou.Sdk.Analytics.Kernels;
using Shapotou.Sdk.TestKit;

namespace Shapotou.Sdk.Analytics.Tests.Kernels;

public sealed class EnergyKernelsTests
{
    [Fact]
    public void Accumulate_MatchesScalarReference_OnAllLengthsWithSpecialValues()
    {
        for (int length = 0; length <= 257; length++)
        {
            int seed = SeededData.DefaultSeed + length;
            double[] amounts = SeededData.WithSpecialValues(length, seed);
            double[] start = SeededData.Uniform(length, -1e6, 1e6, seed + 7);
            double[] expected = (double[])start.Clone();
            double[] actual = (double[])start.Clone();

            ScalarReferences.Accumulate(amounts, 0.1229, expected);
            EnergyKernels.Accumulate(amounts, 0.1229, actual);

            for (int i = 0; i < length; i++)
            {
                Tolerance.AssertClose(expected[i], actual[i], Tolerance.ElementwiseMap, $"length {length}, index {i}, seed {seed}");
            }
        }
    }

    [Fact]
    public void Accumulate_DestinationTooShort_NamesTheParameter()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => EnergyKernels.Accumulate(new double[4], 1, new double[3]));

        Assert.Equal("destination", error.ParamName);
    }

    [Fact]
    public void SumByGroup_MatchesCompensatedReference_AndPropagatesNaN()
    {
        foreach (int length in new[] { 0, 1, 7, 257, 10_007 })
        {
            int seed = SeededData.DefaultSeed + length;
            double[] values = SeededData.Uniform(length, 0, 1e4, seed);
            var random = new Random(seed);
            int[] groups = Enumerable.Range(0, length).Select(_ => random.Next(13)).ToArray();
            var sums = new double[13];

            EnergyKernels.SumByGroup(groups, values, sums);

            double[] expected = ScalarReferences.SumByGroup(groups, values, 13);
            for (int g = 0; g < 13; g++)
            {
                // A reduction reorders nothing here, but plain summation drifts from the compensated reference by about n·ε.
                Tolerance.AssertClose(expected[g], sums[g], 1e-12, $"length {length}, group {g}, seed {seed}");
            }
        }

        var withNaN = new double[2];
        EnergyKernels.SumByGroup([0, 1, 0], [1.0, 2.0, double.NaN], withNaN);
        Assert.True(double.IsNaN(withNaN[0]));
        Assert.Equal(2.0, withNaN[1]);
    }
}
