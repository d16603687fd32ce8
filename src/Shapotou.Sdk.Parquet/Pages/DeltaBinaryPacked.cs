namespace Shapotou.Sdk.Parquet.Pages;

/// <summary>
/// Parquet's DELTA_BINARY_PACKED encoding of INT32 values (Encodings.md, "Delta Encoding"), as DuckDB, Spark and Arrow
/// write integers in version 2 pages: a header, then blocks of a minimum delta and miniblocks of bit-packed deltas.
/// </summary>
internal static class DeltaBinaryPacked
{
    private const string Truncated = "a delta page ends inside a varint";

    /// <summary>Decodes <c>destination.Length</c> values.</summary>
    /// <param name="data">The encoded values.</param>
    /// <param name="destination">Receives the values.</param>
    /// <exception cref="PageFormatException">The encoding is malformed or ends early.</exception>
    public static void Decode(ReadOnlySpan<byte> data, Span<int> destination)
    {
        int position = 0;
        ulong blockSize = Varint.Read(data, ref position, Truncated);
        ulong miniblocks = Varint.Read(data, ref position, Truncated);
        ulong total = Varint.Read(data, ref position, Truncated);
        if (miniblocks == 0 || blockSize == 0 || blockSize % miniblocks != 0 || blockSize / miniblocks % 8 != 0 || blockSize > 1 << 20 || miniblocks > 256)
        {
            throw new PageFormatException($"a delta block of {blockSize} values in {miniblocks} miniblocks");
        }

        if (total < (ulong)destination.Length)
        {
            throw new PageFormatException($"a delta page of {total} values where {destination.Length} are read");
        }

        int perMiniblock = (int)(blockSize / miniblocks);
        int value = (int)Varint.ReadZigZag(data, ref position, Truncated);
        if (destination.IsEmpty)
        {
            return;
        }

        destination[0] = value;
        int written = 1;
        Span<byte> widths = stackalloc byte[(int)miniblocks];
        while (written < destination.Length)
        {
            int minDelta = (int)Varint.ReadZigZag(data, ref position, Truncated);
            if (widths.Length > data.Length - position)
            {
                throw new PageFormatException("a delta block ends inside its bit widths");
            }

            data.Slice(position, widths.Length).CopyTo(widths);
            position += widths.Length;
            for (int m = 0; m < widths.Length && written < destination.Length; m++)
            {
                int width = widths[m];
                if (width > 32)
                {
                    throw new PageFormatException($"a delta miniblock {width} bits wide");
                }

                int count = Math.Min(perMiniblock, destination.Length - written);
                int bytes = Math.Min(perMiniblock / 8 * width, data.Length - position);
                Span<int> deltas = destination.Slice(written, count);
                RleBitPackedHybrid.Unpack(data.Slice(position, bytes), width, deltas);
                position += bytes;
                for (int i = 0; i < deltas.Length; i++)
                {
                    // Deltas wrap around in the column's 32 bits, as writers compute them.
                    value = unchecked(value + minDelta + deltas[i]);
                    deltas[i] = value;
                }

                written += count;
            }
        }
    }
}
