using Shapotou.Sdk.Model;
using UnitsNet.Units;

namespace Shapotou.Sdk.Monitoring.Aggregation;

/// <summary>A measured quantity of a CEMS record: a concentration column or O₂ or flow, as in the <c>cems_minute</c>
/// and <c>cems_hourly</c> tables.</summary>
public enum CemsChannel
{
    /// <summary><c>so2</c>: SO₂ (HJ 212 factor <c>a21026</c>), mg/m³, dry at the standard state, as measured.</summary>
    So2 = 0,

    /// <summary><c>nox</c>: NOx as NO₂ (<c>a21002</c>), mg/m³.</summary>
    Nox,

    /// <summary><c>pm</c>: particulate (<c>a34013</c>), mg/m³.</summary>
    Pm,

    /// <summary><c>nh3</c>: ammonia slip (<c>a21001</c>), mg/m³ (the unit comes from configuration, not from Table B.2,
    /// which prints ng/m³).</summary>
    Nh3,

    /// <summary><c>o2</c>: O₂ (<c>a19001</c>), % by volume, dry.</summary>
    Oxygen,

    /// <summary><c>flow</c>: flue-gas flow (<c>a00000</c>), m³/h, dry at the standard state.</summary>
    Flow,
}

/// <summary>Facts about <see cref="CemsChannel"/>: contract column names, units and the pollutant each concentration
/// channel carries.</summary>
public static class CemsChannels
{
    /// <summary>Gets every channel, in column order.</summary>
    public static IReadOnlyList<CemsChannel> All { get; } =
        [CemsChannel.So2, CemsChannel.Nox, CemsChannel.Pm, CemsChannel.Nh3, CemsChannel.Oxygen, CemsChannel.Flow];

    internal const int Count = 6;

    /// <summary>Gets the contract column name of a channel (<c>so2</c>, <c>nox</c>, <c>pm</c>, <c>nh3</c>, <c>o2</c>,
    /// <c>flow</c>).</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The column name.</returns>
    public static string ColumnName(CemsChannel channel) => channel switch
    {
        CemsChannel.So2 => "so2",
        CemsChannel.Nox => "nox",
        CemsChannel.Pm => "pm",
        CemsChannel.Nh3 => "nh3",
        CemsChannel.Oxygen => "o2",
        CemsChannel.Flow => "flow",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown CEMS channel."),
    };

    /// <summary>Gets the unit a channel's values are stored in: mg/m³ for concentrations, % for O₂, m³/h for flow.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The unit.</returns>
    public static Enum Unit(CemsChannel channel) => channel switch
    {
        CemsChannel.So2 or CemsChannel.Nox or CemsChannel.Pm or CemsChannel.Nh3 => MassConcentrationUnit.MilligramPerCubicMeter,
        CemsChannel.Oxygen => VolumeConcentrationUnit.Percent,
        CemsChannel.Flow => VolumeFlowUnit.CubicMeterPerHour,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown CEMS channel."),
    };

    /// <summary>Gets the concentration channel of a pollutant.</summary>
    /// <param name="pollutant">The pollutant.</param>
    /// <returns>The channel.</returns>
    public static CemsChannel Of(Pollutant pollutant) => pollutant switch
    {
        Pollutant.So2 => CemsChannel.So2,
        Pollutant.Nox => CemsChannel.Nox,
        Pollutant.Pm => CemsChannel.Pm,
        Pollutant.Nh3 => CemsChannel.Nh3,
        _ => throw new ArgumentOutOfRangeException(nameof(pollutant), pollutant, "Unknown pollutant."),
    };

    /// <summary>Gets the HJ 212-2017 Table B.2 factor code of a channel (<c>a21026</c> for SO₂, …).</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The factor code.</returns>
    public static string FactorCode(CemsChannel channel) => channel switch
    {
        CemsChannel.So2 => "a21026",
        CemsChannel.Nox => "a21002",
        CemsChannel.Pm => "a34013",
        CemsChannel.Nh3 => "a21001",
        CemsChannel.Oxygen => "a19001",
        CemsChannel.Flow => "a00000",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown CEMS channel."),
    };

    /// <summary>Finds the channel of a Table B.2 factor code.</summary>
    /// <param name="code">The factor code's bytes, such as <c>a21026</c>.</param>
    /// <param name="channel">The channel, when the code is one.</param>
    /// <returns><see langword="true"/> when the code is one of the channels' codes.</returns>
    public static bool TryFromFactorCode(ReadOnlySpan<byte> code, out CemsChannel channel)
    {
        channel = default;
        if (code.SequenceEqual("a21026"u8)) { channel = CemsChannel.So2; return true; }
        if (code.SequenceEqual("a21002"u8)) { channel = CemsChannel.Nox; return true; }
        if (code.SequenceEqual("a34013"u8)) { channel = CemsChannel.Pm; return true; }
        if (code.SequenceEqual("a21001"u8)) { channel = CemsChannel.Nh3; return true; }
        if (code.SequenceEqual("a19001"u8)) { channel = CemsChannel.Oxygen; return true; }
        if (code.SequenceEqual("a00000"u8)) { channel = CemsChannel.Flow; return true; }
        return false;
    }

    /// <summary>Parses a one-letter HJ 212-2017 data flag (Table 8: N, F, M, S, D, C, T, B).</summary>
    /// <param name="text">The flag as written.</param>
    /// <param name="flag">The flag, when known.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is one of the eight flags.</returns>
    public static bool TryParseFlag(ReadOnlySpan<byte> text, out DataFlag flag)
    {
        flag = default;
        if (text.Length != 1)
        {
            return false;
        }

        flag = text[0] switch
        {
            (byte)'N' => DataFlag.N,
            (byte)'F' => DataFlag.F,
            (byte)'M' => DataFlag.M,
            (byte)'S' => DataFlag.S,
            (byte)'D' => DataFlag.D,
            (byte)'C' => DataFlag.C,
            (byte)'T' => DataFlag.T,
            (byte)'B' => DataFlag.B,
            _ => default,
        };
        return flag != default;
    }
}
