using Shapotou.Sdk.Analytics.Kernels;
using Shapotou.Sdk.Model;
using UnitsNet.Units;

namespace Shapotou.Sdk.Analytics.Emissions;

/// <summary>
/// The hourly columns of one pollutant ready for the kernel — values in mg/m³, m³/h and %, with the flag that applies
/// to the value and the flow combined — and the runs of rows that belong to one outlet and month.
/// </summary>
internal sealed class CemsScan
{
    private readonly double[] _concentration;
    private readonly double[] _flow;
    private readonly double[] _oxygen;
    private readonly DataFlag[] _flags;
    private readonly ReadOnlyMemory<DataFlag> _rowFlags;

    private CemsScan(double[] concentration, double[] flow, double[] oxygen, DataFlag[] flags, ReadOnlyMemory<DataFlag> rowFlags, IReadOnlyList<Run> runs)
    {
        _concentration = concentration;
        _flow = flow;
        _oxygen = oxygen;
        _flags = flags;
        _rowFlags = rowFlags;
        Runs = runs;
    }

    /// <summary>Gets the runs of rows of the year, each one outlet and one month, in table order.</summary>
    public IReadOnlyList<Run> Runs { get; }

    /// <summary>Prepares a pollutant's columns, and the runs of the year.</summary>
    public static CemsScan Of(CemsHourlyTable cems, Pollutant pollutant, int year, IReadOnlyList<Run>? runs = null)
    {
        double[] concentration = cems.Concentration(pollutant).ToArray(MassConcentrationUnit.MilligramPerCubicMeter);
        double[] flow = cems.Flow.ToArray(VolumeFlowUnit.CubicMeterPerHour);
        double[] oxygen = cems.Oxygen.ToArray(VolumeConcentrationUnit.Percent);
        ReadOnlySpan<DataFlag> value = cems.EffectiveFlags(ToValue(pollutant)).Span;
        ReadOnlySpan<DataFlag> flowFlags = cems.EffectiveFlags(CemsValue.Flow).Span;
        var flags = new DataFlag[cems.RowCount];
        for (int i = 0; i < flags.Length; i++)
        {
            flags[i] = value[i] != DataFlag.N ? value[i] : flowFlags[i];
        }

        return new CemsScan(concentration, flow, oxygen, flags, cems.Flags, runs ?? RunsOf(cems, year));
    }

    /// <summary>Finds the runs of rows of a year that share an outlet and a month.</summary>
    public static IReadOnlyList<Run> RunsOf(CemsHourlyTable cems, int year)
    {
        var runs = new List<Run>();
        ReadOnlySpan<DateTime> hours = cems.Hours.Span;
        int start = 0;
        while (start < cems.RowCount)
        {
            string outlet = cems.OutletIds[start];
            int month = hours[start].Month;
            int runYear = hours[start].Year;
            int end = start + 1;
            while (end < cems.RowCount && hours[end].Year == runYear && hours[end].Month == month && string.Equals(cems.OutletIds[end], outlet, StringComparison.Ordinal))
            {
                end++;
            }

            if (runYear == year)
            {
                runs.Add(new Run(outlet, month, start, end - start));
            }

            start = end;
        }

        return runs;
    }

    /// <summary>Runs the kernel over one run.</summary>
    public MeasuredAccumulation Accumulate(Run run, double referenceOxygen, double limit) =>
        EmissionKernels.Accumulate(
            _concentration.AsSpan(run.Start, run.Length),
            _flow.AsSpan(run.Start, run.Length),
            _oxygen.AsSpan(run.Start, run.Length),
            _flags.AsSpan(run.Start, run.Length),
            referenceOxygen,
            limit);

    /// <summary>Runs the kernel over every run of one outlet and adds the results up.</summary>
    public MeasuredAccumulation Accumulate(string outletId, double referenceOxygen, double limit)
    {
        MeasuredAccumulation total = new(0, 0, 0, double.NaN);
        foreach (Run run in Runs)
        {
            if (string.Equals(run.OutletId, outletId, StringComparison.Ordinal))
            {
                total = Add(total, Accumulate(run, referenceOxygen, limit));
            }
        }

        return total;
    }

    /// <summary>Counts the rows of a run flagged <c>F</c> (stopped) in the row flag.</summary>
    public int Stopped(Run run)
    {
        int stopped = 0;
        foreach (DataFlag flag in _rowFlags.Span.Slice(run.Start, run.Length))
        {
            stopped += flag == DataFlag.F ? 1 : 0;
        }

        return stopped;
    }

    public static MeasuredAccumulation Add(MeasuredAccumulation a, MeasuredAccumulation b) => new(
        a.ProductSum + b.ProductSum,
        a.ValidHours + b.ValidHours,
        a.OverLimitHours + b.OverLimitHours,
        double.IsNaN(a.MaxReferenceConcentration) ? b.MaxReferenceConcentration
            : double.IsNaN(b.MaxReferenceConcentration) ? a.MaxReferenceConcentration
            : Math.Max(a.MaxReferenceConcentration, b.MaxReferenceConcentration));

    public static CemsValue ToValue(Pollutant pollutant) => pollutant switch
    {
        Pollutant.Pm => CemsValue.Pm,
        Pollutant.So2 => CemsValue.So2,
        Pollutant.Nox => CemsValue.Nox,
        _ => throw new ArgumentOutOfRangeException(nameof(pollutant), pollutant, "CEMS concentrations are pm, so2 and nox."),
    };

    /// <summary>Rows <c>Start .. Start + Length</c> of the table: one outlet, one month.</summary>
    internal readonly record struct Run(string OutletId, int Month, int Start, int Length);
}
