using System.Globalization;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using Shapotou.Sdk.Units;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Carbon;

/// <summary>Which published electricity CO₂ factor (MEE/NBS 电力二氧化碳排放因子) purchased electricity takes.</summary>
public enum GridFactorScope
{
    /// <summary>全国电力平均 (<c>carbon.grid_factor.national</c>).</summary>
    National,

    /// <summary>西北 regional grid (<c>carbon.grid_factor.northwest</c>).</summary>
    Northwest,

    /// <summary>宁夏 provincial (<c>carbon.grid_factor.ningxia</c>), the default.</summary>
    Ningxia,
}

/// <summary>The combustion parameters of a fuel: net calorific value, carbon per heat and oxidation.</summary>
/// <param name="NetCalorificValue">Net calorific value (低位发热量) in GJ per ledger unit of the fuel: per tonne, or per
/// m³ for natural gas. A plain number because its unit follows the ledger column it is given for.</param>
/// <param name="CarbonContent">Carbon content per unit of heat (单位热值含碳量), in tC/GJ, as the NDRC accounting
/// guidelines tabulate it. No UnitsNet quantity is carbon per heat.</param>
/// <param name="Oxidation">Oxidation rate (碳氧化率).</param>
/// <param name="Source">Where the three come from.</param>
/// <remarks>This type is immutable and thread-safe. Each value is checked when it is set.</remarks>
public sealed record CombustionParameters(double NetCalorificValue, double CarbonContent, Ratio Oxidation, string Source)
{
    private readonly double _netCalorificValue = Positive(NetCalorificValue, nameof(NetCalorificValue));
    private readonly double _carbonContent = Positive(CarbonContent, nameof(CarbonContent));
    private readonly Ratio _oxidation = Share(Oxidation, nameof(Oxidation));
    private readonly string _source = Source ?? throw new ArgumentNullException(nameof(Source));

    /// <summary>Gets the net calorific value, GJ per ledger unit of the fuel.</summary>
    /// <exception cref="ArgumentOutOfRangeException">On init: not finite and positive.</exception>
    public double NetCalorificValue { get => _netCalorificValue; init => _netCalorificValue = Positive(value, nameof(NetCalorificValue)); }

    /// <summary>Gets the carbon content per unit of heat, tC/GJ.</summary>
    /// <exception cref="ArgumentOutOfRangeException">On init: not finite and positive.</exception>
    public double CarbonContent { get => _carbonContent; init => _carbonContent = Positive(value, nameof(CarbonContent)); }

    /// <summary>Gets the oxidation rate.</summary>
    /// <exception cref="ArgumentOutOfRangeException">On init: not above 0 and at most 100 %.</exception>
    public Ratio Oxidation { get => _oxidation; init => _oxidation = Share(value, nameof(Oxidation)); }

    /// <summary>Gets where the three come from.</summary>
    /// <exception cref="ArgumentNullException">On init: <see langword="null"/>.</exception>
    public string Source { get => _source; init => _source = value ?? throw new ArgumentNullException(nameof(Source)); }

    private static double Positive(double value, string name) => double.IsFinite(value) && value > 0
        ? value
        : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number above 0.");

    private static Ratio Share(Ratio value, string name) => value.DecimalFractions is > 0 and <= 1
        ? value
        : throw new ArgumentOutOfRangeException(name, value, "The oxidation rate must be above 0 and at most 100 %.");
}

/// <summary>The caller's choices and inputs of the CO₂ accounting; the references lack most ferroalloy values.</summary>
/// <remarks>This type is immutable and thread-safe. Each property is checked when it is set.</remarks>
public sealed record CarbonOptions
{
    private readonly GridFactorScope _grid = GridFactorScope.Ningxia;
    private readonly IReadOnlyDictionary<string, CombustionParameters> _combustion = new Dictionary<string, CombustionParameters>(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, CarbonIntensity> _processFactors = new Dictionary<string, CarbonIntensity>(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, CarbonIntensity> _productCarbon = new Dictionary<string, CarbonIntensity>(StringComparer.Ordinal);
    private readonly OutputValueCarbonIntensity? _cityAverageIntensity;

    /// <summary>Gets the electricity factor's scope.</summary>
    /// <value>The default value is <see cref="GridFactorScope.Ningxia"/> (<c>carbon.grid_factor.ningxia</c>).</value>
    /// <exception cref="ArgumentOutOfRangeException">On init: not a member of <see cref="GridFactorScope"/>.</exception>
    public GridFactorScope Grid
    {
        get => _grid;
        init => _grid = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Grid), value, "The grid must be National, Northwest or Ningxia.");
    }

