using System.Globalization;
using DuckDB.NET.Data;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Parquet.Pages;
using UnitsNet.Units;

namespace Shapotou.Sdk.Parquet.Tests;

/// <summary>Hive-partitioned folders: layout, partition columns, pruning, appends, and DuckDB reading them as is.</summary>
public sealed class HiveDatasetTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-hive-{Guid.NewGuid():N}");

    public HiveDatasetTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Table => Path.Combine(_folder, "energy_ledger");

    [Fact]
    public async Task CemsHourlyPartitionedByOutlet_WithoutTheColumn_IsPageDecodedWithTheFoldersOutlet()
    {
        // Spark's partitionBy, DuckDB's PARTITION_BY and AppendAsync leave outlet_id out of the files.
        string[] outlets = ["yx-da000", "yx-da001", "yx-da002"];
        const int Rows = 300;
        var ids = new string?[Rows];
        var hours = new DateTime?[Rows];
        var so2 = new double[Rows];
        for (int i = 0; i < Rows; i++)
        {
            ids[i] = outlets[i % 3];
            hours[i] = new DateTime(2024, 1, 1).AddHours(i / 3);
            so2[i] = i;
        }

        string table = Path.Combine(_folder, "cems_hourly");
        await HiveDataset.AppendAsync(table, new TableBatch(ContractSchema.CemsHourly, Rows).SetText("outlet_id", ids).SetTimes("hour", hours).SetNumbers("so2", so2), ["outlet_id"]);
        var codes = new TextCodes(outlets);
        var supplied = new HashSet<string>(StringComparer.Ordinal) { "outlet_id" };

        for (int o = 0; o < outlets.Length; o++)
        {
            string file = Assert.Single(Directory.GetFiles(Path.Combine(table, $"outlet_id={outlets[o]}")));
            Assert.Null(await CemsHourlyPages.TryOpenAsync(file, Path.GetFileName(file), codes, supplied, -1, CancellationToken.None));

            CemsHourlyPages pages = (await CemsHourlyPages.TryOpenAsync(file, Path.GetFileName(file), codes, supplied, o, CancellationToken.None))!;
            Assert.NotNull(pages);
            using CemsHourlyPages.Worker worker = pages.OpenWorker();
            var rows = new CemsPageRowGroup(pages.Largest);
            var read = new List<double>();
            for (int g = 0; g < pages.RowGroups; g++)
            {
                Assert.True(pages.Read(worker, g, rows));
                Assert.All(rows.Outlets.Take(rows.RowCount), code => Assert.Equal(o, code));
                read.AddRange(rows.So2.Take(rows.RowCount));
            }

            Assert.Equal(Enumerable.Range(0, Rows / 3).Select(i => (double)((3 * i) + o)), read.Order());
        }
    }

    /// <summary>Ledger rows of facilities <paramref name="facilities"/> for the months of <paramref name="months"/>.</summary>
    private static TableBatch Ledger(string[] facilities, DateOnly[] months)
    {
        int n = facilities.Length * months.Length;
        var ids = new string?[n];
        var periods = new DateOnly?[n];
        var products = new string?[n];
        var output = new double[n];
        var electricity = new double[n];
        var coke = new double[n];
        int row = 0;
        foreach (string facility in facilities)
        {
            foreach (DateOnly month in months)
            {
                ids[row] = facility;
                periods[row] = month;
                products[row] = "FeSi75";
                output[row] = 1000 + (month.Month * 10.25) + facility.Length;
                electricity[row] = 8_100 * output[row];
                coke[row] = row % 3 == 0 ? double.NaN : 0.1 * row;
                row++;
            }
        }

        return new TableBatch(ContractSchema.EnergyLedger, n)
            .SetText("facility_id", ids).SetDates("period", periods).SetText("product", products)
            .SetNumbers("output", output).SetNumbers("electricity_purchased", electricity, EnergyUnit.MegawattHour).SetNumbers("coke", coke);
    }

    private static DateOnly[] Months(int year, params int[] months) => months.Select(m => new DateOnly(year, m, 1)).ToArray();

    private static string[] Files(string folder) => Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();

    private static string Rows(TableBatch t)
    {
        var lines = new List<string>();
        for (int i = 0; i < t.RowCount; i++)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{t.Text("facility_id").Span[i]} {t.Dates("period").Span[i]:yyyy-MM-dd} {t.Text("product").Span[i]} {t.Numbers("output").Span[i]:R} {t.NumbersIn("electricity_purchased", EnergyUnit.MegawattHour)[i]:R} {t.Numbers("coke").Span[i]:R}"));
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }

    [Fact]
    public async Task Append_WritesOneFilePerPartition_WithoutThePartitionColumns_AndReadsThemBackAsColumns()
    {
        TableBatch rows = Ledger(["yx-f1", "hx-f2"], Months(2024, 1, 2));

        IReadOnlyList<string> written = await HiveDataset.AppendAsync(Table, rows, ["period", "facility_id"]);

        string[] files = Files(Table);
        Assert.Equal(4, written.Count);
        Assert.Equal(
            ["period=2024-01-01/facility_id=hx-f2", "period=2024-01-01/facility_id=yx-f1", "period=2024-02-01/facility_id=hx-f2", "period=2024-02-01/facility_id=yx-f1"],
            files.Select(f => f[..f.LastIndexOf('/')]));
        Assert.All(files, f => Assert.Matches(@"/part-[0-9a-f]{32}\.parquet$", f));
        TableBatch one = await ParquetTables.ReadAsync(written[0], ContractSchema.EnergyLedger with { Columns = ContractSchema.EnergyLedger.Columns.Select(c => c with { Required = false }).ToArray() });
        Assert.False(one.Has("period"));
        Assert.False(one.Has("facility_id"));

        TableBatch read = await HiveDataset.ReadAsync(Table, ContractSchema.EnergyLedger);

        Assert.Equal(Rows(rows), Rows(read));
        Assert.Equal(EnergyUnit.MegawattHour, read.UnitOf("electricity_purchased"));
        Assert.Equal(["period=2024-01-01/facility_id=hx-f2", "period=2024-01-01/facility_id=yx-f1", "period=2024-02-01/facility_id=hx-f2", "period=2024-02-01/facility_id=yx-f1"],
            HiveDataset.Partitions(Table).Select(p => p.Path));
    }

    [Fact]
    public async Task Filter_PrunesPartitions_WhoseFilesAreNeverOpened()
    {
        await HiveDataset.AppendAsync(Table, Ledger(["yx-f1"], Months(2024, 1, 2, 3)), ["period"]);
        File.WriteAllText(Path.Combine(Table, "period=2024-01-01", "part-corrupt.parquet"), "not parquet");

        TableBatch spring = await HiveDataset.ReadAsync(Table, ContractSchema.EnergyLedger, p => p.Date("period") >= new DateOnly(2024, 2, 1));

        Assert.Equal([new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 1)], spring.Dates("period").ToArray());
        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => HiveDataset.ReadAsync(Table, ContractSchema.EnergyLedger));
        Assert.StartsWith("File 'period=2024-01-01/part-corrupt.parquet' is not a readable Parquet file: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_NeverRewritesExistingFiles_AndIgnoresTemporaryAndMarkerFiles()
    {
        await HiveDataset.AppendAsync(Table, Ledger(["yx-f1"], Months(2023, 11, 12)), ["period"]);
        Dictionary<string, (byte[] Bytes, DateTime Written)> before = Directory.GetFiles(Table, "*.parquet", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => (File.ReadAllBytes(f), File.GetLastWriteTimeUtc(f)));
        File.WriteAllText(Path.Combine(Table, "_SUCCESS"), string.Empty);
        File.WriteAllText(Path.Combine(Table, "period=2023-12-01", ".part-x.parquet.0123.tmp"), "half a file");

        // A new month, and more rows for an existing one.
        await HiveDataset.AppendAsync(Table, Ledger(["yx-f1", "hx-f2"], Months(2024, 1)), ["period"]);
        await HiveDataset.AppendAsync(Table, Ledger(["hx-f2"], Months(2023, 12)), ["period"]);

        foreach ((string file, (byte[] bytes, DateTime written)) in before)
        {
            Assert.Equal(bytes, File.ReadAllBytes(file));
            Assert.Equal(written, File.GetLastWriteTimeUtc(file));
        }

        Assert.Equal(2, Directory.GetFiles(Path.Combine(Table, "period=2023-12-01"), "*.parquet").Length);
        TableBatch all = await HiveDataset.ReadAsync(Table, ContractSchema.EnergyLedger);
        Assert.Equal(5, all.RowCount);
        Assert.Equal(
            string.Join('\n', new[] { Rows(Ledger(["yx-f1"], Months(2023, 11, 12))), Rows(Ledger(["yx-f1", "hx-f2"], Months(2024, 1))), Rows(Ledger(["hx-f2"], Months(2023, 12))) }
                .SelectMany(r => r.Split('\n')).Order(StringComparer.Ordinal)),
            Rows(all));
    }

    [Fact]
    public async Task PartitionValues_AreEscapedAsHiveEscapes_AndNullIsTheDefaultPartition()
    {
        string folder = Path.Combine(_folder, "cems_hourly");
        var batch = new TableBatch(ContractSchema.CemsHourly, 3)
            .SetText("outlet_id", ["沙坡头/DA001", "a=b%c", "plain"])
            .SetTimes("hour", [new DateTime(2024, 1, 1), new DateTime(2024, 1, 1, 1, 0, 0), new DateTime(2024, 1, 1, 2, 0, 0)])
            .SetText("flag", ["N", null, "F"])
            .SetNumbers("so2", [1, 2, 3]);

        await HiveDataset.AppendAsync(folder, batch, ["outlet_id", "flag"]);
        TableBatch read = await HiveDataset.ReadAsync(folder, ContractSchema.CemsHourly);

        Assert.Equal(["outlet_id=a%3Db%25c/flag=__HIVE_DEFAULT_PARTITION__", "outlet_id=plain/flag=F", "outlet_id=沙坡头%2FDA001/flag=N"], HiveDataset.Partitions(folder).Select(p => p.Path));
        Assert.Equal("a=b%c|plain|沙坡头/DA001", string.Join('|', read.Text("outlet_id").ToArray()));
        Assert.Equal("<null>|F|N", string.Join('|', read.Text("flag").ToArray().Select(f => f ?? "<null>")));
        Assert.Equal([2, 3, 1], read.Numbers("so2").ToArray());
    }

    [Fact]
    public async Task BadPartitioning_IsRefusedWithTheFolderAndColumn()
    {
        ArgumentException quantity = await Assert.ThrowsAsync<ArgumentException>(() => HiveDataset.AppendAsync(Table, Ledger(["f"], Months(2024, 1)), ["output"]));
        Assert.StartsWith("Column 'output' of table 'energy_ledger' is Quantity; a partition column is text, a date, a count or a boolean.", quantity.Message, StringComparison.Ordinal);

        await HiveDataset.AppendAsync(Table, Ledger(["f"], Months(2024, 1)), ["period"]);
        ArgumentException other = await Assert.ThrowsAsync<ArgumentException>(() => HiveDataset.AppendAsync(Table, Ledger(["f"], Months(2024, 2)), ["facility_id"]));
        Assert.StartsWith("Folder '" + Table + "' is partitioned by 'period'; the rows were to be partitioned by 'facility_id'.", other.Message, StringComparison.Ordinal);

        Directory.CreateDirectory(Path.Combine(Table, "2024-03"));
        File.Copy(Directory.GetFiles(Path.Combine(Table, "period=2024-01-01"))[0], Path.Combine(Table, "2024-03", "part-1.parquet"));
        ShapotouDataException folder = await Assert.ThrowsAsync<ShapotouDataException>(() => HiveDataset.ReadAsync(Table, ContractSchema.EnergyLedger));
        Assert.Equal("File '2024-03/part-1.parquet': folder '2024-03' is not a partition; expected <column>=<value>.", folder.Message);
        Directory.Delete(Path.Combine(Table, "2024-03"), recursive: true);

        Directory.CreateDirectory(Path.Combine(Table, "period=March"));
        File.Copy(Directory.GetFiles(Path.Combine(Table, "period=2024-01-01"))[0], Path.Combine(Table, "period=March", "part-1.parquet"));
        ShapotouDataException date = await Assert.ThrowsAsync<ShapotouDataException>(() => HiveDataset.ReadAsync(Table, ContractSchema.EnergyLedger));
        Assert.Equal("File 'period=March/part-1.parquet', partition column 'period': 'March' is not a date; expected yyyy-MM-dd.", date.Message);
    }

    [Fact]
    public async Task AKeyThatIsNotAColumn_PlacesTheFiles_AndTheFilterSeesIt()
    {
        // hj212 serve's layout: year=/facility_id= where year is derived, not a column of the table.
        await ParquetTables.WriteAsync(Path.Combine(Table, "year=2024", "facility_id=yx-f1", "part-0.parquet"), Ledger(["yx-f1"], Months(2024, 1, 2)));
        await ParquetTables.WriteAsync(Path.Combine(Table, "year=2025", "facility_id=hx-f2", "part-0.parquet"), Ledger(["hx-f2"], Months(2025, 3)));

        TableBatch all = await HiveDataset.ReadAsync(Table, ContractSchema.EnergyLedger);
        TableBatch only2025 = await HiveDataset.ReadAsync(Table, ContractSchema.EnergyLedger, p => p.Values.Single(v => v.Key == "year").Value == "2025");

        Assert.Equal(["yx-f1", "yx-f1", "hx-f2"], all.Text("facility_id").ToArray().Select(t => t!));
        Assert.False(all.Has("year"));
        Assert.Equal(["hx-f2"], only2025.Text("facility_id").ToArray().Select(t => t!));
    }

    [Fact]
    public async Task FileHoldingThePartitionColumn_MustAgreeWithItsFolder()
    {
        string file = Path.Combine(Table, "facility_id=yx-f1", "part-0.parquet");
        await ParquetTables.WriteAsync(file, Ledger(["yx-f1", "hx-f2"], Months(2024, 1)));

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => HiveDataset.ReadAsync(Table, ContractSchema.EnergyLedger));

        Assert.Equal("File 'facility_id=yx-f1/part-0.parquet', column 'facility_id', row group 0, row 1: 'hx-f2' differs from its partition folder's 'yx-f1'.", error.Message);
    }

    [Fact]
    public async Task DuckDb_ReadsTheSdksPartitionedLayoutAsIs_WithTheSameValues()
    {
        TableBatch rows = Ledger(["yx-f1", "hx-f2", "sp-3"], Months(2024, 1, 2, 3, 4));
        await HiveDataset.AppendAsync(Table, rows, ["period", "facility_id"]);
        await HiveDataset.AppendAsync(Table, Ledger(["yx-f1"], Months(2024, 5)), ["period", "facility_id"]);
        TableBatch sdk = await HiveDataset.ReadAsync(Table, ContractSchema.EnergyLedger);

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText =
            "SELECT facility_id, period, product, output, electricity_purchased, coke, typeof(period) " +
            $"FROM read_parquet('{Table}/**/*.parquet', hive_partitioning = true)";
        var lines = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                Assert.Equal("DATE", reader.GetString(6)); // DuckDB types the folder values as dates
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{reader.GetString(0)} {DateOnly.FromDateTime(reader.GetDateTime(1)):yyyy-MM-dd} {reader.GetString(2)} {reader.GetDouble(3):R} {reader.GetDouble(4):R} {(reader.IsDBNull(5) ? double.NaN : reader.GetDouble(5)):R}"));
            }
        }

        lines.Sort(StringComparer.Ordinal);
        Assert.Equal(sdk.RowCount, lines.Count);
        Assert.Equal(Rows(sdk), string.Join('\n', lines));

        // And DuckDB prunes with the same folders: a filter on the partition column.
        command.CommandText = $"SELECT count(*) FROM read_parquet('{Table}/**/*.parquet', hive_partitioning = true) WHERE period >= DATE '2024-04-01'";
        TableBatch pruned = await HiveDataset.ReadAsync(Table, ContractSchema.EnergyLedger, p => p.Date("period") >= new DateOnly(2024, 4, 1));
        Assert.Equal(4L, Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture));
        Assert.Equal(4, pruned.RowCount);
    }

    [Fact]
    public async Task DuckDbPartitionedWrite_IsReadByTheSdk()
    {
        string folder = Path.Combine(_folder, "cems_hourly");
        DuckDbWrittenFileTests.Execute(
            "COPY (SELECT 'yx-da00' || (i % 2) AS outlet_id, TIMESTAMP '2024-01-01' + INTERVAL (i) HOUR AS hour, (i * 0.5)::FLOAT AS so2 FROM range(48) t(i)) " +
            $"TO '{folder}' (FORMAT parquet, PARTITION_BY (outlet_id))");

        TableBatch read = await HiveDataset.ReadAsync(folder, ContractSchema.CemsHourly, p => p["outlet_id"] == "yx-da001");

        Assert.Equal(24, read.RowCount);
        Assert.All(read.Text("outlet_id").ToArray(), id => Assert.Equal("yx-da001", id));
        Assert.Equal(Enumerable.Range(0, 24).Select(k => (2 * k) + 1).Select(i => (double)(float)(i * 0.5)).Order(), read.Numbers("so2").ToArray().Order());
    }

    [Fact]
    public async Task ClusterDataset_ReadsATableFolderLikeATableFile()
    {
        await HiveDataset.AppendAsync(Path.Combine(_folder, "emission_factors"),
            new TableBatch(ContractSchema.EmissionFactors, 2)
                .SetText("industry_code", ["3140", "3140"]).SetText("product", ["FeSi75", "SiMn"]).SetText("process", ["p", "p"])
                .SetText("pollutant", ["pm", "pm"]).SetNumbers("factor", [2.5, 1.25]).SetText("source", ["s", "s"]),
            ["industry_code", "product"]);

        Shapotou.Sdk.Model.ClusterDataset data = await ClusterDatasetParquet.ReadAsync(_folder);

        Assert.Equal([("FeSi75", 2.5), ("SiMn", 1.25)], data.EmissionFactors.Select(f => (f.Product, f.Factor)));

        await ParquetTables.WriteAsync(Path.Combine(_folder, "emission_factors.parquet"), await HiveDataset.ReadAsync(Path.Combine(_folder, "emission_factors"), ContractSchema.EmissionFactors));
        ShapotouDataException both = await Assert.ThrowsAsync<ShapotouDataException>(() => ClusterDatasetParquet.ReadAsync(_folder));
        Assert.Equal($"Folder '{_folder}' has both 'emission_factors.parquet' and 'emission_factors/'; expected one of them.", both.Message);
    }
}
