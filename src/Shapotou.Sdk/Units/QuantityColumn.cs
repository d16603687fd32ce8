using System.Globalization;
using Shapotou.Sdk.Internal;
using UnitsNet;

namespace Shapotou.Sdk.Units;

/// <summary>
/// A column of values of one quantity, stored as raw <see cref="double"/> values together with their unit.
/// </summary>
/// <typeparam name="TQuantity">The UnitsNet quantity of every value, such as <see cref="Energy"/>.</typeparam>
/// <remarks>
/// <para>This type is immutable and thread-safe provided the caller does not change the memory it passed in: the
/// column wraps that memory without copying it.</para>
/// <para>Values stay in the unit they were given in. A conversion happens only when asked for, once for the whole
/// column, as one scale and offset taken from UnitsNet (<c>destination[i] = values[i] * scale + offset</c>), never as
/// a UnitsNet call per element; values converted to their own unit are returned bit-identical. Units that are not
/// affine (logarithmic ones) fall back to a UnitsNet call per element, which is slow.</para>
/// <para>NaN marks a missing sample; conversions propagate it.</para>
/// </remarks>
public sealed class QuantityColumn<TQuantity>
    where TQuantity : struct, IQuantity
{
    /// <summary>Initializes a column over <paramref name="values"/> in <paramref name="unit"/>.</summary>
    /// <param name="values">The values, in <paramref name="unit"/>; not copied.</param>
    /// <param name="unit">A unit of <typeparamref name="TQuantity"/>, such as <c>EnergyUnit.KilowattHour</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="unit"/> is not a unit of <typeparamref name="TQuantity"/>.</exception>
    public QuantityColumn(ReadOnlyMemory<double> values, Enum unit)
    {
        QuantityUnits.CheckUnitOf<TQuantity>(unit, nameof(unit));
        Values = values;
        Unit = unit;
    }

    /// <summary>Gets the raw values, in <see cref="Unit"/>.</summary>
    public ReadOnlyMemory<double> Values { get; }

    /// <summary>Gets the unit of <see cref="Values"/>, a unit enum value of <typeparamref name="TQuantity"/>.</summary>
    public Enum Unit { get; }

    /// <summary>Gets the number of values.</summary>
    public int Length => Values.Length;

    /// <summary>Gets the value at a 0-based index as a quantity in the column's unit.</summary>
    /// <param name="index">The 0-based index.</param>
    /// <returns>The quantity, or <see langword="null"/> where the sample is missing (NaN): UnitsNet quantities cannot
    /// hold NaN.</returns>
    /// <exception cref="InvalidOperationException">The value is infinite, which no quantity can hold.</exception>
    public TQuantity? this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Length);
            double value = Values.Span[index];
            if (double.IsNaN(value))
            {
                return null;
            }

            if (double.IsInfinity(value))
            {
                throw new InvalidOperationException(
                    string.Create(CultureInfo.InvariantCulture, $"The value at index {index} is {value}; a quantity must be finite."));
            }

            return QuantityUnits.Create<TQuantity>(value, Unit);
        }
    }

    /// <summary>Returns this column's values in another unit, converted once for the whole column.</summary>
    /// <param name="unit">The target unit, a unit of <typeparamref name="TQuantity"/>.</param>
    /// <returns>This instance when <paramref name="unit"/> is the column's unit; otherwise a new column.</returns>
    /// <exception cref="ArgumentException"><paramref name="unit"/> is not a unit of <typeparamref name="TQuantity"/>.</exception>
    public QuantityColumn<TQuantity> ConvertTo(Enum unit)
    {
        QuantityUnits.CheckUnitOf<TQuantity>(unit, nameof(unit));
        if (unit.Equals(Unit))
        {
            return this;
        }

        var converted = new double[Length];
        CopyTo(converted, unit);
        return new QuantityColumn<TQuantity>(converted, unit);
    }

    /// <summary>Writes this column's values, converted to <paramref name="unit"/>, into <paramref name="destination"/>.</summary>
    /// <param name="destination">The span to write to; at least <see cref="Length"/> long.</param>
    /// <param name="unit">The target unit, a unit of <typeparamref name="TQuantity"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="unit"/> is not a unit of <typeparamref name="TQuantity"/>, or
    /// <paramref name="destination"/> is shorter than the column.</exception>
    public void CopyTo(Span<double> destination, Enum unit)
    {
        QuantityUnits.CheckUnitOf<TQuantity>(unit, nameof(unit));
        if (destination.Length < Length)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(destination));
        }

        LinearConversion conversion = QuantityUnits.LinearConversionBetween(Unit, unit);
        if (conversion.IsAffine)
        {
            UnitConversionKernels.Convert(Values.Span, conversion, destination);
        }
        else
        {
            ReadOnlySpan<double> source = Values.Span;
            for (int i = 0; i < source.Length; i++)
            {
                destination[i] = QuantityUnits.Convert(source[i], Unit, unit);
            }
        }
    }

    /// <summary>Copies the values into a new array, converted to <paramref name="unit"/>.</summary>
    /// <param name="unit">The target unit, a unit of <typeparamref name="TQuantity"/>.</param>
    /// <returns>A new array of <see cref="Length"/> values.</returns>
    public double[] ToArray(Enum unit)
    {
        var result = new double[Length];
        CopyTo(result, unit);
        return result;
    }

    /// <summary>Returns a short description: the quantity, the unit and the length.</summary>
    /// <returns>For example <c>Energy[KilowattHour] × 12</c>.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{QuantityUnits.InfoOf<TQuantity>().Name}[{QuantityUnits.NameOf(Unit)}] × {Length}");
}
