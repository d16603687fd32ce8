using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Shapotou.Sdk.Monitoring.Hj212;

/// <summary>The checks of <see cref="Hj212Packet.Parse(ReadOnlySpan{byte}, Hj212ParseOptions?)"/>, over the packet's
/// bytes: framing, length, CRC, then the data segment's syntax, and the warnings of an accepted packet.</summary>
/// <remarks>
/// The parser works on spans and records offsets; it allocates the field-position array (sized by counting separators
/// first), the packet's copy of its bytes and the result, but nothing per field. Messages and warnings allocate only
/// when there is something to say.
/// </remarks>
internal static class Hj212Parser
{
    /// <summary>The bytes before the data segment: <c>##</c> and the 4-digit length.</summary>
    internal const int HeaderLength = 6;

    /// <summary>The bytes of the CRC after the data segment.</summary>
    internal const int CrcLength = 4;

    /// <summary>The bytes of a packet around its data segment, terminator excluded.</summary>
    internal const int FrameOverhead = HeaderLength + CrcLength;

    private const int StandardPwLength = 6;
    private const int StandardMnLength = 24;
    private const int QnLength = 17;
    private const int Version2017 = 1;
    private const int QuoteLimit = 40;

    private static readonly SearchValues<byte> s_hexDigits = SearchValues.Create("0123456789ABCDEFabcdef"u8);

    // Header field slots, in the order of HJ 212-2017 Table 3.
    private const int Qn = 0;
    private const int St = 1;
    private const int Cn = 2;
    private const int Pw = 3;
    private const int Mn = 4;
    private const int Flag = 5;
    private const int Pnum = 6;
    private const int Pno = 7;
    private const int HeaderSlots = 8;

    private static readonly string[] s_headerNames = ["QN", "ST", "CN", "PW", "MN", "Flag", "PNUM", "PNO"];

    public static Hj212ParseResult Parse(ReadOnlySpan<byte> input, byte[]? owner, Hj212ParseOptions options)
    {
        // 1. Framing: "##", the terminator (one CRLF or none), the 4-digit length and the 4-hex-digit CRC.
        if (!input.StartsWith("##"u8))
        {
            return Reject(
                Hj212RejectionReason.Framing,
                input.IsEmpty
                    ? "Expected '##' at the start of the packet, found an empty packet."
                    : $"Expected '##' at the start of the packet, found {Quote(input[..Math.Min(2, input.Length)])}.");
        }

        ReadOnlySpan<byte> frame = input.EndsWith("\r\n"u8) ? input[..^2] : input;
        if (frame[^1] is (byte)'\r' or (byte)'\n')
        {
            int start = input.Length;
            while (input[start - 1] is (byte)'\r' or (byte)'\n')
            {
                start--;
            }

            return Reject(Hj212RejectionReason.Framing, $"Expected CRLF or nothing after the CRC, found {NameLineBreaks(input[start..])}.");
        }

        if (frame.Length < FrameOverhead)
        {
            return Reject(
                Hj212RejectionReason.Framing,
                Invariant($"Expected at least {FrameOverhead} bytes ('##', a 4-digit length and a 4-digit CRC), found {frame.Length}."));
        }

        ReadOnlySpan<byte> lengthText = frame.Slice(2, 4);
        if (!AsciiKey.AllDigits(lengthText))
        {
            return Reject(Hj212RejectionReason.Framing, $"Expected a 4-digit decimal length after '##', found {Quote(lengthText)}.");
        }

        ReadOnlySpan<byte> crcText = frame[^CrcLength..];
        if (crcText.ContainsAnyExcept(s_hexDigits))
        {
            return Reject(Hj212RejectionReason.Framing, $"Expected a 4-digit hexadecimal CRC at the end of the packet, found {Quote(crcText)}.");
        }

        // 2. Length: declared within the limit, and equal to the data segment's byte count.
        int declared = ParseDigits(lengthText);
        if (declared > options.MaxDataLength)
        {
            return Reject(
                Hj212RejectionReason.Length,
                Invariant($"Expected a declared data-segment length of at most {options.MaxDataLength}, found {declared}."));
        }

        int actual = frame.Length - FrameOverhead;
        if (declared != actual)
        {
            return Reject(
                Hj212RejectionReason.Length,
                Invariant($"Expected a data segment of {declared} bytes as declared, found {actual} bytes."));
        }

        // 3. CRC (Annex A); CRC-16/MODBUS only when asked for.
        ReadOnlySpan<byte> segment = frame.Slice(HeaderLength, actual);
        ushort crc = ParseHex(crcText);
        ushort expected = Hj212Crc.Compute(segment);
        List<Hj212Warning>? warnings = null;
        if (crc != expected)
        {
            ushort modbus = Hj212Crc.ComputeModbus(segment);
            string? variant = crc == modbus ? "CRC-16/MODBUS"
                : crc == BinaryPrimitives.ReverseEndianness(modbus) ? "CRC-16/MODBUS with its bytes swapped"
                : null;
            string written = Encoding.ASCII.GetString(crcText);
            string computed = Hj212Crc.Format(expected);
            if (variant is null)
            {
                return Reject(Hj212RejectionReason.Crc, $"Expected CRC {computed} (HJ 212-2017 Annex A), found {written}.");
            }

            if (!options.LenientCrc)
            {
                return Reject(
                    Hj212RejectionReason.Crc,
                    $"Expected CRC {computed} (HJ 212-2017 Annex A), found {written}, which is {variant} and is accepted only with the lenient CRC option.");
            }

            Warn(ref warnings, Hj212WarningKind.ModbusCrc, $"CRC {written} is {variant}, not HJ 212-2017 Annex A ({computed}); accepted by the lenient CRC option.");
        }

        // 4. Syntax of the data segment.
        string? error = ParseSegment(frame, out ParsedSegment parsed);
        if (error is not null)
        {
            return Reject(Hj212RejectionReason.Syntax, error);
        }

        byte[] bytes = owner is not null && owner.Length == frame.Length ? owner : frame.ToArray();
        var packet = new Hj212Packet(bytes, parsed, crc);
        AddWarnings(packet, parsed, ref warnings);
        return Hj212ParseResult.Accept(packet, warnings);
    }

