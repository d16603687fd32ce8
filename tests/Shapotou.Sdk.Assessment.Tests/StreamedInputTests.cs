using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Parquet;

namespace Shapotou.Sdk.Assessment.Tests;

/// <summary>Bad <c>cems_hourly</c> files on the streamed path: refused with the file, column, row group and row.</summary>
public sealed class StreamedInputTests : IDisposable
{
    private const int RowGroup = 1_000;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-streamed-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>The default dataset's folder with its first 3 000 CEMS hours in row groups of 1 000, one value changed.</summary>
    private async Task<string> WriteAsync(Action<TableBatch> change)
    {
        await DefaultDataset.WriteAsync(_folder);
        string path = Path.Combine(_folder, "cems_hourly.parquet");
        TableBatch all = await ParquetTables.ReadAsync(path, ContractSchema.CemsHourly);
        var batch = new TableBatch(ContractSchema.CemsHourly, 3 * RowGroup);
        foreach (string column in new[] { "outlet_id", "flag" })
        {
            batch.SetText(column, all.Text(column)[..(3 * RowGroup)].ToArray());
        }

        batch.SetTimes("hour", all.Times("hour")[..(3 * RowGroup)].ToArray());
        foreach (string column in new[] { "so2", "nox", "pm", "o2", "flow" })
        {
            batch.SetNumbers(column, all.Numbers(column)[..(3 * RowGroup)].ToArray(), all.UnitOf(column));
        }

        change(batch);
        await using ParquetTableWriter writer = await ParquetTableWriter.CreateAsync(path, ContractSchema.CemsHourly, batch.Columns, rowGroupSize: RowGroup);
        await writer.WriteAsync(batch);
        await writer.CommitAsync();
        return path;
    }

