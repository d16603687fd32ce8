using Shapotou.Sdk.Analytics.EnergyEfficiency;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Analytics.Tests.EnergyEfficiency;

public sealed class EnergyCalculatorTests
{
    private static readonly ReferenceCatalogue s_catalogue = ReferenceCatalogue.Builtin;

    private static EnergyLedgerEntry Row(
        string facility, int year, int month, string product, double output, double purchasedKwh, double cokeT,
        double furnaceKwh = 0, double exportedKwh = 0, double semiCokeT = 0, double? oreGrade = null) =>
        new(
            facility,
            new DateOnly(year, month, 1),
            product,
            Mass.FromTonnes(output),
            electricityPurchased: Energy.FromKilowattHours(purchasedKwh),
            furnaceElectricity: Energy.FromKilowattHours(furnaceKwh),
            electricityExported: Energy.FromKilowattHours(exportedKwh),
            coke: Mass.FromTonnes(cokeT),
            semiCoke: Mass.FromTonnes(semiCokeT),
            coal: Mass.FromTonnes(0),
            naturalGas: Volume.FromCubicMeters(0),
            diesel: Mass.FromTonnes(0),
            electrodePaste: Mass.FromTonnes(0),
            oreGrade: oreGrade is { } g ? MassFraction.FromPercent(g) : null);

    private static ClusterDataset Dataset(params EnergyLedgerEntry[] ledger) => new(
        "test",
        illustrative: true,
        [new Enterprise("fesi", "FeSi plant", "zhenluo", "3140", true), new Enterprise("heat", "Heat plant", "xuanhe", "4430", true)],
        [
            new Facility("fesi-f1", "fesi", FacilityKind.SubmergedArcFurnace, FacilityStatus.Running),
            new Facility("fesi-f2", "fesi", FacilityKind.SubmergedArcFurnace, FacilityStatus.Running),
            new Facility("heat-b1", "heat", FacilityKind.Boiler, FacilityStatus.Running),
        ],
        [],
        [],
        ledger,
        [],
        [],
        null);

    [Fact]
    public void ComputeRows_ElectricityAndCoke_IsWorkedExampleB2()
    {
        // energy.md B2: 8 300 kWh × 0.1229 + 0.9 t coke × 971.4 = 1020.07 + 874.26 = 1894.33 kgce for 1 t.
        ComprehensiveEnergy energy = new EnergyCalculator(s_catalogue).ComputeRows([Row("fesi-f1", 2024, 1, "FeSi75", 1, 8_300, 0.9)], new DateOnly(2024, 12, 31));

        Assert.Equal(1894.33, energy.RowEnergy[0]!.Value.KilogramsOfCoalEquivalent, 9);
        Assert.Empty(energy.MissingCoefficients);
    }

    [Fact]
    public void ComputeRows_ExportedElectricity_IsSubtracted_InternalElectricityIsNot()
    {
        ComprehensiveEnergy energy = new EnergyCalculator(s_catalogue).ComputeRows(
            [Row("fesi-f1", 2024, 1, "FeSi75", 1, 8_300, 0, furnaceKwh: 8_000, exportedKwh: 300)],
            new DateOnly(2024, 12, 31));

        Assert.Equal(8_000 * 0.1229, energy.RowEnergy[0]!.Value.KilogramsOfCoalEquivalent, 9);
    }

    [Fact]
    public void ComputeRows_CarrierWithoutCoefficient_MakesItsRowUnknownAndIsListed()
    {
        EnergyLedgerEntry[] rows = [Row("fesi-f1", 2024, 1, "FeSi75", 1, 8_300, 0.5, semiCokeT: 0.3), Row("fesi-f2", 2024, 1, "FeSi75", 1, 8_300, 0.9)];

        ComprehensiveEnergy energy = new EnergyCalculator(s_catalogue).ComputeRows(rows, new DateOnly(2024, 12, 31));

        Assert.Null(energy.RowEnergy[0]);
        Assert.Equal(1894.33, energy.RowEnergy[1]!.Value.KilogramsOfCoalEquivalent, 9);
        Assert.Equal(["semi_coke"], energy.MissingCoefficients);
    }

    [Fact]
    public void ComputeRows_CallerCoefficient_FillsTheGapAndIsReported()
    {
        var semiCoke = new StandardCoalCoefficient("semi_coke", 0.97, MassUnit.Kilogram, "caller input: plant laboratory NCV");
        var calculator = new EnergyCalculator(s_catalogue, new EnergyAccountingOptions { CallerCoefficients = [semiCoke] });
        ClusterDataset data = Dataset(Row("fesi-f1", 2024, 1, "FeSi75", 1, 8_300, 0.5, semiCokeT: 0.3));

        EnergyAssessment result = calculator.ByEnterprise(data, 2024, new DateOnly(2024, 12, 31));

        Assert.Equal(1020.07 + (0.5 * 971.4) + (0.3 * 970), result.Groups[0].ComprehensiveEnergy!.Value.KilogramsOfCoalEquivalent, 9);
        Assert.Contains(result.Assumptions, a => a.StartsWith("Coefficient of semi_coke: 0.97 kgce per kg, supplied by the caller", StringComparison.Ordinal));
    }

