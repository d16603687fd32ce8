using Shapotou.Sdk.Assessment;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Parquet;

namespace Shapotou.Sdk.Cli.Tests;

/// <summary>
/// The DuckDB script over three copies of the cluster (<c>shapotou export --scale 3</c>) gives the SDK's figures over
/// the same files read back, to 1e-9 relative, NULL where the SDK's are unknown.
/// </summary>
public sealed class SqlScaleTests : IClassFixture<SqlScaleTests.ThreeCopies>
{
    private readonly ThreeCopies _export;

    public SqlScaleTests(ThreeCopies export)
    {
        _export = export;
    }

    [Fact]
    public void Inventory_ThreeCopies_AgreesWithTheCalculator()
    {
        // Three whole clusters: three times the outlets of one (docs/assessment.md).
        int outlets = DefaultDataset.Instance.Outlets.Where(o => o.Pollutant is Pollutant.Pm or Pollutant.So2 or Pollutant.Nox)
            .Select(o => (o.OutletId, o.Pollutant)).Distinct().Count();
        Assert.Equal(3 * outlets, SqlAgreement.InventoryOutlets(_export, 2024));
        SqlAgreement.InventoryOutlets(_export, 2023);
        SqlAgreement.InventoryTotals(_export, 2024);
    }

    [Fact]
    public void Targets_ThreeCopies_AreThreeTimesTheCeilingsBeforeRounding()
    {
        Dictionary<string, double> ceilings = SqlAgreement.Targets(_export, [2023, 2024]);

        // 3 × 2 376.16 t × 0.935, to 0.01 t.
        Assert.Equal(6665.12, ceilings["pm"], 0.02);
    }

    [Fact]
    public void ComplianceAndPlanChecks_ThreeCopies_AgreeWithTheSdk()
    {
        Assert.True(SqlAgreement.Compliance(_export, 2024).Compared > 0);
        Assert.True(SqlAgreement.PlanChecksCems(_export, 2024).Values.Sum() > 0);
    }

    [Fact]
    public void Carbon_ThreeCopies_AgreesWithTheCarbonCalculator()
    {
        Assert.True(SqlAgreement.Carbon(_export, 2024) > 0);
    }

    [Fact]
    public void UnitEnergyAndSolidWaste_ThreeCopies_AgreeWithTheSdk()
    {
        // Three copies of each enterprise (docs/assessment.md: ids suffixed per copy).
        int enterprises = DefaultDataset.Instance.SolidWasteLedger.Where(r => r.Period.Year == 2024).Select(r => r.EnterpriseId).Distinct().Count();
        Assert.Equal(3 * enterprises, SqlAgreement.SolidWaste(_export, 2024));
        Assert.True(SqlAgreement.UnitEnergy(_export, 2024) > 0);
        SqlAgreement.UnitEnergy(_export, 2023);
        SqlAgreement.EnergyBenchmarks(_export, 2024);
        SqlAgreement.EnergyBenchmarks(_export, 2022);
        Assert.Equal(3 * 10, SqlAgreement.ElectricityLevels(_export, 2024).Corrected);
        SqlAgreement.ElectricityLevels(_export, 2023);

        // Three copies: three times the output, the same power per tonne.
        (double? output, double? power) = SqlAgreement.FurnaceFigures(_export, 2024);
        Assert.Equal(3 * 967000.0, output);
        Assert.Equal(900.4458945451147, power!.Value, 1e-9);
    }

    [Fact]
    public void MeasuredInventory_ThreeCopies_AgreesWithTheInventory()
    {
        int measured = new Analytics.Emissions.EmissionInventoryCalculator().Compute(DefaultDataset.Instance, 2024)
            .Totals(Analytics.Emissions.EmissionGrouping.Outlet).Count(t => t.Methods.SequenceEqual([Analytics.Emissions.EmissionMethod.Measured]));

        Assert.Equal(3 * measured, SqlAgreement.MeasuredInventory(_export, 2024));
    }

    [Theory]
    [InlineData("exact")] // nothing rounded before the outlet's monthly tax
    [InlineData("published")] // equivalents to 0.01 and each pollutant's tax to the fen, in DECIMAL
    public void Tax_ThreeCopies_AgreesWithTheTaxCalculator_ToTheFen(string rounding)
    {
        Analytics.Tax.TaxAssessment sdk = SqlAgreement.Tax(_export, 2024, rounding);

        // Three copies of the default dataset's 102 taxed outlets.
        Assert.Equal(3 * 102, sdk.Outlets.Select(o => o.OutletId).Distinct().Count());
    }

    [Fact]
    public void Grading_ThreeCopies_EqualsTheAssessment()
    {
        (int code, string output, string error) = CliRunner.Run("assess", "--data", _export.Folder, "--json");
        Assert.True(code == 0, error);
        using System.Text.Json.JsonDocument json = System.Text.Json.JsonDocument.Parse(output);
        System.Text.Json.JsonElement grading = json.RootElement.GetProperty("grading");

        SqlGradingTests.Graded sdk = SqlGradingTests.Graded.From(grading);

        Assert.Equal(sdk, SqlGradingTests.Graded.From(_export.Query));
        SqlGradingTests.AssertDistribution(grading.GetProperty("distribution"), _export.Query);

        // Three copies of each enterprise the default dataset grades, and of each it does not.
        (int one, string single, string singleError) = CliRunner.Run("assess", "--json");
        Assert.True(one == 0, singleError);
        using System.Text.Json.JsonDocument defaults = System.Text.Json.JsonDocument.Parse(single);
        SqlGradingTests.Graded once = SqlGradingTests.Graded.From(defaults.RootElement.GetProperty("grading"));
        Assert.Equal(3 * once.Grades.Count, sdk.Grades.Count);
        Assert.Equal(3 * once.NotGraded.Count, sdk.NotGraded.Count);
    }

    /// <summary>Three copies of the default cluster, exported as <c>shapotou export --scale 3</c> writes them.</summary>
    public sealed class ThreeCopies : SqlExport
    {
        public ThreeCopies()
            : base(
                folder => DefaultDataset.WriteAsync(folder, 3).GetAwaiter().GetResult(),
                folder => ClusterDatasetParquet.ReadAsync(folder, illustrative: true).GetAwaiter().GetResult())
        {
        }
    }
}
