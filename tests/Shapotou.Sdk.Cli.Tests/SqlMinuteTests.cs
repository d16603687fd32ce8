using System.Globalization;
using Shapotou.Sdk.Assessment;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Monitoring.Aggregation;
using Shapotou.Sdk.Parquet;

namespace Shapotou.Sdk.Cli.Tests;

/// <summary>
/// The view <c>cems_minute_hours</c> of <c>shapotou sql</c>, run by DuckDB.NET over generated minutes, gives the hours of
/// <see cref="CemsAggregator.ToHourly"/>: the 45-valid-minute rule for values, the 75 % rule for flags, channel flags
/// over the row's, NULL values and channels no minute reports.
/// </summary>
public sealed class SqlMinuteTests : IClassFixture<SqlMinuteTests.GeneratedMinutes>
{
    private readonly GeneratedMinutes _minutes;

    public SqlMinuteTests(GeneratedMinutes minutes)
    {
        _minutes = minutes;
    }

    [Fact]
    public void MinuteHours_AgreeWithCemsAggregator()
    {
        CemsRecords hours = CemsAggregator.ToHourly(_minutes.Table);
        var sql = _minutes.Query("SELECT outlet_id, hour, flag, so2, so2_flag, so2_valid_minutes, nox, nox_flag, pm, pm_flag, o2, o2_flag, flow, flow_flag, nh3, nh3_flag FROM cems_minute_hours")
            .ToDictionary(r => ((string)r[0]!, (DateTime)r[1]!));

        Assert.Equal(hours.RowCount, sql.Count);
        (CemsChannel Channel, int Column)[] channels = [(CemsChannel.So2, 3), (CemsChannel.Nox, 6), (CemsChannel.Pm, 8), (CemsChannel.Oxygen, 10), (CemsChannel.Flow, 12), (CemsChannel.Nh3, 14)];
        for (int i = 0; i < hours.RowCount; i++)
        {
            object?[] row = sql[(hours.OutletIds[i], hours.Starts.Span[i])];
            string context = $"{hours.OutletIds[i]} {hours.Starts.Span[i]:yyyy-MM-dd HH:mm}";
            Assert.True(hours.Flags.Span[i].ToString() == (string)row[2]!, $"{context}: flag {hours.Flags.Span[i]} against {row[2]}.");
            foreach ((CemsChannel channel, int column) in channels)
            {
                double value = hours.Values(channel).Span[i];
                SqlAgreement.AssertSame(double.IsNaN(value) ? null : value, row[column], $"{context} {channel}");
                // A NULL channel flag defers to the row's, as in cems_hourly (docs/tables.md).
                string flag = (string?)row[column + 1] ?? (string)row[2]!;
                Assert.True(hours.ChannelFlag(channel, i).ToString() == flag, $"{context} {channel}: flag {hours.ChannelFlag(channel, i)} against {flag}.");
            }

            Assert.Equal(hours.ValidCounts(CemsChannel.So2).Span[i], Convert.ToInt32(row[5], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void MinuteDays_AgreeWithCemsAggregator()
    {
        CemsRecords days = CemsAggregator.ToDaily(CemsAggregator.ToHourly(_minutes.Table));
        var sql = _minutes.Query("SELECT outlet_id, day, flag, so2, so2_flag, so2_valid_hours, nox, nox_flag, pm, pm_flag, o2, o2_flag, flow, flow_flag, nh3, nh3_flag FROM cems_minute_days")
            .ToDictionary(r => ((string)r[0]!, (DateTime)r[1]!));

        Assert.Equal(days.RowCount, sql.Count);
        (CemsChannel Channel, int Column)[] channels = [(CemsChannel.So2, 3), (CemsChannel.Nox, 6), (CemsChannel.Pm, 8), (CemsChannel.Oxygen, 10), (CemsChannel.Flow, 12), (CemsChannel.Nh3, 14)];
        for (int i = 0; i < days.RowCount; i++)
        {
            object?[] row = sql[(days.OutletIds[i], days.Starts.Span[i])];
            string context = $"{days.OutletIds[i]} {days.Starts.Span[i]:yyyy-MM-dd}";
            Assert.True(days.Flags.Span[i].ToString() == (string)row[2]!, $"{context}: flag {days.Flags.Span[i]} against {row[2]}.");
            foreach ((CemsChannel channel, int column) in channels)
            {
                double value = days.Values(channel).Span[i];
                SqlAgreement.AssertSame(double.IsNaN(value) ? null : value, row[column], $"{context} {channel}");
                string flag = (string?)row[column + 1] ?? (string)row[2]!;
                Assert.True(days.ChannelFlag(channel, i).ToString() == flag, $"{context} {channel}: flag {days.ChannelFlag(channel, i)} against {flag}.");
            }

            Assert.Equal(days.ValidCounts(CemsChannel.So2).Span[i], Convert.ToInt32(row[5], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void MinuteDays_20ValidHoursMakeAValue_19DoNot()
    {
        // Outlet C: 20 whole hours on 2 March and 19 on 3 March, the rest of each day 30 minutes (GeneratedMinutes).
        List<object?[]> rows = _minutes.Query("SELECT day, so2, so2_valid_hours, flag FROM cems_minute_days WHERE outlet_id = 'C' ORDER BY day");

        Assert.Equal(2, rows.Count);
        Assert.Equal(20L, Convert.ToInt64(rows[0][2], CultureInfo.InvariantCulture));
        Assert.NotNull(rows[0][1]);
        Assert.Equal("N", rows[0][3]);
        Assert.Equal(19L, Convert.ToInt64(rows[1][2], CultureInfo.InvariantCulture));
        Assert.Null(rows[1][1]);
        Assert.Equal("D", rows[1][3]);
    }

    [Fact]
    public void MinuteHours_45ValidMinutesMakeAValue_44DoNot()
    {
        // Outlet A, 03:00 holds 45 minutes and 04:00 44 (GeneratedMinutes): HJ 212-2017 Annex D's 45 valid minutes.
        List<object?[]> rows = _minutes.Query("SELECT hour, nox, nox_valid_minutes, flag FROM cems_minute_hours WHERE outlet_id = 'A' AND EXTRACT(HOUR FROM hour) IN (3, 4) ORDER BY hour");

        Assert.Equal(45L, Convert.ToInt64(rows[0][2], CultureInfo.InvariantCulture));
        Assert.NotNull(rows[0][1]);
        Assert.Equal("N", rows[0][3]);
        Assert.Equal(44L, Convert.ToInt64(rows[1][2], CultureInfo.InvariantCulture));
        Assert.Null(rows[1][1]);
        Assert.Equal("D", rows[1][3]);
    }

    /// <summary>Two outlets' minutes over six hours, each hour with another count of minutes and flags, written as
    /// <c>cems_minute.parquet</c>, and the DuckDB script of <c>shapotou sql</c> over it.</summary>
    public sealed class GeneratedMinutes : SqlExport
    {
        public GeneratedMinutes()
            // The folder holds cems_minute alone: the SDK's side is CemsAggregator over the same minutes, not a dataset.
            : base(folder => Write(folder, out _), _ => DefaultDataset.Instance)
        {
            Table = Build(out _);
        }

        public CemsRecords Table { get; }

        /// <summary>Minutes per hour: 60, 50, 46, 45, 44 and 30, so that the 45-minute and 75 % rules both fall either way.</summary>
        private static readonly int[] s_minutesPerHour = [60, 50, 46, 45, 44, 30];

        private static List<Minute> Rows()
        {
            var random = new Random(2323);
            var rows = new List<Minute>();
            foreach (string outlet in new[] { "A", "B" })
            {
                for (int h = 0; h < s_minutesPerHour.Length; h++)
                {
                    var start = new DateTime(2024, 3, 1, h, 0, 0, DateTimeKind.Unspecified);
                    for (int m = 0; m < s_minutesPerHour[h]; m++)
                    {
                        // Outlet B: every 9th minute stopped (F) in the row flag, every 7th SO₂ value flagged D, every 11th PM missing.
                        string flag = outlet == "B" && m % 9 == 4 ? "F" : "N";
                        string? so2Flag = outlet == "B" && m % 7 == 3 ? "D" : null;
                        double pm = outlet == "B" && m % 11 == 5 ? double.NaN : 5 + (random.NextDouble() * 10);
                        rows.Add(new Minute(outlet, start.AddMinutes(m), flag, so2Flag, 20 + (random.NextDouble() * 50), 30 + (random.NextDouble() * 40), pm,
                            8 + (random.NextDouble() * 6), 40_000 + (random.NextDouble() * 20_000), outlet == "A" ? 1 + random.NextDouble() : double.NaN));
                    }
                }
            }

            // Outlet C: whole hours (60 minutes) then half hours (30), 20 whole hours on 2 March and 19 on 3 March.
            foreach ((int day, int whole) in new[] { (2, 20), (3, 19) })
            {
                for (int h = 0; h < 24; h++)
                {
                    var start = new DateTime(2024, 3, day, h, 0, 0, DateTimeKind.Unspecified);
                    for (int m = 0; m < (h < whole ? 60 : 30); m++)
                    {
                        rows.Add(new Minute("C", start.AddMinutes(m), "N", null, 20 + (random.NextDouble() * 50), 30 + (random.NextDouble() * 40), 5 + (random.NextDouble() * 10),
                            8 + (random.NextDouble() * 6), 40_000 + (random.NextDouble() * 20_000), double.NaN));
                    }
                }
            }

            return rows;
        }

        private static CemsRecords Build(out List<Minute> rows)
        {
            rows = Rows();
            var builder = new CemsRecordsBuilder(CemsInterval.Minute);
            foreach (Minute r in rows)
            {
                builder.AddRow(r.Outlet, r.Time, Enum.Parse<DataFlag>(r.Flag));
                builder.SetValue(CemsChannel.So2, r.So2, r.So2Flag is null ? default : Enum.Parse<DataFlag>(r.So2Flag))
                    .SetValue(CemsChannel.Nox, r.Nox).SetValue(CemsChannel.Pm, r.Pm).SetValue(CemsChannel.Oxygen, r.O2)
                    .SetValue(CemsChannel.Flow, r.Flow).SetValue(CemsChannel.Nh3, r.Nh3);
            }

            return builder.Build();
        }

        private static void Write(string folder, out List<Minute> rows)
        {
            Directory.CreateDirectory(folder);
            rows = Rows();
            var batch = new TableBatch(ContractSchema.CemsMinute, rows.Count);
            batch.SetText("outlet_id", rows.Select(r => (string?)r.Outlet).ToArray());
            batch.SetTimes("minute", rows.Select(r => (DateTime?)r.Time).ToArray());
            batch.SetText("flag", rows.Select(r => (string?)r.Flag).ToArray());
            batch.SetText("so2_flag", rows.Select(r => r.So2Flag).ToArray());
            batch.SetNumbers("so2", rows.Select(r => r.So2).ToArray(), UnitsNet.Units.MassConcentrationUnit.MilligramPerCubicMeter);
            batch.SetNumbers("nox", rows.Select(r => r.Nox).ToArray(), UnitsNet.Units.MassConcentrationUnit.MilligramPerCubicMeter);
            batch.SetNumbers("pm", rows.Select(r => r.Pm).ToArray(), UnitsNet.Units.MassConcentrationUnit.MilligramPerCubicMeter);
            batch.SetNumbers("nh3", rows.Select(r => r.Nh3).ToArray(), UnitsNet.Units.MassConcentrationUnit.MilligramPerCubicMeter);
            batch.SetNumbers("o2", rows.Select(r => r.O2).ToArray(), UnitsNet.Units.VolumeConcentrationUnit.Percent);
            batch.SetNumbers("flow", rows.Select(r => r.Flow).ToArray(), UnitsNet.Units.VolumeFlowUnit.CubicMeterPerHour);
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

        private sealed record Minute(string Outlet, DateTime Time, string Flag, string? So2Flag, double So2, double Nox, double Pm, double O2, double Flow, double Nh3);
    }
}
