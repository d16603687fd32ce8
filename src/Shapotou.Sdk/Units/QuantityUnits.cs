using System.Collections.Concurrent;
using System.Globalization;
using Shapotou.Sdk.Internal;
using UnitsNet;

namespace Shapotou.Sdk.Units;

/// <summary>
/// The one place where the SDK asks UnitsNet about units and conversions, so that a UnitsNet upgrade touches one file.
/// </summary>
/// <remarks>
/// <para>Units are persisted and parsed by UnitsNet quantity and enum member <em>names</em> (for example
/// <c>Energy</c> and <c>MegawattHour</c>), never by enum number.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public static class QuantityUnits
{
    private static readonly ConcurrentDictionary<Type, QuantityInfo> s_infoByQuantityType = new();

    // Deriving a conversion costs three UnitsNet calls; a column conversion asks for it once, a caller's loop over
    // many small columns asks again and again, so the maps are kept (a few dozen unit pairs at most).
    private static readonly ConcurrentDictionary<(Enum From, Enum To), LinearConversion> s_conversions = new();

    /// <summary>Gets the UnitsNet description of the quantity type <typeparamref name="TQuantity"/>.</summary>
    /// <typeparam name="TQuantity">A UnitsNet quantity type, such as <see cref="Energy"/>.</typeparam>
    /// <returns>The quantity's name, units and base unit.</returns>
    public static QuantityInfo InfoOf<TQuantity>()
        where TQuantity : struct, IQuantity =>
        s_infoByQuantityType.GetOrAdd(
            typeof(TQuantity),
            static type => Quantity.Infos.First(info => info.ValueType == type));

    /// <summary>Parses a unit from its UnitsNet quantity name and unit name, strictly.</summary>
    /// <param name="quantityName">The UnitsNet quantity name, such as <c>Energy</c>.</param>
    /// <param name="unitName">The UnitsNet unit enum member name, such as <c>MegawattHour</c>.</param>
    /// <returns>The typed unit enum value.</returns>
    /// <exception cref="ShapotouDataException">The quantity or the unit name is unknown, or the unit does not belong to the quantity.</exception>
    public static Enum ParseUnit(string quantityName, string unitName)
    {
        ArgumentNullException.ThrowIfNull(quantityName);
        ArgumentNullException.ThrowIfNull(unitName);
        QuantityInfo? info = Quantity.Infos.FirstOrDefault(i => string.Equals(i.Name, quantityName, StringComparison.Ordinal));
        if (info is null)
        {
            ThrowHelper.ThrowData($"Quantity '{quantityName}' is not a UnitsNet quantity name.");
        }

        UnitInfo? unit = info.UnitInfos.FirstOrDefault(u => string.Equals(u.Name, unitName, StringComparison.Ordinal));
        if (unit is null)
        {
            ThrowHelper.ThrowData(
                $"Unit '{unitName}' is not a unit of quantity '{quantityName}'; expected one of {string.Join(", ", info.UnitInfos.Select(u => u.Name))}.");
        }

        return unit.Value;
    }

    /// <summary>Parses a unit of <typeparamref name="TQuantity"/> from its UnitsNet unit name, strictly.</summary>
    /// <typeparam name="TQuantity">The UnitsNet quantity type the unit must belong to.</typeparam>
    /// <param name="unitName">The UnitsNet unit enum member name, such as <c>MilligramPerCubicMeter</c>.</param>
    /// <returns>The typed unit enum value.</returns>
    /// <exception cref="ShapotouDataException">The unit name is not a unit of <typeparamref name="TQuantity"/>.</exception>
    public static Enum ParseUnit<TQuantity>(string unitName)
        where TQuantity : struct, IQuantity =>
        ParseUnit(InfoOf<TQuantity>().Name, unitName);

    /// <summary>Gets the UnitsNet unit name of a unit, the form in which units are persisted.</summary>
    /// <param name="unit">A UnitsNet unit enum value.</param>
    /// <returns>The enum member name, such as <c>MegawattHour</c>.</returns>
    public static string NameOf(Enum unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return Quantity.GetUnitInfo(unit).Name;
    }

    /// <summary>Creates a quantity of type <typeparamref name="TQuantity"/> from a value in a unit.</summary>
    internal static TQuantity Create<TQuantity>(double value, Enum unit)
        where TQuantity : struct, IQuantity =>
        (TQuantity)Quantity.From(value, unit);

    /// <summary>Converts one value between two units of one quantity through UnitsNet.</summary>
    internal static double Convert(double value, Enum fromUnit, Enum toUnit) =>
        UnitConverter.Convert(value, fromUnit, toUnit);

    /// <summary>Checks that <paramref name="unit"/> is a unit of <typeparamref name="TQuantity"/>.</summary>
    internal static void CheckUnitOf<TQuantity>(Enum unit, string paramName)
        where TQuantity : struct, IQuantity
    {
        ArgumentNullException.ThrowIfNull(unit, paramName);
        QuantityInfo info = InfoOf<TQuantity>();
        if (unit.GetType() != info.UnitType)
        {
            ThrowHelper.ThrowArgument(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Unit '{unit.GetType().Name}.{unit}' is not a unit of quantity '{info.Name}'; expected a {info.UnitType.Name}."),
                paramName);
        }
    }

    /// <summary>
    /// Derives the linear map <c>to = from × Scale + Offset</c> between two units of one quantity, from UnitsNet,
    /// once per column.
    /// </summary>
    /// <remarks>
    /// Scale and offset come from converting 0 and 1; a third point (1000) confirms that the map is affine. A unit
    /// pair that is not affine (a logarithmic unit) yields <see cref="LinearConversion.IsAffine"/> = <see langword="false"/>,
    /// and callers fall back to a per-element UnitsNet call.
    /// </remarks>
    internal static LinearConversion LinearConversionBetween(Enum fromUnit, Enum toUnit) =>
        fromUnit.Equals(toUnit)
            ? LinearConversion.Identity
            : s_conversions.GetOrAdd((fromUnit, toUnit), static pair => DeriveLinearConversion(pair.From, pair.To));

    private static LinearConversion DeriveLinearConversion(Enum fromUnit, Enum toUnit)
    {
        double offset = Convert(0, fromUnit, toUnit);
        double scale = Convert(1, fromUnit, toUnit) - offset;
        const double Probe = 1000;
        double expected = Convert(Probe, fromUnit, toUnit);
        double predicted = Math.FusedMultiplyAdd(Probe, scale, offset);

        // The probe agrees to a few ulps for every affine unit pair; a logarithmic unit misses by orders of magnitude.
        bool affine = Math.Abs(predicted - expected) <= 1e-9 * Math.Max(Math.Abs(expected), 1);
        return new LinearConversion(scale, offset, affine);
    }
}

/// <summary>The linear map <c>to = from × Scale + Offset</c> between two units, taken from UnitsNet once.</summary>
/// <param name="Scale">The multiplier.</param>
/// <param name="Offset">The addend; zero except for affine units such as degrees Celsius to kelvins.</param>
/// <param name="IsAffine">Whether the map is exact for all values (false for logarithmic units).</param>
internal readonly record struct LinearConversion(double Scale, double Offset, bool IsAffine)
{
    public static LinearConversion Identity { get; } = new(1, 0, true);

    public bool IsIdentity => Scale == 1 && Offset == 0 && IsAffine;
}
