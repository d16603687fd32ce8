using System.Globalization;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Model;

/// <summary>
/// The <c>cems_hourly</c> table as columns: one row per outlet and clock hour, concentrations dry at the standard
/// state as measured (not at the reference O₂), NOx as NO₂.
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe provided the caller does not change the arrays it passed in.</para>
/// <para>NaN in a value column is a missing value (a null cell); the row's <see cref="Flags"/> says why
/// (<see cref="DataFlag.F"/> for a stopped source, <see cref="DataFlag.C"/> for calibration, …).</para>
/// <para>Invariant: every column has <see cref="RowCount"/> values.</para>
/// </remarks>
public sealed class CemsHourlyTable
{
    /// <summary>Initializes the table from its columns, checking their lengths, units and values.</summary>
    /// <param name="outletIds">The outlet of each row.</param>
    /// <param name="hours">The start of each clock hour, China Standard Time wall clock.</param>
    /// <param name="so2">SO₂ concentration.</param>
    /// <param name="nox">NOx concentration, as NO₂.</param>
    /// <param name="pm">Particulate concentration.</param>
    /// <param name="oxygen">O₂, dry; each value at least 0 % and below 21 %, or NaN.</param>
    /// <param name="flow">Flue-gas flow, dry at the standard state.</param>
    /// <param name="flags">The HJ 212 data flag of each row.</param>
    /// <exception cref="ArgumentException">A column has another length, or holds a negative or infinite value; the
    /// message names the column, the row and the value.</exception>
    public CemsHourlyTable(
        IReadOnlyList<string> outletIds,
        ReadOnlyMemory<DateTime> hours,
        QuantityColumn<MassConcentration> so2,
        QuantityColumn<MassConcentration> nox,
        QuantityColumn<MassConcentration> pm,
        QuantityColumn<VolumeConcentration> oxygen,
        QuantityColumn<VolumeFlow> flow,
        ReadOnlyMemory<DataFlag> flags)
    {
        ArgumentNullException.ThrowIfNull(outletIds);
        ArgumentNullException.ThrowIfNull(so2);
        ArgumentNullException.ThrowIfNull(nox);
        ArgumentNullException.ThrowIfNull(pm);
        ArgumentNullException.ThrowIfNull(oxygen);
        ArgumentNullException.ThrowIfNull(flow);
        int rows = outletIds.Count;
        CheckLength(hours.Length, rows, nameof(hours));
        CheckLength(so2.Length, rows, nameof(so2));
        CheckLength(nox.Length, rows, nameof(nox));
        CheckLength(pm.Length, rows, nameof(pm));
        CheckLength(oxygen.Length, rows, "o2");
        CheckLength(flow.Length, rows, nameof(flow));
        CheckLength(flags.Length, rows, "flag");
        CheckValues(so2.Values.Span, "so2", double.PositiveInfinity);
        CheckValues(nox.Values.Span, "nox", double.PositiveInfinity);
        CheckValues(pm.Values.Span, "pm", double.PositiveInfinity);
        CheckValues(oxygen.ToArray(VolumeConcentrationUnit.Percent), "o2", 21);
        CheckValues(flow.Values.Span, "flow", double.PositiveInfinity);
        OutletIds = outletIds;
        Hours = hours;
        So2 = so2;
        Nox = nox;
        Pm = pm;
        Oxygen = oxygen;
        Flow = flow;
        Flags = flags;
    }

    /// <summary>Gets the number of rows.</summary>
    public int RowCount => OutletIds.Count;

    /// <summary>Gets the outlet of each row.</summary>
    public IReadOnlyList<string> OutletIds { get; }

    /// <summary>Gets the start of each clock hour, China Standard Time wall clock.</summary>
    public ReadOnlyMemory<DateTime> Hours { get; }

    /// <summary>Gets the SO₂ concentrations.</summary>
    public QuantityColumn<MassConcentration> So2 { get; }

    /// <summary>Gets the NOx concentrations, as NO₂.</summary>
    public QuantityColumn<MassConcentration> Nox { get; }

    /// <summary>Gets the particulate concentrations.</summary>
    public QuantityColumn<MassConcentration> Pm { get; }

    /// <summary>Gets the O₂ contents, dry.</summary>
    public QuantityColumn<VolumeConcentration> Oxygen { get; }

    /// <summary>Gets the flue-gas flows, dry at the standard state.</summary>
    public QuantityColumn<VolumeFlow> Flow { get; }

    /// <summary>Gets the HJ 212 data flag of each row.</summary>
    public ReadOnlyMemory<DataFlag> Flags { get; }

    /// <summary>Gets the concentration column of a pollutant.</summary>
    /// <param name="pollutant"><see cref="Pollutant.Pm"/>, <see cref="Pollutant.So2"/> or <see cref="Pollutant.Nox"/>.</param>
    /// <returns>The column.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The table has no column for <paramref name="pollutant"/>.</exception>
    public QuantityColumn<MassConcentration> Concentration(Pollutant pollutant) => pollutant switch
    {
        Pollutant.Pm => Pm,
        Pollutant.So2 => So2,
        Pollutant.Nox => Nox,
        _ => throw new ArgumentOutOfRangeException(nameof(pollutant), pollutant, "The hourly table has columns for pm, so2 and nox."),
    };

    private static void CheckLength(int actual, int expected, string column)
    {
        if (actual != expected)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Column '{column}' of cems_hourly has {actual} rows; expected {expected}, the length of outlet_id."),
                column);
        }
    }

    private static void CheckValues(ReadOnlySpan<double> values, string column, double below)
    {
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (!double.IsNaN(v) && (v < 0 || v >= below))
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Column '{column}' of cems_hourly, row {i}, is {v}; expected NaN (missing) or a value of at least 0{(double.IsPositiveInfinity(below) ? " and finite" : $" and below {below}")}."),
                    column);
            }
        }
    }
}
