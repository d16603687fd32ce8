using System.Collections.Frozen;

namespace Shapotou.Sdk.Monitoring.Hj212;

/// <summary>The codes of HJ 212-2017 that the codec knows: system codes (Table 5), command codes (Table 9) and the
/// flue-gas factor codes (Table B.2).</summary>
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para>A packet whose ST, CN or factor code is not listed here is still accepted, with a warning
/// (<see cref="Hj212WarningKind.UnknownSystemCode"/>, <see cref="Hj212WarningKind.UnknownCommandCode"/>,
/// <see cref="Hj212WarningKind.UnknownFactorCode"/>): devices use other editions' and other tables' codes. Codes match
/// exactly as written (<c>ST=031</c> is not system code 31). Source: HJ 212-2017 §6.3, Tables 2–4 and
/// Annex B.</para>
/// </remarks>
public static class Hj212Codes
{
    /// <summary>Gets the system codes (ST) of HJ 212-2017 Table 5, in the order of the table.</summary>
    public static IReadOnlyList<Hj212SystemCode> SystemCodes { get; } =
    [
        new("21", "地表水质量", "Surface-water quality"),
        new("22", "空气质量", "Air quality"),
        new("23", "声环境质量", "Acoustic-environment quality"),
        new("24", "地下水", "Groundwater quality"),
        new("25", "土壤", "Soil quality"),
        new("26", "海水", "Seawater quality"),
        new("27", "VOCs", "Volatile organic compounds"),
        new("31", "大气环境污染源", "Air pollution source"),
        new("32", "地表水体环境污染源", "Surface-water pollution source"),
        new("33", "地下水体污染源", "Groundwater pollution source"),
        new("34", "海洋", "Marine pollution source"),
        new("35", "土壤", "Soil pollution source"),
        new("36", "声", "Noise pollution source"),
        new("37", "振动", "Vibration pollution source"),
        new("38", "放射性", "Radioactive pollution source"),
        new("39", "工地扬尘", "Construction-site dust"),
        new("41", "电磁", "Electromagnetic pollution source"),
        new("51", "烟气排放过程监控", "Flue-gas emission process monitoring"),
        new("52", "污水排放过程监控", "Waste-water discharge process monitoring"),
        new("91", "系统交互", "System interaction"),
    ];

    /// <summary>Gets the command codes (CN) of HJ 212-2017 Table 9, in the order of the table.</summary>
    /// <remarks><para>9015 (heartbeat), which some libraries send, is not in the 2017 table.</para></remarks>
    public static IReadOnlyList<Hj212CommandCode> CommandCodes { get; } =
    [
        new("1000", "Set timeout and retries"),
        new("1011", "Get or upload the site machine's time"),
        new("1012", "Set the site machine's time"),
        new("1013", "Time-calibration request"),
        new("1061", "Get the real-time data interval"),
        new("1062", "Set the real-time data interval"),
        new("1063", "Get the minute-data interval"),
        new("1064", "Set the minute-data interval"),
        new("1072", "Set the access password"),
        new("2011", "Real-time data"),
        new("2012", "Stop real-time data"),
        new("2021", "Device running state"),
        new("2022", "Stop device running state"),
        new("2031", "Daily data"),
        new("2041", "Equipment running-time daily data"),
        new("2051", "Minute data"),
        new("2061", "Hourly data"),
        new("2081", "Data-logger restart time"),
        new("3011", "Zero and span calibration"),
        new("3012", "Immediate sampling"),
        new("3013", "Cleaning or back-blowing"),
        new("3014", "Comparison sampling"),
        new("3015", "Over-limit sample retention"),
        new("3016", "Sampling period"),
        new("3017", "Sampling period"),
        new("3018", "Sample-out time"),
        new("3019", "Device unique identifier"),
        new("3020", "Get or upload site-machine information"),
        new("3021", "Set site-machine parameters"),
        new("9011", "Request answer (QnRtn)"),
        new("9012", "Execution result (ExeRtn)"),
        new("9013", "Notification answer"),
        new("9014", "Data answer"),
    ];