    /// <summary>Checks the data segment's fields and records their positions (offsets into the whole packet).</summary>
    /// <param name="frame">The packet from <c>##</c> through the CRC, framing and length already checked.</param>
    /// <param name="parsed">The positions and values found, when the syntax is valid.</param>
    /// <returns><see langword="null"/> when the syntax is valid; otherwise the rejection's detail.</returns>
    private static string? ParseSegment(ReadOnlySpan<byte> frame, out ParsedSegment parsed)
    {
        parsed = default;
        ReadOnlySpan<byte> segment = frame[HeaderLength..^CrcLength];

        // CP is the last field: find it, then the header fields are everything before it.
        int cp;
        if (segment.StartsWith("CP=&&"u8))
        {
            cp = 0;
        }
        else
        {
            int separator = segment.IndexOf(";CP=&&"u8);
            if (separator < 0)
            {
                return "Expected a 'CP=&&' field, found none.";
            }

            cp = separator + 1;
        }

        int areaStart = cp + 5;
        if (segment.Length < areaStart + 2 || !segment.EndsWith("&&"u8))
        {
            ReadOnlySpan<byte> cpField = segment[cp..];
            return $"Expected the data segment to end with '&&' closing CP, found {QuoteTail(cpField)}.";
        }

        ReadOnlySpan<byte> area = segment[areaStart..^2];
        int innerEnd = area.IndexOf("&&"u8);
        if (innerEnd >= 0)
        {
            return $"Expected the data segment to end at the first '&&' after 'CP=&&', found {Quote(segment[(areaStart + innerEnd + 2)..])} after it.";
        }

        Span<TextRange> header = stackalloc TextRange[HeaderSlots];
        header.Fill(TextRange.Absent);
        if (cp > 0)
        {
            ReadOnlySpan<byte> headerText = segment[..(cp - 1)];
            int number = 0;
            foreach (Range range in headerText.Split((byte)';'))
            {
                number++;
                ReadOnlySpan<byte> field = headerText[range];
                if (field.IsEmpty)
                {
                    return Invariant($"Expected 'name=value' as header field {number}, found an empty field.");
                }

                int equals = field.IndexOf((byte)'=');
                if (equals < 0)
                {
                    return Invariant($"Expected 'name=value' as header field {number}, found {Quote(field)}.");
                }

                ReadOnlySpan<byte> name = field[..equals];
                int slot = HeaderSlot(name);
                if (slot < 0)
                {
                    return $"Expected a header field QN, ST, CN, PW, MN, Flag, PNUM or PNO, found {Quote(name)}.";
                }

                if (header[slot].IsPresent)
                {
                    return $"Expected {s_headerNames[slot]} once, found it twice.";
                }

                int offset = range.Start.GetOffset(headerText.Length);
                header[slot] = new TextRange(HeaderLength + offset + equals + 1, field.Length - equals - 1);
            }
        }

        foreach (int required in (ReadOnlySpan<int>)[St, Cn, Pw, Mn])
        {
            if (!header[required].IsPresent)
            {
                return $"Expected the field {s_headerNames[required]}, found none.";
            }
        }

        foreach (int code in (ReadOnlySpan<int>)[St, Cn])
        {
            ReadOnlySpan<byte> value = header[code].Of(frame);
            if (!AsciiKey.AllDigits(value))
            {
                return $"Expected {s_headerNames[code]} to be decimal digits, found {QuoteValue(value)}.";
            }
        }

        if (header[Mn].Length == 0)
        {
            return "Expected a non-empty MN, found an empty value.";
        }

        int? flag = null;
        if (header[Flag].IsPresent)
        {
            ReadOnlySpan<byte> value = header[Flag].Of(frame);
            if (!TryParseInteger(value, out int flagValue) || flagValue > 255)
            {
                return $"Expected Flag to be an integer from 0 to 255, found {QuoteValue(value)}.";
            }

            flag = flagValue;
        }

        int? pnum = null;
        int? pno = null;
        if (header[Pnum].IsPresent != header[Pno].IsPresent)
        {
            return header[Pnum].IsPresent ? "Expected PNUM and PNO together, found only PNUM." : "Expected PNUM and PNO together, found only PNO.";
        }

        if (header[Pnum].IsPresent)
        {
            ReadOnlySpan<byte> countText = header[Pnum].Of(frame);
            if (!TryParseInteger(countText, out int count) || count < 1)
            {
                return $"Expected PNUM to be a positive integer, found {QuoteValue(countText)}.";
            }

            ReadOnlySpan<byte> numberText = header[Pno].Of(frame);
            if (!TryParseInteger(numberText, out int number) || number < 1 || number > count)
            {
                return Invariant($"Expected PNO to be an integer from 1 to PNUM ({count}), found {QuoteValue(numberText)}.");
            }

            pnum = count;
            pno = number;
        }

        // CP: items separated by ';', fields by ',', each name=value.
        FieldRange[] fields = [];
        int items = 0;
        DateTimeOffset? dataTime = null;
        if (!area.IsEmpty)
        {
            fields = new FieldRange[1 + area.Count((byte)';') + area.Count((byte)',')];
            int areaOffset = HeaderLength + areaStart;
            int next = 0;
            foreach (Range itemRange in area.Split((byte)';'))
            {
                items++;
                ReadOnlySpan<byte> item = area[itemRange];
                if (item.IsEmpty)
                {
                    return Invariant($"Expected a field in CP item {items}, found an empty item.");
                }

                int itemOffset = areaOffset + itemRange.Start.GetOffset(area.Length);
                foreach (Range fieldRange in item.Split((byte)','))
                {
                    ReadOnlySpan<byte> field = item[fieldRange];
                    if (field.IsEmpty)
                    {
                        return Invariant($"Expected 'name=value' in CP item {items}, found an empty field.");
                    }

                    int equals = field.IndexOf((byte)'=');
                    if (equals <= 0)
                    {
                        return equals < 0
                            ? Invariant($"Expected 'name=value' in CP item {items}, found {Quote(field)}.")
                            : Invariant($"Expected a field name before '=' in CP item {items}, found {Quote(field)}.");
                    }

                    ReadOnlySpan<byte> name = field[..equals];
                    ReadOnlySpan<byte> value = field[(equals + 1)..];
                    int dash = name.IndexOf((byte)'-');
                    Hj212Suffix suffix = Hj212Suffix.None;
                    if (dash >= 0)
                    {
                        if (dash == 0 || dash == name.Length - 1)
                        {
                            return Invariant($"Expected a code and a suffix around '-' in CP item {items}, found {Quote(name)}.");
                        }

                        suffix = ClassifySuffix(name[(dash + 1)..]);
                    }
                    else if (name.SequenceEqual("DataTime"u8))
                    {
                        if (dataTime.HasValue)
                        {
                            return "Expected DataTime once in CP, found it twice.";
                        }

                        if (!TryParseDataTime(value, out DateTimeOffset time))
                        {
                            return $"Expected DataTime as a valid yyyyMMddHHmmss, found {QuoteValue(value)}.";
                        }

                        dataTime = time;
                    }

                    int start = itemOffset + fieldRange.Start.GetOffset(item.Length);
                    fields[next++] = new FieldRange(start, equals, dash, start + equals + 1, value.Length, items - 1, suffix);
                }
            }

            Debug.Assert(next == fields.Length, "Every separator starts a field.");
        }

        parsed = new ParsedSegment
        {
            Qn = header[Qn],
            St = header[St],
            Cn = header[Cn],
            Pw = header[Pw],
            Mn = header[Mn],
            Flag = flag,
            Pnum = pnum,
            Pno = pno,
            DataTime = dataTime,
            ItemCount = items,
            Fields = fields,
        };
        return null;
    }

