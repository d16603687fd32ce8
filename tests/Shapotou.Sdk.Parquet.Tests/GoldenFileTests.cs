using Parquet.Schema;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Model;
using UnitsNet.Units;

namespace Shapotou.Sdk.Parquet.Tests;

/// <summary>
/// The committed golden files of <c>golden/</c>, written by DuckDB (@duckdb/node-api) and arrow-rs (parquet-wasm) with
/// <c>golden/generate.mjs</c>: every value the script wrote is asserted exactly as the SDK reads it.
/// </summary>
public sealed class GoldenFileTests
{
    private static readonly DateTime[] s_hoursMillis = [new(2024, 1, 1, 0, 0, 0), new(2024, 2, 29, 23, 0, 0), new(2024, 7, 1, 12, 34, 56, 789)];
    private static readonly DateTime[] s_hoursMicros = [s_hoursMillis[0], s_hoursMillis[1], s_hoursMillis[2].AddTicks(120)];

    // 12:34:56.789012345: DateTime keeps 100 ns ticks, so the last 45 ns are truncated.
    private static readonly DateTime[] s_hoursNanos = [s_hoursMillis[0], s_hoursMillis[1], s_hoursMillis[2].AddTicks(123)];

    internal static string Golden(string file) => Path.Combine(AppContext.BaseDirectory, "golden", file);

    private static Task<TableData> ReadAsync(string file, TableSpec spec) => ParquetTableReader.ReadAsync(Golden(file), spec, default);

    internal static double[] Numbers(TableData table, string column) => (double[])table.Column(column)!.Values;

    internal static string Texts(TableData table, string column) => string.Join(",", (string?[])table.Column(column)!.Values);

    internal static DateTime?[] Times(TableData table, string column) => (DateTime?[])table.Column(column)!.Values;

