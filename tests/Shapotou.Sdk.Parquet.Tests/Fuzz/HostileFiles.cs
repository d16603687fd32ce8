using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Parquet.Pages;

namespace Shapotou.Sdk.Parquet.Tests.Fuzz;

/// <summary>
/// What the fuzz suite and the hostile-file tests share: the files mutated, each reader's outcome on a file, run on a task
/// with a time bound so a hang fails the test instead of hanging the run, and the byte surgery that makes a mutant.
/// </summary>
internal static class HostileFiles
{
    /// <summary>How long one reader may take on one small file before the case counts as a hang.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    public static readonly string[] DuckDbInts = ["id", "small"];
    public static readonly string[] DuckDbDoubles = ["so2", "nox"];
    public static readonly string[] SdkDoubles = ["so2", "nox"];

    /// <summary>Writes the SDK's file: 3 000 CEMS hours in row groups of 1 000, Snappy, as <see cref="ParquetTableWriter"/> writes them.</summary>
    public static async Task<string> WriteSdkFileAsync(string folder)
    {
        string path = Path.Combine(folder, "cems_hourly.parquet");
        const int Rows = 3000;
        var ids = new string?[Rows];
        var hours = new DateTime?[Rows];
        var so2 = new double[Rows];
        var nox = new double[Rows];
        for (int i = 0; i < Rows; i++)
        {
            ids[i] = $"yx-da00{i % 3}";
            hours[i] = new DateTime(2024, 1, 1).AddHours(i);
            so2[i] = (i * 0.5) + 1;
            nox[i] = i % 11;
        }

        ParquetTableWriter writer = await ParquetTableWriter.CreateAsync(path, ContractSchema.CemsHourly, ["outlet_id", "hour", "so2", "nox"], rowGroupSize: 1000);
        await using (writer)
        {
            await writer.WriteAsync(new TableBatch(ContractSchema.CemsHourly, Rows).SetText("outlet_id", ids).SetTimes("hour", hours).SetNumbers("so2", so2).SetNumbers("nox", nox));
            await writer.CommitAsync();
        }

        return path;
    }

    /// <summary>
    /// Writes DuckDB's file: 3 000 CEMS hours and two int32 columns in row groups of 1 024, Snappy, with <c>outlet_id</c>,
    /// <c>nox</c>, <c>id</c> and <c>small</c> dictionary-encoded.
    /// </summary>
    public static string WriteDuckDbFile(string folder, string version = "V1")
    {
        string path = Path.Combine(folder, $"duckdb-{version}.parquet");
        DuckDbWrittenFileTests.Execute(
            "COPY (SELECT 'yx-da00' || (i % 3) AS outlet_id, TIMESTAMP '2024-01-01' + INTERVAL (i) HOUR AS hour, (i * 0.25)::DOUBLE AS so2, ((i % 7) * 0.5)::DOUBLE AS nox, " +
            "(i % 100)::INTEGER AS id, 7::INTEGER AS small FROM range(3000) t(i)) " +
            $"TO '{path}' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 1024, PARQUET_VERSION {version})");
        return path;
    }

    /// <summary>Runs a reader on a task with <see cref="Bound"/>: its text, or <c>refused</c> for a <see cref="ShapotouDataException"/>.</summary>
    /// <exception cref="Xunit.Sdk.XunitException">The reader hung or threw anything else.</exception>
    public static async Task<string> OutcomeAsync(string what, Func<CancellationToken, Task<string>> read)
    {
        using var cancel = new CancellationTokenSource();
        Task<string> task = Task.Run(() => read(cancel.Token));
        try
        {
            return await task.WaitAsync(Bound);
        }
        catch (TimeoutException)
        {
            await cancel.CancelAsync();
            throw new Xunit.Sdk.XunitException($"{what}: no answer within {Bound.TotalSeconds} s (a hang).");
        }
        catch (ShapotouDataException)
        {
            return "refused";
        }
        catch (Exception exception)
        {
            throw new Xunit.Sdk.XunitException($"{what}: {exception.GetType().Name} instead of a ShapotouDataException: {exception}");
        }
    }

