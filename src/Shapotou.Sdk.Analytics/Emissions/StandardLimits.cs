using Shapotou.Sdk.Concentrations;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Emissions;

/// <summary>A national emission standard (and table) whose limits the catalogue holds, or which the caller must supply.</summary>
public enum LimitStandard
{
    /// <summary>GB 4915-2013 Table 1 (cement; kiln at 10 % O₂, dryers with their own heat at 8 %).</summary>
    Gb4915Table1,

    /// <summary>GB 4915-2013 Table 2, special limits of key regions.</summary>
    Gb4915Table2,

    /// <summary>GB 13271-2014 Table 1, in-use boilers (coal at 9 % O₂, oil and gas at 3.5 %).</summary>
    Gb13271Table1,

    /// <summary>GB 13271-2014 Table 2, new boilers.</summary>
    Gb13271Table2,

    /// <summary>GB 13271-2014 Table 3, special limits.</summary>
    Gb13271Table3,

    /// <summary>GB 9078-1996 Tables 2 and 4, grade 2 (industrial furnaces, measured concentration).</summary>
    Gb9078Grade2,

    /// <summary>GB 9078-1996 Tables 2 and 4, grade 3.</summary>
    Gb9078Grade3,

    /// <summary>GB 16297-1996 Table 2 (general sources, measured concentration): particulate "other", SO₂ "use", NOx "use and other".</summary>
    Gb16297Table2,

    /// <summary>The 2024 cement ultra-low opinion (kiln PM 10, SO₂ 35, NOx 50 mg/m³; marked S).</summary>
    CementUltraLow2024,

    /// <summary>GB 28666-2012 (ferroalloy): its limit tables are not in the references; a caller input.</summary>
    Gb28666,

    /// <summary>GB 25464-2010 (ceramics): its limits and reference basis are not in the references; a caller input.</summary>
    Gb25464,
}

/// <summary>The limit a standard sets for one facility and pollutant, or why there is none.</summary>
/// <param name="Limit">The limit, citing its catalogue row; <see langword="null"/> when missing.</param>
/// <param name="Missing">Why no limit was found, by name; <see langword="null"/> when found.</param>
/// <param name="Assumption">An assumption the limit rests on, in words; <see langword="null"/> when none.</param>
public sealed record ResolvedLimit(EmissionLimit? Limit, string? Missing, string? Assumption);

/// <summary>The limits of every outlet of a dataset under one standard.</summary>
/// <param name="Limits">The limit per outlet and pollutant, for <see cref="PermitCompliance.Evaluate"/>.</param>
/// <param name="Missing">Outlets without a limit, each with why.</param>
/// <param name="Assumptions">The choices the references leave open, in words.</param>
public sealed record DatasetLimits(IReadOnlyDictionary<(string OutletId, Pollutant Pollutant), EmissionLimit> Limits, IReadOnlyList<string> Missing, IReadOnlyList<string> Assumptions);

