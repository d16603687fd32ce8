using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DuckDB.NET.Data;
using Parquet;
using Parquet.Schema;
using Shapotou.Sdk.Analytics.Kernels;
using Shapotou.Sdk.Parquet;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Benchmarks.Parquet;

/// <summary>
/// The performance issue's workload end to end: an hourly operating log (<c>facility_id</c> int32 of 1 000 facilities,
/// <c>hour</c>, ten doubles; 10 M rows, Snappy) reduced per facility to kgce, output, and SO₂/NOx/PM masses at measured
/// and reference O₂. DuckDB.NET SQL with two threads (baseline) against the SDK's fast path
/// (<see cref="ParquetColumnScan"/> with its page decoder + <see cref="OperatingLogAggregator"/>) with two workers and
/// with one, the same scan with an empty callback (the reader's own cost), and the scan with Parquet.Net decoding every
/// chunk (<see cref="ColumnScanDecoder.ParquetNet"/>), on a file written by Parquet.Net (10 row groups of 1 M) and the
/// same rows rewritten by DuckDB (its default 122 880-row groups).
/// </summary>
/// <remarks>
/// Setup writes the files once (under the temporary folder) and checks that DuckDB and the SDK agree to 1e-9 relative
/// on every facility and figure. Peak RSS as in <see cref="OperatingLogBenchmarks"/>: VmHWM over the iterations, reset
/// after setup.
/// </remarks>
[Config(typeof(Config))]
public class OperatingLogScanBenchmarks
{
    private const int Facilities = 1000;
    private static readonly string[] s_ints = ["facility_id"];
    private static readonly string[] s_doubles = ["electricity_kwh", "coke_t", "coal_t", "natural_gas_m3", "output_t", "flue_gas_nm3", "so2", "nox", "pm", "o2"];
    private static readonly OperatingLogCoefficients s_coefficients = OperatingLogCoefficients.FromCatalogue(ReferenceCatalogue.Builtin, new DateOnly(2024, 12, 31));

    private string _path = string.Empty;
    private DuckDBConnection? _duck;

    [ParamsSource(nameof(Rows))]
    public int RowCount { get; set; }

    /// <summary>
    /// Which engine wrote the file, and how: <c>duckdb</c> (its defaults: 122 880-row groups, dictionary ids, Snappy),
    /// <c>parquet.net</c> (the SDK writer's layout before it was chosen by this benchmark: 1 M-row groups, Snappy), and
    /// the SDK writer's candidate layouts <c>parquet.net-128k</c> (131 072-row groups, Snappy) and
    /// <c>parquet.net-128k-zstd</c> (Zstandard). <c>SHAPOTOU_BENCH_WRITERS</c> selects some.
    /// </summary>
    [ParamsSource(nameof(Writers))]
    public string Writer { get; set; } = "duckdb";

    public static IEnumerable<string> Writers() =>
        Environment.GetEnvironmentVariable("SHAPOTOU_BENCH_WRITERS") is { Length: > 0 } writers
            ? writers.Split(',')
            : ["duckdb", "parquet.net", "parquet.net-128k", "parquet.net-128k-zstd"];

