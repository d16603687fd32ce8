// A 2027 scenario: retrofits, a waste-heat addition and an output change applied to the base year; each 2027 ceiling
// met or by how many tonnes, energy and CO2 effects, cost per tonne abated, a seeded Monte Carlo band, and which
// change the targets cannot do without.
// Run from the repository root, on files written by `shapotou export`:
//   dotnet run --project src/Shapotou.Sdk.Cli -- export --out data
//   dotnet run samples/scenario/app.cs -- data [samples/scenarios/2027-measures.json]
#:project ../../src/Shapotou.Sdk.Parquet/Shapotou.Sdk.Parquet.csproj
#:project ../../src/Shapotou.Sdk.Analytics/Shapotou.Sdk.Analytics.csproj

using System.Globalization;
using Shapotou.Sdk.Analytics.Scenarios;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Parquet;
using Shapotou.Sdk.Reference;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: dotnet run samples/scenario/app.cs -- <folder of contract tables> [scenario.json]");
    return 2;
}

string scenarioPath = args.Length == 2 ? args[1] : Path.Combine("samples", "scenarios", "2027-measures.json");
ClusterDataset data = await ClusterDatasetParquet.ReadAsync(args[0]);

// The scenario file: changes by facility id, with their costs and the uncertainty of the Monte Carlo (docs/carbon-tax-scenarios.md).
Scenario scenario = ScenarioFile.Parse(await File.ReadAllTextAsync(scenarioPath), Path.GetFileName(scenarioPath));
var evaluator = new ScenarioEvaluator(ReferenceCatalogue.Builtin);
var asOf = new DateOnly(scenario.BaseYear, 12, 31);
ScenarioOutcome outcome = evaluator.Evaluate(data, scenario, asOf);
Console.WriteLine($"scenario '{scenario.Name}' on {scenario.BaseYear} of '{data.Name}'{(data.Illustrative ? " (ILLUSTRATIVE data)" : "")}: {scenario.Changes.Count} changes, {scenario.Samples:N0} Monte Carlo samples (seed {scenario.Seed})");

Console.WriteLine($"{"pollutant",-9} {"base t",10} {"2027 t",10} {"ceiling t",10} {"margin t",9}  met  {"P5-P95 t",-13} P(met)");
foreach (PollutantOutcome p in outcome.Pollutants)
{
    string band = p.Percentiles is { } b ? $"{b.P5.Tonnes:N0}-{b.P95.Tonnes:N0}" : "-";
    Console.WriteLine($"{ContractNames.ToName(p.Pollutant),-9} {p.Base.Tonnes,10:N2} {p.Projected.Tonnes,10:N2} {p.Ceiling.Tonnes,10:N2} {p.Margin.Tonnes,9:N2}  {(p.Met ? "yes" : "no "),-3}  {band,-13} {p.ProbabilityMet?.ToString("P0", CultureInfo.InvariantCulture) ?? "-"}");
}

Console.WriteLine($"all 2027 ceilings met: {(outcome.AllTargetsMet ? "yes" : "no")}; energy {outcome.EnergyChange?.TonnesOfCoalEquivalent:N0} tce, CO2 {outcome.Co2Change?.Tonnes:N0} t");

// Each change alone, cheapest tonne first: the marginal abatement cost curve.
foreach (ChangeEffect c in outcome.Changes)
{
    string abated = string.Join(", ", c.Abated.Where(a => a.Value.Tonnes != 0).OrderBy(a => a.Key).Select(a => $"{ContractNames.ToName(a.Key)} {a.Value.Tonnes:N1} t"));
    string cost = c.CostPerTonneAbatedYuan is { } y ? $"{y:N0} yuan/t" : c.AnnualCostYuan is { } k ? $"{k:N0} yuan" : "no cost";
    Console.WriteLine($"  {c.ChangeId,-30} {cost,16}  abates {(abated.Length > 0 ? abated : "nothing")}; energy {c.EnergyChange?.TonnesOfCoalEquivalent:N0} tce, CO2 {c.Co2Change?.Tonnes:N0} t");
}

// Which change the targets cannot do without: the scenario again without each one (no Monte Carlo, it is the central value that decides).
foreach (ScenarioChange left in scenario.Changes)
{
    Scenario without = scenario with { Changes = scenario.Changes.Where(c => c != left).ToArray(), Uncertainty = null };
    PollutantOutcome[] missed = evaluator.Evaluate(data, without, asOf).Pollutants.Where(p => !p.Met).ToArray();
    Console.WriteLine($"without {left.Id}: {(missed.Length == 0 ? "every ceiling still met" : "misses " + string.Join(", ", missed.Select(p => $"{ContractNames.ToName(p.Pollutant)} by {-p.Margin.Tonnes:N2} t")))}");
}

return outcome.AllTargetsMet ? 0 : 1;
