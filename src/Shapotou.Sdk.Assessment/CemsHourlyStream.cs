using System.Collections.Concurrent;
using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Parquet;

namespace Shapotou.Sdk.Assessment;

/// <summary>
/// A folder's <c>cems_hourly</c> (a file or a Hive-partitioned folder) read row group by row group into
/// <see cref="StreamedCemsHours"/>: each row group is checked and converted, its whole runs of an outlet and month are
/// summarised, and only the unfinished last run is kept for the next one.
/// </summary>
/// <remarks>
/// A single file whose columns the page decoder reads (<see cref="CemsHourlyPages"/>: what the SDK, DuckDB and Arrow
/// write) is decoded by it, row groups ahead of the summaries on the other processors, outlets as codes of table
/// <c>outlets</c>, with no string or nullable per row; a row group it leaves (another layout, or a value the model
/// refuses) is read by Parquet.Net, which names the bad value. Other files, and partitioned folders, are read by
/// Parquet.Net. Both give the same rows.
/// </remarks>
internal sealed class CemsHourlyStream(string path, bool partitioned) : ICemsHourSource
{
    public string Table => ContractSchema.CemsHourly.Name;

    /// <inheritdoc/>
    public async Task<(StreamedCemsHours Hours, bool Illustrative, long Rows, IReadOnlyList<string> Notes)> ReadAsync(
        CemsQuestions questions,
        IReadOnlyList<string> outletIds,
        IProgress<AssessmentProgress>? progress,
        CancellationToken cancellationToken)
    {
        var builder = new StreamedCemsHours.Builder(questions);
        var known = outletIds.ToHashSet(StringComparer.Ordinal);
        bool marked = false;
        CemsHourlyPages? pages = partitioned ? null : await CemsHourlyPages.TryOpenAsync(path, outletIds, cancellationToken).ConfigureAwait(false);
        if (pages is not null)
        {
            marked = pages.Illustrative;
            var free = new ConcurrentBag<RowGroupBuffers>();
            RowGroupBuffers? held = null;
            await foreach ((CemsColumns chunk, RowGroupBuffers? buffers) in ReadPagesAsync(pages, outletIds, known, free, cancellationToken).ConfigureAwait(false))
            {
                builder.Add(chunk);

                // The builder keeps at most the unfinished run of the last chunk: the one before is done with.
                if (held is not null)
                {
                    free.Add(held);
                }

                held = buffers;
                progress?.Report(new AssessmentProgress(AssessmentStage.Reading, ContractSchema.CemsHourly.Name, builder.Rows));
            }
        }
        else
        {
            IAsyncEnumerable<TableBatch> batches = partitioned
                ? HiveDataset.ReadBatchesAsync(path, ContractSchema.CemsHourly, null, cancellationToken)
                : ParquetTables.ReadBatchesAsync(path, ContractSchema.CemsHourly, cancellationToken);
            await foreach (TableBatch batch in batches.ConfigureAwait(false))
            {
                marked |= batch.Metadata.TryGetValue(ClusterDatasetParquet.IllustrativeKey, out string? value) && value == "true";
                builder.Add(Convert(batch.Data, known));
                progress?.Report(new AssessmentProgress(AssessmentStage.Reading, ContractSchema.CemsHourly.Name, builder.Rows));
            }
        }

        long rows = builder.Rows;
        return (builder.Complete(), marked, rows, []);
    }

    /// <summary>Rows read by Parquet.Net, checked by the model and against table <c>outlets</c>.</summary>
    private static CemsColumns Convert(TableData data, HashSet<string> known)
    {
        CemsHourlyTable chunk = ContractMapping.ToCemsHourly(data);
        for (int i = 0; i < chunk.RowCount; i++)
        {
            if (!known.Contains(chunk.OutletIds[i]))
            {
                throw new ShapotouDataException($"File '{data.Source}', {data.Where(i)}: column 'outlet_id' is '{chunk.OutletIds[i]}', which is not in table 'outlets'; expected the id of an outlet.");
            }
        }

        return CemsColumns.From(chunk);
    }

