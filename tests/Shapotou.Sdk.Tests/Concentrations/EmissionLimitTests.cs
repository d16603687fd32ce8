using Shapotou.Sdk.Concentrations;
using Shapotou.Sdk.Reference;
using UnitsNet;

namespace Shapotou.Sdk.Tests.Concentrations;

public sealed class EmissionLimitTests
{
    private static readonly DateOnly s_date = new(2024, 12, 31);

    private static EmissionLimit GasBoilerNox()
    {
        ReferenceCatalogue catalogue = ReferenceCatalogue.Builtin;
        ConcentrationBasis basis = ConcentrationBasis.AtReferenceOxygen(
            catalogue.Get("emissions.reference_o2.gas_boiler", s_date).ToVolumeConcentration());
        return EmissionLimit.FromReference(catalogue.Get("emissions.limit.gb13271.table_2.gas_boiler.nox", s_date), basis);
    }

    [Fact]
    public void Compare_ConvertedConcentrationOnTheLimitBasis_Complies()
    {
        // GB 13271-2014 Table 2, gas boiler NOx 200 mg/m3 at 3.5 % O2; 40 mg/m3 measured at 7 % is 50 at 3.5 %.
        FlueGasConcentration converted = FlueGasConcentration.Measured(MassConcentration.FromMilligramsPerCubicMeter(40))
            .ToReferenceOxygen(VolumeConcentration.FromPercent(7), VolumeConcentration.FromPercent(3.5));

        LimitComparison comparison = GasBoilerNox().Compare(converted);

        Assert.False(comparison.Exceeds);
        Assert.Equal(0.25, comparison.Ratio, 12);
    }

    [Fact]
    public void Compare_MeasuredConcentrationAgainstReferenceBasisLimit_IsAnError()
    {
        EmissionLimit limit = GasBoilerNox();

        ArgumentException error = Assert.Throws<ArgumentException>(
            () => limit.Compare(FlueGasConcentration.Measured(MassConcentration.FromMilligramsPerCubicMeter(40))));

        Assert.StartsWith(
            "Concentration on the basis 'measured' cannot be compared with a limit on the basis 'reference O2 3.5 %' (GB 13271-2014",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains("convert it to the limit's basis first.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200.0, false)] // equal to the limit complies: only a value above it exceeds
    [InlineData(200.0001, true)] // just above
    [InlineData(199.9999, false)] // just below
    public void Compare_AtTheLimit_OnlyAboveExceeds(double value, bool exceeds)
    {
        EmissionLimit limit = EmissionLimit.Of(MassConcentration.FromMilligramsPerCubicMeter(200), ConcentrationBasis.Measured, "permit");

        Assert.Equal(exceeds, limit.Compare(FlueGasConcentration.Measured(MassConcentration.FromMilligramsPerCubicMeter(value))).Exceeds);
    }

    [Fact]
    public void Compare_Prohibition_AnyPositiveConcentrationExceeds()
    {
        EmissionLimit prohibition = EmissionLimit.FromReference(
            ReferenceCatalogue.Builtin.Get("emissions.limit.gb9078.table_2.ferroalloy_smelting.pm.grade_1", s_date),
            ConcentrationBasis.Measured);

        Assert.True(prohibition.Prohibited);
        Assert.True(prohibition.Compare(FlueGasConcentration.Measured(MassConcentration.FromMilligramsPerCubicMeter(0.1))).Exceeds);
        Assert.False(prohibition.Compare(FlueGasConcentration.Measured(MassConcentration.Zero)).Exceeds);
    }

    [Fact]
    public void FromReference_RowNotInMilligramsPerCubicMetre_IsRejected()
    {
        ReferenceValue rate = ReferenceCatalogue.Builtin.Get("plan.target_2027.reduction.pm", s_date);

        ArgumentException error = Assert.Throws<ArgumentException>(() => EmissionLimit.FromReference(rate, ConcentrationBasis.Measured));

        Assert.Equal("'plan.target_2027.reduction.pm' is in '%'; a concentration limit must be in 'mg/m3'. (Parameter 'value')", error.Message);
    }
}
