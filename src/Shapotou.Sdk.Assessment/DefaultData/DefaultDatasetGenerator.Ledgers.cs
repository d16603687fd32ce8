using Shapotou.Sdk.Model;
using UnitsNet;

namespace Shapotou.Sdk.Assessment;

internal sealed partial class DefaultDatasetGenerator
{
    // Ferrosilicon ledger assumptions (synthetic, documented in docs/default-dataset.md).
    private const double AuxiliaryElectricityShare = 0.03;   // plant auxiliaries on top of smelting electricity
    private const double WasteHeatKwhPerTonne = 900;         // waste-heat power per t FeSi75, all used inside the plant
    private const double Output2022T = 950_000;              // the plan gives no 2022 output

    /// <summary>Per-enterprise smelting electricity (kWh/t) and coke (t/t), chosen below the benchmark with margin.</summary>
    private static (double FurnaceKwhPerT, double CokeTPerT) FerrosiliconIntensity(EnterpriseSpec enterprise) => enterprise.Id switch
    {
        "zl-yuexin" => (8_150, 0.80),
        "zl-shengjin" => (8_180, 0.80),
        "zl-maoye" => (8_220, 0.79),
        "zl-sanyuan" => (8_260, 0.79),
        "zl-hefa" => (8_120, 0.74),
        "zl-xinhua" => (8_140, 0.74),
        "zl-fa07" => (8_200, 0.80),
        "zl-fa08" => (8_170, 0.81),
        "zl-fa09" => (8_230, 0.79),
        _ => (8_250, 0.78),
    };

    /// <summary>Consumption relative to 2024: a little higher in earlier years, still better than the benchmark.</summary>
    private static double YearIntensity(int year) => year switch
    {
        2022 => 1.006,
        2023 => 1.003,
        _ => 1.0,
    };

    /// <summary>The ferroalloy cluster's output: 2024 from P2; 2023 from P2's "−3.1 % on 2023"; 2022 assumed.</summary>
    private double FerrosiliconOutput(int year) => year switch
    {
        2024 => _plan.Ferroalloy.Output.Tonnes,
        2023 => Math.Round(_plan.Ferroalloy.Output.Tonnes / (1 + (_plan.Ferroalloy.OutputChange.Percent / 100))),
        _ => Output2022T,
    };

    private void WriteEnergyLedgers()
    {
        foreach (int year in Years)
        {
            WriteFerrosiliconLedgers(year);
            foreach (PlannedFacility planned in _facilities.Where(f => f.Enterprise.Archetype != Archetype.Ferrosilicon))
            {
                WriteOtherLedger(planned, year);
            }
        }
    }

    /// <summary>Shares the year's cluster output among running furnaces by capacity, then among months, in 0.1 t.</summary>
    private void WriteFerrosiliconLedgers(int year)
    {
        PlannedFacility[] running = FerrosiliconFurnaces().Where(f => f.Facility.Status == FacilityStatus.Running).ToArray();
        double total = FerrosiliconOutput(year);
        double capacity = running.Sum(f => f.Facility.AnnualCapacity!.Value.Tonnes);
        double[] annual = Split(total, running.Select(f => f.Facility.AnnualCapacity!.Value.Tonnes / capacity).ToArray());
        for (int i = 0; i < running.Length; i++)
        {
            PlannedFacility furnace = running[i];
            (double furnaceKwh, double coke) = FerrosiliconIntensity(furnace.Enterprise);
            double[] monthly = Split(annual[i], MonthWeights(year, heatingSeasonOnly: false));
            for (int m = 0; m < 12; m++)
            {
                double output = monthly[m];
                double intensity = YearIntensity(year) * (1 + (0.004 * _random.NextGaussian()));
                double smelting = Math.Round(output * furnaceKwh * intensity);
                double wasteHeat = furnace.Facility.WasteHeatRecovery == true ? Math.Round(output * WasteHeatKwhPerTonne * (1 + (0.02 * _random.NextGaussian()))) : 0;
                double purchased = Math.Round(smelting * (1 + AuxiliaryElectricityShare)) - wasteHeat;
                _energy.Add(new EnergyLedgerEntry(
                    furnace.Facility.FacilityId,
                    new DateOnly(year, m + 1, 1),
                    "FeSi75",
                    Mass.FromTonnes(output),
                    electricityPurchased: Energy.FromKilowattHours(purchased),
                    furnaceElectricity: Energy.FromKilowattHours(smelting),
                    wasteHeatPowerGenerated: Energy.FromKilowattHours(wasteHeat),
                    electricityExported: Energy.FromKilowattHours(0),
                    coke: Mass.FromTonnes(Math.Round(output * coke * intensity, 1)),
                    semiCoke: Mass.FromTonnes(0),
                    coal: Mass.FromTonnes(0),
                    naturalGas: Volume.FromCubicMeters(0),
                    diesel: Mass.FromTonnes(0),
                    electrodePaste: Mass.FromTonnes(0),
                    oreGrade: MassFraction.FromPercent(Math.Round(_random.Uniform(97.6, 98.6), 1))));
            }
        }
    }