/// <summary>
/// Finds the catalogue row of a standard's limit for a facility and pollutant, with the basis the standard states
/// (reference O₂ from the catalogue's <c>emissions.reference_o2.*</c> rows), for <see cref="PermitCompliance"/>.
/// </summary>
/// <remarks>
/// Which standard applies to a facility comes from its permit; this type does not choose one. GB 28666 (ferroalloy) and
/// GB 25464 (ceramics) are not in the references: they resolve to a missing limit naming the standard, never to another
/// standard's value. The cement ultra-low values are judged at 10 % O₂ as an assumption (GB 4915's kiln reference; the
/// opinion's own basis is not in the references), and the result says so.
/// </remarks>
public static class StandardLimits
{
    /// <summary>Resolves one facility's limit.</summary>
    /// <param name="standard">The standard and table.</param>
    /// <param name="facility">The facility.</param>
    /// <param name="pollutant">The pollutant.</param>
    /// <param name="catalogue">The catalogue.</param>
    /// <param name="asOf">The date whose rows apply.</param>
    /// <returns>The limit, or why there is none.</returns>
    public static ResolvedLimit Resolve(LimitStandard standard, Facility facility, Pollutant pollutant, ReferenceCatalogue catalogue, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(facility);
        ArgumentNullException.ThrowIfNull(catalogue);
        string p = ContractNames.ToName(pollutant);
        switch (standard)
        {
            case LimitStandard.Gb28666:
                return Missing($"GB 28666-2012 (ferroalloy) limit tables are not in the references; supply the {p} limit of facility '{facility.FacilityId}' from its permit.");
            case LimitStandard.Gb25464:
                return Missing($"GB 25464-2010 (ceramics) limits and reference basis are not in the references; supply the {p} limit of facility '{facility.FacilityId}' from its permit.");
        }

        (string? row, string? oxygenKey, string? assumption) = standard switch
        {
            LimitStandard.Gb4915Table1 or LimitStandard.Gb4915Table2 => Cement(standard == LimitStandard.Gb4915Table1 ? "table_1" : "table_2", facility),
            LimitStandard.Gb13271Table1 or LimitStandard.Gb13271Table2 or LimitStandard.Gb13271Table3 => Boiler(standard, facility),
            LimitStandard.Gb9078Grade2 or LimitStandard.Gb9078Grade3 => Furnace(standard == LimitStandard.Gb9078Grade2 ? "grade_2" : "grade_3", facility, pollutant),
            LimitStandard.Gb16297Table2 => (pollutant switch
            {
                Pollutant.Pm => "gb16297.table_2.other_sources",
                Pollutant.So2 => "gb16297.table_2.sulfur_compound_use",
                Pollutant.Nox => "gb16297.table_2.nitric_acid_use_and_other",
                _ => null,
            }, null, pollutant == Pollutant.So2 ? Gb16297So2Class : null),
            LimitStandard.CementUltraLow2024 => facility.Kind == FacilityKind.CementKiln
                ? ("cement_ultra_low_2024.kiln", "emissions.reference_o2.cement_kiln", "The cement ultra-low values are judged at 10 % O₂, GB 4915-2013's kiln reference; the 2024 opinion's own basis is not in the references.")
                : (null, null, null),
            _ => throw new ArgumentOutOfRangeException(nameof(standard), standard, null),
        };
        if (row is null)
        {
            return Missing($"{standard} has no row for a {ContractNames.ToName(facility.Kind)} (facility '{facility.FacilityId}'){(facility.Fuel is { } f ? $" burning {f}" : string.Empty)}.");
        }

        // GB 9078 keys carry the grade after the pollutant.
        string key = standard is LimitStandard.Gb9078Grade2 or LimitStandard.Gb9078Grade3
            ? $"emissions.limit.{row}"
            : $"emissions.limit.{row}.{p}";
        if (!catalogue.TryGet(key, asOf, out ReferenceValue? value))
        {
            return Missing($"The catalogue has no {key} in force on {asOf:yyyy-MM-dd}: {standard} sets no {p} limit for facility '{facility.FacilityId}' that the references hold.");
        }

        ConcentrationBasis basis = oxygenKey is null
            ? ConcentrationBasis.Measured
            : ConcentrationBasis.AtReferenceOxygen(VolumeConcentration.FromPercent(catalogue.Get(oxygenKey, asOf).GetValue()));
        return new ResolvedLimit(EmissionLimit.FromReference(value, basis), null, assumption);
    }

    /// <summary>Resolves the limits of every outlet of a dataset under one standard, for <see cref="PermitCompliance.Evaluate"/>.</summary>
    /// <param name="data">The dataset.</param>
    /// <param name="standard">The standard.</param>
    /// <param name="catalogue">The catalogue.</param>
    /// <param name="asOf">The date whose rows apply.</param>
    /// <returns>The limits per outlet and pollutant, what was missing and what was assumed.</returns>
    public static DatasetLimits ForDataset(
        ClusterDataset data, LimitStandard standard, ReferenceCatalogue catalogue, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(data);
        var facilities = data.Facilities.ToDictionary(f => f.FacilityId, StringComparer.Ordinal);
        var limits = new Dictionary<(string, Pollutant), EmissionLimit>();
        var missing = new List<string>();
        var assumptions = new List<string>();
        foreach (Outlet outlet in data.Outlets.Where(o => EmissionInventoryCalculator.Pollutants.Contains(o.Pollutant)))
        {
            if (limits.ContainsKey((outlet.OutletId, outlet.Pollutant)) || !facilities.TryGetValue(outlet.FacilityId, out Facility? facility))
            {
                continue;
            }

            ResolvedLimit resolved = Resolve(standard, facility, outlet.Pollutant, catalogue, asOf);
            if (resolved.Limit is { } limit)
            {
                limits[(outlet.OutletId, outlet.Pollutant)] = limit;
            }
            else
            {
                missing.Add($"Outlet '{outlet.OutletId}': {resolved.Missing}");
            }

            if (resolved.Assumption is { } a && !assumptions.Contains(a))
            {
                assumptions.Add(a);
            }
        }

        return new DatasetLimits(limits, missing, assumptions);
    }

