using System.Text.RegularExpressions;

namespace Shapotou.Sdk.Cli.Report;

/// <summary>
/// Text the report shows as the SDK recorded it — the assessment's assumptions, catalogue sources, synthetic
/// enterprise names — in the report's language. The SDK records them in English with Chinese glosses; each rule here
/// matches one recorded form and writes it in Chinese, and in plain English where the recorded form mixes in Chinese.
/// </summary>
/// <remarks>
/// A recorded text no rule matches is shown as recorded; the report tests fail on such a text in either language, so a
/// new assumption in the SDK gets its rule here. Standard codes (GB 16297-1996), catalogue keys, units and file paths
/// stay as they are in both languages.
/// </remarks>
internal static partial class RecordedText
{
    /// <summary>A rule: a recorded form, and how to write it in Chinese and (when it differs) in English.</summary>
    private sealed record Rule(Regex Pattern, Func<Match, string> Zh, Func<Match, string>? En = null);

    private static readonly Dictionary<string, (string Zh, string En)> s_townships = new(StringComparer.Ordinal)
    {
        ["Zhenluo"] = ("镇罗", "Zhenluo"),
        ["Xuanhe"] = ("宣和", "Xuanhe"),
        ["Binhe"] = ("滨河", "Binhe"),
        ["Changle"] = ("常乐", "Changle"),
        ["Rouyuan"] = ("柔远", "Rouyuan"),
        ["Dongyuan"] = ("东园", "Dongyuan"),
        ["Wenchang"] = ("文昌", "Wenchang"),
        ["Yingshui"] = ("迎水", "Yingshui"),
        ["Xiangshan"] = ("香山", "Xiangshan"),
        ["Xingren"] = ("兴仁", "Xingren"),
    };

    private static readonly Dictionary<string, string> s_industries = new(StringComparer.Ordinal)
    {
        ["ferroalloy enterprise"] = "铁合金企业",
        ["agri-food"] = "农副食品加工",
        ["heat supply"] = "热力供应",
        ["gas supply"] = "燃气供应",
        ["water supply"] = "水的生产和供应",
        ["non-metallic minerals"] = "非金属矿物制品",
        ["recycling"] = "资源回收",
        ["paper"] = "造纸",
        ["cement"] = "水泥",
        ["inorganic salts"] = "无机盐制造",
        ["lime"] = "石灰",
        ["steel rolling"] = "钢压延加工",
        ["plastics"] = "塑料制品",
    };

    /// <summary>Energy carriers as the catalogue names them.</summary>
    private static readonly Dictionary<string, string> s_carriers = new(StringComparer.Ordinal)
    {
        ["coke"] = "焦炭",
        ["raw_coal"] = "原煤",
        ["natural_gas"] = "天然气",
        ["electricity.equivalent"] = "电力（当量值）",
        ["electricity.equal_value"] = "电力（等价值）",
    };

