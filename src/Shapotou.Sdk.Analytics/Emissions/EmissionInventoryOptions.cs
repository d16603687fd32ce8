namespace Shapotou.Sdk.Analytics.Emissions;

/// <summary>The caller's choices for an emission inventory.</summary>
public sealed record EmissionInventoryOptions
{
    /// <summary>Gets the methods forced per outlet and pollutant; empty by default.</summary>
    public IReadOnlyList<MethodOverride> Overrides { get; init; } = [];

    /// <summary>Gets what the measured method does with running hours without valid data; <see cref="SubstitutionPolicy.None"/> by default.</summary>
    public SubstitutionPolicy Substitution { get; init; } = SubstitutionPolicy.None;

    /// <summary>Gets the sulfur-balance inputs per facility, which enable the mass-balance method for SO₂; empty by default.</summary>
    public IReadOnlyList<SulfurBalanceInput> SulfurBalances { get; init; } = [];
}
