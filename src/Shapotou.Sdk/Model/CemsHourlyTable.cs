using System.Globalization;
using Shapotou.Sdk.Internal;
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
    /// <param name="hours">The start of each clock hour, China Standard Time wall clock: times not marked with a zone
    /// (<see cref="DateTimeKind.Unspecified"/>); a time marked UTC or local is refused, never converted.</param>
    /// <param name="so2">SO₂ concentration.</param>
    /// <param name="nox">NOx concentration, as NO₂.</param>
    /// <param name="pm">Particulate concentration.</param>
    /// <param name="oxygen">O₂, dry; each value at least 0 % and below 21 %, or NaN.</param>
    /// <param name="flow">Flue-gas flow, dry at the standard state.</param>
    /// <param name="flags">The HJ 212 data flag of each row.</param>
    /// <param name="optional">The contract's optional columns (ammonia, temperature, per-value flags, valid minutes),
    /// or <see langword="null"/> when the table has none of them.</param>
    /// <exception cref="ArgumentException">A column has another length, holds a negative or infinite value, or an hour
    /// is marked UTC or local; the message names the column, the row and the value.</exception>
    public CemsHourlyTable(
        IReadOnlyList<string> outletIds,
        ReadOnlyMemory<DateTime> hours,
        QuantityColumn<MassConcentration> so2,
        QuantityColumn<MassConcentration> nox,
        QuantityColumn<MassConcentration> pm,
        QuantityColumn<VolumeConcentration> oxygen,
        QuantityColumn<VolumeFlow> flow,
        ReadOnlyMemory<DataFlag> flags,
        CemsOptionalColumns? optional = null)
    {
        ArgumentNullException.ThrowIfNull(outletIds);
        ArgumentNullException.ThrowIfNull(so2);
        ArgumentNullException.ThrowIfNull(nox);
        ArgumentNullException.ThrowIfNull(pm);
        ArgumentNullException.ThrowIfNull(oxygen);
        ArgumentNullException.ThrowIfNull(flow);
        int rows = outletIds.Count;
        CheckLength(hours.Length, rows, "hour", nameof(hours));
        CheckLength(so2.Length, rows, "so2", nameof(so2));
        CheckLength(nox.Length, rows, "nox", nameof(nox));
        CheckLength(pm.Length, rows, "pm", nameof(pm));
        CheckLength(oxygen.Length, rows, "o2", nameof(oxygen));
        CheckLength(flow.Length, rows, "flow", nameof(flow));
        CheckLength(flags.Length, rows, "flag", nameof(flags));
        for (int i = 0; i < rows; i++)
        {
            if (string.IsNullOrWhiteSpace(outletIds[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Column 'outlet_id' of cems_hourly, row {i}, is '{outletIds[i]}'; expected an outlet id."),
                    nameof(outletIds));
            }
        }

        ReadOnlySpan<DateTime> hourSpan = hours.Span;
        ChinaWallClock.Check(hourSpan, nameof(hours), "Column 'hour' of cems_hourly");
        for (int i = 0; i < rows; i++)
        {
            if (hourSpan[i].TimeOfDay.Ticks % TimeSpan.TicksPerHour != 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Column 'hour' of cems_hourly, row {i}, is {hourSpan[i]:yyyy-MM-dd HH:mm:ss.fffffff}; expected the start of a clock hour."),
                    nameof(hours));
            }
        }

        ReadOnlySpan<DataFlag> flagSpan = flags.Span;
        for (int i = 0; i < rows; i++)
        {
            if (!Enum.IsDefined(flagSpan[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Column 'flag' of cems_hourly, row {i}, is {(int)flagSpan[i]}; expected one of {string.Join(", ", ContractNames.All<DataFlag>())}."),
                    nameof(flags));
            }
        }

        CheckValues(so2, "so2", nameof(so2), double.PositiveInfinity);
        CheckValues(nox, "nox", nameof(nox), double.PositiveInfinity);
        CheckValues(pm, "pm", nameof(pm), double.PositiveInfinity);
        CheckValues(new QuantityColumn<VolumeConcentration>(oxygen.ToArray(VolumeConcentrationUnit.Percent), VolumeConcentrationUnit.Percent), "o2", nameof(oxygen), 21);
        CheckValues(flow, "flow", nameof(flow), double.PositiveInfinity);
        Optional = optional ?? CemsOptionalColumns.None;
        Optional.Check(rows, nameof(optional));
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

    /// <summary>Gets the optional columns the table carries (<see cref="CemsOptionalColumns.None"/> when none).</summary>
    public CemsOptionalColumns Optional { get; }

    /// <summary>
    /// Gets the flag that applies to one value of each row: the value's own flag (<c>so2_flag</c>, …) where the table
    /// has one for that row, otherwise the row's <see cref="Flags"/> (docs/tables.md: per-value flags override <c>flag</c>).
    /// </summary>
    /// <param name="value">The value column.</param>
    /// <returns>One flag per row; the row flags themselves when the table has no flag column for <paramref name="value"/>.</returns>
    public ReadOnlyMemory<DataFlag> EffectiveFlags(CemsValue value)
    {
        ReadOnlyMemory<DataFlag?> own = Optional.FlagsOf(value);
        if (own.IsEmpty)
        {
            return Flags;
        }

        var effective = new DataFlag[RowCount];
        ReadOnlySpan<DataFlag> rows = Flags.Span;
        ReadOnlySpan<DataFlag?> values = own.Span;
        for (int i = 0; i < effective.Length; i++)
        {
            effective[i] = values[i] ?? rows[i];
        }

        return effective;
    }

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

    private static void CheckLength(int actual, int expected, string column, string paramName)
    {
        if (actual != expected)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Column '{column}' of cems_hourly has {actual} rows; expected {expected}, the length of outlet_id."),
                paramName);
        }
    }

    internal static void CheckValues<TQuantity>(QuantityColumn<TQuantity> values, string column, string paramName, double below)
        where TQuantity : struct, IQuantity
    {
        ReadOnlySpan<double> span = values.Values.Span;
        for (int i = 0; i < span.Length; i++)
        {
            double v = span[i];
            if (!double.IsNaN(v) && (v < 0 || v >= below))
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Column '{column}' of cems_hourly, row {i}, is {v} {QuantityUnits.NameOf(values.Unit)}; expected NaN (missing) or a value of at least 0{(double.IsPositiveInfinity(below) ? " and finite" : $" and below {below}")}."),
                    paramName);
            }
        }
    }
}