    /// <summary>The table as <see cref="ParquetTableReader"/> reads it, every column's values as text.</summary>
    public static async Task<string> ReadTableAsync(string path, TableSpec table, CancellationToken cancellationToken)
    {
        TableData data = await ParquetTableReader.ReadAsync(path, table, cancellationToken);
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{data.RowCount} rows"));
        foreach (ColumnData column in data.Columns)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{column.Spec.Name} {column.Unit}:");
            foreach (object? value in column.Values)
            {
                text.Append(' ').Append(value switch
                {
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
                    null => "null",
                    _ => Convert.ToString(value, CultureInfo.InvariantCulture),
                });
            }
        }

        return text.ToString();
    }

    /// <summary>The outlets of both files.</summary>
    public static readonly string[] Outlets = ["yx-da000", "yx-da001", "yx-da002"];

    /// <summary>
    /// The rows as <see cref="CemsHourlyPages"/> decodes them, row group by row group; a row group (or the file) it
    /// leaves to Parquet.Net is written <c>left</c>.
    /// </summary>
    public static async Task<string> ReadPagesAsync(string path, CancellationToken cancellationToken)
    {
        CemsHourlyPages? pages = await CemsHourlyPages.TryOpenAsync(path, Outlets, cancellationToken);
        if (pages is null)
        {
            return "left";
        }

        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{pages.FirstRows[^1]} rows"));
        using CemsHourlyPages.Worker worker = pages.OpenWorker();
        var group = new CemsPageRowGroup(pages.Largest);
        for (int g = 0; g < pages.RowGroups; g++)
        {
            if (!pages.Read(worker, g, group))
            {
                text.Append(CultureInfo.InvariantCulture, $"\nrow group {g} left");
                continue;
            }

            for (int i = 0; i < group.RowCount; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n{Outlets[group.Outlets[i]]} {group.Hours[i]:O} {group.So2[i]:R} {group.Nox[i]:R} {group.Pm[i]:R} {group.Flow[i]:R} {group.Flags[i]} {group.So2Flags[i]}");
            }
        }

        return text.ToString();
    }

    /// <summary>The columns as <see cref="ParquetColumnScan"/> hands them over, in row order.</summary>
    public static async Task<string> ScanAsync(string path, string[] ints, string[] doubles, ColumnScanDecoder decoder, CancellationToken cancellationToken)
    {
        var groups = new System.Collections.Concurrent.ConcurrentDictionary<long, string>();
        await ParquetColumnScan.ScanAsync(
            path,
            ints,
            doubles,
            () => 0,
            (_, batch) =>
            {
                var text = new StringBuilder();
                for (int c = 0; c < ints.Length; c++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{ints[c]}:{string.Join(',', batch.Integers(c).ToArray())};");
                }

                for (int c = 0; c < doubles.Length; c++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{doubles[c]}:{string.Join(',', batch.Numbers(c).ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture)))};");
                }

                groups[batch.FirstRow] = text.ToString();
            },
            2,
            decoder,
            cancellationToken);
        return string.Join('\n', groups.OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Value}"));
    }

    /// <summary>The inspection, without the advisory fast-scan column; <c>refused</c> when the SDK does not read the file.</summary>
    public static async Task<string> InspectAsync(string path, CancellationToken cancellationToken)
    {
        ParquetInspection inspection = await ParquetInspector.InspectAsync(path, cancellationToken);
        return inspection.Reads
            ? $"{inspection.RowGroups} groups, {inspection.Rows} rows, {inspection.Table}: {string.Join("; ", inspection.Columns.Select(c => $"{c.Path} {c.Type} {c.Reading}"))}"
            : "refused";
    }

    /// <summary>The footer's offset and length in a file's bytes.</summary>
    public static (int Start, int Length) Footer(byte[] file)
    {
        int length = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(file.Length - 8));
        return (file.Length - 8 - length, length);
    }

    /// <summary>Replaces <paramref name="count"/> bytes of the footer at <paramref name="at"/> with others, keeping the footer framed.</summary>
    public static byte[] SpliceFooter(byte[] file, int at, int count, ReadOnlySpan<byte> replacement)
    {
        (int start, int length) = Footer(file);
        byte[] result = [.. file.AsSpan(0, at), .. replacement, .. file.AsSpan(at + count, file.Length - 8 - at - count), 0, 0, 0, 0, .. "PAR1"u8];
        BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(result.Length - 8), length - count + replacement.Length);
        _ = start;
        return result;
    }

    /// <summary>A value as the compact protocol writes an integer: a zigzag ULEB128 varint.</summary>
    public static byte[] ZigZagVarint(long value)
    {
        ulong raw = (ulong)((value << 1) ^ (value >> 63));
        var bytes = new List<byte>();
        do
        {
            byte b = (byte)(raw & 0x7F);
            raw >>= 7;
            bytes.Add(raw == 0 ? b : (byte)(b | 0x80));
        }
        while (raw != 0);
        return [.. bytes];
    }

    /// <summary>
    /// Where a value lies in the footer: follows <paramref name="path"/> (field ids, with a list element's index after a
    /// list field's id) from <c>FileMetaData</c> and returns the value's offset in the file and its length (a list's header
    /// for a list).
    /// </summary>
    public static (int At, int Length) Locate(byte[] file, params int[] path)
    {
        (int start, int length) = Footer(file);
        var reader = new ThriftCompactReader(file.AsSpan(start, length));
        int step = 0;
        while (true)
        {
            short lastId = 0;
            while (true)
            {
                Assert.True(reader.NextField(ref lastId, out short id, out byte type), $"no field {path[step]}");
                if (id != path[step])
                {
                    reader.Skip(type);
                    continue;
                }

                if (type == CompactType.List)
                {
                    int header = reader.Position;
                    int count = reader.ReadListHeader(type, out byte element);
                    if (step == path.Length - 1)
                    {
                        return (start + header, reader.Position - header);
                    }

                    for (int i = 0; i < path[step + 1]; i++)
                    {
                        reader.Skip(element);
                    }

                    Assert.True(path[step + 1] < count);
                    step += 2;
                    break;
                }

                if (step == path.Length - 1)
                {
                    int at = reader.Position;
                    reader.Skip(type);
                    return (start + at, reader.Position - at);
                }

                step++;
                break;
            }
        }
    }

    /// <summary>The footer bytes of the schema (FileMetaData field 2, its list header included), as offsets in the file.</summary>
    public static (int Start, int End) Schema(byte[] file)
    {
        (int at, _) = Locate(file, 2);
        (int start, int length) = Footer(file);
        var reader = new ThriftCompactReader(file.AsSpan(at, start + length - at));
        reader.Skip(CompactType.List);
        return (at, at + reader.Position);
    }

    /// <summary>Every page of every chunk of the original file: its header's offset and length and its stored bytes' length.</summary>
    public static async Task<List<(long Header, int HeaderLength, int Stored)>> PagesAsync(string path)
    {
        var pages = new List<(long, int, int)>();
        byte[] file = await File.ReadAllBytesAsync(path);
        await using FileStream stream = File.OpenRead(path);
        await using global::Parquet.ParquetReader reader = await global::Parquet.ParquetReader.CreateAsync(stream);
        foreach (global::Parquet.Meta.RowGroup group in reader.Metadata!.RowGroups)
        {
            foreach (global::Parquet.Meta.ColumnChunk column in group.Columns)
            {
                ChunkInfo chunk = ChunkCheck.FromMetadata(column);
                for (long at = chunk.Start; at < chunk.Start + chunk.Length;)
                {
                    PageHeader header = PageHeader.Read(file.AsSpan((int)at), out int headerLength);
                    pages.Add((at, headerLength, header.CompressedSize));
                    at += headerLength + header.CompressedSize;
                }
            }
        }

        return pages;
    }
}
