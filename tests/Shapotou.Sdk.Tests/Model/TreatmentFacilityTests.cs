using Shapotou.Sdk.Model;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Tests.Model;

public sealed class TreatmentFacilityTests
{
    private static TreatmentFacility Create(
        string treatmentId = "yx-f1-bf",
        string facilityId = "yx-f1",
        TreatmentKind kind = TreatmentKind.BagFilter,
        Pollutant pollutant = Pollutant.Pm,
        Ratio? designEfficiency = null) =>
        new(treatmentId, facilityId, kind, pollutant, designEfficiency ?? Ratio.FromPercent(99.5));

    [Fact]
    public void Constructor_ValidRow_KeepsEveryValue()
    {
        var treatment = new TreatmentFacility("yx-f1-fgd", "yx-f1", TreatmentKind.SemiDryFgd, Pollutant.So2, Ratio.FromPercent(85));

        Assert.Equal("yx-f1-fgd", treatment.TreatmentId);
        Assert.Equal("yx-f1", treatment.FacilityId);
        Assert.Equal(TreatmentKind.SemiDryFgd, treatment.Kind);
        Assert.Equal(Pollutant.So2, treatment.Pollutant);
        Assert.Equal(RatioUnit.Percent, treatment.DesignEfficiency.Unit);
        Assert.Equal(85, treatment.DesignEfficiency.Percent);
    }

    [Theory]
    [InlineData(0.0)] // no removal, the lower bound
    [InlineData(100.0)] // complete removal, the upper bound
    [InlineData(99.9)] // a typical bag filter
    public void Constructor_EfficiencyFrom0To100Percent_IsAccepted(double percent)
    {
        Assert.Equal(percent, Create(designEfficiency: Ratio.FromPercent(percent)).DesignEfficiency.Percent);
    }

    [Fact]
    public void Constructor_EfficiencyAsDecimalFraction_IsCheckedInPercentAndKeptAsGiven()
    {
        TreatmentFacility treatment = Create(designEfficiency: Ratio.FromDecimalFractions(0.5));

        Assert.Equal(RatioUnit.DecimalFraction, treatment.DesignEfficiency.Unit);
        Assert.Equal(50, treatment.DesignEfficiency.Percent);
    }

    [Theory]
    [InlineData(100.1, "100.1")] // just above 100 %
    [InlineData(150.0, "150")] // well above
    [InlineData(-0.5, "-0.5")] // below 0 %
    public void Constructor_EfficiencyOutside0To100Percent_IsRejected(double percent, string shown)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(designEfficiency: Ratio.FromPercent(percent)));

        Assert.Equal("designEfficiency", error.ParamName);
        Assert.Equal(
            $"Treatment facility 'yx-f1-bf': design_efficiency is {shown} %; expected a value from 0 % to 100 %. (Parameter 'designEfficiency')",
            error.Message);
    }

    [Fact]
    public void Constructor_EfficiencyAsDecimalFractionAboveOne_IsReportedInPercent()
    {
        // 1.5 as a fraction is 150 %: the check is in percent whatever the unit given.
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(designEfficiency: Ratio.FromDecimalFractions(1.5)));

        Assert.Equal(
            "Treatment facility 'yx-f1-bf': design_efficiency is 150 %; expected a value from 0 % to 100 %. (Parameter 'designEfficiency')",
            error.Message);
    }

    [Theory]
    [InlineData("")] // empty
    [InlineData(" yx-f1-bf")] // leading space
    [InlineData(null)] // missing
    public void Constructor_BadTreatmentId_IsRejected(string? treatmentId)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(treatmentId: treatmentId!));

        Assert.Equal("treatmentId", error.ParamName);
        Assert.Equal(
            $"Treatment facility: treatment_id is '{treatmentId}'; expected a non-empty id without surrounding spaces. (Parameter 'treatmentId')",
            error.Message);
    }

    [Theory]
    [InlineData("")] // empty
    [InlineData("yx-f1 ")] // trailing space
    [InlineData(null)] // missing
    public void Constructor_BadFacilityId_IsRejected(string? facilityId)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(facilityId: facilityId!));

        Assert.Equal("facilityId", error.ParamName);
        Assert.Equal(
            $"Treatment facility 'yx-f1-bf': facility_id is '{facilityId}'; expected a non-empty id without surrounding spaces. (Parameter 'facilityId')",
            error.Message);
    }

    [Theory]
    [InlineData((TreatmentKind)0, "0")] // default(TreatmentKind)
    [InlineData((TreatmentKind)99, "99")] // outside the declared range
    public void Constructor_UndefinedKind_IsRejected(TreatmentKind kind, string shown)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(kind: kind));

        Assert.Equal("kind", error.ParamName);
        Assert.Equal(
            $"Treatment facility 'yx-f1-bf': kind is {shown}; expected one of bag_filter, esp, wet_fgd, semi_dry_fgd, dry_fgd, scr, sncr, low_nox_burner, other. (Parameter 'kind')",
            error.Message);
    }

    [Theory]
    [InlineData((Pollutant)0, "0")] // default(Pollutant)
    [InlineData((Pollutant)5, "5")] // one past Nh3
    public void Constructor_UndefinedPollutant_IsRejected(Pollutant pollutant, string shown)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(pollutant: pollutant));

        Assert.Equal("pollutant", error.ParamName);
        Assert.Equal(
            $"Treatment facility 'yx-f1-bf': pollutant is {shown}; expected one of pm, so2, nox, nh3. (Parameter 'pollutant')",
            error.Message);
    }
}
