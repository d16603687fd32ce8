using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Contract;

/// <summary>
/// The model's records as contract tables and back: every quantity in its column's default unit on the way out, every
/// row checked as the model checks it on the way in (the message names the table's source, row and field).
/// </summary>
public static class ContractTables
{
    /// <summary>The metadata key, with the value <c>true</c>, of a table whose data are synthetic; the Parquet package
    /// publishes it as <c>ClusterDatasetParquet.IllustrativeKey</c> and writes it into the file metadata.</summary>
    internal const string IllustrativeKey = "shapotou.illustrative";

    /// <summary>Gets the tables of a dataset, in <see cref="ContractSchema.Tables"/> order (<c>cems_hourly</c> only when the dataset has CEMS hours).</summary>
    /// <param name="data">The dataset.</param>
    /// <returns>One batch per table, quantities in default units; the key <c>shapotou.illustrative</c> (<c>ClusterDatasetParquet.IllustrativeKey</c>) set in each batch's metadata when the data are illustrative.</returns>
    public static IReadOnlyList<TableBatch> FromDataset(ClusterDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var tables = new List<TableData>
        {
            ContractMapping.FromEnterprises(data.Enterprises),
            ContractMapping.FromFacilities(data.Facilities),
            ContractMapping.FromTreatmentFacilities(data.TreatmentFacilities),
            ContractMapping.FromOutlets(data.Outlets),
            ContractMapping.FromEnergyLedger(data.EnergyLedger),
            ContractMapping.FromSolidWasteLedger(data.SolidWasteLedger),
            ContractMapping.FromEmissionFactors(data.EmissionFactors),
        };
        if (data.CemsHourly is { } cems)
        {
            tables.Add(ContractMapping.FromCemsHourly(cems));
        }

        foreach (TableData table in tables.Where(_ => data.Illustrative))
        {
            table.Metadata[IllustrativeKey] = "true";
        }

        return tables.Select(t => new TableBatch(t, -1, 0)).ToArray();
    }

    /// <summary>Checks every row of a table as the model checks it (no negative quantities, known names, whole clock hours, …).</summary>
    /// <param name="table">The rows.</param>
    /// <exception cref="ShapotouDataException">The first bad row, named by its source, row and field.</exception>
    public static void Validate(TableBatch table)
    {
        ArgumentNullException.ThrowIfNull(table);
        ContractMapping.Validate(table.Data);
    }

    /// <summary>Builds a dataset from contract tables; a table not given is empty.</summary>
    /// <param name="name">The dataset's name.</param>
    /// <param name="illustrative">Whether the data are synthetic; also true when any table's metadata carries the key <c>shapotou.illustrative</c> (<c>ClusterDatasetParquet.IllustrativeKey</c>).</param>
    /// <param name="tables">At most one batch per table.</param>
    /// <returns>The dataset, with its reference checks done.</returns>
    /// <exception cref="ArgumentException">A table is given twice.</exception>
    /// <exception cref="ShapotouDataException">A row or reference is bad.</exception>
    public static ClusterDataset ToDataset(string name, bool illustrative, IEnumerable<TableBatch> tables)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(tables);
        var byName = new Dictionary<string, TableData>(StringComparer.Ordinal);
        foreach (TableBatch batch in tables)
        {
            if (!byName.TryAdd(batch.Table.Name, batch.Data))
            {
                throw new ArgumentException($"Table '{batch.Table.Name}' is given twice.", nameof(tables));
            }
        }

        bool marked = byName.Values.Any(t => t.Metadata.TryGetValue(IllustrativeKey, out string? v) && v == "true");
        IReadOnlyList<T> Map<T>(TableSpec spec, Func<TableData, IReadOnlyList<T>> map) => byName.TryGetValue(spec.Name, out TableData? t) ? map(t) : [];
        return new ClusterDataset(
            name,
            illustrative || marked,
            Map(ContractSchema.Enterprises, ContractMapping.ToEnterprises),
            Map(ContractSchema.Facilities, ContractMapping.ToFacilities),
            Map(ContractSchema.TreatmentFacilities, ContractMapping.ToTreatmentFacilities),
            Map(ContractSchema.Outlets, ContractMapping.ToOutlets),
            Map(ContractSchema.EnergyLedger, ContractMapping.ToEnergyLedger),
            Map(ContractSchema.SolidWasteLedger, ContractMapping.ToSolidWasteLedger),
            Map(ContractSchema.EmissionFactors, ContractMapping.ToEmissionFactors),
            byName.TryGetValue(ContractSchema.CemsHourly.Name, out TableData? cems) ? ContractMapping.ToCemsHourly(cems) : null);
    }
}
