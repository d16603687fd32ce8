using System.CommandLine;
using Shapotou.Sdk.Analytics.Sql;
using Shapotou.Sdk.Analytics.Tax;
using Shapotou.Sdk.Parquet;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Cli.Commands;

/// <summary><c>shapotou sql --data DIR</c>: the main calculators as portable SQL over the dataset's tables (docs/scale.md).</summary>
internal static class SqlCommand
{
    /// <summary>The tables the calculators read, as views of the same names.</summary>
    private static readonly string[] s_tables = ["enterprises", "facilities", "treatment_facilities", "outlets", "energy_ledger", "solid_waste_ledger", "emission_factors", "cems_hourly", "cems_minute"];

    public static Command Create(CommandContext context)
    {
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "The dataset folder (<table>.parquet or Hive-partitioned <table>/), e.g. written by 'shapotou export'.",
            HelpName = "DIR",
            Required = true,
        };
        var engine = new Option<string>("--engine")
        {
            Description = "The engine whose setup to write: duckdb, spark or trino.",
            DefaultValueFactory = _ => "duckdb",
        };
        engine.OneOf("duckdb", "spark", "trino");
        var root = new Option<string?>("--root")
        {
            Description = "The dataset's location as the engine sees it (a path or an s3://, hdfs:// URI); default: the --data folder's full path.",
            HelpName = "PATH",
        };
        Option<DateOnly?> asOf = CommonOptions.AsOf("Inline the catalogue values in force on this date; default: 2024-12-31.");
        Option<FileInfo?> catalogue = CommonOptions.Catalogue();
        Option<string> taxRounding = CommonOptions.TaxRounding();
        Option<FileInfo?> plausibility = CommonOptions.Plausibility();
        Option<FileInfo?> criteria = CommonOptions.GradingCriteria("A performance-grading criteria table (JSON, docs/grading.md) for the grading views instead of the SDK's examples, as assess takes it.");
        Option<FileInfo?> facts = CommonOptions.Facts("Enterprise facts for the grading views (fugitive control, transport; JSON, docs/grading.md), inlined as rows, as assess takes them.");
        var command = new Command("sql", "Write the calculators (energy, solid waste, the inventory by method, the 2027 ceilings and progress, permit compliance, the P6 checks over CEMS hours, the environmental-protection tax, CO₂, the plausibility warnings, the performance grading) as SQL for DuckDB, Spark SQL or Trino over the dataset's tables.")
        {
            data,
            engine,
            root,
            asOf,
            catalogue,
            taxRounding,
            plausibility,
            criteria,
            facts,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            DirectoryInfo folder = CliInput.ExistingFolder(parse.GetValue(data)!, "--data");

            var tables = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (string table in s_tables)
            {
                if (File.Exists(Path.Combine(folder.FullName, table + ".parquet")))
                {
                    tables[table] = false;
                }
                else if (Directory.Exists(Path.Combine(folder.FullName, table)))
                {
                    tables[table] = true;
                }
            }

            IReadOnlySet<string>? cemsColumns = tables.TryGetValue("cems_hourly", out bool cemsFolder)
                ? await ColumnsAsync(Path.Combine(folder.FullName, "cems_hourly" + (cemsFolder ? string.Empty : ".parquet")), cemsFolder, cancellationToken).ConfigureAwait(false)
                : null;
            IReadOnlySet<string>? minuteColumns = tables.TryGetValue("cems_minute", out bool minuteFolder)
                ? await ColumnsAsync(Path.Combine(folder.FullName, "cems_minute" + (minuteFolder ? string.Empty : ".parquet")), minuteFolder, cancellationToken).ConfigureAwait(false)
                : null;
            ReferenceCatalogue loaded = CommonOptions.LoadCatalogue(parse.GetValue(catalogue));
            DateOnly date = parse.GetValue(asOf) ?? new DateOnly(2024, 12, 31);
            SqlEngine target = parse.GetValue(engine)!.ToLowerInvariant() switch
            {
                "spark" => SqlEngine.Spark,
                "trino" => SqlEngine.Trino,
                _ => SqlEngine.DuckDb,
            };
            IReadOnlyList<SqlQuery> queries = SqlCalculators.Queries(loaded, date, cemsColumns, tables.Keys.ToHashSet(StringComparer.Ordinal), minuteColumns,
                TaxOptions.Preset(parse.GetValue(taxRounding)!) ?? TaxOptions.Exact,
                CommonOptions.LoadPlausibility(parse.GetValue(plausibility)).ToSqlThresholds(),
                new SqlGrading(
                    CommonOptions.LoadGradingCriteria(parse.GetValue(criteria)) ?? SqlGrading.Examples.Criteria,
                    CommonOptions.LoadFacts(parse.GetValue(facts))));
            context.Output.Write(SqlCalculators.Script(target, parse.GetValue(root) ?? folder.FullName, tables, queries));
            return ShapotouApp.Success;
        });
        return command;
    }

    /// <summary>The column names of a table's file, or of the first file of its folder.</summary>
    private static async Task<IReadOnlySet<string>> ColumnsAsync(string path, bool folder, CancellationToken cancellationToken)
    {
        string file = folder
            ? Directory.EnumerateFiles(path, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault()
                ?? throw new FileNotFoundException($"Folder '{path}' holds no Parquet file.", path)
            : path;
        ParquetInspection inspection = await ParquetInspector.InspectAsync(file, cancellationToken).ConfigureAwait(false);
        return inspection.Columns.Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
    }
}
