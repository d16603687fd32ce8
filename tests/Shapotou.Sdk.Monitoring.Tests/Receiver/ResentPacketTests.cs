using System.Globalization;
using System.Text;
using Shapotou.Sdk.Monitoring.Aggregation;
using Shapotou.Sdk.Monitoring.Hj212;
using Shapotou.Sdk.Monitoring.Receiver;

namespace Shapotou.Sdk.Monitoring.Tests.Receiver;

/// <summary>
/// A logger's packet sent again — as is (no answer came) or with a new QN — is one record, never two rows: the receiver
/// does not store it twice, and the roller tables the first copy of a log that holds several.
/// </summary>
public sealed class ResentPacketTests : IDisposable
{
    /// <summary>A published minute packet (CN 2051) of a real logger, with SO₂ (a21026) 6 mg/m³ (chenqi92/alltobs-hj212, README).</summary>
    private const string Published = "##0411QN=20220513162608370;ST=22;CN=2051;PW=123456;MN=JLYP01_AIR01_0001;Flag=4;CP=&&DataTime=20220513162600;a21004-Avg=4,a21004-Flag=N;a05024-Avg=63,a05024-Flag=N;a21026-Avg=6,a21026-Flag=N;a21005-Avg=0.427,a21005-Flag=N;a34004-Avg=14,a34004-Flag=N;a34002-Avg=31,a34002-Flag=N;a01007-Avg=1,a01007-Flag=N;a01008-Avg=11,a01008-Flag=N;a01001-Avg=17,a01001-Flag=N;a01002-Avg=85,a01002-Flag=N;a01006-Avg=95,a01006-Flag=N&&D641";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hj212-resent-" + Guid.NewGuid().ToString("N"));

    private string LogDirectory => Path.Combine(_directory, "log");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Packets_ThePublishedOneAndItsReSendWithANewQn_AreValidAndOneKey()
    {
        Hj212Packet first = Hj212Packet.Parse(Published + "\r\n").Packet!;
        Hj212Packet again = Hj212Packet.Parse(WithNewQn(Published) + "\r\n").Packet!;

        Assert.Equal(("2051", "JLYP01_AIR01_0001"), (first.Cn, first.Mn));
        Assert.NotEqual(first.Qn, again.Qn);
        Assert.Equal(first.DataTime, again.DataTime);
    }

    [Fact]
    public async Task Receiver_APacketSentThreeTimes_StoresItOnceAndTheRollTablesOneRow()
    {
        await using Hj212Receiver receiver = Hj212Receiver.Start(new Hj212ReceiverOptions(LogDirectory));
        using var logger = new ReceiverClient(receiver);
        foreach (string packet in new[] { Published, Published, WithNewQn(Published) })
        {
            await logger.SendAsync(Encoding.ASCII.GetBytes(packet + "\r\n"));
        }

        // Flag=4 asks for no answer: wait until the receiver has taken all three.
        Hj212ReceiverStatistics stats = receiver.GetStatistics();
        for (int i = 0; i < 200 && stats.Logged + stats.Duplicates < 3; i++)
        {
            await Task.Delay(50);
            stats = receiver.GetStatistics();
        }

        Assert.Equal((1L, 2L), (stats.Logged, stats.Duplicates));

        var sink = new MemorySink();
        Hj212RollResult roll = await Hj212LogRoller.RollAsync(LogDirectory, sink, throughSegment: await receiver.SealAsync());
        Assert.Equal((1L, 1L, 0L), (roll.Records, roll.MinuteRows, roll.Duplicates));
        Assert.Equal(6, Assert.Single(sink.Partitions).Rows.Values(CemsChannel.So2).Span[0]);
    }

    [Fact]
    public async Task Roller_ALogHoldingReSentCopies_TablesTheFirstAndCountsTheOthers()
    {
        // A log in which a re-send was stored (by a receiver without duplicate memory, or one restarted past its window).
        await using (Hj212Log log = Hj212Log.Open(LogDirectory))
        {
            foreach (string packet in new[] { Published, Published, WithNewQn(Published) })
            {
                await log.AppendAsync(Encoding.ASCII.GetBytes(packet + "\r\n"), new DateTime(2022, 5, 13, 8, 27, 0, DateTimeKind.Utc));
            }

            await log.SealAsync();
        }

        var sink = new MemorySink();
        Hj212RollResult roll = await Hj212LogRoller.RollAsync(LogDirectory, sink);

        Assert.Equal((3L, 1L, 2L, 0L), (roll.Records, roll.MinuteRows, roll.Duplicates, roll.Conflicts));
        CemsPartition partition = Assert.Single(sink.Partitions);
        Assert.Equal(("JLYP01_AIR01_0001", new DateTime(2022, 5, 13, 16, 26, 0)), (partition.Rows.OutletIds[0], partition.Rows.Starts.Span[0]));
        Assert.Equal(6, partition.Rows.Values(CemsChannel.So2).Span[0]);
    }

