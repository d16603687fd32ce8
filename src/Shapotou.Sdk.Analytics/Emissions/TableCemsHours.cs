using System.Runtime.CompilerServices;
using Shapotou.Sdk.Analytics.Kernels;
using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Analytics.Emissions;

/// <summary>The CEMS hours of a table in memory: columns converted once per table and shared by every calculator,
/// each question answered by one kernel pass over the run.</summary>
/// <remarks>The converted columns (about 70 bytes a row) live as long as the table does; a table too large to hold twice
/// is streamed instead (<see cref="StreamedCemsHours"/>).</remarks>
internal sealed class TableCemsHours : CemsHours
{
    private static readonly ConditionalWeakTable<CemsHourlyTable, TableCemsHours> s_tables = new();

    private readonly CemsColumns _columns;
    private readonly Dictionary<int, (CemsRun[] Runs, (int Start, int Length)[][] Stretches)> _years = [];
    private readonly List<(int Start, int Length)> _runs;

    private TableCemsHours(CemsHourlyTable table)
    {
        _columns = CemsColumns.From(table);
        new CemsHourKeys().Add(_columns, _columns.Count, 0);
        _runs = _columns.Runs();
        Years = _runs.Select(r => _columns.Hours[r.Start].Year).Distinct().Order().ToArray();
    }

    public override IReadOnlyList<int> Years { get; }

    /// <summary>Gets the table's columns, converted once, in table order.</summary>
    internal CemsColumns Columns => _columns;

    /// <summary>The source of a table, made once per table.</summary>
    public static TableCemsHours For(CemsHourlyTable table) => s_tables.GetValue(table, t => new TableCemsHours(t));

    public override IReadOnlyList<CemsRun> Runs(int year) => Year(year).Runs;

    // A run is an outlet's month; the stretches it lies in are answered one by one and added in table order, as
    // StreamedCemsHours adds them while it reads.
    public override MeasuredAccumulation Accumulate(CemsRun run, Pollutant pollutant, double referenceOxygen, double limit)
    {
        (int Start, int Length)[] stretches = Stretches(run);
        MeasuredAccumulation total = CemsRunArithmetic.Accumulate(_columns, stretches[0].Start, stretches[0].Length, pollutant, referenceOxygen, limit);
        for (int s = 1; s < stretches.Length; s++)
        {
            total = CemsRunArithmetic.Add(total, CemsRunArithmetic.Accumulate(_columns, stretches[s].Start, stretches[s].Length, pollutant, referenceOxygen, limit));
        }

        return total;
    }

    public override ReferenceStatistics Reference(CemsRun run, Pollutant pollutant, double referenceOxygen)
    {
        (int Start, int Length)[] stretches = Stretches(run);
        ReferenceStatistics total = CemsRunArithmetic.Reference(_columns, stretches[0].Start, stretches[0].Length, pollutant, referenceOxygen);
        for (int s = 1; s < stretches.Length; s++)
        {
            total = CemsRunArithmetic.Add(total, CemsRunArithmetic.Reference(_columns, stretches[s].Start, stretches[s].Length, pollutant, referenceOxygen));
        }

        return total;
    }

    public override int ValidAmmoniaHours(CemsRun run)
    {
        int hours = 0;
        foreach ((int start, int length) in Stretches(run))
        {
            hours += CemsRunArithmetic.ValidAmmonia(_columns, start, length);
        }

        return hours;
    }

    private (int Start, int Length)[] Stretches(CemsRun run) => Year(run.Year).Stretches[run.Index];

    private (CemsRun[] Runs, (int Start, int Length)[][] Stretches) Year(int year)
    {
        lock (_years)
        {
            if (!_years.TryGetValue(year, out (CemsRun[], (int, int)[][]) found))
            {
                var runs = new List<CemsRun>();
                var stretches = new List<List<(int, int)>>();
                var months = new Dictionary<(string, int), int>();
                foreach ((int start, int length) in _runs)
                {
                    DateTime hour = _columns.Hours[start];
                    if (hour.Year != year)
                    {
                        continue;
                    }

                    string outlet = _columns.OutletIds[start];
                    int stopped = CemsRunArithmetic.Stopped(_columns, start, length);
                    if (months.TryGetValue((outlet, hour.Month), out int index))
                    {
                        CemsRun run = runs[index];
                        runs[index] = run with { Rows = run.Rows + length, Stopped = run.Stopped + stopped };
                        stretches[index].Add((start, length));
                        continue;
                    }

                    months.Add((outlet, hour.Month), runs.Count);
                    runs.Add(new CemsRun(outlet, year, hour.Month, length, stopped, runs.Count));
                    stretches.Add([(start, length)]);
                }

                found = (runs.ToArray(), stretches.Select(s => s.ToArray()).ToArray());
                _years[year] = found;
            }

            return found;
        }
    }
}
