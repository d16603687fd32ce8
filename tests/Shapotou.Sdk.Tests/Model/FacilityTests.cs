using Shapotou.Sdk.Model;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Tests.Model;

public sealed class FacilityTests
{
    private const string Id = "yx-f1";

    private const string KindNames =
        "submerged_arc_furnace, carbide_furnace, cement_kiln, ceramic_kiln, lime_kiln, boiler, hot_air_furnace, dryer, other";

    private static Facility Furnace(
        string facilityId = Id,
        string enterpriseId = "yx",
        FacilityKind kind = FacilityKind.SubmergedArcFurnace,
        FacilityStatus status = FacilityStatus.Running,
        string? product = "FeSi75",
        ElectricApparentPower? transformerRating = null,
        Mass? annualCapacity = null,
        FurnaceEnclosure? enclosure = FurnaceEnclosure.SemiClosed,
        string? fuel = "electricity") =>
        new(facilityId, enterpriseId, kind, status, product, transformerRating ?? ElectricApparentPower.FromKilovoltamperes(12_500),
            annualCapacity: annualCapacity, enclosure: enclosure, fuel: fuel);

    /// <summary>A facility of <paramref name="kind"/> with only the kind-specific <paramref name="field"/> set.</summary>
    private static Facility WithKindSpecificField(FacilityKind kind, string field) => field switch
    {
        "transformer_rating" => new Facility(Id, "yx", kind, FacilityStatus.Running, transformerRating: ElectricApparentPower.FromKilovoltamperes(12_500)),
        "enclosure" => new Facility(Id, "yx", kind, FacilityStatus.Running, enclosure: FurnaceEnclosure.Closed),
        "steam_capacity" => new Facility(Id, "yx", kind, FacilityStatus.Running, steamCapacity: MassFlow.FromTonnesPerHour(35)),
        "thermal_power" => new Facility(Id, "yx", kind, FacilityStatus.Running, thermalPower: Power.FromMegawatts(14)),
        "clinker_capacity" => new Facility(Id, "yx", kind, FacilityStatus.Running, clinkerCapacity: MassFlow.FromTonnesPerDay(2500)),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a kind-specific field."),
    };

    [Fact]
    public void Constructor_FurnaceRow_KeepsEveryValue()
    {
        var facility = new Facility(
            Id,
            "yx",
            FacilityKind.SubmergedArcFurnace,
            FacilityStatus.Idle,
            product: "FeSi75",
            transformerRating: ElectricApparentPower.FromKilovoltamperes(12_500),
            annualCapacity: Mass.FromTonnes(18_000),
            enclosure: FurnaceEnclosure.SemiClosed,
            fuel: "electricity",
            wasteHeatRecovery: true);

        Assert.Equal(Id, facility.FacilityId);
        Assert.Equal("yx", facility.EnterpriseId);
        Assert.Equal(FacilityKind.SubmergedArcFurnace, facility.Kind);
        Assert.Equal(FacilityStatus.Idle, facility.Status);
        Assert.Equal("FeSi75", facility.Product);
        Assert.Equal(12_500, facility.TransformerRating!.Value.Kilovoltamperes);
        Assert.Equal(18_000, facility.AnnualCapacity!.Value.Tonnes);
        Assert.Equal(FurnaceEnclosure.SemiClosed, facility.Enclosure);
        Assert.Equal("electricity", facility.Fuel);
        Assert.True(facility.WasteHeatRecovery);
        Assert.Null(facility.SteamCapacity);
        Assert.Null(facility.ThermalPower);
        Assert.Null(facility.ClinkerCapacity);
    }

    [Fact]
    public void Constructor_BoilerRow_KeepsEveryValue()
    {
        var facility = new Facility(
            "hs-b1",
            "hs",
            FacilityKind.Boiler,
            FacilityStatus.Retired,
            product: "steam",
            steamCapacity: MassFlow.FromTonnesPerHour(35),
            thermalPower: Power.FromMegawatts(24.5),
            fuel: "natural_gas",
            wasteHeatRecovery: false);

        Assert.Equal(FacilityKind.Boiler, facility.Kind);
        Assert.Equal(FacilityStatus.Retired, facility.Status);
        Assert.Equal(35, facility.SteamCapacity!.Value.TonnesPerHour);
        Assert.Equal(24.5m, facility.ThermalPower!.Value.Megawatts);
        Assert.Equal("natural_gas", facility.Fuel);
        Assert.False(facility.WasteHeatRecovery);
        Assert.Null(facility.TransformerRating);
        Assert.Null(facility.Enclosure);
        Assert.Null(facility.AnnualCapacity);
    }

