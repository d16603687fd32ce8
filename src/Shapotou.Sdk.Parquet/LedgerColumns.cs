using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Parquet;

/// <summary>
/// A ledger table (<c>energy_ledger</c>, <c>solid_waste_ledger</c>) kept as the columns it was read into, its text
/// interned, and made into records when read: about a quarter of the memory of a record per row (a row of
/// <c>energy_ledger</c> as a record holds fourteen nullable quantities and its own id strings, some 450 bytes; as
/// columns, 11 doubles and three 8-byte cells). Every row is made and checked once when the table is read, so a bad
/// value is the same error, at the same row, as the record list's.
/// </summary>
/// <typeparam name="T">The ledger's record.</typeparam>
internal sealed class LedgerColumns<T> : CompactRows<T>
{
    private readonly TableData _table;
    private readonly Func<TableData, int, T> _row;

    private LedgerColumns(TableData table, Func<TableData, int, T> row)
    {
        _table = table;
        _row = row;
    }

    /// <inheritdoc/>
    public override int Count => _table.RowCount;

    /// <inheritdoc/>
    public override T this[int index] => (uint)index < (uint)_table.RowCount ? _row(_table, index) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Checks every row of <paramref name="table"/> in order (the first bad one is an error naming file, row
    /// group and row), interns its text columns, and keeps it.</summary>
    /// <param name="table">The table as read.</param>
    /// <param name="row">Makes row i as a record; the same function reads the kept rows.</param>
    /// <returns>The rows.</returns>
    public static IReadOnlyList<T> From(TableData table, Func<TableData, int, T> row)
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

        return new LedgerColumns<T>(table, row);
    }
}
