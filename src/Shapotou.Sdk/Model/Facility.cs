using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Model;

/// <summary>A piece of process equipment that emits to air: one row of the <c>facilities</c> table.</summary>
/// <remarks>
/// <para>This type is immutable and thread-safe. Every field is validated when the record is made; an invalid one is
/// an <see cref="ArgumentException"/> naming the field and the value.</para>
/// <para>Kind-specific fields are accepted only for their kinds: <see cref="TransformerRating"/> and
/// <see cref="Enclosure"/> for furnaces, <see cref="SteamCapacity"/> and <see cref="ThermalPower"/> for boilers and
/// hot-air furnaces, <see cref="ClinkerCapacity"/> for kilns.</para>
/// </remarks>
public sealed record Facility
{
    private const string Entity = "Facility";

    /// <summary>Initializes a facility.</summary>
    /// <param name="facilityId">The unique id.</param>
    /// <param name="enterpriseId">The id of the enterprise that operates it.</param>
    /// <param name="kind">The kind of facility.</param>
    /// <param name="status">Running, idle or retired.</param>
    /// <param name="product">The product and grade, such as <c>FeSi75</c>, <c>CaC2</c>, <c>clinker</c> or <c>steam</c>; or <see langword="null"/>.</param>
    /// <param name="transformerRating">The furnace transformer's rating (furnaces), at least 0.</param>
    /// <param name="steamCapacity">The rated steam output (蒸吨, boilers), at least 0.</param>
    /// <param name="thermalPower">The rated thermal power (hot-water boilers and heaters), at least 0.</param>
    /// <param name="clinkerCapacity">The clinker capacity per day (kilns), at least 0.</param>
    /// <param name="annualCapacity">The design production capacity per year, as a mass of product, at least 0.</param>
    /// <param name="enclosure">How a furnace is enclosed (furnaces).</param>
    /// <param name="fuel">The main fuel, lower-case: <c>coal</c>, <c>natural_gas</c>, <c>biogas</c>, <c>biomass</c>, <c>electricity</c>, <c>oil</c>, …</param>
    /// <param name="wasteHeatRecovery">Whether waste-heat power or heat recovery is installed; <see langword="null"/> when unknown.</param>
    /// <exception cref="ArgumentException">A field is invalid; the message names it and its value.</exception>
    public Facility(
        string facilityId,
        string enterpriseId,
        FacilityKind kind,
        FacilityStatus status,
        string? product = null,
        ElectricApparentPower? transformerRating = null,
        MassFlow? steamCapacity = null,
        Power? thermalPower = null,
        MassFlow? clinkerCapacity = null,
        Mass? annualCapacity = null,
        FurnaceEnclosure? enclosure = null,
        string? fuel = null,
        bool? wasteHeatRecovery = null)
    {
        FacilityId = ModelChecks.Id(facilityId, Entity, "facility_id");
        EnterpriseId = ModelChecks.Id(enterpriseId, $"{Entity} '{facilityId}'", "enterprise_id");
        Kind = ModelChecks.Defined(kind, Entity, facilityId, "kind");
        Status = ModelChecks.Defined(status, Entity, facilityId, "status");
        Product = ModelChecks.Optional(product, Entity, facilityId, "product");
        TransformerRating = ModelChecks.NonNegative(transformerRating, ElectricApparentPowerUnit.Kilovoltampere, Entity, facilityId, "transformer_rating");
        SteamCapacity = ModelChecks.NonNegative(steamCapacity, MassFlowUnit.TonnePerHour, Entity, facilityId, "steam_capacity");
        ThermalPower = ModelChecks.NonNegative(thermalPower, PowerUnit.Megawatt, Entity, facilityId, "thermal_power");
        ClinkerCapacity = ModelChecks.NonNegative(clinkerCapacity, MassFlowUnit.TonnePerDay, Entity, facilityId, "clinker_capacity");
        AnnualCapacity = ModelChecks.NonNegative(annualCapacity, MassUnit.Tonne, Entity, facilityId, "annual_capacity");
        Enclosure = enclosure is { } e ? ModelChecks.Defined(e, Entity, facilityId, "enclosure") : null;
        Fuel = fuel is null ? null : ModelChecks.Slug(fuel, Entity, facilityId, "fuel");
        WasteHeatRecovery = wasteHeatRecovery;

        bool furnace = kind is FacilityKind.SubmergedArcFurnace or FacilityKind.CarbideFurnace;
        bool heater = kind is FacilityKind.Boiler or FacilityKind.HotAirFurnace;
        bool kiln = kind is FacilityKind.CementKiln or FacilityKind.CeramicKiln or FacilityKind.LimeKiln;
        string kindName = ContractNames.ToName(kind);
        ModelChecks.Requires(transformerRating is null || furnace, Entity, facilityId, "transformer_rating", $"is given for a {kindName}; it applies to furnaces only.");
        ModelChecks.Requires(enclosure is null || furnace, Entity, facilityId, "enclosure", $"is given for a {kindName}; it applies to furnaces only.");
        ModelChecks.Requires(steamCapacity is null || heater, Entity, facilityId, "steam_capacity", $"is given for a {kindName}; it applies to boilers and hot-air furnaces only.");
        ModelChecks.Requires(thermalPower is null || heater, Entity, facilityId, "thermal_power", $"is given for a {kindName}; it applies to boilers and hot-air furnaces only.");
        ModelChecks.Requires(clinkerCapacity is null || kiln, Entity, facilityId, "clinker_capacity", $"is given for a {kindName}; it applies to kilns only.");
    }

    /// <summary>Gets the unique id.</summary>
    public string FacilityId { get; }

    /// <summary>Gets the id of the enterprise that operates the facility.</summary>
    public string EnterpriseId { get; }

    /// <summary>Gets the kind of facility.</summary>
    public FacilityKind Kind { get; }

    /// <summary>Gets whether the facility is running, idle or retired.</summary>
    public FacilityStatus Status { get; }

    /// <summary>Gets the product and grade, or <see langword="null"/>.</summary>
    public string? Product { get; }

    /// <summary>Gets the furnace transformer's rating, or <see langword="null"/>.</summary>
    public ElectricApparentPower? TransformerRating { get; }

    /// <summary>Gets the rated steam output (蒸吨), or <see langword="null"/>.</summary>
    public MassFlow? SteamCapacity { get; }

    /// <summary>Gets the rated thermal power, or <see langword="null"/>.</summary>
    public Power? ThermalPower { get; }

    /// <summary>Gets the clinker capacity per day, or <see langword="null"/>.</summary>
    public MassFlow? ClinkerCapacity { get; }

    /// <summary>Gets the design production capacity per year, as a mass of product, or <see langword="null"/>.</summary>
    public Mass? AnnualCapacity { get; }

    /// <summary>Gets how a furnace is enclosed, or <see langword="null"/>.</summary>
    public FurnaceEnclosure? Enclosure { get; }

    /// <summary>Gets the main fuel, or <see langword="null"/>.</summary>
    public string? Fuel { get; }

    /// <summary>Gets whether waste-heat power or heat recovery is installed, or <see langword="null"/> when unknown.</summary>
    public bool? WasteHeatRecovery { get; }
}