    /// <summary>Adds the warnings of an accepted packet: header deviations first, then CP codes and suffixes in the
    /// order they first appear.</summary>
    private static void AddWarnings(Hj212Packet packet, in ParsedSegment parsed, ref List<Hj212Warning>? warnings)
    {
        ReadOnlySpan<byte> frame = packet.FrameSpan;
        if (!parsed.Qn.IsPresent)
        {
            Warn(ref warnings, Hj212WarningKind.MissingQn, "The packet has no QN field.");
        }
        else
        {
            ReadOnlySpan<byte> qn = parsed.Qn.Of(frame);
            if (qn.Length != QnLength || !AsciiKey.AllDigits(qn))
            {
                Warn(ref warnings, Hj212WarningKind.MalformedQn, $"QN {QuoteValue(qn)} is not 17 digits (yyyyMMddHHmmssfff).");
            }
        }

        ReadOnlySpan<byte> st = parsed.St.Of(frame);
        if (!Hj212Codes.IsSystemCode(st))
        {
            Warn(ref warnings, Hj212WarningKind.UnknownSystemCode, $"ST {Ascii(st)} is not a system code of HJ 212-2017 Table 5.");
        }

        ReadOnlySpan<byte> cn = parsed.Cn.Of(frame);
        if (!Hj212Codes.IsCommandCode(cn))
        {
            Warn(ref warnings, Hj212WarningKind.UnknownCommandCode, $"CN {Ascii(cn)} is not a command code of HJ 212-2017 Table 9.");
        }

        if (parsed.Pw.Length != StandardPwLength)
        {
            Warn(ref warnings, Hj212WarningKind.PwLength, $"PW has {Characters(parsed.Pw.Length)}; HJ 212-2017 specifies 6.");
        }

        if (parsed.Mn.Length != StandardMnLength)
        {
            Warn(ref warnings, Hj212WarningKind.MnLength, $"MN has {Characters(parsed.Mn.Length)}; HJ 212-2017 specifies 24.");
        }

        if (parsed.Flag is not { } flag)
        {
            Warn(ref warnings, Hj212WarningKind.MissingFlag, "The packet has no Flag field.");
        }
        else
        {
            int version = flag >> 2;
            if (version != Version2017)
            {
                string bits = Convert.ToString(version, 2).PadLeft(6, '0');
                Warn(ref warnings, Hj212WarningKind.NonStandardVersion, Invariant($"Flag {flag} has version bits {bits}; HJ 212-2017 is 000001."));
            }

            bool split = (flag & 2) != 0;
            if (split != parsed.Pnum.HasValue)
            {
                Warn(
                    ref warnings,
                    Hj212WarningKind.SplitFlagMismatch,
                    split
                        ? Invariant($"Flag {flag} has the split bit D set, but the packet has no PNUM and PNO.")
                        : Invariant($"Flag {flag} has the split bit D clear, but the packet has PNUM and PNO."));
            }
        }

        // Unknown codes and suffixes give one warning each per packet, listing the distinct ones in the order they
        // first appear; the lists exist only when there is something to list.
        List<string>? codes = null;
        List<string>? suffixes = null;
        List<string>? suffixExamples = null;
        for (int i = 0; i < parsed.Fields.Length; i++)
        {
            ref readonly FieldRange range = ref parsed.Fields[i];
            if (range.DashIndex < 0)
            {
                continue;
            }

            ReadOnlySpan<byte> name = frame.Slice(range.NameStart, range.NameLength);
            ReadOnlySpan<byte> code = name[..range.DashIndex];
            if (!Hj212Codes.IsKnownFieldCode(code))
            {
                AddDistinct(ref codes, "'" + Ascii(code) + "'");
            }

            if (range.Suffix == Hj212Suffix.Unknown)
            {
                string suffix = "'" + Ascii(name[(range.DashIndex + 1)..]) + "'";
                if (AddDistinct(ref suffixes, suffix))
                {
                    (suffixExamples ??= []).Add(suffix + " (in '" + Ascii(name) + "')");
                }
            }
        }

        if (codes is not null)
        {
            Warn(
                ref warnings,
                Hj212WarningKind.UnknownFactorCode,
                codes.Count == 1
                    ? $"Code {codes[0]} is not a flue-gas factor of HJ 212-2017 Table B.2."
                    : Invariant($"{codes.Count} codes are not flue-gas factors of HJ 212-2017 Table B.2: {string.Join(", ", codes)}."));
        }

        if (suffixExamples is not null)
        {
            Warn(
                ref warnings,
                Hj212WarningKind.UnknownSuffix,
                suffixExamples.Count == 1
                    ? $"Suffix {suffixExamples[0]} is not a field suffix of HJ 212-2017 Table 4."
                    : Invariant($"{suffixExamples.Count} suffixes are not field suffixes of HJ 212-2017 Table 4: {string.Join(", ", suffixExamples)}."));
        }
    }