    private void WriteOtherLedger(PlannedFacility planned, int year)
    {
        SourceProfile p = planned.Profile;
        bool heatingSeason = IsHeatingSeasonOnly(planned);
        double annual = Math.Round(p.AnnualOutputT * (1 + (0.02 * (year - 2024)) + (0.01 * _random.NextGaussian())));
        double[] monthly = Split(annual, MonthWeights(year, heatingSeason));
        for (int m = 0; m < 12; m++)
        {
            double output = monthly[m];
            if (output == 0)
            {
                continue;
            }

            _energy.Add(new EnergyLedgerEntry(
                planned.Facility.FacilityId,
                new DateOnly(year, m + 1, 1),
                p.Product,
                Mass.FromTonnes(output),
                electricityPurchased: Energy.FromKilowattHours(Math.Round(output * p.ElectricityKwhPerT)),
                furnaceElectricity: planned.Facility.Kind == FacilityKind.CarbideFurnace ? Energy.FromKilowattHours(Math.Round(output * p.ElectricityKwhPerT * 0.97)) : null,
                wasteHeatPowerGenerated: Energy.FromKilowattHours(0),
                electricityExported: Energy.FromKilowattHours(0),
                coke: Mass.FromTonnes(Math.Round(output * p.CokeTPerT, 1)),
                semiCoke: Mass.FromTonnes(0),
                coal: Mass.FromTonnes(Math.Round(output * p.CoalTPerT, 1)),
                naturalGas: Volume.FromCubicMeters(Math.Round(output * p.GasM3PerT)),
                diesel: Mass.FromTonnes(0),
                electrodePaste: Mass.FromTonnes(0)));
        }
    }

    private static bool IsHeatingSeasonOnly(PlannedFacility planned) =>
        planned.Enterprise.Archetype == Archetype.CoalBoilerPlant && planned.Enterprise.IndustryCode == "4430";

    /// <summary>Month weights by days; a heating plant runs November to March only (Ningxia's heating season).</summary>
    private double[] MonthWeights(int year, bool heatingSeasonOnly)
    {
        var weights = new double[12];
        for (int m = 0; m < 12; m++)
        {
            bool on = !heatingSeasonOnly || m + 1 is >= 11 or <= 3;
            weights[m] = on ? DateTime.DaysInMonth(year, m + 1) * (1 + (0.03 * _random.NextGaussian())) : 0;
        }

        double sum = weights.Sum();
        return weights.Select(w => w / sum).ToArray();
    }

    /// <summary>
    /// Splits a total by weights into whole tonnes, the last taking the remainder, so the parts add up to the total
    /// exactly (whole numbers are exact in binary; tenths would leave a binary remainder in every sum).
    /// </summary>
    private static double[] Split(double total, double[] weights)
    {
        var parts = new double[weights.Length];
        double assigned = 0;
        int last = Array.FindLastIndex(weights, w => w > 0);
        for (int i = 0; i < weights.Length; i++)
        {
            if (i == last)
            {
                continue;
            }

            parts[i] = Math.Round(total * weights[i]);
            assigned += parts[i];
        }

        if (last >= 0)
        {
            parts[last] = total - assigned;
        }

        return parts;
    }

    private void WriteSolidWasteLedgers()
    {
        foreach (int year in Years)
        {
            foreach (IGrouping<string, EnergyLedgerEntry> enterpriseMonth in _energy
                .Where(e => e.Period.Year == year)
                .GroupBy(e => $"{FacilityOf(e.FacilityId).Enterprise.Id}|{e.Period:yyyy-MM}", StringComparer.Ordinal))
            {
                PlannedFacility first = FacilityOf(enterpriseMonth.First().FacilityId);
                DateOnly period = enterpriseMonth.First().Period;
                double output = enterpriseMonth.Sum(e => e.Output.Tonnes);
                double coal = enterpriseMonth.Sum(e => e.Coal?.Tonnes ?? 0);
                switch (first.Enterprise.Archetype)
                {
                    case Archetype.Ferrosilicon:
                        // Utilisation improves a little each year toward P9's 70 % (2027).
                        double progress = 0.03 * (year - 2022);
                        AddWaste(first.Enterprise.Id, period, WasteType.SilicaFume, output * 0.18, 0.62 + progress);
                        AddWaste(first.Enterprise.Id, period, WasteType.Slag, output * 0.04, 0.30 + progress);
                        break;
                    case Archetype.CoalBoilerPlant or Archetype.Cement or Archetype.Lime when coal > 0:
                        AddWaste(first.Enterprise.Id, period, WasteType.Ash, coal * 0.2, 0.85);
                        break;
                    case Archetype.CalciumCarbide:
                        AddWaste(first.Enterprise.Id, period, WasteType.Other, output * 1.2, 0.9);
                        break;
                }
            }
        }
    }

    private void AddWaste(string enterpriseId, DateOnly period, WasteType type, double generated, double utilisedShare)
    {
        double g = Math.Round(generated, 1);
        double utilised = Math.Round(g * Math.Clamp(utilisedShare + (0.02 * _random.NextGaussian()), 0, 1), 1);
        double disposed = Math.Round((g - utilised) * 0.2, 1);
        double stored = Math.Round(g - utilised - disposed, 1);
        _solidWaste.Add(new SolidWasteLedgerEntry(
            enterpriseId,
            period,
            type,
            generated: Mass.FromTonnes(g),
            utilised: Mass.FromTonnes(utilised),
            utilisedFromStorage: Mass.FromTonnes(0),
            disposed: Mass.FromTonnes(disposed),
            disposedFromStorage: Mass.FromTonnes(0),
            stored: Mass.FromTonnes(Math.Max(stored, 0)),
            dumped: Mass.FromTonnes(0)));
    }

    private PlannedFacility FacilityOf(string facilityId) => _facilities.First(f => f.Facility.FacilityId == facilityId);
}
