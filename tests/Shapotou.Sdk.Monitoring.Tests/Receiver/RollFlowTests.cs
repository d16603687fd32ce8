using Shapotou.Sdk.Monitoring.Aggregation;
using Shapotou.Sdk.Monitoring.Hj212;
using Shapotou.Sdk.Monitoring.Receiver;
using UnitsNet;

namespace Shapotou.Sdk.Monitoring.Tests.Receiver;

/// <summary>The flow of a rolled record: <c>a00000-Cou</c> ÷ the record's interval (the configured MinInterval of the MN,
/// else the spacing of its DataTimes; an hour record's is the hour), and the flow plausibility warnings.</summary>
public sealed class RollFlowTests : IDisposable
{
    private const string Mn = "010000A8900016F000169DC0";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hj212-flow-" + Guid.NewGuid().ToString("N"));

    private string LogDirectory => Path.Combine(_directory, "log");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task WriteLogAsync(params byte[][] packets)
    {
        await using Hj212Log log = Hj212Log.Open(LogDirectory);
        foreach (byte[] packet in packets)
        {
            await log.AppendAsync(packet, new DateTime(2025, 1, 1, 1, 0, 0, DateTimeKind.Utc));
        }
    }

    private static byte[] Packet(string cn, DateTime time, string field, string value) =>
        new Hj212PacketBuilder("31", cn, "123456", Mn).SetQn("20250101090000000").SetFlag(4)
            .AddDataTime(new DateTimeOffset(time, TimeSpan.FromHours(8))).EndItem()
            .AddField(field, value).AddField("a00000-Flag", "N").EndItem()
            .BuildUtf8();

    private static byte[] MinuteCou(int minute, string cubicMetres = "30000") => Packet("2051", new DateTime(2025, 1, 1, 9, 0, 0).AddMinutes(minute), "a00000-Cou", cubicMetres);

    private async Task<(double[] Flows, Hj212RollResult Roll)> RollAsync(Hj212RollOptions options)
    {
        var sink = new MemorySink();
        Hj212RollResult roll = await Hj212LogRoller.RollAsync(LogDirectory, sink, options);
        CemsRecords rows = Assert.Single(sink.Partitions).Rows;
        return (rows.Values(CemsChannel.Flow).ToArray(), roll);
    }

    [Fact]
    public async Task MinuteCou_WithoutAvg_IsDividedByTheSpacingOfTheDataTimes()
    {
        // MinInterval 10: 30 000 m³ in 10 minutes is 180 000 m³/h (the one-minute reading gave 1 800 000).
        await WriteLogAsync(MinuteCou(0), MinuteCou(10), MinuteCou(20));

        (double[] flows, Hj212RollResult roll) = await RollAsync(new Hj212RollOptions());

        Assert.Equal([180_000, 180_000, 180_000], flows);
        Assert.Equal(0, roll.FlowIntervalsUnknown);
    }

    [Fact]
    public async Task MinuteCou_SpacingIsTheNearerNeighbour_SoALostPacketDoesNotHalveTheFlow()
    {
        // 09:20 was lost: 09:30's gap before it is 20 minutes, after it 10.
        await WriteLogAsync(MinuteCou(0), MinuteCou(10), MinuteCou(30), MinuteCou(40));

        (double[] flows, _) = await RollAsync(new Hj212RollOptions());

        Assert.Equal([180_000, 180_000, 180_000, 180_000], flows);
    }

    [Fact]
    public async Task MinuteCou_TheConfiguredMinIntervalWinsOverTheSpacing()
    {
        await WriteLogAsync(MinuteCou(0), MinuteCou(5));
        var options = new Hj212RollOptions { MinuteIntervalByMn = new Dictionary<string, TimeSpan> { [Mn] = TimeSpan.FromMinutes(10) } };

        (double[] flows, _) = await RollAsync(options);

        Assert.Equal([180_000, 180_000], flows);
    }

    [Fact]
    public async Task MinuteCou_AloneAndUnconfigured_IsUnknownAndCounted()
    {
        await WriteLogAsync(MinuteCou(0));

        (double[] flows, Hj212RollResult roll) = await RollAsync(new Hj212RollOptions());

        Assert.True(double.IsNaN(Assert.Single(flows)));
        Assert.Equal(1, roll.FlowIntervalsUnknown);
    }

    [Fact]
    public async Task HourCou_IsTheHoursVolume()
    {
        // The references' synthetic hourly packet: a00000-Cou=180000 m³ in the hour.
        await WriteLogAsync(Packet("2061", new DateTime(2025, 1, 1, 9, 0, 0), "a00000-Cou", "180000"));

        (double[] flows, _) = await RollAsync(new Hj212RollOptions());

        Assert.Equal([180_000], flows);
    }

    [Fact]
    public async Task Flow_OutsideTheOutletsRange_IsAWarningWithOutletAndTime_AndM3PerHourAsM3PerSecondIsNamed()
    {
        // 180 000 sent as a00000-Avg, which HJ 212 specifies in m³/s: written as 648 000 000 m³/h.
        await WriteLogAsync(
            Packet("2061", new DateTime(2025, 1, 1, 9, 0, 0), "a00000-Avg", "180000"),
            Packet("2061", new DateTime(2025, 1, 1, 10, 0, 0), "a00000-Cou", "600000"),
            Packet("2061", new DateTime(2025, 1, 1, 11, 0, 0), "a00000-Avg", "50"));
        var options = new Hj212RollOptions
        {
            FlowRangeByOutlet = new Dictionary<string, FlowRange> { [Mn] = new(VolumeFlow.FromCubicMetersPerHour(10_000), VolumeFlow.FromCubicMetersPerHour(500_000)) },
        };

        (double[] flows, Hj212RollResult roll) = await RollAsync(options);

        Assert.Equal([648_000_000, 600_000, 180_000], flows); // warnings never change a value
        Assert.Equal(
        [
            $"Outlet '{Mn}', cems_hourly 2025-01-01 09:00: flow 648000000 m³/h is outside the plausible range 10000 to 500000 m³/h set for the outlet. It is 3 600 times a plausible flow: the logger likely sent m³/h where HJ 212-2017 Table B.2 specifies m³/s for a00000-Avg.",
            $"Outlet '{Mn}', cems_hourly 2025-01-01 10:00: flow 600000 m³/h is outside the plausible range 10000 to 500000 m³/h set for the outlet.",
        ], roll.FlowWarnings);
    }

    [Fact]
    public async Task Options_IntervalOutOfRange_IsRefusedNamingTheMn()
    {
        var options = new Hj212RollOptions { MinuteIntervalByMn = new Dictionary<string, TimeSpan> { [Mn] = TimeSpan.FromSeconds(30) } };

        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => Hj212LogRoller.RollAsync(LogDirectory, new MemorySink(), options));

        Assert.StartsWith($"The minute interval of MN '{Mn}' is 00:00:30; expected whole minutes from 1 to 60.", error.Message, StringComparison.Ordinal);
    }
}
