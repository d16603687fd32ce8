using System.Globalization;
using System.Text.Json;
using Shapotou.Sdk.Assessment;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Parquet;
using Shapotou.Sdk.TestKit;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Cli.Tests;

/// <summary>
/// The <c>plausibility_warnings</c> view of <c>shapotou sql</c> against <c>warnings[]</c> of <c>assess --data --json</c>
/// over the same folder: on the default dataset (no warning on either side) and on a copy changed so that every check
/// finds values, with a plausibility file of ranges given to both. Per check the SDK's count equals the view's rows, and
/// each warning the SDK lists is a row of the view with the same key, hour, value and threshold (1e-9 relative).
/// </summary>
public sealed class SqlPlausibilityTests : IClassFixture<SqlPlausibilityTests.Mutated>
{
    private static readonly string[] s_checks =
    [
        "unit_energy_below_floor", "unit_energy_far_above_limit", "electricity_below_floor", "concentration_above_range",
        "oxygen_above_range", "flow_outside_range", "flow_jump",
    ];

    private readonly Mutated _folder;

    public SqlPlausibilityTests(Mutated folder)
    {
        _folder = folder;
    }

    [Fact]
    public void Warnings_DefaultDataset_NoneOnEitherSide()
    {
        using var export = new SqlCommandTests.ExportedDataset();
        (int code, string output, string error) = CliRunner.Run("assess", "--data", export.Folder, "--json");
        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);

