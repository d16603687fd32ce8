using System.Globalization;
using Shapotou.Sdk.Units;
using UnitsNet;

namespace Shapotou.Sdk.Model;

/// <summary>A value column of the CEMS tables that can carry its own HJ 212 flag.</summary>
public enum CemsValue
{
    /// <summary><c>so2</c>.</summary>
    So2,

    /// <summary><c>nox</c>.</summary>
    Nox,

    /// <summary><c>pm</c>.</summary>
    Pm,

    /// <summary><c>o2</c>.</summary>
    Oxygen,

    /// <summary><c>flow</c>.</summary>
    Flow,
}

/// <summary>
/// The optional columns of <c>cems_hourly</c> (docs/tables.md): ammonia slip, temperature, per-value flags and the count of
/// valid minutes. Each is absent (empty) or has one value per row.
/// </summary>
/// <remarks>
/// A per-value flag that is <see langword="null"/> in a row defers to the row's <c>flag</c>; one that is set overrides
/// it for that value only.
/// </remarks>
public sealed record CemsOptionalColumns
{
    /// <summary>Gets the empty set: a table with none of the optional columns.</summary>
    public static CemsOptionalColumns None { get; } = new();

    /// <summary>Gets the ammonia concentrations (<c>nh3</c>, ammonia slip), dry at the standard state; <see langword="null"/> when absent.</summary>
    public QuantityColumn<MassConcentration>? Nh3 { get; init; }

    /// <summary>Gets the flue-gas temperatures; <see langword="null"/> when absent.</summary>
    public QuantityColumn<Temperature>? Temperature { get; init; }

    /// <summary>Gets the <c>so2_flag</c> column; empty when absent.</summary>
    public ReadOnlyMemory<DataFlag?> So2Flags { get; init; }

    /// <summary>Gets the <c>nox_flag</c> column; empty when absent.</summary>
    public ReadOnlyMemory<DataFlag?> NoxFlags { get; init; }

    /// <summary>Gets the <c>pm_flag</c> column; empty when absent.</summary>
    public ReadOnlyMemory<DataFlag?> PmFlags { get; init; }

    /// <summary>Gets the <c>o2_flag</c> column; empty when absent.</summary>
    public ReadOnlyMemory<DataFlag?> OxygenFlags { get; init; }

    /// <summary>Gets the <c>flow_flag</c> column; empty when absent.</summary>
    public ReadOnlyMemory<DataFlag?> FlowFlags { get; init; }

    /// <summary>Gets the valid minutes of each hour (<c>valid_minutes</c>, 0–60, or null); empty when absent.</summary>
    public ReadOnlyMemory<int?> ValidMinutes { get; init; }

    /// <summary>Gets the flag column of one value; empty when absent.</summary>
    /// <param name="value">The value column.</param>
    /// <returns>The column, or an empty memory.</returns>
    public ReadOnlyMemory<DataFlag?> FlagsOf(CemsValue value) => value switch
    {
        CemsValue.So2 => So2Flags,
        CemsValue.Nox => NoxFlags,
        CemsValue.Pm => PmFlags,
        CemsValue.Oxygen => OxygenFlags,
        CemsValue.Flow => FlowFlags,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    /// <summary>Gets the contract column of a value: <c>so2</c>, <c>nox</c>, <c>pm</c>, <c>o2</c> or <c>flow</c>.</summary>
    /// <param name="value">The value column.</param>
    /// <returns>The column name; its flag column is the name with <c>_flag</c> appended.</returns>
    public static string ColumnOf(CemsValue value) => value switch
    {
        CemsValue.So2 => "so2",
        CemsValue.Nox => "nox",
        CemsValue.Pm => "pm",
        CemsValue.Oxygen => "o2",
        CemsValue.Flow => "flow",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    internal void Check(int rows, string paramName)
    {
        if (Nh3 is { } nh3)
        {
            Length(nh3.Length, rows, "nh3", paramName);
            CemsHourlyTable.CheckValues(nh3, "nh3", paramName, double.PositiveInfinity);
        }

        if (Temperature is { } temperature)
        {
            Length(temperature.Length, rows, "temperature", paramName);
        }

        foreach (CemsValue value in Enum.GetValues<CemsValue>())
        {
            ReadOnlyMemory<DataFlag?> flags = FlagsOf(value);
            if (flags.IsEmpty)
            {
                continue;
            }

            string column = $"{ColumnOf(value)}_flag";
            Length(flags.Length, rows, column, paramName);
            ReadOnlySpan<DataFlag?> span = flags.Span;
            for (int i = 0; i < span.Length; i++)
            {
                if (span[i] is { } flag && !Enum.IsDefined(flag))
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture, $"Column '{column}' of cems_hourly, row {i}, is {(int)flag}; expected one of {string.Join(", ", ContractNames.All<DataFlag>())} or null."),
                        paramName);
                }
            }
        }

        if (!ValidMinutes.IsEmpty)
        {
            Length(ValidMinutes.Length, rows, "valid_minutes", paramName);
            ReadOnlySpan<int?> span = ValidMinutes.Span;
            for (int i = 0; i < span.Length; i++)
            {
                if (span[i] is { } minutes && minutes is < 0 or > 60)
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture, $"Column 'valid_minutes' of cems_hourly, row {i}, is {minutes}; expected 0 to 60 or null."),
                        paramName);
                }
            }
        }
    }

    private static void Length(int actual, int expected, string column, string paramName)
    {
        if (actual != expected)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Column '{column}' of cems_hourly has {actual} rows; expected {expected}, the length of outlet_id."),
                paramName);
        }
    }
}
