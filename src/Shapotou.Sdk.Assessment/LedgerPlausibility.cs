using System.Globalization;
using Shapotou.Sdk.Analytics.EnergyEfficiency;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Assessment;

/// <summary>The plausibility checks of <c>energy_ledger</c>, row by row: unit energy below the ferrosilicon floor or far
/// above the product's limit value, furnace electricity below the ferrosilicon floor.</summary>
/// <remarks>A row's unit energy is its comprehensive energy (the coefficients in force on 31 December of its year, as the
/// assessment's) ÷ its output on the benchmark basis; a row without output, or with an unknown carrier, is not
/// judged. Only warnings are made: no figure changes.</remarks>
internal static class LedgerPlausibility
{
    private const string Table = "energy_ledger";

    public static void Check(ClusterDataset data, ReferenceCatalogue catalogue, int? year, PlausibilityOptions options, PlausibilityCollector warnings)
    {
        var products = ProductDefinition.Defaults.ToDictionary(p => p.Code, StringComparer.Ordinal);
        var calculator = new EnergyCalculator(catalogue);
        IReadOnlyList<EnergyLedgerEntry> ledger = data.EnergyLedger;
        foreach (IGrouping<int, int> rowsOfYear in Enumerable.Range(0, ledger.Count)
            .Where(i => year is null || ledger[i].Period.Year == year)
            .GroupBy(i => ledger[i].Period.Year)
            .OrderBy(g => g.Key))
        {
            int[] rows = [.. rowsOfYear];
            var asOf = new DateOnly(rowsOfYear.Key, 12, 31);
            double[] kgce = calculator.ComputeRows([.. rows.Select(i => ledger[i])], asOf).RowEnergy.Select(e => e?.KilogramsOfCoalEquivalent ?? double.NaN).ToArray();
            for (int k = 0; k < rows.Length; k++)
            {
                EnergyLedgerEntry row = ledger[rows[k]];
                if (!products.TryGetValue(row.Product, out ProductDefinition? product))
                {
                    continue;
                }

                double basis = row.Output.Tonnes * product.BasisFactor;
                if (!(basis > 0))
                {
                    continue;
                }

                double unit = kgce[k] / basis;
                bool ferrosilicon = product.BenchmarkProduct == "ferrosilicon";
                if (ferrosilicon && unit < options.FerrosiliconEnergyFloor.KilogramsOfCoalEquivalentPerTonne)
                {
                    Add(warnings, PlausibilityCheck.UnitEnergyBelowFloor, rows[k], row, unit, options.FerrosiliconEnergyFloor.KilogramsOfCoalEquivalentPerTonne, (key, value, threshold) =>
                        $"Table 'energy_ledger', row {rows[k]} ({key}): unit energy {value} kgce/t is below {threshold} kgce/t, the least that reducing FeSi75's silicon from SiO₂ takes; a carrier or the output is likely in the wrong unit.");
                }

                if (product.ComprehensiveLimitKey is { } limitKey && catalogue.GetLimitLevels(limitKey, asOf).Level3 is { } limit
                    && unit > options.FarAboveLimitFactor * limit)
                {
                    double threshold = options.FarAboveLimitFactor * limit;
                    Add(warnings, PlausibilityCheck.UnitEnergyFarAboveLimit, rows[k], row, unit, threshold, (key, value, t) =>
                        string.Create(CultureInfo.InvariantCulture,
                            $"Table 'energy_ledger', row {rows[k]} ({key}): unit energy {value} kgce/t is above {t} kgce/t, {options.FarAboveLimitFactor} times the limit value {limit} kgce/t ({limitKey}.level_3); a carrier or the output is likely in the wrong unit."));
                }

                double electricity = (row.FurnaceElectricity?.KilowattHours ?? double.NaN) / basis;
                if (ferrosilicon && electricity < options.FerrosiliconElectricityFloor.KilowattHoursPerTonne)
                {
                    Add(warnings, PlausibilityCheck.ElectricityBelowFloor, rows[k], row, electricity, options.FerrosiliconElectricityFloor.KilowattHoursPerTonne, (key, value, threshold) =>
                        $"Table 'energy_ledger', row {rows[k]} ({key}): furnace electricity {value} kWh/t is below {threshold} kWh/t, the heat of SiO₂ + 2C = Si + 2CO for FeSi75; electricity entered in 10⁴ kWh (万 kWh) instead of kWh gives such a value.");
                }
            }
        }
    }

    private static void Add(
        PlausibilityCollector warnings,
        PlausibilityCheck check,
        int index,
        EnergyLedgerEntry row,
        double value,
        double threshold,
        Func<string, string, string, string> message)
    {
        if (!warnings.Lists(check))
        {
            warnings.Count(check);
            return;
        }

        string key = string.Create(CultureInfo.InvariantCulture, $"{row.FacilityId}, {row.Period:yyyy-MM}, {row.Product}");
        string where = string.Create(CultureInfo.InvariantCulture, $"facility '{row.FacilityId}', {row.Period:yyyy-MM}, {row.Product}");
        warnings.Add(new PlausibilityWarning(check, Table, index, key, null, value, threshold,
            message(where, Number(value), Number(threshold))));
    }

    /// <summary>A number as the warnings write it: at most two decimals, invariant culture.</summary>
    internal static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
