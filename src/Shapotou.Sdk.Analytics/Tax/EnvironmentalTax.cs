using System.Globalization;
using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Analytics.Tax;

/// <summary>The monthly concentrations a reduction is judged on (Implementing Regulations Art. 10), on the standard's basis.</summary>
/// <param name="MonthlyMean">The mean of the month's valid hourly averages.</param>
/// <param name="MaxHourly">The highest valid hourly average of the month.</param>
/// <param name="Standard">The applicable standard's concentration.</param>
public sealed record ReductionBasis(MassConcentration MonthlyMean, MassConcentration MaxHourly, MassConcentration Standard);

/// <summary>One taxable air pollutant of an outlet in a month.</summary>
/// <param name="Pollutant">The catalogue name of its equivalent value: <c>so2</c>, <c>nox</c>, <c>soot</c>, <c>general_dust</c>, <c>fluoride</c>, <c>co</c>, <c>hydrogen_chloride</c>, …</param>
/// <param name="Emission">The mass emitted.</param>
/// <param name="Concentration">The concentrations a reduction is judged on, or <see langword="null"/> when none were measured (no reduction).</param>
public sealed record TaxablePollutant(string Pollutant, Mass Emission, ReductionBasis? Concentration = null);

/// <summary>One pollutant's tax at an outlet in a month.</summary>
/// <param name="Pollutant">The catalogue name.</param>
/// <param name="Emission">The mass emitted.</param>
/// <param name="EquivalentValue">The law's equivalent value: the mass of one pollution equivalent (kept in kg, the unit of the law's table).</param>
/// <param name="Equivalents">Pollution equivalents (rounded when the options say so).</param>
/// <param name="Taxed">Whether it is among the outlet's top pollutants by equivalents (Art. 9).</param>
/// <param name="LevyShare">The share levied: 1, 0.75 or 0.5 (Art. 13).</param>
/// <param name="Tax">The tax in yuan (rounded when <see cref="TaxOptions.PollutantTaxDecimals"/> says so, otherwise before the
/// outlet's rounding); 0 when not taxed, since Art. 9 levies nothing on it.</param>
/// <param name="Reason">Why the share is what it is, in words.</param>
public sealed record PollutantTax(string Pollutant, Mass Emission, Mass EquivalentValue, decimal Equivalents, bool Taxed, double LevyShare, decimal Tax, string Reason);

/// <summary>The tax of one outlet in one month.</summary>
/// <param name="OutletId">The outlet.</param>
/// <param name="Period">The first day of the month.</param>
/// <param name="Pollutants">Every pollutant, taxed first, by equivalents descending.</param>
/// <param name="Tax">The outlet's tax in yuan, rounded to <see cref="TaxOptions.TaxDecimals"/>.</param>
public sealed record OutletMonthTax(string OutletId, DateOnly Period, IReadOnlyList<PollutantTax> Pollutants, decimal Tax);

/// <summary>The tax of a dataset's inventory: per outlet and month, with what was assumed.</summary>
/// <param name="Rate">The catalogue row of the rate (yuan per equivalent) with its mark.</param>
/// <param name="Outlets">Per outlet and month, ordered by outlet and month.</param>
/// <param name="Assumptions">The particulate classes, the rounding and boundary options, the rate's mark.</param>
/// <param name="Missing">Outlets and months whose tax is unknown, by name.</param>
public sealed record TaxAssessment(ReferenceValue Rate, IReadOnlyList<OutletMonthTax> Outlets, IReadOnlyList<string> Assumptions, IReadOnlyList<string> Missing)
{
    /// <summary>Gets the year of the inventory taxed.</summary>
    public int Year { get; init; }

    /// <summary>Gets the rounding convention the tax was computed with (<see cref="TaxOptions.Name"/>).</summary>
    /// <value>The default value is <c>exact</c>.</value>
    public string Rounding { get; init; } = "exact";

    /// <summary>Gets the total tax in yuan: the sum of the outlets' monthly taxes, each already to the fen; <see langword="null"/>
    /// when any outlet-month's tax is unknown (<see cref="Missing"/>), since a sum of the known ones is not the total.</summary>
    public decimal? Total => Missing.Count > 0 ? null : Outlets.Sum(o => o.Tax);

    /// <summary>Gets the sum of the outlet-months whose tax is known, in yuan.</summary>
    public decimal KnownTotal => Outlets.Sum(o => o.Tax);
}

