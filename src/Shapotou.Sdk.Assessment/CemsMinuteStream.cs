using System.Collections;
using System.Globalization;
using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Monitoring.Aggregation;
using Shapotou.Sdk.Parquet;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Assessment;

/// <summary>
/// A folder's <c>cems_minute</c> (a file or a Hive-partitioned folder), used where the folder has no <c>cems_hourly</c>:
/// read batch by batch, each outlet's minutes aggregated to clock hours by the rules of HJ 212-2017 Annex D and Annex C
/// (<see cref="CemsAggregator.ToHourly"/>: 45 valid minutes, the 75 % flag rule, the MinInterval of the rules given), and
/// the hours summarised as <c>cems_hourly</c>'s are, in the same pass.
/// </summary>
/// <remarks>
/// Only the hour an outlet's last row falls in waits for the next batch, so memory grows with outlets, not with
/// minutes. The minutes of one outlet and hour must lie together (one run in the file, or the end of one row group and
/// the start of the next), as loggers, <c>hj212 serve</c> and a table ordered by outlet or by time write them; an hour
/// met again after it ended, or a minute twice, is refused naming both places, never aggregated twice.
/// </remarks>
internal sealed class CemsMinuteStream(string path, bool partitioned, CemsAggregationOptions rules) : ICemsHourSource
{
    public string Table => ContractSchema.CemsMinute.Name;

    public async Task<(StreamedCemsHours Hours, bool Illustrative, long Rows, IReadOnlyList<string> Notes)> ReadAsync(
        CemsQuestions questions,
        IReadOnlyList<string> outletIds,
        CemsPlausibility plausibility,
        IProgress<AssessmentProgress>? progress,
        CancellationToken cancellationToken)
    {
        var builder = new StreamedCemsHours.Builder(questions);
        (bool marked, long rows, IReadOnlyList<string> notes) = await AggregateAsync(
            outletIds,
            hours =>
            {
                CemsColumns chunk = CemsColumns.From(hours.ToCemsHourly());
                builder.Add(chunk);
                plausibility.Add(chunk);
            },
            read => progress?.Report(new AssessmentProgress(AssessmentStage.Reading, Table, read)),
            cancellationToken).ConfigureAwait(false);
        return (builder.Complete(), marked, rows, notes);
    }

    /// <summary>Every hour at once, for the figures that need the whole table in memory.</summary>
    public async Task<(CemsHourlyTable? Hours, bool Illustrative, IReadOnlyList<string> Notes)> ReadAllAsync(
        IReadOnlyList<string> outletIds,
        CancellationToken cancellationToken)
    {
        var all = new CemsRecordsBuilder(CemsInterval.Hour);
        (bool marked, _, IReadOnlyList<string> notes) = await AggregateAsync(outletIds, hours => Append(all, hours), null, cancellationToken).ConfigureAwait(false);
        return (all.RowCount == 0 ? null : all.Build().ToCemsHourly(), marked, notes);
    }

    private async Task<(bool Illustrative, long Rows, IReadOnlyList<string> Notes)> AggregateAsync(
        IReadOnlyList<string> outletIds,
        Action<CemsRecords> hours,
        Action<long>? read,
        CancellationToken cancellationToken)
    {
        var minutes = new MinuteHours(outletIds, rules);
        bool marked = false;
        long rows = 0;
        IAsyncEnumerable<TableBatch> batches = partitioned
            ? HiveDataset.ReadBatchesAsync(path, ContractSchema.CemsMinute, null, cancellationToken)
            : ParquetTables.ReadBatchesAsync(path, ContractSchema.CemsMinute, cancellationToken);
        await foreach (TableBatch batch in batches.ConfigureAwait(false))
        {
            marked |= batch.Metadata.TryGetValue(ClusterDatasetParquet.IllustrativeKey, out string? value) && value == "true";
            if (minutes.Add(batch.Data) is { } closed)
            {
                hours(closed);
            }

            rows += batch.RowCount;
            read?.Invoke(rows);
        }

        if (minutes.Complete() is { } last)
        {
            hours(last);
        }

        return (marked, rows, minutes.Notes(rows));
    }

    private static void Append(CemsRecordsBuilder all, CemsRecords hours)
    {
        for (int i = 0; i < hours.RowCount; i++)
        {
            all.AddRow(hours.OutletIds[i], hours.Starts.Span[i], hours.Flags.Span[i]);
            foreach (CemsChannel channel in CemsChannels.All)
            {
                all.SetValue(channel, hours.Values(channel).Span[i], hours.RecordedChannelFlags(channel).Span[i], hours.ValidCounts(channel).Span[i]);
            }
        }
    }
}

