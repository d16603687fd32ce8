using System.Globalization;
using System.Text.Json;
using Shapotou.Sdk.Assessment;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Parquet;

namespace Shapotou.Sdk.Cli.Tests;

/// <summary>
/// A folder with the default dataset's dimension and ledger tables and <c>cems_minute</c> for three of its outlets in
/// place of <c>cems_hourly</c>: the CEMS views of <c>shapotou sql</c> read <c>cems_minute_hours</c>, and the measured
/// inventory equals the measured rows of <c>assess --data --json</c> over the same folder (hours derived by HJ 212-2017
/// Annex D and Annex C).
/// </summary>
public sealed class SqlMinuteInventoryTests : IClassFixture<SqlMinuteInventoryTests.MinutesOnly>
{
    private readonly MinutesOnly _folder;

    public SqlMinuteInventoryTests(MinutesOnly folder)
    {
        _folder = folder;
    }

    [Fact]
    public void MeasuredInventory_FromMinutes_EqualsAssess()
    {
        (int code, string output, string error) = CliRunner.Run("assess", "--data", _folder.Folder, "--year", "2024", "--json");
        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        var measured = json.RootElement.GetProperty("emissions").GetProperty("outlets").EnumerateArray()
            .Where(o => o.GetProperty("method").ValueKind == JsonValueKind.String && o.GetProperty("method").GetString() == "measured")
            .ToDictionary(o => (o.GetProperty("outlet_id").GetString()!, o.GetProperty("pollutant").GetString()!),
                o => o.GetProperty("mass_t").ValueKind == JsonValueKind.Null ? (double?)null : o.GetProperty("mass_t").GetDouble());
        var sql = _folder.Query("SELECT outlet_id, pollutant, mass_t FROM inventory_outlets WHERE year = 2024 AND method = 'measured'")
            .ToDictionary(r => ((string)r[0]!, (string)r[1]!), r => r[2]);

        // Three outlets, each with the pollutants of its outlets rows that the minutes report.
        Assert.NotEmpty(measured);
        Assert.Equal(measured.Keys.Order(), sql.Keys.Order());
        foreach (((string outlet, string pollutant), double? mass) in measured)
        {
            SqlAgreement.AssertSame(mass, sql[(outlet, pollutant)], $"{outlet} {pollutant}");
        }
    }

    [Fact]
    public void MeasuredInventory_FromMinutes_CountsTheHoursOf45ValidMinutes()
    {
        // Per outlet six hours of 60, 50, 46, 45, 44 and 30 minutes (MinutesOnly): NOx, with every minute valid, has
        // four hours of at least 45 valid minutes; SO₂ (every 17th minute flagged D: 57, 48, 44, 43, 42, 29 valid) and
        // PM (every 13th minute missing: 55, 46, 43, …) two.
        List<object?[]> rows = _folder.Query("SELECT outlet_id, pollutant, valid_hours FROM measured_inventory ORDER BY outlet_id, pollutant");

        Assert.Equal(MinutesOnly.Outlets.Order().SelectMany(o => new[] { $"{o} nox 4", $"{o} pm 2", $"{o} so2 2" }).ToArray(),
            rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r[0]} {r[1]} {r[2]}")).ToArray());
        Assert.DoesNotContain("cems_hourly", (string)_folder.Query("SELECT sql FROM duckdb_views() WHERE view_name = 'measured_inventory'").Single()[0]!, StringComparison.Ordinal);
    }

    /// <summary>The default dataset written as Parquet without <c>cems_hourly</c>, with <c>cems_minute.parquet</c> for
    /// three of its CEMS outlets, and the DuckDB script of <c>shapotou sql</c> over it.</summary>
    public sealed class MinutesOnly : SqlExport
    {
        public MinutesOnly()
            // The SDK's side is assess --data over the folder itself (its hours derived from the minutes).
            : base(Write, _ => DefaultDataset.Instance)
        {
        }

        /// <summary>The outlets with minutes: the first three of the default dataset's CEMS hours.</summary>
        public static IReadOnlyList<string> Outlets { get; } = DefaultDataset.Instance.CemsHourly!.OutletIds.Distinct().Take(3).ToArray();

        /// <summary>Minutes per hour: 60, 50, 46, 45, 44 and 30, so that the 45-minute and 75 % rules both fall either way.</summary>
        private static readonly int[] s_minutesPerHour = [60, 50, 46, 45, 44, 30];

        private static void Write(string folder)
        {
            DefaultDataset.WriteAsync(folder).GetAwaiter().GetResult();
            string hourly = Path.Combine(folder, "cems_hourly.parquet");
            if (File.Exists(hourly))
            {
                File.Delete(hourly);
            }
            else
            {
                Directory.Delete(Path.Combine(folder, "cems_hourly"), recursive: true);
            }

            var random = new Random(2324);
            var outlet = new List<string?>();
            var minute = new List<DateTime?>();
            var flag = new List<string?>();
            var so2Flag = new List<string?>();
            var so2 = new List<double>();
            var nox = new List<double>();
            var pm = new List<double>();
            var o2 = new List<double>();
            var flow = new List<double>();
            foreach (string id in Outlets)
            {
                for (int h = 0; h < s_minutesPerHour.Length; h++)
                {
                    var start = new DateTime(2024, 6, 3, 8 + h, 0, 0, DateTimeKind.Unspecified);
                    for (int m = 0; m < s_minutesPerHour[h]; m++)
                    {
                        outlet.Add(id);
                        minute.Add(start.AddMinutes(m));
                        flag.Add("N");
                        // Every 13th minute's PM missing and every 17th SO₂ minute flagged D: they do not count.
                        so2Flag.Add(m % 17 == 16 ? "D" : null);
                        so2.Add(20 + (random.NextDouble() * 50));
                        nox.Add(30 + (random.NextDouble() * 40));
                        pm.Add(m % 13 == 7 ? double.NaN : 5 + (random.NextDouble() * 10));
                        o2.Add(8 + (random.NextDouble() * 6));
                        flow.Add(40_000 + (random.NextDouble() * 20_000));
                    }
                }
            }

            var batch = new TableBatch(ContractSchema.CemsMinute, outlet.Count);
            batch.SetText("outlet_id", outlet.ToArray());
            batch.SetTimes("minute", minute.ToArray());
            batch.SetText("flag", flag.ToArray());
            batch.SetText("so2_flag", so2Flag.ToArray());
            batch.SetNumbers("so2", so2.ToArray(), UnitsNet.Units.MassConcentrationUnit.MilligramPerCubicMeter);
            batch.SetNumbers("nox", nox.ToArray(), UnitsNet.Units.MassConcentrationUnit.MilligramPerCubicMeter);
            batch.SetNumbers("pm", pm.ToArray(), UnitsNet.Units.MassConcentrationUnit.MilligramPerCubicMeter);
            batch.SetNumbers("o2", o2.ToArray(), UnitsNet.Units.VolumeConcentrationUnit.Percent);
            batch.SetNumbers("flow", flow.ToArray(), UnitsNet.Units.VolumeFlowUnit.CubicMeterPerHour);
            ParquetTableWriter writer = ParquetTableWriter.CreateAsync(Path.Combine(folder, "cems_minute.parquet"), ContractSchema.CemsMinute, batch.Columns).GetAwaiter().GetResult();
            try
            {
                writer.WriteAsync(batch).GetAwaiter().GetResult();
                writer.CommitAsync().GetAwaiter().GetResult();
            }
            finally
            {
                writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
    }
}
