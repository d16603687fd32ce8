using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Shapotou.Sdk.Contract;

namespace Shapotou.Sdk.Parquet;

/// <summary>One partition folder of a Hive-partitioned table: its path and its <c>column=value</c> pairs.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class HivePartition
{
    private readonly KeyValuePair<string, string?>[] _values;

    internal HivePartition(string path, KeyValuePair<string, string?>[] values)
    {
        Path = path;
        _values = values;
    }

    /// <summary>Gets the folder, relative to the table's folder, with <c>/</c> separators (such as <c>period=2024-01-01</c>).</summary>
    public string Path { get; }

    /// <summary>Gets the partition columns and their unescaped values (null for <see cref="HiveDataset.NullPartition"/>), outermost first.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Values => _values;

    /// <summary>Gets the text of a partition column's value.</summary>
    /// <param name="column">The column.</param>
    /// <returns>The value, or <see langword="null"/> for a null partition.</returns>
    /// <exception cref="KeyNotFoundException">The table is not partitioned by the column.</exception>
    public string? this[string column] => _values.FirstOrDefault(v => v.Key == column) is { Key: not null } pair
        ? pair.Value
        : throw new KeyNotFoundException($"Partition '{Path}' has no column '{column}'.");

    /// <summary>Gets a date partition column's value.</summary>
    /// <param name="column">The column.</param>
    /// <returns>The date, or <see langword="null"/> for a null partition.</returns>
    public DateOnly? Date(string column) => this[column] is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    /// <inheritdoc/>
    public override string ToString() => Path;
}

/// <summary>
/// Reads and writes a contract table as a Hive-partitioned folder: <c>&lt;folder&gt;/&lt;column&gt;=&lt;value&gt;/…/part-&lt;id&gt;.parquet</c>,
/// the layout DuckDB (<c>hive_partitioning</c>), Spark and Trino read as is.
/// </summary>
/// <remarks>
/// <para>Partition columns are text, date (<c>yyyy-MM-dd</c>), count or boolean columns; their values live in the folder
/// names only (not in the files), escaped as Hive escapes them (<c>%XX</c> for <c>/ = % : # ? * " ' \ [ ] ^ { }</c>,
/// control characters and DEL), a null as <see cref="NullPartition"/>.</para>
/// <para>Writing only ever adds files with new names, each written atomically, so appending a partition (or more rows to
/// one) never rewrites or endangers existing files. Reading skips files and folders whose names start with <c>.</c> or
/// <c>_</c> (temporary files, <c>_SUCCESS</c>, <c>_temporary</c>), and a filter prunes partitions before any of their
/// files is opened.</para>
/// </remarks>
public static class HiveDataset
{
    /// <summary>The folder value of a null partition value, as Hive and Spark write it.</summary>
    public const string NullPartition = "__HIVE_DEFAULT_PARTITION__";

    /// <summary>Adds rows to a partitioned table, one new file per partition the rows fall in.</summary>
    /// <param name="folder">The table's folder (such as <c>data/cems_hourly</c>); created when missing.</param>
    /// <param name="rows">The rows, with every partition column.</param>
    /// <param name="partitionBy">The partition columns, outermost first; the same for every append to one folder.</param>
    /// <param name="cancellationToken">Cancels the write; files already in place stay complete, existing files untouched.</param>
    /// <returns>The files written, in partition order.</returns>
    /// <exception cref="ArgumentException">A partition column is not of the table, of a kind that cannot partition, or absent from the rows; or the folder is partitioned otherwise.</exception>
    /// <exception cref="ShapotouDataException">A required value is null.</exception>
    public static async Task<IReadOnlyList<string>> AppendAsync(string folder, TableBatch rows, IReadOnlyList<string> partitionBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(partitionBy);
        TableSpec table = rows.Table;
        ColumnSpec[] keys = partitionBy.Select(name => PartitionColumn(table, name)).ToArray();
        foreach (ColumnSpec key in keys.Where(k => !rows.Has(k.Name)))
        {
            throw new ArgumentException($"The rows lack the partition column '{key.Name}'.", nameof(rows));
        }

        if (Directory.Exists(folder) && ListFiles(folder).FirstOrDefault() is { } existing)
        {
            string[] names = existing.Partition.Values.Select(v => v.Key).ToArray();
            if (!names.SequenceEqual(partitionBy, StringComparer.Ordinal))
            {
                throw new ArgumentException(
                    $"Folder '{folder}' is partitioned by {Join(names)}; the rows were to be partitioned by {Join(partitionBy)}.", nameof(partitionBy));
            }
        }

        // Group the rows by partition, in the order of the folder names.
        var groups = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < rows.RowCount; i++)
        {
            var path = new StringBuilder();
            foreach (ColumnSpec key in keys)
            {
                string? value = Format(rows.Data, key, i);
                if (value is null && key.Required)
                {
                    throw new ShapotouDataException($"{rows.Describe(i)}, column '{key.Name}': the value is null; the column of table '{table.Name}' is required.");
                }

                path.Append(path.Length == 0 ? string.Empty : "/").Append(key.Name).Append('=').Append(value is null ? NullPartition : Escape(value));
            }

            if (!groups.TryGetValue(path.ToString(), out List<int>? members))
            {
                groups[path.ToString()] = members = [];
            }

            members.Add(i);
        }

