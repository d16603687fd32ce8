using System.Text;

namespace Shapotou.Sdk.Monitoring.Hj212;

/// <summary>An accepted HJ 212 packet: its header fields, CP fields and CRC, as views over the packet's bytes.</summary>
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para>Parsing records where each field is in the packet and allocates nothing per field: the packet keeps one copy
/// of its bytes (from <c>##</c> through the CRC, without the terminator) and one array of field positions. String
/// properties (<see cref="Qn"/>, <see cref="Hj212Field.Value"/>, …) materialise a new string on each call; the
/// <c>…Utf8</c> spans do not. Values are kept as written and are parsed as numbers only when asked
/// (<see cref="Hj212Field.Number"/>).</para>
/// <para>Packet layout, per HJ 212-2017 §6.3: <c>##</c> + 4-digit data-segment length + data segment + 4-hex-digit CRC
/// (Annex A) + CRLF; the data segment is <c>QN=…;ST=…;CN=…;PW=…;MN=…;Flag=…;[PNUM=…;PNO=…;]CP=&amp;&amp;…&amp;&amp;</c>.</para>
/// </remarks>
public sealed class Hj212Packet
{
    private readonly byte[] _frame;
    private readonly FieldRange[] _fields;
    private readonly TextRange _qn;
    private readonly TextRange _st;
    private readonly TextRange _cn;
    private readonly TextRange _pw;
    private readonly TextRange _mn;

    internal Hj212Packet(byte[] frame, in ParsedSegment segment, ushort crc)
    {
        _frame = frame;
        _fields = segment.Fields;
        _qn = segment.Qn;
        _st = segment.St;
        _cn = segment.Cn;
        _pw = segment.Pw;
        _mn = segment.Mn;
        Flag = segment.Flag;
        Pnum = segment.Pnum;
        Pno = segment.Pno;
        DataTime = segment.DataTime;
        ItemCount = segment.ItemCount;
        Crc = crc;
    }

    /// <summary>Gets the request id QN as written (normally yyyyMMddHHmmssfff), or <see langword="null"/> when the
    /// packet has none.</summary>
    public string? Qn => _qn.IsPresent ? Text(_qn) : null;

    /// <summary>Gets the system code ST as written, for example <c>31</c>; see <see cref="Hj212Codes.FindSystemCode"/>.</summary>
    public string St => Text(_st);

    /// <summary>Gets the command code CN as written, for example <c>2061</c>; see <see cref="Hj212Codes.FindCommandCode"/>.</summary>
    public string Cn => Text(_cn);

    /// <summary>Gets the access password PW as written.</summary>
    public string Pw => Text(_pw);

    /// <summary>Gets the device id MN as written (24 characters by the standard; often shorter in practice).</summary>
    public string Mn => Text(_mn);

    /// <summary>Gets the MN bytes without materialising a string.</summary>
    public ReadOnlySpan<byte> MnUtf8 => _frame.AsSpan(_mn.Start, _mn.Length);

    /// <summary>Gets the Flag value (0–255), or <see langword="null"/> when the packet has none.</summary>
    /// <remarks>Bits <c>V5 V4 V3 V2 V1 V0 D A</c>: see <see cref="AnswerRequired"/>, <see cref="IsSplit"/> and
    /// <see cref="Version"/>.</remarks>
    public int? Flag { get; }

    /// <summary>Gets a value indicating whether the sender asks for an answer (Flag bit 0, A).</summary>
    public bool AnswerRequired => (Flag & 1) == 1;

    /// <summary>Gets a value indicating whether the Flag marks the packet as one of a split set (bit 1, D).</summary>
    public bool IsSplit => (Flag & 2) == 2;

    /// <summary>Gets the protocol version of the Flag's bits 7..2: 0 for HJ/T 212-2005, 1 for HJ 212-2017; or
    /// <see langword="null"/> when the packet has no Flag.</summary>
    public int? Version => Flag >> 2;

    /// <summary>Gets PNUM, the total number of packets of a split set, or <see langword="null"/> when absent.</summary>
    public int? Pnum { get; }

    /// <summary>Gets PNO, this packet's 1-based number within its split set, or <see langword="null"/> when absent.</summary>
    public int? Pno { get; }

    /// <summary>Gets the CP field <c>DataTime</c> as a time at UTC+08:00 (China Standard Time), or
    /// <see langword="null"/> when CP has none.</summary>
    /// <remarks>For 2051, 2061, 2031 and 2041 it is the start of the period; for 2011 and 2021 the sampling instant.</remarks>
    public DateTimeOffset? DataTime { get; }

