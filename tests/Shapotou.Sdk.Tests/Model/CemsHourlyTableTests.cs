using Shapotou.Sdk.Model;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Tests.Model;

public sealed class CemsHourlyTableTests
{
    private static readonly string[] s_outlets = ["yx-da001", "yx-da001", "yx-da002"];

    private static readonly DateTime[] s_hours =
    [
        new(2024, 3, 1, 0, 0, 0, DateTimeKind.Unspecified),
        new(2024, 3, 1, 1, 0, 0, DateTimeKind.Unspecified),
        new(2024, 3, 1, 0, 0, 0, DateTimeKind.Unspecified),
    ];

    private static QuantityColumn<MassConcentration> Mg(params double[] values) =>
        new(values, MassConcentrationUnit.MilligramPerCubicMeter);

    private static QuantityColumn<VolumeConcentration> Percent(params double[] values) =>
        new(values, VolumeConcentrationUnit.Percent);

    private static QuantityColumn<VolumeFlow> Flow(params double[] values) =>
        new(values, VolumeFlowUnit.CubicMeterPerHour);

    private static CemsHourlyTable Create(
        IReadOnlyList<string>? outletIds = null,
        DateTime[]? hours = null,
        QuantityColumn<MassConcentration>? so2 = null,
        QuantityColumn<MassConcentration>? nox = null,
        QuantityColumn<MassConcentration>? pm = null,
        QuantityColumn<VolumeConcentration>? oxygen = null,
        QuantityColumn<VolumeFlow>? flow = null,
        DataFlag[]? flags = null) =>
        new(
            outletIds ?? s_outlets,
            hours ?? s_hours,
            so2 ?? Mg(35, 40, 12),
            nox ?? Mg(120, 130, 80),
            pm ?? Mg(8, 9, 4),
            oxygen ?? Percent(12, 12.5, 9),
            flow ?? Flow(150_000, 152_000, 40_000),
            flags ?? [DataFlag.N, DataFlag.N, DataFlag.N]);

    [Fact]
    public void Constructor_ValidColumns_KeepsEveryColumn()
    {
        QuantityColumn<MassConcentration> so2 = Mg(35, 40, 12);
        QuantityColumn<MassConcentration> nox = Mg(120, 130, 80);
        QuantityColumn<MassConcentration> pm = Mg(8, 9, 4);
        QuantityColumn<VolumeConcentration> oxygen = Percent(12, 12.5, 9);
        QuantityColumn<VolumeFlow> flow = Flow(150_000, 152_000, 40_000);
        DataFlag[] flags = [DataFlag.N, DataFlag.C, DataFlag.F];

        var table = new CemsHourlyTable(s_outlets, s_hours, so2, nox, pm, oxygen, flow, flags);

        Assert.Equal(3, table.RowCount);
        Assert.Same(s_outlets, table.OutletIds);
        Assert.Equal(s_hours, table.Hours.ToArray());
        Assert.Same(so2, table.So2);
        Assert.Same(nox, table.Nox);
        Assert.Same(pm, table.Pm);
        Assert.Same(oxygen, table.Oxygen);
        Assert.Same(flow, table.Flow);
        Assert.Equal(flags, table.Flags.ToArray());
    }

    [Fact]
    public void Constructor_NoRows_IsAnEmptyTable()
    {
        var table = new CemsHourlyTable([], ReadOnlyMemory<DateTime>.Empty, Mg(), Mg(), Mg(), Percent(), Flow(), ReadOnlyMemory<DataFlag>.Empty);

        Assert.Equal(0, table.RowCount);
    }

    [Fact]
    public void Constructor_NaNInEveryValueColumn_IsAMissingValueAndAccepted()
    {
        CemsHourlyTable table = Create(
            so2: Mg(double.NaN, 40, 12),
            nox: Mg(120, double.NaN, 80),
            pm: Mg(8, 9, double.NaN),
            oxygen: Percent(double.NaN, 12.5, 9),
            flow: Flow(150_000, 152_000, double.NaN),
            flags: [DataFlag.F, DataFlag.C, DataFlag.D]);

        Assert.True(double.IsNaN(table.So2.Values.Span[0]));
        Assert.True(double.IsNaN(table.Oxygen.Values.Span[0]));
        Assert.True(double.IsNaN(table.Flow.Values.Span[2]));
        Assert.Equal(DataFlag.F, table.Flags.Span[0]);
    }

    [Fact]
    public void Constructor_ZeroValues_AreAccepted()
    {
        CemsHourlyTable table = Create(so2: Mg(0, 0, 0), oxygen: Percent(0, 0, 0), flow: Flow(0, 0, 0));

        Assert.Equal(0, table.So2[2]!.Value.MilligramsPerCubicMeter);
    }

