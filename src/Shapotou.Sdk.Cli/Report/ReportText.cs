using System.Globalization;

namespace Shapotou.Sdk.Cli.Report;

/// <summary>
/// The report's localisation table: every label of the charts, the HTML and the Markdown, in Chinese and English,
/// under one key. A key missing a language cannot be written: each row names both.
/// </summary>
internal sealed class ReportText
{
    private static readonly Dictionary<string, (string Zh, string En)> s_table = new(StringComparer.Ordinal)
    {
        ["report.title"] = ("沙坡头区大气污染型产业集群报告", "Shapotou District air-polluting industrial cluster: report"),
        ["report.subtitle"] = ("中卫市沙坡头区大气污染型产业集群发展规划（2025–2027 年）的测算", "Figures of the development plan for the air-polluting industrial cluster of Shapotou District, Zhongwei (2025–2027)"),
        ["report.dataset"] = ("数据集", "dataset"),
        ["report.sdk"] = ("SDK 版本", "SDK version"),
        ["report.catalogue_as_of"] = ("参考目录日期", "catalogue as of"),
        ["report.year"] = ("企业图表年份", "year of the enterprise charts"),
        ["report.illustrative"] = (
            "示意数据：默认数据集在设施层面为合成数据，按规划公布的数字（表 1-1、表 1-2、P2）校准，不是任何企业的实际数据；详见 docs/default-dataset.md。",
            "Illustrative data: the default dataset is synthetic at facility level, calibrated to the plan's published figures (tables 1-1 and 1-2, P2); it is no enterprise's real data. See docs/default-dataset.md."),
        ["report.contents"] = ("目录", "Contents"),
        ["report.assumptions"] = ("假设与说明（来自评估）", "Assumptions (from the assessment)"),
        ["report.chart_unavailable"] = ("本节无图：", "No chart in this section: "),
        ["report.data"] = ("数据", "Data"),
        ["chart.illustrative"] = ("示意数据（合成，见 docs/default-dataset.md）", "Illustrative data (synthetic; see docs/default-dataset.md)"),
        ["chart.year"] = ("年份", "year"),

        ["report.warnings"] = ("合理性检查警告（不改变任何数字）", "Plausibility warnings (no figure changes)"),
        ["warnings.none"] = ("各项合理性检查均未发现异常值。", "No plausibility check found a value."),
        ["warnings.more"] = ("{0}：另有 {1} 条未列出。", "{0}: and {1} more."),
        ["warnings.where.row"] = ("{0} 表第 {1} 行（{2}）：", "Table '{0}', row {1} ({2}): "),
        ["warnings.where.hour"] = ("{0} 表，排放口 {1}，{2}：", "Table '{0}', outlet '{1}', {2}: "),
        ["warnings.unit_energy_below_floor"] = (
            "单位产品综合能耗 {0} {2}，低于由 SiO₂ 还原出 FeSi75 所含硅所需的最低能量 {1} {2}，可能有能源或产量的单位错误。",
            "unit energy {0} {2} is below {1} {2}, the least that reducing FeSi75's silicon from SiO₂ takes; a carrier or the output is likely in the wrong unit."),
        ["warnings.unit_energy_far_above_limit"] = (
            "单位产品综合能耗 {0} {2}，高于 {1} {2}（产品限定值的倍数），可能有能源或产量的单位错误。",
            "unit energy {0} {2} is above {1} {2}, a multiple of the product's limit value; a carrier or the output is likely in the wrong unit."),
        ["warnings.electricity_below_floor"] = (
            "冶炼电耗 {0} {2}，低于 FeSi75 的 SiO₂ + 2C = Si + 2CO 反应热 {1} {2}；把万 kWh 当作 kWh 填报会得到这样的数值。",
            "furnace electricity {0} {2} is below {1} {2}, the heat of SiO₂ + 2C = Si + 2CO for FeSi75; electricity entered in 10⁴ kWh (万 kWh) instead of kWh gives such a value."),
        ["warnings.concentration_above_range"] = ("浓度 {0} {2}，高于设定的量程上限 {1} {2}。", "concentration {0} {2} is above {1} {2}, the upper end of the range set."),
        ["warnings.oxygen_above_range"] = (
            "O₂ {0} {2}，高于干空气的 O₂ {1} {2}：分析仪测的是环境空气，该小时的基准氧折算没有意义。",
            "O₂ {0} {2} is above {1} {2}, the O₂ of dry air: the analyser reads ambient air, and the reference-O₂ conversion of the hour is meaningless."),
        ["warnings.flow_outside_range"] = ("流量 {0} {2}，超出为该排放口设定的范围（越过 {1} {2}）。", "flow {0} {2} is outside the range set for the outlet (beyond {1} {2})."),
        ["warnings.flow_jump"] = ("流量 {0} {2}，与前一小时的 {1} {2} 相差十倍以上（比值接近 3 600 时为 m³/h 与 m³/s 混用）。", "flow {0} {2} jumps from {1} {2} the hour before (a ratio near 3 600 is m³/h and m³/s mixed up)."),
        ["warnings.title.unit_energy_below_floor"] = ("单位能耗低于物理下限", "unit energy below the physical floor"),
        ["warnings.title.unit_energy_far_above_limit"] = ("单位能耗远高于限定值", "unit energy far above the limit value"),
        ["warnings.title.electricity_below_floor"] = ("冶炼电耗低于物理下限", "furnace electricity below the physical floor"),
        ["warnings.title.concentration_above_range"] = ("浓度超出量程", "concentration above the range"),
        ["warnings.title.oxygen_above_range"] = ("O₂ 超出范围", "O₂ above the range"),
        ["warnings.title.flow_outside_range"] = ("流量超出范围", "flow outside the range"),
        ["warnings.title.flow_jump"] = ("流量突变", "flow jump"),

        ["pollutant.pm"] = ("颗粒物", "particulate matter"),
        ["pollutant.so2"] = ("二氧化硫", "SO2"),
        ["pollutant.nox"] = ("氮氧化物", "NOx"),

        ["emissions.heading"] = ("排放与 2027 年上限", "Emissions and the 2027 ceilings"),
        ["emissions.title"] = ("工业排放 2022–2027 年与 2027 年上限", "Industrial emissions 2022–2027 against the 2027 ceilings"),
        ["emissions.title.inventory"] = ("工业排放（数据集排放清单）{0}–2027 年与 2027 年上限", "Industrial emissions {0}–2027 (the dataset's inventory) against the 2027 ceilings"),
        ["emissions.axis"] = ("排放量（吨/年）", "emissions (t/a)"),
        ["emissions.ceiling_tick"] = ("上限", "ceiling"),
        ["emissions.no_data"] = ("{0}–{1} 年：尚无数据", "{0}–{1}: no figures yet"),
        ["emissions.ceiling_line"] = ("{0} 2027 年上限 {1} 吨", "{0} 2027 ceiling {1} t"),
        ["emissions.text"] = (
            "{1}–{2} 年为规划表 1-2 的工业源报告值；{3} 年上限 = {0} 年排放 ×（1 − 规划削减率），削减率来自参考目录（P4，表 2-1）。其间的年份尚无数据，图中留空。",
            "{1}–{2} are the industrial emissions reported in the plan's table 1-2; a {3} ceiling is the {0} emissions × (1 − the plan's reduction rate), the rates from the reference catalogue (P4, table 2-1). The years between have no figures yet and are left empty."),
        ["emissions.text.inventory"] = (
            "{1} 年的柱为数据集自身的排放清单（有在线监测的排放口按实测法，其余按物料衡算或排放系数法，见 docs/emissions.md）；{3} 年上限 = {0} 年清单 ×（1 − 规划削减率），削减率来自参考目录（P4，表 2-1）。",
            "The bars of {1} are the dataset's own emission inventory (measured where an outlet has CEMS hours, mass balance or emission factors elsewhere; docs/emissions.md); a {3} ceiling is the {0} inventory × (1 − the plan's reduction rate), the rates from the reference catalogue (P4, table 2-1)."),
        ["emissions.note.inventory"] = ("柱：数据集排放清单；虚线：2027 年上限", "Bars: the dataset's inventory; dashed: the 2027 ceilings"),
        ["emissions.unavailable"] = (
            "该数据集没有 2024 年的完整排放清单（有未知的输入，见评估的 emissions.missing），无法计算 2027 年上限。",
            "the dataset has no complete 2024 emission inventory (some inputs are unknown; see emissions.missing in the assessment), so the 2027 ceilings cannot be computed."),
        ["emissions.tax"] = (
            "{0} 年环境保护税（大气，P19）：{1} 元，{2} 个排放口，税额 {3} 元/污染当量（{4}），取整方式 {5}。",
            "Environmental-protection tax {0} (air, P19): {1} yuan over {2} outlets at {3} yuan per equivalent (marked {4}), rounding '{5}'."),
        ["emissions.tax.unavailable"] = ("{0} 年环境保护税：无法计算（该年没有排放清单，原因见假设）。", "Environmental-protection tax {0}: not available (no emission inventory of that year; the assumptions say why)."),
        ["emissions.col.pollutant"] = ("污染物", "pollutant"),
        ["emissions.col.reduction"] = ("削减率", "reduction"),
        ["emissions.col.ceiling"] = ("2027 年上限（吨）", "2027 ceiling (t)"),

        ["energy.heading"] = ("单位产品综合能耗", "Unit product energy"),
        ["energy.title"] = ("{0} 年各企业 {1} 单位产品综合能耗与标杆、基准水平", "Unit energy of {1} per enterprise, {0}, against the benchmark and baseline levels"),
        ["energy.axis"] = ("单位产品综合能耗（kgce/t）", "unit product energy (kgce/t)"),
        ["energy.benchmark"] = ("标杆水平 {0} kgce/t（可信度 {1}）", "benchmark level {0} kgce/t (confidence {1})"),
        ["energy.baseline"] = ("基准水平 {0} kgce/t（可信度 {1}）", "baseline level {0} kgce/t (confidence {1})"),
        ["class.better_than_benchmark"] = ("优于标杆水平", "better than the benchmark"),
        ["class.between"] = ("介于标杆与基准水平之间", "between benchmark and baseline"),
        ["class.worse_than_baseline"] = ("劣于基准水平", "worse than the baseline"),
        ["energy.text"] = (
            "单位产品综合能耗由台账的能源消耗按 GB/T 2589 折标系数计算；标杆、基准水平来自参考目录（{0}，可信度 {1}）。",
            "Unit energy is computed from the energy ledger with GB/T 2589 coefficients; the benchmark and baseline levels are catalogue rows ({0}, confidence {1})."),
        ["energy.unconfirmed"] = ("可信度 S：仅一个二手来源，需核实。", "Confidence S: one secondary source, needs confirmation."),
        ["energy.unavailable"] = ("该年没有带标杆水平的产品能耗。", "no product with a benchmark level has energy figures in that year."),
        ["energy.col.enterprise"] = ("企业", "enterprise"),
        ["energy.col.output"] = ("产量（吨）", "output (t)"),
        ["energy.col.unit_energy"] = ("单位能耗（kgce/t）", "unit energy (kgce/t)"),
        ["energy.col.class"] = ("类别", "class"),
        ["energy.col.product"] = ("产品", "product"),

        ["wasteheat.heading"] = ("余热回收覆盖", "Waste-heat recovery coverage"),
        ["wasteheat.title"] = ("{0} 年铁合金企业矿热炉余热回收覆盖", "Waste-heat recovery on the ferroalloy enterprises' submerged-arc furnaces, {0}"),
        ["wasteheat.axis"] = ("矿热炉（台）", "submerged-arc furnaces (count)"),
        ["wasteheat.with"] = ("有余热回收", "with waste-heat recovery"),
        ["wasteheat.without"] = ("无余热回收", "without waste-heat recovery"),
        ["wasteheat.text"] = (
            "{0} 台矿热炉中 {1} 台回收余热：按台数 {2} %，按产能 {3} %。规划目标是 2027 年烟气余热利用率 {4} %（P8）；利用率是回收热量 ÷ 可回收热量，台账没有这两项，因此这里给出的是覆盖率，不是利用率。",
            "{1} of {0} submerged-arc furnaces recover waste heat: {2} % of the furnaces, {3} % of the capacity. The plan's target is a flue-gas waste-heat utilisation rate of {4} % by 2027 (P8); that rate is recovered ÷ available heat, which the ledger does not hold, so this chart shows coverage, not the utilisation rate."),
        ["wasteheat.unknown"] = ("未知", "unknown"),
        ["wasteheat.col.furnaces"] = ("矿热炉（台）", "furnaces"),
        ["wasteheat.unavailable"] = ("该数据集没有铁合金企业的矿热炉。", "the dataset has no submerged-arc furnaces of ferroalloy enterprises."),

        ["solidwaste.heading"] = ("一般工业固废综合利用", "Solid-waste utilisation"),
        ["solidwaste.title"] = ("{0} 年铁合金企业一般工业固废综合利用率与 2027 年目标", "General industrial solid-waste utilisation of the ferroalloy enterprises, {0}, against the 2027 target"),
        ["solidwaste.axis"] = ("综合利用率（%）", "utilisation (%)"),
        ["solidwaste.target"] = ("2027 年目标 ≥ {0} %", "2027 target ≥ {0} %"),
        ["solidwaste.total"] = ("铁合金集群合计", "ferroalloy cluster total"),
        ["solidwaste.text"] = (
            "综合利用率 = 综合利用量 ÷（产生量 + 综合利用往年贮存量）× 100（统计口径，综合利用量含往年贮存量），来自固废台账；目标来自参考目录（P9，铁合金一般工业固废）。铁合金集群合计 {0} %。",
            "Utilisation = utilised ÷ (generated + utilised from prior-year storage) × 100 (the statistical definition; utilised includes prior-year stock), from the solid-waste ledger; the target is a catalogue row (P9, ferroalloy general industrial solid waste). Ferroalloy cluster total: {0} %."),
        ["solidwaste.unavailable"] = ("该年铁合金企业没有固废台账。", "the ferroalloy enterprises have no solid-waste ledger rows in that year."),
        ["solidwaste.col.rate"] = ("综合利用率（%）", "utilisation (%)"),

        ["clean.heading"] = ("清洁能源消费占比", "Clean-energy share"),
        ["clean.title"] = ("台账能源消费中的清洁能源占比与 2027 年目标", "Clean-energy share of the ledger's energy use against the 2027 target"),
        ["clean.axis"] = ("清洁能源占比（%，按标准煤）", "clean-energy share (% of kgce)"),
        ["clean.note"] = ("仅台账口径：天然气计为清洁能源，外购电力不计；不是规划口径", "Ledger carriers only: natural gas is clean, purchased power is not counted; not the plan's measure"),
        ["clean.target"] = ("2027 年目标 ≥ {0} %", "2027 target ≥ {0} %"),
        ["clean.text"] = (
            "数据集只有企业能源台账，能算的只有台账内的占比：天然气计为清洁能源；外购电网电力中的清洁电量比例是调用方输入，参考资料没有给出，因此这里不计为清洁能源。规划的 30 % 指集群全部能源消费，这个口径的数据集中没有，图中数字不是规划口径的占比。",
            "The dataset holds only the enterprises' energy ledgers, so what can be computed is the share within them: natural gas counts as clean; the clean part of purchased grid electricity is a caller input the references do not give, so it does not count here. The plan's 30 % is of the cluster's whole energy use, which the dataset does not hold: the bars are not the plan's measure."),
        ["clean.unavailable"] = ("台账没有能源消费。", "the ledger has no energy use."),
        ["clean.col.share"] = ("清洁能源占比（%）", "clean-energy share (%)"),
        ["clean.col.clean"] = ("清洁能源（tce）", "clean energy (tce)"),
        ["clean.col.total"] = ("能源消费（tce）", "energy use (tce)"),

        ["grading.heading"] = ("重污染天气绩效分级", "Performance grades (heavy-pollution weather)"),
        ["grading.title"] = ("{0} 年企业绩效分级的等级分布", "Distribution of the enterprises' performance grades, {0}"),
        ["grading.axis.x"] = ("绩效等级", "performance grade"),
        ["grading.axis.y"] = ("企业（家）", "enterprises (count)"),
        ["grading.note"] = ("按 SDK 示例标准：水泥有出处，铁合金阈值为示意；无企业事实时无组织与运输指标为未知", "Example criteria: cement sourced, ferroalloy illustrative; no enterprise facts"),
        ["grading.industry.cement"] = ("水泥", "cement"),
        ["grading.industry.ferroalloy"] = ("铁合金", "ferroalloy"),
        ["grading.leading"] = ("引领性", "leading"),
        ["grading.text"] = (
            "{0} 家企业按 SDK 的示例分级标准评定（水泥标准来自参考资料，铁合金阈值为示意值），{1} 家不在其覆盖的行业内。数据或企业事实缺失的指标记为未知、不作猜测：该等级及更高等级不能达到。未达到更高等级最常见的原因：{2}。",
            "{0} enterprises are graded with the SDK's example criteria (cement from the references, ferroalloy thresholds illustrative); {1} are in no industry they cover. A criterion whose data or enterprise facts are missing is unknown, never guessed: its grade and every better one cannot be attained. The criteria that most often hold a better grade back: {2}."),
        ["grading.reason"] = ("{0}（{1} 家）", "{0} ({1} enterprises)"),
        ["grading.unavailable"] = ("该数据集没有可分级的年份（没有在线监测或台账数据）。", "the dataset has no year to grade (no CEMS or ledger data)."),
        ["grading.unavailable.year"] = ("{0} 年无法分级（该年没有排放清单，原因见假设）。", "not available for {0}: no emission inventory of that year to grade (the assumptions say why)."),
        ["grading.col.grade"] = ("等级", "grade"),
        ["grading.col.total"] = ("合计", "total"),

        ["scenario.heading"] = ("2027 年情景", "The 2027 scenario"),
        ["scenario.title"] = ("情景“{0}”：{1} 年排放、2027 年预测与上限", "Scenario '{0}': {1} emissions, the 2027 projection and the ceilings"),
        ["scenario.axis"] = ("排放量（吨/年）", "emissions (t/a)"),
        ["scenario.base"] = ("{0} 年清单", "{0} inventory"),
        ["scenario.projected"] = ("2027 年预测（竖线：P5–P95）", "2027 projection (whisker: P5–P95)"),
        ["scenario.ceiling"] = ("2027 年上限", "2027 ceiling"),
        ["scenario.note"] = ("情景文件中的措施与不确定度为输入，非规划数字", "Measures and uncertainties are the scenario file's inputs, not the plan's figures"),
        ["scenario.text"] = (
            "情景“{0}”的 {1} 项措施作用于 {2} 年清单：{3}。综合能耗变化 {4} tce，CO₂ 变化 {5} 吨。按每吨减排成本排序的措施见下表；蒙特卡罗 {6} 次抽样（种子 {7}）。",
            "The {1} changes of scenario '{0}' applied to the {2} inventory: {3}. Comprehensive energy changes by {4} tce, CO₂ by {5} t. The changes ranked by cost per tonne abated are in the table; the Monte Carlo band uses {6} samples (seed {7})."),
        ["scenario.met"] = ("{0} 达到上限，余量 {1} 吨（达标概率 {2}）", "{0} meets its ceiling with {1} t to spare (probability {2})"),
        ["scenario.missed"] = ("{0} 未达上限，还差 {1} 吨（达标概率 {2}）", "{0} misses its ceiling by {1} t (probability {2})"),
        ["scenario.none"] = (
            "本报告未给出情景。用 shapotou report --scenario FILE 生成本节（格式见 docs/carbon-tax-scenarios.md，示例 samples/scenarios/2027-measures.json）。",
            "no scenario was given to this report. Run shapotou report --scenario FILE to draw this section (format in docs/carbon-tax-scenarios.md; example samples/scenarios/2027-measures.json)."),
        ["scenario.col.change"] = ("措施", "change"),
        ["scenario.col.abated"] = ("减排（吨，PM/SO2/NOx）", "abated (t, PM/SO2/NOx)"),
        ["scenario.col.cost"] = ("成本（万元）", "cost (10^4 yuan)"),
        ["scenario.col.yuan_per_t"] = ("元/吨", "yuan/t"),
    };

