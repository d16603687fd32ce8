using Shapotou.Sdk.Analytics.Carbon;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Analytics.Sql;

/// <content>CO₂ by source per enterprise and township, as <see cref="CarbonCalculator"/> with its default options.</content>
public static partial class SqlCalculators
{
    /// <summary>The ledger carriers in the order <see cref="CarbonCalculator"/> reads them, and whether a furnace
    /// uses each as a reductant (process CO₂) rather than a fuel.</summary>
    private static readonly (string Column, bool Reductant)[] s_carbonCarriers =
        [("coke", true), ("semi_coke", true), ("coal", true), ("electrode_paste", true), ("natural_gas", false), ("diesel", false)];

    private static readonly Dictionary<string, string> s_processKeys = new(StringComparer.Ordinal)
    {
        ["coke"] = "carbon.process.coke",
        ["semi_coke"] = "carbon.process.semi_coke",
        ["coal"] = "carbon.process.anthracite",
        ["electrode_paste"] = "carbon.process.electrode",
    };

    /// <summary>CO₂ per enterprise and ledger year (<c>carbon.enterprises[]</c>): combustion, process (furnace
    /// reductants), purchased electricity net of exports × the Ningxia grid factor of the year (else the latest earlier
    /// one), the total, per tonne of output and per 10⁴ yuan of output value.</summary>
    private static string CarbonEnterprises(ReferenceCatalogue catalogue, DateOnly asOf)
    {
        var comments = new List<string>();
        string Term(string column, double? factor, string what)
        {
            string amount = $"CAST(l.{column} AS DOUBLE)";
            return factor is { } f
                ? $"CASE WHEN {amount} = 0E0 THEN 0E0 ELSE {amount} * {Literal(f)} END"
                : $"CASE WHEN {amount} = 0E0 THEN 0E0 END /* {column}: no {what} factor in the references: unknown unless 0 */";
        }

        double? Process(string column)
        {
            string key = s_processKeys[column];
            if (!catalogue.TryGet(key, asOf, out ReferenceValue? row))
            {
                return null;
            }

            comments.Add($"  -- process {column}: {Literal(row.GetValue())} tCO2/t, {key} [{row.ConfidenceMark}] {row.Source.Replace('\n', ' ')}");
            return row.GetValue();
        }

        double? Combustion(string column)
        {
            switch (column)
            {
                case "coal":
                    ReferenceValue ncv = catalogue.Get("carbon.fuel.bituminous_coal.ncv", asOf);
                    ReferenceValue carbon = catalogue.Get("carbon.fuel.bituminous_coal.carbon_content", asOf);
                    ReferenceValue oxidation = catalogue.Get("carbon.fuel.bituminous_coal.oxidation", asOf);
                    double perTonne = ncv.GetValue() * carbon.GetValue() * oxidation.GetValue() / 100 * CarbonCalculator.CarbonDioxidePerCarbon;
                    comments.Add($"  -- combustion coal (as bituminous): {Literal(perTonne)} tCO2/t = NCV {Literal(ncv.GetValue())} GJ/t (carbon.fuel.bituminous_coal.ncv [{ncv.ConfidenceMark}]) × {Literal(carbon.GetValue())} tC/GJ (carbon.fuel.bituminous_coal.carbon_content [{carbon.ConfidenceMark}]) × {Literal(oxidation.GetValue())} % (carbon.fuel.bituminous_coal.oxidation [{oxidation.ConfidenceMark}]) × 44/12; {ncv.Source.Replace('\n', ' ')}");
                    return perTonne;
                case "natural_gas":
                    ReferenceValue gas = catalogue.Get("carbon.process.natural_gas", asOf);
                    comments.Add($"  -- combustion natural_gas: {Literal(gas.GetValue() / 10_000)} tCO2/m3 = carbon.process.natural_gas [{gas.ConfidenceMark}] {Literal(gas.GetValue())} tCO2 per 1E4 m3; {gas.Source.Replace('\n', ' ')}");
                    return gas.GetValue() / 10_000;
                default:
                    return null;
            }
        }

        string process = string.Join("\n        + ", s_carbonCarriers.Where(c => c.Reductant).Select(c => Term(c.Column, Process(c.Column), "process")));
        string fuels = string.Join("\n        + ", s_carbonCarriers.Where(c => !c.Reductant).Select(c => Term(c.Column, Combustion(c.Column), "combustion")));
        string reductantsBurned = string.Join("\n        + ", s_carbonCarriers.Where(c => c.Reductant).Select(c => Term(c.Column, Combustion(c.Column), "combustion")));

        var grid = new List<string>();
        foreach (ReferenceValue row in catalogue.Values.Where(v => v.Key == "carbon.grid_factor.ningxia" && v.ValidFrom is not null).OrderBy(v => v.ValidFrom))
        {
            grid.Add($"    -- carbon.grid_factor.ningxia [{row.ConfidenceMark}] data year {row.ValidFrom!.Value.Year} {row.Source.Replace('\n', ' ')}\n    SELECT {row.ValidFrom!.Value.Year} AS from_year, {Literal(row.GetValue())} AS t_per_mwh");
        }

        string gridRows = grid.Count > 0 ? string.Join("\n    UNION ALL\n", grid) : "    SELECT 0 AS from_year, CAST(NULL AS DOUBLE) AS t_per_mwh FROM energy_ledger WHERE 1 = 0";
        return $"""
            WITH grid_rows AS (
            {gridRows}
            ),
            years AS (SELECT DISTINCT EXTRACT(YEAR FROM period) AS year FROM energy_ledger),
            grid AS (
              SELECT l.year, g.t_per_mwh
              FROM (SELECT y.year, MAX(g.from_year) AS from_year FROM years y JOIN grid_rows g ON g.from_year <= y.year GROUP BY y.year) l
              JOIN grid_rows g ON g.from_year = l.from_year
            ),
            ledger AS (
              SELECT f.enterprise_id, EXTRACT(YEAR FROM l.period) AS year, CAST(l.output AS DOUBLE) AS output_t,
            {string.Join("\n", comments.Distinct())}
                CASE WHEN f.kind IN ('submerged_arc_furnace', 'carbide_furnace') THEN
                  {process}
                ELSE 0E0 END AS process_t,
                {fuels}
                + CASE WHEN f.kind IN ('submerged_arc_furnace', 'carbide_furnace') THEN 0E0 ELSE
                  {reductantsBurned}
                END AS combustion_t,
                (CAST(l.electricity_purchased AS DOUBLE) - CAST(l.electricity_exported AS DOUBLE)) / 1E3 * g.t_per_mwh AS electricity_t
              FROM energy_ledger l
              JOIN facilities f ON f.facility_id = l.facility_id
              LEFT JOIN grid g ON g.year = EXTRACT(YEAR FROM l.period)
            ),
            sums AS (
              SELECT enterprise_id, year, SUM(output_t) AS output_t,
                CASE WHEN COUNT(*) = COUNT(combustion_t) THEN SUM(combustion_t) END AS combustion_t,
                CASE WHEN COUNT(*) = COUNT(process_t) THEN SUM(process_t) END AS process_t,
                CASE WHEN COUNT(*) = COUNT(electricity_t) THEN SUM(electricity_t) END AS electricity_t
              FROM ledger
              GROUP BY enterprise_id, year
            )
            SELECT s.enterprise_id, e.township, s.year, s.combustion_t, s.process_t, s.electricity_t,
              s.combustion_t + s.process_t + s.electricity_t AS total_t,
              s.output_t,
              CASE WHEN s.output_t > 0E0 THEN (s.combustion_t + s.process_t + s.electricity_t) / s.output_t END AS t_per_t,
              CASE WHEN CAST(e.output_value AS DOUBLE) > 0E0 THEN (s.combustion_t + s.process_t + s.electricity_t) / CAST(e.output_value AS DOUBLE) END AS t_per_10k_yuan
            FROM sums s
            JOIN enterprises e ON e.enterprise_id = s.enterprise_id
            """;
    }