    /// <summary>Gets combustion parameters per ledger column (<c>coal</c>, <c>natural_gas</c>, <c>diesel</c>, …) that replace the catalogue defaults.</summary>
    /// <value>The default value is empty: coal takes the catalogue's bituminous-coal rows (S), gas its full-oxidation factor, diesel is missing.</value>
    /// <exception cref="ArgumentNullException">On init: the dictionary or one of its values is <see langword="null"/>.</exception>
    public IReadOnlyDictionary<string, CombustionParameters> Combustion
    {
        get => _combustion;
        init => _combustion = value is null || value.Values.Any(v => v is null)
            ? throw new ArgumentNullException(nameof(Combustion), "Combustion must not be null or hold null.")
            : value;
    }

    /// <summary>Gets process factors per ledger column, CO₂ per tonne of the carrier charged, that replace the catalogue defaults.</summary>
    /// <value>The default value is empty: the catalogue's <c>carbon.process.*</c> rows (S).</value>
    /// <exception cref="ArgumentNullException">On init: <see langword="null"/>.</exception>
    public IReadOnlyDictionary<string, CarbonIntensity> ProcessFactors
    {
        get => _processFactors;
        init => _processFactors = value ?? throw new ArgumentNullException(nameof(ProcessFactors));
    }

    /// <summary>
    /// Gets the CO₂ equivalent of the carbon leaving in each product, per tonne of product (e.g. <c>FeSi75</c>), subtracted
    /// from process CO₂.
    /// </summary>
    /// <value>The default value is empty: the catalogue's ferrosilicon value (0.007 tCO₂/t, S) is to be used only once confirmed.</value>
    /// <exception cref="ArgumentNullException">On init: <see langword="null"/>.</exception>
    public IReadOnlyDictionary<string, CarbonIntensity> ProductCarbon
    {
        get => _productCarbon;
        init => _productCarbon = value ?? throw new ArgumentNullException(nameof(ProductCarbon));
    }

    /// <summary>Gets the city's average CO₂ per output value for the township early warning.</summary>
    /// <value>The default value is <see langword="null"/>: the references lack it, and the warning is not judged.</value>
    /// <exception cref="ArgumentOutOfRangeException">On init: not above zero.</exception>
    public OutputValueCarbonIntensity? CityAverageIntensity
    {
        get => _cityAverageIntensity;
        init => _cityAverageIntensity = value is null || value.Value > OutputValueCarbonIntensity.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(CityAverageIntensity), value, "The city's average intensity must be above zero.");
    }
}

/// <summary>One enterprise's CO₂ in a year, by source, and its intensities.</summary>
/// <param name="EnterpriseId">The enterprise.</param>
/// <param name="Township">Its township.</param>
/// <param name="Year">The year.</param>
/// <param name="Combustion">CO₂ of fuel combustion, in tonnes; <see langword="null"/> when an input is missing.</param>
/// <param name="Process">CO₂ of reductants and electrodes less carbon in products, in tonnes; <see langword="null"/> when missing.</param>
/// <param name="Electricity">CO₂ of net purchased electricity × the grid factor, in tonnes; <see langword="null"/> when a purchase is unknown.</param>
/// <param name="Total">The sum, in tonnes, or <see langword="null"/> when a part is unknown.</param>
/// <param name="Output">Physical output, in tonnes.</param>
/// <param name="PerTonne">Total ÷ output, in tCO₂/t; <see langword="null"/> when either is unknown or the output is 0.</param>
/// <param name="PerOutputValue">Total ÷ the enterprise's output value, in tCO₂ per 10⁴ yuan; <see langword="null"/> when either is unknown or the output value is 0.</param>
public sealed record EnterpriseCarbon(string EnterpriseId, string Township, int Year, Mass? Combustion, Mass? Process, Mass? Electricity, Mass? Total, Mass Output, CarbonIntensity? PerTonne, OutputValueCarbonIntensity? PerOutputValue);

