using System.Diagnostics.CodeAnalysis;

namespace Shapotou.Sdk.Monitoring.Hj212;

/// <summary>The outcome of parsing one HJ 212 packet: the accepted packet with its warnings, or the rejection.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class Hj212ParseResult
{
    private Hj212ParseResult(Hj212Packet? packet, Hj212Rejection? rejection, IReadOnlyList<Hj212Warning> warnings)
    {
        Packet = packet;
        Rejection = rejection;
        Warnings = warnings;
    }

    /// <summary>Gets a value indicating whether the packet was accepted (then <see cref="Packet"/> is set).</summary>
    [MemberNotNullWhen(true, nameof(Packet))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsAccepted => Packet is not null;

    /// <summary>Gets the accepted packet, or <see langword="null"/> when it was rejected.</summary>
    public Hj212Packet? Packet { get; }

    /// <summary>Gets why the packet was rejected, or <see langword="null"/> when it was accepted.</summary>
    public Hj212Rejection? Rejection { get; }

    /// <summary>Gets the deviations from the standard that did not prevent acceptance, in the order found.</summary>
    /// <remarks>Empty for a rejected packet: a rejection stops at the first failed check.</remarks>
    public IReadOnlyList<Hj212Warning> Warnings { get; }

    /// <summary>Returns <c>ok</c>, or <c>rejected: &lt;reason&gt;: &lt;detail&gt;</c> as <c>shapotou hj212 check</c>
    /// prints it.</summary>
    /// <returns>The one-line summary.</returns>
    public override string ToString() => IsAccepted ? "ok" : "rejected: " + Rejection;

    internal static Hj212ParseResult Accept(Hj212Packet packet, IReadOnlyList<Hj212Warning>? warnings) =>
        new(packet, null, warnings ?? []);

    internal static Hj212ParseResult Reject(Hj212RejectionReason reason, string detail) =>
        new(null, new Hj212Rejection(reason, detail), []);
}

/// <summary>Why a packet was rejected: the first check it failed, and a sentence naming what was expected and what
/// was found.</summary>
/// <param name="Reason">The check that failed.</param>
/// <param name="Detail">One sentence, invariant English, ending with a period.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record Hj212Rejection(Hj212RejectionReason Reason, string Detail)
{
    /// <summary>Gets the reason as the lower-case word <c>shapotou hj212 check</c> prints: <c>framing</c>,
    /// <c>length</c>, <c>crc</c> or <c>syntax</c>.</summary>
    public string ReasonName => Reason switch
    {
        Hj212RejectionReason.Framing => "framing",
        Hj212RejectionReason.Length => "length",
        Hj212RejectionReason.Crc => "crc",
        _ => "syntax",
    };

    /// <summary>Returns <c>&lt;reason&gt;: &lt;detail&gt;</c>.</summary>
    /// <returns>The reason name and the detail.</returns>
    public override string ToString() => ReasonName + ": " + Detail;
}

/// <summary>The checks a packet goes through, in the order they are made; the first that fails rejects it.</summary>
public enum Hj212RejectionReason
{
    /// <summary>The frame: the <c>##</c> header, a 4-digit length, a 4-hex-digit CRC, and no terminator other than
    /// one CRLF.</summary>
    Framing,

    /// <summary>The declared data-segment length: within the limit (1024 by default) and equal to the data segment's
    /// byte count.</summary>
    Length,

    /// <summary>The CRC of HJ 212-2017 Annex A over the data segment.</summary>
    Crc,

    /// <summary>The data segment's fields: header fields, and the structure of <c>CP=&amp;&amp;…&amp;&amp;</c>.</summary>
    Syntax,
}

/// <summary>A deviation from HJ 212-2017 that the codec tolerates, because real devices differ.</summary>
/// <param name="Kind">What kind of deviation it is.</param>
/// <param name="Message">One sentence, invariant English, ending with a period.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record Hj212Warning(Hj212WarningKind Kind, string Message)
{
    /// <summary>Returns the message.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}

/// <summary>The deviations from HJ 212-2017 that are accepted with a warning.</summary>
public enum Hj212WarningKind
{
    /// <summary>The CRC is CRC-16/MODBUS (as written or byte-swapped), accepted only because
    /// <see cref="Hj212ParseOptions.LenientCrc"/> is set.</summary>
    ModbusCrc,

    /// <summary>The packet has no QN field.</summary>
    MissingQn,

    /// <summary>QN is not 17 digits (yyyyMMddHHmmssfff).</summary>
    MalformedQn,

    /// <summary>ST is not a system code of Table 5.</summary>
    UnknownSystemCode,

    /// <summary>CN is not a command code of Table 9.</summary>
    UnknownCommandCode,

    /// <summary>PW is not 6 characters long.</summary>
    PwLength,

    /// <summary>MN is not 24 characters long.</summary>
    MnLength,

    /// <summary>The packet has no Flag field.</summary>
    MissingFlag,

    /// <summary>The Flag's version bits (7..2) are not 000001, HJ 212-2017's.</summary>
    NonStandardVersion,

    /// <summary>The Flag's D bit (split packet) disagrees with the presence of PNUM and PNO.</summary>
    SplitFlagMismatch,

    /// <summary>A CP field's code is not in Table B.2 (flue gas) nor a treatment-facility or process code; one
    /// warning per packet lists the distinct codes in the order they first appear.</summary>
    UnknownFactorCode,

    /// <summary>A CP field's suffix is not one of Table 4; one warning per packet lists the distinct suffixes in the
    /// order they first appear.</summary>
    UnknownSuffix,
}
