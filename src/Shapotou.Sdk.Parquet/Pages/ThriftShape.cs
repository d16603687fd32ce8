namespace Shapotou.Sdk.Parquet.Pages;

/// <summary>A field of a Thrift struct as parquet.thrift declares it: its compact type, and a list's element or a struct's shape.</summary>
/// <param name="Type">The compact type (<see cref="CompactType"/>; <see cref="CompactType.BooleanTrue"/> for a bool).</param>
/// <param name="Element">A list's element type.</param>
/// <param name="Struct">The shape of a struct field or of a list's struct elements.</param>
internal readonly record struct ThriftField(byte Type, byte Element = 0, ThriftShape? Struct = null);

/// <summary>
/// A struct of parquet.thrift (the footer's <c>FileMetaData</c> and the page headers, with every struct they hold): the
/// compact type of each field id it declares.
/// </summary>
/// <remarks>
/// <para>Parquet.Net 6.1.0 reads a declared field as its declared type whatever type the bytes say, loops over a list
/// of any declared size, reads a varint past the end of its bytes for ever, and skips an undeclared struct without
/// skipping its fields' values. So the SDK walks the same bytes first (<see cref="ThriftWalk"/>) and hands Parquet.Net
/// only what it reads the same way: every declared field of its declared type, every length within the bytes, and no
/// undeclared field Parquet.Net would skip differently.</para>
/// <para>The shapes are parquet.thrift's as of the format's 2.11 release, which is what Parquet.Net 6.1.0 declares.</para>
/// </remarks>
internal sealed class ThriftShape
{
    private readonly ThriftField?[] _fields;

    private ThriftShape(string name, int maxId)
    {
        Name = name;
        _fields = new ThriftField?[maxId + 1];
    }

    /// <summary>Gets the struct's name in parquet.thrift.</summary>
    public string Name { get; }

    /// <summary>The declared field of an id, or null.</summary>
    /// <param name="id">The field id.</param>
    /// <returns>The field.</returns>
    public ThriftField? Field(short id) => id > 0 && id < _fields.Length ? _fields[id] : null;

    private ThriftShape With(short id, byte type, byte element = 0, ThriftShape? shape = null)
    {
        _fields[id] = new ThriftField(type, element, shape);
        return this;
    }

    private const byte Bool = CompactType.BooleanTrue;
    private const byte I8 = CompactType.I8;
    private const byte I16 = CompactType.I16;
    private const byte I32 = CompactType.I32;
    private const byte I64 = CompactType.I64;
    private const byte Double = CompactType.Double;
    private const byte Binary = CompactType.Binary;
    private const byte List = CompactType.List;
    private const byte Struct = CompactType.Struct;

    private static ThriftShape Empty(string name) => new(name, 0);

    private static ThriftShape Union(string name, params (short Id, ThriftShape Shape)[] members)
    {
        var shape = new ThriftShape(name, members.Max(m => m.Id));
        foreach ((short id, ThriftShape member) in members)
        {
            shape.With(id, Struct, shape: member);
        }

        return shape;
    }

    public static readonly ThriftShape Statistics = new ThriftShape("Statistics", 8)
        .With(1, Binary).With(2, Binary).With(3, I64).With(4, I64).With(5, Binary).With(6, Binary).With(7, Bool).With(8, Bool);

    private static readonly ThriftShape s_timeUnit = Union("TimeUnit", (1, Empty("MilliSeconds")), (2, Empty("MicroSeconds")), (3, Empty("NanoSeconds")));

    private static readonly ThriftShape s_logicalType = Union(
        "LogicalType",
        (1, Empty("StringType")),
        (2, Empty("MapType")),
        (3, Empty("ListType")),
        (4, Empty("EnumType")),
        (5, new ThriftShape("DecimalType", 2).With(1, I32).With(2, I32)),
        (6, Empty("DateType")),
        (7, new ThriftShape("TimeType", 2).With(1, Bool).With(2, Struct, shape: s_timeUnit)),
        (8, new ThriftShape("TimestampType", 2).With(1, Bool).With(2, Struct, shape: s_timeUnit)),
        (10, new ThriftShape("IntType", 2).With(1, I8).With(2, Bool)),
        (11, Empty("NullType")),
        (12, Empty("JsonType")),
        (13, Empty("BsonType")),
        (14, Empty("UUIDType")),
        (15, Empty("Float16Type")),
        (16, new ThriftShape("VariantType", 1).With(1, I8)),
        (17, new ThriftShape("GeometryType", 1).With(1, Binary)),
        (18, new ThriftShape("GeographyType", 2).With(1, Binary).With(2, I32)));

