using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Analytics.Sql;

/// <content>The inventory by method, its district totals, the 2027 ceilings and the progress against them.</content>
public static partial class SqlCalculators
{
    /// <summary>The outlets of the inventory's pollutants: one row per outlet, facility behind it and pollutant.</summary>
    private const string OutletFacilities = """
        SELECT DISTINCT outlet_id, facility_id, pollutant
        FROM outlets
        WHERE pollutant IN ('pm', 'so2', 'nox')
        """;

    /// <summary>The inventory years: the years of <c>cems_hourly</c> and of <c>energy_ledger</c>.</summary>
    private static string InventoryYears(bool cems) => cems
        ? """
          SELECT DISTINCT EXTRACT(YEAR FROM hour) AS year FROM cems_hourly
          UNION
          SELECT DISTINCT EXTRACT(YEAR FROM period) AS year FROM energy_ledger
          """
        : "SELECT DISTINCT EXTRACT(YEAR FROM period) AS year FROM energy_ledger";

    /// <summary>The process key of a facility row <c>f</c>, as <see cref="ProcessKeys.Of"/>.</summary>
    private const string ProcessKey = """
        CASE WHEN f.kind IN ('submerged_arc_furnace', 'carbide_furnace') THEN COALESCE(f.enclosure || '_furnace', 'furnace')
               WHEN f.kind IN ('boiler', 'hot_air_furnace') THEN COALESCE(f.fuel || '_' || f.kind, f.kind)
               ELSE f.kind END
        """;

    /// <summary>The factor of each facility, product and pollutant whose activity is a ledger column. A key the table
    /// holds more than once (each copy of <c>export --scale N</c> repeats the factors) counts once; where such rows
    /// disagree the SDK takes the first in table order, which SQL has not, and the view the smallest.</summary>
    private static string FactorMatch() => $"""
        SELECT f.facility_id, ef.product, ef.pollutant, MIN(CAST(ef.factor AS DOUBLE)) AS factor, MIN(COALESCE(ef.activity, 'output')) AS activity
        FROM facilities f
        JOIN enterprises e ON e.enterprise_id = f.enterprise_id
        JOIN emission_factors ef ON ef.industry_code = e.industry_code
          AND ef.process = {ProcessKey}
        WHERE COALESCE(ef.activity, 'output') IN ({string.Join(", ", ActivityColumns.Names.Select(n => $"'{n}'"))})
        GROUP BY f.facility_id, ef.product, ef.pollutant
        """;

    /// <summary>Π(1 − η) of each facility's treatment chain per pollutant, as <c>TreatmentChain.Remaining</c>: a
    /// product as exp Σ ln, with a chain holding a 100 % stage exactly 0.</summary>
    private const string TreatmentRemaining = """
        SELECT facility_id, pollutant,
          CASE WHEN MAX(CASE WHEN CAST(design_efficiency AS DOUBLE) >= 1E2 THEN 1 ELSE 0 END) = 1 THEN 0E0
               ELSE EXP(SUM(LN(1E0 - CAST(design_efficiency AS DOUBLE) / 1E2))) END AS remaining
        FROM treatment_facilities
        WHERE design_efficiency IS NOT NULL
        GROUP BY facility_id, pollutant
        """;

    /// <summary>The factor estimate of each ledger row per pollutant: activity × factor ÷ 1000 × Π(1 − η), NULL when
    /// the row's product has no factor or its activity is NULL.</summary>
    private static string FactorRows()
    {
        string activity = string.Join("\n      ", ActivityColumns.Names.Select(n => $"WHEN '{n}' THEN CAST(l.{n} AS DOUBLE)"));
        return $"""
            SELECT l.facility_id, EXTRACT(YEAR FROM l.period) AS year, EXTRACT(MONTH FROM l.period) AS month, k.pollutant,
              CASE m.activity
                  {activity}
              END * m.factor / 1E3 * COALESCE(r.remaining, 1E0) AS tonnes
            FROM energy_ledger l
            JOIN (SELECT DISTINCT facility_id, pollutant FROM inventory_outlet_facilities) k ON k.facility_id = l.facility_id
            LEFT JOIN inventory_factor_match m ON m.facility_id = l.facility_id AND m.product = l.product AND m.pollutant = k.pollutant
            LEFT JOIN inventory_treatment_remaining r ON r.facility_id = l.facility_id AND r.pollutant = k.pollutant
            """;
    }

