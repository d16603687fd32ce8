using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Assessment.Tests;

/// <summary>The assessment as a library: the document of <c>assess --json</c>, its sources, and the scaled default dataset.</summary>
public sealed class DistrictAssessmentTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-assessment-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string SdkVersion() =>
        typeof(ReferenceCatalogue).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    /// <summary>The document without what names its source (dataset name, the assumptions that say where the data came from).</summary>
    private static JsonObject Figures(DistrictAssessment assessment)
    {
        JsonObject document = JsonNode.Parse(AssessmentJson.Serialize(assessment))!.AsObject();
        document.Remove("dataset");
        document.Remove("assumptions");
        return document;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void ChunkedOutput_PassesEveryChunkInOrder_WithCharactersOfSeveralBytes(int shift)
    {
        // 20 000 values of three-byte characters over about seven chunks of 64 KB, shifted so each chunk ends elsewhere.
        string[] values = [.. Enumerable.Range(0, 20_000).Select(i => new string('x', (i * shift) % 3) + $"CO₂ 沙坡头 {i}")];
        var text = new StringWriter();
        using (var output = new ChunkedOutput(null, text))
        {
            using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartArray();
                foreach (string value in values)
                {
                    writer.WriteStringValue(value);
                }

                writer.WriteEndArray();
            }

            output.Complete();
        }

        Assert.True(Encoding.UTF8.GetByteCount(text.ToString()) > 6 * 65_536);
        Assert.Equal("[" + string.Join(",", values.Select(v => "\"" + v + "\"")) + "]", text.ToString());
    }

    [Fact]
    public async Task RunAsync_DefaultDataset_WritesTheDocumentOfAssessJsonByteForByte()
    {
        // golden/assess-default.json is what `shapotou assess --json` wrote before the assessment moved into this
        // package (less the trailing line break of the console), with the SDK version as a placeholder.
        DistrictAssessment assessment = await DistrictAssessment.RunAsync(AssessmentSource.Default);
        using var stream = new MemoryStream();
        AssessmentJson.Write(assessment, stream);

        string expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "assess-default.json"))
            .Replace("$SDK_VERSION", SdkVersion(), StringComparison.Ordinal)
            .TrimEnd('\n');
        Assert.Equal(expected, Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Equal(expected, AssessmentJson.Serialize(assessment));

        // To a text writer a chunk of 64 KB at a time, characters of several bytes cut between chunks and joined again.
        var text = new StringWriter();
        AssessmentJson.Write(assessment, text);
        Assert.True(Encoding.UTF8.GetByteCount(expected) > 4 * 65_536);
        Assert.Contains(expected, c => c > 0x7F);
        Assert.Equal(expected, text.ToString());
    }

    [Fact]
    public async Task RunAsync_DefaultDataset_TypedResultCarriesThePlansFigures()
    {
        DistrictAssessment a = await DistrictAssessment.RunAsync(AssessmentSource.Default);

        Assert.True(a.Illustrative);
        Assert.Equal("default", a.DatasetName);
        Assert.Equal(new DateOnly(2024, 12, 31), a.CatalogueAsOf);
        Assert.Equal(69, a.Summary.Townships.Sum(t => t.Enterprises));
        FerroalloySummary f = a.Summary.Ferroalloy!;
        Assert.Equal((10, 40, 35), (f.Enterprises, f.Furnaces, f.FurnacesRunning));
        Assert.Equal(1_400_000, f.Capacity!.Value.Tonnes);
        Assert.Equal(967_000, f.Output!.Value.Tonnes);
        Assert.Equal(90, f.WasteHeatCoverage!.Value.Percent);

        // The 2027 ceilings: table 1-2's 2024 emissions less the plan's reductions, to 0.01 t.
        Assert.Equal(2221.71, a.Targets!.Single(t => t.Pollutant == Pollutant.Pm).Ceiling.Tonnes);
        Assert.NotNull(a.ReportedEmissions);
        Assert.Contains(a.Assumptions, s => s.StartsWith("ILLUSTRATIVE data", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_FolderAndMemory_GiveTheDefaultDatasetsFigures()
    {
        await DefaultDataset.WriteAsync(_folder);

        DistrictAssessment memory = await DistrictAssessment.RunAsync(AssessmentSource.Default);
        DistrictAssessment folder = await DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder));
        DistrictAssessment given = await DistrictAssessment.RunAsync(AssessmentSource.FromDataset(DefaultDataset.Create()));

        Assert.Equal(Figures(memory).ToJsonString(), Figures(folder).ToJsonString());
        Assert.Equal(Figures(memory).ToJsonString(), Figures(given).ToJsonString());
        Assert.Contains($"Dataset read from the folder '{Path.GetFileName(_folder)}'.", folder.Assumptions);
        Assert.Contains("Dataset 'default' given in memory.", given.Assumptions);
        Assert.Null(folder.ReportedEmissions);
    }

    [Fact]
    public async Task WriteAsync_ThreeCopies_IsAConsistentDatasetWithThreeTimesTheCluster()
    {
        IReadOnlyList<string> paths = await DefaultDataset.WriteAsync(_folder, copies: 3);
        Assert.Equal(8, paths.Count);

        DistrictAssessment one = await DistrictAssessment.RunAsync(AssessmentSource.Default);
        DistrictAssessment three = await DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder));

        Assert.Equal(one.Summary.Townships.Select(t => (t.Township, t.Enterprises * 3)), three.Summary.Townships.Select(t => (t.Township, t.Enterprises)));
        Assert.Equal(3 * 40, three.Summary.Ferroalloy!.Furnaces);
        Assert.Equal(3 * 967_000, three.Summary.Ferroalloy.Output!.Value.Tonnes);
        foreach (Pollutant pollutant in EmissionTargets.Pollutants)
        {
            double single = one.Emissions.Inventories.Single(i => i.Year == 2024).Total(pollutant)!.Value.Tonnes;
            double tripled = three.Emissions.Inventories.Single(i => i.Year == 2024).Total(pollutant)!.Value.Tonnes;
            Assert.Equal(3 * single, tripled, 1e-9 * tripled);
        }

        // Copy k's ids carry the suffix -ck; the first copy is the default dataset as it is.
        ClusterDataset data = await AssessmentSource.FromFolder(_folder).LoadDatasetAsync();
        string first = DefaultDataset.Instance.Enterprises[0].EnterpriseId;
        Assert.Equal([first, first + "-c2", first + "-c3"], data.Enterprises.Where(e => e.EnterpriseId.StartsWith(first, StringComparison.Ordinal)).Select(e => e.EnterpriseId).Where(id => id == first || id.StartsWith(first + "-c", StringComparison.Ordinal)));
        Assert.Equal(3 * DefaultDataset.Instance.CemsHourly!.RowCount, data.CemsHourly!.RowCount);
    }

    [Fact]
    public async Task WriteAsync_NoCopies_IsRefusedNamingTheArgument()
    {
        ArgumentOutOfRangeException error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => DefaultDataset.WriteAsync(_folder, copies: 0));
        Assert.Equal("copies", error.ParamName);
    }

    [Fact]
    public async Task RunAsync_FolderWithoutContractTables_IsRefusedNamingTheFolder()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "not a table");

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder)));
        Assert.StartsWith($"Folder '{_folder}' holds none of the contract's tables; expected at least one of enterprises.parquet,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AFileInsteadOfAFolder_IsRefusedNamingTheFile()
    {
        await DefaultDataset.WriteAsync(_folder);
        string file = Path.Combine(_folder, "enterprises.parquet");

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => DistrictAssessment.RunAsync(AssessmentSource.FromFolder(file)));
        Assert.Equal($"'{file}' is a file; expected a folder of contract tables (<table>.parquet or <table>/).", error.Message);
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => DistrictAssessment.RunAsync(AssessmentSource.FromFolder(Path.Combine(_folder, "absent"))));
    }

    [Fact]
    public async Task RunAsync_FolderMissingTables_SaysWhichAndLeavesTheirFiguresUnknown()
    {
        await DefaultDataset.WriteAsync(_folder);
        foreach (string table in new[] { "energy_ledger", "solid_waste_ledger", "cems_hourly", "emission_factors", "outlets", "treatment_facilities" })
        {
            File.Delete(Path.Combine(_folder, table + ".parquet"));
        }

        DistrictAssessment a = await DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder));

        Assert.Contains(
            "The folder has no table treatment_facilities, outlets, energy_ledger, solid_waste_ledger, emission_factors, cems_hourly: the figures that need them are null or absent, never 0.",
            a.Assumptions);
        Assert.Null(a.Summary.Ferroalloy!.Output);
        Assert.Null(a.Targets);
        Assert.Empty(a.Energy);
        Assert.Empty(a.Emissions.Inventories);
        Assert.Null(a.Emissions.Tax);
        JsonElement document = JsonDocument.Parse(AssessmentJson.Serialize(a)).RootElement;
        Assert.Equal(JsonValueKind.Null, document.GetProperty("targets_2027_t").ValueKind);
        Assert.Equal(JsonValueKind.Null, document.GetProperty("ferroalloy").GetProperty("output_t").ValueKind);
    }

    [Fact]
    public async Task RunAsync_Options_AreApplied()
    {
        DistrictAssessment a = await DistrictAssessment.RunAsync(AssessmentSource.Default, new AssessmentOptions { Year = 2023, AsOf = new DateOnly(2023, 12, 31) });

        Assert.Equal(new DateOnly(2023, 12, 31), a.CatalogueAsOf);
        Assert.All(a.Energy, e => Assert.Equal(2023, e.Year));
        Assert.NotEmpty(a.Energy);
    }

    [Fact]
    public async Task RunAsync_ReportsProgressAndHonoursCancellation()
    {
        await DefaultDataset.WriteAsync(_folder);
        var reports = new List<AssessmentProgress>();
        var progress = new SynchronousProgress(reports.Add);

        await DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder), progress: progress);

        // The stages in order, and while reading, the hourly rows streamed so far, row group by row group, up to the table's.
        AssessmentStage[] stages = reports.Select(r => r.Stage).Where((s, i) => i == 0 || reports[i - 1].Stage != s).ToArray();
        Assert.Equal([AssessmentStage.Reading, AssessmentStage.Emissions, AssessmentStage.Energy, AssessmentStage.Done], stages);
        long[] rows = reports.Where(r => r.Table == "cems_hourly").Select(r => r.Rows).ToArray();
        Assert.True(rows.Length >= 2, $"{rows.Length} reports of cems_hourly");
        Assert.Equal(rows.Order(), rows);
        Assert.Equal(DefaultDataset.Instance.CemsHourly!.RowCount, rows[^1]);
        Assert.Equal(DefaultDataset.Instance.CemsHourly!.RowCount, reports[^1].Rows);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder), cancellationToken: cancelled.Token));
    }

    private sealed class SynchronousProgress(Action<AssessmentProgress> report) : IProgress<AssessmentProgress>
    {
        public void Report(AssessmentProgress value) => report(value);
    }
}
