using System.Globalization;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Monitoring.Aggregation;

/// <summary>
/// HJ 212 CEMS records at one interval, as columns: one row per outlet and minute, clock hour or day, with the values
/// of every <see cref="CemsChannel"/>, a data flag per channel and per row, and for aggregates the count of valid
/// inputs behind each value.
/// </summary>
/// <remarks>
/// <para>This is the form the aggregation and the compliance checks work on. The data contract's <c>cems_hourly</c>
/// table is the core's <see cref="CemsHourlyTable"/>, which has no ammonia flag and one valid count per row;
/// <see cref="ToCemsHourly"/> and <see cref="FromCemsHourly"/> convert between the two.</para>
/// <para>This type is immutable and thread-safe. Build one with <see cref="CemsRecordsBuilder"/>, aggregate it with
/// <see cref="CemsAggregator"/>.</para>
/// <para>Values are in the units of <see cref="CemsChannels.Unit"/> (mg/m³, %, m³/h), dry at the standard state and
/// as measured (not at a reference O₂). NaN is a missing value.</para>
/// <para>Flags (HJ 212-2017 Table 8): the row flag is the data logger's flag of the record; a channel flag, where a
/// packet carried one (<c>a21026-Flag</c>), overrides it for that channel. <see cref="ChannelFlag"/> resolves the two.</para>
/// <para>Valid counts: for an hourly row, the valid minutes behind each channel's value; for a daily row, the valid
/// hours; for a minute row, 1 when the value is valid and 0 otherwise.</para>
/// </remarks>
public sealed class CemsRecords
{
    private readonly string[] _outletIds;
    private readonly DateTime[] _starts;
    private readonly double[][] _values;
    private readonly DataFlag[][] _channelFlags;
    private readonly int[][] _validCounts;
    private readonly DataFlag[] _flags;

    internal CemsRecords(
        CemsInterval interval,
        string[] outletIds,
        DateTime[] starts,
        DataFlag[] flags,
        double[][] values,
        DataFlag[][] channelFlags,
        int[][] validCounts)
    {
        Interval = interval;
        _outletIds = outletIds;
        _starts = starts;
        _flags = flags;
        _values = values;
        _channelFlags = channelFlags;
        _validCounts = validCounts;
    }

    /// <summary>Gets the period of each row.</summary>
    public CemsInterval Interval { get; }

    /// <summary>Gets the number of rows.</summary>
    public int RowCount => _outletIds.Length;

    /// <summary>Gets the outlet of each row.</summary>
    public IReadOnlyList<string> OutletIds => _outletIds;

    /// <summary>Gets the start of each row's period, China Standard Time wall clock.</summary>
    public ReadOnlyMemory<DateTime> Starts => _starts;

    /// <summary>Gets the row flag of each row.</summary>
    public ReadOnlyMemory<DataFlag> Flags => _flags;

    /// <summary>Gets the SO₂ column.</summary>
    public QuantityColumn<MassConcentration> So2 => Concentration(CemsChannel.So2);

    /// <summary>Gets the NOx column (as NO₂).</summary>
    public QuantityColumn<MassConcentration> Nox => Concentration(CemsChannel.Nox);

    /// <summary>Gets the particulate column.</summary>
    public QuantityColumn<MassConcentration> Pm => Concentration(CemsChannel.Pm);

    /// <summary>Gets the ammonia-slip column.</summary>
    public QuantityColumn<MassConcentration> Nh3 => Concentration(CemsChannel.Nh3);

    /// <summary>Gets the O₂ column, dry.</summary>
    public QuantityColumn<VolumeConcentration> Oxygen => new(_values[(int)CemsChannel.Oxygen], VolumeConcentrationUnit.Percent);

    /// <summary>Gets the flow column, dry at the standard state.</summary>
    public QuantityColumn<VolumeFlow> Flow => new(_values[(int)CemsChannel.Flow], VolumeFlowUnit.CubicMeterPerHour);

