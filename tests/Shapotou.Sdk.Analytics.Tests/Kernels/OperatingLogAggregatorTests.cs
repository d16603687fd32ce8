using Shapotou.Sdk.Analytics.Kernels;
using Shapotou.Sdk.Reference;
using Shapotou.Sdk.TestKit;

namespace Shapotou.Sdk.Analytics.Tests.Kernels;

public sealed class OperatingLogAggregatorTests
{
    private static readonly OperatingLogCoefficients s_coefficients = OperatingLogCoefficients.FromCatalogue(ReferenceCatalogue.Builtin, new DateOnly(2024, 12, 31));

    private sealed record Log(int[] Facility, double[][] Columns)
    {
        public void AddTo(OperatingLogAggregator aggregator, bool scalar, int from, int to)
        {
            double[][] c = Columns;
            if (scalar)
            {
                aggregator.AddScalar(Facility.AsSpan(from, to - from), c[0].AsSpan(from, to - from), c[1].AsSpan(from, to - from), c[2].AsSpan(from, to - from), c[3].AsSpan(from, to - from),
                    c[4].AsSpan(from, to - from), c[5].AsSpan(from, to - from), c[6].AsSpan(from, to - from), c[7].AsSpan(from, to - from), c[8].AsSpan(from, to - from), c[9].AsSpan(from, to - from), from);
            }
            else
            {
                aggregator.Add(Facility.AsSpan(from, to - from), c[0].AsSpan(from, to - from), c[1].AsSpan(from, to - from), c[2].AsSpan(from, to - from), c[3].AsSpan(from, to - from),
                    c[4].AsSpan(from, to - from), c[5].AsSpan(from, to - from), c[6].AsSpan(from, to - from), c[7].AsSpan(from, to - from), c[8].AsSpan(from, to - from), c[9].AsSpan(from, to - from), from);
            }
        }
    }

    private static Log Seeded(int length, int facilities, int seed)
    {
        var random = new Random(seed);
        int[] ids = [.. Enumerable.Range(0, length).Select(_ => random.Next(facilities))];
        (double Min, double Max)[] ranges = [(0, 2e5), (0, 5), (0, 10), (0, 1e3), (0, 10), (1e5, 5e5), (0, 200), (0, 300), (0, 50), (5, 18)];
        double[][] columns = [.. ranges.Select((r, k) => SeededData.Uniform(length, r.Min, r.Max, seed + k + 1))];
        return new Log(ids, columns);
    }

    /// <summary>The row-by-row definition, written out independently of the kernel.</summary>
    private static Dictionary<int, double[]> Reference(Log log)
    {
        OperatingLogCoefficients k = s_coefficients;
        var sums = new Dictionary<int, double[]>();
        double[][] c = log.Columns;
        for (int i = 0; i < log.Facility.Length; i++)
        {
            if (!sums.TryGetValue(log.Facility[i], out double[]? s))
            {
                sums[log.Facility[i]] = s = new double[9];
            }

            double factor = (21 - k.ReferenceOxygenPercent) / (21 - c[9][i]);
            s[0] += (c[0][i] * k.ElectricityKgcePerKwh) + (c[1][i] * k.CokeKgcePerTonne) + (c[2][i] * k.CoalKgcePerTonne) + (c[3][i] * k.NaturalGasKgcePerCubicMetre);
            s[1] += c[4][i];
            s[2] += c[6][i] * c[5][i] * 1e-6;
            s[3] += c[7][i] * c[5][i] * 1e-6;
            s[4] += c[8][i] * c[5][i] * 1e-6;
            s[5] += c[6][i] * c[5][i] * factor * 1e-6;
            s[6] += c[7][i] * c[5][i] * factor * 1e-6;
            s[7] += c[8][i] * c[5][i] * factor * 1e-6;
            s[8]++;
        }

        return sums;
    }

