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
    /// <summary>Writes the dataset's tables into <paramref name="directory"/>, replacing files of the same names.</summary>
    /// <param name="data">The dataset.</param>
    /// <param name="directory">The folder; created when missing.</param>
    /// <param name="cancellationToken">Cancels the write; files already renamed into place stay complete.</param>
    /// <returns>The paths written, in table order.</returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(ClusterDataset data, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(directory);
        var tables = new List<TableData>
        {
            ContractMapping.FromEnterprises(data.Enterprises),
            ContractMapping.FromFacilities(data.Facilities),
            ContractMapping.FromTreatmentFacilities(data.TreatmentFacilities),
            ContractMapping.FromOutlets(data.Outlets),
            ContractMapping.FromEnergyLedger(data.EnergyLedger),
            ContractMapping.FromSolidWasteLedger(data.SolidWasteLedger),
            ContractMapping.FromEmissionFactors(data.EmissionFactors),
        };
        if (data.CemsHourly is { } cems)
        {
            tables.Add(ContractMapping.FromCemsHourly(cems));
        }

        var paths = new List<string>(tables.Count);
        foreach (TableData table in tables)
        {
            string path = Path.Combine(directory, $"{table.Spec.Name}.parquet");
            await ParquetTableWriter.WriteAsync(path, table, cancellationToken).ConfigureAwait(false);
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>Reads a folder of contract tables as a dataset.</summary>
    /// <param name="directory">The folder holding <c>&lt;table&gt;.parquet</c> files.</param>
    /// <param name="illustrative">Whether the data are synthetic; the reader cannot tell.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The dataset, named after the folder.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="ShapotouDataException">A file or value is bad; the message names file, column, row group and row.</exception>
    public static async Task<ClusterDataset> ReadAsync(string directory, bool illustrative = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Folder '{directory}' does not exist.");
        }

        async Task<IReadOnlyList<T>> Table<T>(TableSpec spec, Func<TableData, IReadOnlyList<T>> map)
        {
            string path = Path.Combine(directory, $"{spec.Name}.parquet");
            return File.Exists(path) ? map(await ParquetTableReader.ReadAsync(path, spec, cancellationToken).ConfigureAwait(false)) : [];
        }

        string cemsPath = Path.Combine(directory, $"{ContractSchema.CemsHourly.Name}.parquet");
        CemsHourlyTable? cems = File.Exists(cemsPath)
            ? ContractMapping.ToCemsHourly(await ParquetTableReader.ReadAsync(cemsPath, ContractSchema.CemsHourly, cancellationToken).ConfigureAwait(false))
            : null;
        return new ClusterDataset(
            new DirectoryInfo(directory).Name,
            illustrative,
            await Table(ContractSchema.Enterprises, ContractMapping.ToEnterprises).ConfigureAwait(false),
            await Table(ContractSchema.Facilities, ContractMapping.ToFacilities).ConfigureAwait(false),
            await Table(ContractSchema.TreatmentFacilities, ContractMapping.ToTreatmentFacilities).ConfigureAwait(false),
            await Table(ContractSchema.Outlets, ContractMapping.ToOutlets).ConfigureAwait(false),
            await Table(ContractSchema.EnergyLedger, ContractMapping.ToEnergyLedger).ConfigureAwait(false),
            await Table(ContractSchema.SolidWasteLedger, ContractMapping.ToSolidWasteLedger).ConfigureAwait(false),
            await Table(ContractSchema.EmissionFactors, ContractMapping.ToEmissionFactors).ConfigureAwait(false),
            cems);
    }
}
