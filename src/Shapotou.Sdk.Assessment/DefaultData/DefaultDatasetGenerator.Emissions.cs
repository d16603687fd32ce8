using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Assessment;

internal sealed partial class DefaultDatasetGenerator
{
    private const int BaselineYear = 2024;

    /// <summary>
    /// Illustrative generation factors of the factor-method sources (kg per unit of activity, before treatment), by
    /// process key; the activity is <c>output</c> (t) or <c>natural_gas</c> (m3). None is from the MEE manual.
    /// </summary>
    private static readonly (string Process, string Activity, double Pm, double So2, double Nox)[] s_factorsByProcess =
    [
        ("natural_gas_boiler", "natural_gas", 0.00015, 0.0001, 0.0015),
        ("biogas_boiler", "output", 0.02, 0.05, 0.25),
        ("dryer", "output", 0.8, 0.02, 0.05),
        ("lime_kiln", "output", 25, 1.2, 0.8),
        ("ceramic_kiln", "output", 1.2, 2.5, 0.9),
        ("other", "natural_gas", 0.0002, 0.0002, 0.002),
    ];

    /// <summary>One factor row per industry, product and process of the factor-method facilities, all labelled illustrative.</summary>
    private List<EmissionFactor> EmissionFactors()
    {
        var rows = new List<EmissionFactor>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (PlannedFacility planned in _facilities.Where(f => !f.Cems))
        {
            string process = ProcessKeys.Of(planned.Facility);
            (string _, string activity, double pm, double so2, double nox) = s_factorsByProcess.Single(f => f.Process == process);
            string key = $"{planned.Enterprise.IndustryCode}|{planned.Profile.Product}|{process}";
            if (!seen.Add(key))
            {
                continue;
            }

            rows.Add(new EmissionFactor(planned.Enterprise.IndustryCode, planned.Profile.Product, process, "pm", pm, activity, IllustrativeFactorSource));
            rows.Add(new EmissionFactor(planned.Enterprise.IndustryCode, planned.Profile.Product, process, "so2", so2, activity, IllustrativeFactorSource));
            rows.Add(new EmissionFactor(planned.Enterprise.IndustryCode, planned.Profile.Product, process, "nox", nox, activity, IllustrativeFactorSource));
        }

        return rows;
    }

