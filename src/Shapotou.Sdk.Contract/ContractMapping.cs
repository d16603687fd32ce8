using System.Globalization;
using System.Text.RegularExpressions;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Contract;

/// <summary>Maps the model's records to contract tables and back, one column at a time.</summary>
internal static partial class ContractMapping
{
    public static TableData FromEnterprises(IReadOnlyList<Enterprise> rows) => Build(ContractSchema.Enterprises, rows.Count, t =>
    {
        t.Add(ColumnData.Text(Col(t, "enterprise_id"), rows.Select(r => r.EnterpriseId).ToArray()));
        t.Add(ColumnData.Text(Col(t, "name"), rows.Select(r => r.Name).ToArray()));
        t.Add(ColumnData.Text(Col(t, "name_zh"), rows.Select(r => r.NameZh).ToArray()));
        t.Add(ColumnData.Text(Col(t, "credit_code"), rows.Select(r => r.CreditCode).ToArray()));
        t.Add(ColumnData.Text(Col(t, "permit_number"), rows.Select(r => r.PermitNumber).ToArray()));
        t.Add(ColumnData.Text(Col(t, "township"), rows.Select(r => r.Township).ToArray()));
        t.Add(ColumnData.Text(Col(t, "industry_code"), rows.Select(r => r.IndustryCode).ToArray()));
        t.Add(ColumnData.Booleans(Col(t, "above_scale"), rows.Select(r => (bool?)r.AboveScale).ToArray()));
        t.Add(ColumnData.Numbers(Col(t, "output_value"), rows.Select(r => r.OutputValue10kYuan ?? double.NaN).ToArray()));
    });

    public static IReadOnlyList<Enterprise> ToEnterprises(TableData t) => Rows(t, i => new Enterprise(
        t.Text("enterprise_id", i)!,
        t.Text("name", i)!,
        t.Text("township", i)!,
        t.Text("industry_code", i)!,
        t.Boolean("above_scale", i)!.Value,
        t.Text("name_zh", i),
        t.Text("credit_code", i),
        t.Text("permit_number", i),
        Optional(t.Number("output_value", i))));

    public static TableData FromFacilities(IReadOnlyList<Facility> rows) => Build(ContractSchema.Facilities, rows.Count, t =>
    {
        t.Add(ColumnData.Text(Col(t, "facility_id"), rows.Select(r => r.FacilityId).ToArray()));
        t.Add(ColumnData.Text(Col(t, "enterprise_id"), rows.Select(r => r.EnterpriseId).ToArray()));
        t.Add(ColumnData.Text(Col(t, "kind"), rows.Select(r => ContractNames.ToName(r.Kind)).ToArray()));
        t.Add(ColumnData.Text(Col(t, "product"), rows.Select(r => r.Product).ToArray()));
        t.Add(ColumnData.Text(Col(t, "status"), rows.Select(r => ContractNames.ToName(r.Status)).ToArray()));
        AddQuantity(t, "transformer_rating", rows.Select(r => (IQuantity?)r.TransformerRating));
        AddQuantity(t, "steam_capacity", rows.Select(r => (IQuantity?)r.SteamCapacity));
        AddQuantity(t, "thermal_power", rows.Select(r => (IQuantity?)r.ThermalPower));
        AddQuantity(t, "clinker_capacity", rows.Select(r => (IQuantity?)r.ClinkerCapacity));
        AddQuantity(t, "annual_capacity", rows.Select(r => (IQuantity?)r.AnnualCapacity));
        t.Add(ColumnData.Text(Col(t, "enclosure"), rows.Select(r => r.Enclosure is { } e ? ContractNames.ToName(e) : null).ToArray()));
        t.Add(ColumnData.Text(Col(t, "fuel"), rows.Select(r => r.Fuel).ToArray()));
        t.Add(ColumnData.Booleans(Col(t, "waste_heat_recovery"), rows.Select(r => r.WasteHeatRecovery).ToArray()));
    });

