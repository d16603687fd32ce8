using System.Globalization;
using Shapotou.Sdk.Analytics.EnergyEfficiency;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using UnitsNet.Units;

namespace Shapotou.Sdk.Analytics.Sql;

/// <content>The plausibility checks of the ledgers and the CEMS hours (<c>warnings[]</c> of <c>assess --json</c>).</content>
public static partial class SqlCalculators
{
    /// <summary>A flow this many times a plausible one is m³/h sent where HJ 212-2017 Table B.2 specifies m³/s; a jump
    /// whose ratio lies within <see cref="SignatureTolerance"/> of it either way is named so (as the assessment's CEMS
    /// checks word a flow warning).</summary>
    private const double SecondsPerHour = 3600;

    /// <summary>The factor either way around 3 600 within which a flow jump is named as the m³/h-for-m³/s signature.</summary>
    private const double SignatureTolerance = 1.5;

    /// <summary>
    /// One row per value a plausibility check finds, as the assessment's checks (<c>LedgerPlausibility</c>,
    /// <c>CemsPlausibility</c>): <c>check_id</c> (the names of <c>warnings[].check</c>), <c>table_name</c>, <c>key</c>
    /// (the facility of a ledger row, with <c>period</c> and <c>product</c>; the outlet of an hour), <c>hour</c> (NULL for
    /// a ledger row), <c>year</c>, <c>pollutant</c> (of a concentration), <c>value</c>, <c>threshold</c>, <c>unit</c> and
    /// <c>unit_signature</c> (a flow 3 600 times a plausible one). Every row, where the SDK lists the first
    /// <c>ListedPerCheck</c> of each check and counts the rest.
    /// </summary>
    /// <remarks>
    /// <para>Ledger rows: unit energy = comprehensive energy ÷ output on the benchmark basis, per row of
    /// <c>comprehensive_energy</c> (its coefficients are those in force on the script's date; the SDK takes those in
    /// force on 31 December of the row's year, the same values while the catalogue's coefficients have no validity
    /// dates); a row without output, of an unknown product, or with an unknown carrier (NULL energy) is not judged for
    /// energy, and without furnace electricity not for electricity.</para>
    /// <para>CEMS hours: only valid ones (a concentration's own flag, else the row's, for that concentration; the row's
    /// flag for O₂, ammonia and flow). A flow jump compares an outlet's valid hour having a flow with the outlet's
    /// previous such hour, by <c>LAG</c> over the outlet ordered by hour, when that is exactly one hour earlier; the SDK
    /// keeps the last such hour in table order, which is hour order in an hour-sorted table (the contract's and the
    /// SDK's writers' order). The SDK with <c>--year</c> also leaves out the other years' hours before comparing, so a
    /// jump across 1 January 00:00 is not named there.</para>
    /// </remarks>
    private static string PlausibilityWarnings(ReferenceCatalogue catalogue, SqlPlausibility options, IReadOnlySet<string>? columns)
    {
        string basis = string.Join("\n      ", ProductDefinition.Defaults.Select(p => $"WHEN '{p.Code}' THEN {Literal(p.BasisFactor)}"));
        string[] ferrosiliconCodes = [.. ProductDefinition.Defaults.Where(p => p.BenchmarkProduct == "ferrosilicon").Select(p => $"'{p.Code}'")];
        string ferrosilicon = ferrosiliconCodes.Length > 0 ? $"product IN ({string.Join(", ", ferrosiliconCodes)})" : "FALSE";
        string energyFloor = Literal(options.FerrosiliconEnergyFloor.KilogramsOfCoalEquivalentPerTonne);
        string electricityFloor = Literal(options.FerrosiliconElectricityFloor.KilowattHoursPerTonne);
        string farAbove = Literal(options.FarAboveLimitFactor);
        string origin = Clean(options.Origin);
        var parts = new List<string>
        {
            $"""
              -- unit_energy_below_floor: {energyFloor} kgce/t, {Clean(options.EnergyFloorSource)}
              SELECT 'unit_energy_below_floor' AS check_id, 'energy_ledger' AS table_name, facility_id AS key, period, product,
                CAST(NULL AS TIMESTAMP) AS hour, year, {NoText} AS pollutant,
                unit_energy AS value, {energyFloor} AS threshold, 'kgce/t' AS unit, CAST(NULL AS BOOLEAN) AS unit_signature
              FROM ledger_rows
              WHERE ferrosilicon AND unit_energy < {energyFloor}
            """,
            $"""
              -- unit_energy_far_above_limit: {farAbove} × level 3 of the product's limit standard in force on 31 December ({origin})
              SELECT 'unit_energy_far_above_limit', 'energy_ledger', r.facility_id, r.period, r.product,
                CAST(NULL AS TIMESTAMP), r.year, {NoText},
                r.unit_energy, {farAbove} * l.kgce_per_t, 'kgce/t', CAST(NULL AS BOOLEAN)
              FROM ledger_rows r
              JOIN limit_rows l ON l.product = r.product AND l.level = 3 AND r.year >= l.from_year AND r.year <= l.to_year
              WHERE r.unit_energy > {farAbove} * l.kgce_per_t
            """,
            $"""
              -- electricity_below_floor: {electricityFloor} kWh/t, {Clean(options.ElectricityFloorSource)}
              SELECT 'electricity_below_floor', 'energy_ledger', facility_id, period, product,
                CAST(NULL AS TIMESTAMP), year, {NoText},
                electricity, {electricityFloor}, 'kWh/t', CAST(NULL AS BOOLEAN)
              FROM ledger_rows
              WHERE ferrosilicon AND electricity < {electricityFloor}
            """,
        };

        string ctes = $"""
            WITH ledger_rows AS (
              SELECT facility_id, period, product, EXTRACT(YEAR FROM period) AS year,
                CASE WHEN {ferrosilicon} THEN TRUE ELSE FALSE END AS ferrosilicon,
                CASE WHEN basis_t > 0E0 THEN comprehensive_energy_kgce / basis_t END AS unit_energy,
                CASE WHEN basis_t > 0E0 THEN furnace_electricity_kwh / basis_t END AS electricity
              FROM (
                SELECT facility_id, period, product, comprehensive_energy_kgce, furnace_electricity_kwh,
                  output_t * CASE product
                  {basis}
                  END AS basis_t
                FROM comprehensive_energy
              ) r
            ),
            limit_rows AS (
            {LimitRows(catalogue)}
            )
            """;

        if (columns is not null)
        {
            string rowFlag = columns.Contains("flag") ? "COALESCE(flag, 'N')" : "'N'";
            bool ammonia = columns.Contains("nh3");
            ctes += $"""
                ,
                hours AS (
                  SELECT outlet_id, hour, EXTRACT(YEAR FROM hour) AS year, {rowFlag} AS row_flag,
                    CAST(pm AS DOUBLE) AS pm, {Flag(columns, "pm")} AS pm_flag,
                    CAST(so2 AS DOUBLE) AS so2, {Flag(columns, "so2")} AS so2_flag,
                    CAST(nox AS DOUBLE) AS nox, {Flag(columns, "nox")} AS nox_flag,
                    {(ammonia ? "CAST(nh3 AS DOUBLE)" : "CAST(NULL AS DOUBLE)")} AS nh3,
                    CAST(o2 AS DOUBLE) AS o2, CAST(flow AS DOUBLE) AS flow
                  FROM cems_hourly
                ),
                flow_hours AS (
                  SELECT outlet_id, hour, year, flow,
                    LAG(hour) OVER (PARTITION BY outlet_id ORDER BY hour) AS hour_before,
                    LAG(flow) OVER (PARTITION BY outlet_id ORDER BY hour) AS flow_before
                  FROM hours
                  WHERE row_flag = 'N' AND flow IS NOT NULL
                )
                """;

            foreach ((Pollutant pollutant, UnitsNet.MassConcentration maximum) in options.ConcentrationMaximum.Where(p => p.Key is Pollutant.Pm or Pollutant.So2 or Pollutant.Nox or Pollutant.Nh3).OrderBy(p => ContractNames.ToName(p.Key), StringComparer.Ordinal))
            {
                string name = ContractNames.ToName(pollutant);
                string max = Literal(maximum.As(MassConcentrationUnit.MilligramPerCubicMeter));
                // A concentration's own flag (else the row's) for pm, so2 and nox; the row's for ammonia, which has none.
                string valid = pollutant == Pollutant.Nh3 ? "row_flag = 'N'" : $"{name}_flag = 'N'";
                parts.Add($"""
                      -- concentration_above_range: {name} above {max} mg/m³ ({origin})
                      SELECT 'concentration_above_range', 'cems_hourly', outlet_id, CAST(NULL AS DATE), {NoText},
                        hour, year, '{name}', {name}, {max}, 'mg/m³', CAST(NULL AS BOOLEAN)
                      FROM hours
                      WHERE {name} > {max} AND {valid}
                    """);
            }

            if (options.OxygenMaximum is { } oxygen)
            {
                string max = Literal(oxygen.As(VolumeConcentrationUnit.Percent));
                parts.Add($"""
                      -- oxygen_above_range: O₂ above {max} % ({origin})
                      SELECT 'oxygen_above_range', 'cems_hourly', outlet_id, CAST(NULL AS DATE), {NoText},
                        hour, year, {NoText}, o2, {max}, '%', CAST(NULL AS BOOLEAN)
                      FROM hours
                      WHERE row_flag = 'N' AND o2 > {max}
                    """);
            }

            if (options.FlowRangeByOutlet.Count > 0)
            {
                string ranges = string.Join("\n      UNION ALL\n", options.FlowRangeByOutlet.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r =>
                    $"      SELECT '{r.Key.Replace("'", "''", StringComparison.Ordinal)}' AS outlet_id, {Literal(r.Value.Minimum.As(VolumeFlowUnit.CubicMeterPerHour))} AS low, {Literal(r.Value.Maximum.As(VolumeFlowUnit.CubicMeterPerHour))} AS high"));
                parts.Add($"""
                      -- flow_outside_range: the flow of a valid hour outside the range set for its outlet ({origin}); unit_signature: flow ÷ 3 600 inside it
                      SELECT 'flow_outside_range', 'cems_hourly', h.outlet_id, CAST(NULL AS DATE), {NoText},
                        h.hour, h.year, {NoText}, h.flow, CASE WHEN h.flow < r.low THEN r.low ELSE r.high END, 'm³/h',
                        CASE WHEN h.flow / {Literal(SecondsPerHour)} >= r.low AND h.flow / {Literal(SecondsPerHour)} <= r.high THEN TRUE ELSE FALSE END
                      FROM hours h
                      JOIN (
                    {ranges}
                      ) r ON r.outlet_id = h.outlet_id
                      WHERE h.row_flag = 'N' AND h.flow IS NOT NULL AND (h.flow < r.low OR h.flow > r.high)
                    """);
            }

            string factor = Literal(options.FlowJumpFactor);
            parts.Add($"""
                  -- flow_jump: the flow of a valid hour at least {factor} times, or at most 1/{factor} of, that of the outlet's valid hour just before ({origin}); threshold: the flow before; unit_signature: the ratio within {Literal(SignatureTolerance)}× of 3 600
                  SELECT 'flow_jump', 'cems_hourly', outlet_id, CAST(NULL AS DATE), {NoText},
                    hour, year, {NoText}, flow, flow_before, 'm³/h',
                    CASE WHEN ratio >= {Literal(SecondsPerHour / SignatureTolerance)} AND ratio <= {Literal(SecondsPerHour * SignatureTolerance)} THEN TRUE ELSE FALSE END
                  FROM (
                    SELECT outlet_id, hour, year, flow, flow_before,
                      CASE WHEN flow >= flow_before THEN flow / flow_before ELSE flow_before / flow END AS ratio
                    FROM flow_hours
                    WHERE hour_before = hour - INTERVAL '1' HOUR AND flow > 0E0 AND flow_before > 0E0
                  ) j
                  WHERE ratio >= {factor}
                """);
        }

        return ctes + "\n" + string.Join("\nUNION ALL\n", parts);
    }

    /// <summary>A NULL of type text in all three engines, without a cast to a text type (Spark's STRING and Trino's
    /// VARCHAR differ).</summary>
    private const string NoText = "CASE WHEN FALSE THEN '' END";

    /// <summary>Text as a line of an SQL comment.</summary>
    private static string Clean(string text) => text.Replace('\n', ' ').Replace("*/", "* /", StringComparison.Ordinal);
}
