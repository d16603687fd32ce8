using Shapotou.Sdk.Units;

namespace Shapotou.Sdk.Analytics.EnergyEfficiency;

/// <summary>How electricity is valued in comprehensive energy (GB/T 2589-2020).</summary>
public enum ElectricityValuation
{
    /// <summary>Equivalent value (当量值), 0.1229 kgce/kWh: the basis of GB 21341 since its 2017 edition.</summary>
    Equivalent = 1,

    /// <summary>Equal value (等价值), the coal rate of thermal power of the year: a caller-supplied coefficient.</summary>
    EqualValue,
}

/// <summary>Options of the energy calculators.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record EnergyAccountingOptions
{
    /// <summary>Gets how electricity is valued.</summary>
    /// <value>The default value is <see cref="ElectricityValuation.Equivalent"/>.</value>
    public ElectricityValuation ElectricityValuation { get; init; } = ElectricityValuation.Equivalent;

    /// <summary>Gets the equal-value electricity coefficient, required with <see cref="ElectricityValuation.EqualValue"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public StandardCoalCoefficient? EqualValueElectricity { get; init; }

    /// <summary>
    /// Gets coefficients the caller supplies, by carrier name (<c>semi_coke</c>, <c>electrode_paste</c>, or any carrier to
    /// override the catalogue); each is reported in the results' assumptions.
    /// </summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<StandardCoalCoefficient> CallerCoefficients { get; init; } = [];

    /// <summary>Gets the product codes and their benchmark basis rules.</summary>
    /// <value>The default value is <see cref="ProductDefinition.Defaults"/>.</value>
    public IReadOnlyList<ProductDefinition> Products { get; init; } = ProductDefinition.Defaults;
}
