// Emission inventory from `cems_hourly`: each outlet's PM, SO2 and NOx by the measured method where CEMS hours exist,
// the mass-balance or factor method elsewhere; totals per township and method, and the 2027 ceilings — from the
// district assessment of Shapotou.Sdk.Assessment, the package `shapotou assess` runs.
// Run from the repository root, on files written by `shapotou export`:
//   dotnet run --project src/Shapotou.Sdk.Cli -- export --out data
//   dotnet run samples/emission-inventory/app.cs -- data [YEAR]
#:project ../../src/Shapotou.Sdk.Assessment/Shapotou.Sdk.Assessment.csproj

using System.Globalization;
using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Assessment;
using Shapotou.Sdk.Model;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: dotnet run samples/emission-inventory/app.cs -- <folder of contract tables> [year]");
    return 2;
}

// The folder's tables (a `<table>.parquet` file or a Hive-partitioned `<table>/` folder each), assessed as
// `shapotou assess --data` does: the inventory of each year of cems_hourly, the 2027 ceilings from the 2024 inventory.
int? only = args.Length == 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : null;
DistrictAssessment assessment = await DistrictAssessment.RunAsync(AssessmentSource.FromFolder(args[0]), new AssessmentOptions { Year = only });
if (assessment.Emissions.Inventories is not [.., EmissionInventory inventory])
{
    Console.Error.WriteLine($"'{args[0]}' has no inventory{(only is { } y ? $" for {y}" : "")}: {string.Join("; ", assessment.Assumptions.Take(2))}");
    return 1;
}

int year = inventory.Year;
Console.WriteLine($"dataset '{assessment.DatasetName}'{(assessment.Illustrative ? " (ILLUSTRATIVE data)" : "")}: inventory of {year}, {inventory.Rows.Select(r => r.OutletId).Distinct().Count()} outlets");

// One row per outlet, pollutant and month, each tagged with its method (measured > mass balance > factor).
Console.WriteLine($"{inventory.Rows.Count} outlet-month rows, {inventory.Missing.Count} missing inputs");

// Per township and method: the rows added up by hand, so the method of each tonne stays visible.
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
if (assessment.Targets is not { } targets)
{
    Console.WriteLine($"no 2027 ceilings: the {EmissionTargets.BaselineYear} inventory is unknown or absent ({string.Join("; ", inventory.Missing.Take(3))})");
    return 1;
}

foreach (TargetProgress p in assessment.Emissions.Progress.Where(p => p.Year == year))
{
    PollutantTarget t = targets.Single(t => t.Pollutant == p.Pollutant);
    Console.WriteLine($"2027 ceiling {ContractNames.ToName(p.Pollutant)}: {p.Ceiling.Tonnes:F2} t ({t.Baseline.Tonnes:N2} t in {EmissionTargets.BaselineYear} less {t.ReductionRate.Value} %, mark {t.ReductionRate.ConfidenceMark}); {year}: {(p.Gap is { } g ? (g.Tonnes > 0 ? $"{g.Tonnes:N2} t above it" : $"{-g.Tonnes:N2} t below it") : "unknown")}");
}

Console.WriteLine($"{inventory.Assumptions.Count} assumptions, the first: {(inventory.Assumptions.Count > 0 ? inventory.Assumptions[0] : "none")}");
return 0;
