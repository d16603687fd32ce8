using Shapotou.Sdk.Monitoring.Aggregation;
using Shapotou.Sdk.Monitoring.Hj212;
using Shapotou.Sdk.Monitoring.Receiver;

namespace Shapotou.Sdk.Monitoring.Tests.Receiver;

/// <summary>Duplicates by a rule no other sender can game: memory per MN over its DataTimes, conflicts kept and flagged.</summary>
public sealed class ReceiverDuplicateTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hj212-duplicates-" + Guid.NewGuid().ToString("N"));

    private string LogDirectory => Path.Combine(_directory, "log");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static byte[] Minute(string mn, int minute, string so2 = "25.3") =>
        ReceiverSecurityTests.Minute(mn, "123456", new DateTime(2025, 1, 1, 9, 0, 0).AddMinutes(minute), so2);

    [Fact]
    public async Task Flood_OfOtherSendersKeys_NeverEvictsALoggersKeys()
    {
        // A small per-MN memory, so that the flood exceeds it many times over.
        await using Hj212Receiver receiver = Hj212Receiver.Start(new Hj212ReceiverOptions(LogDirectory) { MaxDuplicateKeysPerMn = 4 });
        using var logger = new ReceiverClient(receiver);
        using var flood = new ReceiverClient(receiver);
        await logger.SendAsync(Minute("LOGGER1", 0));
        Assert.Equal("9014", (await logger.ReadAnswerAsync()).Cn);

        for (int i = 0; i < 300; i++)
        {
            await flood.SendAsync(Minute("FLOOD" + (i % 3), i)); // 100 distinct minutes each for three other MNs
        }

        for (int i = 0; i < 300; i++)
        {
            await flood.ReadAnswerAsync();
        }

        // The logger re-sends its packet (its answer was lost): still known, answered, not stored again.
        await logger.SendAsync(Minute("LOGGER1", 0));
        Assert.Equal("9014", (await logger.ReadAnswerAsync()).Cn);
        Hj212ReceiverStatistics stats = receiver.GetStatistics();
        Assert.Equal((301L, 1L, 0L), (stats.Logged, stats.Duplicates, stats.Conflicts));
    }

    [Fact]
    public async Task PerMnCap_ForgetsThatMnsOldestDataTimesFirst()
    {
        await using Hj212Receiver receiver = Hj212Receiver.Start(new Hj212ReceiverOptions(LogDirectory) { MaxDuplicateKeysPerMn = 2 });
        using var logger = new ReceiverClient(receiver);
        foreach (int minute in new[] { 5, 0, 6, 6, 0 })
        {
            await logger.SendAsync(Minute("LOGGER1", minute));
            await logger.ReadAnswerAsync();
        }

        // 5 and 0 are remembered; 6 pushes out 0 (the oldest DataTime); the second 6 is a duplicate; 0 again is older
        // than every remembered key and is stored again — the cap's documented limit.
        Hj212ReceiverStatistics stats = receiver.GetStatistics();
        Assert.Equal((4L, 1L), (stats.Logged, stats.Duplicates));
    }

    [Fact]
    public async Task Window_APacketOlderThanTheMnsWindow_IsStoredAndCounted()
    {
        await using Hj212Receiver receiver = Hj212Receiver.Start(new Hj212ReceiverOptions(LogDirectory) { DuplicateWindow = TimeSpan.FromHours(1) });
        using var logger = new ReceiverClient(receiver);
        foreach (int minute in new[] { 0, 120, 0, 61 })
        {
            await logger.SendAsync(Minute("LOGGER1", minute));
            await logger.ReadAnswerAsync();
        }

        // Minute 120 moves the window to 60..120: minute 0 is forgotten and, sent again, lies outside it.
        Hj212ReceiverStatistics stats = receiver.GetStatistics();
        Assert.Equal((4L, 0L, 1L), (stats.Logged, stats.Duplicates, stats.OutsideDuplicateWindow));
    }

    [Fact]
    public async Task Conflict_TwoPayloadsForOneKey_AreBothKeptInTheLogAndFlagged_AndReSendsOfEitherAreNotStoredAgain()
    {
        var reports = new List<string>();
        await using Hj212Receiver receiver = Hj212Receiver.Start(new Hj212ReceiverOptions(LogDirectory) { Report = reports.Add });
        using var logger = new ReceiverClient(receiver);
        foreach (string so2 in new[] { "25.3", "31.0", "25.3", "31.0" })
        {
            await logger.SendAsync(Minute("LOGGER1", 0, so2));
            Assert.Equal("9014", (await logger.ReadAnswerAsync()).Cn);
        }

        Hj212ReceiverStatistics stats = receiver.GetStatistics();
        Assert.Equal((2L, 2L, 1L), (stats.Logged, stats.Duplicates, stats.Conflicts));
        Assert.Equal("Stored a conflicting copy from 127.0.0.1: MN 'LOGGER1', CN 2051, DataTime 20250101090000 was stored before with other data; both are kept in the log.", Assert.Single(reports));

        long through = await receiver.SealAsync();
        string[] logged = Hj212Log.Segments(LogDirectory).Where(s => s.Number <= through)
            .SelectMany(s => Hj212Log.Read(s.Number, s.Path))
            .Select(r => Hj212Packet.Parse(r.Packet).Packet!.Fields.First(f => f.Name == "a21026-Avg").Value)
            .ToArray();
        Assert.Equal(["25.3", "31.0"], logged);

        var sink = new MemorySink();
        Hj212RollResult roll = await Hj212LogRoller.RollAsync(LogDirectory, sink, throughSegment: through);
        Assert.Equal((2L, 1L, 1L, 1L), (roll.Records, roll.MinuteRows, roll.Duplicates, roll.Conflicts));
        Assert.Equal(25.3, Assert.Single(sink.Partitions).Rows.Values(CemsChannel.So2).Span[0]);
    }

    [Fact]
    public async Task Restart_RebuildsEachMnsKeysAndConflicts_FromTheLog()
    {
        await using (Hj212Receiver first = Hj212Receiver.Start(new Hj212ReceiverOptions(LogDirectory)))
        {
            using var logger = new ReceiverClient(first);
            foreach (string so2 in new[] { "25.3", "31.0" })
            {
                await logger.SendAsync(Minute("LOGGER1", 0, so2));
                await logger.ReadAnswerAsync();
            }
        }

        await using Hj212Receiver second = Hj212Receiver.Start(new Hj212ReceiverOptions(LogDirectory));
        using var again = new ReceiverClient(second);
        foreach (string so2 in new[] { "31.0", "25.3", "40.0" })
        {
            await again.SendAsync(Minute("LOGGER1", 0, so2));
            await again.ReadAnswerAsync();
        }

        Hj212ReceiverStatistics stats = second.GetStatistics();
        Assert.Equal((1L, 2L, 1L), (stats.Logged, stats.Duplicates, stats.Conflicts));
    }
}
