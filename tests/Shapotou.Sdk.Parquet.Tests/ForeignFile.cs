using Parquet;
using Parquet.Schema;

namespace Shapotou.Sdk.Parquet.Tests;

/// <summary>Writes small Parquet files the way other writers do (types, units, nulls), for the readers to meet.</summary>
internal static class ForeignFile
{
    public static async Task WriteAsync(string path, Dictionary<string, string>? metadata, params (DataField Field, Array Values)[] columns)
    {
        var schema = new ParquetSchema(columns.Select(c => (Field)c.Field).ToArray());
        using FileStream stream = File.Create(path);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream, new ParquetOptions { UseDateOnlyTypeForDates = true });
        if (metadata is not null)
        {
            writer.CustomMetadata = metadata;
        }

        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        foreach ((DataField field, Array values) in columns)
        {
            switch (values)
            {
                case string[] s: await group.WriteAsync(field, s, null); break;
                case double?[] d: await group.WriteAsync<double>(field, d.AsMemory()); break;
                case double[] d: await group.WriteAsync<double>(field, d.AsMemory()); break;
                case float[] f: await group.WriteAsync<float>(field, f.AsMemory()); break;
                case int[] i: await group.WriteAsync<int>(field, i.AsMemory()); break;
                case long[] l: await group.WriteAsync<long>(field, l.AsMemory()); break;
                case decimal[] m: await group.WriteAsync<decimal>(field, m.AsMemory()); break;
                case bool[] b: await group.WriteAsync<bool>(field, b.AsMemory()); break;
                case DateOnly[] d: await group.WriteAsync<DateOnly>(field, d.AsMemory()); break;
                case DateTime[] t: await group.WriteAsync<DateTime>(field, t.AsMemory()); break;
                default: throw new NotSupportedException(values.GetType().Name);
            }
        }
    }
}
