using System.Buffers;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Shapotou.Sdk.Parquet.Pages;

/// <summary>Parquet's physical types (parquet.thrift <c>Type</c>), those the scan reads.</summary>
internal enum PhysicalType
{
    Int32 = 1,
    Int64 = 2,
    Double = 5,
    ByteArray = 6,
}

/// <summary>Parquet's compression codecs (parquet.thrift <c>CompressionCodec</c>).</summary>
internal enum Codec
{
    Uncompressed = 0,
    Snappy = 1,
    Zstd = 6,
}

/// <summary>A column chunk's place in the file and whether the page decoder reads its layout.</summary>
/// <param name="Start">The first page's offset: the lowest of the offsets stated, as Parquet.Net reads them.</param>
/// <param name="Length">The chunk's bytes (its total compressed size).</param>
/// <param name="Codec">Its codec.</param>
/// <param name="Decodable">Whether the page decoder reads its layout.</param>
/// <param name="DataOffset">Where the metadata says its first data page is.</param>
/// <param name="DictionaryOffset">Where the metadata says its dictionary page is, or 0 for none.</param>
/// <param name="Encodings">The encodings the metadata lists, as bits (1 &lt;&lt; encoding).</param>
internal readonly record struct ChunkInfo(long Start, int Length, Codec Codec, bool Decodable, long DataOffset = 0, long DictionaryOffset = 0, long Encodings = 0);

/// <summary>The unit of an INT64 timestamp column (parquet.thrift <c>TimeUnit</c>, or the converted type).</summary>
internal enum TimestampUnit
{
    /// <summary>Not a timestamp.</summary>
    None,

    /// <summary>Milliseconds since the Unix epoch.</summary>
    Millis,

    /// <summary>Microseconds since the Unix epoch.</summary>
    Micros,

    /// <summary>Nanoseconds since the Unix epoch.</summary>
    Nanos,
}

/// <summary>A leaf column of the schema, as the scan needs it.</summary>
/// <param name="Path">The names from the root, joined by dots.</param>
/// <param name="Name">The leaf's own name.</param>
/// <param name="PhysicalType">Its physical type (parquet.thrift <c>Type</c>).</param>
/// <param name="Annotated">Whether a converted or logical type makes it other than a plain number.</param>
/// <param name="MaxDefinitionLevel">Optional or repeated fields on its path.</param>
/// <param name="MaxRepetitionLevel">Repeated fields on its path.</param>
/// <param name="Depth">1 for a top-level column.</param>
/// <param name="Timestamp">The unit of an INT64 timestamp, from its logical or converted type.</param>
internal sealed record FooterColumn(string Path, string Name, int PhysicalType, bool Annotated, int MaxDefinitionLevel, int MaxRepetitionLevel, int Depth, TimestampUnit Timestamp = TimestampUnit.None);

/// <summary>
/// The parts of a file's footer (parquet.thrift <c>FileMetaData</c>) the column scan needs, read straight from the
/// file's last bytes with <see cref="ThriftCompactReader"/>: the schema's leaves, each row group's row count, and the
/// requested columns' chunk positions, codecs and encodings. Nothing else of the footer is kept, so the memory a scan
/// holds does not grow with the file's row groups beyond a few bytes each.
/// </summary>
internal sealed class FileFooter
{
    // Per row group, per kept leaf: start, length, codec, decodable, data page offset, dictionary offset, encodings
    // (FieldsPerChunk longs); a leaf's slot, or -1 when not kept.
    private const int FieldsPerChunk = 7;
    private readonly List<long[]> _chunkFields;
    private readonly int[] _slots;

    private FileFooter(IReadOnlyList<FooterColumn> columns, int[] slots, long[] rowGroupRows, List<long[]> chunkFields)
    {
        Columns = columns;
        RowGroupRows = rowGroupRows;
        _slots = slots;
        _chunkFields = chunkFields;
    }

    /// <summary>Gets the schema's leaf columns, in the order of a row group's chunks.</summary>
    public IReadOnlyList<FooterColumn> Columns { get; }

    /// <summary>Gets the writer the footer names (<c>created_by</c>), or null.</summary>
    public string? CreatedBy { get; private init; }

    /// <summary>Gets each row group's rows.</summary>
    public long[] RowGroupRows { get; }

