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
    private readonly Dictionary<int, (CemsRun[] Runs, int[] Starts)> _years = [];
    private readonly List<(int Start, int Length)> _runs;

    private TableCemsHours(CemsHourlyTable table)
    {
        _columns = CemsColumns.From(table);
        _runs = _columns.Runs();
        Years = _runs.Select(r => _columns.Hours[r.Start].Year).Distinct().Order().ToArray();
    }

    public override IReadOnlyList<int> Years { get; }

    /// <summary>Gets the table's columns, converted once, in table order.</summary>
    internal CemsColumns Columns => _columns;

    /// <summary>The source of a table, made once per table.</summary>
    public static TableCemsHours For(CemsHourlyTable table) => s_tables.GetValue(table, t => new TableCemsHours(t));

    public override IReadOnlyList<CemsRun> Runs(int year) => Year(year).Runs;

    public override MeasuredAccumulation Accumulate(CemsRun run, Pollutant pollutant, double referenceOxygen, double limit) =>
        CemsRunArithmetic.Accumulate(_columns, Start(run), run.Rows, pollutant, referenceOxygen, limit);

    public override ReferenceStatistics Reference(CemsRun run, Pollutant pollutant, double referenceOxygen) =>
        CemsRunArithmetic.Reference(_columns, Start(run), run.Rows, pollutant, referenceOxygen);

    public override int ValidAmmoniaHours(CemsRun run) => CemsRunArithmetic.ValidAmmonia(_columns, Start(run), run.Rows);

    private int Start(CemsRun run) => Year(run.Year).Starts[run.Index];

    private (CemsRun[] Runs, int[] Starts) Year(int year)
    {
        lock (_years)
        {
            if (!_years.TryGetValue(year, out (CemsRun[], int[]) found))
            {
                var runs = new List<CemsRun>();
                var starts = new List<int>();
                foreach ((int start, int length) in _runs)
                {
                    DateTime hour = _columns.Hours[start];
                    if (hour.Year == year)
                    {
                        runs.Add(new CemsRun(_columns.OutletIds[start], year, hour.Month, length, CemsRunArithmetic.Stopped(_columns, start, length), runs.Count));
                        starts.Add(start);
                    }
                }

                found = (runs.ToArray(), starts.ToArray());
                _years[year] = found;
            }

            return found;
        }
    }
}
