using System.Buffers;
using System.Globalization;
using System.Text;

namespace Shapotou.Sdk.Monitoring.Hj212;

/// <summary>Builds an HJ 212-2017 packet: header fields, CP items and fields; <see cref="Build"/> computes the length
/// and the Annex A CRC.</summary>
/// <remarks>
/// <para>This type is mutable and not thread-safe; <see cref="Build"/> returns an immutable string.</para>
/// <para>Every method throws on input the packet could not carry (a separator in a value, a Flag outside 0–255) rather
/// than skipping it. The output is always a packet that <see cref="Hj212Packet.Parse(string, Hj212ParseOptions?)"/>
/// accepts.</para>
/// </remarks>
/// <example>
/// <code>
/// string packet = new Hj212PacketBuilder("32", "1062", "100000", "010000A8900016F000169DC0")
///     .SetQn("20160801085857223")
///     .SetFlag(5)
///     .AddField("RtdInterval", "30")
///     .Build(); // "##0101QN=…;CP=&amp;&amp;RtdInterval=30&amp;&amp;1C80\r\n"
/// </code>
/// </example>
public sealed class Hj212PacketBuilder
{
    private static readonly SearchValues<char> s_separators = SearchValues.Create(";,=&\r\n");

    private readonly string _st;
    private readonly string _cn;
    private readonly string _pw;
    private readonly string _mn;
    private readonly StringBuilder _cp = new();
    private string? _qn;
    private int? _flag;
    private (int Count, int Number)? _split;
    private bool _itemOpen;

    /// <summary>Starts a packet with the four fields every packet has.</summary>
    /// <param name="st">The system code ST, for example <c>31</c> (air pollution source); decimal digits.</param>
    /// <param name="cn">The command code CN, for example <c>2061</c> (hourly data); decimal digits.</param>
    /// <param name="pw">The access password PW (6 characters by the standard).</param>
    /// <param name="mn">The device id MN (24 characters by the standard); not empty.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="st"/> or <paramref name="cn"/> is not decimal digits,
    /// <paramref name="mn"/> is empty, or a value contains <c>;</c>, <c>,</c>, <c>=</c>, <c>&amp;</c>, CR or LF.</exception>
    public Hj212PacketBuilder(string st, string cn, string pw, string mn)
    {
        _st = CheckDigits(st, nameof(st));
        _cn = CheckDigits(cn, nameof(cn));
        _pw = CheckText(pw, nameof(pw));
        _mn = CheckText(mn, nameof(mn));
        if (_mn.Length == 0)
        {
            throw new ArgumentException("MN must not be empty.", nameof(mn));
        }
    }

    /// <summary>Sets the request id QN as written.</summary>
    /// <param name="qn">The QN, normally 17 digits yyyyMMddHHmmssfff.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="qn"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="qn"/> contains a separator.</exception>
    public Hj212PacketBuilder SetQn(string qn)
    {
        _qn = CheckText(qn, nameof(qn));
        return this;
    }

    /// <summary>Sets QN to <paramref name="time"/> at UTC+08:00, to the millisecond (yyyyMMddHHmmssfff).</summary>
    /// <param name="time">The request time; converted to UTC+08:00.</param>
    /// <returns>This builder.</returns>
    public Hj212PacketBuilder SetQn(DateTimeOffset time)
    {
        _qn = time.ToOffset(Hj212Time.ChinaStandardTime).ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        return this;
    }

