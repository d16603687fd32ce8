namespace Shapotou.Sdk.Model;

/// <summary>
/// The tables of one dataset of the cluster: enterprises, facilities, treatment facilities, outlets, the energy and
/// solid-waste ledgers, emission factors and CEMS hours, checked for consistency between them.
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para>Ids are unique within their table (an outlet id repeats only for another facility or pollutant); every
/// facility belongs to an enterprise of the dataset, every treatment facility, outlet and energy-ledger row to a
/// facility, every solid-waste row to an enterprise, and every CEMS row to an outlet. A break is a
/// <see cref="ShapotouDataException"/> naming the table, the row and the missing id.</para>
/// </remarks>
public sealed class ClusterDataset
{
    /// <summary>Initializes a dataset and checks its references.</summary>
    /// <param name="name">The dataset's name, such as <c>default</c>.</param>
    /// <param name="illustrative">Whether any of its figures are synthetic.</param>
    /// <param name="enterprises">The enterprises.</param>
    /// <param name="facilities">The facilities.</param>
    /// <param name="treatmentFacilities">The treatment facilities.</param>
    /// <param name="outlets">The outlet rows (per outlet, facility and pollutant).</param>
    /// <param name="energyLedger">The energy ledger.</param>
    /// <param name="solidWasteLedger">The solid-waste ledger.</param>
    /// <param name="emissionFactors">The emission factors.</param>
    /// <param name="cemsHourly">The hourly CEMS data, or <see langword="null"/> when there is none.</param>
    /// <exception cref="ShapotouDataException">An id is duplicated or refers to nothing.</exception>
    public ClusterDataset(
        string name,
        bool illustrative,
        IReadOnlyList<Enterprise> enterprises,
        IReadOnlyList<Facility> facilities,
        IReadOnlyList<TreatmentFacility> treatmentFacilities,
        IReadOnlyList<Outlet> outlets,
        IReadOnlyList<EnergyLedgerEntry> energyLedger,
        IReadOnlyList<SolidWasteLedgerEntry> solidWasteLedger,
        IReadOnlyList<EmissionFactor> emissionFactors,
        CemsHourlyTable? cemsHourly)
    {
        Name = ModelChecks.Id(name, "Dataset", "name");
        Illustrative = illustrative;
        Enterprises = enterprises ?? throw new ArgumentNullException(nameof(enterprises));
        Facilities = facilities ?? throw new ArgumentNullException(nameof(facilities));
        TreatmentFacilities = treatmentFacilities ?? throw new ArgumentNullException(nameof(treatmentFacilities));
        Outlets = outlets ?? throw new ArgumentNullException(nameof(outlets));
        EnergyLedger = energyLedger ?? throw new ArgumentNullException(nameof(energyLedger));
        SolidWasteLedger = solidWasteLedger ?? throw new ArgumentNullException(nameof(solidWasteLedger));
        EmissionFactors = emissionFactors ?? throw new ArgumentNullException(nameof(emissionFactors));
        CemsHourly = cemsHourly;

        HashSet<string> enterpriseIds = UniqueIds(enterprises, e => e.EnterpriseId, "enterprises", "enterprise_id");
        HashSet<string> facilityIds = UniqueIds(facilities, f => f.FacilityId, "facilities", "facility_id");
        UniqueIds(treatmentFacilities, t => t.TreatmentId, "treatment_facilities", "treatment_id");
        UniqueIds(outlets, o => $"{o.OutletId}|{o.FacilityId}|{ContractNames.ToName(o.Pollutant)}", "outlets", "outlet_id, facility_id and pollutant");
        CheckReferences(facilities, f => f.EnterpriseId, enterpriseIds, "facilities", "enterprise_id", "enterprises");
        CheckReferences(treatmentFacilities, t => t.FacilityId, facilityIds, "treatment_facilities", "facility_id", "facilities");
        CheckReferences(outlets, o => o.FacilityId, facilityIds, "outlets", "facility_id", "facilities");
        CheckReferences(energyLedger, e => e.FacilityId, facilityIds, "energy_ledger", "facility_id", "facilities");
        CheckReferences(solidWasteLedger, s => s.EnterpriseId, enterpriseIds, "solid_waste_ledger", "enterprise_id", "enterprises");
        if (cemsHourly is not null)
        {
            var outletIds = new HashSet<string>(outlets.Select(o => o.OutletId), StringComparer.Ordinal);
            CheckReferences(cemsHourly.OutletIds, id => id, outletIds, "cems_hourly", "outlet_id", "outlets");
        }
    }

    /// <summary>Gets the dataset's name.</summary>
    public string Name { get; }

    /// <summary>Gets whether any of its figures are synthetic, so that every output must say so.</summary>
    public bool Illustrative { get; }

    /// <summary>Gets the enterprises.</summary>
    public IReadOnlyList<Enterprise> Enterprises { get; }

    /// <summary>Gets the facilities.</summary>
    public IReadOnlyList<Facility> Facilities { get; }

    /// <summary>Gets the treatment facilities.</summary>
    public IReadOnlyList<TreatmentFacility> TreatmentFacilities { get; }

    /// <summary>Gets the outlet rows.</summary>
    public IReadOnlyList<Outlet> Outlets { get; }

    /// <summary>Gets the energy ledger.</summary>
    public IReadOnlyList<EnergyLedgerEntry> EnergyLedger { get; }

    /// <summary>Gets the solid-waste ledger.</summary>
    public IReadOnlyList<SolidWasteLedgerEntry> SolidWasteLedger { get; }

    /// <summary>Gets the emission factors.</summary>
    public IReadOnlyList<EmissionFactor> EmissionFactors { get; }

    /// <summary>Gets the hourly CEMS data, or <see langword="null"/>.</summary>
    public CemsHourlyTable? CemsHourly { get; }

    private static HashSet<string> UniqueIds<T>(IReadOnlyList<T> rows, Func<T, string> id, string table, string column)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < rows.Count; i++)
        {
            T row = rows[i] ?? throw new ShapotouDataException($"Table '{table}', row {i}, is null.");
            if (!seen.Add(id(row)))
            {
                throw new ShapotouDataException($"Table '{table}', row {i}: {column} '{id(row)}' appears more than once; expected unique values.");
            }
        }

        return seen;
    }

    private static void CheckReferences<T>(IReadOnlyList<T> rows, Func<T, string> reference, HashSet<string> known, string table, string column, string target)
    {
        for (int i = 0; i < rows.Count; i++)
        {
            T row = rows[i] ?? throw new ShapotouDataException($"Table '{table}', row {i}, is null.");
            string id = reference(row);
            if (!known.Contains(id))
            {
                throw new ShapotouDataException($"Table '{table}', row {i}: {column} '{id}' is not in table '{target}'.");
            }
        }
    }
}
