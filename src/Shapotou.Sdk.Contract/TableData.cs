using System.Globalization;

namespace Shapotou.Sdk.Contract;

/// <summary>One column of a table in memory: text, numbers (NaN for null) with their unit, booleans, dates or times.</summary>
internal sealed class ColumnData
{
    private ColumnData(ColumnSpec spec, Array values, Enum? unit)
    {
        Spec = spec;
        Values = values;
        Unit = unit;
    }

    public ColumnSpec Spec { get; }

    /// <summary>The values: <c>string?[]</c>, <c>double[]</c> (NaN for null), <c>bool?[]</c>, <c>int?[]</c>, <c>DateOnly?[]</c> or <c>DateTime?[]</c>.</summary>
    public Array Values { get; }

    /// <summary>The unit of a quantity column's values: the file's unit, or the column's default unit.</summary>
    public Enum? Unit { get; }

    public int Length => Values.Length;

    public static ColumnData Text(ColumnSpec spec, string?[] values) => new(spec, values, null);

    public static ColumnData Numbers(ColumnSpec spec, double[] values, Enum? unit = null) => new(spec, values, unit ?? spec.DefaultUnit);

    public static ColumnData Booleans(ColumnSpec spec, bool?[] values) => new(spec, values, null);

    public static ColumnData Integers(ColumnSpec spec, int?[] values) => new(spec, values, null);

    public static ColumnData Dates(ColumnSpec spec, DateOnly?[] values) => new(spec, values, null);

    public static ColumnData Times(ColumnSpec spec, DateTime?[] values) => new(spec, values, null);

    public static ColumnData Empty(ColumnSpec spec, int length, Enum? unit) => spec.Type switch
    {
        ColumnType.Text => Text(spec, new string?[length]),
        ColumnType.Quantity or ColumnType.Number => Numbers(spec, new double[length], unit),
        ColumnType.Boolean => Booleans(spec, new bool?[length]),
        ColumnType.Count => Integers(spec, new int?[length]),
        ColumnType.Date => Dates(spec, new DateOnly?[length]),
        _ => Times(spec, new DateTime?[length]),
    };
}

/// <summary>A contract table in memory, column by column; a column the file did not have is absent.</summary>
internal sealed class TableData
{
    private readonly Dictionary<string, ColumnData> _columns = new(StringComparer.Ordinal);
    private readonly List<(int RowGroup, int FirstRow)> _rowGroups = [];

    public TableData(TableSpec spec, string source, int rowCount)
    {
        Spec = spec;
        Source = source;
        RowCount = rowCount;
    }

    public TableSpec Spec { get; }

    /// <summary>The file the table came from (or is written to), for messages.</summary>
    public string Source { get; }

    public int RowCount { get; }

    /// <summary>The source for the start of a message: <c>File 'x.parquet'</c>, or a description such as <c>DataFrame 'facilities'</c> as is.</summary>
    public string Label => Source.StartsWith("DataFrame ", StringComparison.Ordinal) ? Source : $"File '{Source}'";

    /// <summary>The number a person sees for row 0 outside a Parquet file (2 in a spreadsheet whose row 1 is the header).</summary>
    public int RowNumberBase { get; set; }

    /// <summary>The file's key-value metadata (read), or the extra pairs to write.</summary>
    public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public IEnumerable<ColumnData> Columns => Spec.Columns.Where(c => _columns.ContainsKey(c.Name)).Select(c => _columns[c.Name]);

    public void Add(ColumnData column)
    {
        if (column.Length != RowCount)
        {
            throw new InvalidOperationException($"Column '{column.Spec.Name}' has {column.Length} values; the table has {RowCount} rows.");
        }

        _columns[column.Spec.Name] = column;
    }

    public void AddRowGroup(int rowGroup, int firstRow) => _rowGroups.Add((rowGroup, firstRow));

    public bool Has(string name) => _columns.ContainsKey(name);

    public ColumnData? Column(string name) => _columns.GetValueOrDefault(name);

    /// <summary>Names a row for messages: <c>row group 0, row 12</c> when read from a file, else <c>row 12</c>.</summary>
    public string Where(int row)
    {
        for (int i = _rowGroups.Count - 1; i >= 0; i--)
        {
            if (row >= _rowGroups[i].FirstRow)
            {
                return string.Create(CultureInfo.InvariantCulture, $"row group {_rowGroups[i].RowGroup}, row {row - _rowGroups[i].FirstRow}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"row {row + RowNumberBase}");
    }

    public string? Text(string name, int row) => Column(name) is { } c ? ((string?[])c.Values)[row] : null;

    public double Number(string name, int row) => Column(name) is { } c ? ((double[])c.Values)[row] : double.NaN;

    public bool? Boolean(string name, int row) => Column(name) is { } c ? ((bool?[])c.Values)[row] : null;

    public DateOnly? Date(string name, int row) => Column(name) is { } c ? ((DateOnly?[])c.Values)[row] : null;

    public DateTime? Time(string name, int row) => Column(name) is { } c ? ((DateTime?[])c.Values)[row] : null;

    /// <summary>The unit of a quantity column: the file's, or the default.</summary>
    public Enum UnitOf(string name) => Column(name)?.Unit ?? Spec.Find(name)!.DefaultUnit!;
}
