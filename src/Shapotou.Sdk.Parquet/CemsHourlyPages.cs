using Microsoft.Win32.SafeHandles;
using Parquet;
using Parquet.Schema;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Parquet.Pages;

namespace Shapotou.Sdk.Parquet;

/// <summary>One row group of <c>cems_hourly</c> as the page decoder reads it: every value in the contract's default
/// unit, a null number as NaN, outlets as their place in table <c>outlets</c>, and each value's flag already resolved
/// (its own where the row has one, else the row's).</summary>
/// <remarks>Buffers for the largest row group of a file, filled again for each row group read into them, so a stream
/// of row groups reuses a few sets instead of allocating large arrays per row group; the first
/// <see cref="RowCount"/> places hold the rows.</remarks>
internal sealed class CemsPageRowGroup
{
    /// <summary>Initializes buffers for row groups of up to <paramref name="capacity"/> rows.</summary>
    public CemsPageRowGroup(int capacity)
    {
        Outlets = new int[capacity];
        Hours = new DateTime[capacity];
        So2 = new double[capacity];
        Nox = new double[capacity];
        Pm = new double[capacity];
        Oxygen = new double[capacity];
        Flow = new double[capacity];
        Ammonia = new double[capacity];
        Flags = new DataFlag[capacity];
        So2Flags = new DataFlag[capacity];
        NoxFlags = new DataFlag[capacity];
        PmFlags = new DataFlag[capacity];
        FlowFlags = new DataFlag[capacity];
    }

    public int RowGroup { get; internal set; }

    public int RowCount { get; internal set; }

    /// <summary>Gets whether the file has an <c>nh3</c> column (else <see cref="Ammonia"/> is all NaN).</summary>
    public bool HasAmmonia { get; internal set; }

    /// <summary>Gets each row's outlet, as its place in the outlet ids the file was opened with.</summary>
    public int[] Outlets { get; }

    public DateTime[] Hours { get; }

    public double[] So2 { get; }

    public double[] Nox { get; }

    public double[] Pm { get; }

    public double[] Oxygen { get; }

    public double[] Flow { get; }

    public double[] Ammonia { get; }

    public DataFlag[] Flags { get; }

    public DataFlag[] So2Flags { get; }

    public DataFlag[] NoxFlags { get; }

    public DataFlag[] PmFlags { get; }

    public DataFlag[] FlowFlags { get; }

    /// <summary>Gets the capacity, in rows.</summary>
    public int Capacity => Outlets.Length;
}

/// <summary>
/// Reads a <c>cems_hourly</c> file row group by row group with the SDK's page decoder, without a string or a nullable
/// per row: text columns decoded to codes (each dictionary entry looked up once), timestamps from their INT64 values,
/// nulls kept as NaN or as the row's flag.
/// </summary>
/// <remarks>
/// <para>A file qualifies when its contract columns have the physical types the SDK and the common writers use
/// (BYTE_ARRAY text, INT64 TIMESTAMP, DOUBLE quantities in the default units, INT32 minutes); otherwise
/// <see cref="TryOpenAsync(string, IReadOnlyList{string}, CancellationToken)"/> returns null and the caller reads the file with Parquet.Net. A row group is read by the
/// page decoder only when every value passes the model's checks (a known outlet, a clock hour, a known flag, values
/// in range); otherwise <see cref="Read"/> returns null and the caller reads that row group with Parquet.Net, whose
/// path names the first bad value. So the two paths give the same rows, and the same errors.</para>
/// <para>A malformed page is refused here, naming file, column, row group and page, as the column scan does.</para>
/// </remarks>
internal sealed class CemsHourlyPages
{
    // Row groups larger than this (DuckDB's and Arrow's are 122 880 and 1 048 576 rows) are left to Parquet.Net.
    private const int MaxRows = 1 << 22;

