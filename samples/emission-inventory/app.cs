// Emission inventory from `cems_hourly`: each outlet's PM, SO2 and NOx by the measured method where CEMS hours exist,
// the mass-balance or factor method elsewhere; totals per township and method, and the 2027 ceilings.
// Run from the repository root, on files written by `shapotou export`:
//   dotnet run --project src/Shapotou.Sdk.Cli -- export --out data
//   dotnet run samples/emission-inventory/app.cs -- data [YEAR]
#:project ../../src/Shapotou.Sdk.Parquet/Shapotou.Sdk.Parquet.csproj
#:project ../../src/Shapotou.Sdk.Analytics/Shapotou.Sdk.Analytics.csproj

using System.Globalization;
using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Parquet;
using Shapotou.Sdk.Reference;
using UnitsNet;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: dotnet run samples/emission-inventory/app.cs -- <folder of contract tables> [year]");
    return 2;
}

// The folder's tables (a `<table>.parquet` file or a Hive-partitioned `<table>/` folder each); cems_hourly is read
// into columns, one array per channel, not one object per hour.
ClusterDataset data = await ClusterDatasetParquet.ReadAsync(args[0]);
if (data.CemsHourly is not { RowCount: > 0 } cems)
{
    Console.Error.WriteLine($"'{args[0]}' has no cems_hourly rows: the measured method has nothing to add up.");
    return 1;
}

int[] cemsYears = cems.Hours.ToArray().Select(h => h.Year).Distinct().Order().ToArray();
int year = args.Length == 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : cemsYears[^1];
Console.WriteLine($"dataset '{data.Name}'{(data.Illustrative ? " (ILLUSTRATIVE data)" : "")}: {cems.RowCount:N0} CEMS hours of {cems.OutletIds.Distinct().Count()} outlets in {string.Join(", ", cemsYears)}; inventory of {year}");

// One row per outlet, pollutant and month, each tagged with its method (measured > mass balance > factor).
EmissionInventory inventory = new EmissionInventoryCalculator().Compute(data, year);
Console.WriteLine($"{inventory.Rows.Count} outlet-month rows, {inventory.Missing.Count} missing inputs");

// Per township and method: the same rows added up by hand, so the method of each tonne stays visible.
Console.WriteLine($"{"township",-12} {"method",-13} {"PM t",10} {"SO2 t",10} {"NOx t",10}");
foreach (var group in inventory.Rows
             .GroupBy(r => (Township: r.Township ?? "(unknown)", Method: r.Method switch { EmissionMethod.Measured => "measured", EmissionMethod.MassBalance => "mass_balance", EmissionMethod.Factor => "factor", _ => "unknown" }))
             .OrderBy(g => g.Key.Township, StringComparer.Ordinal).ThenBy(g => g.Key.Method, StringComparer.Ordinal))
{
    string Tonnes(Pollutant p)
    {
        OutletEmission[] rows = group.Where(r => r.Pollutant == p).ToArray();
        return rows.Length == 0 ? "-" : rows.Any(r => r.Mass is null) ? "unknown" : rows.Sum(r => r.Mass!.Value.Tonnes).ToString("N2", CultureInfo.InvariantCulture);
    }

    Console.WriteLine($"{group.Key.Township,-12} {group.Key.Method,-13} {Tonnes(Pollutant.Pm),10} {Tonnes(Pollutant.So2),10} {Tonnes(Pollutant.Nox),10}");
}

// The SDK's own totals (per outlet, facility, enterprise, township or district); the district's is what the ceilings start from.
foreach (EmissionTotal total in inventory.Totals(EmissionGrouping.District))
{
    Console.WriteLine($"district {ContractNames.ToName(total.Pollutant)}: {(total.Mass is { } m ? $"{m.Tonnes:N2} t" : "unknown")} ({string.Join(" + ", total.Methods)})");
}

// The 2027 ceilings: the 2024 inventory less the plan's reduction rates (catalogue rows, P4 table 2-1).
var asOf = new DateOnly(2024, 12, 31);
EmissionInventory baseline = year == EmissionTargets.BaselineYear ? inventory : new EmissionInventoryCalculator().Compute(data, EmissionTargets.BaselineYear);
if (EmissionTargets.Ceilings(baseline, ReferenceCatalogue.Builtin, asOf) is not { } targets)
{
    Console.WriteLine($"no 2027 ceilings: the {EmissionTargets.BaselineYear} inventory has unknown totals ({string.Join("; ", baseline.Missing.Take(3))})");
    return 1;
}

Dictionary<Pollutant, Mass?> totals = EmissionTargets.Pollutants.ToDictionary(p => p, inventory.Total);
foreach (TargetProgress p in EmissionTargets.Progress(year, totals, targets))
{
    PollutantTarget t = targets.Single(t => t.Pollutant == p.Pollutant);
    Console.WriteLine($"2027 ceiling {ContractNames.ToName(p.Pollutant)}: {p.Ceiling.Tonnes:F2} t ({t.Baseline.Tonnes:N2} t in {EmissionTargets.BaselineYear} less {t.ReductionRate.Value} %, mark {t.ReductionRate.ConfidenceMark}); {year}: {(p.Gap is { } g ? (g.Tonnes > 0 ? $"{g.Tonnes:N2} t above it" : $"{-g.Tonnes:N2} t below it") : "unknown")}");
}

Console.WriteLine($"{inventory.Assumptions.Count} assumptions, the first: {(inventory.Assumptions.Count > 0 ? inventory.Assumptions[0] : "none")}");
return 0;
