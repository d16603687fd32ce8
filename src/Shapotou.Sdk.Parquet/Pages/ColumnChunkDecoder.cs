using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Snappier;
using ZstdSharp;

namespace Shapotou.Sdk.Parquet.Pages;

/// <summary>
/// Decodes a flat INT32 or DOUBLE column chunk straight from the file into a caller's span: one positioned read of the
/// chunk into a pooled buffer, page headers read without allocating, Snappy or Zstandard pages decompressed into a
/// pooled buffer (PLAIN pages of a required column straight into the destination), dictionary indices unpacked and
/// looked up, and definition levels checked for nulls.
/// </summary>
/// <remarks>
/// <para>The layouts read: data pages v1 and v2, PLAIN, BYTE_STREAM_SPLIT and dictionary (PLAIN_DICTIONARY,
/// RLE_DICTIONARY) values and DELTA_BINARY_PACKED INT32 values,
/// RLE definition levels of a column with at most one optional level and no repetition, codecs UNCOMPRESSED, SNAPPY
/// and ZSTD. <see cref="FileFooter"/> says from the footer whether a chunk is one of them; a page that turns out not
/// to be throws a <see cref="PageFormatException"/> marked <see cref="PageFormatException.Unsupported"/>, and the scan
/// reads that chunk with Parquet.Net; a malformed page, or one that contradicts its chunk (<see cref="PageChecks"/>),
/// throws one that is not, and the scan refuses the file.</para>
/// <para>One instance per worker: its buffers are rented once, grown to the largest chunk and page, and returned on
/// <see cref="Dispose"/>.</para>
/// </remarks>
internal sealed class ColumnChunkDecoder : IDisposable
{
    private byte[] _chunk = [];
    private byte[] _page = [];
    private byte[] _dictionary = [];
    private int[] _indices = [];
    private int[] _levels = [];
    private int[] _dictionaryCodes = [];
    private Decompressor? _zstd;

    // Set for one call of DecodeWithNulls: nulls become the missing value, and byte arrays become codes.
    private bool _nulls;
    private TextCodes? _text;

    /// <summary>Decodes a column chunk.</summary>
    /// <typeparam name="T"><see cref="int"/> or <see cref="double"/>, matching the chunk's physical type.</typeparam>
    /// <param name="file">The open file.</param>
    /// <param name="chunk">The chunk, which the footer found <see cref="ChunkInfo.Decodable"/>.</param>
    /// <param name="optional">Whether the column has a definition level (is optional).</param>
    /// <param name="destination">The row group's values; its length is the row group's row count.</param>
    /// <returns>The position of the first null in the row group, or -1 when every row has a value.</returns>
    /// <exception cref="PageFormatException">A page is malformed, contradicts its chunk, or is in a layout the decoder leaves to Parquet.Net.</exception>
    public int Decode<T>(SafeFileHandle file, ChunkInfo chunk, bool optional, Span<T> destination)
        where T : unmanaged
    {
        (_nulls, _text) = (false, null);
        return DecodeChunk(file, chunk, optional, destination, default);
    }

    /// <summary>
    /// Decodes a column chunk whose nulls are kept: each null becomes <paramref name="missing"/>; a BYTE_ARRAY chunk
    /// is read as the codes <paramref name="text"/> gives its values (each dictionary entry looked up once).
    /// </summary>
    /// <typeparam name="T">The values' type: <see cref="int"/> for codes, else the chunk's physical type.</typeparam>
    /// <param name="file">The open file.</param>
    /// <param name="chunk">The chunk, which the footer found <see cref="ChunkInfo.Decodable"/>.</param>
    /// <param name="optional">Whether the column has a definition level.</param>
    /// <param name="destination">The row group's values.</param>
    /// <param name="missing">The value of a null.</param>
    /// <param name="text">The codes of a BYTE_ARRAY chunk's values, or null for a fixed-width chunk.</param>
    /// <exception cref="PageFormatException">A page is malformed, contradicts its chunk, or is in a layout the decoder leaves to Parquet.Net.</exception>
    public void DecodeWithNulls<T>(SafeFileHandle file, ChunkInfo chunk, bool optional, Span<T> destination, T missing, TextCodes? text = null)
        where T : unmanaged
    {
        if (text is not null && typeof(T) != typeof(int))
        {
            throw new ArgumentException("Text is decoded to int codes.", nameof(text));
        }

        (_nulls, _text) = (true, text);
        try
        {
            _ = DecodeChunk(file, chunk, optional, destination, missing);
        }
        finally
        {
            (_nulls, _text) = (false, null);
        }
    }

