using Shapotou.Sdk.Model;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Tests.Model;

public sealed class EnergyLedgerEntryTests
{
    private static readonly DateOnly s_march = new(2024, 3, 1);

    private const string RowId = "Energy ledger row 'yx-f1 2024-03'";

    private static EnergyLedgerEntry Create(
        string facilityId = "yx-f1",
        DateOnly? period = null,
        string product = "FeSi75",
        Mass? output = null,
        MassFraction? oreGrade = null) =>
        new(facilityId, period ?? s_march, product, output ?? Mass.FromTonnes(1500), oreGrade: oreGrade);

    /// <summary>A row with <paramref name="field"/> set to −1 in the record's unit and every other carrier omitted.</summary>
    private static EnergyLedgerEntry WithNegative(string field) => field switch
    {
        "output" => Create(output: Mass.FromTonnes(-1)),
        "electricity_purchased" => new("yx-f1", s_march, "FeSi75", Mass.FromTonnes(1), electricityPurchased: Energy.FromKilowattHours(-1)),
        "furnace_electricity" => new("yx-f1", s_march, "FeSi75", Mass.FromTonnes(1), furnaceElectricity: Energy.FromKilowattHours(-1)),
        "waste_heat_power_generated" => new("yx-f1", s_march, "FeSi75", Mass.FromTonnes(1), wasteHeatPowerGenerated: Energy.FromKilowattHours(-1)),
        "electricity_exported" => new("yx-f1", s_march, "FeSi75", Mass.FromTonnes(1), electricityExported: Energy.FromKilowattHours(-1)),
        "coke" => new("yx-f1", s_march, "FeSi75", Mass.FromTonnes(1), coke: Mass.FromTonnes(-1)),
        "semi_coke" => new("yx-f1", s_march, "FeSi75", Mass.FromTonnes(1), semiCoke: Mass.FromTonnes(-1)),
        "coal" => new("yx-f1", s_march, "FeSi75", Mass.FromTonnes(1), coal: Mass.FromTonnes(-1)),
        "natural_gas" => new("yx-f1", s_march, "FeSi75", Mass.FromTonnes(1), naturalGas: Volume.FromCubicMeters(-1)),
        "diesel" => new("yx-f1", s_march, "FeSi75", Mass.FromTonnes(1), diesel: Mass.FromTonnes(-1)),
        "electrode_paste" => new("yx-f1", s_march, "FeSi75", Mass.FromTonnes(1), electrodePaste: Mass.FromTonnes(-1)),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a ledger quantity."),
    };

    [Fact]
    public void Constructor_ValidRow_KeepsEveryValue()
    {
        var entry = new EnergyLedgerEntry(
            "yx-f1",
            s_march,
            "FeSi75",
            Mass.FromTonnes(1500),
            electricityPurchased: Energy.FromKilowattHours(13_200_000),
            furnaceElectricity: Energy.FromKilowattHours(12_600_000),
            wasteHeatPowerGenerated: Energy.FromKilowattHours(900_000),
            electricityExported: Energy.FromKilowattHours(50_000),
            coke: Mass.FromTonnes(10),
            semiCoke: Mass.FromTonnes(820),
            coal: Mass.FromTonnes(30),
            naturalGas: Volume.FromCubicMeters(4_000),
            diesel: Mass.FromTonnes(2.5),
            electrodePaste: Mass.FromTonnes(60),
            oreGrade: MassFraction.FromPercent(98.5));

        Assert.Equal("yx-f1", entry.FacilityId);
        Assert.Equal(s_march, entry.Period);
        Assert.Equal("FeSi75", entry.Product);
        Assert.Equal(1500, entry.Output.Tonnes);
        Assert.Equal(13_200_000, entry.ElectricityPurchased!.Value.KilowattHours);
        Assert.Equal(12_600_000, entry.FurnaceElectricity!.Value.KilowattHours);
        Assert.Equal(900_000, entry.WasteHeatPowerGenerated!.Value.KilowattHours);
        Assert.Equal(50_000, entry.ElectricityExported!.Value.KilowattHours);
        Assert.Equal(10, entry.Coke!.Value.Tonnes);
        Assert.Equal(820, entry.SemiCoke!.Value.Tonnes);
        Assert.Equal(30, entry.Coal!.Value.Tonnes);
        Assert.Equal(4_000, entry.NaturalGas!.Value.CubicMeters);
        Assert.Equal(2.5, entry.Diesel!.Value.Tonnes);
        Assert.Equal(60, entry.ElectrodePaste!.Value.Tonnes);
        Assert.Equal(98.5, entry.OreGrade!.Value.Percent);
    }

    [Fact]
    public void Constructor_CarriersOmitted_AreNullNotZero()
    {
        EnergyLedgerEntry entry = Create();

        Assert.Null(entry.ElectricityPurchased);
        Assert.Null(entry.FurnaceElectricity);
        Assert.Null(entry.WasteHeatPowerGenerated);
        Assert.Null(entry.ElectricityExported);
        Assert.Null(entry.Coke);
        Assert.Null(entry.SemiCoke);
        Assert.Null(entry.Coal);
        Assert.Null(entry.NaturalGas);
        Assert.Null(entry.Diesel);
        Assert.Null(entry.ElectrodePaste);
        Assert.Null(entry.OreGrade);
    }