    [Fact]
    public void Constructor_KilnRow_KeepsClinkerCapacity()
    {
        var facility = new Facility("sn-k1", "sn", FacilityKind.CementKiln, FacilityStatus.Running, "clinker", clinkerCapacity: MassFlow.FromTonnesPerDay(2500));

        Assert.Equal(2500, facility.ClinkerCapacity!.Value.TonnesPerDay);
        Assert.Equal("clinker", facility.Product);
    }

    [Fact]
    public void Constructor_OptionalFieldsOmitted_AreNull()
    {
        var facility = new Facility("yx-d1", "yx", FacilityKind.Dryer, FacilityStatus.Running);

        Assert.Null(facility.Product);
        Assert.Null(facility.TransformerRating);
        Assert.Null(facility.SteamCapacity);
        Assert.Null(facility.ThermalPower);
        Assert.Null(facility.ClinkerCapacity);
        Assert.Null(facility.AnnualCapacity);
        Assert.Null(facility.Enclosure);
        Assert.Null(facility.Fuel);
        Assert.Null(facility.WasteHeatRecovery);
    }

    [Fact]
    public void Constructor_QuantitiesInOtherUnits_AreKeptInTheGivenUnit()
    {
        var facility = Furnace(
            transformerRating: ElectricApparentPower.FromMegavoltamperes(12.5),
            annualCapacity: Mass.FromKilograms(18_000_000));

        Assert.Equal(ElectricApparentPowerUnit.Megavoltampere, facility.TransformerRating!.Value.Unit);
        Assert.Equal(12.5, facility.TransformerRating.Value.Value);
        Assert.Equal(12_500, facility.TransformerRating.Value.Kilovoltamperes);
        Assert.Equal(MassUnit.Kilogram, facility.AnnualCapacity!.Value.Unit);
        Assert.Equal(18_000, facility.AnnualCapacity.Value.Tonnes);
    }

    [Fact]
    public void Constructor_HeaterQuantitiesInOtherUnits_AreAccepted()
    {
        var facility = new Facility(
            "hs-h1",
            "hs",
            FacilityKind.HotAirFurnace,
            FacilityStatus.Running,
            steamCapacity: MassFlow.FromKilogramsPerHour(35_000),
            thermalPower: Power.FromKilowatts(14_000));

        Assert.Equal(35, facility.SteamCapacity!.Value.TonnesPerHour, 9);
        Assert.Equal(14m, facility.ThermalPower!.Value.Megawatts);
    }

    [Fact]
    public void Constructor_ZeroQuantities_AreAccepted()
    {
        var facility = Furnace(transformerRating: ElectricApparentPower.Zero, annualCapacity: Mass.Zero);

        Assert.Equal(0, facility.TransformerRating!.Value.Kilovoltamperes);
        Assert.Equal(0, facility.AnnualCapacity!.Value.Tonnes);
    }

    [Theory]
    [InlineData(FacilityKind.SubmergedArcFurnace, "transformer_rating")] // furnaces have transformers
    [InlineData(FacilityKind.CarbideFurnace, "transformer_rating")] // a carbide furnace is a furnace too
    [InlineData(FacilityKind.SubmergedArcFurnace, "enclosure")] // furnaces are open, semi-closed or closed
    [InlineData(FacilityKind.CarbideFurnace, "enclosure")] // so are carbide furnaces
    [InlineData(FacilityKind.Boiler, "steam_capacity")] // boilers are rated in 蒸吨
    [InlineData(FacilityKind.HotAirFurnace, "steam_capacity")] // so are hot-air furnaces
    [InlineData(FacilityKind.Boiler, "thermal_power")] // hot-water boilers are rated in MW
    [InlineData(FacilityKind.HotAirFurnace, "thermal_power")] // so are heaters
    [InlineData(FacilityKind.CementKiln, "clinker_capacity")] // the clinker kiln
    [InlineData(FacilityKind.CeramicKiln, "clinker_capacity")] // every kiln kind is accepted
    [InlineData(FacilityKind.LimeKiln, "clinker_capacity")] // every kiln kind is accepted
    public void Constructor_KindSpecificFieldOnItsKind_IsAccepted(FacilityKind kind, string field)
    {
        Facility facility = WithKindSpecificField(kind, field);

        Assert.Equal(kind, facility.Kind);
    }

