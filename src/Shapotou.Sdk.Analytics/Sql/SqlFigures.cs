namespace Shapotou.Sdk.Analytics.Sql;

/// <summary>One figure of the district assessment with its one definition and its two executions: the SDK member
/// that computes it in process and the SQL view column that computes it on an engine.</summary>
/// <param name="JsonPath">Where <c>assess --json</c> writes it, as docs/tables.md names it (<c>emissions.outlets[].mass_t</c>).</param>
/// <param name="Formula">The definition, in words and symbols, with its source.</param>
/// <param name="SdkMember">The SDK member that computes it.</param>
/// <param name="View">The view of <c>shapotou sql</c> that computes it.</param>
/// <param name="Column">The view's column.</param>
public sealed record SqlFigure(string JsonPath, string Formula, string SdkMember, string View, string Column);

/// <summary>
/// The figures of the district assessment that are computed from fact tables (<c>energy_ledger</c>,
/// <c>solid_waste_ledger</c>, <c>cems_hourly</c>) and have a SQL view: the table docs/scale.md prints and the tests
/// check both executions against.
/// </summary>
/// <remarks>This type is immutable and thread-safe. A test compares every figure's view and column with the DuckDB
/// script, every figure's SDK value with the view's, and the figures of <c>assess --json</c> with this table, so that a
/// new figure over a fact table without a view fails it, named.</remarks>
public static class SqlFigures
{
    private const string Measured = "Σ c × Q × 1 h × 1e-9 t over hours whose value and flow flags are N (HJ 212-2017 Annex D (33)), the hours of cems_hourly, else of cems_minute by the 45-minute and 75 % rules (cems_minute_hours)";

