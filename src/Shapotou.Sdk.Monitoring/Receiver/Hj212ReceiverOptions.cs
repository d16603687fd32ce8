using System.Net;
using Shapotou.Sdk.Monitoring.Hj212;

namespace Shapotou.Sdk.Monitoring.Receiver;

/// <summary>The settings of an <see cref="Hj212Receiver"/>.</summary>
/// <remarks>This type is immutable and thread-safe. Limits keep memory and time bounded whatever the senders do: at
/// most <see cref="MaxConnections"/> connections (<see cref="MaxConnectionsPerAddress"/> per remote address), each
/// closed after <see cref="IdleTimeout"/> of silence or a frame slower than <see cref="ReadTimeout"/>, reading at most
/// <see cref="MaxPacketsPerSecond"/>; one frame of at most <see cref="MaxFrameBytes"/> buffered per connection; at most
/// <see cref="MaxQueuedAppends"/> packets waiting for the disk; and at most <see cref="MaxDuplicateKeysPerMn"/> keys per
/// known MN. Values are checked by <see cref="Hj212Receiver.Start"/>.</remarks>
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

    /// <summary>Gets the data loggers allowed to send, each MN with its PW and outlet: a packet of another MN is refused
    /// with QnRtn 4 (MN error), one with another PW with QnRtn 3 (PW error), counted, reported and never stored.
    /// <see langword="null"/>: no password is checked (see <see cref="OutletByMn"/>). Required by the CLI when listening
    /// beyond loopback.</summary>
    public Hj212LoggerRegistry? Registry { get; init; }

    /// <summary>Gets the outlet of each data-logger id (MN), from <c>outlets.mn</c>; when given (and no
    /// <see cref="Registry"/>), packets of other MNs are refused (QnRtn 4, MN error) and not stored, but passwords are not
    /// checked. <see langword="null"/>: every valid MN is accepted, up to <see cref="MaxLoggers"/> of them.</summary>
    public IReadOnlyDictionary<string, string>? OutletByMn { get; init; }

    /// <summary>Gets the most distinct MNs remembered when neither <see cref="Registry"/> nor <see cref="OutletByMn"/>
    /// names the loggers; packets of further MNs are refused with QnRtn 4, so that no sender can grow the duplicate
    /// memory without bound.</summary>
    /// <value>The default value is 1 000.</value>
    public int MaxLoggers { get; init; } = 1000;

    /// <summary>Gets the most connections served at once. When a new connection would exceed it, the connection open
    /// longest without delivering an accepted packet is closed to make room (counted as evicted); when every
    /// connection has delivered one, the new connection is closed (counted as refused).</summary>
    /// <value>The default value is 4 096.</value>
    public int MaxConnections { get; init; } = 4096;

    /// <summary>Gets the most connections open at once from one remote address; further ones are closed at once and
    /// counted as refused.</summary>
    /// <value>The default value is 256 (loggers behind one carrier's address translation share an address).</value>
    public int MaxConnectionsPerAddress { get; init; } = 256;

    /// <summary>Gets how long a connection may stay open without sending a byte, between packets; then it is closed and
    /// counted.</summary>
    /// <value>The default value is 5 minutes (loggers send minute data every minute).</value>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets how long a frame may take from its first byte to its line end, and how long the sender may take to
    /// accept an answer; then the connection is closed and counted. A sender that trickles bytes (slowloris) is closed
    /// after it, whatever its pace.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the most packets (frames) a connection may send per second, with bursts of as many; faster senders
    /// are slowed down (their next frames are read later), not refused.</summary>
    /// <value>The default value is 200.</value>
    public int MaxPacketsPerSecond { get; init; } = 200;

    /// <summary>Gets the most packets waiting for the disk; senders wait beyond it. Default 8192.</summary>
    public int MaxQueuedAppends { get; init; } = 8192;

    /// <summary>Gets the most packets in one group commit. Default 4096.</summary>
    public int MaxBatch { get; init; } = 4096;

    /// <summary>Gets the size at which a log segment is sealed and a new one started. Default 64 MiB.</summary>
    public long SegmentBytes { get; init; } = 64L << 20;

    /// <summary>Gets how many of each logger's most recent DataTimes its duplicate memory covers: a packet whose key
    /// (CN, DataTime, PNO) falls within this span before the newest DataTime received from its MN is checked against
    /// every earlier packet of that MN in the span.</summary>
    /// <value>The default value is 48 hours.</value>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromHours(48);

    /// <summary>Gets the most keys remembered per MN; beyond it the oldest DataTimes of that MN are forgotten first.
    /// Keys of one MN never displace another's.</summary>
    /// <value>The default value is 16 384 (48 hours of minute, hourly, daily and 30-second real-time data is 8 690).</value>
    public int MaxDuplicateKeysPerMn { get; init; } = 16_384;

    /// <summary>Gets where the receiver reports refused packets (unknown MN, wrong PW, MN not storable) and conflicting
    /// copies, one sentence each, at most <see cref="MaxReportsPerMinute"/> a minute. <see langword="null"/>: not
    /// reported (still counted).</summary>
    public Action<string>? Report { get; init; }

    /// <summary>Gets the most sentences given to <see cref="Report"/> per minute; the rest are counted and summed up in
    /// the next minute's first sentence.</summary>
    /// <value>The default value is 60.</value>
    public int MaxReportsPerMinute { get; init; } = 60;

    /// <summary>Gets the clock that stamps received packets and drives the timeouts and the rate cap. Default the system
    /// clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets the largest frame a connection may buffer: the header, the largest data segment, the CRC and CRLF.</summary>
    public int MaxFrameBytes => 6 + ParseOptions.MaxDataLength + 4 + 2;
}