/// <summary>
/// The environmental-protection tax on air pollutants (P19): per outlet and month, pollution equivalents = emission ÷
/// the law's equivalent value (Schedule 2, catalogue <c>tax.equivalent_value.*</c>); the top three by equivalents are
/// taxed (Art. 9, <c>tax.top_pollutants_per_outlet.air</c>) at the Ningxia rate (<c>tax.rate.ningxia.air</c>, 1.2 yuan,
/// with its mark); a pollutant whose monthly mean of hourly concentrations is 30 % / 50 % below the standard, with no
/// hourly value above it, is levied at 75 % / 50 % (Art. 13; Implementing Regulations Art. 10).
/// </summary>
/// <remarks>This type is immutable and thread-safe. The open policy choices are <see cref="TaxOptions"/>.</remarks>
public sealed class EnvironmentalTaxCalculator
{
    private readonly ReferenceCatalogue _catalogue;
    private readonly TaxOptions _options;

    /// <summary>Initializes a calculator.</summary>
    /// <param name="catalogue">The catalogue with the equivalent values, the rate and the reduction rules.</param>
    /// <param name="options">The policy options, or <see langword="null"/> for the defaults.</param>
    public EnvironmentalTaxCalculator(ReferenceCatalogue catalogue, TaxOptions? options = null)
    {
        _catalogue = catalogue ?? throw new ArgumentNullException(nameof(catalogue));
        _options = options ?? new TaxOptions();
    }

    /// <summary>Computes the tax of one outlet in one month.</summary>
    /// <param name="outletId">The outlet.</param>
    /// <param name="period">The first day of the month.</param>
    /// <param name="pollutants">Its taxable pollutants; each name at most once.</param>
    /// <param name="asOf">The date whose catalogue rows apply.</param>
    /// <returns>The tax.</returns>
    /// <exception cref="KeyNotFoundException">A pollutant has no equivalent value in the catalogue.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An emission is negative or not finite.</exception>
    public OutletMonthTax Compute(string outletId, DateOnly period, IReadOnlyList<TaxablePollutant> pollutants, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(pollutants);
        foreach (TaxablePollutant p in pollutants)
        {
            if (!double.IsFinite(p.Emission.Kilograms) || p.Emission.Kilograms < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(pollutants), string.Create(CultureInfo.InvariantCulture,
                    $"The emission of '{p.Pollutant}' at outlet '{outletId}' is {p.Emission.Kilograms} kg; expected a finite amount of at least 0 kg."));
            }
        }

        // Money is decimal: a rate of 1.2 yuan and amounts to the fen are exact in base 10, so the rounding conventions of
        // TaxOptions act on the figures a tax return shows rather than on their nearest doubles.
        decimal rate = (decimal)Rate(asOf).GetValue();
        int top = (int)_catalogue.Get("tax.top_pollutants_per_outlet.air", asOf).GetValue();
        double below75 = _catalogue.Get("tax.reduction.concentration_below_standard_75pct_rate", asOf).GetValue() / 100;
        double below50 = _catalogue.Get("tax.reduction.concentration_below_standard_50pct_rate", asOf).GetValue() / 100;
        double share75 = _catalogue.Get("tax.reduction.rate_75", asOf).GetValue() / 100;
        double share50 = _catalogue.Get("tax.reduction.rate_50", asOf).GetValue() / 100;

        var ranked = pollutants.Select(p =>
            {
                double value = _catalogue.Get($"tax.equivalent_value.{p.Pollutant}", asOf).GetValue();
                decimal equivalents = (decimal)p.Emission.Kilograms / (decimal)value;
                if (_options.EquivalentDecimals is { } decimals)
                {
                    equivalents = Math.Round(equivalents, decimals, MidpointRounding.AwayFromZero);
                }

                return (Input: p, Value: value, Equivalents: equivalents);
            })
            .OrderByDescending(p => p.Equivalents)
            .ThenBy(p => p.Input.Pollutant, StringComparer.Ordinal)
            .ToArray();

