using Shapotou.Sdk.Analytics.Kernels;
using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Analytics.Emissions;

/// <summary>
/// The CEMS hours of a file too large to hold: filled row group by row group by <see cref="Builder"/>, it keeps one
/// summary per run (outlet and month) with the answers to the questions asked in advance
/// (<see cref="CemsQuestions"/>), so its memory grows with outlets × months, not with rows.
/// </summary>
internal sealed class StreamedCemsHours : CemsHours
{
    private readonly Dictionary<int, CemsRun[]> _runs;
    private readonly Dictionary<int, RunSummary[]> _summaries;
    private readonly MeasuredAccumulation[] _accumulations;
    private readonly ReferenceStatistics[] _references;

    private StreamedCemsHours(Builder builder)
    {
        _runs = builder.Years.ToDictionary(y => y.Key, y => y.Value.Select(r => r.Run).ToArray());
        _summaries = builder.Years.ToDictionary(y => y.Key, y => y.Value.Select(r => r.Summary).ToArray());
        _accumulations = [.. builder.Accumulations];
        _references = [.. builder.References];
        Years = builder.Years.Keys.Order().ToArray();
    }

    public override IReadOnlyList<int> Years { get; }

    public override IReadOnlyList<CemsRun> Runs(int year) => _runs.TryGetValue(year, out CemsRun[]? runs) ? runs : [];

    public override MeasuredAccumulation Accumulate(CemsRun run, Pollutant pollutant, double referenceOxygen, double limit)
    {
        RunSummary summary = Summary(run);
        return summary.Plan.Accumulations.TryGetValue((pollutant, referenceOxygen, limit), out int i) ? _accumulations[summary.FirstAccumulation + i]
            : throw Unasked($"{ContractNames.ToName(pollutant)} at reference O₂ {referenceOxygen} against {limit}");
    }

    public override ReferenceStatistics Reference(CemsRun run, Pollutant pollutant, double referenceOxygen)
    {
        RunSummary summary = Summary(run);
        return summary.Plan.References.TryGetValue((pollutant, referenceOxygen), out int i) ? _references[summary.FirstReference + i]
            : throw Unasked($"monthly {ContractNames.ToName(pollutant)} at reference O₂ {referenceOxygen}");
    }

    public override int ValidAmmoniaHours(CemsRun run) => Summary(run).Ammonia;

    private RunSummary Summary(CemsRun run) => _summaries[run.Year][run.Index];

    private static InvalidOperationException Unasked(string what) =>
        new($"The streamed CEMS hours were not asked in advance for {what}; collect the questions with CemsQuestions before streaming.");

    /// <summary>The questions asked of an outlet's runs, each with its place among a run's answers.</summary>
    internal sealed class OutletPlan
    {
        public OutletPlan(CemsQuestions questions, string outletId)
        {
            foreach (Pollutant pollutant in EmissionInventoryCalculator.Pollutants)
            {
                // The inventory's question, asked of every run: the mass, compared with nothing.
                Accumulations.TryAdd((pollutant, double.NaN, double.PositiveInfinity), Accumulations.Count);
            }

            foreach ((Pollutant pollutant, double reference, double limit) in questions.Accumulations(outletId))
            {
                Accumulations.TryAdd((pollutant, reference, limit), Accumulations.Count);
            }

            foreach ((Pollutant pollutant, double reference) in questions.References(outletId))
            {
                References.TryAdd((pollutant, reference), References.Count);
            }
        }

        public Dictionary<(Pollutant Pollutant, double ReferenceOxygen, double Limit), int> Accumulations { get; } = [];

        public Dictionary<(Pollutant Pollutant, double ReferenceOxygen), int> References { get; } = [];
    }

    /// <summary>A run's answers: its outlet's plan, and where its answers start in the flat arrays.</summary>
    internal readonly record struct RunSummary(OutletPlan Plan, int FirstAccumulation, int FirstReference, int Ammonia);

