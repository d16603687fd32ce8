using Microsoft.Win32.SafeHandles;
using Parquet;
using Parquet.Schema;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Parquet.Pages;

namespace Shapotou.Sdk.Parquet;

/// <summary>One row group of <c>cems_hourly</c> as the page decoder reads it: every value in the contract's default
/// unit, a null number as NaN, outlets as their place in table <c>outlets</c>, and each value's flag already resolved
/// (its own where the row has one, else the row's).</summary>
internal sealed class CemsPageRowGroup
{
    public required int RowGroup { get; init; }

    public required int RowCount { get; init; }

    /// <summary>Gets each row's outlet, as its place in the outlet ids the file was opened with.</summary>
    public required int[] Outlets { get; init; }

    public required DateTime[] Hours { get; init; }

    public required double[] So2 { get; init; }

    public required double[] Nox { get; init; }

    public required double[] Pm { get; init; }

    public required double[] Oxygen { get; init; }

    public required double[] Flow { get; init; }

    /// <summary>Gets the ammonia concentrations, or null when the file has no <c>nh3</c> column.</summary>
    public required double[]? Ammonia { get; init; }

    public required DataFlag[] Flags { get; init; }

    public required DataFlag[] So2Flags { get; init; }

    public required DataFlag[] NoxFlags { get; init; }

    public required DataFlag[] PmFlags { get; init; }

    public required DataFlag[] FlowFlags { get; init; }
}

/// <summary>
/// Reads a <c>cems_hourly</c> file row group by row group with the SDK's page decoder, without a string or a nullable
/// per row: text columns decoded to codes (each dictionary entry looked up once), timestamps from their INT64 values,
/// nulls kept as NaN or as the row's flag.
/// </summary>
/// <remarks>
/// <para>A file qualifies when its contract columns have the physical types the SDK and the common writers use
/// (BYTE_ARRAY text, INT64 TIMESTAMP, DOUBLE quantities in the default units, INT32 minutes); otherwise
/// <see cref="TryOpenAsync"/> returns null and the caller reads the file with Parquet.Net. A row group is read by the
/// page decoder only when every value passes the model's checks (a known outlet, a clock hour, a known flag, values
/// in range); otherwise <see cref="Read"/> returns null and the caller reads that row group with Parquet.Net, whose
/// path names the first bad value. So the two paths give the same rows, and the same errors.</para>
/// <para>A malformed page is refused here, naming file, column, row group and page, as the column scan does.</para>
/// </remarks>
internal sealed class CemsHourlyPages
{
    private static readonly string[] s_flagColumns = ["flag", "so2_flag", "nox_flag", "pm_flag", "o2_flag", "flow_flag"];
    private static readonly string[] s_numberColumns = ["so2", "nox", "pm", "o2", "flow", "nh3"];
    private static readonly TextCodes s_flagCodes = new(ContractNames.All<DataFlag>());
    private static readonly DataFlag[] s_flags = [.. ContractNames.All<DataFlag>().Select(name => ContractNames.Parse<DataFlag>(name, "flag"))];

    private readonly FileFooter _footer;
    private readonly TextCodes _outlets;
    private readonly Dictionary<string, int> _leaves;
    private readonly TimestampUnit _hourUnit;
    private readonly bool _utc;
    private readonly int _slack;

