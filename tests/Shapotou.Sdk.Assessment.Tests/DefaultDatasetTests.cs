using System.Security.Cryptography;
using Shapotou.Sdk.Assessment;
using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using UnitsNet.Units;
using Xunit.Abstractions;

namespace Shapotou.Sdk.Assessment.Tests;

public sealed class DefaultDatasetTests(ITestOutputHelper output)
{
    private static readonly ClusterDataset s_data = DefaultDataset.Instance;
    private static readonly PlanFigures s_plan = PlanFigures.LoadEmbedded();

    private static Enterprise[] Ferroalloy() => s_data.Enterprises.Where(e => e.IndustryCode == "3140").ToArray();

    private static Facility[] FerrosiliconFurnaces()
    {
        var ids = Ferroalloy().Select(e => e.EnterpriseId).ToHashSet(StringComparer.Ordinal);
        return s_data.Facilities.Where(f => ids.Contains(f.EnterpriseId) && f.Kind == FacilityKind.SubmergedArcFurnace).ToArray();
    }

    [Fact]
    public void Enterprises_ByTownship_AreTable1_1()
    {
        Assert.Equal(69, s_data.Enterprises.Count);
        foreach (TownshipRow row in s_plan.Townships.Rows)
        {
            Enterprise[] members = s_data.Enterprises.Where(e => e.Township == row.Township).ToArray();
            Assert.True(row.Enterprises == members.Length, $"{row.Township}: {members.Length} enterprises");
            Assert.Equal(row.OutputValue10kYuan, members.Sum(e => e.OutputValue10kYuan!.Value));
        }

        Assert.Equal(976_477, s_data.Enterprises.Sum(e => e.OutputValue10kYuan!.Value));
    }

    [Fact]
    public void Ferroalloy_IsP2_ComputedFromRows()
    {
        Enterprise[] ferroalloy = Ferroalloy();
        Facility[] furnaces = FerrosiliconFurnaces();

        Assert.Equal(10, ferroalloy.Length);
        Assert.All(ferroalloy, e => Assert.Equal("zhenluo", e.Township));
        Assert.Equal(40, furnaces.Length);
        Assert.Equal(35, furnaces.Count(f => f.Status == FacilityStatus.Running));
        Assert.Equal(1_400_000, furnaces.Sum(f => f.AnnualCapacity!.Value.Tonnes), 6);
        var furnaceIds = furnaces.Select(f => f.FacilityId).ToHashSet(StringComparer.Ordinal);
        double output2024 = s_data.EnergyLedger.Where(r => furnaceIds.Contains(r.FacilityId) && r.Period.Year == 2024).Sum(r => r.Output.Tonnes);
        Assert.Equal(967_000, output2024); // whole-tonne ledger values add up exactly
    }

    [Fact]
    public void WasteHeatCoverage_Is36Of40_WithoutHefaAndXinhua()
    {
        Facility[] furnaces = FerrosiliconFurnaces();

        Assert.Equal(36, furnaces.Count(f => f.WasteHeatRecovery == true));
        Assert.Equal(90.0, 100.0 * furnaces.Count(f => f.WasteHeatRecovery == true) / furnaces.Length);
        Assert.Equal(
            ["zl-hefa", "zl-hefa", "zl-xinhua", "zl-xinhua"],
            furnaces.Where(f => f.WasteHeatRecovery != true).Select(f => f.EnterpriseId).Order(StringComparer.Ordinal));
        Assert.Equal(8, furnaces.Where(f => f.WasteHeatRecovery == true).Select(f => f.EnterpriseId).Distinct().Count());
    }

    [Theory]
    [InlineData(2022)] // 2021 edition in force on 31 December 2022
    [InlineData(2023)] // 2023 edition from 2023-07-04
    [InlineData(2024)] // the plan's status year: all ten at the benchmark level
    public void FerrosiliconEnterprises_AreBetterThanTheBenchmark(int year)
    {
        var asOf = new DateOnly(year, 12, 31);
        ReferenceCatalogue catalogue = ReferenceCatalogue.Builtin;
        double electricity = catalogue.Get("energy.coefficient.electricity.equivalent", asOf).GetValue();      // kgce/kWh
        double coke = catalogue.Get("energy.coefficient.coke", asOf).GetValue() * 1000;                         // kgce/t
        double benchmark = catalogue.FindEnergyBenchmark("ferrosilicon", asOf)!.Benchmark.GetValue();
        Facility[] furnaces = FerrosiliconFurnaces();
        foreach (IGrouping<string, Facility> enterprise in furnaces.GroupBy(f => f.EnterpriseId, StringComparer.Ordinal))
        {
            var ids = enterprise.Select(f => f.FacilityId).ToHashSet(StringComparer.Ordinal);
            EnergyLedgerEntry[] rows = s_data.EnergyLedger.Where(r => ids.Contains(r.FacilityId) && r.Period.Year == year).ToArray();
            double kgce = rows.Sum(r =>
                ((r.ElectricityPurchased!.Value.KilowattHours - r.ElectricityExported!.Value.KilowattHours) * electricity) + (r.Coke!.Value.Tonnes * coke));
            double unitEnergy = kgce / rows.Sum(r => r.Output.Tonnes);
            output.WriteLine($"{year} {enterprise.Key}: {unitEnergy:F1} kgce/t");

            Assert.True(unitEnergy <= benchmark, $"{enterprise.Key} {year}: {unitEnergy} kgce/t > benchmark {benchmark}");
        }
    }