    [Fact]
    public void Constructor_ColumnsInOtherUnits_AreKeptInTheGivenUnit()
    {
        var so2 = new QuantityColumn<MassConcentration>(new[] { 0.035, 0.04, 0.012 }, MassConcentrationUnit.GramPerCubicMeter);
        var oxygen = new QuantityColumn<VolumeConcentration>(new[] { 0.12, 0.125, 0.09 }, VolumeConcentrationUnit.DecimalFraction);

        CemsHourlyTable table = Create(so2: so2, oxygen: oxygen);

        Assert.Equal(MassConcentrationUnit.GramPerCubicMeter, table.So2.Unit);
        Assert.Equal(VolumeConcentrationUnit.DecimalFraction, table.Oxygen.Unit);
        Assert.Equal(12.5, table.Oxygen[1]!.Value.Percent, 12);
    }

    [Theory]
    [InlineData(Pollutant.Pm)] // the particulate column
    [InlineData(Pollutant.So2)] // the SO2 column
    [InlineData(Pollutant.Nox)] // the NOx column
    public void Concentration_PollutantWithAColumn_ReturnsThatColumn(Pollutant pollutant)
    {
        CemsHourlyTable table = Create();

        QuantityColumn<MassConcentration> expected = pollutant switch
        {
            Pollutant.Pm => table.Pm,
            Pollutant.So2 => table.So2,
            _ => table.Nox,
        };
        Assert.Same(expected, table.Concentration(pollutant));
    }

    [Theory]
    [InlineData(Pollutant.Nh3)] // ammonia slip has no column in the hourly table
    [InlineData((Pollutant)99)] // undefined
    public void Concentration_PollutantWithoutAColumn_ThrowsArgumentOutOfRange(Pollutant pollutant)
    {
        CemsHourlyTable table = Create();

        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => table.Concentration(pollutant));

