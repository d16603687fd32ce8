using Microsoft.Data.Analysis;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;
using Frame = Microsoft.Data.Analysis.DataFrame;

namespace Shapotou.Sdk.DataFrame.Tests;

public sealed class ContractDataFramesTests
{
    private static ClusterDataset Sample()
    {
        var hours = new[] { new DateTime(2024, 1, 1, 0, 0, 0), new DateTime(2024, 1, 1, 1, 0, 0) };
        return new ClusterDataset(
            "sample",
            true,
            [new Enterprise("yx", "Yuexin", "zhenluo", "3140", true, nameZh: "跃鑫冶炼", outputValue10kYuan: 123_456.5)],
            [new Facility("yx-f1", "yx", FacilityKind.SubmergedArcFurnace, FacilityStatus.Running, "FeSi75",
                transformerRating: ElectricApparentPower.FromKilovoltamperes(33_000), annualCapacity: Mass.FromTonnes(40_000),
                enclosure: FurnaceEnclosure.SemiClosed, fuel: "electricity", wasteHeatRecovery: true)],
            [new TreatmentFacility("yx-f1-bf", "yx-f1", TreatmentKind.BagFilter, Pollutant.Pm, Ratio.FromPercent(99.5))],
            [new Outlet("yx-da001", "yx-f1", Pollutant.Pm, "DA001", "010000A8900016F000169DC0", MassConcentration.FromMilligramsPerCubicMeter(30), null, Mass.FromTonnes(80), "permit", true)],
            [new EnergyLedgerEntry("yx-f1", new DateOnly(2024, 1, 1), "FeSi75", Mass.FromTonnes(2_345),
                Energy.FromKilowattHours(17_700_000), Energy.FromKilowattHours(19_100_000), Energy.FromKilowattHours(2_100_000), Energy.FromKilowattHours(0),
                Mass.FromTonnes(1_876.2), Mass.FromTonnes(0), Mass.FromTonnes(0), Volume.FromCubicMeters(0), Mass.FromTonnes(0), null, MassFraction.FromPercent(98.1))],
            [new SolidWasteLedgerEntry("yx", new DateOnly(2024, 1, 1), WasteType.SilicaFume, Mass.FromTonnes(420.5), Mass.FromTonnes(300), Mass.FromTonnes(0), Mass.FromTonnes(20), Mass.FromTonnes(0), Mass.FromTonnes(100.5), Mass.FromTonnes(0))],
            [new EmissionFactor("3140", "FeSi75", "semi_closed_furnace", "pm", 2.5, "output", "illustrative")],
            new CemsHourlyTable(
                ["yx-da001", "yx-da001"],
                hours,
                new QuantityColumn<MassConcentration>(new[] { 22.13, double.NaN }, MassConcentrationUnit.MilligramPerCubicMeter),
                new QuantityColumn<MassConcentration>(new[] { 0.1 + 0.2, 7.5 }, MassConcentrationUnit.MilligramPerCubicMeter),
                new QuantityColumn<MassConcentration>(new[] { 25.5, 26.25 }, MassConcentrationUnit.MilligramPerCubicMeter),
                new QuantityColumn<VolumeConcentration>(new[] { 18.5, 18.4 }, VolumeConcentrationUnit.Percent),
                new QuantityColumn<VolumeFlow>(new[] { 297_000.0, 296_500 }, VolumeFlowUnit.CubicMeterPerHour),
                new[] { DataFlag.N, DataFlag.F }));
    }

    private static Frame Ledger(params DataFrameColumn[] extra)
    {
        var columns = new List<DataFrameColumn>
        {
            new StringDataFrameColumn("facility_id", ["f1", "f1"]),
            new DateTimeDataFrameColumn("period", [new DateTime(2024, 1, 1), new DateTime(2024, 2, 1)]),
            new StringDataFrameColumn("product", ["FeSi75", "FeSi75"]),
            new DoubleDataFrameColumn("output", [1000.5, 1200]),
        };
        foreach (DataFrameColumn column in extra)
        {
            if (columns.FindIndex(c => c.Name == column.Name) is var at and >= 0)
            {
                columns[at] = column;
            }
            else
            {
                columns.Add(column);
            }
        }

        return new Frame(columns);
    }

