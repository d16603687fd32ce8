using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Model;

/// <summary>A dust, SO₂ or NOx treatment facility of a facility: one row of the <c>treatment_facilities</c> table.</summary>
/// <remarks>This type is immutable and thread-safe; an invalid field is an <see cref="ArgumentException"/> naming it and its value.</remarks>
public sealed record TreatmentFacility
{
    private const string Entity = "Treatment facility";

    /// <summary>Initializes a treatment facility.</summary>
    /// <param name="treatmentId">The unique id.</param>
    /// <param name="facilityId">The id of the facility whose gas it treats.</param>
    /// <param name="kind">The technique.</param>
    /// <param name="pollutant">The pollutant it removes.</param>
    /// <param name="designEfficiency">The design removal efficiency, from 0 % to 100 %.</param>
    /// <exception cref="ArgumentException">A field is invalid; the message names it and its value.</exception>
    public TreatmentFacility(string treatmentId, string facilityId, TreatmentKind kind, Pollutant pollutant, Ratio designEfficiency)
    {
        TreatmentId = ModelChecks.Id(treatmentId, Entity, "treatment_id");
        FacilityId = ModelChecks.Id(facilityId, $"{Entity} '{treatmentId}'", "facility_id");
        Kind = ModelChecks.Defined(kind, Entity, treatmentId, "kind");
        Pollutant = ModelChecks.Defined(pollutant, Entity, treatmentId, "pollutant");
        ModelChecks.Percent(designEfficiency.As(RatioUnit.Percent), Entity, treatmentId, "design_efficiency");
        DesignEfficiency = designEfficiency;
    }

    /// <summary>Gets the unique id.</summary>
    public string TreatmentId { get; }

    /// <summary>Gets the id of the facility whose gas it treats.</summary>
    public string FacilityId { get; }

    /// <summary>Gets the technique.</summary>
    public TreatmentKind Kind { get; }

    /// <summary>Gets the pollutant it removes.</summary>
    public Pollutant Pollutant { get; }

    /// <summary>Gets the design removal efficiency.</summary>
    public Ratio DesignEfficiency { get; }
}