    public static IReadOnlyList<Facility> ToFacilities(TableData t) => Rows(t, i => new Facility(
        t.Text("facility_id", i)!,
        t.Text("enterprise_id", i)!,
        Parse<FacilityKind>(t, "kind", i),
        Parse<FacilityStatus>(t, "status", i),
        t.Text("product", i),
        Quantity<ElectricApparentPower>(t, "transformer_rating", i),
        Quantity<MassFlow>(t, "steam_capacity", i),
        Quantity<Power>(t, "thermal_power", i),
        Quantity<MassFlow>(t, "clinker_capacity", i),
        Quantity<Mass>(t, "annual_capacity", i),
        t.Text("enclosure", i) is null ? null : Parse<FurnaceEnclosure>(t, "enclosure", i),
        t.Text("fuel", i),
        t.Boolean("waste_heat_recovery", i)));

    public static TableData FromTreatmentFacilities(IReadOnlyList<TreatmentFacility> rows) => Build(ContractSchema.TreatmentFacilities, rows.Count, t =>
    {
        t.Add(ColumnData.Text(Col(t, "treatment_id"), rows.Select(r => r.TreatmentId).ToArray()));
        t.Add(ColumnData.Text(Col(t, "facility_id"), rows.Select(r => r.FacilityId).ToArray()));
        t.Add(ColumnData.Text(Col(t, "kind"), rows.Select(r => ContractNames.ToName(r.Kind)).ToArray()));
        t.Add(ColumnData.Text(Col(t, "pollutant"), rows.Select(r => ContractNames.ToName(r.Pollutant)).ToArray()));
        AddQuantity(t, "design_efficiency", rows.Select(r => (IQuantity?)r.DesignEfficiency));
    });

    public static IReadOnlyList<TreatmentFacility> ToTreatmentFacilities(TableData t) => Rows(t, i => new TreatmentFacility(
        t.Text("treatment_id", i)!,
        t.Text("facility_id", i)!,
        Parse<TreatmentKind>(t, "kind", i),
        Parse<Pollutant>(t, "pollutant", i),
        Quantity<Ratio>(t, "design_efficiency", i)!.Value));

    public static TableData FromOutlets(IReadOnlyList<Outlet> rows) => Build(ContractSchema.Outlets, rows.Count, t =>
    {
        t.Add(ColumnData.Text(Col(t, "outlet_id"), rows.Select(r => r.OutletId).ToArray()));
        t.Add(ColumnData.Text(Col(t, "facility_id"), rows.Select(r => r.FacilityId).ToArray()));
        t.Add(ColumnData.Text(Col(t, "outlet_code"), rows.Select(r => r.OutletCode).ToArray()));
        t.Add(ColumnData.Text(Col(t, "mn"), rows.Select(r => r.Mn).ToArray()));
        t.Add(ColumnData.Text(Col(t, "pollutant"), rows.Select(r => ContractNames.ToName(r.Pollutant)).ToArray()));
        AddQuantity(t, "limit_value", rows.Select(r => (IQuantity?)r.LimitValue));
        AddQuantity(t, "reference_o2", rows.Select(r => (IQuantity?)r.ReferenceOxygen));
        AddQuantity(t, "permitted_annual", rows.Select(r => (IQuantity?)r.PermittedAnnual));
        t.Add(ColumnData.Text(Col(t, "standard"), rows.Select(r => r.Standard).ToArray()));
        t.Add(ColumnData.Booleans(Col(t, "cems_installed"), rows.Select(r => r.CemsInstalled).ToArray()));
    });

    public static IReadOnlyList<Outlet> ToOutlets(TableData t) => Rows(t, i => new Outlet(
        t.Text("outlet_id", i)!,
        t.Text("facility_id", i)!,
        Parse<Pollutant>(t, "pollutant", i),
        t.Text("outlet_code", i),
        t.Text("mn", i),
        Quantity<MassConcentration>(t, "limit_value", i),
        Quantity<VolumeConcentration>(t, "reference_o2", i),
        Quantity<Mass>(t, "permitted_annual", i),
        t.Text("standard", i),
        t.Boolean("cems_installed", i)));