    [Fact]
    public async Task Roller_APacketReSentInALaterRoll_IsADuplicateNotASecondRow()
    {
        var sink = new MemorySink();
        await AppendAndSealAsync(Published);
        Hj212RollResult first = await Hj212LogRoller.RollAsync(LogDirectory, sink);
        await AppendAndSealAsync(WithNewQn(Published), Published);
        Hj212RollResult second = await Hj212LogRoller.RollAsync(LogDirectory, sink);

        Assert.Equal((1L, 1L, 0L), (first.Records, first.MinuteRows, first.Duplicates));
        Assert.Equal((2L, 0L, 2L, 0L, 0L), (second.Records, second.MinuteRows, second.Duplicates, second.Conflicts, second.NotCheckedForResend));
        CemsPartition partition = Assert.Single(sink.Partitions);
        Assert.Equal(6, partition.Rows.Values(CemsChannel.So2).Span[0]);
        Assert.Equal($"keys-{Hj212LogRoller.LastRolledSegment(LogDirectory):D8}.keys", Path.GetFileName(Assert.Single(Directory.EnumerateFiles(LogDirectory, "keys-*"))));
    }

    [Fact]
    public async Task Roller_OtherDataForAKeyRolledBefore_IsAConflictNotASecondRow()
    {
        var sink = new MemorySink();
        await AppendAndSealAsync(Published);
        await Hj212LogRoller.RollAsync(LogDirectory, sink);
        await AppendAndSealAsync(With(Published, "a21026-Avg=6,", "a21026-Avg=7,"));
        Hj212RollResult second = await Hj212LogRoller.RollAsync(LogDirectory, sink);

        Assert.Equal((0L, 1L, 1L), (second.MinuteRows, second.Duplicates, second.Conflicts));
        Assert.Equal(6, Assert.Single(sink.Partitions).Rows.Values(CemsChannel.So2).Span[0]);
    }

    [Fact]
    public async Task Roller_AReSendOlderThanTheWindowBeforeItsMnsNewest_IsTabledAndCountedAsNotChecked()
    {
        // The MN's keys reach back one hour from its newest DataTime; a copy of a packet two hours older than that
        // newest one is past the memory: tabled again, and counted as possibly re-sent.
        var options = new Hj212RollOptions { DuplicateWindow = TimeSpan.FromHours(1) };
        var sink = new MemorySink();
        await AppendAndSealAsync(Published);
        await Hj212LogRoller.RollAsync(LogDirectory, sink, options);
        await AppendAndSealAsync(With(Published, "DataTime=20220513162600", "DataTime=20220513182600"));
        await Hj212LogRoller.RollAsync(LogDirectory, sink, options);
        await AppendAndSealAsync(Published);
        Hj212RollResult third = await Hj212LogRoller.RollAsync(LogDirectory, sink, options);

        Assert.Equal((1L, 0L, 1L), (third.MinuteRows, third.Duplicates, third.NotCheckedForResend));
        Assert.Equal(3, sink.Partitions.Count);
    }

    [Fact]
    public async Task Roller_AnMnBeyondTheRememberedLoggers_IsTabledAndCountedAsNotChecked()
    {
        var options = new Hj212RollOptions { MaxRememberedLoggers = 1 };
        var sink = new MemorySink();
        string other = With(Published, "MN=JLYP01_AIR01_0001", "MN=JLYP01_AIR01_0002");
        await AppendAndSealAsync(Published, other);
        Hj212RollResult first = await Hj212LogRoller.RollAsync(LogDirectory, sink, options);
        await AppendAndSealAsync(Published, other);
        Hj212RollResult second = await Hj212LogRoller.RollAsync(LogDirectory, sink, options);

        Assert.Equal((2L, 1L), (first.MinuteRows, first.NotCheckedForResend));
        Assert.Equal((1L, 1L, 1L), (second.MinuteRows, second.Duplicates, second.NotCheckedForResend));
    }

    /// <summary>Appends packets to the log as a receiver would store them, in a segment of their own, sealed.</summary>
    private async Task AppendAndSealAsync(params string[] packets)
    {
        await using Hj212Log log = Hj212Log.Open(LogDirectory);
        foreach (string packet in packets)
        {
            await log.AppendAsync(Encoding.ASCII.GetBytes(packet + "\r\n"), new DateTime(2022, 5, 13, 8, 27, 0, DateTimeKind.Utc));
        }

        await log.SealAsync();
    }

    /// <summary>The packet as a logger sends it again a minute later: a new QN, the CRC computed anew.</summary>
    private static string WithNewQn(string packet) => With(packet, "QN=20220513162608370", "QN=20220513162708370");

    /// <summary>The packet with one text replaced in its data segment, the CRC computed anew (the length is unchanged).</summary>
    private static string With(string packet, string from, string to)
    {
        Assert.Equal(from.Length, to.Length);
        string data = packet[6..^4];
        Assert.Contains(from, data, StringComparison.Ordinal);
        data = data.Replace(from, to, StringComparison.Ordinal);
        return packet[..6] + data + Hj212Crc.Compute(Encoding.ASCII.GetBytes(data)).ToString("X4", CultureInfo.InvariantCulture);
    }
}
