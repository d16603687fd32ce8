using System.Text.Json;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Monitoring.Receiver;
using Shapotou.Sdk.Parquet;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Assessment.Tests;

/// <summary>Plausibility checks: warnings on the ledgers and the CEMS hours that never change a figure, the same from
/// memory and from a folder.</summary>
public sealed class PlausibilityTests : IDisposable
{
    private static readonly ClusterDataset s_data = DefaultDataset.Instance;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-plausibility-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Defaults_FerrosiliconFloors_AreTheReductionEnthalpiesOnTheFeSi75Basis()
    {
        // 0.75 × 910.7 kJ/mol ÷ 28.0855 g/mol = 24 319.5 MJ/t ÷ 29.3076 MJ/kgce; 0.75 × 689.64 kJ/mol ÷ 28.0855 g/mol ÷ 3.6 MJ/kWh.
        Assert.Equal(829.80, Math.Round(PlausibilityOptions.Default.FerrosiliconEnergyFloor.KilogramsOfCoalEquivalentPerTonne, 2));
        Assert.Equal(5115.63, Math.Round(PlausibilityOptions.Default.FerrosiliconElectricityFloor.KilowattHoursPerTonne, 2));
    }

    [Fact]
    public async Task RunAsync_DefaultDataset_HasNoWarningsAndWritesAnEmptyArray()
    {
        DistrictAssessment a = await DistrictAssessment.RunAsync(AssessmentSource.Default);

        Assert.Empty(a.Warnings);
        using JsonDocument json = JsonDocument.Parse(AssessmentJson.Serialize(a));
        Assert.Equal("[]", json.RootElement.GetProperty("warnings").GetRawText());
    }

    [Fact]
    public async Task RunAsync_ElectricityInTenThousandKwh_WarnsNamingTheRowAndLeavesTheFiguresAlone()
    {
        int index = Enumerable.Range(0, s_data.EnergyLedger.Count).First(i => s_data.EnergyLedger[i].Product == "FeSi75" && s_data.EnergyLedger[i].Period.Year == 2024);
        EnergyLedgerEntry row = s_data.EnergyLedger[index];
        var ledger = s_data.EnergyLedger.ToArray();
        ledger[index] = new EnergyLedgerEntry(row.FacilityId, row.Period, row.Product, row.Output,
            row.ElectricityPurchased / 10, row.FurnaceElectricity / 10, row.WasteHeatPowerGenerated, row.ElectricityExported, row.Coke, row.SemiCoke,
            row.Coal, row.NaturalGas, row.Diesel, row.ElectrodePaste, row.OreGrade);
        var data = new ClusterDataset("万 kWh", s_data.Illustrative, s_data.Enterprises, s_data.Facilities, s_data.TreatmentFacilities,
            s_data.Outlets, ledger, s_data.SolidWasteLedger, s_data.EmissionFactors, s_data.CemsHourly);

        DistrictAssessment a = await DistrictAssessment.RunAsync(AssessmentSource.FromDataset(data));

        PlausibilityWarnings electricity = Assert.Single(a.Warnings, w => w.Check == PlausibilityCheck.ElectricityBelowFloor);
        Assert.Equal(1, electricity.Count);
        PlausibilityWarning w = Assert.Single(electricity.Listed);
        double expected = row.FurnaceElectricity!.Value.KilowattHours / 10 / row.Output.Tonnes;
        Assert.Equal(("energy_ledger", (long?)index, $"{row.FacilityId}, {row.Period:yyyy-MM}, FeSi75", "kWh/t"), (w.Table, w.Row, w.Key, w.Unit));
        Assert.Equal(expected, w.Value, 1e-9);
        Assert.Equal(
            $"Table 'energy_ledger', row {index} (facility '{row.FacilityId}', {row.Period:yyyy-MM}, FeSi75): furnace electricity {expected.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} kWh/t is below 5115.63 kWh/t, the heat of SiO₂ + 2C = Si + 2CO for FeSi75; electricity entered in 10⁴ kWh (万 kWh) instead of kWh gives such a value.",
            w.Message);

        // A warning, never a change: the enterprise's figures are those the ledger gives.
        DistrictAssessment plain = await DistrictAssessment.RunAsync(AssessmentSource.FromDataset(new ClusterDataset("万 kWh", s_data.Illustrative, s_data.Enterprises,
            s_data.Facilities, s_data.TreatmentFacilities, s_data.Outlets, ledger, s_data.SolidWasteLedger, s_data.EmissionFactors, s_data.CemsHourly)),
            new AssessmentOptions { Plausibility = PlausibilityOptions.Default with { FerrosiliconElectricityFloor = ElectricityIntensity.FromKilowattHoursPerTonne(0), FerrosiliconEnergyFloor = EnergyIntensity.FromKilogramsOfCoalEquivalentPerTonne(0) } });
        Assert.Empty(plain.Warnings);
        Assert.Equal(plain.Energy, a.Energy);
    }

