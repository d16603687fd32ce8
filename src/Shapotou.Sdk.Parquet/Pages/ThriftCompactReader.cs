namespace Shapotou.Sdk.Parquet.Pages;

/// <summary>
/// Reads the Thrift compact protocol, as Parquet's page headers are written, from a span without allocating.
/// </summary>
/// <remarks>
/// Only what a page header needs: field headers, zigzag varints, and skipping any value (statistics, unknown fields).
/// Malformed input throws <see cref="PageFormatException"/>; the caller then falls back to the general reader.
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
        id = delta == 0 ? checked((short)ReadZigZag()) : (short)(lastId + delta);
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

        return type == CompactType.I8 ? (sbyte)ReadByte() : checked((int)ReadZigZag());
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

        int length = checked((int)ReadVarint());
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
            size = checked((int)ReadVarint());
        }

        elementType = (byte)(header & 0x0F);
        return size;
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
                Advance(checked((int)ReadVarint()));
                break;
            case CompactType.List or CompactType.Set:
                {
                    byte header = ReadByte();
                    int size = header >> 4;
                    if (size == 15)
                    {
                        size = checked((int)ReadVarint());
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
                    int size = checked((int)ReadVarint());
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
/// A page the SDK's decoder does not read: malformed, or in a layout it leaves to the general reader. Never leaves the
/// scan: the column chunk is read again by Parquet.Net, whose error (if any) is the one reported.
/// </summary>
internal sealed class PageFormatException(string message) : Exception(message);
