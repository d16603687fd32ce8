using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Shapotou.Sdk.Analytics.Kernels;
using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Analytics.Emissions;

/// <summary>
/// The hourly CEMS data as the calculators ask about it: the runs (an outlet's month), and per run
/// the measured mass, valid and over-limit hours, monthly reference-O₂ statistics and valid ammonia hours.
/// </summary>
/// <remarks>
/// <para>Two sources answer the same questions with the same arithmetic (<see cref="CemsRunArithmetic"/>, one kernel call
/// per whole run): <see cref="TableCemsHours"/> over a <see cref="CemsHourlyTable"/> in memory, and
/// <see cref="StreamedCemsHours"/>, filled row group by row group from a file and holding only one summary per run, so
/// the two give the same figures to the last bit.</para>
/// <para>A calculator finds the source of a dataset with <see cref="Of"/>: a streamed source attached to it with
/// <see cref="Attach"/>, otherwise the dataset's own table.</para>
/// </remarks>
internal abstract class CemsHours
{
    private static readonly ConditionalWeakTable<ClusterDataset, CemsHours> s_attached = new();
    private readonly ConcurrentDictionary<int, ILookup<string, CemsRun>> _byOutlet = new();

    /// <summary>Gets the years that have rows, in order.</summary>
    public abstract IReadOnlyList<int> Years { get; }

    /// <summary>The CEMS hours of a dataset: the source attached to it, or its own table; null when it has neither.</summary>
    public static CemsHours? Of(ClusterDataset data) =>
        s_attached.TryGetValue(data, out CemsHours? attached) ? attached
        : data.CemsHourly is { } table ? TableCemsHours.For(table)
        : null;

    /// <summary>Makes <paramref name="hours"/> the CEMS hours of <paramref name="data"/> (whose own table is null).</summary>
    public static void Attach(ClusterDataset data, CemsHours hours)
    {
        if (data.CemsHourly is not null)
        {
            throw new InvalidOperationException("The dataset holds its own CEMS table; a streamed source would contradict it.");
        }

        s_attached.AddOrUpdate(data, hours);
    }

    /// <summary>Gets the runs of a year, in the order of their first rows in the table.</summary>
    public abstract IReadOnlyList<CemsRun> Runs(int year);

    /// <summary>The kernel's accumulation of one pollutant over one run (the value's flag, else the flow's, applies).</summary>
    public abstract MeasuredAccumulation Accumulate(CemsRun run, Pollutant pollutant, double referenceOxygen, double limit);

    /// <summary>The sum, maximum and count of the valid hourly values of a run on a reference-O₂ basis (NaN: as
    /// measured); only the value's own flag applies.</summary>
    public abstract ReferenceStatistics Reference(CemsRun run, Pollutant pollutant, double referenceOxygen);

    /// <summary>The hours of a run flagged N with a finite <c>nh3</c> value.</summary>
    public abstract int ValidAmmoniaHours(CemsRun run);

    /// <summary>The accumulation of one outlet over every run of a year, in table order.</summary>
    public MeasuredAccumulation Accumulate(string outletId, int year, Pollutant pollutant, double referenceOxygen, double limit)
    {
        MeasuredAccumulation total = new(0, 0, 0, double.NaN);
        foreach (CemsRun run in RunsOf(outletId, year))
        {
            total = CemsRunArithmetic.Add(total, Accumulate(run, pollutant, referenceOxygen, limit));
        }

        return total;
    }

    /// <summary>Gets the runs of one outlet in a year, in table order (indexed once per year, so that asking about every
    /// outlet costs the runs once, not once per outlet).</summary>
    public IEnumerable<CemsRun> RunsOf(string outletId, int year) =>
        _byOutlet.GetOrAdd(year, y => Runs(y).ToLookup(r => r.OutletId, StringComparer.Ordinal))[outletId];
}

/// <summary>The rows of one outlet and one month, wherever they lie in the table: a table ordered by outlet holds each
/// month in one stretch of rows, a table ordered by time (or a folder of one file per day) in many, which are one run,
/// answered stretch by stretch and added in table order; so the runs, and the memory of a streamed source, grow with
/// outlets × months, whatever the order.</summary>
/// <param name="OutletId">The outlet.</param>
/// <param name="Year">The year.</param>
/// <param name="Month">The month, 1–12.</param>
/// <param name="Rows">The rows, over all its stretches.</param>
/// <param name="Stopped">The rows whose row flag is <see cref="DataFlag.F"/> (stopped).</param>
/// <param name="Index">The run's place among its source's runs of the year.</param>
internal readonly record struct CemsRun(string OutletId, int Year, int Month, int Rows, int Stopped, int Index);

/// <summary>The valid hourly values of a run on one basis: their sum, largest value and count.</summary>
internal readonly record struct ReferenceStatistics(double Sum, double Max, int Count);