    [Fact]
    public void Inventory2024_BySdkCalculator_IsTable1_2()
    {
        EmissionInventory inventory = new EmissionInventoryCalculator().Compute(s_data, 2024);
        EmissionYear reported = s_plan.EmissionsT.Rows.Single(r => r.Year == 2024);

        Assert.Empty(inventory.Missing);
        foreach (Pollutant pollutant in EmissionInventoryCalculator.Pollutants)
        {
            double total = inventory.Total(pollutant)!.Value.Tonnes;
            output.WriteLine($"{pollutant}: {total:F6} t (table 1-2: {reported.Get(ContractNames.ToName(pollutant))})");

            Assert.Equal(reported.Get(ContractNames.ToName(pollutant)), Math.Round(total, 2));
        }

        // Every CEMS outlet is measured; every other outlet is estimated by its (illustrative) factor.
        var cemsOutlets = s_data.Outlets.Where(o => o.CemsInstalled == true).Select(o => o.OutletId).ToHashSet(StringComparer.Ordinal);
        Assert.All(inventory.Rows, r => Assert.Equal(cemsOutlets.Contains(r.OutletId) ? EmissionMethod.Measured : EmissionMethod.Factor, r.Method));
    }

    /// <summary>An independent scalar recomputation, written from the formulas, agrees with the table (and so with the SDK).</summary>
    [Fact]
    public void Inventory2024_ScalarRecomputation_IsTable1_2()
    {
        CemsHourlyTable cems = s_data.CemsHourly!;
        ReadOnlySpan<double> flow = cems.Flow.ToArray(VolumeFlowUnit.CubicMeterPerHour);
        ReadOnlySpan<DataFlag> flags = cems.Flags.Span;
        EmissionYear reported = s_plan.EmissionsT.Rows.Single(r => r.Year == 2024);
        foreach (Pollutant pollutant in new[] { Pollutant.Pm, Pollutant.So2, Pollutant.Nox })
        {
            // Measured: Σ c × Q × 1 h over valid hours (HJ 212-2017 D2.5 (33)); stopped (F) and flagged hours emit nothing here.
            double[] c = cems.Concentration(pollutant).ToArray(MassConcentrationUnit.MilligramPerCubicMeter);
            double measuredMilligrams = 0;
            for (int i = 0; i < c.Length; i++)
            {
                if (flags[i] == DataFlag.N && !double.IsNaN(c[i]))
                {
                    measuredMilligrams += c[i] * flow[i];
                }
            }

            double total = (measuredMilligrams * 1e-9) + FactorMethodTonnes(pollutant, 2024);
            output.WriteLine($"{pollutant}: {total:F4} t (table 1-2: {reported.Get(ContractNames.ToName(pollutant))})");

            Assert.Equal(reported.Get(ContractNames.ToName(pollutant)), Math.Round(total, 2));
        }
    }

    [Fact]
    public void EmissionFactors_AreAllLabelledIllustrative()
    {
        Assert.True(s_data.Illustrative);
        Assert.NotEmpty(s_data.EmissionFactors);
        Assert.All(s_data.EmissionFactors, f => Assert.StartsWith("ILLUSTRATIVE", f.Source, StringComparison.Ordinal));
    }

    [Fact]
    public void Cems_IdleFurnacesReportStoppedHoursOnly()
    {
        CemsHourlyTable cems = s_data.CemsHourly!;
        var idleOutlets = s_data.Outlets
            .Where(o => FerrosiliconFurnaces().Any(f => f.FacilityId == o.FacilityId && f.Status == FacilityStatus.Idle))
            .Select(o => o.OutletId).ToHashSet(StringComparer.Ordinal);
        ReadOnlySpan<DataFlag> flags = cems.Flags.Span;

        Assert.Equal(5, idleOutlets.Count);
        for (int i = 0; i < cems.RowCount; i++)
        {
            if (idleOutlets.Contains(cems.OutletIds[i]))
            {
                Assert.Equal(DataFlag.F, flags[i]);
            }
        }

        Assert.Equal(8784 * s_data.Outlets.Where(o => o.CemsInstalled == true).Select(o => o.OutletId).Distinct().Count(), cems.RowCount);
    }