    private ReportText(ReportLanguage language) => Language = language;

    /// <summary>Gets the table in Chinese.</summary>
    public static ReportText Zh { get; } = new(ReportLanguage.Zh);

    /// <summary>Gets the table in English.</summary>
    public static ReportText En { get; } = new(ReportLanguage.En);

    /// <summary>Gets every key of the table.</summary>
    public static IEnumerable<string> Keys => s_table.Keys;

    /// <summary>Gets the language of this view of the table.</summary>
    public ReportLanguage Language { get; }

    /// <summary>Gets the code of the language, as in <c>--lang</c> and the HTML <c>lang</c> attribute.</summary>
    public string Code => Language == ReportLanguage.Zh ? "zh-CN" : "en";

    /// <summary>Gets the label of <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">The table has no such key.</exception>
    public string this[string key] => s_table.TryGetValue(key, out (string Zh, string En) row)
        ? (Language == ReportLanguage.Zh ? row.Zh : row.En)
        : throw new KeyNotFoundException($"The report's localisation table has no key '{key}'.");

    /// <summary>Gets the view of the table for <paramref name="language"/>.</summary>
    public static ReportText For(ReportLanguage language) => language == ReportLanguage.Zh ? Zh : En;

    /// <summary>Formats the label of <paramref name="key"/> with invariant-culture arguments.</summary>
    public string Format(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, this[key], args);
}
