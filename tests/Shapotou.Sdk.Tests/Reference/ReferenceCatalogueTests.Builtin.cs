using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Tests.Reference;

public sealed partial class ReferenceCatalogueTests
{
    private static readonly ReferenceCatalogue s_builtin = ReferenceCatalogue.Builtin;

    [Fact]
    public void Builtin_EveryRow_HasSourceMarkAndBuiltinOrigin()
    {
        Assert.NotEmpty(s_builtin.Values);
        foreach (ReferenceValue row in s_builtin.Values)
        {
            Assert.False(string.IsNullOrWhiteSpace(row.Source), row.Key);
            Assert.Contains(row.ConfidenceMark, new[] { "P", "S+", "S" });
            Assert.Equal(ReferenceOrigin.Builtin, row.Origin);
            Assert.True(ReferenceValue.IsValidKey(row.Key), row.Key);
            Assert.True(row.Prohibited ^ row.Value.HasValue, row.Key);
        }
    }

    [Fact]
    public void Builtin_Values_AreSortedByKey()
    {
        string[] keys = s_builtin.Values.Select(v => v.Key).ToArray();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
    }

    [Fact]
    public void Get_ElectricityEquivalent_Is0_1229KgcePerKwh()
    {
        ReferenceValue row = s_builtin.Get("energy.coefficient.electricity.equivalent", new DateOnly(2024, 12, 31));

        Assert.Equal(0.1229, row.Value);
        Assert.Equal("kgce/kWh", row.Unit.Symbol);
        Assert.Equal(ReferenceConfidence.Transcribed, row.Confidence);
        Assert.Contains("GB/T 2589", row.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2023-07-04", 1770, 1850)] // first day of the 2023 edition (发改产业〔2023〕723号)
    [InlineData("2024-12-31", 1770, 1850)] // the plan's baseline year, judged on 31 December
    [InlineData("2023-07-03", 1770, 1900)] // last day of the 2021 edition
    [InlineData("2021-11-15", 1770, 1900)] // first day of the 2021 edition (发改产业〔2021〕1609号)
    public void FindEnergyBenchmark_Ferrosilicon_ReturnsEditionInForce(string date, double benchmark, double baseline)
    {
        EnergyBenchmark? pair = s_builtin.FindEnergyBenchmark("ferrosilicon", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.NotNull(pair);
        Assert.Equal(benchmark, pair.Benchmark.Value);
        Assert.Equal(baseline, pair.Baseline.Value);
        Assert.Equal("kgce/t", pair.Baseline.Unit.Symbol);
    }

    [Fact]
    public void FindEnergyBenchmark_BeforeFirstEdition_ReturnsNull()
    {
        Assert.Null(s_builtin.FindEnergyBenchmark("ferrosilicon", new DateOnly(2021, 11, 14)));
    }

    [Fact]
    public void FindEnergyBenchmark_ProductTheReferencesLack_ReturnsNull()
    {
        // The calcium-carbide pair is only a recollection in the references, so it is not a catalogue value.
        Assert.Null(s_builtin.FindEnergyBenchmark("calcium_carbide", new DateOnly(2024, 12, 31)));
    }

    [Fact]
    public void GetLimitLevels_Gb21341Ferrosilicon_ReturnsTable1Values()
    {
        var date = new DateOnly(2024, 1, 1);
        LimitLevels energy = s_builtin.GetLimitLevels("energy.limit.gb21341.ferrosilicon.comprehensive_energy", date);
        LimitLevels electricity = s_builtin.GetLimitLevels("energy.limit.gb21341.ferrosilicon.smelting_electricity", date);

        Assert.Equal([1700.0, 1770.0, 1850.0], [energy.Level1!.Value, energy.Level2!.Value, energy.Level3!.Value]);
        Assert.Equal([8050.0, 8300.0, 8400.0], [electricity.Level1!.Value, electricity.Level2!.Value, electricity.Level3!.Value]);
        Assert.Equal("kWh/t", electricity.Unit!.Symbol);
        Assert.Equal(
            ["energy.limit.gb21341.ferrosilicon.smelting_electricity.level_1", "energy.limit.gb21341.ferrosilicon.smelting_electricity.level_2", "energy.limit.gb21341.ferrosilicon.smelting_electricity.level_3"],
            electricity.Sources.Select(r => r.Key));
        Assert.Equal("energy.limit.gb21341.ferrosilicon.smelting_electricity: 8050 / 8300 / 8400 kWh/t", electricity.ToString());
    }

    [Fact]
    public void GetLimitLevels_BeforeGb21341_2022TookEffect_LevelsAreNull()
    {
        LimitLevels levels = s_builtin.GetLimitLevels("energy.limit.gb21341.ferrosilicon.comprehensive_energy", new DateOnly(2023, 12, 31));

        Assert.Null(levels.Level1);
        Assert.Null(levels.Level2);
        Assert.Null(levels.Level3);
        Assert.Null(levels.Unit);
        Assert.Empty(levels.Sources);
    }

    [Theory]
    [InlineData("pm", 6.5)]
    [InlineData("nox", 8)]
    [InlineData("so2", 2.2)]
    public void Get_PlanReductionRates_AreTable2_1(string pollutant, double percent)
    {
        ReferenceValue row = s_builtin.Get($"plan.target_2027.reduction.{pollutant}", new DateOnly(2027, 12, 31));

        Assert.Equal(percent, row.ToRatio().Percent);
        Assert.Equal(ReferenceConfidence.Primary, row.Confidence);
    }

    [Fact]
    public void Get_ProhibitedLimit_HasNoValueAndSaysSo()
    {
        ReferenceValue row = s_builtin.Get("emissions.limit.gb9078.table_2.ferroalloy_smelting.pm.grade_1", new DateOnly(2024, 1, 1));

        Assert.True(row.Prohibited);
        Assert.Null(row.Value);
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => row.GetValue());
        Assert.Equal("'emissions.limit.gb9078.table_2.ferroalloy_smelting.pm.grade_1' is a prohibition (禁排) and has no numeric value.", error.Message);
    }

    [Fact]
    public void Get_SecondarySourceValue_IsMarkedAsNeedingConfirmation()
    {
        // The benchmark document's table was seen only in one secondary source (S): the mark must reach the user.
        ReferenceValue row = s_builtin.Get("energy.benchmark.ferrosilicon.benchmark", new DateOnly(2024, 12, 31));

        Assert.Equal("S", row.ConfidenceMark);
        Assert.True(row.NeedsConfirmation);
    }

    [Fact]
    public void Get_KeyNotInCatalogue_SaysItIsACallerInput()
    {
        KeyNotFoundException error = Assert.Throws<KeyNotFoundException>(
            () => s_builtin.Get("energy.coefficient.semi_coke", new DateOnly(2024, 1, 1)));

        Assert.Equal(
            "The catalogue has no value for 'energy.coefficient.semi_coke'; the references do not give one, so supply it as a user row or an input.",
            error.Message);
    }

    [Fact]
    public void Get_DateOutsideEveryRow_ListsTheValidityOfTheRows()
    {
        KeyNotFoundException error = Assert.Throws<KeyNotFoundException>(
            () => s_builtin.Get("energy.benchmark.ferrosilicon.baseline", new DateOnly(2020, 1, 1)));

        Assert.Equal(
            "The catalogue has no value for 'energy.benchmark.ferrosilicon.baseline' in force on 2020-01-01; its rows are valid 2021-11-15 to 2023-07-03, 2023-07-04 to (open).",
            error.Message);
    }

    [Fact]
    public void InForce_ReturnsOneRowPerKey()
    {
        IReadOnlyList<ReferenceValue> rows = s_builtin.InForce(new DateOnly(2024, 12, 31));

        Assert.Equal(rows.Count, rows.Select(r => r.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(rows, r => r.Key == "energy.benchmark.ferrosilicon.baseline" && r.Value == 1850);
        Assert.DoesNotContain(rows, r => r.Key == "energy.benchmark.ferrosilicon.baseline" && r.Value == 1900);
    }
}