    [Fact]
    public void Constructor_QuantitiesInOtherUnits_AreKeptInTheGivenUnit()
    {
        var entry = new EnergyLedgerEntry(
            "yx-f1",
            s_march,
            "FeSi75",
            Mass.FromKilograms(1_500_000),
            electricityPurchased: Energy.FromMegawattHours(13_200),
            naturalGas: Volume.FromLiters(4_000_000),
            oreGrade: MassFraction.FromDecimalFractions(0.985));

        Assert.Equal(MassUnit.Kilogram, entry.Output.Unit);
        Assert.Equal(1500, entry.Output.Tonnes);
        Assert.Equal(EnergyUnit.MegawattHour, entry.ElectricityPurchased!.Value.Unit);
        Assert.Equal(13_200_000, entry.ElectricityPurchased.Value.KilowattHours, 6);
        Assert.Equal(VolumeUnit.Liter, entry.NaturalGas!.Value.Unit);
        Assert.Equal(4_000, entry.NaturalGas.Value.CubicMeters, 9);
        Assert.Equal(MassFractionUnit.DecimalFraction, entry.OreGrade!.Value.Unit);
        Assert.Equal(98.5, entry.OreGrade.Value.Percent, 12);
    }

    [Fact]
    public void Constructor_ZeroOutput_IsAccepted()
    {
        Assert.Equal(0, Create(output: Mass.Zero).Output.Tonnes);
    }

    [Theory]
    [InlineData(0.0)] // the lower bound
    [InlineData(100.0)] // pure SiO2, the upper bound
    public void Constructor_OreGradeAtTheBounds_IsAccepted(double percent)
    {
        Assert.Equal(percent, Create(oreGrade: MassFraction.FromPercent(percent)).OreGrade!.Value.Percent);
    }

    [Theory]
    [InlineData(2024, 3, 15)] // mid-month
    [InlineData(2024, 3, 2)] // the day after the first
    [InlineData(2024, 3, 31)] // the last day of the month
    public void Constructor_PeriodNotTheFirstOfAMonth_IsRejected(int year, int month, int day)
    {
        var period = new DateOnly(year, month, day);

        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(period: period));

        Assert.Equal("period", error.ParamName);
        Assert.Equal(
            $"{RowId}: period is 2024-03-{day:00}; expected the first day of a month. (Parameter 'period')",
            error.Message);
    }

    [Theory]
    [InlineData("output", "Tonne")] // the product output
    [InlineData("electricity_purchased", "KilowattHour")] // grid electricity
    [InlineData("furnace_electricity", "KilowattHour")] // smelting electricity
    [InlineData("waste_heat_power_generated", "KilowattHour")] // waste-heat power
    [InlineData("electricity_exported", "KilowattHour")] // electricity sent out
    [InlineData("coke", "Tonne")] // coke
    [InlineData("semi_coke", "Tonne")] // 兰炭
    [InlineData("coal", "Tonne")] // raw coal
    [InlineData("natural_gas", "CubicMeter")] // a volume, not a mass
    [InlineData("diesel", "Tonne")] // diesel
    [InlineData("electrode_paste", "Tonne")] // electrode paste
    public void Constructor_NegativeQuantity_IsRejected(string field, string unit)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => WithNegative(field));

        string parameter = string.Concat(field.Split('_').Select((part, i) => i == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
        Assert.Equal(parameter, error.ParamName);
        Assert.Equal(
            $"{RowId}: {field} is -1 {unit}; expected a finite value of at least 0. (Parameter '{parameter}')",
            error.Message);
    }

    [Fact]
    public void Constructor_NegativeOutputInKilograms_IsReportedInTonnes()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(output: Mass.FromKilograms(-500)));

        Assert.Equal($"{RowId}: output is -0.5 Tonne; expected a finite value of at least 0. (Parameter 'output')", error.Message);
    }

    [Fact]
    public void Constructor_NegativeElectricityInMegawattHours_IsReportedInKilowattHours()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => new EnergyLedgerEntry("yx-f1", s_march, "FeSi75", Mass.FromTonnes(1), electricityPurchased: Energy.FromMegawattHours(-2)));

        Assert.Equal(
            $"{RowId}: electricity_purchased is -2000 KilowattHour; expected a finite value of at least 0. (Parameter 'electricityPurchased')",
            error.Message);
    }

    [Theory]
    [InlineData(100.5, "100.5")] // above 100 %
    [InlineData(-1.0, "-1")] // below 0 %
    public void Constructor_OreGradeOutside0To100Percent_IsRejected(double percent, string shown)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(oreGrade: MassFraction.FromPercent(percent)));

        Assert.Equal("oreGrade", error.ParamName);
        Assert.Equal(
            $"{RowId}: ore_grade is {shown} %; expected a value from 0 % to 100 %. (Parameter 'oreGrade')",
            error.Message);
    }

    [Fact]
    public void Constructor_OreGradeAsFractionAboveOne_IsReportedInPercent()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(oreGrade: MassFraction.FromDecimalFractions(1.5)));

        Assert.StartsWith($"{RowId}: ore_grade is 150 %;", error.Message, StringComparison.Ordinal);
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
            $"Energy ledger row: facility_id is '{facilityId}'; expected a non-empty id without surrounding spaces. (Parameter 'facilityId')",
            error.Message);
    }

    [Theory]
    [InlineData("")] // empty: the product is required in the ledger
    [InlineData("FeSi75 ")] // trailing space
    [InlineData(null)] // missing
    public void Constructor_BadProduct_IsRejected(string? product)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(product: product!));

        Assert.Equal("product", error.ParamName);
        Assert.Equal(
            $"{RowId}: product is '{product}'; expected non-empty text without surrounding spaces. (Parameter 'product')",
            error.Message);
    }
}
