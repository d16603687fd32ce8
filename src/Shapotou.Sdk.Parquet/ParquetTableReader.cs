using System.Globalization;
using System.Runtime.CompilerServices;
using Parquet;
using Microsoft.Win32.SafeHandles;
using Parquet.Schema;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Parquet.Pages;
using Shapotou.Sdk.Units;

namespace Shapotou.Sdk.Parquet;

/// <summary>
/// Reads a contract table from a Parquet file written by anyone: physical types are widened (float, int32, int64,
/// decimal → double; int 0/1 → boolean; TIMESTAMP at midnight → date), UTC-adjusted and INT96 timestamps are converted
/// to China Standard Time, and units come from the file's <c>shapotou.unit.&lt;column&gt;</c> keys or the defaults.
/// </summary>
internal static class ParquetTableReader
{
    private static readonly TimeSpan s_chinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>The options every SDK reader opens files with: DATE as <see cref="DateOnly"/>, byte arrays as text.</summary>
    internal static ParquetOptions Options => new() { UseDateOnlyTypeForDates = true, TreatByteArrayAsString = true };

    /// <summary>Reads the whole file, row group by row group.</summary>
    public static async Task<TableData> ReadAsync(string path, TableSpec spec, CancellationToken cancellationToken)
    {
        var batches = new List<TableData>();
        await foreach (TableData batch in ReadRowGroupsAsync(path, spec, cancellationToken).ConfigureAwait(false))
        {
            batches.Add(batch);
        }

        return Concatenate(spec, path, batches);
    }

    /// <summary>Reads one row group at a time, so memory stays bounded by the row-group size.</summary>
    /// <param name="path">The file.</param>
    /// <param name="spec">The table.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="name">The file's name in messages (its file name when null).</param>
    /// <param name="supplied">Columns supplied from elsewhere (a partition folder's name): not required of the file.</param>
    /// <param name="only">The one row group to read, or null for all.</param>
    public static async IAsyncEnumerable<TableData> ReadRowGroupsAsync(string path, TableSpec spec, [EnumeratorCancellation] CancellationToken cancellationToken, string? name = null, IReadOnlySet<string>? supplied = null, int? only = null)
    {
        string file = name ?? Path.GetFileName(path);
        ParquetReader reader = await OpenAsync(path, file, cancellationToken).ConfigureAwait(false);
        using SafeFileHandle handle = FooterCheck.OpenRead(path, file);
        await using (reader.ConfigureAwait(false))
        {
            Dictionary<string, DataField> fields;
            DataField[] leaves;
            try
            {
                fields = Fields(reader, spec, file, supplied);
                leaves = reader.Schema.GetDataFields();
            }
            catch (Exception exception) when (exception is not ShapotouDataException)
            {
                throw new ShapotouDataException($"File '{file}' has a schema the SDK cannot read: {exception.Message.TrimEnd('.')}.", exception);
            }

            Dictionary<string, Enum> units = Units(reader, spec, fields, file);
            for (int g = only ?? 0; g < (only + 1 ?? reader.RowGroupCount) && g < reader.RowGroupCount; g++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using ParquetRowGroupReader group = OpenRowGroup(reader, g, file);

                // FooterCheck bounds a row group's rows by int.MaxValue; its chunks' pages must hold them (checked
                // from their headers) before anything is sized by them.
                foreach (ColumnSpec column in spec.Columns)
                {
                    if (fields.TryGetValue(column.Name, out DataField? field))
                    {
                        CheckChunk(reader, handle, leaves, field, g, file);
                    }
                }

                int rows = (int)group.RowCount;
                var batch = new TableData(spec, file, rows);
                batch.AddRowGroup(g, 0);
                foreach (KeyValuePair<string, string> pair in reader.CustomMetadata ?? [])
                {
                    batch.Metadata[pair.Key] = pair.Value;
                }

                foreach (ColumnSpec column in spec.Columns)
                {
                    if (fields.TryGetValue(column.Name, out DataField? field))
                    {
                        ColumnData data;
                        try
                        {
                            data = await ReadColumnAsync(group, field, column, rows, units.GetValueOrDefault(column.Name), $"File '{file}', column '{column.Name}', row group {g}", cancellationToken).ConfigureAwait(false);
                        }
                        catch (Exception exception) when (exception is not ShapotouDataException and not OperationCanceledException)
                        {
                            throw new ShapotouDataException($"File '{file}', column '{column.Name}', row group {g}: the column cannot be read ({exception.Message.TrimEnd('.')}).", exception);
                        }

                        CheckRequired(data, column, $"File '{file}', column '{column.Name}', row group {g}");
                        batch.Add(data);
                    }
                }

                yield return batch;
            }
        }
    }

