using Shapotou.Sdk.Monitoring.Aggregation;
using Shapotou.Sdk.Monitoring.Receiver;

namespace Shapotou.Sdk.Monitoring.Tests.Receiver;

/// <summary>Roll failures never stop rolling: a partition that cannot be written is quarantined with its reason and
/// its records, the other partitions and the checkpoint go on, and later rolls write it once they can.</summary>
public sealed class RollQuarantineTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hj212-quarantine-" + Guid.NewGuid().ToString("N"));

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
        // A log as an earlier version of the receiver wrote it, before MNs were checked.
        await using Hj212Log log = Hj212Log.Open(LogDirectory);
        foreach (byte[] packet in packets)
        {
            await log.AppendAsync(packet, new DateTime(2025, 1, 1, 1, 0, 0, DateTimeKind.Utc));
        }
    }

    private static byte[] Minute(string mn, int minute = 0) =>
        ReceiverSecurityTests.Minute(mn, "123456", new DateTime(2025, 1, 1, 9, 0, 0).AddMinutes(minute));

    [Fact]
    public async Task OverlongMnInTheLog_IsQuarantined_TheOtherPartitionsAreWritten_AndAnOutletMapReleasesIt()
    {
        string longMn = new('A', 250);
        await WriteLogAsync(Minute(longMn), Minute("GOOD1"), Minute(longMn, 1));
        var sink = new MemorySink();

        Hj212RollResult first = await Hj212LogRoller.RollAsync(LogDirectory, sink);

        Assert.Equal((1, 3L, 2L, 1L, 1L), (first.Segments, first.MinuteRows, first.Partitions, first.Quarantined, first.QuarantinePending));
        Assert.Equal("GOOD1", Assert.Single(sink.Partitions).OutletId);
        string reason = "Partition cems_minute 2025-01-01 of outlet 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…' from log segment 1 (2 rows) is quarantined: its outlet id of 250 bytes is not 1 to 64 bytes without a control character, '/' or '\\'; register its MN with an outlet id.";
        Assert.Equal(reason, Assert.Single(first.QuarantineReasons));
        Assert.Equal([reason], Hj212LogRoller.QuarantinedPartitions(LogDirectory));
        Assert.Equal(1, Hj212LogRoller.LastRolledSegment(LogDirectory));

        // Still not writable: it stays, with nothing new rolled.
        Hj212RollResult second = await Hj212LogRoller.RollAsync(LogDirectory, sink);
        Assert.Equal((0, 0L, 0L, 1L), (second.Segments, second.QuarantineWritten, second.Quarantined, second.QuarantinePending));

        // Registered with an outlet id: written under it, from its original segment, and out of quarantine.
        Hj212RollResult third = await Hj212LogRoller.RollAsync(LogDirectory, sink, new Dictionary<string, string> { [longMn] = "DA009", ["GOOD1"] = "GOOD1" });
        Assert.Equal((1L, 0L), (third.QuarantineWritten, third.QuarantinePending));
        CemsPartition released = sink.Partitions[^1];
        Assert.Equal(("DA009", 1L, 2), (released.OutletId, released.Segment, released.Rows.RowCount));
        Assert.Empty(Hj212LogRoller.QuarantinedPartitions(LogDirectory));
    }

    [Fact]
    public async Task SinkThatCannotWrite_QuarantinesThatPartition_AndWritesItWhenItCanAgain()
    {
        await WriteLogAsync(Minute("GOOD1"), Minute("FULL1"));
        var sink = new MemorySink { Fail = p => p.OutletId == "FULL1" ? new IOException("No space left on device.") : null };

        Hj212RollResult first = await Hj212LogRoller.RollAsync(LogDirectory, sink);
        Assert.Equal((1L, 1L), (first.Quarantined, first.QuarantinePending));
        Assert.Equal("Partition cems_minute 2025-01-01 of outlet 'FULL1' from log segment 1 (1 rows) is quarantined: No space left on device.", Assert.Single(first.QuarantineReasons));
        Assert.Equal("GOOD1", Assert.Single(sink.Partitions).OutletId);

        sink.Fail = _ => null;
        Hj212RollResult second = await Hj212LogRoller.RollAsync(LogDirectory, sink);
        Assert.Equal((1L, 0L), (second.QuarantineWritten, second.QuarantinePending));
        Assert.Equal(("FULL1", 1L), (sink.Partitions[^1].OutletId, sink.Partitions[^1].Segment));
    }
}