    private CemsHourlyTable GenerateCemsHours(List<EmissionFactor> factors)
    {
        PlannedFacility[] sources = _facilities.Where(f => f.Cems).ToArray();
        int hours = (DateTime.IsLeapYear(BaselineYear) ? 366 : 365) * 24;
        int rows = sources.Length * hours;
        var outletIds = new string[rows];
        var times = new DateTime[rows];
        var flags = new DataFlag[rows];
        var pm = new double[rows];
        var so2 = new double[rows];
        var nox = new double[rows];
        var o2 = new double[rows];
        var flow = new double[rows];
        var start = new DateTime(BaselineYear, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

        for (int s = 0; s < sources.Length; s++)
        {
            PlannedFacility source = sources[s];
            bool[] running = RunningHours(source, hours);
            double noise = 0;
            double oxygenNoise = 0;
            for (int h = 0; h < hours; h++)
            {
                int row = (s * hours) + h;
                outletIds[row] = source.OutletId;
                DateTime time = start.AddHours(h);
                times[row] = time;

                // AR(1) noise with unit variance: hour-to-hour persistence as real stacks show.
                noise = (0.9 * noise) + (0.436 * _random.NextGaussian());
                oxygenNoise = (0.9 * oxygenNoise) + (0.436 * _random.NextGaussian());
                if (!running[h])
                {
                    flags[row] = DataFlag.F;
                    pm[row] = so2[row] = nox[row] = o2[row] = flow[row] = double.NaN;
                    continue;
                }

                // Two calibrations a month (the 1st and the 15th at 10:00): no valid concentration that hour.
                bool calibration = time.Hour == 10 && time.Day is 1 or 15;
                double level = Math.Max(0.05, 1 + (0.2 * noise));
                flow[row] = Math.Round(source.Profile.FlowM3PerHour * (1 + (0.03 * _random.NextGaussian())));
                flags[row] = calibration ? DataFlag.C : DataFlag.N;
                pm[row] = calibration ? double.NaN : source.Profile.Pm * level;
                so2[row] = calibration ? double.NaN : source.Profile.So2 * level * (1 + (0.05 * _random.NextGaussian()));
                nox[row] = calibration ? double.NaN : source.Profile.Nox * level * (1 + (0.05 * _random.NextGaussian()));
                o2[row] = calibration ? double.NaN : Math.Round(Math.Clamp(source.Profile.OxygenPercent + (0.4 * oxygenNoise), 1, 20.5), 1);
            }
        }

        // The factor-method part comes from the SDK's own inventory over the tables without CEMS data; the CEMS hours
        // carry the rest of table 1-2.
        var withoutCems = new ClusterDataset("default", illustrative: true, _enterprises, _facilities.Select(f => f.Facility).ToArray(), _treatments, _outlets, _energy, _solidWaste, factors, cemsHourly: null);
        EmissionInventory factorPart = new EmissionInventoryCalculator().Compute(withoutCems, BaselineYear);
        double FactorTonnes(Pollutant pollutant) =>
            factorPart.Rows.Where(r => r.Pollutant == pollutant && r.Method == EmissionMethod.Factor).Sum(r => r.Mass!.Value.Tonnes);

        EmissionYear baseline = _plan.EmissionsT.Rows.Single(r => r.Year == BaselineYear);
        Calibrate(pm, flow, flags, baseline.Pm - FactorTonnes(Pollutant.Pm));
        Calibrate(so2, flow, flags, baseline.So2 - FactorTonnes(Pollutant.So2));
        Calibrate(nox, flow, flags, baseline.Nox - FactorTonnes(Pollutant.Nox));

        return new CemsHourlyTable(
            outletIds,
            times,
            new QuantityColumn<MassConcentration>(so2, MassConcentrationUnit.MilligramPerCubicMeter),
            new QuantityColumn<MassConcentration>(nox, MassConcentrationUnit.MilligramPerCubicMeter),
            new QuantityColumn<MassConcentration>(pm, MassConcentrationUnit.MilligramPerCubicMeter),
            new QuantityColumn<VolumeConcentration>(o2, VolumeConcentrationUnit.Percent),
            new QuantityColumn<VolumeFlow>(flow, VolumeFlowUnit.CubicMeterPerHour),
            flags);
    }

    /// <summary>
    /// Which hours a source runs: idle furnaces never; heating plants in the heating season; the others all year but
    /// for one to three stops of two to ten days.
    /// </summary>
    private bool[] RunningHours(PlannedFacility source, int hours)
    {
        var running = new bool[hours];
        if (source.Facility.Status != FacilityStatus.Running)
        {
            return running;
        }

        var start = new DateTime(BaselineYear, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        bool seasonal = IsHeatingSeasonOnly(source);
        for (int h = 0; h < hours; h++)
        {
            int month = start.AddHours(h).Month;
            running[h] = !seasonal || month is >= 11 or <= 3;
        }

        int stops = seasonal ? 0 : 1 + _random.NextInt(3);
        for (int k = 0; k < stops; k++)
        {
            int length = 48 + _random.NextInt(192);
            int first = _random.NextInt(hours - length);
            Array.Fill(running, false, first, length);
        }

        return running;
    }

    /// <summary>
    /// Scales the valid hours' concentrations so that Σ c × flow × 1 h over them is <paramref name="targetTonnes"/>,
    /// rounds them to 0.01 mg/m3, and puts the rounding remainder on the hour with the largest flow.
    /// </summary>
    private static void Calibrate(double[] concentration, double[] flow, DataFlag[] flags, double targetTonnes)
    {
        double raw = MeasuredTonnes(concentration, flow, flags);
        double scale = targetTonnes / raw;
        int largest = -1;
        for (int i = 0; i < concentration.Length; i++)
        {
            if (flags[i] == DataFlag.N && double.IsFinite(concentration[i]))
            {
                concentration[i] = Math.Round(concentration[i] * scale, 2);
                if (largest < 0 || flow[i] > flow[largest])
                {
                    largest = i;
                }
            }
        }

        double remainder = targetTonnes - MeasuredTonnes(concentration, flow, flags);
        concentration[largest] = Math.Round(concentration[largest] + (remainder * 1e9 / flow[largest]), 2);
    }

    /// <summary>Σ c × flow × 1 h × 10⁻⁹ (mg → t) over hours flagged N with a value (HJ 212-2017 Annex D, D2.5 (33)).</summary>
    private static double MeasuredTonnes(ReadOnlySpan<double> concentration, ReadOnlySpan<double> flow, ReadOnlySpan<DataFlag> flags)
    {
        double sum = 0;
        for (int i = 0; i < concentration.Length; i++)
        {
            if (flags[i] == DataFlag.N && double.IsFinite(concentration[i]) && double.IsFinite(flow[i]))
            {
                sum += concentration[i] * flow[i];
            }
        }

        return sum * 1e-9;
    }
}
