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
public sealed partial class SqlCommandTests : IClassFixture<SqlCommandTests.ExportedDataset>
{
    private const double Agreement = 1e-9;
    private readonly ExportedDataset _export;

    public SqlCommandTests(ExportedDataset export)
    {
        _export = export;
    }

    [Theory]
    [InlineData(2023)] // a ledger year without CEMS hours
    [InlineData(2024)] // the assessment's latest year
    public void UnitEnergy_AgreesWithTheEnergyCalculator(int year)
    {
        Assert.True(SqlAgreement.UnitEnergy(_export, year) > 0);
    }

    [Theory]
    [InlineData(2022, 1900.0)] // the 2021 edition in force on 31 December
    [InlineData(2024, 1850.0)] // the 2023 edition (from 2023-07-04): ferrosilicon's baseline is 1 850 kgce/t
    public void EnergyBenchmarks_AgreeWithTheEnergyCalculator(int year, double ferrosiliconBaseline)
    {
        Dictionary<string, int> classes = SqlAgreement.EnergyBenchmarks(_export, year);
        var baselines = _export.Query($"SELECT DISTINCT baseline_kgce_per_t FROM energy_benchmarks WHERE year = {year} AND product LIKE 'FeSi%'");

        Assert.True(classes.GetValueOrDefault("better_than_benchmark") + classes.GetValueOrDefault("between") + classes.GetValueOrDefault("worse_than_baseline") > 0);
        Assert.Equal(ferrosiliconBaseline, (double)Assert.Single(baselines)[0]!);
        Assert.NotEmpty(_export.Query($"SELECT limit_level FROM energy_benchmarks WHERE year = {year} AND limit_level IS NOT NULL"));
    }

    [Fact]
    public void ElectricityLevels_AgreeWithTheEnergyCalculator_WithTheOreGradeCorrection()
    {
        (Dictionary<string, int> levels, int corrected) = SqlAgreement.ElectricityLevels(_export, 2024);
        List<object?[]> hefa = _export.Query("SELECT ore_grade_pct, electricity_limit_level_1_kwh_per_t, electricity_limit_level_3_kwh_per_t, electricity_limit_level FROM smelting_electricity WHERE year = 2024 AND enterprise_id = 'zl-hefa' AND product = 'FeSi75'");

        // Ten ferrosilicon enterprises corrected for their grade, and four carbide plants (GB 21343, no correction).
        Assert.Equal(10, corrected);
        Assert.Equal(14, levels["Level2"]);

        // GB 21341-2022: 8 050 / 8 400 kWh/t at 98 % SiO₂, 40 kWh/t lower per point above: 98.178 % gives 8 042.88 / 8 392.88.
        object?[] row = Assert.Single(hefa);
        Assert.Equal(98.17806294572318, (double)row[0]!, 1e-9);
        Assert.Equal(8050 - (((double)row[0]! - 98) * 40), (double)row[1]!, 1e-9);
        Assert.Equal(8042.877482171072, (double)row[1]!, 1e-9);
        Assert.Equal(8392.877482171072, (double)row[2]!, 1e-9);
        Assert.Equal("level_2", row[3]);
    }

    [Fact]
    public void ElectricityLevels_BeforeGb21341_2022_AreNullForFerrosilicon()
    {
        // GB 21341-2022 is in force from 2024-01-01: 2023's ferrosilicon has no level; the carbide plants have GB 21343's.
        (Dictionary<string, int> levels, int corrected) = SqlAgreement.ElectricityLevels(_export, 2023);

        Assert.Equal(0, corrected);
        Assert.Equal(4, levels["Level2"]);
        Assert.Empty(_export.Query("SELECT electricity_limit_level FROM smelting_electricity WHERE year = 2023 AND product LIKE 'FeSi%' AND electricity_limit_level IS NOT NULL"));
    }

    [Fact]
    public void FurnaceFigures_AgreeWithTheSdk()
    {
        (double? output, double? power) = SqlAgreement.FurnaceFigures(_export, 2024);
        SqlAgreement.FurnaceFigures(_export, 2023);

        // assess --json: ferroalloy.output_t 967 000 t; waste_heat.power_kwh_per_t 900.45.
        Assert.Equal(967000.0, output);
        Assert.Equal(900.4458945451147, power!.Value, 1e-9);
    }

    [Fact]
    public void MeasuredInventory_AgreesWithTheInventory()
    {
        Assert.True(SqlAgreement.MeasuredInventory(_export, 2024) > 0);
    }

    [Fact]
    public void ReferenceOxygen_AgreesWithTheHourlyCompliance()
    {
        ComplianceResult sdk = PermitCompliance.Evaluate(DefaultDataset.Instance, 2024);
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
        Assert.True(SqlAgreement.SolidWaste(_export, 2024) > 0);
    }