    public static readonly ThriftShape SchemaElement = new ThriftShape("SchemaElement", 10)
        .With(1, I32).With(2, I32).With(3, I32).With(4, Binary).With(5, I32).With(6, I32).With(7, I32).With(8, I32).With(9, I32)
        .With(10, Struct, shape: s_logicalType);

    private static readonly ThriftShape s_keyValue = new ThriftShape("KeyValue", 2).With(1, Binary).With(2, Binary);

    private static readonly ThriftShape s_boundingBox = new ThriftShape("BoundingBox", 8)
        .With(1, Double).With(2, Double).With(3, Double).With(4, Double).With(5, Double).With(6, Double).With(7, Double).With(8, Double);

    public static readonly ThriftShape ColumnMetaData = new ThriftShape("ColumnMetaData", 17)
        .With(1, I32).With(2, List, I32).With(3, List, Binary).With(4, I32).With(5, I64).With(6, I64).With(7, I64)
        .With(8, List, Struct, s_keyValue).With(9, I64).With(10, I64).With(11, I64).With(12, Struct, shape: Statistics)
        .With(13, List, Struct, new ThriftShape("PageEncodingStats", 3).With(1, I32).With(2, I32).With(3, I32))
        .With(14, I64).With(15, I32)
        .With(16, Struct, shape: new ThriftShape("SizeStatistics", 3).With(1, I64).With(2, List, I64).With(3, List, I64))
        .With(17, Struct, shape: new ThriftShape("GeospatialStatistics", 2).With(1, Struct, shape: s_boundingBox).With(2, List, I32));

    public static readonly ThriftShape ColumnCryptoMetaData = Union(
        "ColumnCryptoMetaData",
        (1, Empty("EncryptionWithFooterKey")),
        (2, new ThriftShape("EncryptionWithColumnKey", 2).With(1, List, Binary).With(2, Binary)));

    public static readonly ThriftShape ColumnChunk = new ThriftShape("ColumnChunk", 9)
        .With(1, Binary).With(2, I64).With(3, Struct, shape: ColumnMetaData).With(4, I64).With(5, I32).With(6, I64).With(7, I32)
        .With(8, Struct, shape: ColumnCryptoMetaData).With(9, Binary);

    public static readonly ThriftShape RowGroup = new ThriftShape("RowGroup", 7)
        .With(1, List, Struct, ColumnChunk).With(2, I64).With(3, I64)
        .With(4, List, Struct, new ThriftShape("SortingColumn", 3).With(1, I32).With(2, Bool).With(3, Bool))
        .With(5, I64).With(6, I64).With(7, I16);

    private static readonly ThriftShape s_aes = new ThriftShape("AesGcmV1", 3).With(1, Binary).With(2, Binary).With(3, Bool);

    public static readonly ThriftShape FileMetaData = new ThriftShape("FileMetaData", 9)
        .With(1, I32).With(2, List, Struct, SchemaElement).With(3, I64).With(4, List, Struct, RowGroup).With(5, List, Struct, s_keyValue)
        .With(6, Binary).With(7, List, Struct, Union("ColumnOrder", (1, Empty("TypeDefinedOrder"))))
        .With(8, Struct, shape: Union("EncryptionAlgorithm", (1, s_aes), (2, s_aes))).With(9, Binary);

    public static readonly ThriftShape DataPageHeader = new ThriftShape("DataPageHeader", 5)
        .With(1, I32).With(2, I32).With(3, I32).With(4, I32).With(5, Struct, shape: Statistics);

