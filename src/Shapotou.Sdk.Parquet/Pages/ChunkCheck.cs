using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace Shapotou.Sdk.Parquet.Pages;

/// <summary>
/// Walks a column chunk's page headers before Parquet.Net reads the chunk, with the page decoder's checks
/// (<see cref="PageHeader.Read"/>, <see cref="PageChecks"/>) and its value count: so Parquet.Net, which reads page after
/// page until it has the chunk's values and reads a varint past the end of the file for ever, only meets pages that end
/// inside the chunk and hold exactly the chunk's values, and the two readers accept the same chunks.
/// </summary>
/// <remarks>
/// Only the headers are read (a positioned read of a few hundred bytes per page), and a page's bytes only when its
/// header carries a CRC-32.
/// </remarks>
internal static class ChunkCheck
{
    /// <summary>A column's value width (for the physical types that have one) and levels, from its schema.</summary>
    /// <param name="Width">Bytes per value (INT32, FLOAT 4; INT64, DOUBLE 8; INT96 12), or 0.</param>
    /// <param name="MaxDefinition">Its maximum definition level.</param>
    /// <param name="MaxRepetition">Its maximum repetition level.</param>
    internal readonly record struct ColumnLevels(int Width, int MaxDefinition, int MaxRepetition)
    {
        /// <summary>The levels of a Parquet.Net field and the width of its chunk's physical type.</summary>
        /// <param name="field">The field.</param>
        /// <param name="chunk">Its chunk in a row group.</param>
        /// <returns>The levels.</returns>
        public static ColumnLevels Of(global::Parquet.Schema.DataField field, global::Parquet.Meta.ColumnChunk chunk) =>
            new(chunk.MetaData!.Type switch
            {
                global::Parquet.Meta.Type.INT32 or global::Parquet.Meta.Type.FLOAT => 4,
                global::Parquet.Meta.Type.INT64 or global::Parquet.Meta.Type.DOUBLE => 8,
                global::Parquet.Meta.Type.INT96 => 12,
                _ => 0,
            }, field.MaxDefinitionLevel, field.MaxRepetitionLevel);
    }

    private const int HeaderRead = 256;

    /// <summary>The chunk as <see cref="ChunkCheck"/> and the decoder see it, from Parquet.Net's reading of the footer.</summary>
    /// <param name="column">The column chunk's metadata.</param>
    /// <returns>The chunk.</returns>
    public static ChunkInfo FromMetadata(global::Parquet.Meta.ColumnChunk column)
    {
        global::Parquet.Meta.ColumnMetaData meta = column.MetaData!;
        // The lowest offset stated, zero meaning none (an empty chunk may state no data page), as Parquet.Net starts.
        long start = long.MaxValue;
        foreach (long offset in (ReadOnlySpan<long>)[meta.DataPageOffset, meta.DictionaryPageOffset ?? 0, meta.IndexPageOffset ?? 0])
        {
            start = offset > 0 ? Math.Min(start, offset) : start;
        }

        start = start == long.MaxValue ? 0 : start;

        long encodings = 0;
        foreach (global::Parquet.Meta.Encoding encoding in meta.Encodings)
        {
            encodings |= (int)encoding is >= 0 and < 64 ? 1L << (int)encoding : 0;
        }

        return new ChunkInfo(start, (int)Math.Min(meta.TotalCompressedSize, int.MaxValue), (Codec)(int)meta.Codec, Decodable: false, meta.DataPageOffset, meta.DictionaryPageOffset ?? 0, encodings);
    }

