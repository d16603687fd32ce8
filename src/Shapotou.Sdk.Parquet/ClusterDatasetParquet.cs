using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Parquet;

/// <summary>
/// Reads and writes a <see cref="ClusterDataset"/> as a folder of contract tables, one <c>&lt;table&gt;.parquet</c> each.
/// </summary>
/// <remarks>
/// <para>Writing puts every value in its column's default unit with the unit named in the file metadata; each file is
/// written atomically. Reading accepts any writer's physical types and the units a file names; a table file the folder
/// lacks is an empty table, a missing required column or a bad value is a <see cref="ShapotouDataException"/> naming
/// the file, column, row group and row.</para>
/// <para>A carrier column a ledger file lacks counts as zero (not reported); a null cell is unknown.</para>
/// </remarks>
public static class ClusterDatasetParquet
{
    /// <summary>The file-metadata key that marks a table of synthetic (illustrative) data, so that the mark survives a round trip.</summary>
    public const string IllustrativeKey = ContractTables.IllustrativeKey;

    /// <summary>Writes the dataset's tables into <paramref name="directory"/>, replacing files of the same names.</summary>
    /// <param name="data">The dataset.</param>
    /// <param name="directory">The folder; created when missing.</param>
    /// <param name="cancellationToken">Cancels the write; files already renamed into place stay complete.</param>
    /// <returns>The paths written, in table order.</returns>
    /// <remarks>Stale temporary files of the contract's tables in the folder (<c>.&lt;table&gt;.parquet.&lt;id&gt;.tmp</c>, left by a
    /// killed write) are deleted first; one an unfinished writer still holds open is kept.</remarks>
    public static async Task<IReadOnlyList<string>> WriteAsync(ClusterDataset data, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(directory);
        IReadOnlyList<TableBatch> tables = ContractTables.FromDataset(data);
        var paths = new List<string>(tables.Count);

        // Temporary files a killed earlier write left behind, of any contract table, whether written again or not.
        if (Directory.Exists(directory))
        {
            foreach (TableSpec spec in ContractSchema.Tables)
            {
                ParquetTableWriter.DeleteStaleTemporaries(Path.GetFullPath(directory), $"{spec.Name}.parquet");
            }
        }

        foreach (TableBatch table in tables)
        {
            string path = Path.Combine(directory, $"{table.Table.Name}.parquet");
            await ParquetTableWriter.WriteAsync(path, table.Data, cancellationToken).ConfigureAwait(false);
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>Reads a folder of contract tables as a dataset.</summary>
    /// <param name="directory">The folder holding <c>&lt;table&gt;.parquet</c> files or <c>&lt;table&gt;/</c> Hive-partitioned folders (see <see cref="HiveDataset"/>).</param>
    /// <param name="illustrative">Whether the data are synthetic; also true when any table file carries <see cref="IllustrativeKey"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The dataset, named after the folder.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="ShapotouDataException">A file or value is bad; the message names file, column, row group and row.</exception>
    public static Task<ClusterDataset> ReadAsync(string directory, bool illustrative = false, CancellationToken cancellationToken = default) =>
        ReadAsync(directory, illustrative, includeCemsHourly: true, cancellationToken);

    /// <summary>Reads a folder of contract tables, with or without <c>cems_hourly</c> (which the assessment streams).</summary>
    internal static Task<ClusterDataset> ReadAsync(string directory, bool illustrative, bool includeCemsHourly, CancellationToken cancellationToken) =>
        ReadAsync(directory, illustrative, includeCemsHourly, absentReferences: false, cancellationToken);

    /// <summary>Reads a folder of contract tables, with or without <c>cems_hourly</c>; with
    /// <paramref name="absentReferences"/>, references into a table the folder lacks altogether are not checked
    /// (<see cref="ClusterDataset.AbsentTables"/>), as the assessment of a partial folder needs.</summary>
    internal static async Task<ClusterDataset> ReadAsync(string directory, bool illustrative, bool includeCemsHourly, bool absentReferences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Folder '{directory}' does not exist.");
        }

        bool marked = false;
        async Task<IReadOnlyList<T>> Table<T>(TableSpec spec, Func<TableData, IReadOnlyList<T>> map)
        {
            string path = Path.Combine(directory, $"{spec.Name}.parquet");
            string folder = Path.Combine(directory, spec.Name);
            if (File.Exists(path) && Directory.Exists(folder))
            {
                throw new ShapotouDataException($"Folder '{directory}' has both '{spec.Name}.parquet' and '{spec.Name}/'; expected one of them.");
            }

            TableData table;
            if (Directory.Exists(folder))
            {
                table = (await HiveDataset.ReadAsync(folder, spec, null, cancellationToken).ConfigureAwait(false)).Data;
            }
            else if (File.Exists(path))
            {
                table = await ParquetTableReader.ReadAsync(path, spec, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                return [];
            }

            marked |= table.Metadata.TryGetValue(IllustrativeKey, out string? value) && value == "true";
            return map(table);
        }

        IReadOnlyList<Enterprise> enterprises = await Table(ContractSchema.Enterprises, ContractMapping.ToEnterprises).ConfigureAwait(false);
        IReadOnlyList<Facility> facilities = await Table(ContractSchema.Facilities, ContractMapping.ToFacilities).ConfigureAwait(false);
        IReadOnlyList<TreatmentFacility> treatment = await Table(ContractSchema.TreatmentFacilities, ContractMapping.ToTreatmentFacilities).ConfigureAwait(false);
        IReadOnlyList<Outlet> outlets = await Table(ContractSchema.Outlets, ContractMapping.ToOutlets).ConfigureAwait(false);
        // The ledgers are kept as their columns: at province scale, a record per row would be the largest part of the heap.
        IReadOnlyList<EnergyLedgerEntry> energy = await Table(ContractSchema.EnergyLedger, t => LedgerColumns<EnergyLedgerEntry>.From(t, ContractMapping.EnergyLedgerRow, LedgerReaders.EnergyLedger)).ConfigureAwait(false);
        IReadOnlyList<SolidWasteLedgerEntry> waste = await Table(ContractSchema.SolidWasteLedger, t => LedgerColumns<SolidWasteLedgerEntry>.From(t, ContractMapping.SolidWasteLedgerRow)).ConfigureAwait(false);
        IReadOnlyList<EmissionFactor> factors = await Table(ContractSchema.EmissionFactors, ContractMapping.ToEmissionFactors).ConfigureAwait(false);
        IReadOnlyList<CemsHourlyTable> cems = includeCemsHourly
            ? await Table(ContractSchema.CemsHourly, t => (IReadOnlyList<CemsHourlyTable>)[ContractMapping.ToCemsHourly(t)]).ConfigureAwait(false)
            : [];
        // A table the folder lacks altogether cannot resolve the references into it: for the assessment, they are not checked,
        // and what needs it is unknown (treatment_facilities: the design efficiency of a treatment chain).
        string[] absent = !absentReferences ? [] : [.. new[] { ContractSchema.Enterprises, ContractSchema.Facilities, ContractSchema.TreatmentFacilities, ContractSchema.Outlets }
            .Where(t => !File.Exists(Path.Combine(directory, $"{t.Name}.parquet")) && !Directory.Exists(Path.Combine(directory, t.Name)))
            .Select(t => t.Name)];
        return new ClusterDataset(
            new DirectoryInfo(directory).Name,
            illustrative || marked,
            enterprises,
            facilities,
            treatment,
            outlets,
            energy,
            waste,
            factors,
            cems.Count > 0 ? cems[0] : null,
            absent);
    }
}