    public static TableData FromEnergyLedger(IReadOnlyList<EnergyLedgerEntry> rows) => Build(ContractSchema.EnergyLedger, rows.Count, t =>
    {
        t.Add(ColumnData.Text(Col(t, "facility_id"), rows.Select(r => r.FacilityId).ToArray()));
        t.Add(ColumnData.Dates(Col(t, "period"), rows.Select(r => (DateOnly?)r.Period).ToArray()));
        t.Add(ColumnData.Text(Col(t, "product"), rows.Select(r => r.Product).ToArray()));
        AddQuantity(t, "output", rows.Select(r => (IQuantity?)r.Output));
        AddQuantity(t, "electricity_purchased", rows.Select(r => (IQuantity?)r.ElectricityPurchased));
        AddQuantity(t, "furnace_electricity", rows.Select(r => (IQuantity?)r.FurnaceElectricity));
        AddQuantity(t, "waste_heat_power_generated", rows.Select(r => (IQuantity?)r.WasteHeatPowerGenerated));
        AddQuantity(t, "electricity_exported", rows.Select(r => (IQuantity?)r.ElectricityExported));
        AddQuantity(t, "coke", rows.Select(r => (IQuantity?)r.Coke));
        AddQuantity(t, "semi_coke", rows.Select(r => (IQuantity?)r.SemiCoke));
        AddQuantity(t, "coal", rows.Select(r => (IQuantity?)r.Coal));
        AddQuantity(t, "natural_gas", rows.Select(r => (IQuantity?)r.NaturalGas));
        AddQuantity(t, "diesel", rows.Select(r => (IQuantity?)r.Diesel));
        AddQuantity(t, "electrode_paste", rows.Select(r => (IQuantity?)r.ElectrodePaste));
        AddQuantity(t, "ore_grade", rows.Select(r => (IQuantity?)r.OreGrade));
    });

    /// <summary>A carrier column the file lacks is unknown in every row, as a null cell is (never a silent 0).</summary>
    public static IReadOnlyList<EnergyLedgerEntry> ToEnergyLedger(TableData t) => Rows(t, i => EnergyLedgerRow(t, i));

    /// <summary>Row <paramref name="i"/> of an <c>energy_ledger</c> table as the model's record.</summary>
    internal static EnergyLedgerEntry EnergyLedgerRow(TableData t, int i) => new(
        t.Text("facility_id", i)!,
        t.Date("period", i)!.Value,
        t.Text("product", i)!,
        Quantity<Mass>(t, "output", i)!.Value,
        Carrier<Energy>(t, "electricity_purchased", i),
        Carrier<Energy>(t, "furnace_electricity", i),
        Carrier<Energy>(t, "waste_heat_power_generated", i),
        Carrier<Energy>(t, "electricity_exported", i),
        Carrier<Mass>(t, "coke", i),
        Carrier<Mass>(t, "semi_coke", i),
        Carrier<Mass>(t, "coal", i),
        Carrier<Volume>(t, "natural_gas", i),
        Carrier<Mass>(t, "diesel", i),
        Carrier<Mass>(t, "electrode_paste", i),
        Quantity<MassFraction>(t, "ore_grade", i));

    public static TableData FromSolidWasteLedger(IReadOnlyList<SolidWasteLedgerEntry> rows) => Build(ContractSchema.SolidWasteLedger, rows.Count, t =>
    {
        t.Add(ColumnData.Text(Col(t, "enterprise_id"), rows.Select(r => r.EnterpriseId).ToArray()));
        t.Add(ColumnData.Dates(Col(t, "period"), rows.Select(r => (DateOnly?)r.Period).ToArray()));
        t.Add(ColumnData.Text(Col(t, "waste_type"), rows.Select(r => ContractNames.ToName(r.WasteType)).ToArray()));
        AddQuantity(t, "generated", rows.Select(r => (IQuantity?)r.Generated));
        AddQuantity(t, "utilised", rows.Select(r => (IQuantity?)r.Utilised));
        AddQuantity(t, "utilised_from_storage", rows.Select(r => (IQuantity?)r.UtilisedFromStorage));
        AddQuantity(t, "disposed", rows.Select(r => (IQuantity?)r.Disposed));
        AddQuantity(t, "disposed_from_storage", rows.Select(r => (IQuantity?)r.DisposedFromStorage));
        AddQuantity(t, "stored", rows.Select(r => (IQuantity?)r.Stored));
        AddQuantity(t, "dumped", rows.Select(r => (IQuantity?)r.Dumped));
    });