    /// <summary>Catalogue sources, whole: Chinese and plain English.</summary>
    private static readonly Dictionary<string, (string Zh, string En)> s_sources = new(StringComparer.Ordinal)
    {
        ["Decision of the Standing Committee of the Ningxia People's Congress on the applicable environmental protection tax amounts (adopted 2017-11-30); verbatim opening reprinted from 北极星环保网 (msthinker) and news reports"] = (
            "宁夏回族自治区人大常委会关于环境保护税适用税额的决定（2017-11-30 通过）；开头原文转载自北极星环保网（msthinker）及新闻报道",
            "Decision of the Standing Committee of the Ningxia People's Congress on the applicable environmental protection tax amounts (adopted 2017-11-30); verbatim opening reprinted from the BJX environmental news site (msthinker) and news reports"),
        ["MEE/NBS notice on 2022 electricity CO2 emission factors (dated 2024-12-20, announced 2024-12-26), 宁夏 provincial factor; from a GitHub data file whose other 2022 provincial values match those quoted by news"] = (
            "生态环境部、国家统计局关于发布 2022 年电力二氧化碳排放因子的公告（2024-12-20 印发，2024-12-26 公布），宁夏省级因子；取自 GitHub 上的一个数据文件，其 2022 年其他省份数值与新闻引用的一致",
            "MEE/NBS notice on 2022 electricity CO2 emission factors (dated 2024-12-20, announced 2024-12-26), Ningxia provincial factor; from a GitHub data file whose other 2022 provincial values match those quoted by news"),
        ["Emission factors for energy used as raw material (能源作为原材料用途), guideline unknown; from a third-party React component (EnergyRawMaterialEmission), 焦炭"] = (
            "能源作为原材料用途的排放因子，所依据的指南不详；取自第三方 React 组件（EnergyRawMaterialEmission），焦炭",
            "Emission factors for energy used as raw material, guideline unknown; from a third-party React component (EnergyRawMaterialEmission), coke"),
        ["GB/T 2589-2008, Annex A (revised in GB/T 2589-2020, whose table was not seen); from secondary copies of the 2008 table (msthinker; huatuo6 statistics table)"] = (
            "GB/T 2589-2008 附录 A（已由 GB/T 2589-2020 修订，其表格未见）；取自 2008 年版表格的二手转载（msthinker；huatuo6 统计表）",
            "GB/T 2589-2008, Annex A (revised in GB/T 2589-2020, whose table was not seen); from secondary copies of the 2008 table (msthinker; huatuo6 statistics table)"),
        ["GB/T 2589-2020, Annex A, electricity equivalent value (860 kcal/kWh ÷ 7000 kcal/kgce); seen in secondary copies citing the 2020 edition and in GB 21341-2008 table headers"] = (
            "GB/T 2589-2020 附录 A，电力当量值（860 kcal/kWh ÷ 7000 kcal/kgce）；见于引用 2020 年版的二手转载和 GB 21341-2008 的表头",
            "GB/T 2589-2020, Annex A, electricity equivalent value (860 kcal/kWh ÷ 7000 kcal/kgce); seen in secondary copies citing the 2020 edition and in GB 21341-2008 table headers"),
        ["GB/T 2589-2020, Annex A, natural gas (single value); from third-party code citing the 2020 edition (a GitHub README and a code file)"] = (
            "GB/T 2589-2020 附录 A，天然气（单一值）；取自引用 2020 年版的第三方代码（一个 GitHub 说明文件和一个代码文件）",
            "GB/T 2589-2020, Annex A, natural gas (single value); from third-party code citing the 2020 edition (a GitHub README and a code file)"),
        ["Shapotou District air-polluting industrial cluster plan 2025–2027 (draft, July 2025), table 2-1, item 4 (P4)"] = (
            "沙坡头区大气污染型产业集群发展规划（2025–2027 年）（2025 年 7 月征求意见稿），表 2-1 第 4 项（P4）",
            "Shapotou District air-polluting industrial cluster plan 2025–2027 (draft, July 2025), table 2-1, item 4 (P4)"),
    };

    /// <summary>The documents of the energy-efficiency benchmarks, by their number, in English.</summary>
    private static readonly Dictionary<string, string> s_benchmarkDocuments = new(StringComparer.Ordinal)
    {
        ["发改产业〔2021〕1609号"] = "NDRC Industry [2021] No. 1609",
        ["发改产业〔2023〕723号"] = "NDRC Industry [2023] No. 723",
        ["高耗能行业重点领域能效标杆水平和基准水平（2021年版）"] = "Benchmark and baseline energy-efficiency levels in key fields of energy-intensive industries (2021 edition)",
        ["工业重点领域能效标杆水平和基准水平（2023年版）"] = "Benchmark and baseline energy-efficiency levels in key industrial fields (2023 edition)",
        ["铁合金冶炼 – 硅铁"] = "ferroalloy smelting – ferrosilicon",
        ["铁合金冶炼 – 锰硅合金"] = "ferroalloy smelting – silicomanganese",
        ["铁合金冶炼 – 高碳铬铁"] = "ferroalloy smelting – high-carbon ferrochrome",
        ["水泥熟料"] = "cement clinker",
        ["单位产品综合能耗"] = "unit product energy",
        ["标杆水平"] = "benchmark level",
        ["基准水平"] = "baseline level",
    };