        Assert.Equal("pollutant", error.ParamName);
        Assert.Equal(pollutant, error.ActualValue);
        Assert.StartsWith("The hourly table has columns for pm, so2 and nox.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hours", 2)] // one hour short
    [InlineData("so2", 4)] // one value too many
    [InlineData("nox", 2)] // one value short
    [InlineData("pm", 0)] // empty
    [InlineData("flow", 2)] // one value short
    public void Constructor_ColumnOfTheWrongLength_NamesColumnAndLengths(string column, int length)
    {
        double[] values = new double[length];
        ArgumentException error = Assert.Throws<ArgumentException>(() => column switch
        {
            "hours" => Create(hours: new DateTime[length]),
            "so2" => Create(so2: Mg(values)),
            "nox" => Create(nox: Mg(values)),
            "pm" => Create(pm: Mg(values)),
            _ => Create(flow: Flow(values)),
        });

        string contractColumn = column == "hours" ? "hour" : column; // messages use the contract's column names
        Assert.Equal(column, error.ParamName);
        Assert.Equal(
            $"Column '{contractColumn}' of cems_hourly has {length} rows; expected 3, the length of outlet_id. (Parameter '{column}')",
            error.Message);
    }

    [Fact]
    public void Constructor_OxygenColumnOfTheWrongLength_NamesTheContractColumn()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(oxygen: Percent(12, 12)));

        Assert.Equal("oxygen", error.ParamName);
        Assert.Equal(
            "Column 'o2' of cems_hourly has 2 rows; expected 3, the length of outlet_id. (Parameter 'oxygen')",
            error.Message);
    }

    [Fact]
    public void Constructor_FlagColumnOfTheWrongLength_NamesTheContractColumn()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(flags: [DataFlag.N, DataFlag.N, DataFlag.N, DataFlag.N]));

        Assert.Equal("flags", error.ParamName);
        Assert.Equal(
            "Column 'flag' of cems_hourly has 4 rows; expected 3, the length of outlet_id. (Parameter 'flags')",
            error.Message);
    }

    [Theory]
    [InlineData("so2", -5.0, "-5")] // a negative concentration
    [InlineData("nox", -0.1, "-0.1")] // slightly negative, as a drifting analyser reports
    [InlineData("pm", double.PositiveInfinity, "Infinity")] // not finite
    [InlineData("flow", -150_000.0, "-150000")] // a negative flow
    [InlineData("flow", double.NegativeInfinity, "-Infinity")] // not finite, negative
    public void Constructor_NegativeOrInfiniteValue_NamesColumnRowAndValue(string column, double value, string shown)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => column switch
        {
            "so2" => Create(so2: Mg(35, value, 12)),
            "nox" => Create(nox: Mg(120, value, 80)),
            "pm" => Create(pm: Mg(8, value, 4)),
            _ => Create(flow: Flow(150_000, value, 40_000)),
        });

        string unit = column == "flow" ? "CubicMeterPerHour" : "MilligramPerCubicMeter"; // the column's own unit
        Assert.Equal(column, error.ParamName);
        Assert.Equal(
            $"Column '{column}' of cems_hourly, row 1, is {shown} {unit}; expected NaN (missing) or a value of at least 0 and finite. (Parameter '{column}')",
            error.Message);
    }

    [Fact]
    public void Constructor_NegativeValueInTheLastRow_NamesThatRow()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(so2: Mg(35, 40, -1)));

        Assert.StartsWith("Column 'so2' of cems_hourly, row 2, is -1 MilligramPerCubicMeter;", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(21.0, "21")] // ambient air: no combustion gas
    [InlineData(25.0, "25")] // above ambient
    [InlineData(-1.0, "-1")] // negative
    public void Constructor_OxygenOutOfRange_NamesColumnRowAndValue(double percent, string shown)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(oxygen: Percent(12, percent, 9)));

        Assert.Equal("oxygen", error.ParamName);
        Assert.Equal(
            $"Column 'o2' of cems_hourly, row 1, is {shown} Percent; expected NaN (missing) or a value of at least 0 and below 21. (Parameter 'oxygen')",
            error.Message);
    }

    [Fact]
    public void Constructor_OxygenAsFraction_IsCheckedInPercent()
    {
        var oxygen = new QuantityColumn<VolumeConcentration>(new[] { 0.12, 0.25, 0.09 }, VolumeConcentrationUnit.DecimalFraction);

        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(oxygen: oxygen));

        Assert.StartsWith("Column 'o2' of cems_hourly, row 1, is 25 Percent;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_OxygenJustBelow21Percent_IsAccepted()
    {
        Assert.Equal(20.9, Create(oxygen: Percent(20.9, 20.9, 20.9)).Oxygen[0]!.Value.Percent);
    }

    [Theory]
    [InlineData("outletIds")] // the row key
    [InlineData("so2")] // a concentration column
    [InlineData("nox")] // a concentration column
    [InlineData("pm")] // a concentration column
    [InlineData("oxygen")] // the O2 column
    [InlineData("flow")] // the flow column
    public void Constructor_NullColumn_ThrowsArgumentNull(string parameter)
    {
        ArgumentNullException error = Assert.Throws<ArgumentNullException>(() => parameter switch
        {
            "outletIds" => new CemsHourlyTable(null!, s_hours, Mg(1, 1, 1), Mg(1, 1, 1), Mg(1, 1, 1), Percent(1, 1, 1), Flow(1, 1, 1), new DataFlag[3]),
            "so2" => new CemsHourlyTable(s_outlets, s_hours, null!, Mg(1, 1, 1), Mg(1, 1, 1), Percent(1, 1, 1), Flow(1, 1, 1), new DataFlag[3]),
            "nox" => new CemsHourlyTable(s_outlets, s_hours, Mg(1, 1, 1), null!, Mg(1, 1, 1), Percent(1, 1, 1), Flow(1, 1, 1), new DataFlag[3]),
            "pm" => new CemsHourlyTable(s_outlets, s_hours, Mg(1, 1, 1), Mg(1, 1, 1), null!, Percent(1, 1, 1), Flow(1, 1, 1), new DataFlag[3]),
            "oxygen" => new CemsHourlyTable(s_outlets, s_hours, Mg(1, 1, 1), Mg(1, 1, 1), Mg(1, 1, 1), null!, Flow(1, 1, 1), new DataFlag[3]),
            _ => new CemsHourlyTable(s_outlets, s_hours, Mg(1, 1, 1), Mg(1, 1, 1), Mg(1, 1, 1), Percent(1, 1, 1), null!, new DataFlag[3]),
        });

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Constructor_UndefinedFlag_NamesRowAndValue()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(flags: [DataFlag.N, (DataFlag)99, DataFlag.N]));

        Assert.Equal("flags", error.ParamName);
        Assert.Equal("Column 'flag' of cems_hourly, row 1, is 99; expected one of N, F, M, S, D, C, T, B. (Parameter 'flags')", error.Message);
    }

    [Theory]
    [InlineData(null)] // no outlet
    [InlineData("")] // empty outlet id
    [InlineData(" ")] // blank outlet id
    public void Constructor_MissingOutletId_NamesTheRow(string? outletId)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(outletIds: ["yx-da001", outletId!, "yx-da001"]));

        Assert.Equal("outletIds", error.ParamName);
        Assert.Equal($"Column 'outlet_id' of cems_hourly, row 1, is '{outletId}'; expected an outlet id. (Parameter 'outletIds')", error.Message);
    }

    [Fact]
    public void Constructor_HourNotOnTheHour_NamesRowAndTime()
    {
        DateTime[] hours = [new(2024, 1, 1, 0, 0, 0), new(2024, 1, 1, 0, 30, 0), new(2024, 1, 1, 2, 0, 0)];

        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(hours: hours));

        Assert.Equal("hours", error.ParamName);
        Assert.Equal(
            "Column 'hour' of cems_hourly, row 1, is 2024-01-01 00:30:00.0000000; expected the start of a clock hour. (Parameter 'hours')",
            error.Message);
    }

    [Theory]
    [InlineData(DateTimeKind.Utc, "UTC")]
    [InlineData(DateTimeKind.Local, "the machine's local time")]
    public void Constructor_HourMarkedUtcOrLocal_IsRefusedNotConverted(DateTimeKind kind, string marked)
    {
        DateTime[] hours = [s_hours[0], DateTime.SpecifyKind(s_hours[1], kind), s_hours[2]];

        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(hours: hours));

        Assert.Equal("hours", error.ParamName);
        Assert.Equal(
            $"Column 'hour' of cems_hourly, row 1, is 2024-03-01 01:00:00 marked as {marked}; expected China Standard Time wall clock, a time not marked with a zone (convert UTC by adding 8 hours). (Parameter 'hours')",
            error.Message);
    }
}
