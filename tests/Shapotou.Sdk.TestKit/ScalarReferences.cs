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

    /// <summary>
    /// The measured-inventory pass: over hours flagged N with finite c and Q, Σ c × Q, their count, and — with the
    /// concentration converted to the reference O₂ as c × (21 − O₂ref) ÷ (21 − O₂) unless O₂ref is NaN — the count
    /// above the limit and the maximum.
    /// </summary>
    public static (double Sum, int Valid, int Over, double Max) MeasuredPass(
        ReadOnlySpan<double> concentration, ReadOnlySpan<double> flow, ReadOnlySpan<double> oxygen, ReadOnlySpan<Model.DataFlag> flags, double referenceOxygen, double limit)
    {
        double sum = 0;
        int valid = 0;
        int over = 0;
        double max = double.NaN;
        for (int i = 0; i < concentration.Length; i++)
        {
            bool normal = flags[i] == Model.DataFlag.N;
            bool finite = double.IsFinite(concentration[i]) && double.IsFinite(flow[i]) && double.IsFinite(concentration[i] * flow[i]);
            if (!normal || !finite)
            {
                continue;
            }

            sum += concentration[i] * flow[i];
            valid++;
            double compared = double.IsNaN(referenceOxygen)
                ? concentration[i]
                : concentration[i] * (21 - referenceOxygen) / (21 - oxygen[i]);
            if (!double.IsFinite(compared))
            {
                continue;
            }

            if (double.IsNaN(max) || compared > max)
            {
                max = compared;
            }

            if (compared > limit)
            {
                over++;
            }
        }

        return (sum, valid, over, max);
    }
}