    /// <summary>Whether every product a facility makes in a year (its ledger's, else its own) has a factor per pollutant.</summary>
    private const string FactorAvailable = """
        SELECT p.facility_id, p.year, k.pollutant,
          CASE WHEN COUNT(*) = COUNT(m.factor) THEN 1 ELSE 0 END AS has_factor
        FROM (
          SELECT DISTINCT facility_id, EXTRACT(YEAR FROM period) AS year, product FROM energy_ledger
          UNION ALL
          SELECT f.facility_id, y.year, f.product
          FROM facilities f
          CROSS JOIN inventory_years y
          LEFT JOIN (SELECT DISTINCT facility_id, EXTRACT(YEAR FROM period) AS year FROM energy_ledger) l
            ON l.facility_id = f.facility_id AND l.year = y.year
          WHERE l.facility_id IS NULL
        ) p
        JOIN (SELECT DISTINCT facility_id, pollutant FROM inventory_outlet_facilities) k ON k.facility_id = p.facility_id
        LEFT JOIN inventory_factor_match m ON m.facility_id = p.facility_id AND m.product = p.product AND m.pollutant = k.pollutant
        GROUP BY p.facility_id, p.year, k.pollutant
        """;

    /// <summary>The method of each outlet, year and pollutant: measured (a valid or stopped hour), else factor (every
    /// facility behind it has a factor for every product), else NULL. The mass balance needs the caller's sulfur assays,
    /// which are no table, so it has no SQL.</summary>
    private const string InventoryMethod = """
        SELECT k.outlet_id, y.year, k.pollutant,
          CASE WHEN COALESCE(ms.valid_hours, 0) + COALESCE(ms.stopped_hours, 0) > 0 THEN 'measured'
               WHEN fa.facilities = fa.with_factor THEN 'factor' END AS method
        FROM (SELECT DISTINCT outlet_id, pollutant FROM inventory_outlet_facilities) k
        CROSS JOIN inventory_years y
        LEFT JOIN measured_inventory ms ON ms.outlet_id = k.outlet_id AND ms.year = y.year AND ms.pollutant = k.pollutant
        LEFT JOIN (
          SELECT o.outlet_id, h.year, o.pollutant, COUNT(*) AS facilities, SUM(h.has_factor) AS with_factor
          FROM inventory_outlet_facilities o
          JOIN inventory_factor_available h ON h.facility_id = o.facility_id AND h.pollutant = o.pollutant
          GROUP BY o.outlet_id, h.year, o.pollutant
        ) fa ON fa.outlet_id = k.outlet_id AND fa.year = y.year AND fa.pollutant = k.pollutant
        """;

    private const string InventoryMethodWithoutCems = """
        SELECT k.outlet_id, y.year, k.pollutant,
          CASE WHEN fa.facilities = fa.with_factor THEN 'factor' END AS method
        FROM (SELECT DISTINCT outlet_id, pollutant FROM inventory_outlet_facilities) k
        CROSS JOIN inventory_years y
        LEFT JOIN (
          SELECT o.outlet_id, h.year, o.pollutant, COUNT(*) AS facilities, SUM(h.has_factor) AS with_factor
          FROM inventory_outlet_facilities o
          JOIN inventory_factor_available h ON h.facility_id = o.facility_id AND h.pollutant = o.pollutant
          GROUP BY o.outlet_id, h.year, o.pollutant
        ) fa ON fa.outlet_id = k.outlet_id AND fa.year = y.year AND fa.pollutant = k.pollutant
        """;

