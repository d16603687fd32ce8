namespace Shapotou.Sdk.Parquet.Pages;

/// <summary>
/// Reads the Thrift compact protocol, as Parquet's page headers are written, from a span without allocating.
/// </summary>
/// <remarks>
/// Field headers, zigzag varints, lengths checked against the bytes left, and skipping any value (statistics, unknown
/// fields); <see cref="ThriftWalk"/> reads a whole struct against its parquet.thrift shape. Malformed input throws
/// <see cref="PageFormatException"/>, never reads past the span, and never loops longer than the span is long.
/// </remarks>
internal ref struct ThriftCompactReader
{
    /// <summary>The deepest nesting skipped; deeper input is treated as malformed rather than recursed into.</summary>
    private const int MaxDepth = 32;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ThriftCompactReader(ReadOnlySpan<byte> data) => _data = data;

    /// <summary>Gets the bytes read so far.</summary>
    public readonly int Position => _position;

    /// <summary>Reads the next field header of a struct.</summary>
    /// <param name="lastId">The previous field's id (0 at the start of a struct); updated.</param>
    /// <param name="id">The field's id.</param>
    /// <param name="type">The field's compact type.</param>
    /// <returns><see langword="false"/> at the struct's stop byte.</returns>
    public bool NextField(ref short lastId, out short id, out byte type)
    {
        byte header = ReadByte();
        if (header == 0)
        {
            (id, type) = (0, 0);
            return false;
        }

        type = (byte)(header & 0x0F);
        int delta = header >> 4;
        if (delta == 0)
        {
            // An i16 read as Thrift's readers read it (a 32-bit varint cut to 16 bits), so an id out of range names the
            // same (undeclared) field for every reader rather than failing here alone.
            uint raw = unchecked((uint)ReadVarint(5));
            id = unchecked((short)((int)(raw >> 1) ^ -(int)(raw & 1)));
        }
        else
        {
            // Wraps as the compact protocol's readers compute it.
            id = unchecked((short)(lastId + delta));
        }

        lastId = id;
        return true;
    }

    /// <summary>Reads an i32 field's value.</summary>
    /// <param name="type">The field's compact type, which must be an integer.</param>
    /// <returns>The value.</returns>
    public int ReadInt32(byte type)
    {
        if (type is not (CompactType.I8 or CompactType.I16 or CompactType.I32))
        {
            throw new PageFormatException($"expected an integer field, found compact type {type}");
        }

        if (type == CompactType.I8)
        {
            return (sbyte)ReadByte();
        }

        long value = ReadZigZag();
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw new PageFormatException($"an i32 field of {value}");
    }

    /// <summary>Reads an i64 field's value (or a narrower integer).</summary>
    /// <param name="type">The field's compact type, which must be an integer.</param>
    /// <returns>The value.</returns>
    public long ReadInt64(byte type)
    {
        if (type is not (CompactType.I8 or CompactType.I16 or CompactType.I32 or CompactType.I64))
        {
            throw new PageFormatException($"expected an integer field, found compact type {type}");
        }

        return type == CompactType.I8 ? (sbyte)ReadByte() : ReadZigZag();
    }

    /// <summary>Reads a binary or string value.</summary>
    /// <param name="type">The field's compact type, which must be binary.</param>
    /// <returns>The bytes, a slice of the input.</returns>
    public ReadOnlySpan<byte> ReadBinary(byte type)
    {
        if (type != CompactType.Binary)
        {
            throw new PageFormatException($"expected a binary field, found compact type {type}");
        }

        int length = ReadLength();
        int start = _position;
        Advance(length);
        return _data.Slice(start, length);
    }

    /// <summary>Reads a list's header.</summary>
    /// <param name="type">The field's compact type, which must be a list or set.</param>
    /// <param name="elementType">The elements' compact type.</param>
    /// <returns>The element count.</returns>
    public int ReadListHeader(byte type, out byte elementType)
    {
        if (type is not (CompactType.List or CompactType.Set))
        {
            throw new PageFormatException($"expected a list field, found compact type {type}");
        }

        byte header = ReadByte();
        int size = header >> 4;
        if (size == 15)
        {
            size = ReadLength();
        }

        elementType = (byte)(header & 0x0F);
        return size;
    }

    /// <summary>Gets the bytes not read yet.</summary>
    public readonly int Remaining => _data.Length - _position;

    /// <summary>Reads one byte (an i8 value, a boolean list element).</summary>
    /// <returns>The byte.</returns>
    public byte ReadRawByte() => ReadByte();

    /// <summary>Skips bytes (a double's eight).</summary>
    /// <param name="count">How many.</param>
    public void SkipBytes(int count) => Advance(count);

    /// <summary>Reads a varint no longer than <paramref name="maxBytes"/> bytes.</summary>
    /// <param name="maxBytes">5 for an i16 or i32, 10 for an i64.</param>
    /// <returns>The raw (zigzag) value.</returns>
    public ulong ReadVarint(int maxBytes)
    {
        int start = _position;
        ulong value = ReadVarint();
        return _position - start <= maxBytes ? value : throw new PageFormatException($"a varint of {_position - start} bytes where at most {maxBytes} fit");
    }

    /// <summary>
    /// Reads a collection size or binary length: a varint that must fit an int and be no more than the bytes left, since
    /// every element or byte takes at least one byte. This is what keeps a declared 2^40 entries from being looped over.
    /// </summary>
    /// <returns>The length.</returns>
    public int ReadLength()
    {
        ulong length = ReadVarint();
        return length <= (ulong)Remaining
            ? (int)length
            : throw new PageFormatException($"a length of {length} where {Remaining} bytes remain");
    }

    /// <summary>Reads an integer element of a list (no field header).</summary>
    /// <returns>The value.</returns>
    public long ReadListInteger() => ReadZigZag();

    /// <summary>Reads a bool field's value, which the compact protocol keeps in the field header's type.</summary>
    /// <param name="type">The field's compact type.</param>
    /// <returns>The value.</returns>
    public static bool ReadBoolean(byte type) => type switch
    {
        CompactType.BooleanTrue => true,
        CompactType.BooleanFalse => false,
        _ => throw new PageFormatException($"expected a boolean field, found compact type {type}"),
    };

    /// <summary>Skips a value of any type.</summary>
    /// <param name="type">Its compact type.</param>
    public void Skip(byte type) => Skip(type, 0);

    private void Skip(byte type, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new PageFormatException("nesting deeper than a page header can be");
        }

        switch (type)
        {
            case CompactType.BooleanTrue or CompactType.BooleanFalse:
                break;
            case CompactType.I8:
                Advance(1);
                break;
            case CompactType.I16 or CompactType.I32 or CompactType.I64:
                _ = ReadVarint();
                break;
            case CompactType.Double:
                Advance(8);
                break;
            case CompactType.Binary:
                Advance(ReadLength());
                break;
            case CompactType.List or CompactType.Set:
                {
                    byte header = ReadByte();
                    int size = header >> 4;
                    if (size == 15)
                    {
                        size = ReadLength();
                    }

                    byte element = (byte)(header & 0x0F);
                    for (int i = 0; i < size; i++)
                    {
                        // A boolean inside a collection takes one byte.
                        if (element is CompactType.BooleanTrue or CompactType.BooleanFalse)
                        {
                            Advance(1);
                        }
                        else
                        {
                            Skip(element, depth + 1);
                        }
                    }

                    break;
                }

            case CompactType.Map:
                {
                    int size = ReadLength();
                    if (size == 0)
                    {
                        break;
                    }

                    byte types = ReadByte();
                    for (int i = 0; i < size; i++)
                    {
                        Skip((byte)(types >> 4), depth + 1);
                        Skip((byte)(types & 0x0F), depth + 1);
                    }

                    break;
                }

            case CompactType.Struct:
                {
                    short lastId = 0;
                    while (NextField(ref lastId, out _, out byte field))
                    {
                        Skip(field, depth + 1);
                    }

                    break;
                }

            default:
                throw new PageFormatException($"unknown compact type {type}");
        }
    }

    private byte ReadByte()
    {
        if (_position >= _data.Length)
        {
            throw new PageFormatException("the page header is truncated");
        }

        return _data[_position++];
    }

    private void Advance(int count)
    {
        if (count < 0 || count > _data.Length - _position)
        {
            throw new PageFormatException("the page header is truncated");
        }

        _position += count;
    }

    private ulong ReadVarint() => Varint.Read(_data, ref _position, "the page header is truncated");

    private long ReadZigZag() => Varint.ReadZigZag(_data, ref _position, "the page header is truncated");
}

/// <summary>The Thrift compact protocol's type codes.</summary>
internal static class CompactType
{
    public const byte BooleanTrue = 1;
    public const byte BooleanFalse = 2;
    public const byte I8 = 3;
    public const byte I16 = 4;
    public const byte I32 = 5;
    public const byte I64 = 6;
    public const byte Double = 7;
    public const byte Binary = 8;
    public const byte List = 9;
    public const byte Set = 10;
    public const byte Map = 11;
    public const byte Struct = 12;
}

/// <summary>
/// Bytes the SDK's readers do not accept: a malformed footer or page (<see cref="Unsupported"/> false), or a valid page
/// in a layout the page decoder leaves to Parquet.Net (<see cref="Unsupported"/> true). Never leaves the SDK: a
/// malformed file becomes a <see cref="ShapotouDataException"/> naming where, an unsupported layout a chunk read by
/// Parquet.Net.
/// </summary>
internal sealed class PageFormatException(string message, bool unsupported = false) : Exception(message)
{
    /// <summary>Gets whether the bytes are well formed but in a layout the page decoder leaves to Parquet.Net.</summary>
    public bool Unsupported { get; } = unsupported;
}
