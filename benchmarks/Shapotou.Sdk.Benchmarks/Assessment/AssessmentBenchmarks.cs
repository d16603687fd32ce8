using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DuckDB.NET.Data;
using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Analytics.Sql;
using Shapotou.Sdk.Assessment;
using Shapotou.Sdk.Benchmarks.Parquet;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Parquet;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Benchmarks.Assessment;

/// <summary>
/// The main job at province scale: <c>shapotou export --scale N</c> data (N copies of the default cluster; 20 by
/// default: 1 380 enterprises, 9.3 M CEMS hours), the SDK's whole <see cref="DistrictAssessment"/> over the folder
/// against DuckDB.NET (two threads, baseline) computing every view <c>shapotou sql</c> writes for the folder (energy, solid
/// waste, the inventory by method, the 2027 ceilings and progress, compliance, the P6 checks over CEMS hours, the tax,
/// CO₂), each materialised as a table in the order the script gives, so a view that reads another reads its result
/// rather than computing it again; the one row-level view read by several others (<c>cems_valid_hours</c>, a row per
/// outlet, hour and pollutant) stays a view, which DuckDB fuses into each reader. At 20 copies that is DuckDB's
/// fastest way of the three tried (every view read as a view: 163 s; every view materialised: 14 s; this: 8 s).
/// </summary>
/// <remarks>
/// Setup writes the folder once (under the temporary folder) and checks that the figures both compute agree to 1e-9
/// relative: unit energy per enterprise, year and product; measured mass per outlet and pollutant; the highest hourly
/// reference-O₂ concentration and the hours above the limit per outlet and pollutant. Peak RSS is the benchmark
/// process's VmHWM over its iterations, reset after setup, so DuckDB's native memory counts too.
/// </remarks>
[Config(typeof(Config))]
public class AssessmentBenchmarks
{
    private static readonly DateOnly s_asOf = new(2024, 12, 31);
    private static readonly string[] s_tables =
        ["enterprises", "facilities", "treatment_facilities", "outlets", "energy_ledger", "solid_waste_ledger", "emission_factors", "cems_hourly", "cems_minute"];

    /// <summary>Row-level views read by several others: left as views for DuckDB to fuse into each reader.</summary>
    private static readonly HashSet<string> s_rowLevel = new(["cems_valid_hours"], StringComparer.Ordinal);

    private DuckDBConnection? _duck;
    private string _setup = string.Empty;
    private IReadOnlyList<SqlQuery> _queries = [];

    /// <summary>Copies of the cluster: 20; <c>SHAPOTOU_BENCH_SCALE</c> sets others (e.g. 20,100), the CI smoke run 1.</summary>
    [ParamsSource(nameof(Scales))]
    public int Scale { get; set; }

