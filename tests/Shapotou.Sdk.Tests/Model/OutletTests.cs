using Shapotou.Sdk.Concentrations;
using Shapotou.Sdk.Model;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Tests.Model;

public sealed class OutletTests
{
    private const string Id = "yx-da001";

    private static MassConcentration Mg(double value) => MassConcentration.FromMilligramsPerCubicMeter(value);

    private static VolumeConcentration O2(double percent) => VolumeConcentration.FromPercent(percent);

    private static Outlet Create(
        string outletId = Id,
        string facilityId = "yx-f1",
        Pollutant pollutant = Pollutant.Pm,
        string? outletCode = "DA001",
        string? mn = "88888880000001",
        MassConcentration? limitValue = null,
        VolumeConcentration? referenceOxygen = null,
        Mass? permittedAnnual = null,
        string? standard = "GB 28666-2012 Table 5") =>
        new(outletId, facilityId, pollutant, outletCode, mn, limitValue, referenceOxygen, permittedAnnual, standard, cemsInstalled: true);

    [Fact]
    public void Constructor_ValidRow_KeepsEveryValue()
    {
        var outlet = new Outlet(
            Id,
            "yx-f1",
            Pollutant.So2,
            outletCode: "DA001",
            mn: "88888880000001",
            limitValue: Mg(200),
            referenceOxygen: O2(10),
            permittedAnnual: Mass.FromTonnes(12.5),
            standard: "GB 4915-2013 Table 1",
            cemsInstalled: true);

        Assert.Equal(Id, outlet.OutletId);
        Assert.Equal("yx-f1", outlet.FacilityId);
        Assert.Equal(Pollutant.So2, outlet.Pollutant);
        Assert.Equal("DA001", outlet.OutletCode);
        Assert.Equal("88888880000001", outlet.Mn);
        Assert.Equal(200, outlet.LimitValue!.Value.MilligramsPerCubicMeter);
        Assert.Equal(10, outlet.ReferenceOxygen!.Value.Percent);
        Assert.Equal(12.5, outlet.PermittedAnnual!.Value.Tonnes);
        Assert.Equal("GB 4915-2013 Table 1", outlet.Standard);
        Assert.True(outlet.CemsInstalled);
    }

    [Fact]
    public void Constructor_OptionalFieldsOmitted_AreNull()
    {
        var outlet = new Outlet(Id, "yx-f1", Pollutant.Nox);

        Assert.Null(outlet.OutletCode);
        Assert.Null(outlet.Mn);
        Assert.Null(outlet.LimitValue);
        Assert.Null(outlet.ReferenceOxygen);
        Assert.Null(outlet.PermittedAnnual);
        Assert.Null(outlet.Standard);
        Assert.Null(outlet.CemsInstalled);
    }

    [Fact]
    public void Constructor_QuantitiesInOtherUnits_AreKeptInTheGivenUnit()
    {
        Outlet outlet = Create(
            limitValue: MassConcentration.FromGramsPerCubicMeter(0.05),
            referenceOxygen: VolumeConcentration.FromDecimalFractions(0.1),
            permittedAnnual: Mass.FromKilograms(12_500));

        Assert.Equal(MassConcentrationUnit.GramPerCubicMeter, outlet.LimitValue!.Value.Unit);
        Assert.Equal(50, outlet.LimitValue.Value.MilligramsPerCubicMeter, 9);
        Assert.Equal(VolumeConcentrationUnit.DecimalFraction, outlet.ReferenceOxygen!.Value.Unit);
        Assert.Equal(10, outlet.ReferenceOxygen.Value.Percent, 12);
        Assert.Equal(MassUnit.Kilogram, outlet.PermittedAnnual!.Value.Unit);
        Assert.Equal(12.5, outlet.PermittedAnnual.Value.Tonnes);
    }

    [Theory]
    [InlineData(0.0)] // no excess air: the lowest basis
    [InlineData(3.5)] // gas boilers, GB 13271-2014
    [InlineData(20.9)] // just below ambient air
    public void Constructor_ReferenceOxygenBelow21Percent_IsAccepted(double percent)
    {
        Assert.Equal(percent, Create(referenceOxygen: O2(percent)).ReferenceOxygen!.Value.Percent);
    }

