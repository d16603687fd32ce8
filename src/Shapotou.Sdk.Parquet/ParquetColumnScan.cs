using System.Buffers;
using System.Globalization;
using Microsoft.Win32.SafeHandles;
using Parquet;
using Parquet.Schema;
using Shapotou.Sdk.Parquet.Buffers;
using Shapotou.Sdk.Parquet.Pages;

namespace Shapotou.Sdk.Parquet;

/// <summary>
/// One row group's columns as a <see cref="ParquetColumnScan"/> hands them over: dense spans over pooled buffers,
/// valid only during the callback.
/// </summary>
/// <remarks>
/// The int32 columns share one <see cref="ColumnBuffers{T}"/> and the double columns another, so a kernel that reads a
/// row across all of them finds each column's values in a different set of the first-level cache.
/// </remarks>
public sealed class ColumnScanBatch
{
    private readonly bool[] _intsDecoded;
    private readonly bool[] _doublesDecoded;

    internal ColumnScanBatch(int int32Columns, int doubleColumns)
    {
        _intsDecoded = new bool[int32Columns];
        _doublesDecoded = new bool[doubleColumns];
    }

    /// <summary>Gets the row group's index in the file.</summary>
    public int RowGroup { get; private set; }

    /// <summary>Gets the number, in the file, of the row group's first row.</summary>
    public long FirstRow { get; private set; }

    /// <summary>Gets the row group's row count.</summary>
    public int RowCount { get; private set; }

    /// <summary>The values of an int32 column.</summary>
    /// <param name="index">The column's position among the scan's int32 columns.</param>
    /// <returns>The values.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a position among them.</exception>
    /// <exception cref="ObjectDisposedException">The callback has returned: the buffers went back to the pool.</exception>
    public ReadOnlySpan<int> Integers(int index) => Column(Ints, _intsDecoded.Length, index)[..RowCount];

    /// <summary>The values of a double column.</summary>
    /// <param name="index">The column's position among the scan's double columns.</param>
    /// <returns>The values.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a position among them.</exception>
    /// <exception cref="ObjectDisposedException">The callback has returned: the buffers went back to the pool.</exception>
    public ReadOnlySpan<double> Numbers(int index) => Column(Doubles, _doublesDecoded.Length, index)[..RowCount];

    /// <summary>
    /// Whether the SDK's page decoder read an int32 column of this row group (<see langword="false"/>: Parquet.Net did,
    /// because the chunk's layout or codec is one the decoder leaves to it, or decoding was not asked for).
    /// </summary>
    /// <param name="index">The column's position among the scan's int32 columns.</param>
    /// <returns>Whether the page decoder read it.</returns>
    public bool IsIntegerColumnPageDecoded(int index) => _intsDecoded[index];

    /// <summary>Whether the SDK's page decoder read a double column of this row group.</summary>
    /// <param name="index">The column's position among the scan's double columns.</param>
    /// <returns>Whether the page decoder read it.</returns>
    public bool IsNumberColumnPageDecoded(int index) => _doublesDecoded[index];

    internal bool[] IntsDecoded => _intsDecoded;

    internal bool[] DoublesDecoded => _doublesDecoded;

    // Null while the scan has no column of the type.
    internal ColumnBuffers<int>? Ints { get; set; }

    internal ColumnBuffers<double>? Doubles { get; set; }

    internal void Set(int rowGroup, long firstRow, int rows) => (RowGroup, FirstRow, RowCount) = (rowGroup, firstRow, rows);

    private static Span<T> Column<T>(ColumnBuffers<T>? buffers, int count, int index)
        where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        return buffers![index];
    }
}

/// <summary>How a <see cref="ParquetColumnScan"/> decodes column chunks.</summary>
public enum ColumnScanDecoder
{
    /// <summary>
    /// The SDK's page decoder for flat INT32 and DOUBLE chunks in PLAIN, dictionary, BYTE_STREAM_SPLIT or
    /// DELTA_BINARY_PACKED encoding, uncompressed, Snappy or Zstandard (what DuckDB, Arrow, Spark and Parquet.Net write
    /// by default); Parquet.Net for any other chunk.
    /// </summary>
    Automatic,

    /// <summary>Parquet.Net for every chunk: the reference the page decoder is tested and measured against.</summary>
    ParquetNet,
}