    /// <summary>Gets the values of a channel in its unit (<see cref="CemsChannels.Unit"/>); NaN where missing.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The values, one per row.</returns>
    public ReadOnlyMemory<double> Values(CemsChannel channel) => _values[CheckChannel(channel)];

    /// <summary>Gets the channel flags as recorded: <c>0</c> (no member of <see cref="DataFlag"/>) where the record had
    /// none, so that the row flag applies.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The flags, one per row.</returns>
    public ReadOnlyMemory<DataFlag> RecordedChannelFlags(CemsChannel channel) => _channelFlags[CheckChannel(channel)];

    /// <summary>Gets the valid inputs behind each value of a channel: minutes for an hourly table, hours for a daily
    /// one, 1 or 0 for a minute table.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The counts, one per row.</returns>
    public ReadOnlyMemory<int> ValidCounts(CemsChannel channel) => _validCounts[CheckChannel(channel)];

    /// <summary>Gets the flag that applies to a channel's value in a row: the channel's own flag, or the row flag.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="row">The 0-based row index.</param>
    /// <returns>The flag.</returns>
    public DataFlag ChannelFlag(CemsChannel channel, int row)
    {
        DataFlag own = _channelFlags[CheckChannel(channel)][row];
        return own == default ? _flags[row] : own;
    }

    /// <summary>Gets whether a channel's value in a row is valid: not NaN, and its flag is one of
    /// <paramref name="validFlags"/>.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="row">The 0-based row index.</param>
    /// <param name="validFlags">The flags that make a value valid; <see cref="CemsAggregationOptions.ValidFlags"/>.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public bool IsValid(CemsChannel channel, int row, IReadOnlySet<DataFlag> validFlags)
    {
        ArgumentNullException.ThrowIfNull(validFlags);
        return !double.IsNaN(_values[(int)channel][row]) && validFlags.Contains(ChannelFlag(channel, row));
    }

    /// <summary>Converts the core's <see cref="CemsHourlyTable"/> to hourly records, with its per-value flags,
    /// ammonia and valid minutes where it has them.</summary>
    /// <param name="hourly">The hourly table.</param>
    /// <returns>Hourly records; a value's valid count is the row's <c>valid_minutes</c>, else 60 for a valid value and 0 otherwise.</returns>
    public static CemsRecords FromCemsHourly(CemsHourlyTable hourly)
    {
        ArgumentNullException.ThrowIfNull(hourly);
        var builder = new CemsRecordsBuilder(CemsInterval.Hour);
        CemsOptionalColumns optional = hourly.Optional;
        (CemsChannel Channel, double[] Values, ReadOnlyMemory<DataFlag?> Flags)[] channels =
        [
            (CemsChannel.So2, hourly.So2.ToArray(MassConcentrationUnit.MilligramPerCubicMeter), optional.So2Flags),
            (CemsChannel.Nox, hourly.Nox.ToArray(MassConcentrationUnit.MilligramPerCubicMeter), optional.NoxFlags),
            (CemsChannel.Pm, hourly.Pm.ToArray(MassConcentrationUnit.MilligramPerCubicMeter), optional.PmFlags),
            (CemsChannel.Oxygen, hourly.Oxygen.ToArray(VolumeConcentrationUnit.Percent), optional.OxygenFlags),
            (CemsChannel.Flow, hourly.Flow.ToArray(VolumeFlowUnit.CubicMeterPerHour), optional.FlowFlags),
        ];
        double[]? nh3 = optional.Nh3?.ToArray(MassConcentrationUnit.MilligramPerCubicMeter);
        ReadOnlySpan<DateTime> hours = hourly.Hours.Span;
        ReadOnlySpan<DataFlag> flags = hourly.Flags.Span;
        for (int i = 0; i < hourly.RowCount; i++)
        {
            builder.AddRow(hourly.OutletIds[i], hours[i], flags[i]);
            int? minutes = optional.ValidMinutes.IsEmpty ? null : optional.ValidMinutes.Span[i];
            foreach ((CemsChannel channel, double[] values, ReadOnlyMemory<DataFlag?> own) in channels)
            {
                DataFlag recorded = own.IsEmpty ? default : own.Span[i] ?? default;
                DataFlag applies = recorded == default ? flags[i] : recorded;
                int count = double.IsNaN(values[i]) || applies != DataFlag.N ? 0 : minutes ?? 60;
                builder.SetValue(channel, values[i], recorded, count);
            }

            if (nh3 is not null)
            {
                builder.SetValue(CemsChannel.Nh3, nh3[i], default, double.IsNaN(nh3[i]) || flags[i] != DataFlag.N ? 0 : minutes ?? 60);
            }
        }

        return builder.Build();
    }

