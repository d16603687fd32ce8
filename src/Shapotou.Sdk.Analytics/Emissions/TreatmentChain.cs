using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Analytics.Emissions;

/// <summary>A facility's treatment facilities for one pollutant, in series.</summary>
internal static class TreatmentChain
{
    /// <summary>
    /// The share of the pollutant left after the chain: Π(1 − η) over the design efficiencies, multiplied in the order
    /// of the treatment ids (ordinal), so that the result does not depend on the order of the table's rows.
    /// </summary>
    public static double Remaining(IReadOnlyList<TreatmentFacility> treatments, string facilityId, Pollutant pollutant) =>
        Remaining(treatments.Where(t => t.FacilityId == facilityId), pollutant);

    /// <summary>As <see cref="Remaining(IReadOnlyList{TreatmentFacility}, string, Pollutant)"/> over the rows of one
    /// facility (from <see cref="ByFacility"/>), so that asking of every facility reads the table once.</summary>
    public static double Remaining(IEnumerable<TreatmentFacility> facilityTreatments, Pollutant pollutant) =>
        facilityTreatments
            .Where(t => t.Pollutant == pollutant)
            .OrderBy(t => t.TreatmentId, StringComparer.Ordinal)
            .Aggregate(1.0, (r, t) => r * (1 - t.DesignEfficiency.DecimalFractions));

    /// <summary>The table's rows by facility id.</summary>
    public static ILookup<string, TreatmentFacility> ByFacility(IReadOnlyList<TreatmentFacility> treatments) =>
        treatments.ToLookup(t => t.FacilityId, StringComparer.Ordinal);
}