    /// <summary>
    /// The file's row groups in order, decoded by the page decoder on up to one worker per processor ahead of the
    /// caller, so at most that many decoded row groups wait at a time; each comes with the buffers it lies in (null
    /// when Parquet.Net read it), which the caller hands back to <paramref name="free"/> once done with.
    /// </summary>
    private async IAsyncEnumerable<(CemsColumns Chunk, RowGroupBuffers? Buffers)> ReadPagesAsync(
        CemsHourlyPages pages,
        IReadOnlyList<string> outletIds,
        HashSet<string> known,
        ConcurrentBag<RowGroupBuffers> free,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string[] ids = [.. outletIds];
        var idle = new ConcurrentBag<CemsHourlyPages.Worker>();
        var pending = new Queue<Task<(CemsColumns, RowGroupBuffers?)>>();
        int ahead = Math.Max(1, Environment.ProcessorCount);
        int next = 0;
        try
        {
            while (next < pages.RowGroups || pending.Count > 0)
            {
                while (next < pages.RowGroups && pending.Count < ahead)
                {
                    int g = next++;
                    pending.Enqueue(Task.Run(() => ReadRowGroupAsync(pages, g, ids, known, idle, free, cancellationToken), cancellationToken));
                }

                yield return await pending.Dequeue().ConfigureAwait(false);
            }
        }
        finally
        {
            // An error or an early stop: let the row groups in flight end before their workers' files are closed.
            while (pending.Count > 0)
            {
                try
                {
                    await pending.Dequeue().ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The first error is the one already thrown to the caller.
                }
            }

            foreach (CemsHourlyPages.Worker worker in idle)
            {
                worker.Dispose();
            }
        }
    }

    private async Task<(CemsColumns, RowGroupBuffers?)> ReadRowGroupAsync(
        CemsHourlyPages pages,
        int g,
        string[] ids,
        HashSet<string> known,
        ConcurrentBag<CemsHourlyPages.Worker> idle,
        ConcurrentBag<RowGroupBuffers> free,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        CemsHourlyPages.Worker worker = idle.TryTake(out CemsHourlyPages.Worker? w) ? w : pages.OpenWorker();
        RowGroupBuffers buffers = free.TryTake(out RowGroupBuffers? b) ? b : new RowGroupBuffers(pages.Largest);
        bool read;
        try
        {
            read = pages.Read(worker, g, buffers.Rows);
        }
        catch
        {
            free.Add(buffers);
            throw;
        }
        finally
        {
            idle.Add(worker);
        }

        if (!read)
        {
            // A layout the page decoder leaves, or a value the model refuses: Parquet.Net reads it, and names the value.
            free.Add(buffers);
            await foreach (TableData data in ParquetTableReader.ReadRowGroupsAsync(path, ContractSchema.CemsHourly, cancellationToken, only: g).ConfigureAwait(false))
            {
                return (Convert(data, known), null);
            }

            throw new InvalidOperationException($"Row group {g} of '{pages.File}' was not read.");
        }

        CemsPageRowGroup rows = buffers.Rows;
        for (int i = 0; i < rows.RowCount; i++)
        {
            buffers.OutletIds[i] = ids[rows.Outlets[i]];
        }

        CemsColumns chunk = CemsColumns.Create(
            rows.RowCount,
            buffers.OutletIds,
            rows.Hours,
            rows.Pm,
            rows.So2,
            rows.Nox,
            rows.PmFlags,
            rows.So2Flags,
            rows.NoxFlags,
            rows.Flow,
            rows.FlowFlags,
            rows.Oxygen,
            rows.Flags,
            rows.HasAmmonia ? rows.Ammonia : null,
            buffers.Combined);
        return (chunk, buffers);
    }

    /// <summary>The arrays one decoded row group lies in, reused for a later one once the builder is done with it.</summary>
    private sealed class RowGroupBuffers(int capacity)
    {
        public CemsPageRowGroup Rows { get; } = new(capacity);

        public string[] OutletIds { get; } = new string[capacity];

        public DataFlag[][] Combined { get; } = [new DataFlag[capacity], new DataFlag[capacity], new DataFlag[capacity]];
    }
}
