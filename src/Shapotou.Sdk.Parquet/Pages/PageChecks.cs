using System.IO.Hashing;

namespace Shapotou.Sdk.Parquet.Pages;

/// <summary>
/// The checks of a page against its column chunk that the page decoder and <see cref="ChunkCheck"/> (before Parquet.Net
/// reads a chunk) share, so the two readers accept the same pages: where a dictionary or first data page lies, the
/// encodings the chunk's metadata lists, the page's CRC-32 when it has one, and, where the bytes show it without
/// decompressing, the uncompressed length the header states.
/// </summary>
internal static class PageChecks
{
    private const long DictionaryEncodings = (1L << (int)PageEncoding.PlainDictionary) | (1L << (int)PageEncoding.RleDictionary);

    /// <summary>Checks a page (its header read and checked by <see cref="PageHeader.Read"/>).</summary>
    /// <param name="header">The page's header.</param>
    /// <param name="page">The page's stored bytes, or as many of their first bytes as were read (see <paramref name="whole"/>).</param>
    /// <param name="at">The header's offset in the file.</param>
    /// <param name="chunk">The chunk.</param>
    /// <param name="index">The page's index in the chunk.</param>
    /// <param name="dataSeen">Whether a data page came before it.</param>
    /// <param name="whole">Whether <paramref name="page"/> is the whole page (for the CRC).</param>
    /// <exception cref="PageFormatException">The page contradicts its chunk, or its CRC its bytes.</exception>
    public static void Check(in PageHeader header, ReadOnlySpan<byte> page, long at, in ChunkInfo chunk, int index, bool dataSeen, bool whole = true)
    {
        switch (header.Type)
        {
            case PageType.DictionaryPage:
                if (index != 0 || dataSeen)
                {
                    throw new PageFormatException($"a dictionary page as page {index} of the chunk; expected it first");
                }

                if (chunk.DictionaryOffset > 0 && at != chunk.DictionaryOffset)
                {
                    throw new PageFormatException($"the dictionary page at byte {at}; the chunk's metadata states byte {chunk.DictionaryOffset}");
                }

                if (header.Encoding is not (PageEncoding.Plain or PageEncoding.PlainDictionary))
                {
                    throw new PageFormatException($"a dictionary page in encoding {(int)header.Encoding}; expected PLAIN");
                }

                break;

            case PageType.DataPage or PageType.DataPageV2:
                if (!dataSeen && chunk.DataOffset > 0 && at != chunk.DataOffset && !(index == 1 && chunk.DictionaryOffset == 0 && chunk.Start == chunk.DataOffset))
                {
                    // The exception: writers that state no dictionary offset point the data page offset at the dictionary page.
                    throw new PageFormatException($"the first data page at byte {at}; the chunk's metadata states byte {chunk.DataOffset}");
                }

                // PLAIN_DICTIONARY and RLE_DICTIONARY count as one: writers list one and write the other.
                long encoding = (int)header.Encoding is >= 0 and < 64 ? 1L << (int)header.Encoding : 0;
                bool listed = (chunk.Encodings & encoding) != 0 || ((encoding & DictionaryEncodings) != 0 && (chunk.Encodings & DictionaryEncodings) != 0);
                if (chunk.Encodings != 0 && !listed)
                {
                    throw new PageFormatException($"a data page in encoding {(int)header.Encoding}, which the chunk's metadata does not list");
                }

                if (header.Encoding is PageEncoding.PlainDictionary or PageEncoding.RleDictionary && index == 0)
                {
                    throw new PageFormatException("dictionary indices in a chunk without a dictionary page");
                }

                break;

            default:
                throw new PageFormatException("an index page, which no reader the SDK uses reads");
        }

        if (header.HasCrc && whole && Crc32.HashToUInt32(page) != (uint)header.Crc)
        {
            throw new PageFormatException($"the page's CRC-32 is {Crc32.HashToUInt32(page):x8}; its header states {(uint)header.Crc:x8}");
        }

        CheckStoredLength(header, page, chunk.Codec);
    }

    /// <summary>
    /// The uncompressed length, where the stored bytes show it: an uncompressed page's stored length, a Snappy stream's
    /// preamble. Parquet.Net decompresses a Snappy page whose stream is longer than the header states and keeps the
    /// header's length of it; the page decoder's exact-length check and this one refuse it.
    /// </summary>
    private static void CheckStoredLength(in PageHeader header, ReadOnlySpan<byte> page, Codec codec)
    {
        int levels = header.Type == PageType.DataPageV2 ? header.DefinitionLevelsLength + header.RepetitionLevelsLength : 0;
        bool compressed = header.Type != PageType.DataPageV2 || header.IsCompressed;
        long expected = (long)header.UncompressedSize - levels;
        if (!compressed || codec == Codec.Uncompressed)
        {
            if (header.CompressedSize - levels != expected)
            {
                throw new PageFormatException($"an uncompressed page of {header.CompressedSize} bytes stated as {header.UncompressedSize}");
            }
        }
        else if (codec == Codec.Snappy && page.Length > levels)
        {
            int position = levels;
            ulong preamble;
            try
            {
                preamble = Varint.Read(page[..Math.Min(page.Length, levels + 5)], ref position, "the Snappy stream's length is truncated");
            }
            catch (PageFormatException) when (page.Length < header.CompressedSize)
            {
                // Only the page's first bytes were read and the preamble runs past them: the decoder checks it.
                return;
            }

            if (preamble != (ulong)expected)
            {
                throw new PageFormatException($"a Snappy page that decompresses to {preamble} bytes; its header states {expected}");
            }
        }
    }
}