/// <summary>
/// The fast path for reducing a large Parquet file: reads only the named int32 and double columns, row groups in
/// parallel (one file handle per worker), into buffers rented once per worker and reused for every row group, and
/// hands each row group's dense columns to a callback with the worker's own state.
/// </summary>
/// <remarks>
/// <para>Column chunks are decoded by the SDK's page decoder where their layout allows (see
/// <see cref="ColumnScanDecoder.Automatic"/>: one positioned read per chunk, pages decompressed into pooled buffers,
/// PLAIN values of a required column straight into the caller's buffer, dictionary indices looked up without
/// materialising anything), and by Parquet.Net otherwise or when a page turns out to be in another layout; both give
/// the same values, and <see cref="ColumnScanBatch.IsNumberColumnPageDecoded"/> says which read a column. A malformed
/// page is refused on either path, never read by the other.</para>
/// <para>Memory stays bounded by the row groups in flight (workers × columns × the largest row group), whatever the
/// file's length: the footer is read by the SDK, which keeps only the requested chunks' positions (Parquet.Net's
/// footer is parsed only when a chunk falls back to it). Nothing is materialised per row: no nullable arrays, no
/// strings, no unit conversion. A column must have the physical type asked for; an optional column is accepted (other
/// writers, DuckDB among them, mark every column optional) but a null in it is an error, never skipped.</para>
/// <para>An error in one worker (a null, a callback's exception) stops the others and is the one thrown.</para>
/// <para>Row groups are claimed in order by whichever worker is free, so the order of callbacks, and of floating-point
/// sums merged from the states, varies from run to run in the last bits.</para>
/// </remarks>
public static class ParquetColumnScan
{
    /// <summary>Scans a file.</summary>
    /// <typeparam name="TState">A worker's state (an aggregator, say); merge the returned states afterwards.</typeparam>
    /// <param name="path">The Parquet file.</param>
    /// <param name="int32Columns">Columns read as int32.</param>
    /// <param name="doubleColumns">Columns read as double.</param>
    /// <param name="createState">Creates a worker's state.</param>
    /// <param name="process">Called once per row group, on the worker that read it.</param>
    /// <param name="degreeOfParallelism">Workers; 0 for one per processor, never more than the row groups.</param>
    /// <param name="decoder">How column chunks are decoded; the default is the fastest that reads them.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>The states of the workers.</returns>
    /// <exception cref="ShapotouDataException">The file is not Parquet or is malformed (its footer, or a page: the message
    /// names file, column, row group and page), or a column is missing, has another type, or holds a null.</exception>
    public static async Task<IReadOnlyList<TState>> ScanAsync<TState>(
        string path,
        IReadOnlyList<string> int32Columns,
        IReadOnlyList<string> doubleColumns,
        Func<TState> createState,
        Action<TState, ColumnScanBatch> process,
        int degreeOfParallelism = 0,
        ColumnScanDecoder decoder = ColumnScanDecoder.Automatic,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(int32Columns);
        ArgumentNullException.ThrowIfNull(doubleColumns);
        ArgumentNullException.ThrowIfNull(createState);
        ArgumentNullException.ThrowIfNull(process);
        ArgumentOutOfRangeException.ThrowIfNegative(degreeOfParallelism);
        if (!Enum.IsDefined(decoder))
        {
            throw new ArgumentOutOfRangeException(nameof(decoder), decoder, "Not a ColumnScanDecoder.");
        }

        string file = Path.GetFileName(path);

        Scan scan = await Scan.OpenAsync(path, file, int32Columns, doubleColumns, decoder, cancellationToken).ConfigureAwait(false);
        int groupCount = scan.FirstRows.Length - 1;
        int workers = Math.Max(1, Math.Min(degreeOfParallelism == 0 ? Environment.ProcessorCount : degreeOfParallelism, groupCount));
        int next = -1;
        var tasks = new Task<TState>[workers];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        for (int w = 0; w < workers; w++)
        {
            tasks[w] = Task.Run(
                async () =>
                {
                    try
                    {
                        return await WorkAsync(scan, createState(), process, () => Interlocked.Increment(ref next), stop.Token).ConfigureAwait(false);
                    }
                    catch
                    {
                        // One worker's error stops the others.
                        await stop.CancelAsync().ConfigureAwait(false);
                        throw;
                    }
                },
                cancellationToken);
        }

        try
        {
            return await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A worker stopped because another failed: report the failure, not the stop.
            Exception? cause = tasks.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).FirstOrDefault(e => e is not OperationCanceledException);
            if (cause is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(cause).Throw();
            }

            throw;
        }
    }

    private static async Task<TState> WorkAsync<TState>(Scan scan, TState state, Action<TState, ColumnScanBatch> process, Func<int> claim, CancellationToken cancellationToken)
    {
        var batch = new ColumnScanBatch(scan.Ints.Count, scan.Doubles.Count);
        using SafeFileHandle? handle = scan.Footer is null ? null : File.OpenHandle(scan.Path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var pages = new ColumnChunkDecoder();
        Fallback? fallback = null;
        try
        {
            batch.Ints = scan.Ints.Count == 0 ? null : new ColumnBuffers<int>(scan.Ints.Count, scan.Largest);
            batch.Doubles = scan.Doubles.Count == 0 ? null : new ColumnBuffers<double>(scan.Doubles.Count, scan.Largest);

            for (int g = claim(); g < scan.FirstRows.Length - 1; g = claim())
            {
                cancellationToken.ThrowIfCancellationRequested();
                long firstRow = scan.FirstRows[g];
                int rows = checked((int)(scan.FirstRows[g + 1] - firstRow));
                for (int c = 0; c < scan.Ints.Count; c++)
                {
                    batch.IntsDecoded[c] = handle is not null && TryDecode(pages, handle, scan, g, scan.IntLeaves[c], batch.Ints![c][..rows], firstRow);
                    if (!batch.IntsDecoded[c])
                    {
                        fallback ??= await Fallback.OpenAsync(scan, cancellationToken).ConfigureAwait(false);
                        fallback.Check(g, fallback.Ints[c], scan.File);
                        await ReadAsync(fallback.Group(g, scan.File), fallback.Ints[c], batch.Ints!.Memory(c)[..rows], fallback.Levels, scan.File, g, firstRow, cancellationToken).ConfigureAwait(false);
                    }
                }

                for (int c = 0; c < scan.Doubles.Count; c++)
                {
                    batch.DoublesDecoded[c] = handle is not null && TryDecode(pages, handle, scan, g, scan.DoubleLeaves[c], batch.Doubles![c][..rows], firstRow);
                    if (!batch.DoublesDecoded[c])
                    {
                        fallback ??= await Fallback.OpenAsync(scan, cancellationToken).ConfigureAwait(false);
                        fallback.Check(g, fallback.Doubles[c], scan.File);
                        await ReadAsync(fallback.Group(g, scan.File), fallback.Doubles[c], batch.Doubles!.Memory(c)[..rows], fallback.Levels, scan.File, g, firstRow, cancellationToken).ConfigureAwait(false);
                    }
                }

                batch.Set(g, firstRow, rows);
                process(state, batch);
            }
        }
        finally
        {
            batch.Ints?.Dispose();
            batch.Doubles?.Dispose();

            if (fallback is not null)
            {
                await fallback.DisposeAsync().ConfigureAwait(false);
            }
        }

        return state;
    }

    /// <summary>Decodes a chunk with the page decoder; <see langword="false"/> leaves it to Parquet.Net.</summary>
    /// <exception cref="ShapotouDataException">A page is malformed or contradicts its chunk: refused, never left to Parquet.Net.</exception>
    private static bool TryDecode<T>(ColumnChunkDecoder pages, SafeFileHandle handle, Scan scan, int rowGroup, int leaf, Span<T> values, long firstRow)
        where T : unmanaged
    {
        ChunkInfo chunk = scan.Footer!.Chunk(rowGroup, leaf);
        if (!chunk.Decodable)
        {
            return false;
        }

        FooterColumn column = scan.Footer.Columns[leaf];
        int missing;
        try
        {
            missing = pages.Decode(handle, chunk, column.MaxDefinitionLevel == 1, values);
        }
        catch (PageFormatException exception) when (exception.Unsupported)
        {
            // A valid page in a layout the decoder leaves: Parquet.Net reads the chunk.
            return false;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw PageError(scan.File, column.Name, rowGroup, pages.Page, exception);
        }

        if (missing >= 0)
        {
            throw NullError(scan.File, column.Name, firstRow + missing);
        }

        return true;
    }

    /// <summary>
    /// Checks from its page headers a chunk whose row group has more rows than 8 per byte of the chunk (beyond what
    /// 1-bit dictionary indices pack; run-length runs of one value go further), before any worker sizes its buffers
    /// by the rows: a footer whose figures agree on 2^28 rows is refused here, not by running out of memory. Such a
    /// chunk is small for its rows, so the walk is cheap; other chunks are checked as they are read.
    /// </summary>
    internal static void CheckDense(SafeFileHandle handle, string file, string column, int rowGroup, ChunkInfo chunk, long rows, long values, ChunkCheck.ColumnLevels levels, int slack)
    {
        if (rows <= 8L * Math.Max(chunk.Length, 1))
        {
            return;
        }

        int page = 0;
        try
        {
            ChunkCheck.Check(handle, chunk, values, slack, levels, out page);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw PageError(file, column, rowGroup, page, exception);
        }
    }

    /// <summary>The refusal of a chunk whose page is malformed or contradicts the chunk.</summary>
    internal static ShapotouDataException PageError(string file, string column, int rowGroup, int page, Exception exception) =>
        new(string.Create(CultureInfo.InvariantCulture, $"File '{file}', column '{column}', row group {rowGroup}, page {page}: {exception.Message.TrimEnd('.')}."), exception);

    /// <summary>
    /// What every worker of a scan shares: the file, the columns, the row groups, and (when the page decoder is used)
    /// the footer the SDK read itself, which keeps only the requested chunks' positions, so a scan's memory does not
    /// grow with the file's metadata.
    /// </summary>
    private sealed class Scan
    {
        private Scan(string path, string file, IReadOnlyList<string> ints, IReadOnlyList<string> doubles, long[] firstRows, FileFooter? footer, int[] intLeaves, int[] doubleLeaves)
        {
            (Path, File, Ints, Doubles, FirstRows, Footer, IntLeaves, DoubleLeaves) = (path, file, ints, doubles, firstRows, footer, intLeaves, doubleLeaves);
            for (int g = 0; g < firstRows.Length - 1; g++)
            {
                Largest = Math.Max(Largest, checked((int)(firstRows[g + 1] - firstRows[g])));
            }
        }

        public string Path { get; }

        public string File { get; }

        public IReadOnlyList<string> Ints { get; }

        public IReadOnlyList<string> Doubles { get; }

        /// <summary>Each row group's first row, and the file's row count last.</summary>
        public long[] FirstRows { get; }

        public int Largest { get; }

        /// <summary>Gets the footer the SDK read, or null when Parquet.Net reads every chunk.</summary>
        public FileFooter? Footer { get; }

        public int[] IntLeaves { get; }

        public int[] DoubleLeaves { get; }

        public static async Task<Scan> OpenAsync(string path, string file, IReadOnlyList<string> ints, IReadOnlyList<string> doubles, ColumnScanDecoder decoder, CancellationToken cancellationToken)
        {
            if (decoder == ColumnScanDecoder.Automatic && TryReadFooter(path, ints, doubles) is { } fast)
            {
                return fast;
            }

            // Parquet.Net's footer: its schema checks name a missing column or a wrong type; every chunk is its own.
            ParquetReader reader = await ParquetColumnScan.OpenAsync(path, file, cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                DataField[] fields = [.. Fields(reader, ints, typeof(int), file), .. Fields(reader, doubles, typeof(double), file)];
                DataField[] leaves = reader.Schema.GetDataFields();
                int slack = ChunkCheck.Slack(reader.Metadata!.CreatedBy);
                using SafeFileHandle handle = FooterCheck.OpenRead(path, file);
                long[] firstRows = new long[reader.RowGroupCount + 1];
                for (int g = 0; g < reader.RowGroupCount; g++)
                {
                    global::Parquet.Meta.RowGroup group = reader.Metadata.RowGroups[g];
                    foreach (DataField field in fields)
                    {
                        global::Parquet.Meta.ColumnChunk chunk = group.Columns[Array.IndexOf(leaves, field)];
                        CheckDense(handle, file, field.Name, g, ChunkCheck.FromMetadata(chunk), group.NumRows, chunk.MetaData!.NumValues, ChunkCheck.ColumnLevels.Of(field, chunk), slack);
                    }

                    firstRows[g + 1] = firstRows[g] + group.NumRows;
                }

                return new Scan(path, file, ints, doubles, firstRows, null, [], []);
            }

            Scan? TryReadFooter(string path, IReadOnlyList<string> ints, IReadOnlyList<string> doubles)
            {
                FileFooter footer;
                try
                {
                    using SafeFileHandle handle = FooterCheck.OpenRead(path, file);
                    footer = FileFooter.Read(handle, [.. ints, .. doubles]);
                }
                catch (PageFormatException exception)
                {
                    // A malformed footer is refused here: Parquet.Net may spin on it.
                    throw FooterCheck.Refusal(file, exception);
                }

                // Only plain INT32 and DOUBLE leaves, found by path or top-level name; anything else gets Parquet.Net's checks.
                int[]? intLeaves = Resolve(footer, ints, PhysicalType.Int32), doubleLeaves = Resolve(footer, doubles, PhysicalType.Double);
                if (intLeaves is null || doubleLeaves is null)
                {
                    return null;
                }

                int slack = ChunkCheck.Slack(footer.CreatedBy);
                using SafeFileHandle pages = FooterCheck.OpenRead(path, file);
                long[] firstRows = new long[footer.RowGroupRows.Length + 1];
                for (int g = 0; g < footer.RowGroupRows.Length; g++)
                {
                    foreach (int leaf in intLeaves.Concat(doubleLeaves))
                    {
                        FooterColumn column = footer.Columns[leaf];
                        var levels = new ChunkCheck.ColumnLevels(column.PhysicalType == (int)PhysicalType.Int32 ? 4 : 8, column.MaxDefinitionLevel, column.MaxRepetitionLevel);
                        CheckDense(pages, file, column.Name, g, footer.Chunk(g, leaf), footer.RowGroupRows[g], footer.RowGroupRows[g], levels, slack);
                    }

                    firstRows[g + 1] = firstRows[g] + footer.RowGroupRows[g];
                }

                return new Scan(path, file, ints, doubles, firstRows, footer, intLeaves, doubleLeaves);
            }
        }

        private static int[]? Resolve(FileFooter footer, IReadOnlyList<string> names, PhysicalType type)
        {
            var leaves = new int[names.Count];
            for (int c = 0; c < names.Count; c++)
            {
                int leaf = -1;
                for (int i = 0; i < footer.Columns.Count && leaf < 0; i++)
                {
                    FooterColumn column = footer.Columns[i];
                    if (string.Equals(column.Path, names[c], StringComparison.Ordinal) || (column.Depth == 1 && string.Equals(column.Name, names[c], StringComparison.Ordinal)))
                    {
                        leaf = i;
                    }
                }

                if (leaf < 0 || footer.Columns[leaf] is not { Annotated: false, MaxRepetitionLevel: 0 } found || found.PhysicalType != (int)type)
                {
                    return null;
                }

                leaves[c] = leaf;
            }

            return leaves;
        }
    }

    /// <summary>A worker's own Parquet.Net reader, for the chunks the page decoder leaves, opened on the first one.</summary>
    private sealed class Fallback : IAsyncDisposable
    {
        private readonly ParquetReader _reader;
        private readonly SafeFileHandle _handle;
        private readonly DataField[] _leaves;
        private ParquetRowGroupReader? _group;
        private int _groupIndex = -1;

        private Fallback(ParquetReader reader, SafeFileHandle handle, DataField[] ints, DataField[] doubles, int[]? levels) =>
            (_reader, _handle, _leaves, Ints, Doubles, Levels) = (reader, handle, reader.Schema.GetDataFields(), ints, doubles, levels);

        public DataField[] Ints { get; }

        public DataField[] Doubles { get; }

        /// <summary>Definition levels of an optional column's row group, rented for the largest.</summary>
        public int[]? Levels { get; }

        public static async Task<Fallback> OpenAsync(Scan scan, CancellationToken cancellationToken)
        {
            ParquetReader reader = await ParquetColumnScan.OpenAsync(scan.Path, scan.File, cancellationToken).ConfigureAwait(false);
            try
            {
                DataField[] ints = Fields(reader, scan.Ints, typeof(int), scan.File);
                DataField[] doubles = Fields(reader, scan.Doubles, typeof(double), scan.File);
                SafeFileHandle handle = FooterCheck.OpenRead(scan.Path, scan.File);
                int[]? levels = ints.Any(f => f.IsNullable) || doubles.Any(f => f.IsNullable) ? ArrayPool<int>.Shared.Rent(scan.Largest) : null;
                return new Fallback(reader, handle, ints, doubles, levels);
            }
            catch
            {
                await reader.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        /// <summary>Checks a chunk's pages (<see cref="ChunkCheck"/>) before Parquet.Net reads it.</summary>
        public void Check(int g, DataField field, string file)
        {
            int page = 0;
            try
            {
                global::Parquet.Meta.ColumnChunk chunk = _reader.Metadata!.RowGroups[g].Columns[Array.IndexOf(_leaves, field)];
                ChunkCheck.Check(_handle, ChunkCheck.FromMetadata(chunk), chunk.MetaData!.NumValues, ChunkCheck.Slack(_reader.Metadata.CreatedBy), ChunkCheck.ColumnLevels.Of(field, chunk), out page);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                throw PageError(file, field.Name, g, page, exception);
            }
        }

        public ParquetRowGroupReader Group(int g, string file)
        {
            if (_groupIndex != g)
            {
                _group?.Dispose();
                _group = null;
                try
                {
                    _group = _reader.OpenRowGroupReader(g);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    throw new ShapotouDataException(string.Create(CultureInfo.InvariantCulture, $"File '{file}', row group {g}: the row group cannot be opened ({exception.Message.TrimEnd('.')})."), exception);
                }

                _groupIndex = g;
            }

            return _group!;
        }

        public async ValueTask DisposeAsync()
        {
            _group?.Dispose();
            if (Levels is not null)
            {
                ArrayPool<int>.Shared.Return(Levels);
            }

            _handle.Dispose();
            await _reader.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static ShapotouDataException NullError(string file, string column, long row) =>
        new(string.Create(CultureInfo.InvariantCulture, $"File '{file}', column '{column}', row {row}: expected a value, found null (the fast scan does not skip rows)."));

    private static async Task ReadAsync<T>(ParquetRowGroupReader group, DataField field, Memory<T> values, int[]? levels, string file, int g, long firstRow, CancellationToken cancellationToken)
        where T : struct
    {
        int rows = values.Length;
        try
        {
            if (!field.IsNullable)
            {
                await group.ReadAsync(field, values, null, cancellationToken).ConfigureAwait(false);
                return;
            }

            await group.ReadRawAsync(field, values, levels.AsMemory(0, rows), null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not ShapotouDataException and not OperationCanceledException)
        {
            throw new ShapotouDataException($"File '{file}', column '{field.Name}', row group {g}: the column cannot be read ({exception.Message.TrimEnd('.')}).", exception);
        }

        // An optional column's definition levels are 1 where a value is present: the first 0 is a null.
        int missing = levels.AsSpan(0, rows).IndexOfAnyExcept(1);
        if (missing >= 0)
        {
            throw NullError(file, field.Name, firstRow + missing);
        }
    }

    private static DataField[] Fields(ParquetReader reader, IReadOnlyList<string> names, Type type, string file)
    {
        DataField[] all;
        try
        {
            all = reader.Schema.GetDataFields();
        }
        catch (Exception exception)
        {
            throw new ShapotouDataException($"File '{file}' has a schema the SDK cannot read: {exception.Message.TrimEnd('.')}.", exception);
        }

        var fields = new DataField[names.Count];
        for (int c = 0; c < names.Count; c++)
        {
            DataField? field = all.FirstOrDefault(f => string.Equals(f.Path.ToString(), names[c], StringComparison.Ordinal) || (f.Path.ToList().Count == 1 && string.Equals(f.Name, names[c], StringComparison.Ordinal)))
                ?? throw new ShapotouDataException($"File '{file}': column '{names[c]}' is missing; the file has {string.Join(", ", all.Select(f => f.Name))}.");
            if (field.ClrType != type || field.IsArray)
            {
                throw new ShapotouDataException($"File '{file}', column '{names[c]}': expected {(type == typeof(int) ? "INT32" : "DOUBLE")}, found {field.ClrType.Name}{(field.IsArray ? " list" : string.Empty)}.");
            }

            fields[c] = field;
        }

        return fields;
    }

    private static async Task<ParquetReader> OpenAsync(string path, string file, CancellationToken cancellationToken)
    {
        // Only a footer the SDK's bounded reader accepts reaches Parquet.Net, which spins on some malformed ones.
        FooterCheck.Validate(path, file);

        // A 1 MB read buffer: Parquet.Net reads a column chunk in many small reads (page headers, then pages).
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        try
        {
            return await ParquetReader.CreateAsync(stream, ParquetTableReader.Options, leaveStreamOpen: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        catch (Exception exception)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw new ShapotouDataException($"File '{file}' is not a Parquet file the SDK can read: {exception.Message.TrimEnd('.')}.", exception);
        }
    }
}
