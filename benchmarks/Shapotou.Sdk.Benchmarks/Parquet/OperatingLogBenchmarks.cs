using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using DuckDB.NET.Data;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Parquet;
using Shapotou.Sdk.Reference;
using UnitsNet.Units;

namespace Shapotou.Sdk.Benchmarks.Parquet;

/// <summary>
/// An hourly operating log (<c>facility_id, hour, electricity_kwh, coke_t, coal_t, natural_gas_m3, output_t,
/// flue_gas_nm3, so2, nox, pm, o2</c>; 10 M rows of 200 facilities, Snappy) reduced per facility to the energy in kgce
/// (GB/T 2589 coefficients from the catalogue) and the SO₂, NOx and PM masses at measured O₂ and at the reference O₂:
/// DuckDB.NET SQL over the file (baseline) against the SDK streaming the file row group by row group.
/// </summary>
/// <remarks>
/// <para>Setup writes the file once per size (with the SDK's streaming writer, under the temporary folder) and checks
/// that both engines agree to 1e-9 relative on every facility and figure. Peak RSS is the process's peak resident set
/// (<c>VmHWM</c>) over the benchmark's iterations, reset after setup through <c>/proc/self/clear_refs</c>: it sees
/// DuckDB's native memory, which the managed diagnoser does not.</para>
/// <para>Mass at reference O₂: c × (21 − O₂ref) / (21 − O₂) × flue gas. O₂ref is the coal-fired boiler's 9 % of
/// GB 13271-2014 Table 6 (catalogue key <c>emissions.reference_o2.coal_boiler</c>), a choice for this synthetic log.</para>
/// </remarks>
[Config(typeof(Config))]
public class OperatingLogBenchmarks
{
    private const int Facilities = 200;
    private static readonly DateOnly s_asOf = new(2024, 12, 31);

    private string _path = string.Empty;
    private DuckDBConnection? _duck;

    [ParamsSource(nameof(Rows))]
    public int RowCount { get; set; }

    public static IEnumerable<int> Rows() =>
        Environment.GetEnvironmentVariable("SHAPOTOU_BENCH_LENGTHS") is { Length: > 0 } ? BenchmarkSizes.ColumnLengths() : [10_000_000];

    /// <summary>The log's columns: ids, CST hours, and quantities in the units their names say.</summary>
    public static TableSpec Table { get; } = new("operating_log",
    [
        new("facility_id", ColumnType.Text, Required: true),
        new("hour", ColumnType.Timestamp, Required: true),
        new("electricity_kwh", ColumnType.Quantity, DefaultUnit: EnergyUnit.KilowattHour),
        new("coke_t", ColumnType.Quantity, DefaultUnit: MassUnit.Tonne),
        new("coal_t", ColumnType.Quantity, DefaultUnit: MassUnit.Tonne),
        new("natural_gas_m3", ColumnType.Quantity, DefaultUnit: VolumeUnit.CubicMeter),
        new("output_t", ColumnType.Quantity, DefaultUnit: MassUnit.Tonne),
        new("flue_gas_nm3", ColumnType.Quantity, DefaultUnit: VolumeUnit.CubicMeter),
        new("so2", ColumnType.Quantity, DefaultUnit: MassConcentrationUnit.MilligramPerCubicMeter),
        new("nox", ColumnType.Quantity, DefaultUnit: MassConcentrationUnit.MilligramPerCubicMeter),
        new("pm", ColumnType.Quantity, DefaultUnit: MassConcentrationUnit.MilligramPerCubicMeter),
        new("o2", ColumnType.Quantity, DefaultUnit: VolumeConcentrationUnit.Percent),
    ]);

    /// <summary>Per facility (sorted by id): kgce, then SO₂, NOx, PM in kg at measured O₂, then at reference O₂.</summary>
    public sealed record Result(string[] Facilities, double[][] Figures);

    private static (double Electricity, double Coke, double Coal, double Gas, double ReferenceO2) Coefficients()
    {
        ReferenceCatalogue c = ReferenceCatalogue.Builtin;
        return (
            c.Get("energy.coefficient.electricity.equivalent", s_asOf).GetValue(),
            c.Get("energy.coefficient.coke", s_asOf).GetValue() * 1000, // kgce/kg → kgce/t
            c.Get("energy.coefficient.raw_coal", s_asOf).GetValue() * 1000,
            c.Get("energy.coefficient.natural_gas", s_asOf).GetValue(),
            c.Get("emissions.reference_o2.coal_boiler", s_asOf).GetValue());
    }

