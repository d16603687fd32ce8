using System.Data.Common;
using DuckDB.NET.Data;
using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Analytics.EnergyEfficiency;
using Shapotou.Sdk.Analytics.SolidWaste;
using Shapotou.Sdk.Assessment;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Parquet;
using Shapotou.Sdk.Reference;
using Shapotou.Sdk.TestKit;

namespace Shapotou.Sdk.Cli.Tests;

/// <summary>
/// The SQL of <c>shapotou sql</c>, run by DuckDB.NET over the default dataset's exported files, gives the in-process
/// results to 1e-9 relative.
/// </summary>
public sealed class SqlCommandTests : IClassFixture<SqlCommandTests.ExportedDataset>
{
    private const double Agreement = 1e-9;
    private readonly ExportedDataset _export;

    public SqlCommandTests(ExportedDataset export)
    {
        _export = export;
    }

    [Fact]
    public void UnitEnergy_AgreesWithTheEnergyCalculator()
    {
        var sdk = new EnergyCalculator(ReferenceCatalogue.Builtin).ByEnterprise(DefaultDataset.Instance, 2024).Groups
            .ToDictionary(g => (g.GroupId, g.Product));
        List<object?[]> rows = _export.Query("SELECT enterprise_id, product, output_t, output_basis_t, comprehensive_energy_kgce, unit_energy_kgce_per_t FROM unit_energy WHERE year = 2024");

        Assert.Equal(sdk.Count, rows.Count);
        foreach (object?[] row in rows)
        {
            GroupEnergy g = sdk[((string)row[0]!, (string)row[1]!)];
            Tolerance.AssertClose(g.OutputT, (double)row[2]!, Agreement);
            Tolerance.AssertClose(g.OutputBasisT, (double)row[3]!, Agreement);
            Tolerance.AssertClose(g.ComprehensiveEnergyKgce ?? double.NaN, row[4] as double? ?? double.NaN, Agreement, g.GroupId);
            Tolerance.AssertClose(g.UnitEnergyKgcePerT ?? double.NaN, row[5] as double? ?? double.NaN, Agreement, g.GroupId);
        }
    }

    [Fact]
    public void MeasuredInventory_AgreesWithTheInventory_AndAddsUpToTable1_2WithTheFactorPart()
    {
        EmissionInventory inventory = new EmissionInventoryCalculator().Compute(DefaultDataset.Instance, 2024);
        var measured = inventory.Totals(EmissionGrouping.Outlet).Where(t => t.Methods.SequenceEqual([EmissionMethod.Measured]))
            .ToDictionary(t => (t.GroupId, ContractNames.ToName(t.Pollutant)));
        var sql = _export.Query("SELECT outlet_id, pollutant, mass_t FROM measured_inventory WHERE year = 2024")
            .ToDictionary(r => ((string)r[0]!, (string)r[1]!), r => (double)r[2]!);

        Assert.NotEmpty(measured);
        foreach (((string outlet, string pollutant), EmissionTotal total) in measured)
        {
            Tolerance.AssertClose(total.Mass!.Value.Tonnes, sql[(outlet, pollutant)], Agreement, $"{outlet} {pollutant}");
        }
    }

    [Fact]
    public void ReferenceOxygen_AgreesWithTheHourlyCompliance()
    {
        ComplianceResult sdk = ConcentrationCompliance.Evaluate(DefaultDataset.Instance, 2024);
        var sql = _export.Query("SELECT outlet_id, pollutant, max_hourly_mg_per_m3, over_limit_hours FROM reference_oxygen WHERE year = 2024")
            .ToDictionary(r => ((string)r[0]!, (string)r[1]!), r => (Max: (double)r[2]!, Over: Convert.ToInt64(r[3], System.Globalization.CultureInfo.InvariantCulture)));

        Assert.NotEmpty(sdk.Outlets);
        foreach (OutletCompliance c in sdk.Outlets)
        {
            (double max, long over) = sql[(c.OutletId, ContractNames.ToName(c.Pollutant))];
            Tolerance.AssertClose(c.MaxHourly!.Value.MilligramsPerCubicMeter, max, Agreement, c.OutletId);
            Assert.Equal(c.OverLimitHours, over);
        }
    }

