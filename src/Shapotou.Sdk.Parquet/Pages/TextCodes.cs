using System.Buffers.Binary;
using System.Text;

namespace Shapotou.Sdk.Parquet.Pages;

/// <summary>
/// The codes of a text column's known values (an outlet id's place in table <c>outlets</c>, a flag's value), so a
/// BYTE_ARRAY chunk is decoded to integers without a string per row: a dictionary page's entries are looked up once,
/// a PLAIN page's values one by one, both without allocating.
/// </summary>
/// <remarks>Lookups are ordinal on the UTF-8 text; a value not among the known ones, or not valid UTF-8, is
/// <see cref="Unknown"/>. Safe to share between threads once built.</remarks>
internal sealed class TextCodes
{
    /// <summary>The code of a value that is not among the known ones.</summary>
    public const int Unknown = -2;

    /// <summary>The longest value, in UTF-8 bytes, looked up; a longer one is <see cref="Unknown"/>.</summary>
    public const int LongestValue = 256;

    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly Dictionary<string, int> _codes;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Initializes the codes: each value's code is its position in <paramref name="values"/>.</summary>
    /// <param name="values">The known values; a repeated one keeps its first position.</param>
    public TextCodes(IEnumerable<string> values)
    {
        _codes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string value in values)
        {
            _codes.TryAdd(value, _codes.Count);
        }

        _lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The code of one value.</summary>
    /// <param name="utf8">The value's UTF-8 bytes.</param>
    /// <returns>Its code, or <see cref="Unknown"/>.</returns>
    public int Code(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > LongestValue)
        {
            return Unknown;
        }

        Span<char> chars = stackalloc char[LongestValue];
        int length;
        try
        {
            length = s_strict.GetChars(utf8, chars);
        }
        catch (DecoderFallbackException)
        {
            return Unknown;
        }

        return _lookup.TryGetValue(chars[..length], out int code) ? code : Unknown;
    }

    /// <summary>The codes of PLAIN-encoded byte arrays (each a 4-byte little-endian length, then the bytes).</summary>
    /// <param name="plain">The encoded values.</param>
    /// <param name="codes">Receives one code per value; its length is the number of values read.</param>
    /// <returns>The bytes read.</returns>
    /// <exception cref="PageFormatException">The values end before <paramref name="codes"/> is filled.</exception>
    public int Codes(ReadOnlySpan<byte> plain, Span<int> codes)
    {
        int position = 0;

        // Rows come in runs of one outlet (a table in outlet and hour order): a value equal to the one before has its
        // code, found with a comparison of bytes rather than a decoding and a lookup.
        ReadOnlySpan<byte> previous = default;
        int previousCode = Unknown;
        for (int i = 0; i < codes.Length; i++)
        {
            if (plain.Length - position < 4)
            {
                throw new PageFormatException($"byte arrays that end after {i} of {codes.Length} values");
            }

            int length = BinaryPrimitives.ReadInt32LittleEndian(plain[position..]);
            position += 4;
            if (length < 0 || length > plain.Length - position)
            {
                throw new PageFormatException($"a byte array of {length} bytes with {plain.Length - position} left");
            }

            ReadOnlySpan<byte> value = plain.Slice(position, length);
            if (i == 0 || !value.SequenceEqual(previous))
            {
                previousCode = Code(value);
                previous = value;
            }

            codes[i] = previousCode;
            position += length;
        }

        return position;
    }
}
