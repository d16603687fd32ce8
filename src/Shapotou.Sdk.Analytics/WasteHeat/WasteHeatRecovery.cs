using Shapotou.Sdk.Model;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Analytics.WasteHeat;

/// <summary>
/// Waste heat of submerged-arc furnaces (Plan P8): coverage of furnaces and of capacity with recovery, waste-heat power
/// per tonne, and the heat a flue-gas stream carries.
/// </summary>
public static class WasteHeatRecovery
{
    /// <summary>Computes coverage and power per tonne for the submerged-arc furnaces of <paramref name="enterpriseIds"/>:
    /// the one computation of waste-heat coverage, which the cluster summary and the report take from here.</summary>
    /// <param name="data">The dataset.</param>
    /// <param name="enterpriseIds">The enterprises, such as the ferroalloy ones (GB/T 4754 class 3140).</param>
    /// <param name="year">The year of the ledgers for power per tonne.</param>
    /// <returns>The figures; a figure is <see langword="null"/> where the tables cannot give it: the coverage when
    /// there is no furnace or any furnace's recovery is unknown, the capacity coverage also when any capacity is
    /// unknown, the power per tonne without ledger rows of the furnaces with recovery, with any of their power unknown,
    /// or without output.</returns>
    public static WasteHeatCoverage Coverage(ClusterDataset data, IReadOnlySet<string> enterpriseIds, int year)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(enterpriseIds);
        Facility[] furnaces = Furnaces(data, enterpriseIds);
        Facility[] recovering = furnaces.Where(f => f.WasteHeatRecovery == true).ToArray();
        bool known = furnaces.Length > 0 && furnaces.All(f => f.WasteHeatRecovery is not null);
        bool capacityKnown = known && furnaces.All(f => f.AnnualCapacity is not null);
        var recoveringIds = recovering.Select(f => f.FacilityId).ToHashSet(StringComparer.Ordinal);
        EnergyLedgerEntry[] rows = data.EnergyLedger.Where(r => r.Period.Year == year && recoveringIds.Contains(r.FacilityId)).ToArray();
        double power = rows.Sum(r => r.WasteHeatPowerGenerated?.KilowattHours ?? double.NaN);
        double output = rows.Sum(r => r.Output.Tonnes);
        return new WasteHeatCoverage(
            furnaces.Length,
            recovering.Length,
            known ? Ratio.FromPercent(100.0 * recovering.Length / furnaces.Length) : null,
            capacityKnown && Percent(recovering.Sum(f => f.AnnualCapacity!.Value.Tonnes), furnaces.Sum(f => f.AnnualCapacity!.Value.Tonnes)) is { } capacityShare ? Ratio.FromPercent(capacityShare) : null,
            rows.Length > 0 && double.IsFinite(power) && output > 0 ? ElectricityIntensity.FromKilowattHoursPerTonne(power / output) : null);
    }

    /// <summary>100 × part ÷ whole, or <see langword="null"/> where it is not a number (no capacity at all).</summary>
    private static double? Percent(double part, double whole)
    {
        double percent = 100.0 * part / whole;
        return double.IsFinite(percent) ? percent : null;
    }

    /// <summary>Counts the submerged-arc furnaces of each of <paramref name="enterpriseIds"/> with, without and of
    /// unknown waste-heat recovery: the same furnaces <see cref="Coverage"/> counts, per enterprise.</summary>
    /// <param name="data">The dataset.</param>
    /// <param name="enterpriseIds">The enterprises, such as the ferroalloy ones (GB/T 4754 class 3140).</param>
    /// <returns>One row per enterprise with at least one such furnace, ordered by enterprise id (ordinal).</returns>
    public static IReadOnlyList<EnterpriseWasteHeat> ByEnterprise(ClusterDataset data, IReadOnlySet<string> enterpriseIds)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(enterpriseIds);
        return Furnaces(data, enterpriseIds)
            .GroupBy(f => f.EnterpriseId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new EnterpriseWasteHeat(
                g.Key,
                g.Count(f => f.WasteHeatRecovery == true),
                g.Count(f => f.WasteHeatRecovery == false),
                g.Count(f => f.WasteHeatRecovery is null)))
            .ToArray();
    }

    /// <summary>The submerged-arc furnaces of the enterprises, whatever their status.</summary>
    private static Facility[] Furnaces(ClusterDataset data, IReadOnlySet<string> enterpriseIds) => data.Facilities
        .Where(f => f.Kind == FacilityKind.SubmergedArcFurnace && enterpriseIds.Contains(f.EnterpriseId))
        .ToArray();

    /// <summary>
    /// Computes the heat a dry flue-gas stream carries above a reference temperature:
    /// <c>flow × (T_gas − T_reference) × volumetric specific heat</c>.
    /// </summary>
    /// <param name="flow">The dry standard flow.</param>
    /// <param name="gasTemperature">The flue-gas temperature.</param>
    /// <param name="referenceTemperature">The temperature the heat could be recovered down to.</param>
    /// <param name="volumetricSpecificHeat">The mean specific heat per standard cubic metre (read in kJ/(m³·K)): a cited input (the references give none).</param>
    /// <returns>The heat flow.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The specific heat is not positive.</exception>
    public static Power AvailableHeat(VolumeFlow flow, Temperature gasTemperature, Temperature referenceTemperature, VolumetricHeatCapacity volumetricSpecificHeat)
    {
        double kilojoulesPerCubicMetreKelvin = volumetricSpecificHeat.As(VolumetricHeatCapacityUnit.KilojoulePerCubicMeterKelvin);
        if (!double.IsFinite(kilojoulesPerCubicMetreKelvin) || kilojoulesPerCubicMetreKelvin <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(volumetricSpecificHeat), volumetricSpecificHeat, "The specific heat must be a finite positive number, with its source.");
        }

        double deltaKelvin = gasTemperature.Kelvins - referenceTemperature.Kelvins;
        double kilowatts = flow.As(VolumeFlowUnit.CubicMeterPerSecond) * Math.Max(deltaKelvin, 0) * kilojoulesPerCubicMetreKelvin;
        return Power.FromKilowatts(kilowatts);
    }
}