    public static IReadOnlyList<SolidWasteLedgerEntry> ToSolidWasteLedger(TableData t) => Rows(t, i => SolidWasteLedgerRow(t, i));

    /// <summary>Row <paramref name="i"/> of a <c>solid_waste_ledger</c> table as the model's record.</summary>
    internal static SolidWasteLedgerEntry SolidWasteLedgerRow(TableData t, int i) => new(
        t.Text("enterprise_id", i)!,
        t.Date("period", i)!.Value,
        Parse<WasteType>(t, "waste_type", i),
        Carrier<Mass>(t, "generated", i),
        Carrier<Mass>(t, "utilised", i),
        Carrier<Mass>(t, "utilised_from_storage", i),
        Carrier<Mass>(t, "disposed", i),
        Carrier<Mass>(t, "disposed_from_storage", i),
        Carrier<Mass>(t, "stored", i),
        Carrier<Mass>(t, "dumped", i));

    public static TableData FromEmissionFactors(IReadOnlyList<EmissionFactor> rows) => Build(ContractSchema.EmissionFactors, rows.Count, t =>
    {
        t.Add(ColumnData.Text(Col(t, "industry_code"), rows.Select(r => r.IndustryCode).ToArray()));
        t.Add(ColumnData.Text(Col(t, "product"), rows.Select(r => r.Product).ToArray()));
        t.Add(ColumnData.Text(Col(t, "process"), rows.Select(r => r.Process).ToArray()));
        t.Add(ColumnData.Text(Col(t, "pollutant"), rows.Select(r => r.Pollutant).ToArray()));
        t.Add(ColumnData.Numbers(Col(t, "factor"), rows.Select(r => r.Factor).ToArray()));
        t.Add(ColumnData.Text(Col(t, "activity"), rows.Select(r => r.Activity).ToArray()));
        t.Add(ColumnData.Text(Col(t, "source"), rows.Select(r => r.Source).ToArray()));
    });

    public static IReadOnlyList<EmissionFactor> ToEmissionFactors(TableData t) => Rows(t, i => new EmissionFactor(
        t.Text("industry_code", i)!,
        t.Text("product", i)!,
        t.Text("process", i)!,
        t.Text("pollutant", i)!,
        t.Number("factor", i),
        t.Text("activity", i) ?? "output",
        t.Text("source", i)!));

