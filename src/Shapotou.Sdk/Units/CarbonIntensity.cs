using System.Globalization;
using Shapotou.Sdk.Internal;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Units;

/// <summary>CO₂ per tonne of product (t CO₂/t or kg CO₂/t): a unit product carbon emission (单位产品碳排放).</summary>
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para>The numerator is a mass of carbon dioxide, not of carbon. CO₂ per unit of output value (per 10⁴ yuan) is a
/// different quantity: <see cref="OutputValueCarbonIntensity"/>.</para>
/// <para>The intensity keeps the unit it was created in: <see cref="As"/> in that unit returns the number it was created
/// from, bit for bit, and only another unit converts (1 t CO₂/t = 1000 kg CO₂/t). It must be finite; it may be negative
/// (a gap below a benchmark).</para>
/// </remarks>
public readonly struct CarbonIntensity : IEquatable<CarbonIntensity>, IComparable<CarbonIntensity>, IFormattable
{
    private const double KilogramOfCarbonDioxidePerTonnesPerTonneOfCarbonDioxidePerTonne = 1000;

    private readonly double _value;
    private readonly CarbonIntensityUnit _unit;

    private CarbonIntensity(double value, CarbonIntensityUnit unit)
    {
        _value = Preconditions.CheckFinite(value, nameof(value));
        _unit = unit;
    }

    /// <summary>Gets a zero intensity, in kg CO₂/t.</summary>
    public static CarbonIntensity Zero => default;

    /// <summary>Gets the unit the intensity was created in.</summary>
    public CarbonIntensityUnit Unit => _unit == 0 ? CarbonIntensityUnit.KilogramOfCarbonDioxidePerTonne : _unit;

    /// <summary>Gets the number in <see cref="Unit"/>.</summary>
    public double Value => _value;

    /// <summary>Gets the intensity in kilograms of CO₂ per tonne (kg CO₂/t).</summary>
    public double KilogramsOfCarbonDioxidePerTonne => As(CarbonIntensityUnit.KilogramOfCarbonDioxidePerTonne);

    /// <summary>Gets the intensity in tonnes of CO₂ per tonne (t CO₂/t).</summary>
    public double TonnesOfCarbonDioxidePerTonne => As(CarbonIntensityUnit.TonneOfCarbonDioxidePerTonne);

    /// <summary>Creates an intensity in kilograms of CO₂ per tonne.</summary>
    /// <param name="value">The intensity in kg CO₂/t; finite.</param>
    /// <returns>The intensity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static CarbonIntensity FromKilogramsOfCarbonDioxidePerTonne(double value) => new(value, CarbonIntensityUnit.KilogramOfCarbonDioxidePerTonne);

    /// <summary>Creates an intensity in tonnes of CO₂ per tonne.</summary>
    /// <param name="value">The intensity in t CO₂/t; finite.</param>
    /// <returns>The intensity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static CarbonIntensity FromTonnesOfCarbonDioxidePerTonne(double value) => new(value, CarbonIntensityUnit.TonneOfCarbonDioxidePerTonne);

    /// <summary>Creates an intensity from a number in a unit.</summary>
    /// <param name="value">The intensity in <paramref name="unit"/>; finite.</param>
    /// <param name="unit">The unit of <paramref name="value"/>.</param>
    /// <returns>The intensity, kept in <paramref name="unit"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite, or <paramref name="unit"/> is not a defined unit.</exception>
    public static CarbonIntensity From(double value, CarbonIntensityUnit unit) => new(value, CheckUnit(unit));

    /// <summary>Creates the CO₂ emitted per tonne of product (单位产品碳排放): CO₂ ÷ tonnes of product.</summary>
    /// <param name="carbonDioxide">The CO₂ emitted.</param>
    /// <param name="product">The product made; more than zero.</param>
    /// <returns>The intensity in kg CO₂/t when <paramref name="carbonDioxide"/> is in kilograms, otherwise in t CO₂/t; the product is read in tonnes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="product"/> is not more than zero.</exception>
    public static CarbonIntensity Of(Mass carbonDioxide, Mass product)
    {
        double tonnes = IntensityChecks.ProductTonnes(product);
        return carbonDioxide.Unit == MassUnit.Kilogram
            ? FromKilogramsOfCarbonDioxidePerTonne(carbonDioxide.Kilograms / tonnes)
            : FromTonnesOfCarbonDioxidePerTonne(carbonDioxide.Tonnes / tonnes);
    }

    /// <summary>Multiplies a CO₂ intensity by tonnes of product.</summary>
    /// <param name="intensity">The CO₂ per tonne.</param>
    /// <param name="product">The product, read in tonnes.</param>
    /// <returns>The CO₂, in kilograms when <paramref name="intensity"/> is in kg CO₂/t, otherwise in tonnes.</returns>
    public static Mass operator *(CarbonIntensity intensity, Mass product) =>
        intensity.Unit == CarbonIntensityUnit.KilogramOfCarbonDioxidePerTonne
            ? Mass.FromKilograms(intensity._value * product.Tonnes)
            : Mass.FromTonnes(intensity._value * product.Tonnes);

    /// <summary>Multiplies tonnes of product by a CO₂ intensity.</summary>
    /// <param name="product">The product, read in tonnes.</param>
    /// <param name="intensity">The CO₂ per tonne.</param>
    /// <returns>The CO₂, in kilograms when <paramref name="intensity"/> is in kg CO₂/t, otherwise in tonnes.</returns>
    public static Mass operator *(Mass product, CarbonIntensity intensity) => intensity * product;

    /// <summary>Gets the intensity in a unit.</summary>
    /// <param name="unit">The unit wanted.</param>
    /// <returns>The intensity in <paramref name="unit"/>; the number it was created from when <paramref name="unit"/> is <see cref="Unit"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined unit.</exception>
    public double As(CarbonIntensityUnit unit)
    {
        if (CheckUnit(unit) == Unit)
        {
            return _value;
        }

        return unit == CarbonIntensityUnit.KilogramOfCarbonDioxidePerTonne ? _value * KilogramOfCarbonDioxidePerTonnesPerTonneOfCarbonDioxidePerTonne : _value / KilogramOfCarbonDioxidePerTonnesPerTonneOfCarbonDioxidePerTonne;
    }

    /// <summary>Gets the intensity in another unit.</summary>
    /// <param name="unit">The unit wanted.</param>
    /// <returns>The same intensity kept in <paramref name="unit"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined unit.</exception>
    public CarbonIntensity ToUnit(CarbonIntensityUnit unit) => new(As(unit), unit);

    /// <summary>Adds two intensities, in the unit of <paramref name="left"/>.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns>The sum.</returns>
    public static CarbonIntensity operator +(CarbonIntensity left, CarbonIntensity right) => new(left._value + right.As(left.Unit), left.Unit);

    /// <summary>Subtracts one intensity from another, in the unit of <paramref name="left"/>.</summary>
    /// <param name="left">The intensity to subtract from.</param>
    /// <param name="right">The intensity to subtract.</param>
    /// <returns>The difference.</returns>
    public static CarbonIntensity operator -(CarbonIntensity left, CarbonIntensity right) => new(left._value - right.As(left.Unit), left.Unit);

    /// <summary>Negates an intensity.</summary>
    /// <param name="value">The intensity.</param>
    /// <returns>The negated intensity.</returns>
    public static CarbonIntensity operator -(CarbonIntensity value) => new(-value._value, value.Unit);

    /// <summary>Scales an intensity.</summary>
    /// <param name="left">The intensity.</param>
    /// <param name="right">The factor; finite.</param>
    /// <returns>The scaled intensity, in the unit of <paramref name="left"/>.</returns>
    public static CarbonIntensity operator *(CarbonIntensity left, double right) => new(left._value * right, left.Unit);

    /// <summary>Divides an intensity by a number.</summary>
    /// <param name="left">The intensity.</param>
    /// <param name="right">The divisor; non-zero.</param>
    /// <returns>The quotient, in the unit of <paramref name="left"/>.</returns>
    public static CarbonIntensity operator /(CarbonIntensity left, double right) => new(left._value / right, left.Unit);

    /// <summary>Returns whether two intensities are equal.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns><see langword="true"/> when both are the same number of kg CO₂/t.</returns>
    public static bool operator ==(CarbonIntensity left, CarbonIntensity right) => left.Equals(right);

    /// <summary>Returns whether two intensities differ.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns><see langword="true"/> when they are different numbers of kg CO₂/t.</returns>
    public static bool operator !=(CarbonIntensity left, CarbonIntensity right) => !left.Equals(right);

    /// <summary>Returns whether one intensity is less than another.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(CarbonIntensity left, CarbonIntensity right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether one intensity is greater than another.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(CarbonIntensity left, CarbonIntensity right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether one intensity is at most another.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(CarbonIntensity left, CarbonIntensity right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether one intensity is at least another.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(CarbonIntensity left, CarbonIntensity right) => left.CompareTo(right) >= 0;

    /// <summary>Returns whether this intensity is equal to another, compared in <see cref="Unit"/> of this one.</summary>
    /// <param name="other">The other intensity.</param>
    /// <returns><see langword="true"/> when <paramref name="other"/> in this unit is the same number.</returns>
    public bool Equals(CarbonIntensity other) => _value.Equals(other.As(Unit));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CarbonIntensity other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => KilogramsOfCarbonDioxidePerTonne.GetHashCode();

    /// <summary>Compares this intensity with another, in <see cref="Unit"/> of this one.</summary>
    /// <param name="other">The other intensity.</param>
    /// <returns>Less than zero, zero or greater than zero as this intensity is less than, equal to or greater than <paramref name="other"/>.</returns>
    public int CompareTo(CarbonIntensity other) => _value.CompareTo(other.As(Unit));

    /// <summary>Formats the intensity in its unit with the invariant culture, such as <c>6.42 t CO₂/t</c>.</summary>
    /// <returns>The formatted intensity.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the intensity in its unit, such as <c>6.42 t CO₂/t</c>.</summary>
    /// <param name="format">A numeric format string for the number, or <see langword="null"/>.</param>
    /// <param name="formatProvider">The culture, or <see langword="null"/> for the invariant culture.</param>
    /// <returns>The formatted intensity.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        _value.ToString(format, formatProvider ?? CultureInfo.InvariantCulture) + " " + GetAbbreviation(Unit);

    /// <summary>Gets the abbreviation of a unit, such as <c>kg CO₂/t</c>.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The abbreviation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined unit.</exception>
    public static string GetAbbreviation(CarbonIntensityUnit unit) => CheckUnit(unit) == CarbonIntensityUnit.KilogramOfCarbonDioxidePerTonne ? "kg CO₂/t" : "t CO₂/t";

    private static CarbonIntensityUnit CheckUnit(CarbonIntensityUnit unit) => unit is CarbonIntensityUnit.KilogramOfCarbonDioxidePerTonne or CarbonIntensityUnit.TonneOfCarbonDioxidePerTonne
        ? unit
        : throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown carbon-intensity unit.");
}