    private static bool AddDistinct(ref List<string>? list, string item)
    {
        list ??= [];
        if (list.Contains(item))
        {
            return false;
        }

        list.Add(item);
        return true;
    }

    private static string Characters(int count) => count == 1 ? "1 character" : Invariant($"{count} characters");

    private static Hj212Suffix ClassifySuffix(ReadOnlySpan<byte> suffix) => suffix switch
    {
        _ when suffix.SequenceEqual("Rtd"u8) => Hj212Suffix.Rtd,
        _ when suffix.SequenceEqual("Avg"u8) => Hj212Suffix.Avg,
        _ when suffix.SequenceEqual("Min"u8) => Hj212Suffix.Min,
        _ when suffix.SequenceEqual("Max"u8) => Hj212Suffix.Max,
        _ when suffix.SequenceEqual("ZsRtd"u8) => Hj212Suffix.ZsRtd,
        _ when suffix.SequenceEqual("ZsAvg"u8) => Hj212Suffix.ZsAvg,
        _ when suffix.SequenceEqual("ZsMin"u8) => Hj212Suffix.ZsMin,
        _ when suffix.SequenceEqual("ZsMax"u8) => Hj212Suffix.ZsMax,
        _ when suffix.SequenceEqual("Cou"u8) => Hj212Suffix.Cou,
        _ when suffix.SequenceEqual("Flag"u8) => Hj212Suffix.Flag,
        _ when suffix.SequenceEqual("EFlag"u8) => Hj212Suffix.EFlag,
        _ when suffix.SequenceEqual("SampleTime"u8) => Hj212Suffix.SampleTime,
        _ when suffix.SequenceEqual("RS"u8) => Hj212Suffix.RS,
        _ when suffix.SequenceEqual("RT"u8) => Hj212Suffix.RT,
        _ => Hj212Suffix.Unknown,
    };

