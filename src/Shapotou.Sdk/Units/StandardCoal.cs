using System.Globalization;
using Shapotou.Sdk.Internal;

namespace Shapotou.Sdk.Units;

/// <summary>An amount of standard coal (标准煤): energy expressed as its coal equivalent, in kgce or tce.</summary>
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para>Standard coal is not a UnitsNet energy unit, and it is never derived from a heating value: energy carriers
/// become standard coal through the published coefficients of GB/T 2589-2020 (1 kWh of electricity at its equivalent
/// value is 0.1229 kgce), which <see cref="StandardCoalCoefficient"/> applies.</para>
/// <para>The amount keeps the unit it was created in (kgce unless said otherwise): <see cref="As"/> in that unit returns
/// the number it was created from, bit for bit, and only the other unit converts (1 tce = 1000 kgce).</para>
/// <para>The amount must be finite; it may be negative (energy exported across the boundary is subtracted).</para>
/// </remarks>
public readonly struct StandardCoal : IEquatable<StandardCoal>, IComparable<StandardCoal>, IFormattable
{
    private const double KilogramsPerTonne = 1000;

    private readonly double _value;
    private readonly StandardCoalUnit _unit;

    private StandardCoal(double value, StandardCoalUnit unit)
    {
        _value = value;
        _unit = unit;
    }

    /// <summary>Gets zero standard coal.</summary>
    public static StandardCoal Zero => default;

    /// <summary>Gets the amount in kilograms of coal equivalent (kgce).</summary>
    public double KilogramsOfCoalEquivalent => As(StandardCoalUnit.KilogramOfCoalEquivalent);

    /// <summary>Gets the amount in tonnes of coal equivalent (tce).</summary>
    public double TonnesOfCoalEquivalent => As(StandardCoalUnit.TonneOfCoalEquivalent);

    /// <summary>Gets the unit the amount was created in.</summary>
    public StandardCoalUnit Unit => _unit == 0 ? StandardCoalUnit.KilogramOfCoalEquivalent : _unit;

    /// <summary>Gets the number in <see cref="Unit"/>.</summary>
    public double Value => _value;

    /// <summary>Creates an amount from kilograms of coal equivalent.</summary>
    /// <param name="kilograms">The amount in kgce; finite.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kilograms"/> is NaN or infinite.</exception>
    public static StandardCoal FromKilogramsOfCoalEquivalent(double kilograms) =>
        new(Preconditions.CheckFinite(kilograms, nameof(kilograms)), StandardCoalUnit.KilogramOfCoalEquivalent);

    /// <summary>Creates an amount from tonnes of coal equivalent.</summary>
    /// <param name="tonnes">The amount in tce; finite.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tonnes"/> is NaN or infinite.</exception>
    public static StandardCoal FromTonnesOfCoalEquivalent(double tonnes) =>
        new(Preconditions.CheckFinite(tonnes, nameof(tonnes)), StandardCoalUnit.TonneOfCoalEquivalent);

    /// <summary>Creates an amount from a value in a unit.</summary>
    /// <param name="value">The amount in <paramref name="unit"/>; finite.</param>
    /// <param name="unit">The unit of <paramref name="value"/>.</param>
    /// <returns>The amount, kept in <paramref name="unit"/>.</returns>
    public static StandardCoal From(double value, StandardCoalUnit unit) => unit switch
    {
        StandardCoalUnit.KilogramOfCoalEquivalent => FromKilogramsOfCoalEquivalent(value),
        StandardCoalUnit.TonneOfCoalEquivalent => FromTonnesOfCoalEquivalent(value),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown standard-coal unit."),
    };

    /// <summary>Gets the amount in a unit.</summary>
    /// <param name="unit">The unit wanted.</param>
    /// <returns>The amount in <paramref name="unit"/>; the number it was created from when <paramref name="unit"/> is <see cref="Unit"/>.</returns>
    public double As(StandardCoalUnit unit) => unit switch
    {
        _ when unit == Unit => _value,
        StandardCoalUnit.KilogramOfCoalEquivalent => _value * KilogramsPerTonne,
        StandardCoalUnit.TonneOfCoalEquivalent => _value / KilogramsPerTonne,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown standard-coal unit."),
    };

    /// <summary>Gets the amount in another unit.</summary>
    /// <param name="unit">The unit wanted.</param>
    /// <returns>The same amount kept in <paramref name="unit"/>.</returns>
    public StandardCoal ToUnit(StandardCoalUnit unit) => From(As(unit), unit);

    /// <summary>Adds two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum, in the unit of <paramref name="left"/>.</returns>
    public static StandardCoal operator +(StandardCoal left, StandardCoal right) => Checked(left._value + right.As(left.Unit), left.Unit);

    /// <summary>Subtracts one amount from another.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference, in the unit of <paramref name="left"/>.</returns>
    public static StandardCoal operator -(StandardCoal left, StandardCoal right) => Checked(left._value - right.As(left.Unit), left.Unit);

    /// <summary>Negates an amount.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The negated amount.</returns>
    public static StandardCoal operator -(StandardCoal value) => new(-value._value, value.Unit);

    /// <summary>Scales an amount.</summary>
    /// <param name="left">The amount.</param>
    /// <param name="right">The factor; finite.</param>
    /// <returns>The scaled amount, in the unit of <paramref name="left"/>.</returns>
    public static StandardCoal operator *(StandardCoal left, double right) => Checked(left._value * right, left.Unit);

    /// <summary>Divides an amount by a number.</summary>
    /// <param name="left">The amount.</param>
    /// <param name="right">The divisor; non-zero.</param>
    /// <returns>The quotient, in the unit of <paramref name="left"/>.</returns>
    public static StandardCoal operator /(StandardCoal left, double right) => Checked(left._value / right, left.Unit);

    /// <summary>Returns whether two amounts are equal.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when both hold the same number of kgce.</returns>
    public static bool operator ==(StandardCoal left, StandardCoal right) => left.Equals(right);

    /// <summary>Returns whether two amounts differ.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when they hold different numbers of kgce.</returns>
    public static bool operator !=(StandardCoal left, StandardCoal right) => !left.Equals(right);

    /// <summary>Returns whether one amount is less than another.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(StandardCoal left, StandardCoal right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether one amount is greater than another.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(StandardCoal left, StandardCoal right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether one amount is at most another.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(StandardCoal left, StandardCoal right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether one amount is at least another.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(StandardCoal left, StandardCoal right) => left.CompareTo(right) >= 0;

    /// <summary>Returns whether this amount is equal to another, compared in <see cref="Unit"/> of this one.</summary>
    /// <param name="other">The other amount.</param>
    /// <returns><see langword="true"/> when <paramref name="other"/> in this unit is the same number.</returns>
    public bool Equals(StandardCoal other) => _value.Equals(other.As(Unit));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is StandardCoal other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => KilogramsOfCoalEquivalent.GetHashCode();

    /// <summary>Compares this amount with another, in <see cref="Unit"/> of this one.</summary>
    /// <param name="other">The other amount.</param>
    /// <returns>Less than zero, zero or greater than zero as this amount is less than, equal to or greater than <paramref name="other"/>.</returns>
    public int CompareTo(StandardCoal other) => _value.CompareTo(other.As(Unit));

    /// <summary>Formats the amount in its unit with the invariant culture, such as <c>122.9 kgce</c>.</summary>
    /// <returns>The formatted amount.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the amount in its unit, such as <c>122.9 kgce</c> or <c>1.5 tce</c>.</summary>
    /// <param name="format">A numeric format string for the number, or <see langword="null"/>.</param>
    /// <param name="formatProvider">The culture, or <see langword="null"/> for the invariant culture.</param>
    /// <returns>The formatted amount.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        _value.ToString(format, formatProvider ?? CultureInfo.InvariantCulture)
        + (Unit == StandardCoalUnit.TonneOfCoalEquivalent ? " tce" : " kgce");

    private static StandardCoal Checked(double value, StandardCoalUnit unit) =>
        new(Preconditions.CheckFinite(value, nameof(value)), unit);
}