    /// <summary>Provenance notes of catalogue sources, in Chinese.</summary>
    private static readonly Dictionary<string, string> s_notes = new(StringComparer.Ordinal)
    {
        ["from a machine-translated secondary copy (zjferroalloy blog, 2023-07-07); the document's table was not seen"] = "取自一份机器翻译的二手转载（zjferroalloy 博客，2023-07-07）；未见文件原表",
        ["from a secondary source (e.ccement.com, a Shandong list classifying lines at 100 and 117 kgce/t)"] = "取自二手来源（e.ccement.com，山东省一份按 100 和 117 kgce/t 划分生产线的名单）",
    };

    private static readonly Rule[] s_rules =
    [
        new(Exact("ILLUSTRATIVE data: the default dataset is synthetic at facility level (enterprises, furnaces, ledgers, outlets, CEMS hours), calibrated to the plan's published figures: table 1-1 and P2 exactly, and a 2024 inventory equal to table 1-2. See docs/default-dataset.md for which number comes from the plan and which is assumed."),
            _ => "示意数据：默认数据集在设施层面（企业、矿热炉、台账、排放口、在线监测小时值）为合成数据，按规划公布的数字校准：与表 1-1 和 P2 完全一致，2024 年排放清单等于表 1-2。哪些数字来自规划、哪些为假设，见 docs/default-dataset.md。"),
        new(new Regex(@"^The plan's ferroalloy output value \((?<a>[^)]+) yuan\) exceeds Zhenluo's whole table 1-1 value \((?<b>[^)]+) yuan\); the dataset follows table 1-1\.$"),
            m => $"规划中的铁合金产值（{m.Groups["a"].Value} 元）超过表 1-1 中镇罗镇的全部产值（{m.Groups["b"].Value} 元）；数据集以表 1-1 为准。"),
        new(new Regex(@"^GB 16297-1996 Table 2 SO₂ is judged in the 'sulfur-compound use' class \((?<zh1>[^,]+), (?<v1>[^,]+), (?<key>[^)]+)\), not 'production' \((?<zh2>[^,]+), (?<v2>[^)]+)\): a choice the references leave to the permit\.$"),
            m => $"GB 16297-1996 表 2 的 SO₂ 按“{m.Groups["zh1"].Value}”类（{m.Groups["v1"].Value}，{m.Groups["key"].Value}）判定，而非“{m.Groups["zh2"].Value}”类（{m.Groups["v2"].Value}）：参考资料把这一选择留给排污许可。",
            m => $"GB 16297-1996 Table 2 SO₂ is judged in the 'sulfur-compound use' class ({m.Groups["v1"].Value}, {m.Groups["key"].Value}), not 'production' ({m.Groups["v2"].Value}): a choice the references leave to the permit."),
        new(Exact("Ammonia (nh3, ammonia slip) is in mg/m³, the contract's unit and the unit slip is reported in; HJ 212-2017 Table B.2 prints ng/m³ for a21001, an ambient-air unit, so a21001 values received over HJ 212 are taken as mg/m³ (emissions.md, HJ 212 codes)."),
            _ => "氨（nh3，氨逃逸）以 mg/m³ 计，即数据契约的单位，也是氨逃逸的报告单位；HJ 212-2017 表 B.2 对 a21001 印作 ng/m³（环境空气的单位），因此经 HJ 212 接收的 a21001 数值按 mg/m³ 处理（emissions.md，HJ 212 编码）。"),
        new(new Regex(@"^Environmental-protection tax at (?<rate>\S+) yuan per pollution equivalent, marked (?<mark>\S+) \((?<source>.+)\)\.$"),
            m => $"环境保护税按每污染当量 {m.Groups["rate"].Value} 元计，可信度 {m.Groups["mark"].Value}（{Source(m.Groups["source"].Value, ReportLanguage.Zh)}）。",
            m => $"Environmental-protection tax at {m.Groups["rate"].Value} yuan per pollution equivalent, marked {m.Groups["mark"].Value} ({Source(m.Groups["source"].Value, ReportLanguage.En)})."),
        new(new Regex(@"^Particulate is taxed as (?<zh>\S+) \((?<en>soot|general dust), (?<eq>[^)]+)\) unless an outlet says otherwise; the law does not define the split\.$"),
            m => $"颗粒物按{m.Groups["zh"].Value}（污染当量值 {m.Groups["eq"].Value}）计税，排放口另有说明的除外；税法未规定如何划分。",
            m => $"Particulate is taxed as {m.Groups["en"].Value} ({m.Groups["eq"].Value}) unless an outlet says otherwise; the law does not define the split."),
        new(new Regex(@"^Tax rounding '(?<name>[^']+)': equivalents (?<eq>unrounded|to \d+ decimals), each pollutant's tax (?<pt>unrounded|to \d+ decimals), the outlet's monthly tax to (?<td>\d+) decimals(?<full>, each full tax rounded before a reduction)?; a monthly mean exactly 30 % or 50 % below the standard (?<earn>earns|does not earn) the reduction\. Reductions are judged against the outlet's permit limit\.$"),
            m => $"环境保护税取整方式“{TaxRounding(m.Groups["name"].Value)}”：污染当量数{Decimals(m.Groups["eq"].Value)}，各污染物税额{Decimals(m.Groups["pt"].Value)}，排放口月税额保留 {m.Groups["td"].Value} 位小数{(m.Groups["full"].Success ? "，减征前先对全额税款取整" : string.Empty)}；月均浓度恰好低于标准 30 % 或 50 % 时{(m.Groups["earn"].Value == "earns" ? "享受" : "不享受")}减征。减征按排放口的许可限值判定。"),
        new(new Regex(@"^Plausibility checks \(warnings; no figure changes\): ferrosilicon unit energy below (?<energy>\S+) kgce/t and furnace electricity below (?<power>\S+) kWh/t on the FeSi75 basis \(the reduction enthalpies of SiO₂ from CODATA 1989, a physical floor\); unit energy above (?<far>\S+) × the product's limit value; O₂ above (?<o2>no maximum|\S+ %); (?<c>no concentration range|concentrations above the ranges given); (?:(?<noflow>no flow range per outlet)|flows outside the ranges given for (?<outlets>\d+) outlets); flow jumps of (?<jump>\S+)× between an outlet's consecutive valid hours\. The factors \S+ and \S+ are the SDK's choices, not a standard's\.$"),
            m => $"合理性检查（仅作警示，不改变任何数字）：硅铁单位产品综合能耗低于 {m.Groups["energy"].Value} kgce/t、矿热炉电耗低于 {m.Groups["power"].Value} kWh/t（按 FeSi75 折算；以 CODATA 1989 的 SiO₂ 还原焓计算的物理下限）；单位产品综合能耗高于产品限定值的 {m.Groups["far"].Value} 倍；{(m.Groups["o2"].Value == "no maximum" ? "O₂ 不设上限" : $"O₂ 高于 {m.Groups["o2"].Value}")}；{(m.Groups["c"].Value == "no concentration range" ? "不设浓度范围" : "浓度高于给定范围")}；{(m.Groups["noflow"].Success ? "各排放口不设流量范围" : $"流量超出为 {m.Groups["outlets"].Value} 个排放口给定的范围")}；同一排放口相邻有效小时之间流量相差 {m.Groups["jump"].Value} 倍。倍数 {m.Groups["far"].Value} 和 {m.Groups["jump"].Value} 为本 SDK 的取值，并非标准规定。"),
        new(new Regex(@"^Not available for (?<year>\d+): the emission inventory, compliance, the P6 checks, the tax and the performance grades, because the inventory's years are those of (?<table>cems_hourly|energy_ledger), which holds (?<held>.+) only\.$"),
            m => $"{m.Groups["year"].Value} 年无法给出：排放清单、达标情况、P6 核查、环境保护税和绩效分级，因为排放清单的年份取自 {m.Groups["table"].Value}，而该表只有 {(m.Groups["held"].Value == "none" ? "（无）" : m.Groups["held"].Value)} 年的数据。"),
        new(new Regex(@"^Not available: the emission inventory, the 2027 ceilings, compliance, the P6 checks, the tax and the performance grades, because the dataset has no table (?<tables>.+), whose outlets are the inventory's sources\.$"),
            m => $"无法给出：排放清单、2027 年排放上限、达标情况、P6 核查、环境保护税和绩效分级，因为数据集缺少表 {m.Groups["tables"].Value.Replace(" or ", " 或 ", StringComparison.Ordinal)}，而排放清单的源即其中的排放口。"),
        new(new Regex(@"^Dataset '(?<name>[^']+)' is illustrative: its figures are partly synthetic, and so are the grades\.$"),
            m => $"数据集“{DatasetName(m.Groups["name"].Value)}”为示意数据：其数字部分为合成，分级结果亦然。"),
        new(new Regex(@"^Dataset read from the folder '(?<name>[^']+)'\.$"),
            m => $"数据集读自文件夹“{m.Groups["name"].Value}”。"),
        new(new Regex(@"^Criterion '(?<id>[^']+)' takes its threshold from catalogue row (?<key>\S+), marked S \(one secondary source; confirm before relying on it\)\.$"),
            m => $"指标“{Sections.GradingSection.CriterionLabel(m.Groups["id"].Value, ReportLanguage.Zh)}”的阈值取自参考目录行 {m.Groups["key"].Value}，可信度 S（仅一个二手来源，使用前需核实）。"),
        new(Exact("Cement grade A is judged against the 2024 ultra-low kiln values (PM 10, SO2 35, NOx 50 mg/m3, marked S) at 10 % O2 (GB 4915-2013's kiln reference; the opinion's own basis is not in the references); the guide's A thresholds are not in the references (docs/grading.md)."),
            _ => "水泥 A 级按 2024 年水泥窑超低排放值（颗粒物 10、SO2 35、NOx 50 mg/m3，可信度 S）在 10 % O2 下判定（GB 4915-2013 的窑基准含氧量；该意见自身的基准不在参考资料中）；技术指南的 A 级阈值不在参考资料中（docs/grading.md）。"),
        new(Exact("Cement grade B is judged against GB 4915-2013 Table 2 (special limits of key regions) for the kiln; the guide's B thresholds are not in the references (docs/grading.md)."),
            _ => "水泥 B 级按 GB 4915-2013 表 2（重点地区特别排放限值）判定水泥窑；技术指南的 B 级阈值不在参考资料中（docs/grading.md）。"),
        new(Exact("Cement grade C is taken to need compliance with GB 4915-2013 Table 1 for the kiln, and a kiln above it is grade D; the guide's C/D thresholds are not in the references (docs/grading.md)."),
            _ => "水泥 C 级取为水泥窑达到 GB 4915-2013 表 1，超过者为 D 级；技术指南的 C/D 级阈值不在参考资料中（docs/grading.md）。"),
        new(Exact("ILLUSTRATIVE ferroalloy criteria: the 2020 guide's ferroalloy thresholds are not in the references (docs/grading.md); these values only show the table format and are no official grade."),
            _ => "示意的铁合金指标：2020 年技术指南的铁合金阈值不在参考资料中（docs/grading.md）；这些数值只演示表格格式，不是官方等级。"),
        new(new Regex(@"^The ferroalloy B- particulate threshold is the plan's P6 demonstration value \((?<v>\S+ mg/m3), as measured\); using it for grade B- is illustrative\.$"),
            m => $"铁合金 B- 级颗粒物阈值取规划 P6 的示范值（{m.Groups["v"].Value}，实测浓度）；用于 B- 级是示意性的。"),
        new(new Regex(@"^Purchased electricity \(net of exports\) × (?<f>\S+) tCO₂/MWh, (?<key>\S+) of data year (?<dy>\S+), marked (?<mark>[^:( ]+)(?<fallback>: no factor of data year (?<y>\d+) is published, the latest earlier one is used)? \((?<source>.+)\)\.$"),
            m => $"外购电力（扣除外送）× {m.Groups["f"].Value} tCO₂/MWh，{m.Groups["key"].Value}，数据年份 {m.Groups["dy"].Value}，可信度 {m.Groups["mark"].Value}{(m.Groups["fallback"].Success ? $"：{m.Groups["y"].Value} 年的因子尚未发布，采用最近的较早年份" : string.Empty)}（{Source(m.Groups["source"].Value, ReportLanguage.Zh)}）。",
            m => $"Purchased electricity (net of exports) × {m.Groups["f"].Value} tCO₂/MWh, {m.Groups["key"].Value} of data year {m.Groups["dy"].Value}, marked {m.Groups["mark"].Value}{m.Groups["fallback"].Value} ({Source(m.Groups["source"].Value, ReportLanguage.En)})."),
        new(new Regex(@"^Process CO₂ of (?<carrier>\S+): (?<f>\S+) tCO₂/t, (?<key>\S+), marked (?<mark>\S+) \((?<source>.+)\)\.$"),
            m => $"{Carrier(m.Groups["carrier"].Value)}的过程 CO₂：{m.Groups["f"].Value} tCO₂/t，{m.Groups["key"].Value}，可信度 {m.Groups["mark"].Value}（{Source(m.Groups["source"].Value, ReportLanguage.Zh)}）。",
            m => $"Process CO₂ of {m.Groups["carrier"].Value}: {m.Groups["f"].Value} tCO₂/t, {m.Groups["key"].Value}, marked {m.Groups["mark"].Value} ({Source(m.Groups["source"].Value, ReportLanguage.En)})."),
        new(new Regex(@"^Natural gas burned: (?<f>\S+) tCO₂ per 10⁴ m³, the catalogue's full-oxidation factor for gas \((?<key>\S+), marked (?<mark>\S+)\); the references give no NCV and carbon content for gas\.$"),
            m => $"天然气燃烧：{m.Groups["f"].Value} tCO₂/10⁴ m³，参考目录中按完全氧化计的天然气因子（{m.Groups["key"].Value}，可信度 {m.Groups["mark"].Value}）；参考资料没有天然气的低位发热量和含碳量。"),
        new(new Regex(@"^Raw coal burned is taken as bituminous coal: NCV (?<ncv>\S+) GJ/t, (?<c>\S+) tC/GJ, oxidation (?<ox>\S+) %, all marked (?<mark>\S+) \((?<key>\S+)\)\.$"),
            m => $"燃烧的原煤按烟煤计：低位发热量 {m.Groups["ncv"].Value} GJ/t，单位热值含碳量 {m.Groups["c"].Value} tC/GJ，碳氧化率 {m.Groups["ox"].Value} %，可信度均为 {m.Groups["mark"].Value}（{m.Groups["key"].Value}）。"),
        new(new Regex(@"^Carbon leaving in products is not subtracted from process CO₂: the references' ferrosilicon value \((?<v>\S+ tCO₂/t), (?<mark>\S+)\) is to be used only once confirmed; pass it in CarbonOptions\.ProductCarbon\.$"),
            m => $"产品带走的碳不从过程 CO₂ 中扣除：参考资料中的硅铁数值（{m.Groups["v"].Value}，可信度 {m.Groups["mark"].Value}）须经核实后才能使用，使用时通过 CarbonOptions.ProductCarbon 传入。"),
        new(Exact("The city's average CO₂ intensity is not in the references: the township early warning is not judged until the caller gives it."),
            _ => "参考资料中没有全市平均 CO₂ 排放强度：调用方给出之前，不判定乡镇预警。"),
        new(Exact("ILLUSTRATIVE emission factors: the default dataset's sources without CEMS are estimated with example factors, not from the MEE manual (排放源统计调查产排污核算方法和系数手册, 2021), which the references lack."),
            _ => "示意的排放系数：默认数据集中没有在线监测的排放源按示例系数估算，而不是按生态环境部的《排放源统计调查产排污核算方法和系数手册》（2021），参考资料中没有该手册。",
            _ => "ILLUSTRATIVE emission factors: the default dataset's sources without CEMS are estimated with example factors, not from the MEE manual of emission accounting methods and factors for pollution-source statistics (2021), which the references lack."),
        new(new Regex(@"^Coefficient of (?<carrier>\S+): (?<v>\S+) kgce per (?<unit>\S+), marked (?<mark>\S+) \((?<source>.+) \[(?<key>[^,\]]+), (?<mark2>[^\]]+)\]\)\.$"),
            m => $"{Carrier(m.Groups["carrier"].Value)}的折标准煤系数：{m.Groups["v"].Value} kgce/{m.Groups["unit"].Value}，可信度 {m.Groups["mark"].Value}（{Source(m.Groups["source"].Value, ReportLanguage.Zh)}［{m.Groups["key"].Value}，{m.Groups["mark2"].Value}］）。"),
        new(new Regex(@"^(?<key>energy\.benchmark\.\S+) = (?<v>\S+) (?<unit>\S+) is marked (?<mark>\S+) \((?<source>.+)\)\.$"),
            m => $"{m.Groups["key"].Value} = {m.Groups["v"].Value} {m.Groups["unit"].Value}，可信度 {m.Groups["mark"].Value}（{Source(m.Groups["source"].Value, ReportLanguage.Zh)}）。",
            m => $"{m.Groups["key"].Value} = {m.Groups["v"].Value} {m.Groups["unit"].Value} is marked {m.Groups["mark"].Value} ({Source(m.Groups["source"].Value, ReportLanguage.En)})."),
        new(new Regex(@"^targets_2027_t apply the plan's reduction rates \((?<rates>[^;]+); (?<source>.+)\) to the dataset's (?<y>\d+) inventory(?<default>, which for the default dataset equals table 1-2)?, rounded to 0\.01 t half away from zero\.$"),
            m => $"targets_2027_t：数据集 {m.Groups["y"].Value} 年排放清单{(m.Groups["default"].Success ? "（默认数据集中等于表 1-2）" : string.Empty)}乘以（1 − 规划削减率）（{m.Groups["rates"].Value}；{Source(m.Groups["source"].Value, ReportLanguage.Zh)}），按四舍五入（远离零）保留到 0.01 吨。"),
        new(new Regex(@"^Not available for (?<year>\d+): unit energy, the energy classes, the waste-heat power per tonne and the ledger's CO₂, because energy_ledger holds (?<held>.+) only\.$"),
            m => $"{m.Groups["year"].Value} 年无法给出：单位产品能耗、能效等级、吨产品余热发电量和按台账计算的 CO₂，因为 energy_ledger 只有 {(m.Groups["held"].Value == "none" ? "（无）" : m.Groups["held"].Value)} 年的数据。"),
        new(new Regex(@"^Not available for (?<year>\d+): the solid-waste utilisation, because solid_waste_ledger holds (?<held>.+) only\.$"),
            m => $"{m.Groups["year"].Value} 年无法给出：固废综合利用率，因为 solid_waste_ledger 只有 {(m.Groups["held"].Value == "none" ? "（无）" : m.Groups["held"].Value)} 年的数据。"),
        new(new Regex(@"^targets_2027_t is null: the (?<year>\d+) inventory has unknown totals \(see emissions\.missing\)\.$"),
            m => $"targets_2027_t 为空：{m.Groups["year"].Value} 年排放清单的合计未知（见 emissions.missing）。"),
        new(new Regex(@"^The folder has no table (?<tables>[a-z_, ]+): the figures that need (it|them) are null or absent, never 0\.$"),
            m => $"数据集缺少表 {m.Groups["tables"].Value}：需要{(m.Groups["tables"].Value.Contains(',', StringComparison.Ordinal) ? "这些表" : "该表")}的数字为空或不列出，绝不记为 0。"),
        new(new Regex(@"^Without table facilities, the rows of (?<tables>[a-z_, ]+) cannot be attributed to a facility or an enterprise and are not used: the figures that need them are null or absent, never 0\.$"),
            m => $"缺少表 facilities 时，{m.Groups["tables"].Value} 的行无法归属到设施或企业，不予使用：需要这些行的数字为空或不列出，绝不记为 0。"),
        new(new Regex(@"^Without table outlets, the hours of (?<tables>[a-z_, ]+) cannot be attributed to an outlet and are not used: the figures that need them are null or absent, never 0\.$"),
            m => $"缺少表 outlets 时，{m.Groups["tables"].Value} 的小时数据无法归属到排放口，不予使用：需要这些数据的数字为空或不列出，绝不记为 0。"),
        new(Exact("Without table enterprises, facilities and the solid-waste ledger keep their enterprise ids, but each enterprise's township, industry and output value are unknown: the figures that need them (townships, the ferroalloy cluster, CO₂ per township) are null or absent, never 0."),
            _ => "缺少表 enterprises 时，facilities 和固废台账仍保留企业编号，但各企业的乡镇、行业和产值未知：需要它们的数字（乡镇、铁合金产业集群、分乡镇 CO₂）为空或不列出，绝不记为 0。"),
    ];