    public static readonly ThriftShape DictionaryPageHeader = new ThriftShape("DictionaryPageHeader", 3).With(1, I32).With(2, I32).With(3, Bool);

    public static readonly ThriftShape DataPageHeaderV2 = new ThriftShape("DataPageHeaderV2", 8)
        .With(1, I32).With(2, I32).With(3, I32).With(4, I32).With(5, I32).With(6, I32).With(7, Bool).With(8, Struct, shape: Statistics);

    public static readonly ThriftShape IndexPageHeader = Empty("IndexPageHeader");

    public static readonly ThriftShape PageHeader = new ThriftShape("PageHeader", 8)
        .With(1, I32).With(2, I32).With(3, I32).With(4, I32).With(5, Struct, shape: DataPageHeader).With(6, Struct, shape: IndexPageHeader)
        .With(7, Struct, shape: DictionaryPageHeader).With(8, Struct, shape: DataPageHeaderV2);
}

/// <summary>Receives what <see cref="ThriftWalk"/> reads: structs entered and left, and each scalar value with its field.</summary>
internal interface IThriftVisitor
{
    /// <summary>A struct begins (the outermost one included).</summary>
    /// <param name="shape">Its shape.</param>
    void Begin(ThriftShape shape);

    /// <summary>A struct ends.</summary>
    /// <param name="shape">Its shape.</param>
    void End(ThriftShape shape);

    /// <summary>An integer field or list element (i8, i16, i32, i64), or a bool as 0 or 1.</summary>
    /// <param name="owner">The struct holding the field.</param>
    /// <param name="id">The field id.</param>
    /// <param name="value">The value.</param>
    void Integer(ThriftShape owner, short id, long value);

    /// <summary>A list field begins.</summary>
    /// <param name="owner">The struct holding the field.</param>
    /// <param name="id">The field id.</param>
    /// <param name="count">Its elements.</param>
    void List(ThriftShape owner, short id, int count);

    /// <summary>A binary or string field or list element.</summary>
    /// <param name="owner">The struct holding the field.</param>
    /// <param name="id">The field id.</param>
    /// <param name="value">The bytes.</param>
    void Binary(ThriftShape owner, short id, ReadOnlySpan<byte> value);
}

/// <summary>
/// Walks Thrift compact bytes against a <see cref="ThriftShape"/>, bounded by the bytes: every length and list size is
/// checked against what remains before anything is looped over, nesting is limited, and whatever Parquet.Net 6.1.0 would
/// read otherwise than the protocol says is refused (see <see cref="ThriftShape"/>).
/// </summary>
internal static class ThriftWalk
{
    /// <summary>The deepest struct nesting walked; parquet.thrift's own structs nest six deep.</summary>
    private const int MaxDepth = 16;

    /// <summary>Walks one struct (whose field headers start at the reader's position) to its stop byte.</summary>
    /// <typeparam name="TVisitor">The visitor's type; a struct visitor is called without boxing.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="shape">The struct's shape.</param>
    /// <param name="visitor">Receives the values.</param>
    /// <exception cref="PageFormatException">The bytes are not a struct of that shape that Parquet.Net reads the same way.</exception>
    public static void Struct<TVisitor>(ref ThriftCompactReader reader, ThriftShape shape, ref TVisitor visitor)
        where TVisitor : IThriftVisitor =>
        Struct(ref reader, shape, ref visitor, 0);

    private static void Struct<TVisitor>(ref ThriftCompactReader reader, ThriftShape shape, ref TVisitor visitor, int depth)
        where TVisitor : IThriftVisitor
    {
        if (depth > MaxDepth)
        {
            throw new PageFormatException($"structs nested deeper than {MaxDepth}");
        }

        visitor.Begin(shape);
        short lastId = 0;
        while (reader.NextField(ref lastId, out short id, out byte type))
        {
            if (shape.Field(id) is not { } field)
            {
                SkipUndeclared(ref reader, type, depth);
                continue;
            }

            if (field.Type == CompactType.BooleanTrue)
            {
                visitor.Integer(shape, id, ThriftCompactReader.ReadBoolean(type) ? 1 : 0);
                continue;
            }

            if (type != field.Type)
            {
                throw new PageFormatException($"field {id} of {shape.Name} has compact type {type}; expected {field.Type}");
            }

            if (field.Type == CompactType.List)
            {
                int count = reader.ReadListHeader(type, out byte element);
                if (count > 0 && element != field.Element)
                {
                    throw new PageFormatException($"the list in field {id} of {shape.Name} has elements of compact type {element}; expected {field.Element}");
                }

                visitor.List(shape, id, count);
                for (int i = 0; i < count; i++)
                {
                    Value(ref reader, shape, id, field.Element, field.Struct, ref visitor, depth);
                }
            }
            else
            {
                Value(ref reader, shape, id, field.Type, field.Struct, ref visitor, depth);
            }
        }

        visitor.End(shape);
    }

