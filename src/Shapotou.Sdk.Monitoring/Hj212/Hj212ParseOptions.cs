namespace Shapotou.Sdk.Monitoring.Hj212;

/// <summary>Options of <see cref="Hj212Packet.Parse(ReadOnlySpan{byte}, Hj212ParseOptions?)"/>: the leniencies a
/// caller asks for explicitly.</summary>
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para>The defaults are the standard's rules. Each option relaxes one of them for devices known to break it, and a
/// packet accepted only because of an option carries a warning that says so.</para>
/// </remarks>
public sealed record Hj212ParseOptions
{
    /// <summary>The largest <see cref="MaxDataLength"/> a 4-digit length field can declare.</summary>
    public const int LargestDataLength = 9999;

    /// <summary>The data-segment length limit of HJ 212-2017 §6.3 (0 ≤ length ≤ 1024).</summary>
    public const int StandardMaxDataLength = 1024;

    /// <summary>Gets the standard's rules: Annex A CRC only, data segment of at most 1024 bytes.</summary>
    public static Hj212ParseOptions Default { get; } = new();

    /// <summary>Gets a value indicating whether a CRC-16/MODBUS value, as written or with its bytes swapped, is
    /// accepted in place of the Annex A CRC.</summary>
    /// <value>The default value is <see langword="false"/>: only the Annex A CRC is accepted.</value>
    /// <remarks>Some data loggers send CRC-16/MODBUS low byte first (seen in a real receive log). An accepted packet
    /// then carries a <see cref="Hj212WarningKind.ModbusCrc"/> warning.</remarks>
    public bool LenientCrc { get; init; }

    /// <summary>Gets the largest declared data-segment length accepted, in bytes.</summary>
    /// <value>The default value is <see cref="StandardMaxDataLength"/> (1024), the standard's limit.</value>
    /// <remarks>Must be from 0 to <see cref="LargestDataLength"/>; checked when the options are used. Some loggers send
    /// unsplit packets of more than 1024 bytes; raise the limit to read them.</remarks>
    public int MaxDataLength { get; init; } = StandardMaxDataLength;

    internal void Validate()
    {
        if (MaxDataLength is < 0 or > LargestDataLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxDataLength),
                MaxDataLength,
                $"MaxDataLength must be from 0 to {LargestDataLength}, the range of a 4-digit length field.");
        }
    }
}
