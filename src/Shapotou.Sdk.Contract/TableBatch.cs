using System.Globalization;
using Shapotou.Sdk.Units;
using UnitsNet;

namespace Shapotou.Sdk.Contract;

/// <summary>
/// Rows of one contract table, column by column: one row group of a file when read, or rows to write. Quantities are
/// <see cref="double"/> values in their column's unit (<see cref="UnitOf"/>) with NaN for null; other kinds are
/// nullable values. A column the file did not have is absent (<see cref="Has"/>).
/// </summary>
/// <remarks>Not thread-safe while it is being filled; reading a filled batch from several threads is safe.</remarks>
public sealed class TableBatch
{
    internal TableBatch(TableData data, int rowGroup, long firstRow)
    {
        Data = data;
        RowGroup = rowGroup;
        FirstRow = firstRow;
    }

    /// <summary>Creates an empty batch of <paramref name="rowCount"/> rows to fill with the <c>Set…</c> methods.</summary>
    /// <param name="table">The contract table.</param>
    /// <param name="rowCount">The number of rows.</param>
    /// <param name="source">What the rows are, for messages (a file name, say).</param>
    public TableBatch(TableSpec table, int rowCount, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        Data = new TableData(table, source ?? table.Name, rowCount);
        RowGroup = -1;
    }

    internal TableData Data { get; }

    /// <summary>Gets the contract table.</summary>
    public TableSpec Table => Data.Spec;

    /// <summary>Gets the file (or other source) the rows came from, for messages.</summary>
    public string Source => Data.Source;

    /// <summary>Gets the number of rows.</summary>
    public int RowCount => Data.RowCount;

    /// <summary>Gets the row group of the file these rows are, or -1 for rows built in memory.</summary>
    public int RowGroup { get; }

    /// <summary>Gets the index in the whole file (or dataset) of the batch's first row.</summary>
    public long FirstRow { get; }

    /// <summary>Gets the file's key-value metadata (read), or extra pairs to write.</summary>
    public IDictionary<string, string> Metadata => Data.Metadata;

    /// <summary>Gets the names of the columns present, in contract order.</summary>
    public IEnumerable<string> Columns => Data.Columns.Select(c => c.Spec.Name);

    /// <summary>Whether the batch has the column.</summary>
    /// <param name="column">The column name.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool Has(string column) => Data.Has(column);

    /// <summary>Gets a text column.</summary>
    /// <param name="column">The column name.</param>
    /// <returns>The values, null where unknown.</returns>
    /// <exception cref="ArgumentException">The column is absent or not text.</exception>
    public ReadOnlyMemory<string?> Text(string column) => Get<string?>(column, ColumnType.Text);

    /// <summary>Gets a quantity or number column in its unit (<see cref="UnitOf"/>).</summary>
    /// <param name="column">The column name.</param>
    /// <returns>The values, NaN where unknown.</returns>
    /// <exception cref="ArgumentException">The column is absent or not a number.</exception>
    public ReadOnlyMemory<double> Numbers(string column) => Get<double>(column, ColumnType.Quantity, ColumnType.Number);

    /// <summary>Gets a quantity column converted to <paramref name="unit"/>.</summary>
    /// <param name="column">The column name.</param>
    /// <param name="unit">A unit of the column's quantity.</param>
    /// <returns>New values, NaN where unknown.</returns>
    /// <exception cref="ArgumentException">The column is absent, not a quantity, or the unit is of another quantity.</exception>
    public double[] NumbersIn(string column, Enum unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ReadOnlySpan<double> values = Get<double>(column, ColumnType.Quantity).Span;
        Enum from = UnitOf(column)!;
        CheckUnit(Table.Find(column)!, unit);
        var result = new double[values.Length];
        if (Equals(from, unit))
        {
            values.CopyTo(result);
            return result;
        }

        double factor = UnitConverter.Convert(1, from, unit);
        double offset = UnitConverter.Convert(0, from, unit);
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = values[i] * factor + offset;
        }

