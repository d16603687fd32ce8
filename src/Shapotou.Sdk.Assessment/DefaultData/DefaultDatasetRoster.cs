using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Assessment;

/// <summary>What kind of plant an enterprise of the default dataset runs; it decides its facilities and ledgers.</summary>
internal enum Archetype
{
    Ferrosilicon,
    CalciumCarbide,
    Cement,
    Lime,
    Ceramics,
    CoalBoilerPlant,
    GasBoilerUser,
    BiogasBoiler,
    DryerUser,
    RollingMill,
}

/// <summary>One enterprise of the default dataset before its facilities are laid out.</summary>
internal sealed record EnterpriseSpec(
    string Id,
    string Name,
    string? NameZh,
    string Township,
    string IndustryCode,
    Archetype Archetype,
    double OutputWeight,
    int Furnaces = 0,
    int IdleFurnaces = 0,
    bool WasteHeatRecovery = false,
    double TransformerKva = 0,
    FurnaceEnclosure Enclosure = FurnaceEnclosure.SemiClosed);

/// <summary>
/// The 69 enterprises of table 1-1, by township, with the ten ferrosilicon enterprises of P2. Names the plan gives are
/// used; the others are synthetic and say so. Industry classes are GB/T 4754-2017 classes matching the industries the
/// table lists for the township.
/// </summary>
internal static class DefaultDatasetRoster
{
    public static IReadOnlyList<EnterpriseSpec> Enterprises { get; } = Build();