    [Fact]
    public async Task RunAsync_UnitEnergyBelowTheFloorOrFarAboveTheLimit_WarnsWithTheThreshold()
    {
        int index = Enumerable.Range(0, s_data.EnergyLedger.Count).First(i => s_data.EnergyLedger[i].Product == "FeSi75" && s_data.EnergyLedger[i].Period.Year == 2024);
        int other = Enumerable.Range(index + 1, s_data.EnergyLedger.Count - index - 1).First(i => s_data.EnergyLedger[i].Product == "FeSi75" && s_data.EnergyLedger[i].Period.Year == 2024);
        var ledger = s_data.EnergyLedger.ToArray();
        EnergyLedgerEntry Scaled(EnergyLedgerEntry r, double output) => new(r.FacilityId, r.Period, r.Product, r.Output * output,
            r.ElectricityPurchased, r.FurnaceElectricity, r.WasteHeatPowerGenerated, r.ElectricityExported, r.Coke, r.SemiCoke,
            r.Coal, r.NaturalGas, r.Diesel, r.ElectrodePaste, r.OreGrade);

        // Output in kg read as t: a thousand times too large; output a tenth: ten times the energy per tonne.
        ledger[index] = Scaled(ledger[index], 1000);
        ledger[other] = Scaled(ledger[other], 0.1);
        var data = new ClusterDataset("units", s_data.Illustrative, s_data.Enterprises, s_data.Facilities, s_data.TreatmentFacilities,
            s_data.Outlets, ledger, s_data.SolidWasteLedger, s_data.EmissionFactors, s_data.CemsHourly);

        DistrictAssessment a = await DistrictAssessment.RunAsync(AssessmentSource.FromDataset(data));

        PlausibilityWarning below = Assert.Single(Assert.Single(a.Warnings, w => w.Check == PlausibilityCheck.UnitEnergyBelowFloor).Listed);
        Assert.Equal((long?)index, below.Row);
        Assert.Equal(829.80, Math.Round(below.Threshold, 2));
        Assert.True(below.Value < 2, $"unit energy {below.Value}");
        PlausibilityWarning above = Assert.Single(Assert.Single(a.Warnings, w => w.Check == PlausibilityCheck.UnitEnergyFarAboveLimit).Listed);
        Assert.Equal((long?)other, above.Row);

        // GB 21341-2022 ferrosilicon level 3 (the limit value) is 1850 kgce/t; twice it is the default threshold.
        Assert.Equal(3700, above.Threshold);
        Assert.EndsWith("kgce/t is above 3700 kgce/t, 2 times the limit value 1850 kgce/t (energy.limit.gb21341.ferrosilicon.comprehensive_energy.level_3); a carrier or the output is likely in the wrong unit.", above.Message);
    }

