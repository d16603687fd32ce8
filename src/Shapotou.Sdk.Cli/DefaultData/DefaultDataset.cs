using Shapotou.Sdk.Cli.Assessment;
using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Cli.DefaultData;

/// <summary>The embedded default dataset, generated once per process on first use.</summary>
internal static class DefaultDataset
{
    private static readonly Lazy<ClusterDataset> s_instance =
        new(() => new DefaultDatasetGenerator(PlanFigures.LoadEmbedded()).Generate(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static ClusterDataset Instance => s_instance.Value;
}
