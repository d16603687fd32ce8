using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Tests.Model;

public sealed class ContractNamesTests
{
    private const string FacilityKindNames =
        "submerged_arc_furnace, carbide_furnace, cement_kiln, ceramic_kiln, lime_kiln, boiler, hot_air_furnace, dryer, other";

    private static void AssertRoundTrip<TEnum>(TEnum value, string name)
        where TEnum : struct, Enum
    {
        Assert.Equal(name, ContractNames.ToName(value));
        Assert.Equal(value, ContractNames.Parse<TEnum>(name, "field"));
        Assert.True(ContractNames.TryParse(name, out TEnum parsed));
        Assert.Equal(value, parsed);
    }

    private static void AssertEveryValueRoundTrips<TEnum>()
        where TEnum : struct, Enum
    {
        TEnum[] values = Enum.GetValues<TEnum>();
        IReadOnlyList<string> names = ContractNames.All<TEnum>();

        Assert.Equal(values.Length, names.Count);
        Assert.Equal(values.Length, names.Distinct(StringComparer.Ordinal).Count());
        for (int i = 0; i < values.Length; i++)
        {
            Assert.Equal(names[i], ContractNames.ToName(values[i]));
            Assert.Equal(values[i], ContractNames.Parse<TEnum>(names[i], "field"));
        }
    }

    [Theory]
    [InlineData(FacilityKind.SubmergedArcFurnace, "submerged_arc_furnace")] // three words, two underscores
    [InlineData(FacilityKind.CarbideFurnace, "carbide_furnace")] // two words
    [InlineData(FacilityKind.CementKiln, "cement_kiln")] // two words
    [InlineData(FacilityKind.CeramicKiln, "ceramic_kiln")] // two words
    [InlineData(FacilityKind.LimeKiln, "lime_kiln")] // two words
    [InlineData(FacilityKind.Boiler, "boiler")] // one word: only lower-cased
    [InlineData(FacilityKind.HotAirFurnace, "hot_air_furnace")] // three words
    [InlineData(FacilityKind.Dryer, "dryer")] // one word
    [InlineData(FacilityKind.Other, "other")] // the catch-all
    public void ToNameAndParse_FacilityKind_RoundTripsTheContractName(FacilityKind value, string name) =>
        AssertRoundTrip(value, name);

    [Theory]
    [InlineData(FacilityStatus.Running, "running")] // in operation
    [InlineData(FacilityStatus.Idle, "idle")] // permitted, not operating
    [InlineData(FacilityStatus.Retired, "retired")] // shut down for good
    public void ToNameAndParse_FacilityStatus_RoundTripsTheContractName(FacilityStatus value, string name) =>
        AssertRoundTrip(value, name);

    [Theory]
    [InlineData(FurnaceEnclosure.Open, "open")] // one word
    [InlineData(FurnaceEnclosure.SemiClosed, "semi_closed")] // the contract writes an underscore, not a hyphen
    [InlineData(FurnaceEnclosure.Closed, "closed")] // one word
    public void ToNameAndParse_FurnaceEnclosure_RoundTripsTheContractName(FurnaceEnclosure value, string name) =>
        AssertRoundTrip(value, name);

    [Theory]
    [InlineData(TreatmentKind.BagFilter, "bag_filter")] // two words
    [InlineData(TreatmentKind.Esp, "esp")] // an acronym written as one word
    [InlineData(TreatmentKind.WetFgd, "wet_fgd")] // word and acronym
    [InlineData(TreatmentKind.SemiDryFgd, "semi_dry_fgd")] // three parts
    [InlineData(TreatmentKind.DryFgd, "dry_fgd")] // word and acronym
    [InlineData(TreatmentKind.Scr, "scr")] // acronym
    [InlineData(TreatmentKind.Sncr, "sncr")] // acronym
    [InlineData(TreatmentKind.LowNoxBurner, "low_nox_burner")] // 'Nox' is one part, not n_ox
    [InlineData(TreatmentKind.Other, "other")] // the catch-all
    public void ToNameAndParse_TreatmentKind_RoundTripsTheContractName(TreatmentKind value, string name) =>
        AssertRoundTrip(value, name);

    [Theory]
    [InlineData(Pollutant.Pm, "pm")] // particulate matter
    [InlineData(Pollutant.So2, "so2")] // a digit stays attached: no underscore before it
    [InlineData(Pollutant.Nox, "nox")] // NOx as NO2
    [InlineData(Pollutant.Nh3, "nh3")] // a digit stays attached
    public void ToNameAndParse_Pollutant_RoundTripsTheContractName(Pollutant value, string name) =>
        AssertRoundTrip(value, name);

    [Theory]
    [InlineData(WasteType.Slag, "slag")] // one word
    [InlineData(WasteType.SilicaFume, "silica_fume")] // two words
    [InlineData(WasteType.Dust, "dust")] // one word
    [InlineData(WasteType.FgdGypsum, "fgd_gypsum")] // acronym and word
    [InlineData(WasteType.Ash, "ash")] // one word
    [InlineData(WasteType.Other, "other")] // the catch-all
    public void ToNameAndParse_WasteType_RoundTripsTheContractName(WasteType value, string name) =>
        AssertRoundTrip(value, name);

