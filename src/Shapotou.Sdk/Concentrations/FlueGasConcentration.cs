using System.Globalization;
using Shapotou.Sdk.Internal;
using UnitsNet;

namespace Shapotou.Sdk.Concentrations;

/// <summary>A flue-gas mass concentration, dry at the standard state, together with its basis (measured or at a reference O₂).</summary>
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para>The value must be finite and not negative. Mass emissions are computed from measured concentrations, never
/// from converted ones (HJ 212-2017 Annex D, D2.5 formula (33)); limits are judged on the limit's basis.</para>
/// </remarks>
public readonly struct FlueGasConcentration : IEquatable<FlueGasConcentration>
{
    /// <summary>Initializes a concentration on a basis.</summary>
    /// <param name="value">The mass concentration; finite and not negative.</param>
    /// <param name="basis">The basis of <paramref name="value"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not finite, or negative.</exception>
    public FlueGasConcentration(MassConcentration value, ConcentrationBasis basis)
    {
        Preconditions.CheckFiniteNonNegative(value.Value, nameof(value));
        Value = value;
        Basis = basis;
    }

    /// <summary>Gets the mass concentration.</summary>
    public MassConcentration Value { get; }

    /// <summary>Gets the basis of <see cref="Value"/>.</summary>
    public ConcentrationBasis Basis { get; }

    /// <summary>Creates a concentration on the measured basis.</summary>
    /// <param name="value">The dry standard-state concentration as measured.</param>
    /// <returns>The concentration.</returns>
    public static FlueGasConcentration Measured(MassConcentration value) => new(value, ConcentrationBasis.Measured);

    /// <summary>Converts this measured concentration to a reference O₂ content; see <see cref="OxygenCorrection"/>.</summary>
    /// <param name="measuredOxygen">The O₂ measured with it, dry; at least 0 % and below 21 %.</param>
    /// <param name="referenceOxygen">The reference O₂.</param>
    /// <returns>The concentration at the reference O₂.</returns>
    /// <exception cref="InvalidOperationException">This concentration is not on the measured basis.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An O₂ is not finite, negative, or 21 % or more.</exception>
    public FlueGasConcentration ToReferenceOxygen(VolumeConcentration measuredOxygen, VolumeConcentration referenceOxygen)
    {
        if (!Basis.IsMeasured)
        {
            throw new InvalidOperationException(
                $"Concentration is already on the basis '{Basis}'; only a measured concentration can be converted to a reference O2.");
        }

        return OxygenCorrection.ToReferenceOxygen(this, measuredOxygen, referenceOxygen);
    }

    /// <summary>Returns whether two concentrations are equal.</summary>
    /// <param name="left">The first concentration.</param>
    /// <param name="right">The second concentration.</param>
    /// <returns><see langword="true"/> when the bases are equal and the values equal in milligrams per cubic metre.</returns>
    public static bool operator ==(FlueGasConcentration left, FlueGasConcentration right) => left.Equals(right);

    /// <summary>Returns whether two concentrations differ.</summary>
    /// <param name="left">The first concentration.</param>
    /// <param name="right">The second concentration.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(FlueGasConcentration left, FlueGasConcentration right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(FlueGasConcentration other) =>
        Basis == other.Basis && Value.MilligramsPerCubicMeter.Equals(other.Value.MilligramsPerCubicMeter);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FlueGasConcentration other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Basis, Value.MilligramsPerCubicMeter);

    /// <summary>Describes the concentration, such as <c>50 mg/m3 (reference O2 3.5 %)</c>.</summary>
    /// <returns>The description, in the invariant culture.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Value.MilligramsPerCubicMeter} mg/m3 ({Basis})");
}
