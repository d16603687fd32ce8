using System.Globalization;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Monitoring.Aggregation;

/// <summary>
/// CEMS records as columns: one row per outlet and minute, clock hour or day, with the values of every
/// <see cref="CemsChannel"/>, a data flag per channel and per row, and for aggregates the count of valid inputs behind
/// each value.
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe. Build one with <see cref="CemsTableBuilder"/>, aggregate it with
/// <see cref="CemsAggregator"/>.</para>
/// <para>Values are in the units of <see cref="CemsChannels.Unit"/> (mg/m³, %, m³/h), dry at the standard state and
/// as measured (not at a reference O₂). NaN is a missing value.</para>
/// <para>Flags (HJ 212-2017 Table 8): the row flag is the data logger's flag of the record; a channel flag, where a
/// packet carried one (<c>a21026-Flag</c>), overrides it for that channel. <see cref="ChannelFlag"/> resolves the two.</para>
/// <para>Valid counts: for an hourly row, the valid minutes behind each channel's value; for a daily row, the valid
/// hours; for a minute row, 1 when the value is valid and 0 otherwise.</para>
/// </remarks>
public sealed class CemsTable
{
    private readonly string[] _outletIds;
    private readonly DateTime[] _starts;
    private readonly double[][] _values;
    private readonly DataFlag[][] _channelFlags;
    private readonly int[][] _validCounts;
    private readonly DataFlag[] _flags;

    internal CemsTable(
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

    /// <summary>Converts the core's <see cref="CemsHourlyTable"/> (row flags only; no ammonia) to a table of this type.</summary>
    /// <param name="hourly">The hourly table.</param>
    /// <returns>The table, with valid counts of 60 minutes for each value whose row flag is <see cref="DataFlag.N"/>
    /// and 0 otherwise, since the core table carries no minute counts.</returns>
    public static CemsTable FromCemsHourly(CemsHourlyTable hourly)
    {
        ArgumentNullException.ThrowIfNull(hourly);
        var builder = new CemsTableBuilder(CemsInterval.Hour);
        double[] so2 = hourly.So2.ToArray(MassConcentrationUnit.MilligramPerCubicMeter);
        double[] nox = hourly.Nox.ToArray(MassConcentrationUnit.MilligramPerCubicMeter);
        double[] pm = hourly.Pm.ToArray(MassConcentrationUnit.MilligramPerCubicMeter);
        double[] o2 = hourly.Oxygen.ToArray(VolumeConcentrationUnit.Percent);
        double[] flow = hourly.Flow.ToArray(VolumeFlowUnit.CubicMeterPerHour);
        ReadOnlySpan<DateTime> hours = hourly.Hours.Span;
        ReadOnlySpan<DataFlag> flags = hourly.Flags.Span;
        for (int i = 0; i < hourly.RowCount; i++)
        {
            builder.AddRow(hourly.OutletIds[i], hours[i], flags[i]);
            int count = flags[i] == DataFlag.N ? 60 : 0;
            builder.SetValue(CemsChannel.So2, so2[i], validCount: double.IsNaN(so2[i]) ? 0 : count);
            builder.SetValue(CemsChannel.Nox, nox[i], validCount: double.IsNaN(nox[i]) ? 0 : count);
            builder.SetValue(CemsChannel.Pm, pm[i], validCount: double.IsNaN(pm[i]) ? 0 : count);
            builder.SetValue(CemsChannel.Oxygen, o2[i], validCount: double.IsNaN(o2[i]) ? 0 : count);
            builder.SetValue(CemsChannel.Flow, flow[i], validCount: double.IsNaN(flow[i]) ? 0 : count);
        }

        return builder.Build();
    }

    /// <summary>Converts an hourly table to the core's <see cref="CemsHourlyTable"/>, which has row flags only: a
    /// value whose channel flag is not <see cref="DataFlag.N"/> while the row flag is becomes NaN, so that no value
    /// the CEMS marked invalid reads as valid.</summary>
    /// <returns>The core table (SO₂, NOx, PM, O₂, flow; no ammonia, no valid counts).</returns>
    /// <exception cref="InvalidOperationException">This is not an hourly table.</exception>
    public CemsHourlyTable ToCemsHourly()
    {
        if (Interval != CemsInterval.Hour)
        {
            throw new InvalidOperationException($"Only an hourly table converts to cems_hourly; this one is by {Interval}.");
        }

        double[] Column(CemsChannel channel)
        {
            double[] values = (double[])_values[(int)channel].Clone();
            for (int i = 0; i < values.Length; i++)
            {
                if (ChannelFlag(channel, i) != _flags[i])
                {
                    values[i] = double.NaN;
                }
            }

            return values;
        }

        return new CemsHourlyTable(
            _outletIds,
            _starts,
            new QuantityColumn<MassConcentration>(Column(CemsChannel.So2), MassConcentrationUnit.MilligramPerCubicMeter),
            new QuantityColumn<MassConcentration>(Column(CemsChannel.Nox), MassConcentrationUnit.MilligramPerCubicMeter),
            new QuantityColumn<MassConcentration>(Column(CemsChannel.Pm), MassConcentrationUnit.MilligramPerCubicMeter),
            new QuantityColumn<VolumeConcentration>(Column(CemsChannel.Oxygen), VolumeConcentrationUnit.Percent),
            new QuantityColumn<VolumeFlow>(Column(CemsChannel.Flow), VolumeFlowUnit.CubicMeterPerHour),
            _flags);
    }

    /// <summary>Describes the table, such as <c>CemsTable by Hour, 24 rows</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"CemsTable by {Interval}, {RowCount} rows");

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
