using System.Globalization;
using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Monitoring.Aggregation;

/// <summary>
/// Minute → hour → day aggregation of CEMS records with the validity rules of HJ 212-2017 Annex D and the flag rule of
/// Annex C (see <see cref="CemsAggregationOptions"/>).
/// </summary>
/// <remarks>
/// <para>For each outlet, period and channel:</para>
/// <list type="bullet">
/// <item>an input value is <em>valid</em> when it is not NaN and its flag (the channel's own, else the row's) is one
/// of <see cref="CemsAggregationOptions.ValidFlags"/>;</item>
/// <item>one rule decides both the value and its flag, the stricter of the two the standard gives: the valid inputs
/// must cover at least <see cref="CemsAggregationOptions.MinimumValidMinutes"/> minutes (an hour) or
/// <see cref="CemsAggregationOptions.MinimumValidHours"/> hours (a day) (D2.2 (24), (25); "整点1小时内不少于45分钟的
/// 有效数据的算术平均值", S11 §12.2.1.1) <em>and</em> at least <see cref="CemsAggregationOptions.NormalShare"/> of the
/// period's input slots (60 ÷ MinInterval a hour, 24 a day; Annex C's 75 %). A day therefore needs 20 valid hours
/// (max(20, 0.75 × 24 = 18)), an hour 45 valid minutes (both rules agree). When met, the value is the arithmetic mean
/// of the valid inputs and the flag N; otherwise the value is NaN and the flag follows
/// <see cref="CemsAggregationOptions.AbnormalFlag"/>, so a flag N never stands beside a missing value. A slot with no
/// record counts as not normal: a value never received is not a normal one;</item>
/// <item>the row flag follows the same rule over the input rows' own flags, so the data logger's state is carried
/// through from minutes to days;</item>
/// <item>the valid count keeps the valid minutes (hour) or valid hours (day) behind each value.</item>
/// </list>
/// <para>A channel that no input row reports (every value NaN and no channel flag) stays NaN with count 0 and no flag
/// of its own. Only periods with at least one input row produce a row; rows come out ordered by outlet (ordinal) and
/// time. Two input rows for the same outlet and time are an error, never averaged.</para>
/// <para>Mass is not aggregated here: an hour's emission is its concentration × flow × 1 h (HJ 212-2017 D2.5 (33)),
/// see <see cref="Compliance.CumulativeEmissions"/>.</para>
/// </remarks>
public static class CemsAggregator
{
    /// <summary>Aggregates minute records to clock hours.</summary>
    /// <param name="minutes">A minute table; each row's minute a multiple of the options' MinInterval.</param>
    /// <param name="options">The rules; <see langword="null"/> for <see cref="CemsAggregationOptions.Default"/>.</param>
    /// <returns>The hourly table, with valid minutes per value.</returns>
    /// <exception cref="ArgumentException"><paramref name="minutes"/> is not a minute table.</exception>
    /// <exception cref="ShapotouDataException">Two rows for one outlet and minute, or a minute off the MinInterval
    /// grid; the message names the rows.</exception>
    public static CemsRecords ToHourly(CemsRecords minutes, CemsAggregationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        options ??= CemsAggregationOptions.Default;
        RequireInterval(minutes, CemsInterval.Minute, nameof(minutes));
        int interval = options.MinuteIntervalMinutes;
        return Aggregate(minutes, CemsInterval.Hour, 60 / interval, interval, options.MinimumValidMinutes, options);
    }

    /// <summary>Aggregates hourly records to days (China Standard Time calendar days).</summary>
    /// <param name="hours">An hourly table, such as the result of <see cref="ToHourly"/>.</param>
    /// <param name="options">The rules; <see langword="null"/> for <see cref="CemsAggregationOptions.Default"/>.</param>
    /// <returns>The daily table, with valid hours per value.</returns>
    /// <exception cref="ArgumentException"><paramref name="hours"/> is not an hourly table.</exception>
    /// <exception cref="ShapotouDataException">Two rows for one outlet and hour; the message names the rows.</exception>
    public static CemsRecords ToDaily(CemsRecords hours, CemsAggregationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(hours);
        options ??= CemsAggregationOptions.Default;
        RequireInterval(hours, CemsInterval.Hour, nameof(hours));
        return Aggregate(hours, CemsInterval.Day, 24, 1, options.MinimumValidHours, options);
    }

