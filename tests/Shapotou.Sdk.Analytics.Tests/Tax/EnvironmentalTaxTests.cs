using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Analytics.Tax;
using Shapotou.Sdk.Analytics.Tests.Emissions;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using Shapotou.Sdk.Units;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Tests.Tax;

public sealed class EnvironmentalTaxTests
{
    private static readonly DateOnly s_asOf = new(2025, 7, 1);
    private static readonly DateOnly s_month = new(2025, 3, 1);

    public static TheoryData<TaxOptions> RoundingOptions => new()
    {
        new TaxOptions(),
        new TaxOptions { EquivalentDecimals = 2 },
        new TaxOptions { RoundFullTaxBeforeReduction = true },
        new TaxOptions { EquivalentDecimals = 2, RoundFullTaxBeforeReduction = true },
        TaxOptions.Exact,
        TaxOptions.Published,
    };

    /// <summary>Worked example W2 (published): SO2 100 kg, fluoride 100 kg, CO 200 kg, HCl 80 kg at 1.2 yuan → 278.62 yuan.</summary>
    [Theory]
    [MemberData(nameof(RoundingOptions))]
    public void W2_TopThreeOfFour_Is278Point62_UnderEveryRoundingOption(TaxOptions options)
    {
        var calculator = new EnvironmentalTaxCalculator(ReferenceCatalogue.Builtin, options);

        OutletMonthTax tax = calculator.Compute("DA001", s_month,
        [
            new("so2", Mass.FromKilograms(100)),
            new("fluoride", Mass.FromKilograms(100)),
            new("co", Mass.FromKilograms(200)),
            new("hydrogen_chloride", Mass.FromKilograms(80)),
        ], s_asOf);

        Assert.Equal(278.62m, tax.Tax);
        Assert.Equal(["fluoride", "so2", "co", "hydrogen_chloride"], tax.Pollutants.Select(p => p.Pollutant)); // 114.94 > 105.26 > 11.98 > 7.44
        Assert.Equal([true, true, true, false], tax.Pollutants.Select(p => p.Taxed));
        Assert.Equal(114.94m, Math.Round(tax.Pollutants[0].Equivalents, 2));
        Assert.Equal(7.44m, Math.Round(tax.Pollutants[3].Equivalents, 2));
    }

    /// <summary>W2 under the published preset: the equivalents the example prints, each pollutant's tax to the fen.</summary>
    [Fact]
    public void W2_Published_ShowsTheExamplesEquivalentsAndPollutantTaxesToTheFen()
    {
        var calculator = new EnvironmentalTaxCalculator(ReferenceCatalogue.Builtin, TaxOptions.Published);

        OutletMonthTax tax = calculator.Compute("DA001", s_month,
        [
            new("so2", Mass.FromKilograms(100)),
            new("fluoride", Mass.FromKilograms(100)),
            new("co", Mass.FromKilograms(200)),
            new("hydrogen_chloride", Mass.FromKilograms(80)),
        ], s_asOf);

        Assert.Equal([114.94m, 105.26m, 11.98m, 7.44m], tax.Pollutants.Select(p => p.Equivalents));
        Assert.Equal([137.93m, 126.31m, 14.38m, 0m], tax.Pollutants.Select(p => p.Tax)); // 114.94 × 1.2 = 137.928, 105.26 × 1.2 = 126.312, 11.98 × 1.2 = 14.376
        Assert.Equal(278.62m, tax.Tax);
    }

    /// <summary>
    /// SO₂ 10 kg and NOx 10 kg (computed from the conventions, not published): 10 ÷ 0.95 = 10.526316 equivalents each.
    /// Exact: 2 × 12.631579 = 25.263 → 25.26; equivalents to 2 decimals only: 2 × 10.53 × 1.2 = 25.272 → 25.27; published
    /// (each pollutant's 12.636 to the fen first): 12.64 + 12.64 = 25.28.
    /// </summary>
    [Fact]
    public void Presets_DifferWhereTheConventionsDo()
    {
        TaxablePollutant[] pollutants = [new("so2", Mass.FromKilograms(10)), new("nox", Mass.FromKilograms(10))];

        decimal Tax(TaxOptions options) => new EnvironmentalTaxCalculator(ReferenceCatalogue.Builtin, options).Compute("DA001", s_month, pollutants, s_asOf).Tax;

        Assert.Equal(25.26m, Tax(TaxOptions.Exact));
        Assert.Equal(25.27m, Tax(new TaxOptions { EquivalentDecimals = 2 }));
        Assert.Equal(25.28m, Tax(TaxOptions.Published));
        Assert.Equal(TaxOptions.Published, TaxOptions.Preset("published"));
        Assert.Equal(TaxOptions.Exact, TaxOptions.Preset("exact"));
        Assert.Null(TaxOptions.Preset("bankers"));
    }