    /// <summary>Writes an assumption of the assessment in <paramref name="language"/>; one no rule matches is returned as recorded.</summary>
    public static string Assumption(string recorded, ReportLanguage language)
    {
        foreach (Rule rule in s_rules)
        {
            Match match = rule.Pattern.Match(recorded);
            if (match.Success)
            {
                return language == ReportLanguage.Zh ? rule.Zh(match) : rule.En?.Invoke(match) ?? recorded;
            }
        }

        return recorded;
    }

    /// <summary>Writes a catalogue row's source in <paramref name="language"/>; one the table does not hold is returned as recorded.</summary>
    public static string Source(string recorded, ReportLanguage language)
    {
        if (s_sources.TryGetValue(recorded, out (string Zh, string En) known))
        {
            return language == ReportLanguage.Zh ? known.Zh : known.En;
        }

        Match benchmark = BenchmarkSource().Match(recorded);
        if (!benchmark.Success)
        {
            return recorded;
        }

        string[] scope = benchmark.Groups["scope"].Value.Split(", ");
        string note = benchmark.Groups["note"].Value;
        if (language == ReportLanguage.Zh)
        {
            return $"{benchmark.Groups["doc"].Value}《{benchmark.Groups["title"].Value}》，{string.Join("，", scope)}；{(s_notes.TryGetValue(note, out string? zh) ? zh : note)}";
        }

        return $"{Benchmark(benchmark.Groups["doc"].Value)}, '{Benchmark(benchmark.Groups["title"].Value)}', {string.Join(", ", scope.Select(Benchmark))}; {note}";
    }

