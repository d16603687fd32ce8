using Shapotou.Sdk.Monitoring.Aggregation;

namespace Shapotou.Sdk.Monitoring.Receiver;

/// <summary>The rows of one log segment for one table, day and outlet: one file of a partitioned dataset.</summary>
/// <param name="Interval">Minute (<c>cems_minute</c>) or hour (<c>cems_hourly</c>).</param>
/// <param name="Day">The day, China Standard Time.</param>
/// <param name="OutletId">The outlet.</param>
/// <param name="Segment">The log segment the rows come from; rolling the same segment again gives the same partition,
/// so a sink that names its files by it overwrites rather than duplicates.</param>
/// <param name="Rows">The rows, ordered by time.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record CemsPartition(CemsInterval Interval, DateOnly Day, string OutletId, long Segment, CemsRecords Rows);

/// <summary>Where <see cref="Hj212LogRoller"/> puts the rows it rolls out of the log, such as Parquet files per day and
/// outlet (the CLI composes one over Shapotou.Sdk.Parquet; this package does not depend on Parquet).</summary>
/// <remarks>A sink must be durable when <see cref="WriteAsync"/> completes: the roller then marks the segment rolled.
/// Writing the same <see cref="CemsPartition"/> twice must leave one copy (write by replacing).</remarks>
public interface ICemsPartitionSink
{
    /// <summary>Stores one partition.</summary>
    /// <param name="partition">The partition.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the partition is stored durably.</returns>
    Task WriteAsync(CemsPartition partition, CancellationToken cancellationToken = default);
}

/// <summary>What one <see cref="Hj212LogRoller.RollAsync(string, ICemsPartitionSink, Hj212RollOptions, long?, CancellationToken)"/> did.</summary>
/// <param name="Segments">Segments rolled.</param>
/// <param name="Records">Log records read (parts of split packets count one each; carried parts included).</param>
/// <param name="MinuteRows">Rows of <c>cems_minute</c> written (CN 2051).</param>
/// <param name="HourRows">Rows of <c>cems_hourly</c> written (CN 2061).</param>
/// <param name="Duplicates">Packets whose key (MN, CN, DataTime) was already rolled in this run.</param>
/// <param name="OtherPackets">Packets kept in the log but not in a table: other commands (real-time 2011, daily
/// 2031, answers, …) and data packets without a DataTime on a minute or hour boundary.</param>
/// <param name="SplitPartsPending">Parts of split packets still waiting for their other parts, carried to the next roll.</param>
/// <param name="ValuesSetMissing">Values written as missing (NaN) because the packet's text is not a number, is
/// negative, or is an O₂ of 21 % or more; the packet as received stays in the log.</param>
/// <param name="UnmappedMn">Packets of an MN with no outlet in the map, written under the MN as outlet id.</param>
/// <param name="Partitions">Partitions made from the segments (written or quarantined).</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record Hj212RollResult(
    int Segments,
    long Records,
    long MinuteRows,
    long HourRows,
    long Duplicates,
    long OtherPackets,
    long SplitPartsPending,
    long ValuesSetMissing,
    long UnmappedMn,
    long Partitions)
{
    /// <summary>Gets, of <see cref="Duplicates"/>, the packets whose key was rolled before with other data (CP): the
    /// first copy in the log is tabled, both stay in the log.</summary>
    public long Conflicts { get; init; }

    /// <summary>Gets the packets tabled without the re-send check: a DataTime older than
    /// <see cref="Hj212RollOptions.DuplicateWindow"/> before the newest of its MN, or an MN beyond
    /// <see cref="Hj212RollOptions.MaxRememberedLoggers"/>. Each is possibly re-sent: if its first copy was rolled before
    /// and forgotten, it is a second row of the same key.</summary>
    public long NotCheckedForResend { get; init; }

    /// <summary>Gets the partitions that could not be written in this roll and were put in quarantine (the log folder's
    /// <c>quarantine/</c>: their records and the reason), to be tried again at every later roll.</summary>
    public long Quarantined { get; init; }

    /// <summary>Gets the partitions written in this roll out of the quarantine of earlier rolls.</summary>
    public long QuarantineWritten { get; init; }

    /// <summary>Gets the partitions still in quarantine after this roll.</summary>
    public long QuarantinePending { get; init; }

    /// <summary>Gets why each partition quarantined in this roll could not be written, one sentence each.</summary>
    public IReadOnlyList<string> QuarantineReasons { get; init; } = [];

    /// <summary>Gets the minute records whose flow came from <c>a00000-Cou</c> but whose interval is unknown (no
    /// configured <see cref="Hj212RollOptions.MinuteIntervalByMn"/> and no neighbouring record): their flow is missing.</summary>
    public long FlowIntervalsUnknown { get; init; }

    /// <summary>Gets the flows outside their outlet's <see cref="Hj212RollOptions.FlowRangeByOutlet"/>, one sentence each
    /// naming outlet, table and time; the values are written as received.</summary>
    public IReadOnlyList<string> FlowWarnings { get; init; } = [];
}