        return result;
    }

    /// <summary>Gets a boolean column.</summary>
    /// <param name="column">The column name.</param>
    /// <returns>The values, null where unknown.</returns>
    /// <exception cref="ArgumentException">The column is absent or not boolean.</exception>
    public ReadOnlyMemory<bool?> Booleans(string column) => Get<bool?>(column, ColumnType.Boolean);

    /// <summary>Gets a count column.</summary>
    /// <param name="column">The column name.</param>
    /// <returns>The values, null where unknown.</returns>
    /// <exception cref="ArgumentException">The column is absent or not a count.</exception>
    public ReadOnlyMemory<int?> Counts(string column) => Get<int?>(column, ColumnType.Count);

    /// <summary>Gets a date column.</summary>
    /// <param name="column">The column name.</param>
    /// <returns>The values, null where unknown.</returns>
    /// <exception cref="ArgumentException">The column is absent or not a date.</exception>
    public ReadOnlyMemory<DateOnly?> Dates(string column) => Get<DateOnly?>(column, ColumnType.Date);

    /// <summary>Gets a time column, China Standard Time wall clock.</summary>
    /// <param name="column">The column name.</param>
    /// <returns>The values, null where unknown.</returns>
    /// <exception cref="ArgumentException">The column is absent or not a time.</exception>
    public ReadOnlyMemory<DateTime?> Times(string column) => Get<DateTime?>(column, ColumnType.Timestamp);

    /// <summary>Gets the unit of a quantity column: the file's, or the column's default; null for other kinds.</summary>
    /// <param name="column">The column name.</param>
    /// <returns>The unit, or <see langword="null"/>.</returns>
    public Enum? UnitOf(string column) => Data.Column(column) is { Spec.Type: ColumnType.Quantity } c ? c.Unit : null;

    /// <summary>Sets a text column.</summary>
    /// <param name="column">The column name.</param>
    /// <param name="values">One value per row (null for unknown); the array is kept, not copied.</param>
    /// <returns>This batch.</returns>
    public TableBatch SetText(string column, string?[] values) => Set(column, values, ColumnType.Text, s => ColumnData.Text(s, values));

    /// <summary>Sets a quantity column in <paramref name="unit"/> (its default unit when null), or a number column.</summary>
    /// <param name="column">The column name.</param>
    /// <param name="values">One value per row (NaN for unknown); the array is kept, not copied.</param>
    /// <param name="unit">The unit of the values; must be of the column's quantity.</param>
    /// <returns>This batch.</returns>
    public TableBatch SetNumbers(string column, double[] values, Enum? unit = null)
    {
        return Set(column, values, null, s =>
        {
            if (s.Type is not (ColumnType.Quantity or ColumnType.Number))
            {
                throw new ArgumentException($"Column '{column}' of table '{Table.Name}' is {s.Type}, not a number.", nameof(column));
            }

            if (unit is not null)
            {
                if (s.Type != ColumnType.Quantity)
                {
                    throw new ArgumentException($"Column '{column}' of table '{Table.Name}' has no unit.", nameof(unit));
                }

                CheckUnit(s, unit);
            }

            return ColumnData.Numbers(s, values, unit);
        });
    }

    /// <summary>Sets a boolean column.</summary>
    /// <param name="column">The column name.</param>
    /// <param name="values">One value per row; the array is kept, not copied.</param>
    /// <returns>This batch.</returns>
    public TableBatch SetBooleans(string column, bool?[] values) => Set(column, values, ColumnType.Boolean, s => ColumnData.Booleans(s, values));

    /// <summary>Sets a count column.</summary>
    /// <param name="column">The column name.</param>
    /// <param name="values">One value per row; the array is kept, not copied.</param>
    /// <returns>This batch.</returns>
    public TableBatch SetCounts(string column, int?[] values) => Set(column, values, ColumnType.Count, s => ColumnData.Integers(s, values));

    /// <summary>Sets a date column.</summary>
    /// <param name="column">The column name.</param>
    /// <param name="values">One value per row; the array is kept, not copied.</param>
    /// <returns>This batch.</returns>
    public TableBatch SetDates(string column, DateOnly?[] values) => Set(column, values, ColumnType.Date, s => ColumnData.Dates(s, values));

    /// <summary>Sets a time column (China Standard Time wall clock).</summary>
    /// <param name="column">The column name.</param>
    /// <param name="values">One value per row; the array is kept, not copied.</param>
    /// <returns>This batch.</returns>
    public TableBatch SetTimes(string column, DateTime?[] values) => Set(column, values, ColumnType.Timestamp, s => ColumnData.Times(s, values));

    /// <summary>Names a row for messages, such as <c>energy_ledger.parquet, row group 2, row 17</c>.</summary>
    /// <param name="row">The row within the batch.</param>
    /// <returns>The description.</returns>
    public string Describe(int row) => $"{Source}, {Data.Where(row)}";

    private static void CheckUnit(ColumnSpec spec, Enum unit)
    {
        string quantity = Quantity.From(0, unit).QuantityInfo.Name;
        if (!string.Equals(quantity, spec.QuantityName, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Unit '{QuantityUnits.NameOf(unit)}' is a unit of {quantity}; column '{spec.Name}' holds {spec.QuantityName}.", nameof(unit));
        }
    }

    private ReadOnlyMemory<T> Get<T>(string column, params ColumnType[] types)
    {
        ArgumentNullException.ThrowIfNull(column);
        ColumnData data = Data.Column(column)
            ?? throw new ArgumentException($"The batch of table '{Table.Name}' has no column '{column}'.", nameof(column));
        if (!types.Contains(data.Spec.Type))
        {
            throw new ArgumentException($"Column '{column}' of table '{Table.Name}' is {data.Spec.Type}; expected {string.Join(" or ", types)}.", nameof(column));
        }

        return (T[])data.Values;
    }

    private TableBatch Set(string column, Array values, ColumnType? type, Func<ColumnSpec, ColumnData> make)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(values);
        ColumnSpec spec = Table.Find(column)
            ?? throw new ArgumentException($"Table '{Table.Name}' has no column '{column}'; it has {string.Join(", ", Table.Columns.Select(c => c.Name))}.", nameof(column));
        if (type is { } t && spec.Type != t)
        {
            throw new ArgumentException($"Column '{column}' of table '{Table.Name}' is {spec.Type}, not {t}.", nameof(column));
        }

        if (values.Length != RowCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Column '{column}' has {values.Length} values; the batch has {RowCount} rows."), nameof(values));
        }

        Data.Add(make(spec));
        return this;
    }
}
