using System.Collections.Concurrent;
using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Parquet;
using Shapotou.Sdk.Parquet.Pages;

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
/// refuses) is read by Parquet.Net, which names the bad value. A Hive-partitioned folder's files are read in path order,
/// each by the page decoder where it reads the file's columns (small files whole and ahead, larger ones row group by row
/// group as a single file), else by Parquet.Net. Other files are read by Parquet.Net. Both give the same rows.
/// </remarks>
internal sealed class CemsHourlyStream(string path, bool partitioned) : ICemsHourSource
{
    public string Table => ContractSchema.CemsHourly.Name;

    /// <inheritdoc/>
    public async Task<(StreamedCemsHours Hours, bool Illustrative, long Rows, IReadOnlyList<string> Notes)> ReadAsync(
        CemsQuestions questions,
        IReadOnlyList<string> outletIds,
        CemsPlausibility plausibility,
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
            RowGroupBuffers? held = null;
            await foreach ((CemsColumns chunk, RowGroupBuffers? buffers) in ReadPagesAsync(
                pages, [.. outletIds], -1, (g, token) => ParquetTableReader.ReadRowGroupsAsync(path, ContractSchema.CemsHourly, token, only: g), known, new(), cancellationToken).ConfigureAwait(false))
            {
                builder.Add(chunk);
                plausibility.Add(chunk);

                // The builder keeps at most the unfinished run of the last chunk: the one before is done with.
                held?.Release();
                held = buffers;
                progress?.Report(new AssessmentProgress(AssessmentStage.Reading, ContractSchema.CemsHourly.Name, builder.Rows));
            }
        }
        else if (partitioned)
        {
            RowGroupBuffers? held = null;
            await foreach ((CemsColumns chunk, bool illustrative, RowGroupBuffers? buffers) in ReadFilesAsync(outletIds, known, cancellationToken).ConfigureAwait(false))
            {
                marked |= illustrative;
                builder.Add(chunk);
                plausibility.Add(chunk);
                held?.Release();
                held = buffers;
                progress?.Report(new AssessmentProgress(AssessmentStage.Reading, ContractSchema.CemsHourly.Name, builder.Rows));
            }
        }
        else
        {
            await foreach (TableBatch batch in ParquetTables.ReadBatchesAsync(path, ContractSchema.CemsHourly, cancellationToken).ConfigureAwait(false))
            {
                marked |= Marked(batch.Data);
                CemsColumns converted = Convert(batch.Data, known);
                builder.Add(converted);
                plausibility.Add(converted);
                progress?.Report(new AssessmentProgress(AssessmentStage.Reading, ContractSchema.CemsHourly.Name, builder.Rows));
            }
        }