    /// <summary>The DuckDB case checks the agreement of both engines, then forgets the SDK's garbage before measuring.</summary>
    [GlobalSetup(Target = nameof(DuckDbSql))]
    public void SetupDuckDb()
    {
        PrepareFile();
        Result sdk = SdkStreaming();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        _duck = new DuckDBConnection("DataSource=:memory:");
        _duck.Open();
        Result duck = DuckDbSql();
        double worst = 0;
        Assert(duck.Facilities.SequenceEqual(sdk.Facilities, StringComparer.Ordinal), "facility lists differ");
        for (int f = 0; f < duck.Figures.Length; f++)
        {
            for (int k = 0; k < duck.Figures[f].Length; k++)
            {
                double a = duck.Figures[f][k], b = sdk.Figures[f][k];
                double relative = a == b ? 0 : Math.Abs(a - b) / Math.Max(Math.Abs(a), Math.Abs(b));
                worst = Math.Max(worst, relative);
                Assert(relative <= 1e-9, string.Create(CultureInfo.InvariantCulture, $"facility {duck.Facilities[f]}, figure {k}: DuckDB {a:R}, SDK {b:R}"));
            }
        }

        PeakRss.Record("agreement", RowCount, worst.ToString("E2", CultureInfo.InvariantCulture));
        PeakRss.Reset();
    }

    /// <summary>The SDK case never loads DuckDB's engine.</summary>
    [GlobalSetup(Target = nameof(SdkStreaming))]
    public void SetupSdk()
    {
        PrepareFile();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        PeakRss.Reset();
    }

