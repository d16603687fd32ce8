using System.Globalization;
using Shapotou.Sdk.Analytics.Tax;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Analytics.Sql;

/// <content>The inventory per month and the environmental-protection tax on it, as <see cref="EnvironmentalTaxCalculator.ForInventory"/>.</content>
public static partial class SqlCalculators
{
    /// <summary>The catalogue rows the tax reads, by the name the view gives them.</summary>
    private static readonly (string Name, string Key)[] s_taxRules =
    [
        ("rate", "tax.rate.ningxia.air"),
        ("top", "tax.top_pollutants_per_outlet.air"),
        ("below_75", "tax.reduction.concentration_below_standard_75pct_rate"),
        ("below_50", "tax.reduction.concentration_below_standard_50pct_rate"),
        ("share_75", "tax.reduction.rate_75"),
        ("share_50", "tax.reduction.rate_50"),
    ];

    /// <summary>The tax names of the inventory's pollutants (particulate as soot or general dust, per outlet).</summary>
    private static readonly string[] s_taxPollutants = ["soot", "general_dust", "so2", "nox"];

    /// <summary>Per outlet, year and pollutant, the outlets of the facilities behind it that are measured: a facility
    /// with a measured outlet and another estimated cannot split its estimate (<c>EmissionInventoryCalculator</c>).</summary>
    private const string SiblingsMeasured = """
        SELECT a.outlet_id, im.year, a.pollutant, SUM(CASE WHEN im.method = 'measured' THEN 1 ELSE 0 END) AS measured_outlets
          FROM inventory_outlet_facilities a
          JOIN inventory_outlet_facilities b ON b.facility_id = a.facility_id AND b.pollutant = a.pollutant
          JOIN inventory_method im ON im.outlet_id = b.outlet_id AND im.pollutant = b.pollutant
          GROUP BY a.outlet_id, im.year, a.pollutant
        """;