    private static ResolvedLimit Missing(string why) => new(null, why, null);

    private static (string?, string?, string?) Cement(string table, Facility facility) => facility.Kind switch
    {
        FacilityKind.CementKiln => ($"gb4915.{table}.cement_kiln", "emissions.reference_o2.cement_kiln", null),
        FacilityKind.Dryer => ($"gb4915.{table}.dryer_mill_cooler", "emissions.reference_o2.cement_dryer_independent_heat", "GB 4915 dryers are taken to have an independent heat source (8 % O₂); other cement-plant stacks are judged as measured."),
        _ => (null, null, null),
    };

    private static (string?, string?, string?) Boiler(LimitStandard standard, Facility facility)
    {
        if (facility.Kind != FacilityKind.Boiler)
        {
            return (null, null, null);
        }

        string table = standard switch
        {
            LimitStandard.Gb13271Table1 => "table_1",
            LimitStandard.Gb13271Table2 => "table_2",
            _ => "table_3",
        };
        return facility.Fuel switch
        {
            "coal" => ($"gb13271.{table}.coal_boiler", "emissions.reference_o2.coal_boiler", null),
            "natural_gas" => ($"gb13271.{table}.gas_boiler", "emissions.reference_o2.gas_boiler", null),
            "oil" or "diesel" => ($"gb13271.{table}.oil_boiler", "emissions.reference_o2.oil_boiler", null),
            _ => (null, null, null),
        };
    }

    /// <summary>The disclosure of GB 16297's SO₂ class.</summary>
    internal const string Gb16297So2Class = "GB 16297-1996 Table 2 SO₂ is judged in the 'sulfur-compound use' class (硫、二氧化硫、硫酸和其他含硫化合物使用, 550 mg/m³, emissions.limit.gb16297.table_2.sulfur_compound_use.so2), not 'production' (生产, 960 mg/m³): a choice the references leave to the permit.";

    /// <summary>The disclosure of GB 9078's class for ceramic kilns.</summary>
    internal const string Gb9078CeramicKiln = "GB 9078-1996 Table 2 particulate of a ceramic kiln is judged in the 'other kilns' class (emissions.limit.gb9078.table_2.ceramic_other_kiln), not 'tunnel kilns': a choice the references leave to the permit.";

    private static (string?, string?, string?) Furnace(string grade, Facility facility, Pollutant pollutant)
    {
        string? source = pollutant switch
        {
            Pollutant.Pm => facility.Kind switch
            {
                FacilityKind.SubmergedArcFurnace => "table_2.ferroalloy_smelting",
                FacilityKind.LimeKiln => "table_2.lime_kiln",
                FacilityKind.CeramicKiln => "table_2.ceramic_other_kiln",
                FacilityKind.Dryer => "table_2.drying_furnace",
                FacilityKind.CarbideFurnace or FacilityKind.HotAirFurnace or FacilityKind.Other => "table_2.other_furnace",
                _ => null,
            },
            Pollutant.So2 when facility.Fuel is "coal" or "oil" => "table_4.coal_oil_fired_furnace",
            _ => null,
        };
        string? assumption = facility.Kind == FacilityKind.CeramicKiln && pollutant == Pollutant.Pm ? Gb9078CeramicKiln : null;
        return source is null ? (null, null, null) : ($"gb9078.{source}.{ContractNames.ToName(pollutant)}.{grade}", null, assumption);
    }
}
