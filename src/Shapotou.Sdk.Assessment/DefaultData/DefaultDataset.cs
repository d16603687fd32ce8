using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Parquet;

namespace Shapotou.Sdk.Assessment;

/// <summary>
/// The default dataset: synthetic at facility level, calibrated to the figures the plan publishes (table 1-1, P2, and a
/// 2024 inventory equal to table 1-2), generated deterministically and labelled illustrative (docs/default-dataset.md).
/// </summary>
/// <remarks>This type is thread-safe; <see cref="Instance"/> is generated once per process on first use.</remarks>
public static class DefaultDataset
{
    /// <summary>The text columns that name an entity, suffixed in every copy after the first (<see cref="WriteAsync"/>).</summary>
    private static readonly string[] s_copiedIds = ["enterprise_id", "facility_id", "treatment_id", "outlet_id", "name", "name_zh", "mn", "credit_code", "permit_number"];

    private static readonly Lazy<ClusterDataset> s_instance = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Gets the default dataset, generated once per process.</summary>
    public static ClusterDataset Instance => s_instance.Value;

    /// <summary>Generates the default dataset; every call gives the same tables, value for value.</summary>
    /// <returns>A new instance of the dataset.</returns>
    public static ClusterDataset Create() => new DefaultDatasetGenerator(PlanFigures.LoadEmbedded()).Generate();

    /// <summary>
    /// Writes <paramref name="copies"/> copies of the default dataset into a folder as contract tables, one
    /// <c>&lt;table&gt;.parquet</c> each, a copy at a time, so that memory does not grow with the copies.
    /// </summary>
    /// <remarks>
    /// The first copy is the default dataset as it is; copy <c>k</c> (2, 3, …) suffixes every id, name, MN, credit code
    /// and permit number with <c>-c{k}</c>, so every table stays consistent (each copy's facilities belong to its own
    /// enterprises, its CEMS hours to its own outlets) and townships are kept. Each copy is a whole cluster: its
    /// enterprises, outputs and emissions add to the others'. One copy writes the same files as
    /// <see cref="ClusterDatasetParquet.WriteAsync"/> of <see cref="Instance"/>.
    /// </remarks>
    /// <param name="directory">The folder; created when missing. Files of the same names are replaced, each atomically.</param>
    /// <param name="copies">The copies of the cluster, at least 1.</param>
    /// <param name="cancellationToken">Cancels the write; files already renamed into place stay complete.</param>
    /// <returns>The paths written, in table order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="copies"/> is below 1.</exception>
    public static async Task<IReadOnlyList<string>> WriteAsync(string directory, int copies = 1, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentOutOfRangeException.ThrowIfLessThan(copies, 1);
        if (copies == 1)
        {
            return await ClusterDatasetParquet.WriteAsync(Instance, directory, cancellationToken).ConfigureAwait(false);
        }

        var paths = new List<string>();
        foreach (TableBatch table in ContractTables.FromDataset(Instance))
        {
            string[] columns = table.Columns.ToArray();
            Dictionary<string, Enum> units = columns.Where(c => table.UnitOf(c) is not null).ToDictionary(c => c, c => table.UnitOf(c)!, StringComparer.Ordinal);
            string path = Path.Combine(directory, $"{table.Table.Name}.parquet");
            ParquetTableWriter writer = await ParquetTableWriter.CreateAsync(
                path, table.Table, columns, units, new Dictionary<string, string>(table.Metadata, StringComparer.Ordinal), cancellationToken: cancellationToken).ConfigureAwait(false);
            await using (writer.ConfigureAwait(false))
            {
                Dictionary<string, string?[]> originals = s_copiedIds.Where(table.Has).ToDictionary(c => c, c => table.Text(c).ToArray(), StringComparer.Ordinal);
                for (int copy = 1; copy <= copies; copy++)
                {
                    string suffix = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"-c{copy}");
                    foreach ((string column, string?[] values) in originals)
                    {
                        table.SetText(column, copy == 1 ? values : Array.ConvertAll(values, v => v is null ? null : v + suffix));
                    }

                    await writer.WriteAsync(table, cancellationToken).ConfigureAwait(false);
                }

                await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            paths.Add(path);
        }

        return paths;
    }
}