    /// <summary>The inventory per outlet, year, month and pollutant (<c>EmissionInventory.Rows</c>): a measured outlet's
    /// months with CEMS rows, an estimated outlet's ledger months (NULL in a month with a NULL estimate), and one row in
    /// January with a NULL mass where the emission is unknown for the whole year.</summary>
    private static string InventoryMonths(IReadOnlySet<string>? columns)
    {
        string measured = columns is null
            ? "SELECT outlet_id, year, 0 AS month, pollutant, CAST(NULL AS DOUBLE) AS mass_t FROM inventory_method WHERE 1 = 0"
            : string.Join("\n  UNION ALL\n", s_pollutants.Select(p => $"""
                SELECT outlet_id, EXTRACT(YEAR FROM hour) AS year, EXTRACT(MONTH FROM hour) AS month, '{p.Pollutant}' AS pollutant,
                    SUM(CASE WHEN {Flag(columns, p.Column)} = 'N' AND {Flag(columns, "flow")} = 'N' AND {p.Column} IS NOT NULL AND flow IS NOT NULL
                      THEN CAST({p.Column} AS DOUBLE) * CAST(flow AS DOUBLE) ELSE 0E0 END) * 1E-9 AS mass_t
                  FROM cems_hourly
                  GROUP BY outlet_id, EXTRACT(YEAR FROM hour), EXTRACT(MONTH FROM hour)
                """));
        return $"""
            WITH measured_months AS (
              {measured}
            ),
            factor_months AS (
              SELECT o.outlet_id, fr.year, fr.month, o.pollutant,
                CASE WHEN COUNT(*) = COUNT(fr.tonnes) THEN SUM(fr.tonnes / CAST(c.outlets AS DOUBLE)) END AS mass_t
              FROM inventory_outlet_facilities o
              JOIN (SELECT facility_id, pollutant, COUNT(DISTINCT outlet_id) AS outlets FROM inventory_outlet_facilities GROUP BY facility_id, pollutant) c
                ON c.facility_id = o.facility_id AND c.pollutant = o.pollutant
              JOIN inventory_factor_rows fr ON fr.facility_id = o.facility_id AND fr.pollutant = o.pollutant
              GROUP BY o.outlet_id, fr.year, fr.month, o.pollutant
            ),
            siblings AS (
              {SiblingsMeasured}
            ),
            estimable AS (
              SELECT m.outlet_id, m.year, m.pollutant,
                CASE WHEN COALESCE(s.measured_outlets, 0) = 0 AND x.outlet_id IS NOT NULL THEN 1 ELSE 0 END AS monthly
              FROM inventory_method m
              LEFT JOIN siblings s ON s.outlet_id = m.outlet_id AND s.year = m.year AND s.pollutant = m.pollutant
              LEFT JOIN (SELECT DISTINCT outlet_id, year, pollutant FROM factor_months) x
                ON x.outlet_id = m.outlet_id AND x.year = m.year AND x.pollutant = m.pollutant
              WHERE m.method = 'factor'
            )
            SELECT m.outlet_id, m.year, mm.month, m.pollutant, m.method, mm.mass_t
            FROM inventory_method m
            JOIN measured_months mm ON mm.outlet_id = m.outlet_id AND mm.year = m.year AND mm.pollutant = m.pollutant
            WHERE m.method = 'measured'
            UNION ALL
            SELECT m.outlet_id, m.year, fm.month, m.pollutant, m.method, fm.mass_t
            FROM inventory_method m
            JOIN estimable e ON e.outlet_id = m.outlet_id AND e.year = m.year AND e.pollutant = m.pollutant AND e.monthly = 1
            JOIN factor_months fm ON fm.outlet_id = m.outlet_id AND fm.year = m.year AND fm.pollutant = m.pollutant
            UNION ALL
            SELECT m.outlet_id, m.year, 1 AS month, m.pollutant, m.method, CAST(NULL AS DOUBLE) AS mass_t
            FROM inventory_method m
            LEFT JOIN estimable e ON e.outlet_id = m.outlet_id AND e.year = m.year AND e.pollutant = m.pollutant
            WHERE m.method IS NULL OR e.monthly = 0
            """;
    }

    /// <summary>Per outlet with a <c>limit_value</c>, month and pollutant: the mean and the highest of the valid hourly
    /// values on the limit's basis (the value's own flag <c>N</c>, else the row's; the flow's does not apply), and how
    /// many there are (Implementing Regulations Art. 10).</summary>
    private static string TaxConcentrations(IReadOnlySet<string> columns)
    {
        IEnumerable<string> parts = s_pollutants.Select(p => $"""
            SELECT h.outlet_id, EXTRACT(YEAR FROM h.hour) AS year, EXTRACT(MONTH FROM h.hour) AS month, '{p.Pollutant}' AS pollutant, o.limit_value,
                CASE WHEN o.reference_o2 IS NULL THEN CAST(h.{p.Column} AS DOUBLE)
                     WHEN CAST(h.o2 AS DOUBLE) <> 2.1E1 THEN CAST(h.{p.Column} AS DOUBLE) * (2.1E1 - o.reference_o2) / (2.1E1 - CAST(h.o2 AS DOUBLE)) END AS at_basis
              FROM cems_hourly h
              JOIN (SELECT outlet_id, MIN(CAST(limit_value AS DOUBLE)) AS limit_value, MIN(CAST(reference_o2 AS DOUBLE)) AS reference_o2
                    FROM outlets WHERE pollutant = '{p.Pollutant}' AND limit_value IS NOT NULL GROUP BY outlet_id) o ON o.outlet_id = h.outlet_id
              WHERE {Flag(columns, p.Column, "h.")} = 'N' AND h.{p.Column} IS NOT NULL
            """);
        return $"""
            SELECT outlet_id, year, month, pollutant, limit_value AS standard_mg_per_m3,
              SUM(at_basis) / CAST(COUNT(at_basis) AS DOUBLE) AS monthly_mean_mg_per_m3,
              MAX(at_basis) AS max_hourly_mg_per_m3,
              CAST(COUNT(at_basis) AS BIGINT) AS valid_hours
            FROM (
            {string.Join("\nUNION ALL\n", parts)}
            ) hours
            WHERE at_basis IS NOT NULL
            GROUP BY outlet_id, year, month, pollutant, limit_value
            """;
    }