    private static List<EnterpriseSpec> Build()
    {
        var list = new List<EnterpriseSpec>
        {
            // Zhenluo 镇罗 (18): the ten ferrosilicon enterprises of P2, 40 furnaces, 35 running; Hefa's and Xinhua's
            // four furnaces have no waste-heat recovery (P2 status: 8 enterprises with waste-heat power, 90 %).
            new("zl-yuexin", "Yuexin Smelting", "跃鑫冶炼", "zhenluo", "3140", Archetype.Ferrosilicon, 60, Furnaces: 6, IdleFurnaces: 1, WasteHeatRecovery: true, TransformerKva: 33_000),
            new("zl-shengjin", "Shengjin Silicon", "胜金硅业", "zhenluo", "3140", Archetype.Ferrosilicon, 50, Furnaces: 5, IdleFurnaces: 1, WasteHeatRecovery: true, TransformerKva: 33_000),
            new("zl-maoye", "Maoye Metallurgy", "茂烨冶金", "zhenluo", "3140", Archetype.Ferrosilicon, 50, Furnaces: 5, WasteHeatRecovery: true, TransformerKva: 30_000),
            new("zl-sanyuan", "Sanyuan Zhongtai", "三元中泰", "zhenluo", "3140", Archetype.Ferrosilicon, 40, Furnaces: 4, WasteHeatRecovery: true, TransformerKva: 30_000),
            new("zl-hefa", "Hefa Smelting", "合发冶炼", "zhenluo", "3140", Archetype.Ferrosilicon, 18, Furnaces: 2, IdleFurnaces: 1, WasteHeatRecovery: false, TransformerKva: 25_500),
            new("zl-xinhua", "Xinhua Iron and Steel", "新华钢铁", "zhenluo", "3140", Archetype.Ferrosilicon, 18, Furnaces: 2, IdleFurnaces: 1, WasteHeatRecovery: false, TransformerKva: 25_500),
            new("zl-fa07", "Zhenluo ferroalloy enterprise 7 (synthetic)", null, "zhenluo", "3140", Archetype.Ferrosilicon, 38, Furnaces: 4, IdleFurnaces: 1, WasteHeatRecovery: true, TransformerKva: 27_000, Enclosure: FurnaceEnclosure.Closed),
            new("zl-fa08", "Zhenluo ferroalloy enterprise 8 (synthetic)", null, "zhenluo", "3140", Archetype.Ferrosilicon, 40, Furnaces: 4, WasteHeatRecovery: true, TransformerKva: 30_000, Enclosure: FurnaceEnclosure.Closed),
            new("zl-fa09", "Zhenluo ferroalloy enterprise 9 (synthetic)", null, "zhenluo", "3140", Archetype.Ferrosilicon, 42, Furnaces: 4, WasteHeatRecovery: true, TransformerKva: 33_000),
            new("zl-fa10", "Zhenluo ferroalloy enterprise 10 (synthetic)", null, "zhenluo", "3140", Archetype.Ferrosilicon, 35, Furnaces: 4, WasteHeatRecovery: true, TransformerKva: 25_500),
            new("zl-recycle-1", "Zhenluo recycling 1 (synthetic)", null, "zhenluo", "4220", Archetype.DryerUser, 3),
            new("zl-recycle-2", "Zhenluo recycling 2 (synthetic)", null, "zhenluo", "4210", Archetype.DryerUser, 3),
            new("zl-food-1", "Zhenluo agri-food 1 (synthetic)", null, "zhenluo", "1320", Archetype.GasBoilerUser, 2),
            new("zl-food-2", "Zhenluo agri-food 2 (synthetic)", null, "zhenluo", "1391", Archetype.GasBoilerUser, 2),
            new("zl-mineral-1", "Zhenluo non-metallic minerals 1 (synthetic)", null, "zhenluo", "3099", Archetype.DryerUser, 3),
            new("zl-mineral-2", "Zhenluo non-metallic minerals 2 (synthetic)", null, "zhenluo", "3021", Archetype.DryerUser, 3),
            new("zl-heat-1", "Zhenluo heat supply 1 (synthetic)", null, "zhenluo", "4430", Archetype.CoalBoilerPlant, 4),
            new("zl-heat-2", "Zhenluo heat supply 2 (synthetic)", null, "zhenluo", "4430", Archetype.CoalBoilerPlant, 4),
        };

        // Xuanhe 宣和 (13): calcium carbide, cement, lime, rolling, power and heat.
        for (int i = 1; i <= 4; i++)
        {
            list.Add(new($"xh-carbide-{i}", $"Xuanhe calcium carbide {i} (synthetic)", null, "xuanhe", "2619", Archetype.CalciumCarbide, 12, Furnaces: i <= 2 ? 2 : 1, TransformerKva: 30_000, Enclosure: FurnaceEnclosure.Closed));
        }

        list.Add(new("xh-cement-1", "Xuanhe cement 1 (synthetic)", null, "xuanhe", "3011", Archetype.Cement, 14));
        list.Add(new("xh-cement-2", "Xuanhe cement 2 (synthetic)", null, "xuanhe", "3011", Archetype.Cement, 12));
        list.Add(new("xh-lime-1", "Xuanhe lime 1 (synthetic)", null, "xuanhe", "3012", Archetype.Lime, 4));
        list.Add(new("xh-lime-2", "Xuanhe lime 2 (synthetic)", null, "xuanhe", "3012", Archetype.Lime, 4));
        list.Add(new("xh-rolling-1", "Xuanhe steel rolling 1 (synthetic)", null, "xuanhe", "3130", Archetype.RollingMill, 8));
        list.Add(new("xh-rolling-2", "Xuanhe steel rolling 2 (synthetic)", null, "xuanhe", "3130", Archetype.RollingMill, 6));
        list.Add(new("xh-chem-1", "Xuanhe inorganic salts (synthetic)", null, "xuanhe", "2613", Archetype.DryerUser, 4));
        list.Add(new("xh-heat-1", "Xuanhe heat supply 1 (synthetic)", null, "xuanhe", "4430", Archetype.CoalBoilerPlant, 5));
        list.Add(new("xh-heat-2", "Xuanhe heat supply 2 (synthetic)", null, "xuanhe", "4430", Archetype.CoalBoilerPlant, 5));

        // Changle 常乐 (6): Kehao Ceramics and Lüneng's biogas boiler are named by the plan.
        list.Add(new("cl-kehao", "Kehao Ceramics", "科豪陶瓷", "changle", "3071", Archetype.Ceramics, 10));
        list.Add(new("cl-luneng", "Zhongwei Luneng New Energy", "中卫市绿能新能源", "changle", "4430", Archetype.BiogasBoiler, 4));
        list.Add(new("cl-heat-1", "Changle heat supply (synthetic)", null, "changle", "4430", Archetype.GasBoilerUser, 4));
        list.Add(new("cl-mineral-1", "Changle non-metallic minerals (synthetic)", null, "changle", "3039", Archetype.DryerUser, 3));
        list.Add(new("cl-water-1", "Changle water supply (synthetic)", null, "changle", "4610", Archetype.GasBoilerUser, 2));
        list.Add(new("cl-recycle-1", "Changle recycling (synthetic)", null, "changle", "4210", Archetype.DryerUser, 2));

        // Binhe 滨河 (5): rubber and plastics, gas supply, power and heat.
        list.Add(new("bh-plastics-1", "Binhe plastics 1 (synthetic)", null, "binhe", "2922", Archetype.GasBoilerUser, 5));
        list.Add(new("bh-plastics-2", "Binhe plastics 2 (synthetic)", null, "binhe", "2927", Archetype.GasBoilerUser, 4));
        list.Add(new("bh-gas-1", "Binhe gas supply (synthetic)", null, "binhe", "4511", Archetype.GasBoilerUser, 6));
        list.Add(new("bh-heat-1", "Binhe heat supply 1 (synthetic)", null, "binhe", "4430", Archetype.GasBoilerUser, 4));
        list.Add(new("bh-heat-2", "Binhe heat supply 2 (synthetic)", null, "binhe", "4430", Archetype.GasBoilerUser, 3));

        // Rouyuan 柔远 (1): paper.
        list.Add(new("ry-paper-1", "Rouyuan paper (synthetic)", null, "rouyuan", "2221", Archetype.CoalBoilerPlant, 1));

        // Yingshuiqiao 迎水桥 (26): agri-food, electronics, power and heat.
        for (int i = 1; i <= 14; i++)
        {
            list.Add(new($"ysq-food-{i}", $"Yingshuiqiao agri-food {i} (synthetic)", null, "yingshuiqiao", i % 3 == 0 ? "1391" : "1320", i % 4 == 0 ? Archetype.DryerUser : Archetype.GasBoilerUser, 3 + (i % 3)));
        }

        for (int i = 1; i <= 6; i++)
        {
            list.Add(new($"ysq-electronics-{i}", $"Yingshuiqiao electronics {i} (synthetic)", null, "yingshuiqiao", "3982", Archetype.GasBoilerUser, 4));
        }

        for (int i = 1; i <= 6; i++)
        {
            list.Add(new($"ysq-heat-{i}", $"Yingshuiqiao heat supply {i} (synthetic)", null, "yingshuiqiao", "4430", Archetype.GasBoilerUser, 2));
        }

        return list;
    }
}