        long rows = builder.Rows;
        return (builder.Complete(), marked, rows, []);
    }

    private static bool Marked(TableData data) => data.Metadata.TryGetValue(ClusterDatasetParquet.IllustrativeKey, out string? value) && value == "true";

    /// <summary>
    /// A Hive folder's files in path order, each chunk with the buffers it lies in (null where it has its own), which the
    /// caller releases once done with. Small files (a receiver writes one per day and outlet) are decoded by the page
    /// decoder on up to two workers per processor ahead of the caller, each whole; a file with more than
    /// <see cref="SmallFile"/> rows is decoded when its turn comes, row group by row group as a single file, so no more of
    /// it than a few row groups is held. A file the decoder leaves (its layout, a partition key other than
    /// <c>outlet_id</c>, an <c>outlet_id</c> folder not in table <c>outlets</c>), and a small file whose rows disagree with
    /// their folder's outlet, is read by Parquet.Net, row group by row group, which names the bad value; so is a large
    /// file's row group that disagrees, or holds a value the model refuses, the row groups before it having been yielded
    /// once and the ones after it not at all.
    /// </summary>
    private async IAsyncEnumerable<(CemsColumns Chunk, bool Illustrative, RowGroupBuffers? Buffers)> ReadFilesAsync(
        IReadOnlyList<string> outletIds,
        HashSet<string> known,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IReadOnlyList<HiveDataset.HiveFile> files = HiveDataset.FilesToRead(path, ContractSchema.CemsHourly, null);
        string[] ids = [.. outletIds];
        var codes = new TextCodes(ids);
        var index = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (int i = ids.Length - 1; i >= 0; i--)
        {
            index[ids[i]] = i;
        }

        var pending = new Queue<Task<FileRead?>>();

        // Shared by the large files, so each does not leave its own to the collector.
        var free = new ConcurrentBag<RowGroupBuffers>();
        int ahead = 2 * Math.Max(1, Environment.ProcessorCount);
        int next = 0;
        try
        {
            while (next < files.Count || pending.Count > 0)
            {
                while (next < files.Count && pending.Count < ahead)
                {
                    HiveDataset.HiveFile file = files[next++];
                    pending.Enqueue(Task.Run(() => ReadAheadAsync(file, ids, codes, index, cancellationToken), cancellationToken));
                }

                HiveDataset.HiveFile current = files[next - pending.Count];
                FileRead? read = await pending.Dequeue().ConfigureAwait(false);
                if (read?.Chunks is { } chunks)
                {
                    foreach ((CemsColumns chunk, bool illustrative) in chunks)
                    {
                        yield return (chunk, illustrative, null);
                    }
                }
                else if (read?.Pages is { } large)
                {
                    await foreach ((CemsColumns chunk, RowGroupBuffers? buffers) in ReadPagesAsync(
                        large, ids, read.Outlet, (g, token) => current.ReadAsync(token, g), known, free, cancellationToken).ConfigureAwait(false))
                    {
                        yield return (chunk, large.Illustrative, buffers);
                    }
                }
                else
                {
                    await foreach (TableData data in current.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        yield return (Convert(data, known), Marked(data), null);
                    }
                }
            }
        }
        finally
        {
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
        }
    }

    /// <summary>The most rows of a Hive file decoded whole ahead of the caller.</summary>
    private const int SmallFile = 1 << 16;

    /// <summary>
    /// How a file of a Hive folder is read: decoded whole ahead of the caller (<paramref name="Chunks"/>), or opened for the
    /// page decoder to read row group by row group in its turn (<paramref name="Pages"/>, each row checked against
    /// <paramref name="Outlet"/>, the code of the folder's outlet or -1 for none).
    /// </summary>
    private sealed record FileRead(List<(CemsColumns Chunk, bool Illustrative)>? Chunks, CemsHourlyPages? Pages, int Outlet);

    /// <summary>A file of a Hive folder decoded whole when small, opened for the page decoder when larger, or null where
    /// Parquet.Net is to read it.</summary>
    private static async Task<FileRead?> ReadAheadAsync(
        HiveDataset.HiveFile file,
        string[] ids,
        TextCodes codes,
        Dictionary<string, int> index,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<KeyValuePair<string, string?>> keys = file.Partition.Values;
        if (keys.Any(k => k.Key != "outlet_id" && ContractSchema.CemsHourly.Find(k.Key) is not null))
        {
            return null;
        }

        int expected = -1;
        if (keys.Any(k => k.Key == "outlet_id"))
        {
            if (file.Partition["outlet_id"] is not { } outlet || !index.TryGetValue(outlet, out expected))
            {
                return null;
            }
        }

        var supplied = new HashSet<string>(keys.Select(k => k.Key).Where(k => ContractSchema.CemsHourly.Find(k) is not null), StringComparer.Ordinal);
        CemsHourlyPages? pages = await CemsHourlyPages.TryOpenAsync(file.Path, file.Name, codes, supplied, expected, cancellationToken).ConfigureAwait(false);
        if (pages is null)
        {
            return null;
        }

        if (pages.FirstRows[^1] > SmallFile)
        {
            return new FileRead(null, pages, expected);
        }

        var chunks = new List<(CemsColumns, bool)>(pages.RowGroups);
        using CemsHourlyPages.Worker worker = pages.OpenWorker();
        for (int g = 0; g < pages.RowGroups; g++)
        {
            var buffers = new RowGroupBuffers(pages.Largest);
            if (!pages.Read(worker, g, buffers.Rows))
            {
                return null;
            }

            if (!Agrees(buffers.Rows, expected))
            {
                // Parquet.Net names the row that disagrees with its folder.
                return null;
            }

            chunks.Add((Chunk(buffers, ids), pages.Illustrative));
        }

        return new FileRead(chunks, null, -1);
    }

    /// <summary>Whether every decoded row is of the outlet its folder gives (any outlet when <paramref name="outlet"/> is -1).</summary>
    private static bool Agrees(CemsPageRowGroup rows, int outlet) =>
        outlet < 0 || !rows.Outlets.AsSpan(0, rows.RowCount).ContainsAnyExcept(outlet);

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
    /// A file's row groups in order, decoded by the page decoder on up to one worker per processor ahead of the
    /// caller, so at most that many decoded row groups wait at a time; each comes with the buffers it lies in (null
    /// when Parquet.Net read it, else taken from <paramref name="free"/> when large enough), which the caller releases
    /// once done with. A row group the decoder leaves, or with a row
    /// of another outlet than <paramref name="outlet"/> (its code; -1 for any), is read by <paramref name="fallback"/>
    /// (Parquet.Net), which names the bad value or row.
    /// </summary>
    private static async IAsyncEnumerable<(CemsColumns Chunk, RowGroupBuffers? Buffers)> ReadPagesAsync(
        CemsHourlyPages pages,
        string[] ids,
        int outlet,
        Func<int, CancellationToken, IAsyncEnumerable<TableData>> fallback,
        HashSet<string> known,
        ConcurrentBag<RowGroupBuffers> free,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
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
                    pending.Enqueue(Task.Run(() => ReadRowGroupAsync(pages, g, ids, outlet, fallback, known, idle, free, cancellationToken), cancellationToken));
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

    private static async Task<(CemsColumns, RowGroupBuffers?)> ReadRowGroupAsync(
        CemsHourlyPages pages,
        int g,
        string[] ids,
        int outlet,
        Func<int, CancellationToken, IAsyncEnumerable<TableData>> fallback,
        HashSet<string> known,
        ConcurrentBag<CemsHourlyPages.Worker> idle,
        ConcurrentBag<RowGroupBuffers> free,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        CemsHourlyPages.Worker worker = idle.TryTake(out CemsHourlyPages.Worker? w) ? w : pages.OpenWorker();
        // Buffers too small for this file's row groups (another file's) are left to the collector.
        RowGroupBuffers buffers = free.TryTake(out RowGroupBuffers? b) && b.Rows.Capacity >= pages.Largest ? b : new RowGroupBuffers(pages.Largest, free);
        bool read;
        try
        {
            read = pages.Read(worker, g, buffers.Rows);
        }
        catch
        {
            buffers.Release();
            throw;
        }
        finally
        {
            idle.Add(worker);
        }

        if (!read || !Agrees(buffers.Rows, outlet))
        {
            // A layout the page decoder leaves, a value the model refuses, or a row of another outlet than its folder's:
            // Parquet.Net reads the row group, and names the value or row.
            buffers.Release();
            await foreach (TableData data in fallback(g, cancellationToken).ConfigureAwait(false))
            {
                return (Convert(data, known), null);
            }

            throw new InvalidOperationException($"Row group {g} of '{pages.File}' was not read.");
        }

        return (Chunk(buffers, ids), buffers);
    }

    /// <summary>The columns of a decoded row group, in its buffers.</summary>
    private static CemsColumns Chunk(RowGroupBuffers buffers, string[] ids)
    {
        CemsPageRowGroup rows = buffers.Rows;
        for (int i = 0; i < rows.RowCount; i++)
        {
            buffers.OutletIds[i] = ids[rows.Outlets[i]];
        }

        return CemsColumns.Create(
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
    }

    /// <summary>
    /// The arrays one decoded row group lies in, reused for a later one (of the same file, or of a later file of a Hive
    /// folder whose row groups fit) once the builder is done with it and they are released to <paramref name="free"/>
    /// (never, when null).
    /// </summary>
    private sealed class RowGroupBuffers(int capacity, ConcurrentBag<RowGroupBuffers>? free = null)
    {
        public CemsPageRowGroup Rows { get; } = new(capacity);

        public string[] OutletIds { get; } = new string[capacity];

        public DataFlag[][] Combined { get; } = [new DataFlag[capacity], new DataFlag[capacity], new DataFlag[capacity]];

        /// <summary>Hands the arrays back for a later row group of their file.</summary>
        public void Release() => free?.Add(this);
    }
}