    /// <summary>Each outlet's emission by its method (<c>emissions.outlets[]</c>): the measured mass, or the factor
    /// estimates of the facilities behind it, each split in equal shares between the facility's outlets of the
    /// pollutant; NULL when an estimate is NULL, when there is nothing to estimate from, or when a facility behind it
    /// has a measured outlet (the estimate cannot be split).</summary>
    private static string InventoryOutlets(bool cems) => $"""
        SELECT m.outlet_id, m.year, m.pollutant, m.method,
          CASE m.method
            {(cems ? "WHEN 'measured' THEN ms.mass_t" : string.Empty)}
            WHEN 'factor' THEN CASE WHEN COALESCE(sib.measured_outlets, 0) = 0 THEN fe.mass_t END
          END AS mass_t
        FROM inventory_method m
        {(cems ? "LEFT JOIN measured_inventory ms ON ms.outlet_id = m.outlet_id AND ms.year = m.year AND ms.pollutant = m.pollutant" : string.Empty)}
        LEFT JOIN (
          SELECT o.outlet_id, fr.year, o.pollutant,
            CASE WHEN COUNT(*) = COUNT(fr.tonnes) THEN SUM(fr.tonnes / CAST(c.outlets AS DOUBLE)) END AS mass_t
          FROM inventory_outlet_facilities o
          JOIN (SELECT facility_id, pollutant, COUNT(DISTINCT outlet_id) AS outlets FROM inventory_outlet_facilities GROUP BY facility_id, pollutant) c
            ON c.facility_id = o.facility_id AND c.pollutant = o.pollutant
          JOIN inventory_factor_rows fr ON fr.facility_id = o.facility_id AND fr.pollutant = o.pollutant
          GROUP BY o.outlet_id, fr.year, o.pollutant
        ) fe ON fe.outlet_id = m.outlet_id AND fe.year = m.year AND fe.pollutant = m.pollutant
        LEFT JOIN (
          SELECT a.outlet_id, im.year, a.pollutant, SUM(CASE WHEN im.method = 'measured' THEN 1 ELSE 0 END) AS measured_outlets
          FROM inventory_outlet_facilities a
          JOIN inventory_outlet_facilities b ON b.facility_id = a.facility_id AND b.pollutant = a.pollutant
          JOIN inventory_method im ON im.outlet_id = b.outlet_id AND im.pollutant = b.pollutant
          GROUP BY a.outlet_id, im.year, a.pollutant
        ) sib ON sib.outlet_id = m.outlet_id AND sib.year = m.year AND sib.pollutant = m.pollutant
        """;

    /// <summary>The district totals per year and pollutant (<c>emissions.totals[]</c>): NULL when any outlet's is.</summary>
    private const string InventoryTotals = """
        SELECT year, pollutant,
          CASE WHEN COUNT(*) = COUNT(mass_t) THEN SUM(mass_t) END AS mass_t,
          CAST(SUM(CASE WHEN method = 'measured' THEN 1 ELSE 0 END) AS BIGINT) AS measured_outlets,
          CAST(SUM(CASE WHEN method = 'factor' THEN 1 ELSE 0 END) AS BIGINT) AS factor_outlets,
          CAST(SUM(CASE WHEN method IS NULL THEN 1 ELSE 0 END) AS BIGINT) AS unknown_method_outlets
        FROM inventory_outlets
        GROUP BY year, pollutant
        """;

    /// <summary>The 2027 ceilings (<c>targets_2027_t</c>): the baseline year's totals × (100 − rate) ÷ 100, rounded to
    /// 0.01 t half away from zero; NULL unless every pollutant's baseline total is known.</summary>
    private static string Targets(ReferenceCatalogue catalogue, DateOnly asOf)
    {
        var rates = new List<string>();
        foreach (Pollutant pollutant in EmissionTargets.Pollutants)
        {
            string name = ContractNames.ToName(pollutant);
            string key = $"plan.target_2027.reduction.{name}";
            ReferenceValue rate = catalogue.Get(key, asOf);
            rates.Add($"  -- {key} [{rate.ConfidenceMark}] {rate.Source.Replace('\n', ' ')}\n  SELECT '{name}' AS pollutant, {Literal(rate.ToRatio().Percent)} AS reduction_rate_pct");
        }

        return $"""
            SELECT t.pollutant, t.mass_t AS baseline_t, r.reduction_rate_pct,
              CASE WHEN k.unknown = 0 THEN ROUND(t.mass_t * (1E2 - r.reduction_rate_pct) / 1E2, 2) END AS ceiling_t
            FROM inventory_totals t
            JOIN (
            {string.Join("\n  UNION ALL\n", rates)}
            ) r ON r.pollutant = t.pollutant
            CROSS JOIN (SELECT COUNT(*) - COUNT(mass_t) AS unknown FROM inventory_totals WHERE year = {EmissionTargets.BaselineYear}) k
            WHERE t.year = {EmissionTargets.BaselineYear}
            """;
    }

