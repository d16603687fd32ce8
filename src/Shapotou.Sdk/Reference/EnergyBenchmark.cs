namespace Shapotou.Sdk.Reference;

/// <summary>
/// A product's energy-efficiency benchmark (标杆水平) and baseline (基准水平), in kgce per tonne of product, from one
/// edition of 《工业重点领域能效标杆水平和基准水平》.
/// </summary>
/// <param name="Product">The product slug, such as <c>ferrosilicon</c>.</param>
/// <param name="Benchmark">The benchmark row; its source names the edition.</param>
/// <param name="Baseline">The baseline row; its source names the edition.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record EnergyBenchmark(string Product, ReferenceValue Benchmark, ReferenceValue Baseline);