    /// <summary>Fills a <see cref="StreamedCemsHours"/> from chunks of rows in table order.</summary>
    /// <remarks>A run that continues into the next chunk is kept until it ends and then computed whole, so every answer
    /// is the one a table in memory gives. The answers of all runs lie in two flat arrays, in the order of each outlet's
    /// plan, so the memory per run is its answers and a few words.</remarks>
    internal sealed class Builder(CemsQuestions questions)
    {
        private readonly Dictionary<string, OutletPlan> _plans = new(StringComparer.Ordinal);

        private readonly CemsHourKeys _keys = new();

        // Each outlet's month: its place among the year's runs.
        private readonly Dictionary<(string Outlet, int Year, int Month), int> _months = [];
        private CemsColumns? _pending;
        private int _pendingStart;

        /// <summary>Gets the rows added so far.</summary>
        public long Rows { get; private set; }

        internal Dictionary<int, List<(CemsRun Run, RunSummary Summary)>> Years { get; } = [];

        internal List<MeasuredAccumulation> Accumulations { get; } = [];

        internal List<ReferenceStatistics> References { get; } = [];

        /// <summary>Adds the next rows of the table.</summary>
        public void Add(CemsColumns chunk)
        {
            _keys.Add(chunk, chunk.Count, Rows);
            Rows += chunk.Count;
            int from = 0;
            if (_pending is { } pending)
            {
                // The unfinished run of the rows before, joined with the rows of this chunk that continue it, and no more.
                string outlet = pending.OutletIds[_pendingStart];
                DateTime hour = pending.Hours[_pendingStart];
                while (from < chunk.Count && chunk.Continues(from, outlet, hour))
                {
                    from++;
                }

                CemsColumns run = CemsColumns.Concat(pending, _pendingStart, chunk, from);
                if (from == chunk.Count)
                {
                    (_pending, _pendingStart) = (run, 0);
                    return;
                }

                Summarise(run, 0, run.Count);
            }

            List<(int Start, int Length)> runs = chunk.Runs(from);
            for (int r = 0; r < runs.Count - 1; r++)
            {
                Summarise(chunk, runs[r].Start, runs[r].Length);
            }

            (_pending, _pendingStart) = runs.Count > 0 ? (chunk, runs[^1].Start) : (null, 0);
        }

        /// <summary>Ends the table.</summary>
        public StreamedCemsHours Complete()
        {
            if (_pending is { } pending)
            {
                Summarise(pending, _pendingStart, pending.Count - _pendingStart);
                _pending = null;
            }

            return new StreamedCemsHours(this);
        }

        private void Summarise(CemsColumns c, int start, int length)
        {
            string outlet = c.OutletIds[start];
            DateTime hour = c.Hours[start];
            if (!_plans.TryGetValue(outlet, out OutletPlan? plan))
            {
                plan = new OutletPlan(questions, outlet);
                _plans[outlet] = plan;
            }

            if (!Years.TryGetValue(hour.Year, out List<(CemsRun, RunSummary)>? runs))
            {
                runs = [];
                Years[hour.Year] = runs;
            }

            int ammonia = CemsRunArithmetic.ValidAmmonia(c, start, length);
            int stopped = CemsRunArithmetic.Stopped(c, start, length);
            if (_months.TryGetValue((outlet, hour.Year, hour.Month), out int index))
            {
                // Another stretch of a month already begun (a table ordered by time, or a folder of one file per day):
                // its answers are added to the month's, in table order, as TableCemsHours adds its stretches.
                (CemsRun run, RunSummary before) = runs[index];
                int a = before.FirstAccumulation;
                foreach ((Pollutant pollutant, double reference, double limit) in plan.Accumulations.Keys)
                {
                    Accumulations[a] = CemsRunArithmetic.Add(Accumulations[a], CemsRunArithmetic.Accumulate(c, start, length, pollutant, reference, limit));
                    a++;
                }

                int r = before.FirstReference;
                foreach ((Pollutant pollutant, double reference) in plan.References.Keys)
                {
                    References[r] = CemsRunArithmetic.Add(References[r], CemsRunArithmetic.Reference(c, start, length, pollutant, reference));
                    r++;
                }

                runs[index] = (run with { Rows = run.Rows + length, Stopped = run.Stopped + stopped }, before with { Ammonia = before.Ammonia + ammonia });
                return;
            }

            var summary = new RunSummary(plan, Accumulations.Count, References.Count, ammonia);
            foreach ((Pollutant pollutant, double reference, double limit) in plan.Accumulations.Keys)
            {
                Accumulations.Add(CemsRunArithmetic.Accumulate(c, start, length, pollutant, reference, limit));
            }

            foreach ((Pollutant pollutant, double reference) in plan.References.Keys)
            {
                References.Add(CemsRunArithmetic.Reference(c, start, length, pollutant, reference));
            }

            _months.Add((outlet, hour.Year, hour.Month), runs.Count);
            runs.Add((new CemsRun(outlet, hour.Year, hour.Month, length, stopped, runs.Count), summary));
        }
    }
}

