using System.Globalization;
using Parquet;
using Parquet.Schema;
using Shapotou.Sdk.Contract;

namespace Shapotou.Sdk.Parquet;

/// <summary>
/// Describes any Parquet file the way the SDK reads it: its schema, row groups and rows, the contract table it matches,
/// and for each column what the SDK reads (a number, text, a boolean, a date or a time) or why it refuses it.
/// </summary>
public static class ParquetInspector
{
    /// <summary>Inspects a file. A file the SDK cannot open is reported as refused, not thrown.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the inspection.</param>
    /// <returns>The report.</returns>
    public static Task<ParquetInspection> InspectAsync(string path, CancellationToken cancellationToken = default) =>
        InspectAsync(path, 0, cancellationToken);

    /// <summary>Inspects a file and reads its first rows. A file the SDK cannot open is reported as refused, not thrown.</summary>
    /// <param name="path">The file.</param>
    /// <param name="headRows">How many of the first rows to read into <see cref="InspectedColumn.Head"/>; 0 for none.</param>
    /// <param name="cancellationToken">Cancels the inspection.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="headRows"/> is negative.</exception>
    public static async Task<ParquetInspection> InspectAsync(string path, int headRows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegative(headRows);
        string file = Path.GetFileName(path);
        ParquetReader reader;
        try
        {
            // The SDK's bounded footer reader first: Parquet.Net spins on some malformed footers.
            reader = await ParquetTableReader.OpenAsync(path, file, cancellationToken).ConfigureAwait(false);
        }
        catch (ShapotouDataException exception)
        {
            return new ParquetInspection(file, 0, 0, null, [], exception.Message);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A file that cannot be opened at all (missing, unreadable) is reported, not thrown.
            return new ParquetInspection(file, 0, 0, null, [], $"File '{file}' is not a readable Parquet file: {exception.Message.TrimEnd('.')}.");
        }

        await using (reader.ConfigureAwait(false))
        {
            try
            {
                using Microsoft.Win32.SafeHandles.SafeFileHandle handle = Pages.FooterCheck.OpenRead(path, file);
                return await InspectOpenedAsync(reader, handle, path, file, headRows, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Schemas Parquet.Net cannot model (float16, maps without values, unannotated repeated groups, unknown
                // physical types) surface here: the file is refused with the reason, never a crash.
                return new ParquetInspection(file, 0, 0, null, [], $"File '{file}' cannot be read: {exception.Message.TrimEnd('.')}.");
            }
        }
    }

    /// <summary>
    /// For each top-level INT32 or DOUBLE column, how <see cref="ParquetColumnScan"/> reads it: with the page decoder in
    /// every row group, in some, or with Parquet.Net (and why: the codec, or a layout the decoder leaves).
    /// </summary>
    private static Dictionary<string, string> FastScan(string path, DataField[] fields)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] wanted = [.. fields.Where(f => !f.IsArray && (f.ClrType == typeof(int) || f.ClrType == typeof(int?) || f.ClrType == typeof(double) || f.ClrType == typeof(double?))).Select(f => f.Name)];
        if (wanted.Length == 0)
        {
            return result;
        }

        Pages.FileFooter footer;
        try
        {
            using Microsoft.Win32.SafeHandles.SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            footer = Pages.FileFooter.Read(handle, wanted);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Advice, not a verdict: whatever goes wrong here, the file's reading is judged above.
            return wanted.ToDictionary(n => n, n => $"Parquet.Net (footer: {exception.Message})", StringComparer.Ordinal);
        }

        string[] codecs = ["UNCOMPRESSED", "SNAPPY", "GZIP", "LZO", "BROTLI", "LZ4", "ZSTD", "LZ4_RAW"];
        for (int leaf = 0; leaf < footer.Columns.Count; leaf++)
        {
            Pages.FooterColumn column = footer.Columns[leaf];
            if (column.Depth != 1 || !wanted.Contains(column.Name))
            {
                continue;
            }

            int groups = footer.RowGroupRows.Length;
            Pages.ChunkInfo[] chunks = [.. Enumerable.Range(0, groups).Select(g => footer.Chunk(g, leaf))];
            int decoded = chunks.Count(c => c.Decodable);
            string[] other = [.. chunks.Where(c => !c.Decodable).Select(c => (int)c.Codec is >= 0 and < 8 ? codecs[(int)c.Codec] : "codec " + (int)c.Codec).Distinct()];
            result[column.Name] = column.Annotated
                ? "Parquet.Net (an annotated INT32)"
                : decoded == groups
                    ? "page decoder"
                    : string.Create(CultureInfo.InvariantCulture, $"{(decoded == 0 ? "Parquet.Net" : $"page decoder in {decoded} of {groups} row groups, Parquet.Net in the rest")} ({string.Join(", ", other)}: a codec, encoding or nesting the page decoder leaves)");
        }

        return result;
    }

