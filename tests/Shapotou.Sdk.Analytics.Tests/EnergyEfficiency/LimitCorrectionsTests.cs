using Shapotou.Sdk.Analytics.EnergyEfficiency;
using Shapotou.Sdk.Reference;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Tests.EnergyEfficiency;

public sealed class LimitCorrectionsTests
{
    private static readonly ReferenceCatalogue s_catalogue = ReferenceCatalogue.Builtin;
    private static readonly DateOnly s_date = new(2024, 12, 31);

    [Theory]
    [InlineData(99, 8010, 8260, 8360)] // energy.md B3: one point above the 98 % baseline lowers each level by 40 kWh/t
    [InlineData(97, 8090, 8340, 8440)] // one point below raises each level by 40
    [InlineData(98, 8050, 8300, 8400)] // at the baseline grade: Table 1 as printed
    public void Gb21341Ferrosilicon_OreGrade_ShiftsTheElectricityLimit(double grade, double l1, double l2, double l3)
    {
        LimitLevels limits = LimitCorrections.Gb21341PrimaryLimit(s_catalogue, "ferrosilicon", MassFraction.FromPercent(grade), s_date);

        Assert.Equal("energy.limit.gb21341.ferrosilicon.smelting_electricity", limits.IndicatorKey);
        Assert.Equal(l1, limits.Level1!.Value, 9);
        Assert.Equal(l2, limits.Level2!.Value, 9);
        Assert.Equal(l3, limits.Level3!.Value, 9);
    }

    [Fact]
    public void Corrections_KeepTheLevelRows_AndAddTheRowsOfTheirConstants()
    {
        LimitLevels fesi = LimitCorrections.Gb21341PrimaryLimit(s_catalogue, "ferrosilicon", MassFraction.FromPercent(99), s_date);
        LimitLevels cement = LimitCorrections.Gb16780Altitude(
            s_catalogue, LimitCorrections.Gb16780Cement(s_catalogue, Ratio.FromPercent(76), s_date), Length.FromMeters(2000), Pressure.FromPascals(80_000), s_date);

        Assert.Equal(
            ["smelting_electricity.level_1", "smelting_electricity.level_2", "smelting_electricity.level_3", "ore_grade_baseline", "ore_grade_correction"],
            fesi.Sources.Select(r => r.Key["energy.limit.gb21341.ferrosilicon.".Length..]));
        Assert.Equal("kWh/t", fesi.Unit!.Symbol);
        Assert.Equal(
            [
                "gb16780.cement.comprehensive_energy.level_1", "gb16780.cement.comprehensive_energy.level_2", "gb16780.cement.comprehensive_energy.level_3",
                "gb16780.cement.clinker_ratio_baseline",
                "gb16780.cement.clinker_ratio_correction.level_1", "gb16780.cement.clinker_ratio_correction.level_2", "gb16780.cement.clinker_ratio_correction.level_3",
                "gb16780.altitude.threshold", "gb16780.altitude.k_intercept", "gb16780.altitude.k_slope", "gb16780.altitude.reference_pressure",
            ],
            cement.Sources.Select(r => r.Key["energy.limit.".Length..]));
    }

    [Fact]
    public void Gb16780Cement_ClinkerRatio76_Is81_10And88_15And95_20()
    {
        // energy.md A1 (UEBench test): base 80/87/94 + 1 point × 1.10/1.15/1.20.
        LimitLevels limits = LimitCorrections.Gb16780Cement(s_catalogue, Ratio.FromPercent(76), s_date);

        Assert.Equal(81.10, limits.Level1!.Value, 9);
        Assert.Equal(88.15, limits.Level2!.Value, 9);
        Assert.Equal(95.20, limits.Level3!.Value, 9);
    }

    [Fact]
    public void Gb16780Altitude_2000Metres80000Pa_CorrectsLevel3Only()
    {
        // energy.md A2: K = 1.179 − 0.211 × 80000/101325 = 1.0124074; 95.20 × K = 96.3812.
        LimitLevels ratio = LimitCorrections.Gb16780Cement(s_catalogue, Ratio.FromPercent(76), s_date);

        LimitLevels corrected = LimitCorrections.Gb16780Altitude(s_catalogue, ratio, Length.FromMeters(2000), Pressure.FromPascals(80_000), s_date);

        Assert.Equal(96.3812, Math.Round(corrected.Level3!.Value, 4));
        Assert.Equal(ratio.Level1, corrected.Level1);
        Assert.Equal(ratio.Level2, corrected.Level2);
    }

    [Fact]
    public void Gb16780Altitude_AtOrBelowThreshold_ChangesNothing()
    {
        LimitLevels levels = LimitCorrections.Gb16780Cement(s_catalogue, Ratio.FromPercent(75), s_date);

        Assert.Equal(levels, LimitCorrections.Gb16780Altitude(s_catalogue, levels, Length.FromMeters(1500), Pressure.FromPascals(84_000), s_date));
    }

    [Fact]
    public void Gb21252Thickness_ScalesEveryLevel_AndRejectsNonPositiveFactors()
    {
        LimitLevels tile = s_catalogue.GetLimitLevels("energy.limit.gb21252.tile_dry_pressed_e_le_0_2.comprehensive_energy", s_date);

        LimitLevels thick = LimitCorrections.Gb21252Thickness(tile, 1.1);

        Assert.Equal(4.5 * 1.1, thick.Level1!.Value, 12);
        Assert.Equal(7.0 * 1.1, thick.Level3!.Value, 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => LimitCorrections.Gb21252Thickness(tile, 0));
    }

    [Theory]
    [InlineData(1699.9, LimitLevel.Level1)] // below level 1
    [InlineData(1700.0, LimitLevel.Level1)] // at level 1: meets it
    [InlineData(1770.0, LimitLevel.Level2)] // at level 2
    [InlineData(1850.0, LimitLevel.Level3)] // at level 3
    [InlineData(1850.1, LimitLevel.AboveLevel3)] // above level 3: does not meet the standard
    public void Classify_Gb21341FerrosiliconEnergy(double unitEnergy, LimitLevel expected)
    {
        LimitLevels levels = s_catalogue.GetLimitLevels("energy.limit.gb21341.ferrosilicon.comprehensive_energy", s_date);

        Assert.Equal(expected, levels.Classify(unitEnergy));
    }

    [Fact]
    public void Classify_MissingLevel_IsSkippedNotGuessed()
    {
        // energy.md A3: level 2 undefined, L1 61, L3 86; 70 is level 3.
        var levels = new LimitLevels("example", 61, null, 86);

        Assert.Equal(LimitLevel.Level3, levels.Classify(70));
        Assert.Null(levels.Classify(double.NaN));
        Assert.Null(new LimitLevels("example", 61, 70, null).Classify(80));
    }
}
