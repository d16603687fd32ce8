using System.Net;
using Shapotou.Sdk.Monitoring.Hj212;

namespace Shapotou.Sdk.Monitoring.Receiver;

/// <summary>The settings of an <see cref="Hj212Receiver"/>.</summary>
/// <remarks>This type is immutable and thread-safe. Limits keep memory bounded whatever the senders do: at most
/// <see cref="MaxConnections"/> connections, one frame of at most <see cref="MaxFrameBytes"/> buffered per connection,
/// at most <see cref="MaxQueuedAppends"/> packets waiting for the disk, and at most <see cref="MaxDuplicateKeys"/> keys
/// remembered for duplicate detection.</remarks>
public sealed record Hj212ReceiverOptions
{
    /// <summary>Initializes the options.</summary>
    /// <param name="logDirectory">The folder of the durable log.</param>
    /// <exception cref="ArgumentException"><paramref name="logDirectory"/> is blank.</exception>
    public Hj212ReceiverOptions(string logDirectory)
    {
        if (string.IsNullOrWhiteSpace(logDirectory))
        {
            throw new ArgumentException("The log folder must be given.", nameof(logDirectory));
        }

        LogDirectory = logDirectory;
    }

    /// <summary>Gets the folder of the durable log.</summary>
    public string LogDirectory { get; }

    /// <summary>Gets the address to listen on; default loopback, port 0 (any free port; see
    /// <see cref="Hj212Receiver.LocalEndPoint"/>).</summary>
    public IPEndPoint EndPoint { get; init; } = new(IPAddress.Loopback, 0);

    /// <summary>Gets the parse options (CRC leniency, largest data segment).</summary>
    public Hj212ParseOptions ParseOptions { get; init; } = Hj212ParseOptions.Default;

    /// <summary>Gets the outlet of each data-logger id (MN), from <c>outlets.mn</c>; when given, packets of other MNs
    /// are refused (QnRtn 4, MN error) and not stored. <see langword="null"/>: every MN is accepted.</summary>
    public IReadOnlyDictionary<string, string>? OutletByMn { get; init; }

    /// <summary>Gets the most connections served at once; further ones wait to be accepted. Default 4096.</summary>
    public int MaxConnections { get; init; } = 4096;

    /// <summary>Gets the most packets waiting for the disk; senders wait beyond it. Default 8192.</summary>
    public int MaxQueuedAppends { get; init; } = 8192;

    /// <summary>Gets the most packets in one group commit. Default 4096.</summary>
    public int MaxBatch { get; init; } = 4096;

    /// <summary>Gets the size at which a log segment is sealed and a new one started. Default 64 MiB.</summary>
    public long SegmentBytes { get; init; } = 64L << 20;

    /// <summary>Gets how long a packet's key (MN, CN, DataTime, PNO) is remembered for duplicate detection, by the
    /// time it was received. Default 48 hours.</summary>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromHours(48);

    /// <summary>Gets the most keys remembered for duplicate detection; the oldest are forgotten first. Default 2 000 000.</summary>
    public int MaxDuplicateKeys { get; init; } = 2_000_000;

    /// <summary>Gets the clock that stamps received packets and ages duplicate keys. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets the largest frame a connection may buffer: the header, the largest data segment, the CRC and CRLF.</summary>
    public int MaxFrameBytes => 6 + ParseOptions.MaxDataLength + 4 + 2;
}
