using System.Globalization;
using Microsoft.Data.Analysis;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Model;
using Frame = Microsoft.Data.Analysis.DataFrame;

namespace Shapotou.Sdk.DataFrame;

/// <summary>
/// The contract's tables as <see cref="Frame"/>s and back: one column per contract column, named as in the contract,
/// quantities in their default units, unknown values null.
/// </summary>
/// <remarks>
/// <para>Column types: text → <see cref="StringDataFrameColumn"/>; quantity and number → <see cref="DoubleDataFrameColumn"/>
/// (default unit); boolean → <see cref="BooleanDataFrameColumn"/>; count → <see cref="Int32DataFrameColumn"/>; date and
/// time → <see cref="DateTimeDataFrameColumn"/> (dates at 00:00, times China Standard Time wall clock).</para>
/// <para>On the way back the schema must be exactly that: a column of another type, a column the table does not define, a
/// missing required column or a null required cell is a <see cref="ShapotouDataException"/> naming the frame, column,
/// row, value and expectation; then every row is checked as the model checks it.</para>
/// </remarks>
public static class ContractDataFrames
{
    /// <summary>Gets the DataFrame column type of a contract column.</summary>
    /// <param name="column">The contract column.</param>
    /// <returns>The element type: <see cref="string"/>, <see cref="double"/>, <see cref="bool"/>, <see cref="int"/> or <see cref="DateTime"/>.</returns>
    public static Type ElementType(ColumnSpec column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Type switch
        {
            ColumnType.Text => typeof(string),
            ColumnType.Quantity or ColumnType.Number => typeof(double),
            ColumnType.Boolean => typeof(bool),
            ColumnType.Count => typeof(int),
            _ => typeof(DateTime),
        };
    }

    /// <summary>Makes a DataFrame of a table's rows, each quantity column in its default unit.</summary>
    /// <param name="batch">The rows.</param>
    /// <returns>The frame, columns in contract order.</returns>
    public static Frame ToDataFrame(TableBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var columns = new List<DataFrameColumn>();
        foreach (ColumnSpec spec in batch.Table.Columns.Where(c => batch.Has(c.Name)))
        {
            string name = spec.Name;
            switch (spec.Type)
            {
                case ColumnType.Text:
                    columns.Add(new StringDataFrameColumn(name, batch.Text(name).ToArray()));
                    break;
                case ColumnType.Quantity or ColumnType.Number:
                    double[] values = spec.Type == ColumnType.Quantity ? batch.NumbersIn(name, spec.DefaultUnit!) : batch.Numbers(name).ToArray();
                    columns.Add(new DoubleDataFrameColumn(name, values.Select(v => double.IsNaN(v) ? (double?)null : v)));
                    break;
                case ColumnType.Boolean:
                    columns.Add(new BooleanDataFrameColumn(name, batch.Booleans(name).ToArray()));
                    break;
                case ColumnType.Count:
                    columns.Add(new Int32DataFrameColumn(name, batch.Counts(name).ToArray()));
                    break;
                case ColumnType.Date:
                    columns.Add(new DateTimeDataFrameColumn(name, batch.Dates(name).ToArray().Select(d => d?.ToDateTime(TimeOnly.MinValue))));
                    break;
                default:
                    columns.Add(new DateTimeDataFrameColumn(name, batch.Times(name).ToArray()));
                    break;
            }
        }

        return new Frame(columns);
    }