    public static TableData FromCemsHourly(CemsHourlyTable cems) => Build(ContractSchema.CemsHourly, cems.RowCount, t =>
    {
        t.Add(ColumnData.Text(Col(t, "outlet_id"), cems.OutletIds.ToArray()));
        t.Add(ColumnData.Times(Col(t, "hour"), cems.Hours.ToArray().Select(h => (DateTime?)h).ToArray()));
        t.Add(ColumnData.Numbers(Col(t, "so2"), cems.So2.Values.ToArray(), cems.So2.Unit));
        t.Add(ColumnData.Numbers(Col(t, "nox"), cems.Nox.Values.ToArray(), cems.Nox.Unit));
        t.Add(ColumnData.Numbers(Col(t, "pm"), cems.Pm.Values.ToArray(), cems.Pm.Unit));
        t.Add(ColumnData.Numbers(Col(t, "o2"), cems.Oxygen.Values.ToArray(), cems.Oxygen.Unit));
        t.Add(ColumnData.Numbers(Col(t, "flow"), cems.Flow.Values.ToArray(), cems.Flow.Unit));
        t.Add(ColumnData.Text(Col(t, "flag"), cems.Flags.ToArray().Select(f => (string?)ContractNames.ToName(f)).ToArray()));
        CemsOptionalColumns optional = cems.Optional;
        if (optional.Nh3 is { } nh3)
        {
            t.Add(ColumnData.Numbers(Col(t, "nh3"), nh3.Values.ToArray(), nh3.Unit));
        }

        if (optional.Temperature is { } temperature)
        {
            t.Add(ColumnData.Numbers(Col(t, "temperature"), temperature.Values.ToArray(), temperature.Unit));
        }

        foreach (CemsValue value in Enum.GetValues<CemsValue>())
        {
            ReadOnlyMemory<DataFlag?> flags = optional.FlagsOf(value);
            if (!flags.IsEmpty)
            {
                t.Add(ColumnData.Text(Col(t, CemsOptionalColumns.ColumnOf(value) + "_flag"), flags.ToArray().Select(f => f is { } flag ? ContractNames.ToName(flag) : null).ToArray()));
            }
        }

        if (!optional.ValidMinutes.IsEmpty)
        {
            t.Add(ColumnData.Integers(Col(t, "valid_minutes"), optional.ValidMinutes.ToArray()));
        }
    });

    /// <summary>Values stay in the file's units: the columns wrap them without conversion.</summary>
    public static CemsHourlyTable ToCemsHourly(TableData t)
    {
        var flags = new DataFlag[t.RowCount];
        for (int i = 0; i < t.RowCount; i++)
        {
            flags[i] = t.Text("flag", i) is null ? DataFlag.N : Parse<DataFlag>(t, "flag", i);
        }

        double[] Values(string name) => t.Column(name) is { } c ? (double[])c.Values : Enumerable.Repeat(double.NaN, t.RowCount).ToArray();
        DataFlag?[] ValueFlags(string name)
        {
            if (!t.Has(name))
            {
                return [];
            }

            var values = new DataFlag?[t.RowCount];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = t.Text(name, i) is null ? null : Parse<DataFlag>(t, name, i);
            }

            return values;
        }

