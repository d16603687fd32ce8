using System.Globalization;

namespace Shapotou.Sdk.Reference;

/// <summary>
/// The levels 1, 2 and 3 of an energy-consumption limit standard for one indicator, in the indicator's unit, with the
/// catalogue rows they come from; level 1 is the strictest.
/// </summary>
/// <param name="IndicatorKey">The indicator's key without the <c>.level_N</c> suffix, such as
/// <c>energy.limit.gb21341.ferrosilicon.comprehensive_energy</c>.</param>
/// <param name="Level1">Level 1, or <see langword="null"/> where the catalogue lacks it.</param>
/// <param name="Level2">Level 2, or <see langword="null"/> where the catalogue lacks it.</param>
/// <param name="Level3">Level 3 (the limit for existing plants), or <see langword="null"/> where the catalogue lacks it.</param>
/// <remarks>
/// <para>This type is immutable and thread-safe. A missing level is never guessed from the others.</para>
/// <para>One type serves the levels as the catalogue gives them (<see cref="ReferenceCatalogue.GetLimitLevels"/>) and
/// as a standard's corrections leave them (ore grade, clinker ratio, altitude, thickness): a correction changes the
/// values with <c>with</c> and adds the rows of its constants to <see cref="Sources"/>, so every figure keeps its
/// citations. The values stay <see cref="double"/> in <see cref="Unit"/> because the unit depends on the indicator
/// (kgce/t for comprehensive energy, kWh/t for smelting electricity, kg/t for coke).</para>
/// </remarks>
public sealed record LimitLevels(string IndicatorKey, double? Level1, double? Level2, double? Level3)
{
    /// <summary>Gets the unit of the levels, from the catalogue's level rows; <see langword="null"/> when no level is known.</summary>
    public ReferenceUnit? Unit { get; init; }

    /// <summary>Gets the catalogue rows the values come from: the level rows, then the constants of any correction applied.</summary>
    public IReadOnlyList<ReferenceValue> Sources { get; init; } = [];

    /// <summary>
    /// Classifies a value: the best level whose limit the value does not exceed. A level the catalogue lacks is skipped,
    /// never guessed (a value between levels 1 and 3 with level 2 missing is level 3).
    /// </summary>
    /// <param name="value">The figure, in <see cref="Unit"/>; NaN for unknown.</param>
    /// <returns>The level; <see langword="null"/> for NaN, when no level is known, or when the value is above the known
    /// levels and level 3 is unknown.</returns>
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

    /// <summary>Describes the levels, such as <c>energy.limit.gb21341.ferrosilicon.smelting_electricity: 8010 / 8260 / 8360 kWh/t</c>.</summary>
    /// <returns>The description, in the invariant culture; <c>–</c> for a missing level.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{IndicatorKey}: {Level1?.ToString(CultureInfo.InvariantCulture) ?? "–"} / {Level2?.ToString(CultureInfo.InvariantCulture) ?? "–"} / {Level3?.ToString(CultureInfo.InvariantCulture) ?? "–"}{(Unit is null ? "" : " " + Unit.Symbol)}");
}

/// <summary>The level of an energy-consumption limit standard that a figure reaches (<see cref="LimitLevels.Classify"/>); level 1 is the strictest.</summary>
public enum LimitLevel
{
    /// <summary>At or below level 1.</summary>
    Level1 = 1,

    /// <summary>Above level 1, at or below level 2.</summary>
    Level2,

    /// <summary>Above level 2, at or below level 3 (the limit existing plants must meet).</summary>
    Level3,

    /// <summary>Above level 3: the figure does not meet the standard.</summary>
    AboveLevel3,
}
