namespace Shapotou.Sdk.Monitoring.Receiver;

/// <summary>Counters of an <see cref="Hj212Receiver"/> since it started.</summary>
/// <param name="Connections">Connections accepted and served (refused ones excluded).</param>
/// <param name="OpenConnections">Connections open now.</param>
/// <param name="Received">Frames received (accepted, duplicate, refused or rejected).</param>
/// <param name="Logged">Accepted packets written to the log and acknowledged as stored.</param>
/// <param name="Duplicates">Accepted packets whose key (MN, CN, DataTime or QN, PNO) and data (CP) were already
/// stored: answered, not stored again.</param>
/// <param name="Rejected">Frames rejected by the codec (framing, length, CRC, syntax), oversized frames included.</param>
/// <param name="RejectedCrc">Of <paramref name="Rejected"/>, those rejected for their CRC.</param>
/// <param name="UnknownMn">Accepted packets refused for their MN (QnRtn 4): not registered, not storable (see
/// <see cref="Hj212LoggerRegistry.IsValidMn(string)"/>), or beyond <see cref="Hj212ReceiverOptions.MaxLoggers"/>.</param>
/// <param name="Answers">Answers sent (9014 and 9011).</param>
/// <param name="Commits">Group commits (fsyncs) of the log.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record Hj212ReceiverStatistics(
    long Connections,
    long OpenConnections,
    long Received,
    long Logged,
    long Duplicates,
    long Rejected,
    long RejectedCrc,
    long UnknownMn,
    long Answers,
    long Commits)
{
    /// <summary>Gets the packets of a registered MN refused for their PW (QnRtn 3): counted, reported, never stored.</summary>
    public long WrongPw { get; init; }

    /// <summary>Gets the packets stored although a packet with the same key but other data (CP) was stored before: both
    /// are kept in the log and the later one is reported as a conflict.</summary>
    public long Conflicts { get; init; }

    /// <summary>Gets the packets whose DataTime lies before their MN's duplicate window
    /// (<see cref="Hj212ReceiverOptions.DuplicateWindow"/>): stored without a duplicate check.</summary>
    public long OutsideDuplicateWindow { get; init; }

    /// <summary>Gets the connections closed at once because their remote address or the receiver had as many as allowed
    /// (<see cref="Hj212ReceiverOptions.MaxConnectionsPerAddress"/>, <see cref="Hj212ReceiverOptions.MaxConnections"/>).</summary>
    public long RefusedConnections { get; init; }

    /// <summary>Gets the connections closed to make room for a new one, having delivered no accepted packet.</summary>
    public long EvictedConnections { get; init; }

    /// <summary>Gets the connections closed after <see cref="Hj212ReceiverOptions.IdleTimeout"/> without a byte.</summary>
    public long IdleTimeouts { get; init; }

    /// <summary>Gets the connections closed because a frame, or the sender's taking of an answer, took longer than
    /// <see cref="Hj212ReceiverOptions.ReadTimeout"/>.</summary>
    public long ReadTimeouts { get; init; }

    /// <summary>Gets the times a connection's reading was paused because it sent faster than
    /// <see cref="Hj212ReceiverOptions.MaxPacketsPerSecond"/>.</summary>
    public long Throttled { get; init; }
}
