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
}
