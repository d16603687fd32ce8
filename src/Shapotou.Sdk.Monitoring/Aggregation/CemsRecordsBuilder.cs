using System.Globalization;
using Shapotou.Sdk.Internal;
using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Monitoring.Aggregation;

/// <summary>Builds <see cref="CemsRecords"/> row by row: <see cref="AddRow"/>, then <see cref="SetValue"/> for each
/// channel the record has.</summary>
/// <remarks>
/// <para>This type is mutable and not thread-safe; <see cref="Build"/> returns immutable records and leaves the builder
/// usable.</para>
/// <para>Every bad input throws, naming the table, column, row and value; nothing is skipped. A channel never set in a
/// row is NaN (missing).</para>
/// </remarks>
public sealed class CemsRecordsBuilder
{
    private readonly List<string> _outletIds = [];
    private readonly List<DateTime> _starts = [];
    private readonly List<DataFlag> _flags = [];
    private readonly List<double>[] _values = NewLists<double>();
    private readonly List<DataFlag>[] _channelFlags = NewLists<DataFlag>();
    private readonly List<int>[] _validCounts = NewLists<int>();

    /// <summary>Starts an empty table.</summary>
    /// <param name="interval">The period of every row.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is not a member of
    /// <see cref="CemsInterval"/>.</exception>
    public CemsRecordsBuilder(CemsInterval interval)
    {
        if (!Enum.IsDefined(interval))
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "Unknown CEMS interval.");
        }

        Interval = interval;
    }

    /// <summary>Gets the period of every row.</summary>
    public CemsInterval Interval { get; }

    /// <summary>Gets the number of rows added so far.</summary>
    public int RowCount => _outletIds.Count;

    private string TableName => Interval switch
    {
        CemsInterval.Minute => "cems_minute",
        CemsInterval.Hour => "cems_hourly",
        _ => "cems_daily",
    };

    /// <summary>Adds a row; its channels are NaN until set.</summary>
    /// <param name="outletId">The outlet.</param>
    /// <param name="start">The start of the row's minute, clock hour or day, China Standard Time wall clock: a time not
    /// marked with a zone (<see cref="DateTimeKind.Unspecified"/>).</param>
    /// <param name="flag">The row's data flag.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="outletId"/> is blank, <paramref name="start"/> is marked UTC or
    /// local or is not the start of a period, or <paramref name="flag"/> is not a member of <see cref="DataFlag"/>.</exception>
    public CemsRecordsBuilder AddRow(string outletId, DateTime start, DataFlag flag)
    {
        int row = RowCount;
        if (string.IsNullOrWhiteSpace(outletId))
        {
            throw new ArgumentException(Message(row, "outlet_id", $"'{outletId}'", "an outlet id"), nameof(outletId));
        }

        if (start.Kind != DateTimeKind.Unspecified)
        {
            ChinaWallClock.Check(start, nameof(start), string.Create(CultureInfo.InvariantCulture, $"Column '{TimeColumn}' of {TableName}, row {row},"));
        }

        long unit = Interval switch
        {
            CemsInterval.Minute => TimeSpan.TicksPerMinute,
            CemsInterval.Hour => TimeSpan.TicksPerHour,
            _ => TimeSpan.TicksPerDay,
        };
        if (start.Ticks % unit != 0)
        {
            throw new ArgumentException(
                Message(row, TimeColumn, start.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture), $"the start of a {Interval.ToString().ToLowerInvariant()}"),
                nameof(start));
        }

        if (!Enum.IsDefined(flag))
        {
            throw new ArgumentException(Message(row, "flag", ((int)flag).ToString(CultureInfo.InvariantCulture), "one of N, F, M, S, D, C, T, B"), nameof(flag));
        }

        _outletIds.Add(outletId);
        _starts.Add(start);
        _flags.Add(flag);
        for (int c = 0; c < CemsChannels.Count; c++)
        {
            _values[c].Add(double.NaN);
            _channelFlags[c].Add(default);
            _validCounts[c].Add(-1);
        }

        return this;
    }

    /// <summary>Sets a channel of the last row added.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="value">The value in the channel's unit (<see cref="CemsChannels.Unit"/>: mg/m³, % or m³/h); NaN for
    /// missing; otherwise finite and at least 0, and O₂ below 21 %.</param>
    /// <param name="channelFlag">The channel's own flag, or <c>default</c> (0) when the record has none and the row
    /// flag applies.</param>
    /// <param name="validCount">For aggregates, the valid inputs behind the value; <see langword="null"/> for a minute
    /// row, where it is derived (1 when the value is not NaN and its flag is N, else 0).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">No row has been added.</exception>
    /// <exception cref="ArgumentException">The value, flag or count is out of range; the message names the column,
    /// row and value.</exception>
    public CemsRecordsBuilder SetValue(CemsChannel channel, double value, DataFlag channelFlag = default, int? validCount = null)
    {
        int row = RowCount - 1;
        if (row < 0)
        {
            throw new InvalidOperationException("Add a row before setting its values.");
        }

        if ((uint)channel >= CemsChannels.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown CEMS channel.");
        }

        string column = CemsChannels.ColumnName(channel);
        double below = channel == CemsChannel.Oxygen ? 21 : double.PositiveInfinity;
        if (!double.IsNaN(value) && (value < 0 || value >= below))
        {
            throw new ArgumentException(
                Message(row, column, value.ToString("R", CultureInfo.InvariantCulture), below == 21 ? "NaN or a value from 0 to below 21 %" : "NaN or a finite value of at least 0"),
                nameof(value));
        }

        if (channelFlag != default && !Enum.IsDefined(channelFlag))
        {
            throw new ArgumentException(Message(row, column + "_flag", ((int)channelFlag).ToString(CultureInfo.InvariantCulture), "one of N, F, M, S, D, C, T, B, or none"), nameof(channelFlag));
        }

        if (validCount is < 0)
        {
            throw new ArgumentException(Message(row, column + " valid count", validCount.Value.ToString(CultureInfo.InvariantCulture), "a count of at least 0"), nameof(validCount));
        }

        _values[(int)channel][row] = value;
        _channelFlags[(int)channel][row] = channelFlag;
        _validCounts[(int)channel][row] = validCount ?? -1;
        return this;
    }

    /// <summary>Builds the table from the rows added so far.</summary>
    /// <returns>The table.</returns>
    public CemsRecords Build()
    {
        int rows = RowCount;
        DataFlag[] flags = [.. _flags];
        var values = new double[CemsChannels.Count][];
        var channelFlags = new DataFlag[CemsChannels.Count][];
        var counts = new int[CemsChannels.Count][];
        for (int c = 0; c < CemsChannels.Count; c++)
        {
            values[c] = [.. _values[c]];
            channelFlags[c] = [.. _channelFlags[c]];
            counts[c] = new int[rows];
            for (int i = 0; i < rows; i++)
            {
                int count = _validCounts[c][i];
                if (count < 0)
                {
                    DataFlag flag = channelFlags[c][i] == default ? flags[i] : channelFlags[c][i];
                    bool valid = !double.IsNaN(values[c][i]) && flag == DataFlag.N;
                    count = Interval == CemsInterval.Minute && valid ? 1 : 0;
                }

                counts[c][i] = count;
            }
        }

        return new CemsRecords(Interval, [.. _outletIds], [.. _starts], flags, values, channelFlags, counts);
    }

    private string TimeColumn => Interval switch
    {
        CemsInterval.Minute => "minute",
        CemsInterval.Hour => "hour",
        _ => "day",
    };

    private string Message(int row, string column, string actual, string expected) =>
        string.Create(CultureInfo.InvariantCulture, $"Column '{column}' of {TableName}, row {row}, is {actual}; expected {expected}.");

    private static List<T>[] NewLists<T>()
    {
        var lists = new List<T>[CemsChannels.Count];
        for (int i = 0; i < lists.Length; i++)
        {
            lists[i] = [];
        }

        return lists;
    }
}