    /// <summary>Converts hourly records to the core's <see cref="CemsHourlyTable"/>: values as they are, channel flags
    /// as the per-value flag columns, ammonia, and the flow channel's valid minutes (every mass needs the flow) as <c>valid_minutes</c>.</summary>
    /// <returns>The core table.</returns>
    /// <exception cref="InvalidOperationException">These are not hourly records.</exception>
    public CemsHourlyTable ToCemsHourly()
    {
        if (Interval != CemsInterval.Hour)
        {
            throw new InvalidOperationException($"Only an hourly table converts to cems_hourly; this one is by {Interval}.");
        }

        DataFlag?[] Own(CemsChannel channel)
        {
            ReadOnlySpan<DataFlag> recorded = _channelFlags[(int)channel];
            var own = new DataFlag?[recorded.Length];
            for (int i = 0; i < own.Length; i++)
            {
                own[i] = recorded[i] == default ? null : recorded[i];
            }

            return own;
        }

        int[] flowMinutes = _validCounts[(int)CemsChannel.Flow];
        var optional = new CemsOptionalColumns
        {
            Nh3 = new QuantityColumn<MassConcentration>((double[])_values[(int)CemsChannel.Nh3].Clone(), MassConcentrationUnit.MilligramPerCubicMeter),
            So2Flags = Own(CemsChannel.So2),
            NoxFlags = Own(CemsChannel.Nox),
            PmFlags = Own(CemsChannel.Pm),
            OxygenFlags = Own(CemsChannel.Oxygen),
            FlowFlags = Own(CemsChannel.Flow),
            ValidMinutes = flowMinutes.Select(m => (int?)Math.Min(m, 60)).ToArray(),
        };
        return new CemsHourlyTable(
            _outletIds,
            _starts,
            new QuantityColumn<MassConcentration>((double[])_values[(int)CemsChannel.So2].Clone(), MassConcentrationUnit.MilligramPerCubicMeter),
            new QuantityColumn<MassConcentration>((double[])_values[(int)CemsChannel.Nox].Clone(), MassConcentrationUnit.MilligramPerCubicMeter),
            new QuantityColumn<MassConcentration>((double[])_values[(int)CemsChannel.Pm].Clone(), MassConcentrationUnit.MilligramPerCubicMeter),
            new QuantityColumn<VolumeConcentration>((double[])_values[(int)CemsChannel.Oxygen].Clone(), VolumeConcentrationUnit.Percent),
            new QuantityColumn<VolumeFlow>((double[])_values[(int)CemsChannel.Flow].Clone(), VolumeFlowUnit.CubicMeterPerHour),
            _flags,
            optional);
    }

    /// <summary>Describes the records, such as <c>CemsRecords by Hour, 24 rows</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"CemsRecords by {Interval}, {RowCount} rows");

    internal string OutletAt(int row) => _outletIds[row];

    internal DateTime StartAt(int row) => _starts[row];

    internal DataFlag FlagAt(int row) => _flags[row];

    internal double ValueAt(CemsChannel channel, int row) => _values[(int)channel][row];

    internal int ValidCountAt(CemsChannel channel, int row) => _validCounts[(int)channel][row];

    private QuantityColumn<MassConcentration> Concentration(CemsChannel channel) =>
        new(_values[(int)channel], MassConcentrationUnit.MilligramPerCubicMeter);

    private static int CheckChannel(CemsChannel channel)
    {
        if ((uint)channel >= CemsChannels.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown CEMS channel.");
        }

        return (int)channel;
    }
}
