using System.Text.Json;
using Shapotou.Sdk.Analytics.Sql;

namespace Shapotou.Sdk.Cli.Tests;

/// <summary>One definition, two executions: the table of <see cref="SqlFigures"/> against the DuckDB script, the
/// document of <c>assess --json</c> and docs/scale.md.</summary>
public sealed partial class SqlCommandTests
{
    /// <summary>Fields of <c>assess --json</c> that identify a row rather than state a figure.</summary>
    private static readonly HashSet<string> s_keys = new(StringComparer.Ordinal)
    {
        "outlet_id", "facility_id", "enterprise_id", "township", "product", "pollutant", "year", "check", "industry",
    };

    /// <summary>Figures that do not read a fact table: names and marks, catalogue values, counts of the dimension
    /// tables, and words (details, sources, what is missing or assumed; <c>grading.omitted[]</c> is the criteria table's
    /// own words on what it leaves out).</summary>
    private static readonly HashSet<string> s_notOverFactTables = new(StringComparer.Ordinal)
    {
        "dataset.name", "dataset.illustrative", "sdk.version", "sdk.catalogue_as_of", "assumptions[]",
        "district.enterprises", "district.townships[].enterprises", "district.townships[].output_value_10k_yuan",
        "ferroalloy.enterprises", "ferroalloy.furnaces", "ferroalloy.furnaces_running", "ferroalloy.capacity_t", "ferroalloy.waste_heat_coverage_pct",
        "waste_heat.furnaces", "waste_heat.furnaces_with_recovery", "waste_heat.coverage_pct", "waste_heat.capacity_coverage_pct",
        "emissions.missing[]", "emissions.plan_checks[].detail", "emissions.plan_checks[].source",
        "tax.rate_yuan_per_equivalent", "tax.rate_mark", "tax.missing[]",
        "carbon.grid_factor_t_per_mwh", "carbon.grid_factor_key", "carbon.grid_factor_data_year", "carbon.grid_factor_mark", "carbon.missing[]",
        "grading.omitted[]",
    };

    /// <summary>Figures over fact tables that have no view (issue 23): none since the grading views; a figure added here
    /// must say why in docs/scale.md, and a view for one of them must take it off this list.</summary>
    private static readonly HashSet<string> s_withoutView = new(StringComparer.Ordinal);

    [Fact]
    public void Figures_EachViewAndColumn_IsInTheDuckDbScript()
    {
        Assert.NotEmpty(SqlFigures.All);
        foreach (SqlFigure figure in SqlFigures.All)
        {
            Assert.Empty(_export.Query($"SELECT {figure.Column} FROM {figure.View} LIMIT 0"));
        }
    }

    [Fact]
    public void Figures_EveryAssessmentFigureOverAFactTable_HasAView()
    {
        (int code, string output, string error) = CliRunner.Run("assess", "--json");
        Assert.True(code == 0, error);
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Collect(JsonDocument.Parse(output).RootElement, string.Empty, paths);
        var figures = SqlFigures.All.Select(f => f.JsonPath).ToHashSet(StringComparer.Ordinal);

        string[] withoutView = paths.Where(p => !s_keys.Contains(p[(p.LastIndexOf('.') + 1)..]) && !figures.Contains(p)
            && !s_notOverFactTables.Contains(p) && !s_withoutView.Contains(p)).ToArray();
        string[] listedButHaveView = s_withoutView.Where(figures.Contains).ToArray();
        string[] unknownFigures = figures.Where(f => !paths.Contains(f)).ToArray();

        Assert.True(withoutView.Length == 0, $"Figures of assess --json over fact tables without a SQL view: {string.Join(", ", withoutView)}.");
        Assert.True(listedButHaveView.Length == 0, $"Listed as without a view but in SqlFigures: {string.Join(", ", listedButHaveView)}.");
        Assert.True(unknownFigures.Length == 0, $"SqlFigures names paths assess --json does not write: {string.Join(", ", unknownFigures)}.");
    }

    [Fact]
    public void Figures_AreTheTableOfDocsScale()
    {
        string docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "scale.md"));

        foreach (SqlFigure figure in SqlFigures.All)
        {
            Assert.Contains($"| `{figure.JsonPath}` | {figure.Formula} | `{figure.SdkMember}` | `{figure.View}.{figure.Column}` |", docs, StringComparison.Ordinal);
        }
    }

    private static void Collect(JsonElement element, string path, ISet<string> paths)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    Collect(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", paths);
                }

                break;
            case JsonValueKind.Array:
                paths.Add(path + "[]");
                foreach (JsonElement item in element.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        paths.Remove(path + "[]");
                        Collect(item, path + "[]", paths);
                    }
                }

                break;
            default:
                paths.Add(path);
                break;
        }
    }

    private static string RepositoryRoot()
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Shapotou.Sdk.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root is not above the test's folder.");
    }
}