    private CemsHourlyPages(string path, string file, FileFooter footer, TextCodes outlets, Dictionary<string, int> leaves, bool utc, bool illustrative)
    {
        (Path, File, _footer, _outlets, _leaves, _utc, Illustrative) = (path, file, footer, outlets, leaves, utc, illustrative);
        _hourUnit = footer.Columns[leaves["hour"]].Timestamp;
        _slack = ChunkCheck.Slack(footer.CreatedBy);
        FirstRows = new long[footer.RowGroupRows.Length + 1];
        for (int g = 0; g < footer.RowGroupRows.Length; g++)
        {
            FirstRows[g + 1] = FirstRows[g] + footer.RowGroupRows[g];
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

    /// <summary>Opens a file for the page decoder, or returns null when its columns are not ones it reads.</summary>
    /// <param name="path">The file.</param>
    /// <param name="outletIds">The outlet ids of table <c>outlets</c>; a row's outlet is its place among them.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The reader, or null.</returns>
    /// <exception cref="ShapotouDataException">The file is not Parquet, is malformed, or lacks a required column.</exception>
    public static async Task<CemsHourlyPages?> TryOpenAsync(string path, IReadOnlyList<string> outletIds, CancellationToken cancellationToken)
    {
        string file = System.IO.Path.GetFileName(path);
        TableSpec spec = ContractSchema.CemsHourly;
        bool utc;
        bool illustrative;
        ParquetReader reader = await ParquetTableReader.OpenAsync(path, file, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            Dictionary<string, DataField> fields;
            try
            {
                fields = ParquetTableReader.Fields(reader, spec, file, null);
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

        return leaves.ContainsKey("outlet_id") && leaves.ContainsKey("hour")
            ? new CemsHourlyPages(path, file, footer, new TextCodes(outletIds), leaves, utc, illustrative)
            : null;
    }

    /// <summary>Opens a worker's file handle and decoder; dispose it when the worker is done.</summary>
    public Worker OpenWorker() => new(FooterCheck.OpenRead(Path, File));

    /// <summary>Reads a row group.</summary>
    /// <param name="worker">The calling worker's handle and buffers.</param>
    /// <param name="rowGroup">The row group.</param>
    /// <returns>The rows, or null when the row group is for Parquet.Net to read: a layout the decoder leaves, or a
    /// value the model would refuse.</returns>
    /// <exception cref="ShapotouDataException">A page is malformed; the message names file, column, row group and page.</exception>
    public CemsPageRowGroup? Read(Worker worker, int rowGroup)
    {
        long rows64 = _footer.RowGroupRows[rowGroup];
        if (rows64 > Array.MaxLength)
        {
            return null;
        }

        int rows = (int)rows64;
        foreach ((string name, int leaf) in _leaves)
        {
            ChunkInfo chunk = _footer.Chunk(rowGroup, leaf);
            if (!chunk.Decodable)
            {
                return null;
            }

            FooterColumn column = _footer.Columns[leaf];
            int width = column.PhysicalType switch { (int)PhysicalType.Int32 => 4, (int)PhysicalType.ByteArray => 0, _ => 8 };
            ParquetColumnScan.CheckDense(worker.Handle, File, name, rowGroup, chunk, rows, rows, new ChunkCheck.ColumnLevels(width, column.MaxDefinitionLevel, 0), _slack);
        }

        var outlets = new int[rows];
        var hours = new long[rows];
        var flags = new int[s_flagColumns.Length][];
        var numbers = new double[s_numberColumns.Length][];
        if (!Decode(worker, rowGroup, "outlet_id", outlets, -1, _outlets) || !Decode(worker, rowGroup, "hour", hours, long.MinValue))
        {
            return null;
        }

        for (int f = 0; f < s_flagColumns.Length; f++)
        {
            if (_leaves.ContainsKey(s_flagColumns[f]))
            {
                flags[f] = new int[rows];
                if (!Decode(worker, rowGroup, s_flagColumns[f], flags[f], -1, s_flagCodes))
                {
                    return null;
                }
            }
        }

        for (int n = 0; n < s_numberColumns.Length; n++)
        {
            numbers[n] = new double[rows];
            if (!_leaves.ContainsKey(s_numberColumns[n]))
            {
                Array.Fill(numbers[n], double.NaN);
            }
            else if (!Decode(worker, rowGroup, s_numberColumns[n], numbers[n], double.NaN))
            {
                return null;
            }
        }

        if (_leaves.ContainsKey("valid_minutes"))
        {
            var minutes = new int[rows];
            if (!Decode(worker, rowGroup, "valid_minutes", minutes, 0) || minutes.AsSpan().ContainsAnyExceptInRange(0, 60))
            {
                return null;
            }
        }

        DateTime[]? times = Times(hours);
        if (times is null || outlets.AsSpan().IndexOfAnyInRange(int.MinValue, -1) >= 0 || !InRange(numbers))
        {
            return null;
        }

        DataFlag[]? rowFlags = flags[0] is null ? new DataFlag[rows] : Resolve(flags[0], null);
        if (rowFlags is null || (flags[4] is not null && Resolve(flags[4], rowFlags) is null))
        {
            return null;
        }

        DataFlag[]? so2 = flags[1] is null ? rowFlags : Resolve(flags[1], rowFlags);
        DataFlag[]? nox = flags[2] is null ? rowFlags : Resolve(flags[2], rowFlags);
        DataFlag[]? pm = flags[3] is null ? rowFlags : Resolve(flags[3], rowFlags);
        DataFlag[]? flow = flags[5] is null ? rowFlags : Resolve(flags[5], rowFlags);
        if (so2 is null || nox is null || pm is null || flow is null)
        {
            return null;
        }

        return new CemsPageRowGroup
        {
            RowGroup = rowGroup,
            RowCount = rows,
            Outlets = outlets,
            Hours = times,
            So2 = numbers[0],
            Nox = numbers[1],
            Pm = numbers[2],
            Oxygen = numbers[3],
            Flow = numbers[4],
            Ammonia = _leaves.ContainsKey("nh3") ? numbers[5] : null,
            Flags = rowFlags,
            So2Flags = so2,
            NoxFlags = nox,
            PmFlags = pm,
            FlowFlags = flow,
        };
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

    /// <summary>Whether every number is NaN (missing) or in the model's range: at least 0 and finite, O₂ below 21 %.</summary>
    private static bool InRange(double[][] numbers)
    {
        for (int n = 0; n < numbers.Length; n++)
        {
            double below = s_numberColumns[n] == "o2" ? 21 : double.PositiveInfinity;
            foreach (double v in numbers[n])
            {
                if (v < 0 || v >= below)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Flag codes as flags: a null is the row's flag (N for the row flag itself); an unknown code is null.</summary>
    private static DataFlag[]? Resolve(int[] codes, DataFlag[]? rows)
    {
        var flags = new DataFlag[codes.Length];
        for (int i = 0; i < codes.Length; i++)
        {
            int code = codes[i];
            if (code >= 0)
            {
                flags[i] = s_flags[code];
            }
            else if (code == -1)
            {
                flags[i] = rows is null ? DataFlag.N : rows[i];
            }
            else
            {
                return null;
            }
        }

        return flags;
    }

    /// <summary>INT64 timestamps as China Standard Time clock hours, or null when one is null, out of range or not on the hour.</summary>
    private DateTime[]? Times(long[] values)
    {
        (long perTick, long ticksPer) = _hourUnit switch
        {
            TimestampUnit.Millis => (1L, TimeSpan.TicksPerMillisecond),
            TimestampUnit.Micros => (1L, TimeSpan.TicksPerMicrosecond),
            _ => (100L, 1L),
        };
        long offset = _utc ? ParquetTableReader.ChinaStandardTime.Ticks : 0;
        long epoch = DateTime.UnixEpoch.Ticks;
        var times = new DateTime[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            long v = values[i];
            if (v == long.MinValue || v % perTick != 0)
            {
                return null;
            }

            long ticks;
            try
            {
                ticks = checked((v / perTick * ticksPer) + epoch + offset);
            }
            catch (OverflowException)
            {
                return null;
            }

            if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks || ticks % TimeSpan.TicksPerHour != 0)
            {
                return null;
            }

            times[i] = new DateTime(ticks, DateTimeKind.Unspecified);
        }

        return times;
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

    /// <summary>A worker's own file handle and page buffers.</summary>
    internal sealed class Worker(SafeFileHandle handle) : IDisposable
    {
        public SafeFileHandle Handle { get; } = handle;

        public ColumnChunkDecoder Pages { get; } = new();

        public void Dispose()
        {
            Pages.Dispose();
            Handle.Dispose();
        }
    }

}
