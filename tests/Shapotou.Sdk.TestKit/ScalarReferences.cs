namespace Shapotou.Sdk.TestKit;

/// <summary>Obviously correct scalar twins of the SDK's kernels: plain loops, one operation per line.</summary>
public static class ScalarReferences
{
    /// <summary>The unit-conversion kernel: <c>destination[i] = source[i] * scale + offset</c>, the offset skipped when zero.</summary>
    public static void ConvertUnits(ReadOnlySpan<double> source, double scale, double offset, Span<double> destination)
    {
        for (int i = 0; i < source.Length; i++)
        {
            double scaled = source[i] * scale;
            destination[i] = offset == 0 ? scaled : scaled + offset;
        }
    }

    /// <summary>The comprehensive-energy accumulation: <c>destination[i] = amounts[i] * k + destination[i]</c>.</summary>
    public static void Accumulate(ReadOnlySpan<double> amounts, double kgcePerUnit, Span<double> destination)
    {
        for (int i = 0; i < amounts.Length; i++)
        {
            double product = amounts[i] * kgcePerUnit;
            destination[i] = product + destination[i];
        }
    }

    /// <summary>The grouped sum, with Kahan compensation per group: <c>sums[groups[i]] += values[i]</c>.</summary>
    public static double[] SumByGroup(ReadOnlySpan<int> groups, ReadOnlySpan<double> values, int groupCount)
    {
        var sums = new double[groupCount];
        var compensation = new double[groupCount];
        for (int i = 0; i < values.Length; i++)
        {
            int g = groups[i];
            double y = values[i] - compensation[g];
            double t = sums[g] + y;
            compensation[g] = (t - sums[g]) - y;
            sums[g] = t;
        }

        return sums;
    }
}