    /// <summary>A chunk of a row group.</summary>
    /// <param name="rowGroup">The row group.</param>
    /// <param name="column">The leaf's index in <see cref="Columns"/>.</param>
    /// <returns>The chunk.</returns>
    public ChunkInfo Chunk(int rowGroup, int column)
    {
        int slot = _slots[column];
        if (slot < 0)
        {
            // A column not asked for: nothing was kept of it.
            return new ChunkInfo(0, 0, Codec.Uncompressed, Decodable: false);
        }

        long[] fields = _chunkFields[rowGroup];
        int k = slot * FieldsPerChunk;
        return new ChunkInfo(fields[k], (int)fields[k + 1], (Codec)fields[k + 2], fields[k + 3] != 0, fields[k + 4], fields[k + 5], fields[k + 6]);
    }

    /// <summary>Reads the footer of an open file.</summary>
    /// <param name="file">The file.</param>
    /// <param name="wanted">Leaf paths whose chunks are kept; others are skipped.</param>
    /// <returns>The footer.</returns>
    /// <exception cref="PageFormatException">Not a plain (unencrypted) Parquet footer, or one <see cref="FooterCheck"/> refuses.</exception>
    public static FileFooter Read(SafeFileHandle file, IReadOnlyCollection<string> wanted)
    {
        byte[]? buffer = null;
        try
        {
            ReadOnlySpan<byte> bytes = FooterCheck.ReadFooter(file, out long length, ref buffer);
            FooterCheck.Check(bytes, length);
            return Parse(bytes, wanted);
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static FileFooter Parse(ReadOnlySpan<byte> bytes, IReadOnlyCollection<string> wanted)
    {
        var reader = new ThriftCompactReader(bytes);
        string? createdBy = null;
        var schema = new List<(string Name, int Type, int Repetition, int Children, bool Annotated, TimestampUnit Timestamp)>();
        var rowGroupRows = new List<long>();
        var chunks = new List<long[]>();
        List<FooterColumn>? columns = null;
        int[]? slots = null;
        int kept = 0;
        short lastId = 0;
        while (reader.NextField(ref lastId, out short id, out byte type))
        {
            switch (id)
            {
                case 2:
                    {
                        int count = reader.ReadListHeader(type, out byte element);
                        for (int i = 0; i < count; i++)
                        {
                            schema.Add(ReadSchemaElement(ref reader, element));
                        }

                        columns = Leaves(schema);
                        slots = [.. columns.Select(c => wanted.Contains(c.Path) || (c.Depth == 1 && wanted.Contains(c.Name)) ? kept++ : -1)];
                        break;
                    }

                case 4:
                    {
                        if (columns is null)
                        {
                            throw new PageFormatException("row groups before the schema");
                        }

                        int count = reader.ReadListHeader(type, out byte element);
                        for (int g = 0; g < count; g++)
                        {
                            (long rows, long[] fields) = ReadRowGroup(ref reader, element, columns, slots!, kept);
                            rowGroupRows.Add(rows);
                            chunks.Add(fields);
                        }

                        break;
                    }

                case 6:
                    createdBy = Encoding.UTF8.GetString(reader.ReadBinary(type));
                    break;

                default:
                    reader.Skip(type);
                    break;
            }
        }

        return columns is null ? throw new PageFormatException("a footer without a schema") : new FileFooter(columns, slots!, [.. rowGroupRows], chunks) { CreatedBy = createdBy };
    }

    private static (string, int, int, int, bool, TimestampUnit) ReadSchemaElement(ref ThriftCompactReader reader, byte type)
    {
        if (type != CompactType.Struct)
        {
            throw new PageFormatException("a schema element that is not a struct");
        }

        (string name, int physical, int repetition, int children, bool annotated) = (string.Empty, -1, 0, 0, false);
        TimestampUnit timestamp = TimestampUnit.None;
        short lastId = 0;
        while (reader.NextField(ref lastId, out short id, out byte field))
        {
            switch (id)
            {
                case 1:
                    physical = reader.ReadInt32(field);
                    break;
                case 3:
                    repetition = reader.ReadInt32(field);
                    break;
                case 4:
                    name = Encoding.UTF8.GetString(reader.ReadBinary(field));
                    break;
                case 5:
                    children = reader.ReadInt32(field);
                    break;
                case 6:
                    {
                        // A converted type other than INT_32 (17) makes the INT32 column something else (a date, a decimal, …).
                        int converted = reader.ReadInt32(field);
                        annotated |= converted != 17;
                        timestamp = converted switch { 9 => TimestampUnit.Millis, 10 => TimestampUnit.Micros, _ => timestamp };
                        break;
                    }

                case 10:
                    {
                        // A logical type other than INT(32, signed): the scan leaves the column to Parquet.Net's type check.
                        (bool signedInt32, TimestampUnit unit) = ReadLogicalType(ref reader, field);
                        annotated |= !signedInt32;
                        timestamp = unit == TimestampUnit.None ? timestamp : unit;
                        break;
                    }
                default:
                    reader.Skip(field);
                    break;
            }
        }

        return (name, physical, repetition, children, annotated, timestamp);
    }

    /// <summary>Reads a LogicalType union: whether it is INTEGER(bitWidth 32, signed), and a TIMESTAMP's unit.</summary>
    private static (bool SignedInt32, TimestampUnit Timestamp) ReadLogicalType(ref ThriftCompactReader reader, byte type)
    {
        if (type != CompactType.Struct)
        {
            reader.Skip(type);
            return (false, TimestampUnit.None);
        }

        bool signedInt32 = false;
        TimestampUnit timestamp = TimestampUnit.None;
        short lastId = 0;
        while (reader.NextField(ref lastId, out short id, out byte member))
        {
            if (id == 10 && member == CompactType.Struct)
            {
                (long width, bool signed) = (0, false);
                short intId = 0;
                while (reader.NextField(ref intId, out short f, out byte value))
                {
                    switch (f)
                    {
                        case 1:
                            width = reader.ReadInt64(value);
                            break;
                        case 2:
                            signed = ThriftCompactReader.ReadBoolean(value);
                            break;
                        default:
                            reader.Skip(value);
                            break;
                    }
                }

                signedInt32 = width == 32 && signed;
            }
            else if (id == 8 && member == CompactType.Struct)
            {
                // TimestampType { 1: isAdjustedToUTC, 2: unit (a union: 1 MILLIS, 2 MICROS, 3 NANOS) }.
                short timestampId = 0;
                while (reader.NextField(ref timestampId, out short f, out byte value))
                {
                    if (f == 2 && value == CompactType.Struct)
                    {
                        short unitId = 0;
                        while (reader.NextField(ref unitId, out short u, out byte unitValue))
                        {
                            timestamp = u switch { 1 => TimestampUnit.Millis, 2 => TimestampUnit.Micros, 3 => TimestampUnit.Nanos, _ => timestamp };
                            reader.Skip(unitValue);
                        }
                    }
                    else
                    {
                        reader.Skip(value);
                    }
                }
            }
            else
            {
                reader.Skip(member);
            }
        }

        return (signedInt32, timestamp);
    }

    /// <summary>The leaves of a depth-first schema, with their paths and levels.</summary>
    private static List<FooterColumn> Leaves(List<(string Name, int Type, int Repetition, int Children, bool Annotated, TimestampUnit Timestamp)> schema)
    {
        var leaves = new List<FooterColumn>();
        int index = 1;
        if (schema.Count == 0)
        {
            throw new PageFormatException("an empty schema");
        }

        for (int child = 0; child < schema[0].Children; child++)
        {
            Walk(schema, ref index, string.Empty, 0, 0, 1, leaves);
        }

        return leaves;
    }

    private static void Walk(List<(string Name, int Type, int Repetition, int Children, bool Annotated, TimestampUnit Timestamp)> schema, ref int index, string prefix, int definition, int repetition, int depth, List<FooterColumn> leaves)
    {
        if (index >= schema.Count || leaves.Count > 100_000)
        {
            throw new PageFormatException("a schema whose children run past its elements");
        }

        (string name, int type, int rep, int children, bool annotated, TimestampUnit timestamp) = schema[index++];
        string path = prefix.Length == 0 ? name : prefix + "." + name;
        definition += rep == 0 ? 0 : 1;
        repetition += rep == 2 ? 1 : 0;
        if (children == 0)
        {
            leaves.Add(new FooterColumn(path, name, type, annotated, definition, repetition, depth, type == (int)PhysicalType.Int64 ? timestamp : TimestampUnit.None));
            return;
        }

        for (int c = 0; c < children; c++)
        {
            Walk(schema, ref index, path, definition, repetition, depth + 1, leaves);
        }
    }

    private static (long Rows, long[] Fields) ReadRowGroup(ref ThriftCompactReader reader, byte type, List<FooterColumn> columns, int[] slots, int kept)
    {
        if (type != CompactType.Struct)
        {
            throw new PageFormatException("a row group that is not a struct");
        }

        long rows = -1;
        long[] fields = new long[kept * FieldsPerChunk];
        short lastId = 0;
        while (reader.NextField(ref lastId, out short id, out byte field))
        {
            switch (id)
            {
                case 1:
                    {
                        int count = reader.ReadListHeader(field, out byte element);
                        if (count != columns.Count)
                        {
                            throw new PageFormatException($"a row group of {count} chunks for {columns.Count} columns");
                        }

                        for (int c = 0; c < count; c++)
                        {
                            if (slots[c] >= 0)
                            {
                                ReadColumnChunk(ref reader, element, columns[c], fields.AsSpan(slots[c] * FieldsPerChunk, FieldsPerChunk));
                            }
                            else
                            {
                                reader.Skip(element);
                            }
                        }

                        break;
                    }

                case 3:
                    rows = reader.ReadInt64(field);
                    break;
                default:
                    reader.Skip(field);
                    break;
            }
        }

        return rows >= 0 ? (rows, fields) : throw new PageFormatException("a row group without its row count");
    }

    private static void ReadColumnChunk(ref ThriftCompactReader reader, byte type, FooterColumn column, Span<long> fields)
    {
        if (type != CompactType.Struct)
        {
            throw new PageFormatException("a column chunk that is not a struct");
        }

        bool plain = true;
        (int physical, int codec, long compressed, long dataPage, long dictionaryPage, long indexPage) = (-1, -1, -1, -1, 0, 0);
        bool encodings = true;
        long listed = 0;
        short lastId = 0;
        while (reader.NextField(ref lastId, out short id, out byte field))
        {
            switch (id)
            {
                case 3 when field == CompactType.Struct:
                    {
                        short metaId = 0;
                        while (reader.NextField(ref metaId, out short m, out byte metaField))
                        {
                            switch (m)
                            {
                                case 1:
                                    physical = reader.ReadInt32(metaField);
                                    break;
                                case 2:
                                    {
                                        int count = reader.ReadListHeader(metaField, out _);
                                        for (int i = 0; i < count; i++)
                                        {
                                            // PLAIN, PLAIN_DICTIONARY, RLE, BIT_PACKED, DELTA_BINARY_PACKED, RLE_DICTIONARY, BYTE_STREAM_SPLIT.
                                            long encoding = reader.ReadListInteger();
                                            encodings &= encoding is 0 or 2 or 3 or 4 or 5 or 8 or 9;
                                            listed |= encoding is >= 0 and < 64 ? 1L << (int)encoding : 0;
                                        }

                                        break;
                                    }

                                case 4:
                                    codec = reader.ReadInt32(metaField);
                                    break;
                                case 7:
                                    compressed = reader.ReadInt64(metaField);
                                    break;
                                case 9:
                                    dataPage = reader.ReadInt64(metaField);
                                    break;
                                case 10:
                                    indexPage = reader.ReadInt64(metaField);
                                    break;
                                case 11:
                                    dictionaryPage = reader.ReadInt64(metaField);
                                    break;
                                default:
                                    reader.Skip(metaField);
                                    break;
                            }
                        }

                        break;
                    }

                case 1 or 8 or 9:
                    // A chunk in another file, or encrypted: Parquet.Net's.
                    plain = false;
                    reader.Skip(field);
                    break;
                default:
                    reader.Skip(field);
                    break;
            }
        }

        // The lowest offset stated (zero means none), as Parquet.Net starts; FooterCheck has checked them.
        long start = dataPage > 0 ? dataPage : long.MaxValue;
        start = dictionaryPage > 0 ? Math.Min(start, dictionaryPage) : start;
        start = indexPage > 0 ? Math.Min(start, indexPage) : start;
        start = start == long.MaxValue ? 0 : start;
        bool decodable = plain && encodings && physical == column.PhysicalType && dataPage > 0 && compressed > 0 && compressed <= Array.MaxLength
            && codec is (int)Codec.Uncompressed or (int)Codec.Snappy or (int)Codec.Zstd
            && column.MaxRepetitionLevel == 0 && column.MaxDefinitionLevel <= 1 && BitConverter.IsLittleEndian;
        fields[0] = start;
        fields[1] = Math.Min(compressed, int.MaxValue);
        fields[2] = codec;
        fields[3] = decodable ? 1 : 0;
        fields[4] = dataPage;
        fields[5] = dictionaryPage;
        fields[6] = listed;
    }
}