    [Theory]
    [InlineData(DataFlag.N, "N")] // HJ 212 flags keep their upper-case letter
    [InlineData(DataFlag.F, "F")] // stopped source
    [InlineData(DataFlag.M, "M")] // maintenance
    [InlineData(DataFlag.S, "S")] // manual set value
    [InlineData(DataFlag.D, "D")] // instrument fault
    [InlineData(DataFlag.C, "C")] // calibration
    [InlineData(DataFlag.T, "T")] // over range
    [InlineData(DataFlag.B, "B")] // communication lost
    public void ToNameAndParse_DataFlag_KeepsTheLetterOfTheStandard(DataFlag value, string name) =>
        AssertRoundTrip(value, name);

    [Fact]
    public void ToNameAndParse_EveryValueOfEveryModelEnum_RoundTripsWithDistinctNames()
    {
        // Catches a value added to an enum later whose snake_case name collides or does not parse back.
        AssertEveryValueRoundTrips<FacilityKind>();
        AssertEveryValueRoundTrips<FacilityStatus>();
        AssertEveryValueRoundTrips<FurnaceEnclosure>();
        AssertEveryValueRoundTrips<TreatmentKind>();
        AssertEveryValueRoundTrips<Pollutant>();
        AssertEveryValueRoundTrips<WasteType>();
        AssertEveryValueRoundTrips<DataFlag>();
    }

    [Fact]
    public void All_FacilityKind_ListsNamesInDeclarationOrder()
    {
        Assert.Equal(FacilityKindNames.Split(", "), ContractNames.All<FacilityKind>());
    }

    [Fact]
    public void All_DataFlag_ListsLettersInTheStandardsOrderNotAlphabetically()
    {
        Assert.Equal(["N", "F", "M", "S", "D", "C", "T", "B"], ContractNames.All<DataFlag>());
    }

    [Fact]
    public void Parse_UnknownName_NamesFieldValueAndListsExpectedNames()
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(
            () => ContractNames.Parse<FacilityKind>("furnace", "facilities.kind"));

        Assert.Equal($"Field 'facilities.kind' is 'furnace'; expected one of {FacilityKindNames}.", error.Message);
    }

    [Fact]
    public void Parse_UnknownEnclosure_ListsTheEnclosureNames()
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(
            () => ContractNames.Parse<FurnaceEnclosure>("semi-closed", "enclosure"));

        Assert.Equal("Field 'enclosure' is 'semi-closed'; expected one of open, semi_closed, closed.", error.Message);
    }

    [Fact]
    public void Parse_Null_IsRejectedWithAnEmptyValueInTheMessage()
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(
            () => ContractNames.Parse<Pollutant>(null, "pollutant"));

        Assert.Equal("Field 'pollutant' is ''; expected one of pm, so2, nox, nh3.", error.Message);
    }

    [Theory]
    [InlineData("Boiler")] // capitalised
    [InlineData("BOILER")] // upper case
    [InlineData("SubmergedArcFurnace")] // the C# member name is not the contract name
    [InlineData("submerged_Arc_furnace")] // one capital inside
    [InlineData(" boiler")] // leading space is not trimmed
    [InlineData("boiler ")] // trailing space is not trimmed
    [InlineData("")] // empty
    [InlineData("6")] // the numeric value, which Enum.Parse would accept
    public void Parse_FacilityKindNotExactlyAContractName_IsRejected(string name)
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(
            () => ContractNames.Parse<FacilityKind>(name, "kind"));

        Assert.Equal($"Field 'kind' is '{name}'; expected one of {FacilityKindNames}.", error.Message);
        Assert.False(ContractNames.TryParse(name, out FacilityKind _));
    }

    [Theory]
    [InlineData("SO2")] // the chemist's spelling is not the contract name
    [InlineData("So2")] // the C# member name
    [InlineData("NOx")] // mixed case
    public void Parse_PollutantInAnotherCase_IsRejected(string name)
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(
            () => ContractNames.Parse<Pollutant>(name, "pollutant"));

        Assert.Equal($"Field 'pollutant' is '{name}'; expected one of pm, so2, nox, nh3.", error.Message);
    }

    [Theory]
    [InlineData("n")] // HJ 212 flags are upper case in the standard and in every file
    [InlineData("Normal")] // a description is not the flag
    public void Parse_DataFlagNotTheUpperCaseLetter_IsRejected(string name)
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(
            () => ContractNames.Parse<DataFlag>(name, "flag"));

        Assert.Equal($"Field 'flag' is '{name}'; expected one of N, F, M, S, D, C, T, B.", error.Message);
    }

    [Fact]
    public void TryParse_UnknownOrNull_ReturnsFalseAndDefault()
    {
        Assert.False(ContractNames.TryParse("kiln", out FacilityKind kind));
        Assert.Equal(default, kind);
        Assert.False(ContractNames.TryParse(null, out WasteType waste));
        Assert.Equal(default, waste);
    }

    [Theory]
    [InlineData((FacilityKind)99)] // outside the declared range
    [InlineData((FacilityKind)0)] // default(FacilityKind): the enums start at 1, so an unset value has no name
    public void ToName_UndefinedValue_ThrowsArgumentOutOfRange(FacilityKind value)
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => ContractNames.ToName(value));

        Assert.Equal("value", error.ParamName);
        Assert.Equal(value, error.ActualValue);
        Assert.StartsWith("Not a defined FacilityKind value.", error.Message, StringComparison.Ordinal);
    }
}
