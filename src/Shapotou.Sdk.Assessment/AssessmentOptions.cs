using Shapotou.Sdk.Analytics.Grading;
using Shapotou.Sdk.Analytics.Tax;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Assessment;

/// <summary>The inputs of an assessment besides its data.</summary>
/// <remarks>This type is immutable; set its properties with an object initializer or a <c>with</c> expression.</remarks>
public sealed record AssessmentOptions
{
    /// <summary>Gets the options every property of which is its default.</summary>
    public static AssessmentOptions Default { get; } = new();

    /// <summary>Gets the reference catalogue (coefficients, benchmarks, limits, factors, rates); the built-in one by default.</summary>
    public ReferenceCatalogue Catalogue { get; init; } = ReferenceCatalogue.Builtin;

    /// <summary>Gets the date whose catalogue rows apply; null for 31 December of the plan's baseline year (2024-12-31).</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Gets the one year to assess (energy, solid waste, emissions, tax, CO₂, grading); null for every year the
    /// dataset holds. The 2027 ceilings always come from the 2024 inventory.</summary>
    public int? Year { get; init; }

    /// <summary>Gets the environmental-protection tax's policy options (rounding convention, boundary, particulate class);
    /// <see cref="TaxOptions.Exact"/> by default.</summary>
    public TaxOptions Tax { get; init; } = TaxOptions.Exact;

    /// <summary>Gets the performance-grading criteria; null for the SDK's examples (cement from the references,
    /// ferroalloy labelled illustrative).</summary>
    public GradingCriteria? GradingCriteria { get; init; }

    /// <summary>Gets the enterprise facts grading needs (fugitive control, transport); criteria that need a fact the
    /// list lacks are unknown and listed as such.</summary>
    public IReadOnlyList<EnterpriseFacts> EnterpriseFacts { get; init; } = [];

    /// <summary>Gets the thresholds of the plausibility checks on the ledgers and the CEMS hours, whose findings are
    /// warnings (<see cref="DistrictAssessment.Warnings"/>) and never change a figure; <see cref="PlausibilityOptions.Default"/> by default.</summary>
    public PlausibilityOptions Plausibility { get; init; } = PlausibilityOptions.Default;
}