    [Fact]
    public void EqualValueElectricity_NeedsItsCoefficient_AndUsesIt()
    {
        Assert.Throws<ArgumentException>(() => new EnergyCalculator(s_catalogue, new EnergyAccountingOptions { ElectricityValuation = ElectricityValuation.EqualValue }));
        var equalValue = new StandardCoalCoefficient("electricity", 0.404, EnergyUnit.KilowattHour, "caller input: coal rate of thermal power, GB 21341-2008 headers");
        var calculator = new EnergyCalculator(s_catalogue, new EnergyAccountingOptions { ElectricityValuation = ElectricityValuation.EqualValue, EqualValueElectricity = equalValue });

        ComprehensiveEnergy energy = calculator.ComputeRows([Row("fesi-f1", 2024, 1, "FeSi75", 1, 1_000, 0)], new DateOnly(2024, 12, 31));

        Assert.Equal(404, energy.RowEnergy[0]!.Value.KilogramsOfCoalEquivalent, 9);
    }

    [Fact]
    public void ByEnterprise_SumsMonthsAndFurnaces_ThenClassifies()
    {
        // Two furnaces, two months, 1 000 t in all at 1 700 kgce/t on average: better than the 1 770 benchmark.
        ClusterDataset data = Dataset(
            Row("fesi-f1", 2024, 1, "FeSi75", 300, 300 * 7_000, 300 * 0.865, furnaceKwh: 300 * 8_100, oreGrade: 99),
            Row("fesi-f1", 2024, 2, "FeSi75", 200, 200 * 7_000, 200 * 0.865, furnaceKwh: 200 * 8_100, oreGrade: 99),
            Row("fesi-f2", 2024, 1, "FeSi75", 500, 500 * 7_000, 500 * 0.865, furnaceKwh: 500 * 8_100, oreGrade: 99),
            Row("fesi-f2", 2023, 1, "FeSi75", 999, 999 * 9_000, 999, furnaceKwh: 999 * 9_000));

        GroupEnergy fesi = new EnergyCalculator(s_catalogue).ByEnterprise(data, 2024, new DateOnly(2024, 12, 31)).Groups.Single();

        double expected = (7_000 * 0.1229) + (0.865 * 971.4);
        Assert.Equal(1_000, fesi.Output.Tonnes);
        Assert.Equal(1_000, fesi.OutputBasis.Tonnes);
        Assert.Equal(expected, fesi.UnitEnergy!.Value.KilogramsOfCoalEquivalentPerTonne, 9);
        Assert.Equal(BenchmarkClass.BetterThanBenchmark, fesi.BenchmarkClass);
        Assert.Equal(LimitLevel.Level2, fesi.Level); // 1700.56: above level 1 (1700), at most level 2 (1770)
        Assert.Equal(8_100, fesi.SmeltingElectricity!.Value.KilowattHoursPerTonne, 9);
        Assert.Equal(LimitLevel.Level2, fesi.ElectricityLevel); // 99 % ore: levels 8010 / 8260 / 8360
        Assert.Equal(expected - 1_770, fesi.GapToBenchmark!.Value.KilogramsOfCoalEquivalentPerTonne, 9);
        Assert.Equal((expected - 1_770) * 1_000 / 1_000, fesi.GapToBenchmarkEnergy!.Value.TonnesOfCoalEquivalent, 9);
    }

    [Fact]
    public void ByEnterprise_FeSi72_IsConvertedToTheFeSi75Basis_AndSaysSo()
    {
        ClusterDataset data = Dataset(Row("fesi-f1", 2024, 1, "FeSi72", 750, 750 * 7_000, 750 * 0.8));

        EnergyAssessment result = new EnergyCalculator(s_catalogue).ByEnterprise(data, 2024, new DateOnly(2024, 12, 31));

        Assert.Equal(720, result.Groups[0].OutputBasis.Tonnes, 9);
        Assert.Contains(result.Assumptions, a => a.StartsWith("FeSi72 converted to the FeSi75 basis in proportion to nominal silicon (72/75)", StringComparison.Ordinal));
    }

    [Fact]
    public void ByEnterprise_UnknownProduct_NamesTableColumnRowAndValue()
    {
        ClusterDataset data = Dataset(Row("fesi-f1", 2024, 1, "FeSi75", 1, 8_300, 0.9), Row("fesi-f1", 2024, 2, "FeSi99", 1, 8_300, 0.9));

        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => new EnergyCalculator(s_catalogue).ByEnterprise(data, 2024, new DateOnly(2024, 12, 31)));