    private static int HeaderSlot(ReadOnlySpan<byte> name) => name switch
    {
        _ when name.SequenceEqual("QN"u8) => Qn,
        _ when name.SequenceEqual("ST"u8) => St,
        _ when name.SequenceEqual("CN"u8) => Cn,
        _ when name.SequenceEqual("PW"u8) => Pw,
        _ when name.SequenceEqual("MN"u8) => Mn,
        _ when name.SequenceEqual("Flag"u8) => Flag,
        _ when name.SequenceEqual("PNUM"u8) => Pnum,
        _ when name.SequenceEqual("PNO"u8) => Pno,
        _ => -1,
    };

    /// <summary>Parses yyyyMMddHHmmss as a time at UTC+08:00, rejecting impossible dates without throwing.</summary>
    internal static bool TryParseDataTime(ReadOnlySpan<byte> text, out DateTimeOffset time)
    {
        time = default;
        if (text.Length != 14 || !AsciiKey.AllDigits(text))
        {
            return false;
        }

        int year = ParseDigits(text[..4]);
        int month = ParseDigits(text.Slice(4, 2));
        int day = ParseDigits(text.Slice(6, 2));
        int hour = ParseDigits(text.Slice(8, 2));
        int minute = ParseDigits(text.Slice(10, 2));
        int second = ParseDigits(text.Slice(12, 2));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        // The first eight hours of year 1 at +08:00 fall before DateTimeOffset.MinValue in UTC, which would throw.
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        if (local.Ticks < Hj212Time.ChinaStandardTime.Ticks)
        {
            return false;
        }

        time = new DateTimeOffset(local, Hj212Time.ChinaStandardTime);
        return true;
    }