        string[] stored = rows.Columns.Where(c => !partitionBy.Contains(c, StringComparer.Ordinal)).ToArray();
        Dictionary<string, Enum> units = ParquetTables.Units(rows);
        var written = new List<string>(groups.Count);
        foreach ((string partition, List<int> members) in groups)
        {
            var part = new TableData(table, $"{partition}/", members.Count);
            foreach (string column in stored)
            {
                part.Add(Select(rows.Data.Column(column)!, members));
            }

            foreach (KeyValuePair<string, string> pair in rows.Metadata)
            {
                part.Metadata[pair.Key] = pair.Value;
            }

            string path = System.IO.Path.Combine([folder, .. partition.Split('/'), $"part-{Guid.NewGuid():N}.parquet"]);
            ParquetTableWriter writer = await ParquetTableWriter.CreateAsync(path, table, stored, units, new Dictionary<string, string>(rows.Metadata), ParquetTableWriter.RowGroupSize, partitionBy.ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
            await using (writer.ConfigureAwait(false))
            {
                writer.CreateOnly = true;
                await writer.WriteAsync(new TableBatch(part, -1, 0), cancellationToken).ConfigureAwait(false);
                await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            written.Add(path);
        }

        return written;
    }

    /// <summary>Lists the partitions of a table's folder.</summary>
    /// <param name="folder">The table's folder.</param>
    /// <returns>The partitions with at least one file, ordered by path.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="ShapotouDataException">A folder name is not <c>column=value</c>, or the partitions disagree on their columns.</exception>
    public static IReadOnlyList<HivePartition> Partitions(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return ListFiles(folder).Select(f => f.Partition).DistinctBy(p => p.Path).ToArray();
    }

    /// <summary>Reads a partitioned table one row group at a time, with the partition values as columns.</summary>
    /// <remarks>A partition key that is not a column of the table (<c>date=</c> of <c>hj212 serve</c>'s layout, a
    /// <c>year=</c> or <c>month=</c> a job derived from a timestamp) places the files and is offered to the filter, but
    /// adds no column: the rows keep their own timestamps.</remarks>
    /// <param name="folder">The table's folder.</param>
    /// <param name="table">The contract table.</param>
    /// <param name="filter">Which partitions to read (all when null); the files of the others are never opened.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Batches of one row group each, partition by partition in path order.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="ShapotouDataException">A folder name, file or value is bad; messages name the file (relative to the folder), column, row group and row.</exception>
    public static async IAsyncEnumerable<TableBatch> ReadBatchesAsync(string folder, TableSpec table, Func<HivePartition, bool>? filter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long first = 0;
        int group = 0;
        foreach (HiveFile file in FilesToRead(folder, table, filter))
        {
            await foreach (TableData data in file.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return new TableBatch(data, group++, first);
                first += data.RowCount;
            }
        }
    }

    /// <summary>The files of a partitioned table the filter keeps, in path order, its partition keys checked against the table.</summary>
    internal static IReadOnlyList<HiveFile> FilesToRead(string folder, TableSpec table, Func<HivePartition, bool>? filter)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(table);
        List<(string Path, string Name, HivePartition Partition)> files = ListFiles(folder);
        if (files.Count > 0)
        {
            // A key that is not a column of the table (hj212 serve's date=, a Spark job's year=) only places the file:
            // the filter sees it, the rows do not get it.
            foreach (KeyValuePair<string, string?> pair in files[0].Partition.Values.Where(p => table.Find(p.Key) is not null))
            {
                try
                {
                    PartitionColumn(table, pair.Key);
                }
                catch (ArgumentException exception)
                {
                    throw new ShapotouDataException($"Folder '{files[0].Partition.Path}': {exception.Message.Split(" (Parameter", 2)[0]}", exception);
                }
            }
        }

        return [.. files.Where(f => filter is null || filter(f.Partition)).Select(f => new HiveFile(f.Path, f.Name, f.Partition, table))];
    }

    /// <summary>One file of a partitioned table.</summary>
    /// <param name="Path">The file.</param>
    /// <param name="Name">The file relative to the table's folder, as messages name it.</param>
    /// <param name="Partition">Its partition.</param>
    /// <param name="Table">The contract table.</param>
    internal sealed record HiveFile(string Path, string Name, HivePartition Partition, TableSpec Table)
    {
        /// <summary>Reads the file's row groups with Parquet.Net, the partition values that are columns of the table added as columns.</summary>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <param name="only">The one row group to read (all when null).</param>
        public async IAsyncEnumerable<TableData> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken, int? only = null)
        {
            var supplied = new HashSet<string>(Partition.Values.Select(v => v.Key).Where(k => Table.Find(k) is not null), StringComparer.Ordinal);
            await foreach (TableData data in ParquetTableReader.ReadRowGroupsAsync(Path, Table, cancellationToken, Name, supplied, only).ConfigureAwait(false))
            {
                foreach (KeyValuePair<string, string?> pair in Partition.Values)
                {
                    if (Table.Find(pair.Key) is { } column)
                    {
                        AddPartitionColumn(data, column, pair.Value, Name);
                    }
                }

                yield return data;
            }
        }
    }