        Assert.StartsWith("Table 'energy_ledger', column 'product', row 1: 'FeSi99' is not a known product; expected one of ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ByEnterprise_ProductWithoutBenchmark_HasNullClass()
    {
        ClusterDataset data = Dataset(new EnergyLedgerEntry(
            "heat-b1", new DateOnly(2024, 1, 1), "steam", Mass.FromTonnes(100),
            electricityPurchased: Energy.FromKilowattHours(600), electricityExported: Energy.Zero, coke: Mass.Zero, semiCoke: Mass.Zero,
            coal: Mass.FromTonnes(14), naturalGas: Volume.Zero, diesel: Mass.Zero, electrodePaste: Mass.Zero));

        GroupEnergy heat = new EnergyCalculator(s_catalogue).ByEnterprise(data, 2024, new DateOnly(2024, 12, 31)).Groups.Single();

        Assert.Null(heat.BenchmarkClass);
        Assert.Null(heat.Level);
        Assert.Equal((600 * 0.1229) + (14 * 714.3), heat.ComprehensiveEnergy!.Value.KilogramsOfCoalEquivalent, 9);
    }

    [Fact]
    public void ByEnterprise_SecondaryBenchmark_IsListedInAssumptions()
    {
        ClusterDataset data = Dataset(Row("fesi-f1", 2024, 1, "FeSi75", 1, 8_300, 0.9));

        EnergyAssessment result = new EnergyCalculator(s_catalogue).ByEnterprise(data, 2024, new DateOnly(2024, 12, 31));

        Assert.Contains(result.Assumptions, a => a.StartsWith("energy.benchmark.ferrosilicon.benchmark = 1770 kgce/t is marked S", StringComparison.Ordinal));
        Assert.Equal(BenchmarkClass.WorseThanBaseline, result.Groups[0].BenchmarkClass);
    }

    [Fact]
    public void ByEnterprise_UnreportedCarrier_MakesTheResultUnknownNotZero()
    {
        // Coke is null (unknown), not zero: the enterprise's comprehensive energy cannot be known.
        ClusterDataset data = Dataset(new EnergyLedgerEntry(
            "fesi-f1", new DateOnly(2024, 1, 1), "FeSi75", Mass.FromTonnes(1),
            electricityPurchased: Energy.FromKilowattHours(8_300), electricityExported: Energy.Zero, coke: null, semiCoke: Mass.Zero,
            coal: Mass.Zero, naturalGas: Volume.Zero, diesel: Mass.Zero, electrodePaste: Mass.Zero));

        GroupEnergy fesi = new EnergyCalculator(s_catalogue).ByEnterprise(data, 2024, new DateOnly(2024, 12, 31)).Groups.Single();

        Assert.Null(fesi.ComprehensiveEnergy);
        Assert.Null(fesi.UnitEnergy);
        Assert.Null(fesi.BenchmarkClass);
    }

    [Fact]
    public void ByGroup_FacilityMonthAndTownship_SplitAndAddUp()
    {
        ClusterDataset data = Dataset(
            Row("fesi-f1", 2024, 1, "FeSi75", 300, 300 * 7_000, 300 * 0.8),
            Row("fesi-f1", 2024, 2, "FeSi75", 200, 200 * 7_500, 200 * 0.8),
            Row("fesi-f2", 2024, 1, "FeSi75", 500, 500 * 7_000, 500 * 0.9));
        var calculator = new EnergyCalculator(s_catalogue);

        IReadOnlyList<GroupEnergy> facilities = calculator.ByGroup(data, 2024, new DateOnly(2024, 12, 31), EnergyGrouping.Facility, monthly: false).Groups;
        IReadOnlyList<GroupEnergy> months = calculator.ByGroup(data, 2024, new DateOnly(2024, 12, 31), EnergyGrouping.Facility, monthly: true).Groups;
        GroupEnergy township = calculator.ByGroup(data, 2024, new DateOnly(2024, 12, 31), EnergyGrouping.Township, monthly: false).Groups.Single();

        Assert.Equal(["fesi-f1", "fesi-f2"], facilities.Select(f => f.GroupId));
        Assert.Equal(500, facilities[0].Output.Tonnes);
        Assert.Equal([("fesi-f1", 1), ("fesi-f1", 2), ("fesi-f2", 1)], months.Select(m => (m.GroupId, m.Month!.Value)));
        Assert.Equal((7_500 * 0.1229) + (0.8 * 971.4), months[1].UnitEnergy!.Value.KilogramsOfCoalEquivalentPerTonne, 9);
        Assert.Equal("zhenluo", township.GroupId);
        Assert.Equal(EnergyGrouping.Township, township.Grouping);
        Assert.Equal(facilities.Sum(f => f.ComprehensiveEnergy!.Value.KilogramsOfCoalEquivalent), township.ComprehensiveEnergy!.Value.KilogramsOfCoalEquivalent, 6);
        Assert.Null(township.Month);
    }

    /// <summary>
    /// 8 000 kWh and 0.92 t coke per tonne: 8 000 × 0.1229 + 0.92 × 971.4 = 1 876.888 kgce/t, between the 2021 edition's
    /// benchmark and baseline (1 770 / 1 900, in force until 2023-07-03) and worse than the 2023 edition's baseline (1 850,
    /// from 2023-07-04).
    /// </summary>
    [Fact]
    public void ByGroup_Monthly_JudgesEachMonthByTheEditionInForceInThatMonth()
    {
        ClusterDataset data = Dataset(
            Row("fesi-f1", 2023, 1, "FeSi75", 100, 100 * 8_000, 100 * 0.92),
            Row("fesi-f1", 2023, 6, "FeSi75", 100, 100 * 8_000, 100 * 0.92),
            Row("fesi-f1", 2023, 7, "FeSi75", 100, 100 * 8_000, 100 * 0.92));
        var calculator = new EnergyCalculator(s_catalogue);

        IReadOnlyList<GroupEnergy> months = calculator.ByGroup(data, 2023, new DateOnly(2023, 12, 31), EnergyGrouping.Facility, monthly: true).Groups;
        GroupEnergy year = calculator.ByGroup(data, 2023, new DateOnly(2023, 12, 31), EnergyGrouping.Facility, monthly: false).Groups.Single();

        Assert.Equal([1, 6, 7], months.Select(m => m.Month!.Value));
        Assert.All(months, m => Assert.Equal(1876.888, m.UnitEnergy!.Value.KilogramsOfCoalEquivalentPerTonne, 9));
        Assert.Equal([1900.0, 1900.0, 1850.0], months.Select(m => m.Benchmark!.Baseline.GetValue()));
        Assert.Equal([BenchmarkClass.Between, BenchmarkClass.Between, BenchmarkClass.WorseThanBaseline], months.Select(m => m.BenchmarkClass!.Value));
        // The year is judged on its last day, as documented: the 2023 edition.
        Assert.Equal(1850.0, year.Benchmark!.Baseline.GetValue());
        Assert.Equal(BenchmarkClass.WorseThanBaseline, year.BenchmarkClass);
    }

    /// <summary>The catalogue date is the caller's: with asOf 2023-06-30 the year and July are judged by the 2021
    /// edition (baseline 1 900), which 31 December replaces with the 2023 edition (1 850).</summary>
    [Fact]
    public void ByGroup_AsOf_IsTheDateOfTheCatalogueValues()
    {
        ClusterDataset data = Dataset(Row("fesi-f1", 2023, 7, "FeSi75", 100, 100 * 8_000, 100 * 0.92));
        var calculator = new EnergyCalculator(s_catalogue);
        var june = new DateOnly(2023, 6, 30);

        GroupEnergy year = calculator.ByEnterprise(data, 2023, june).Groups.Single();
        GroupEnergy july = calculator.ByGroup(data, 2023, june, EnergyGrouping.Facility, monthly: true).Groups.Single();

        Assert.Equal(1900.0, year.Benchmark!.Baseline.GetValue());
        Assert.Equal(BenchmarkClass.Between, year.BenchmarkClass);
        Assert.Equal(1900.0, july.Benchmark!.Baseline.GetValue());
        Assert.Equal(1850.0, calculator.ByEnterprise(data, 2023, new DateOnly(2023, 12, 31)).Groups.Single().Benchmark!.Baseline.GetValue());
    }

    [Fact]
    public void Options_AreCheckedWhenSet()
    {
        ArgumentOutOfRangeException valuation = Assert.Throws<ArgumentOutOfRangeException>(
            () => new EnergyAccountingOptions { ElectricityValuation = (ElectricityValuation)9 });
        var coke = new StandardCoalCoefficient("coke", 0.9714, MassUnit.Kilogram, "GB/T 2589-2020 Annex A");
        ArgumentException notElectricity = Assert.Throws<ArgumentException>(() => new EnergyAccountingOptions { EqualValueElectricity = coke });

        Assert.Equal("ElectricityValuation", valuation.ParamName);
        Assert.Equal("EqualValueElectricity", notElectricity.ParamName);
        Assert.Throws<ArgumentNullException>(() => new EnergyAccountingOptions { CallerCoefficients = [coke, null!] });
        Assert.Throws<ArgumentNullException>(() => new EnergyAccountingOptions { Products = null! });
    }
}
