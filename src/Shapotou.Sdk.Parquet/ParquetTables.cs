using System.Runtime.CompilerServices;
using Shapotou.Sdk.Contract;

namespace Shapotou.Sdk.Parquet;

/// <summary>
/// Reads and writes single contract tables as Parquet files, whole or streamed row group by row group, from any writer
/// (physical types widened, UTC-adjusted and INT96 times converted to China Standard Time, units from the file's
/// <c>shapotou.unit.&lt;column&gt;</c> keys or the defaults).
/// </summary>
/// <remarks>Streaming keeps one row group in memory at a time; the SDK's writer makes row groups of at most
/// <see cref="ParquetTableWriter.RowGroupSize"/> rows. For the model's records use <see cref="ClusterDatasetParquet"/>.</remarks>
public static class ParquetTables
{
    /// <summary>Reads a file one row group at a time.</summary>
    /// <param name="path">The file.</param>
    /// <param name="table">The contract table it holds.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One batch per row group, in file order; a batch is not used by the reader after the next is asked for.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ShapotouDataException">The file or a value is bad; the message names file, column, row group and row.</exception>
    public static async IAsyncEnumerable<TableBatch> ReadBatchesAsync(string path, TableSpec table, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(table);
        long first = 0;
        int group = 0;
        await foreach (TableData data in ParquetTableReader.ReadRowGroupsAsync(path, table, cancellationToken).ConfigureAwait(false))
        {
            yield return new TableBatch(data, group++, first);
            first += data.RowCount;
        }
    }

    /// <summary>Reads a whole file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="table">The contract table it holds.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>All rows; <see cref="TableBatch.Describe"/> still names each row's row group.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ShapotouDataException">The file or a value is bad; the message names file, column, row group and row.</exception>
    public static async Task<TableBatch> ReadAsync(string path, TableSpec table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(table);
        return new TableBatch(await ParquetTableReader.ReadAsync(path, table, cancellationToken).ConfigureAwait(false), -1, 0);
    }

    /// <summary>Writes rows as a file atomically, each quantity column in the batch's unit.</summary>
    /// <param name="path">The file; replaced whole at the end, or left as it was on failure.</param>
    /// <param name="batch">The rows; the columns it has are written.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the file is in place.</returns>
    /// <exception cref="ArgumentException">A required column is missing.</exception>
    /// <exception cref="ShapotouDataException">A required cell is null.</exception>
    public static Task WriteAsync(string path, TableBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(batch);
        return ParquetTableWriter.WriteAsync(path, batch.Data, cancellationToken);
    }

    /// <summary>Writes a stream of batches as one file atomically, one batch in memory at a time.</summary>
    /// <param name="path">The file; replaced whole at the end, or left as it was on failure.</param>
    /// <param name="table">The contract table.</param>
    /// <param name="batches">The rows; each with the columns of the first.</param>
    /// <param name="cancellationToken">Cancels the write; the target stays untouched.</param>
    /// <returns>The rows written.</returns>
    public static async Task<long> WriteAsync(string path, TableSpec table, IAsyncEnumerable<TableBatch> batches, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ParquetTableWriter? writer = null;
        try
        {
            await foreach (TableBatch batch in batches.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                writer ??= await ParquetTableWriter.CreateAsync(path, table, batch.Columns, Units(batch), null, ParquetTableWriter.RowGroupSize, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            }

            writer ??= await ParquetTableWriter.CreateAsync(path, table, table.Columns.Where(c => c.Required).Select(c => c.Name), null, null, ParquetTableWriter.RowGroupSize, cancellationToken).ConfigureAwait(false);
            await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
            return writer.RowsWritten;
        }
        finally
        {
            if (writer is not null)
            {
                await writer.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    internal static Dictionary<string, Enum> Units(TableBatch batch) =>
        batch.Columns.Where(c => batch.UnitOf(c) is not null).ToDictionary(c => c, c => batch.UnitOf(c)!, StringComparer.Ordinal);
}
