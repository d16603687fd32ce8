using Shapotou.Sdk.Analytics.Kernels;
using Shapotou.Sdk.Model;
using UnitsNet.Units;

namespace Shapotou.Sdk.Analytics.Emissions;

/// <summary>
/// Hourly CEMS rows in the kernels' units — concentrations in mg/m³, flow in m³/h, O₂ in % — with the flags that apply
/// to each pollutant: the value's flag, else the flow's (for mass and limits), and the value's own (for tax means).
/// </summary>
/// <remarks>Rows of a whole table, or of one row group with the unfinished run of the one before. The arrays may be
/// longer than <see cref="Count"/> (buffers reused from row group to row group); only the first <see cref="Count"/>
/// places are rows.</remarks>
internal sealed class CemsColumns
{
    private CemsColumns(
        int count,
        string[] outletIds,
        DateTime[] hours,
        double[][] concentration,
        DataFlag[][] combined,
        DataFlag[][] value,
        double[] flow,
        double[] oxygen,
        DataFlag[] row,
        double[]? ammonia)
    {
        Count = count;
        OutletIds = outletIds;
        Hours = hours;
        Concentration = concentration;
        Combined = combined;
        Value = value;
        Flow = flow;
        Oxygen = oxygen;
        Row = row;
        Ammonia = ammonia;
    }

    public int Count { get; }

    public string[] OutletIds { get; }

    public DateTime[] Hours { get; }

    /// <summary>Gets the concentrations per pollutant (<see cref="PollutantIndex"/>).</summary>
    public double[][] Concentration { get; }

    /// <summary>Gets, per pollutant, the value's flag where it is not N, else the flow's.</summary>
    public DataFlag[][] Combined { get; }

    /// <summary>Gets, per pollutant, the value's own flag (or the row's).</summary>
    public DataFlag[][] Value { get; }

    public double[] Flow { get; }

    public double[] Oxygen { get; }

    public DataFlag[] Row { get; }

    /// <summary>Gets the ammonia concentrations, or null where the rows have no <c>nh3</c> column.</summary>
    public double[]? Ammonia { get; }

    /// <summary>The index of pm, so2 and nox in the per-pollutant arrays.</summary>
    public static int PollutantIndex(Pollutant pollutant) => pollutant switch
    {
        Pollutant.Pm => 0,
        Pollutant.So2 => 1,
        Pollutant.Nox => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(pollutant), pollutant, "CEMS concentrations are pm, so2 and nox."),
    };

    /// <summary>The columns of a table, converted once.</summary>
    public static CemsColumns From(CemsHourlyTable table) => Create(
        table.RowCount,
        [.. table.OutletIds],
        table.Hours.ToArray(),
        table.Pm.ToArray(MassConcentrationUnit.MilligramPerCubicMeter),
        table.So2.ToArray(MassConcentrationUnit.MilligramPerCubicMeter),
        table.Nox.ToArray(MassConcentrationUnit.MilligramPerCubicMeter),
        table.EffectiveFlags(CemsValue.Pm).ToArray(),
        table.EffectiveFlags(CemsValue.So2).ToArray(),
        table.EffectiveFlags(CemsValue.Nox).ToArray(),
        table.Flow.ToArray(VolumeFlowUnit.CubicMeterPerHour),
        table.EffectiveFlags(CemsValue.Flow).ToArray(),
        table.Oxygen.ToArray(VolumeConcentrationUnit.Percent),
        table.Flags.ToArray(),
        table.Optional.Nh3?.ToArray(MassConcentrationUnit.MilligramPerCubicMeter));

    /// <summary>Columns already in the kernels' units (mg/m³, m³/h, %), with each value's flag resolved (its own, else
    /// the row's); the arrays are kept, not copied, and their first <c>count</c> places are the rows. <c>combined</c>
    /// receives the flags that apply to pm, so2 and nox mass (the value's, else the flow's); null allocates it.</summary>
    public static CemsColumns Create(
        int count,
        string[] outletIds,
        DateTime[] hours,
        double[] pm,
        double[] so2,
        double[] nox,
        DataFlag[] pmFlags,
        DataFlag[] so2Flags,
        DataFlag[] noxFlags,
        double[] flow,
        DataFlag[] flowFlags,
        double[] oxygen,
        DataFlag[] rowFlags,
        double[]? ammonia,
        DataFlag[][]? combined = null)
    {
        double[][] concentration = [pm, so2, nox];
        DataFlag[][] value = [pmFlags, so2Flags, noxFlags];
        combined ??= [new DataFlag[count], new DataFlag[count], new DataFlag[count]];
        for (int p = 0; p < 3; p++)
        {
            for (int i = 0; i < count; i++)
            {
                combined[p][i] = value[p][i] != DataFlag.N ? value[p][i] : flowFlags[i];
            }
        }

        return new CemsColumns(count, outletIds, hours, concentration, combined, value, flow, oxygen, rowFlags, ammonia);
    }

    /// <summary>Rows <paramref name="start"/> to the end of <paramref name="first"/>, then the first
    /// <paramref name="length"/> rows of <paramref name="second"/>.</summary>
    public static CemsColumns Concat(CemsColumns first, int start, CemsColumns second, int length)
    {
        int head = first.Count - start;
        T[] Join<T>(T[] a, T[] b)
        {
            var joined = new T[head + length];
            Array.Copy(a, start, joined, 0, head);
            Array.Copy(b, 0, joined, head, length);
            return joined;
        }

        double[][] concentration = new double[3][];
        DataFlag[][] combined = new DataFlag[3][];
        DataFlag[][] value = new DataFlag[3][];
        for (int p = 0; p < 3; p++)
        {
            concentration[p] = Join(first.Concentration[p], second.Concentration[p]);
            combined[p] = Join(first.Combined[p], second.Combined[p]);
            value[p] = Join(first.Value[p], second.Value[p]);
        }

        return new CemsColumns(
            head + length,
            Join(first.OutletIds, second.OutletIds),
            Join(first.Hours, second.Hours),
            concentration,
            combined,
            value,
            Join(first.Flow, second.Flow),
            Join(first.Oxygen, second.Oxygen),
            Join(first.Row, second.Row),
            first.Ammonia is null && second.Ammonia is null ? null : Join(first.Ammonia ?? Filled(first.Count), second.Ammonia ?? Filled(second.Count)));
    }

    /// <summary>Whether row <paramref name="row"/> continues the run of <paramref name="outletId"/> in the month of <paramref name="hour"/>.</summary>
    public bool Continues(int row, string outletId, DateTime hour) =>
        Hours[row].Year == hour.Year && Hours[row].Month == hour.Month && string.Equals(OutletIds[row], outletId, StringComparison.Ordinal);

    /// <summary>Finds the runs of rows that share an outlet, a year and a month, from row <paramref name="from"/> on.</summary>
    /// <returns>(start, length) of each run, in order.</returns>
    public List<(int Start, int Length)> Runs(int from = 0)
    {
        var runs = new List<(int, int)>();
        int start = from;
        while (start < Count)
        {
            int end = start + 1;
            while (end < Count && Continues(end, OutletIds[start], Hours[start]))
            {
                end++;
            }

            runs.Add((start, end - start));
            start = end;
        }

        return runs;
    }

    private static double[] Filled(int count)
    {
        var values = new double[count];
        Array.Fill(values, double.NaN);
        return values;
    }
}