    private static readonly string[] s_flagColumns = ["flag", "so2_flag", "nox_flag", "pm_flag", "o2_flag", "flow_flag"];
    private static readonly string[] s_numberColumns = ["so2", "nox", "pm", "o2", "flow", "nh3"];
    private static readonly TextCodes s_flagCodes = new(ContractNames.All<DataFlag>());
    private static readonly DataFlag[] s_flags = [.. ContractNames.All<DataFlag>().Select(name => ContractNames.Parse<DataFlag>(name, "flag"))];

    private readonly FileFooter _footer;
    private readonly TextCodes _outlets;

    /// <summary>The code of the outlet a Hive folder's partition names, for a file without an <c>outlet_id</c> column; -1 otherwise.</summary>
    private readonly int _partitionOutlet;
    private readonly Dictionary<string, int> _leaves;
    private readonly TimestampUnit _hourUnit;
    private readonly bool _utc;
    private readonly int _slack;

    private CemsHourlyPages(string path, string file, FileFooter footer, TextCodes outlets, Dictionary<string, int> leaves, bool utc, bool illustrative, int partitionOutlet)
    {
        (Path, File, _footer, _outlets, _leaves, _utc, Illustrative) = (path, file, footer, outlets, leaves, utc, illustrative);
        _partitionOutlet = partitionOutlet;
        _hourUnit = footer.Columns[leaves["hour"]].Timestamp;
        _slack = ChunkCheck.Slack(footer.CreatedBy);
        FirstRows = new long[footer.RowGroupRows.Length + 1];
        for (int g = 0; g < footer.RowGroupRows.Length; g++)
        {
            FirstRows[g + 1] = FirstRows[g] + footer.RowGroupRows[g];
            Largest = (int)Math.Min(Math.Max(Largest, footer.RowGroupRows[g]), MaxRows);
        }
    }

    /// <summary>Gets the file's path.</summary>
    public string Path { get; }

    /// <summary>Gets the file's name, as messages give it.</summary>
    public string File { get; }

    /// <summary>Gets whether the file carries the illustrative mark.</summary>
    public bool Illustrative { get; }

    /// <summary>Gets each row group's first row, and the file's row count last.</summary>
    public long[] FirstRows { get; }

    /// <summary>Gets the number of row groups.</summary>
    public int RowGroups => FirstRows.Length - 1;

    /// <summary>Gets the rows of the largest row group (0 when it is too large for one buffer: each is then read by Parquet.Net).</summary>
    public int Largest { get; }

    /// <summary>Opens a file for the page decoder, or returns null when its columns are not ones it reads.</summary>
    /// <param name="path">The file.</param>
    /// <param name="outletIds">The outlet ids of table <c>outlets</c>; a row's outlet is its place among them.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The reader, or null.</returns>
    /// <exception cref="ShapotouDataException">The file is not Parquet, is malformed, or lacks a required column.</exception>
    public static Task<CemsHourlyPages?> TryOpenAsync(string path, IReadOnlyList<string> outletIds, CancellationToken cancellationToken) =>
        TryOpenAsync(path, System.IO.Path.GetFileName(path), new TextCodes(outletIds), null, -1, cancellationToken);

