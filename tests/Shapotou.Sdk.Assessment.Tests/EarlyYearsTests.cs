using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Assessment.Tests;

/// <summary>Years the catalogue has no dated row for (grid factor, tax rate, limit levels) are missing inputs, never a throw.</summary>
public sealed class EarlyYearsTests
{
    /// <summary>The default dataset's ledgers moved back by <paramref name="years"/>, without CEMS hours.</summary>
    internal static ClusterDataset Shifted(int years)
    {
        ClusterDataset d = DefaultDataset.Create();
        EnergyLedgerEntry[] energy = [.. d.EnergyLedger.Select(r => new EnergyLedgerEntry(r.FacilityId, r.Period.AddYears(-years), r.Product, r.Output,
            r.ElectricityPurchased, r.FurnaceElectricity, r.WasteHeatPowerGenerated, r.ElectricityExported, r.Coke, r.SemiCoke, r.Coal,
            r.NaturalGas, r.Diesel, r.ElectrodePaste, r.OreGrade))];
        SolidWasteLedgerEntry[] waste = [.. d.SolidWasteLedger.Select(r => new SolidWasteLedgerEntry(r.EnterpriseId, r.Period.AddYears(-years), r.WasteType,
            r.Generated, r.Utilised, r.UtilisedFromStorage, r.Disposed, r.DisposedFromStorage, r.Stored, r.Dumped))];
        return new ClusterDataset("shifted", false, d.Enterprises, d.Facilities, d.TreatmentFacilities, d.Outlets, energy, waste, d.EmissionFactors, cemsHourly: null);
    }

    [Fact]
    public async Task RunAsync_YearsBeforeTheFirstGridFactor_NameItAsMissing()
    {
        // The default ledgers hold 2022–2024; moved back 8 years they hold 2014–2016, before every published grid factor
        // (data year 2021 the first) and the Ningxia tax (2018).
        DistrictAssessment a = await DistrictAssessment.RunAsync(AssessmentSource.FromDataset(Shifted(8)));

        Assert.NotNull(a.Emissions.Carbon);
        Assert.Null(a.Emissions.Carbon!.GridFactor);
        Assert.Contains(a.Emissions.Carbon.Missing, m => m.StartsWith("No 'carbon.grid_factor.ningxia' row for a data year on or before 2016", StringComparison.Ordinal));
        Assert.All(a.Emissions.Carbon.Enterprises, e => Assert.Null(e.Electricity));
        Assert.Null(a.Emissions.Tax!.Total);
        Assert.Contains(a.Emissions.Tax.Missing, m => m.Contains("its tax is unknown. The catalogue has no value for 'tax.rate.ningxia.air' in force on 2016-", StringComparison.Ordinal));
        // The benchmark editions start 2021-11-15: no class, never a guess.
        Assert.All(a.Energy.Where(e => e.Product == "FeSi75"), e => Assert.Null(e.BenchmarkClass));
        string json = AssessmentJson.Serialize(a);
        Assert.Contains("\"grid_factor_t_per_mwh\": null", json, StringComparison.Ordinal);
    }
}

/// <summary>The choices the references leave open are disclosed in the assumptions where the data use them.</summary>
public sealed class DisclosureTests
{
    [Fact]
    public async Task RunAsync_DefaultDataset_DisclosesTheGb16297So2ClassAndTheAmmoniaUnit()
    {
        DistrictAssessment a = await DistrictAssessment.RunAsync(AssessmentSource.Default);

        Assert.Contains(a.Assumptions, s => s.StartsWith("GB 16297-1996 Table 2 SO₂ is judged in the 'sulfur-compound use' class (", StringComparison.Ordinal) && s.Contains("550 mg/m³", StringComparison.Ordinal) && s.Contains("960 mg/m³", StringComparison.Ordinal));
        Assert.Contains(a.Assumptions, s => s.StartsWith("Ammonia (nh3, ammonia slip) is in mg/m³", StringComparison.Ordinal) && s.Contains("ng/m³ for a21001", StringComparison.Ordinal));
        // The default dataset's ceramic kilns are under GB 25464, so GB 9078's kiln class is not claimed.
        Assert.DoesNotContain(a.Assumptions, s => s.StartsWith("GB 9078-1996 Table 2 particulate of a ceramic kiln", StringComparison.Ordinal));
    }

    [Fact]
    public void StandardLimits_CeramicKilnUnderGb9078_AndGb16297So2_SayWhichClass()
    {
        var kiln = new Facility("k1", "e1", FacilityKind.CeramicKiln, FacilityStatus.Running);
        var furnace = new Facility("f1", "e1", FacilityKind.CarbideFurnace, FacilityStatus.Running);

        Analytics.Emissions.ResolvedLimit ceramic = Analytics.Emissions.StandardLimits.Resolve(Analytics.Emissions.LimitStandard.Gb9078Grade2, kiln, Pollutant.Pm, Reference.ReferenceCatalogue.Builtin, new DateOnly(2024, 12, 31));
        Analytics.Emissions.ResolvedLimit so2 = Analytics.Emissions.StandardLimits.Resolve(Analytics.Emissions.LimitStandard.Gb16297Table2, furnace, Pollutant.So2, Reference.ReferenceCatalogue.Builtin, new DateOnly(2024, 12, 31));

        Assert.StartsWith("GB 9078-1996 Table 2 particulate of a ceramic kiln is judged in the 'other kilns' class", ceramic.Assumption, StringComparison.Ordinal);
        Assert.Equal(550, so2.Limit!.Value!.Value.MilligramsPerCubicMeter);
        Assert.StartsWith("GB 16297-1996 Table 2 SO₂ is judged in the 'sulfur-compound use' class", so2.Assumption, StringComparison.Ordinal);
    }
}