    [Fact]
    public void Compute_NegativeEmission_IsRefusedWithTheOutletAndPollutant()
    {
        var calculator = new EnvironmentalTaxCalculator(ReferenceCatalogue.Builtin);

        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            calculator.Compute("DA001", s_month, [new("so2", Mass.FromKilograms(-1))], s_asOf));

        Assert.StartsWith("The emission of 'so2' at outlet 'DA001' is -1 kg; expected a finite amount of at least 0 kg.", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Worked example W6: SO2 1200 kg, monthly mean 90 against 200 mg/m3 (55 % below) → 50 % levied.</summary>
    [Theory]
    [InlineData(false, 757.89)] // no intermediate rounding: 1200 / 0.95 × 1.2 × 0.5 = 757.8947
    [InlineData(true, 757.90)] // the full tax first rounded to 1515.79, then halved: 757.895 → 757.90
    public void W6_FiftyPercentReduction_UnderBothRoundingOrders(bool roundFirst, double expected)
    {
        var calculator = new EnvironmentalTaxCalculator(ReferenceCatalogue.Builtin, new TaxOptions { RoundFullTaxBeforeReduction = roundFirst });

        OutletMonthTax tax = calculator.Compute("DA001", s_month, [new("so2", Mass.FromKilograms(1200), Basis(90, 150, 200))], s_asOf);

        Assert.Equal((decimal)expected, tax.Tax);
        Assert.Equal(0.5, tax.Pollutants[0].LevyShare);
    }

    [Theory]
    [InlineData(140.0, true, 0.75)] // exactly 30 % below, boundary qualifies (default)
    [InlineData(140.0, false, 1.0)] // exactly 30 % below, strict reading
    [InlineData(140.01, true, 1.0)] // just under 30 % below
    [InlineData(139.99, false, 0.75)]
    [InlineData(100.0, true, 0.5)] // exactly 50 % below
    [InlineData(100.0, false, 0.75)]
    [InlineData(100.01, true, 0.75)]
    public void Reduction_BothSidesOfEachBoundary(double monthlyMean, bool boundaryQualifies, double share)
    {
        var calculator = new EnvironmentalTaxCalculator(ReferenceCatalogue.Builtin, new TaxOptions { BoundaryQualifies = boundaryQualifies });

        OutletMonthTax tax = calculator.Compute("DA001", s_month, [new("so2", Mass.FromKilograms(95), Basis(monthlyMean, monthlyMean, 200))], s_asOf);

        Assert.Equal(share, tax.Pollutants[0].LevyShare);
        Assert.Equal(Math.Round(100 * 1.2m * (decimal)share, 2, MidpointRounding.AwayFromZero), tax.Tax); // 95 kg / 0.95 = 100 equivalents
    }

    [Theory]
    [InlineData(200.0, 0.5)] // the highest hour at the standard does not exceed it
    [InlineData(200.01, 1.0)] // one hour above the standard voids the reduction
    public void Reduction_NeedsEveryHourWithinTheStandard(double maxHourly, double share)
    {
        var calculator = new EnvironmentalTaxCalculator(ReferenceCatalogue.Builtin);

        OutletMonthTax tax = calculator.Compute("DA001", s_month, [new("so2", Mass.FromKilograms(95), Basis(60, maxHourly, 200))], s_asOf);

        Assert.Equal(share, tax.Pollutants[0].LevyShare);
    }

    [Theory]
    [InlineData(ParticulateClass.Soot, 2.18)]
    [InlineData(ParticulateClass.GeneralDust, 4.0)]
    public void Particulate_TakesTheOutletsClass(ParticulateClass particulate, double value)
    {
        var options = new TaxOptions { ParticulateByOutlet = new Dictionary<string, ParticulateClass> { ["O2"] = particulate } };
        var calculator = new EnvironmentalTaxCalculator(ReferenceCatalogue.Builtin, options);
        EmissionInventory inventory = new EmissionInventoryCalculator().Compute(EmissionsFixture.Create(), 2024);

        TaxAssessment tax = calculator.ForInventory(EmissionsFixture.Create(), inventory, s_asOf);

        PollutantTax pm = tax.Outlets.First(o => o.OutletId == "O2").Pollutants.Single(p => p.Pollutant is "soot" or "general_dust");
        Assert.Equal(value, pm.EquivalentValue.Kilograms);
        Assert.Equal(12.0 / value, (double)pm.Equivalents, 9); // January: 1000 t × 1.2 kg/t × (1 − 0.99) = 12 kg
    }

    [Fact]
    public void ForInventory_StatesTheRateWithItsMark_AndTheOptions()
    {
        EmissionInventory inventory = new EmissionInventoryCalculator().Compute(EmissionsFixture.Create(), 2024);

        TaxAssessment tax = new EnvironmentalTaxCalculator(ReferenceCatalogue.Builtin).ForInventory(EmissionsFixture.Create(), inventory, s_asOf);

        Assert.Equal(1.2, tax.Rate.GetValue());
        Assert.Contains(tax.Assumptions, a => a.Contains($"marked {tax.Rate.ConfidenceMark}", StringComparison.Ordinal));
        Assert.Contains(tax.Assumptions, a => a.Contains("exactly 30 % or 50 % below the standard earns", StringComparison.Ordinal));
        Assert.Equal(tax.Outlets.Sum(o => o.Tax), tax.Total);
    }

    [Fact]
    public void UnknownPollutant_IsNamed()
    {
        var calculator = new EnvironmentalTaxCalculator(ReferenceCatalogue.Builtin);

        KeyNotFoundException error = Assert.Throws<KeyNotFoundException>(() =>
            calculator.Compute("DA001", s_month, [new("unobtainium", Mass.FromKilograms(1))], s_asOf));

        Assert.Contains("tax.equivalent_value.unobtainium", error.Message, StringComparison.Ordinal);
    }

    private static ReductionBasis Basis(double mean, double max, double standard) =>
        new(MassConcentration.FromMilligramsPerCubicMeter(mean), MassConcentration.FromMilligramsPerCubicMeter(max), MassConcentration.FromMilligramsPerCubicMeter(standard));

    /// <summary>
    /// An outlet's month split over many runs — a table ordered by hour, where the rows of two outlets alternate — has
    /// the monthly mean of all its hours: SO₂ 10 mg/m³ for a day, then 150 mg/m³ for a day, is a mean of 80 against
    /// 200, 60 % below the standard, levied at 50 %; the last hour alone (150, 25 % below) would earn no reduction.
    /// </summary>
    [Fact]
    public void MonthSplitOverRuns_HasTheMeanOfAllItsHours()
    {
        Outlet[] outlets =
        [
            .. new[] { "O1", "O2" }.SelectMany(id => new[] { Pollutant.Pm, Pollutant.So2, Pollutant.Nox }.Select(p =>
                new Outlet(id, id == "O1" ? "F1" : "K1", p, limitValue: MassConcentration.FromMilligramsPerCubicMeter(200), cemsInstalled: true))),
        ];
        var rows = (from outlet in new[] { "O1", "O2" }
                    from h in Enumerable.Range(0, 48)
                    select (Outlet: outlet, Hour: EmissionsFixture.Start.AddHours(h), So2: h < 24 ? 10.0 : 150.0)).ToArray();

        TaxAssessment Tax(IEnumerable<(string Outlet, DateTime Hour, double So2)> ordered)
        {
            var r = ordered.ToArray();
            var cems = new CemsHourlyTable(
                r.Select(x => x.Outlet).ToArray(),
                r.Select(x => x.Hour).ToArray(),
                new QuantityColumn<MassConcentration>(r.Select(x => x.So2).ToArray(), UnitsNet.Units.MassConcentrationUnit.MilligramPerCubicMeter),
                new QuantityColumn<MassConcentration>(r.Select(_ => 40.0).ToArray(), UnitsNet.Units.MassConcentrationUnit.MilligramPerCubicMeter),
                new QuantityColumn<MassConcentration>(r.Select(_ => 5.0).ToArray(), UnitsNet.Units.MassConcentrationUnit.MilligramPerCubicMeter),
                new QuantityColumn<VolumeConcentration>(r.Select(_ => 12.0).ToArray(), UnitsNet.Units.VolumeConcentrationUnit.Percent),
                new QuantityColumn<VolumeFlow>(r.Select(_ => 100_000.0).ToArray(), UnitsNet.Units.VolumeFlowUnit.CubicMeterPerHour),
                r.Select(_ => DataFlag.N).ToArray());
            ClusterDataset data = EmissionsFixture.Create(cems: cems, outlets: outlets);
            EmissionInventory inventory = new EmissionInventoryCalculator().Compute(data, 2024);
            return new EnvironmentalTaxCalculator(ReferenceCatalogue.Builtin).ForInventory(data, inventory, s_asOf);
        }

        TaxAssessment byOutlet = Tax(rows);
        TaxAssessment byHour = Tax(rows.OrderBy(r => r.Hour).ThenBy(r => r.Outlet, StringComparer.Ordinal));

        foreach (TaxAssessment tax in new[] { byOutlet, byHour })
        {
            PollutantTax so2 = tax.Outlets.Single(o => o.OutletId == "O1").Pollutants.Single(p => p.Pollutant == "so2");
            Assert.Equal(0.5, so2.LevyShare);
            Assert.StartsWith("60 % below the standard (monthly mean 80 mg/m³, highest hour 150 mg/m³", so2.Reason, StringComparison.Ordinal);
        }

        Assert.Equal(byOutlet.Total, byHour.Total);
    }
}
