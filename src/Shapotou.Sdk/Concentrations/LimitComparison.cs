namespace Shapotou.Sdk.Concentrations;

/// <summary>The outcome of comparing a concentration with a limit on the same basis.</summary>
/// <param name="Exceeds">Whether the concentration is strictly above the limit (or above zero under a prohibition).</param>
/// <param name="Ratio">The concentration divided by the limit: 1 at the limit, 0.7 at 30 % below it; positive infinity
/// under a prohibition or a zero limit with a positive concentration.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct LimitComparison(bool Exceeds, double Ratio);