        var optional = new CemsOptionalColumns
        {
            Nh3 = t.Has("nh3") ? new QuantityColumn<MassConcentration>(Values("nh3"), t.UnitOf("nh3")) : null,
            Temperature = t.Has("temperature") ? new QuantityColumn<Temperature>(Values("temperature"), t.UnitOf("temperature")) : null,
            So2Flags = ValueFlags("so2_flag"),
            NoxFlags = ValueFlags("nox_flag"),
            PmFlags = ValueFlags("pm_flag"),
            OxygenFlags = ValueFlags("o2_flag"),
            FlowFlags = ValueFlags("flow_flag"),
            ValidMinutes = t.Column("valid_minutes") is { } minutes ? (int?[])minutes.Values : default(ReadOnlyMemory<int?>),
        };
        try
        {
            return new CemsHourlyTable(
                t.Column("outlet_id")!.Values.Cast<string>().ToArray(),
                t.Column("hour")!.Values.Cast<DateTime?>().Select(h => h!.Value).ToArray(),
                new QuantityColumn<MassConcentration>(Values("so2"), t.UnitOf("so2")),
                new QuantityColumn<MassConcentration>(Values("nox"), t.UnitOf("nox")),
                new QuantityColumn<MassConcentration>(Values("pm"), t.UnitOf("pm")),
                new QuantityColumn<VolumeConcentration>(Values("o2"), t.UnitOf("o2")),
                new QuantityColumn<VolumeFlow>(Values("flow"), t.UnitOf("flow")),
                flags,
                optional);
        }
        catch (ArgumentException exception)
        {
            // The model names the row of the columns it was given; the file's reader names the row group and its row.
            string reason = Reason(exception);
            Match row = ModelRow().Match(reason);
            throw new ShapotouDataException(
                row.Success
                    ? $"{t.Label}, column '{row.Groups["column"].Value}', {t.Where(int.Parse(row.Groups["row"].Value, CultureInfo.InvariantCulture))}, {row.Groups["rest"].Value}"
                    : $"{t.Label}: {reason}",
                exception);
        }
    }

    [GeneratedRegex("^Column '(?<column>[^']+)' of cems_hourly, row (?<row>[0-9]+), (?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex ModelRow();

    /// <summary>Checks every row the way the model does, throwing the first bad value with its file, row and field.</summary>
    public static void Validate(TableData t)
    {
        switch (t.Spec.Name)
        {
            case "enterprises": _ = ToEnterprises(t); break;
            case "facilities": _ = ToFacilities(t); break;
            case "treatment_facilities": _ = ToTreatmentFacilities(t); break;
            case "outlets": _ = ToOutlets(t); break;
            case "energy_ledger": _ = ToEnergyLedger(t); break;
            case "solid_waste_ledger": _ = ToSolidWasteLedger(t); break;
            case "emission_factors": _ = ToEmissionFactors(t); break;
            case "cems_hourly": _ = ToCemsHourly(t); break;
            default: throw new InvalidOperationException($"Table '{t.Spec.Name}' has no model mapping.");
        }
    }

    private static TableData Build(TableSpec spec, int rows, Action<TableData> fill)
    {
        var table = new TableData(spec, spec.Name + ".parquet", rows);
        fill(table);
        return table;
    }

    private static ColumnSpec Col(TableData t, string name) => t.Spec.Find(name)!;

    /// <summary>Stores quantities in the column's default unit (the model keeps UnitsNet quantities, whose units may vary).</summary>
    private static void AddQuantity(TableData t, string name, IEnumerable<IQuantity?> values)
    {
        ColumnSpec spec = Col(t, name);
        t.Add(ColumnData.Numbers(spec, values.Select(q => q is null ? double.NaN : q.As(spec.DefaultUnit!)).ToArray()));
    }

    private static T[] Rows<T>(TableData t, Func<int, T> row)
    {
        var result = new T[t.RowCount];
        for (int i = 0; i < t.RowCount; i++)
        {
            result[i] = Row(t, i, row);
        }

        return result;
    }

    /// <summary>Row <paramref name="i"/> made by <paramref name="row"/>; a value the model refuses is an error naming the
    /// file, row group and row.</summary>
    internal static T Row<T>(TableData t, int i, Func<int, T> row)
    {
        try
        {
            return row(i);
        }
        catch (ArgumentException exception)
        {
            throw new ShapotouDataException($"{t.Label}, {t.Where(i)}: {Reason(exception)}", exception);
        }
    }

    /// <summary>The model's sentence without the " (Parameter 'x')" the BCL appends: the file's reader names its own place.</summary>
    private static string Reason(ArgumentException exception) => exception.Message.Split(" (Parameter", 2)[0];

    private static TEnum Parse<TEnum>(TableData t, string column, int row)
        where TEnum : struct, Enum
    {
        string? value = t.Text(column, row);
        if (ContractNames.TryParse(value, out TEnum parsed))
        {
            return parsed;
        }

        throw new ShapotouDataException(string.Create(
            CultureInfo.InvariantCulture,
            $"{t.Label}, column '{column}', {t.Where(row)}: '{value}' is not a {column}; expected one of {string.Join(", ", ContractNames.All<TEnum>())}."));
    }

    private static double? Optional(double value) => double.IsNaN(value) ? null : value;

    private static TQuantity? Quantity<TQuantity>(TableData t, string column, int row)
        where TQuantity : struct, IQuantity =>
        t.Has(column) && Optional(t.Number(column, row)) is { } value ? (TQuantity)UnitsNet.Quantity.From(value, t.UnitOf(column)) : null;

    /// <summary>An absent column is unknown, as a null cell is: a ledger that does not report a carrier does not say it
    /// used none, so the figures that need it are null and the assessment names the column.</summary>
    private static TQuantity? Carrier<TQuantity>(TableData t, string column, int row)
        where TQuantity : struct, IQuantity => Quantity<TQuantity>(t, column, row);
}
