namespace Shapotou.Sdk.Reference;

/// <summary>The levels 1, 2 and 3 of an energy-consumption limit standard for one indicator; level 1 is the strictest.</summary>
/// <param name="IndicatorKey">The indicator's key without the <c>.level_N</c> suffix.</param>
/// <param name="Level1">Level 1, or <see langword="null"/> where the catalogue lacks it.</param>
/// <param name="Level2">Level 2, or <see langword="null"/> where the catalogue lacks it.</param>
/// <param name="Level3">Level 3 (the limit for existing plants), or <see langword="null"/> where the catalogue lacks it.</param>
/// <remarks>This type is immutable and thread-safe. A missing level is never guessed from the others.</remarks>
public sealed record LimitLevels(string IndicatorKey, ReferenceValue? Level1, ReferenceValue? Level2, ReferenceValue? Level3);
