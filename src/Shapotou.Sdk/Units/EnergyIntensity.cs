using System.Globalization;
using Shapotou.Sdk.Internal;
using UnitsNet;

namespace Shapotou.Sdk.Units;

/// <summary>Standard coal per tonne of product (kgce/t or tce/t): a unit product energy consumption (单位产品能耗).</summary>
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para>The unit product comprehensive energy consumption (单位产品综合能耗) of the energy-consumption-limit standards
/// (GB 21341-2023 ferroalloys, GB 21343-2023 calcium carbide, and the others of the GB 2134x family) and their limit,
/// advanced and benchmark levels are intensities of this kind. The numerator is standard coal per GB/T 2589-2020
/// (see <see cref="StandardCoal"/>); the denominator is the product on the basis the standard states.</para>
/// <para>The intensity keeps the unit it was created in: <see cref="As"/> in that unit returns the number it was created
/// from, bit for bit, and only another unit converts (1 tce/t = 1000 kgce/t). It must be finite; it may be negative
/// (a gap below a benchmark).</para>
/// </remarks>
public readonly struct EnergyIntensity : IEquatable<EnergyIntensity>, IComparable<EnergyIntensity>, IFormattable
{
    private const double KilogramOfCoalEquivalentPerTonnesPerTonneOfCoalEquivalentPerTonne = 1000;

    private readonly double _value;
    private readonly EnergyIntensityUnit _unit;

    private EnergyIntensity(double value, EnergyIntensityUnit unit)
    {
        _value = Preconditions.CheckFinite(value, nameof(value));
        _unit = unit;
    }

    /// <summary>Gets a zero intensity, in kgce/t.</summary>
    public static EnergyIntensity Zero => default;

    /// <summary>Gets the unit the intensity was created in.</summary>
    public EnergyIntensityUnit Unit => _unit == 0 ? EnergyIntensityUnit.KilogramOfCoalEquivalentPerTonne : _unit;

    /// <summary>Gets the number in <see cref="Unit"/>.</summary>
    public double Value => _value;

    /// <summary>Gets the intensity in kilograms of coal equivalent per tonne (kgce/t).</summary>
    public double KilogramsOfCoalEquivalentPerTonne => As(EnergyIntensityUnit.KilogramOfCoalEquivalentPerTonne);

    /// <summary>Gets the intensity in tonnes of coal equivalent per tonne (tce/t).</summary>
    public double TonnesOfCoalEquivalentPerTonne => As(EnergyIntensityUnit.TonneOfCoalEquivalentPerTonne);

    /// <summary>Creates an intensity in kilograms of coal equivalent per tonne.</summary>
    /// <param name="value">The intensity in kgce/t; finite.</param>
    /// <returns>The intensity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static EnergyIntensity FromKilogramsOfCoalEquivalentPerTonne(double value) => new(value, EnergyIntensityUnit.KilogramOfCoalEquivalentPerTonne);

    /// <summary>Creates an intensity in tonnes of coal equivalent per tonne.</summary>
    /// <param name="value">The intensity in tce/t; finite.</param>
    /// <returns>The intensity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static EnergyIntensity FromTonnesOfCoalEquivalentPerTonne(double value) => new(value, EnergyIntensityUnit.TonneOfCoalEquivalentPerTonne);

    /// <summary>Creates an intensity from a number in a unit.</summary>
    /// <param name="value">The intensity in <paramref name="unit"/>; finite.</param>
    /// <param name="unit">The unit of <paramref name="value"/>.</param>
    /// <returns>The intensity, kept in <paramref name="unit"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite, or <paramref name="unit"/> is not a defined unit.</exception>
    public static EnergyIntensity From(double value, EnergyIntensityUnit unit) => new(value, CheckUnit(unit));

    /// <summary>Creates the unit energy of a product: standard coal ÷ tonnes of product, such as the unit product comprehensive energy consumption (单位产品综合能耗) of GB 21341-2023 and GB 21343-2023.</summary>
    /// <param name="energy">The standard coal consumed.</param>
    /// <param name="product">The product made; more than zero.</param>
    /// <returns>The intensity in tce/t when <paramref name="energy"/> is in tce, otherwise in kgce/t; the product is read in tonnes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="product"/> is not more than zero.</exception>
    public static EnergyIntensity Of(StandardCoal energy, Mass product)
    {
        double tonnes = IntensityChecks.ProductTonnes(product);
        return energy.Unit == StandardCoalUnit.TonneOfCoalEquivalent
            ? FromTonnesOfCoalEquivalentPerTonne(energy.TonnesOfCoalEquivalent / tonnes)
            : FromKilogramsOfCoalEquivalentPerTonne(energy.KilogramsOfCoalEquivalent / tonnes);
    }

    /// <summary>Multiplies a unit energy by tonnes of product.</summary>
    /// <param name="intensity">The unit energy.</param>
    /// <param name="product">The product, read in tonnes.</param>
    /// <returns>The standard coal, in tce when <paramref name="intensity"/> is in tce/t, otherwise in kgce.</returns>
    public static StandardCoal operator *(EnergyIntensity intensity, Mass product) =>
        StandardCoal.From(
            intensity._value * product.Tonnes,
            intensity.Unit == EnergyIntensityUnit.TonneOfCoalEquivalentPerTonne ? StandardCoalUnit.TonneOfCoalEquivalent : StandardCoalUnit.KilogramOfCoalEquivalent);

    /// <summary>Multiplies tonnes of product by a unit energy.</summary>
    /// <param name="product">The product, read in tonnes.</param>
    /// <param name="intensity">The unit energy.</param>
    /// <returns>The standard coal, in tce when <paramref name="intensity"/> is in tce/t, otherwise in kgce.</returns>
    public static StandardCoal operator *(Mass product, EnergyIntensity intensity) => intensity * product;

    /// <summary>Gets the intensity in a unit.</summary>
    /// <param name="unit">The unit wanted.</param>
    /// <returns>The intensity in <paramref name="unit"/>; the number it was created from when <paramref name="unit"/> is <see cref="Unit"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined unit.</exception>
    public double As(EnergyIntensityUnit unit)
    {
        if (CheckUnit(unit) == Unit)
        {
            return _value;
        }

        return unit == EnergyIntensityUnit.KilogramOfCoalEquivalentPerTonne ? _value * KilogramOfCoalEquivalentPerTonnesPerTonneOfCoalEquivalentPerTonne : _value / KilogramOfCoalEquivalentPerTonnesPerTonneOfCoalEquivalentPerTonne;
    }

    /// <summary>Gets the intensity in another unit.</summary>
    /// <param name="unit">The unit wanted.</param>
    /// <returns>The same intensity kept in <paramref name="unit"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined unit.</exception>
    public EnergyIntensity ToUnit(EnergyIntensityUnit unit) => new(As(unit), unit);

    /// <summary>Adds two intensities, in the unit of <paramref name="left"/>.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns>The sum.</returns>
    public static EnergyIntensity operator +(EnergyIntensity left, EnergyIntensity right) => new(left._value + right.As(left.Unit), left.Unit);

    /// <summary>Subtracts one intensity from another, in the unit of <paramref name="left"/>.</summary>
    /// <param name="left">The intensity to subtract from.</param>
    /// <param name="right">The intensity to subtract.</param>
    /// <returns>The difference.</returns>
    public static EnergyIntensity operator -(EnergyIntensity left, EnergyIntensity right) => new(left._value - right.As(left.Unit), left.Unit);

    /// <summary>Negates an intensity.</summary>
    /// <param name="value">The intensity.</param>
    /// <returns>The negated intensity.</returns>
    public static EnergyIntensity operator -(EnergyIntensity value) => new(-value._value, value.Unit);

    /// <summary>Scales an intensity.</summary>
    /// <param name="left">The intensity.</param>
    /// <param name="right">The factor; finite.</param>
    /// <returns>The scaled intensity, in the unit of <paramref name="left"/>.</returns>
    public static EnergyIntensity operator *(EnergyIntensity left, double right) => new(left._value * right, left.Unit);

    /// <summary>Divides an intensity by a number.</summary>
    /// <param name="left">The intensity.</param>
    /// <param name="right">The divisor; non-zero.</param>
    /// <returns>The quotient, in the unit of <paramref name="left"/>.</returns>
    public static EnergyIntensity operator /(EnergyIntensity left, double right) => new(left._value / right, left.Unit);

    /// <summary>Returns whether two intensities are equal.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns><see langword="true"/> when both are the same number of kgce/t.</returns>
    public static bool operator ==(EnergyIntensity left, EnergyIntensity right) => left.Equals(right);

    /// <summary>Returns whether two intensities differ.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns><see langword="true"/> when they are different numbers of kgce/t.</returns>
    public static bool operator !=(EnergyIntensity left, EnergyIntensity right) => !left.Equals(right);

    /// <summary>Returns whether one intensity is less than another.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(EnergyIntensity left, EnergyIntensity right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether one intensity is greater than another.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(EnergyIntensity left, EnergyIntensity right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether one intensity is at most another.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(EnergyIntensity left, EnergyIntensity right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether one intensity is at least another.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(EnergyIntensity left, EnergyIntensity right) => left.CompareTo(right) >= 0;

    /// <summary>Returns whether this intensity is equal to another, compared in <see cref="Unit"/> of this one.</summary>
    /// <param name="other">The other intensity.</param>
    /// <returns><see langword="true"/> when <paramref name="other"/> in this unit is the same number.</returns>
    public bool Equals(EnergyIntensity other) => _value.Equals(other.As(Unit));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EnergyIntensity other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => KilogramsOfCoalEquivalentPerTonne.GetHashCode();

    /// <summary>Compares this intensity with another, in <see cref="Unit"/> of this one.</summary>
    /// <param name="other">The other intensity.</param>
    /// <returns>Less than zero, zero or greater than zero as this intensity is less than, equal to or greater than <paramref name="other"/>.</returns>
    public int CompareTo(EnergyIntensity other) => _value.CompareTo(other.As(Unit));

    /// <summary>Formats the intensity in its unit with the invariant culture, such as <c>1894.33 kgce/t</c>.</summary>
    /// <returns>The formatted intensity.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the intensity in its unit, such as <c>1894.33 kgce/t</c>.</summary>
    /// <param name="format">A numeric format string for the number, or <see langword="null"/>.</param>
    /// <param name="formatProvider">The culture, or <see langword="null"/> for the invariant culture.</param>
    /// <returns>The formatted intensity.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        _value.ToString(format, formatProvider ?? CultureInfo.InvariantCulture) + " " + GetAbbreviation(Unit);

    /// <summary>Gets the abbreviation of a unit, such as <c>kgce/t</c>.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The abbreviation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined unit.</exception>
    public static string GetAbbreviation(EnergyIntensityUnit unit) => CheckUnit(unit) == EnergyIntensityUnit.KilogramOfCoalEquivalentPerTonne ? "kgce/t" : "tce/t";

    private static EnergyIntensityUnit CheckUnit(EnergyIntensityUnit unit) => unit is EnergyIntensityUnit.KilogramOfCoalEquivalentPerTonne or EnergyIntensityUnit.TonneOfCoalEquivalentPerTonne
        ? unit
        : throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown energy-intensity unit.");
}
