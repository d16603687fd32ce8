using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Units;
using UnitsNet.Units;

namespace Shapotou.Sdk.Parquet.Tests;

/// <summary>
/// The page decoder's reading of <c>cems_hourly</c> (<see cref="CemsHourlyPages"/>) against Parquet.Net's and the model's
/// (<see cref="ContractMapping.ToCemsHourly"/>), row group by row group, on files DuckDB writes in the layouts other
/// writers use: dictionary and PLAIN text, version 1 and 2 pages, each codec, every timestamp unit, nulls everywhere
/// the contract allows them.
/// </summary>
public sealed class CemsHourlyPagesTests : IDisposable
{
    private const int Rows = 30_000;
    private static readonly string[] s_outlets = [.. Enumerable.Range(0, 6).Select(i => $"o{i}"), .. Enumerable.Range(0, Rows).Select(i => $"u{i}")];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-cems-pages-{Guid.NewGuid():N}");

    public CemsHourlyPagesTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Rows of six outlets (dictionary text) or one outlet per row (PLAIN text once the dictionary is too
    /// large), nulls in every optional column, per-value flags overriding the row's.</summary>
    private static string Select(string hourType, bool uniqueOutlets, string flag = "'N'", string so2 = "(i % 97) * 1.5", string? outlets = null) => $"""
        SELECT {outlets ?? (uniqueOutlets ? "'u' || i" : "'o' || (i // 5000)")} AS outlet_id,
               (TIMESTAMP '2023-12-01 00:00:00' + to_hours(i % 4000))::{hourType} AS hour,
               (CASE WHEN i % 11 = 0 THEN NULL ELSE {so2} END)::DOUBLE AS so2,
               (CASE WHEN i % 12 = 0 THEN NULL ELSE (i % 89) * 2.25 END)::DOUBLE AS nox,
               (CASE WHEN i % 13 = 0 THEN NULL ELSE (i % 23) * 0.125 END)::DOUBLE AS pm,
               (CASE WHEN i % 14 = 0 THEN NULL ELSE 3 + (i % 150) / 10.0 END)::DOUBLE AS o2,
               (CASE WHEN i % 15 = 0 THEN NULL ELSE 100000 + i END)::DOUBLE AS flow,
               CASE WHEN i % 16 = 0 THEN NULL WHEN i % 16 = 1 THEN 'F' WHEN i % 16 = 2 THEN 'M' ELSE {flag} END AS flag,
               (CASE WHEN i % 17 = 0 THEN NULL ELSE (i % 7) * 0.5 END)::DOUBLE AS nh3,
               CASE WHEN i % 21 = 0 THEN 'T' END AS so2_flag,
               CASE WHEN i % 22 = 0 THEN 'D' END AS nox_flag,
               CASE WHEN i % 23 = 0 THEN 'C' END AS pm_flag,
               CASE WHEN i % 24 = 0 THEN 'N' END AS o2_flag,
               CASE WHEN i % 25 = 0 THEN 'M' END AS flow_flag,
               CASE WHEN i % 26 = 0 THEN NULL ELSE (i % 61)::INTEGER END AS valid_minutes
        FROM range({Rows}) t(i)
        """;

    private string Write(string select, string options)
    {
        string path = Path.Combine(_folder, $"cems_hourly-{Guid.NewGuid():N}.parquet");
        DuckDbWrittenFileTests.Execute("SET TimeZone = 'UTC'", $"COPY ({select}) TO '{path}' (FORMAT parquet, ROW_GROUP_SIZE 8192{options})");
        return path;
    }

    [Theory]
    [InlineData("TIMESTAMP", false, "", true)]
    [InlineData("TIMESTAMP", true, "", true)]
    [InlineData("TIMESTAMP_MS", false, ", COMPRESSION zstd", true)]
    [InlineData("TIMESTAMP_NS", false, ", COMPRESSION uncompressed", true)]
    [InlineData("TIMESTAMPTZ", false, ", COMPRESSION snappy", true)]
    [InlineData("TIMESTAMP", false, ", PARQUET_VERSION v2", false)] // DELTA_BINARY_PACKED timestamps: Parquet.Net's
    [InlineData("TIMESTAMP", true, ", PARQUET_VERSION v2, COMPRESSION zstd", false)]
    public async Task EveryRowGroup_IsReadByThePageDecoder_AsParquetNetAndTheModelReadIt(string hourType, bool uniqueOutlets, string options, bool pageDecoded)
    {
        string path = Write(Select(hourType, uniqueOutlets), options);

        CemsHourlyPages pages = (await CemsHourlyPages.TryOpenAsync(path, s_outlets, default))!;

        Assert.NotNull(pages);
        Assert.Equal(Rows, pages.FirstRows[^1]);
        using CemsHourlyPages.Worker worker = pages.OpenWorker();
        var decoded = new CemsPageRowGroup(pages.Largest);
        for (int g = 0; g < pages.RowGroups; g++)
        {
            bool read = pages.Read(worker, g, decoded);
            Assert.True(read || !pageDecoded, $"Row group {g} was left to Parquet.Net.");
            if (read)
            {
                AssertSame(await ReadWithParquetNet(path, g), decoded);
            }
        }
    }

    /// <summary>PLAIN text in runs of one to three rows whose neighbours differ in length or in one byte ('u1', 'u10',
    /// 'u11', 'u2'): each row gets its own outlet, whether it repeats the value before or not.</summary>
    [Fact]
    public async Task PlainTextInRuns_GivesEachRowItsOwnOutlet()
    {
        string path = Write(Select("TIMESTAMP", false, outlets: "'u' || ((i // 3) + (i % 3 = 2)::INTEGER * 10)"), string.Empty);

        CemsHourlyPages pages = (await CemsHourlyPages.TryOpenAsync(path, s_outlets, default))!;
        using CemsHourlyPages.Worker worker = pages.OpenWorker();
        var decoded = new CemsPageRowGroup(pages.Largest);
        for (int g = 0; g < pages.RowGroups; g++)
        {
            Assert.True(pages.Read(worker, g, decoded), $"Row group {g} was left to Parquet.Net.");
            AssertSame(await ReadWithParquetNet(path, g), decoded);
        }
    }

    [Theory]
    [InlineData("'X'", "(i % 97) * 1.5")] // a flag the contract does not know
    [InlineData("'N'", "CASE WHEN i = 20003 THEN -1 ELSE 2 END::DOUBLE")] // a negative concentration
    public async Task RowGroupWithABadValue_IsLeftToParquetNet_WhichNamesIt(string flag, string so2)
    {
        string path = Write(Select("TIMESTAMP", false, flag == "'X'" ? "CASE WHEN i = 20003 THEN 'X' ELSE 'N' END" : flag, so2), string.Empty);

        CemsHourlyPages pages = (await CemsHourlyPages.TryOpenAsync(path, s_outlets, default))!;
        using CemsHourlyPages.Worker worker = pages.OpenWorker();

        int bad = (int)Array.FindLastIndex(pages.FirstRows, first => first <= 20003);
        var rows = new CemsPageRowGroup(pages.Largest);
        for (int g = 0; g < pages.RowGroups; g++)
        {
            Assert.Equal(g != bad, pages.Read(worker, g, rows));
        }

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => ReadWithParquetNet(path, bad));
        Assert.Contains($"row group {bad}, row {20003 - pages.FirstRows[bad]}", error.Message);
    }

