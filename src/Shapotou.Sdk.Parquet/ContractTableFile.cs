using System.Globalization;
using Shapotou.Sdk.Contract;
using UnitsNet;

namespace Shapotou.Sdk.Parquet;

/// <summary>
/// One contract table as a Parquet file, column by column, for callers that hold their own rows (such as the HJ 212
/// receiver's <c>cems_minute</c> and <c>cems_hourly</c> partitions): values by column name, typed per
/// <see cref="ColumnType"/>.
/// </summary>
/// <remarks>
/// Column arrays: <c>string?[]</c> for <see cref="ColumnType.Text"/>; <c>double[]</c> (NaN for null) in the column's
/// default unit for <see cref="ColumnType.Quantity"/> and <see cref="ColumnType.Number"/>; <c>bool?[]</c>,
/// <c>int?[]</c>, <c>DateOnly?[]</c> and <c>DateTime?[]</c> (China Standard Time wall clock) for the others. Writes are
/// atomic (a temporary file renamed over the target), with the units in the file metadata.
/// </remarks>
public static class ContractTableFile
{
    /// <summary>Writes a table.</summary>
    /// <param name="path">The file to write; its folder is created.</param>
    /// <param name="spec">The table, such as <see cref="ContractSchema.CemsMinute"/>.</param>
    /// <param name="columns">The columns by name; every required column, each of one length.</param>
    /// <param name="cancellationToken">Cancels the write; the target is then left as it was.</param>
    /// <returns>A task that completes when the file is on disk.</returns>
    /// <exception cref="ArgumentException">A column is not in the table, has the wrong array type or length, or a
    /// required column is missing or has a null; the message names the table, column and row.</exception>
    public static async Task WriteAsync(string path, TableSpec spec, IReadOnlyDictionary<string, Array> columns, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(columns);
        int rows = columns.Count == 0 ? 0 : columns.Values.First().Length;
        var table = new TableData(spec, Path.GetFileName(path), rows);
        foreach (KeyValuePair<string, Array> pair in columns)
        {
            ColumnSpec column = spec.Find(pair.Key)
                ?? throw new ArgumentException($"Table '{spec.Name}' has no column '{pair.Key}'.", nameof(columns));
            if (pair.Value.Length != rows)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Column '{pair.Key}' of table '{spec.Name}' has {pair.Value.Length} values; expected {rows}."), nameof(columns));
            }

            table.Add(column.Type switch
            {
                ColumnType.Text when pair.Value is string?[] text => CheckRequired(spec, column, ColumnData.Text(column, text), text),
                ColumnType.Quantity or ColumnType.Number when pair.Value is double[] numbers => ColumnData.Numbers(column, numbers),
                ColumnType.Boolean when pair.Value is bool?[] flags => ColumnData.Booleans(column, flags),
                ColumnType.Count when pair.Value is int?[] counts => ColumnData.Integers(column, counts),
                ColumnType.Date when pair.Value is DateOnly?[] dates => CheckRequired(spec, column, ColumnData.Dates(column, dates), dates),
                ColumnType.Timestamp when pair.Value is DateTime?[] times => CheckRequired(spec, column, ColumnData.Times(column, times), times),
                _ => throw new ArgumentException($"Column '{pair.Key}' of table '{spec.Name}' is {column.Type}; {pair.Value.GetType().Name} is not its array type.", nameof(columns)),
            });
        }

        foreach (ColumnSpec required in spec.Columns.Where(c => c.Required))
        {
            if (!table.Has(required.Name))
            {
                throw new ArgumentException($"Table '{spec.Name}' needs column '{required.Name}'.", nameof(columns));
            }
        }

        await ParquetTableWriter.WriteAsync(path, table, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a table written by any writer, with quantities converted to their column's default unit.</summary>
    /// <param name="path">The file.</param>
    /// <param name="spec">The table.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The columns the file has, by name, as the array types of <see cref="WriteAsync"/>.</returns>
    /// <exception cref="ShapotouDataException">The file does not hold the table; the message names file, column, row
    /// group and row.</exception>
    public static async Task<IReadOnlyDictionary<string, Array>> ReadAsync(string path, TableSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(spec);
        TableData table = await ParquetTableReader.ReadAsync(path, spec, cancellationToken).ConfigureAwait(false);
        var columns = new Dictionary<string, Array>(StringComparer.Ordinal);
        foreach (ColumnData column in table.Columns)
        {
            if (column.Values is double[] numbers && column.Unit is { } unit && column.Spec.DefaultUnit is { } target && !Equals(unit, target))
            {
                double[] converted = new double[numbers.Length];
                for (int i = 0; i < numbers.Length; i++)
                {
                    converted[i] = double.IsNaN(numbers[i]) ? double.NaN : UnitConverter.Convert(numbers[i], unit, target);
                }

                columns[column.Spec.Name] = converted;
            }
            else
            {
                columns[column.Spec.Name] = column.Values;
            }
        }

        return columns;
    }

    private static ColumnData CheckRequired<T>(TableSpec spec, ColumnSpec column, ColumnData data, T?[] values)
    {
        if (column.Required)
        {
            int row = Array.FindIndex(values, v => v is null);
            if (row >= 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Column '{column.Name}' of table '{spec.Name}', row {row}, is null; the column is required."), nameof(values));
            }
        }

        return data;
    }
}
