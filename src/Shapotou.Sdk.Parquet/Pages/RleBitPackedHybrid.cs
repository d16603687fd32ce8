using System.Buffers.Binary;

namespace Shapotou.Sdk.Parquet.Pages;

/// <summary>
/// Parquet's RLE / bit-packing hybrid (Encodings.md, "Run Length Encoding / Bit-Packing Hybrid"), as dictionary
/// indices and definition levels are written: runs of one repeated value, and groups of eight bit-packed values.
/// </summary>
internal static class RleBitPackedHybrid
{
    /// <summary>Decodes <c>destination.Length</c> values of <paramref name="bitWidth"/> bits.</summary>
    /// <param name="data">The encoded runs (without a length prefix).</param>
    /// <param name="bitWidth">Bits per value, 0 to 32.</param>
    /// <param name="destination">Receives the values.</param>
    /// <exception cref="PageFormatException">The runs are malformed or end early.</exception>
    public static void Decode(ReadOnlySpan<byte> data, int bitWidth, Span<int> destination)
    {
        if (bitWidth is < 0 or > 32)
        {
            throw new PageFormatException($"a bit width of {bitWidth}");
        }

        int valueBytes = (bitWidth + 7) / 8;
        int position = 0;
        int written = 0;
        while (written < destination.Length)
        {
            uint header = RunHeader(data, ref position);
            int remaining = destination.Length - written;
            if ((header & 1) == 0)
            {
                int count = RunLength(header);
                int value = ReadRepeated(data, ref position, valueBytes);
                destination.Slice(written, Math.Min(count, remaining)).Fill(value);
                written += Math.Min(count, remaining);
            }
            else
            {
                int values = Math.Min(RunLength(header) * 8, remaining);
                int bytes = Math.Min(RunLength(header) * bitWidth, data.Length - position);
                Unpack(data.Slice(position, bytes), bitWidth, destination.Slice(written, values));
                position += bytes;
                written += values;
            }
        }
    }

    /// <summary>
    /// The first of <paramref name="count"/> definition levels (bit width 1, a flat optional column) that is not 1, a
    /// null; -1 when every value is present.
    /// </summary>
    /// <param name="data">The encoded levels (without a length prefix).</param>
    /// <param name="count">The page's values.</param>
    /// <returns>The null's position in the page, or -1.</returns>
    /// <exception cref="PageFormatException">The runs are malformed or end early.</exception>
    public static int FirstNull(ReadOnlySpan<byte> data, int count)
    {
        int position = 0;
        int checkedCount = 0;
        while (checkedCount < count)
        {
            uint header = RunHeader(data, ref position);
            int remaining = count - checkedCount;
            if ((header & 1) == 0)
            {
                int run = Math.Min(RunLength(header), remaining);
                if (ReadRepeated(data, ref position, 1) != 1)
                {
                    return checkedCount;
                }

                checkedCount += run;
            }
            else
            {
                int values = Math.Min(RunLength(header) * 8, remaining);
                int bytes = RunLength(header);
                if (bytes > data.Length - position)
                {
                    throw new PageFormatException("the levels end inside a bit-packed run");
                }

                // Whole bytes of ones first, then the last byte's low bits.
                ReadOnlySpan<byte> packed = data.Slice(position, values / 8);
                int notAll = packed.IndexOfAnyExcept((byte)0xFF);
                if (notAll >= 0)
                {
                    return checkedCount + (notAll * 8) + System.Numerics.BitOperations.TrailingZeroCount(~packed[notAll]);
                }

                int tail = values % 8;
                if (tail > 0)
                {
                    int last = data[position + (values / 8)];
                    int missing = ~last & ((1 << tail) - 1);
                    if (missing != 0)
                    {
                        return checkedCount + (values / 8 * 8) + System.Numerics.BitOperations.TrailingZeroCount(missing);
                    }
                }

                position += bytes;
                checkedCount += values;
            }
        }

        return -1;
    }

    private static uint RunHeader(ReadOnlySpan<byte> data, ref int position)
    {
        ulong header = Varint.Read(data, ref position, "the runs end inside a run header");
        return header <= uint.MaxValue ? (uint)header : throw new PageFormatException("a run header runs past 32 bits");
    }

    private static int RunLength(uint header)
    {
        int count = (int)(header >> 1);
        return count > 0 ? count : throw new PageFormatException("an empty run");
    }

    private static int ReadRepeated(ReadOnlySpan<byte> data, ref int position, int valueBytes)
    {
        if (valueBytes > data.Length - position)
        {
            throw new PageFormatException("the runs end inside a repeated value");
        }

        int value = 0;
        for (int b = 0; b < valueBytes; b++)
        {
            value |= data[position + b] << (8 * b);
        }

        position += valueBytes;
        return value;
    }

    /// <summary>Unpacks values of <paramref name="bitWidth"/> bits (0 to 32), least significant bit first.</summary>
    internal static void Unpack(ReadOnlySpan<byte> packed, int bitWidth, Span<int> destination)
    {
        if (bitWidth == 0)
        {
            destination.Clear();
            return;
        }

        if (((long)destination.Length * bitWidth + 7) / 8 > packed.Length)
        {
            throw new PageFormatException("the runs end inside a bit-packed group");
        }

        ulong mask = (1UL << bitWidth) - 1;

        // Values whose eight bytes from their first lie inside the data: one unaligned load each.
        int fast = packed.Length >= 8 ? Math.Min(destination.Length, (int)(((long)(packed.Length - 8) * 8 / bitWidth) + 1)) : 0;
        long bit = 0;
        for (int i = 0; i < fast; i++, bit += bitWidth)
        {
            ulong word = BinaryPrimitives.ReadUInt64LittleEndian(packed[(int)(bit >> 3)..]);
            destination[i] = (int)((word >> (int)(bit & 7)) & mask);
        }

        for (int i = fast; i < destination.Length; i++, bit += bitWidth)
        {
            ulong word = 0;
            int first = (int)(bit >> 3);
            for (int b = 0; b < 8 && first + b < packed.Length; b++)
            {
                word |= (ulong)packed[first + b] << (8 * b);
            }

            destination[i] = (int)((word >> (int)(bit & 7)) & mask);
        }
    }
}
