// Energy benchmark over a Parquet ledger: unit energy per enterprise and month against the benchmark and baseline levels.
// Run from the repository root, on files written by `shapotou export`:
//   dotnet run --project src/Shapotou.Sdk.Cli -- export --out data
//   dotnet run samples/energy-benchmark/app.cs -- data [YEAR]
#:project ../../src/Shapotou.Sdk.Parquet/Shapotou.Sdk.Parquet.csproj
#:project ../../src/Shapotou.Sdk.Analytics/Shapotou.Sdk.Analytics.csproj

using System.Globalization;
using Shapotou.Sdk.Analytics.EnergyEfficiency;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Parquet;
using Shapotou.Sdk.Reference;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: dotnet run samples/energy-benchmark/app.cs -- <folder of contract tables> [year]");
    return 2;
}

// The folder's tables, read with their units; the illustrative mark of `shapotou export` travels in the files' metadata.
ClusterDataset data = await ClusterDatasetParquet.ReadAsync(args[0]);
int year = args.Length == 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : data.EnergyLedger.Max(r => r.Period.Year);
Console.WriteLine($"dataset '{data.Name}'{(data.Illustrative ? " (ILLUSTRATIVE data)" : "")}: {data.EnergyLedger.Count} energy-ledger rows; year {year}");

var calculator = new EnergyCalculator(ReferenceCatalogue.Builtin);

// Per enterprise and year: unit energy, the benchmark class and the gap to the benchmark in tonnes of standard coal.
EnergyAssessment yearly = calculator.ByEnterprise(data, year, new DateOnly(year, 12, 31));
GroupEnergy[] benchmarked = yearly.Groups.Where(g => g.Benchmark is not null && g.UnitEnergy is not null).ToArray();
Console.WriteLine($"{"enterprise",-14} {"product",-8} {"output t",10} {"kgce/t",8} {"benchmark",9} {"baseline",8}  class");
foreach (GroupEnergy g in benchmarked.OrderBy(g => g.UnitEnergy))
{
    Console.WriteLine($"{g.GroupId,-14} {g.Product,-8} {g.Output.Tonnes,10:N0} {g.UnitEnergy!.Value.KilogramsOfCoalEquivalentPerTonne,8:F1} {g.Benchmark!.Benchmark.Value,9} {g.Benchmark.Baseline.Value,8}  {(g.BenchmarkClass is { } c ? BenchmarkClassification.ToName(c) : "-")}");
}

// Per month for the whole year: the output-weighted unit energy of each product, to see seasonality.
EnergyAssessment monthly = calculator.ByGroup(data, year, new DateOnly(year, 12, 31), EnergyGrouping.Enterprise, monthly: true);
foreach (IGrouping<string, GroupEnergy> product in monthly.Groups.Where(g => g.Benchmark is not null && g.UnitEnergy is not null).GroupBy(g => g.Product))
{
    var months = product.GroupBy(g => g.Month!.Value).OrderBy(m => m.Key)
        .Select(m => (Month: m.Key, Kgce: m.Sum(g => g.ComprehensiveEnergy?.KilogramsOfCoalEquivalent ?? double.NaN), Tonnes: m.Sum(g => g.OutputBasis.Tonnes)));
    Console.WriteLine($"{product.Key} by month (kgce/t): {string.Join("  ", months.Select(m => $"{m.Month:00}:{m.Kgce / m.Tonnes:F0}"))}");
}

// What the figures depend on: every assumed or secondary-source value, in words.
Console.WriteLine($"{yearly.Assumptions.Count} assumptions, the first: {(yearly.Assumptions.Count > 0 ? yearly.Assumptions[0] : "none")}");
return benchmarked.Length > 0 ? 0 : 1;