    private static async Task<ParquetInspection> InspectOpenedAsync(ParquetReader reader, Microsoft.Win32.SafeHandles.SafeFileHandle handle, string path, string file, int headRows, CancellationToken cancellationToken)
    {
        {
            DataField[] fields = reader.Schema.GetDataFields();
            Dictionary<string, string> metadata = reader.CustomMetadata ?? [];
            string? named = metadata.GetValueOrDefault("shapotou.table");
            string? table = named ?? ContractSchema.Tables.FirstOrDefault(t => t.Columns.Where(c => c.Required).All(c => fields.Any(f => f.Name == c.Name)))?.Name;
            TableSpec? spec = ContractSchema.Tables.FirstOrDefault(t => t.Name == table);
            bool? illustrative = metadata.GetValueOrDefault(ClusterDatasetParquet.IllustrativeKey) switch
            {
                "true" => true,
                "false" => false,
                _ => null,
            };
            var heads = new Dictionary<string, List<string?>>(StringComparer.Ordinal);
            long rows = 0;
            var columns = new List<InspectedColumn>();
            var counts = new Dictionary<string, (long Values, long Nulls)>(StringComparer.Ordinal);
            var refusals = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                ParquetRowGroupReader group;
                try
                {
                    group = reader.OpenRowGroupReader(g);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    return new ParquetInspection(file, reader.RowGroupCount, rows, table, columns, $"File '{file}', row group {g}: cannot be opened ({exception.Message.TrimEnd('.')}).");
                }

                using (group)
                {
                    rows += group.RowCount;
                    foreach (DataField field in fields)
                    {
                        if (refusals.ContainsKey(field.Name) || field.IsArray)
                        {
                            continue;
                        }

                        try
                        {
                            ParquetTableReader.CheckChunk(reader, handle, fields, field, g, file);
                            List<string?> head = heads.TryGetValue(field.Name, out List<string?>? h) ? h : heads[field.Name] = [];
                            (long values, long nulls) = await ParquetTableReader.CountAsync(group, field, checked((int)group.RowCount), cancellationToken, head, headRows - head.Count).ConfigureAwait(false);
                            (long v, long n) = counts.GetValueOrDefault(field.Name);
                            counts[field.Name] = (v + values, n + nulls);
                        }
                        catch (Exception exception) when (exception is not OperationCanceledException)
                        {
                            // The SDK's own refusals name the column and what was expected; a runtime's message about a
                            // value out of its type's range (an INT96 before year 1) would name .NET types instead.
                            refusals[field.Name] = exception is ShapotouDataException
                                ? string.Create(CultureInfo.InvariantCulture, $"row group {g}: {exception.Message.TrimEnd('.')}")
                                : exception is ArgumentException or OverflowException or FormatException
                                    ? string.Create(CultureInfo.InvariantCulture, $"row group {g}: a value outside what a {ParquetTableReader.KindOf(field)} can hold")
                                    : string.Create(CultureInfo.InvariantCulture, $"row group {g}: {exception.Message.TrimEnd('.')}");
                        }
                    }
                }
            }

            IReadOnlyDictionary<string, string> fastScan;
            try
            {
                fastScan = FastScan(path, fields);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The fast scan's column is advice: it never decides whether the file reads.
                fastScan = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            foreach (DataField field in fields)
            {
                string type = (Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType).Name;
                string reading = field.IsArray
                    ? "repeated: not a contract column, skipped"
                    : refusals.TryGetValue(field.Name, out string? why)
                        ? $"refused ({why})"
                        : string.Create(CultureInfo.InvariantCulture, $"reads as {ParquetTableReader.KindOf(field)}: {counts.GetValueOrDefault(field.Name).Values} values, {counts.GetValueOrDefault(field.Name).Nulls} null");
                string? fast = fastScan.GetValueOrDefault(field.Name);
                if (fast is not null && counts.GetValueOrDefault(field.Name).Nulls > 0)
                {
                    fast += " (its nulls stop a fast scan)";
                }

                // The quantity and unit: the file's own keys first, else the contract's default for a quantity column.
                ColumnSpec? contract = spec?.Columns.FirstOrDefault(c => c.Name == field.Name);
                string? unit = metadata.GetValueOrDefault($"shapotou.unit.{field.Name}");
                string? quantity = metadata.GetValueOrDefault($"shapotou.quantity.{field.Name}") ?? (unit is null ? null : contract?.QuantityName);
                bool fromFile = unit is not null;
                if (unit is null && contract?.DefaultUnit is { } defaultUnit)
                {
                    unit = Shapotou.Sdk.Units.QuantityUnits.NameOf(defaultUnit);
                    quantity = contract.QuantityName;
                }

                columns.Add(new InspectedColumn(field.Path.ToString(), type, field.IsNullable, reading, refusals.ContainsKey(field.Name))
                {
                    FastScan = fast,
                    Kind = field.IsArray ? "repeated" : ParquetTableReader.KindOf(field),
                    Quantity = quantity,
                    Unit = unit,
                    UnitFromFile = fromFile,
                    Head = heads.TryGetValue(field.Name, out List<string?>? first) ? first : [],
                });
            }

            return new ParquetInspection(file, reader.RowGroupCount, rows, table, columns, null) { TableFromMetadata = named is not null, Illustrative = illustrative };
        }
    }
}

