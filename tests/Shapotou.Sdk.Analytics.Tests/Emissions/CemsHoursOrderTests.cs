using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Analytics.Kernels;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Analytics.Tests.Emissions;

/// <summary>
/// A CEMS table ordered by time — the rows of three outlets alternating hour by hour, as DuckDB, Spark or a time-series
/// export writes them — holds each outlet's month in hundreds of stretches of one row. Both sources make one run per
/// outlet and month of them, whatever the order and however the streamed rows are cut into chunks, so a streamed
/// source's memory grows with outlets × months and not with rows; and both answer to the last bit alike.
/// </summary>
public sealed class CemsHoursOrderTests
{
    private static readonly string[] s_outlets = ["O1", "O2", "O3"];

    /// <summary>Three outlets, January and February 2024 (1 440 hours), ordered by hour, then outlet.</summary>
    private static CemsHourlyTable ByHour(int from, int count) => ByHour(Enumerable.Range(from, count));

    /// <summary>Rows of the table ordered by hour, by their places in it.</summary>
    private static CemsHourlyTable ByHour(IEnumerable<int> places)
    {
        (string Outlet, DateTime Hour, int Index)[] all =
        [
            .. from h in Enumerable.Range(0, 1440)
               from o in s_outlets
               select (o, EmissionsFixture.Start.AddHours(h), (h * 3) + Array.IndexOf(s_outlets, o)),
        ];
        (string Outlet, DateTime Hour, int Index)[] rows = [.. places.Select(p => all[p])];

        // Values that make every sum depend on its order of addition: fractions with no short binary form.
        QuantityColumn<MassConcentration> Concentration(double scale) =>
            new(rows.Select(r => scale * (1 + (r.Index % 97) / 7.0)).ToArray(), MassConcentrationUnit.MilligramPerCubicMeter);

        return new CemsHourlyTable(
            rows.Select(r => r.Outlet).ToArray(),
            rows.Select(r => r.Hour).ToArray(),
            Concentration(11.3),
            Concentration(37.1),
            Concentration(5.9),
            new QuantityColumn<VolumeConcentration>(rows.Select(r => 9 + (r.Index % 13) / 3.0).ToArray(), VolumeConcentrationUnit.Percent),
            new QuantityColumn<VolumeFlow>(rows.Select(r => 90_000 + (r.Index % 101) * 311.7).ToArray(), VolumeFlowUnit.CubicMeterPerHour),
            rows.Select(r => r.Index % 29 == 0 ? DataFlag.F : DataFlag.N).ToArray());
    }

    [Theory]
    [InlineData(4096)]
    [InlineData(1000)]
    [InlineData(7)]
    public void TableOrderedByHour_IsOneRunPerOutletAndMonth_OnBothSources_WithTheSameAnswers(int chunk)
    {
        const int Rows = 1440 * 3;
        CemsHours table = TableCemsHours.For(ByHour(0, Rows));
        var builder = new StreamedCemsHours.Builder(new CemsQuestions());
        for (int from = 0; from < Rows; from += chunk)
        {
            builder.Add(CemsColumns.From(ByHour(from, Math.Min(chunk, Rows - from))));
        }

        CemsHours streamed = builder.Complete();

        // Three outlets × two months, each run of 744 or 696 hours, the stopped hours counted over all its stretches.
        foreach (CemsHours hours in new[] { table, streamed })
        {
            Assert.Equal(
                s_outlets.SelectMany(o => new[] { (o, 1, 744), (o, 2, 696) }).OrderBy(r => r.o, StringComparer.Ordinal).ThenBy(r => r.Item2),
                hours.Runs(2024).Select(r => (r.OutletId, r.Month, r.Rows)).OrderBy(r => r.OutletId, StringComparer.Ordinal).ThenBy(r => r.Month));
            Assert.Equal(Rows / 29 + 1, hours.Runs(2024).Sum(r => r.Stopped));
        }

        foreach (string outlet in s_outlets)
        {
            foreach (Pollutant pollutant in new[] { Pollutant.Pm, Pollutant.So2, Pollutant.Nox })
            {
                MeasuredAccumulation expected = table.Accumulate(outlet, 2024, pollutant, double.NaN, double.PositiveInfinity);
                MeasuredAccumulation actual = streamed.Accumulate(outlet, 2024, pollutant, double.NaN, double.PositiveInfinity);
                Assert.Equal(expected, actual);
                Assert.True(expected.ValidHours > 1300);
            }
        }
    }

    /// <summary>
    /// An outlet's hour given twice (a file read twice, or two files of the same hours) would be counted twice; both
    /// sources refuse it, naming the row of the second copy, the outlet and the hour — the streamed one across chunks.
    /// </summary>
    [Fact]
    public void HourGivenTwice_IsRefusedOnBothSources_NamingTheRow()
    {
        // Rows 0–4 319 and then row 1 000 again (hour 333, outlet O2: 2024-01-14 21:00) as row 4 320.
        int[] places = [.. Enumerable.Range(0, 4320), 1000];
        const string Expected = "Table 'cems_hourly', row 4320: outlet 'O2' has the hour 2024-01-14 21:00 a second time; expected one row per outlet and clock hour (is a file in the folder twice, or are the same hours in two files?).";

        ShapotouDataException inMemory = Assert.Throws<ShapotouDataException>(() => TableCemsHours.For(ByHour(places)));
        var builder = new StreamedCemsHours.Builder(new CemsQuestions());
        builder.Add(CemsColumns.From(ByHour(places[..4000])));
        ShapotouDataException streamed = Assert.Throws<ShapotouDataException>(() => builder.Add(CemsColumns.From(ByHour(places[4000..]))));

        Assert.Equal(Expected, inMemory.Message);
        Assert.Equal(Expected, streamed.Message);
    }
}
