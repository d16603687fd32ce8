using System.Globalization;
using Shapotou.Sdk.Analytics.Carbon;
using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Analytics.EnergyEfficiency;
using Shapotou.Sdk.Analytics.SolidWaste;
using Shapotou.Sdk.Analytics.Tax;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using Shapotou.Sdk.TestKit;
using UnitsNet;

namespace Shapotou.Sdk.Cli.Tests;

/// <summary>
/// Each figure of the SQL views against the SDK member it mirrors, over one exported dataset: to 1e-9 relative, a NULL
/// exactly where the SDK's figure is unknown, and the same rows.
/// </summary>
internal static class SqlAgreement
{
    /// <summary>Relative agreement of a SQL figure with the SDK's: the sums are added in another order (1e-15 per
    /// addition over at most 10⁷ rows), far inside 1e-9.</summary>
    public const double Agreement = 1e-9;

    private static readonly DateOnly s_asOf = new(2024, 12, 31);

    /// <summary>A SQL value against the SDK's: both unknown, or both known and close.</summary>
    public static void AssertSame(double? sdk, object? sql, string context)
    {
        if (sdk is null)
        {
            Assert.True(sql is null, $"{context}: the SDK's figure is unknown, the view's is {sql}.");
            return;
        }

        Assert.True(sql is not null, $"{context}: the SDK's figure is {sdk.Value.ToString(CultureInfo.InvariantCulture)}, the view's is NULL.");
        Tolerance.AssertClose(sdk.Value, Convert.ToDouble(sql, CultureInfo.InvariantCulture), Agreement, context);
    }

    /// <summary><c>inventory_outlets</c> against <see cref="EmissionInventory.Totals"/> per outlet: method and mass.</summary>
    /// <returns>The outlets compared.</returns>
    public static int InventoryOutlets(SqlExport export, int year)
    {
        EmissionInventory inventory = new EmissionInventoryCalculator().Compute(export.Data, year);
        var sdk = inventory.Totals(EmissionGrouping.Outlet).ToDictionary(t => (t.GroupId, ContractNames.ToName(t.Pollutant)));
        List<object?[]> rows = export.Query($"SELECT outlet_id, pollutant, method, mass_t FROM inventory_outlets WHERE year = {year}");

        Assert.Equal(sdk.Count, rows.Count);
        foreach (object?[] row in rows)
        {
            string context = $"{row[0]} {row[1]} {year}";
            EmissionTotal total = sdk[((string)row[0]!, (string)row[1]!)];
            Assert.Equal(total.Methods.Count == 0 ? null : ContractNames.ToName(Assert.Single(total.Methods)), (string?)row[2]);
            AssertSame(total.Mass?.Tonnes, row[3], context);
        }

        return rows.Count;
    }

    /// <summary><c>inventory_totals</c> against <see cref="EmissionInventory.Total"/>.</summary>
    /// <returns>The SQL totals by pollutant.</returns>
    public static Dictionary<string, double?> InventoryTotals(SqlExport export, int year)
    {
        EmissionInventory inventory = new EmissionInventoryCalculator().Compute(export.Data, year);
        var sql = export.Query($"SELECT pollutant, mass_t FROM inventory_totals WHERE year = {year}")
            .ToDictionary(r => (string)r[0]!, r => r[1] is null ? (double?)null : Convert.ToDouble(r[1], CultureInfo.InvariantCulture));

        Assert.Equal(3, sql.Count);
        foreach (Pollutant pollutant in EmissionTargets.Pollutants)
        {
            AssertSame(inventory.Total(pollutant)?.Tonnes, sql[ContractNames.ToName(pollutant)], $"{pollutant} {year}");
        }

        return sql;
    }