    /// <summary>Gets the flue-gas factor codes of HJ 212-2017 Table B.2 (citing HJ 524-2009), in the order of the
    /// table.</summary>
    /// <remarks><para>Table B.2 also gives each factor's concentration and amount units; they are not modelled here
    /// (units are typed at the SDK's boundaries, and the ammonia unit the table prints, ng/m³, is not the one used in
    /// practice). Source: HJ 212-2017 Table B.2.</para></remarks>
    public static IReadOnlyList<Hj212Factor> FlueGasFactors { get; } =
    [
        new("a00000", "废气", "Flue-gas flow", "B02", "N6.1"),
        new("a01011", "烟气流速", "Flue-gas velocity", "S02", "N5.2"),
        new("a01012", "烟气温度", "Flue-gas temperature", "S03", "N3.1"),
        new("a01013", "烟气压力", "Flue-gas pressure", "S08", "N5.3"),
        new("a01014", "烟气湿度", "Flue-gas humidity", "S05", "N3.1"),
        new("a01016", "烟道截面积", "Duct cross-section area", "S07", "N4.2"),
        new("a01017", "烟气动压", "Flue-gas dynamic pressure", "S04", "N5.3"),
        new("a01010", "林格曼黑度", "Ringelmann blackness", "37", "N1"),
        new("a19001", "氧气含量", "Oxygen", "S01", "N3.1"),
        new("a21026", "二氧化硫", "Sulphur dioxide (SO2)", "02", "N5.2"),
        new("a21002", "氮氧化物", "Nitrogen oxides (NOx)", "03", "N5.1"),
        new("a21003", "一氧化氮", "Nitric oxide (NO)", null, "N4.1"),
        new("a21004", "二氧化氮", "Nitrogen dioxide (NO2)", null, "N4.1"),
        new("a21005", "一氧化碳", "Carbon monoxide (CO)", "04", "N3.3"),
        new("a21001", "氨", "Ammonia (NH3)", "10", "N4.3"),
        new("a21018", "氟化物", "Fluoride", "06", "N2.3"),
        new("a20057", "汞及其化合物", "Mercury and its compounds", "31", "N4.4"),
        new("a34013", "烟尘", "Particulate matter", "01", "N4"),
        new("a05001", "二氧化碳", "Carbon dioxide (CO2)", "30", "N3.3"),
        new("a24088", "非甲烷总烃", "Non-methane hydrocarbons", null, "N7.3"),
    ];

    // Keyed by the code's ASCII bytes packed into a ulong, so that the parser looks codes up in the packet's bytes
    // without materialising a string (see AsciiKey).
    private static readonly FrozenDictionary<ulong, Hj212SystemCode> s_systemCodes =
        SystemCodes.ToFrozenDictionary(c => AsciiKey.Pack(c.Code));

    private static readonly FrozenDictionary<ulong, Hj212CommandCode> s_commandCodes =
        CommandCodes.ToFrozenDictionary(c => AsciiKey.Pack(c.Code));

    private static readonly FrozenDictionary<ulong, Hj212Factor> s_factors =
        FlueGasFactors.ToFrozenDictionary(f => AsciiKey.Pack(f.Code));

    /// <summary>Finds the system code <paramref name="st"/> in Table 5.</summary>
    /// <param name="st">The ST value as written, for example <c>31</c>.</param>
    /// <returns>The entry, or <see langword="null"/> when Table 5 has no such code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="st"/> is <see langword="null"/>.</exception>
    public static Hj212SystemCode? FindSystemCode(string st)
    {
        ArgumentNullException.ThrowIfNull(st);
        return s_systemCodes.GetValueOrDefault(AsciiKey.Pack(st));
    }

    /// <summary>Finds the command code <paramref name="cn"/> in Table 9.</summary>
    /// <param name="cn">The CN value as written, for example <c>2061</c>.</param>
    /// <returns>The entry, or <see langword="null"/> when Table 9 has no such code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cn"/> is <see langword="null"/>.</exception>
    public static Hj212CommandCode? FindCommandCode(string cn)
    {
        ArgumentNullException.ThrowIfNull(cn);
        return s_commandCodes.GetValueOrDefault(AsciiKey.Pack(cn));
    }

