using System.Globalization;
using Shapotou.Sdk.Internal;
using UnitsNet;

namespace Shapotou.Sdk.Units;

/// <summary>CO₂ per unit of output value (t CO₂ per 10⁴ yuan or kg CO₂ per yuan): a carbon emission per output value (万元产值碳排放).</summary>
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para>The denominator is money, not product: the intensity of a township or an enterprise against its gross output
/// value in current yuan, as the city's average per 10⁴ yuan is stated. It is not convertible to
/// <see cref="CarbonIntensity"/> (docs/decisions.md). Output values are <see cref="decimal"/> in 10⁴ yuan.</para>
/// <para>The intensity keeps the unit it was created in: <see cref="As"/> in that unit returns the number it was created
/// from, bit for bit, and only another unit converts (1 kg CO₂/yuan = 10 t CO₂/10⁴ yuan). It must be finite; it may be negative
/// (a gap below a benchmark).</para>
/// </remarks>
public readonly struct OutputValueCarbonIntensity : IEquatable<OutputValueCarbonIntensity>, IComparable<OutputValueCarbonIntensity>, IFormattable
{
    private const double TonneOfCarbonDioxidePerTenThousandYuansPerKilogramOfCarbonDioxidePerYuan = 10;

    private readonly double _value;
    private readonly OutputValueCarbonIntensityUnit _unit;

    private OutputValueCarbonIntensity(double value, OutputValueCarbonIntensityUnit unit)
    {
        _value = Preconditions.CheckFinite(value, nameof(value));
        _unit = unit;
    }

    /// <summary>Gets a zero intensity, in t CO₂/10⁴ yuan.</summary>
    public static OutputValueCarbonIntensity Zero => default;

    /// <summary>Gets the unit the intensity was created in.</summary>
    public OutputValueCarbonIntensityUnit Unit => _unit == 0 ? OutputValueCarbonIntensityUnit.TonneOfCarbonDioxidePerTenThousandYuan : _unit;

    /// <summary>Gets the number in <see cref="Unit"/>.</summary>
    public double Value => _value;

    /// <summary>Gets the intensity in tonnes of CO₂ per 10⁴ yuan (t CO₂/10⁴ yuan).</summary>
    public double TonnesOfCarbonDioxidePerTenThousandYuan => As(OutputValueCarbonIntensityUnit.TonneOfCarbonDioxidePerTenThousandYuan);

    /// <summary>Gets the intensity in kilograms of CO₂ per yuan (kg CO₂/yuan).</summary>
    public double KilogramsOfCarbonDioxidePerYuan => As(OutputValueCarbonIntensityUnit.KilogramOfCarbonDioxidePerYuan);

    /// <summary>Creates an intensity in tonnes of CO₂ per 10⁴ yuan.</summary>
    /// <param name="value">The intensity in t CO₂/10⁴ yuan; finite.</param>
    /// <returns>The intensity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static OutputValueCarbonIntensity FromTonnesOfCarbonDioxidePerTenThousandYuan(double value) => new(value, OutputValueCarbonIntensityUnit.TonneOfCarbonDioxidePerTenThousandYuan);

    /// <summary>Creates an intensity in kilograms of CO₂ per yuan.</summary>
    /// <param name="value">The intensity in kg CO₂/yuan; finite.</param>
    /// <returns>The intensity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static OutputValueCarbonIntensity FromKilogramsOfCarbonDioxidePerYuan(double value) => new(value, OutputValueCarbonIntensityUnit.KilogramOfCarbonDioxidePerYuan);

    /// <summary>Creates an intensity from a number in a unit.</summary>
    /// <param name="value">The intensity in <paramref name="unit"/>; finite.</param>
    /// <param name="unit">The unit of <paramref name="value"/>.</param>
    /// <returns>The intensity, kept in <paramref name="unit"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite, or <paramref name="unit"/> is not a defined unit.</exception>
    public static OutputValueCarbonIntensity From(double value, OutputValueCarbonIntensityUnit unit) => new(value, CheckUnit(unit));

    /// <summary>Creates the CO₂ emitted per 10⁴ yuan of output value (万元产值碳排放): CO₂ in tonnes ÷ output value in 10⁴ yuan.</summary>
    /// <param name="carbonDioxide">The CO₂ emitted, read in tonnes.</param>
    /// <param name="outputValueTenThousandYuan">The output value in 10⁴ yuan; more than zero.</param>
    /// <returns>The intensity in t CO₂/10⁴ yuan.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outputValueTenThousandYuan"/> is not more than zero.</exception>
    public static OutputValueCarbonIntensity Of(Mass carbonDioxide, decimal outputValueTenThousandYuan)
    {
        if (outputValueTenThousandYuan <= 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(
                nameof(outputValueTenThousandYuan),
                outputValueTenThousandYuan,
                string.Create(CultureInfo.InvariantCulture, $"Parameter '{nameof(outputValueTenThousandYuan)}' must be more than zero; it is {outputValueTenThousandYuan}."));
        }

        return FromTonnesOfCarbonDioxidePerTenThousandYuan(carbonDioxide.Tonnes / (double)outputValueTenThousandYuan);
    }

    /// <summary>Multiplies a CO₂ intensity by an output value.</summary>
    /// <param name="intensity">The CO₂ per output value.</param>
    /// <param name="outputValueTenThousandYuan">The output value in 10⁴ yuan.</param>
    /// <returns>The CO₂, in tonnes.</returns>
    public static Mass operator *(OutputValueCarbonIntensity intensity, decimal outputValueTenThousandYuan) =>
        Mass.FromTonnes(intensity.TonnesOfCarbonDioxidePerTenThousandYuan * (double)outputValueTenThousandYuan);

    /// <summary>Gets the intensity in a unit.</summary>
    /// <param name="unit">The unit wanted.</param>
    /// <returns>The intensity in <paramref name="unit"/>; the number it was created from when <paramref name="unit"/> is <see cref="Unit"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined unit.</exception>
    public double As(OutputValueCarbonIntensityUnit unit)
    {
        if (CheckUnit(unit) == Unit)
        {
            return _value;
        }

        return unit == OutputValueCarbonIntensityUnit.TonneOfCarbonDioxidePerTenThousandYuan ? _value * TonneOfCarbonDioxidePerTenThousandYuansPerKilogramOfCarbonDioxidePerYuan : _value / TonneOfCarbonDioxidePerTenThousandYuansPerKilogramOfCarbonDioxidePerYuan;
    }

    /// <summary>Gets the intensity in another unit.</summary>
    /// <param name="unit">The unit wanted.</param>
    /// <returns>The same intensity kept in <paramref name="unit"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined unit.</exception>
    public OutputValueCarbonIntensity ToUnit(OutputValueCarbonIntensityUnit unit) => new(As(unit), unit);

    /// <summary>Adds two intensities, in the unit of <paramref name="left"/>.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns>The sum.</returns>
    public static OutputValueCarbonIntensity operator +(OutputValueCarbonIntensity left, OutputValueCarbonIntensity right) => new(left._value + right.As(left.Unit), left.Unit);

    /// <summary>Subtracts one intensity from another, in the unit of <paramref name="left"/>.</summary>
    /// <param name="left">The intensity to subtract from.</param>
    /// <param name="right">The intensity to subtract.</param>
    /// <returns>The difference.</returns>
    public static OutputValueCarbonIntensity operator -(OutputValueCarbonIntensity left, OutputValueCarbonIntensity right) => new(left._value - right.As(left.Unit), left.Unit);

    /// <summary>Negates an intensity.</summary>
    /// <param name="value">The intensity.</param>
    /// <returns>The negated intensity.</returns>
    public static OutputValueCarbonIntensity operator -(OutputValueCarbonIntensity value) => new(-value._value, value.Unit);

    /// <summary>Scales an intensity.</summary>
    /// <param name="left">The intensity.</param>
    /// <param name="right">The factor; finite.</param>
    /// <returns>The scaled intensity, in the unit of <paramref name="left"/>.</returns>
    public static OutputValueCarbonIntensity operator *(OutputValueCarbonIntensity left, double right) => new(left._value * right, left.Unit);

    /// <summary>Divides an intensity by a number.</summary>
    /// <param name="left">The intensity.</param>
    /// <param name="right">The divisor; non-zero.</param>
    /// <returns>The quotient, in the unit of <paramref name="left"/>.</returns>
    public static OutputValueCarbonIntensity operator /(OutputValueCarbonIntensity left, double right) => new(left._value / right, left.Unit);

    /// <summary>Returns whether two intensities are equal.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns><see langword="true"/> when both are the same number of t CO₂/10⁴ yuan.</returns>
    public static bool operator ==(OutputValueCarbonIntensity left, OutputValueCarbonIntensity right) => left.Equals(right);

    /// <summary>Returns whether two intensities differ.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns><see langword="true"/> when they are different numbers of t CO₂/10⁴ yuan.</returns>
    public static bool operator !=(OutputValueCarbonIntensity left, OutputValueCarbonIntensity right) => !left.Equals(right);

    /// <summary>Returns whether one intensity is less than another.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(OutputValueCarbonIntensity left, OutputValueCarbonIntensity right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether one intensity is greater than another.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(OutputValueCarbonIntensity left, OutputValueCarbonIntensity right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether one intensity is at most another.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(OutputValueCarbonIntensity left, OutputValueCarbonIntensity right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether one intensity is at least another.</summary>
    /// <param name="left">The first intensity.</param>
    /// <param name="right">The second intensity.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(OutputValueCarbonIntensity left, OutputValueCarbonIntensity right) => left.CompareTo(right) >= 0;

    /// <summary>Returns whether this intensity is equal to another, compared in <see cref="Unit"/> of this one.</summary>
    /// <param name="other">The other intensity.</param>
    /// <returns><see langword="true"/> when <paramref name="other"/> in this unit is the same number.</returns>
    public bool Equals(OutputValueCarbonIntensity other) => _value.Equals(other.As(Unit));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is OutputValueCarbonIntensity other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => TonnesOfCarbonDioxidePerTenThousandYuan.GetHashCode();

    /// <summary>Compares this intensity with another, in <see cref="Unit"/> of this one.</summary>
    /// <param name="other">The other intensity.</param>
    /// <returns>Less than zero, zero or greater than zero as this intensity is less than, equal to or greater than <paramref name="other"/>.</returns>
    public int CompareTo(OutputValueCarbonIntensity other) => _value.CompareTo(other.As(Unit));

    /// <summary>Formats the intensity in its unit with the invariant culture, such as <c>2.5 t CO₂/10⁴ yuan</c>.</summary>
    /// <returns>The formatted intensity.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the intensity in its unit, such as <c>2.5 t CO₂/10⁴ yuan</c>.</summary>
    /// <param name="format">A numeric format string for the number, or <see langword="null"/>.</param>
    /// <param name="formatProvider">The culture, or <see langword="null"/> for the invariant culture.</param>
    /// <returns>The formatted intensity.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        _value.ToString(format, formatProvider ?? CultureInfo.InvariantCulture) + " " + GetAbbreviation(Unit);

    /// <summary>Gets the abbreviation of a unit, such as <c>t CO₂/10⁴ yuan</c>.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The abbreviation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined unit.</exception>
    public static string GetAbbreviation(OutputValueCarbonIntensityUnit unit) => CheckUnit(unit) == OutputValueCarbonIntensityUnit.TonneOfCarbonDioxidePerTenThousandYuan ? "t CO₂/10⁴ yuan" : "kg CO₂/yuan";

    private static OutputValueCarbonIntensityUnit CheckUnit(OutputValueCarbonIntensityUnit unit) => unit is OutputValueCarbonIntensityUnit.TonneOfCarbonDioxidePerTenThousandYuan or OutputValueCarbonIntensityUnit.KilogramOfCarbonDioxidePerYuan
        ? unit
        : throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown output-value carbon-intensity unit.");
}
