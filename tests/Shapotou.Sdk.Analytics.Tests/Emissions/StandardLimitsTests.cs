using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Tests.Emissions;

public sealed class StandardLimitsTests
{
    private static readonly DateOnly s_asOf = new(2025, 7, 1);
    private static readonly Facility s_gasBoiler = new("B1", "E1", FacilityKind.Boiler, FacilityStatus.Running, fuel: "natural_gas");
    private static readonly Facility s_kiln = new("K1", "E1", FacilityKind.CementKiln, FacilityStatus.Running, product: "clinker");
    private static readonly Facility s_furnace = new("F1", "E1", FacilityKind.SubmergedArcFurnace, FacilityStatus.Running, product: "FeSi75");

    [Theory]
    [InlineData(LimitStandard.Gb13271Table1, 400.0)]
    [InlineData(LimitStandard.Gb13271Table2, 200.0)]
    [InlineData(LimitStandard.Gb13271Table3, 150.0)]
    public void GasBoilerNox_Gb13271_At3Point5PercentOxygen(LimitStandard standard, double expected)
    {
        ResolvedLimit resolved = StandardLimits.Resolve(standard, s_gasBoiler, Pollutant.Nox, ReferenceCatalogue.Builtin, s_asOf);

        Assert.Equal(expected, resolved.Limit!.Value!.Value.MilligramsPerCubicMeter);
        Assert.Equal(3.5, resolved.Limit.Basis.ReferenceOxygen!.Value.Percent);
        Assert.Contains("GB 13271-2014", resolved.Limit.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void CementKilnUltraLow_Is50At10Percent_WithTheBasisAssumptionStated()
    {
        ResolvedLimit resolved = StandardLimits.Resolve(LimitStandard.CementUltraLow2024, s_kiln, Pollutant.Nox, ReferenceCatalogue.Builtin, s_asOf);

        Assert.Equal(50, resolved.Limit!.Value!.Value.MilligramsPerCubicMeter);
        Assert.Equal(10, resolved.Limit.Basis.ReferenceOxygen!.Value.Percent);
        Assert.Contains(", S]", resolved.Limit.Source, StringComparison.Ordinal); // the secondary mark travels with the limit
        Assert.Contains("opinion's own basis is not in the references", resolved.Assumption, StringComparison.Ordinal);
    }

    [Fact]
    public void Ferroalloy_Gb28666_IsMissingByName_NeverAnotherStandardsValue()
    {
        ResolvedLimit resolved = StandardLimits.Resolve(LimitStandard.Gb28666, s_furnace, Pollutant.Pm, ReferenceCatalogue.Builtin, s_asOf);

        Assert.Null(resolved.Limit);
        Assert.Equal("GB 28666-2012 (ferroalloy) limit tables are not in the references; supply the pm limit of facility 'F1' from its permit.", resolved.Missing);
    }

    [Theory]
    [InlineData(LimitStandard.Gb9078Grade2, 100.0)]
    [InlineData(LimitStandard.Gb9078Grade3, 200.0)]
    public void FerroalloyFurnacePm_Gb9078_Measured(LimitStandard standard, double expected)
    {
        ResolvedLimit resolved = StandardLimits.Resolve(standard, s_furnace, Pollutant.Pm, ReferenceCatalogue.Builtin, s_asOf);

        Assert.Equal(expected, resolved.Limit!.Value!.Value.MilligramsPerCubicMeter);
        Assert.True(resolved.Limit.Basis.IsMeasured);
    }

    [Fact]
    public void StandardWithoutARowForTheFacility_IsMissing()
    {
        ResolvedLimit resolved = StandardLimits.Resolve(LimitStandard.Gb4915Table1, s_gasBoiler, Pollutant.Nox, ReferenceCatalogue.Builtin, s_asOf);

        Assert.Null(resolved.Limit);
        Assert.Equal("Gb4915Table1 has no row for a boiler (facility 'B1') burning natural_gas.", resolved.Missing);
    }

    [Fact]
    public void ForDataset_FeedsCompliance_AgainstGb9078()
    {
        ClusterDataset data = EmissionsFixture.Create();

        (IReadOnlyDictionary<(string, Pollutant), Concentrations.EmissionLimit> limits, IReadOnlyList<string> missing, _) =
            StandardLimits.ForDataset(data, LimitStandard.Gb9078Grade2, ReferenceCatalogue.Builtin, s_asOf);
        ComplianceResult result = PermitCompliance.Evaluate(data, 2024, limits);

        OutletCompliance pm = Assert.Single(result.Outlets, o => o.Pollutant == Pollutant.Pm);
        Assert.True(pm.Compliant); // the fixture's PM hours are 5.1 and 10 mg/m3 against 100
        Assert.Contains(missing, m => m.StartsWith("Outlet 'O1': Gb9078Grade2 has no row", StringComparison.Ordinal)); // furnace SO2 and NOx
    }
}