    /// <summary>Opens a file for the page decoder, or returns null when its columns are not ones it reads.</summary>
    /// <param name="path">The file.</param>
    /// <param name="file">The file's name as messages give it (for a Hive folder, relative to the table's folder).</param>
    /// <param name="outlets">The codes of the outlet ids of table <c>outlets</c>, shared between files.</param>
    /// <param name="supplied">Columns a Hive folder's partition supplies, which the file may lack (it is then left to
    /// Parquet.Net, except <c>outlet_id</c> with <paramref name="partitionOutlet"/>).</param>
    /// <param name="partitionOutlet">The code in <paramref name="outlets"/> of the outlet the file's partition folder
    /// names (<c>outlet_id=…</c>, as Spark's <c>partitionBy</c> and DuckDB's <c>PARTITION_BY</c> write, leaving the
    /// column out of the file), every row's outlet when the file has no <c>outlet_id</c> column; -1 for none.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The reader, or null.</returns>
    /// <exception cref="ShapotouDataException">The file is not Parquet, is malformed, or lacks a required column.</exception>
    public static async Task<CemsHourlyPages?> TryOpenAsync(string path, string file, TextCodes outlets, IReadOnlySet<string>? supplied, int partitionOutlet, CancellationToken cancellationToken)
    {
        TableSpec spec = ContractSchema.CemsHourly;
        bool utc;
        bool illustrative;
        ParquetReader reader = await ParquetTableReader.OpenAsync(path, file, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            Dictionary<string, DataField> fields;
            try
            {
                fields = ParquetTableReader.Fields(reader, spec, file, supplied);
            }
            catch (Exception exception) when (exception is not ShapotouDataException)
            {
                // The Parquet.Net path words the refusal.
                return null;
            }

            Dictionary<string, Enum> units = ParquetTableReader.Units(reader, spec, fields, file);
            if (units.Any(u => !Equals(u.Value, spec.Find(u.Key)!.DefaultUnit)) || fields["hour"].ClrType != typeof(DateTime))
            {
                return null;
            }

            utc = ParquetTableReader.IsUtc(fields["hour"]);
            illustrative = reader.CustomMetadata?.GetValueOrDefault(ClusterDatasetParquet.IllustrativeKey) == "true";
        }

        FileFooter footer;
        try
        {
            using SafeFileHandle handle = FooterCheck.OpenRead(path, file);
            footer = FileFooter.Read(handle, [.. spec.Columns.Select(c => c.Name)]);
        }
        catch (PageFormatException exception)
        {
            throw FooterCheck.Refusal(file, exception);
        }

        var leaves = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < footer.Columns.Count; i++)
        {
            FooterColumn column = footer.Columns[i];
            if (column.Depth == 1 && spec.Find(column.Name) is { } contract && !leaves.ContainsKey(column.Name))
            {
                leaves[column.Name] = i;
                if (!Readable(column, contract))
                {
                    return null;
                }
            }
        }