/// <summary>
/// The questions the calculators ask of CEMS hours, per outlet, collected before a file is streamed: the calculators run
/// once over <see cref="Recorder"/>, which answers every question with a placeholder and writes the question down.
/// </summary>
/// <remarks>What the calculators ask depends on the dimension tables, the catalogue and the grading criteria, never on
/// the hours' values, so the questions of the placeholder run are those of the real one; a question not asked in
/// advance is an error of the streamed source, never a silent zero.</remarks>
internal sealed class CemsQuestions
{
    private readonly Dictionary<string, HashSet<(Pollutant, double, double)>> _accumulations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<(Pollutant, double)>> _references = new(StringComparer.Ordinal);

    public IEnumerable<(Pollutant Pollutant, double ReferenceOxygen, double Limit)> Accumulations(string outletId) =>
        _accumulations.TryGetValue(outletId, out var set) ? set : [];

    public IEnumerable<(Pollutant Pollutant, double ReferenceOxygen)> References(string outletId) =>
        _references.TryGetValue(outletId, out var set) ? set : [];

    /// <summary>Answers with placeholders and writes the questions down: every outlet has a run in every month of
    /// the years given.</summary>
    internal sealed class Recorder : CemsHours
    {
        private static readonly MeasuredAccumulation s_placeholder = new(1, 1, 0, 1);
        private readonly CemsQuestions _questions;
        private readonly Dictionary<int, CemsRun[]> _runs;

        public Recorder(CemsQuestions questions, IEnumerable<string> outletIds, IReadOnlyList<int> years)
        {
            _questions = questions;
            string[] outlets = outletIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            Years = years;
            _runs = years.ToDictionary(y => y, y => outlets.SelectMany(o => Enumerable.Range(1, 12).Select(m => (o, m)))
                .Select((r, i) => new CemsRun(r.o, y, r.m, 1, 0, i)).ToArray());
        }

        public override IReadOnlyList<int> Years { get; }

        public override IReadOnlyList<CemsRun> Runs(int year) => _runs.TryGetValue(year, out CemsRun[]? runs) ? runs : [];

        public override MeasuredAccumulation Accumulate(CemsRun run, Pollutant pollutant, double referenceOxygen, double limit)
        {
            Set(_questions._accumulations, run.OutletId).Add((pollutant, referenceOxygen, limit));
            return s_placeholder;
        }

        public override ReferenceStatistics Reference(CemsRun run, Pollutant pollutant, double referenceOxygen)
        {
            Set(_questions._references, run.OutletId).Add((pollutant, referenceOxygen));
            return new ReferenceStatistics(1, 1, 1);
        }

        public override int ValidAmmoniaHours(CemsRun run) => 1;

        private static HashSet<T> Set<T>(Dictionary<string, HashSet<T>> sets, string outletId)
        {
            if (!sets.TryGetValue(outletId, out HashSet<T>? set))
            {
                set = [];
                sets[outletId] = set;
            }

            return set;
        }
    }
}