    private static void Value<TVisitor>(ref ThriftCompactReader reader, ThriftShape owner, short id, byte type, ThriftShape? shape, ref TVisitor visitor, int depth)
        where TVisitor : IThriftVisitor
    {
        switch (type)
        {
            case CompactType.I8:
                visitor.Integer(owner, id, (sbyte)reader.ReadRawByte());
                break;
            case CompactType.I16:
                {
                    long value = ZigZag(reader.ReadVarint(5));
                    visitor.Integer(owner, id, value is >= short.MinValue and <= short.MaxValue ? value : throw new PageFormatException($"field {id} of {owner.Name} is {value}, not an i16"));
                    break;
                }

            case CompactType.I32:
                {
                    long value = ZigZag(reader.ReadVarint(5));
                    visitor.Integer(owner, id, value is >= int.MinValue and <= int.MaxValue ? value : throw new PageFormatException($"field {id} of {owner.Name} is {value}, not an i32"));
                    break;
                }

            case CompactType.I64:
                visitor.Integer(owner, id, ZigZag(reader.ReadVarint(10)));
                break;
            case CompactType.Double:
                reader.SkipBytes(8);
                break;
            case CompactType.Binary:
                visitor.Binary(owner, id, reader.ReadBinary(CompactType.Binary));
                break;
            case CompactType.Struct:
                Struct(ref reader, shape!, ref visitor, depth + 1);
                break;
            default:
                throw new PageFormatException($"a value of compact type {type}");
        }
    }

    /// <summary>
    /// Skips a field parquet.thrift does not declare there, refusing what Parquet.Net 6.1.0 skips otherwise than the
    /// protocol: a struct with fields (it skips their headers, not their values), a list of booleans or of structs with
    /// fields, sets and maps (it cannot skip them).
    /// </summary>
    private static void SkipUndeclared(ref ThriftCompactReader reader, byte type, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new PageFormatException($"values nested deeper than {MaxDepth}");
        }

        switch (type)
        {
            case CompactType.BooleanTrue or CompactType.BooleanFalse:
                break;
            case CompactType.I8:
                reader.SkipBytes(1);
                break;
            case CompactType.I16 or CompactType.I32:
                _ = reader.ReadVarint(5);
                break;
            case CompactType.I64:
                _ = reader.ReadVarint(10);
                break;
            case CompactType.Double:
                reader.SkipBytes(8);
                break;
            case CompactType.Binary:
                _ = reader.ReadBinary(CompactType.Binary);
                break;
            case CompactType.Struct:
                {
                    short lastId = 0;
                    if (reader.NextField(ref lastId, out short id, out _))
                    {
                        throw new PageFormatException($"an undeclared struct with field {id}");
                    }

                    break;
                }

            case CompactType.List:
                {
                    int count = reader.ReadListHeader(type, out byte element);
                    if (count > 0 && element is CompactType.BooleanTrue or CompactType.BooleanFalse)
                    {
                        throw new PageFormatException("an undeclared list of booleans");
                    }

                    for (int i = 0; i < count; i++)
                    {
                        SkipUndeclared(ref reader, element, depth + 1);
                    }

                    break;
                }

            default:
                throw new PageFormatException($"an undeclared field of compact type {type}");
        }
    }

    private static long ZigZag(ulong raw) => (long)(raw >> 1) ^ -(long)(raw & 1);
}
