using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Monitoring.Aggregation;
using Shapotou.Sdk.Parquet;

namespace Shapotou.Sdk.Assessment.Tests;

/// <summary>A folder with <c>cems_minute</c> and no <c>cems_hourly</c>: hours derived by HJ 212-2017 Annex D in the pass
/// that reads the minutes, equal to the same minutes aggregated in memory.</summary>
public sealed class CemsMinuteTests : IDisposable
{
    private const int RowGroup = 1_000;
    private static readonly CemsAggregationOptions s_tenMinutes = CemsAggregationOptions.Default with { MinuteIntervalMinutes = 10 };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-minutes-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task MinutesByOutletAndTime_GiveTheFiguresOfTheSameMinutesAggregatedInMemory()
    {
        Minutes minutes = await WriteAsync(timeMajor: false);

        DistrictAssessment streamed = await DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder, s_tenMinutes));
        DistrictAssessment memory = await DistrictAssessment.RunAsync(AssessmentSource.FromDataset(minutes.Expected));

        // Each outlet's last hour of a row group waits for the next one, so a month's hours may be summed in two parts:
        // the figures agree to 12 significant digits.
        Assert.Equal(Document(memory, 12), Document(streamed, 12));
        Assert.Contains(streamed.Emissions.Inventories.Single(i => i.Year == 2024).Rows, r => r.Method == EmissionMethod.Measured && r.Mass is not null);
        Assert.Contains(streamed.Assumptions, a => a.StartsWith($"The folder has no cems_hourly: its hours are derived from the {minutes.Rows} rows of cems_minute by HJ 212-2017 Annex D", StringComparison.Ordinal));
        Assert.DoesNotContain(streamed.Assumptions, a => a.Contains("no table", StringComparison.Ordinal) && a.Contains("cems_hourly", StringComparison.Ordinal));
    }

    /// <summary>Checks that find values in every outlet's hours: a range no hour of the first outlet fits, and jumps of 1 %.</summary>
    private static AssessmentOptions Strict(string outlet) => new()
    {
        Plausibility = PlausibilityOptions.Default with
        {
            FlowJumpFactor = 1.01,
            FlowRangeByOutlet = new Dictionary<string, Shapotou.Sdk.Monitoring.Receiver.FlowRange>(StringComparer.Ordinal)
            {
                [outlet] = new(UnitsNet.VolumeFlow.Zero, UnitsNet.VolumeFlow.FromCubicMetersPerHour(1)),
            },
        },
    };

    [Theory]
    [InlineData(false)] // ordered by outlet, then time: the same warnings listed in the same order
    [InlineData(true)] // by time, then outlet: the hours end in another order, so the same counts
    public async Task Minutes_GiveThePlausibilityWarningsOfTheSameHoursInMemory(bool timeMajor)
    {
        Minutes minutes = await WriteAsync(timeMajor);
        AssessmentOptions options = Strict(minutes.Expected.CemsHourly!.OutletIds[0]);

        DistrictAssessment streamed = await DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder, s_tenMinutes), options);
        DistrictAssessment memory = await DistrictAssessment.RunAsync(AssessmentSource.FromDataset(minutes.Expected), options);

        Assert.Equal([PlausibilityCheck.FlowOutsideRange, PlausibilityCheck.FlowJump], memory.Warnings.Select(w => w.Check));
        Assert.All(memory.Warnings, w => Assert.True(w.Count > 100, $"{w.Check}: {w.Count}"));
        Assert.Equal(memory.Warnings.Select(w => (w.Check, w.Count)), streamed.Warnings.Select(w => (w.Check, w.Count)));
        if (!timeMajor)
        {
            Assert.Equal(memory.Warnings.SelectMany(w => w.Listed), streamed.Warnings.SelectMany(w => w.Listed));
        }
    }

    [Fact]
    public async Task MinutesByTimeThenOutlet_GiveTheSameTotals_AndTheWholeTableTheSameHours()
    {
        Minutes minutes = await WriteAsync(timeMajor: true);

        DistrictAssessment streamed = await DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder, s_tenMinutes));
        DistrictAssessment memory = await DistrictAssessment.RunAsync(AssessmentSource.FromDataset(minutes.Expected));
        ClusterDataset whole = await AssessmentSource.FromFolder(_folder, s_tenMinutes).LoadDatasetAsync();

        Assert.Equal(Document(memory, 12), Document(streamed, 12));

        // The whole table holds the hours in the order they ended: compare them by outlet and hour.
        CemsHourlyTable expectedHours = minutes.Expected.CemsHourly!;
        CemsHourlyTable actualHours = whole.CemsHourly!;
        Assert.Equal(expectedHours.RowCount, actualHours.RowCount);
        var byKey = Enumerable.Range(0, actualHours.RowCount).ToDictionary(i => (actualHours.OutletIds[i], actualHours.Hours.Span[i]));
        for (int i = 0; i < expectedHours.RowCount; i++)
        {
            int j = byKey[(expectedHours.OutletIds[i], expectedHours.Hours.Span[i])];
            Assert.Equal(expectedHours.Flags.Span[i], actualHours.Flags.Span[j]);
            Assert.Equal(expectedHours.So2.Values.Span[i], actualHours.So2.Values.Span[j]);
            Assert.Equal(expectedHours.Flow.Values.Span[i], actualHours.Flow.Values.Span[j]);
            Assert.Equal(expectedHours.Optional.ValidMinutes.Span[i], actualHours.Optional.ValidMinutes.Span[j]);
        }
    }

    [Fact]
    public async Task HivePartitionedMinutes_AsTheReceiverWritesThem_GiveTheSameFigures()
    {
        // cems_minute/ partitioned by day and outlet, as `hj212 serve` writes it: the folder's order of files is the
        // file system's, each outlet's minutes still run forward in time within a file.
        Minutes minutes = await WriteAsync(timeMajor: false);
        string file = Path.Combine(_folder, "cems_minute.parquet");
        TableBatch all = await ParquetTables.ReadAsync(file, ContractSchema.CemsMinute);
        File.Delete(file);
        await HiveDataset.AppendAsync(Path.Combine(_folder, "cems_minute"), all, ["outlet_id"]);

        DistrictAssessment streamed = await DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder, s_tenMinutes));
        DistrictAssessment memory = await DistrictAssessment.RunAsync(AssessmentSource.FromDataset(minutes.Expected));

        Assert.Equal(Document(memory, 12), Document(streamed, 12));
    }

    [Fact]
    public async Task TheAnnexDRules_ReachTheHours()
    {
        // 4 records of 10 minutes (40 min) make no valid hour; 5 (50 min) do, and the hour is flagged N (5 of 6 ≥ 75 %).
        Minutes minutes = await WriteAsync(timeMajor: false);
        ClusterDataset whole = await AssessmentSource.FromFolder(_folder, s_tenMinutes).LoadDatasetAsync();
        CemsHourlyTable hours = whole.CemsHourly!;

        int shortHour = Enumerable.Range(0, hours.RowCount).First(i => hours.Hours.Span[i] == minutes.ShortHour.Hour && hours.OutletIds[i] == minutes.ShortHour.Outlet);
        Assert.True(double.IsNaN(hours.So2.Values.Span[shortHour]));
        Assert.Equal(DataFlag.D, hours.Flags.Span[shortHour]);
        Assert.Equal(40, hours.Optional.ValidMinutes.Span[shortHour]);

        int faultHour = Enumerable.Range(0, hours.RowCount).First(i => hours.Hours.Span[i] == minutes.FaultHour.Hour && hours.OutletIds[i] == minutes.FaultHour.Outlet);
        Assert.Equal(DataFlag.N, hours.Flags.Span[faultHour]);
        Assert.Equal(50, hours.Optional.ValidMinutes.Span[faultHour]);
        Assert.Equal(minutes.FaultHour.MeanSo2, hours.So2.Values.Span[faultHour], 1e-12 * minutes.FaultHour.MeanSo2);
    }

    [Fact]
    public async Task MinutesEveryTenMinutes_ReadWithAMinIntervalOfOne_AreNamedInTheAssumptions()
    {
        await WriteAsync(timeMajor: false);

        DistrictAssessment assessment = await DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder));

        Assert.Contains(
            "Every row of cems_minute falls on a multiple of 10 minutes, while the MinInterval applied is 1 min: if the loggers send a record every 10 minutes, each stands for 10 minutes and the hours derived here have too few valid minutes; give the MinInterval the loggers were configured with.",
            assessment.Assumptions);
        // Six records of a minute each make no valid hour: the measured masses are unknown, never 0.
        Assert.DoesNotContain(assessment.Emissions.Inventories.Single(i => i.Year == 2024).Rows, r => r.Method == EmissionMethod.Measured && r.Mass is { Tonnes: > 0 });
    }

    [Fact]
    public async Task AMinuteTwice_IsRefusedNamingBothPlaces()
    {
        await WriteAsync(timeMajor: false, change: b =>
        {
            DateTime?[] times = b.Times("minute").ToArray();
            times[RowGroup + 1] = times[RowGroup];
            b.SetTimes("minute", times);
        });

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder, s_tenMinutes)));

        Assert.StartsWith("File 'cems_minute.parquet', row group 1, row 1: outlet '", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(", the first at File 'cems_minute.parquet', row group 1, row 0; expected one row per outlet and minute.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnHourMetAgainAfterItEnded_IsRefused()
    {
        // The first minute of the table moved to the end: its hour ended long before.
        await WriteAsync(timeMajor: false, change: b =>
        {
            int last = b.RowCount - 1;
            foreach (string column in new[] { "outlet_id", "flag" })
            {
                string?[] text = b.Text(column).ToArray();
                text[last] = text[0];
                b.SetText(column, text);
            }

            DateTime?[] times = b.Times("minute").ToArray();
            times[last] = times[0]!.Value.AddMinutes(10);
            b.SetTimes("minute", times);
        });

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder, s_tenMinutes)));

        Assert.Contains("whose minutes ended earlier in the table; expected the minutes of an outlet and hour together (order cems_minute by outlet and time).", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("File 'cems_minute.parquet', row group ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMinuteOffTheMinIntervalGrid_IsRefusedNamingRowGroupAndRow()
    {
        await WriteAsync(timeMajor: false, change: b =>
        {
            DateTime?[] times = b.Times("minute").ToArray();
            times[(2 * RowGroup) + 3] = times[(2 * RowGroup) + 3]!.Value.AddMinutes(5);
            b.SetTimes("minute", times);
        });

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder, s_tenMinutes)));

        Assert.StartsWith("File 'cems_minute.parquet', row group 2, row 3: column 'minute' is ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("; expected the start of a minute on the MinInterval grid of 10 min.", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The document without its dataset and assumptions, every number to <paramref name="digits"/> significant digits.</summary>
    private static string Document(DistrictAssessment a, int digits)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(AssessmentJson.Serialize(a))!.AsObject();
        json.Remove("dataset");
        json.Remove("assumptions");
        return Round(json, digits)!.ToJsonString();
    }

    private static System.Text.Json.Nodes.JsonNode? Round(System.Text.Json.Nodes.JsonNode? node, int digits)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject o:
                foreach (string key in o.Select(p => p.Key).ToArray())
                {
                    o[key] = Round(o[key]?.DeepClone(), digits);
                }

                return o;
            case System.Text.Json.Nodes.JsonArray a:
                for (int i = 0; i < a.Count; i++)
                {
                    a[i] = Round(a[i]?.DeepClone(), digits);
                }

                return a;
            case System.Text.Json.Nodes.JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                double x = v.GetValue<double>();
                return x == 0 ? v : System.Text.Json.Nodes.JsonValue.Create(double.Parse(x.ToString("G" + digits, System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture));
            default:
                return node;
        }
    }

    /// <summary>
    /// The default dataset's folder with cems_hourly replaced by cems_minute: four outlets' January and February 2024 as
    /// records of 10 minutes around each hour's value, some hours short of records, some with a faulty one; row groups of
    /// 1 000 rows, so hours cross row groups. Returns the dataset whose hours are those minutes aggregated in memory.
    /// </summary>
    private async Task<Minutes> WriteAsync(bool timeMajor, Action<TableBatch>? change = null)
    {
        await DefaultDataset.WriteAsync(_folder);
        string hourly = Path.Combine(_folder, "cems_hourly.parquet");
        File.Delete(hourly);
        CemsHourlyTable source = DefaultDataset.Instance.CemsHourly!;
        string[] outlets = source.OutletIds.Distinct(StringComparer.Ordinal).Take(4).ToArray();

        var rows = new List<(string Outlet, DateTime Minute, string Flag, double So2, double Nox, double Pm, double O2, double Flow)>();
        (string Outlet, DateTime Hour) shortHour = default;
        (string Outlet, DateTime Hour, double MeanSo2) faultHour = default;
        int h = 0;
        for (int i = 0; i < source.RowCount; i++)
        {
            DateTime hour = source.Hours.Span[i];
            if (Array.IndexOf(outlets, source.OutletIds[i]) < 0 || hour.Year != 2024 || hour.Month > 2 || source.Flags.Span[i] != DataFlag.N)
            {
                continue;
            }

            h++;
            int records = h % 13 == 0 ? 4 : 6;
            double so2Sum = 0;
            for (int k = 0; k < records; k++)
            {
                double scale = 1 + ((k - 2.5) * 0.02);
                string flag = h % 17 == 0 && k == 1 ? "F" : "N";
                double so2 = source.So2.Values.Span[i] * scale;
                so2Sum += flag == "N" ? so2 : 0;
                rows.Add((source.OutletIds[i], hour.AddMinutes(10 * k), flag, so2, source.Nox.Values.Span[i] * scale,
                    source.Pm.Values.Span[i] * scale, source.Oxygen.Values.Span[i], source.Flow.Values.Span[i] * scale));
            }

            if (records == 4 && shortHour == default)
            {
                shortHour = (source.OutletIds[i], hour);
            }

            if (h % 17 == 0 && h % 13 != 0 && faultHour == default && !double.IsNaN(so2Sum))
            {
                faultHour = (source.OutletIds[i], hour, so2Sum / 5);
            }
        }

        if (timeMajor)
        {
            rows = [.. rows.OrderBy(r => r.Minute).ThenBy(r => r.Outlet, StringComparer.Ordinal)];
        }

        var batch = new TableBatch(ContractSchema.CemsMinute, rows.Count);
        batch.SetText("outlet_id", rows.Select(r => (string?)r.Outlet).ToArray());
        batch.SetTimes("minute", rows.Select(r => (DateTime?)r.Minute).ToArray());
        batch.SetText("flag", rows.Select(r => (string?)r.Flag).ToArray());
        batch.SetNumbers("so2", rows.Select(r => r.So2).ToArray(), UnitsNet.Units.MassConcentrationUnit.MilligramPerCubicMeter);
        batch.SetNumbers("nox", rows.Select(r => r.Nox).ToArray(), UnitsNet.Units.MassConcentrationUnit.MilligramPerCubicMeter);
        batch.SetNumbers("pm", rows.Select(r => r.Pm).ToArray(), UnitsNet.Units.MassConcentrationUnit.MilligramPerCubicMeter);
        batch.SetNumbers("o2", rows.Select(r => r.O2).ToArray(), UnitsNet.Units.VolumeConcentrationUnit.Percent);
        // Flow in m³/s, as some loggers send it: the reader converts by the column's unit.
        batch.SetNumbers("flow", rows.Select(r => r.Flow / 3600).ToArray(), UnitsNet.Units.VolumeFlowUnit.CubicMeterPerSecond);

        // The same minutes aggregated in memory, before any change to the file.
        var builder = new CemsRecordsBuilder(CemsInterval.Minute);
        foreach (var r in rows)
        {
            builder.AddRow(r.Outlet, r.Minute, Enum.Parse<DataFlag>(r.Flag));
            builder.SetValue(CemsChannel.So2, r.So2).SetValue(CemsChannel.Nox, r.Nox).SetValue(CemsChannel.Pm, r.Pm)
                .SetValue(CemsChannel.Oxygen, r.O2).SetValue(CemsChannel.Flow, r.Flow / 3600 * 3600);
        }

        CemsHourlyTable hours = CemsAggregator.ToHourly(builder.Build(), s_tenMinutes).ToCemsHourly();
        ClusterDataset d = DefaultDataset.Instance;
        var expected = new ClusterDataset("minutes", illustrative: true, d.Enterprises, d.Facilities, d.TreatmentFacilities, d.Outlets, d.EnergyLedger,
            d.SolidWasteLedger, d.EmissionFactors, hours);

        change?.Invoke(batch);
        await using ParquetTableWriter writer = await ParquetTableWriter.CreateAsync(
            Path.Combine(_folder, "cems_minute.parquet"), ContractSchema.CemsMinute, batch.Columns, rowGroupSize: RowGroup);
        await writer.WriteAsync(batch);
        await writer.CommitAsync();
        return new Minutes(expected, rows.Count, shortHour, faultHour);
    }

    private sealed record Minutes(ClusterDataset Expected, int Rows, (string Outlet, DateTime Hour) ShortHour, (string Outlet, DateTime Hour, double MeanSo2) FaultHour);
}