/// <summary>The minute → hour step of <see cref="CemsMinuteStream"/>: rows checked with their file and place, each
/// outlet's last hour held for the next batch, the others aggregated.</summary>
internal sealed class MinuteHours
{
    private static readonly (CemsChannel Channel, string Column, Enum Unit)[] s_channels =
    [
        (CemsChannel.So2, "so2", MassConcentrationUnit.MilligramPerCubicMeter),
        (CemsChannel.Nox, "nox", MassConcentrationUnit.MilligramPerCubicMeter),
        (CemsChannel.Pm, "pm", MassConcentrationUnit.MilligramPerCubicMeter),
        (CemsChannel.Nh3, "nh3", MassConcentrationUnit.MilligramPerCubicMeter),
        (CemsChannel.Oxygen, "o2", VolumeConcentrationUnit.Percent),
        (CemsChannel.Flow, "flow", VolumeFlowUnit.CubicMeterPerHour),
    ];

    private readonly string[] _ids;
    private readonly Dictionary<string, int> _codes;
    private readonly CemsAggregationOptions _rules;
    private readonly Dictionary<(int Outlet, int Year), BitArray> _ended = [];
    private Rows _held = new(0);
    private int _spacing;

    public MinuteHours(IReadOnlyList<string> outletIds, CemsAggregationOptions rules)
    {
        _ids = [.. outletIds.Distinct(StringComparer.Ordinal)];
        _codes = new Dictionary<string, int>(_ids.Length, StringComparer.Ordinal);
        for (int i = 0; i < _ids.Length; i++)
        {
            _codes[_ids[i]] = i;
        }

        _rules = rules;
    }

    /// <summary>Adds a batch; returns the hours it ended, or null.</summary>
    public CemsRecords? Add(TableData t)
    {
        Rows rows = Rows.Concat(_held, Parse(t));
        int[] order = Order(rows);

        // The hour of each outlet's last row, in file order, may continue in the next batch: it waits.
        var open = new Dictionary<int, DateTime>();
        for (int i = 0; i < rows.Count; i++)
        {
            open[rows.Outlet[i]] = Hour(rows.Minute[i]);
        }

        var ended = new List<int>(rows.Count);
        var waiting = new List<int>();
        foreach (int i in order)
        {
            (Hour(rows.Minute[i]) == open[rows.Outlet[i]] ? waiting : ended).Add(i);
        }

        _held = rows.Take(waiting);
        return ended.Count == 0 ? null : Aggregate(rows, ended);
    }

    /// <summary>Ends the table: the hours still waiting.</summary>
    public CemsRecords? Complete()
    {
        Rows rows = _held;
        _held = new Rows(0);
        return rows.Count == 0 ? null : Aggregate(rows, [.. Enumerable.Range(0, rows.Count)]);
    }

