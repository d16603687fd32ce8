namespace Shapotou.Sdk.Parquet.Pages;

/// <summary>ULEB128 varints and their zigzag form, as Thrift's compact protocol and Parquet's encodings write them.</summary>
internal static class Varint
{
    /// <summary>Reads a varint of up to 64 bits.</summary>
    /// <param name="data">The bytes.</param>
    /// <param name="position">Where it starts; moved past it.</param>
    /// <param name="truncated">What the error says when the bytes end inside it.</param>
    /// <returns>The value.</returns>
    /// <exception cref="PageFormatException">The bytes end inside the varint, or it runs past 64 bits.</exception>
    public static ulong Read(ReadOnlySpan<byte> data, ref int position, string truncated)
    {
        ulong result = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length)
            {
                throw new PageFormatException(truncated);
            }

            byte b = data[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new PageFormatException("a varint runs past 64 bits");
    }

    /// <summary>Reads a zigzag-encoded signed varint.</summary>
    /// <param name="data">The bytes.</param>
    /// <param name="position">Where it starts; moved past it.</param>
    /// <param name="truncated">What the error says when the bytes end inside it.</param>
    /// <returns>The value.</returns>
    /// <exception cref="PageFormatException">The bytes end inside the varint, or it runs past 64 bits.</exception>
    public static long ReadZigZag(ReadOnlySpan<byte> data, ref int position, string truncated)
    {
        ulong raw = Read(data, ref position, truncated);
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }
}