    /// <summary>The catalogue rows of the tax as month ranges: <c>ym</c> = year × 12 + month − 1 from <c>from_ym</c> to
    /// <c>to_ym</c>, each range the row <see cref="ReferenceCatalogue.Get"/> returns on its months' last days (the SDK
    /// taxes a month with the rows in force on its last day), so a month no row covers has no value.</summary>
    private static string TaxCatalogue(ReferenceCatalogue catalogue)
    {
        const int First = 1 * 12;
        const int Last = (9999 * 12) + 11;
        static DateOnly MonthEnd(int ym) => new(ym / 12, (ym % 12) + 1, DateTime.DaysInMonth(ym / 12, (ym % 12) + 1));
        static int MonthOf(DateOnly date) => (date.Year * 12) + date.Month - 1;

        var rows = new List<string>();
        IEnumerable<(string Name, string Key)> keys = s_taxRules.Concat(s_taxPollutants.Select(p => ("equivalent_value." + p, "tax.equivalent_value." + p)));
        foreach ((string name, string key) in keys)
        {
            // The months where the set of rows in force changes: a row applies to a month whose last day it covers.
            var bounds = new SortedSet<int> { First, Last + 1 };
            foreach (ReferenceValue row in catalogue.Values.Where(v => v.Key == key))
            {
                if (row.ValidFrom is { } from)
                {
                    bounds.Add(MonthOf(from));
                }

                if (row.ValidTo is { } to)
                {
                    bounds.Add(to == MonthEnd(MonthOf(to)) ? MonthOf(to) + 1 : MonthOf(to));
                }
            }

            int[] edges = [.. bounds.Where(b => b is >= First and <= Last + 1)];
            for (int i = 0; i + 1 < edges.Length; i++)
            {
                if (!catalogue.TryGet(key, MonthEnd(edges[i]), out ReferenceValue? row) || row.Value is not { } value)
                {
                    continue;
                }

                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"  SELECT '{name}' AS name, {edges[i]} AS from_ym, {edges[i + 1] - 1} AS to_ym, {Literal(value)} AS value /* {key} [{row.ConfidenceMark}] {row.Source.Replace('\n', ' ').Replace("*/", "* /", StringComparison.Ordinal)} */"));
            }
        }

        return rows.Count > 0
            ? string.Join("\n  UNION ALL\n", rows)
            : "  SELECT 'rate' AS name, 0 AS from_ym, 0 AS to_ym, CAST(NULL AS DOUBLE) AS value FROM outlets WHERE 1 = 0";
    }

    /// <summary>The tax of each pollutant of each outlet-month whose tax is known (<see cref="PollutantTax"/>): emission ÷
    /// equivalent value, ranked by equivalents (then name), the top taxed at the rate, the levy share of Art. 13, with
    /// the options' rounding; money that is rounded is DECIMAL(18, decimals), in the one CTE <c>money</c>.</summary>
    private static string TaxPollutants(ReferenceCatalogue catalogue, TaxOptions options, bool cems)
    {
        // Without CEMS hours no outlet is measured, so none has a monthly concentration: an empty stand-in.
        string concentrations = cems
            ? "tax_concentrations"
            : "(SELECT '' AS outlet_id, 0 AS year, 0 AS month, '' AS pollutant, CAST(NULL AS DOUBLE) AS standard_mg_per_m3, CAST(NULL AS DOUBLE) AS monthly_mean_mg_per_m3, CAST(NULL AS DOUBLE) AS max_hourly_mg_per_m3 FROM outlets WHERE 1 = 0)";
        string particulate(ParticulateClass c) => c == ParticulateClass.Soot ? "soot" : "general_dust";
        string byOutlet = string.Concat(options.ParticulateByOutlet.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"WHEN '{p.Key.Replace("'", "''", StringComparison.Ordinal)}' THEN '{particulate(p.Value)}' "));
        string pm = byOutlet.Length > 0 ? $"CASE i.outlet_id {byOutlet}ELSE '{particulate(options.DefaultParticulate)}' END" : $"'{particulate(options.DefaultParticulate)}'";
        string equivalents = options.EquivalentDecimals is { } e ? RoundedEquivalents(e) : "r.emission_kg / r.equivalent_value_kg";
        string tax = PollutantTaxExpression(options);
        string meets = options.BoundaryQualifies ? ">=" : ">";
        return $"""
            WITH catalogue AS (
            {TaxCatalogue(catalogue)}
            ),
            months AS (
              SELECT i.outlet_id, i.year, i.month, i.year * 12 + i.month - 1 AS ym,
                CASE WHEN COUNT(*) = COUNT(i.mass_t) THEN 1 ELSE 0 END AS emissions_known
              FROM inventory_months i
              GROUP BY i.outlet_id, i.year, i.month
            ),
            rules AS (
              SELECT m.outlet_id, m.year, m.month, m.ym, m.emissions_known,
                MIN(CASE WHEN c.name = 'rate' THEN c.value END) AS rate,
                MIN(CASE WHEN c.name = 'top' THEN c.value END) AS top_n,
                MIN(CASE WHEN c.name = 'below_75' THEN c.value END) / 1E2 AS below_75,
                MIN(CASE WHEN c.name = 'below_50' THEN c.value END) / 1E2 AS below_50,
                MIN(CASE WHEN c.name = 'share_75' THEN c.value END) / 1E2 AS share_75,
                MIN(CASE WHEN c.name = 'share_50' THEN c.value END) / 1E2 AS share_50
              FROM months m
              LEFT JOIN catalogue c ON m.ym >= c.from_ym AND m.ym <= c.to_ym
              GROUP BY m.outlet_id, m.year, m.month, m.ym, m.emissions_known
            ),
            pollutant_rows AS (
              SELECT i.outlet_id, i.year, i.month, i.pollutant,
                CASE WHEN i.pollutant = 'pm' THEN {pm} ELSE i.pollutant END AS tax_pollutant,
                i.method, i.mass_t * 1E3 AS emission_kg, u.rate, u.top_n, u.below_75, u.below_50, u.share_75, u.share_50,
                CASE WHEN i.method = 'measured' THEN c.monthly_mean_mg_per_m3 END AS monthly_mean_mg_per_m3,
                CASE WHEN i.method = 'measured' THEN c.max_hourly_mg_per_m3 END AS max_hourly_mg_per_m3,
                CASE WHEN i.method = 'measured' THEN c.standard_mg_per_m3 END AS standard_mg_per_m3,
                u.ym, u.emissions_known
              FROM inventory_months i
              JOIN rules u ON u.outlet_id = i.outlet_id AND u.year = i.year AND u.month = i.month
              LEFT JOIN {concentrations} c ON c.outlet_id = i.outlet_id AND c.year = i.year AND c.month = i.month AND c.pollutant = i.pollutant
            ),
            valued AS (
              SELECT r.*, v.value AS equivalent_value_kg
              FROM pollutant_rows r
              LEFT JOIN catalogue v ON v.name = 'equivalent_value.' || r.tax_pollutant AND r.ym >= v.from_ym AND r.ym <= v.to_ym
            ),
            known_months AS (
              SELECT outlet_id, year, month
              FROM valued
              GROUP BY outlet_id, year, month
              HAVING MIN(emissions_known) = 1 AND COUNT(*) = COUNT(equivalent_value_kg) AND COUNT(*) = COUNT(rate) AND COUNT(*) = COUNT(top_n)
                AND COUNT(*) = COUNT(below_75) AND COUNT(*) = COUNT(below_50) AND COUNT(*) = COUNT(share_75) AND COUNT(*) = COUNT(share_50)
            ),
            ranked AS (
              SELECT r.outlet_id, r.year, r.month, r.pollutant, r.tax_pollutant, r.method, r.emission_kg, r.equivalent_value_kg,
                r.equivalents, r.rate, r.monthly_mean_mg_per_m3, r.max_hourly_mg_per_m3, r.standard_mg_per_m3,
                CAST(ROW_NUMBER() OVER (PARTITION BY r.outlet_id, r.year, r.month ORDER BY r.equivalents DESC, r.tax_pollutant) AS BIGINT) AS ranking,
                r.top_n, r.below_75, r.below_50, r.share_75, r.share_50
              FROM (
                SELECT r.*, {equivalents} AS equivalents
                FROM valued r
                JOIN known_months k ON k.outlet_id = r.outlet_id AND k.year = r.year AND k.month = r.month
              ) r
            ),
            shares AS (
              SELECT r.*,
                CASE WHEN CAST(r.ranking AS DOUBLE) > r.top_n THEN FALSE ELSE TRUE END AS taxed,
                CASE WHEN CAST(r.ranking AS DOUBLE) > r.top_n THEN 0E0
                     WHEN r.monthly_mean_mg_per_m3 IS NULL THEN 1E0
                     WHEN r.max_hourly_mg_per_m3 > r.standard_mg_per_m3 THEN 1E0
                     WHEN (r.standard_mg_per_m3 - r.monthly_mean_mg_per_m3) / r.standard_mg_per_m3 {meets} r.below_50 THEN r.share_50
                     WHEN (r.standard_mg_per_m3 - r.monthly_mean_mg_per_m3) / r.standard_mg_per_m3 {meets} r.below_75 THEN r.share_75
                     ELSE 1E0 END AS levy_share
              FROM ranked r
            ),
            money AS (
              -- Money: {MoneyComment(options)}
              SELECT t.*, {tax} AS tax_yuan
              FROM shares t
            )
            SELECT outlet_id, year, month, pollutant, tax_pollutant, method, emission_kg, equivalent_value_kg, equivalents, ranking, taxed,
              levy_share, monthly_mean_mg_per_m3, max_hourly_mg_per_m3, standard_mg_per_m3, tax_yuan
            FROM money
            """;
    }

    /// <summary>The equivalents kg ÷ value rounded to <paramref name="decimals"/> half away from zero as the SDK's decimal
    /// quotient is: n = ⌊kg ÷ value × 10^d⌋ in DOUBLE, then up to n + 1 when kg ≥ (n + ½) ÷ 10^d × value in DECIMAL, which
    /// decides a tie exactly (14.0283 kg of soot at 2.18 kg is 6.435 equivalents, 6.44; the DOUBLE quotient lies just
    /// below 6.435). Engines differ in decimal division (DuckDB's gives DOUBLE), so the test multiplies.</summary>
    private static string RoundedEquivalents(int decimals)
    {
        string scale = Literal(Math.Pow(10, decimals));
        string n = $"FLOOR(r.emission_kg / r.equivalent_value_kg * {scale})";
        return $"""
            CASE WHEN CAST(r.emission_kg AS DECIMAL(28,8)) >= CAST(({n} + 5E-1) / {scale} AS DECIMAL(18,{decimals + 1})) * CAST(r.equivalent_value_kg AS DECIMAL(18,8))
                         THEN ({n} + 1E0) / {scale} ELSE {n} / {scale} END
            """;
    }

    /// <summary>Whether money is computed in DECIMAL from the pollutant's equivalents on: when the equivalents are
    /// rounded, a full tax such as 1 234.56 × 1.2 × 0.5 often ends exactly half a fen, which only decimal arithmetic
    /// rounds as the SDK's decimal does (a DOUBLE near it may fall either side).</summary>
    private static bool DecimalMoney(TaxOptions options) => options.EquivalentDecimals is not null;

    /// <summary>The tax of a taxed pollutant in the CTE <c>money</c>, over the row <c>t</c> of <c>shares</c>.</summary>
    private static string PollutantTaxExpression(TaxOptions options)
    {
        if (DecimalMoney(options))
        {
            // The rate to 4 decimals (yuan per equivalent: 1.2 in Ningxia, 1.2-12 by law) and the share (1, 0.75, 0.5) are exact there.
            string full = $"CAST(t.equivalents AS DECIMAL(18,{options.EquivalentDecimals})) * CAST(t.rate AS DECIMAL(10,4))";
            if (options.RoundFullTaxBeforeReduction)
            {
                full = $"CAST(ROUND({full}, {options.TaxDecimals}) AS DECIMAL(18,{options.TaxDecimals}))";
            }

            string tax = $"{full} * CAST(t.levy_share AS DECIMAL(5,4))";
            return options.PollutantTaxDecimals is { } d ? $"CAST(ROUND({tax}, {d}) AS DECIMAL(18,{d}))" : tax;
        }

        string fullDouble = options.RoundFullTaxBeforeReduction ? $"ROUND(t.equivalents * t.rate, {options.TaxDecimals})" : "t.equivalents * t.rate";
        return options.PollutantTaxDecimals is { } pd
            ? $"CAST(ROUND({fullDouble} * t.levy_share, {pd}) AS DECIMAL(18,{pd}))"
            : $"{fullDouble} * t.levy_share";
    }

    private static string MoneyComment(TaxOptions options) => string.Create(CultureInfo.InvariantCulture,
        $"rounding '{options.Name}': equivalents {(options.EquivalentDecimals is { } e ? $"to {e} decimals" : "unrounded")}, each pollutant's tax {(options.PollutantTaxDecimals is { } d ? $"to {d} decimals as DECIMAL(18,{d})" : "unrounded")}{(DecimalMoney(options) ? " in DECIMAL from the rounded equivalents on" : string.Empty)}, the outlet's monthly tax to {options.TaxDecimals} decimals as DECIMAL(18,{options.TaxDecimals}){(options.RoundFullTaxBeforeReduction ? ", each full tax rounded before a reduction" : string.Empty)}; ROUND is half away from zero, as MidpointRounding.AwayFromZero");

    /// <summary>The tax of each outlet and month (<see cref="OutletMonthTax"/>): Σ of its pollutants' taxes (in DECIMAL
    /// where they are rounded, so the sum is exact) rounded to the fen as DECIMAL(18,2); NULL when an emission, a rate or
    /// an equivalent value is unknown.</summary>
    private static string TaxOutletMonths(TaxOptions options) => $"""
        SELECT m.outlet_id, m.year, m.month,
          CAST(ROUND(SUM({(DecimalMoney(options) || options.PollutantTaxDecimals is not null ? "p.tax_yuan" : "CAST(p.tax_yuan AS DOUBLE)")}), {options.TaxDecimals}) AS DECIMAL(18,{options.TaxDecimals})) AS tax_yuan,
          CASE WHEN COUNT(p.pollutant) = 0 THEN NULL
               WHEN SUM(CASE WHEN p.taxed AND p.levy_share < 1E0 THEN 1 ELSE 0 END) > 0 THEN TRUE ELSE FALSE END AS reduced
        FROM (SELECT DISTINCT outlet_id, year, month FROM inventory_months) m
        LEFT JOIN tax_pollutants p ON p.outlet_id = m.outlet_id AND p.year = m.year AND p.month = m.month
        GROUP BY m.outlet_id, m.year, m.month
        """;

    /// <summary>The tax of each outlet and year (<c>tax.outlets[]</c>): Σ of its known months' taxes, the known months and
    /// those with a reduction; an outlet none of whose months is known has no row, as in the SDK.</summary>
    private const string TaxOutlets = """
        SELECT outlet_id, year, SUM(tax_yuan) AS tax_yuan,
          CAST(COUNT(*) AS BIGINT) AS months,
          CAST(SUM(CASE WHEN reduced THEN 1 ELSE 0 END) AS BIGINT) AS reduced_months
        FROM tax_outlet_months
        WHERE tax_yuan IS NOT NULL
        GROUP BY outlet_id, year
        """;

    /// <summary>The district's tax per year (<c>tax.total_yuan</c>, <c>tax.known_total_yuan</c>, <c>tax.rounding</c>).</summary>
    private static string TaxTotals(TaxOptions options) => $"""
        SELECT year,
          CASE WHEN COUNT(*) = COUNT(tax_yuan) THEN COALESCE(SUM(tax_yuan), CAST(0 AS DECIMAL(18,{options.TaxDecimals}))) END AS total_yuan,
          COALESCE(SUM(tax_yuan), CAST(0 AS DECIMAL(18,{options.TaxDecimals}))) AS known_total_yuan,
          CAST(COUNT(tax_yuan) AS BIGINT) AS known_outlet_months,
          CAST(COUNT(*) - COUNT(tax_yuan) AS BIGINT) AS unknown_outlet_months,
          '{options.Name.Replace("'", "''", StringComparison.Ordinal)}' AS rounding
        FROM tax_outlet_months
        GROUP BY year
        """;

    private static IEnumerable<Candidate> TaxQueries(ReferenceCatalogue catalogue, TaxOptions options, IReadOnlySet<string>? cemsColumns)
    {
        yield return new(
            new("inventory_months", "Emission per outlet, year, month and pollutant in t by its method (EmissionInventory.Rows): the measured months, the estimated ledger months, one NULL January row where the year's emission is unknown.", InventoryMonths(cemsColumns)),
            cemsColumns is null ? ["inventory_method", "inventory_outlet_facilities", "inventory_factor_rows"] : ["cems_hourly", "inventory_method", "inventory_outlet_facilities", "inventory_factor_rows"]);
        if (cemsColumns is not null)
        {
            yield return new(new("tax_concentrations", "Per outlet with a limit_value, month and pollutant: mean and highest valid hourly value on the limit's basis (the value's own flag N), the ground of a reduction (Implementing Regulations Art. 10).", TaxConcentrations(cemsColumns)), ["cems_hourly", "outlets"]);
        }

        string pollutants = TaxPollutants(catalogue, options, cemsColumns is not null);
        yield return new(
            new("tax_pollutants", "The environmental-protection tax of each pollutant of each outlet-month whose tax is known: equivalents, ranking, taxed (top three, Art. 9), levy share (Art. 13), tax in yuan; mirrors EnvironmentalTaxCalculator.Compute.", pollutants),
            cemsColumns is null ? ["inventory_months", "outlets"] : ["inventory_months", "tax_concentrations"]);
        yield return new(new("tax_outlet_months", "The tax of each outlet and month in yuan, DECIMAL(18,2), NULL when an input is unknown, and whether a pollutant's levy was reduced; mirrors OutletMonthTax.", TaxOutletMonths(options)), ["inventory_months", "tax_pollutants"]);
        yield return new(new("tax_outlets", "The tax of each outlet and year in yuan over its known months, the months and the reduced months (tax.outlets[]).", TaxOutlets), ["tax_outlet_months"]);
        yield return new(new("tax_totals", "The district's tax per year in yuan: NULL when an outlet-month's is unknown, the known outlet-months' sum, and the rounding convention (tax.total_yuan, tax.known_total_yuan, tax.rounding); mirrors TaxAssessment.", TaxTotals(options)), ["tax_outlet_months"]);
    }
}