        Assert.Equal(0, json.RootElement.GetProperty("warnings").GetArrayLength());
        Assert.Equal(0L, Convert.ToInt64(export.Query("SELECT COUNT(*) FROM plausibility_warnings")[0][0], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Warnings_MutatedDataset_EqualTheAssessment()
    {
        (int code, string output, string error) = CliRunner.Run("assess", "--data", _folder.Folder, "--plausibility", _folder.OptionsFile, "--json");
        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        var sdk = json.RootElement.GetProperty("warnings").EnumerateArray().ToDictionary(w => w.GetProperty("check").GetString()!, w => w.Clone());
        List<object?[]> rows = _folder.QueryWith(["--plausibility", _folder.OptionsFile],
            "SELECT check_id, table_name, key, period, product, hour, value, threshold, unit, unit_signature FROM plausibility_warnings");

        // Every check finds values on both sides; the electricity and flow-jump checks more than the ten the SDK lists.
        Assert.Equal(s_checks.Order(StringComparer.Ordinal), sdk.Keys.Order(StringComparer.Ordinal));
        foreach (string check in s_checks)
        {
            JsonElement warnings = sdk[check];
            object?[][] ofCheck = [.. rows.Where(r => (string)r[0]! == check)];
            Assert.True(warnings.GetProperty("count").GetInt64() == ofCheck.Length, $"{check}: the SDK counts {warnings.GetProperty("count").GetInt64()}, the view has {ofCheck.Length} rows.");
            foreach (JsonElement listed in warnings.GetProperty("listed").EnumerateArray())
            {
                string key = listed.GetProperty("key").GetString()!;
                string? hour = listed.GetProperty("hour").GetString();
                object?[][] same = [.. ofCheck.Where(r => (string)r[1]! == listed.GetProperty("table").GetString() && Key(r) == key && Hour(r) == hour)];
                string context = $"{check} {key} {hour}";
                object?[] row = Assert.Single(same);
                Tolerance.AssertClose(listed.GetProperty("value").GetDouble(), (double)row[6]!, SqlAgreement.Agreement, context);
                Tolerance.AssertClose(listed.GetProperty("threshold").GetDouble(), (double)row[7]!, SqlAgreement.Agreement, context);
                Assert.Equal(listed.GetProperty("unit").GetString(), (string)row[8]!);
                if (check is "flow_outside_range" or "flow_jump")
                {
                    Assert.True(listed.GetProperty("message").GetString()!.Contains("3 600", StringComparison.Ordinal) == (bool)row[9]!, $"{context}: the 3 600 signature differs.");
                }
            }
        }

        Assert.True(sdk["electricity_below_floor"].GetProperty("count").GetInt64() > 10);
        Assert.Contains(rows, r => (string)r[0]! == "flow_jump" && (bool)r[9]!);
        Assert.Contains(rows, r => (string)r[0]! == "flow_outside_range" && (bool)r[9]!);
    }

    [Fact]
    public void Warnings_ARowWithAnUnknownCarrier_IsNotJudgedForEnergy()
    {
        // The row whose output is 1 000 times too large and which uses semi-coke (no coefficient: energy unknown) is
        // named for its electricity only.
        List<object?[]> rows = _folder.QueryWith(["--plausibility", _folder.OptionsFile],
            $"SELECT check_id FROM plausibility_warnings WHERE key = '{Mutated.UnknownCarrierRow.FacilityId}' AND product = '{Mutated.UnknownCarrierRow.Product}' AND period = DATE '{Mutated.UnknownCarrierRow.Period:yyyy-MM-dd}'");

        Assert.Equal(["electricity_below_floor"], rows.Select(r => (string)r[0]!).ToArray());
    }

    private static string Key(object?[] row) => row[3] is DateOnly period
        ? string.Create(CultureInfo.InvariantCulture, $"{row[2]}, {period:yyyy-MM}, {row[4]}")
        : row[3] is DateTime date ? string.Create(CultureInfo.InvariantCulture, $"{row[2]}, {date:yyyy-MM}, {row[4]}") : (string)row[2]!;

    private static string? Hour(object?[] row) => row[5] is DateTime hour ? hour.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : null;

    /// <summary>The default dataset with values each check finds, and a plausibility file with a concentration range and
    /// a flow range: ferrosilicon furnace electricity of two facilities' 2024 rows ÷ 10 000 (10⁴ kWh read as kWh), one
    /// ferrosilicon row's output ÷ 10 (far above the limit) and one's × 1 000 (below the energy floor), a row × 1 000 that
    /// uses semi-coke (energy unknown), an hour's O₂ 20.97 %, one outlet's flow × 20 for an hour (a jump up and one
    /// down), another's × 3 600 (outside its range, and the m³/s signature), an SO₂ hour at 5 000 mg/m³, an hour flagged D before one of × 20 flow (no jump across the gap), an
    /// hour flagged D at 20.97 % O₂ (not judged).</summary>
    public sealed class Mutated : SqlExport
    {
        public Mutated()
            : base(Write, _ => DefaultDataset.Instance)
        {
        }

        public string OptionsFile => Path.Combine(Folder, "plausibility.json");

        public static EnergyLedgerEntry UnknownCarrierRow => s_unknownCarrierRow!;

        private static EnergyLedgerEntry? s_unknownCarrierRow;

        private static void Write(string folder)
        {
            ClusterDataset data = DefaultDataset.Instance;
            var ledger = data.EnergyLedger.ToList();
            int[] fesi = [.. Enumerable.Range(0, ledger.Count).Where(i => ledger[i].Product.StartsWith("FeSi", StringComparison.Ordinal) && ledger[i].Period.Year == 2024 && ledger[i].FurnaceElectricity is not null)];
            string[] facilities = [.. fesi.Select(i => ledger[i].FacilityId).Distinct().Order(StringComparer.Ordinal).Take(2)];
            foreach (int i in fesi.Where(i => facilities.Contains(ledger[i].FacilityId)))
            {
                ledger[i] = Copy(ledger[i], furnaceElectricity: ledger[i].FurnaceElectricity!.Value / 10_000);
            }

            int[] others = [.. fesi.Where(i => !facilities.Contains(ledger[i].FacilityId))];
            ledger[others[0]] = Copy(ledger[others[0]], output: ledger[others[0]].Output / 10);
            ledger[others[1]] = Copy(ledger[others[1]], output: ledger[others[1]].Output * 1000);
            ledger[others[2]] = Copy(ledger[others[2]], output: ledger[others[2]].Output * 1000, semiCoke: Mass.FromTonnes(1));
            s_unknownCarrierRow = ledger[others[2]];

            CemsHourlyTable cems = data.CemsHourly!;
            double[] o2 = cems.Oxygen.ToArray(VolumeConcentrationUnit.Percent);
            double[] flow = cems.Flow.ToArray(VolumeFlowUnit.CubicMeterPerHour);
            double[] so2 = cems.So2.ToArray(MassConcentrationUnit.MilligramPerCubicMeter);
            DataFlag[] flags = cems.Flags.ToArray();
            string[] outlets = [.. cems.OutletIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

            // An hour in the middle of each chosen outlet's rows whose neighbours are valid consecutive hours.
            int Middle(string outlet)
            {
                int[] rows = [.. Enumerable.Range(0, cems.RowCount).Where(i => cems.OutletIds[i] == outlet)];
                return rows.Skip(rows.Length / 2).First(i => flags[i] == DataFlag.N && double.IsFinite(flow[i]));
            }

            int jump = Middle(outlets[0]);
            flow[jump] *= 20;
            int seconds = Middle(outlets[1]);
            double[] range = [.. Enumerable.Range(0, cems.RowCount).Where(i => cems.OutletIds[i] == outlets[1] && flags[i] == DataFlag.N && double.IsFinite(flow[i])).Select(i => flow[i])];
            double low = range.Min();
            double high = range.Max();
            flow[seconds] *= 3600;
            int oxygen = Middle(outlets[2]);
            o2[oxygen] = 20.97;
            so2[Middle(outlets[3])] = 5000;

            // An hour flagged D between two valid ones: the valid hours around it are two hours apart, no jump between
            // them; the one after is compared with its own next hour. And an invalid hour at 20.97 % O₂: not judged.
            int gap = Middle(outlets[4]);
            int after = Enumerable.Range(0, cems.RowCount).Single(i => cems.OutletIds[i] == outlets[4] && cems.Hours.Span[i] == cems.Hours.Span[gap].AddHours(1));
            flags[gap] = DataFlag.D;
            flow[after] *= 20;
            int invalid = Middle(outlets[5]);
            flags[invalid] = DataFlag.D;
            o2[invalid] = 20.97;

            var mutated = new CemsHourlyTable(
                cems.OutletIds,
                cems.Hours,
                new(so2, MassConcentrationUnit.MilligramPerCubicMeter),
                cems.Nox,
                cems.Pm,
                new(o2, VolumeConcentrationUnit.Percent),
                new(flow, VolumeFlowUnit.CubicMeterPerHour),
                flags,
                cems.Optional);
            var dataset = new ClusterDataset(data.Name, data.Illustrative, data.Enterprises, data.Facilities, data.TreatmentFacilities, data.Outlets,
                ledger, data.SolidWasteLedger, data.EmissionFactors, mutated);
            ClusterDatasetParquet.WriteAsync(dataset, folder).GetAwaiter().GetResult();
            File.WriteAllText(Path.Combine(folder, "plausibility.json"), string.Create(CultureInfo.InvariantCulture,
                $$"""{ "concentration_maximum_mg_per_m3": { "so2": 2000 }, "flow_range_m3_per_h": { "{{outlets[1]}}": { "minimum": {{low:R}}, "maximum": {{high:R}} } } }"""));
        }

        private static EnergyLedgerEntry Copy(EnergyLedgerEntry e, Mass? output = null, Energy? furnaceElectricity = null, Mass? semiCoke = null) =>
            new(e.FacilityId, e.Period, e.Product, output ?? e.Output, e.ElectricityPurchased, furnaceElectricity ?? e.FurnaceElectricity,
                e.WasteHeatPowerGenerated, e.ElectricityExported, e.Coke, semiCoke ?? e.SemiCoke, e.Coal, e.NaturalGas, e.Diesel, e.ElectrodePaste, e.OreGrade);
    }
}
