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
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para>Each property is checked when it is set; that equal-value electricity has its coefficient is checked by
/// <see cref="EnergyCalculator"/>'s constructor, since it ties two properties together.</para>
/// </remarks>
public sealed record EnergyAccountingOptions
{
    private readonly ElectricityValuation _electricityValuation = ElectricityValuation.Equivalent;
    private readonly StandardCoalCoefficient? _equalValueElectricity;
    private readonly IReadOnlyList<StandardCoalCoefficient> _callerCoefficients = [];
    private readonly IReadOnlyList<ProductDefinition> _products = ProductDefinition.Defaults;

    /// <summary>Gets how electricity is valued.</summary>
    /// <value>The default value is <see cref="ElectricityValuation.Equivalent"/> (GB/T 2589-2020, the basis of GB 21341).</value>
    /// <exception cref="ArgumentOutOfRangeException">On init: not a member of <see cref="EnergyEfficiency.ElectricityValuation"/>.</exception>
    public ElectricityValuation ElectricityValuation
    {
        get => _electricityValuation;
        init => _electricityValuation = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(ElectricityValuation), value, "The electricity valuation must be Equivalent or EqualValue.");
    }

    /// <summary>Gets the equal-value electricity coefficient, required with <see cref="ElectricityValuation.EqualValue"/>.</summary>
    /// <value>The default value is <see langword="null"/>: the references give no coal rate of thermal power.</value>
    /// <exception cref="ArgumentException">On init: a coefficient of another carrier than electricity (kgce per an energy unit).</exception>
    public StandardCoalCoefficient? EqualValueElectricity
    {
        get => _equalValueElectricity;
        init => _equalValueElectricity = value is null || value.CarrierUnit is UnitsNet.Units.EnergyUnit
            ? value
            : throw new ArgumentException($"The equal-value electricity coefficient must be in kgce per an energy unit; '{value.Carrier}' is per {value.CarrierUnit}.", nameof(EqualValueElectricity));
    }

    /// <summary>
    /// Gets coefficients the caller supplies, by carrier name (<c>semi_coke</c>, <c>electrode_paste</c>, or any carrier to
    /// override the catalogue); each is reported in the results' assumptions.
    /// </summary>
    /// <value>The default value is empty.</value>
    /// <exception cref="ArgumentNullException">On init: the list or one of its coefficients is <see langword="null"/>.</exception>
    public IReadOnlyList<StandardCoalCoefficient> CallerCoefficients
    {
        get => _callerCoefficients;
        init => _callerCoefficients = NoNulls(value, nameof(CallerCoefficients));
    }

    /// <summary>Gets the product codes and their benchmark basis rules.</summary>
    /// <value>The default value is <see cref="ProductDefinition.Defaults"/> (ferrosilicon grades on the FeSi75 basis of GB 21341-2023, and the others' own tonnes).</value>
    /// <exception cref="ArgumentNullException">On init: the list or one of its products is <see langword="null"/>.</exception>
    public IReadOnlyList<ProductDefinition> Products
    {
        get => _products;
        init => _products = NoNulls(value, nameof(Products));
    }

    private static IReadOnlyList<T> NoNulls<T>(IReadOnlyList<T> value, string name)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value, name);
        return value.Any(v => v is null) ? throw new ArgumentNullException(name, $"{name} must not hold null.") : [.. value];
    }
}