/// <summary>One township's CO₂ intensity against the city average (P10's early warning).</summary>
/// <param name="Township">The township.</param>
/// <param name="Year">The year.</param>
/// <param name="Total">Its enterprises' CO₂, in tonnes, or <see langword="null"/> when any is unknown.</param>
/// <param name="OutputValueTenThousandYuan">Its enterprises' output value, in 10⁴ yuan, or <see langword="null"/> when any is unknown.</param>
/// <param name="PerOutputValue">The intensity, in tCO₂ per 10⁴ yuan, or <see langword="null"/>.</param>
/// <param name="AboveCityAverage">Whether the intensity exceeds the city average; <see langword="null"/> when either is unknown.</param>
public sealed record TownshipCarbon(string Township, int Year, Mass? Total, decimal? OutputValueTenThousandYuan, OutputValueCarbonIntensity? PerOutputValue, bool? AboveCityAverage);

/// <summary>A year's CO₂ accounting.</summary>
/// <param name="Year">The year.</param>
/// <param name="GridFactor">The electricity factor row used, with its data year and mark; <see langword="null"/> when the
/// catalogue has none for the year or an earlier one (electricity CO₂ is then unknown and <paramref name="Missing"/> says so).</param>
/// <param name="Enterprises">Per enterprise, ordered by id.</param>
/// <param name="Townships">Per township, ordered by name.</param>
/// <param name="Assumptions">Every default used with its mark, and every fallback, in words.</param>
/// <param name="Missing">Every input that was missing, by name.</param>
public sealed record CarbonAssessment(int Year, ReferenceValue? GridFactor, IReadOnlyList<EnterpriseCarbon> Enterprises, IReadOnlyList<TownshipCarbon> Townships, IReadOnlyList<string> Assumptions, IReadOnlyList<string> Missing);

/// <summary>
/// CO₂ of the cluster (P10): combustion (fuel × NCV × carbon per heat × oxidation × 44/12), process (reductants and
/// electrodes × process factor, less carbon leaving in products) and purchased electricity (net of exports × the dated
/// grid factor); intensities per tonne and per 10⁴ yuan; township intensity against the city average.
/// </summary>
/// <remarks>
/// <para>Which carriers are process inputs: the solid carriers (<c>coke</c>, <c>semi_coke</c>, <c>coal</c>,
/// <c>electrode_paste</c>) of submerged-arc and carbide furnaces, which use them as reductants and electrodes; every
/// other use is combustion. 44/12 is the CO₂/C ratio of the NDRC accounting guidelines.</para>
/// <para>Defaults come from the catalogue and are all marked S (attribution to a guideline uncertain): each one used is
/// stated in <see cref="CarbonAssessment.Assumptions"/> with its mark. Raw coal burned is taken as bituminous coal and
/// raw coal charged as a reductant as anthracite, both said so. Values the catalogue lacks (diesel, product carbon) are
/// inputs; without them the part they touch is <see langword="null"/> and listed.</para>
/// <para>Grid factor: the row whose data year covers the period; for a later year the latest published data year is
/// used and said so (the 2024 factor is not yet published; load newer rows with
/// <see cref="ReferenceCatalogue.WithUserValues"/>).</para>
/// </remarks>
public sealed class CarbonCalculator
{
    /// <summary>The CO₂/C mass ratio of the accounting guidelines.</summary>
    public const double CarbonDioxidePerCarbon = 44.0 / 12.0;

    private static readonly Dictionary<string, string> s_processKeys = new(StringComparer.Ordinal)
    {
        ["coke"] = "carbon.process.coke",
        ["semi_coke"] = "carbon.process.semi_coke",
        ["coal"] = "carbon.process.anthracite",
        ["electrode_paste"] = "carbon.process.electrode",
    };

    private readonly ReferenceCatalogue _catalogue;
    private readonly CarbonOptions _options;

    /// <summary>Initializes a calculator.</summary>
    /// <param name="catalogue">The catalogue.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    public CarbonCalculator(ReferenceCatalogue catalogue, CarbonOptions? options = null)
    {
        _catalogue = catalogue ?? throw new ArgumentNullException(nameof(catalogue));
        _options = options ?? new CarbonOptions();
    }