    /// <summary>Gets the CRC the packet declares, which equals the Annex A CRC of its data segment unless the packet
    /// was accepted by <see cref="Hj212ParseOptions.LenientCrc"/>.</summary>
    public ushort Crc { get; }

    /// <summary>Gets the data segment's length in bytes, as declared and checked.</summary>
    public int DataLength => _frame.Length - Hj212Parser.FrameOverhead;

    /// <summary>Gets the data segment's bytes, from the first field through the closing <c>&amp;&amp;</c>.</summary>
    public ReadOnlySpan<byte> DataSegmentUtf8 => _frame.AsSpan(Hj212Parser.HeaderLength, DataLength);

    /// <summary>Gets the data segment as a string.</summary>
    public string DataSegment => Encoding.UTF8.GetString(DataSegmentUtf8);

    /// <summary>Gets the number of CP items (groups separated by <c>;</c>).</summary>
    public int ItemCount { get; }

    /// <summary>Gets the CP fields in the order written; <see cref="Hj212Field.ItemIndex"/> says which item each
    /// belongs to.</summary>
    public Hj212FieldCollection Fields => new(this);

    internal ReadOnlySpan<byte> FrameSpan => _frame;

    internal int FieldCount => _fields.Length;

    /// <summary>Parses and checks one packet given as text.</summary>
    /// <param name="packet">The packet, with or without its CRLF terminator. Length and CRC are computed over its UTF-8
    /// bytes.</param>
    /// <param name="options">Explicit leniencies; <see langword="null"/> for <see cref="Hj212ParseOptions.Default"/>.</param>
    /// <returns>The accepted packet with its warnings, or the rejection.</returns>
    /// <remarks>Never throws for bad content: every defect is a rejection or a warning. Allocates the packet's UTF-8
    /// bytes once and reuses them as the packet's storage.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="packet"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> has a
    /// <see cref="Hj212ParseOptions.MaxDataLength"/> outside 0–9999.</exception>
    public static Hj212ParseResult Parse(string packet, Hj212ParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(packet);
        options ??= Hj212ParseOptions.Default;
        options.Validate();
        byte[] bytes = Encoding.UTF8.GetBytes(packet);
        return Hj212Parser.Parse(bytes, bytes, options);
    }

    /// <summary>Parses and checks one packet given as bytes, as received.</summary>
    /// <param name="packet">The packet's bytes, with or without its CRLF terminator.</param>
    /// <param name="options">Explicit leniencies; <see langword="null"/> for <see cref="Hj212ParseOptions.Default"/>.</param>
    /// <returns>The accepted packet with its warnings, or the rejection.</returns>
    /// <remarks>Never throws for bad content. A rejected packet allocates only its rejection; an accepted one copies its
    /// bytes once.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> has a
    /// <see cref="Hj212ParseOptions.MaxDataLength"/> outside 0–9999.</exception>
    public static Hj212ParseResult Parse(ReadOnlySpan<byte> packet, Hj212ParseOptions? options = null)
    {
        options ??= Hj212ParseOptions.Default;
        options.Validate();
        return Hj212Parser.Parse(packet, null, options);
    }

    /// <summary>Finds the first CP field named <paramref name="name"/> (for example <c>a21026-Avg</c> or
    /// <c>DataTime</c>).</summary>
    /// <param name="name">The full field name; case-sensitive, as the standard says.</param>
    /// <param name="field">The field when found; otherwise the default value, which must not be used.</param>
    /// <returns><see langword="true"/> when the packet has such a field.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public bool TryGetField(string name, out Hj212Field field)
    {
        ArgumentNullException.ThrowIfNull(name);
        byte[] wanted = Encoding.UTF8.GetBytes(name);
        for (int i = 0; i < _fields.Length; i++)
        {
            FieldRange range = _fields[i];
            if (_frame.AsSpan(range.NameStart, range.NameLength).SequenceEqual(wanted))
            {
                field = new Hj212Field(this, i);
                return true;
            }
        }

        field = default;
        return false;
    }

    /// <summary>Returns the packet as text, from <c>##</c> through the CRC, without the terminator.</summary>
    /// <returns>The packet text.</returns>
    public override string ToString() => Encoding.UTF8.GetString(_frame);

    internal ref readonly FieldRange FieldAt(int index) => ref _fields[index];

    private string Text(TextRange range) => Encoding.UTF8.GetString(_frame, range.Start, range.Length);
}
