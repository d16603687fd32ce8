using System.Globalization;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Analytics.EnergyEfficiency;

/// <summary>The level of an energy-consumption limit standard that a unit consumption reaches; level 1 is the strictest.</summary>
public enum LimitLevel
{
    /// <summary>At or below level 1.</summary>
    Level1 = 1,

    /// <summary>Above level 1, at or below level 2.</summary>
    Level2,

    /// <summary>Above level 2, at or below level 3 (the limit existing plants must meet).</summary>
    Level3,

    /// <summary>Above level 3: the unit does not meet the standard.</summary>
    AboveLevel3,
}

/// <summary>Limit values of a standard's three levels after corrections, in the indicator's unit.</summary>
/// <param name="IndicatorKey">The catalogue key of the indicator, without <c>.level_N</c>.</param>
/// <param name="Level1">Level 1, or <see langword="null"/> where the catalogue lacks it.</param>
/// <param name="Level2">Level 2, or <see langword="null"/>.</param>
/// <param name="Level3">Level 3, or <see langword="null"/>.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct LimitValues(string IndicatorKey, double? Level1, double? Level2, double? Level3)
{
    /// <summary>Takes the values of catalogue levels as they are.</summary>
    /// <param name="levels">The catalogue levels.</param>
    /// <returns>The values.</returns>
    public static LimitValues From(LimitLevels levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        return new(levels.IndicatorKey, levels.Level1?.Value, levels.Level2?.Value, levels.Level3?.Value);
    }

    /// <summary>
    /// Classifies a value: the best level whose limit the value does not exceed. A level the catalogue lacks is skipped,
    /// never guessed (a value between levels 1 and 3 with level 2 missing is level 3).
    /// </summary>
    /// <param name="value">The unit consumption, in the indicator's unit; NaN for unknown.</param>
    /// <returns>The level; <see langword="null"/> for NaN, or when no level is known.</returns>
    public LimitLevel? Classify(double value)
    {
        if (double.IsNaN(value) || (Level1 is null && Level2 is null && Level3 is null))
        {
            return null;
        }

        if (Level1 is { } l1 && value <= l1)
        {
            return LimitLevel.Level1;
        }

        if (Level2 is { } l2 && value <= l2)
        {
            return LimitLevel.Level2;
        }

        if (Level3 is { } l3)
        {
            return value <= l3 ? LimitLevel.Level3 : LimitLevel.AboveLevel3;
        }

        // Level 3 unknown: a value above the known levels cannot be placed.
        return null;
    }

    /// <summary>Describes the values, such as <c>8010 / 8260 / 8360</c>.</summary>
    /// <returns>The description, in the invariant culture.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{IndicatorKey}: {Level1?.ToString(CultureInfo.InvariantCulture) ?? "–"} / {Level2?.ToString(CultureInfo.InvariantCulture) ?? "–"} / {Level3?.ToString(CultureInfo.InvariantCulture) ?? "–"}");
}