    [Fact]
    public async Task UnknownOutlet_IsRefusedNamingFileRowGroupAndRow()
    {
        string path = await WriteAsync(b =>
        {
            string?[] ids = b.Text("outlet_id").ToArray();
            ids[RowGroup + 503] = "ghost";
            b.SetText("outlet_id", ids);
        });

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder)));

        Assert.Equal(
            $"File '{Path.GetFileName(path)}', row group 1, row 503: column 'outlet_id' is 'ghost', which is not in table 'outlets'; expected the id of an outlet.",
            error.Message);
    }

    [Fact]
    public async Task ValueOutOfRange_IsRefusedNamingFileColumnRowGroupAndRow()
    {
        await WriteAsync(b =>
        {
            double[] o2 = b.Numbers("o2").ToArray();
            o2[(2 * RowGroup) + 7] = 25;
            b.SetNumbers("o2", o2, b.UnitOf("o2"));
        });

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder)));

        Assert.StartsWith("File 'cems_hourly.parquet', column 'o2', row group 2, row 7, is 25", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorruptRowGroup_IsRefusedNamingFileColumnAndRowGroup()
    {
        string path = await WriteAsync(_ => { });
        byte[] bytes = await File.ReadAllBytesAsync(path);
        int footer = BitConverter.ToInt32(bytes, bytes.Length - 8) + 8;
        for (int i = (bytes.Length - footer) / 2; i < bytes.Length - footer; i++)
        {
            bytes[i] = 0xA5;
        }

        await File.WriteAllBytesAsync(path, bytes);

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder)));

        Assert.StartsWith("File 'cems_hourly.parquet', column '", error.Message, StringComparison.Ordinal);
        Assert.Contains("row group ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameRowsInSmallRowGroups_GiveTheFiguresOfTheTableInMemory()
    {
        // Runs of an outlet and month cross row groups of 1 000 rows: each is kept until it ends and computed whole.
        await WriteAsync(_ => { });
        ClusterDataset whole = await AssessmentSource.FromFolder(_folder).LoadDatasetAsync();

        DistrictAssessment streamed = await DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder));
        DistrictAssessment memory = await DistrictAssessment.RunAsync(AssessmentSource.FromDataset(whole));

        Assert.Equal(3 * RowGroup, whole.CemsHourly!.RowCount);
        Assert.Equal(Document(memory), Document(streamed));
        Assert.Contains(streamed.Emissions.Inventories.Single().Rows, r => r.Method == Shapotou.Sdk.Analytics.Emissions.EmissionMethod.Measured && r.Mass is not null);
    }

    [Fact]
    public async Task LedgersReadFromAFolder_GiveTheFiguresOfTheSameLedgersAsRecords()
    {
        // A folder's ledgers are kept as their columns and made into records when read; the default dataset's ledgers
        // are records in memory.
        await WriteAsync(_ => { });
        ClusterDataset whole = await AssessmentSource.FromFolder(_folder).LoadDatasetAsync();
        ClusterDataset records = DefaultDataset.Instance;
        var memoryData = new ClusterDataset(whole.Name, whole.Illustrative, whole.Enterprises, whole.Facilities, whole.TreatmentFacilities, whole.Outlets,
            records.EnergyLedger, records.SolidWasteLedger, whole.EmissionFactors, whole.CemsHourly, whole.AbsentTables);

        DistrictAssessment streamed = await DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder));
        DistrictAssessment memory = await DistrictAssessment.RunAsync(AssessmentSource.FromDataset(memoryData));

        Assert.Equal(3_408, whole.EnergyLedger.Count);
        Assert.Equal(records.EnergyLedger[1_017], whole.EnergyLedger[1_017]);
        Assert.Equal(records.SolidWasteLedger[^1], whole.SolidWasteLedger[^1]);
        Assert.Equal(Document(memory), Document(streamed));
    }

    [Fact]
    public async Task ABadEnergyLedgerRow_IsRefusedNamingFileRowGroupAndRow()
    {
        await DefaultDataset.WriteAsync(_folder);
        string path = Path.Combine(_folder, "energy_ledger.parquet");
        TableBatch ledger = await ParquetTables.ReadAsync(path, ContractSchema.EnergyLedger);
        double[] coke = ledger.Numbers("coke").ToArray();
        coke[RowGroup + 17] = -5;
        ledger.SetNumbers("coke", coke, ledger.UnitOf("coke"));
        await using (ParquetTableWriter writer = await ParquetTableWriter.CreateAsync(path, ContractSchema.EnergyLedger, ledger.Columns, rowGroupSize: RowGroup))
        {
            await writer.WriteAsync(ledger);
            await writer.CommitAsync();
        }

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder)));

        string facility = ledger.Text("facility_id").Span[RowGroup + 17]!;
        DateOnly period = ledger.Dates("period").Span[RowGroup + 17]!.Value;
        Assert.Equal(
            $"File 'energy_ledger.parquet', row group 1, row 17: Energy ledger row '{facility} {period:yyyy-MM}': coke is -5 Tonne; expected a finite value of at least 0.",
            error.Message);
    }

    [Fact]
    public async Task HivePartitionedCemsHourly_IsStreamed_WithTheFiguresOfTheSameFolderInMemory()
    {
        // cems_hourly/ partitioned by outlet, as a receiver or Spark writes it, instead of cems_hourly.parquet.
        await DefaultDataset.WriteAsync(_folder);
        string file = Path.Combine(_folder, "cems_hourly.parquet");
        TableBatch all = await ParquetTables.ReadAsync(file, ContractSchema.CemsHourly);
        File.Delete(file);
        await HiveDataset.AppendAsync(Path.Combine(_folder, "cems_hourly"), all, ["outlet_id"]);
        ClusterDataset whole = await AssessmentSource.FromFolder(_folder).LoadDatasetAsync();

        DistrictAssessment streamed = await DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder));
        DistrictAssessment memory = await DistrictAssessment.RunAsync(AssessmentSource.FromDataset(whole));
        DistrictAssessment single = await DistrictAssessment.RunAsync(AssessmentSource.Default);

        Assert.Equal(Document(memory), Document(streamed));
        // Against the single file, only the order of the outlets differs: district totals agree to rounding.
        foreach (Pollutant pollutant in Shapotou.Sdk.Analytics.Emissions.EmissionTargets.Pollutants)
        {
            double expected = single.Emissions.Inventories.Single(i => i.Year == 2024).Total(pollutant)!.Value.Tonnes;
            double actual = streamed.Emissions.Inventories.Single(i => i.Year == 2024).Total(pollutant)!.Value.Tonnes;
            Assert.Equal(expected, actual, 1e-9 * expected);
        }

        Assert.Equal(single.Targets!.Select(t => t.Ceiling.Tonnes), streamed.Targets!.Select(t => t.Ceiling.Tonnes));
    }

    [Fact]
    public async Task TheReceiversLayout_ByDateAndOutlet_IsAssessed_WithTheFiguresOfTheSameRowsInOneFile()
    {
        // hj212 serve writes cems_hourly/date=YYYY-MM-DD/outlet_id=ID/part-SEGMENT.parquet, outlet_id kept in the file;
        // date= is not a column of the table and only places the files.
        string path = await WriteAsync(_ => { });
        DistrictAssessment single = await DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder));
        await SplitByDateAndOutletAsync(path, (_, _) => { });

        DistrictAssessment partitioned = await DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder));

        Assert.True(Directory.GetDirectories(Path.Combine(_folder, "cems_hourly")).Length > 100);
        Assert.Equal(Document(single), Document(partitioned));
    }

    [Fact]
    public async Task TheReceiversLayout_AFileWhoseRowsDisagreeWithItsFolder_IsRefusedNamingTheFileAndRow()
    {
        string path = await WriteAsync(_ => { });
        await SplitByDateAndOutletAsync(path, (day, batch) =>
        {
            if (day == "2024-01-05")
            {
                string?[] ids = batch.Text("outlet_id").ToArray();
                ids[3] = DefaultDataset.Instance.Outlets[^1].OutletId;
                batch.SetText("outlet_id", ids);
            }
        });

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder)));

        Assert.StartsWith("File 'date=2024-01-05/outlet_id=", error.Message, StringComparison.Ordinal);
        Assert.Contains("/part-00000001.parquet', column 'outlet_id', row group 0, row 3: '", error.Message, StringComparison.Ordinal);
        Assert.Contains("' differs from its partition folder's '", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReceiversLayout_AnUnknownOutletInAFile_IsRefusedNamingTheFileAndRow()
    {
        string path = await WriteAsync(_ => { });
        await SplitByDateAndOutletAsync(path, (day, batch) =>
        {
            if (day == "2024-01-07")
            {
                batch.SetText("outlet_id", batch.Text("outlet_id").ToArray().Select(_ => (string?)"ghost").ToArray());
            }
        }, folderOutlet: (day, outlet) => day == "2024-01-07" ? "ghost" : outlet);

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder)));

        Assert.Equal(
            "File 'date=2024-01-07/outlet_id=ghost/part-00000001.parquet', row group 0, row 0: column 'outlet_id' is 'ghost', which is not in table 'outlets'; expected the id of an outlet.",
            error.Message);
    }

    [Fact]
    public async Task TheSameFileTwiceInAFolder_IsRefusedNamingTheOutletAndHour_NotCountedTwice()
    {
        // cems_hourly/ with one file copied beside itself (a job retried, a copy made by hand): every hour twice.
        string path = await WriteAsync(_ => { });
        string folder = Path.Combine(_folder, "cems_hourly");
        Directory.CreateDirectory(folder);
        File.Copy(path, Path.Combine(folder, "part-0.parquet"));
        File.Move(path, Path.Combine(folder, "part-1.parquet"));
        TableBatch rows = await ParquetTables.ReadAsync(Path.Combine(folder, "part-0.parquet"), ContractSchema.CemsHourly);

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder)));

        Assert.Equal(
            $"Table 'cems_hourly', row {3 * RowGroup}: outlet '{rows.Text("outlet_id").Span[0]}' has the hour {rows.Times("hour").Span[0]:yyyy-MM-dd HH}:00 a second time; expected one row per outlet and clock hour (is a file in the folder twice, or are the same hours in two files?).",
            error.Message);
    }

    [Fact]
    public async Task HiveFileAboveTheSmallFileRows_IsStreamed_WithTheFiguresOfTheSameFolderInMemory()
    {
        (string large, string small, int hours) = await WriteLargeHiveAsync(_ => { });
        ClusterDataset whole = await AssessmentSource.FromFolder(_folder).LoadDatasetAsync();

        DistrictAssessment streamed = await DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder));
        DistrictAssessment memory = await DistrictAssessment.RunAsync(AssessmentSource.FromDataset(whole));

        Assert.Equal(8_784, hours);
        Assert.Equal(9 * 8_784, whole.CemsHourly!.RowCount);
        Assert.Equal(8 * 8_784, whole.CemsHourly.OutletIds.Count(o => o == large));
        Assert.Equal(8_784, whole.CemsHourly.OutletIds.Count(o => o == small));
        Assert.Equal(Document(memory), Document(streamed));
    }

    [Fact]
    public async Task HiveFileAboveTheSmallFileRows_ARowThatDisagreesWithItsFolder_IsRefusedNamingTheFileRowGroupAndRow()
    {
        // Row groups 0 to 4 agree and are summarised before row group 5 is found to disagree.
        string? other = null;
        (string large, _, _) = await WriteLargeHiveAsync(b =>
        {
            string?[] ids = b.Text("outlet_id").ToArray();
            other = DefaultDataset.Instance.Outlets.First(o => o.OutletId != ids[0]).OutletId;
            ids[(5 * LargeRowGroup) + 3] = other;
            b.SetText("outlet_id", ids);
        });

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder)));

        Assert.Equal(
            $"File 'outlet_id={large}/part-0.parquet', column 'outlet_id', row group 5, row 3: '{other}' differs from its partition folder's '{large}'.",
            error.Message);
    }

    [Fact]
    public async Task TheSameLargeFileTwiceInAFolder_IsRefusedNamingTheOutletAndHour()
    {
        (string large, _, _) = await WriteLargeHiveAsync(_ => { });
        string folder = Path.Combine(_folder, "cems_hourly");
        string file = Path.Combine(folder, $"outlet_id={large}", "part-0.parquet");
        TableBatch rows = await ParquetTables.ReadAsync(file, ContractSchema.CemsHourly);
        Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        await ParquetTables.WriteAsync(Path.Combine(folder, "part-0.parquet"), rows);
        await ParquetTables.WriteAsync(Path.Combine(folder, "part-1.parquet"), rows);

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder)));

        Assert.Equal(
            $"Table 'cems_hourly', row {8 * 8_784}: outlet '{large}' has the hour {rows.Times("hour").Span[0]:yyyy-MM-dd HH}:00 a second time; expected one row per outlet and clock hour (is a file in the folder twice, or are the same hours in two files?).",
            error.Message);
    }

    private const int LargeRowGroup = 10_000;

    /// <summary>
    /// The default dataset's folder with <c>cems_hourly/</c> partitioned by outlet, <c>outlet_id</c> kept in the files: the
    /// first outlet's hours and the same values in each of the seven 366-day spans before them in one file of row groups of
    /// 10 000 (above the 65 536 rows a Hive file is decoded whole), changed first; the next outlet's hours in a small file.
    /// </summary>
    private async Task<(string Large, string Small, int Hours)> WriteLargeHiveAsync(Action<TableBatch> change)
    {
        await DefaultDataset.WriteAsync(_folder);
        string path = Path.Combine(_folder, "cems_hourly.parquet");
        TableBatch all = await ParquetTables.ReadAsync(path, ContractSchema.CemsHourly);
        File.Delete(path);
        string?[] outlets = all.Text("outlet_id").ToArray();
        string large = outlets[0]!;
        string small = outlets.First(o => o != large)!;
        int[] largeRows = [.. Enumerable.Range(0, all.RowCount).Where(i => outlets[i] == large)];
        int[] smallRows = [.. Enumerable.Range(0, all.RowCount).Where(i => outlets[i] == small)];

        TableBatch Rows(int[] rows, int spans)
        {
            int count = rows.Length * spans;
            DateTime?[] hours = all.Times("hour").ToArray();
            string?[] flags = all.Text("flag").ToArray();
            var batch = new TableBatch(ContractSchema.CemsHourly, count);
            batch.SetText("outlet_id", [.. Enumerable.Repeat(outlets[rows[0]], count)]);
            batch.SetText("flag", [.. Enumerable.Range(0, count).Select(i => flags[rows[i % rows.Length]])]);
            batch.SetTimes("hour", [.. Enumerable.Range(0, count).Select(i => hours[rows[i % rows.Length]] - TimeSpan.FromDays(366 * (spans - 1 - (i / rows.Length))))]);
            foreach (string column in new[] { "so2", "nox", "pm", "o2", "flow" })
            {
                double[] values = all.Numbers(column).ToArray();
                batch.SetNumbers(column, [.. Enumerable.Range(0, count).Select(i => values[rows[i % rows.Length]])], all.UnitOf(column)!);
            }

            return batch;
        }

        TableBatch largeBatch = Rows(largeRows, 8);
        change(largeBatch);
        string largeFile = Path.Combine(_folder, "cems_hourly", $"outlet_id={large}", "part-0.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(largeFile)!);
        await using (ParquetTableWriter writer = await ParquetTableWriter.CreateAsync(largeFile, ContractSchema.CemsHourly, largeBatch.Columns, rowGroupSize: LargeRowGroup))
        {
            await writer.WriteAsync(largeBatch);
            await writer.CommitAsync();
        }

        await ParquetTables.WriteAsync(Path.Combine(_folder, "cems_hourly", $"outlet_id={small}", "part-0.parquet"), Rows(smallRows, 1));
        return (large, small, largeRows.Length);
    }

    /// <summary>Rewrites a cems_hourly file as the receiver's layout, one file per day and outlet, each changed first.</summary>
    private async Task SplitByDateAndOutletAsync(string path, Action<string, TableBatch> change, Func<string, string, string>? folderOutlet = null)
    {
        TableBatch all = await ParquetTables.ReadAsync(path, ContractSchema.CemsHourly);
        File.Delete(path);
        DateTime?[] hours = all.Times("hour").ToArray();
        string?[] outlets = all.Text("outlet_id").ToArray();
        string?[] flags = all.Text("flag").ToArray();
        foreach (IGrouping<(string Day, string Outlet), int> file in Enumerable.Range(0, all.RowCount).GroupBy(i => (hours[i]!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), outlets[i]!)))
        {
            int[] rows = [.. file];
            var batch = new TableBatch(ContractSchema.CemsHourly, rows.Length);
            batch.SetText("outlet_id", rows.Select(i => outlets[i]).ToArray());
            batch.SetText("flag", rows.Select(i => flags[i]).ToArray());
            batch.SetTimes("hour", rows.Select(i => hours[i]).ToArray());
            foreach (string column in new[] { "so2", "nox", "pm", "o2", "flow" })
            {
                double[] values = all.Numbers(column).ToArray();
                batch.SetNumbers(column, rows.Select(i => values[i]).ToArray(), all.UnitOf(column)!);
            }

            change(file.Key.Day, batch);
            string outlet = folderOutlet?.Invoke(file.Key.Day, file.Key.Outlet) ?? file.Key.Outlet;
            await ParquetTables.WriteAsync(Path.Combine(_folder, "cems_hourly", $"date={file.Key.Day}", $"outlet_id={outlet}", "part-00000001.parquet"), batch);
        }
    }

    private static string Document(DistrictAssessment a)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(AssessmentJson.Serialize(a))!.AsObject();
        json.Remove("dataset");
        json.Remove("assumptions");
        return json.ToJsonString();
    }
}