    /// <summary>The default CEMS hours with a flow of one valid hour × 3 600 and an O₂ of another at 20.97 %.</summary>
    private static (ClusterDataset Data, int Flow, int Oxygen) ChangedHours()
    {
        CemsHourlyTable t = s_data.CemsHourly!;
        DataFlag[] flags = t.Flags.ToArray();
        DataFlag[] flowFlags = t.EffectiveFlags(CemsValue.Flow).ToArray();
        DateTime[] starts = t.Hours.ToArray();
        bool Valid(int i) => flags[i] == DataFlag.N && flowFlags[i] == DataFlag.N;
        int flow = Enumerable.Range(1, t.RowCount - 2).First(i =>
            Valid(i - 1) && Valid(i) && Valid(i + 1) && t.OutletIds[i - 1] == t.OutletIds[i] && t.OutletIds[i + 1] == t.OutletIds[i]
            && starts[i] - starts[i - 1] == TimeSpan.FromHours(1) && starts[i + 1] - starts[i] == TimeSpan.FromHours(1) && i > 1000);
        int oxygen = Enumerable.Range(flow + 100, t.RowCount - flow - 100).First(Valid);
        double[] flowValues = t.Flow.ToArray(VolumeFlowUnit.CubicMeterPerHour);
        double[] oxygenValues = t.Oxygen.ToArray(VolumeConcentrationUnit.Percent);
        flowValues[flow] *= 3600;
        oxygenValues[oxygen] = 20.97;
        var table = new CemsHourlyTable(t.OutletIds, t.Hours, t.So2, t.Nox, t.Pm,
            new QuantityColumn<VolumeConcentration>(oxygenValues, VolumeConcentrationUnit.Percent),
            new QuantityColumn<VolumeFlow>(flowValues, VolumeFlowUnit.CubicMeterPerHour), t.Flags, t.Optional);
        var data = new ClusterDataset("hours", s_data.Illustrative, s_data.Enterprises, s_data.Facilities, s_data.TreatmentFacilities,
            s_data.Outlets, s_data.EnergyLedger, s_data.SolidWasteLedger, s_data.EmissionFactors, table);
        return (data, flow, oxygen);
    }