    [Theory]
    [InlineData(2023)] // a ledger year without CEMS hours: every outlet by factor
    [InlineData(2024)] // the CEMS year: measured outlets, the others by factor
    public void InventoryOutlets_AgreeWithTheCalculator_MethodAndMass(int year)
    {
        Assert.True(SqlAgreement.InventoryOutlets(_export, year) > 0);
    }

    [Fact]
    public void InventoryTotals_Of2024_AreTable1_2()
    {
        Dictionary<string, double?> totals = SqlAgreement.InventoryTotals(_export, 2024);

        // Plan table 1-2 (2024): the default dataset's inventory gives it to 0.01 t (docs/emissions.md).
        Assert.Equal(2376.16, totals["pm"]!.Value, 0.01);
        Assert.Equal(3301.24, totals["so2"]!.Value, 0.01);
        Assert.Equal(2697.45, totals["nox"]!.Value, 0.01);
        SqlAgreement.InventoryTotals(_export, 2023);
    }

    [Fact]
    public void Targets2027_AreThePlansCeilings_AndProgressAgrees()
    {
        Dictionary<string, double> ceilings = SqlAgreement.Targets(_export, [2023, 2024]);

        // docs/emissions.md: 2 221.71 t PM, 3 228.61 t SO₂, 2 481.65 t NOx.
        Assert.Equal(2221.71, ceilings["pm"]);
        Assert.Equal(3228.61, ceilings["so2"]);
        Assert.Equal(2481.65, ceilings["nox"]);
    }

    [Fact]
    public void Compliance_AgreesWithPermitCompliance()
    {
        (int compared, _) = SqlAgreement.Compliance(_export, 2024);

        Assert.True(compared > 0);
    }

    [Fact]
    public void PlanChecksOverCems_AgreeWithPlanChecks()
    {
        Dictionary<string, int> outcomes = SqlAgreement.PlanChecksCems(_export, 2024);

        Assert.True(outcomes.Values.Sum() > 0);
    }

    [Theory]
    [InlineData(2022)] // the grid factor of the data year itself
    [InlineData(2024)] // no factor of 2024 is published: the latest earlier one (2022)
    public void Carbon_AgreesWithTheCarbonCalculator(int year)
    {
        Assert.True(SqlAgreement.Carbon(_export, year) > 0);
    }

    [Fact]
    public void Tax_Exact_AgreesWithTheTaxCalculator_ToTheFen()
    {
        Analytics.Tax.TaxAssessment sdk = SqlAgreement.Tax(_export, 2024, "exact");

        // assess --json on the default dataset: 7 716 567.43 yuan over 102 outlets, 13 of them with a reduced month.
        Assert.Equal(7716567.43m, sdk.Total);
        Assert.Equal(13, sdk.Outlets.GroupBy(o => o.OutletId).Count(g => g.Any(m => m.Pollutants.Any(p => p.Taxed && p.LevyShare < 1))));
    }

    [Fact]
    public void Tax_Published_AgreesWithTheTaxCalculator_ToTheFen()
    {
        Analytics.Tax.TaxAssessment sdk = SqlAgreement.Tax(_export, 2024, "published");

        // assess --json --tax-rounding published: equivalents to 2 decimals, each pollutant's tax to the fen.
        Assert.Equal(7716567.10m, sdk.Total);
    }

    [Fact]
    public void Tax_Of2023_WithoutCemsHours_IsByFactorAndAgrees()
    {
        Assert.NotEmpty(SqlAgreement.Tax(_export, 2023, "exact").Outlets);
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
        // DECIMAL only where money is rounded, in the tax's one CTE for money and the sums of its amounts.
        Assert.Contains("AS DECIMAL(18,2)) AS tax_yuan", _export.Script, StringComparison.Ordinal);
        Assert.Contains("tax.rate.ningxia.air [S+]", _export.Script, StringComparison.Ordinal);
    }

    [Fact]
    public void Spark_Setup_UsesTemporaryViews()
    {
        (int code, string output, string error) = CliRunner.Run("sql", "--data", _export.Folder, "--engine", "spark", "--root", "s3://bucket/shapotou");

        Assert.True(code == 0, error);
        Assert.Contains("CREATE OR REPLACE TEMPORARY VIEW energy_ledger USING parquet OPTIONS (path 's3://bucket/shapotou/energy_ledger.parquet');", output, StringComparison.Ordinal);
    }

    /// <summary>The default dataset exported once, and the DuckDB script of <c>shapotou sql</c> run over it.</summary>
    public sealed class ExportedDataset : SqlExport
    {
        public ExportedDataset()
            : base(folder => ClusterDatasetParquet.WriteAsync(DefaultDataset.Instance, folder).GetAwaiter().GetResult(), _ => DefaultDataset.Instance)
        {
        }
    }
}
