using System.Globalization;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Assessment;

/// <summary>
/// Generates the embedded default dataset: synthetic at facility level, calibrated to the figures the plan publishes
/// (table 1-1, P2, table 1-2), and the same, byte for byte, on every run. See docs/default-dataset.md for which number
/// comes from the plan and which is an assumption.
/// </summary>
internal sealed partial class DefaultDatasetGenerator
{
    /// <summary>The seed of every random draw; changing it changes the synthetic detail, never the calibrated totals.</summary>
    public const ulong Seed = 20_250_701;

    /// <summary>The ledger years; CEMS hours are generated for the baseline year only.</summary>
    public static readonly int[] Years = [2022, 2023, 2024];

    /// <summary>The label every emission factor of the default dataset carries.</summary>
    public const string IllustrativeFactorSource =
        "ILLUSTRATIVE example factor of the default dataset, not from the MEE manual (排放源统计调查产排污核算方法和系数手册, 2021), which the references lack";

    private readonly PlanFigures _plan;
    private SplitMix64 _random = new(Seed);

    private readonly List<Enterprise> _enterprises = [];
    private readonly List<PlannedFacility> _facilities = [];
    private readonly List<TreatmentFacility> _treatments = [];
    private readonly List<Outlet> _outlets = [];
    private readonly List<EnergyLedgerEntry> _energy = [];
    private readonly List<SolidWasteLedgerEntry> _solidWaste = [];

    public DefaultDatasetGenerator(PlanFigures plan)
    {
        _plan = plan;
    }

    public ClusterDataset Generate()
    {
        LayOutEnterprises();
        LayOutFacilities();
        WriteEnergyLedgers();
        WriteSolidWasteLedgers();
        List<EmissionFactor> factors = EmissionFactors();
        CemsHourlyTable cems = GenerateCemsHours(factors);
        return new ClusterDataset(
            "default",
            illustrative: true,
            _enterprises,
            _facilities.Select(f => f.Facility).ToArray(),
            _treatments,
            _outlets,
            _energy,
            _solidWaste,
            factors,
            cems);
    }

    private void LayOutEnterprises()
    {
        foreach (TownshipRow township in _plan.Townships.Rows)
        {
            EnterpriseSpec[] members = DefaultDatasetRoster.Enterprises.Where(e => e.Township == township.Township).ToArray();
            if (members.Length != township.Enterprises)
            {
                throw new InvalidOperationException(
                    $"The roster has {members.Length} enterprises in {township.Township}; table 1-1 has {township.Enterprises}.");
            }

            // Output values split the township's table 1-1 total by weight, in whole 10^4 yuan, the rest to the first.
            double weights = members.Sum(m => m.OutputWeight);
            long[] values = members.Select(m => (long)Math.Floor(township.OutputValue10kYuan * m.OutputWeight / weights)).ToArray();
            values[0] += township.OutputValue10kYuan - values.Sum();
            for (int i = 0; i < members.Length; i++)
            {
                EnterpriseSpec m = members[i];
                _enterprises.Add(new Enterprise(
                    m.Id,
                    m.Name,
                    m.Township,
                    m.IndustryCode,
                    aboveScale: true,
                    nameZh: m.NameZh,
                    permitNumber: $"illustrative-permit-{m.Id}",
                    outputValue10kYuan: values[i]));
            }
        }
    }
}

/// <summary>A facility with the parameters the generator draws its ledgers and CEMS hours from.</summary>
internal sealed record PlannedFacility(
    EnterpriseSpec Enterprise,
    Facility Facility,
    SourceProfile Profile,
    bool Cems,
    string OutletId);

/// <summary>
/// How a facility produces and emits, per unit of activity: all synthetic assumptions of the default dataset.
/// </summary>
/// <param name="AnnualOutputT">Product per year (t), before the plan's totals rescale ferrosilicon.</param>
/// <param name="Product">The ledger product.</param>
/// <param name="FlowM3PerHour">Dry standard flue-gas flow while running.</param>
/// <param name="Pm">Mean measured PM (mg/m3) before calibration.</param>
/// <param name="So2">Mean measured SO2 (mg/m3) before calibration.</param>
/// <param name="Nox">Mean measured NOx (mg/m3) before calibration.</param>
/// <param name="OxygenPercent">Mean measured O2 (%).</param>
/// <param name="ElectricityKwhPerT">Purchased electricity per tonne of product.</param>
/// <param name="CokeTPerT">Coke per tonne of product.</param>
/// <param name="CoalTPerT">Raw coal per tonne of product.</param>
/// <param name="GasM3PerT">Natural gas per tonne of product.</param>
internal sealed record SourceProfile(
    double AnnualOutputT,
    string Product,
    double FlowM3PerHour,
    double Pm,
    double So2,
    double Nox,
    double OxygenPercent,
    double ElectricityKwhPerT,
    double CokeTPerT,
    double CoalTPerT,
    double GasM3PerT);