    /// <summary>Each facility's figures against the row-by-row definition, within a reordered sum's tolerance.</summary>
    private static void AssertMatchTheDefinition(Dictionary<int, double[]> expected, IReadOnlyList<OperatingLogTotals> totals)
    {
        foreach (OperatingLogTotals t in totals)
        {
            double[] e = expected[t.FacilityId], a = Figures(t);
            for (int k = 0; k < e.Length; k++)
            {
                Tolerance.AssertClose(e[k], a[k], Tolerance.ReorderedSum, $"facility {t.FacilityId}, figure {k}");
            }
        }
    }

    private static double[] Figures(OperatingLogTotals t) =>
        [t.EnergyKgce, t.OutputTonnes, t.So2Kg, t.NoxKg, t.PmKg, t.So2ReferenceKg, t.NoxReferenceKg, t.PmReferenceKg, t.Rows];

    [Fact]
    public void Coefficients_AreTheCatalogueValues()
    {
        // The catalogue rows (GB/T 2589 Annex A): 0.1229 kgce/kWh, 0.9714 kgce/kg coke, 0.7143 kgce/kg raw coal, 1.33 kgce/m³ gas;
        // GB 13271-2014 Table 6: 9 % O₂ for coal-fired boilers.
        Assert.Equal(0.1229, s_coefficients.ElectricityKgcePerKwh, 12);
        Assert.Equal(971.4, s_coefficients.CokeKgcePerTonne, 9);
        Assert.Equal(714.3, s_coefficients.CoalKgcePerTonne, 9);
        Assert.Equal(1.33, s_coefficients.NaturalGasKgcePerCubicMetre, 12);
        Assert.Equal(9, s_coefficients.ReferenceOxygenPercent);
    }

    [Fact]
    public void VectorPath_IsBitIdenticalToScalarPath_OnEveryLength()
    {
        foreach (int length in new[] { 1, 2, 3, 7, 8, 9, 63, 1023, 1024, 1025, 4099, 8191, 8193, 16_390 })
        {
            Log log = Seeded(length, 37, SeededData.DefaultSeed + length);
            var vector = new OperatingLogAggregator(s_coefficients);
            var scalar = new OperatingLogAggregator(s_coefficients);
            log.AddTo(vector, scalar: false, 0, length);
            log.AddTo(scalar, scalar: true, 0, length);

            IReadOnlyList<OperatingLogTotals> v = vector.Totals(), s = scalar.Totals();
            Assert.Equal(s.Count, v.Count);
            for (int f = 0; f < s.Count; f++)
            {
                Assert.Equal(s[f], v[f]);
            }
        }
    }

