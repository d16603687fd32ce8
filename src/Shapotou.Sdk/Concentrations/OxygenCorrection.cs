using System.Globalization;
using Shapotou.Sdk.Internal;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Concentrations;

/// <summary>
/// Reference-O₂ conversion (折算) of flue-gas concentrations: <c>C_ref = C × (21 − O₂ref) ÷ (21 − O₂)</c>, and its
/// excess-air form <c>C_ref = C × α ÷ αs</c> with <c>α = 21 ÷ (21 − O₂)</c>.
/// </summary>
/// <remarks>
/// <para>Per GB 4915-2013 §4.1.4 formula (1), GB 13271-2014 §5.2 formula (1) and HJ 212-2017 Annex D, D2.3 formulas
/// (26)–(28). O₂ is the dry volume fraction in percent; concentrations are dry at the standard state.</para>
/// <para>As the measured O₂ approaches the 21 % of ambient air the factor grows without bound; a measured O₂ of 21 % or
/// more is rejected with an error rather than turned into an infinite or negative concentration. The formula has no
/// floor or cap below the reference O₂ (GB 4915 prints none), so a measured O₂ below the reference lowers the value.</para>
/// </remarks>
public static class OxygenCorrection
{
    /// <summary>Gets the factor <c>(21 − O₂ref) ÷ (21 − O₂)</c> that converts a measured concentration to the reference O₂.</summary>
    /// <param name="measuredOxygen">The measured O₂, dry; at least 0 % and below 21 %.</param>
    /// <param name="referenceOxygen">The reference O₂, dry; at least 0 % and below 21 %.</param>
    /// <returns>The factor, such as 1.25 for 7 % measured and 3.5 % reference.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An O₂ is not finite, negative, or 21 % or more.</exception>
    public static double Factor(VolumeConcentration measuredOxygen, VolumeConcentration referenceOxygen)
    {
        double measured = CheckOxygen(measuredOxygen.Percent, nameof(measuredOxygen));
        double reference = CheckOxygen(referenceOxygen.Percent, nameof(referenceOxygen));
        return (ConcentrationBasis.AmbientOxygenPercent - reference) / (ConcentrationBasis.AmbientOxygenPercent - measured);
    }

    /// <summary>Gets the excess-air coefficient <c>α = 21 ÷ (21 − O₂)</c> (HJ 212-2017 D2.3 formula (27)).</summary>
    /// <param name="measuredOxygen">The measured O₂, dry; at least 0 % and below 21 %.</param>
    /// <returns>The excess-air coefficient, at least 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The O₂ is not finite, negative, or 21 % or more.</exception>
    public static double ExcessAirCoefficient(VolumeConcentration measuredOxygen)
    {
        double measured = CheckOxygen(measuredOxygen.Percent, nameof(measuredOxygen));
        return ConcentrationBasis.AmbientOxygenPercent / (ConcentrationBasis.AmbientOxygenPercent - measured);
    }

    /// <summary>Converts a measured concentration to a reference O₂ content.</summary>
    /// <param name="measured">The concentration on the measured basis.</param>
    /// <param name="measuredOxygen">The O₂ measured with it, dry; at least 0 % and below 21 %.</param>
    /// <param name="referenceOxygen">The reference O₂ of the limit to compare with.</param>
    /// <returns>The concentration at the reference O₂, in the unit of <paramref name="measured"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="measured"/> is not on the measured basis.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An O₂ is not finite, negative, or 21 % or more.</exception>
    public static FlueGasConcentration ToReferenceOxygen(
        FlueGasConcentration measured,
        VolumeConcentration measuredOxygen,
        VolumeConcentration referenceOxygen)
    {
        RequireMeasured(measured, nameof(measured));
        double factor = Factor(measuredOxygen, referenceOxygen);
        return new FlueGasConcentration(measured.Value * factor, ConcentrationBasis.AtReferenceOxygen(referenceOxygen));
    }

    /// <summary>Converts a measured concentration with the excess-air form <c>C × α ÷ αs</c> (HJ 212-2017 D2.3 formula (26)).</summary>
    /// <param name="measured">The concentration on the measured basis.</param>
    /// <param name="measuredExcessAir">The measured excess-air coefficient α; finite and at least 1.</param>
    /// <param name="referenceExcessAir">The reference excess-air coefficient αs of the standard; finite and at least 1.</param>
    /// <returns>The concentration on the basis <see cref="ConcentrationBasis.AtReferenceExcessAir(double)"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="measured"/> is not on the measured basis.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A coefficient is not finite or below 1.</exception>
    public static FlueGasConcentration ToReferenceExcessAir(
        FlueGasConcentration measured,
        double measuredExcessAir,
        double referenceExcessAir)
    {
        RequireMeasured(measured, nameof(measured));
        ConcentrationBasis basis = ConcentrationBasis.AtReferenceExcessAir(referenceExcessAir);
        CheckExcessAir(measuredExcessAir, nameof(measuredExcessAir));
        return new FlueGasConcentration(measured.Value * (measuredExcessAir / referenceExcessAir), basis);
    }

    /// <summary>Checks an O₂ content in percent: finite, not negative, below 21 %.</summary>
    internal static double CheckOxygen(double percent, string paramName)
    {
        if (!double.IsFinite(percent) || percent < 0 || percent >= ConcentrationBasis.AmbientOxygenPercent)
        {
            ThrowHelper.ThrowArgumentOutOfRange(
                paramName,
                VolumeConcentration.From(percent, VolumeConcentrationUnit.Percent),
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"O2 content '{paramName}' is {percent} %; expected at least 0 % and below the 21 % of ambient air, where the reference-O2 factor (21 - O2ref) / (21 - O2) has no finite value."));
        }

        return percent;
    }

    /// <summary>Checks an excess-air coefficient: finite and at least 1 (α = 21 ÷ (21 − O₂) is never below 1).</summary>
    internal static double CheckExcessAir(double excessAir, string paramName)
    {
        if (!double.IsFinite(excessAir) || excessAir < 1)
        {
            ThrowHelper.ThrowArgumentOutOfRange(
                paramName,
                excessAir,
                string.Create(CultureInfo.InvariantCulture, $"Excess-air coefficient '{paramName}' is {excessAir}; expected a finite number of at least 1."));
        }

        return excessAir;
    }

    private static void RequireMeasured(FlueGasConcentration concentration, string paramName)
    {
        if (!concentration.Basis.IsMeasured)
        {
            ThrowHelper.ThrowArgument(
                $"Concentration is already on the basis '{concentration.Basis}'; expected a measured concentration to convert.",
                paramName);
        }
    }
}
