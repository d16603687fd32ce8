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

    [Fact]
    public void AssessOut_WritesTheWarningsAsATable_RowForRowAsTheJsonLists()
    {
        string thresholds = Path.Combine(_folder, "plausibility.json");
        Directory.CreateDirectory(_folder);
        File.WriteAllText(thresholds, """{ "flow_range_m3_per_h": { "zl-yuexin-f1-DA001": { "minimum": 100000, "maximum": 290000 } } }""");
        string tables = Path.Combine(_folder, "tables");

        (int code, string output, string error) = CliRunner.Run("assess", "--json", "--plausibility", thresholds, "--out", tables);

        Assert.True(code == 0, error);
        JsonElement listed = JsonDocument.Parse(output).RootElement.GetProperty("warnings")[0].GetProperty("listed");
        string[] csv = File.ReadAllLines(Path.Combine(tables, "assessment_warnings.csv"));
        Assert.Equal("check,check_count,table,row,key,hour,value,threshold,unit,message", csv[0]);
        Assert.Equal(listed.GetArrayLength() + 1, csv.Length);
        Assert.Equal(
            "flow_outside_range,6634,cems_hourly,,zl-yuexin-f1-DA001,2024-01-01T00:00,300651,290000,m³/h,\"Table 'cems_hourly', outlet 'zl-yuexin-f1-DA001', 2024-01-01 00:00: flow 300651 m³/h is outside the range 100000 to 290000 m³/h set for the outlet.\"",
            csv[1]);

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using DuckDBCommand command = connection.CreateCommand();
        string parquet = Path.Combine(tables, "assessment_warnings.parquet");
        command.CommandText = $"SELECT count(*), min(check_count), sum(value), count(row), min(unit) FROM '{parquet}' WHERE \"check\" = 'flow_outside_range'";
        using (DuckDBDataReader reader = command.ExecuteReader())
        {
            Assert.True(reader.Read());
            Assert.Equal((long)listed.GetArrayLength(), reader.GetInt64(0));
            Assert.Equal(6634d, Convert.ToDouble(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(listed.EnumerateArray().Sum(w => w.GetProperty("value").GetDouble()), reader.GetDouble(2));
            Assert.Equal(0L, reader.GetInt64(3)); // an hour has no ledger row: null, not 0
            Assert.Equal("m³/h", reader.GetString(4));
        }

        // Without warnings, no table, and none left from the run before.
        Assert.Equal(0, CliRunner.Run("assess", "--out", tables).ExitCode);
        Assert.False(File.Exists(parquet));
    }
}
