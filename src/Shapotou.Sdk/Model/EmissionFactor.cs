namespace Shapotou.Sdk.Model;

/// <summary>
/// A user-supplied emission factor: one row of the <c>emission_factors</c> table. The official MEE factor manual is
/// not in the references, so factors are always data with their own source, never SDK defaults.
/// </summary>
/// <remarks>This type is immutable and thread-safe; an invalid field is an <see cref="ArgumentException"/> naming it and its value.</remarks>
public sealed record EmissionFactor
{
    private const string Entity = "Emission factor";

    /// <summary>Initializes a factor.</summary>
    /// <param name="industryCode">The GB/T 4754-2017 class it applies to.</param>
    /// <param name="product">The product, such as <c>FeSi75</c>.</param>
    /// <param name="process">The process, such as <c>semi_closed_furnace</c>.</param>
    /// <param name="pollutant">The pollutant: <c>pm</c>, <c>so2</c>, <c>nox</c> or <c>co2</c>.</param>
    /// <param name="factor">Kilograms of pollutant per unit of the activity column (per tonne for <c>output</c>), at least 0.</param>
    /// <param name="activity">The ledger column the factor multiplies, such as <c>output</c> or <c>natural_gas</c>.</param>
    /// <param name="source">The document and table the factor comes from; required.</param>
    /// <exception cref="ArgumentException">A field is invalid; the message names it and its value.</exception>
    public EmissionFactor(string industryCode, string product, string process, string pollutant, double factor, string activity, string source)
    {
        string id = $"{industryCode}/{product}/{process}/{pollutant}";
        IndustryCode = ModelChecks.IndustryCode(industryCode, Entity, id, "industry_code");
        Product = ModelChecks.Text(product, $"{Entity} '{id}'", "product");
        Process = ModelChecks.Slug(process, Entity, id, "process");
        Pollutant = ModelChecks.Slug(pollutant, Entity, id, "pollutant");
        Factor = ModelChecks.NonNegative(factor, Entity, id, "factor");
        Activity = ModelChecks.Slug(activity, Entity, id, "activity");
        Source = ModelChecks.Text(source, $"{Entity} '{id}'", "source");
    }

    /// <summary>Gets the GB/T 4754-2017 class.</summary>
    public string IndustryCode { get; }

    /// <summary>Gets the product.</summary>
    public string Product { get; }

    /// <summary>Gets the process.</summary>
    public string Process { get; }

    /// <summary>Gets the pollutant.</summary>
    public string Pollutant { get; }

    /// <summary>Gets the kilograms of pollutant per unit of <see cref="Activity"/>.</summary>
    public double Factor { get; }

    /// <summary>Gets the ledger column the factor multiplies.</summary>
    public string Activity { get; }

    /// <summary>Gets the document and table the factor comes from.</summary>
    public string Source { get; }
}