    private static CemsRecords Aggregate(CemsRecords input, CemsInterval target, int slots, int slotWeight, int minimumValid, CemsAggregationOptions options)
    {
        int[] order = Order(input, options);
        var builder = new CemsRecordsBuilder(target);
        IReadOnlySet<DataFlag> validFlags = options.ValidFlags;
        Span<int> flagCounts = stackalloc int[9];
        int start = 0;
        while (start < order.Length)
        {
            string outlet = input.OutletAt(order[start]);
            DateTime period = Floor(input.StartAt(order[start]), target);
            int end = start + 1;
            while (end < order.Length
                   && string.Equals(input.OutletAt(order[end]), outlet, StringComparison.Ordinal)
                   && Floor(input.StartAt(order[end]), target) == period)
            {
                end++;
            }

            ReadOnlySpan<int> group = order.AsSpan(start, end - start);

            // The stricter of Annex C's share of slots and D2.2's minimum, in slots: the one rule of value and flag.
            double required = Math.Max(options.NormalShare * slots, (double)minimumValid / slotWeight);

            // Row flag: the 75 % rule over the input rows' own flags.
            int normalRows = 0;
            flagCounts.Clear();
            foreach (int row in group)
            {
                DataFlag flag = input.FlagAt(row);
                if (validFlags.Contains(flag))
                {
                    normalRows++;
                }
                else
                {
                    flagCounts[(int)flag]++;
                }
            }

            flagCounts[(int)DataFlag.B] += slots - group.Length;
            builder.AddRow(outlet, period, Flag(normalRows, required, flagCounts, options));

            foreach (CemsChannel channel in CemsChannels.All)
            {
                int valid = 0;
                double sum = 0;
                bool reported = false;
                flagCounts.Clear();
                foreach (int row in group)
                {
                    double value = input.ValueAt(channel, row);
                    DataFlag flag = input.ChannelFlag(channel, row);
                    reported |= !double.IsNaN(value) || input.RecordedChannelFlags(channel).Span[row] != default;
                    if (!double.IsNaN(value) && validFlags.Contains(flag))
                    {
                        valid++;
                        sum += value;
                    }
                    else
                    {
                        // A value missing under a normal flag was not received: count it as B.
                        flagCounts[(int)(validFlags.Contains(flag) ? DataFlag.B : flag)]++;
                    }
                }

                if (!reported)
                {
                    continue;
                }

                flagCounts[(int)DataFlag.B] += slots - group.Length;
                int validUnits = valid * slotWeight;
                double mean = valid >= required ? sum / valid : double.NaN;
                builder.SetValue(channel, mean, Flag(valid, required, flagCounts, options), validUnits);
            }

            start = end;
        }

        return builder.Build();
    }

    private static DataFlag Flag(int normal, double required, ReadOnlySpan<int> abnormalCounts, CemsAggregationOptions options)
    {
        if (normal >= required)
        {
            return DataFlag.N;
        }

        if (options.AbnormalFlag == AbnormalFlagRule.Fault)
        {
            return DataFlag.D;
        }

        DataFlag best = DataFlag.B;
        int bestCount = -1;
        for (int f = (int)DataFlag.N; f <= (int)DataFlag.B; f++)
        {
            if (abnormalCounts[f] > bestCount)
            {
                best = (DataFlag)f;
                bestCount = abnormalCounts[f];
            }
        }

        return best;
    }

    private static int[] Order(CemsRecords input, CemsAggregationOptions options)
    {
        int[] order = new int[input.RowCount];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            int c = string.CompareOrdinal(input.OutletAt(a), input.OutletAt(b));
            if (c == 0)
            {
                c = input.StartAt(a).CompareTo(input.StartAt(b));
            }

            return c != 0 ? c : a.CompareTo(b);
        });

        string table = input.Interval == CemsInterval.Minute ? "cems_minute" : "cems_hourly";
        string unit = input.Interval == CemsInterval.Minute ? "minute" : "hour";
        for (int i = 0; i < order.Length; i++)
        {
            int row = order[i];
            if (i > 0 && input.StartAt(order[i - 1]) == input.StartAt(row)
                && string.Equals(input.OutletAt(order[i - 1]), input.OutletAt(row), StringComparison.Ordinal))
            {
                throw new ShapotouDataException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Table '{table}' has rows {order[i - 1]} and {row} for outlet '{input.OutletAt(row)}' at {input.StartAt(row):yyyy-MM-dd HH:mm}; expected one row per outlet and {unit}."));
            }

            if (input.Interval == CemsInterval.Minute && input.StartAt(row).Minute % options.MinuteIntervalMinutes != 0)
            {
                throw new ShapotouDataException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Column 'minute' of table 'cems_minute', row {row}, is {input.StartAt(row):yyyy-MM-dd HH:mm}; expected a minute that is a multiple of the MinInterval of {options.MinuteIntervalMinutes} min."));
            }
        }

        return order;
    }

    private static DateTime Floor(DateTime time, CemsInterval interval) => interval == CemsInterval.Hour
        ? new DateTime(time.Ticks - (time.Ticks % TimeSpan.TicksPerHour), time.Kind)
        : time.Date;

    private static void RequireInterval(CemsRecords table, CemsInterval expected, string paramName)
    {
        if (table.Interval != expected)
        {
            throw new ArgumentException($"Expected a table by {expected}; this one is by {table.Interval}.", paramName);
        }
    }
}