        bool outletKnown = leaves.ContainsKey("outlet_id") || (partitionOutlet >= 0 && supplied?.Contains("outlet_id") == true);
        return outletKnown && leaves.ContainsKey("hour")
            ? new CemsHourlyPages(path, file, footer, outlets, leaves, utc, illustrative, leaves.ContainsKey("outlet_id") ? -1 : partitionOutlet)
            : null;
    }

    /// <summary>Opens a worker's file handle and decoder; dispose it when the worker is done.</summary>
    public Worker OpenWorker() => new(FooterCheck.OpenRead(Path, File), Largest);

    /// <summary>Reads a row group.</summary>
    /// <param name="worker">The calling worker's handle and buffers.</param>
    /// <param name="rowGroup">The row group.</param>
    /// <param name="rows">Receives the rows; its capacity is <see cref="Largest"/>.</param>
    /// <returns>Whether the rows were read; false when the row group is for Parquet.Net to read: a layout the decoder
    /// leaves, or a value the model would refuse.</returns>
    /// <exception cref="ShapotouDataException">A page is malformed; the message names file, column, row group and page.</exception>
    public bool Read(Worker worker, int rowGroup, CemsPageRowGroup rows)
    {
        long count64 = _footer.RowGroupRows[rowGroup];
        if (count64 > rows.Capacity || count64 > worker.Capacity)
        {
            return false;
        }

        int count = (int)count64;
        foreach ((string name, int leaf) in _leaves)
        {
            ChunkInfo chunk = _footer.Chunk(rowGroup, leaf);
            if (!chunk.Decodable)
            {
                return false;
            }

            FooterColumn column = _footer.Columns[leaf];
            int width = column.PhysicalType switch { (int)PhysicalType.Int32 => 4, (int)PhysicalType.ByteArray => 0, _ => 8 };
            ParquetColumnScan.CheckDense(worker.Handle, File, name, rowGroup, chunk, count, count, new ChunkCheck.ColumnLevels(width, column.MaxDefinitionLevel, 0), _slack);
        }

        Span<int> outlets = rows.Outlets.AsSpan(0, count);
        Span<long> hours = worker.Hours.AsSpan(0, count);
        if (_partitionOutlet >= 0)
        {
            // The file has no outlet_id column: every row is the partition folder's outlet.
            outlets.Fill(_partitionOutlet);
        }
        else if (!Decode(worker, rowGroup, "outlet_id", outlets, -1, _outlets))
        {
            return false;
        }

        if (!Decode(worker, rowGroup, "hour", hours, long.MinValue))
        {
            return false;
        }

        for (int f = 0; f < s_flagColumns.Length; f++)
        {
            if (_leaves.ContainsKey(s_flagColumns[f]) && !Decode(worker, rowGroup, s_flagColumns[f], worker.Flags[f].AsSpan(0, count), -1, s_flagCodes))
            {
                return false;
            }
        }

        double[][] numbers = [rows.So2, rows.Nox, rows.Pm, rows.Oxygen, rows.Flow, rows.Ammonia];
        for (int n = 0; n < s_numberColumns.Length; n++)
        {
            Span<double> values = numbers[n].AsSpan(0, count);
            if (!_leaves.ContainsKey(s_numberColumns[n]))
            {
                values.Fill(double.NaN);
            }
            else if (!Decode(worker, rowGroup, s_numberColumns[n], values, double.NaN) || !InRange(values, s_numberColumns[n] == "o2" ? 21 : double.PositiveInfinity))
            {
                return false;
            }
        }

        if (_leaves.ContainsKey("valid_minutes"))
        {
            Span<int> minutes = worker.Minutes.AsSpan(0, count);
            if (!Decode(worker, rowGroup, "valid_minutes", minutes, 0) || minutes.ContainsAnyExceptInRange(0, 60))
            {
                return false;
            }
        }

        if (!Times(hours, rows.Hours.AsSpan(0, count)) || outlets.IndexOfAnyInRange(int.MinValue, -1) >= 0)
        {
            return false;
        }

        bool has(int f) => _leaves.ContainsKey(s_flagColumns[f]);
        Span<DataFlag> rowFlags = rows.Flags.AsSpan(0, count);
        if (has(0))
        {
            if (!Resolve(worker.Flags[0].AsSpan(0, count), default, rowFlags))
            {
                return false;
            }
        }
        else
        {
            rowFlags.Fill(DataFlag.N);
        }

        // o2_flag: checked, not kept (no figure reads it).
        if (has(4) && !Resolve(worker.Flags[4].AsSpan(0, count), rowFlags, rows.So2Flags.AsSpan(0, count)))
        {
            return false;
        }

        (int Column, DataFlag[] Flags)[] resolved = [(1, rows.So2Flags), (2, rows.NoxFlags), (3, rows.PmFlags), (5, rows.FlowFlags)];
        foreach ((int f, DataFlag[] flags) in resolved)
        {
            if (!has(f))
            {
                rowFlags.CopyTo(flags);
            }
            else if (!Resolve(worker.Flags[f].AsSpan(0, count), rowFlags, flags.AsSpan(0, count)))
            {
                return false;
            }
        }

        rows.RowGroup = rowGroup;
        rows.RowCount = count;
        rows.HasAmmonia = _leaves.ContainsKey("nh3");
        return true;
    }

    /// <summary>Whether the page decoder reads a contract column of this physical type and annotation.</summary>
    private static bool Readable(FooterColumn column, ColumnSpec contract)
    {
        if (column.MaxRepetitionLevel != 0 || column.MaxDefinitionLevel > 1)
        {
            return false;
        }

        return contract.Type switch
        {
            ColumnType.Text => column.PhysicalType == (int)PhysicalType.ByteArray,
            ColumnType.Timestamp => column.PhysicalType == (int)PhysicalType.Int64 && column.Timestamp != TimestampUnit.None,
            ColumnType.Quantity => column.PhysicalType == (int)PhysicalType.Double && !column.Annotated,
            ColumnType.Count => column.PhysicalType == (int)PhysicalType.Int32 && !column.Annotated,
            _ => false,
        };
    }

    /// <summary>Whether every number is NaN (missing) or in the model's range: at least 0, below <paramref name="below"/> and finite.</summary>
    private static bool InRange(ReadOnlySpan<double> values, double below)
    {
        foreach (double v in values)
        {
            if (v < 0 || v >= below)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Flag codes as flags: a null is the row's flag (N for the row flag itself); false on an unknown code.</summary>
    private static bool Resolve(ReadOnlySpan<int> codes, ReadOnlySpan<DataFlag> rows, Span<DataFlag> flags)
    {
        for (int i = 0; i < codes.Length; i++)
        {
            int code = codes[i];
            if (code >= 0)
            {
                flags[i] = s_flags[code];
            }
            else if (code == -1)
            {
                flags[i] = rows.IsEmpty ? DataFlag.N : rows[i];
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>INT64 timestamps as China Standard Time clock hours; false when one is null, out of range or not on the hour.</summary>
    private bool Times(ReadOnlySpan<long> values, Span<DateTime> times)
    {
        (long perTick, long ticksPer) = _hourUnit switch
        {
            TimestampUnit.Millis => (1L, TimeSpan.TicksPerMillisecond),
            TimestampUnit.Micros => (1L, TimeSpan.TicksPerMicrosecond),
            _ => (100L, 1L),
        };
        long offset = _utc ? ParquetTableReader.ChinaStandardTime.Ticks : 0;
        long epoch = DateTime.UnixEpoch.Ticks;
        for (int i = 0; i < values.Length; i++)
        {
            long v = values[i];
            if (v == long.MinValue || v % perTick != 0)
            {
                return false;
            }

            // |v| / perTick × ticksPer stays within ±2^63 only for the range of DateTime, checked after.
            long units = v / perTick;
            if (units > (DateTime.MaxValue.Ticks / ticksPer) || units < -(DateTime.MaxValue.Ticks / ticksPer))
            {
                return false;
            }

            long ticks = (units * ticksPer) + epoch + offset;
            if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks || ticks % TimeSpan.TicksPerHour != 0)
            {
                return false;
            }

            times[i] = new DateTime(ticks, DateTimeKind.Unspecified);
        }

        return true;
    }

    /// <summary>Decodes one column of the row group; false when its layout is one the decoder leaves to Parquet.Net.</summary>
    private bool Decode<T>(Worker worker, int rowGroup, string name, Span<T> values, T missing, TextCodes? text = null)
        where T : unmanaged
    {
        int leaf = _leaves[name];
        FooterColumn column = _footer.Columns[leaf];
        try
        {
            worker.Pages.DecodeWithNulls(worker.Handle, _footer.Chunk(rowGroup, leaf), column.MaxDefinitionLevel == 1, values, missing, text);
            return true;
        }
        catch (PageFormatException exception) when (exception.Unsupported)
        {
            return false;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw ParquetColumnScan.PageError(File, name, rowGroup, worker.Pages.Page, exception);
        }
    }

    /// <summary>A worker's own file handle, page buffers and the buffers of values no caller keeps.</summary>
    internal sealed class Worker(SafeFileHandle handle, int capacity) : IDisposable
    {
        public SafeFileHandle Handle { get; } = handle;

        public ColumnChunkDecoder Pages { get; } = new();

        public int Capacity { get; } = capacity;

        public long[] Hours { get; } = new long[capacity];

        public int[][] Flags { get; } = [.. s_flagColumns.Select(_ => new int[capacity])];

        public int[] Minutes { get; } = new int[capacity];

        public void Dispose()
        {
            Pages.Dispose();
            Handle.Dispose();
        }
    }
}
