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
/// The policy choices of the environmental-protection tax that the law leaves open (环境保护税法 and its implementing regulations: rounding and the
/// boundary of "30 % below" are NF), with documented defaults.
/// </summary>
/// <remarks>
/// <para>This type is immutable; set its properties with an object initializer or a <c>with</c> expression.</para>
/// <para>Two presets name the rounding conventions: <see cref="Exact"/> (the default: nothing rounded before the outlet's
/// monthly tax) and <see cref="Published"/> (the convention of the published worked example W2 in the references:
/// equivalents to 2 decimals, each pollutant's tax to the fen, the outlet's tax their sum).</para>
/// </remarks>
public sealed record TaxOptions
{
    /// <summary>Gets the exact convention: equivalents and each pollutant's tax unrounded, the outlet's monthly tax to the fen
    /// (the defaults of every property).</summary>
    public static TaxOptions Exact { get; } = new();

    /// <summary>
    /// Gets the convention of the published worked examples: equivalents rounded to 2 decimals before they are ranked and
    /// taxed, each pollutant's tax rounded to the fen, and the outlet's monthly tax the sum of those (W2 in
    /// <c>emissions.md</c>: SO₂ 100 kg, fluoride 100 kg, CO 200 kg, HCl 80 kg at 1.2 yuan → 114.94, 105.26 and 11.98
    /// equivalents taxed, 278.62 yuan).
    /// </summary>
    public static TaxOptions Published { get; } = new() { Name = "published", EquivalentDecimals = 2, PollutantTaxDecimals = 2 };

    /// <summary>Gets the names of the presets, in the order <see cref="Preset"/> accepts them: <c>exact</c>, <c>published</c>.</summary>
    public static IReadOnlyList<string> PresetNames { get; } = ["exact", "published"];

    /// <summary>Returns the preset of a name (<c>exact</c> or <c>published</c>, ordinal), or <see langword="null"/> for any other name.</summary>
    /// <param name="name">The preset's name.</param>
    /// <returns>The preset, or <see langword="null"/>.</returns>
    public static TaxOptions? Preset(string name) => name switch
    {
        "exact" => Exact,
        "published" => Published,
        _ => null,
    };

    /// <summary>Gets the name of the convention, shown in the assumptions and the JSON; default <c>exact</c>.</summary>
    /// <value>The default value is <c>exact</c>.</value>
    public string Name { get; init; } = "exact";

    /// <summary>
    /// Gets the decimals each taxed pollutant's tax (after its levy share) is rounded to before the outlet's pollutants are
    /// summed (half away from zero), or <see langword="null"/> to keep it unrounded; default <see langword="null"/>.
    /// </summary>
    public int? PollutantTaxDecimals { get; init; }

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
