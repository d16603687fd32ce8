using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Monitoring.Aggregation;
using Shapotou.Sdk.Parquet;

namespace Shapotou.Sdk.Assessment;

/// <summary>Where an assessment's data come from: a folder of contract tables, a dataset in memory, or the embedded default dataset.</summary>
/// <remarks>
/// <para>A folder holds <c>&lt;table&gt;.parquet</c> files or Hive-partitioned <c>&lt;table&gt;/</c> folders of the
/// contract's tables (docs/tables.md); a table it lacks is empty, and the figures that need it are unknown. A folder
/// that holds none of the contract's tables is refused. A folder with <c>cems_minute</c> and no <c>cems_hourly</c> has
/// its hours derived from the minutes by HJ 212-2017 Annex D and Annex C (<see cref="CemsAggregator.ToHourly"/>), in the
/// same pass that reads them; where it holds both, <c>cems_hourly</c> is used.</para>
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
    private readonly CemsAggregationOptions _minuteRules;

    private AssessmentSource(AssessmentSourceKind kind, ClusterDataset? dataset, string? folder, CemsAggregationOptions? minuteRules = null)
    {
        Kind = kind;
        _dataset = dataset;
        _folder = folder;
        _minuteRules = minuteRules ?? CemsAggregationOptions.Default;
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
    /// <param name="minuteRules">The rules that derive hours from <c>cems_minute</c> where the folder has no
    /// <c>cems_hourly</c>, above all the loggers' MinInterval; null for <see cref="CemsAggregationOptions.Default"/>
    /// (45 valid minutes, 75 %, a MinInterval of 1 min). The assumptions name the rules applied, and say when every row
    /// falls on a coarser grid than the MinInterval given.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static AssessmentSource FromFolder(string path, CemsAggregationOptions? minuteRules = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new AssessmentSource(AssessmentSourceKind.Folder, null, Path.GetFullPath(path), minuteRules);
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

    /// <summary>The contract tables a folder lacks, beside <c>cems_minute</c> (which only stands in for <c>cems_hourly</c>).</summary>
    private static string[] Absent(string folder) => s_tables.Where(t => !Exists(folder, t)).ToArray();

    private static bool Exists(string folder, string table) => File.Exists(Path.Combine(folder, table + ".parquet")) || Directory.Exists(Path.Combine(folder, table));

    /// <summary>
    /// Reads the source; <c>Absent</c> names the contract tables a folder lacks, <c>Notes</c> what the assumptions must
    /// say of the read. With <paramref name="streamCemsHourly"/>, a folder's <c>cems_hourly</c> (or the <c>cems_minute</c>
    /// its hours come from) is not read but returned as <c>Cems</c>, to be streamed.
    /// </summary>
    internal async Task<(ClusterDataset Dataset, IReadOnlyList<string> Absent, ICemsHourSource? Cems, IReadOnlyList<string> Notes)> LoadAsync(
        IProgress<AssessmentProgress>? progress, bool streamCemsHourly, CancellationToken cancellationToken)
    {
        switch (Kind)
        {
            case AssessmentSourceKind.Default:
                return (DefaultDataset.Instance, [], null, []);
            case AssessmentSourceKind.Dataset:
                return (_dataset!, [], null, []);
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

        string[] absent = Absent(folder);
        (bool facilityRows, bool outletRows, List<string> setAsideNotes) = Unattributable(folder, absent);
        bool minutes = outletRows && absent.Contains(ContractSchema.CemsHourly.Name) && Exists(folder, ContractSchema.CemsMinute.Name);
        if (absent.Length == s_tables.Length && !minutes)
        {
            throw new ShapotouDataException(
                $"Folder '{folder}' holds none of the contract's tables; expected at least one of {string.Join(", ", s_tables.Append(ContractSchema.CemsMinute.Name).Select(t => t + ".parquet"))} (or a <table>/ folder).");
        }

        if (minutes)
        {
            // The hours come from the minutes: cems_hourly is not missing.
            absent = [.. absent.Where(t => t != ContractSchema.CemsHourly.Name)];
            string minuteFile = Path.Combine(folder, ContractSchema.CemsMinute.Name + ".parquet");
            string minuteFolder = Path.Combine(folder, ContractSchema.CemsMinute.Name);
            if (File.Exists(minuteFile) && Directory.Exists(minuteFolder))
            {
                throw new ShapotouDataException($"Folder '{folder}' holds both cems_minute.parquet and a cems_minute/ folder; expected one of them.");
            }

            var minuteStream = new CemsMinuteStream(Directory.Exists(minuteFolder) ? minuteFolder : minuteFile, Directory.Exists(minuteFolder), _minuteRules);
            ClusterDataset dimensions = await ClusterDatasetParquet.ReadAsync(folder, illustrative: false, includeCemsHourly: false, absentReferences: true, cancellationToken).ConfigureAwait(false);
            if (streamCemsHourly)
            {
                return (dimensions, absent, minuteStream, setAsideNotes);
            }

            (CemsHourlyTable? hours, bool illustrative, IReadOnlyList<string> notes) = await minuteStream.ReadAllAsync(
                [.. dimensions.Outlets.Select(o => o.OutletId)], cancellationToken).ConfigureAwait(false);
            var whole = new ClusterDataset(dimensions.Name, dimensions.Illustrative || illustrative, dimensions.Enterprises, dimensions.Facilities,
                dimensions.TreatmentFacilities, dimensions.Outlets, dimensions.EnergyLedger, dimensions.SolidWasteLedger, dimensions.EmissionFactors, hours, dimensions.AbsentTables);
            return (whole, absent, null, [.. setAsideNotes, .. notes]);
        }

        progress?.Report(new AssessmentProgress(AssessmentStage.Reading, null, 0));
        string cemsFile = Path.Combine(folder, ContractSchema.CemsHourly.Name + ".parquet");
        string cemsFolder = Path.Combine(folder, ContractSchema.CemsHourly.Name);
        bool stream = streamCemsHourly && outletRows && !absent.Contains(ContractSchema.CemsHourly.Name) && !(File.Exists(cemsFile) && Directory.Exists(cemsFolder));
        ClusterDataset data = await ClusterDatasetParquet.ReadAsync(folder, illustrative: false, includeCemsHourly: !stream && outletRows, absentReferences: true, cancellationToken).ConfigureAwait(false);
        if (!facilityRows)
        {
            data = new ClusterDataset(data.Name, data.Illustrative, data.Enterprises, data.Facilities, [], [], [], data.SolidWasteLedger, data.EmissionFactors,
                cemsHourly: null, data.AbsentTables);
        }

        return (data, absent, stream ? new CemsHourlyStream(Directory.Exists(cemsFolder) ? cemsFolder : cemsFile, Directory.Exists(cemsFolder)) : null, setAsideNotes);
    }

    /// <summary>
    /// What a folder lacking a referenced table can still use: without <c>facilities</c>, no row of
    /// <c>treatment_facilities</c>, <c>outlets</c>, <c>energy_ledger</c> or the CEMS tables can be attributed to a facility
    /// or an enterprise; without <c>outlets</c>, no CEMS hour to an outlet. Such rows are set aside, and the notes say so.
    /// Without <c>enterprises</c>, the rows keep their enterprise ids, and what needs the enterprise itself (township,
    /// industry, output value) is unknown.
    /// </summary>
    private static (bool FacilityRows, bool OutletRows, List<string> Notes) Unattributable(string folder, string[] absent)
    {
        var notes = new List<string>();
        bool facilityRows = !absent.Contains(ContractSchema.Facilities.Name);
        bool outletRows = facilityRows && !absent.Contains(ContractSchema.Outlets.Name);
        string[] cems = [.. new[] { ContractSchema.CemsHourly.Name, ContractSchema.CemsMinute.Name }.Where(t => Exists(folder, t))];
        if (!facilityRows)
        {
            string[] unused = [.. new[] { ContractSchema.TreatmentFacilities.Name, ContractSchema.Outlets.Name, ContractSchema.EnergyLedger.Name }
                .Where(t => Exists(folder, t)).Concat(cems)];
            if (unused.Length > 0)
            {
                notes.Add($"Without table facilities, the rows of {string.Join(", ", unused)} cannot be attributed to a facility or an enterprise and are not used: the figures that need them are null or absent, never 0.");
            }
        }
        else if (!outletRows && cems.Length > 0)
        {
            notes.Add($"Without table outlets, the hours of {string.Join(", ", cems)} cannot be attributed to an outlet and are not used: the figures that need them are null or absent, never 0.");
        }

        if (absent.Contains(ContractSchema.Enterprises.Name))
        {
            notes.Add("Without table enterprises, facilities and the solid-waste ledger keep their enterprise ids, but each enterprise's township, industry and output value are unknown: the figures that need them (townships, the ferroalloy cluster, CO₂ per township) are null or absent, never 0.");
        }

        return (facilityRows, outletRows, notes);
    }
}

/// <summary>What an <see cref="AssessmentSource"/> is.</summary>
internal enum AssessmentSourceKind
{
    Default,
    Folder,
    Dataset,
}