    /// <summary>What the reader of the figures should know: the rules applied, and a MinInterval the data contradict.</summary>
    public IReadOnlyList<string> Notes(long rows)
    {
        var notes = new List<string>
        {
            string.Create(
                CultureInfo.InvariantCulture,
                $"The folder has no cems_hourly: its hours are derived from the {rows} rows of cems_minute by HJ 212-2017 Annex D and Annex C (an hour's value is the mean of its valid minute values when they cover at least {_rules.MinimumValidMinutes} minutes; flag N when at least {_rules.NormalShare * 100} % of its {60 / _rules.MinuteIntervalMinutes} records are normal, otherwise {(_rules.AbnormalFlag == AbnormalFlagRule.Fault ? "D" : "the most frequent other flag")}), with a MinInterval of {_rules.MinuteIntervalMinutes} min."),
        };
        if (_spacing > _rules.MinuteIntervalMinutes && 60 % _spacing == 0)
        {
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"Every row of cems_minute falls on a multiple of {_spacing} minutes, while the MinInterval applied is {_rules.MinuteIntervalMinutes} min: if the loggers send a record every {_spacing} minutes, each stands for {_spacing} minutes and the hours derived here have too few valid minutes; give the MinInterval the loggers were configured with."));
        }

        return notes;
    }

    private static DateTime Hour(DateTime minute) => new(minute.Ticks - (minute.Ticks % TimeSpan.TicksPerHour), minute.Kind);

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    private CemsRecords Aggregate(Rows rows, List<int> ended)
    {
        var minutes = new CemsRecordsBuilder(CemsInterval.Minute);
        int previous = -1;
        DateTime previousHour = default;
        foreach (int i in ended)
        {
            int outlet = rows.Outlet[i];
            DateTime hour = Hour(rows.Minute[i]);
            if (outlet != previous || hour != previousHour)
            {
                End(outlet, hour, rows, i);
                (previous, previousHour) = (outlet, hour);
            }

            minutes.AddRow(_ids[outlet], rows.Minute[i], rows.Flag[i]);
            for (int c = 0; c < s_channels.Length; c++)
            {
                minutes.SetValue(s_channels[c].Channel, rows.Values[c][i], rows.Flags[c][i]);
            }
        }

        return CemsAggregator.ToHourly(minutes.Build(), _rules);
    }

    /// <summary>Marks an outlet's hour as aggregated; refuses one aggregated before.</summary>
    private void End(int outlet, DateTime hour, Rows rows, int row)
    {
        if (!_ended.TryGetValue((outlet, hour.Year), out BitArray? year))
        {
            year = new BitArray(8784);
            _ended[(outlet, hour.Year)] = year;
        }

        int index = ((hour.DayOfYear - 1) * 24) + hour.Hour;
        if (year[index])
        {
            throw new ShapotouDataException(string.Create(
                CultureInfo.InvariantCulture,
                $"{rows.Place(row)}: outlet '{_ids[outlet]}' has a minute of the hour {hour:yyyy-MM-dd HH}:00, whose minutes ended earlier in the table; expected the minutes of an outlet and hour together (order cems_minute by outlet and time)."));
        }

        year[index] = true;
    }

    /// <summary>Rows ordered by outlet and minute; a minute twice is refused.</summary>
    private static int[] Order(Rows rows)
    {
        int[] order = [.. Enumerable.Range(0, rows.Count)];
        Array.Sort(order, (a, b) =>
        {
            int c = rows.Outlet[a].CompareTo(rows.Outlet[b]);
            if (c == 0)
            {
                c = rows.Minute[a].CompareTo(rows.Minute[b]);
            }

            return c != 0 ? c : a.CompareTo(b);
        });
        for (int k = 1; k < order.Length; k++)
        {
            int a = order[k - 1];
            int b = order[k];
            if (rows.Outlet[a] == rows.Outlet[b] && rows.Minute[a] == rows.Minute[b])
            {
                throw new ShapotouDataException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{rows.Place(b)}: outlet '{rows.Ids[rows.Outlet[b]]}' has a second row for the minute {rows.Minute[b]:yyyy-MM-dd HH:mm}, the first at {rows.Place(a)}; expected one row per outlet and minute."));
            }
        }

        return order;
    }

    /// <summary>A batch's rows, checked the way the model checks them, in the channels' units.</summary>
    private Rows Parse(TableData t)
    {
        int n = t.RowCount;
        string?[] outlets = (string?[])t.Column("outlet_id")!.Values;
        DateTime?[] minutes = (DateTime?[])t.Column("minute")!.Values;
        var rows = new Rows(n) { Ids = _ids, Batch = t };
        string Where(int i) => rows.Place(i);
        for (int i = 0; i < n; i++)
        {
            rows.Row[i] = i;
            if (outlets[i] is not { } id || !_codes.TryGetValue(id, out int code))
            {
                throw new ShapotouDataException($"{Where(i)}: column 'outlet_id' is '{outlets[i]}', which is not in table 'outlets'; expected the id of an outlet.");
            }

            DateTime minute = minutes[i]!.Value;
            if (minute.Ticks % TimeSpan.TicksPerMinute != 0 || minute.Minute % _rules.MinuteIntervalMinutes != 0)
            {
                throw new ShapotouDataException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{Where(i)}: column 'minute' is {minute:yyyy-MM-dd HH:mm:ss.fff}; expected the start of a minute on the MinInterval grid of {_rules.MinuteIntervalMinutes} min."));
            }

            _spacing = Gcd(_spacing, minute.Minute == 0 ? 60 : minute.Minute);
            rows.Outlet[i] = code;
            rows.Minute[i] = minute;
            rows.Flag[i] = Flag(t, "flag", i, Where) ?? DataFlag.N;
        }

        for (int c = 0; c < s_channels.Length; c++)
        {
            (CemsChannel channel, string column, Enum unit) = s_channels[c];
            double[] values = t.Column(column) is { } data
                ? Convert((double[])data.Values, t.UnitOf(column), unit)
                : Enumerable.Repeat(double.NaN, n).ToArray();
            double below = channel == CemsChannel.Oxygen ? 21 : double.PositiveInfinity;
            for (int i = 0; i < n; i++)
            {
                double v = values[i];
                if (!double.IsNaN(v) && (v < 0 || v >= below))
                {
                    throw new ShapotouDataException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{Where(i)}: column '{column}' is {v} {QuantityUnits.NameOf(unit)}; expected NaN (missing) or a value of at least 0{(below == 21 ? " and below 21" : " and finite")}."));
                }

                rows.Flags[c][i] = channel == CemsChannel.Nh3 ? default : Flag(t, column + "_flag", i, Where) ?? default;
            }

            rows.Values[c] = values;
        }

        return rows;
    }

    private static double[] Convert(double[] values, Enum from, Enum to)
    {
        if (from.Equals(to))
        {
            return values;
        }

        double factor = UnitConverter.Convert(1, from, to);
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = values[i] * factor;
        }

        return result;
    }

    private static DataFlag? Flag(TableData t, string column, int row, Func<int, string> where)
    {
        if (t.Text(column, row) is not { } text)
        {
            return null;
        }

        return text.Length == 1 && Enum.TryParse(text, ignoreCase: false, out DataFlag flag) && Enum.IsDefined(flag)
            ? flag
            : throw new ShapotouDataException($"{where(row)}: column '{column}' is '{text}'; expected one of {string.Join(", ", ContractNames.All<DataFlag>())}.");
    }

    /// <summary>Rows as columns: outlet code, minute, row flag, and per channel its value and own flag.</summary>
    private sealed class Rows
    {
        public Rows(int count)
        {
            Count = count;
            Outlet = new int[count];
            Minute = new DateTime[count];
            Flag = new DataFlag[count];
            Where = new string?[count];
            Row = new int[count];
            Values = new double[s_channels.Length][];
            Flags = new DataFlag[s_channels.Length][];
            for (int c = 0; c < s_channels.Length; c++)
            {
                Values[c] = new double[count];
                Flags[c] = new DataFlag[count];
            }
        }

        public int Count { get; }

        public string[] Ids { get; init; } = [];

        public int[] Outlet { get; }

        public DateTime[] Minute { get; }

        public DataFlag[] Flag { get; }

        /// <summary>Gets the batch the rows without a <see cref="Where"/> come from.</summary>
        public TableData? Batch { get; init; }

        /// <summary>Gets each row's place in <see cref="Batch"/>.</summary>
        public int[] Row { get; }

        /// <summary>Gets the file and place of a row of an earlier batch, written down when the row was held.</summary>
        public string?[] Where { get; }

        public double[][] Values { get; }

        public DataFlag[][] Flags { get; }

        /// <summary>The file and place of a row, for messages.</summary>
        public string Place(int i) => Where[i] ?? $"File '{Batch!.Source}', {Batch.Where(Row[i])}";

        public static Rows Concat(Rows a, Rows b)
        {
            if (a.Count == 0)
            {
                return b;
            }

            var rows = new Rows(a.Count + b.Count) { Ids = b.Ids, Batch = b.Batch };
            a.Outlet.CopyTo(rows.Outlet, 0);
            b.Outlet.CopyTo(rows.Outlet, a.Count);
            a.Minute.CopyTo(rows.Minute, 0);
            b.Minute.CopyTo(rows.Minute, a.Count);
            a.Flag.CopyTo(rows.Flag, 0);
            b.Flag.CopyTo(rows.Flag, a.Count);
            a.Where.CopyTo(rows.Where, 0);
            b.Where.CopyTo(rows.Where, a.Count);
            a.Row.CopyTo(rows.Row, 0);
            b.Row.CopyTo(rows.Row, a.Count);
            for (int c = 0; c < s_channels.Length; c++)
            {
                a.Values[c].CopyTo(rows.Values[c], 0);
                b.Values[c].CopyTo(rows.Values[c], a.Count);
                a.Flags[c].CopyTo(rows.Flags[c], 0);
                b.Flags[c].CopyTo(rows.Flags[c], a.Count);
            }

            return rows;
        }

        public Rows Take(List<int> indices)
        {
            var rows = new Rows(indices.Count) { Ids = Ids };
            for (int k = 0; k < indices.Count; k++)
            {
                int i = indices[k];
                rows.Outlet[k] = Outlet[i];
                rows.Minute[k] = Minute[i];
                rows.Flag[k] = Flag[i];
                rows.Where[k] = Place(i);
                for (int c = 0; c < s_channels.Length; c++)
                {
                    rows.Values[c][k] = Values[c][i];
                    rows.Flags[c][k] = Flags[c][i];
                }
            }

            return rows;
        }
    }
}