    public static IEnumerable<int> Scales() =>
        Environment.GetEnvironmentVariable("SHAPOTOU_BENCH_SCALE") is { Length: > 0 } scales
            ? scales.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))
            : Environment.GetEnvironmentVariable("SHAPOTOU_BENCH_LENGTHS") is { Length: > 0 } ? [1] : [20];

    private string Folder => Path.Combine(Path.GetTempPath(), "shapotou-bench", string.Create(CultureInfo.InvariantCulture, $"assessment-x{Scale}"));

    private string BenchmarkMethod { get; set; } = string.Empty;

    [GlobalSetup(Target = nameof(DuckDbViews))]
    public void SetupDuckDb()
    {
        Prepare();
        DistrictAssessment sdk = DistrictAssessment.RunAsync(AssessmentSource.FromFolder(Folder)).GetAwaiter().GetResult();
        _duck = OpenDuck();
        double worst = Agreement(sdk);
        if (worst > 1e-9)
        {
            throw new InvalidOperationException($"DuckDB and the SDK differ by {worst:E2} relative; expected at most 1e-9.");
        }

        PeakRss.Record("assessment-agreement", Scale, worst.ToString("E2", CultureInfo.InvariantCulture));
        sdk = null!;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        PeakRss.Reset();
    }

    [GlobalSetup(Target = nameof(SdkAssessment))]
    public void SetupSdk()
    {
        Prepare();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        PeakRss.Reset();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        PeakRss.Record($"assessment-{BenchmarkMethod}", Scale, PeakRss.ReadMegabytes());
        _duck?.Dispose();
    }

    /// <summary>Every view of <c>shapotou sql</c> over the folder, each materialised as a table in the script's order
    /// (its inputs first; the row-level ones left as views) on a fresh in-memory database with two threads; returns the
    /// rows of all materialised results.</summary>
    [Benchmark(Baseline = true)]
    public long DuckDbViews()
    {
        BenchmarkMethod = nameof(DuckDbViews);
        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        using DuckDBCommand command = duck.CreateCommand();
        command.CommandText = "SET threads = 2;\n" + _setup;
        command.ExecuteNonQuery();
        long rows = 0;
        foreach (SqlQuery query in _queries)
        {
            command.CommandText = $"CREATE {(s_rowLevel.Contains(query.Name) ? "VIEW" : "TABLE")} {query.Name} AS\n{query.Sql};";
            command.ExecuteNonQuery();
            if (s_rowLevel.Contains(query.Name))
            {
                continue;
            }

            command.CommandText = $"SELECT count(*) FROM {query.Name}";
            rows += Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        return rows;
    }

    /// <summary>The whole district assessment over the folder, as <c>shapotou assess --data</c> runs it.</summary>
    [Benchmark]
    public DistrictAssessment SdkAssessment()
    {
        BenchmarkMethod = nameof(SdkAssessment);
        return DistrictAssessment.RunAsync(AssessmentSource.FromFolder(Folder)).GetAwaiter().GetResult();
    }

    private void Prepare()
    {
        if (!File.Exists(Path.Combine(Folder, "cems_hourly.parquet")))
        {
            DefaultDataset.WriteAsync(Folder, Scale).GetAwaiter().GetResult();
        }
    }

    private DuckDBConnection OpenDuck()
    {
        // The tables of the folder, as `shapotou sql` finds them (export writes one file per table).
        var tables = s_tables.Where(t => File.Exists(Path.Combine(Folder, t + ".parquet"))).ToDictionary(t => t, _ => false, StringComparer.Ordinal);
        IReadOnlySet<string>? cemsColumns = tables.ContainsKey("cems_hourly") ? Columns("cems_hourly") : null;
        IReadOnlySet<string>? minuteColumns = tables.ContainsKey("cems_minute") ? Columns("cems_minute") : null;
        _queries = SqlCalculators.Queries(ReferenceCatalogue.Builtin, s_asOf, cemsColumns, tables.Keys.ToHashSet(StringComparer.Ordinal), minuteColumns);
        _setup = SqlCalculators.Setup(SqlEngine.DuckDb, Folder, tables);
        string script = SqlCalculators.Script(SqlEngine.DuckDb, Folder, tables, _queries);
        var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        using DuckDBCommand command = duck.CreateCommand();
        command.CommandText = "SET threads = 2;";
        command.ExecuteNonQuery();
        command.CommandText = script;
        command.ExecuteNonQuery();
        return duck;
    }

    private IReadOnlySet<string> Columns(string table) =>
        ParquetInspector.InspectAsync(Path.Combine(Folder, table + ".parquet")).GetAwaiter().GetResult()
            .Columns.Select(c => c.Path).ToHashSet(StringComparer.Ordinal);

    private double Agreement(DistrictAssessment sdk)
    {
        double worst = 0;
        void Compare(double expected, double actual)
        {
            double scale = Math.Max(Math.Abs(expected), Math.Abs(actual));
            worst = Math.Max(worst, scale == 0 ? 0 : Math.Abs(expected - actual) / scale);
        }

        int compared = 0;
        var energy = sdk.Energy.Where(e => e.UnitEnergy is not null).ToDictionary(e => (e.GroupId, e.Year, e.Product));
        foreach (object?[] row in Query("SELECT enterprise_id, year, product, unit_energy_kgce_per_t FROM unit_energy WHERE unit_energy_kgce_per_t IS NOT NULL"))
        {
            if (energy.TryGetValue(((string)row[0]!, Convert.ToInt32(row[1], CultureInfo.InvariantCulture), (string)row[2]!), out var e))
            {
                Compare(e.UnitEnergy!.Value.KilogramsOfCoalEquivalentPerTonne, (double)row[3]!);
                compared++;
            }
        }

        EmissionInventory inventory = sdk.Emissions.Inventories.Single(i => i.Year == 2024);
        var measured = inventory.Totals(EmissionGrouping.Outlet).Where(t => t.Methods.SequenceEqual([EmissionMethod.Measured]) && t.Mass is not null)
            .ToDictionary(t => (t.GroupId, ContractNames.ToName(t.Pollutant)), t => t.Mass!.Value.Tonnes);
        foreach (object?[] row in Query("SELECT outlet_id, pollutant, mass_t FROM measured_inventory WHERE year = 2024 AND mass_t IS NOT NULL"))
        {
            if (measured.TryGetValue(((string)row[0]!, (string)row[1]!), out double mass))
            {
                Compare(mass, (double)row[2]!);
                compared++;
            }
        }

        var compliance = sdk.Emissions.Compliance!.Outlets.Where(c => c.MaxHourly is not null).ToDictionary(c => (c.OutletId, ContractNames.ToName(c.Pollutant)));
        foreach (object?[] row in Query("SELECT outlet_id, pollutant, max_hourly_mg_per_m3, over_limit_hours FROM reference_oxygen WHERE year = 2024 AND max_hourly_mg_per_m3 IS NOT NULL"))
        {
            if (compliance.TryGetValue(((string)row[0]!, (string)row[1]!), out var c))
            {
                Compare(c.MaxHourly!.Value.MilligramsPerCubicMeter, (double)row[2]!);
                Compare(c.OverLimitHours, Convert.ToDouble(row[3], CultureInfo.InvariantCulture));
                compared++;
            }
        }

        if (compared == 0)
        {
            throw new InvalidOperationException("DuckDB and the SDK had no figure in common to compare.");
        }

        return worst;
    }

    private List<object?[]> Query(string sql)
    {
        using DuckDBCommand command = _duck!.CreateCommand();
        command.CommandText = sql;
        using DuckDBDataReader reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new RecordedColumn("Peak RSS (MB)", c => $"assessment-{c.Descriptor.WorkloadMethod.Name}", "Peak resident set of the benchmark process over its iterations (VmHWM, reset after setup)", "Scale"));
            AddColumn(new RecordedColumn("Max rel. diff", _ => "assessment-agreement", "Largest relative difference between DuckDB and the SDK over unit energy, measured mass, the highest reference-O₂ hour and hours over the limit", "Scale"));
        }
    }
}
