namespace Shapotou.Sdk.Model;

/// <summary>
/// The tables of one dataset of the cluster: enterprises, facilities, treatment facilities, outlets, the energy and
/// solid-waste ledgers, emission factors and CEMS hours, checked for consistency between them.
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe: it copies the lists it is given (the hourly table is columnar and
/// wraps its arrays, see <see cref="CemsHourlyTable"/>; a ledger read from Parquet files is kept as its columns).</para>
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
    /// <param name="absentTables">The contract tables the source lacks altogether (a folder without the file), by
    /// name; references into them (<c>enterprises</c>, <c>facilities</c>, <c>outlets</c>) are not checked, since
    /// nothing can resolve them, and the figures that need them are unknown. Null or empty: every reference is
    /// checked.</param>
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
        CemsHourlyTable? cemsHourly,
        IReadOnlyCollection<string>? absentTables = null)
    {
        Name = ModelChecks.Id(name, "Dataset", "name");
        Illustrative = illustrative;
        ArgumentNullException.ThrowIfNull(enterprises);
        ArgumentNullException.ThrowIfNull(facilities);
        ArgumentNullException.ThrowIfNull(treatmentFacilities);
        ArgumentNullException.ThrowIfNull(outlets);
        ArgumentNullException.ThrowIfNull(energyLedger);
        ArgumentNullException.ThrowIfNull(solidWasteLedger);
        ArgumentNullException.ThrowIfNull(emissionFactors);
        Enterprises = [.. enterprises];
        Facilities = [.. facilities];
        TreatmentFacilities = [.. treatmentFacilities];
        Outlets = [.. outlets];
        EnergyLedger = Keep(energyLedger);
        SolidWasteLedger = Keep(solidWasteLedger);
        EmissionFactors = [.. emissionFactors];
        CemsHourly = cemsHourly;
        AbsentTables = absentTables is null ? [] : [.. absentTables.Order(StringComparer.Ordinal)];

        HashSet<string> enterpriseIds = UniqueKeys(Enterprises, e => e.EnterpriseId, "enterprises", "enterprise_id");
        HashSet<string> facilityIds = UniqueKeys(Facilities, f => f.FacilityId, "facilities", "facility_id");
        UniqueKeys(TreatmentFacilities, t => t.TreatmentId, "treatment_facilities", "treatment_id");
        UniqueKeys(Outlets, o => (o.OutletId, o.FacilityId, o.Pollutant), "outlets", "outlet_id, facility_id and pollutant");
        UniqueKeys(EnergyLedger, e => (e.FacilityId, e.Period, e.Product), "energy_ledger", "facility_id, period and product");
        UniqueKeys(SolidWasteLedger, s => (s.EnterpriseId, s.Period, s.WasteType), "solid_waste_ledger", "enterprise_id, period and waste_type");
        bool Checked(string table) => !AbsentTables.Contains(table, StringComparer.Ordinal);
        if (Checked("enterprises"))
        {
            CheckReferences(Facilities, f => f.EnterpriseId, enterpriseIds, "facilities", "enterprise_id", "enterprises");
            CheckReferences(SolidWasteLedger, s => s.EnterpriseId, enterpriseIds, "solid_waste_ledger", "enterprise_id", "enterprises");
        }

        if (Checked("facilities"))
        {
            CheckReferences(TreatmentFacilities, t => t.FacilityId, facilityIds, "treatment_facilities", "facility_id", "facilities");
            CheckReferences(Outlets, o => o.FacilityId, facilityIds, "outlets", "facility_id", "facilities");
            CheckReferences(EnergyLedger, e => e.FacilityId, facilityIds, "energy_ledger", "facility_id", "facilities");
        }

        if (cemsHourly is not null && Checked("outlets"))
        {
            var outletIds = new HashSet<string>(Outlets.Select(o => o.OutletId), StringComparer.Ordinal);
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

    /// <summary>Gets the contract tables the source lacks altogether, in ordinal order; references into them are not
    /// checked.</summary>
    public IReadOnlyList<string> AbsentTables { get; }

    /// <summary>The rows as given where they are already immutable and compact (<see cref="CompactRows{T}"/>), else a copy.</summary>
    private static IReadOnlyList<T> Keep<T>(IReadOnlyList<T> rows) => rows is CompactRows<T> ? rows : [.. rows];

    private static HashSet<TKey> UniqueKeys<T, TKey>(IReadOnlyList<T> rows, Func<T, TKey> key, string table, string columns)
        where TKey : notnull
    {
        var seen = new HashSet<TKey>();
        for (int i = 0; i < rows.Count; i++)
        {
            T row = rows[i] ?? throw new ShapotouDataException($"Table '{table}', row {i}, is null.");
            if (!seen.Add(key(row)))
            {
                throw new ShapotouDataException($"Table '{table}', row {i}: {columns} {Describe(key(row))} already appeared in an earlier row; expected unique values.");
            }
        }

        return seen;
    }

    private static string Describe<TKey>(TKey key) => key switch
    {
        string s => $"'{s}'",
        System.Runtime.CompilerServices.ITuple tuple => "(" + string.Join(", ", Enumerable.Range(0, tuple.Length).Select(i => tuple[i] switch
        {
            DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Pollutant p => ContractNames.ToName(p),
            WasteType w => ContractNames.ToName(w),
            var other => $"'{other}'",
        })) + ")",
        _ => $"'{key}'",
    };

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
