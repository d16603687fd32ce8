using System.Globalization;
using Shapotou.Sdk.Internal;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Units;

/// <summary>Electricity per tonne of product (kWh/t or MWh/t): a unit product electricity consumption (单位产品电耗).</summary>
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para>The electricity is the energy as metered (kWh), not its standard-coal equivalent; use
/// <see cref="StandardCoalCoefficient"/> for that.</para>
/// <para>The intensity keeps the unit it was created in: <see cref="As"/> in that unit returns the number it was created
/// from, bit for bit, and only another unit converts (1 MWh/t = 1000 kWh/t). It must be finite; it may be negative
/// (a gap below a benchmark).</para>
/// </remarks>
public readonly struct ElectricityIntensity : IEquatable<ElectricityIntensity>, IComparable<ElectricityIntensity>, IFormattable
{
    private const double KilowattHourPerTonnesPerMegawattHourPerTonne = 1000;

    private readonly double _value;
    private readonly ElectricityIntensityUnit _unit;

    private ElectricityIntensity(double value, ElectricityIntensityUnit unit)
    {
        _value = Preconditions.CheckFinite(value, nameof(value));
        _unit = unit;
    }

    /// <summary>Gets a zero intensity, in kWh/t.</summary>
    public static ElectricityIntensity Zero => default;

    /// <summary>Gets the unit the intensity was created in.</summary>
    public ElectricityIntensityUnit Unit => _unit == 0 ? ElectricityIntensityUnit.KilowattHourPerTonne : _unit;

    /// <summary>Gets the number in <see cref="Unit"/>.</summary>
    public double Value => _value;

    /// <summary>Gets the intensity in kilowatt-hours per tonne (kWh/t).</summary>
    public double KilowattHoursPerTonne => As(ElectricityIntensityUnit.KilowattHourPerTonne);

    /// <summary>Gets the intensity in megawatt-hours per tonne (MWh/t).</summary>
    public double MegawattHoursPerTonne => As(ElectricityIntensityUnit.MegawattHourPerTonne);

    /// <summary>Creates an intensity in kilowatt-hours per tonne.</summary>
    /// <param name="value">The intensity in kWh/t; finite.</param>
    /// <returns>The intensity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static ElectricityIntensity FromKilowattHoursPerTonne(double value) => new(value, ElectricityIntensityUnit.KilowattHourPerTonne);

    /// <summary>Creates an intensity in megawatt-hours per tonne.</summary>
    /// <param name="value">The intensity in MWh/t; finite.</param>
    /// <returns>The intensity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static ElectricityIntensity FromMegawattHoursPerTonne(double value) => new(value, ElectricityIntensityUnit.MegawattHourPerTonne);

    /// <summary>Creates an intensity from a number in a unit.</summary>
    /// <param name="value">The intensity in <paramref name="unit"/>; finite.</param>
    /// <param name="unit">The unit of <paramref name="value"/>.</param>
    /// <returns>The intensity, kept in <paramref name="unit"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite, or <paramref name="unit"/> is not a defined unit.</exception>
    public static ElectricityIntensity From(double value, ElectricityIntensityUnit unit) => new(value, CheckUnit(unit));

    /// <summary>Creates the electricity used per tonne of product (单位产品电耗): electricity ÷ tonnes of product.</summary>
    /// <param name="electricity">The electricity used.</param>
    /// <param name="product">The product made; more than zero.</param>
    /// <returns>The intensity in MWh/t when <paramref name="electricity"/> is in MWh, otherwise in kWh/t; the product is read in tonnes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="product"/> is not more than zero.</exception>
    public static ElectricityIntensity Of(Energy electricity, Mass product)
    {
        double tonnes = IntensityChecks.ProductTonnes(product);
        return electricity.Unit == EnergyUnit.MegawattHour
            ? FromMegawattHoursPerTonne(electricity.MegawattHours / tonnes)
            : FromKilowattHoursPerTonne(electricity.KilowattHours / tonnes);
    }

    /// <summary>Multiplies an electricity intensity by tonnes of product.</summary>
    /// <param name="intensity">The electricity per tonne.</param>
    /// <param name="product">The product, read in tonnes.</param>
    /// <returns>The electricity, in MWh when <paramref name="intensity"/> is in MWh/t, otherwise in kWh.</returns>
    public static Energy operator *(ElectricityIntensity intensity, Mass product) =>
        intensity.Unit == ElectricityIntensityUnit.MegawattHourPerTonne
            ? Energy.FromMegawattHours(intensity._value * product.Tonnes)
            : Energy.FromKilowattHours(intensity._value * product.Tonnes);

    /// <summary>Multiplies tonnes of product by an electricity intensity.</summary>
    /// <param name="product">The product, read in tonnes.</param>
    /// <param name="intensity">The electricity per tonne.</param>
    /// <returns>The electricity, in MWh when <paramref name="intensity"/> is in MWh/t, otherwise in kWh.</returns>
    public static Energy operator *(Mass product, ElectricityIntensity intensity) => intensity * product;

    /// <summary>Gets the intensity in a unit.</summary>
    /// <param name="unit">The unit wanted.</param>
    /// <returns>The intensity in <paramref name="unit"/>; the number it was created from when <paramref name="unit"/> is <see cref="Unit"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined unit.</exception>
    public double As(ElectricityIntensityUnit unit)
    {
        if (CheckUnit(unit) == Unit)
        {
            return _value;
        }

        return unit == ElectricityIntensityUnit.KilowattHourPerTonne ? _value * KilowattHourPerTonnesPerMegawattHourPerTonne : _value / KilowattHourPerTonnesPerMegawattHourPerTonne;
    }

    /// <summary>Gets the intensity in another unit.</summary>
    /// <param name="unit">The unit wanted.</param>
    /// <returns>The same intensity kept in <paramref name="unit"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined unit.</exception>
    public ElectricityIntensity ToUnit(ElectricityIntensityUnit unit) => new(As(unit), unit);

    /// <summary>Adds two intensities, in the unit of <paramref name="left"/>.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns>The sum.</returns>
    public static ElectricityIntensity operator +(ElectricityIntensity left, ElectricityIntensity right) => new(left._value + right.As(left.Unit), left.Unit);

    /// <summary>Subtracts one intensity from another, in the unit of <paramref name="left"/>.</summary>
    /// <param name="left">The intensity to subtract from.</param>
    /// <param name="right">The intensity to subtract.</param>
    /// <returns>The difference.</returns>
    public static ElectricityIntensity operator -(ElectricityIntensity left, ElectricityIntensity right) => new(left._value - right.As(left.Unit), left.Unit);

    /// <summary>Negates an intensity.</summary>
    /// <param name="value">The intensity.</param>
    /// <returns>The negated intensity.</returns>
    public static ElectricityIntensity operator -(ElectricityIntensity value) => new(-value._value, value.Unit);

    /// <summary>Scales an intensity.</summary>
    /// <param name="left">The intensity.</param>
    /// <param name="right">The factor; finite.</param>
    /// <returns>The scaled intensity, in the unit of <paramref name="left"/>.</returns>
    public static ElectricityIntensity operator *(ElectricityIntensity left, double right) => new(left._value * right, left.Unit);

    /// <summary>Divides an intensity by a number.</summary>
    /// <param name="left">The intensity.</param>
    /// <param name="right">The divisor; non-zero.</param>
    /// <returns>The quotient, in the unit of <paramref name="left"/>.</returns>
    public static ElectricityIntensity operator /(ElectricityIntensity left, double right) => new(left._value / right, left.Unit);

    /// <summary>Returns whether two intensities are equal.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns><see langword="true"/> when both are the same number of kWh/t.</returns>
    public static bool operator ==(ElectricityIntensity left, ElectricityIntensity right) => left.Equals(right);

    /// <summary>Returns whether two intensities differ.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns><see langword="true"/> when they are different numbers of kWh/t.</returns>
    public static bool operator !=(ElectricityIntensity left, ElectricityIntensity right) => !left.Equals(right);

    /// <summary>Returns whether one intensity is less than another.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(ElectricityIntensity left, ElectricityIntensity right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether one intensity is greater than another.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(ElectricityIntensity left, ElectricityIntensity right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether one intensity is at most another.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(ElectricityIntensity left, ElectricityIntensity right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether one intensity is at least another.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(ElectricityIntensity left, ElectricityIntensity right) => left.CompareTo(right) >= 0;

    /// <summary>Returns whether this intensity is equal to another, compared in <see cref="Unit"/> of this one.</summary>
    /// <param name="other">The other intensity.</param>
    /// <returns><see langword="true"/> when <paramref name="other"/> in this unit is the same number.</returns>
    public bool Equals(ElectricityIntensity other) => _value.Equals(other.As(Unit));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ElectricityIntensity other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => KilowattHoursPerTonne.GetHashCode();

    /// <summary>Compares this intensity with another, in <see cref="Unit"/> of this one.</summary>
    /// <param name="other">The other intensity.</param>
    /// <returns>Less than zero, zero or greater than zero as this intensity is less than, equal to or greater than <paramref name="other"/>.</returns>
    public int CompareTo(ElectricityIntensity other) => _value.CompareTo(other.As(Unit));

    /// <summary>Formats the intensity in its unit with the invariant culture, such as <c>8300 kWh/t</c>.</summary>
    /// <returns>The formatted intensity.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the intensity in its unit, such as <c>8300 kWh/t</c>.</summary>
    /// <param name="format">A numeric format string for the number, or <see langword="null"/>.</param>
    /// <param name="formatProvider">The culture, or <see langword="null"/> for the invariant culture.</param>
    /// <returns>The formatted intensity.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        _value.ToString(format, formatProvider ?? CultureInfo.InvariantCulture) + " " + GetAbbreviation(Unit);

    /// <summary>Gets the abbreviation of a unit, such as <c>kWh/t</c>.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The abbreviation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined unit.</exception>
    public static string GetAbbreviation(ElectricityIntensityUnit unit) => CheckUnit(unit) == ElectricityIntensityUnit.KilowattHourPerTonne ? "kWh/t" : "MWh/t";

    private static ElectricityIntensityUnit CheckUnit(ElectricityIntensityUnit unit) => unit is ElectricityIntensityUnit.KilowattHourPerTonne or ElectricityIntensityUnit.MegawattHourPerTonne
        ? unit
        : throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown electricity-intensity unit.");
}
