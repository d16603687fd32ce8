using System.Data.Common;
using DuckDB.NET.Data;
using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Cli.Tests;

/// <summary>A dataset exported once as Parquet, the DuckDB script of <c>shapotou sql</c> run over it, and the dataset
/// in memory for the SDK's side of each comparison.</summary>
public abstract class SqlExport : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly Dictionary<string, DuckDBConnection> _others = new(StringComparer.Ordinal);

    protected SqlExport(Action<string> export, Func<string, ClusterDataset> load)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(load);
        Folder = Path.Combine(Path.GetTempPath(), $"shapotou-sql-{Guid.NewGuid():N}");
        export(Folder);
        (int code, string output, string error) = CliRunner.Run("sql", "--data", Folder);
        if (code != 0)
        {
            throw new InvalidOperationException(error);
        }

        Script = output;
        Data = load(Folder);
        _connection = Connect(Script);
    }

    public string Folder { get; }

    public string Script { get; }

    /// <summary>Gets the dataset the SDK computes from: the same rows as the files.</summary>
    public ClusterDataset Data { get; }

    public List<object?[]> Query(string sql) => Query(_connection, sql);

    /// <summary>Runs a query over the script <c>shapotou sql --data</c> writes with further options (written and run
    /// once per set of options).</summary>
    public List<object?[]> QueryWith(string[] options, string sql)
    {
        ArgumentNullException.ThrowIfNull(options);
        string key = string.Join(' ', options);
        lock (_others)
        {
            if (!_others.TryGetValue(key, out DuckDBConnection? connection))
            {
                (int code, string output, string error) = CliRunner.Run(["sql", "--data", Folder, .. options]);
                if (code != 0)
                {
                    throw new InvalidOperationException(error);
                }

                connection = Connect(output);
                _others[key] = connection;
            }

            return Query(connection, sql);
        }
    }

    private static DuckDBConnection Connect(string script)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using DbCommand command = connection.CreateCommand();
        command.CommandText = script;
        command.ExecuteNonQuery();
        return connection;
    }

    private static List<object?[]> Query(DuckDBConnection connection, string sql)
    {
        using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using DbDataReader reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public void Dispose()
    {
        _connection.Dispose();
        foreach (DuckDBConnection connection in _others.Values)
        {
            connection.Dispose();
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
