using Parquet.Schema;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Parquet.Tests;

public sealed class ClusterDatasetParquetTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-parquet-{Guid.NewGuid():N}");

    public ClusterDatasetParquetTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    internal static ClusterDataset Sample()
    {
        var hours = new[] { new DateTime(2024, 1, 1, 0, 0, 0), new DateTime(2024, 1, 1, 1, 0, 0), new DateTime(2024, 1, 1, 2, 0, 0) };
        return new ClusterDataset(
            "sample",
            true,
            [new Enterprise("yx", "Yuexin", "zhenluo", "3140", true, nameZh: "跃鑫冶炼", permitNumber: "p-1", outputValue10kYuan: 123_456.5)],
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
                ["yx-da001", "yx-da001", "yx-da001"],
                hours,
                new QuantityColumn<MassConcentration>(new[] { 22.13, double.NaN, 0.1 + 0.2 }, MassConcentrationUnit.MilligramPerCubicMeter),
                new QuantityColumn<MassConcentration>(new[] { 8.0, double.NaN, 7.5 }, MassConcentrationUnit.MilligramPerCubicMeter),
                new QuantityColumn<MassConcentration>(new[] { 25.5, double.NaN, 26.25 }, MassConcentrationUnit.MilligramPerCubicMeter),
                new QuantityColumn<VolumeConcentration>(new[] { 18.5, double.NaN, 18.4 }, VolumeConcentrationUnit.Percent),
                new QuantityColumn<VolumeFlow>(new[] { 297_000.0, double.NaN, 296_500 }, VolumeFlowUnit.CubicMeterPerHour),
                new[] { DataFlag.N, DataFlag.F, DataFlag.N }));
    }

    [Fact]
    public async Task WriteThenRead_ReturnsEqualRecordsAndBitIdenticalHours()
    {
        ClusterDataset data = Sample();

        IReadOnlyList<string> paths = await ClusterDatasetParquet.WriteAsync(data, _folder);
        ClusterDataset read = await ClusterDatasetParquet.ReadAsync(_folder);

        Assert.Equal(8, paths.Count);
        Assert.Equal(data.Enterprises, read.Enterprises);
        Assert.Equal(data.Facilities, read.Facilities);
        Assert.Equal(data.TreatmentFacilities, read.TreatmentFacilities);
        Assert.Equal(data.Outlets, read.Outlets);
        Assert.Equal(data.EnergyLedger, read.EnergyLedger);
        Assert.Equal(data.SolidWasteLedger, read.SolidWasteLedger);
        Assert.Equal(data.EmissionFactors, read.EmissionFactors);
        CemsHourlyTable a = data.CemsHourly!, b = read.CemsHourly!;
        Assert.Equal(a.Hours.ToArray(), b.Hours.ToArray());
        Assert.Equal(a.Flags.ToArray(), b.Flags.ToArray());
        foreach ((QuantityColumn<MassConcentration> x, QuantityColumn<MassConcentration> y) in new[] { (a.So2, b.So2), (a.Nox, b.Nox), (a.Pm, b.Pm) })
        {
            Assert.Equal(x.Values.ToArray().Select(BitConverter.DoubleToInt64Bits), y.Values.ToArray().Select(BitConverter.DoubleToInt64Bits));
        }

        Assert.Null(read.EnergyLedger[0].ElectrodePaste); // a null cell stays unknown
        Assert.Equal("sample", data.Name);
        Assert.Equal(new DirectoryInfo(_folder).Name, read.Name);
    }

    [Fact]
    public async Task Write_IsAtomic_NoTemporaryFileIsLeft_AndAnOldFileIsReplacedWhole()
    {
        await ClusterDatasetParquet.WriteAsync(Sample(), _folder);
        await ClusterDatasetParquet.WriteAsync(Sample(), _folder);

        Assert.Equal(8, Directory.GetFiles(_folder).Length);
        Assert.DoesNotContain(Directory.GetFiles(_folder), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Read_ForeignPhysicalTypesAndUnits_AreWidenedAndKept()
    {
        // A ledger as another writer might write it: float output, int64 electricity in MWh (named in the metadata),
        // decimal coke, no other carriers (absent columns are unknown, never zero), a TIMESTAMP period at midnight.
        await ForeignFile.WriteAsync(
            Path.Combine(_folder, "energy_ledger.parquet"),
            new Dictionary<string, string> { ["shapotou.unit.electricity_purchased"] = "MegawattHour", ["shapotou.quantity.electricity_purchased"] = "Energy" },
            (new DataField<string>("facility_id"), new[] { "f1" }),
            (new DateTimeDataField("period", DateTimeFormat.Timestamp, isAdjustedToUTC: false, isNullable: false), new[] { new DateTime(2024, 3, 1) }),
            (new DataField<string>("product"), new[] { "FeSi75" }),
            (new DataField<float>("output"), new[] { 1500.5f }),
            (new DataField<long>("electricity_purchased"), new[] { 12_000L }),
            (new DecimalDataField("coke", 10, 3), new[] { 1_234.567m }));

        TableData table = await ParquetTableReader.ReadAsync(Path.Combine(_folder, "energy_ledger.parquet"), ContractSchema.EnergyLedger, default);
        EnergyLedgerEntry row = ContractMapping.ToEnergyLedger(table).Single();

        Assert.Equal(new DateOnly(2024, 3, 1), row.Period);
        Assert.Equal(1500.5, row.Output.Tonnes);
        Assert.Equal(EnergyUnit.MegawattHour, row.ElectricityPurchased!.Value.Unit);
        Assert.Equal(12_000, row.ElectricityPurchased.Value.Value);
        Assert.Equal(1_234.567, row.Coke!.Value.Tonnes, 12);
        Assert.Null(row.Coal); // absent: unknown, as a null cell
        Assert.Null(row.FurnaceElectricity);
    }

    [Fact]
    public async Task Read_UtcAdjustedTimestamps_AreConvertedToChinaStandardTime()
    {
        await ForeignFile.WriteAsync(
            Path.Combine(_folder, "cems_hourly.parquet"),
            null,
            (new DataField<string>("outlet_id"), new[] { "o1" }),
            (new DateTimeDataField("hour", DateTimeFormat.Timestamp, isAdjustedToUTC: true, isNullable: false), new[] { new DateTime(2024, 1, 1, 16, 0, 0, DateTimeKind.Utc) }),
            (new DataField<double?>("so2"), new double?[] { 20.5 }));

        CemsHourlyTable cems = ContractMapping.ToCemsHourly(
            await ParquetTableReader.ReadAsync(Path.Combine(_folder, "cems_hourly.parquet"), ContractSchema.CemsHourly, default));

        Assert.Equal(new DateTime(2024, 1, 2, 0, 0, 0), cems.Hours.Span[0]);
        Assert.Equal(20.5, cems.So2.Values.Span[0]);
        Assert.True(double.IsNaN(cems.Flow.Values.Span[0])); // no flow column: unknown, not zero
    }

    [Fact]
    public async Task Read_MissingRequiredColumn_NamesFileAndColumn()
    {
        await ForeignFile.WriteAsync(Path.Combine(_folder, "enterprises.parquet"), null, (new DataField<string>("enterprise_id"), new[] { "a" }));

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => ClusterDatasetParquet.ReadAsync(_folder));

        Assert.Equal("File 'enterprises.parquet' lacks the required column 'name' of table 'enterprises'; it has enterprise_id.", error.Message);
    }

    [Fact]
    public async Task Read_UnknownUnitName_NamesFileColumnAndUnit()
    {
        await ForeignFile.WriteAsync(
            Path.Combine(_folder, "treatment_facilities.parquet"),
            new Dictionary<string, string> { ["shapotou.unit.design_efficiency"] = "Percentage" },
            (new DataField<string>("treatment_id"), new[] { "t" }),
            (new DataField<string>("facility_id"), new[] { "f" }),
            (new DataField<string>("kind"), new[] { "bag_filter" }),
            (new DataField<string>("pollutant"), new[] { "pm" }),
            (new DataField<double>("design_efficiency"), new[] { 99.0 }));

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => ClusterDatasetParquet.ReadAsync(_folder));

        Assert.StartsWith("File 'treatment_facilities.parquet', column 'design_efficiency': Unit 'Percentage' is not a unit of quantity 'Ratio'; expected one of ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_UnitOfTheWrongQuantity_IsRejected()
    {
        await ForeignFile.WriteAsync(
            Path.Combine(_folder, "treatment_facilities.parquet"),
            new Dictionary<string, string> { ["shapotou.unit.design_efficiency"] = "Tonne", ["shapotou.quantity.design_efficiency"] = "Mass" },
            (new DataField<string>("treatment_id"), new[] { "t" }),
            (new DataField<string>("facility_id"), new[] { "f" }),
            (new DataField<string>("kind"), new[] { "bag_filter" }),
            (new DataField<string>("pollutant"), new[] { "pm" }),
            (new DataField<double>("design_efficiency"), new[] { 99.0 }));

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => ClusterDatasetParquet.ReadAsync(_folder));

        Assert.Equal("File 'treatment_facilities.parquet', column 'design_efficiency' has quantity 'Mass'; expected 'Ratio'.", error.Message);
    }

    [Fact]
    public async Task Read_NegativeQuantity_NamesFileRowGroupRowAndField()
    {
        await ForeignFile.WriteAsync(
            Path.Combine(_folder, "solid_waste_ledger.parquet"),
            null,
            (new DataField<string>("enterprise_id"), new[] { "a", "a" }),
            (new DataField<DateOnly>("period"), new[] { new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1) }),
            (new DataField<string>("waste_type"), new[] { "slag", "slag" }),
            (new DataField<double>("generated"), new[] { 10.0, -3.0 }));

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => ClusterDatasetParquet.ReadAsync(_folder));

        Assert.Equal(
            "File 'solid_waste_ledger.parquet', row group 0, row 1: Solid-waste ledger row 'a 2024-02 slag': generated is -3 Tonne; expected a finite value of at least 0.",
            error.Message);
    }

    [Fact]
    public async Task Read_ColumnOfTheWrongKind_NamesFileColumnAndType()
    {
        await ForeignFile.WriteAsync(
            Path.Combine(_folder, "emission_factors.parquet"),
            null,
            (new DataField<string>("industry_code"), new[] { "3140" }),
            (new DataField<string>("product"), new[] { "FeSi75" }),
            (new DataField<string>("process"), new[] { "semi_closed_furnace" }),
            (new DataField<string>("pollutant"), new[] { "pm" }),
            (new DataField<string>("factor"), new[] { "2.5" }),
            (new DataField<string>("source"), new[] { "x" }));

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => ClusterDatasetParquet.ReadAsync(_folder));

        Assert.StartsWith("File 'emission_factors.parquet', column 'factor', row group 0 holds ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("values; expected a number.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_TruncatedFile_IsRejectedNotCrashed()
    {
        await ClusterDatasetParquet.WriteAsync(Sample(), _folder);
        string path = Path.Combine(_folder, "facilities.parquet");
        byte[] bytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)]);

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => ClusterDatasetParquet.ReadAsync(_folder));

        Assert.StartsWith("File 'facilities.parquet' is not a readable Parquet file: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_UnknownEnumName_NamesFileColumnRowAndTheNames()
    {
        await ForeignFile.WriteAsync(
            Path.Combine(_folder, "treatment_facilities.parquet"),
            null,
            (new DataField<string>("treatment_id"), new[] { "t" }),
            (new DataField<string>("facility_id"), new[] { "f" }),
            (new DataField<string>("kind"), new[] { "baghouse" }),
            (new DataField<string>("pollutant"), new[] { "pm" }),
            (new DataField<double>("design_efficiency"), new[] { 99.0 }));

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => ClusterDatasetParquet.ReadAsync(_folder));

        Assert.StartsWith("File 'treatment_facilities.parquet', column 'kind', row group 0, row 0: 'baghouse' is not a kind; expected one of bag_filter, esp, ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_DatasetWithDanglingReference_IsRejectedByTheDatasetChecks()
    {
        await ForeignFile.WriteAsync(
            Path.Combine(_folder, "cems_hourly.parquet"),
            null,
            (new DataField<string>("outlet_id"), new[] { "o1" }),
            (new DateTimeDataField("hour", DateTimeFormat.Timestamp, isAdjustedToUTC: false, isNullable: false), new[] { new DateTime(2024, 1, 1) }));

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(() => ClusterDatasetParquet.ReadAsync(_folder));

        Assert.Equal("Table 'cems_hourly', row 0: outlet_id 'o1' is not in table 'outlets'.", error.Message);
    }

    [Fact]
    public async Task Read_EnergyLedgerWithMissingOutput_NamesFileColumnRowGroupAndRow()
    {
        await ForeignFile.WriteAsync(
            Path.Combine(_folder, "energy_ledger.parquet"),
            null,
            (new DataField<string>("facility_id"), new[] { "f1", "f1" }),
            (new DataField<DateOnly>("period"), new[] { new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1) }),
            (new DataField<string>("product"), new[] { "FeSi75", "FeSi75" }),
            (new DataField<double?>("output"), new double?[] { 1_000, null }));

        ShapotouDataException error = await Assert.ThrowsAsync<ShapotouDataException>(
            () => ParquetTableReader.ReadAsync(Path.Combine(_folder, "energy_ledger.parquet"), ContractSchema.EnergyLedger, default));

        Assert.Equal("File 'energy_ledger.parquet', column 'output', row group 0, row 1: the value is null; the column is required.", error.Message);
    }

    [Fact]
    public async Task Read_EnergyLedgerWithNegativeConsumption_NamesFileRowAndField()
    {
        await ForeignFile.WriteAsync(
            Path.Combine(_folder, "energy_ledger.parquet"),
            null,
            (new DataField<string>("facility_id"), new[] { "f1" }),
            (new DataField<DateOnly>("period"), new[] { new DateOnly(2024, 1, 1) }),
            (new DataField<string>("product"), new[] { "FeSi75" }),
            (new DataField<double>("output"), new[] { 1_000.0 }),
            (new DataField<double>("coke"), new[] { -5.0 }));
        TableData table = await ParquetTableReader.ReadAsync(Path.Combine(_folder, "energy_ledger.parquet"), ContractSchema.EnergyLedger, default);

        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => ContractMapping.ToEnergyLedger(table));

        Assert.Equal(
            "File 'energy_ledger.parquet', row group 0, row 0: Energy ledger row 'f1 2024-01': coke is -5 Tonne; expected a finite value of at least 0.",
            error.Message);
    }
}