    [Fact]
    public void Constructor_ZeroLimitAndPermittedAnnual_AreAccepted()
    {
        Outlet outlet = Create(limitValue: Mg(0), permittedAnnual: Mass.Zero);

        Assert.Equal(0, outlet.LimitValue!.Value.MilligramsPerCubicMeter);
        Assert.Equal(0, outlet.PermittedAnnual!.Value.Tonnes);
    }

    [Theory]
    [InlineData(21.0, "21")] // ambient air: the O2 correction has no finite factor
    [InlineData(25.0, "25")] // above ambient
    [InlineData(-1.0, "-1")] // negative
    public void Constructor_ReferenceOxygenOutOfRange_IsRejected(double percent, string shown)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(referenceOxygen: O2(percent)));

        Assert.Equal("referenceOxygen", error.ParamName);
        Assert.Equal(
            $"Outlet 'yx-da001': reference_o2 is {shown} %; expected at least 0 % and below 21 %. (Parameter 'referenceOxygen')",
            error.Message);
    }

    [Fact]
    public void Constructor_ReferenceOxygenAsFraction_IsCheckedInPercent()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => Create(referenceOxygen: VolumeConcentration.FromDecimalFractions(0.25)));

        Assert.StartsWith("Outlet 'yx-da001': reference_o2 is 25 %;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NegativeLimitValue_IsRejected()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(limitValue: Mg(-30)));

        Assert.Equal("limitValue", error.ParamName);
        Assert.Equal(
            "Outlet 'yx-da001': limit_value is -30 MilligramPerCubicMeter; expected a finite value of at least 0. (Parameter 'limitValue')",
            error.Message);
    }

    [Fact]
    public void Constructor_NegativeLimitValueInGrams_IsReportedInMilligrams()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => Create(limitValue: MassConcentration.FromGramsPerCubicMeter(-2)));

        Assert.StartsWith(
            "Outlet 'yx-da001': limit_value is -2000 MilligramPerCubicMeter;",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NegativePermittedAnnualInKilograms_IsReportedInTonnes()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(permittedAnnual: Mass.FromKilograms(-1500)));

        Assert.Equal("permittedAnnual", error.ParamName);
        Assert.Equal(
            "Outlet 'yx-da001': permitted_annual is -1.5 Tonne; expected a finite value of at least 0. (Parameter 'permittedAnnual')",
            error.Message);
    }

    [Theory]
    [InlineData("")] // empty
    [InlineData(" ")] // blank
    [InlineData("yx-da001 ")] // trailing space
    [InlineData(null)] // missing
    public void Constructor_BadOutletId_IsRejected(string? outletId)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(outletId: outletId!));

        Assert.Equal("outletId", error.ParamName);
        Assert.Equal(
            $"Outlet: outlet_id is '{outletId}'; expected a non-empty id without surrounding spaces. (Parameter 'outletId')",
            error.Message);
    }

    [Theory]
    [InlineData("")] // empty
    [InlineData(" yx-f1")] // leading space
    [InlineData(null)] // missing
    public void Constructor_BadFacilityId_IsRejected(string? facilityId)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(facilityId: facilityId!));

        Assert.Equal("facilityId", error.ParamName);
        Assert.Equal(
            $"Outlet 'yx-da001': facility_id is '{facilityId}'; expected a non-empty id without surrounding spaces. (Parameter 'facilityId')",
            error.Message);
    }

    [Theory]
    [InlineData("outlet_code", "")] // empty code
    [InlineData("outlet_code", "DA001 ")] // trailing space
    [InlineData("mn", "")] // empty MN
    [InlineData("mn", " 88888880000001")] // leading space
    [InlineData("standard", "")] // empty standard
    [InlineData("standard", "GB 4915-2013 ")] // trailing space
    public void Constructor_BadOptionalText_IsRejected(string field, string value)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => field switch
        {
            "outlet_code" => Create(outletCode: value),
            "mn" => Create(mn: value),
            _ => Create(standard: value),
        });

        string parameter = field == "outlet_code" ? "outletCode" : field;
        Assert.Equal(parameter, error.ParamName);
        Assert.Equal(
            $"Outlet 'yx-da001': {field} is '{value}'; expected null or text without surrounding spaces. (Parameter '{parameter}')",
            error.Message);
    }

    [Theory]
    [InlineData((Pollutant)0, "0")] // default(Pollutant)
    [InlineData((Pollutant)99, "99")] // outside the declared range
    public void Constructor_UndefinedPollutant_IsRejected(Pollutant pollutant, string shown)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(pollutant: pollutant));

        Assert.Equal("pollutant", error.ParamName);
        Assert.Equal($"Outlet 'yx-da001': pollutant is {shown}; expected one of pm, so2, nox, nh3. (Parameter 'pollutant')", error.Message);
    }

    [Fact]
    public void LimitBasis_WithReferenceOxygen_IsThatReference()
    {
        Outlet outlet = Create(limitValue: Mg(30), referenceOxygen: O2(10));

        Assert.False(outlet.LimitBasis.IsMeasured);
        Assert.Equal(ConcentrationBasis.AtReferenceOxygen(O2(10)), outlet.LimitBasis);
    }

    [Fact]
    public void LimitBasis_WithoutReferenceOxygen_IsMeasured()
    {
        Outlet outlet = Create(limitValue: Mg(30));

        Assert.True(outlet.LimitBasis.IsMeasured);
        Assert.Equal(ConcentrationBasis.Measured, outlet.LimitBasis);
    }

    [Fact]
    public void ToEmissionLimit_WithReferenceOxygen_IsALimitOnThatBasisCitingOutletAndStandard()
    {
        Outlet outlet = Create(pollutant: Pollutant.So2, limitValue: Mg(200), referenceOxygen: O2(10), standard: "GB 4915-2013 Table 1");

        EmissionLimit limit = outlet.ToEmissionLimit()!;

        Assert.NotNull(limit);
        Assert.False(limit.Prohibited);
        Assert.Equal(200, limit.Value!.Value.MilligramsPerCubicMeter);
        Assert.Equal(ConcentrationBasis.AtReferenceOxygen(O2(10)), limit.Basis);
        Assert.Equal("outlet yx-da001 permit (GB 4915-2013 Table 1)", limit.Source);
        Assert.Equal("200 mg/m3 (reference O2 10 %), outlet yx-da001 permit (GB 4915-2013 Table 1)", limit.ToString());
    }

    [Fact]
    public void ToEmissionLimit_WithoutReferenceOxygen_IsOnTheMeasuredBasis()
    {
        EmissionLimit limit = Create(limitValue: Mg(30)).ToEmissionLimit()!;

        Assert.NotNull(limit);
        Assert.True(limit.Basis.IsMeasured);
        Assert.Equal("30 mg/m3 (measured), outlet yx-da001 permit (GB 28666-2012 Table 5)", limit.ToString());
    }

    [Fact]
    public void ToEmissionLimit_WithoutStandard_SaysSo()
    {
        EmissionLimit limit = Create(limitValue: Mg(30), standard: null).ToEmissionLimit()!;

        Assert.Equal("outlet yx-da001 permit (standard not given)", limit.Source);
    }

    [Fact]
    public void ToEmissionLimit_LimitInGrams_IsComparedInMilligrams()
    {
        EmissionLimit limit = Create(limitValue: MassConcentration.FromGramsPerCubicMeter(0.03)).ToEmissionLimit()!;

        Assert.True(limit.Compare(FlueGasConcentration.Measured(Mg(31))).Exceeds);
        Assert.False(limit.Compare(FlueGasConcentration.Measured(Mg(29))).Exceeds);
    }

    [Fact]
    public void ToEmissionLimit_NoLimitValue_IsNull()
    {
        Assert.Null(Create().ToEmissionLimit());
    }

    [Fact]
    public void ToEmissionLimit_ReferenceOxygenButNoLimitValue_IsNullWhileTheBasisStays()
    {
        Outlet outlet = Create(referenceOxygen: O2(10));

        Assert.Null(outlet.ToEmissionLimit());
        Assert.Equal(ConcentrationBasis.AtReferenceOxygen(O2(10)), outlet.LimitBasis);
    }
}