    /// <summary>10 M rows; <c>SHAPOTOU_BENCH_ROWS</c> sets others, and the CI smoke run's <c>SHAPOTOU_BENCH_LENGTHS</c> small ones.</summary>
    public static IEnumerable<int> Rows() =>
        Environment.GetEnvironmentVariable("SHAPOTOU_BENCH_ROWS") is { Length: > 0 } rows
            ? rows.Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture))
            : Environment.GetEnvironmentVariable("SHAPOTOU_BENCH_LENGTHS") is { Length: > 0 } ? BenchmarkSizes.ColumnLengths() : [10_000_000];

    private static string Folder => Path.Combine(Path.GetTempPath(), "shapotou-bench");

    [GlobalSetup(Target = nameof(DuckDbSql))]
    public void SetupDuckDb()
    {
        PrepareFiles();
        IReadOnlyList<OperatingLogTotals> sdk = Scan(2);
        IReadOnlyList<OperatingLogTotals> one = Scan(1);
        IReadOnlyList<OperatingLogTotals> scalar = ScanScalar();
        IReadOnlyList<OperatingLogTotals> parquetNet = Scan(2, s_add, ColumnScanDecoder.ParquetNet);
        AssertPageDecoded();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        _duck = OpenDuck();
        var duck = (IReadOnlyList<OperatingLogTotals>)DuckDbSql();
        double worst = new[]
        {
            Compare(duck, sdk, "SDK, 2 workers"), Compare(duck, one, "SDK, 1 worker"), Compare(duck, scalar, "SDK, scalar"),
            Compare(duck, parquetNet, "SDK, Parquet.Net decoding"),
        }.Max();
        PeakRss.Record($"agreement-{Writer}", RowCount, worst.ToString("E2", CultureInfo.InvariantCulture));
        PeakRss.Record("vector-width", RowCount, (System.Numerics.Vector<double>.Count * 64).ToString(CultureInfo.InvariantCulture));
        PeakRss.Reset();
    }

    [GlobalSetup(Targets = [nameof(SdkScan), nameof(SdkScanOneWorker), nameof(ReadOnly), nameof(SdkScanParquetNetDecoding)])]
    public void SetupSdk()
    {
        PrepareFiles();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        PeakRss.Reset();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        PeakRss.Record(RssKey(Writer, BenchmarkMethod), RowCount, PeakRss.ReadMegabytes());
        _duck?.Dispose();
    }

    private string BenchmarkMethod { get; set; } = string.Empty;

    [Benchmark(Baseline = true)]
    public object DuckDbSql()
    {
        BenchmarkMethod = nameof(DuckDbSql);
        OperatingLogCoefficients k = s_coefficients;
        string c(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        string factor = $"(21 - {c(k.ReferenceOxygenPercent)}) / (21 - o2)";
        using DuckDBCommand command = _duck!.CreateCommand();
        command.CommandText =
            $"SELECT facility_id, count(*), " +
            $"sum(electricity_kwh * {c(k.ElectricityKgcePerKwh)} + coke_t * {c(k.CokeKgcePerTonne)} + coal_t * {c(k.CoalKgcePerTonne)} + natural_gas_m3 * {c(k.NaturalGasKgcePerCubicMetre)}), " +
            "sum(output_t), sum(so2 * flue_gas_nm3) * 1e-6, sum(nox * flue_gas_nm3) * 1e-6, sum(pm * flue_gas_nm3) * 1e-6, " +
            $"sum(so2 * flue_gas_nm3 * {factor}) * 1e-6, sum(nox * flue_gas_nm3 * {factor}) * 1e-6, sum(pm * flue_gas_nm3 * {factor}) * 1e-6 " +
            $"FROM read_parquet('{_path}') GROUP BY facility_id ORDER BY facility_id";
        var totals = new List<OperatingLogTotals>(Facilities);
        using DuckDBDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            totals.Add(new OperatingLogTotals(reader.GetInt32(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4),
                reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9)));
        }

        return totals;
    }

    [Benchmark]
    public object SdkScan()
    {
        BenchmarkMethod = nameof(SdkScan);
        return Scan(2);
    }

    [Benchmark]
    public object SdkScanOneWorker()
    {
        BenchmarkMethod = nameof(SdkScanOneWorker);
        return Scan(1);
    }

    /// <summary>The scan alone, two workers, with a callback that touches one value a row group: the reader's share.</summary>
    [Benchmark]
    public double ReadOnly()
    {
        BenchmarkMethod = nameof(ReadOnly);
        IReadOnlyList<double[]> states = ParquetColumnScan.ScanAsync(_path, s_ints, s_doubles, () => new double[1], (s, b) => s[0] += b.Numbers(9)[0], 2).GetAwaiter().GetResult();
        return states.Sum(s => s[0]);
    }

    /// <summary>The two-worker scan with Parquet.Net decoding every chunk: what the page decoder replaces.</summary>
    [Benchmark]
    public object SdkScanParquetNetDecoding()
    {
        BenchmarkMethod = nameof(SdkScanParquetNetDecoding);
        return Scan(2, s_add, ColumnScanDecoder.ParquetNet);
    }

    private static readonly Action<OperatingLogAggregator, ColumnScanBatch> s_add = static (a, b) => a.Add(
        b.Integers(0), b.Numbers(0), b.Numbers(1), b.Numbers(2), b.Numbers(3), b.Numbers(4), b.Numbers(5), b.Numbers(6), b.Numbers(7), b.Numbers(8), b.Numbers(9), b.FirstRow);

    private IReadOnlyList<OperatingLogTotals> Scan(int workers) => Scan(workers, s_add);

    private IReadOnlyList<OperatingLogTotals> ScanScalar() => Scan(1, static (a, b) => a.AddScalar(
        b.Integers(0), b.Numbers(0), b.Numbers(1), b.Numbers(2), b.Numbers(3), b.Numbers(4), b.Numbers(5), b.Numbers(6), b.Numbers(7), b.Numbers(8), b.Numbers(9), b.FirstRow));

    /// <summary>Fails the setup unless the page decoder read every column of every row group (no silent fallback).</summary>
    private void AssertPageDecoded()
    {
        IReadOnlyList<int[]> counts = ParquetColumnScan.ScanAsync(
            _path, s_ints, s_doubles, () => new int[2],
            (s, b) =>
            {
                s[0] += 1 + s_doubles.Length;
                s[1] += (b.IsIntegerColumnPageDecoded(0) ? 1 : 0) + Enumerable.Range(0, s_doubles.Length).Count(b.IsNumberColumnPageDecoded);
            },
            2).GetAwaiter().GetResult();
        (int chunks, int decoded) = (counts.Sum(c => c[0]), counts.Sum(c => c[1]));
        if (decoded != chunks)
        {
            throw new InvalidOperationException($"The page decoder read {decoded} of {chunks} column chunks of '{_path}'.");
        }
    }

    private IReadOnlyList<OperatingLogTotals> Scan(int workers, Action<OperatingLogAggregator, ColumnScanBatch> add, ColumnScanDecoder decoder = ColumnScanDecoder.Automatic)
    {
        IReadOnlyList<OperatingLogAggregator> states = ParquetColumnScan.ScanAsync(_path, s_ints, s_doubles, () => new OperatingLogAggregator(s_coefficients), add, workers, decoder).GetAwaiter().GetResult();
        for (int i = 1; i < states.Count; i++)
        {
            states[0].Merge(states[i]);
        }

        return states[0].Totals();
    }

    private static DuckDBConnection OpenDuck()
    {
        var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        using DuckDBCommand threads = duck.CreateCommand();
        threads.CommandText = "SET threads = 2";
        threads.ExecuteNonQuery();
        return duck;
    }

    private void PrepareFiles()
    {
        Directory.CreateDirectory(Folder);
        string File(string writer) => Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"operating-log-int-{RowCount}-{writer}.parquet"));
        string parquetNet = File("parquet.net");
        string duckdb = File("duckdb");
        Write(parquetNet, 1_000_000, CompressionMethod.Snappy);
        _path = File(Writer);
        switch (Writer)
        {
            case "parquet.net-128k":
                Write(_path, 131_072, CompressionMethod.Snappy);
                return;
            case "parquet.net-128k-zstd":
                Write(_path, 131_072, CompressionMethod.Zstd);
                return;
            case "parquet.net" or "duckdb":
                break;
            default:
                throw new InvalidOperationException($"Unknown writer '{Writer}'.");
        }

        if (!System.IO.File.Exists(duckdb))
        {
            using DuckDBConnection duck = OpenDuck();
            using DuckDBCommand copy = duck.CreateCommand();
            copy.CommandText = $"COPY (SELECT * FROM read_parquet('{parquetNet}')) TO '{duckdb}.tmp' (FORMAT parquet, COMPRESSION snappy)";
            copy.ExecuteNonQuery();
            System.IO.File.Move(duckdb + ".tmp", duckdb);
        }

        void Write(string path, int rowGroupRows, CompressionMethod compression)
        {
            if (!System.IO.File.Exists(path))
            {
                WriteParquetNetAsync(path + ".tmp", RowCount, rowGroupRows, compression).GetAwaiter().GetResult();
                System.IO.File.Move(path + ".tmp", path);
            }
        }
    }

    /// <summary>Writes the log with Parquet.Net's own writer, as the SDK's writer does: required columns, seeded values.</summary>
    private static async Task WriteParquetNetAsync(string path, int rows, int rowGroupRows, CompressionMethod compression)
    {
        // One seeded sequence per column, so every layout holds the same values.
        Random[] random = [.. s_doubles.Select((_, c) => new Random(2024 + c))];
        var facility = new DataField<int>("facility_id");
        var hour = new DataField<DateTime>("hour");
        DataField<double>[] numbers = [.. s_doubles.Select(n => new DataField<double>(n))];
        (double Min, double Max)[] ranges = [(0, 200_000), (0, 5), (0, 10), (0, 1_000), (0, 10), (100_000, 500_000), (0, 200), (0, 300), (0, 50), (5, 18)];
        var schema = new ParquetSchema([facility, hour, .. numbers]);
        await using FileStream stream = File.Create(path);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream, new ParquetOptions { CompressionMethod = compression });
        int size = Math.Min(rows, rowGroupRows);
        for (int first = 0; first < rows; first += size)
        {
            int n = Math.Min(size, rows - first);
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            int[] ids = new int[n];
            DateTime[] hours = new DateTime[n];
            for (int i = 0; i < n; i++)
            {
                ids[i] = (first + i) % Facilities;
                hours[i] = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours((first + i) / Facilities);
            }

            await group.WriteAsync<int>(facility, ids);
            await group.WriteAsync<DateTime>(hour, hours);
            for (int c = 0; c < numbers.Length; c++)
            {
                double[] values = new double[n];
                for (int i = 0; i < n; i++)
                {
                    values[i] = ranges[c].Min + (random[c].NextDouble() * (ranges[c].Max - ranges[c].Min));
                }

                await group.WriteAsync<double>(numbers[c], values);
            }
        }
    }

    private static double Compare(IReadOnlyList<OperatingLogTotals> duck, IReadOnlyList<OperatingLogTotals> sdk, string what)
    {
        if (duck.Count != sdk.Count)
        {
            throw new InvalidOperationException($"DuckDB found {duck.Count} facilities, the {what} {sdk.Count}.");
        }

        double worst = 0;
        for (int f = 0; f < duck.Count; f++)
        {
            OperatingLogTotals a = duck[f], b = sdk[f];
            if (a.FacilityId != b.FacilityId || a.Rows != b.Rows)
            {
                throw new InvalidOperationException($"Facility {a.FacilityId} ({a.Rows} rows) against {b.FacilityId} ({b.Rows} rows) in the {what}.");
            }

            double[] x = [a.EnergyKgce, a.OutputTonnes, a.So2Kg, a.NoxKg, a.PmKg, a.So2ReferenceKg, a.NoxReferenceKg, a.PmReferenceKg, a.UnitEnergyKgcePerTonne];
            double[] y = [b.EnergyKgce, b.OutputTonnes, b.So2Kg, b.NoxKg, b.PmKg, b.So2ReferenceKg, b.NoxReferenceKg, b.PmReferenceKg, b.UnitEnergyKgcePerTonne];
            for (int k = 0; k < x.Length; k++)
            {
                double relative = x[k] == y[k] ? 0 : Math.Abs(x[k] - y[k]) / Math.Max(Math.Abs(x[k]), Math.Abs(y[k]));
                worst = Math.Max(worst, relative);
                if (!(relative <= 1e-9))
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"DuckDB and the {what} disagree on facility {a.FacilityId}, figure {k}: {x[k]:R} against {y[k]:R}."));
                }
            }
        }

        return worst;
    }

    private static string RssKey(string writer, string method) => $"scan-{method}-{writer}";

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new RecordedColumn("Peak RSS (MB)", c => RssKey((string)c.Parameters["Writer"], c.Descriptor.WorkloadMethod.Name), "Peak resident set of the benchmark process over its iterations (VmHWM, reset after setup)"));
            AddColumn(new RecordedColumn("Max rel. diff", c => $"agreement-{c.Parameters["Writer"]}", "Largest relative difference between DuckDB and the SDK (2 workers, 1 worker, scalar, Parquet.Net decoding) over every facility and figure"));
        }
    }
}