    /// <summary>
    /// How far a chunk's pages may run past its stated size: 100 bytes for files of parquet-mr before 1.2.9, which left
    /// the dictionary page's header out of the chunk's size (PARQUET-816; other readers allow the same), none otherwise.
    /// </summary>
    /// <param name="createdBy">The footer's <c>created_by</c>.</param>
    /// <returns>The bytes allowed past a chunk's end.</returns>
    public static int Slack(string? createdBy)
    {
        if (createdBy is null || !createdBy.StartsWith("parquet-mr", StringComparison.Ordinal))
        {
            return 0;
        }

        // "parquet-mr version 1.2.8 (build …)"; no version at all is older still.
        string[] words = createdBy.Split(' ');
        return words.Length < 3 || !Version.TryParse(words[2].Split('-')[0], out Version? version) || version < new Version(1, 2, 9) ? 100 : 0;
    }

    /// <summary>Checks a chunk's pages.</summary>
    /// <param name="file">The open file.</param>
    /// <param name="chunk">The chunk.</param>
    /// <param name="values">The values the chunk's metadata states.</param>
    /// <param name="slack">How far pages may run past the chunk's stated end (see <see cref="Slack"/>).</param>
    /// <param name="column">The column's value width (0 when not fixed) and levels.</param>
    /// <param name="page">The index of the page checked last (the one at fault when this throws).</param>
    /// <exception cref="PageFormatException">A page is malformed, contradicts the chunk or its column, or the values do not add up.</exception>
    public static void Check(SafeFileHandle file, in ChunkInfo chunk, long values, int slack, ColumnLevels column, out int page)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(HeaderRead);
        try
        {
            long position = chunk.Start;
            long stated = chunk.Start + chunk.Length;
            long end = Math.Min(stated + slack, RandomAccess.GetLength(file));
            long seen = 0;
            bool dataSeen = false;
            for (page = 0; seen < values || position < stated; page++)
            {
                if (position >= end)
                {
                    throw new PageFormatException($"the chunk ends after {seen} of its {values} values");
                }

                // Read enough of the page to hold its header, growing the read while the header runs past it.
                int available = (int)Math.Min(end - position, Array.MaxLength);
                int wanted = Math.Min(available, HeaderRead);
                PageHeader header;
                int headerLength;
                while (true)
                {
                    if (buffer.Length < wanted)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = [];
                        buffer = ArrayPool<byte>.Shared.Rent(wanted);
                    }

                    ReadExactly(file, buffer.AsSpan(0, wanted), position);
                    try
                    {
                        header = PageHeader.Read(buffer.AsSpan(0, wanted), out headerLength);
                        break;
                    }
                    catch (PageFormatException) when (wanted < available)
                    {
                        wanted = (int)Math.Min(available, 2L * wanted);
                    }
                }

                long body = position + headerLength;
                if (header.CompressedSize > end - body)
                {
                    throw new PageFormatException($"a page of {header.CompressedSize} bytes runs past the chunk's end, {end - body} bytes on");
                }

                ReadOnlySpan<byte> stored;
                bool whole = !header.HasCrc && header.CompressedSize <= wanted - headerLength;
                if (header.HasCrc && header.CompressedSize > wanted - headerLength)
                {
                    byte[] bytes = ArrayPool<byte>.Shared.Rent(header.CompressedSize);
                    try
                    {
                        ReadExactly(file, bytes.AsSpan(0, header.CompressedSize), body);
                        PageChecks.Check(header, bytes.AsSpan(0, header.CompressedSize), position, chunk, page, dataSeen, whole: true);
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(bytes);
                    }
                }
                else
                {
                    stored = buffer.AsSpan(headerLength, Math.Min(header.CompressedSize, wanted - headerLength));
                    PageChecks.Check(header, stored, position, chunk, page, dataSeen, whole: header.HasCrc || whole);
                }

                CheckLevels(header, column, chunk.Codec, buffer.AsSpan(headerLength, Math.Min(header.CompressedSize, wanted - headerLength)));
                if (header.Type is PageType.DataPage or PageType.DataPageV2)
                {
                    dataSeen = true;
                    if (header.ValueCount > values - seen)
                    {
                        throw new PageFormatException($"a page of {header.ValueCount} values where {values - seen} of the chunk's {values} values remain");
                    }

                    seen += header.ValueCount;
                }

                position = body + header.CompressedSize;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// What a page's sizes say of its column's levels, without decompressing: a PLAIN page of a required flat
    /// fixed-width column (or a dictionary page) holds nothing but its values, and a version-2 page has levels exactly
    /// where the column has them. This is what tells a footer that made an optional column required (or back) from the
    /// pages, for the columns whose values have a width.
    /// </summary>
    private static void CheckLevels(in PageHeader header, ColumnLevels column, Codec codec, ReadOnlySpan<byte> stored)
    {
        // A version-1 page of dictionary indices in a required flat column starts with the indices' bit width and a
        // run header; an optional column's page starts with its levels' 4-byte length instead, whose upper bytes read as
        // an empty run. The page decoder refuses such runs; this keeps Parquet.Net from reading them as indices.
        if (header.Type == PageType.DataPage && header.ValueCount > 0 && column.MaxDefinition == 0 && column.MaxRepetition == 0
            && header.Encoding is PageEncoding.PlainDictionary or PageEncoding.RleDictionary
            && FirstBytes(stored, codec) is { Length: >= 2 } first && (first[0] > 32 || first[1] == 0))
        {
            throw new PageFormatException($"dictionary indices of {first[0]} bits whose first run {(first[0] > 32 ? "is wider than 32 bits" : "is empty")}; a required column's page starts with them");
        }

        bool plainValuesOnly = header.Encoding == PageEncoding.Plain && column.Width > 0
            && (header.Type == PageType.DictionaryPage || (header.Type == PageType.DataPage && column.MaxDefinition == 0 && column.MaxRepetition == 0));
        if (plainValuesOnly && (long)header.ValueCount * column.Width != header.UncompressedSize)
        {
            throw new PageFormatException($"a PLAIN page of {header.ValueCount} values of {column.Width} bytes stated as {header.UncompressedSize} bytes; the column has {(column.MaxDefinition == 0 ? "no" : "its")} levels");
        }

        // Repetition levels a flat column does not need are written by some writers (empty runs) and skipped by readers.
        if (header.Type == PageType.DataPageV2 && header.ValueCount > 0
            && ((header.DefinitionLevelsLength > 0) != (column.MaxDefinition > 0) || (header.RepetitionLevelsLength == 0 && column.MaxRepetition > 0)))
        {
            throw new PageFormatException($"a version 2 page with levels of {header.RepetitionLevelsLength} and {header.DefinitionLevelsLength} bytes in a column of {column.MaxRepetition} repetition and {column.MaxDefinition} definition levels");
        }
    }

    /// <summary>
    /// The first bytes of a page's content without decompressing it: the stored bytes of an uncompressed page, the first
    /// literal of a Snappy stream (which always starts with one); empty for other codecs or when they are not at hand.
    /// </summary>
    private static ReadOnlySpan<byte> FirstBytes(ReadOnlySpan<byte> stored, Codec codec)
    {
        if (codec == Codec.Uncompressed)
        {
            return stored;
        }

        if (codec != Codec.Snappy)
        {
            return default;
        }

        int position = 0;
        for (int i = 0; i < 5 && position < stored.Length; i++)
        {
            if ((stored[position++] & 0x80) == 0)
            {
                break;
            }
        }

        if (position >= stored.Length || (stored[position] & 3) != 0)
        {
            return default;
        }

        int length = stored[position] >> 2;
        position += 1 + (length >= 60 ? length - 59 : 0);
        int literal = length >= 60 ? int.MaxValue : length + 1;
        return position < stored.Length ? stored[position..Math.Min(stored.Length, position + Math.Min(literal, stored.Length))] : default;
    }

    private static void ReadExactly(SafeFileHandle file, Span<byte> buffer, long offset)
    {
        while (!buffer.IsEmpty)
        {
            int read = RandomAccess.Read(file, buffer, offset);
            if (read == 0)
            {
                throw new PageFormatException("the chunk runs past the end of the file");
            }

            buffer = buffer[read..];
            offset += read;
        }
    }
}