    /// <summary><c>targets_2027</c> and <c>targets_progress</c> against <see cref="EmissionTargets"/>.</summary>
    /// <returns>The SQL ceilings by pollutant.</returns>
    public static Dictionary<string, double> Targets(SqlExport export, IReadOnlyList<int> years)
    {
        var calculator = new EmissionInventoryCalculator();
        IReadOnlyList<PollutantTarget> targets = EmissionTargets.Ceilings(calculator.Compute(export.Data, EmissionTargets.BaselineYear), ReferenceCatalogue.Builtin, s_asOf)!;
        var ceilings = export.Query("SELECT pollutant, ceiling_t, baseline_t FROM targets_2027")
            .ToDictionary(r => (string)r[0]!, r => Convert.ToDouble(r[1], CultureInfo.InvariantCulture));
        Assert.Equal(targets.Count, ceilings.Count);
        foreach (PollutantTarget target in targets)
        {
            AssertSame(target.Ceiling.Tonnes, ceilings[ContractNames.ToName(target.Pollutant)], $"ceiling {target.Pollutant}");
        }

        foreach (int year in years)
        {
            EmissionInventory inventory = calculator.Compute(export.Data, year);
            Dictionary<Pollutant, Mass?> totals = EmissionTargets.Pollutants.ToDictionary(p => p, inventory.Total);
            var sql = export.Query($"SELECT pollutant, emission_t, ceiling_2027_t, reduction_pct, gap_t, met FROM targets_progress WHERE year = {year}")
                .ToDictionary(r => (string)r[0]!);
            foreach (TargetProgress p in EmissionTargets.Progress(year, totals, targets))
            {
                object?[] row = sql[ContractNames.ToName(p.Pollutant)];
                string context = $"progress {p.Pollutant} {year}";
                AssertSame(p.Emission?.Tonnes, row[1], context);
                AssertSame(p.Ceiling.Tonnes, row[2], context);
                AssertSame(p.Reduction?.Percent, row[3], context);
                AssertSame(p.Gap?.Tonnes, row[4], context);
                Assert.Equal(p.Met, (bool?)row[5]);
            }
        }

        return ceilings;
    }

    /// <summary><c>compliance</c> against <see cref="PermitCompliance.Evaluate"/>.</summary>
    /// <returns>The outlets and pollutants compared, and how many of them are not compliant.</returns>
    public static (int Compared, int NotCompliant) Compliance(SqlExport export, int year)
    {
        ComplianceResult sdk = PermitCompliance.Evaluate(export.Data, year);
        var sql = export.Query($"SELECT outlet_id, pollutant, limit_mg_per_m3, reference_o2_pct, valid_hours, over_limit_hours, max_hourly_mg_per_m3, compliant FROM compliance WHERE year = {year}")
            .ToDictionary(r => ((string)r[0]!, (string)r[1]!));

        Assert.Equal(sdk.Outlets.Count, sql.Count);
        foreach (OutletCompliance c in sdk.Outlets)
        {
            object?[] row = sql[(c.OutletId, ContractNames.ToName(c.Pollutant))];
            string context = $"{c.OutletId} {c.Pollutant} {year}";
            AssertSame(c.Limit.Value?.MilligramsPerCubicMeter, row[2], context);
            AssertSame(c.Limit.Basis.ReferenceOxygen?.Percent, row[3], context);
            Assert.Equal(c.ValidHours, Convert.ToInt64(row[4], CultureInfo.InvariantCulture));
            Assert.Equal(c.OverLimitHours, Convert.ToInt64(row[5], CultureInfo.InvariantCulture));
            AssertSame(c.MaxHourly?.MilligramsPerCubicMeter, row[6], context);
            Assert.Equal(c.Compliant, (bool?)row[7]);
        }

        return (sql.Count, sdk.Outlets.Count(c => c.Compliant == false));
    }