    [Theory]
    [InlineData(FacilityKind.Boiler, "enclosure", "it applies to furnaces only.")] // enclosure on a boiler
    [InlineData(FacilityKind.HotAirFurnace, "enclosure", "it applies to furnaces only.")] // a hot-air furnace is not a smelting furnace
    [InlineData(FacilityKind.CementKiln, "transformer_rating", "it applies to furnaces only.")] // kilns have no furnace transformer
    [InlineData(FacilityKind.Other, "transformer_rating", "it applies to furnaces only.")] // nor does anything else
    [InlineData(FacilityKind.SubmergedArcFurnace, "steam_capacity", "it applies to boilers and hot-air furnaces only.")] // steam capacity on a furnace
    [InlineData(FacilityKind.Dryer, "steam_capacity", "it applies to boilers and hot-air furnaces only.")] // a dryer raises no steam
    [InlineData(FacilityKind.LimeKiln, "thermal_power", "it applies to boilers and hot-air furnaces only.")] // thermal power on a kiln
    [InlineData(FacilityKind.CarbideFurnace, "thermal_power", "it applies to boilers and hot-air furnaces only.")] // thermal power on a furnace
    [InlineData(FacilityKind.Boiler, "clinker_capacity", "it applies to kilns only.")] // clinker capacity on a boiler
    [InlineData(FacilityKind.SubmergedArcFurnace, "clinker_capacity", "it applies to kilns only.")] // clinker capacity on a furnace
    [InlineData(FacilityKind.Dryer, "clinker_capacity", "it applies to kilns only.")] // a dryer is not a kiln
    public void Constructor_KindSpecificFieldOnAnotherKind_IsRejected(FacilityKind kind, string field, string expectation)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => WithKindSpecificField(kind, field));

        string parameter = field switch
        {
            "transformer_rating" => "transformerRating",
            "steam_capacity" => "steamCapacity",
            "thermal_power" => "thermalPower",
            "clinker_capacity" => "clinkerCapacity",
            _ => field,
        };
        Assert.Equal(parameter, error.ParamName);
        Assert.Equal(
            $"Facility 'yx-f1': {field} is given for a {ContractNames.ToName(kind)}; {expectation} (Parameter '{parameter}')",
            error.Message);
    }

    [Fact]
    public void Constructor_EnclosureOnHotAirFurnace_NamesTheKindInSnakeCase()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => new Facility("hs-b1", "hs", FacilityKind.HotAirFurnace, FacilityStatus.Running, enclosure: FurnaceEnclosure.Open));

        Assert.Equal("Facility 'hs-b1': enclosure is given for a hot_air_furnace; it applies to furnaces only. (Parameter 'enclosure')", error.Message);
    }

    [Fact]
    public void Constructor_NegativeTransformerRatingInMva_IsReportedInKva()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => Furnace(transformerRating: ElectricApparentPower.FromMegavoltamperes(-2)));

        Assert.Equal("transformerRating", error.ParamName);
        Assert.Equal(
            "Facility 'yx-f1': transformer_rating is -2000 Kilovoltampere; expected a finite value of at least 0. (Parameter 'transformerRating')",
            error.Message);
    }

    [Fact]
    public void Constructor_NegativeTransformerRating_IsRejected()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => Furnace(transformerRating: ElectricApparentPower.FromKilovoltamperes(-5)));

        Assert.Equal(
            "Facility 'yx-f1': transformer_rating is -5 Kilovoltampere; expected a finite value of at least 0. (Parameter 'transformerRating')",
            error.Message);
    }

    [Fact]
    public void Constructor_NegativeSteamCapacity_IsRejected()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => new Facility("hs-b1", "hs", FacilityKind.Boiler, FacilityStatus.Running, steamCapacity: MassFlow.FromTonnesPerHour(-10)));

        Assert.Equal("steamCapacity", error.ParamName);
        Assert.Equal(
            "Facility 'hs-b1': steam_capacity is -10 TonnePerHour; expected a finite value of at least 0. (Parameter 'steamCapacity')",
            error.Message);
    }

    [Fact]
    public void Constructor_NegativeThermalPowerInKilowatts_IsReportedInMegawatts()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => new Facility("hs-b1", "hs", FacilityKind.Boiler, FacilityStatus.Running, thermalPower: Power.FromKilowatts(-500)));

        Assert.Equal("thermalPower", error.ParamName);
        Assert.Equal(
            "Facility 'hs-b1': thermal_power is -0.5 Megawatt; expected a finite value of at least 0. (Parameter 'thermalPower')",
            error.Message);
    }

    [Fact]
    public void Constructor_NegativeClinkerCapacity_IsRejected()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => new Facility("sn-k1", "sn", FacilityKind.CementKiln, FacilityStatus.Running, clinkerCapacity: MassFlow.FromTonnesPerDay(-2500)));

        Assert.Equal("clinkerCapacity", error.ParamName);
        Assert.Equal(
            "Facility 'sn-k1': clinker_capacity is -2500 TonnePerDay; expected a finite value of at least 0. (Parameter 'clinkerCapacity')",
            error.Message);
    }

    [Fact]
    public void Constructor_NegativeAnnualCapacityInKilograms_IsReportedInTonnes()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Furnace(annualCapacity: Mass.FromKilograms(-1500)));

        Assert.Equal("annualCapacity", error.ParamName);
        Assert.Equal(
            "Facility 'yx-f1': annual_capacity is -1.5 Tonne; expected a finite value of at least 0. (Parameter 'annualCapacity')",
            error.Message);
    }

    [Fact]
    public void Constructor_NegativeQuantityOnWrongKind_ReportsTheNegativeValueFirst()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => new Facility("hs-b1", "hs", FacilityKind.Boiler, FacilityStatus.Running, clinkerCapacity: MassFlow.FromTonnesPerDay(-1)));

        Assert.StartsWith("Facility 'hs-b1': clinker_capacity is -1 TonnePerDay;", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData((FacilityKind)99, "99")] // outside the declared range
    [InlineData((FacilityKind)0, "0")] // default(FacilityKind): the enums start at 1
    public void Constructor_UndefinedKind_IsRejected(FacilityKind kind, string shown)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new Facility(Id, "yx", kind, FacilityStatus.Running));

        Assert.Equal("kind", error.ParamName);
        Assert.Equal($"Facility 'yx-f1': kind is {shown}; expected one of {KindNames}. (Parameter 'kind')", error.Message);
    }

    [Theory]
    [InlineData((FacilityStatus)0, "0")] // default(FacilityStatus)
    [InlineData((FacilityStatus)4, "4")] // one past Retired
    public void Constructor_UndefinedStatus_IsRejected(FacilityStatus status, string shown)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Furnace(status: status));

        Assert.Equal("status", error.ParamName);
        Assert.Equal($"Facility 'yx-f1': status is {shown}; expected one of running, idle, retired. (Parameter 'status')", error.Message);
    }

    [Fact]
    public void Constructor_UndefinedEnclosure_IsRejected()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Furnace(enclosure: (FurnaceEnclosure)99));

        Assert.Equal("enclosure", error.ParamName);
        Assert.Equal("Facility 'yx-f1': enclosure is 99; expected one of open, semi_closed, closed. (Parameter 'enclosure')", error.Message);
    }

    [Theory]
    [InlineData("")] // empty
    [InlineData(" ")] // blank
    [InlineData(" yx-f1")] // leading space
    [InlineData("yx-f1 ")] // trailing space
    [InlineData(null)] // missing
    public void Constructor_BadFacilityId_IsRejected(string? facilityId)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Furnace(facilityId: facilityId!));

        Assert.Equal("facilityId", error.ParamName);
        Assert.Equal(
            $"Facility: facility_id is '{facilityId}'; expected a non-empty id without surrounding spaces. (Parameter 'facilityId')",
            error.Message);
    }

    [Theory]
    [InlineData("")] // empty
    [InlineData("yx ")] // trailing space: would not match the enterprise's id
    [InlineData(null)] // missing
    public void Constructor_BadEnterpriseId_IsRejected(string? enterpriseId)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Furnace(enterpriseId: enterpriseId!));

        Assert.Equal("enterpriseId", error.ParamName);
        Assert.Equal(
            $"Facility 'yx-f1': enterprise_id is '{enterpriseId}'; expected a non-empty id without surrounding spaces. (Parameter 'enterpriseId')",
            error.Message);
    }

    [Theory]
    [InlineData("")] // empty: null says "not given"
    [InlineData("FeSi75 ")] // trailing space
    public void Constructor_BadProduct_IsRejected(string product)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Furnace(product: product));

        Assert.Equal("product", error.ParamName);
        Assert.Equal(
            $"Facility 'yx-f1': product is '{product}'; expected null or text without surrounding spaces. (Parameter 'product')",
            error.Message);
    }

    [Theory]
    [InlineData("Electricity")] // capitalised
    [InlineData("natural gas")] // a space instead of an underscore
    [InlineData("天然气")] // Chinese
    [InlineData("")] // empty: null says "not given"
    public void Constructor_FuelNotLowerCaseAscii_IsRejected(string fuel)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Furnace(fuel: fuel));

        Assert.Equal("fuel", error.ParamName);
        Assert.Equal(
            $"Facility 'yx-f1': fuel is '{fuel}'; expected lower-case ASCII such as 'zhenluo' or 'natural_gas'. (Parameter 'fuel')",
            error.Message);
    }
}