    [Fact]
    public async Task RunAsync_FlowTimes3600AndOxygenOfAir_WarnInMemoryAndFromAFolderAlike()
    {
        (ClusterDataset data, int flow, int oxygen) = ChangedHours();
        CemsHourlyTable t = data.CemsHourly!;
        string outlet = t.OutletIds[flow];
        double[] flows = t.Flow.ToArray(VolumeFlowUnit.CubicMeterPerHour);
        double original = flows[flow] / 3600;

        // Every other hour of the outlet lies inside the range, so the one warning of the range is the changed hour.
        double highest = Enumerable.Range(0, t.RowCount).Where(i => i != flow && t.OutletIds[i] == outlet && double.IsFinite(flows[i])).Max(i => flows[i]);
        var options = new AssessmentOptions
        {
            Plausibility = PlausibilityOptions.Default with
            {
                ListedPerCheck = 3,
                FlowRangeByOutlet = new Dictionary<string, FlowRange>(StringComparer.Ordinal)
                {
                    [outlet] = new FlowRange(VolumeFlow.Zero, VolumeFlow.FromCubicMetersPerHour(Math.Max(highest, original) * 1.01)),
                },
            },
        };

        DistrictAssessment memory = await DistrictAssessment.RunAsync(AssessmentSource.FromDataset(data), options);

        PlausibilityWarnings jumps = Assert.Single(memory.Warnings, w => w.Check == PlausibilityCheck.FlowJump);
        Assert.Equal(2, jumps.Count);
        Assert.Equal(new[] { t.Hours.Span[flow], t.Hours.Span[flow + 1] }, jumps.Listed.Select(w => w.Hour!.Value));
        Assert.All(jumps.Listed, w => Assert.Contains("A ratio near 3 600 is the signature of m³/h and m³/s mixed up", w.Message, StringComparison.Ordinal));
        PlausibilityWarning air = Assert.Single(Assert.Single(memory.Warnings, w => w.Check == PlausibilityCheck.OxygenAboveRange).Listed);
        Assert.Equal((t.OutletIds[oxygen], t.Hours.Span[oxygen], 20.97, 20.95), (air.Key, air.Hour!.Value, air.Value, air.Threshold));
        Assert.Equal(
            $"Table 'cems_hourly', outlet '{t.OutletIds[oxygen]}', {t.Hours.Span[oxygen]:yyyy-MM-dd HH:mm}: O₂ 20.97 % is above 20.95 %, the O₂ of dry air: the analyser reads ambient air, and the reference-O₂ conversion of the hour is meaningless.",
            air.Message);
        PlausibilityWarnings range = Assert.Single(memory.Warnings, w => w.Check == PlausibilityCheck.FlowOutsideRange);
        PlausibilityWarning signature = Assert.Single(range.Listed);
        Assert.Equal(t.Hours.Span[flow], signature.Hour);
        Assert.EndsWith("It is 3 600 times a plausible flow: m³/h likely sent where HJ 212-2017 Table B.2 specifies m³/s.", signature.Message);

        // The hours streamed from a folder give the same warnings, byte for byte in the document.
        await ClusterDatasetParquet.WriteAsync(data, _folder);
        DistrictAssessment folder = await DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder), options);
        Assert.Equal(Warnings(memory), Warnings(folder));
    }

    [Fact]
    public async Task RunAsync_HivePartitionedHours_GiveTheWarningsOfTheSameFolderInMemory()
    {
        // cems_hourly/ partitioned by outlet: the hours are read file by file, an outlet's jump back inside one file.
        (ClusterDataset data, int flow, _) = ChangedHours();
        await ClusterDatasetParquet.WriteAsync(data, _folder);
        string file = Path.Combine(_folder, "cems_hourly.parquet");
        TableBatch all = await ParquetTables.ReadAsync(file, ContractSchema.CemsHourly);
        File.Delete(file);
        await HiveDataset.AppendAsync(Path.Combine(_folder, "cems_hourly"), all, ["outlet_id"]);
        ClusterDataset whole = await AssessmentSource.FromFolder(_folder).LoadDatasetAsync();

        DistrictAssessment streamed = await DistrictAssessment.RunAsync(AssessmentSource.FromFolder(_folder));
        DistrictAssessment memory = await DistrictAssessment.RunAsync(AssessmentSource.FromDataset(whole));

        Assert.Equal(Warnings(memory), Warnings(streamed));
        PlausibilityWarnings jumps = Assert.Single(streamed.Warnings, w => w.Check == PlausibilityCheck.FlowJump);
        Assert.Equal(2, jumps.Count);
        Assert.All(jumps.Listed, w => Assert.Equal(data.CemsHourly!.OutletIds[flow], w.Key));
    }

    [Fact]
    public async Task RunAsync_ManyWarnings_ListsTheFirstOfEachCheckAndCountsTheRest()
    {
        CemsHourlyTable t = s_data.CemsHourly!;
        string outlet = t.OutletIds[0];
        DataFlag[] flags = t.Flags.ToArray();
        double[] flows = t.Flow.ToArray(VolumeFlowUnit.CubicMeterPerHour);
        long expected = 0;
        for (int i = 0; i < t.RowCount; i++)
        {
            expected += t.OutletIds[i] == outlet && flags[i] == DataFlag.N && flows[i] > 1 ? 1 : 0;
        }

        var options = new AssessmentOptions
        {
            Plausibility = PlausibilityOptions.Default with
            {
                ListedPerCheck = 2,
                FlowRangeByOutlet = new Dictionary<string, FlowRange>(StringComparer.Ordinal)
                {
                    [outlet] = new FlowRange(VolumeFlow.Zero, VolumeFlow.FromCubicMetersPerHour(1)),
                },
            },
        };

        DistrictAssessment a = await DistrictAssessment.RunAsync(AssessmentSource.Default, options);

        PlausibilityWarnings range = Assert.Single(a.Warnings);
        Assert.True(expected > 1000, $"{expected} hours");
        Assert.Equal(expected, range.Count);
        Assert.Equal(2, range.Listed.Count);
        using JsonDocument json = JsonDocument.Parse(AssessmentJson.Serialize(a));
        JsonElement check = Assert.Single(json.RootElement.GetProperty("warnings").EnumerateArray());
        Assert.Equal("flow_outside_range", check.GetProperty("check").GetString());
        Assert.Equal(expected, check.GetProperty("count").GetInt64());
        Assert.Equal(2, check.GetProperty("listed").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, check.GetProperty("listed")[0].GetProperty("row").ValueKind);
        Assert.Equal(outlet, check.GetProperty("listed")[0].GetProperty("key").GetString());
    }

    private static string Warnings(DistrictAssessment a)
    {
        using JsonDocument json = JsonDocument.Parse(AssessmentJson.Serialize(a));
        return json.RootElement.GetProperty("warnings").GetRawText();
    }
}
