namespace Shapotou.Sdk.Parquet.Pages;

/// <summary>Parquet's page types (parquet.thrift <c>PageType</c>).</summary>
internal enum PageType
{
    DataPage = 0,
    IndexPage = 1,
    DictionaryPage = 2,
    DataPageV2 = 3,
}

/// <summary>Parquet's encodings (parquet.thrift <c>Encoding</c>), those the decoder names.</summary>
internal enum PageEncoding
{
    Plain = 0,
    PlainDictionary = 2,
    Rle = 3,
    BitPacked = 4,
    DeltaBinaryPacked = 5,
    RleDictionary = 8,
    ByteStreamSplit = 9,
}

/// <summary>
/// The fields of a page header (parquet.thrift <c>PageHeader</c> with its data, dictionary and data-v2 headers) that
/// decoding needs; statistics and unknown fields are skipped.
/// </summary>
internal struct PageHeader
{
    public PageType Type;
    public int UncompressedSize;
    public int CompressedSize;

    /// <summary>Values in the page, nulls included (data pages), or entries (dictionary pages).</summary>
    public int ValueCount;

    public int NullCount;
    public PageEncoding Encoding;
    public PageEncoding DefinitionLevelEncoding;

    /// <summary>Data page v2 only: the uncompressed definition and repetition levels' lengths.</summary>
    public int DefinitionLevelsLength;

    public int RepetitionLevelsLength;

    /// <summary>Data page v2 only: whether the values are compressed (true by default).</summary>
    public bool IsCompressed;

    /// <summary>Reads a page header.</summary>
    /// <param name="data">Bytes that start with the header.</param>
    /// <param name="length">The header's length in bytes.</param>
    /// <returns>The header.</returns>
    public static PageHeader Read(ReadOnlySpan<byte> data, out int length)
    {
        var reader = new ThriftCompactReader(data);
        var header = new PageHeader { Type = (PageType)(-1), UncompressedSize = -1, CompressedSize = -1, ValueCount = -1, IsCompressed = true, Encoding = PageEncoding.Plain, DefinitionLevelEncoding = PageEncoding.Rle };
        short lastId = 0;
        while (reader.NextField(ref lastId, out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    header.Type = (PageType)reader.ReadInt32(type);
                    break;
                case 2:
                    header.UncompressedSize = reader.ReadInt32(type);
                    break;
                case 3:
                    header.CompressedSize = reader.ReadInt32(type);
                    break;
                case 5 or 7 or 8 when type == CompactType.Struct:
                    ReadKindHeader(ref reader, ref header, id);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        if (header.UncompressedSize < 0 || header.CompressedSize < 0 || !Enum.IsDefined(header.Type))
        {
            throw new PageFormatException("the page header lacks its type or sizes");
        }

        length = reader.Position;
        return header;
    }

    /// <summary>
    /// Reads the header of the page's kind: <c>DataPageHeader</c> (field 5 of the page header), <c>DictionaryPageHeader</c>
    /// (7) or <c>DataPageHeaderV2</c> (8), whose field ids differ for the same figures.
    /// </summary>
    private static void ReadKindHeader(ref ThriftCompactReader reader, ref PageHeader header, short kind)
    {
        short lastId = 0;
        while (reader.NextField(ref lastId, out short id, out byte type))
        {
            switch ((kind, id))
            {
                case (_, 1):
                    header.ValueCount = reader.ReadInt32(type);
                    break;
                case (5 or 7, 2) or (8, 4):
                    header.Encoding = (PageEncoding)reader.ReadInt32(type);
                    break;
                case (5, 3):
                    header.DefinitionLevelEncoding = (PageEncoding)reader.ReadInt32(type);
                    break;
                case (8, 2):
                    header.NullCount = reader.ReadInt32(type);
                    break;
                case (8, 5):
                    header.DefinitionLevelsLength = reader.ReadInt32(type);
                    break;
                case (8, 6):
                    header.RepetitionLevelsLength = reader.ReadInt32(type);
                    break;
                case (8, 7):
                    header.IsCompressed = ThriftCompactReader.ReadBoolean(type);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }
    }
}
