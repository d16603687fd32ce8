using System.Globalization;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using Shapotou.Sdk.Analytics.Carbon;
using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Analytics.EnergyEfficiency;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using Shapotou.Sdk.Units;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Scenarios;

/// <summary>The Monte Carlo P5, P50 and P95 of a projected emission.</summary>
/// <param name="P5">The 5th percentile.</param>
/// <param name="P50">The median.</param>
/// <param name="P95">The 95th percentile.</param>
public sealed record EmissionPercentiles(Mass P5, Mass P50, Mass P95);

/// <summary>One pollutant's projected 2027 emission under a scenario against its ceiling.</summary>
/// <param name="Pollutant">The pollutant.</param>
/// <param name="Base">The base year's inventory, in tonnes.</param>
/// <param name="Projected">After the changes, in tonnes.</param>
/// <param name="Ceiling">The 2027 ceiling, in tonnes.</param>
/// <param name="Margin">Ceiling − projected: headroom (positive) or the tonnes still to cut (negative).</param>
/// <param name="Met">Whether the projection is at or below the ceiling.</param>
/// <param name="Percentiles">The Monte Carlo P5, P50 and P95 of the projection, in tonnes; <see langword="null"/> without a Monte Carlo.</param>
/// <param name="ProbabilityMet">
/// The share of samples at or below the ceiling, a probability from 0 to 1 (a plain number: a probability is not a
/// quantity with a unit); <see langword="null"/> without a Monte Carlo.
/// </param>
public sealed record PollutantOutcome(Pollutant Pollutant, Mass Base, Mass Projected, Mass Ceiling, Mass Margin, bool Met, EmissionPercentiles? Percentiles, double? ProbabilityMet);

/// <summary>One change's effect, alone on the base year, for the abatement ranking.</summary>
/// <param name="ChangeId">The change.</param>
/// <param name="Abated">Mass abated per pollutant, in tonnes.</param>
/// <param name="EnergyChange">Change of comprehensive energy, in tce (negative saves); <see langword="null"/> when energy is unknown.</param>
/// <param name="Co2Change">Change of CO₂, in tonnes (negative saves); <see langword="null"/> when CO₂ is unknown.</param>
/// <param name="AnnualCostYuan">Its annualised cost in yuan, or <see langword="null"/>.</param>
/// <param name="CostPerTonneAbatedYuan">Cost ÷ Σ tonnes abated (PM + SO₂ + NOx), yuan per tonne; <see langword="null"/> without a cost or an abatement.</param>
public sealed record ChangeEffect(string ChangeId, IReadOnlyDictionary<Pollutant, Mass> Abated, StandardCoal? EnergyChange, Mass? Co2Change, decimal? AnnualCostYuan, decimal? CostPerTonneAbatedYuan)
{
    /// <summary>Gets Σ mass abated of PM, SO₂ and NOx, the divisor of <see cref="CostPerTonneAbatedYuan"/>.</summary>
    public Mass TotalAbated => Mass.FromTonnes(Abated.Values.Sum(m => m.Tonnes));
}

/// <summary>A scenario's outcome.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Pollutants">Per pollutant: projection, ceiling, margin, Monte Carlo band.</param>
/// <param name="AllTargetsMet">Whether every 2027 ceiling is met.</param>
/// <param name="EnergyChange">Change of comprehensive energy of the whole scenario, in tce; <see langword="null"/> when unknown.</param>
/// <param name="Co2Change">Change of CO₂, in tonnes; <see langword="null"/> when unknown.</param>
/// <param name="Changes">Each change alone; those with a cost ranked by yuan per tonne (the marginal abatement cost curve), then the others.</param>
/// <param name="Assumptions">What the outcome rests on, in words.</param>
public sealed record ScenarioOutcome(Scenario Scenario, IReadOnlyList<PollutantOutcome> Pollutants, bool AllTargetsMet, StandardCoal? EnergyChange, Mass? Co2Change, IReadOnlyList<ChangeEffect> Changes, IReadOnlyList<string> Assumptions);

/// <summary>
/// Applies a scenario's changes to the base year's inventory, ledger and CO₂, and says whether each 2027 ceiling is met
/// and by how many tonnes; ranks the changes by cost per tonne abated; and bands the projection by Monte Carlo.
/// </summary>
/// <remarks>
/// <para>Emissions: each inventory row of a facility is scaled by the product of the changes' factors for it (a row of
/// an outlet shared by several facilities takes a change of any of them). Energy and CO₂: the ledger is changed (rows of
/// retired facilities removed, output changes scaling output and carriers, waste-heat power reducing purchased
/// electricity) and recomputed with <see cref="EnergyCalculator"/> and <see cref="CarbonCalculator"/>.</para>
/// <para>Monte Carlo (MathNet.Numerics, seeded): per sample, each facility's activity is drawn Normal(1, activity),
/// truncated at 0; each measured row Normal(1, measured); each estimated row LogNormal with median 1 and the factor
/// uncertainty as its σ of log. Percentiles by MathNet's default estimator.</para>
/// </remarks>
public sealed class ScenarioEvaluator
{
    private readonly ReferenceCatalogue _catalogue;

