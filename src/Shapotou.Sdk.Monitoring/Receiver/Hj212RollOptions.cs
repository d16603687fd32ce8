using UnitsNet;

namespace Shapotou.Sdk.Monitoring.Receiver;

/// <summary>The plausible range of a stack's flue-gas flow (dry, standard state), for the roll's warnings.</summary>
/// <param name="Minimum">The lowest plausible flow.</param>
/// <param name="Maximum">The highest plausible flow.</param>
/// <remarks>This type is immutable and thread-safe. A value outside the range is a warning; it never changes the value
/// written.</remarks>
public readonly record struct FlowRange(VolumeFlow Minimum, VolumeFlow Maximum);

/// <summary>What a roll of the receiver's log needs besides the log: the outlet and minute interval of each MN, and the
/// plausible flow of each outlet.</summary>
/// <remarks>
/// <para>This type is immutable; set its properties with an object initializer or a <c>with</c> expression.</para>
/// <para>The interval of a minute record (CN 2051) divides its <c>a00000-Cou</c> (m³ in the interval) into a flow:
/// the <see cref="MinuteIntervalByMn"/> the receiver configured for the MN (HJ 212-2017 CN 1063 sets a logger's
/// <c>MinInterval</c>) wins; without one, the spacing of the logger's DataTimes is used: the smaller of the gaps to
/// the neighbouring minute records of the same outlet and day (the nearer neighbour shows the logger's spacing, a
/// lost packet lengthens only the other gap). A record with neither, alone in its partition, has an unknown flow,
/// counted in <see cref="Hj212RollResult.FlowIntervalsUnknown"/>. An hour record's (CN 2061) <c>Cou</c> is the hour's
/// volume, so its flow in m³/h is the <c>Cou</c> itself.</para>
/// </remarks>
public sealed record Hj212RollOptions
{
    /// <summary>Gets the outlet of each MN (<c>outlets.mn</c>), or <see langword="null"/> to use the MN as outlet id.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public IReadOnlyDictionary<string, string>? OutletByMn { get; init; }

    /// <summary>Gets the minute-data interval (<c>MinInterval</c>) the receiver configured for each MN; each from 1 to 60
    /// minutes, whole minutes.</summary>
    /// <value>The default value is empty: every interval comes from the spacing of DataTimes.</value>
    public IReadOnlyDictionary<string, TimeSpan> MinuteIntervalByMn { get; init; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

    /// <summary>Gets the plausible flow of each outlet (by outlet id, after the MN map); a flow outside it is listed in
    /// <see cref="Hj212RollResult.FlowWarnings"/> with outlet and time, and a flow 3 600 times inside it is named as
    /// m³/h sent where HJ 212-2017 Table B.2 specifies m³/s.</summary>
    /// <value>The default value is empty: no range is checked (the references give none).</value>
    public IReadOnlyDictionary<string, FlowRange> FlowRangeByOutlet { get; init; } = new Dictionary<string, FlowRange>(StringComparer.Ordinal);

    /// <summary>Gets how far back from an MN's newest DataTime the roller remembers the MN's packet keys (MN, CN,
    /// DataTime, PNO) from roll to roll, so that a re-sent packet rolled after its first copy is dropped as a duplicate;
    /// a packet older than that is tabled without the check and counted in
    /// <see cref="Hj212RollResult.NotCheckedForResend"/>.</summary>
    /// <value>The default value is 48 hours, the receiver's <see cref="Hj212ReceiverOptions.DuplicateWindow"/>.</value>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromHours(48);

    /// <summary>Gets the most keys remembered per MN; beyond it the MN's oldest DataTimes are forgotten first. Keys of
    /// one MN never displace another's.</summary>
    /// <value>The default value is 16 384, the receiver's <see cref="Hj212ReceiverOptions.MaxDuplicateKeysPerMn"/>.</value>
    public int MaxDuplicateKeysPerMn { get; init; } = 16_384;

    /// <summary>Gets the most MNs whose keys are remembered; packets of further MNs are tabled without the re-send
    /// check and counted in <see cref="Hj212RollResult.NotCheckedForResend"/>.</summary>
    /// <value>The default value is 1 000, the receiver's <see cref="Hj212ReceiverOptions.MaxLoggers"/>.</value>
    public int MaxRememberedLoggers { get; init; } = 1_000;

    /// <summary>Checks the options, naming the first bad entry.</summary>
    internal void Validate()
    {
        if (DuplicateWindow <= TimeSpan.Zero)
        {
            throw new ArgumentException(FormattableString.Invariant($"The duplicate window is {DuplicateWindow}; expected more than zero."), nameof(DuplicateWindow));
        }

        if (MaxDuplicateKeysPerMn < 1 || MaxRememberedLoggers < 1)
        {
            throw new ArgumentException(FormattableString.Invariant($"The key limits are {MaxDuplicateKeysPerMn} keys per MN and {MaxRememberedLoggers} MNs; expected at least 1 each."), nameof(MaxDuplicateKeysPerMn));
        }

        ArgumentNullException.ThrowIfNull(MinuteIntervalByMn);
        ArgumentNullException.ThrowIfNull(FlowRangeByOutlet);
        foreach ((string mn, TimeSpan interval) in MinuteIntervalByMn)
        {
            if (interval < TimeSpan.FromMinutes(1) || interval > TimeSpan.FromMinutes(60) || interval.Ticks % TimeSpan.TicksPerMinute != 0)
            {
                throw new ArgumentException(FormattableString.Invariant($"The minute interval of MN '{mn}' is {interval}; expected whole minutes from 1 to 60."), nameof(MinuteIntervalByMn));
            }
        }

        foreach ((string outlet, FlowRange range) in FlowRangeByOutlet)
        {
            double low = range.Minimum.CubicMetersPerHour;
            double high = range.Maximum.CubicMetersPerHour;
            if (!double.IsFinite(low) || !double.IsFinite(high) || low < 0 || high <= low)
            {
                throw new ArgumentException(FormattableString.Invariant($"The flow range of outlet '{outlet}' is {low} to {high} m³/h; expected 0 ≤ minimum < maximum, both finite."), nameof(FlowRangeByOutlet));
            }
        }
    }
}
