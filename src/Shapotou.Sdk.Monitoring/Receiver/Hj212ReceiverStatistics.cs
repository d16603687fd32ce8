namespace Shapotou.Sdk.Monitoring.Receiver;

/// <summary>Counters of an <see cref="Hj212Receiver"/> since it started.</summary>
/// <param name="Connections">Connections accepted.</param>
/// <param name="OpenConnections">Connections open now.</param>
/// <param name="Received">Frames received (accepted, duplicate, refused or rejected).</param>
/// <param name="Logged">Accepted packets written to the log and acknowledged as stored.</param>
/// <param name="Duplicates">Accepted packets whose key (MN, CN, DataTime or QN, PNO) was already stored: answered,
/// not stored again.</param>
/// <param name="Rejected">Frames rejected by the codec (framing, length, CRC, syntax), oversized frames included.</param>
/// <param name="RejectedCrc">Of <paramref name="Rejected"/>, those rejected for their CRC.</param>
/// <param name="UnknownMn">Accepted packets of an MN with no outlet, refused.</param>
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
    long Commits);
