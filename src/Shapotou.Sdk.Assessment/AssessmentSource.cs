using Shapotou.Sdk.Model;
using Shapotou.Sdk.Parquet;

namespace Shapotou.Sdk.Assessment;

/// <summary>Where an assessment's data come from: a folder of contract tables, a dataset in memory, or the embedded default dataset.</summary>
/// <remarks>
/// <para>A folder holds <c>&lt;table&gt;.parquet</c> files or Hive-partitioned <c>&lt;table&gt;/</c> folders of the
/// contract's tables (docs/tables.md); a table it lacks is empty, and the figures that need it are unknown. A folder
/// that holds none of the contract's tables is refused.</para>
/// <para>This type is immutable and thread-safe; a folder is read each time an assessment runs over it.</para>
/// </remarks>
public sealed class AssessmentSource
{
    private static readonly string[] s_tables =
    [
        ContractSchema.Enterprises.Name, ContractSchema.Facilities.Name, ContractSchema.TreatmentFacilities.Name, ContractSchema.Outlets.Name,
        ContractSchema.EnergyLedger.Name, ContractSchema.SolidWasteLedger.Name, ContractSchema.EmissionFactors.Name, ContractSchema.CemsHourly.Name,
    ];

    private readonly ClusterDataset? _dataset;
    private readonly string? _folder;

    private AssessmentSource(AssessmentSourceKind kind, ClusterDataset? dataset, string? folder)
    {
        Kind = kind;
        _dataset = dataset;
        _folder = folder;
    }

    /// <summary>Gets the embedded default dataset (<see cref="DefaultDataset.Instance"/>): synthetic at facility level and
    /// calibrated to the plan's published figures, so the assessment also carries the plan's table 1-2.</summary>
    public static AssessmentSource Default { get; } = new(AssessmentSourceKind.Default, null, null);

    /// <summary>Gets what the source is.</summary>
    internal AssessmentSourceKind Kind { get; }

    /// <summary>Gets the source's name: <c>default</c>, the dataset's name or the folder's path.</summary>
    public string Name => Kind switch
    {
        AssessmentSourceKind.Default => "default",
        AssessmentSourceKind.Folder => _folder!,
        _ => _dataset!.Name,
    };

    /// <summary>A folder of contract tables.</summary>
    /// <param name="path">The folder.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static AssessmentSource FromFolder(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new AssessmentSource(AssessmentSourceKind.Folder, null, Path.GetFullPath(path));
    }

    /// <summary>A dataset in memory.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    public static AssessmentSource FromDataset(ClusterDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new AssessmentSource(AssessmentSourceKind.Dataset, dataset, null);
    }

    /// <summary>Reads every table of the source into memory, as the figures that need whole tables (the report's charts,
    /// scenarios) do.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="DirectoryNotFoundException">A folder source does not exist.</exception>
    /// <exception cref="ShapotouDataException">A table is bad, or the folder holds none of the contract's tables.</exception>
    public async Task<ClusterDataset> LoadDatasetAsync(CancellationToken cancellationToken = default) =>
        (await LoadAsync(null, streamCemsHourly: false, cancellationToken).ConfigureAwait(false)).Dataset;

    /// <summary>
    /// Reads the source; <c>Absent</c> names the contract tables a folder lacks. With <paramref name="streamCemsHourly"/>,
    /// a folder's <c>cems_hourly</c> is not read but returned as <c>Cems</c>, to be streamed.
    /// </summary>
    internal async Task<(ClusterDataset Dataset, IReadOnlyList<string> Absent, CemsHourlyStream? Cems)> LoadAsync(
        IProgress<AssessmentProgress>? progress, bool streamCemsHourly, CancellationToken cancellationToken)
    {
        switch (Kind)
        {
            case AssessmentSourceKind.Default:
                return (DefaultDataset.Instance, [], null);
            case AssessmentSourceKind.Dataset:
                return (_dataset!, [], null);
        }

        string folder = _folder!;
        if (File.Exists(folder))
        {
            throw new ShapotouDataException($"'{folder}' is a file; expected a folder of contract tables (<table>.parquet or <table>/).");
        }

        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Folder '{folder}' does not exist.");
        }

        string[] absent = s_tables.Where(t => !File.Exists(Path.Combine(folder, t + ".parquet")) && !Directory.Exists(Path.Combine(folder, t))).ToArray();
        if (absent.Length == s_tables.Length)
        {
            throw new ShapotouDataException(
                $"Folder '{folder}' holds none of the contract's tables; expected at least one of {string.Join(", ", s_tables.Select(t => t + ".parquet"))} (or a <table>/ folder).");
        }

        progress?.Report(new AssessmentProgress(AssessmentStage.Reading, null, 0));
        string cemsFile = Path.Combine(folder, ContractSchema.CemsHourly.Name + ".parquet");
        string cemsFolder = Path.Combine(folder, ContractSchema.CemsHourly.Name);
        bool stream = streamCemsHourly && !absent.Contains(ContractSchema.CemsHourly.Name) && !(File.Exists(cemsFile) && Directory.Exists(cemsFolder));
        ClusterDataset data = await ClusterDatasetParquet.ReadAsync(folder, illustrative: false, includeCemsHourly: !stream, cancellationToken).ConfigureAwait(false);
        return (data, absent, stream ? new CemsHourlyStream(Directory.Exists(cemsFolder) ? cemsFolder : cemsFile, Directory.Exists(cemsFolder)) : null);
    }
}

/// <summary>What an <see cref="AssessmentSource"/> is.</summary>
internal enum AssessmentSourceKind
{
    Default,
    Folder,
    Dataset,
}
