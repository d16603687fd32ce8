using System.Text.Json;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Analytics.Emissions;

namespace Shapotou.Sdk.Assessment.Tests;

/// <summary>The default dataset written once, for the tests that take tables or columns away from it.</summary>
public sealed class DefaultFolderFixture : IDisposable
{
    public DefaultFolderFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), $"shapotou-partial-{Guid.NewGuid():N}");
        DefaultDataset.WriteAsync(Folder).GetAwaiter().GetResult();
    }

    public string Folder { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary>Unknown is never 0: datasets that lack a table or a ledger column.</summary>
public sealed class PartialDatasetTests(DefaultFolderFixture fixture) : IClassFixture<DefaultFolderFixture>, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-partial-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>The tables no other table refers to, each removed in turn.</summary>
    public static TheoryData<string> LeafTables => new() { "cems_hourly", "emission_factors", "energy_ledger", "solid_waste_ledger", "treatment_facilities" };

    /// <summary>The tables others refer to, with what the assumptions say of the rows that refer to them.</summary>
    public static TheoryData<string, string> ReferencedTables => new()
    {
        { "enterprises", "Without table enterprises, facilities and the solid-waste ledger keep their enterprise ids, but each enterprise's township, industry and output value are unknown: the figures that need them (townships, the ferroalloy cluster, CO₂ per township) are null or absent, never 0." },
        { "facilities", "Without table facilities, the rows of treatment_facilities, outlets, energy_ledger, cems_hourly cannot be attributed to a facility or an enterprise and are not used: the figures that need them are null or absent, never 0." },
        { "outlets", "Without table outlets, the hours of cems_hourly cannot be attributed to an outlet and are not used: the figures that need them are null or absent, never 0." },
    };

    private string CopyWithout(string table)
    {
        Directory.CreateDirectory(_folder);
        foreach (string file in Directory.GetFiles(fixture.Folder).Where(f => Path.GetFileName(f) != table + ".parquet"))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }

        return _folder;
    }

    /// <summary>Visits every number of a document, asserting it is finite, and counts them.</summary>
    private static int FiniteNumbers(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                Assert.True(double.IsFinite(element.GetDouble()), $"{path} is {element.GetRawText()}");
                return 1;
            case JsonValueKind.Object:
                return element.EnumerateObject().Sum(p => FiniteNumbers(p.Value, $"{path}.{p.Name}"));
            case JsonValueKind.Array:
                return element.EnumerateArray().Select((e, i) => FiniteNumbers(e, $"{path}[{i}]")).Sum();
            default:
                return 0;
        }
    }

    [Theory]
    [MemberData(nameof(LeafTables))]
    public async Task RunAsync_FolderLackingATable_CompletesAndEveryNumberIsFinite(string table)
    {
        DistrictAssessment a = await DistrictAssessment.RunAsync(AssessmentSource.FromFolder(CopyWithout(table)));

        using JsonDocument document = JsonDocument.Parse(AssessmentJson.Serialize(a));
        Assert.True(FiniteNumbers(document.RootElement, "$") > 100);
        Assert.Contains($"The folder has no table {table}: the figures that need it are null or absent, never 0.", a.Assumptions);
    }

    [Fact]
    public async Task RunAsync_FolderWithoutTreatmentFacilities_DesulfurisationCheckIsUnknownNotAChainOfZero()
    {
        DistrictAssessment a = await DistrictAssessment.RunAsync(AssessmentSource.FromFolder(CopyWithout("treatment_facilities")));

        // Before: outcome fail, value 0 ("0 % against ≥ 95 %") for all 35 furnaces, as if no treatment were known to exist.
        using JsonDocument document = JsonDocument.Parse(AssessmentJson.Serialize(a));
        JsonElement[] checks = [.. document.RootElement.GetProperty("emissions").GetProperty("plan_checks").EnumerateArray()
            .Where(c => c.GetProperty("check").GetString() == "ferroalloy_demonstration_desulfurisation")];
        Assert.Equal(35, checks.Length);
        Assert.All(checks, c =>
        {
            Assert.Equal("unknown", c.GetProperty("outcome").GetString());
            Assert.Equal(JsonValueKind.Null, c.GetProperty("value").ValueKind);
            Assert.Equal("The dataset has no table treatment_facilities: the design efficiency of the SO₂ treatment chain is unknown.", c.GetProperty("detail").GetString());
        });
    }

    [Fact]
    public async Task RunAsync_FolderWithoutTreatmentFacilities_FactorEstimatesAreUnknownNotUntreated()
    {
        DistrictAssessment whole = await DistrictAssessment.RunAsync(AssessmentSource.FromFolder(fixture.Folder));
        DistrictAssessment a = await DistrictAssessment.RunAsync(AssessmentSource.FromFolder(CopyWithout("treatment_facilities")));

        // Before: every facility estimated as untreated (the whole generation factor), a known and too large figure.
        OutletEmission[] factorRows = [.. whole.Emissions.Inventories[^1].Rows.Where(r => r.Method == EmissionMethod.Factor)];
        Assert.Contains(factorRows, r => r.Mass is not null);
        EmissionInventory inventory = a.Emissions.Inventories[^1];
        OutletEmission[] rows = [.. inventory.Rows.Where(r => r.Method == EmissionMethod.Factor)];
        Assert.Equal(factorRows.Length, rows.Length);
        Assert.All(rows, r => Assert.Null(r.Mass));
        Assert.Contains(inventory.Missing, m => m.EndsWith(": the dataset has no table treatment_facilities, so the share its treatment removes is unknown and so is the estimate.", StringComparison.Ordinal));
        // The measured rows do not depend on treatment.
        Assert.Equal(
            whole.Emissions.Inventories[^1].Rows.Where(r => r.Method == EmissionMethod.Measured).Select(r => r.Mass),
            inventory.Rows.Where(r => r.Method == EmissionMethod.Measured).Select(r => r.Mass));
    }

    [Theory]
    [MemberData(nameof(ReferencedTables))]
    public async Task RunAsync_FolderLackingAReferencedTable_CompletesAndNamesWhatItCannotUse(string table, string note)
    {
        // Before, the reader refused the folder (exit 1): the references into the table it lacks could not be resolved.
        DistrictAssessment a = await DistrictAssessment.RunAsync(AssessmentSource.FromFolder(CopyWithout(table)));

        using JsonDocument document = JsonDocument.Parse(AssessmentJson.Serialize(a));
        FiniteNumbers(document.RootElement, "$");
        Assert.Contains($"The folder has no table {table}: the figures that need it are null or absent, never 0.", a.Assumptions);
        Assert.Contains(note, a.Assumptions);
        JsonElement root = document.RootElement;
        if (table == "enterprises")
        {
            // The ledgers keep their enterprise ids: unit energy per enterprise is still known; what needs the enterprise is not.
            // Before: "district": { "enterprises": 0, ... }, 0 enterprises and a total output value of 0 on the console.
            Assert.Equal(JsonValueKind.Null, root.GetProperty("district").ValueKind);
            Assert.Equal(JsonValueKind.Null, root.GetProperty("ferroalloy").ValueKind);
            Assert.NotEmpty(a.Energy);
            Assert.All(a.Energy, e => Assert.NotNull(e.UnitEnergy));
        }
        else
        {
            // Before (had the folder been read): an inventory without sources, 0 t, and 2027 ceilings of 0 t.
            Assert.Contains($"Not available: the emission inventory, the 2027 ceilings, compliance, the P6 checks, the tax and the performance grades, because the dataset has no table {table}, whose outlets are the inventory's sources.", a.Assumptions);
            Assert.Equal(JsonValueKind.Null, root.GetProperty("targets_2027_t").ValueKind);
            Assert.Equal(JsonValueKind.Null, root.GetProperty("tax").ValueKind);
            Assert.Empty(a.Emissions.Inventories);
            Assert.Equal(69, root.GetProperty("district").GetProperty("enterprises").GetInt32());
        }

        if (table == "facilities")
        {
            Assert.Empty(a.Energy);
            Assert.Equal(JsonValueKind.Null, root.GetProperty("ferroalloy").ValueKind);
            Assert.Equal(JsonValueKind.Null, root.GetProperty("waste_heat").ValueKind);
        }
    }

    [Fact]
    public async Task RunAsync_WithoutEnergyLedger_CarbonOutputAndTaxAreUnknownNotZero()
    {
        DistrictAssessment a = await DistrictAssessment.RunAsync(AssessmentSource.FromFolder(CopyWithout("energy_ledger")));
        using JsonDocument document = JsonDocument.Parse(AssessmentJson.Serialize(a));
        JsonElement root = document.RootElement;

        // Before: every township 0 t CO₂ and 0 t per 10⁴ yuan; the tax total the sum of the outlets that have CEMS only.
        Assert.All(root.GetProperty("carbon").GetProperty("townships").EnumerateArray(), t => Assert.Equal(JsonValueKind.Null, t.GetProperty("total_t").ValueKind));
        Assert.Contains(a.Emissions.Carbon!.Missing, m => m.StartsWith("Township 'zhenluo': no enterprise of it has energy_ledger rows in 2024", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("ferroalloy").GetProperty("output_t").ValueKind);
        JsonElement tax = root.GetProperty("tax");
        Assert.Equal(JsonValueKind.Null, tax.GetProperty("total_yuan").ValueKind);
        Assert.True(tax.GetProperty("known_total_yuan").GetDecimal() > 0);
        Assert.NotEmpty(tax.GetProperty("missing").EnumerateArray());
    }

    [Fact]
    public async Task RunAsync_WithoutCemsHourly_AmmoniaSlipIsUnknownNotFailed()
    {
        DistrictAssessment a = await DistrictAssessment.RunAsync(AssessmentSource.FromFolder(CopyWithout("cems_hourly")));

        var slip = a.Emissions.Checks.Where(c => c.CheckId == "cement_kiln_ammonia_slip_monitored").ToArray();
        Assert.NotEmpty(slip);
        Assert.All(slip, c => Assert.Equal(Shapotou.Sdk.Analytics.Emissions.CheckOutcome.Unknown, c.Outcome));
        Assert.All(slip, c => Assert.Null(c.Value));
        Assert.Null(a.Emissions.Tax!.Total);
    }

    [Fact]
    public async Task RunAsync_LedgerColumnWithoutValues_IsNamedAndItsFiguresAreNull()
    {
        ClusterDataset d = DefaultDataset.Create();
        EnergyLedgerEntry[] ledger = [.. d.EnergyLedger.Select(r => new EnergyLedgerEntry(r.FacilityId, r.Period, r.Product, r.Output,
            r.ElectricityPurchased, furnaceElectricity: null, r.WasteHeatPowerGenerated, r.ElectricityExported, r.Coke, r.SemiCoke, r.Coal,
            r.NaturalGas, r.Diesel, r.ElectrodePaste, r.OreGrade))];
        var data = new ClusterDataset("no-furnace-electricity", false, d.Enterprises, d.Facilities, d.TreatmentFacilities, d.Outlets, ledger,
            d.SolidWasteLedger, d.EmissionFactors, d.CemsHourly);

        DistrictAssessment a = await DistrictAssessment.RunAsync(AssessmentSource.FromDataset(data));

        Assert.Contains("Table 'energy_ledger' has no value in column 'furnace_electricity' (absent from the file, or null in every row): the figures that need it are unknown, never 0.", a.Assumptions);
        using JsonDocument document = JsonDocument.Parse(AssessmentJson.Serialize(a));
        JsonElement[] ferrosilicon = [.. document.RootElement.GetProperty("energy").GetProperty("enterprises").EnumerateArray().Where(e => e.GetProperty("product").GetString()!.StartsWith("FeSi", StringComparison.Ordinal))];
        Assert.NotEmpty(ferrosilicon);
        Assert.All(ferrosilicon, e => Assert.Equal(JsonValueKind.Null, e.GetProperty("smelting_electricity_kwh_per_t").ValueKind));
    }
}