    [Fact]
    public async Task UnknownOutlet_IsLeftToParquetNet()
    {
        string path = Write(Select("TIMESTAMP", false), string.Empty);

        CemsHourlyPages pages = (await CemsHourlyPages.TryOpenAsync(path, ["o0", "o1", "o2", "o3", "o4"], default))!;
        using CemsHourlyPages.Worker worker = pages.OpenWorker();

        // o5 starts at row 25 000.
        var rows = new CemsPageRowGroup(pages.Largest);
        Assert.True(pages.Read(worker, 0, rows));
        Assert.False(pages.Read(worker, pages.RowGroups - 1, rows));
    }

    [Fact]
    public async Task NonDefaultUnitOrNumberType_IsLeftToParquetNet()
    {
        string floats = Write("SELECT 'o0' AS outlet_id, TIMESTAMP '2024-01-01 00:00:00' AS hour, 1.5::FLOAT AS so2", string.Empty);
        string dates = Write("SELECT 'o0' AS outlet_id, '2024-01-01 00:00:00' AS hour", string.Empty);

        Assert.Null(await CemsHourlyPages.TryOpenAsync(floats, s_outlets, default));
        Assert.Null(await CemsHourlyPages.TryOpenAsync(dates, s_outlets, default));
    }

    private static async Task<CemsHourlyTable> ReadWithParquetNet(string path, int rowGroup)
    {
        await foreach (TableData data in ParquetTableReader.ReadRowGroupsAsync(path, ContractSchema.CemsHourly, default, only: rowGroup))
        {
            return ContractMapping.ToCemsHourly(data);
        }

        throw new Xunit.Sdk.XunitException($"No row group {rowGroup}.");
    }

    private static void AssertSame(CemsHourlyTable expected, CemsPageRowGroup decoded)
    {
        int n = decoded.RowCount;
        T[] Rows<T>(T[] values) => values[..n];
        Assert.Equal(expected.RowCount, n);
        Assert.Equal(expected.OutletIds, Rows(decoded.Outlets).Select(code => s_outlets[code]));
        Assert.Equal(expected.Hours.ToArray(), Rows(decoded.Hours));
        Assert.Equal(expected.So2.ToArray(MassConcentrationUnit.MilligramPerCubicMeter), Rows(decoded.So2));
        Assert.Equal(expected.Nox.ToArray(MassConcentrationUnit.MilligramPerCubicMeter), Rows(decoded.Nox));
        Assert.Equal(expected.Pm.ToArray(MassConcentrationUnit.MilligramPerCubicMeter), Rows(decoded.Pm));
        Assert.Equal(expected.Oxygen.ToArray(VolumeConcentrationUnit.Percent), Rows(decoded.Oxygen));
        Assert.Equal(expected.Flow.ToArray(VolumeFlowUnit.CubicMeterPerHour), Rows(decoded.Flow));
        Assert.True(decoded.HasAmmonia);
        Assert.Equal(expected.Optional.Nh3!.ToArray(MassConcentrationUnit.MilligramPerCubicMeter), Rows(decoded.Ammonia));
        Assert.Equal(expected.Flags.ToArray(), Rows(decoded.Flags));
        Assert.Equal(expected.EffectiveFlags(CemsValue.So2).ToArray(), Rows(decoded.So2Flags));
        Assert.Equal(expected.EffectiveFlags(CemsValue.Nox).ToArray(), Rows(decoded.NoxFlags));
        Assert.Equal(expected.EffectiveFlags(CemsValue.Pm).ToArray(), Rows(decoded.PmFlags));
        Assert.Equal(expected.EffectiveFlags(CemsValue.Flow).ToArray(), Rows(decoded.FlowFlags));

        // The rows hold every kind of value the comparison must see.
        Assert.Contains(double.NaN, Rows(decoded.So2));
        Assert.Contains(DataFlag.F, Rows(decoded.Flags));
        Assert.Contains(DataFlag.T, Rows(decoded.So2Flags));
    }
}
