namespace Shapotou.Sdk.Analytics.Emissions;

/// <summary>
/// How an emission was determined. The contract names are <c>measured</c>, <c>mass_balance</c> and <c>factor</c>; the
/// default precedence is the order of the Environmental Protection Tax Law, Art. 10: measured, then mass balance,
/// then factor.
/// </summary>
public enum EmissionMethod
{
    /// <summary><c>measured</c>: Σ hourly concentration × dry standard flow × 1 h from CEMS data (HJ 212-2017 Annex D, D2.5 (33)).</summary>
    Measured,

    /// <summary><c>mass_balance</c>: SO₂ from the sulfur in reductants and fuels, less retention and treatment.</summary>
    MassBalance,

    /// <summary><c>factor</c>: activity × emission factor × (1 − removal efficiency of the treatment chain).</summary>
    Factor,
}

/// <summary>Forces the method of one outlet and pollutant, whatever the default precedence would choose.</summary>
/// <param name="OutletId">The outlet.</param>
/// <param name="Pollutant">The pollutant.</param>
/// <param name="Method">The method to use; when its inputs are missing the result is unknown and listed as missing.</param>
public sealed record MethodOverride(string OutletId, Model.Pollutant Pollutant, EmissionMethod Method);

/// <summary>What the measured method does with hours that ran without valid data.</summary>
public enum SubstitutionPolicy
{
    /// <summary>Nothing: such hours are counted and reported, and add no mass (the default; HJ 75's substitution rules are not in the references).</summary>
    None,

    /// <summary>
    /// Each running hour without valid data (a row not flagged <c>F</c> whose value or flow is not valid) adds the mean
    /// mass of the valid hours of the same outlet, pollutant and month. A caller's choice, reported as an assumption;
    /// clock hours with no row at all are not filled, since nothing says the source ran.
    /// </summary>
    MonthlyMeanOfValidHours,
}