    /// <summary>Reads a whole partitioned table (the partitions the filter keeps).</summary>
    /// <param name="folder">The table's folder.</param>
    /// <param name="table">The contract table.</param>
    /// <param name="filter">Which partitions to read (all when null).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>All rows, partition by partition in path order.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="ShapotouDataException">A folder name, file or value is bad.</exception>
    public static async Task<TableBatch> ReadAsync(string folder, TableSpec table, Func<HivePartition, bool>? filter = null, CancellationToken cancellationToken = default)
    {
        var batches = new List<TableBatch>();
        await foreach (TableBatch batch in ReadBatchesAsync(folder, table, filter, cancellationToken).ConfigureAwait(false))
        {
            batches.Add(batch);
        }

        return new TableBatch(Concatenate(table, new DirectoryInfo(folder).Name, batches), -1, 0);
    }

    private static TableData Concatenate(TableSpec table, string source, List<TableBatch> batches)
    {
        int total = batches.Sum(b => b.RowCount);
        var result = new TableData(table, source, total);
        foreach (KeyValuePair<string, string> pair in batches.FirstOrDefault()?.Metadata ?? new Dictionary<string, string>())
        {
            result.Metadata[pair.Key] = pair.Value;
        }

        foreach (ColumnSpec column in table.Columns)
        {
            ColumnData? firstColumn = batches.Select(b => b.Data.Column(column.Name)).FirstOrDefault(c => c is not null);
            if (firstColumn is null)
            {
                continue;
            }

            ColumnData merged = ColumnData.Empty(column, total, firstColumn.Unit);
            int at = 0;
            foreach (TableBatch batch in batches)
            {
                Array values = batch.Data.Column(column.Name) switch
                {
                    null => ColumnData.Empty(column, batch.RowCount, null).Values,
                    { Spec.Type: ColumnType.Quantity } c when !Equals(c.Unit, firstColumn.Unit) => batch.NumbersIn(column.Name, firstColumn.Unit!),
                    { } c => c.Values,
                };
                if (values is double[] && batch.Data.Column(column.Name) is null)
                {
                    Array.Fill((double[])values, double.NaN);
                }

                Array.Copy(values, 0, merged.Values, at, batch.RowCount);
                at += batch.RowCount;
            }

            result.Add(merged);
        }

        return result;
    }

    private static ColumnSpec PartitionColumn(TableSpec table, string name)
    {
        ColumnSpec column = table.Find(name)
            ?? throw new ArgumentException($"Table '{table.Name}' has no column '{name}' to partition by.", nameof(name));
        if (column.Type is not (ColumnType.Text or ColumnType.Date or ColumnType.Count or ColumnType.Boolean))
        {
            throw new ArgumentException($"Column '{name}' of table '{table.Name}' is {column.Type}; a partition column is text, a date, a count or a boolean.", nameof(name));
        }

        return column;
    }

    private static string? Format(TableData data, ColumnSpec column, int row) => data.Column(column.Name)!.Values.GetValue(row) switch
    {
        null => null,
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        int n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        var other => throw new InvalidOperationException($"Column '{column.Name}' holds {other.GetType().Name}."),
    };