    private void PrepareFile()
    {
        string folder = Path.Combine(Path.GetTempPath(), "shapotou-bench");
        _path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"operating-log-{RowCount}.parquet"));
        if (!File.Exists(_path))
        {
            WriteLogAsync(_path, RowCount).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup(Targets = [nameof(DuckDbSql)])]
    public void CleanupDuckDb() => Cleanup(nameof(DuckDbSql));

    [GlobalCleanup(Targets = [nameof(SdkStreaming)])]
    public void CleanupSdk() => Cleanup(nameof(SdkStreaming));

    private void Cleanup(string method)
    {
        PeakRss.Record(method, RowCount, PeakRss.ReadMegabytes());
        _duck?.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Result DuckDbSql()
    {
        (double e, double coke, double coal, double gas, double reference) = Coefficients();
        string c(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        using DuckDBCommand command = _duck!.CreateCommand();
        command.CommandText =
            $"SELECT facility_id, " +
            $"sum(electricity_kwh * {c(e)} + coke_t * {c(coke)} + coal_t * {c(coal)} + natural_gas_m3 * {c(gas)}), " +
            "sum(so2 * flue_gas_nm3) * 1e-6, sum(nox * flue_gas_nm3) * 1e-6, sum(pm * flue_gas_nm3) * 1e-6, " +
            $"sum(so2 * flue_gas_nm3 * (21 - {c(reference)}) / (21 - o2)) * 1e-6, " +
            $"sum(nox * flue_gas_nm3 * (21 - {c(reference)}) / (21 - o2)) * 1e-6, " +
            $"sum(pm * flue_gas_nm3 * (21 - {c(reference)}) / (21 - o2)) * 1e-6 " +
            $"FROM read_parquet('{_path}') GROUP BY facility_id ORDER BY facility_id";
        var ids = new List<string>();
        var figures = new List<double[]>();
        using DuckDBDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
            figures.Add(Enumerable.Range(1, 7).Select(reader.GetDouble).ToArray());
        }

        return new Result([.. ids], [.. figures]);
    }

    [Benchmark]
    public Result SdkStreaming() => SdkStreamingAsync().GetAwaiter().GetResult();

    private async Task<Result> SdkStreamingAsync()
    {
        (double ce, double cCoke, double cCoal, double cGas, double reference) = Coefficients();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var sums = new List<double[]>();
        await foreach (TableBatch batch in ParquetTables.ReadBatchesAsync(_path, Table))
        {
            ReadOnlySpan<string?> ids = batch.Text("facility_id").Span;
            ReadOnlySpan<double> e = In(batch, "electricity_kwh"), coke = In(batch, "coke_t"), coal = In(batch, "coal_t"), gas = In(batch, "natural_gas_m3");
            ReadOnlySpan<double> flow = In(batch, "flue_gas_nm3"), so2 = In(batch, "so2"), nox = In(batch, "nox"), pm = In(batch, "pm"), o2 = In(batch, "o2");
            for (int i = 0; i < batch.RowCount; i++)
            {
                if (!index.TryGetValue(ids[i]!, out int g))
                {
                    index[ids[i]!] = g = sums.Count;
                    sums.Add(new double[7]);
                }

                double[] s = sums[g];
                s[0] += (e[i] * ce) + (coke[i] * cCoke) + (coal[i] * cCoal) + (gas[i] * cGas);
                double correction = (21 - reference) / (21 - o2[i]);
                s[1] += so2[i] * flow[i];
                s[2] += nox[i] * flow[i];
                s[3] += pm[i] * flow[i];
                s[4] += so2[i] * flow[i] * correction;
                s[5] += nox[i] * flow[i] * correction;
                s[6] += pm[i] * flow[i] * correction;
            }
        }

        string[] facilities = [.. index.Keys.Order(StringComparer.Ordinal)];
        double[][] figures = facilities.Select(f => sums[index[f]].Select((v, k) => k == 0 ? v : v * 1e-6).ToArray()).ToArray();
        return new Result(facilities, figures);
    }

    /// <summary>A column in the unit its name says (a file naming another unit is converted).</summary>
    private static ReadOnlySpan<double> In(TableBatch batch, string column)
    {
        Enum unit = Table.Find(column)!.DefaultUnit!;
        return Equals(batch.UnitOf(column), unit) ? batch.Numbers(column).Span : batch.NumbersIn(column, unit);
    }

    private static async Task WriteLogAsync(string path, int rows)
    {
        var random = new Random(2024);
        int batchSize = Math.Min(rows, 1_000_000);
        await using ParquetTableWriter writer = await ParquetTableWriter.CreateAsync(path, Table);
        for (int first = 0; first < rows; first += batchSize)
        {
            int n = Math.Min(batchSize, rows - first);
            var ids = new string?[n];
            var hours = new DateTime?[n];
            double[] Column(double min, double max)
            {
                var values = new double[n];
                for (int i = 0; i < n; i++)
                {
                    values[i] = min + (random.NextDouble() * (max - min));
                }

                return values;
            }

            for (int i = 0; i < n; i++)
            {
                int row = first + i;
                ids[i] = string.Create(CultureInfo.InvariantCulture, $"f{row % Facilities:000}");
                hours[i] = new DateTime(2020, 1, 1).AddHours(row / Facilities);
            }

            var batch = new TableBatch(Table, n)
                .SetText("facility_id", ids).SetTimes("hour", hours)
                .SetNumbers("electricity_kwh", Column(0, 200_000)).SetNumbers("coke_t", Column(0, 5)).SetNumbers("coal_t", Column(0, 10))
                .SetNumbers("natural_gas_m3", Column(0, 1_000)).SetNumbers("output_t", Column(0, 10)).SetNumbers("flue_gas_nm3", Column(100_000, 500_000))
                .SetNumbers("so2", Column(0, 200)).SetNumbers("nox", Column(0, 300)).SetNumbers("pm", Column(0, 50)).SetNumbers("o2", Column(5, 18));
            await writer.WriteAsync(batch);
        }

        await writer.CommitAsync();
    }

    private static void Assert(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"DuckDB and the SDK disagree: {message}.");
        }
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new RecordedColumn("Peak RSS (MB)", c => c.Descriptor.WorkloadMethod.Name, "Peak resident set of the benchmark process over its iterations (VmHWM, reset after setup)"));
            AddColumn(new RecordedColumn("Max rel. diff", _ => "agreement", "Largest relative difference between DuckDB and the SDK over every facility and figure"));
        }
    }
}

/// <summary>
/// A summary column whose value a benchmark process left through <see cref="PeakRss.Record"/> (so it survives
/// BenchmarkDotNet's child processes), keyed per benchmark case and row count.
/// </summary>
internal sealed class RecordedColumn(string name, Func<BenchmarkCase, string> key, string legend, string sizeParameter = "RowCount") : IColumn
{
    public string Id => nameof(RecordedColumn) + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => false;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        PeakRss.Read(key(benchmarkCase), (int)benchmarkCase.Parameters[sizeParameter]) ?? "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>The process's peak resident set from <c>/proc/self/status</c>, reset through <c>/proc/self/clear_refs</c>.</summary>
internal static class PeakRss
{
    private static string Folder => Path.Combine(Path.GetTempPath(), "shapotou-bench");

    public static void Reset()
    {
        if (File.Exists("/proc/self/clear_refs"))
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
    }

    public static string ReadMegabytes()
    {
        if (!File.Exists("/proc/self/status"))
        {
            return "n/a";
        }

        string line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        long kilobytes = long.Parse(line["VmHWM:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
        return (kilobytes / 1024.0).ToString("F0", CultureInfo.InvariantCulture);
    }

    public static void Record(string key, int rows, string value)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"{key}-{rows}.txt")), value);
    }

    public static string? Read(string key, int rows)
    {
        string path = Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"{key}-{rows}.txt"));
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }
}
