using System.Collections.Frozen;

namespace Shapotou.Sdk.Analytics.EnergyEfficiency;

/// <summary>
/// How the energy calculators treat a product code of the ledgers: its benchmark, its limit-standard indicators, and
/// the rule that converts physical tonnes to tonnes on the benchmark's product basis.
/// </summary>
/// <param name="Code">The ledger's product code, such as <c>FeSi75</c>.</param>
/// <param name="BenchmarkProduct">The catalogue slug of its energy-efficiency benchmark (<c>energy.benchmark.&lt;slug&gt;</c>), or <see langword="null"/>.</param>
/// <param name="ComprehensiveLimitKey">The catalogue indicator of its unit comprehensive-energy limit, without <c>.level_N</c>, or <see langword="null"/>.</param>
/// <param name="ElectricityLimitKey">The catalogue indicator of its smelting or furnace electricity limit, or <see langword="null"/>.</param>
/// <param name="OreGradeProduct">The GB 21341 product slug whose ore-grade correction applies to the electricity limit, or <see langword="null"/>.</param>
/// <param name="BasisFactor">Tonnes on the benchmark basis per physical tonne; finite and positive.</param>
/// <param name="BasisRule">The rule behind <paramref name="BasisFactor"/> in words, reported in assumptions when it is not 1.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ProductDefinition(
    string Code,
    string? BenchmarkProduct,
    string? ComprehensiveLimitKey,
    string? ElectricityLimitKey,
    string? OreGradeProduct,
    double BasisFactor,
    string BasisRule)
{
    /// <summary>
    /// The product codes the SDK knows, from the data contract. Ferrosilicon grades are converted to the FeSi75 basis in
    /// proportion to their nominal silicon content: GB 21341-2022 Annex B (the benchmark composition) is not in the
    /// references, so this default is an assumption, reported as such, and replaceable through
    /// <see cref="EnergyAccountingOptions.Products"/>.
    /// </summary>
    public static IReadOnlyList<ProductDefinition> Defaults { get; } =
    [
        Ferrosilicon("FeSi75", 75),
        Ferrosilicon("FeSi72", 72),
        Ferrosilicon("FeSi65", 65),
        new("SiMn", "silicomanganese", "energy.limit.gb21341.silicomanganese.comprehensive_energy", "energy.limit.gb21341.silicomanganese.smelting_electricity", "silicomanganese", 1, "physical tonnes"),
        new("CaC2", null, "energy.limit.gb21343.calcium_carbide.comprehensive_energy", "energy.limit.gb21343.calcium_carbide.furnace_electricity", null, 1, "physical tonnes (the GB 21343-2023 gas-yield basis is not in the references)"),
        new("clinker", "cement_clinker", "energy.limit.gb16780.cement_clinker.comprehensive_energy", "energy.limit.gb16780.cement_clinker.electricity", null, 1, "physical tonnes"),
        NoBenchmark("ceramic_tile"),
        NoBenchmark("lime"),
        NoBenchmark("steam"),
        NoBenchmark("hot_water"),
        NoBenchmark("dried_material"),
        NoBenchmark("spray_dried_powder"),
        NoBenchmark("rolled_steel"),
    ];

    internal static FrozenDictionary<string, ProductDefinition> Index(IEnumerable<ProductDefinition> products) =>
        products.ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);

    private static ProductDefinition Ferrosilicon(string code, double siliconPercent) => new(
        code,
        "ferrosilicon",
        "energy.limit.gb21341.ferrosilicon.comprehensive_energy",
        "energy.limit.gb21341.ferrosilicon.smelting_electricity",
        "ferrosilicon",
        siliconPercent / 75,
        siliconPercent == 75
            ? "physical tonnes (FeSi75 is the basis)"
            : $"{code} converted to the FeSi75 basis in proportion to nominal silicon ({siliconPercent}/75), an assumption the references do not confirm (GB 21341-2022 Annex B is not in them); it is the default of EnergyAccountingOptions.Products, which a caller replaces with the standard's conversion");

    private static ProductDefinition NoBenchmark(string code) => new(code, null, null, null, null, 1, "physical tonnes");
}