    /// <summary>Finds the flue-gas factor <paramref name="code"/> in Table B.2.</summary>
    /// <param name="code">The factor code without its suffix, for example <c>a21026</c>; case-sensitive.</param>
    /// <returns>The entry, or <see langword="null"/> when Table B.2 has no such code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    public static Hj212Factor? FindFactor(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return s_factors.GetValueOrDefault(AsciiKey.Pack(code));
    }

    internal static bool IsSystemCode(ReadOnlySpan<byte> st) => s_systemCodes.ContainsKey(AsciiKey.Pack(st));

    internal static bool IsCommandCode(ReadOnlySpan<byte> cn) => s_commandCodes.ContainsKey(AsciiKey.Pack(cn));

    /// <summary>Tells whether a CP field's code (the part before <c>-</c>) is one the codec knows.</summary>
    /// <remarks>Known are the Table B.2 codes, treatment-facility codes <c>SB</c> + digits (whose <c>-RS</c> and
    /// <c>-RT</c> fields Table 4 defines), and flue-gas process codes <c>g</c> + process digit 1–6 + four digits
    /// (Tables B.6/B.7: parameter and unit number).</remarks>
    internal static bool IsKnownFieldCode(ReadOnlySpan<byte> code)
    {
        if (s_factors.ContainsKey(AsciiKey.Pack(code)))
        {
            return true;
        }

        if (code.Length > 2 && code[0] == (byte)'S' && code[1] == (byte)'B' && AsciiKey.AllDigits(code[2..]))
        {
            return true;
        }

        return code.Length == 6 && code[0] == (byte)'g' && code[1] is >= (byte)'1' and <= (byte)'6' && AsciiKey.AllDigits(code[2..]);
    }
}

/// <summary>A system code (ST) of HJ 212-2017 Table 5.</summary>
/// <param name="Code">The code as written in a packet, for example <c>31</c>.</param>
/// <param name="ChineseName">The name printed in Table 5, for example 大气环境污染源.</param>
/// <param name="Name">An English rendering of the name.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record Hj212SystemCode(string Code, string ChineseName, string Name);

/// <summary>A command code (CN) of HJ 212-2017 Table 9.</summary>
/// <param name="Code">The code as written in a packet, for example <c>2061</c>.</param>
/// <param name="Name">An English description of the command.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record Hj212CommandCode(string Code, string Name);

/// <summary>A flue-gas factor code of HJ 212-2017 Table B.2.</summary>
/// <param name="Code">The code, for example <c>a21026</c>.</param>
/// <param name="ChineseName">The name printed in Table B.2, for example 二氧化硫.</param>
/// <param name="Name">An English rendering of the name.</param>
/// <param name="LegacyCode">The HJ/T 212-2005 code (原编码), or <see langword="null"/> when the table gives none.</param>
/// <param name="DataType">The data type of Table B.2, for example <c>N5.2</c> (at most five digits, two decimals).</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record Hj212Factor(string Code, string ChineseName, string Name, string? LegacyCode, string DataType);

/// <summary>Packs a short ASCII code into a <see cref="ulong"/> for allocation-free lookups over packet bytes.</summary>
/// <remarks>Invariant: a code of one to eight visible ASCII characters (0x21–0x7E) packs to a distinct non-zero key;
/// anything else packs to <see cref="None"/>, which no table contains.</remarks>
internal static class AsciiKey
{
    public const ulong None = 0;

    public static ulong Pack(ReadOnlySpan<byte> code)
    {
        if (code.IsEmpty || code.Length > sizeof(ulong))
        {
            return None;
        }

        ulong key = 0;
        foreach (byte b in code)
        {
            if (b is < 0x21 or > 0x7E)
            {
                return None;
            }

            key = (key << 8) | b;
        }

        return key;
    }

    public static ulong Pack(ReadOnlySpan<char> code)
    {
        if (code.IsEmpty || code.Length > sizeof(ulong))
        {
            return None;
        }

        ulong key = 0;
        foreach (char c in code)
        {
            if (c is < (char)0x21 or > (char)0x7E)
            {
                return None;
            }

            key = (key << 8) | c;
        }

        return key;
    }

    public static bool AllDigits(ReadOnlySpan<byte> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange((byte)'0', (byte)'9');
}