    /// <summary>Sets the Flag: bits <c>V5..V0 D A</c>, for example 5 for HJ 212-2017 with an answer required.</summary>
    /// <param name="flag">The Flag, 0–255.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="flag"/> is outside 0–255.</exception>
    public Hj212PacketBuilder SetFlag(int flag)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(flag);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(flag, 255);
        _flag = flag;
        return this;
    }

    /// <summary>Marks the packet as number <paramref name="pno"/> of <paramref name="pnum"/> (PNUM, PNO).</summary>
    /// <param name="pnum">The total number of packets, at least 1.</param>
    /// <param name="pno">This packet's 1-based number, from 1 to <paramref name="pnum"/>.</param>
    /// <returns>This builder.</returns>
    /// <remarks>Set the Flag's D bit (2) as well; the parser warns when they disagree.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pnum"/> is less than 1, or <paramref name="pno"/>
    /// is outside 1–<paramref name="pnum"/>.</exception>
    public Hj212PacketBuilder SetSplit(int pnum, int pno)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pnum, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pno, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pno, pnum);
        _split = (pnum, pno);
        return this;
    }

    /// <summary>Adds <c>name=value</c> to the current CP item, opening the first item if there is none.</summary>
    /// <param name="name">The field name, for example <c>a21026-Avg</c> or <c>RtdInterval</c>.</param>
    /// <param name="value">The value as it is to be written.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or an argument contains a
    /// separator.</exception>
    public Hj212PacketBuilder AddField(string name, string value)
    {
        CheckText(name, nameof(name));
        if (name.Length == 0)
        {
            throw new ArgumentException("A CP field name must not be empty.", nameof(name));
        }

        CheckText(value, nameof(value));
        if (_cp.Length > 0)
        {
            _cp.Append(_itemOpen ? ',' : ';');
        }

        _cp.Append(name).Append('=').Append(value);
        _itemOpen = true;
        return this;
    }

    /// <summary>Adds <c>name=value</c> with the value written in fixed point with <paramref name="decimals"/>
    /// decimals, invariant culture.</summary>
    /// <param name="name">The field name, for example <c>a21026-Avg</c>.</param>
    /// <param name="value">The value; finite.</param>
    /// <param name="decimals">The number of decimals, 0–15 (Table B.2 gives each factor's, e.g. N5.2 → 2).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not finite, or
    /// <paramref name="decimals"/> is outside 0–15.</exception>
    public Hj212PacketBuilder AddField(string name, double value, int decimals)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A CP value must be finite.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 15);
        return AddField(name, value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
    }

    /// <summary>Adds <c>DataTime=yyyyMMddHHmmss</c> with <paramref name="time"/> at UTC+08:00.</summary>
    /// <param name="time">The data time; converted to UTC+08:00 and truncated to the second.</param>
    /// <returns>This builder.</returns>
    public Hj212PacketBuilder AddDataTime(DateTimeOffset time) =>
        AddField("DataTime", time.ToOffset(Hj212Time.ChinaStandardTime).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));

    /// <summary>Closes the current CP item, so that the next field starts a new one (after <c>;</c>).</summary>
    /// <returns>This builder.</returns>
    /// <remarks>Does nothing when no item is open, so empty items are never written.</remarks>
    public Hj212PacketBuilder EndItem()
    {
        _itemOpen = false;
        return this;
    }

    /// <summary>Builds the packet: <c>##</c>, the 4-digit length, the data segment, the upper-case Annex A CRC and
    /// CRLF.</summary>
    /// <returns>The packet text.</returns>
    /// <exception cref="InvalidOperationException">The data segment is longer than 1024 bytes, the standard's limit
    /// (split the data over several packets with <see cref="SetSplit"/>).</exception>
    public string Build() => Encoding.UTF8.GetString(BuildUtf8());

    /// <summary>Builds the packet as bytes, ready to send; see <see cref="Build"/>.</summary>
    /// <returns>The packet's bytes.</returns>
    /// <exception cref="InvalidOperationException">The data segment is longer than 1024 bytes.</exception>
    public byte[] BuildUtf8()
    {
        var segment = new StringBuilder(64 + _cp.Length);
        if (_qn is not null)
        {
            segment.Append("QN=").Append(_qn).Append(';');
        }

        segment.Append("ST=").Append(_st).Append(";CN=").Append(_cn).Append(";PW=").Append(_pw).Append(";MN=").Append(_mn).Append(';');
        if (_flag is { } flag)
        {
            segment.Append(CultureInfo.InvariantCulture, $"Flag={flag};");
        }

        if (_split is { } split)
        {
            segment.Append(CultureInfo.InvariantCulture, $"PNUM={split.Count};PNO={split.Number};");
        }

        segment.Append("CP=&&").Append(_cp).Append("&&");
        string text = segment.ToString();
        int length = Encoding.UTF8.GetByteCount(text);
        if (length > Hj212ParseOptions.StandardMaxDataLength)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The data segment has {length} bytes; HJ 212-2017 allows at most {Hj212ParseOptions.StandardMaxDataLength}. Split the data over several packets."));
        }

        byte[] packet = new byte[Hj212Parser.FrameOverhead + length + 2];
        "##"u8.CopyTo(packet);
        length.TryFormat(packet.AsSpan(2, 4), out _, "D4", CultureInfo.InvariantCulture);
        Span<byte> data = packet.AsSpan(Hj212Parser.HeaderLength, length);
        Encoding.UTF8.GetBytes(text, data);
        Hj212Crc.Format(Hj212Crc.Compute(data), packet.AsSpan(Hj212Parser.HeaderLength + length, Hj212Parser.CrcLength));
        "\r\n"u8.CopyTo(packet.AsSpan(packet.Length - 2));
        return packet;
    }

    private static string CheckDigits(string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (value.Length == 0 || value.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException($"{parameterName.ToUpperInvariant()} must be decimal digits; found '{value}'.", parameterName);
        }

        return value;
    }

    private static string CheckText(string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        int separator = value.AsSpan().IndexOfAny(s_separators);
        if (separator >= 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"'{parameterName}' contains the separator U+{(int)value[separator]:X4} at index {separator}; HJ 212 field values cannot carry ';', ',', '=', '&', CR or LF."),
                parameterName);
        }

        return value;
    }
}