    /// <summary>Initializes an evaluator.</summary>
    /// <param name="catalogue">The catalogue.</param>
    /// <remarks>The evaluator has no options: everything a scenario varies is in the <see cref="Scenario"/>.</remarks>
    public ScenarioEvaluator(ReferenceCatalogue catalogue)
    {
        _catalogue = catalogue ?? throw new ArgumentNullException(nameof(catalogue));
    }

    /// <summary>Evaluates a scenario on a dataset.</summary>
    /// <param name="data">The dataset.</param>
    /// <param name="scenario">The scenario; its <see cref="Scenario.BaseYear"/> is the period.</param>
    /// <param name="asOf">The date whose catalogue rows apply (the 2027 reduction targets, emission factors, CO₂ coefficients).</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ShapotouDataException">A change names a facility the dataset lacks, or the base inventory is incomplete.</exception>
    public ScenarioOutcome Evaluate(ClusterDataset data, Scenario scenario, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(scenario);
        var known = data.Facilities.Select(f => f.FacilityId).ToHashSet(StringComparer.Ordinal);
        foreach (ScenarioChange change in scenario.Changes)
        {
            string? unknown = change.FacilityIds.FirstOrDefault(f => f != "*" && !known.Contains(f));
            if (unknown is not null)
            {
                throw new ShapotouDataException($"Scenario '{scenario.Name}', change '{change.Id}': facility '{unknown}' is not in the dataset.");
            }
        }

        EmissionInventory inventory = new EmissionInventoryCalculator().Compute(data, scenario.BaseYear);
        var baseTotals = new Dictionary<Pollutant, Mass>();
        foreach (Pollutant pollutant in EmissionTargets.Pollutants)
        {
            baseTotals[pollutant] = inventory.Total(pollutant)
                ?? throw new ShapotouDataException($"The {scenario.BaseYear} inventory's {ContractNames.ToName(pollutant)} total is unknown ({(inventory.Missing.Count > 0 ? inventory.Missing[0] : "unknown rows")}); a scenario needs a complete base year.");
        }

        IReadOnlyList<PollutantTarget> targets = EmissionTargets.Ceilings(baseTotals, _catalogue, asOf);
        (double? baseEnergy, double? baseCo2) = EnergyAndCarbon(data, scenario.BaseYear, [], asOf);
        var assumptions = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"The projection applies the changes to the {scenario.BaseYear} inventory, ledger and CO₂; everything else stays as in {scenario.BaseYear}."),
        };

        double[] projected = Project(data, inventory, scenario.Changes);
        (double? energy, double? co2) = EnergyAndCarbon(data, scenario.BaseYear, scenario.Changes, asOf);
        EmissionPercentiles[]? bands = null;
        double[]? probabilities = null;
        if (scenario.Uncertainty is { } u)
        {
            (bands, probabilities) = MonteCarlo(data, inventory, scenario, targets);
            assumptions.Add(string.Create(CultureInfo.InvariantCulture,
                $"Monte Carlo: {scenario.Samples} samples, seed {scenario.Seed}; factor {u.Factor.Percent} %, measured {u.Measured.Percent} %, activity {u.Activity.Percent} % relative uncertainty ({u.Source})."));
        }

        var outcomes = new List<PollutantOutcome>();
        for (int p = 0; p < targets.Count; p++)
        {
            PollutantTarget t = targets[p];
            double margin = t.Ceiling.Tonnes - projected[p];
            outcomes.Add(new PollutantOutcome(t.Pollutant, Mass.FromTonnes(t.Baseline.Tonnes), Mass.FromTonnes(projected[p]), Mass.FromTonnes(t.Ceiling.Tonnes), Mass.FromTonnes(margin), margin >= 0, bands?[p], probabilities?[p]));
        }

        var effects = new List<ChangeEffect>();
        foreach (ScenarioChange change in scenario.Changes)
        {
            double[] alone = Project(data, inventory, [change]);
            var abated = new Dictionary<Pollutant, Mass>();
            double tonnes = 0;
            for (int p = 0; p < targets.Count; p++)
            {
                double t = targets[p].Baseline.Tonnes - alone[p];
                abated[targets[p].Pollutant] = Mass.FromTonnes(t);
                tonnes += t;
            }

            (double? e, double? c) = EnergyAndCarbon(data, scenario.BaseYear, [change], asOf);
            // Money stays decimal; the tonnes divide it once, as a decimal (below 10⁻²⁸ t counts as no abatement).
            decimal abatedTonnes = tonnes > 1e-28 ? (decimal)tonnes : 0m;
            decimal? costPerTonne = change.AnnualCostYuan is { } cost && abatedTonnes > 0 ? cost / abatedTonnes : null;
            effects.Add(new ChangeEffect(change.Id, abated, Tce(e - baseEnergy), Tonnes(c - baseCo2), change.AnnualCostYuan, costPerTonne));
        }

        ChangeEffect[] ranked = effects.Where(e => e.CostPerTonneAbatedYuan is not null).OrderBy(e => e.CostPerTonneAbatedYuan).ThenBy(e => e.ChangeId, StringComparer.Ordinal)
            .Concat(effects.Where(e => e.CostPerTonneAbatedYuan is null)).ToArray();
        if (ranked.Any(e => e.CostPerTonneAbatedYuan is not null))
        {
            assumptions.Add("Changes are ranked by annualised cost ÷ Σ tonnes of PM, SO₂ and NOx abated, each change alone on the base year (the marginal abatement cost curve); effects of changes together need not add up.");
        }

        return new ScenarioOutcome(scenario, outcomes, outcomes.All(o => o.Met), Tce(energy - baseEnergy), Tonnes(co2 - baseCo2), ranked, assumptions);
    }

    private static StandardCoal? Tce(double? tce) => tce is { } x ? StandardCoal.FromTonnesOfCoalEquivalent(x) : null;

    private static Mass? Tonnes(double? tonnes) => tonnes is { } x ? Mass.FromTonnes(x) : null;

    /// <summary>The projected totals per pollutant (in the order of <see cref="EmissionTargets.Pollutants"/>).</summary>
    private static double[] Project(ClusterDataset data, EmissionInventory inventory, IReadOnlyList<ScenarioChange> changes)
    {
        var totals = new double[EmissionTargets.Pollutants.Count];
        foreach (OutletEmission row in inventory.Rows)
        {
            totals[Index(row.Pollutant)] += row.Mass!.Value.Tonnes * RowFactor(data, row, changes);
        }

        return totals;
    }

    private static double RowFactor(ClusterDataset data, OutletEmission row, IReadOnlyList<ScenarioChange> changes)
    {
        double factor = 1;
        foreach (ScenarioChange change in changes)
        {
            string? facility = row.FacilityIds.FirstOrDefault(change.AppliesTo);
            if (facility is null)
            {
                continue;
            }

            factor *= change switch
            {
                RetireChange => 0,
                OutputChange o => Math.Max(0, 1 + (o.Change.Percent / 100)),
                RetrofitChange r when r.Pollutant == row.Pollutant => RetrofitFactor(data, facility, r),
                _ => 1,
            };
        }

        return factor;
    }

    private static double RetrofitFactor(ClusterDataset data, string facilityId, RetrofitChange r)
    {
        TreatmentFacility? existing = data.TreatmentFacilities.FirstOrDefault(t => t.FacilityId == facilityId && t.Pollutant == r.Pollutant && t.Kind == r.Kind);
        double remainingNew = 1 - (r.Efficiency.Percent / 100);
        if (existing is null)
        {
            return remainingNew;
        }

        double remainingOld = 1 - existing.DesignEfficiency.DecimalFractions;
        return remainingOld > 0 ? remainingNew / remainingOld : 1;
    }

    private (double? Tce, double? Co2T) EnergyAndCarbon(ClusterDataset data, int year, IReadOnlyList<ScenarioChange> changes, DateOnly asOf)
    {
        var ledger = new List<EnergyLedgerEntry>();
        foreach (EnergyLedgerEntry row in data.EnergyLedger.Where(r => r.Period.Year == year))
        {
            EnergyLedgerEntry? changed = row;
            foreach (ScenarioChange change in changes.Where(c => c.AppliesTo(row.FacilityId)))
            {
                changed = change switch
                {
                    RetireChange => null,
                    OutputChange o when changed is not null => Scale(changed, Math.Max(0, 1 + (o.Change.Percent / 100))),
                    WasteHeatChange w when changed is not null => WithWasteHeat(changed, w.Generation.KilowattHoursPerTonne),
                    _ => changed,
                };
            }

            if (changed is not null)
            {
                ledger.Add(changed);
            }
        }

        double kgce = new EnergyCalculator(_catalogue).ComputeRows(ledger, new DateOnly(year, 12, 31)).RowKilograms.Sum();
        var changedData = new ClusterDataset(data.Name, data.Illustrative, data.Enterprises, data.Facilities, data.TreatmentFacilities, data.Outlets, ledger, [], data.EmissionFactors, null, data.AbsentTables);
        CarbonAssessment carbon = new CarbonCalculator(_catalogue).Compute(changedData, year, asOf);
        double? co2 = carbon.Enterprises.Any(e => e.Total is null) ? null : carbon.Enterprises.Sum(e => e.Total!.Value.Tonnes);
        return (double.IsNaN(kgce) ? null : kgce / 1000, co2);
    }

    private static EnergyLedgerEntry Scale(EnergyLedgerEntry r, double k) => new(
        r.FacilityId, r.Period, r.Product, r.Output * k,
        r.ElectricityPurchased * k, r.FurnaceElectricity * k, r.WasteHeatPowerGenerated * k, r.ElectricityExported * k,
        r.Coke * k, r.SemiCoke * k, r.Coal * k, r.NaturalGas * k, r.Diesel * k, r.ElectrodePaste * k, r.OreGrade);

    private static EnergyLedgerEntry WithWasteHeat(EnergyLedgerEntry r, double kwhPerTonne)
    {
        double added = kwhPerTonne * r.Output.Tonnes;
        double purchased = Math.Max(0, (r.ElectricityPurchased?.KilowattHours ?? 0) - added);
        return new EnergyLedgerEntry(
            r.FacilityId, r.Period, r.Product, r.Output,
            r.ElectricityPurchased is null ? null : Energy.FromKilowattHours(purchased), r.FurnaceElectricity,
            Energy.FromKilowattHours((r.WasteHeatPowerGenerated?.KilowattHours ?? 0) + added), r.ElectricityExported,
            r.Coke, r.SemiCoke, r.Coal, r.NaturalGas, r.Diesel, r.ElectrodePaste, r.OreGrade);
    }

    private static (EmissionPercentiles[] Bands, double[] Probabilities) MonteCarlo(ClusterDataset data, EmissionInventory inventory, Scenario scenario, IReadOnlyList<PollutantTarget> targets)
    {
        ScenarioUncertainty u = scenario.Uncertainty!;
        var random = new Random(scenario.Seed);
        var activity = new Normal(1, u.Activity.Percent / 100, random);
        var measured = new Normal(1, u.Measured.Percent / 100, random);
        var factor = new LogNormal(0, u.Factor.Percent / 100, random);
        int rows = inventory.Rows.Count;
        var changeFactors = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            changeFactors[i] = RowFactor(data, inventory.Rows[i], scenario.Changes);
        }

        string[] facilities = inventory.Rows.Select(r => r.FacilityIds[0]).Distinct().Order(StringComparer.Ordinal).ToArray();
        var facilityIndex = facilities.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i, StringComparer.Ordinal);
        int[] rowFacility = inventory.Rows.Select(r => facilityIndex[r.FacilityIds[0]]).ToArray();
        var samples = new double[targets.Count][];
        for (int p = 0; p < samples.Length; p++)
        {
            samples[p] = new double[scenario.Samples];
        }

        var activityDraw = new double[facilities.Length];
        for (int s = 0; s < scenario.Samples; s++)
        {
            for (int f = 0; f < activityDraw.Length; f++)
            {
                activityDraw[f] = Math.Max(0, activity.Sample());
            }

            for (int i = 0; i < rows; i++)
            {
                OutletEmission row = inventory.Rows[i];
                double uncertainty = row.Method == EmissionMethod.Measured ? Math.Max(0, measured.Sample()) : factor.Sample();
                samples[Index(row.Pollutant)][s] += row.Mass!.Value.Tonnes * changeFactors[i] * activityDraw[rowFacility[i]] * uncertainty;
            }
        }

        var bands = new EmissionPercentiles[targets.Count];
        var probabilities = new double[targets.Count];
        for (int p = 0; p < targets.Count; p++)
        {
            bands[p] = new EmissionPercentiles(
                Mass.FromTonnes(Statistics.Percentile(samples[p], 5)), Mass.FromTonnes(Statistics.Percentile(samples[p], 50)), Mass.FromTonnes(Statistics.Percentile(samples[p], 95)));
            probabilities[p] = samples[p].Count(v => v <= targets[p].Ceiling.Tonnes) / (double)scenario.Samples;
        }

        return (bands, probabilities);
    }

    private static int Index(Pollutant pollutant) => pollutant switch
    {
        Pollutant.Pm => 0,
        Pollutant.So2 => 1,
        Pollutant.Nox => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(pollutant), pollutant, null),
    };
}