        var results = new List<PollutantTax>(ranked.Length);
        decimal total = 0;
        for (int i = 0; i < ranked.Length; i++)
        {
            (TaxablePollutant input, double value, decimal equivalents) = ranked[i];
            if (i >= top)
            {
                results.Add(new PollutantTax(input.Pollutant, input.Emission, Mass.FromKilograms(value), equivalents, false, 0, 0,
                    string.Create(CultureInfo.InvariantCulture, $"Not among the outlet's top {top} by equivalents (Art. 9).")));
                continue;
            }

            (double share, string reason) = Share(input.Concentration, below75, below50, share75, share50);
            decimal full = equivalents * rate;
            if (_options.RoundFullTaxBeforeReduction)
            {
                full = Math.Round(full, _options.TaxDecimals, MidpointRounding.AwayFromZero);
            }

            decimal tax = full * (decimal)share;
            if (_options.PollutantTaxDecimals is { } taxDecimals)
            {
                tax = Math.Round(tax, taxDecimals, MidpointRounding.AwayFromZero);
            }

            total += tax;
            results.Add(new PollutantTax(input.Pollutant, input.Emission, Mass.FromKilograms(value), equivalents, true, share, tax, reason));
        }

        return new OutletMonthTax(outletId, period, results, Math.Round(total, _options.TaxDecimals, MidpointRounding.AwayFromZero));
    }

    /// <summary>Computes the tax of every outlet and month of an inventory.</summary>
    /// <param name="data">The dataset (for the outlets' limits and CEMS hours).</param>
    /// <param name="inventory">The inventory.</param>
    /// <param name="asOf">The date whose rate is stated in the assumptions; each outlet-month is taxed with the catalogue
    /// rows in force on the month's last day.</param>
    /// <returns>The assessment.</returns>
    /// <remarks>
    /// The standard a reduction is judged against is the outlet's <c>limit_value</c> at its <c>reference_o2</c> (the
    /// permit's transcription of the applicable standard); hourly values are converted to that basis. Outlets without a
    /// limit, or estimated rather than measured, are taxed in full.
    /// </remarks>
    public TaxAssessment ForInventory(ClusterDataset data, EmissionInventory inventory, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(inventory);
        var assumptions = new List<string>();
        var missing = new List<string>();
        Dictionary<(string Outlet, Pollutant Pollutant, int Month), ReductionBasis> bases = MonthlyConcentrations(data, inventory.Year);
        var results = new List<OutletMonthTax>();
        foreach (IGrouping<(string OutletId, DateOnly Period), OutletEmission> group in inventory.Rows
            .GroupBy(r => (r.OutletId, r.Period))
            .OrderBy(g => g.Key.OutletId, StringComparer.Ordinal).ThenBy(g => g.Key.Period))
        {
            if (group.Any(r => r.Mass is null))
            {
                missing.Add($"Outlet '{group.Key.OutletId}', {group.Key.Period:yyyy-MM}: an emission is unknown, so its tax is unknown.");
                continue;
            }

            var pollutants = new List<TaxablePollutant>();
            foreach (OutletEmission row in group)
            {
                string name = row.Pollutant == Pollutant.Pm ? ParticulateName(group.Key.OutletId) : ContractNames.ToName(row.Pollutant);
                bases.TryGetValue((row.OutletId, row.Pollutant, row.Period.Month), out ReductionBasis? basis);
                pollutants.Add(new TaxablePollutant(name, row.Mass!.Value, row.Method == EmissionMethod.Measured ? basis : null));
            }

            // The month's own date picks the rate and equivalent values in force in it (a dated lookup per period).
            DateOnly monthEnd = new(group.Key.Period.Year, group.Key.Period.Month, DateTime.DaysInMonth(group.Key.Period.Year, group.Key.Period.Month));
            try
            {
                results.Add(Compute(group.Key.OutletId, group.Key.Period, pollutants, monthEnd));
            }
            catch (KeyNotFoundException missingRow)
            {
                // A rate, rule or equivalent value the catalogue lacks for the month: a named missing input, as elsewhere.
                missing.Add($"Outlet '{group.Key.OutletId}', {group.Key.Period:yyyy-MM}: its tax is unknown. {missingRow.Message}");
            }
        }

        ReferenceValue rate = Rate(asOf);
        assumptions.Add(string.Create(CultureInfo.InvariantCulture, $"Environmental-protection tax at {rate.GetValue()} yuan per pollution equivalent, marked {rate.ConfidenceMark} ({rate.Source})."));
        assumptions.Add($"Particulate is taxed as {(_options.DefaultParticulate == ParticulateClass.Soot ? "烟尘 (soot, 2.18 kg)" : "一般性粉尘 (general dust, 4 kg)")} unless an outlet says otherwise; the law does not define the split.");
        assumptions.Add(string.Create(CultureInfo.InvariantCulture,
            $"Tax rounding '{_options.Name}': equivalents {(_options.EquivalentDecimals is { } d ? $"to {d} decimals" : "unrounded")}, each pollutant's tax {(_options.PollutantTaxDecimals is { } pd ? $"to {pd} decimals" : "unrounded")}, the outlet's monthly tax to {_options.TaxDecimals} decimals{(_options.RoundFullTaxBeforeReduction ? ", each full tax rounded before a reduction" : string.Empty)}; a monthly mean exactly 30 % or 50 % below the standard {(_options.BoundaryQualifies ? "earns" : "does not earn")} the reduction. Reductions are judged against the outlet's permit limit."));
        return new TaxAssessment(rate, results, assumptions, missing) { Year = inventory.Year, Rounding = _options.Name };
    }

    private ReferenceValue Rate(DateOnly asOf) => _catalogue.Get("tax.rate.ningxia.air", asOf);

    private string ParticulateName(string outletId) =>
        (_options.ParticulateByOutlet.TryGetValue(outletId, out ParticulateClass c) ? c : _options.DefaultParticulate) == ParticulateClass.Soot ? "soot" : "general_dust";

    private (double Share, string Reason) Share(ReductionBasis? basis, double below75, double below50, double share75, double share50)
    {
        if (basis is null)
        {
            return (1, "No measured monthly concentration: levied in full.");
        }

        double standard = basis.Standard.MilligramsPerCubicMeter;
        double mean = basis.MonthlyMean.MilligramsPerCubicMeter;
        double max = basis.MaxHourly.MilligramsPerCubicMeter;
        string numbers = string.Create(CultureInfo.InvariantCulture, $"monthly mean {mean:0.###} mg/m³, highest hour {max:0.###} mg/m³, standard {standard:0.###} mg/m³");
        if (max > standard)
        {
            return (1, $"An hourly value exceeds the standard ({numbers}): no reduction (Implementing Regulations Art. 10).");
        }

        double below = (standard - mean) / standard;
        bool Meets(double threshold) => _options.BoundaryQualifies ? below >= threshold : below > threshold;
        string percent = string.Create(CultureInfo.InvariantCulture, $"{below * 100:0.##} % below the standard");
        return Meets(below50) ? (share50, $"{percent} ({numbers}): levied at {share50 * 100} % (Art. 13).")
            : Meets(below75) ? (share75, $"{percent} ({numbers}): levied at {share75 * 100} % (Art. 13).")
            : (1, $"{percent} ({numbers}): no reduction.");
    }

    /// <summary>The monthly mean and maximum of valid hourly values on each outlet's permit basis.</summary>
    private static Dictionary<(string, Pollutant, int), ReductionBasis> MonthlyConcentrations(ClusterDataset data, int year)
    {
        var result = new Dictionary<(string, Pollutant, int), ReductionBasis>();
        if (CemsHours.Of(data) is not { } hours)
        {
            return result;
        }

        IReadOnlyList<CemsRun> runs = hours.Runs(year);
        foreach (Pollutant pollutant in EmissionInventoryCalculator.Pollutants)
        {
            var limits = data.Outlets.Where(o => o.Pollutant == pollutant && o.LimitValue is not null)
                .GroupBy(o => o.OutletId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().ToEmissionLimit()!, StringComparer.Ordinal);
            if (limits.Count == 0)
            {
                continue;
            }

            // A run is an outlet's whole month (its stretches added by the source); the month's mean and highest hour
            // are over it.
            var months = new Dictionary<(string Outlet, int Month), (double Sum, double Max, int Count, MassConcentration Standard)>();
            foreach (CemsRun run in runs)
            {
                if (!limits.TryGetValue(run.OutletId, out Concentrations.EmissionLimit? limit) || limit.Value is not { } standard)
                {
                    continue;
                }

                double reference = limit.Basis.ReferenceOxygen?.Percent ?? double.NaN;
                (double sum, double max, int n) = hours.Reference(run, pollutant, reference);
                if (n > 0)
                {
                    months[(run.OutletId, run.Month)] = months.TryGetValue((run.OutletId, run.Month), out var before)
                        ? (before.Sum + sum, Math.Max(before.Max, max), before.Count + n, standard)
                        : (sum, max, n, standard);
                }
            }

            foreach (((string outlet, int month), (double sum, double max, int n, MassConcentration standard)) in months)
            {
                result[(outlet, pollutant, month)] = new ReductionBasis(
                    MassConcentration.FromMilligramsPerCubicMeter(sum / n), MassConcentration.FromMilligramsPerCubicMeter(max), standard);
            }
        }

        return result;
    }
}