    [Fact]
    public void EveryTable_ToDataFramesAndBack_GivesTheSameDataset()
    {
        ClusterDataset data = Sample();

        IReadOnlyDictionary<string, Frame> frames = ContractDataFrames.ToDataFrames(data);
        ClusterDataset back = ContractDataFrames.ToDataset(frames, "back", illustrative: true);

        // cems_minute is the receiver's table (docs/hj212.md), not part of a ClusterDataset.
        Assert.Equal(ContractSchema.Tables.Where(t => t != ContractSchema.CemsMinute).Select(t => t.Name), frames.Keys);
        Assert.Equal(data.Enterprises, back.Enterprises);
        Assert.Equal(data.Facilities, back.Facilities);
        Assert.Equal(data.TreatmentFacilities, back.TreatmentFacilities);
        Assert.Equal(data.Outlets, back.Outlets);
        Assert.Equal(data.EnergyLedger, back.EnergyLedger);
        Assert.Equal(data.SolidWasteLedger, back.SolidWasteLedger);
        Assert.Equal(data.EmissionFactors, back.EmissionFactors);
        Assert.Equal(data.CemsHourly!.Hours.ToArray(), back.CemsHourly!.Hours.ToArray());
        Assert.Equal(data.CemsHourly.Flags.ToArray(), back.CemsHourly.Flags.ToArray());
        Assert.Equal(data.CemsHourly.Nox.Values.ToArray().Select(BitConverter.DoubleToInt64Bits), back.CemsHourly.Nox.Values.ToArray().Select(BitConverter.DoubleToInt64Bits));
        Assert.True(double.IsNaN(back.CemsHourly.So2.Values.Span[1]));
    }

    [Fact]
    public void ToDataFrame_TypesColumns_AndPutsQuantitiesInDefaultUnits_UnknownAsNull()
    {
        TableBatch batch = new TableBatch(ContractSchema.EnergyLedger, 2)
            .SetText("facility_id", ["f1", "f1"]).SetDates("period", [new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1)]).SetText("product", ["FeSi75", "FeSi75"])
            .SetNumbers("output", [1.5, 2]).SetNumbers("electricity_purchased", [17.7, double.NaN], EnergyUnit.GigawattHour);

        Frame frame = ContractDataFrames.ToDataFrame(batch);

        Assert.Equal(["facility_id", "period", "product", "output", "electricity_purchased"], frame.Columns.Select(c => c.Name));
        Assert.IsType<StringDataFrameColumn>(frame.Columns["facility_id"]);
        Assert.IsType<DateTimeDataFrameColumn>(frame.Columns["period"]);
        DoubleDataFrameColumn electricity = Assert.IsType<DoubleDataFrameColumn>(frame.Columns["electricity_purchased"]);
        Assert.Equal(17_700_000d, electricity[0]); // kWh, the default
        Assert.Null(electricity[1]);
        Assert.Equal(1, electricity.NullCount);
    }

    [Fact]
    public void FromDataFrame_ReadsValuesInDefaultUnits()
    {
        TableBatch batch = ContractDataFrames.FromDataFrame(Ledger(new DoubleDataFrameColumn("coke", [null, 12.5])), ContractSchema.EnergyLedger);

        Assert.Equal(MassUnit.Tonne, batch.UnitOf("coke"));
        Assert.Equal([double.NaN, 12.5], batch.Numbers("coke").ToArray());
        Assert.Equal([new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1)], batch.Dates("period").ToArray());
    }

    public static TheoryData<DataFrameColumn, string> BadColumns() => new()
    {
        { new SingleDataFrameColumn("output", [1f, 2f]), "DataFrame 'energy_ledger', column 'output' holds Single; expected Double (Mass in Tonne)." },
        { new StringDataFrameColumn("coke", ["1", "2"]), "DataFrame 'energy_ledger', column 'coke' holds String; expected Double (Mass in Tonne)." },
        { new Int32DataFrameColumn("coal", [1, 2]), "DataFrame 'energy_ledger', column 'coal' holds Int32; expected Double (Mass in Tonne)." },
        { new DoubleDataFrameColumn("coke_t", [1, 2]), "DataFrame 'energy_ledger' has column 'coke_t', which table 'energy_ledger' does not define; expected only facility_id, period, product, output, electricity_purchased, furnace_electricity, waste_heat_power_generated, electricity_exported, coke, semi_coke, coal, natural_gas, diesel, electrode_paste, ore_grade." },
        { new DoubleDataFrameColumn("output", [1000, null]), "DataFrame 'energy_ledger', column 'output', row 1: the value is null; the column is required." },
        { new DateTimeDataFrameColumn("period", [new DateTime(2024, 1, 1), new DateTime(2024, 2, 1, 8, 0, 0)]), "DataFrame 'energy_ledger', column 'period', row 1: 2024-02-01 08:00:00 is not a date; expected 00:00." },
        { new DoubleDataFrameColumn("coke", [1, -5]), "DataFrame 'energy_ledger', row 1: Energy ledger row 'f1 2024-02': coke is -5 Tonne; expected a finite value of at least 0." },
    };

    [Theory]
    [MemberData(nameof(BadColumns))]
    public void FromDataFrame_BadSchemaOrValue_NamesFrameColumnRowAndExpectation(DataFrameColumn column, string message)
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => ContractDataFrames.FromDataFrame(Ledger(column), ContractSchema.EnergyLedger));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void FromDataFrame_MissingRequiredColumn_IsRefused()
    {
        var frame = new Frame(new StringDataFrameColumn("facility_id", ["f1"]));

        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => ContractDataFrames.FromDataFrame(frame, ContractSchema.EnergyLedger));

        Assert.Equal("DataFrame 'energy_ledger' lacks the required column 'period' of table 'energy_ledger'; it has facility_id.", error.Message);
    }
}