    [Fact]
    public void SolidWasteUtilisation_AgreesWithTheSdk()
    {
        var sdk = SolidWasteUtilisation.ByEnterprise(DefaultDataset.Instance.SolidWasteLedger, 2024).ToDictionary(u => u.EnterpriseId);
        List<object?[]> rows = _export.Query("SELECT enterprise_id, utilisation_rate_pct FROM solid_waste_utilisation WHERE year = 2024");

        Assert.Equal(sdk.Count, rows.Count);
        foreach (object?[] row in rows)
        {
            Tolerance.AssertClose(sdk[(string)row[0]!].UtilisationRatePct ?? double.NaN, row[1] as double? ?? double.NaN, Agreement, (string)row[0]!);
        }
    }

    [Fact]
    public void SdkWrittenTimestamps_CarryStatisticsAnEngineCanPruneBy()
    {
        // A filter on hour must not lose rows to wrong row-group statistics (aloneguid/parquet-dotnet#769 with MICROS).
        object? count = _export.Query("SELECT COUNT(*) FROM cems_hourly WHERE hour >= TIMESTAMP '2024-07-01 00:00:00'")[0][0];
        int expected = DefaultDataset.Instance.CemsHourly!.Hours.ToArray().Count(h => h >= new DateTime(2024, 7, 1, 0, 0, 0, DateTimeKind.Unspecified));

        Assert.Equal(expected, Convert.ToInt32(count, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(expected > 0);
    }

    [Fact]
    public void Script_IsPortable_DoublesAndExponentLiterals_WithSources()
    {
        Assert.Contains("CAST(coke AS DOUBLE) * 9.714E+2", _export.Script, StringComparison.Ordinal);
        Assert.Contains("energy.coefficient.coke [S+] GB/T 2589", _export.Script, StringComparison.Ordinal);
        Assert.DoesNotContain("DECIMAL", _export.Script, StringComparison.Ordinal);
    }

    [Fact]
    public void Spark_Setup_UsesTemporaryViews()
    {
        (int code, string output, string error) = CliRunner.Run("sql", "--data", _export.Folder, "--engine", "spark", "--root", "s3://bucket/shapotou");

        Assert.True(code == 0, error);
        Assert.Contains("CREATE OR REPLACE TEMPORARY VIEW energy_ledger USING parquet OPTIONS (path 's3://bucket/shapotou/energy_ledger.parquet');", output, StringComparison.Ordinal);
    }

    /// <summary>The default dataset exported once, and the DuckDB script of <c>shapotou sql</c> run over it.</summary>
    public sealed class ExportedDataset : IDisposable
    {
        private readonly DuckDBConnection _connection;

        public ExportedDataset()
        {
            Folder = Path.Combine(Path.GetTempPath(), $"shapotou-sql-{Guid.NewGuid():N}");
            ClusterDatasetParquet.WriteAsync(DefaultDataset.Instance, Folder).GetAwaiter().GetResult();
            (int code, string output, string error) = CliRunner.Run("sql", "--data", Folder);
            if (code != 0)
            {
                throw new InvalidOperationException(error);
            }

            Script = output;
            _connection = new DuckDBConnection("DataSource=:memory:");
            _connection.Open();
            using DbCommand command = _connection.CreateCommand();
            command.CommandText = Script;
            command.ExecuteNonQuery();
        }

        public string Folder { get; }

        public string Script { get; }

        public List<object?[]> Query(string sql)
        {
            using DbCommand command = _connection.CreateCommand();
            command.CommandText = sql;
            using DbDataReader reader = command.ExecuteReader();
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

        public void Dispose()
        {
            _connection.Dispose();
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
    }
}
