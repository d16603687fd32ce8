using UnitsNet;

namespace Shapotou.Sdk.Analytics.Emissions;

/// <summary>
/// The inputs of a facility's SO₂ mass balance: the sulfur content of each reductant and fuel it uses, and the share of
/// the sulfur charged that stays in product and slag. All are caller inputs; the references hold none of them.
/// </summary>
/// <param name="FacilityId">The facility.</param>
/// <param name="SulfurContent">Sulfur content by <c>energy_ledger</c> column: <c>coke</c>, <c>semi_coke</c>, <c>coal</c>,
/// <c>diesel</c>, <c>electrode_paste</c> (as received, by mass).</param>
/// <param name="Retained">The share of the sulfur charged that leaves in product and slag rather than in the flue gas.</param>
/// <param name="Source">Where the contents and the retention come from (assay reports, …); shown with every result.</param>
public sealed record SulfurBalanceInput(string FacilityId, IReadOnlyDictionary<string, MassFraction> SulfurContent, Ratio Retained, string Source);
