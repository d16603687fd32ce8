using System.Text;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Monitoring.Aggregation;
using Shapotou.Sdk.Monitoring.Hj212;
using Shapotou.Sdk.Monitoring.Receiver;

namespace Shapotou.Sdk.Monitoring.Tests.Receiver;

/// <summary>The receiver end to end over loopback, kept short for CI: tens of loggers, minutes of data.</summary>
public sealed class ReceiverTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hj212-receiver-" + Guid.NewGuid().ToString("N"));

    private string LogDirectory => Path.Combine(_directory, "log");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private Hj212Receiver Start(IReadOnlyDictionary<string, string>? outlets = null) =>
        Hj212Receiver.Start(new Hj212ReceiverOptions(LogDirectory) { OutletByMn = outlets });

    private static byte[] Minute(string mn, DateTime minute, int flag = 5, double so2 = 25.3, string qn = "20250101090000000", (int Pnum, int Pno)? split = null, bool withSo2 = true, bool withNox = true)
    {
        var builder = new Hj212PacketBuilder("31", "2051", "123456", mn).SetQn(qn).SetFlag(flag);
        if (split is { } s)
        {
            builder.SetSplit(s.Pnum, s.Pno);
        }

        if (split is null or { Pno: 1 })
        {
            builder.AddDataTime(new DateTimeOffset(minute, TimeSpan.FromHours(8))).EndItem();
        }

        if (withSo2)
        {
            builder.AddField("a21026-Avg", so2, 1).AddField("a21026-Flag", "N").EndItem();
        }

        if (withNox)
        {
            builder.AddField("a21002-Avg", "40.2").AddField("a21002-Flag", "C").EndItem();
        }

        return builder.AddField("a00000-Avg", "50.0").EndItem().BuildUtf8();
    }

    [Fact]
    public async Task Receive_20LoggersFiveMinutes_EveryPacketStoredOnceAnsweredAndRolled()
    {
        await using Hj212Receiver receiver = Start();
        var options = new Hj212SimulationOptions(receiver.LocalEndPoint) { Loggers = 20, Minutes = 5, Start = new DateTime(2025, 1, 1, 9, 0, 0) };

        Hj212SimulationResult result = await Hj212LoggerSimulator.RunAsync(options);

        Assert.Equal((100L, 100L, 0L), (result.Packets, result.Acknowledged, result.Resent));
        Hj212ReceiverStatistics stats = receiver.GetStatistics();
        Assert.Equal((100L, 100L, 0L, 0L, 100L), (stats.Received, stats.Logged, stats.Duplicates, stats.Rejected, stats.Answers));
        Assert.InRange(stats.Commits, 1, 100);

        long sealedThrough = await receiver.SealAsync();
        var sink = new MemorySink();
        Hj212RollResult roll = await Hj212LogRoller.RollAsync(LogDirectory, sink, throughSegment: sealedThrough);
        Assert.Equal((100L, 100L, 0L, 0L, 20L), (roll.Records, roll.MinuteRows, roll.HourRows, roll.Duplicates, roll.Partitions));
        Assert.Equal(100, sink.Partitions.Sum(p => p.Rows.RowCount));

        // The rolled values are those the logger sent: minute 09:02 of logger 3.
        (string _, byte[] packet) = Hj212LoggerSimulator.Packets(3, options).ElementAt(2);
        Hj212Packet sent = Hj212Packet.Parse(packet).Packet!;
        CemsPartition partition = sink.Partitions.Single(p => p.OutletId == Hj212LoggerSimulator.Mn(3));
        Assert.Equal((CemsInterval.Minute, new DateOnly(2025, 1, 1)), (partition.Interval, partition.Day));
        Assert.Equal(new DateTime(2025, 1, 1, 9, 2, 0), partition.Rows.Starts.Span[2]);
        Assert.True(sent.TryGetField("a21026-Avg", out Hj212Field so2));
        Assert.Equal(so2.Number, partition.Rows.Values(CemsChannel.So2).Span[2]);
        Assert.True(sent.TryGetField("a00000-Avg", out Hj212Field flow));
        Assert.Equal(flow.Number * 3600, partition.Rows.Values(CemsChannel.Flow).Span[2]);

        // Rolling again finds nothing new.
        Assert.Equal(0, (await Hj212LogRoller.RollAsync(LogDirectory, new MemorySink(), throughSegment: sealedThrough)).Segments);
    }

    [Fact]
    public async Task Answers_FollowTheFlagBits_AndDuplicatesAreAnsweredButStoredOnce()
    {
        await using Hj212Receiver receiver = Start();
        using var client = new ReceiverClient(receiver);
        string mn = Hj212LoggerSimulator.Mn(1);
        var minute = new DateTime(2025, 1, 1, 9, 0, 0);

        // Flag 5: answer required → 9014 with the same QN, ST 91, MN and PW echoed.
        await client.SendAsync(Minute(mn, minute));
        Hj212Packet answer = Hj212Packet.Parse(await client.ReadLineAsync()).Packet!;
        Assert.Equal(("9014", "91", "20250101090000000", mn, "123456", 4), (answer.Cn, answer.St, answer.Qn, answer.Mn, answer.Pw, answer.Flag));

        // The same packet again: answered, counted as a duplicate, not stored again.
        await client.SendAsync(Minute(mn, minute));
        Assert.Equal("9014", Hj212Packet.Parse(await client.ReadLineAsync()).Packet!.Cn);

        // Flag 4: no answer asked, none sent; a CRC error with bit A: 9011 QnRtn 9.
        await client.SendAsync(Minute(mn, minute.AddMinutes(1), flag: 4));
        byte[] bad = Minute(mn, minute.AddMinutes(2), qn: "20250101090200000");
        bad[^3] = bad[^3] == (byte)'0' ? (byte)'1' : (byte)'0';
        await client.SendAsync(bad);
        Hj212Packet crc = Hj212Packet.Parse(await client.ReadLineAsync()).Packet!;
        Assert.Equal(("9011", "20250101090200000"), (crc.Cn, crc.Qn));
        Assert.True(crc.TryGetField("QnRtn", out Hj212Field qnRtn));
        Assert.Equal("9", qnRtn.Value);

        Hj212ReceiverStatistics stats = receiver.GetStatistics();
        Assert.Equal((4L, 2L, 1L, 1L, 1L, 3L), (stats.Received, stats.Logged, stats.Duplicates, stats.Rejected, stats.RejectedCrc, stats.Answers));
    }

    [Fact]
    public async Task UnknownMn_WithAnOutletMap_IsRefusedWithQnRtn4AndNotStored()
    {
        string known = Hj212LoggerSimulator.Mn(1);
        await using Hj212Receiver receiver = Start(new Dictionary<string, string> { [known] = "DA001" });
        using var client = new ReceiverClient(receiver);
        await client.SendAsync(Minute(Hj212LoggerSimulator.Mn(2), new DateTime(2025, 1, 1, 9, 0, 0)));
        Hj212Packet answer = Hj212Packet.Parse(await client.ReadLineAsync()).Packet!;
        Assert.Equal("9011", answer.Cn);
        Assert.True(answer.TryGetField("QnRtn", out Hj212Field qnRtn));
        Assert.Equal("4", qnRtn.Value);

        await client.SendAsync(Minute(known, new DateTime(2025, 1, 1, 9, 0, 0)));
        Assert.Equal("9014", Hj212Packet.Parse(await client.ReadLineAsync()).Packet!.Cn);
        Assert.Equal((1L, 1L), (receiver.GetStatistics().UnknownMn, receiver.GetStatistics().Logged));

        long through = await receiver.SealAsync();
        var sink = new MemorySink();
        await Hj212LogRoller.RollAsync(LogDirectory, sink, new Dictionary<string, string> { [known] = "DA001" }, through);
        Assert.Equal("DA001", Assert.Single(sink.Partitions).OutletId);
    }

    [Fact]
    public async Task SplitPackets_AreJoinedWhenRolled_EvenAcrossSegmentsAndRolls()
    {
        await using Hj212Receiver receiver = Start();
        using var client = new ReceiverClient(receiver);
        string mn = Hj212LoggerSimulator.Mn(1);
        var minute = new DateTime(2025, 1, 1, 9, 5, 0);
        byte[] part1 = Minute(mn, minute, flag: 7, qn: "20250101090500000", split: (2, 1), withNox: false);
        byte[] part2 = Minute(mn, minute, flag: 7, qn: "20250101090500000", split: (2, 2), withSo2: false);

        await client.SendAsync(part1);
        Assert.Equal("9014", Hj212Packet.Parse(await client.ReadLineAsync()).Packet!.Cn);
        var sink = new MemorySink();
        Hj212RollResult first = await Hj212LogRoller.RollAsync(LogDirectory, sink, throughSegment: await receiver.SealAsync());
        Assert.Equal((1L, 0L, 1L), (first.Records, first.MinuteRows, first.SplitPartsPending));
        Assert.Empty(sink.Partitions);

        await client.SendAsync(part2);
        Assert.Equal("9014", Hj212Packet.Parse(await client.ReadLineAsync()).Packet!.Cn);
        Hj212RollResult second = await Hj212LogRoller.RollAsync(LogDirectory, sink, throughSegment: await receiver.SealAsync());
        Assert.Equal((2L, 1L, 0L), (second.Records, second.MinuteRows, second.SplitPartsPending));
        CemsRecords rows = Assert.Single(sink.Partitions).Rows;
        Assert.Equal(minute, rows.Starts.Span[0]);
        Assert.Equal(25.3, rows.Values(CemsChannel.So2).Span[0]);
        Assert.Equal(40.2, rows.Values(CemsChannel.Nox).Span[0]);
        Assert.Equal(DataFlag.C, rows.ChannelFlag(CemsChannel.Nox, 0));
        Assert.Equal(DataFlag.N, rows.ChannelFlag(CemsChannel.So2, 0));
    }

    [Fact]
    public async Task Restart_AfterATornWrite_KeepsEveryAcknowledgedPacketAndStillDetectsDuplicates()
    {
        var options = new Hj212SimulationOptions(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0)) { Loggers = 5, Minutes = 10 };
        await using (Hj212Receiver first = Start())
        {
            Hj212SimulationResult sent = await Hj212LoggerSimulator.RunAsync(options with { Server = first.LocalEndPoint });
            Assert.Equal(50, sent.Acknowledged);
        }

        // A crash mid-write leaves half a record at the end of the last segment.
        (long _, string last) = Hj212Log.Segments(LogDirectory)[^1];
        await File.AppendAllTextAsync(last, "\u0040\u0001\u0000\u0000garbage");

        await using Hj212Receiver second = Start();
        // The loggers send everything again, as after a lost connection: all duplicates.
        Hj212SimulationResult again = await Hj212LoggerSimulator.RunAsync(options with { Server = second.LocalEndPoint });
        Assert.Equal(50, again.Acknowledged);
        Assert.Equal((50L, 0L), (second.GetStatistics().Duplicates, second.GetStatistics().Logged));

        var sink = new MemorySink();
        Hj212RollResult roll = await Hj212LogRoller.RollAsync(LogDirectory, sink, throughSegment: await second.SealAsync());
        Assert.Equal((50L, 50L, 0L), (roll.Records, roll.MinuteRows, roll.Duplicates));
    }

    [Fact]
    public async Task MalformedFlood_IsCountedAndAnswered_WhileLoggersKeepDelivering()
    {
        // No rate cap here (ReceiverLimitsTests has its own): every junk line is read before its sender closes.
        await using Hj212Receiver receiver = Hj212Receiver.Start(new Hj212ReceiverOptions(LogDirectory) { MaxPacketsPerSecond = 1_000_000 });
        var options = new Hj212SimulationOptions(receiver.LocalEndPoint) { Loggers = 10, Minutes = 10, MalformedShare = 0.5, Seed = 3 };
        Task<Hj212SimulationResult> loggers = Hj212LoggerSimulator.RunAsync(options);

        // Meanwhile: noise, cut frames, an oversized frame and random bytes from other connections.
        var random = new Random(5);
        Task[] flood = Enumerable.Range(0, 4).Select(async c =>
        {
            using var client = new ReceiverClient(receiver);
            for (int i = 0; i < 250; i++)
            {
                byte[] junk = new byte[random.Next(1, 200)];
                random.NextBytes(junk);
                junk = [.. junk.Select(b => b == (byte)'\n' ? (byte)'x' : b), (byte)'\n'];
                await client.SendAsync(junk);
            }

            await client.SendAsync([.. Encoding.ASCII.GetBytes("##1024"), .. new byte[5000], (byte)'\r', (byte)'\n']);
        }).ToArray();
        await Task.WhenAll(flood);
        Hj212SimulationResult result = await loggers;

        Assert.Equal(100, result.Acknowledged);
        Assert.True(result.Malformed > 20);
        Hj212ReceiverStatistics stats = receiver.GetStatistics();
        Assert.Equal(100, stats.Logged);
        Assert.True(stats.Rejected >= 1000 + result.Malformed, $"rejected {stats.Rejected}");
    }

    [Fact]
    public async Task FrameCutByTheEndOfTheConnection_IsCountedRejectedAndNotStored()
    {
        await using Hj212Receiver receiver = Start();
        byte[] packet = Minute(Hj212LoggerSimulator.Mn(1), new DateTime(2025, 1, 1, 9, 0, 0));
        using (var client = new ReceiverClient(receiver))
        {
            await client.SendAsync(packet.AsSpan(0, packet.Length - 10).ToArray());
        }

        // Wait on the receiver's own counters (a hang guard, not a time budget: a loaded machine only waits longer).
        await ReceiverClient.WaitUntilAsync(receiver, s => s.Rejected >= 1);

        Hj212ReceiverStatistics stats = receiver.GetStatistics();
        Assert.Equal((1L, 1L, 0L, 0L), (stats.Received, stats.Rejected, stats.Logged, stats.Answers));
    }

    [Fact]
    public async Task Log_TornTail_IsCutAtTheLastWholeRecord()
    {
        string directory = Path.Combine(_directory, "torn");
        await using (Hj212Log log = Hj212Log.Open(directory))
        {
            await log.AppendAsync(Minute("A", new DateTime(2025, 1, 1)), new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            await log.AppendAsync(Minute("B", new DateTime(2025, 1, 1)), new DateTime(2025, 1, 1, 0, 0, 1, DateTimeKind.Utc));
        }

        string path = Hj212Log.Segments(directory)[0].Path;
        long whole = new FileInfo(path).Length;
        byte[] bytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, bytes.AsSpan(0, bytes.Length - 7).ToArray()); // the second record torn

        await using (Hj212Log reopened = Hj212Log.Open(directory))
        {
            Assert.Equal(2, reopened.ActiveSegment);
        }

        Hj212LogRecord record = Assert.Single(Hj212Log.Read(1, path));
        Assert.Equal(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), record.ReceivedUtc);
        Assert.True(new FileInfo(path).Length < whole);
    }

    [Fact]
    public void SimulationStart_MarkedUtc_IsRefused()
    {
        var server = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0);

        ArgumentException error = Assert.Throws<ArgumentException>(() => new Hj212SimulationOptions(server) { Start = new DateTime(2025, 1, 1, 1, 0, 0, DateTimeKind.Utc) });

        Assert.Equal("Start", error.ParamName);
        Assert.Equal(
            "The first minute is 2025-01-01 01:00:00 marked as UTC; expected China Standard Time wall clock, a time not marked with a zone (convert UTC by adding 8 hours). (Parameter 'Start')",
            error.Message);
        Assert.Equal(new DateTime(2025, 1, 1, 9, 0, 0), (new Hj212SimulationOptions(server) { Start = new DateTime(2025, 1, 1, 9, 0, 0) }).Start);
    }
}