    private int DecodeChunk<T>(SafeFileHandle file, ChunkInfo chunk, bool optional, Span<T> destination, T missing)
        where T : unmanaged
    {
        Page = 0;
        int length = chunk.Length;
        Span<byte> bytes = Rent(ref _chunk, length).AsSpan(0, length);
        ReadExactly(file, bytes, chunk.Start);

        int size = Unsafe.SizeOf<T>();
        int dictionaryCount = -1;
        int written = 0;
        int position = 0;
        bool dataSeen = false;
        for (; written < destination.Length || position < bytes.Length; Page++)
        {
            if (position >= bytes.Length)
            {
                throw new PageFormatException($"the chunk ends after {written} of {destination.Length} values");
            }

            long at = chunk.Start + position;
            PageHeader header = PageHeader.Read(bytes[position..], out int headerLength);
            position += headerLength;
            if (header.CompressedSize > bytes.Length - position)
            {
                // Left to the chunk check before Parquet.Net, which knows the writer (see ChunkCheck.Slack).
                throw new PageFormatException($"a page of {header.CompressedSize} bytes runs past the chunk's end, {bytes.Length - position} bytes on", unsupported: true);
            }

            ReadOnlySpan<byte> page = bytes.Slice(position, header.CompressedSize);
            position += header.CompressedSize;
            if (header.Type is PageType.DataPage or PageType.DataPageV2 && header.UncompressedSize > 64 + ((long)header.ValueCount * ((2 * size) + 8 + (_text is null ? 0 : TextCodes.LongestValue))))
            {
                // No encoding the decoder reads takes this much per value: a corrupt header, not a buffer to rent.
                throw new PageFormatException($"a page of {header.ValueCount} values stated as {header.UncompressedSize} bytes");
            }

            if (header.Type == PageType.DictionaryPage && header.ValueCount > Math.Max(destination.Length, 1 << 20))
            {
                // More entries than rows: a layout to leave to Parquet.Net rather than allocate for.
                throw new PageFormatException($"a dictionary of {header.ValueCount} entries for {destination.Length} rows", unsupported: true);
            }

            PageChecks.Check(header, page, at, chunk, Page, dataSeen);
            if (header.Type is PageType.DataPage or PageType.DataPageV2)
            {
                dataSeen = true;
                if (written == destination.Length)
                {
                    if (header.ValueCount > 0)
                    {
                        throw new PageFormatException($"a page of {header.ValueCount} values after the row group's {destination.Length} rows");
                    }

                    continue;
                }
            }

            switch (header.Type)
            {
                case PageType.DictionaryPage:
                    if (_text is { } text)
                    {
                        if (header.UncompressedSize > 64 + ((long)header.ValueCount * (4 + TextCodes.LongestValue)))
                        {
                            throw new PageFormatException($"a dictionary page of {header.ValueCount} entries stated as {header.UncompressedSize} bytes", unsupported: true);
                        }

                        Span<byte> entries = Rent(ref _dictionary, header.UncompressedSize).AsSpan(0, header.UncompressedSize);
                        Decompress(chunk.Codec, page, entries);
                        if (text.Codes(entries, Rent(ref _dictionaryCodes, header.ValueCount).AsSpan(0, header.ValueCount)) != entries.Length)
                        {
                            throw new PageFormatException($"a dictionary page of {header.ValueCount} byte arrays that end before its {entries.Length} bytes");
                        }

                        dictionaryCount = header.ValueCount;
                        break;
                    }

                    if ((long)header.ValueCount * size != header.UncompressedSize)
                    {
                        throw new PageFormatException($"a dictionary page of {header.ValueCount} entries stated as {header.UncompressedSize} bytes; expected {(long)header.ValueCount * size}");
                    }

                    Decompress(chunk.Codec, page, Rent(ref _dictionary, header.UncompressedSize).AsSpan(0, header.UncompressedSize));
                    dictionaryCount = header.ValueCount;
                    break;

                case PageType.DataPage:
                    {
                        int count = ValueCount(header, destination.Length - written);
                        Span<T> values = destination.Slice(written, count);
                        if (!optional && _text is null && header.Encoding == PageEncoding.Plain && header.UncompressedSize == count * size)
                        {
                            // The page is nothing but the values: decompress them where they belong.
                            Decompress(chunk.Codec, page, MemoryMarshal.AsBytes(values));
                        }
                        else
                        {
                            Span<byte> content = Rent(ref _page, header.UncompressedSize).AsSpan(0, header.UncompressedSize);
                            Decompress(chunk.Codec, page, content);
                            if (optional)
                            {
                                if (header.DefinitionLevelEncoding != PageEncoding.Rle)
                                {
                                    throw new PageFormatException("definition levels that are not RLE", unsupported: header.DefinitionLevelEncoding == PageEncoding.BitPacked);
                                }

                                if (content.Length < 4)
                                {
                                    throw new PageFormatException($"a page of {content.Length} bytes without its definition levels' length");
                                }

                                int levels = BinaryPrimitives.ReadInt32LittleEndian(content);
                                if (levels < 0 || levels > content.Length - 4)
                                {
                                    throw new PageFormatException($"definition levels of {levels} bytes in a page of {content.Length}");
                                }

                                if (_nulls)
                                {
                                    DecodeSpread(header.Encoding, content.Slice(4, levels), content[(4 + levels)..], values, dictionaryCount, missing);
                                    written += count;
                                    break;
                                }

                                int nullAt = RleBitPackedHybrid.FirstNull(content.Slice(4, levels), count);
                                if (nullAt >= 0)
                                {
                                    return written + nullAt;
                                }

                                content = content[(4 + levels)..];
                            }

                            DecodeValues(header.Encoding, content, values, dictionaryCount);
                        }

                        written += count;
                        break;
                    }

                case PageType.DataPageV2:
                    {
                        int count = ValueCount(header, destination.Length - written);
                        int levels = header.DefinitionLevelsLength;
                        if (header.RepetitionLevelsLength != 0)
                        {
                            // Repetition levels a flat column does not need (some writers write empty runs): Parquet.Net skips them.
                            throw new PageFormatException($"repetition levels of {header.RepetitionLevelsLength} bytes in a flat column", unsupported: true);
                        }

                        if (!optional && levels != 0)
                        {
                            throw new PageFormatException($"definition levels of {levels} bytes in a required column");
                        }

                        if (header.RowCount != count)
                        {
                            throw new PageFormatException($"a version 2 page of {count} values in {header.RowCount} rows of a flat column");
                        }

                        bool spread = optional && _nulls && levels > 0;
                        if (!spread && optional && (header.NullCount != 0 || levels > 0))
                        {
                            int nullAt = RleBitPackedHybrid.FirstNull(page[..levels], count);
                            if (nullAt >= 0)
                            {
                                return written + nullAt;
                            }

                            if (header.NullCount != 0)
                            {
                                throw new PageFormatException($"a null count of {header.NullCount} the levels do not show");
                            }
                        }

                        ReadOnlySpan<byte> stored = page[levels..];
                        int contentLength = header.UncompressedSize - levels;
                        Span<T> values = destination.Slice(written, count);
                        Codec codec = header.IsCompressed ? chunk.Codec : Codec.Uncompressed;
                        if (!spread && _text is null && header.Encoding == PageEncoding.Plain && contentLength == count * size)
                        {
                            Decompress(codec, stored, MemoryMarshal.AsBytes(values));
                        }
                        else
                        {
                            Span<byte> content = Rent(ref _page, contentLength).AsSpan(0, contentLength);
                            Decompress(codec, stored, content);
                            if (spread)
                            {
                                DecodeSpread(header.Encoding, page[..levels], content, values, dictionaryCount, missing);
                            }
                            else
                            {
                                DecodeValues(header.Encoding, content, values, dictionaryCount);
                            }
                        }

                        written += count;
                        break;
                    }

                default:
                    throw new PageFormatException("an index page, which no reader the SDK uses reads");
            }
        }

        return -1;
    }