    /// <summary>Parses one to nine ASCII digits (leading zeros allowed) without overflow.</summary>
    private static bool TryParseInteger(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        ReadOnlySpan<byte> significant = text.TrimStart((byte)'0');
        if (!AsciiKey.AllDigits(text) || significant.Length > 9)
        {
            return false;
        }

        value = ParseDigits(significant);
        return true;
    }

    /// <summary>Reads ASCII digits already checked by the caller.</summary>
    private static int ParseDigits(ReadOnlySpan<byte> digits)
    {
        int value = 0;
        foreach (byte b in digits)
        {
            value = (value * 10) + (b - '0');
        }

        return value;
    }

    /// <summary>Reads four hexadecimal digits, either case, already checked by the caller.</summary>
    private static ushort ParseHex(ReadOnlySpan<byte> hex)
    {
        int value = 0;
        foreach (byte b in hex)
        {
            int digit = b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
            value = (value << 4) | digit;
        }

        return (ushort)value;
    }

    private static Hj212ParseResult Reject(Hj212RejectionReason reason, string detail) => Hj212ParseResult.Reject(reason, detail);

    private static void Warn(ref List<Hj212Warning>? warnings, Hj212WarningKind kind, string message) =>
        (warnings ??= []).Add(new Hj212Warning(kind, message));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Ascii(ReadOnlySpan<byte> text) => Display(Encoding.UTF8.GetString(text));

    private static string Quote(ReadOnlySpan<byte> text) => "'" + Truncate(Display(Encoding.UTF8.GetString(text))) + "'";

    private static string QuoteValue(ReadOnlySpan<byte> text) => text.IsEmpty ? "an empty value" : Quote(text);

    private static string QuoteTail(ReadOnlySpan<byte> text) =>
        text.Length <= QuoteLimit ? Quote(text) : "'…" + Display(Encoding.UTF8.GetString(text[^(QuoteLimit - 1)..])) + "'";

    private static string Truncate(string text) => text.Length <= QuoteLimit ? text : string.Concat(text.AsSpan(0, QuoteLimit - 1), "…");

    /// <summary>Escapes control characters, so that a detail stays one printable line.</summary>
    private static string Display(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\x1F') && !text.Contains('\x7F', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (c < 0x20 || c == 0x7F)
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string NameLineBreaks(ReadOnlySpan<byte> breaks)
    {
        var builder = new StringBuilder();
        foreach (byte b in breaks)
        {
            builder.Append(builder.Length == 0 ? string.Empty : " ").Append(b == '\r' ? "CR" : "LF");
        }

        return builder.ToString();
    }
}

/// <summary>The time zone of HJ 212 timestamps: China Standard Time, UTC+08:00, without daylight saving.</summary>
internal static class Hj212Time
{
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);
}

/// <summary>A field value's position in the packet; <see cref="Absent"/> when the field is missing.</summary>
internal readonly record struct TextRange(int Start, int Length)
{
    public static TextRange Absent => new(-1, 0);

    public bool IsPresent => Start >= 0;

    public ReadOnlySpan<byte> Of(ReadOnlySpan<byte> frame) => IsPresent ? frame.Slice(Start, Length) : default;
}

/// <summary>A CP field's position in the packet. Invariant: offsets are into the packet from <c>##</c>;
/// <see cref="DashIndex"/> is relative to the name and −1 for a plain parameter.</summary>
internal readonly record struct FieldRange(int NameStart, int NameLength, int DashIndex, int ValueStart, int ValueLength, int ItemIndex, Hj212Suffix Suffix);

/// <summary>What the syntax check found in a data segment, handed to the packet.</summary>
internal readonly struct ParsedSegment
{
    public TextRange Qn { get; init; }

    public TextRange St { get; init; }

    public TextRange Cn { get; init; }

    public TextRange Pw { get; init; }

    public TextRange Mn { get; init; }

    public int? Flag { get; init; }

    public int? Pnum { get; init; }

    public int? Pno { get; init; }

    public DateTimeOffset? DataTime { get; init; }

    public int ItemCount { get; init; }

    public FieldRange[] Fields { get; init; }
}
