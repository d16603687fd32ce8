namespace Shapotou.Sdk.Analytics.Tax;

/// <summary>Which pollution-equivalent value particulate matter takes at an outlet (the law does not define the split).</summary>
public enum ParticulateClass
{
    /// <summary><c>soot</c>: 烟尘, 2.18 kg per equivalent: combustion and furnace flue gas.</summary>
    Soot,

    /// <summary><c>general_dust</c>: 一般性粉尘, 4 kg per equivalent: material handling.</summary>
    GeneralDust,
}

/// <summary>
/// The policy choices of the environmental-protection tax that the law leaves open (emissions.md §2.1: rounding and the
/// boundary of "30 % below" are NF), with documented defaults.
/// </summary>
public sealed record TaxOptions
{
    /// <summary>
    /// Gets the decimals equivalents are rounded to before they are ranked and taxed (half away from zero), or
    /// <see langword="null"/> to keep them unrounded; default <see langword="null"/>.
    /// </summary>
    public int? EquivalentDecimals { get; init; }

    /// <summary>
    /// Gets whether a pollutant's full tax is rounded to <see cref="TaxDecimals"/> before the 75 % or 50 % share is
    /// applied (worked example W6: 757.90 instead of 757.89); default <see langword="false"/>.
    /// </summary>
    public bool RoundFullTaxBeforeReduction { get; init; }

    /// <summary>Gets the decimals of the tax of an outlet and month (yuan to the fen: 2), half away from zero; default 2.</summary>
    public int TaxDecimals { get; init; } = 2;

    /// <summary>
    /// Gets whether a monthly mean exactly 30 % (or 50 %) below the standard earns the reduction; default
    /// <see langword="true"/> (read as "at least 30 % below").
    /// </summary>
    public bool BoundaryQualifies { get; init; } = true;

    /// <summary>Gets the particulate class of an outlet, when not <see cref="DefaultParticulate"/>.</summary>
    public IReadOnlyDictionary<string, ParticulateClass> ParticulateByOutlet { get; init; } = new Dictionary<string, ParticulateClass>(StringComparer.Ordinal);

    /// <summary>Gets the particulate class of outlets not in <see cref="ParticulateByOutlet"/>; default <see cref="ParticulateClass.Soot"/> (furnace, kiln and boiler stacks).</summary>
    public ParticulateClass DefaultParticulate { get; init; } = ParticulateClass.Soot;
}