    [Fact]
    public void GoldenFiles_AreSmall()
    {
        string[] files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "golden"), "*.parquet");

        Assert.Equal(13, files.Length);
        Assert.All(files, f => Assert.InRange(new FileInfo(f).Length, 1, 100 * 1024));
    }

    [Fact]
    public async Task DuckDb_EnergyLedger_DateFloatIntegersDecimalsSmallintNullsAndUnitMetadata()
    {
        TableData t = await ReadAsync("duckdb_energy_ledger.parquet", ContractSchema.EnergyLedger);

        Assert.Equal(3, t.RowCount);
        Assert.Equal("yx-f1,yx-f1,yx-f1", Texts(t, "facility_id"));
        Assert.Equal([new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1), new DateOnly(2024, 12, 1)], (DateOnly?[])t.Column("period")!.Values);
        Assert.Equal("FeSi75,FeSi75,FeSi75", Texts(t, "product"));
        Assert.Equal([2345.5, 0.25, 1e6], Numbers(t, "output")); // FLOAT, exact in binary
        Assert.Equal([17_700, 0, 1], Numbers(t, "electricity_purchased")); // BIGINT
        Assert.Equal(EnergyUnit.MegawattHour, t.UnitOf("electricity_purchased")); // KV_METADATA
        Assert.Equal([19_100_000, 0, int.MaxValue], Numbers(t, "furnace_electricity")); // INTEGER
        Assert.Equal([(double)1876.125m, (double)0.001m, (double)999_999.999m], Numbers(t, "coke")); // DECIMAL(9,3) as INT32
        Assert.Equal([(double)12.3456m, 0, (double)99_999_999_999_999.9999m], Numbers(t, "semi_coke")); // DECIMAL(18,4) as INT64
        Assert.Equal([(double)1.000001m, (double)123_456_789_012.5m, 0], Numbers(t, "coal")); // DECIMAL(38,6) as FIXED_LEN_BYTE_ARRAY
        Assert.Equal([double.NaN, 1500.75, 0], Numbers(t, "natural_gas")); // nullable DOUBLE
        Assert.Equal([3, 0, short.MaxValue], Numbers(t, "diesel")); // SMALLINT
        Assert.Equal([98.1, 97.5, double.NaN], Numbers(t, "ore_grade"));
        Assert.Equal(EnergyUnit.KilowattHour, t.UnitOf("furnace_electricity"));

        EnergyLedgerEntry first = ContractMapping.ToEnergyLedger(t)[0];
        Assert.Equal(17_700, first.ElectricityPurchased!.Value.MegawattHours);
        Assert.Null(first.NaturalGas);
        Assert.Null(first.ElectricityExported); // a carrier column the file lacks is unknown, as a null cell is
    }

    [Theory]
    [InlineData("duckdb_cems_timestamp_ms.parquet", "ms")]
    [InlineData("duckdb_cems_timestamp_us.parquet", "us")]
    [InlineData("duckdb_cems_timestamp_ns.parquet", "ns")]
    [InlineData("duckdb_cems_timestamptz.parquet", "us")] // UTC-adjusted micros, 8 h earlier in the file
    [InlineData("arrow_rs_cems_timestamp_ms.parquet", "ms")]
    [InlineData("arrow_rs_cems_timestamp_us.parquet", "us")]
    [InlineData("arrow_rs_cems_timestamp_ns.parquet", "ns")]
    [InlineData("arrow_rs_cems_timestamp_ms_utc.parquet", "ms")]
    [InlineData("arrow_rs_cems_timestamp_us_utc.parquet", "us")]
    [InlineData("arrow_rs_cems_timestamp_ns_utc.parquet", "ns")]
    [InlineData("arrow_rs_cems_timestamp_us_shanghai.parquet", "us")] // zoned Arrow type: UTC instants, adjusted
    public async Task CemsHourly_EveryTimestampKind_ReadsAsChinaStandardTime_AndEveryNumberKindWidens(string file, string unit)
    {
        TableData t = await ReadAsync(file, ContractSchema.CemsHourly);

        DateTime[] expected = unit switch { "ms" => s_hoursMillis, "us" => s_hoursMicros, _ => s_hoursNanos };
        Assert.Equal(expected.Select(h => (DateTime?)h), Times(t, "hour"));
        Assert.All(Times(t, "hour"), h => Assert.Equal(DateTimeKind.Unspecified, h!.Value.Kind));
        Assert.Equal("yx-da001,yx-da001,yx-da001", Texts(t, "outlet_id"));
        Assert.Equal([(double)22.13f, double.NaN, 0], Numbers(t, "so2")); // float32 widened, not re-rounded
        Assert.Equal([0.1 + 0.2, double.NaN, 1e-300], Numbers(t, "nox"));
        Assert.Equal([25.125, double.NaN, -0.5], Numbers(t, "pm")); // DECIMAL(6,3)
        Assert.Equal([18.5, double.NaN, 18.4], Numbers(t, "o2"));
        Assert.Equal([297_000, double.NaN, 2_000_000_000], Numbers(t, "flow")); // INT32 (DuckDB) or INT64 (arrow-rs)
        Assert.Equal(VolumeFlowUnit.CubicMeterPerHour, t.UnitOf("flow"));
        Assert.Equal("N,F,N", Texts(t, "flag"));
    }

    [Fact]
    public async Task ArrowRs_EnergyLedger_Date32Int32Int64Decimal128Float32AndDictionaryStrings()
    {
        TableData t = await ReadAsync("arrow_rs_energy_ledger.parquet", ContractSchema.EnergyLedger);

        Assert.Equal("hx-f2,hx-f2,hx-f2", Texts(t, "facility_id"));
        Assert.Equal([new DateOnly(2023, 1, 1), new DateOnly(2023, 6, 1), new DateOnly(2023, 12, 1)], (DateOnly?[])t.Column("period")!.Values);
        Assert.Equal("SiMn,SiMn,SiMn", Texts(t, "product"));
        Assert.Equal([4100, 0, int.MaxValue], Numbers(t, "output"));
        Assert.Equal([16_400_000, 0, 9_007_199_254_740_993L], Numbers(t, "electricity_purchased")); // 2^53 + 1 rounds to 2^53, as any double does
        Assert.Equal([1234.56, 0.01, 999_999_999.99], Numbers(t, "coke"));
        Assert.Equal([double.NaN, (double)0.1f, float.MaxValue], Numbers(t, "natural_gas"));
        Assert.Equal([68.25, double.Epsilon, 100], Numbers(t, "ore_grade")); // the smallest subnormal survives
        Assert.False(t.Has("coal"));
    }

    [Fact]
    public async Task Int96_AsSparkAndImpalaWriteIt_IsTakenAsUtcAndConvertedToChinaStandardTime()
    {
        // None of the served writers (DuckDB, arrow-rs) writes INT96; Parquet.Net writes it the Impala/Spark way
        // (nanoseconds of the day and a Julian day), which is what the reader meets in Spark's files.
        string path = Path.Combine(Path.GetTempPath(), $"int96-{Guid.NewGuid():N}.parquet");
        try
        {
            await ForeignFile.WriteAsync(
                path,
                null,
                (new DataField<string>("outlet_id"), new[] { "o1", "o1" }),
                (new DateTimeDataField("hour", DateTimeFormat.Impala, isNullable: false), new[] { new DateTime(2023, 12, 31, 16, 0, 0, DateTimeKind.Utc), new DateTime(2024, 2, 29, 15, 0, 0, DateTimeKind.Utc) }));

            TableData t = await ParquetTableReader.ReadAsync(path, ContractSchema.CemsHourly, default);

            Assert.Equal([new DateTime(2024, 1, 1, 0, 0, 0), new DateTime(2024, 2, 29, 23, 0, 0)], Times(t, "hour"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
