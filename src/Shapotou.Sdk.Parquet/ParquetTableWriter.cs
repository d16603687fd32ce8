using Parquet;
using Parquet.Schema;
using Shapotou.Sdk.Units;

namespace Shapotou.Sdk.Parquet;

/// <summary>
/// Writes a contract table as a Parquet file: snake_case columns, the values in their column's unit with
/// <c>shapotou.quantity.&lt;column&gt;</c> and <c>shapotou.unit.&lt;column&gt;</c> in the file metadata, dates as DATE and
/// times as INT64 TIMESTAMP(MICROS, not UTC-adjusted) in China Standard Time. The write is atomic: a temporary file in
/// the same folder, flushed to disk, then renamed over the target, so a reader never sees half a file and a writer
/// killed mid-write leaves the previous file intact.
/// </summary>
internal static class ParquetTableWriter
{
    /// <summary>Rows per row group: readers then need memory for one million rows of a table at most.</summary>
    public const int RowGroupSize = 1_000_000;

    public static async Task WriteAsync(string path, TableData table, CancellationToken cancellationToken)
    {
        ColumnData[] columns = table.Columns.ToArray();
        DataField[] fields = columns.Select(Field).ToArray();
        var schema = new ParquetSchema(fields);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["shapotou.table"] = table.Spec.Name,
            ["shapotou.schema_version"] = ContractSchema.SchemaVersion,
        };
        foreach (KeyValuePair<string, string> pair in table.Metadata)
        {
            metadata[pair.Key] = pair.Value;
        }

        foreach (ColumnData column in columns.Where(c => c.Spec.Type == ColumnType.Quantity))
        {
            metadata[$"shapotou.quantity.{column.Spec.Name}"] = column.Spec.QuantityName!;
            metadata[$"shapotou.unit.{column.Spec.Name}"] = QuantityUnits.NameOf(column.Unit!);
        }

        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        string temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }, false, cancellationToken).ConfigureAwait(false);
                await using (writer.ConfigureAwait(false))
                {
                    writer.CustomMetadata = metadata;
                    for (int start = 0; start < Math.Max(table.RowCount, 1); start += RowGroupSize)
                    {
                        int count = Math.Min(RowGroupSize, table.RowCount - start);
                        using ParquetRowGroupWriter group = writer.CreateRowGroup();
                        for (int c = 0; c < columns.Length; c++)
                        {
                            await WriteColumnAsync(group, fields[c], columns[c], start, count, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }

                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static DataField Field(ColumnData column) => column.Spec.Type switch
    {
        ColumnType.Text => new DataField<string>(column.Spec.Name),
        ColumnType.Quantity or ColumnType.Number => new DataField<double?>(column.Spec.Name),
        ColumnType.Boolean => new DataField<bool?>(column.Spec.Name),
        ColumnType.Count => new DataField<int?>(column.Spec.Name),
        ColumnType.Date => new DataField<DateOnly>(column.Spec.Name),
        _ => new DateTimeDataField(column.Spec.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: false, unit: DateTimeTimeUnit.Micros, isNullable: false),
    };

    private static async Task WriteColumnAsync(ParquetRowGroupWriter group, DataField field, ColumnData column, int start, int count, CancellationToken cancellationToken)
    {
        switch (column.Values)
        {
            case string?[] text:
                await group.WriteAsync(field, new ArraySegment<string?>(text, start, count).ToArray()!, null).ConfigureAwait(false);
                break;
            case double[] numbers:
                await group.WriteAsync<double>(field, Nullable(numbers.AsMemory(start, count)), null, null, cancellationToken).ConfigureAwait(false);
                break;
            case bool?[] booleans:
                await group.WriteAsync<bool>(field, booleans.AsMemory(start, count), null, null, cancellationToken).ConfigureAwait(false);
                break;
            case int?[] integers:
                await group.WriteAsync<int>(field, integers.AsMemory(start, count), null, null, cancellationToken).ConfigureAwait(false);
                break;
            case DateOnly?[] dates:
                await group.WriteAsync<DateOnly>(field, dates.AsMemory(start, count).ToArray().Select(d => d!.Value).ToArray().AsMemory(), null, null, cancellationToken).ConfigureAwait(false);
                break;
            case DateTime?[] times:
                await group.WriteAsync<DateTime>(field, times.AsMemory(start, count).ToArray().Select(t => t!.Value).ToArray().AsMemory(), null, null, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"Column '{column.Spec.Name}' holds {column.Values.GetType().Name}.");
        }
    }

    /// <summary>NaN is written as null: a missing sample or an unknown value.</summary>
    private static ReadOnlyMemory<double?> Nullable(ReadOnlyMemory<double> values)
    {
        var result = new double?[values.Length];
        ReadOnlySpan<double> span = values.Span;
        for (int i = 0; i < span.Length; i++)
        {
            result[i] = double.IsNaN(span[i]) ? null : span[i];
        }

        return result;
    }
}