    /// <summary>Gets every figure, in the order of <c>assess --json</c>.</summary>
    public static IReadOnlyList<SqlFigure> All { get; } =
    [
        new("ferroalloy.output_t", "Σ output of the submerged-arc furnaces of GB/T 4754 class 3140 in the year", "ClusterSummary.Count", "ferroalloy_furnaces", "output_t"),
        new("targets_2027_t.pm", "2024 district total × (100 − rate) ÷ 100, to 0.01 t half away from zero (Plan P4, plan.target_2027.reduction.*)", "EmissionTargets.Ceilings", "targets_2027", "ceiling_t"),
        new("targets_2027_t.so2", "as targets_2027_t.pm", "EmissionTargets.Ceilings", "targets_2027", "ceiling_t"),
        new("targets_2027_t.nox", "as targets_2027_t.pm", "EmissionTargets.Ceilings", "targets_2027", "ceiling_t"),
        new("energy.enterprises[].output_t", "Σ output per enterprise, year and product", "EnergyCalculator.ByEnterprise", "unit_energy", "output_t"),
        new("energy.enterprises[].output_basis_t", "Σ output × basis factor (FeSi grades by silicon content)", "EnergyCalculator.ByEnterprise", "unit_energy", "output_basis_t"),
        new("energy.enterprises[].comprehensive_energy_kgce", "Σ carrier × coefficient − exported electricity × coefficient (GB/T 2589-2020); NULL with any unknown row", "EnergyCalculator.ByEnterprise", "unit_energy", "comprehensive_energy_kgce"),
        new("energy.enterprises[].unit_energy_kgce_per_t", "comprehensive energy ÷ output on the benchmark basis", "EnergyCalculator.ByEnterprise", "unit_energy", "unit_energy_kgce_per_t"),
        new("energy.enterprises[].benchmark_class", "unit energy ≤ benchmark: better_than_benchmark; > baseline: worse_than_baseline; else between; the pair in force on 31 December (energy.benchmark.*)", "EnergyCalculator.ByEnterprise", "energy_benchmarks", "benchmark_class"),
        new("energy.enterprises[].benchmark_kgce_per_t", "the benchmark (标杆水平) in force on 31 December (energy.benchmark.*.benchmark)", "EnergyCalculator.ByEnterprise", "energy_benchmarks", "benchmark_kgce_per_t"),
        new("energy.enterprises[].baseline_kgce_per_t", "the baseline (基准水平) in force on 31 December (energy.benchmark.*.baseline)", "EnergyCalculator.ByEnterprise", "energy_benchmarks", "baseline_kgce_per_t"),
        new("energy.enterprises[].gap_to_benchmark_kgce_per_t", "unit energy − benchmark", "EnergyCalculator.ByEnterprise", "energy_benchmarks", "gap_to_benchmark_kgce_per_t"),
        new("energy.enterprises[].gap_to_benchmark_tce", "(unit energy − benchmark) × output on the benchmark basis ÷ 1000", "EnergyCalculator.ByEnterprise", "energy_benchmarks", "gap_to_benchmark_tce"),
        new("energy.enterprises[].smelting_electricity_kwh_per_t", "Σ furnace_electricity ÷ output on the benchmark basis; NULL with any NULL row", "EnergyCalculator.ByEnterprise", "smelting_electricity", "smelting_electricity_kwh_per_t"),
        new("energy.enterprises[].limit_level", "the first level of the limit standard (energy.limit.*.comprehensive_energy.level_1..3, in force on 31 December) the unit energy is at or below, else above_level_3; NULL when above the known levels and level 3 is unknown", "EnergyCalculator.ByEnterprise", "energy_benchmarks", "limit_level"),
        new("energy.enterprises[].electricity_limit_level", "smelting electricity per tonne against the levels of the product's electricity limit in force on 31 December (energy.limit.gb21341 / gb21343 / gb16780.*.level_1..3); for ferrosilicon and silicomanganese each level − (grade − ore_grade_baseline) × ore_grade_correction at the output-weighted ore_grade (GB 21341-2022 Table 1), NULL without a grade; classified as limit_level", "EnergyCalculator.ByEnterprise", "smelting_electricity", "electricity_limit_level"),
        new("solid_waste.enterprises[].utilisation_rate_pct", "100 × Σ utilised ÷ (Σ generated + Σ utilised from storage)", "SolidWasteUtilisation.ByEnterprise", "solid_waste_utilisation", "utilisation_rate_pct"),
        new("waste_heat.power_kwh_per_t", "Σ waste-heat power ÷ Σ output of those furnaces with recovery; NULL with any NULL power", "WasteHeatRecovery.Coverage", "ferroalloy_furnaces", "waste_heat_power_kwh_per_t"),
        new("emissions.outlets[].method", "measured (a valid or stopped hour in the year), else factor (every facility has a factor for every product), else NULL (Environmental Protection Tax Law, Art. 10)", "EmissionInventory.Totals(Outlet).Methods", "inventory_outlets", "method"),
        new("emissions.outlets[].mass_t", $"measured: {Measured}; factor: Σ activity × factor ÷ 1000 × Π(1 − η) ÷ outlets of the facility", "EmissionInventory.Totals(Outlet).Mass", "inventory_outlets", "mass_t"),
        new("emissions.totals[].mass_t", "Σ outlets' mass_t; NULL when any is NULL", "EmissionInventory.Total", "inventory_totals", "mass_t"),
        new("emissions.totals[].methods[]", "the methods of the outlets, as counts per method", "EmissionInventory.Totals(District).Methods", "inventory_totals", "measured_outlets"),
        new("emissions.targets_progress[].emission_t", "the year's district total", "EmissionTargets.Progress", "targets_progress", "emission_t"),
        new("emissions.targets_progress[].ceiling_2027_t", "targets_2027_t", "EmissionTargets.Progress", "targets_progress", "ceiling_2027_t"),
        new("emissions.targets_progress[].reduction_pct", "(baseline − emission) ÷ baseline × 100", "EmissionTargets.Progress", "targets_progress", "reduction_pct"),
        new("emissions.targets_progress[].gap_t", "emission − ceiling", "EmissionTargets.Progress", "targets_progress", "gap_t"),
        new("emissions.targets_progress[].met", "emission ≤ ceiling", "EmissionTargets.Progress", "targets_progress", "met"),
        new("emissions.compliance[].limit_mg_per_m3", "outlets.limit_value", "PermitCompliance.Evaluate", "compliance", "limit_mg_per_m3"),
        new("emissions.compliance[].reference_o2_pct", "outlets.reference_o2", "PermitCompliance.Evaluate", "compliance", "reference_o2_pct"),
        new("emissions.compliance[].valid_hours", "hours whose value and flow flags are N, both present", "PermitCompliance.Evaluate", "compliance", "valid_hours"),
        new("emissions.compliance[].over_limit_hours", "valid hours with c × (21 − O₂ref) ÷ (21 − O₂) > limit (GB 13271-2014 / GB 4915-2013 formula (1))", "PermitCompliance.Evaluate", "compliance", "over_limit_hours"),
        new("emissions.compliance[].max_hourly_mg_per_m3", "the highest valid hour on the limit's basis", "PermitCompliance.Evaluate", "compliance", "max_hourly_mg_per_m3"),
        new("emissions.compliance[].compliant", "no valid hour above the limit; NULL without a compared hour", "PermitCompliance.Evaluate", "compliance", "compliant"),
        new("emissions.plan_checks[].outcome", "the highest valid hour of the facility's outlets on the check's basis against the P6 value (≤, gas boilers <), or valid nh3 hours > 0", "PlanChecks.Evaluate", "plan_checks_cems", "outcome"),
        new("emissions.plan_checks[].value", "that highest valid hour in mg/m³, or the valid nh3 hours", "PlanChecks.Evaluate", "plan_checks_cems", "value"),
        new("emissions.plan_checks[].threshold", "the P6 value (plan.p6.*)", "PlanChecks.Evaluate", "plan_checks_cems", "threshold"),
        new("tax.rounding", "the rounding convention the script is written with (--tax-rounding: exact, published; TaxOptions)", "TaxAssessment.Rounding", "tax_totals", "rounding"),
        new("tax.total_yuan", "Σ outlet-months' tax: Σ of the top three pollutants' kg ÷ equivalent value × rate × levy share, to the fen (Art. 9, 13; tax.*); NULL when any outlet-month's is unknown", "TaxAssessment.Total", "tax_totals", "total_yuan"),
        new("tax.known_total_yuan", "Σ the tax of the outlet-months whose tax is known", "TaxAssessment.KnownTotal", "tax_totals", "known_total_yuan"),
        new("tax.outlets[].tax_yuan", "Σ the outlet's known monthly taxes", "EnvironmentalTaxCalculator.ForInventory", "tax_outlets", "tax_yuan"),
        new("tax.outlets[].months", "the outlet's months whose tax is known", "EnvironmentalTaxCalculator.ForInventory", "tax_outlets", "months"),
        new("tax.outlets[].reduced_months", "months with a taxed pollutant levied at 75 % or 50 %: monthly mean of valid hours 30 % or 50 % below the permit limit, no valid hour above it (Art. 13; Implementing Regulations Art. 10)", "EnvironmentalTaxCalculator.ForInventory", "tax_outlets", "reduced_months"),
        new("carbon.enterprises[].combustion_t", "Σ fuel × combustion factor (coal as bituminous: NCV × C × oxidation × 44/12; gas carbon.process.natural_gas ÷ 1E4); a furnace's reductants are process CO₂", "CarbonCalculator.Compute", "carbon_enterprises", "combustion_t"),
        new("carbon.enterprises[].process_t", "Σ furnace reductant × process factor (carbon.process.*)", "CarbonCalculator.Compute", "carbon_enterprises", "process_t"),
        new("carbon.enterprises[].electricity_t", "(purchased − exported) kWh ÷ 1000 × grid factor (carbon.grid_factor.ningxia of the year, else the latest earlier)", "CarbonCalculator.Compute", "carbon_enterprises", "electricity_t"),
        new("carbon.enterprises[].total_t", "combustion + process + electricity", "CarbonCalculator.Compute", "carbon_enterprises", "total_t"),
        new("carbon.enterprises[].t_per_t", "total ÷ Σ output, when output > 0", "CarbonCalculator.Compute", "carbon_enterprises", "t_per_t"),
        new("carbon.enterprises[].t_per_10k_yuan", "total ÷ output_value, when > 0", "CarbonCalculator.Compute", "carbon_enterprises", "t_per_10k_yuan"),
        new("carbon.townships[].total_t", "Σ enterprises' totals", "CarbonCalculator.Compute", "carbon_townships", "total_t"),
        new("carbon.townships[].t_per_10k_yuan", "total ÷ Σ output_value, when > 0", "CarbonCalculator.Compute", "carbon_townships", "t_per_10k_yuan"),
        new("carbon.townships[].above_city_average", "intensity > the city's average, which the references lack: NULL", "CarbonCalculator.Compute", "carbon_townships", "above_city_average"),
        new("grading.distribution.performance_leading", "graded enterprises per grade name, every grade listed, zero included (--grading-criteria FILE, the SDK's examples otherwise)", "GradingResult.Distribution", "grading_distribution", "enterprises"),
        new("grading.distribution.A", "as grading.distribution.performance_leading", "GradingResult.Distribution", "grading_distribution", "enterprises"),
        new("grading.distribution.B", "as grading.distribution.performance_leading", "GradingResult.Distribution", "grading_distribution", "enterprises"),
        new("grading.distribution.B-", "as grading.distribution.performance_leading", "GradingResult.Distribution", "grading_distribution", "enterprises"),
        new("grading.distribution.C", "as grading.distribution.performance_leading", "GradingResult.Distribution", "grading_distribution", "enterprises"),
        new("grading.distribution.D", "as grading.distribution.performance_leading", "GradingResult.Distribution", "grading_distribution", "enterprises"),
        new("grading.enterprises[].grade", "the best grade of the industry's ladder whose criteria, and those of every worse grade, pass or do not apply (running facilities only; the highest valid hour of the latest CEMS year on the threshold's basis; treatment, CEMS, enterprise facts --facts FILE); an unknown blocks its grade and every better one; else the floor", "PerformanceGrading.Grade", "grading_enterprises", "grade"),
        new("grading.enterprises[].failed[]", "the criteria that fail, as sentences; the view: their ids, one row each with status fails", "PerformanceGrading.Grade", "grading_outcomes", "status"),
        new("grading.enterprises[].unknown[]", "the criteria whose data or facts are missing, as sentences; the view: their ids, one row each with status unknown", "PerformanceGrading.Grade", "grading_outcomes", "status"),
        new("grading.not_graded[]", "the enterprises whose industry code no industry of the criteria table covers; the view: grade NULL", "PerformanceGrading.Grade", "grading_enterprises", "grade"),
        new("warnings[]", "per check, the values the plausibility checks find: ledger unit energy and furnace electricity below the physical floors or unit energy far above limit level 3, valid hours' concentrations and O₂ above a range, flows outside a range or jumping against the outlet's valid hour just before (--plausibility FILE); count = rows of the check", "DistrictAssessment.Warnings", "plausibility_warnings", "check_id"),
    ];
}
