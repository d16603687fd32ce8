using Shapotou.Sdk.Monitoring.Receiver;

namespace Shapotou.Sdk.Monitoring.Tests.Receiver;

/// <summary>The simulator's progress: the acknowledged packets so far, never more than there are, the last report all of them.</summary>
public sealed class SimulatorProgressTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hj212-progress-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_WithProgress_ReportsAscendingCountsEndingAtEveryPacket()
    {
        await using Hj212Receiver receiver = Hj212Receiver.Start(new Hj212ReceiverOptions(_directory));
        var reports = new List<long>();
        var options = new Hj212SimulationOptions(receiver.LocalEndPoint)
        {
            Loggers = 3,
            Minutes = 120,
            Progress = new Collect(reports),
        };

        Hj212SimulationResult result = await Hj212LoggerSimulator.RunAsync(options);

        // 3 loggers × (120 minutes + 2 hours).
        Assert.Equal((366L, 366L), (result.Packets, result.Acknowledged));
        Assert.Equal(366L, reports[^1]);
        Assert.Equal(reports.Order(), reports);
    }

    /// <summary>Keeps every report, on the reporting thread.</summary>
    private sealed class Collect(List<long> reports) : IProgress<long>
    {
        public void Report(long value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