    /// <summary><c>plan_checks_cems</c> against the checks of <see cref="PlanChecks.Evaluate"/> that scan <c>cems_hourly</c>.</summary>
    /// <returns>The checks compared by outcome.</returns>
    public static Dictionary<string, int> PlanChecksCems(SqlExport export, int year)
    {
        string[] scanning = ["ferroalloy_demonstration_pm", "cement_kiln_nox", "cement_kiln_ammonia_slip_monitored", "gas_boiler_nox"];
        PlanCheck[] sdk = PlanChecks.Evaluate(export.Data, year, ReferenceCatalogue.Builtin, s_asOf).Where(c => scanning.Contains(c.CheckId)).ToArray();
        var sql = export.Query($"SELECT check_id, facility_id, outcome, value, threshold FROM plan_checks_cems WHERE year = {year}")
            .ToDictionary(r => ((string)r[0]!, (string)r[1]!));

        Assert.Equal(sdk.Length, sql.Count);
        foreach (PlanCheck c in sdk)
        {
            object?[] row = sql[(c.CheckId, c.FacilityId)];
            string context = $"{c.CheckId} {c.FacilityId} {year}";
            Assert.True(ContractNames.ToName(c.Outcome) == (string)row[2]!, $"{context}: {c.Outcome} against {row[2]}.");
            AssertSame(c.Value, row[3], context);
            AssertSame(c.Threshold, row[4], context);
        }

        return sdk.GroupBy(c => ContractNames.ToName(c.Outcome)).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary><c>carbon_enterprises</c> and <c>carbon_townships</c> against <see cref="CarbonCalculator.Compute"/>.</summary>
    /// <returns>The enterprises compared.</returns>
    public static int Carbon(SqlExport export, int year)
    {
        CarbonAssessment sdk = new CarbonCalculator(ReferenceCatalogue.Builtin).Compute(export.Data, year, s_asOf);
        var enterprises = export.Query($"SELECT enterprise_id, combustion_t, process_t, electricity_t, total_t, t_per_t, t_per_10k_yuan, output_t FROM carbon_enterprises WHERE year = {year}")
            .ToDictionary(r => (string)r[0]!);
        Assert.Equal(sdk.Enterprises.Count, enterprises.Count);
        foreach (EnterpriseCarbon e in sdk.Enterprises)
        {
            object?[] row = enterprises[e.EnterpriseId];
            string context = $"{e.EnterpriseId} {year}";
            AssertSame(e.Combustion?.Tonnes, row[1], context + " combustion");
            AssertSame(e.Process?.Tonnes, row[2], context + " process");
            AssertSame(e.Electricity?.Tonnes, row[3], context + " electricity");
            AssertSame(e.Total?.Tonnes, row[4], context + " total");
            AssertSame(e.PerTonne?.TonnesOfCarbonDioxidePerTonne, row[5], context + " per t");
            AssertSame(e.PerOutputValue?.TonnesOfCarbonDioxidePerTenThousandYuan, row[6], context + " per 1E4 yuan");
            AssertSame(e.Output.Tonnes, row[7], context + " output");
        }

        var townships = export.Query($"SELECT township, total_t, t_per_10k_yuan, above_city_average FROM carbon_townships WHERE year = {year}")
            .ToDictionary(r => (string)r[0]!);
        Assert.Equal(sdk.Townships.Count, townships.Count);
        foreach (TownshipCarbon t in sdk.Townships)
        {
            object?[] row = townships[t.Township];
            AssertSame(t.Total?.Tonnes, row[1], $"{t.Township} {year} total");
            AssertSame(t.PerOutputValue?.TonnesOfCarbonDioxidePerTenThousandYuan, row[2], $"{t.Township} {year} per 1E4 yuan");
            Assert.Equal(t.AboveCityAverage, (bool?)row[3]);
        }

        return enterprises.Count;
    }

    /// <summary>The tax views (<c>tax_pollutants</c>, <c>tax_outlet_months</c>, <c>tax_outlets</c>, <c>tax_totals</c>)
    /// of the script written with <c>--tax-rounding <paramref name="rounding"/></c> against
    /// <see cref="EnvironmentalTaxCalculator.ForInventory"/> with that preset: the money to the fen exactly, the
    /// equivalents to 1e-9, ranks, levy shares and reductions exactly.</summary>
    /// <returns>The SDK's assessment, to assert its figures.</returns>
    public static TaxAssessment Tax(SqlExport export, int year, string rounding)
    {
        TaxOptions options = TaxOptions.Preset(rounding)!;
        EmissionInventory inventory = new EmissionInventoryCalculator().Compute(export.Data, year);
        TaxAssessment sdk = new EnvironmentalTaxCalculator(ReferenceCatalogue.Builtin, options).ForInventory(export.Data, inventory, s_asOf);
        string[] with = ["--tax-rounding", rounding];

        var months = export.QueryWith(with, $"SELECT outlet_id, month, tax_yuan, reduced FROM tax_outlet_months WHERE year = {year}")
            .ToDictionary(r => ((string)r[0]!, Convert.ToInt32(r[1], CultureInfo.InvariantCulture)));
        Assert.Equal(sdk.Outlets.Count, months.Values.Count(r => r[2] is not null));
        Assert.Equal(sdk.Missing.Count, months.Values.Count(r => r[2] is null));
        var pollutants = export.QueryWith(with, $"SELECT outlet_id, month, tax_pollutant, equivalents, ranking, taxed, levy_share, tax_yuan FROM tax_pollutants WHERE year = {year}")
            .ToDictionary(r => ((string)r[0]!, Convert.ToInt32(r[1], CultureInfo.InvariantCulture), (string)r[2]!));
        Assert.Equal(sdk.Outlets.Sum(o => o.Pollutants.Count), pollutants.Count);
        foreach (OutletMonthTax month in sdk.Outlets)
        {
            string context = $"{month.OutletId} {month.Period:yyyy-MM} {rounding}";
            for (int i = 0; i < month.Pollutants.Count; i++)
            {
                PollutantTax p = month.Pollutants[i];
                object?[] r = pollutants[(month.OutletId, month.Period.Month, p.Pollutant)];
                AssertSame((double)p.Equivalents, r[3], $"{context} {p.Pollutant} equivalents");
                Assert.Equal(i + 1, Convert.ToInt32(r[4], CultureInfo.InvariantCulture));
                Assert.Equal(p.Taxed, (bool)r[5]!);
                Assert.Equal(p.LevyShare, Convert.ToDouble(r[6], CultureInfo.InvariantCulture));
                if (options.PollutantTaxDecimals is null)
                {
                    AssertSame((double)p.Tax, r[7], $"{context} {p.Pollutant} tax");
                }
                else
                {
                    Assert.True(p.Tax == Convert.ToDecimal(r[7], CultureInfo.InvariantCulture), $"{context} {p.Pollutant}: the SDK's tax is {p.Tax} ({p.Equivalents} equivalents, share {p.LevyShare}, {p.Emission.Kilograms} kg), the view's {r[7]} ({r[3]} equivalents).");
                }
            }
            object?[] row = months[(month.OutletId, month.Period.Month)];
            Assert.True(month.Tax == Convert.ToDecimal(row[2], CultureInfo.InvariantCulture), $"{context}: the SDK's tax is {month.Tax}, the view's {row[2]}.");
            Assert.Equal(month.Pollutants.Any(p => p.Taxed && p.LevyShare < 1), (bool?)row[3]);
        }

        var outlets = export.QueryWith(with, $"SELECT outlet_id, tax_yuan, months, reduced_months FROM tax_outlets WHERE year = {year}")
            .ToDictionary(r => (string)r[0]!);
        var byOutlet = sdk.Outlets.GroupBy(o => o.OutletId).ToArray();
        Assert.Equal(byOutlet.Length, outlets.Count);
        foreach (IGrouping<string, OutletMonthTax> outlet in byOutlet)
        {
            object?[] row = outlets[outlet.Key];
            Assert.Equal(outlet.Sum(m => m.Tax), Convert.ToDecimal(row[1], CultureInfo.InvariantCulture));
            Assert.Equal(outlet.Count(), Convert.ToInt32(row[2], CultureInfo.InvariantCulture));
            Assert.Equal(outlet.Count(m => m.Pollutants.Any(p => p.Taxed && p.LevyShare < 1)), Convert.ToInt32(row[3], CultureInfo.InvariantCulture));
        }

        object?[] totals = Assert.Single(export.QueryWith(with, $"SELECT total_yuan, known_total_yuan, rounding FROM tax_totals WHERE year = {year}"));
        Assert.Equal(sdk.Total, totals[0] is null ? null : Convert.ToDecimal(totals[0], CultureInfo.InvariantCulture));
        Assert.Equal(sdk.KnownTotal, Convert.ToDecimal(totals[1], CultureInfo.InvariantCulture));
        Assert.Equal(sdk.Rounding, (string)totals[2]!);
        return sdk;
    }

    /// <summary><c>unit_energy</c> against <see cref="EnergyCalculator.ByEnterprise"/>.</summary>
    /// <returns>The enterprise-products compared.</returns>
    public static int UnitEnergy(SqlExport export, int year)
    {
        var sdk = new EnergyCalculator(ReferenceCatalogue.Builtin).ByEnterprise(export.Data, year, new DateOnly(year, 12, 31)).Groups
            .ToDictionary(g => (g.GroupId, g.Product));
        List<object?[]> rows = export.Query($"SELECT enterprise_id, product, output_t, output_basis_t, comprehensive_energy_kgce, unit_energy_kgce_per_t FROM unit_energy WHERE year = {year}");

        Assert.Equal(sdk.Count, rows.Count);
        foreach (object?[] row in rows)
        {
            GroupEnergy g = sdk[((string)row[0]!, (string)row[1]!)];
            string context = $"{g.GroupId} {g.Product} {year}";
            AssertSame(g.Output.Tonnes, row[2], context + " output");
            AssertSame(g.OutputBasis.Tonnes, row[3], context + " output on the basis");
            AssertSame(g.ComprehensiveEnergy?.KilogramsOfCoalEquivalent, row[4], context + " kgce");
            AssertSame(g.UnitEnergy?.KilogramsOfCoalEquivalentPerTonne, row[5], context + " kgce per t");
        }

        return rows.Count;
    }

    /// <summary><c>solid_waste_utilisation</c> against <see cref="SolidWasteUtilisation.ByEnterprise"/>.</summary>
    /// <returns>The enterprises compared.</returns>
    public static int SolidWaste(SqlExport export, int year)
    {
        var sdk = SolidWasteUtilisation.ByEnterprise(export.Data.SolidWasteLedger, year).ToDictionary(u => u.EnterpriseId);
        List<object?[]> rows = export.Query($"SELECT enterprise_id, utilisation_rate_pct FROM solid_waste_utilisation WHERE year = {year}");

        Assert.Equal(sdk.Count, rows.Count);
        foreach (object?[] row in rows)
        {
            AssertSame(sdk[(string)row[0]!].UtilisationRate?.Percent, row[1], $"{row[0]} {year}");
        }

        return rows.Count;
    }

    /// <summary><c>measured_inventory</c> against the measured outlets of <see cref="EmissionInventoryCalculator"/>.</summary>
    /// <returns>The measured outlets and pollutants compared.</returns>
    public static int MeasuredInventory(SqlExport export, int year)
    {
        EmissionInventory inventory = new EmissionInventoryCalculator().Compute(export.Data, year);
        var measured = inventory.Totals(EmissionGrouping.Outlet).Where(t => t.Methods.SequenceEqual([EmissionMethod.Measured]))
            .ToDictionary(t => (t.GroupId, ContractNames.ToName(t.Pollutant)));
        var sql = export.Query($"SELECT outlet_id, pollutant, mass_t FROM measured_inventory WHERE year = {year}")
            .ToDictionary(r => ((string)r[0]!, (string)r[1]!), r => r[2]);

        foreach (((string outlet, string pollutant), EmissionTotal total) in measured)
        {
            AssertSame(total.Mass?.Tonnes, sql[(outlet, pollutant)], $"{outlet} {pollutant} {year}");
        }

        return measured.Count;
    }

    /// <summary><c>energy_benchmarks</c> against the classes, pairs, gaps and limit levels of <see cref="EnergyCalculator.ByEnterprise"/>.</summary>
    /// <returns>The enterprise-products by class (<c>none</c> without one).</returns>
    public static Dictionary<string, int> EnergyBenchmarks(SqlExport export, int year)
    {
        var sdk = new EnergyCalculator(ReferenceCatalogue.Builtin).ByEnterprise(export.Data, year, new DateOnly(year, 12, 31)).Groups
            .ToDictionary(g => (g.GroupId, g.Product));
        List<object?[]> rows = export.Query($"SELECT enterprise_id, product, benchmark_class, benchmark_kgce_per_t, baseline_kgce_per_t, gap_to_benchmark_kgce_per_t, gap_to_benchmark_tce, limit_level FROM energy_benchmarks WHERE year = {year}");

        Assert.Equal(sdk.Count, rows.Count);
        foreach (object?[] row in rows)
        {
            GroupEnergy g = sdk[((string)row[0]!, (string)row[1]!)];
            string context = $"{g.GroupId} {g.Product} {year}";
            Assert.True((g.BenchmarkClass is { } c ? BenchmarkClassification.ToName(c) : null) == (string?)row[2], $"{context}: {g.BenchmarkClass} against {row[2]}.");
            AssertSame(g.Benchmark?.Benchmark.Value, row[3], context + " benchmark");
            AssertSame(g.Benchmark?.Baseline.Value, row[4], context + " baseline");
            AssertSame(g.GapToBenchmark?.KilogramsOfCoalEquivalentPerTonne, row[5], context + " gap kgce/t");
            AssertSame(g.GapToBenchmarkEnergy?.TonnesOfCoalEquivalent, row[6], context + " gap tce");
            string? level = g.Level switch { null => null, LimitLevel.AboveLevel3 => "above_level_3", { } l => $"level_{(int)l}" };
            Assert.True(level == (string?)row[7], $"{context}: limit level {level} against {row[7]}.");
        }

        return sdk.Values.GroupBy(g => g.BenchmarkClass is { } c ? BenchmarkClassification.ToName(c) : "none").ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary><c>smelting_electricity.electricity_limit_level</c> against <see cref="GroupEnergy.ElectricityLevel"/> of
    /// <see cref="EnergyCalculator.ByEnterprise"/>; for the ore-grade corrected products, the view's levels against
    /// <see cref="LimitCorrections.Gb21341PrimaryLimit"/> at the view's grade.</summary>
    /// <returns>The enterprise-products by level (<c>none</c> without one), and those whose levels were corrected.</returns>
    public static (Dictionary<string, int> Levels, int Corrected) ElectricityLevels(SqlExport export, int year)
    {
        var sdk = new EnergyCalculator(ReferenceCatalogue.Builtin).ByEnterprise(export.Data, year, new DateOnly(year, 12, 31)).Groups
            .ToDictionary(g => (g.GroupId, g.Product));
        List<object?[]> rows = export.Query($"SELECT enterprise_id, product, electricity_limit_level, ore_grade_pct, electricity_limit_level_1_kwh_per_t, electricity_limit_level_2_kwh_per_t, electricity_limit_level_3_kwh_per_t FROM smelting_electricity WHERE year = {year}");
        Dictionary<string, ProductDefinition> products = ProductDefinition.Defaults.ToDictionary(p => p.Code);
        var asOf = new DateOnly(year, 12, 31);

        Assert.Equal(sdk.Count, rows.Count);
        int corrected = 0;
        foreach (object?[] row in rows)
        {
            GroupEnergy g = sdk[((string)row[0]!, (string)row[1]!)];
            string context = $"{g.GroupId} {g.Product} {year}";
            string? level = g.ElectricityLevel switch { null => null, LimitLevel.AboveLevel3 => "above_level_3", { } l => $"level_{(int)l}" };
            Assert.True(level == (string?)row[2], $"{context}: electricity limit level {level} against {row[2]}.");
            if (products[g.Product].OreGradeProduct is { } slug && row[3] is not null && row[4] is not null)
            {
                LimitLevels limits = LimitCorrections.Gb21341PrimaryLimit(ReferenceCatalogue.Builtin, slug, MassFraction.FromPercent((double)row[3]!), asOf);
                AssertSame(limits.Level1, row[4], context + " level 1");
                AssertSame(limits.Level2, row[5], context + " level 2");
                AssertSame(limits.Level3, row[6], context + " level 3");
                corrected++;
            }
        }

        return (sdk.Values.GroupBy(g => g.ElectricityLevel?.ToString() ?? "none").ToDictionary(g => g.Key, g => g.Count()), corrected);
    }

    /// <summary><c>smelting_electricity</c> against <see cref="EnergyCalculator.ByEnterprise"/>, and <c>ferroalloy_furnaces</c>
    /// against <see cref="Assessment.ClusterSummary.Count"/> and <see cref="Analytics.WasteHeat.WasteHeatRecovery.Coverage"/>.</summary>
    /// <returns>The view's ferroalloy output and waste-heat power per tonne.</returns>
    public static (double? OutputT, double? PowerKwhPerT) FurnaceFigures(SqlExport export, int year)
    {
        var sdk = new EnergyCalculator(ReferenceCatalogue.Builtin).ByEnterprise(export.Data, year, new DateOnly(year, 12, 31)).Groups
            .ToDictionary(g => (g.GroupId, g.Product));
        List<object?[]> rows = export.Query($"SELECT enterprise_id, product, smelting_electricity_kwh_per_t FROM smelting_electricity WHERE year = {year}");
        Assert.Equal(sdk.Count, rows.Count);
        foreach (object?[] row in rows)
        {
            GroupEnergy g = sdk[((string)row[0]!, (string)row[1]!)];
            AssertSame(g.SmeltingElectricity?.KilowattHoursPerTonne, row[2], $"{g.GroupId} {g.Product} {year} kWh per t");
        }

        Assessment.FerroalloySummary ferroalloy = Assessment.ClusterSummary.Count(export.Data, year).Ferroalloy!;
        var ids = export.Data.Enterprises.Where(e => e.IndustryCode == Assessment.ClusterSummary.FerroalloyIndustryCode).Select(e => e.EnterpriseId).ToHashSet(StringComparer.Ordinal);
        Analytics.WasteHeat.WasteHeatCoverage heat = Analytics.WasteHeat.WasteHeatRecovery.Coverage(export.Data, ids, year);
        List<object?[]> furnaces = export.Query($"SELECT output_t, waste_heat_power_kwh_per_t FROM ferroalloy_furnaces WHERE year = {year}");
        object? output = furnaces.Count == 0 ? null : furnaces[0][0];
        object? power = furnaces.Count == 0 ? null : furnaces[0][1];
        AssertSame(ferroalloy.Output?.Tonnes, output, $"ferroalloy output {year}");
        AssertSame(heat.PowerPerTonne?.KilowattHoursPerTonne, power, $"waste-heat power per t {year}");
        return (output is null ? null : Convert.ToDouble(output, CultureInfo.InvariantCulture), power is null ? null : Convert.ToDouble(power, CultureInfo.InvariantCulture));
    }
}
