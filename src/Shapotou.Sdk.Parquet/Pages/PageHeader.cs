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
/// decoding and checking need; statistics and unknown fields are skipped.
/// </summary>
/// <remarks>
/// <see cref="Read"/> walks the header with <see cref="ThriftWalk"/> (every field of its declared type, lengths within
/// the bytes) and refuses a header whose figures contradict each other: a page type without its own header (a data page
/// relabelled as version 2 keeps its version-1 header), negative sizes or counts, levels longer than the page.
/// </remarks>
internal struct PageHeader : IThriftVisitor
{
    public PageType Type;
    public int UncompressedSize;
    public int CompressedSize;

    /// <summary>The page's CRC-32 (parquet.thrift field 4), when <see cref="HasCrc"/>.</summary>
    public int Crc;

    public bool HasCrc;

    /// <summary>Values in the page, nulls included (data pages), or entries (dictionary pages).</summary>
    public int ValueCount;

    public int NullCount;

    /// <summary>Data page v2 only: the rows in the page.</summary>
    public int RowCount;

    public PageEncoding Encoding;
    public PageEncoding DefinitionLevelEncoding;

    /// <summary>Data page v2 only: the uncompressed definition and repetition levels' lengths.</summary>
    public int DefinitionLevelsLength;

    public int RepetitionLevelsLength;

    /// <summary>Data page v2 only: whether the values are compressed (true by default).</summary>
    public bool IsCompressed;

    /// <summary>Which kind headers the page header holds: bit 0 data, 1 index, 2 dictionary, 3 data v2.</summary>
    private int _kinds;

    /// <summary>Reads a page header.</summary>
    /// <param name="data">Bytes that start with the header.</param>
    /// <param name="length">The header's length in bytes.</param>
    /// <returns>The header.</returns>
    /// <exception cref="PageFormatException">The header is malformed or its figures contradict each other.</exception>
    public static PageHeader Read(ReadOnlySpan<byte> data, out int length)
    {
        var reader = new ThriftCompactReader(data);
        var header = new PageHeader { Type = (PageType)(-1), UncompressedSize = -1, CompressedSize = -1, ValueCount = -1, RowCount = -1, IsCompressed = true, Encoding = PageEncoding.Plain, DefinitionLevelEncoding = PageEncoding.Rle };
        ThriftWalk.Struct(ref reader, ThriftShape.PageHeader, ref header);
        if (header.UncompressedSize < 0 || header.CompressedSize < 0 || !Enum.IsDefined(header.Type))
        {
            throw new PageFormatException("the page header lacks its type or sizes");
        }

        int own = 1 << (int)header.Type;
        if (header._kinds != own)
        {
            throw new PageFormatException(header._kinds == 0 || (header._kinds & own) == 0
                ? $"a page of type {Name(header.Type)} without its {Name(header.Type)} header"
                : $"a page of type {Name(header.Type)} with the headers of other page types");
        }

        if (header.Type != PageType.IndexPage && header.ValueCount < 0)
        {
            throw new PageFormatException($"a page of {header.ValueCount} values");
        }

        if (header.Type == PageType.DataPageV2
            && (header.NullCount < 0 || header.NullCount > header.ValueCount || header.RowCount < 0 || header.RowCount > header.ValueCount
                || header.DefinitionLevelsLength < 0 || header.RepetitionLevelsLength < 0
                || (long)header.DefinitionLevelsLength + header.RepetitionLevelsLength > Math.Min(header.CompressedSize, header.UncompressedSize)))
        {
            throw new PageFormatException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"a version 2 page of {header.ValueCount} values, {header.NullCount} nulls and {header.RowCount} rows with levels of {header.DefinitionLevelsLength} and {header.RepetitionLevelsLength} bytes in {header.CompressedSize} bytes ({header.UncompressedSize} uncompressed)"));
        }

        length = reader.Position;
        return header;
    }

    /// <summary>The page type's name in parquet.thrift.</summary>
    /// <param name="type">The type.</param>
    /// <returns>Its name.</returns>
    public static string Name(PageType type) => type switch
    {
        PageType.DataPage => "DATA_PAGE",
        PageType.IndexPage => "INDEX_PAGE",
        PageType.DictionaryPage => "DICTIONARY_PAGE",
        _ => "DATA_PAGE_V2",
    };

    void IThriftVisitor.Begin(ThriftShape shape)
    {
        _kinds |= ReferenceEquals(shape, ThriftShape.DataPageHeader) ? 1
            : ReferenceEquals(shape, ThriftShape.IndexPageHeader) ? 2
            : ReferenceEquals(shape, ThriftShape.DictionaryPageHeader) ? 4
            : ReferenceEquals(shape, ThriftShape.DataPageHeaderV2) ? 8
            : 0;
    }

    readonly void IThriftVisitor.End(ThriftShape shape)
    {
    }

    readonly void IThriftVisitor.List(ThriftShape owner, short id, int count)
    {
    }

    readonly void IThriftVisitor.Binary(ThriftShape owner, short id, ReadOnlySpan<byte> value)
    {
    }

    void IThriftVisitor.Integer(ThriftShape owner, short id, long value)
    {
        int v = (int)value;
        if (ReferenceEquals(owner, ThriftShape.PageHeader))
        {
            switch (id)
            {
                case 1: Type = (PageType)v; break;
                case 2: UncompressedSize = v; break;
                case 3: CompressedSize = v; break;
                case 4: (Crc, HasCrc) = (v, true); break;
            }
        }
        else if (ReferenceEquals(owner, ThriftShape.DataPageHeader))
        {
            switch (id)
            {
                case 1: ValueCount = v; break;
                case 2: Encoding = (PageEncoding)v; break;
                case 3: DefinitionLevelEncoding = (PageEncoding)v; break;
            }
        }
        else if (ReferenceEquals(owner, ThriftShape.DictionaryPageHeader))
        {
            switch (id)
            {
                case 1: ValueCount = v; break;
                case 2: Encoding = (PageEncoding)v; break;
            }
        }
        else if (ReferenceEquals(owner, ThriftShape.DataPageHeaderV2))
        {
            switch (id)
            {
                case 1: ValueCount = v; break;
                case 2: NullCount = v; break;
                case 3: RowCount = v; break;
                case 4: Encoding = (PageEncoding)v; break;
                case 5: DefinitionLevelsLength = v; break;
                case 6: RepetitionLevelsLength = v; break;
                case 7: IsCompressed = v != 0; break;
            }
        }
    }
}