    [Fact]
    public void EveryVectorWidthTheMachineHas_IsBitIdenticalToTheScalarPath_InOneProcess()
    {
        // With hardware intrinsics off (CI's scalar run) there is no vector path to compare.
        IReadOnlyList<int> widths = OperatingLogAggregator.AcceleratedWidths;
        Assert.Equal(System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated, widths.Count > 0);
        foreach (int length in new[] { 1, 3, 8, 9, 63, 1025, 8193, 16_390 })
        {
            Log log = Seeded(length, 37, SeededData.DefaultSeed + length);
            double[][] c = log.Columns;
            var scalar = new OperatingLogAggregator(s_coefficients);
            log.AddTo(scalar, scalar: true, 0, length);
            foreach (int width in widths)
            {
                var vector = new OperatingLogAggregator(s_coefficients);
                vector.Add(log.Facility, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], 0, width);
                Assert.Equal(scalar.Totals(), vector.Totals());
            }
        }
    }

    [Fact]
    public void Totals_MatchTheRowByRowDefinition_AcrossRunsAndMergedWorkers()
    {
        const int Length = 20_011;
        Log log = Seeded(Length, 1000, 2026);
        Dictionary<int, double[]> expected = Reference(log);

        // Two "workers", each fed uneven runs, then merged: the order of additions changes, the sums barely.
        var first = new OperatingLogAggregator(s_coefficients);
        var second = new OperatingLogAggregator(s_coefficients);
        log.AddTo(first, scalar: false, 0, 5000);
        log.AddTo(second, scalar: false, 5000, 12_345);
        log.AddTo(first, scalar: true, 12_345, Length);
        first.Merge(second);

        IReadOnlyList<OperatingLogTotals> totals = first.Totals();
        Assert.Equal(expected.Keys.Order(), totals.Select(t => t.FacilityId));
        AssertMatchTheDefinition(expected, totals);
        Assert.All(totals, t => Assert.Equal(t.EnergyKgce / t.OutputTonnes, t.UnitEnergyKgcePerTonne));
    }

    [Fact]
    public void OneRow_GivesThePublishedCoefficientsAndTheOxygenFactor()
    {
        // 1 000 kWh, 1 t coke, 1 t coal, 100 m³ gas: 122.9 + 971.4 + 714.3 + 133 kgce. 100 mg/m³ × 10 000 m³ = 1 kg at
        // 15 % O₂, × (21 − 9) ÷ (21 − 15) = 2 kg at 9 %.
        var aggregator = new OperatingLogAggregator(s_coefficients);
        aggregator.Add([5], [1000], [1], [1], [100], [2], [10_000], [100], [50], [10], [15]);

        OperatingLogTotals t = Assert.Single(aggregator.Totals());
        Assert.Equal(5, t.FacilityId);
        Assert.Equal(1, t.Rows);
        Tolerance.AssertClose(1941.6, t.EnergyKgce, 1e-15);
        Tolerance.AssertClose(970.8, t.UnitEnergyKgcePerTonne, 1e-15);
        Tolerance.AssertClose(1, t.So2Kg, 1e-15);
        Tolerance.AssertClose(0.5, t.NoxKg, 1e-15);
        Tolerance.AssertClose(0.1, t.PmKg, 1e-15);
        Tolerance.AssertClose(2, t.So2ReferenceKg, 1e-15);
        Tolerance.AssertClose(1, t.NoxReferenceKg, 1e-15);
        Tolerance.AssertClose(0.2, t.PmReferenceKg, 1e-15);
    }

    [Fact]
    public void NaN_ReachesItsFacilityOnly_AsSqlSum()
    {
        var aggregator = new OperatingLogAggregator(s_coefficients);
        aggregator.Add([0, 1], [double.NaN, 1], [0, 0], [0, 0], [0, 0], [1, 1], [1, 1], [1, 1], [1, 1], [1, 1], [9, 9]);

        IReadOnlyList<OperatingLogTotals> t = aggregator.Totals();
        Assert.True(double.IsNaN(t[0].EnergyKgce));
        Assert.Equal(0.1229, t[1].EnergyKgce, 15);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(OperatingLogAggregator.MaxFacilityId + 1)]
    public void FacilityOutOfRange_IsRejectedNamingTheRow(int id)
    {
        var aggregator = new OperatingLogAggregator(s_coefficients);
        double[] one = [1, 1, 1];

        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => aggregator.Add([0, 3, id], one, one, one, one, one, one, one, one, one, one, firstRow: 100));

        Assert.Contains("column 'facility_id', row 102", error.Message, StringComparison.Ordinal);
        Assert.Contains($"found {id}", error.Message, StringComparison.Ordinal);
        Assert.Empty(aggregator.Totals());
    }

    [Fact]
    public void FacilitiesOutOfRangeAtBothEnds_TheFirstRowIsNamed()
    {
        var aggregator = new OperatingLogAggregator(s_coefficients);
        double[] five = [1, 1, 1, 1, 1];

        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() =>
            aggregator.Add([0, OperatingLogAggregator.MaxFacilityId + 7, 2, -5, int.MinValue], five, five, five, five, five, five, five, five, five, five, firstRow: 10));

        Assert.Contains(FormattableString.Invariant($"column 'facility_id', row 11: expected a facility id from 0 to {OperatingLogAggregator.MaxFacilityId}, found {OperatingLogAggregator.MaxFacilityId + 7}."), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FacilityOutOfRangeAfterRow8192_IsNamed_AndOnlyTheScalarPathsFirstChunkIsAdded(bool scalar)
    {
        // 10 000 rows: the vector paths check every id before they add a row; the scalar path checks 8 192 rows at a
        // time, each chunk before it adds any of its rows.
        const int Length = 10_000;
        Log log = Seeded(Length, 5, 11);
        log.Facility[9000] = -3;
        var aggregator = new OperatingLogAggregator(s_coefficients);

        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => log.AddTo(aggregator, scalar, 0, Length));

        Assert.Equal(FormattableString.Invariant($"Table 'operating_log', column 'facility_id', row 9000: expected a facility id from 0 to {OperatingLogAggregator.MaxFacilityId}, found -3."), error.Message);
        // Add takes the scalar path too where the hardware has no vector one (as CI runs it, intrinsics off).
        bool vectorPath = !scalar && System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated;
        Assert.Equal(vectorPath ? 0 : 8192, aggregator.Totals().Sum(t => t.Rows));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FacilityIdsFirstSeenAfterRow8192_GrowTheTable_AndMatchTheDefinition(bool scalar)
    {
        const int Length = 10_000;
        Log log = Seeded(Length, 5, 13);
        (log.Facility[9000], log.Facility[9001], log.Facility[9999]) = (70_000, 70_000, 70_001);
        Dictionary<int, double[]> expected = Reference(log);
        var aggregator = new OperatingLogAggregator(s_coefficients);

        log.AddTo(aggregator, scalar, 0, Length);

        IReadOnlyList<OperatingLogTotals> totals = aggregator.Totals();
        Assert.Equal([0, 1, 2, 3, 4, 70_000, 70_001], totals.Select(t => t.FacilityId));
        Assert.Equal([2L, 1L], totals.Skip(5).Select(t => t.Rows));
        AssertMatchTheDefinition(expected, totals);
    }

    [Theory]
    [InlineData(false, 21.0, 1500)]
    [InlineData(true, 21.0, 1500)]
    [InlineData(false, 25.5, 1500)]
    [InlineData(true, 25.5, 1500)]
    [InlineData(false, 21.0, 9000)]
    [InlineData(true, 21.0, 9000)]
    public void OxygenAtOrAbove21_IsRejectedNamingTheRow(bool scalar, double oxygen, int row)
    {
        // 10 000 rows: row 1 500 lies in the vector paths' sixth block of 256, past the lanes' end of the first, and
        // in the scalar path's first block of 8 192; row 9 000 in its second.
        const int Length = 10_000;
        Log log = Seeded(Length, 5, 7);
        log.Columns[9][row] = oxygen;
        var aggregator = new OperatingLogAggregator(s_coefficients);

        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => log.AddTo(aggregator, scalar, 0, Length));

        Assert.StartsWith(FormattableString.Invariant($"Table 'operating_log', column 'o2', row {row}: expected an O₂ content below 21 %, found {oxygen}"), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void OxygenAtOrAbove21_InTheLastRowsAfterTheWholeVectors_IsRejectedNamingTheRow(bool scalar)
    {
        // 10 003 rows: the vector paths add the last three (one on the 128-bit path) one at a time, after the blocks.
        const int Length = 10_003;
        Log log = Seeded(Length, 5, 9);
        log.Columns[9][10_002] = 21;
        var aggregator = new OperatingLogAggregator(s_coefficients);

        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => log.AddTo(aggregator, scalar, 0, Length));

        Assert.StartsWith("Table 'operating_log', column 'o2', row 10002: expected an O₂ content below 21 %, found 21", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SpansOfDifferentLengths_AreRejected()
    {
        var aggregator = new OperatingLogAggregator(s_coefficients);
        double[] one = [1], two = [1, 2];

        Assert.Throws<ArgumentException>(() => aggregator.Add([0, 1], two, two, two, two, two, two, two, two, two, one));
    }

    [Fact]
    public void Merge_RejectsOtherCoefficients()
    {
        var aggregator = new OperatingLogAggregator(s_coefficients);

        Assert.Throws<ArgumentException>(() => aggregator.Merge(new OperatingLogAggregator(s_coefficients with { ReferenceOxygenPercent = 6 })));
    }
}
