using Shapotou.Sdk.Concentrations;
using Shapotou.Sdk.Reference;
using UnitsNet;

namespace Shapotou.Sdk.Tests.Concentrations;

public sealed class OxygenCorrectionTests
{
    private static VolumeConcentration O2(double percent) => VolumeConcentration.FromPercent(percent);

    private static MassConcentration Mg(double value) => MassConcentration.FromMilligramsPerCubicMeter(value);

    [Theory]
    [InlineData("emissions.reference_o2.gas_boiler", 40, 7.0, 50.0)] // W7: gas boiler, 40 × 17.5 / 14
    [InlineData("emissions.reference_o2.coal_boiler", 100, 12.0, 133.33)] // W7: coal boiler, 100 × 12 / 9
    [InlineData("emissions.reference_o2.cement_kiln", 45, 12.0, 55.0)] // W7: cement kiln, 45 × 11 / 9
    [InlineData("emissions.reference_o2.cement_kiln", 60, 8.0, 50.77)] // W7: O2 below the reference lowers the value; no floor
    public void ToReferenceOxygen_WorkedExamples(string referenceKey, double measured, double measuredO2, double expected)
    {
        VolumeConcentration reference = ReferenceCatalogue.Builtin.Get(referenceKey, new DateOnly(2024, 12, 31)).ToVolumeConcentration();

        FlueGasConcentration converted = FlueGasConcentration.Measured(Mg(measured)).ToReferenceOxygen(O2(measuredO2), reference);

        Assert.Equal(expected, Math.Round(converted.Value.MilligramsPerCubicMeter, 2, MidpointRounding.AwayFromZero));
        Assert.Equal(ConcentrationBasis.AtReferenceOxygen(reference), converted.Basis);
    }

    [Fact]
    public void ExcessAirForm_EqualsReferenceOxygenForm()
    {
        // C × α / αs with α = 21/(21 − O2) equals C × (21 − O2ref)/(21 − O2) when αs = 21/(21 − O2ref).
        double alpha = OxygenCorrection.ExcessAirCoefficient(O2(12));
        FlueGasConcentration viaAlpha = OxygenCorrection.ToReferenceExcessAir(FlueGasConcentration.Measured(Mg(45)), alpha, 21.0 / 11.0);
        FlueGasConcentration viaO2 = FlueGasConcentration.Measured(Mg(45)).ToReferenceOxygen(O2(12), O2(10));

        Assert.Equal(viaO2.Value.MilligramsPerCubicMeter, viaAlpha.Value.MilligramsPerCubicMeter, 12);
        Assert.Equal(10, viaAlpha.Basis.ReferenceOxygen!.Value.Percent, 12);
    }

    [Fact]
    public void ReferenceExcessAir1_7_IsReferenceOxygen8_65()
    {
        // computed: the O2 equivalent of α = 1.7 is 21 − 21/1.7 = 8.65 %.
        Assert.Equal(8.65, Math.Round(ConcentrationBasis.AtReferenceExcessAir(1.7).ReferenceOxygen!.Value.Percent, 2));
    }

    [Theory]
    [InlineData(21.0)] // ambient air: the factor has no finite value
    [InlineData(25.0)] // above ambient: a negative factor
    [InlineData(-0.5)] // negative O2
    public void Factor_OxygenOutOfRange_IsAClearError(double measuredO2)
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(
            () => OxygenCorrection.Factor(O2(measuredO2), O2(3.5)));

        Assert.Equal("measuredOxygen", error.ParamName);
        Assert.Contains("expected at least 0 % and below the 21 % of ambient air", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Factor_JustBelow21_IsFiniteButLarge()
    {
        Assert.Equal(1750, OxygenCorrection.Factor(O2(20.99), O2(3.5)), 6);
    }

    [Fact]
    public void ToReferenceOxygen_AlreadyConverted_IsRejected()
    {
        FlueGasConcentration converted = FlueGasConcentration.Measured(Mg(40)).ToReferenceOxygen(O2(7), O2(3.5));

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => converted.ToReferenceOxygen(O2(7), O2(3.5)));

        Assert.Equal(
            "Concentration is already on the basis 'reference O2 3.5 %'; only a measured concentration can be converted to a reference O2.",
            error.Message);
    }

    [Fact]
    public void FlueGasConcentration_NegativeOrNonFinite_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FlueGasConcentration.Measured(Mg(-1)));
        // NaN and infinities never reach the SDK through a quantity: UnitsNet 5 rejects them when the quantity is made.
        Assert.Throws<ArgumentException>(() => FlueGasConcentration.Measured(Mg(double.NaN)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConcentrationBasis.AtReferenceOxygen(O2(21)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConcentrationBasis.AtReferenceExcessAir(0.9));
    }
}
