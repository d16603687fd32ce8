using Shapotou.Sdk.Concentrations;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Model;

/// <summary>
/// A permitted outlet (排放口) and one pollutant: one row of the <c>outlets</c> table. An outlet shared by several
/// facilities repeats its rows per facility.
/// </summary>
/// <remarks>This type is immutable and thread-safe; an invalid field is an <see cref="ArgumentException"/> naming it and its value.</remarks>
public sealed record Outlet
{
    private const string Entity = "Outlet";

    /// <summary>Initializes an outlet row.</summary>
    /// <param name="outletId">The outlet's id.</param>
    /// <param name="facilityId">The id of a facility that emits through it.</param>
    /// <param name="pollutant">The pollutant of this row.</param>
    /// <param name="outletCode">The permit's outlet code, such as <c>DA001</c>, or <see langword="null"/>.</param>
    /// <param name="mn">The HJ 212 data-logger id (MN) reporting the outlet, or <see langword="null"/>.</param>
    /// <param name="limitValue">The permitted concentration at <paramref name="referenceOxygen"/>, at least 0, or <see langword="null"/>.</param>
    /// <param name="referenceOxygen">The reference O₂ the limit is judged at, from 0 % to below 21 %; <see langword="null"/>: at the measured concentration.</param>
    /// <param name="permittedAnnual">The permitted annual mass (许可排放量), at least 0, or <see langword="null"/>.</param>
    /// <param name="standard">The standard the limit comes from, such as <c>GB 4915-2013 Table 1</c>, or <see langword="null"/>.</param>
    /// <param name="cemsInstalled">Whether a CEMS reports this outlet; <see langword="null"/> when unknown.</param>
    /// <exception cref="ArgumentException">A field is invalid; the message names it and its value.</exception>
    public Outlet(
        string outletId,
        string facilityId,
        Pollutant pollutant,
        string? outletCode = null,
        string? mn = null,
        MassConcentration? limitValue = null,
        VolumeConcentration? referenceOxygen = null,
        Mass? permittedAnnual = null,
        string? standard = null,
        bool? cemsInstalled = null)
    {
        OutletId = ModelChecks.Id(outletId, Entity, "outlet_id");
        FacilityId = ModelChecks.Id(facilityId, $"{Entity} '{outletId}'", "facility_id");
        Pollutant = ModelChecks.Defined(pollutant, Entity, outletId, "pollutant");
        OutletCode = ModelChecks.Optional(outletCode, Entity, outletId, "outlet_code");
        Mn = ModelChecks.Optional(mn, Entity, outletId, "mn");
        LimitValue = ModelChecks.NonNegative(limitValue, MassConcentrationUnit.MilligramPerCubicMeter, Entity, outletId, "limit_value");
        if (referenceOxygen is { } o2)
        {
            double percent = o2.As(VolumeConcentrationUnit.Percent);
            ModelChecks.Requires(
                percent >= 0 && percent < 21,
                Entity,
                outletId,
                "reference_o2",
                FormattableString.Invariant($"is {percent} %; expected at least 0 % and below 21 %."),
                nameof(referenceOxygen));
        }

        ReferenceOxygen = referenceOxygen;
        PermittedAnnual = ModelChecks.NonNegative(permittedAnnual, MassUnit.Tonne, Entity, outletId, "permitted_annual");
        Standard = ModelChecks.Optional(standard, Entity, outletId, "standard");
        CemsInstalled = cemsInstalled;
    }

    /// <summary>Gets the outlet's id.</summary>
    public string OutletId { get; }

    /// <summary>Gets the id of a facility that emits through the outlet.</summary>
    public string FacilityId { get; }

    /// <summary>Gets the pollutant of this row.</summary>
    public Pollutant Pollutant { get; }

    /// <summary>Gets the permit's outlet code, or <see langword="null"/>.</summary>
    public string? OutletCode { get; }

    /// <summary>Gets the HJ 212 data-logger id (MN), or <see langword="null"/>.</summary>
    public string? Mn { get; }

    /// <summary>Gets the permitted concentration, or <see langword="null"/>.</summary>
    public MassConcentration? LimitValue { get; }

    /// <summary>Gets the reference O₂ of the limit, or <see langword="null"/> when it is judged at the measured concentration.</summary>
    public VolumeConcentration? ReferenceOxygen { get; }

    /// <summary>Gets the permitted annual mass, or <see langword="null"/>.</summary>
    public Mass? PermittedAnnual { get; }

    /// <summary>Gets the standard the limit comes from, or <see langword="null"/>.</summary>
    public string? Standard { get; }

    /// <summary>Gets whether a CEMS reports this outlet, or <see langword="null"/> when unknown.</summary>
    public bool? CemsInstalled { get; }

    /// <summary>Gets the basis the limit is judged on: the reference O₂, or the measured concentration.</summary>
    public ConcentrationBasis LimitBasis =>
        ReferenceOxygen is { } o2 ? ConcentrationBasis.AtReferenceOxygen(o2) : ConcentrationBasis.Measured;

    /// <summary>Gets the permitted concentration as a limit to compare with, or <see langword="null"/> where the row has none.</summary>
    /// <returns>The limit on <see cref="LimitBasis"/>, citing the outlet and its standard.</returns>
    public EmissionLimit? ToEmissionLimit() =>
        LimitValue is { } limit
            ? EmissionLimit.Of(limit, LimitBasis, $"outlet {OutletId} permit ({Standard ?? "standard not given"})")
            : null;
}