    [Fact]
    public void Generator_IsDeterministic_SameBytesTwice()
    {
        byte[] first = Fingerprint(new DefaultDatasetGenerator(s_plan).Generate());
        byte[] second = Fingerprint(new DefaultDatasetGenerator(s_plan).Generate());

        Assert.Equal(first, second);
        Assert.Equal(Fingerprint(s_data), first);
    }

    [Fact]
    public void Fingerprint_SeesAChangeFarBelowTheTextsTwoDecimals()
    {
        EnergyLedgerEntry first = s_data.EnergyLedger[0];
        var changed = new EnergyLedgerEntry(first.FacilityId, first.Period, first.Product, UnitsNet.Mass.FromTonnes(first.Output.Tonnes + 1e-9),
            first.ElectricityPurchased, first.FurnaceElectricity, first.WasteHeatPowerGenerated, first.ElectricityExported, first.Coke, first.SemiCoke,
            first.Coal, first.NaturalGas, first.Diesel, first.ElectrodePaste, first.OreGrade);
        var ledger = s_data.EnergyLedger.ToArray();
        ledger[0] = changed;
        var other = new ClusterDataset(s_data.Name, s_data.Illustrative, s_data.Enterprises, s_data.Facilities, s_data.TreatmentFacilities,
            s_data.Outlets, ledger, s_data.SolidWasteLedger, s_data.EmissionFactors, s_data.CemsHourly);

        Assert.Equal(first.ToString(), changed.ToString());
        Assert.NotEqual(Fingerprint(s_data), Fingerprint(other));
    }

    /// <summary>Σ activity × factor × Π(1 − η) ÷ 1000 over the ledger rows of facilities whose outlets have no CEMS.</summary>
    private static double FactorMethodTonnes(Pollutant pollutant, int year)
    {
        string name = ContractNames.ToName(pollutant);
        double kilograms = 0;
        foreach (Facility facility in s_data.Facilities.Where(f => s_data.Outlets.Any(o => o.FacilityId == f.FacilityId && o.CemsInstalled == false)))
        {
            Enterprise enterprise = s_data.Enterprises.Single(e => e.EnterpriseId == facility.EnterpriseId);
            string process = ProcessKeys.Of(facility);
            double remaining = s_data.TreatmentFacilities.Where(t => t.FacilityId == facility.FacilityId && t.Pollutant == pollutant)
                .Aggregate(1.0, (r, t) => r * (1 - (t.DesignEfficiency.Percent / 100)));
            foreach (EnergyLedgerEntry row in s_data.EnergyLedger.Where(r => r.FacilityId == facility.FacilityId && r.Period.Year == year))
            {
                EmissionFactor factor = s_data.EmissionFactors.Single(f =>
                    f.IndustryCode == enterprise.IndustryCode && f.Product == row.Product && f.Process == process && f.Pollutant == name);
                double activity = factor.Activity == "natural_gas" ? row.NaturalGas!.Value.CubicMeters : row.Output.Tonnes;
                kilograms += activity * factor.Factor * remaining;
            }
        }

        return kilograms / 1000;
    }

    /// <summary>A SHA-256 over every value of every table, in table order: each record's properties in declaration order,
    /// doubles by their bits and quantities by their value's bits and unit (never a record's text, which UnitsNet rounds
    /// to two decimals, so a change below 0.01 would go unseen).</summary>
    private static byte[] Fingerprint(ClusterDataset data)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(object? value) => hash.AppendData(System.Text.Encoding.UTF8.GetBytes((value switch
        {
            double d => BitConverter.DoubleToInt64Bits(d).ToString(System.Globalization.CultureInfo.InvariantCulture),
            UnitsNet.IQuantity q => BitConverter.DoubleToInt64Bits((double)q.Value).ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + q.Unit,
            null => "null",
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        }) + "\u001f"));
        foreach (object row in data.Enterprises.Cast<object>().Concat(data.Facilities).Concat(data.TreatmentFacilities)
                     .Concat(data.Outlets).Concat(data.EnergyLedger).Concat(data.SolidWasteLedger).Concat(data.EmissionFactors))
        {
            Add(row.GetType().Name);
            foreach (System.Reflection.PropertyInfo property in row.GetType().GetProperties().OrderBy(p => p.MetadataToken))
            {
                Add(property.Name);
                Add(property.GetValue(row));
            }
        }

        CemsHourlyTable cems = data.CemsHourly!;
        for (int i = 0; i < cems.RowCount; i++)
        {
            Add(cems.OutletIds[i]);
            Add(cems.Hours.Span[i].Ticks);
            Add(cems.So2.Values.Span[i]);
            Add(cems.Nox.Values.Span[i]);
            Add(cems.Pm.Values.Span[i]);
            Add(cems.Oxygen.Values.Span[i]);
            Add(cems.Flow.Values.Span[i]);
            Add(cems.Flags.Span[i]);
        }

        return hash.GetHashAndReset();
    }
}
