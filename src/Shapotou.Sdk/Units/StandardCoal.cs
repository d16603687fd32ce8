using System.Globalization;
using Shapotou.Sdk.Internal;

namespace Shapotou.Sdk.Units;

/// <summary>An amount of standard coal (标准煤): energy expressed as its coal equivalent, in kgce or tce.</summary>
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para>Standard coal is not a UnitsNet energy unit, and it is never derived from a heating value: energy carriers
/// become standard coal through the published coefficients of GB/T 2589-2020 (1 kWh of electricity at its equivalent
/// value is 0.1229 kgce), which <see cref="StandardCoalCoefficient"/> applies. The amount is stored in kgce.</para>
/// <para>The amount must be finite; it may be negative (energy exported across the boundary is subtracted).</para>
/// </remarks>
public readonly struct StandardCoal : IEquatable<StandardCoal>, IComparable<StandardCoal>, IFormattable
{
    private const double KilogramsPerTonne = 1000;

    private readonly double _kilograms;

    private StandardCoal(double kilograms)
    {
        _kilograms = Preconditions.CheckFinite(kilograms, nameof(kilograms));
    }

    /// <summary>Gets zero standard coal.</summary>
    public static StandardCoal Zero => default;

    /// <summary>Gets the amount in kilograms of coal equivalent (kgce).</summary>
    public double KilogramsOfCoalEquivalent => _kilograms;

    /// <summary>Gets the amount in tonnes of coal equivalent (tce).</summary>
    public double TonnesOfCoalEquivalent => _kilograms / KilogramsPerTonne;

    /// <summary>Creates an amount from kilograms of coal equivalent.</summary>
    /// <param name="kilograms">The amount in kgce; finite.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kilograms"/> is NaN or infinite.</exception>
    public static StandardCoal FromKilogramsOfCoalEquivalent(double kilograms) => new(kilograms);

    /// <summary>Creates an amount from tonnes of coal equivalent.</summary>
    /// <param name="tonnes">The amount in tce; finite.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tonnes"/> is NaN or infinite.</exception>
    public static StandardCoal FromTonnesOfCoalEquivalent(double tonnes) =>
        new(Preconditions.CheckFinite(tonnes, nameof(tonnes)) * KilogramsPerTonne);

    /// <summary>Creates an amount from a value in a unit.</summary>
    /// <param name="value">The amount in <paramref name="unit"/>; finite.</param>
    /// <param name="unit">The unit of <paramref name="value"/>.</param>
    /// <returns>The amount.</returns>
    public static StandardCoal From(double value, StandardCoalUnit unit) => unit switch
    {
        StandardCoalUnit.KilogramOfCoalEquivalent => FromKilogramsOfCoalEquivalent(value),
        StandardCoalUnit.TonneOfCoalEquivalent => FromTonnesOfCoalEquivalent(value),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown standard-coal unit."),
    };

    /// <summary>Gets the amount in a unit.</summary>
    /// <param name="unit">The unit wanted.</param>
    /// <returns>The amount in <paramref name="unit"/>.</returns>
    public double As(StandardCoalUnit unit) => unit switch
    {
        StandardCoalUnit.KilogramOfCoalEquivalent => KilogramsOfCoalEquivalent,
        StandardCoalUnit.TonneOfCoalEquivalent => TonnesOfCoalEquivalent,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown standard-coal unit."),
    };

    /// <summary>Adds two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    public static StandardCoal operator +(StandardCoal left, StandardCoal right) => new(left._kilograms + right._kilograms);

    /// <summary>Subtracts one amount from another.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    public static StandardCoal operator -(StandardCoal left, StandardCoal right) => new(left._kilograms - right._kilograms);

    /// <summary>Negates an amount.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The negated amount.</returns>
    public static StandardCoal operator -(StandardCoal value) => new(-value._kilograms);

    /// <summary>Scales an amount.</summary>
    /// <param name="left">The amount.</param>
    /// <param name="right">The factor; finite.</param>
    /// <returns>The scaled amount.</returns>
    public static StandardCoal operator *(StandardCoal left, double right) => new(left._kilograms * right);

    /// <summary>Divides an amount by a number.</summary>
    /// <param name="left">The amount.</param>
    /// <param name="right">The divisor; non-zero.</param>
    /// <returns>The quotient.</returns>
    public static StandardCoal operator /(StandardCoal left, double right) => new(left._kilograms / right);

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
    public static bool operator <(StandardCoal left, StandardCoal right) => left._kilograms < right._kilograms;

    /// <summary>Returns whether one amount is greater than another.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(StandardCoal left, StandardCoal right) => left._kilograms > right._kilograms;

    /// <summary>Returns whether one amount is at most another.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(StandardCoal left, StandardCoal right) => left._kilograms <= right._kilograms;

    /// <summary>Returns whether one amount is at least another.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(StandardCoal left, StandardCoal right) => left._kilograms >= right._kilograms;

    /// <inheritdoc/>
    public bool Equals(StandardCoal other) => _kilograms.Equals(other._kilograms);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is StandardCoal other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _kilograms.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(StandardCoal other) => _kilograms.CompareTo(other._kilograms);

    /// <summary>Formats the amount in kgce with the invariant culture, such as <c>122.9 kgce</c>.</summary>
    /// <returns>The formatted amount.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the amount in kgce, such as <c>122.9 kgce</c>.</summary>
    /// <param name="format">A numeric format string for the number, or <see langword="null"/>.</param>
    /// <param name="formatProvider">The culture, or <see langword="null"/> for the invariant culture.</param>
    /// <returns>The formatted amount.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        _kilograms.ToString(format, formatProvider ?? CultureInfo.InvariantCulture) + " kgce";
}