    private static void AddPartitionColumn(TableData data, ColumnSpec column, string? text, string file)
    {
        object? value;
        try
        {
            value = text is null ? null : column.Type switch
            {
                ColumnType.Date => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                ColumnType.Count => int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                ColumnType.Boolean => bool.Parse(text),
                _ => text,
            };
        }
        catch (FormatException exception)
        {
            throw new ShapotouDataException($"File '{file}', partition column '{column.Name}': '{text}' is not a {column.Type.ToString().ToLowerInvariant()}; expected {Expected(column)}.", exception);
        }

        if (value is null && column.Required)
        {
            throw new ShapotouDataException($"File '{file}', partition column '{column.Name}': the value is null ({NullPartition}); the column is required.");
        }

        if (data.Column(column.Name) is { } stored)
        {
            // A file that also holds the partition column must agree with its folder.
            for (int i = 0; i < data.RowCount; i++)
            {
                if (!Equals(stored.Values.GetValue(i), value))
                {
                    throw new ShapotouDataException($"File '{file}', column '{column.Name}', {data.Where(i)}: '{stored.Values.GetValue(i)}' differs from its partition folder's '{text ?? NullPartition}'.");
                }
            }

            return;
        }

        ColumnData filled = ColumnData.Empty(column, data.RowCount, null);
        for (int i = 0; i < data.RowCount; i++)
        {
            filled.Values.SetValue(value, i);
        }

        data.Add(filled);
    }

    private static string Expected(ColumnSpec column) => column.Type switch
    {
        ColumnType.Date => "yyyy-MM-dd",
        ColumnType.Count => "a whole number",
        ColumnType.Boolean => "true or false",
        _ => "text",
    };

    private static ColumnData Select(ColumnData column, List<int> rows)
    {
        ColumnData result = ColumnData.Empty(column.Spec, rows.Count, column.Unit);
        for (int i = 0; i < rows.Count; i++)
        {
            result.Values.SetValue(column.Values.GetValue(rows[i]), i);
        }

        return result;
    }

    /// <summary>The data files under a table's folder with their partitions, ordered by relative path.</summary>
    private static List<(string Path, string Name, HivePartition Partition)> ListFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Folder '{folder}' does not exist.");
        }

        string root = System.IO.Path.GetFullPath(folder);
        var files = new List<(string Path, string Name, HivePartition Partition)>();
        string[]? keys = null;
        string? keysFrom = null;
        foreach (string file in Enumerate(root).Order(StringComparer.Ordinal))
        {
            string relative = System.IO.Path.GetRelativePath(root, file).Replace(System.IO.Path.DirectorySeparatorChar, '/');
            string[] segments = relative.Split('/');
            var values = new KeyValuePair<string, string?>[segments.Length - 1];
            for (int s = 0; s < values.Length; s++)
            {
                int equals = segments[s].IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    throw new ShapotouDataException($"File '{relative}': folder '{segments[s]}' is not a partition; expected <column>=<value>.");
                }

                string value = segments[s][(equals + 1)..];
                values[s] = new(segments[s][..equals], value == NullPartition ? null : Unescape(value));
            }

            string[] names = values.Select(v => v.Key).ToArray();
            if (keys is null)
            {
                (keys, keysFrom) = (names, relative);
            }
            else if (!keys.SequenceEqual(names, StringComparer.Ordinal))
            {
                throw new ShapotouDataException($"File '{relative}' is partitioned by {Join(names)}; file '{keysFrom}' by {Join(keys)}; expected one partitioning.");
            }

            string partition = string.Join('/', segments[..^1]);
            files.Add((file, relative, new HivePartition(partition, values)));
        }

        return files;
    }

    private static IEnumerable<string> Enumerate(string folder)
    {
        foreach (string file in Directory.EnumerateFiles(folder, "*.parquet"))
        {
            if (!Hidden(file))
            {
                yield return file;
            }
        }

        foreach (string child in Directory.EnumerateDirectories(folder))
        {
            if (!Hidden(child))
            {
                foreach (string file in Enumerate(child))
                {
                    yield return file;
                }
            }
        }
    }

    private static bool Hidden(string path) => System.IO.Path.GetFileName(path) is ['.' or '_', ..];

    private static string Join(IEnumerable<string> names) => names.Any() ? string.Join(", ", names.Select(n => $"'{n}'")) : "nothing";

    /// <summary>Escapes a value the way Hive's <c>FileUtils.escapePathName</c> does.</summary>
    internal static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            if (c < ' ' || c == '\u007F' || "\"#%'*/:=?\\[]^{}".Contains(c, StringComparison.Ordinal))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Undoes <see cref="Escape"/>: <c>%XX</c> is the character XX; anything else is kept.</summary>
    internal static string Unescape(string value)
    {
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length && int.TryParse(value.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
            {
                builder.Append((char)code);
                i += 2;
            }
            else
            {
                builder.Append(value[i]);
            }
        }

        return builder.ToString();
    }
}