    /// <summary>CO₂ per township and ledger year (<c>carbon.townships[]</c>): Σ of its enterprises' totals, NULL when one
    /// is; per 10⁴ yuan of the township's output value; the city average is not in the references, so
    /// <c>above_city_average</c> is NULL.</summary>
    private const string CarbonTownships = """
        SELECT e.township, y.year,
          CASE WHEN COUNT(c.enterprise_id) = COUNT(c.total_t) THEN COALESCE(SUM(c.total_t), 0E0) END AS total_t,
          CASE WHEN COUNT(*) = COUNT(e.output_value) THEN SUM(CAST(e.output_value AS DOUBLE)) END AS output_value_10k_yuan,
          CASE WHEN COUNT(*) = COUNT(e.output_value) AND SUM(CAST(e.output_value AS DOUBLE)) > 0E0 AND COUNT(c.enterprise_id) = COUNT(c.total_t)
            THEN COALESCE(SUM(c.total_t), 0E0) / SUM(CAST(e.output_value AS DOUBLE)) END AS t_per_10k_yuan,
          CAST(NULL AS BOOLEAN) AS above_city_average
        FROM enterprises e
        CROSS JOIN (SELECT DISTINCT EXTRACT(YEAR FROM period) AS year FROM energy_ledger) y
        LEFT JOIN carbon_enterprises c ON c.enterprise_id = e.enterprise_id AND c.year = y.year
        GROUP BY e.township, y.year
        """;

    private static IEnumerable<Candidate> CarbonQueries(ReferenceCatalogue catalogue, DateOnly asOf)
    {
        yield return new(new("carbon_enterprises", "CO₂ per enterprise and year in t: combustion, process (furnace reductants), electricity (net purchases × the Ningxia grid factor of the year, else the latest earlier), total, per t of output and per 1E4 yuan (carbon.enterprises[]); mirrors CarbonCalculator.Compute with the default options.", CarbonEnterprises(catalogue, asOf)), ["energy_ledger", "facilities", "enterprises"]);
        yield return new(new("carbon_townships", "CO₂ per township and year in t and per 1E4 yuan of output value (carbon.townships[]); mirrors CarbonCalculator.Compute.", CarbonTownships), ["enterprises", "energy_ledger", "carbon_enterprises"]);
    }
}
