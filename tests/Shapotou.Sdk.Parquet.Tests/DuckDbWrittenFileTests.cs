using System.Globalization;
using DuckDB.NET.Data;
using Shapotou.Sdk.Contract;

namespace Shapotou.Sdk.Parquet.Tests;

/// <summary>Files DuckDB.NET writes at test time, with every column type DuckDB maps to Parquet, read by the SDK.</summary>
public sealed class DuckDbWrittenFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-duckdb-{Guid.NewGuid():N}");

    public DuckDbWrittenFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    internal static void Execute(params string[] statements)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        foreach (string sql in statements)
        {
            using DuckDBCommand command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    private string Copy(string name, string select, string options = "")
    {
        string path = Path.Combine(_folder, name);
        Execute("SET TimeZone = 'UTC'", $"COPY ({select}) TO '{path}' (FORMAT parquet{options})");
        return path;
    }

    [Theory]
    [InlineData("TINYINT", "-7", -7)]
    [InlineData("SMALLINT", "-32767", -32767)]
    [InlineData("INTEGER", "2147483647", 2147483647)]
    [InlineData("BIGINT", "-9007199254740992", -9007199254740992)]
    [InlineData("UTINYINT", "255", 255)]
    [InlineData("USMALLINT", "65535", 65535)]
    [InlineData("UINTEGER", "4294967295", 4294967295)]
    [InlineData("UBIGINT", "18446744073709551615", 18446744073709551615)]
    [InlineData("FLOAT", "0.1", (double)0.1f)]
    [InlineData("DOUBLE", "0.1", 0.1)]
    [InlineData("DECIMAL(4,1)", "-123.4", -123.4)]
    [InlineData("DECIMAL(9,4)", "12345.6789", 12345.6789)]
    [InlineData("DECIMAL(18,6)", "123456789012.345678", 123456789012.345678)]
    [InlineData("DECIMAL(38,10)", "1234567890123456.0123456789", 1234567890123456.0123456789)]
    public async Task EveryNumberType_WidensToTheExactDouble_AndNullStaysUnknown(string sqlType, string literal, double expected)
    {
        string path = Copy("energy_ledger.parquet",
            $"SELECT 'f1' AS facility_id, DATE '2024-01-01' AS period, 'FeSi75' AS product, 1.0 AS output, {literal}::{sqlType} AS coke " +
            $"UNION ALL SELECT 'f1', DATE '2024-02-01', 'FeSi75', 2.0, NULL::{sqlType} ORDER BY period");

        TableData t = await ParquetTableReader.ReadAsync(path, ContractSchema.EnergyLedger, default);

        Assert.Equal([expected, double.NaN], GoldenFileTests.Numbers(t, "coke"));
    }

    [Theory]
    [InlineData("TIMESTAMP_S", "2024-03-05 06:07:08.987654321", 10_000_000)] // DuckDB's cast rounds to the type's unit
    [InlineData("TIMESTAMP_MS", "2024-03-05 06:07:08.987654321", 9_880_000)]
    [InlineData("TIMESTAMP", "2024-03-05 06:07:08.987654321", 9_876_540)]
    [InlineData("TIMESTAMP_NS", "2024-03-05 06:07:08.987654321", 9_876_543)]
    [InlineData("TIMESTAMPTZ", "2024-03-04 22:07:08.987654+00", 9_876_540)] // UTC-adjusted: 8 h later in China Standard Time
    public async Task EveryTimestampType_ReadsAsChinaStandardTimeToTheTick(string sqlType, string literal, long ticksAfterTheSecond)
    {
        string path = Copy("cems_hourly.parquet", $"SELECT 'o1' AS outlet_id, '{literal}'::{sqlType} AS hour");

        TableData t = await ParquetTableReader.ReadAsync(path, ContractSchema.CemsHourly, default);

        Assert.Equal(new DateTime(2024, 3, 5, 6, 7, 8).AddTicks(ticksAfterTheSecond), GoldenFileTests.Times(t, "hour")[0]);
    }

    [Theory]
    [InlineData("DATE '2024-02-29'")]
    [InlineData("TIMESTAMP '2024-02-29 00:00:00'")]
    public async Task Period_AsDateOrMidnightTimestamp_IsADate(string literal)
    {
        string path = Copy("solid_waste_ledger.parquet", $"SELECT 'e1' AS enterprise_id, {literal} AS period, 'slag' AS waste_type");

        TableData t = await ParquetTableReader.ReadAsync(path, ContractSchema.SolidWasteLedger, default);

        Assert.Equal(new DateOnly(2024, 2, 29), ((DateOnly?[])t.Column("period")!.Values)[0]);
    }

    [Fact]
    public async Task Period_TimestampNotAtMidnight_NamesFileColumnRowGroupAndRow()
    {
        string path = Copy("solid_waste_ledger.parquet", "SELECT 'e1' AS enterprise_id, TIMESTAMP '2024-02-29 08:00:00' AS period, 'slag' AS waste_type");

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => ParquetTableReader.ReadAsync(path, ContractSchema.SolidWasteLedger, default));

        Assert.Equal("File 'solid_waste_ledger.parquet', column 'period', row group 0, row 0: 2024-02-29 08:00:00 is not a date; expected 00:00.", error.Message);
    }

    [Fact]
    public async Task ManyRowGroups_DictionaryStringsAndNulls_ReadRowGroupByRowGroup_AndErrorsNameTheGroup()
    {
        const int Rows = 10_000;
        string select =
            "SELECT 'yx-da00' || (i % 3) AS outlet_id, TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (i) HOUR AS hour, " +
            "CASE WHEN i % 7 = 0 THEN NULL ELSE (i * 0.25)::FLOAT END AS so2, i::BIGINT AS flow " +
            $"FROM range({Rows}) t(i) ORDER BY i";
        string path = Copy("cems_hourly.parquet", select, ", ROW_GROUP_SIZE 2048");

        var sizes = new List<int>();
        int row = 0;
        await foreach (TableData batch in ParquetTableReader.ReadRowGroupsAsync(path, ContractSchema.CemsHourly, default))
        {
            sizes.Add(batch.RowCount);
            for (int i = 0; i < batch.RowCount; i++, row++)
            {
                Assert.Equal($"yx-da00{row % 3}", batch.Text("outlet_id", i));
                Assert.Equal(new DateTime(2024, 1, 1).AddHours(row), batch.Time("hour", i));
                Assert.Equal(row % 7 == 0 ? double.NaN : row * 0.25, batch.Number("so2", i));
                Assert.Equal(row, batch.Number("flow", i));
            }
        }

        Assert.Equal(Rows, row);
        Assert.True(sizes.Count >= 4, string.Join(",", sizes));
        Assert.Equal(Rows, sizes.Sum());

        // A required null deep in the file is named by its row group and its row within the group.
        string bad = Copy("energy_ledger.parquet",
            "SELECT 'f1' AS facility_id, DATE '2020-01-01' + INTERVAL (i) DAY AS period, 'FeSi75' AS product, CASE WHEN i = 5000 THEN NULL ELSE 1.0 END AS output FROM range(6000) t(i) ORDER BY i",
            ", ROW_GROUP_SIZE 2048");
        int group = 0;
        long first = 0;
        await using (global::Parquet.ParquetReader reader = await global::Parquet.ParquetReader.CreateAsync(bad))
        {
            while (first + reader.RowGroups[group].RowCount <= 5000)
            {
                first += reader.RowGroups[group++].RowCount;
            }
        }

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => ParquetTableReader.ReadAsync(bad, ContractSchema.EnergyLedger, default));
        Assert.True(group > 0);
        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"File 'energy_ledger.parquet', column 'output', row group {group}, row {5000 - first}: the value is null; the column is required."),
            error.Message);
    }
}