    /// <summary>Gets the index in its chunk of the page decoded last (or that failed), the dictionary page counted.</summary>
    public int Page { get; private set; }

    /// <inheritdoc/>
    public void Dispose()
    {
        Return(ref _chunk);
        Return(ref _page);
        Return(ref _dictionary);
        Return(ref _indices);
        Return(ref _levels);
        Return(ref _dictionaryCodes);

        _zstd?.Dispose();
        _zstd = null;
    }

    private static int ValueCount(in PageHeader header, int remaining) =>
        header.ValueCount >= 0 && header.ValueCount <= remaining
            ? header.ValueCount
            : throw new PageFormatException($"a page of {header.ValueCount} values where {remaining} of the row group's values remain");

    /// <summary>
    /// Decodes a page of an optional column whose nulls are kept: its definition levels (bit width 1), then its values
    /// into the first places of <paramref name="values"/>, then spread to their rows from the last backwards, nulls
    /// becoming <paramref name="missing"/>.
    /// </summary>
    private void DecodeSpread<T>(PageEncoding encoding, ReadOnlySpan<byte> levelBytes, ReadOnlySpan<byte> content, Span<T> values, int dictionaryCount, T missing)
        where T : unmanaged
    {
        int count = values.Length;
        Span<int> levels = Rent(ref _levels, count).AsSpan(0, count);
        RleBitPackedHybrid.Decode(levelBytes, 1, levels);
        int present = 0;
        foreach (int level in levels)
        {
            if ((uint)level > 1)
            {
                throw new PageFormatException($"a definition level of {level} in a column whose highest is 1");
            }

            present += level;
        }

        DecodeValues(encoding, content, values[..present], dictionaryCount);
        int next = present - 1;
        for (int i = count - 1; i >= 0 && i > next; i--)
        {
            values[i] = levels[i] == 1 ? values[next--] : missing;
        }
    }

