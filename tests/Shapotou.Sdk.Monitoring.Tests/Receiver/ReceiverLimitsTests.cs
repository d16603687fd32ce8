using System.Text;
using Microsoft.Extensions.Time.Testing;
using Shapotou.Sdk.Monitoring.Hj212;
using Shapotou.Sdk.Monitoring.Receiver;

namespace Shapotou.Sdk.Monitoring.Tests.Receiver;

/// <summary>No sender can stall the receiver: idle and read timeouts, connection caps in total and per address, a
/// packet-rate cap. Time is the receiver's <see cref="FakeTimeProvider"/>, moved by the tests; waits are on the
/// receiver's own statistics, with hang guards only.</summary>
public sealed class ReceiverLimitsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hj212-limits-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 1, 1, 1, 0, 0, TimeSpan.Zero));

    private string LogDirectory => Path.Combine(_directory, "log");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static byte[] Minute(string mn, int minute) =>
        ReceiverSecurityTests.Minute(mn, "123456", new DateTime(2025, 1, 1, 9, 0, 0).AddMinutes(minute), qn: "2025010109" + minute.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + "00000");

    [Theory]
    [InlineData("MaxConnections", "Option MaxConnections is 0; expected at least 1.")] // no connection at all
    [InlineData("MaxConnectionsPerAddress", "Option MaxConnectionsPerAddress is 0; expected at least 1.")] // no address could connect
    [InlineData("MaxPacketsPerSecond", "Option MaxPacketsPerSecond is 0; expected at least 1.")] // nothing would ever be read
    [InlineData("MaxDuplicateKeysPerMn", "Option MaxDuplicateKeysPerMn is 0; expected at least 1.")] // no duplicate memory
    [InlineData("MaxLoggers", "Option MaxLoggers is 0; expected at least 1.")] // every MN refused
    [InlineData("MaxReportsPerMinute", "Option MaxReportsPerMinute is -1; expected at least 0.")] // 0 is allowed: no reports
    [InlineData("IdleTimeout", "Option IdleTimeout is 00:00:00; expected a positive time.")] // closes at once
    [InlineData("ReadTimeout", "Option ReadTimeout is -00:00:01; expected a positive time.")] // negative
    [InlineData("DuplicateWindow", "Option DuplicateWindow is 00:00:00; expected a positive time.")] // no window
    public void Start_ALimitOutOfRange_NamesTheOptionAndItsValue(string option, string message)
    {
        var options = new Hj212ReceiverOptions(LogDirectory);
        options = option switch
        {
            "MaxConnections" => options with { MaxConnections = 0 },
            "MaxConnectionsPerAddress" => options with { MaxConnectionsPerAddress = 0 },
            "MaxPacketsPerSecond" => options with { MaxPacketsPerSecond = 0 },
            "MaxDuplicateKeysPerMn" => options with { MaxDuplicateKeysPerMn = 0 },
            "MaxLoggers" => options with { MaxLoggers = 0 },
            "MaxReportsPerMinute" => options with { MaxReportsPerMinute = -1 },
            "IdleTimeout" => options with { IdleTimeout = TimeSpan.Zero },
            "ReadTimeout" => options with { ReadTimeout = TimeSpan.FromSeconds(-1) },
            _ => options with { DuplicateWindow = TimeSpan.Zero },
        };

        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => Hj212Receiver.Start(options));
        Assert.Equal(("options", message + " (Parameter 'options')" + Environment.NewLine + "Actual value was " + error.ActualValue + "."), (error.ParamName, error.Message));
        Assert.False(Directory.Exists(LogDirectory));
    }

    [Fact]
    public async Task IdleConnection_IsClosedAfterIdleTimeout_AndCounted()
    {
        await using Hj212Receiver receiver = Hj212Receiver.Start(new Hj212ReceiverOptions(LogDirectory) { TimeProvider = _clock, IdleTimeout = TimeSpan.FromMinutes(2) });
        using var idle = new ReceiverClient(receiver);
        await ReceiverClient.WaitUntilAsync(receiver, s => s.OpenConnections == 1);

        // Moving the receiver's clock past the idle timeout closes the connection, whenever its watchdog was armed.
        await ReceiverClient.WaitUntilAsync(receiver, s => s.OpenConnections == 0, () => _clock.Advance(TimeSpan.FromMinutes(2)));

        Assert.True(await idle.IsClosedByReceiverAsync());
        Hj212ReceiverStatistics stats = receiver.GetStatistics();
        Assert.Equal((1L, 0L, 1L, 0L), (stats.Connections, stats.OpenConnections, stats.IdleTimeouts, stats.ReadTimeouts));
    }

    [Fact]
    public async Task Slowloris_AFrameTrickledByteByByte_IsClosedAfterReadTimeout_ThoughNeverIdle()
    {
        await using Hj212Receiver receiver = Hj212Receiver.Start(new Hj212ReceiverOptions(LogDirectory)
        {
            TimeProvider = _clock,
            IdleTimeout = TimeSpan.FromHours(1),
            ReadTimeout = TimeSpan.FromSeconds(30),
        });
        using var slow = new ReceiverClient(receiver);
        byte[] packet = Minute("A1", 0);
        int sent = 0;

        // One byte every 10 s of the receiver's time: never idle for its hour, but the frame never ends in 30 s.
        await ReceiverClient.WaitUntilAsync(receiver, s => s.OpenConnections == 0 && s.Connections == 1, () =>
        {
            if (sent < packet.Length - 2)
            {
                slow.SendAsync([packet[sent++]]).GetAwaiter().GetResult();
            }

            _clock.Advance(TimeSpan.FromSeconds(10));
        });

        Hj212ReceiverStatistics stats = receiver.GetStatistics();
        Assert.Equal((1L, 0L, 0L, 0L), (stats.ReadTimeouts, stats.IdleTimeouts, stats.Logged, stats.Answers));
        Assert.True(sent < packet.Length - 2, "the frame was closed before its end");
    }

    [Fact]
    public async Task ConnectionsPerAddress_BeyondTheCap_AreClosedAtOnceAndCounted()
    {
        await using Hj212Receiver receiver = Hj212Receiver.Start(new Hj212ReceiverOptions(LogDirectory) { TimeProvider = _clock, MaxConnectionsPerAddress = 2 });
        using var first = new ReceiverClient(receiver);
        using var second = new ReceiverClient(receiver);
        await ReceiverClient.WaitUntilAsync(receiver, s => s.Connections == 2);
        using var third = new ReceiverClient(receiver);

        Assert.True(await third.IsClosedByReceiverAsync());
        Assert.Equal((2L, 1L), (receiver.GetStatistics().Connections, receiver.GetStatistics().RefusedConnections));

        // The first two still deliver.
        await first.SendAsync(Minute("A1", 0));
        Assert.Equal("9014", (await first.ReadAnswerAsync()).Cn);
    }

    [Fact]
    public async Task MaxConnections_ANewConnectionEvictsTheOldestIdleOne_NeverALoggerThatDelivered()
    {
        await using Hj212Receiver receiver = Hj212Receiver.Start(new Hj212ReceiverOptions(LogDirectory) { TimeProvider = _clock, MaxConnections = 3 });
        using var logger = new ReceiverClient(receiver);
        await logger.SendAsync(Minute("A1", 0));
        Assert.Equal("9014", (await logger.ReadAnswerAsync()).Cn);
        using var idle1 = new ReceiverClient(receiver);
        await ReceiverClient.WaitUntilAsync(receiver, s => s.Connections == 2);
        using var idle2 = new ReceiverClient(receiver);
        await ReceiverClient.WaitUntilAsync(receiver, s => s.Connections == 3);

        // A fourth connection: the receiver is full; the oldest connection without a packet makes room.
        using var newcomer = new ReceiverClient(receiver);
        Assert.True(await idle1.IsClosedByReceiverAsync());
        await newcomer.SendAsync(Minute("A2", 0));
        Assert.Equal("9014", (await newcomer.ReadAnswerAsync()).Cn);
        await logger.SendAsync(Minute("A1", 1));
        Assert.Equal("9014", (await logger.ReadAnswerAsync()).Cn);

        // Full again with two loggers that delivered and one idle: the next evicts the idle one.
        using var another = new ReceiverClient(receiver);
        Assert.True(await idle2.IsClosedByReceiverAsync());
        await another.SendAsync(Minute("A3", 0));
        Assert.Equal("9014", (await another.ReadAnswerAsync()).Cn);

        // Full of loggers that delivered: a further connection is refused, no logger is closed.
        using var refused = new ReceiverClient(receiver);
        Assert.True(await refused.IsClosedByReceiverAsync());
        await logger.SendAsync(Minute("A1", 2));
        Assert.Equal("9014", (await logger.ReadAnswerAsync()).Cn);

        Hj212ReceiverStatistics stats = receiver.GetStatistics();
        Assert.Equal((2L, 1L, 5L), (stats.EvictedConnections, stats.RefusedConnections, stats.Logged));
    }

    [Fact]
    public async Task PacketRate_AboveTheCap_IsSlowedDown_NotDropped()
    {
        await using Hj212Receiver receiver = Hj212Receiver.Start(new Hj212ReceiverOptions(LogDirectory) { TimeProvider = _clock, MaxPacketsPerSecond = 2 });
        using var client = new ReceiverClient(receiver);
        await client.SendAsync([.. Minute("A1", 0), .. Minute("A1", 1), .. Minute("A1", 2), .. Minute("A1", 3)]);

        // Two packets per second of the receiver's clock: two answered, then reading waits for the clock.
        Assert.Equal("9014", (await client.ReadAnswerAsync()).Cn);
        Assert.Equal("9014", (await client.ReadAnswerAsync()).Cn);
        await ReceiverClient.WaitUntilAsync(receiver, s => s.Throttled == 1);
        Assert.Equal(2L, receiver.GetStatistics().Logged);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("9014", (await client.ReadAnswerAsync()).Cn);
        Assert.Equal("9014", (await client.ReadAnswerAsync()).Cn);
        Hj212ReceiverStatistics stats = receiver.GetStatistics();
        Assert.Equal((4L, 4L, 1L), (stats.Received, stats.Logged, stats.Throttled));
    }

    [Fact]
    public async Task HalfPackets_OnManyConnections_HoldAtMostOneFrameEach_AndCloseAfterReadTimeout()
    {
        await using Hj212Receiver receiver = Hj212Receiver.Start(new Hj212ReceiverOptions(LogDirectory) { TimeProvider = _clock, ReadTimeout = TimeSpan.FromSeconds(30) });
        var clients = Enumerable.Range(0, 20).Select(_ => new ReceiverClient(receiver)).ToList();
        try
        {
            byte[] packet = Minute("A1", 0);
            foreach (ReceiverClient client in clients)
            {
                // Half a packet, and then a run of bytes longer than any frame without a line end.
                await client.SendAsync(packet.AsSpan(0, packet.Length / 2).ToArray());
                await client.SendAsync(Encoding.ASCII.GetBytes(new string('x', 4000)));
            }

            await ReceiverClient.WaitUntilAsync(receiver, s => s.OpenConnections == 0 && s.Connections == 20, () => _clock.Advance(TimeSpan.FromSeconds(10)));
            Hj212ReceiverStatistics stats = receiver.GetStatistics();
            Assert.Equal((20L, 20L, 0L), (stats.ReadTimeouts, stats.Rejected, stats.Logged));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }
}
