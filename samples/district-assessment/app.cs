// The district assessment from the packages, as `shapotou assess` runs it: over the embedded default dataset, or over
// a folder of contract tables; the typed result, and the JSON document of docs/tables.md written to a file.
// Run from the repository root:
//   dotnet run samples/district-assessment/app.cs                       # the default dataset (illustrative)
//   dotnet run samples/district-assessment/app.cs -- data [OUT.json]    # a folder written by `shapotou export`
#:project ../../src/Shapotou.Sdk.Assessment/Shapotou.Sdk.Assessment.csproj

using System.Globalization;
using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Assessment;
using Shapotou.Sdk.Model;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
AssessmentSource source = args.Length > 0 ? AssessmentSource.FromFolder(args[0]) : AssessmentSource.Default;
var progress = new Progress<AssessmentProgress>(p => Console.Error.WriteLine($"  {p.Stage}"));
DistrictAssessment assessment = await DistrictAssessment.RunAsync(source, new AssessmentOptions(), progress);

Console.WriteLine($"dataset '{assessment.DatasetName}'{(assessment.Illustrative ? " (ILLUSTRATIVE data)" : "")}, catalogue as of {assessment.CatalogueAsOf:yyyy-MM-dd}");
Console.WriteLine($"{assessment.Summary.Townships.Sum(t => t.Enterprises)} enterprises in {assessment.Summary.Townships.Count} townships");
if (assessment.Summary.Ferroalloy is { } f)
{
    Console.WriteLine($"ferroalloy {f.Year}: {f.Enterprises} enterprises, {f.FurnacesRunning} of {f.Furnaces} furnaces running, output {(f.Output is { } o ? $"{o.Tonnes:N0} t" : "unknown")}");
}

// Unit energy against the benchmark: how many enterprise-years are better than it, in the latest year.
if (assessment.Energy.Count > 0)
{
    int latest = assessment.Energy.Max(e => e.Year);
    var classes = assessment.Energy.Where(e => e.Year == latest && e.BenchmarkClass is not null).GroupBy(e => e.BenchmarkClass!.Value).OrderBy(g => g.Key);
    Console.WriteLine($"unit energy {latest}: {string.Join(", ", classes.Select(g => $"{g.Count()} {Shapotou.Sdk.Analytics.EnergyEfficiency.BenchmarkClassification.ToName(g.Key)}"))}");
}

// The 2027 ceilings and each year's progress; unknown stays unknown.
foreach (TargetProgress p in assessment.Emissions.Progress)
{
    Console.WriteLine($"{p.Year} {ContractNames.ToName(p.Pollutant)}: {(p.Emission is { } e ? $"{e.Tonnes:N2} t" : "unknown")} against the 2027 ceiling {p.Ceiling.Tonnes:N2} t, {(p.Met is { } met ? (met ? "met" : "not met") : "unknown")}");
}

Console.WriteLine($"{assessment.Assumptions.Count} assumptions; tax {(assessment.Emissions.Tax is { } tax ? $"{tax.Total:N2} yuan" : "unknown")}");

string output = args.Length > 1 ? args[1] : "assessment.json";
await using (FileStream json = File.Create(output))
{
    AssessmentJson.Write(assessment, json);
}

Console.WriteLine($"wrote {output}");
return 0;