/// <summary>Waste-heat utilisation: the heat (or power) recovered as a share of the heat available.</summary>
public static class WasteHeatUtilisation
{
    /// <summary>Computes <c>recovered ÷ available × 100</c>.</summary>
    /// <param name="recovered">The heat or power recovered.</param>
    /// <param name="available">The heat available (see <see cref="WasteHeatRecovery.AvailableHeat"/>).</param>
    /// <returns>The rate (kept in percent); <see langword="null"/> when nothing is available.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A power is negative.</exception>
    public static Ratio? Rate(Power recovered, Power available)
    {
        double r = (double)recovered.As(PowerUnit.Kilowatt);
        double a = (double)available.As(PowerUnit.Kilowatt);
        if (r < 0 || a < 0)
        {
            throw new ArgumentOutOfRangeException(r < 0 ? nameof(recovered) : nameof(available), "Powers must not be negative.");
        }

        return a > 0 ? Ratio.FromPercent(100 * r / a) : null;
    }
}

/// <summary>Waste-heat recovery of a group of furnaces.</summary>
/// <param name="Furnaces">Submerged-arc furnaces counted.</param>
/// <param name="FurnacesWithRecovery">Of which with waste-heat recovery.</param>
/// <param name="Coverage">Furnaces with recovery ÷ furnaces, in percent; <see langword="null"/> where unknown.</param>
/// <param name="CapacityCoverage">Their capacity ÷ all the furnaces' capacity, in percent; <see langword="null"/> where unknown.</param>
/// <param name="PowerPerTonne">Waste-heat power generated ÷ output of the furnaces with recovery, in kWh/t; <see langword="null"/> where unknown.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record WasteHeatCoverage(int Furnaces, int FurnacesWithRecovery, Ratio? Coverage, Ratio? CapacityCoverage, ElectricityIntensity? PowerPerTonne);

/// <summary>The submerged-arc furnaces of one enterprise by waste-heat recovery.</summary>
/// <param name="EnterpriseId">The enterprise.</param>
/// <param name="FurnacesWithRecovery">Furnaces with waste-heat recovery.</param>
/// <param name="FurnacesWithoutRecovery">Furnaces without.</param>
/// <param name="FurnacesUnknown">Furnaces whose recovery the facilities table leaves unknown.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record EnterpriseWasteHeat(string EnterpriseId, int FurnacesWithRecovery, int FurnacesWithoutRecovery, int FurnacesUnknown)
{
    /// <summary>Gets the enterprise's submerged-arc furnaces.</summary>
    public int Furnaces => FurnacesWithRecovery + FurnacesWithoutRecovery + FurnacesUnknown;
}