    /// <summary>Gets the grid factor for a period: the row in force on its date, else the latest earlier data year.</summary>
    /// <param name="scope">The scope.</param>
    /// <param name="date">A date in the period.</param>
    /// <param name="fallback">Whether an earlier data year was used.</param>
    /// <returns>The row.</returns>
    /// <exception cref="KeyNotFoundException">The catalogue has no row of the scope on or before the date.</exception>
    public ReferenceValue GridFactor(GridFactorScope scope, DateOnly date, out bool fallback) =>
        TryGridFactor(scope, date, out fallback)
        ?? throw new KeyNotFoundException($"The catalogue has no '{GridKey(scope)}' row for a data year on or before {date:yyyy-MM-dd}.");

    private static string GridKey(GridFactorScope scope) => scope switch
    {
        GridFactorScope.National => "carbon.grid_factor.national",
        GridFactorScope.Northwest => "carbon.grid_factor.northwest",
        _ => "carbon.grid_factor.ningxia",
    };

    /// <summary>The grid factor in force on <paramref name="date"/>, else the latest earlier one, else <see langword="null"/>.</summary>
    private ReferenceValue? TryGridFactor(GridFactorScope scope, DateOnly date, out bool fallback)
    {
        string key = GridKey(scope);
        if (_catalogue.TryGet(key, date, out ReferenceValue? inForce))
        {
            fallback = false;
            return inForce;
        }

        fallback = true;
        return _catalogue.Values
            .Where(v => v.Key == key && v.ValidFrom is { } from && from <= date)
            .MaxBy(v => v.ValidFrom);
    }

