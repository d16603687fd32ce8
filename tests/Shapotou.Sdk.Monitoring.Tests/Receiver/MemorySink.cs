using Shapotou.Sdk.Monitoring.Receiver;

namespace Shapotou.Sdk.Monitoring.Tests.Receiver;

/// <summary>A partition sink that keeps what it is given, and fails the partitions <see cref="Fail"/> names.</summary>
internal sealed class MemorySink : ICemsPartitionSink
{
    public List<CemsPartition> Partitions { get; } = [];

    public Func<CemsPartition, Exception?> Fail { get; set; } = _ => null;

    public Task WriteAsync(CemsPartition partition, CancellationToken cancellationToken = default)
    {
        if (Fail(partition) is { } exception)
        {
            throw exception;
        }

        Partitions.Add(partition);
        return Task.CompletedTask;
    }
}
