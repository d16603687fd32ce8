using Shapotou.Sdk.Reference;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Analytics.EnergyEfficiency;

/// <summary>The corrections the limit standards apply to their levels, with their constants from the catalogue.</summary>
public static class LimitCorrections
{
    /// <summary>
    /// GB 21341-2022 ore-grade correction of the smelting-electricity (or blast-furnace coke) limit: for each percentage
    /// point the charged ore's grade is above the baseline grade, the limit is lowered by the correction, and raised
    /// when below. The comprehensive-energy limit is not corrected.
    /// </summary>
    /// <param name="catalogue">The catalogue.</param>
    /// <param name="product">The GB 21341 product slug, such as <c>ferrosilicon</c>.</param>
    /// <param name="oreGrade">The grade of the ore charged (for ferrosilicon, SiO₂ of the quartzite).</param>
    /// <param name="asOf">The date.</param>
    /// <returns>The corrected levels of the primary indicator.</returns>
    /// <remarks>Per GB 21341-2022 clause 4, Table 1 (UEBench transcription, S+): ferrosilicon at 99 % gives 8010 / 8260 / 8360 kWh/t.</remarks>
    public static LimitLevels Gb21341PrimaryLimit(ReferenceCatalogue catalogue, string product, MassFraction oreGrade, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(product);
        string prefix = $"energy.limit.gb21341.{product}";
        string indicator = catalogue.Contains($"{prefix}.smelting_electricity.level_1") ? $"{prefix}.smelting_electricity" : $"{prefix}.coke";
        LimitLevels levels = catalogue.GetLimitLevels(indicator, asOf);
        ReferenceValue baseline = catalogue.Get($"{prefix}.ore_grade_baseline", asOf);
        ReferenceValue perPoint = catalogue.Get($"{prefix}.ore_grade_correction", asOf);
        double shift = -(oreGrade.As(MassFractionUnit.Percent) - baseline.GetValue()) * perPoint.GetValue();
        return levels with
        {
            Level1 = levels.Level1 + shift,
            Level2 = levels.Level2 + shift,
            Level3 = levels.Level3 + shift,
            Sources = [.. levels.Sources, baseline, perPoint],
        };
    }

    /// <summary>
    /// GB 16780-2021 clause 4.1: the cement limits change per percentage point of clinker ratio away from the baseline
    /// ratio (75 %), by level-specific amounts.
    /// </summary>
    /// <param name="catalogue">The catalogue.</param>
    /// <param name="clinkerRatio">The clinker ratio of the cement.</param>
    /// <param name="asOf">The date.</param>
    /// <returns>The corrected levels of cement comprehensive energy, in kgce/t.</returns>
    /// <remarks>At 76 %: 81.10 / 88.15 / 95.20 kgce/t (UEBench test, S+).</remarks>
    public static LimitLevels Gb16780Cement(ReferenceCatalogue catalogue, Ratio clinkerRatio, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        const string Prefix = "energy.limit.gb16780.cement";
        LimitLevels levels = catalogue.GetLimitLevels($"{Prefix}.comprehensive_energy", asOf);
        ReferenceValue baseline = catalogue.Get($"{Prefix}.clinker_ratio_baseline", asOf);
        double points = clinkerRatio.As(RatioUnit.Percent) - baseline.GetValue();
        LimitLevels perPoint = catalogue.GetLimitLevels($"{Prefix}.clinker_ratio_correction", asOf);
        return levels with
        {
            Level1 = levels.Level1 + (points * perPoint.Level1),
            Level2 = levels.Level2 + (points * perPoint.Level2),
            Level3 = levels.Level3 + (points * perPoint.Level3),
            Sources = [.. levels.Sources, baseline, .. perPoint.Sources],
        };
    }

    /// <summary>
    /// GB 16780-2021 clause 5.3, formula (1): above the altitude threshold (1500 m), level 3 is multiplied by
    /// <c>K = k_intercept − k_slope × P / P₀</c>; levels 1 and 2 are not corrected.
    /// </summary>
    /// <param name="catalogue">The catalogue.</param>
    /// <param name="levels">The levels to correct (after the clinker-ratio correction where that applies).</param>
    /// <param name="altitude">The site's altitude.</param>
    /// <param name="sitePressure">The site's atmospheric pressure.</param>
    /// <param name="asOf">The date.</param>
    /// <returns>The levels with level 3 corrected where the site is above the threshold.</returns>
    /// <remarks>At 2000 m and 80 000 Pa, 95.20 kgce/t becomes 96.3812 (K = 1.0124074).</remarks>
    public static LimitLevels Gb16780Altitude(ReferenceCatalogue catalogue, LimitLevels levels, Length altitude, Pressure sitePressure, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(levels);
        const string Prefix = "energy.limit.gb16780.altitude";
        ReferenceValue threshold = catalogue.Get($"{Prefix}.threshold", asOf);
        if (altitude.Meters <= threshold.GetValue())
        {
            return levels;
        }

        ReferenceValue intercept = catalogue.Get($"{Prefix}.k_intercept", asOf);
        ReferenceValue slope = catalogue.Get($"{Prefix}.k_slope", asOf);
        ReferenceValue referencePressure = catalogue.Get($"{Prefix}.reference_pressure", asOf);
        double k = intercept.GetValue() - (slope.GetValue() * sitePressure.Pascals / referencePressure.GetValue());
        return levels with { Level3 = levels.Level3 * k, Sources = [.. levels.Sources, threshold, intercept, slope, referencePressure] };
    }

    /// <summary>GB 21252-2023 Table 2: tile and board limits multiplied by the production-weighted thickness factor (a caller input).</summary>
    /// <param name="levels">The levels of a tile or board product.</param>
    /// <param name="thicknessFactor">The factor; 1.00 when no product is 15 mm or thicker. Finite and positive.</param>
    /// <returns>The scaled levels.</returns>
    public static LimitLevels Gb21252Thickness(LimitLevels levels, double thicknessFactor)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (!double.IsFinite(thicknessFactor) || thicknessFactor <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(thicknessFactor), thicknessFactor, "The thickness factor must be a finite positive number.");
        }

        return levels with { Level1 = levels.Level1 * thicknessFactor, Level2 = levels.Level2 * thicknessFactor, Level3 = levels.Level3 * thicknessFactor };
    }
}
