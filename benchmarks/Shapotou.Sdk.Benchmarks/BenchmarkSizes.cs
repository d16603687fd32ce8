using System.Globalization;

namespace Shapotou.Sdk.Benchmarks;

/// <summary>
/// Column lengths of the benchmarks: odd ones, so the vector tail is measured. <c>SHAPOTOU_BENCH_LENGTHS</c>
/// (comma-separated) overrides them, which the CI smoke run uses to stay small.
/// </summary>
internal static class BenchmarkSizes
{
    public static IEnumerable<int> ColumnLengths()
    {
        string? configured = Environment.GetEnvironmentVariable("SHAPOTOU_BENCH_LENGTHS");
        return string.IsNullOrWhiteSpace(configured)
            ? [16, 1_000_003, 10_000_000]
            : configured.Split(',').Select(s => int.Parse(s.Trim(), CultureInfo.InvariantCulture));
    }
}