    /// <summary>Opens a row group; Parquet.Net's errors become refusals naming the file and row group.</summary>
    internal static ParquetRowGroupReader OpenRowGroup(ParquetReader reader, int g, string file)
    {
        try
        {
            return reader.OpenRowGroupReader(g);
        }
        catch (Exception exception)
        {
            throw new ShapotouDataException(string.Create(CultureInfo.InvariantCulture, $"File '{file}', row group {g}: the row group cannot be opened ({exception.Message.TrimEnd('.')})."), exception);
        }
    }

    /// <summary>Checks a column chunk's pages (<see cref="ChunkCheck"/>) before Parquet.Net reads it.</summary>
    /// <exception cref="ShapotouDataException">A page is malformed or contradicts the chunk; the message names file, column, row group and page.</exception>
    internal static void CheckChunk(ParquetReader reader, SafeFileHandle handle, DataField[] leaves, DataField field, int g, string file)
    {
        int page = 0;
        try
        {
            global::Parquet.Meta.ColumnChunk chunk = reader.Metadata!.RowGroups[g].Columns[Array.IndexOf(leaves, field)];
            ChunkCheck.Check(handle, ChunkCheck.FromMetadata(chunk), chunk.MetaData!.NumValues, ChunkCheck.Slack(reader.Metadata.CreatedBy), ChunkCheck.ColumnLevels.Of(field, chunk), out page);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new ShapotouDataException(string.Create(CultureInfo.InvariantCulture, $"File '{file}', column '{field.Path}', row group {g}, page {page}: {exception.Message.TrimEnd('.')}."), exception);
        }
    }

