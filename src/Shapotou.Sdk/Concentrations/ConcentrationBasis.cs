using System.Globalization;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Concentrations;

/// <summary>
/// The basis of a flue-gas concentration: as measured, or converted to a reference O₂ content (基准氧含量). Both are
/// dry and at the standard state (273.15 K, 101.325 kPa).
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para>Two bases are equal when both are measured, or when both have the same reference O₂ in percent.</para>
/// </remarks>
public readonly struct ConcentrationBasis : IEquatable<ConcentrationBasis>
{
    /// <summary>The O₂ content of dry air, in percent by volume, the 21 of the reference-O₂ formula.</summary>
    internal const double AmbientOxygenPercent = 21;

    // Invariant: _hasReference is false for the measured basis, which is also the default value of the struct.
    private readonly double _referenceOxygenPercent;
    private readonly bool _hasReference;

    private ConcentrationBasis(double referenceOxygenPercent)
    {
        _referenceOxygenPercent = referenceOxygenPercent;
        _hasReference = true;
    }

    /// <summary>Gets the measured basis: the dry standard-state concentration as measured, not converted.</summary>
    public static ConcentrationBasis Measured => default;

    /// <summary>Gets whether this is the measured basis.</summary>
    public bool IsMeasured => !_hasReference;

    /// <summary>Gets the reference O₂ content, or <see langword="null"/> for the measured basis.</summary>
    public VolumeConcentration? ReferenceOxygen =>
        _hasReference ? VolumeConcentration.From(_referenceOxygenPercent, VolumeConcentrationUnit.Percent) : null;

    /// <summary>Gets the reference O₂ in percent, or NaN for the measured basis.</summary>
    internal double ReferenceOxygenPercent => _hasReference ? _referenceOxygenPercent : double.NaN;

    /// <summary>Creates the basis of a reference O₂ content, such as 10 % for a cement kiln (GB 4915-2013 §4.1.4).</summary>
    /// <param name="referenceOxygen">The reference O₂ content, dry; at least 0 % and below 21 %.</param>
    /// <returns>The basis.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The reference O₂ is not finite, negative, or 21 % or more.</exception>
    public static ConcentrationBasis AtReferenceOxygen(VolumeConcentration referenceOxygen) =>
        new(OxygenCorrection.CheckOxygen(referenceOxygen.Percent, nameof(referenceOxygen)));

    /// <summary>
    /// Creates the basis of a reference excess-air coefficient αs, which is the reference O₂ content
    /// <c>21 × (1 − 1/αs)</c> (HJ 212-2017 Annex D, D2.3, formulas (26) and (27)).
    /// </summary>
    /// <param name="referenceExcessAir">The reference excess-air coefficient αs; finite and at least 1.</param>
    /// <returns>The basis.</returns>
    /// <exception cref="ArgumentOutOfRangeException">αs is not finite or below 1.</exception>
    public static ConcentrationBasis AtReferenceExcessAir(double referenceExcessAir)
    {
        OxygenCorrection.CheckExcessAir(referenceExcessAir, nameof(referenceExcessAir));
        return new(AmbientOxygenPercent * (1 - (1 / referenceExcessAir)));
    }

    /// <summary>Returns whether two bases are equal.</summary>
    /// <param name="left">The first basis.</param>
    /// <param name="right">The second basis.</param>
    /// <returns><see langword="true"/> when both are measured or both have the same reference O₂.</returns>
    public static bool operator ==(ConcentrationBasis left, ConcentrationBasis right) => left.Equals(right);

    /// <summary>Returns whether two bases differ.</summary>
    /// <param name="left">The first basis.</param>
    /// <param name="right">The second basis.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ConcentrationBasis left, ConcentrationBasis right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(ConcentrationBasis other) =>
        _hasReference == other._hasReference && (!_hasReference || _referenceOxygenPercent == other._referenceOxygenPercent);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ConcentrationBasis other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _hasReference ? _referenceOxygenPercent.GetHashCode() : -1;

    /// <summary>Describes the basis: <c>measured</c> or <c>reference O2 10 %</c>.</summary>
    /// <returns>The description, in the invariant culture.</returns>
    public override string ToString() =>
        _hasReference
            ? string.Create(CultureInfo.InvariantCulture, $"reference O2 {_referenceOxygenPercent} %")
            : "measured";
}