    /// <summary>Accounts a year.</summary>
    /// <param name="data">The dataset.</param>
    /// <param name="year">The year.</param>
    /// <param name="asOf">The date whose catalogue rows apply to the non-dated defaults.</param>
    /// <returns>The assessment.</returns>
    public CarbonAssessment Compute(ClusterDataset data, int year, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(data);
        var assumptions = new List<string>();
        var missing = new List<string>();
        var yearEnd = new DateOnly(year, 12, 31);
        ReferenceValue? grid = TryGridFactor(_options.Grid, yearEnd, out bool fallback);
        double gridFactor = grid?.GetValue() ?? double.NaN;
        if (grid is null)
        {
            missing.Add(string.Create(CultureInfo.InvariantCulture,
                $"No '{GridKey(_options.Grid)}' row for a data year on or before {year} in the catalogue: electricity CO₂ of {year} is unknown until the caller loads one (--catalogue)."));
        }
        else
        {
            assumptions.Add(string.Create(CultureInfo.InvariantCulture,
                $"Purchased electricity (net of exports) × {grid.GetValue()} tCO₂/MWh, {grid.Key} of data year {grid.ValidFrom?.Year.ToString(CultureInfo.InvariantCulture) ?? "unknown"}, marked {grid.ConfidenceMark}{(fallback ? $": no factor of data year {year} is published, the latest earlier one is used" : string.Empty)} ({grid.Source})."));
        }

        var facilities = data.Facilities.ToDictionary(f => f.FacilityId, StringComparer.Ordinal);
        var byEnterprise = new Dictionary<string, (double Combustion, bool CombustionKnown, double Process, bool ProcessKnown, double? Electricity, double Output)>(StringComparer.Ordinal);
        foreach (EnergyLedgerEntry row in data.EnergyLedger.Where(r => r.Period.Year == year))
        {
            if (!facilities.TryGetValue(row.FacilityId, out Facility? facility))
            {
                continue;
            }

            bool furnace = facility.Kind is FacilityKind.SubmergedArcFurnace or FacilityKind.CarbideFurnace;
            (double c, bool ck, double p, bool pk, double? e, double o) = byEnterprise.GetValueOrDefault(facility.EnterpriseId, (0, true, 0, true, 0, 0));
            double net = ((row.ElectricityPurchased?.KilowattHours ?? double.NaN) - (row.ElectricityExported?.KilowattHours ?? double.NaN)) / 1000 * gridFactor;
            if (double.IsNaN(net) && grid is not null)
            {
                string column = row.ElectricityPurchased is null ? "electricity_purchased" : "electricity_exported";
                missing.Add($"energy_ledger of facility '{row.FacilityId}', {row.Period:yyyy-MM}: {column} is null; its electricity CO₂ is unknown.");
            }

            foreach ((string column, double? amount) in Carriers(row))
            {
                if (amount is null)
                {
                    missing.Add($"energy_ledger of facility '{row.FacilityId}', {row.Period:yyyy-MM}: '{column}' is null.");
                    if (furnace && column is not ("natural_gas" or "diesel"))
                    {
                        pk = false;
                    }
                    else
                    {
                        ck = false;
                    }

                    continue;
                }

                if (amount.Value == 0)
                {
                    continue;
                }

                if (furnace && column is not ("natural_gas" or "diesel"))
                {
                    double? factor = ProcessFactor(column, asOf, assumptions, missing);
                    (p, pk) = factor is { } f ? (p + (amount.Value * f), pk) : (p, false);
                }
                else
                {
                    double? perUnit = CombustionFactor(column, asOf, assumptions, missing);
                    (c, ck) = perUnit is { } f ? (c + (amount.Value * f), ck) : (c, false);
                }
            }

            if (furnace && _options.ProductCarbon.TryGetValue(row.Product, out CarbonIntensity productIntensity))
            {
                double productCarbon = productIntensity.TonnesOfCarbonDioxidePerTonne;
                p -= row.Output.Tonnes * productCarbon;
                assumptions.Add(string.Create(CultureInfo.InvariantCulture, $"Carbon leaving in {row.Product}: {productCarbon} tCO₂/t (the caller's value)."));
            }

            byEnterprise[facility.EnterpriseId] = (c, ck, p, pk, double.IsNaN(net) ? null : e + net, o + row.Output.Tonnes);
        }

        if (data.Facilities.Any(f => f.Kind == FacilityKind.CementKiln) && !_options.ProcessFactors.ContainsKey("clinker"))
        {
            missing.Add("Process CO₂ of clinker (carbonate calcination) is not counted: the references hold no cement default (the NDRC cement guideline's defaults were not read); cement totals cover fuel and electricity only.");
        }

        if (_options.ProductCarbon.Count == 0)
        {
            assumptions.Add("Carbon leaving in products is not subtracted from process CO₂: the references' ferrosilicon value (0.007 tCO₂/t, S) is to be used only once confirmed; pass it in CarbonOptions.ProductCarbon.");
        }

        var enterprises = new List<EnterpriseCarbon>();
        foreach (Enterprise enterprise in data.Enterprises.OrderBy(e => e.EnterpriseId, StringComparer.Ordinal))
        {
            if (!byEnterprise.TryGetValue(enterprise.EnterpriseId, out var t))
            {
                continue;
            }

            double? combustion = t.CombustionKnown ? t.Combustion : null;
            double? process = t.ProcessKnown ? t.Process : null;
            double? total = combustion + process + t.Electricity;
            double? perTonne = t.Output > 0 ? total / t.Output : null;
            double? perOutputValue = enterprise.OutputValue10kYuan is > 0 ? total / enterprise.OutputValue10kYuan : null;
            enterprises.Add(new EnterpriseCarbon(
                enterprise.EnterpriseId, enterprise.Township, year, Tonnes(combustion), Tonnes(process), Tonnes(t.Electricity), Tonnes(total), Mass.FromTonnes(t.Output),
                perTonne is { } pt ? CarbonIntensity.FromTonnesOfCarbonDioxidePerTonne(pt) : null,
                perOutputValue is { } pv ? OutputValueCarbonIntensity.FromTonnesOfCarbonDioxidePerTenThousandYuan(pv) : null));
        }

        var townships = new List<TownshipCarbon>();
        foreach (IGrouping<string, Enterprise> township in data.Enterprises.GroupBy(e => e.Township).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            EnterpriseCarbon[] members = enterprises.Where(e => e.Township == township.Key).ToArray();
            // A township none of whose enterprises has a ledger row in the year has unknown CO₂, not 0 t.
            double? total = members.Length == 0 || members.Any(m => m.Total is null) ? null : members.Sum(m => m.Total!.Value.Tonnes);
            if (members.Length == 0)
            {
                missing.Add(string.Create(CultureInfo.InvariantCulture, $"Township '{township.Key}': no enterprise of it has energy_ledger rows in {year}; its CO₂ is unknown."));
            }

            double? value = township.Any(e => e.OutputValue10kYuan is null) ? null : township.Sum(e => e.OutputValue10kYuan!.Value);
            double? intensity = value is > 0 ? total / value : null;
            bool? above = intensity is { } i && _options.CityAverageIntensity is { } city ? i > city.TonnesOfCarbonDioxidePerTenThousandYuan : null;
            townships.Add(new TownshipCarbon(
                township.Key,
                year,
                Tonnes(total),
                value is { } v ? (decimal)v : null,
                intensity is { } known ? OutputValueCarbonIntensity.FromTonnesOfCarbonDioxidePerTenThousandYuan(known) : null,
                above));
        }

        if (_options.CityAverageIntensity is null)
        {
            assumptions.Add("The city's average CO₂ intensity is not in the references: the township early warning is not judged until the caller gives it.");
        }

        return new CarbonAssessment(year, grid, enterprises, townships, assumptions.Distinct().ToArray(), missing.Distinct().ToArray());
    }