    /// <summary>Opens a file with Parquet.Net once the SDK's bounded reader has accepted its footer.</summary>
    internal static async Task<ParquetReader> OpenAsync(string path, string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"File '{path}' does not exist.", path);
        }

        // Parquet.Net spins on some malformed footers: only one the SDK's bounded reader accepts reaches it.
        FooterCheck.Validate(path, file);
        try
        {
            return await ParquetReader.CreateAsync(path, Options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not FileNotFoundException)
        {
            throw new ShapotouDataException($"File '{file}' is not a readable Parquet file: {exception.Message.TrimEnd('.')}.", exception);
        }
    }

    internal static Dictionary<string, DataField> Fields(ParquetReader reader, TableSpec spec, string file, IReadOnlySet<string>? supplied)
    {
        // Columns are the schema's top-level fields. A contract column must be a flat one: nested in a group, a list or
        // a map it is refused, never flattened; other non-contract fields are ignored whatever their shape.
        var fields = new Dictionary<string, DataField>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Field top in reader.Schema.Fields)
        {
            if (!names.Add(top.Name))
            {
                throw new ShapotouDataException($"File '{file}' has the column '{top.Name}' twice; expected each column once.");
            }

            if (top is DataField { MaxRepetitionLevel: 0 } data)
            {
                fields[top.Name] = data;
            }
            else if (spec.Find(top.Name) is { } column)
            {
                string shape = top switch
                {
                    ListField or DataField => "repeated (a list)",
                    MapField => "a map",
                    _ => "a group of nested columns",
                };
                throw new ShapotouDataException($"File '{file}', column '{column.Name}' is {shape}; expected a flat column of table '{spec.Name}'.");
            }
        }

        foreach (ColumnSpec column in spec.Columns.Where(c => c.Required && !fields.ContainsKey(c.Name) && supplied?.Contains(c.Name) != true))
        {
            throw new ShapotouDataException(
                $"File '{file}' lacks the required column '{column.Name}' of table '{spec.Name}'; it has {string.Join(", ", fields.Keys)}.");
        }

        return fields;
    }

    internal static Dictionary<string, Enum> Units(ParquetReader reader, TableSpec spec, Dictionary<string, DataField> fields, string file)
    {
        var units = new Dictionary<string, Enum>(StringComparer.Ordinal);
        Dictionary<string, string> metadata = reader.CustomMetadata ?? [];
        foreach (ColumnSpec column in spec.Columns.Where(c => c.Type == ColumnType.Quantity && fields.ContainsKey(c.Name)))
        {
            if (!metadata.TryGetValue($"shapotou.unit.{column.Name}", out string? unitName))
            {
                units[column.Name] = column.DefaultUnit!;
                continue;
            }

            if (unitName is null)
            {
                throw new ShapotouDataException($"File '{file}', column '{column.Name}': the key 'shapotou.unit.{column.Name}' has no value; expected a unit name such as '{QuantityUnits.NameOf(column.DefaultUnit!)}'.");
            }

            string quantity = metadata.GetValueOrDefault($"shapotou.quantity.{column.Name}") ?? column.QuantityName!;
            if (!string.Equals(quantity, column.QuantityName, StringComparison.Ordinal))
            {
                throw new ShapotouDataException(
                    $"File '{file}', column '{column.Name}' has quantity '{quantity}'; expected '{column.QuantityName}'.");
            }

            try
            {
                units[column.Name] = QuantityUnits.ParseUnit(quantity, unitName);
            }
            catch (ShapotouDataException exception)
            {
                throw new ShapotouDataException($"File '{file}', column '{column.Name}': {exception.Message}", exception);
            }
        }

        return units;
    }

    private static void CheckRequired(ColumnData data, ColumnSpec column, string where)
    {
        if (!column.Required)
        {
            return;
        }

        for (int i = 0; i < data.Length; i++)
        {
            bool missing = data.Values.GetValue(i) switch
            {
                null => true,
                double d => double.IsNaN(d),
                _ => false,
            };
            if (missing)
            {
                throw new ShapotouDataException(string.Create(CultureInfo.InvariantCulture, $"{where}, row {i}: the value is null; the column is required."));
            }
        }
    }

    private static async Task<ColumnData> ReadColumnAsync(ParquetRowGroupReader group, DataField field, ColumnSpec column, int rows, Enum? unit, string where, CancellationToken cancellationToken)
    {
        Type type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        switch (column.Type)
        {
            case ColumnType.Text:
                if (type != typeof(string) && type != typeof(ReadOnlyMemory<char>))
                {
                    throw Kind(where, field, "text");
                }

                var text = new string?[rows];
                await group.ReadAsync(field, text.AsMemory(), null, cancellationToken).ConfigureAwait(false);
                return ColumnData.Text(column, text);

            case ColumnType.Quantity or ColumnType.Number:
                return ColumnData.Numbers(column, await ReadNumbersAsync(group, field, type, rows, where, cancellationToken).ConfigureAwait(false), unit);

            case ColumnType.Boolean:
                if (type == typeof(bool))
                {
                    return ColumnData.Booleans(column, await ReadAsync<bool>(group, field, rows, cancellationToken).ConfigureAwait(false));
                }

                double[] flags = await ReadNumbersAsync(group, field, type, rows, where, cancellationToken).ConfigureAwait(false);
                var booleans = new bool?[rows];
                for (int i = 0; i < rows; i++)
                {
                    booleans[i] = flags[i] switch
                    {
                        0 => false,
                        1 => true,
                        double.NaN => null,
                        var other => throw new ShapotouDataException(string.Create(CultureInfo.InvariantCulture, $"{where}, row {i}: {other} is not a boolean; expected true, false, 0 or 1.")),
                    };
                }

                return ColumnData.Booleans(column, booleans);

            case ColumnType.Count:
                double[] integers = await ReadNumbersAsync(group, field, type, rows, where, cancellationToken).ConfigureAwait(false);
                return ColumnData.Integers(column, integers.Select(v => double.IsNaN(v) ? (int?)null : checked((int)v)).ToArray());

            case ColumnType.Date:
                if (type == typeof(DateOnly))
                {
                    return ColumnData.Dates(column, await ReadAsync<DateOnly>(group, field, rows, cancellationToken).ConfigureAwait(false));
                }

                DateTime?[] midnights = await ReadTimesAsync(group, field, type, rows, where, cancellationToken).ConfigureAwait(false);
                var dates = new DateOnly?[rows];
                for (int i = 0; i < rows; i++)
                {
                    if (midnights[i] is { } t)
                    {
                        if (t.TimeOfDay != TimeSpan.Zero)
                        {
                            throw new ShapotouDataException(string.Create(CultureInfo.InvariantCulture, $"{where}, row {i}: {t:yyyy-MM-dd HH:mm:ss} is not a date; expected 00:00."));
                        }

                        dates[i] = DateOnly.FromDateTime(t);
                    }
                }

                return ColumnData.Dates(column, dates);

            default:
                return ColumnData.Times(column, await ReadTimesAsync(group, field, type, rows, where, cancellationToken).ConfigureAwait(false));
        }
    }

    private static async Task<T?[]> ReadAsync<T>(ParquetRowGroupReader group, DataField field, int rows, CancellationToken cancellationToken)
        where T : struct
    {
        var values = new T?[rows];
        if (field.IsNullable)
        {
            await group.ReadAsync<T>(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var dense = new T[rows];
            await group.ReadAsync<T>(field, dense.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < rows; i++)
            {
                values[i] = dense[i];
            }
        }

        return values;
    }

    private static async Task<double[]> ReadNumbersAsync(ParquetRowGroupReader group, DataField field, Type type, int rows, string where, CancellationToken cancellationToken)
    {
        return type switch
        {
            _ when type == typeof(double) => Widen(await ReadAsync<double>(group, field, rows, cancellationToken).ConfigureAwait(false), v => v),
            _ when type == typeof(float) => Widen(await ReadAsync<float>(group, field, rows, cancellationToken).ConfigureAwait(false), v => v),
            _ when type == typeof(int) => Widen(await ReadAsync<int>(group, field, rows, cancellationToken).ConfigureAwait(false), v => v),
            _ when type == typeof(long) => Widen(await ReadAsync<long>(group, field, rows, cancellationToken).ConfigureAwait(false), v => v),
            _ when type == typeof(short) => Widen(await ReadAsync<short>(group, field, rows, cancellationToken).ConfigureAwait(false), v => v),
            _ when type == typeof(byte) => Widen(await ReadAsync<byte>(group, field, rows, cancellationToken).ConfigureAwait(false), v => v),
            _ when type == typeof(sbyte) => Widen(await ReadAsync<sbyte>(group, field, rows, cancellationToken).ConfigureAwait(false), v => v),
            _ when type == typeof(ushort) => Widen(await ReadAsync<ushort>(group, field, rows, cancellationToken).ConfigureAwait(false), v => v),
            _ when type == typeof(uint) => Widen(await ReadAsync<uint>(group, field, rows, cancellationToken).ConfigureAwait(false), v => v),
            _ when type == typeof(ulong) => Widen(await ReadAsync<ulong>(group, field, rows, cancellationToken).ConfigureAwait(false), v => v),
            _ when type == typeof(decimal) => Widen(await ReadAsync<decimal>(group, field, rows, cancellationToken).ConfigureAwait(false), v => (double)v),
            _ => throw Kind(where, field, "a number"),
        };
    }

    private static double[] Widen<T>(T?[] values, Func<T, double> widen)
        where T : struct
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = values[i] is { } v ? widen(v) : double.NaN;
        }

        return result;
    }

    /// <summary>
    /// Whether a timestamp column holds instants (UTC-adjusted, or INT96, taken as UTC), converted to China Standard
    /// Time by adding <see cref="ChinaStandardTime"/>; other timestamps are CST wall clock.
    /// </summary>
    internal static bool IsUtc(DataField field) => field is DateTimeDataField dt && (dt.IsAdjustedToUTC || dt.DateTimeFormat == DateTimeFormat.Impala);

    /// <summary>Gets China Standard Time's offset from UTC.</summary>
    internal static TimeSpan ChinaStandardTime => s_chinaStandardTime;

    private static async Task<DateTime?[]> ReadTimesAsync(ParquetRowGroupReader group, DataField field, Type type, int rows, string where, CancellationToken cancellationToken)
    {
        if (type == typeof(DateTimeOffset))
        {
            DateTimeOffset?[] offsets = await ReadAsync<DateTimeOffset>(group, field, rows, cancellationToken).ConfigureAwait(false);
            return offsets.Select(o => o is { } v ? v.ToOffset(s_chinaStandardTime).DateTime : (DateTime?)null).ToArray();
        }

        if (type == typeof(DateOnly))
        {
            DateOnly?[] days = await ReadAsync<DateOnly>(group, field, rows, cancellationToken).ConfigureAwait(false);
            return days.Select(d => d?.ToDateTime(TimeOnly.MinValue)).ToArray();
        }

        if (type != typeof(DateTime))
        {
            throw Kind(where, field, "a date or timestamp");
        }

        DateTime?[] times = await ReadAsync<DateTime>(group, field, rows, cancellationToken).ConfigureAwait(false);

        bool utc = IsUtc(field);
        for (int i = 0; i < rows; i++)
        {
            if (times[i] is { } t)
            {
                times[i] = DateTime.SpecifyKind(utc ? t + s_chinaStandardTime : t, DateTimeKind.Unspecified);
            }
        }

        return times;
    }

    /// <summary>Describes how the SDK reads a column of this physical type.</summary>
    internal static string KindOf(DataField field)
    {
        Type type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        return type switch
        {
            _ when type == typeof(string) || type == typeof(ReadOnlyMemory<char>) => "text",
            _ when type == typeof(bool) => "boolean",
            _ when type == typeof(DateOnly) => "date",
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => "time (China Standard Time)",
            _ when type == typeof(byte[]) => "bytes (not a contract type)",
            _ when type == typeof(double) => "number",
            _ when type == typeof(float) => "number (32-bit floating point, read as 64-bit)",
            _ when type == typeof(decimal) => "number (decimal, read as 64-bit floating point)",
            _ when type == typeof(long) || type == typeof(ulong) => "number (64-bit integers, read as floating point)",
            _ => "number (integers, read as floating point)",
        };
    }

    /// <summary>
    /// Reads a column of any supported type and counts its values and nulls; throws for what the SDK refuses. The first
    /// <paramref name="headRows"/> values, as invariant text (null for a null), are added to <paramref name="head"/>.
    /// </summary>
    internal static async Task<(long Values, long Nulls)> CountAsync(ParquetRowGroupReader group, DataField field, int rows, CancellationToken cancellationToken, List<string?>? head = null, int headRows = 0)
    {
        Type type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        string where = $"column '{field.Name}'";
        object?[] values;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var text = new string?[rows];
            await group.ReadAsync(field, text.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            values = text;
        }
        else if (type == typeof(byte[]))
        {
            var bytes = new byte[]?[rows];
            await group.ReadAsync(field, bytes.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            values = bytes;
        }
        else if (type == typeof(bool))
        {
            values = (await ReadAsync<bool>(group, field, rows, cancellationToken).ConfigureAwait(false)).Cast<object?>().ToArray();
        }
        else if (type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            DateTime?[] times = await ReadTimesAsync(group, field, type, rows, where, cancellationToken).ConfigureAwait(false);
            string format = type == typeof(DateOnly) ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss";
            head?.AddRange(times.Take(headRows).Select(t => t?.ToString(format, CultureInfo.InvariantCulture)));
            return (rows, times.LongCount(t => t is null));
        }
        else
        {
            double[] numbers = await ReadNumbersAsync(group, field, type, rows, where, cancellationToken).ConfigureAwait(false);
            head?.AddRange(numbers.Take(headRows).Select(n => double.IsNaN(n) ? null : n.ToString("R", CultureInfo.InvariantCulture)));
            return (rows, numbers.LongCount(double.IsNaN));
        }

        head?.AddRange(values.Take(headRows).Select(Cell));
        return (rows, values.LongCount(v => v is null));
    }

    /// <summary>A value as invariant text for a person to read; bytes as their length.</summary>
    private static string? Cell(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        byte[] bytes => string.Create(CultureInfo.InvariantCulture, $"{bytes.Length} bytes"),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static ShapotouDataException Kind(string where, DataField field, string expected) =>
        new($"{where} holds {(Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType).Name} values; expected {expected}.");

    private static TableData Concatenate(TableSpec spec, string path, List<TableData> batches)
    {
        string file = Path.GetFileName(path);
        int total = batches.Sum(b => b.RowCount);
        var table = new TableData(spec, file, total);
        foreach (KeyValuePair<string, string> pair in batches.FirstOrDefault()?.Metadata ?? new Dictionary<string, string>())
        {
            table.Metadata[pair.Key] = pair.Value;
        }

        int offset = 0;
        for (int g = 0; g < batches.Count; g++)
        {
            table.AddRowGroup(g, offset);
            offset += batches[g].RowCount;
        }

        foreach (ColumnSpec column in spec.Columns)
        {
            ColumnData? first = batches.Select(b => b.Column(column.Name)).FirstOrDefault(c => c is not null);
            if (first is null)
            {
                continue;
            }

            ColumnData merged = ColumnData.Empty(column, total, first.Unit);
            int at = 0;
            foreach (TableData batch in batches)
            {
                Array.Copy(batch.Column(column.Name)!.Values, 0, merged.Values, at, batch.RowCount);
                at += batch.RowCount;
            }

            table.Add(merged);
        }

        return table;
    }
}