    /// <summary>Each inventory year against the ceilings (<c>emissions.targets_progress[]</c>).</summary>
    private const string TargetsProgress = """
        SELECT t.year, t.pollutant, t.mass_t AS emission_t, g.ceiling_t AS ceiling_2027_t,
          CASE WHEN g.ceiling_t IS NOT NULL THEN (g.baseline_t - t.mass_t) / g.baseline_t * 1E2 END AS reduction_pct,
          CASE WHEN g.ceiling_t IS NOT NULL THEN t.mass_t - g.ceiling_t END AS gap_t,
          CASE WHEN t.mass_t IS NULL OR g.ceiling_t IS NULL THEN NULL WHEN t.mass_t <= g.ceiling_t THEN TRUE ELSE FALSE END AS met
        FROM inventory_totals t
        JOIN targets_2027 g ON g.pollutant = t.pollutant
        """;

    private static IEnumerable<Candidate> InventoryQueries(ReferenceCatalogue catalogue, DateOnly asOf, bool cems)
    {
        string[] years = cems ? ["cems_hourly", "energy_ledger"] : ["energy_ledger"];
        yield return new(new("inventory_years", "The inventory years: those of cems_hourly and energy_ledger.", InventoryYears(cems)), years);
        yield return new(new("inventory_outlet_facilities", "Outlets of pm, so2 and nox with the facilities behind them.", OutletFacilities), ["outlets"]);
        yield return new(new("inventory_factor_match", "The emission factor of each facility, product and pollutant, matched on the enterprise's industry code, the product, the process key (ProcessKeys.Of) and the pollutant.", FactorMatch()), ["facilities", "enterprises", "emission_factors"]);
        yield return new(new("inventory_treatment_remaining", "Π(1 − η) of each facility's treatment chain per pollutant (design efficiencies in series).", TreatmentRemaining), ["treatment_facilities"]);
        yield return new(new("inventory_factor_rows", "Factor estimate of each energy_ledger row and pollutant in t: activity × factor ÷ 1000 × Π(1 − η); NULL without a factor or activity.", FactorRows()), ["energy_ledger", "inventory_outlet_facilities", "inventory_factor_match", "inventory_treatment_remaining"]);
        yield return new(new("inventory_factor_available", "Whether every product of a facility in a year has a factor, per pollutant.", FactorAvailable), ["energy_ledger", "facilities", "inventory_years", "inventory_outlet_facilities", "inventory_factor_match"]);
        yield return new(
            new("inventory_method", "The method of each outlet, year and pollutant: measured, then factor (Environmental Protection Tax Law, Art. 10); NULL when none has its inputs.", cems ? InventoryMethod : InventoryMethodWithoutCems),
            cems ? ["inventory_outlet_facilities", "inventory_years", "measured_inventory", "inventory_factor_available"] : ["inventory_outlet_facilities", "inventory_years", "inventory_factor_available"]);
        yield return new(
            new("inventory_outlets", "Emission per outlet, year and pollutant in t by its method (emissions.outlets[]); mirrors EmissionInventory.Totals(EmissionGrouping.Outlet).", InventoryOutlets(cems)),
            cems ? ["inventory_method", "measured_inventory", "inventory_factor_rows"] : ["inventory_method", "inventory_factor_rows"]);
        yield return new(new("inventory_totals", "District emission per year and pollutant in t, NULL when any outlet's is unknown (emissions.totals[]); mirrors EmissionInventory.Total.", InventoryTotals), ["inventory_outlets"]);
        yield return new(new("targets_2027", "The 2027 ceilings in t (targets_2027_t): the 2024 totals × (100 − rate) ÷ 100 to 0.01 t (Plan P4); mirrors EmissionTargets.Ceilings.", Targets(catalogue, asOf)), ["inventory_totals"]);
        yield return new(new("targets_progress", "Each year's totals against the 2027 ceilings: reduction against 2024 in %, gap in t, met (emissions.targets_progress[]); mirrors EmissionTargets.Progress.", TargetsProgress), ["inventory_totals", "targets_2027"]);
    }
}
