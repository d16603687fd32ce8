using System.Text.Json;
using DuckDB.NET.Data;

namespace Shapotou.Sdk.Cli.Tests;

/// <summary><c>assess --out DIR</c>: the result tables as Parquet and CSV, read back by an independent engine.</summary>
public sealed class AssessOutTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-assess-out-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void AssessOut_WritesTablesThatDuckDbReadsAsTheJsonSaysWithUnits()
    {
        (int code, string output, string error) = CliRunner.Run("assess", "--json", "--out", _folder);
        Assert.True(code == 0, error);
        JsonElement document = JsonDocument.Parse(output).RootElement;

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using DuckDBCommand command = connection.CreateCommand();

        // Every district total of the document is a row of the totals table, to the last digit.
        string totals = Path.Combine(_folder, "assessment_emissions_totals.parquet");
        foreach (JsonElement total in document.GetProperty("emissions").GetProperty("totals").EnumerateArray())
        {
            command.CommandText = $"SELECT mass_t FROM '{totals}' WHERE year = {total.GetProperty("year").GetInt32()} AND pollutant = '{total.GetProperty("pollutant").GetString()}'";
            Assert.Equal(total.GetProperty("mass_t").GetDouble(), (double)command.ExecuteScalar()!);
        }

        // Unknown stays unknown: the null cells of the compliance table are the document's nulls.
        string compliance = Path.Combine(_folder, "assessment_compliance.parquet");
        command.CommandText = $"SELECT count(*) FROM '{compliance}' WHERE compliant IS NULL";
        int unknown = document.GetProperty("emissions").GetProperty("compliance").EnumerateArray().Count(c => c.GetProperty("compliant").ValueKind == JsonValueKind.Null);
        Assert.Equal((long)unknown, Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));

        // The unit of a column travels in the file metadata and the CSV header.
        command.CommandText = $"SELECT decode(value) FROM parquet_kv_metadata('{totals}') WHERE decode(key) = 'shapotou.unit_symbol.mass_t'";
        Assert.Equal("t", (string)command.ExecuteScalar()!);
        Assert.Equal("year,pollutant,mass_t [t],methods", File.ReadLines(Path.Combine(_folder, "assessment_emissions_totals.csv")).First());
        Assert.StartsWith("outlet_id,year,pollutant,limit_mg_per_m3 [mg/m3],reference_o2_pct [%],valid_hours [h],", File.ReadLines(Path.Combine(_folder, "assessment_compliance.csv")).First(), StringComparison.Ordinal);
    }

    [Fact]
    public void AssessOut_ASectionWithoutRows_LeavesNoFileFromAnEarlierRun()
    {
        Assert.Equal(0, CliRunner.Run("assess", "--out", _folder).ExitCode);
        Assert.True(File.Exists(Path.Combine(_folder, "assessment_tax_outlets.csv")));

        // 2023 has no CEMS hours in the default dataset: no inventory, so no tax; the 2024 files go.
        (int code, _, string error) = CliRunner.Run("assess", "--year", "2023", "--out", _folder);
        Assert.True(code == 0, error);
        Assert.False(File.Exists(Path.Combine(_folder, "assessment_tax_outlets.csv")));
        Assert.False(File.Exists(Path.Combine(_folder, "assessment_tax_outlets.parquet")));
        Assert.True(File.Exists(Path.Combine(_folder, "assessment_unit_energy.parquet")));
    }
}