/// <summary>What the SDK makes of a Parquet file.</summary>
/// <param name="File">The file name.</param>
/// <param name="RowGroups">The number of row groups.</param>
/// <param name="Rows">The number of rows.</param>
/// <param name="Table">The contract table it matches, or <see langword="null"/>.</param>
/// <param name="Columns">Each leaf column and how the SDK reads it.</param>
/// <param name="Refusal">Why the file as a whole cannot be read, or <see langword="null"/>.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ParquetInspection(string File, int RowGroups, long Rows, string? Table, IReadOnlyList<InspectedColumn> Columns, string? Refusal)
{
    /// <summary>Gets whether <see cref="Table"/> is named in the file's metadata (<c>shapotou.table</c>) rather than matched by the file's columns.</summary>
    public bool TableFromMetadata { get; init; }

    /// <summary>Gets whether the file's metadata marks its data illustrative (<c>shapotou.illustrative</c>); <see langword="null"/> when it does not say.</summary>
    public bool? Illustrative { get; init; }

    /// <summary>Gets whether the SDK reads the whole file: no refusal of the file or of any column.</summary>
    public bool Reads => Refusal is null && Columns.All(c => !c.Refused);
}

/// <summary>One leaf column of an inspected file.</summary>
/// <param name="Path">The column's path.</param>
/// <param name="Type">The CLR type Parquet.Net reads it as.</param>
/// <param name="Nullable">Whether it may hold nulls.</param>
/// <param name="Reading">What the SDK reads, or why it refuses the column.</param>
/// <param name="Refused">Whether the SDK refuses it.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record InspectedColumn(string Path, string Type, bool Nullable, string Reading, bool Refused)
{
    /// <summary>
    /// Gets how <see cref="ParquetColumnScan"/> reads the column, for a top-level INT32 or DOUBLE column:
    /// <c>page decoder</c>, or Parquet.Net and why; null for other columns.
    /// </summary>
    public string? FastScan { get; init; }

    /// <summary>Gets what the SDK reads the column as, in words: <c>text</c>, <c>number</c>, <c>date</c>, … .</summary>
    public string Kind { get; init; } = "";

    /// <summary>Gets the UnitsNet quantity's name (<c>Mass</c>), from the file's metadata or the contract table; <see langword="null"/> for a column that holds no quantity.</summary>
    public string? Quantity { get; init; }

    /// <summary>Gets the unit's UnitsNet name (<c>Tonne</c>), from the file's metadata or the contract table's default; <see langword="null"/> for a column that holds no quantity.</summary>
    public string? Unit { get; init; }

    /// <summary>Gets whether <see cref="Unit"/> is the file's own (<c>shapotou.unit.&lt;column&gt;</c>) rather than the contract table's default.</summary>
    public bool UnitFromFile { get; init; }

    /// <summary>Gets the first values read, as invariant text, <see langword="null"/> for a null; empty unless rows were asked for.</summary>
    public IReadOnlyList<string?> Head { get; init; } = [];
}
