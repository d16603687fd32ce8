using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text;

namespace Shapotou.Sdk.Monitoring.Hj212;

/// <summary>One CP field (<c>name=value</c>) of a packet: a view over the packet's bytes.</summary>
/// <remarks>
/// <para>This type is immutable and thread-safe. It holds a reference to its packet and an index; the default value
/// refers to no packet and must not be used.</para>
/// <para>A name with a <c>-</c> is a factor code and a suffix (<c>a21026-ZsAvg</c>); a name without one is a plain
/// parameter (<c>DataTime</c>, <c>RtdInterval</c>, <c>QnRtn</c>, …).</para>
/// </remarks>
public readonly struct Hj212Field
{
    private static readonly SearchValues<byte> s_decimalCharacters = SearchValues.Create("0123456789.+-"u8);

    private readonly Hj212Packet _packet;
    private readonly int _index;

    internal Hj212Field(Hj212Packet packet, int index)
    {
        _packet = packet;
        _index = index;
    }

    /// <summary>Gets the full name as written, for example <c>a21026-Avg</c>.</summary>
    public string Name => Encoding.UTF8.GetString(NameUtf8);

    /// <summary>Gets the code: the name before <c>-</c> (<c>a21026</c>), or the whole name of a plain parameter.</summary>
    public string Code => Encoding.UTF8.GetString(CodeUtf8);

    /// <summary>Gets the suffix as written after <c>-</c> (<c>Avg</c>), or <see langword="null"/> for a plain
    /// parameter.</summary>
    public string? Suffix
    {
        get
        {
            ref readonly FieldRange range = ref Range;
            return range.DashIndex < 0 ? null : Encoding.UTF8.GetString(NameUtf8[(range.DashIndex + 1)..]);
        }
    }

    /// <summary>Gets the suffix as one of Table 4's, <see cref="Hj212Suffix.None"/> for a plain parameter, or
    /// <see cref="Hj212Suffix.Unknown"/>.</summary>
    public Hj212Suffix SuffixKind => Range.Suffix;

    /// <summary>Gets the value exactly as written, for example <c>2.69700</c> or <c>N</c>.</summary>
    public string Value => Encoding.UTF8.GetString(ValueUtf8);

    /// <summary>Gets the value as a number when it is decimal text (optional sign, digits, optional point), or
    /// <see langword="null"/> otherwise (a flag such as <c>N</c>, an empty value).</summary>
    /// <remarks>Parsed on each call with the invariant culture. Exponents, <c>NaN</c> and <c>Infinity</c> are not
    /// numbers here: HJ 212 data types are plain decimals.</remarks>
    public double? Number => TryParseNumber(ValueUtf8, out double number) ? number : null;

    /// <summary>Gets the 0-based index of the CP item (group separated by <c>;</c>) that holds this field.</summary>
    public int ItemIndex => Range.ItemIndex;

    /// <summary>Gets the name's bytes.</summary>
    public ReadOnlySpan<byte> NameUtf8
    {
        get
        {
            ref readonly FieldRange range = ref Range;
            return _packet.FrameSpan.Slice(range.NameStart, range.NameLength);
        }
    }

    /// <summary>Gets the code's bytes: the name before <c>-</c>, or the whole name.</summary>
    public ReadOnlySpan<byte> CodeUtf8
    {
        get
        {
            ref readonly FieldRange range = ref Range;
            return _packet.FrameSpan.Slice(range.NameStart, range.DashIndex < 0 ? range.NameLength : range.DashIndex);
        }
    }

    /// <summary>Gets the value's bytes as written.</summary>
    public ReadOnlySpan<byte> ValueUtf8
    {
        get
        {
            ref readonly FieldRange range = ref Range;
            return _packet.FrameSpan.Slice(range.ValueStart, range.ValueLength);
        }
    }

    private ref readonly FieldRange Range => ref _packet.FieldAt(_index);

    /// <summary>Returns <c>name=value</c> as written.</summary>
    /// <returns>The field text.</returns>
    public override string ToString() => _packet is null ? string.Empty : Name + "=" + Value;

    internal static bool TryParseNumber(ReadOnlySpan<byte> text, out double value)
    {
        // double.TryParse accepts "NaN" and "Infinity" whatever the styles, so the characters are checked first.
        value = 0;
        return !text.IsEmpty
            && !text.ContainsAnyExcept(s_decimalCharacters)
            && double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }
}

/// <summary>The CP fields of a packet, in the order written.</summary>
/// <remarks>This type is immutable and thread-safe. Indexing allocates nothing.</remarks>
public readonly struct Hj212FieldCollection : IReadOnlyList<Hj212Field>
{
    private readonly Hj212Packet _packet;

    internal Hj212FieldCollection(Hj212Packet packet) => _packet = packet;

    /// <summary>Gets the number of fields.</summary>
    public int Count => _packet.FieldCount;

    /// <summary>Gets the field at <paramref name="index"/>.</summary>
    /// <param name="index">The 0-based field index.</param>
    /// <returns>The field.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not less than
    /// <see cref="Count"/>.</exception>
    public Hj212Field this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return new Hj212Field(_packet, index);
        }
    }

    /// <summary>Returns an enumerator over the fields.</summary>
    /// <returns>The enumerator.</returns>
    /// <remarks>The enumerator is one allocation per enumeration, never per field. A public mutable struct enumerator
    /// (the BCL's <c>List&lt;T&gt;.Enumerator</c> pattern) would avoid it but break the rule that public structs are
    /// read-only; index with <c>for</c> over <see cref="Count"/> where even that allocation matters.</remarks>
    public IEnumerator<Hj212Field> GetEnumerator() => Enumerate(_packet);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static IEnumerator<Hj212Field> Enumerate(Hj212Packet packet)
    {
        for (int i = 0; i < packet.FieldCount; i++)
        {
            yield return new Hj212Field(packet, i);
        }
    }
}
