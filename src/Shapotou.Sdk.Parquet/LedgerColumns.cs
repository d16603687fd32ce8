using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Model;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Parquet;

/// <summary>
/// A ledger table (<c>energy_ledger</c>, <c>solid_waste_ledger</c>) kept as the columns it was read into, its text
/// interned, and made into records when read: about a quarter of the memory of a record per row (a row of
/// <c>energy_ledger</c> as a record holds twelve quantities, eleven of them nullable, and its own id strings, some 450 bytes; as
/// columns, 12 doubles and three 8-byte cells). Every row is made and checked once when the table is read, so a bad
/// value is the same error, at the same row, as the record list's.
/// </summary>
/// <typeparam name="T">The ledger's record.</typeparam>
internal sealed class LedgerColumns<T> : CompactRows<T>
{
    private readonly TableData _table;
    private readonly Func<int, T> _row;

    private LedgerColumns(TableData table, Func<int, T> row)
    {
        _table = table;
        _row = row;
    }

    /// <inheritdoc/>
    public override int Count => _table.RowCount;

    /// <inheritdoc/>
    public override T this[int index] => (uint)index < (uint)_table.RowCount ? _row(index) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Checks every row of <paramref name="table"/> in order (the first bad one is an error naming file, row
    /// group and row), interns its text columns, and keeps it.</summary>
    /// <param name="table">The table as read.</param>
    /// <param name="row">Makes row i as a record, checking it (<see cref="ContractMapping"/>).</param>
    /// <param name="reader">Makes, from the kept table, the function that reads its row i as a record with the values
    /// <paramref name="row"/> gives; null: <paramref name="row"/> itself.</param>
    /// <returns>The rows.</returns>
    public static IReadOnlyList<T> From(TableData table, Func<TableData, int, T> row, Func<TableData, Func<int, T>>? reader = null)
    {
        for (int i = 0; i < table.RowCount; i++)
        {
            _ = ContractMapping.Row(table, i, r => row(table, r));
        }

        foreach (ColumnData column in table.Columns.ToArray())
        {
            if (column.Values is string?[] text)
            {
                var interned = new Dictionary<string, string>(StringComparer.Ordinal);
                var values = new string?[text.Length];
                for (int i = 0; i < text.Length; i++)
                {
                    if (text[i] is { } value)
                    {
                        if (!interned.TryGetValue(value, out string? kept))
                        {
                            interned.Add(value, kept = value);
                        }

                        values[i] = kept;
                    }
                }

                table.Add(ColumnData.Text(column.Spec, values));
            }
        }

        return new LedgerColumns<T>(table, reader?.Invoke(table) ?? (i => row(table, i)));
    }
}

/// <summary>Reads the rows of a kept ledger table as records.</summary>
internal static class LedgerReaders
{
    /// <summary>Row i of a checked <c>energy_ledger</c> table, with the values of
    /// <see cref="ContractMapping.EnergyLedgerRow"/>, not checked again: the columns are looked up once, not per row.</summary>
    public static Func<int, EnergyLedgerEntry> EnergyLedger(TableData t)
    {
        string?[]? facility = (string?[]?)t.Column("facility_id")?.Values;
        DateOnly?[]? period = (DateOnly?[]?)t.Column("period")?.Values;
        string?[]? product = (string?[]?)t.Column("product")?.Values;
        static Mass MassOf(double value, MassUnit unit) => Mass.From(value, unit);
        static Energy EnergyOf(double value, EnergyUnit unit) => Energy.From(value, unit);
        Func<int, Mass?> output = Quantity<Mass, MassUnit>(t, "output", MassOf);
        Func<int, Energy?> electricityPurchased = Quantity<Energy, EnergyUnit>(t, "electricity_purchased", EnergyOf);
        Func<int, Energy?> furnaceElectricity = Quantity<Energy, EnergyUnit>(t, "furnace_electricity", EnergyOf);
        Func<int, Energy?> wasteHeatPowerGenerated = Quantity<Energy, EnergyUnit>(t, "waste_heat_power_generated", EnergyOf);
        Func<int, Energy?> electricityExported = Quantity<Energy, EnergyUnit>(t, "electricity_exported", EnergyOf);
        Func<int, Mass?> coke = Quantity<Mass, MassUnit>(t, "coke", MassOf);
        Func<int, Mass?> semiCoke = Quantity<Mass, MassUnit>(t, "semi_coke", MassOf);
        Func<int, Mass?> coal = Quantity<Mass, MassUnit>(t, "coal", MassOf);
        Func<int, Volume?> naturalGas = Quantity<Volume, VolumeUnit>(t, "natural_gas", (value, unit) => Volume.From(value, unit));
        Func<int, Mass?> diesel = Quantity<Mass, MassUnit>(t, "diesel", MassOf);
        Func<int, Mass?> electrodePaste = Quantity<Mass, MassUnit>(t, "electrode_paste", MassOf);
        Func<int, MassFraction?> oreGrade = Quantity<MassFraction, MassFractionUnit>(t, "ore_grade", (value, unit) => MassFraction.From(value, unit));
        return i => EnergyLedgerEntry.FromCheckedValues(
            facility![i]!,
            period![i]!.Value,
            product![i]!,
            output(i)!.Value,
            electricityPurchased(i),
            furnaceElectricity(i),
            wasteHeatPowerGenerated(i),
            electricityExported(i),
            coke(i),
            semiCoke(i),
            coal(i),
            naturalGas(i),
            diesel(i),
            electrodePaste(i),
            oreGrade(i));
    }

    /// <summary>A quantity column as <see cref="ContractMapping"/> reads it (null where the column is absent or the cell
    /// NaN, else the value in the column's unit), made by the quantity's own factory rather than by
    /// <see cref="UnitsNet.Quantity.From(QuantityValue, Enum)"/>, which finds that factory by the unit's type on each call.</summary>
    private static Func<int, TQuantity?> Quantity<TQuantity, TUnit>(TableData t, string column, Func<double, TUnit, TQuantity> make)
        where TQuantity : struct, IQuantity
        where TUnit : struct, Enum
    {
        if (t.Column(column) is not { } data)
        {
            return _ => null;
        }

        double[] values = (double[])data.Values;
        var unit = (TUnit)t.UnitOf(column);
        return i => double.IsNaN(values[i]) ? null : make(values[i], unit);
    }
}