    /// <summary>Takes a DataFrame back as a table's rows, checking its typed schema and every row.</summary>
    /// <param name="frame">The frame; its values in the columns' default units.</param>
    /// <param name="table">The contract table.</param>
    /// <param name="name">The frame's name in messages.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="ShapotouDataException">The schema or a value is bad.</exception>
    public static TableBatch FromDataFrame(Frame frame, TableSpec table, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(table);
        string source = name ?? $"DataFrame '{table.Name}'";
        int rows = checked((int)frame.Rows.Count);
        var batch = new TableBatch(table, rows, source);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (DataFrameColumn column in frame.Columns)
        {
            ColumnSpec spec = table.Find(column.Name)
                ?? throw new ShapotouDataException($"{source} has column '{column.Name}', which table '{table.Name}' does not define; expected only {string.Join(", ", table.Columns.Select(c => c.Name))}.");
            if (!seen.Add(spec.Name))
            {
                throw new ShapotouDataException($"{source} has column '{spec.Name}' twice; expected each column once.");
            }

            Type expected = ElementType(spec);
            if (column.DataType != expected)
            {
                throw new ShapotouDataException(
                    $"{source}, column '{spec.Name}' holds {column.DataType.Name}; expected {expected.Name}" +
                    (spec.Type == ColumnType.Quantity ? $" ({spec.QuantityName} in {Units.QuantityUnits.NameOf(spec.DefaultUnit!)})." : "."));
            }

            string Where(long row) => string.Create(CultureInfo.InvariantCulture, $"{source}, column '{spec.Name}', row {row}");
            switch (spec.Type)
            {
                case ColumnType.Text:
                    batch.SetText(spec.Name, Texts(column, rows));
                    break;
                case ColumnType.Quantity or ColumnType.Number:
                    var numbers = new double[rows];
                    for (int i = 0; i < rows; i++)
                    {
                        numbers[i] = column[i] is double d ? d : double.NaN;
                    }

                    batch.SetNumbers(spec.Name, numbers);
                    break;
                case ColumnType.Boolean:
                    batch.SetBooleans(spec.Name, Structs<bool>(column, rows));
                    break;
                case ColumnType.Count:
                    batch.SetCounts(spec.Name, Structs<int>(column, rows));
                    break;
                case ColumnType.Date:
                    DateTime?[] midnights = Structs<DateTime>(column, rows);
                    var dates = new DateOnly?[rows];
                    for (int i = 0; i < rows; i++)
                    {
                        if (midnights[i] is { } t)
                        {
                            dates[i] = t.TimeOfDay == TimeSpan.Zero
                                ? DateOnly.FromDateTime(t)
                                : throw new ShapotouDataException($"{Where(i)}: {t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} is not a date; expected 00:00.");
                        }
                    }

                    batch.SetDates(spec.Name, dates);
                    break;
                default:
                    batch.SetTimes(spec.Name, Structs<DateTime>(column, rows).Select(t => t is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Unspecified) : (DateTime?)null).ToArray());
                    break;
            }

            if (spec.Required)
            {
                for (int i = 0; i < rows; i++)
                {
                    if (column[i] is null or double.NaN)
                    {
                        throw new ShapotouDataException($"{Where(i)}: the value is null; the column is required.");
                    }
                }
            }
        }

        foreach (ColumnSpec missing in table.Columns.Where(c => c.Required && !seen.Contains(c.Name)))
        {
            throw new ShapotouDataException($"{source} lacks the required column '{missing.Name}' of table '{table.Name}'; it has {string.Join(", ", seen)}.");
        }

        // The model's checks (no negative quantities, known names, …), as for a file.
        ContractTables.Validate(batch);
        return batch;
    }

    /// <summary>Makes one DataFrame per table of a dataset, keyed by table name.</summary>
    /// <param name="data">The dataset.</param>
    /// <returns>The frames, in <see cref="ContractSchema.Tables"/> order.</returns>
    public static IReadOnlyDictionary<string, Frame> ToDataFrames(ClusterDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var frames = new Dictionary<string, Frame>(StringComparer.Ordinal);
        foreach (TableBatch table in ContractTables.FromDataset(data))
        {
            frames[table.Table.Name] = ToDataFrame(table);
        }

        return frames;
    }

    /// <summary>Builds a dataset from one DataFrame per table (a table not given is empty).</summary>
    /// <param name="frames">The frames keyed by table name.</param>
    /// <param name="name">The dataset's name.</param>
    /// <param name="illustrative">Whether the data are synthetic.</param>
    /// <returns>The dataset, with its reference checks done.</returns>
    /// <exception cref="ShapotouDataException">A key names no table, or a schema, value or reference is bad.</exception>
    public static ClusterDataset ToDataset(IReadOnlyDictionary<string, Frame> frames, string name, bool illustrative)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var tables = new List<TableBatch>();
        foreach ((string key, Frame frame) in frames)
        {
            TableSpec spec = ContractSchema.Tables.FirstOrDefault(t => t.Name == key)
                ?? throw new ShapotouDataException($"DataFrame '{key}' names no table; expected one of {string.Join(", ", ContractSchema.Tables.Select(t => t.Name))}.");
            tables.Add(FromDataFrame(frame, spec));
        }

        return ContractTables.ToDataset(name, illustrative, tables);
    }

    private static string?[] Texts(DataFrameColumn column, int rows)
    {
        var result = new string?[rows];
        for (int i = 0; i < rows; i++)
        {
            result[i] = (string?)column[i];
        }

        return result;
    }

    private static T?[] Structs<T>(DataFrameColumn column, int rows)
        where T : struct
    {
        var result = new T?[rows];
        for (int i = 0; i < rows; i++)
        {
            result[i] = (T?)column[i];
        }

        return result;
    }
}
