using System.Globalization;
using System.Numerics.Tensors;
using Shapotou.Sdk.Internal;
using Shapotou.Sdk.Reference;
using UnitsNet;

namespace Shapotou.Sdk.Units;

/// <summary>
/// A standard-coal coefficient (折标准煤系数, GB/T 2589-2020 clause 3.9): the kgce of one unit of an energy carrier,
/// such as 0.1229 kgce per kWh of electricity at its equivalent value.
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para>Conversion multiplies the carrier amount, in <see cref="CarrierUnit"/>, by the coefficient:
/// <c>kgce = amount × KilogramsOfCoalEquivalentPerCarrierUnit</c>. It never goes through a heating value.</para>
/// </remarks>
public sealed record StandardCoalCoefficient
{
    /// <summary>Initializes a coefficient, for example one the caller supplies for a carrier the references lack.</summary>
    /// <param name="carrier">The carrier's name, such as <c>semi_coke</c>.</param>
    /// <param name="kilogramsOfCoalEquivalentPerCarrierUnit">The kgce of one <paramref name="carrierUnit"/>; finite and not negative.</param>
    /// <param name="carrierUnit">The carrier's UnitsNet unit: an <c>EnergyUnit</c>, <c>MassUnit</c> or <c>VolumeUnit</c>.</param>
    /// <param name="source">Where the value comes from; for a caller's value, say so (it is reported in assumptions).</param>
    /// <exception cref="ArgumentException">A parameter is blank, non-finite, negative, or the unit is of another quantity.</exception>
    public StandardCoalCoefficient(string carrier, double kilogramsOfCoalEquivalentPerCarrierUnit, Enum carrierUnit, string source)
    {
        Carrier = Preconditions.CheckNotBlank(carrier);
        KilogramsOfCoalEquivalentPerCarrierUnit = Preconditions.CheckFiniteNonNegative(kilogramsOfCoalEquivalentPerCarrierUnit);
        ArgumentNullException.ThrowIfNull(carrierUnit);
        if (carrierUnit is not (UnitsNet.Units.EnergyUnit or UnitsNet.Units.MassUnit or UnitsNet.Units.VolumeUnit))
        {
            ThrowHelper.ThrowArgument(
                $"Unit '{carrierUnit.GetType().Name}.{carrierUnit}' is not the unit of an energy carrier; expected an EnergyUnit, MassUnit or VolumeUnit.",
                nameof(carrierUnit));
        }

        CarrierUnit = carrierUnit;
        Source = Preconditions.CheckNotBlank(source);
    }

    /// <summary>Gets the carrier's name.</summary>
    public string Carrier { get; }

    /// <summary>Gets the kgce of one <see cref="CarrierUnit"/> of the carrier.</summary>
    public double KilogramsOfCoalEquivalentPerCarrierUnit { get; }

    /// <summary>Gets the carrier's UnitsNet unit, such as <c>EnergyUnit.KilowattHour</c>.</summary>
    public Enum CarrierUnit { get; }

    /// <summary>Gets where the value comes from.</summary>
    public string Source { get; }

    /// <summary>Creates a coefficient from a catalogue row whose unit is <c>kgce/kWh</c>, <c>kgce/MJ</c>, <c>kgce/kg</c>, <c>kgce/t</c> or <c>kgce/m3</c>.</summary>
    /// <param name="value">The catalogue row, such as <c>energy.coefficient.coke</c>.</param>
    /// <returns>The coefficient; its source is the row's source, key and confidence mark.</returns>
    /// <exception cref="ArgumentException">The row is not a standard-coal coefficient.</exception>
    public static StandardCoalCoefficient FromReference(ReferenceValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Unit.CarrierUnit is not { } carrierUnit || value.Value is not { } coefficient)
        {
            throw new ArgumentException(
                $"'{value.Key}' in '{value.Unit.Symbol}' is not a standard-coal coefficient; expected kgce per kWh, MJ, kg, t or m3.",
                nameof(value));
        }

        string carrier = value.Key.StartsWith("energy.coefficient.", StringComparison.Ordinal)
            ? value.Key["energy.coefficient.".Length..]
            : value.Key;
        return new StandardCoalCoefficient(carrier, coefficient, carrierUnit, $"{value.Source} [{value.Key}, {value.ConfidenceMark}]");
    }

    /// <summary>Converts an amount of the carrier to standard coal.</summary>
    /// <param name="amount">The amount, in any unit of the carrier's quantity (energy, mass or volume).</param>
    /// <returns>The standard coal: the amount in <see cref="CarrierUnit"/> times the coefficient.</returns>
    /// <exception cref="ArgumentException">The amount is of another quantity, or not finite.</exception>
    public StandardCoal Convert(IQuantity amount)
    {
        ArgumentNullException.ThrowIfNull(amount);
        if (amount.Unit.GetType() != CarrierUnit.GetType())
        {
            ThrowHelper.ThrowArgument(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Amount of '{Carrier}' is a {amount.QuantityInfo.Name}; expected a quantity in {CarrierUnit.GetType().Name}."),
                nameof(amount));
        }

        double carrierAmount = QuantityUnits.Convert((double)amount.Value, amount.Unit, CarrierUnit);
        return StandardCoal.FromKilogramsOfCoalEquivalent(
            Preconditions.CheckFinite(carrierAmount, nameof(amount)) * KilogramsOfCoalEquivalentPerCarrierUnit);
    }

    /// <summary>Converts a column of carrier amounts to kgce, with one multiplier for the whole column.</summary>
    /// <typeparam name="TQuantity">The carrier's quantity: <see cref="Energy"/>, <see cref="Mass"/> or <see cref="Volume"/>.</typeparam>
    /// <param name="amounts">The amounts.</param>
    /// <param name="destinationKilograms">Receives <c>amounts[i] × scale × coefficient</c> in kgce, where <c>scale</c> converts
    /// the column's unit to <see cref="CarrierUnit"/>; at least as long as <paramref name="amounts"/>.</param>
    /// <remarks>NaN (a missing sample) propagates. The column is read once; no UnitsNet call is made per element.</remarks>
    /// <exception cref="ArgumentException">The column is of another quantity, or the destination is too short.</exception>
    public void Convert<TQuantity>(QuantityColumn<TQuantity> amounts, Span<double> destinationKilograms)
        where TQuantity : struct, IQuantity
    {
        ArgumentNullException.ThrowIfNull(amounts);
        if (amounts.Unit.GetType() != CarrierUnit.GetType())
        {
            ThrowHelper.ThrowArgument(
                $"Column of '{Carrier}' amounts is a {QuantityUnits.InfoOf<TQuantity>().Name} column; expected a quantity in {CarrierUnit.GetType().Name}.",
                nameof(amounts));
        }

        if (destinationKilograms.Length < amounts.Length)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(destinationKilograms));
        }

        LinearConversion conversion = QuantityUnits.LinearConversionBetween(amounts.Unit, CarrierUnit);
        TensorPrimitives.Multiply(amounts.Values.Span, conversion.Scale * KilogramsOfCoalEquivalentPerCarrierUnit, destinationKilograms);
    }
}
