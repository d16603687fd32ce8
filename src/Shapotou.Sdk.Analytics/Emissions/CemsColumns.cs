using Shapotou.Sdk.Analytics.Kernels;
using Shapotou.Sdk.Model;
using UnitsNet.Units;

namespace Shapotou.Sdk.Analytics.Emissions;

/// <summary>
/// Hourly CEMS rows in the kernels' units — concentrations in mg/m³, flow in m³/h, O₂ in % — with the flags that apply
/// to each pollutant: the value's flag, else the flow's (for mass and limits), and the value's own (for tax means).
/// </summary>
/// <remarks>Rows of a whole table, or of one row group with the unfinished run of the one before.</remarks>
internal sealed class CemsColumns
{
    private CemsColumns(int count)
    {
        Count = count;
        OutletIds = new string[count];
        Hours = new DateTime[count];
        Concentration = [new double[count], new double[count], new double[count]];
        Combined = [new DataFlag[count], new DataFlag[count], new DataFlag[count]];
        Value = [new DataFlag[count], new DataFlag[count], new DataFlag[count]];
        Flow = new double[count];
        Oxygen = new double[count];
        Row = new DataFlag[count];
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
    public double[]? Ammonia { get; private set; }

    /// <summary>The index of pm, so2 and nox in the per-pollutant arrays.</summary>
    public static int PollutantIndex(Pollutant pollutant) => pollutant switch
    {
        Pollutant.Pm => 0,
        Pollutant.So2 => 1,
        Pollutant.Nox => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(pollutant), pollutant, "CEMS concentrations are pm, so2 and nox."),
    };

    /// <summary>The columns of a table, converted once.</summary>
    public static CemsColumns From(CemsHourlyTable table)
    {
        var columns = new CemsColumns(table.RowCount);
        for (int i = 0; i < table.RowCount; i++)
        {
            columns.OutletIds[i] = table.OutletIds[i];
        }

        table.Hours.Span.CopyTo(columns.Hours);
        table.Flow.ToArray(VolumeFlowUnit.CubicMeterPerHour).CopyTo(columns.Flow, 0);
        table.Oxygen.ToArray(VolumeConcentrationUnit.Percent).CopyTo(columns.Oxygen, 0);
        table.Flags.Span.CopyTo(columns.Row);
        ReadOnlySpan<DataFlag> flowFlags = table.EffectiveFlags(CemsValue.Flow).Span;
        foreach (Pollutant pollutant in EmissionInventoryCalculator.Pollutants)
        {
            int p = PollutantIndex(pollutant);
            table.Concentration(pollutant).ToArray(MassConcentrationUnit.MilligramPerCubicMeter).CopyTo(columns.Concentration[p], 0);
            table.EffectiveFlags(CemsScanValue(pollutant)).Span.CopyTo(columns.Value[p]);
            DataFlag[] value = columns.Value[p];
            DataFlag[] combined = columns.Combined[p];
            for (int i = 0; i < value.Length; i++)
            {
                combined[i] = value[i] != DataFlag.N ? value[i] : flowFlags[i];
            }
        }

        columns.Ammonia = table.Optional.Nh3?.ToArray(MassConcentrationUnit.MilligramPerCubicMeter);
        return columns;
    }

    /// <summary>Rows <paramref name="start"/> to the end of <paramref name="first"/>, then every row of <paramref name="second"/>.</summary>
    public static CemsColumns Concat(CemsColumns first, int start, CemsColumns second)
    {
        int head = first.Count - start;
        var result = new CemsColumns(head + second.Count);
        void Copy<T>(T[] a, T[] b, T[] target)
        {
            Array.Copy(a, start, target, 0, head);
            Array.Copy(b, 0, target, head, b.Length);
        }

        Copy(first.OutletIds, second.OutletIds, result.OutletIds);
        Copy(first.Hours, second.Hours, result.Hours);
        Copy(first.Flow, second.Flow, result.Flow);
        Copy(first.Oxygen, second.Oxygen, result.Oxygen);
        Copy(first.Row, second.Row, result.Row);
        for (int p = 0; p < 3; p++)
        {
            Copy(first.Concentration[p], second.Concentration[p], result.Concentration[p]);
            Copy(first.Combined[p], second.Combined[p], result.Combined[p]);
            Copy(first.Value[p], second.Value[p], result.Value[p]);
        }

        if (first.Ammonia is not null || second.Ammonia is not null)
        {
            result.Ammonia = new double[result.Count];
            Copy(first.Ammonia ?? Filled(first.Count), second.Ammonia ?? Filled(second.Count), result.Ammonia);
        }

        return result;
    }

    /// <summary>Finds the runs of rows that share an outlet, a year and a month.</summary>
    /// <returns>(start, length) of each run, in order.</returns>
    public List<(int Start, int Length)> Runs()
    {
        var runs = new List<(int, int)>();
        int start = 0;
        while (start < Count)
        {
            string outlet = OutletIds[start];
            int month = Hours[start].Month;
            int year = Hours[start].Year;
            int end = start + 1;
            while (end < Count && Hours[end].Year == year && Hours[end].Month == month && string.Equals(OutletIds[end], outlet, StringComparison.Ordinal))
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

    private static CemsValue CemsScanValue(Pollutant pollutant) => pollutant switch
    {
        Pollutant.Pm => CemsValue.Pm,
        Pollutant.So2 => CemsValue.So2,
        Pollutant.Nox => CemsValue.Nox,
        _ => throw new ArgumentOutOfRangeException(nameof(pollutant), pollutant, "CEMS concentrations are pm, so2 and nox."),
    };
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

    public static MeasuredAccumulation Add(MeasuredAccumulation a, MeasuredAccumulation b) => new(
        a.ProductSum + b.ProductSum,
        a.ValidHours + b.ValidHours,
        a.OverLimitHours + b.OverLimitHours,
        double.IsNaN(a.MaxReferenceConcentration) ? b.MaxReferenceConcentration
            : double.IsNaN(b.MaxReferenceConcentration) ? a.MaxReferenceConcentration
            : Math.Max(a.MaxReferenceConcentration, b.MaxReferenceConcentration));
}