    private static Mass? Tonnes(double? tonnes) => tonnes is { } t ? Mass.FromTonnes(t) : null;

    private static IEnumerable<(string Column, double? Amount)> Carriers(EnergyLedgerEntry row) =>
    [
        ("coke", row.Coke?.Tonnes),
        ("semi_coke", row.SemiCoke?.Tonnes),
        ("coal", row.Coal?.Tonnes),
        ("electrode_paste", row.ElectrodePaste?.Tonnes),
        ("natural_gas", row.NaturalGas?.CubicMeters),
        ("diesel", row.Diesel?.Tonnes),
    ];

    private double? ProcessFactor(string column, DateOnly asOf, List<string> assumptions, List<string> missing)
    {
        if (_options.ProcessFactors.TryGetValue(column, out CarbonIntensity given))
        {
            return given.TonnesOfCarbonDioxidePerTonne;
        }

        if (s_processKeys.TryGetValue(column, out string? key) && _catalogue.TryGet(key, asOf, out ReferenceValue? row))
        {
            string taken = column switch
            {
                "coal" => " (raw coal charged as a reductant is taken as anthracite)",
                "electrode_paste" => " (electrode paste is taken as electrode carbon: the references give no factor of paste, whose pitch binder carries less carbon; pass CarbonOptions.ProcessFactors[\"electrode_paste\"] to replace it)",
                _ => string.Empty,
            };
            assumptions.Add(string.Create(CultureInfo.InvariantCulture, $"Process CO₂ of {column}{taken}: {row.GetValue()} tCO₂/t, {key}, marked {row.ConfidenceMark} ({row.Source})."));
            return row.GetValue();
        }

        missing.Add($"No process CO₂ factor for '{column}' used as a reductant (the references lack it); pass CarbonOptions.ProcessFactors[\"{column}\"].");
        return null;
    }

    /// <summary>tCO₂ per ledger unit of a fuel burned.</summary>
    private double? CombustionFactor(string column, DateOnly asOf, List<string> assumptions, List<string> missing)
    {
        if (_options.Combustion.TryGetValue(column, out CombustionParameters? given))
        {
            return given.NetCalorificValue * given.CarbonContent * given.Oxidation.Percent / 100 * CarbonDioxidePerCarbon;
        }

        switch (column)
        {
            case "coal":
                double ncv = _catalogue.Get("carbon.fuel.bituminous_coal.ncv", asOf).GetValue();
                double carbon = _catalogue.Get("carbon.fuel.bituminous_coal.carbon_content", asOf).GetValue();
                double oxidation = _catalogue.Get("carbon.fuel.bituminous_coal.oxidation", asOf).GetValue();
                assumptions.Add(string.Create(CultureInfo.InvariantCulture, $"Raw coal burned is taken as bituminous coal: NCV {ncv} GJ/t, {carbon} tC/GJ, oxidation {oxidation} %, all marked S (carbon.fuel.bituminous_coal.*)."));
                return ncv * carbon * oxidation / 100 * CarbonDioxidePerCarbon;
            case "natural_gas":
                ReferenceValue gas = _catalogue.Get("carbon.process.natural_gas", asOf);
                assumptions.Add(string.Create(CultureInfo.InvariantCulture, $"Natural gas burned: {gas.GetValue()} tCO₂ per 10⁴ m³, the catalogue's full-oxidation factor for gas ({gas.Key}, marked {gas.ConfidenceMark}); the references give no NCV and carbon content for gas."));
                return gas.GetValue() / 10_000;
            default:
                missing.Add($"No combustion parameters for '{column}' (the references lack them); pass CarbonOptions.Combustion[\"{column}\"].");
                return null;
        }
    }
}