    private void DecodeValues<T>(PageEncoding encoding, ReadOnlySpan<byte> content, Span<T> values, int dictionaryCount)
        where T : unmanaged
    {
        if (_text is { } text)
        {
            DecodeCodes(encoding, content, MemoryMarshal.Cast<T, int>(values), dictionaryCount, text);
            return;
        }

        switch (encoding)
        {
            case PageEncoding.Plain:
                {
                    int length = values.Length * Unsafe.SizeOf<T>();
                    if (length != content.Length)
                    {
                        throw new PageFormatException($"PLAIN values of {content.Length} bytes; {values.Length} values take {length}");
                    }

                    content[..length].CopyTo(MemoryMarshal.AsBytes(values));
                    break;
                }

            case PageEncoding.DeltaBinaryPacked when typeof(T) == typeof(int):
                DeltaBinaryPacked.Decode(content, MemoryMarshal.Cast<T, int>(values));
                break;

            case PageEncoding.ByteStreamSplit:
                {
                    // Byte k of value i is at k × count + i: gather each value's bytes from the streams.
                    int width = Unsafe.SizeOf<T>();
                    int count = values.Length;
                    if ((long)count * width != content.Length)
                    {
                        throw new PageFormatException($"BYTE_STREAM_SPLIT values of {content.Length} bytes; {count} values take {(long)count * width}");
                    }

                    Span<byte> bytes = MemoryMarshal.AsBytes(values);
                    for (int k = 0; k < width; k++)
                    {
                        ReadOnlySpan<byte> stream = content.Slice(k * count, count);
                        for (int i = 0; i < count; i++)
                        {
                            bytes[(i * width) + k] = stream[i];
                        }
                    }

                    break;
                }

            case PageEncoding.PlainDictionary or PageEncoding.RleDictionary:
                {
                    if (dictionaryCount < 0 || content.IsEmpty)
                    {
                        throw new PageFormatException("dictionary indices without a dictionary page");
                    }

                    // int32 values take their indices in place; doubles need an index buffer.
                    Span<int> indices = typeof(T) == typeof(int)
                        ? MemoryMarshal.Cast<T, int>(values)
                        : Rent(ref _indices, values.Length).AsSpan(0, values.Length);
                    RleBitPackedHybrid.Decode(content[1..], content[0], indices);
                    ReadOnlySpan<T> dictionary = MemoryMarshal.Cast<byte, T>(_dictionary.AsSpan(0, dictionaryCount * Unsafe.SizeOf<T>()));
                    for (int i = 0; i < values.Length; i++)
                    {
                        uint index = (uint)indices[i];
                        if (index >= (uint)dictionary.Length)
                        {
                            throw new PageFormatException($"dictionary index {index} of {dictionary.Length} entries");
                        }

                        values[i] = dictionary[(int)index];
                    }

                    break;
                }

            default:
                throw new PageFormatException($"values in encoding {encoding}", unsupported: true);
        }
    }