/// <summary>What the calculators compute over one whole run of <see cref="CemsColumns"/>: the same code for a table in
/// memory and for a file streamed row group by row group.</summary>
internal static class CemsRunArithmetic
{
    public static MeasuredAccumulation Accumulate(CemsColumns c, int start, int length, Pollutant pollutant, double referenceOxygen, double limit)
    {
        int p = CemsColumns.PollutantIndex(pollutant);
        return EmissionKernels.Accumulate(
            c.Concentration[p].AsSpan(start, length),
            c.Flow.AsSpan(start, length),
            c.Oxygen.AsSpan(start, length),
            c.Combined[p].AsSpan(start, length),
            referenceOxygen,
            limit);
    }

    /// <summary>Rows flagged F (stopped) in the row flag.</summary>
    public static int Stopped(CemsColumns c, int start, int length)
    {
        int stopped = 0;
        foreach (DataFlag flag in c.Row.AsSpan(start, length))
        {
            stopped += flag == DataFlag.F ? 1 : 0;
        }

        return stopped;
    }

    /// <summary>The valid values of a run on a basis, in row order; only the value's own flag applies.</summary>
    public static ReferenceStatistics Reference(CemsColumns c, int start, int length, Pollutant pollutant, double referenceOxygen)
    {
        int p = CemsColumns.PollutantIndex(pollutant);
        double[] values = c.Concentration[p];
        DataFlag[] flags = c.Value[p];
        double sum = 0;
        double max = double.NegativeInfinity;
        int n = 0;
        for (int i = start; i < start + length; i++)
        {
            double value = double.IsNaN(referenceOxygen) ? values[i] : values[i] * (21 - referenceOxygen) / (21 - c.Oxygen[i]);
            if (flags[i] != DataFlag.N || !double.IsFinite(value))
            {
                continue;
            }

            sum += value;
            max = Math.Max(max, value);
            n++;
        }

        return new ReferenceStatistics(sum, max, n);
    }

    /// <summary>Rows flagged N in the row flag with a finite ammonia value.</summary>
    public static int ValidAmmonia(CemsColumns c, int start, int length)
    {
        if (c.Ammonia is not { } nh3)
        {
            return 0;
        }

        int hours = 0;
        for (int i = start; i < start + length; i++)
        {
            hours += c.Row[i] == DataFlag.N && double.IsFinite(nh3[i]) ? 1 : 0;
        }

        return hours;
    }

    /// <summary>The statistics of two stretches of a month, the earlier first: sums added, the larger maximum, counts
    /// added (a stretch without a valid value adds 0, −∞ and 0, so it changes nothing).</summary>
    public static ReferenceStatistics Add(ReferenceStatistics a, ReferenceStatistics b) => new(a.Sum + b.Sum, Math.Max(a.Max, b.Max), a.Count + b.Count);

    /// <summary>The accumulations of two stretches, the earlier first.</summary>
    public static MeasuredAccumulation Add(MeasuredAccumulation a, MeasuredAccumulation b) => new(
        a.ProductSum + b.ProductSum,
        a.ValidHours + b.ValidHours,
        a.OverLimitHours + b.OverLimitHours,
        double.IsNaN(a.MaxReferenceConcentration) ? b.MaxReferenceConcentration
            : double.IsNaN(b.MaxReferenceConcentration) ? a.MaxReferenceConcentration
            : Math.Max(a.MaxReferenceConcentration, b.MaxReferenceConcentration));
}