    /// <summary>
    /// Writes an enterprise's name in <paramref name="language"/>: a synthetic enterprise of the default dataset
    /// ("Zhenluo ferroalloy enterprise 10 (synthetic)") by its township and industry in Chinese; any other name as recorded.
    /// </summary>
    public static string EnterpriseName(string recorded, ReportLanguage language)
    {
        if (language != ReportLanguage.Zh)
        {
            return recorded;
        }

        Match match = SyntheticName().Match(recorded);
        if (!match.Success
            || !s_townships.TryGetValue(match.Groups["township"].Value, out (string Zh, string En) township)
            || !s_industries.TryGetValue(match.Groups["industry"].Value, out string? industry))
        {
            return recorded;
        }

        return match.Groups["number"].Success
            ? $"{township.Zh}{industry} {match.Groups["number"].Value}（合成）"
            : $"{township.Zh}{industry}（合成）";
    }

    /// <summary>The name of a tax rounding convention in Chinese.</summary>
    public static string TaxRounding(string name) => name switch
    {
        "exact" => "精确（exact）",
        "published" => "按公布方式（published）",
        _ => name,
    };

    /// <summary>The name of a dataset in Chinese: the embedded one is 默认.</summary>
    public static string DatasetName(string name) => name == "default" ? "默认（default）" : name;

    private static string Carrier(string carrier) => s_carriers.TryGetValue(carrier, out string? zh) ? zh : carrier;

    private static string Decimals(string recorded) =>
        recorded == "unrounded" ? "不取整" : $"保留 {recorded["to ".Length..^" decimals".Length]} 位小数";

    private static string Benchmark(string zh) => s_benchmarkDocuments.TryGetValue(zh, out string? en) ? en : zh;

    private static Regex Exact(string text) => new("^" + Regex.Escape(text) + "$");

    [GeneratedRegex(@"^(?<doc>发改产业〔\d+〕\d+号) 《(?<title>[^》]+)》, (?<scope>[^;]+); (?<note>.+)$")]
    private static partial Regex BenchmarkSource();

    [GeneratedRegex(@"^(?<township>[A-Z][a-z]+) (?<industry>[a-z][a-z -]*?)(?: (?<number>\d+))? \(synthetic\)$")]
    private static partial Regex SyntheticName();
}
