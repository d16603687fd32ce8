namespace Shapotou.Sdk.TestKit;

/// <summary>Seeded test data, so a failure can be reproduced from the seed in its message.</summary>
public static class SeededData
{
    /// <summary>The seed every generator uses unless a test passes its own.</summary>
    public const int DefaultSeed = 20_250_701;

    /// <summary>Returns <paramref name="length"/> values uniform in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public static double[] Uniform(int length, double min, double max, int seed = DefaultSeed)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = min + (random.NextDouble() * (max - min));
        }

        return values;
    }

    /// <summary>The special values kernels must propagate or preserve.</summary>
    public static IReadOnlyList<double> SpecialValues { get; } =
    [
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, double.Epsilon, -double.Epsilon,
        double.MaxValue, double.MinValue, 1e-310,
    ];

    /// <summary>Returns seeded values with special values planted at seeded positions.</summary>
    public static double[] WithSpecialValues(int length, int seed = DefaultSeed)
    {
        double[] values = Uniform(length, -1e6, 1e6, seed);
        var random = new Random(seed + 1);
        for (int k = 0; k < Math.Min(length, SpecialValues.Count); k++)
        {
            values[random.Next(length)] = SpecialValues[k];
        }

        return values;
    }
}