    /// <summary>Byte-array values as codes: PLAIN (each value looked up) or dictionary indices (the entries' codes).</summary>
    private void DecodeCodes(PageEncoding encoding, ReadOnlySpan<byte> content, Span<int> codes, int dictionaryCount, TextCodes text)
    {
        switch (encoding)
        {
            case PageEncoding.Plain:
                if (text.Codes(content, codes) != content.Length)
                {
                    throw new PageFormatException($"PLAIN byte arrays that end before the page's {content.Length} bytes");
                }

                break;

            case PageEncoding.PlainDictionary or PageEncoding.RleDictionary:
                {
                    if (dictionaryCount < 0 || content.IsEmpty)
                    {
                        throw new PageFormatException("dictionary indices without a dictionary page");
                    }

                    RleBitPackedHybrid.Decode(content[1..], content[0], codes);
                    ReadOnlySpan<int> entries = _dictionaryCodes.AsSpan(0, dictionaryCount);
                    for (int i = 0; i < codes.Length; i++)
                    {
                        uint index = (uint)codes[i];
                        if (index >= (uint)entries.Length)
                        {
                            throw new PageFormatException($"dictionary index {index} of {entries.Length} entries");
                        }

                        codes[i] = entries[(int)index];
                    }

                    break;
                }

            default:
                throw new PageFormatException($"byte arrays in encoding {encoding}", unsupported: true);
        }
    }

    private void Decompress(Codec codec, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int produced;
        try
        {
            switch (codec)
            {
                case Codec.Uncompressed:
                    produced = source.Length;
                    if (produced == destination.Length)
                    {
                        source.CopyTo(destination);
                    }

                    break;
                case Codec.Snappy:
                    produced = Snappy.TryDecompress(source, destination, out int written) ? written : -1;
                    break;
                case Codec.Zstd:
                    _zstd ??= new Decompressor();
                    produced = _zstd.TryUnwrap(source, destination, out int unwrapped) ? unwrapped : -1;
                    break;
                default:
                    throw new PageFormatException($"codec {codec}");
            }
        }
        catch (Exception exception) when (exception is not PageFormatException)
        {
            throw new PageFormatException($"a {codec} page that does not decompress ({exception.Message})");
        }

        if (produced != destination.Length)
        {
            throw new PageFormatException($"a {codec} page that decompresses to {produced} bytes, not the {destination.Length} its header states");
        }
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

    private static T[] Rent<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            if (buffer.Length > 0)
            {
                ArrayPool<T>.Shared.Return(buffer);
            }

            buffer = [];
            buffer = ArrayPool<T>.Shared.Rent(length);
        }

        return buffer;
    }

    private static void Return<T>(ref T[] buffer)
    {
        if (buffer.Length > 0)
        {
            ArrayPool<T>.Shared.Return(buffer);
            buffer = [];
        }
    }
}
