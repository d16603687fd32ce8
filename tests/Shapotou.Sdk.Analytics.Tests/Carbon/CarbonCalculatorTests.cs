using Shapotou.Sdk.Analytics.Carbon;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using Shapotou.Sdk.Units;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Tests.Carbon;

public sealed class CarbonCalculatorTests
{
    private static readonly DateOnly s_asOf = new(2025, 7, 1);

    [Theory]
    [InlineData(2021, 0.6546, false)]
    [InlineData(2022, 0.6423, false)]
    [InlineData(2024, 0.6423, true)] // no 2024 data year is published: the latest earlier one
    public void GridFactor_IsTheDataYearInForce_ElseTheLatestEarlier(int year, double expected, bool fallback)
    {
        ReferenceValue factor = new CarbonCalculator(ReferenceCatalogue.Builtin).GridFactor(GridFactorScope.Ningxia, new DateOnly(year, 6, 30), out bool usedFallback);

        Assert.Equal(expected, factor.GetValue());
        Assert.Equal(fallback, usedFallback);
    }

    [Fact]
    public void GridFactor_NewerRowLoaded_IsUsedForItsYear()
    {
        var row = new ReferenceValue("carbon.grid_factor.ningxia", 0.6, ReferenceUnit.Parse("tCO2/MWh"), "a 2024 data-year notice (test)", ReferenceConfidence.Primary,
            new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
        ReferenceCatalogue catalogue = ReferenceCatalogue.Builtin.WithUserValues([row]);

        ReferenceValue factor = new CarbonCalculator(catalogue).GridFactor(GridFactorScope.Ningxia, new DateOnly(2024, 6, 30), out bool fallback);

        Assert.Equal(0.6, factor.GetValue());
        Assert.False(fallback);
    }

    /// <summary>Derived example B5 of energy.md: 8 300 kWh/t of FeSi electricity at the 2022 factors.</summary>
    [Theory]
    [InlineData(GridFactorScope.National, 4.454)]
    [InlineData(GridFactorScope.Northwest, 4.861)]
    [InlineData(GridFactorScope.Ningxia, 5.331)]
    public void Electricity_B5_PerTonneOfFeSi(GridFactorScope scope, double expected)
    {
        var calculator = new CarbonCalculator(ReferenceCatalogue.Builtin, new CarbonOptions { Grid = scope });

        CarbonAssessment result = calculator.Compute(Dataset(electricityKwh: 8300, coke: 0), 2022, s_asOf);

        EnterpriseCarbon e = Assert.Single(result.Enterprises);
        Assert.Equal(expected, Math.Round(e.Electricity!.Value.Tonnes, 3));
        Assert.Equal(expected, Math.Round(e.PerTonne!.Value.TonnesOfCarbonDioxidePerTonne, 3));
    }

    [Fact]
    public void Process_CokeInAFurnace_IsTheReductantFactor_WithItsMarkStated()
    {
        CarbonAssessment result = new CarbonCalculator(ReferenceCatalogue.Builtin).Compute(Dataset(electricityKwh: 0, coke: 0.9), 2022, s_asOf);

        EnterpriseCarbon e = Assert.Single(result.Enterprises);
        Assert.Equal(0.9 * 2.862, e.Process!.Value.Tonnes, 12);
        Assert.Contains(result.Assumptions, a => a.StartsWith("Process CO₂ of coke: 2.862 tCO₂/t, carbon.process.coke, marked S", StringComparison.Ordinal));
        Assert.Contains(result.Assumptions, a => a.StartsWith("Carbon leaving in products is not subtracted", StringComparison.Ordinal));
    }

    [Fact]
    public void Combustion_CoalInABoiler_IsNcvTimesCarbonTimesOxidationTimes44Over12()
    {
        CarbonAssessment result = new CarbonCalculator(ReferenceCatalogue.Builtin).Compute(BoilerDataset(coal: 100, diesel: 0), 2022, s_asOf);

        EnterpriseCarbon e = Assert.Single(result.Enterprises);
        Assert.Equal(100 * 23.204 * 0.02618 * 0.93 * 44 / 12, e.Combustion!.Value.Tonnes, 9);
        Assert.Contains(result.Assumptions, a => a.Contains("taken as bituminous coal", StringComparison.Ordinal));
    }

    [Fact]
    public void Combustion_DieselWithoutParameters_IsMissingByName_AndTheTotalUnknown()
    {
        CarbonAssessment result = new CarbonCalculator(ReferenceCatalogue.Builtin).Compute(BoilerDataset(coal: 0, diesel: 2), 2022, s_asOf);

        EnterpriseCarbon e = Assert.Single(result.Enterprises);
        Assert.Null(e.Combustion);
        Assert.Null(e.Total);
        Assert.Contains("No combustion parameters for 'diesel' (the references lack them); pass CarbonOptions.Combustion[\"diesel\"].", result.Missing);
    }

    [Fact]
    public void Electricity_UnknownPurchase_MakesElectricityAndTotalUnknown_AndNamesTheCell()
    {
        ClusterDataset data = Dataset(electricityKwh: 8300, coke: 0);
        EnergyLedgerEntry row = data.EnergyLedger[0];
        var unknown = new ClusterDataset("carbon", false, data.Enterprises, data.Facilities, [], [],
            [new EnergyLedgerEntry(row.FacilityId, row.Period, row.Product, row.Output, electricityPurchased: null, electricityExported: Energy.Zero,
                coke: Mass.Zero, semiCoke: Mass.Zero, coal: Mass.Zero, naturalGas: Volume.Zero, diesel: Mass.Zero, electrodePaste: Mass.Zero)],
            [], [], null);

        CarbonAssessment result = new CarbonCalculator(ReferenceCatalogue.Builtin).Compute(unknown, 2022, s_asOf);

        EnterpriseCarbon e = Assert.Single(result.Enterprises);
        Assert.Null(e.Electricity);
        Assert.Null(e.Total);
        Assert.Contains("energy_ledger of facility 'F1', 2022-01: electricity_purchased is null; its electricity CO₂ is unknown.", result.Missing);
    }

    [Theory]
    [InlineData(1.0, true)]
    [InlineData(100.0, false)]
    public void Township_IntensityAgainstTheCityAverage(double cityAverage, bool above)
    {
        var calculator = new CarbonCalculator(ReferenceCatalogue.Builtin, new CarbonOptions { CityAverageIntensity = OutputValueCarbonIntensity.FromTonnesOfCarbonDioxidePerTenThousandYuan(cityAverage) });

        // 8 300 kWh × 0.6423 = 5.331 tCO2 on an output value of 1 × 10^4 yuan.
        TownshipCarbon township = Assert.Single(calculator.Compute(Dataset(electricityKwh: 8300, coke: 0), 2022, s_asOf).Townships);

        Assert.Equal(above, township.AboveCityAverage);
        Assert.Equal(5.331, Math.Round(township.PerOutputValue!.Value.TonnesOfCarbonDioxidePerTenThousandYuan, 3));
    }

    [Fact]
    public void Options_AreCheckedWhenSet()
    {
        ArgumentOutOfRangeException city = Assert.Throws<ArgumentOutOfRangeException>(
            () => new CarbonOptions { CityAverageIntensity = OutputValueCarbonIntensity.Zero });
        ArgumentOutOfRangeException oxidation = Assert.Throws<ArgumentOutOfRangeException>(
            () => new CombustionParameters(25, 0.0202, Ratio.FromPercent(101), "caller's test value"));
        var diesel = new CombustionParameters(42.652, 0.0202, Ratio.FromPercent(98), "caller's test value");

        Assert.Equal("CityAverageIntensity", city.ParamName);
        Assert.Equal("Oxidation", oxidation.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => diesel with { NetCalorificValue = double.NaN });
        Assert.Throws<ArgumentOutOfRangeException>(() => new CarbonOptions { Grid = (GridFactorScope)7 });
        Assert.Throws<ArgumentNullException>(() => new CarbonOptions { ProcessFactors = null! });
        Assert.Equal(98, (diesel with { Source = "another" }).Oxidation.Percent);
    }

    private static ClusterDataset Dataset(double electricityKwh, double coke) => new(
        "carbon", false,
        [new Enterprise("E1", "Works", "zhenluo", "3140", aboveScale: true, outputValue10kYuan: 1)],
        [new Facility("F1", "E1", FacilityKind.SubmergedArcFurnace, FacilityStatus.Running, product: "FeSi75")],
        [], [],
        [new EnergyLedgerEntry("F1", new DateOnly(2022, 1, 1), "FeSi75", Mass.FromTonnes(1), electricityPurchased: Energy.FromKilowattHours(electricityKwh), electricityExported: Energy.Zero,
            coke: Mass.FromTonnes(coke), semiCoke: Mass.Zero, coal: Mass.Zero, naturalGas: Volume.Zero, diesel: Mass.Zero, electrodePaste: Mass.Zero)],
        [], [], null);

    private static ClusterDataset BoilerDataset(double coal, double diesel) => new(
        "carbon", false,
        [new Enterprise("E1", "Heat", "binhe", "4430", aboveScale: true)],
        [new Facility("B1", "E1", FacilityKind.Boiler, FacilityStatus.Running, product: "steam", fuel: "coal")],
        [], [],
        [new EnergyLedgerEntry("B1", new DateOnly(2022, 1, 1), "steam", Mass.FromTonnes(1000), electricityPurchased: Energy.Zero, electricityExported: Energy.Zero,
            coke: Mass.Zero, semiCoke: Mass.Zero, coal: Mass.FromTonnes(coal), naturalGas: Volume.Zero, diesel: Mass.FromTonnes(diesel), electrodePaste: Mass.Zero)],
        [], [], null);
}
