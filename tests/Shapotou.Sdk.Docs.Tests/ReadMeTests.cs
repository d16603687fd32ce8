using System.Globalization;
using System.Text.RegularExpressions;
using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Analytics.EnergyEfficiency;
using Shapotou.Sdk.Assessment;
using Shapotou.Sdk.Concentrations;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Parquet;
using Shapotou.Sdk.Reference;
using Shapotou.Sdk.Units;
using UnitsNet;

namespace Shapotou.Sdk.Docs.Tests;

/// <summary>
/// Every C# block of the README is the body of one test below, between <c>// README block N</c> markers; the README
/// is checked against this file, never rewritten, so the two cannot drift.
/// </summary>
[Collection(ConsoleRedirection.Name)]
public sealed partial class ReadMeTests
{
    [Fact]
    public void Block1_UnitEnergyAgainstBenchmark()
    {
        string printed = CaptureConsole(() =>
        {
            // README block 1
            var asOf = new DateOnly(2024, 12, 31);
            ReferenceCatalogue catalogue = ReferenceCatalogue.Builtin;

            // Carriers become standard coal through published coefficients (GB/T 2589), never through heating values.
            StandardCoal energy =
                catalogue.GetStandardCoalCoefficient("electricity.equivalent", asOf).Convert(Energy.FromMegawattHours(24_900))
                + catalogue.GetStandardCoalCoefficient("coke", asOf).Convert(Mass.FromTonnes(2_700));
            Mass output = Mass.FromTonnes(3_000);
            EnergyIntensity unitEnergy = EnergyIntensity.Of(energy, output);

            EnergyBenchmark benchmark = catalogue.FindEnergyBenchmark("ferrosilicon", asOf)!;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{unitEnergy:F2} against the benchmark {benchmark.Benchmark.Value} {benchmark.Benchmark.Unit} (mark {benchmark.Benchmark.ConfidenceMark})"));
            // 1894.33 kgce/t against the benchmark 1770 kgce/t (mark S)
            // README end
        });

        Assert.Equal("1894.33 kgce/t against the benchmark 1770 kgce/t (mark S)", printed.TrimEnd());
    }

    [Fact]
    public void Block2_ConcentrationAgainstLimit()
    {
        string printed = CaptureConsole(() =>
        {
            // README block 2
            var limit = EmissionLimit.Of(
                MassConcentration.FromMilligramsPerCubicMeter(200),
                ConcentrationBasis.AtReferenceOxygen(VolumeConcentration.FromPercent(3.5)),
                "GB 13271-2014 Table 2, gas-fired boiler NOx");
            FlueGasConcentration measured = FlueGasConcentration.Measured(MassConcentration.FromMilligramsPerCubicMeter(40));

            FlueGasConcentration converted = measured.ToReferenceOxygen(VolumeConcentration.FromPercent(7), VolumeConcentration.FromPercent(3.5));
            LimitComparison result = limit.Compare(converted);
            Console.WriteLine($"{converted}: exceeds = {result.Exceeds}, ratio = {result.Ratio.ToString(CultureInfo.InvariantCulture)}");
            // 50 mg/m3 (reference O2 3.5 %): exceeds = False, ratio = 0.25
            // README end

            Assert.Throws<ArgumentException>(() => limit.Compare(measured));
        });

        Assert.Equal("50 mg/m3 (reference O2 3.5 %): exceeds = False, ratio = 0.25", printed.TrimEnd());
    }

    [Fact]
    public async Task Block3_ParquetLedgerAgainstBenchmark()
    {
        // The block reads "data" as `shapotou export --out data` writes it, relative to the current folder.
        string root = Path.Combine(Path.GetTempPath(), $"shapotou-readme-{Guid.NewGuid():N}");
        await DefaultDataset.WriteAsync(Path.Combine(root, "data"));
        string previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = root;
        try
        {
            string printed = await CaptureConsoleAsync(async () =>
            {
                // README block 3
                // Tables written by `shapotou export --out data`: the default dataset, marked illustrative in the files' metadata.
                ClusterDataset data = await ClusterDatasetParquet.ReadAsync("data");

                // Ledger rows hold typed quantities: output as Mass, purchased electricity as Energy (null where not reported).
                var furnaces = data.Facilities.Where(f => f.EnterpriseId == "zl-yuexin").Select(f => f.FacilityId).ToHashSet();
                EnergyLedgerEntry[] rows = data.EnergyLedger.Where(r => r.Period.Year == 2024 && furnaces.Contains(r.FacilityId)).ToArray();
                Mass output = Mass.FromTonnes(rows.Sum(r => r.Output.Tonnes));
                Energy electricity = Energy.FromGigawattHours(rows.Sum(r => r.ElectricityPurchased?.GigawattHours ?? double.NaN));

                // Unit energy per enterprise against the benchmark in force, with every assumption it rests on.
                EnergyAssessment energy = new EnergyCalculator(ReferenceCatalogue.Builtin).ByEnterprise(data, 2024, new DateOnly(2024, 12, 31));
                GroupEnergy yuexin = energy.Groups.Single(g => g.GroupId == "zl-yuexin");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{yuexin.GroupId} {yuexin.Product}: {output.Tonnes:N0} t, {electricity.GigawattHours:N1} GWh, {yuexin.UnitEnergy:F1}, {BenchmarkClassification.ToName(yuexin.BenchmarkClass!.Value)}"));
                Console.WriteLine($"illustrative: {data.Illustrative}; assumptions: {energy.Assumptions.Count}");
                // zl-yuexin FeSi75: 151,540 t, 1,135.6 GWh, 1698.3 kgce/t, better_than_benchmark
                // illustrative: True; assumptions: 6
                // README end
            });

            Assert.Equal("zl-yuexin FeSi75: 151,540 t, 1,135.6 GWh, 1698.3 kgce/t, better_than_benchmark\nillustrative: True; assumptions: 6", printed.TrimEnd().Replace("\r\n", "\n", StringComparison.Ordinal));
        }
        finally
        {
            Environment.CurrentDirectory = previous;
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Block4_DistrictAssessment()
    {
        string root = Path.Combine(Path.GetTempPath(), $"shapotou-readme-{Guid.NewGuid():N}");
        await DefaultDataset.WriteAsync(Path.Combine(root, "data"));
        string previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = root;
        try
        {
            string printed = await CaptureConsoleAsync(async () =>
            {
                // README block 4
                // The folder's tables, assessed as `shapotou assess --data data` does; AssessmentSource.Default is the embedded dataset.
                DistrictAssessment assessment = await DistrictAssessment.RunAsync(AssessmentSource.FromFolder("data"));

                // A typed, immutable result: quantities as UnitsNet types, unknown figures null, every assumption in words.
                FerroalloySummary ferroalloy = assessment.Summary.Ferroalloy!;
                PollutantTarget pm = assessment.Targets!.Single(t => t.Pollutant == Pollutant.Pm);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{ferroalloy.FurnacesRunning} of {ferroalloy.Furnaces} furnaces, {ferroalloy.Output!.Value.Tonnes:N0} t; 2027 PM ceiling {pm.Ceiling.Tonnes:F2} t"));

                // The document of docs/tables.md, as `shapotou assess --json` writes it.
                using var json = new MemoryStream();
                AssessmentJson.Write(assessment, json);
                Console.WriteLine($"{json.Length > 0}; assumptions: {assessment.Assumptions.Count}");
                // 35 of 40 furnaces, 967,000 t; 2027 PM ceiling 2221.71 t
                // True; assumptions: 34
                // README end
            });

            Assert.Equal("35 of 40 furnaces, 967,000 t; 2027 PM ceiling 2221.71 t\nTrue; assumptions: 34", printed.TrimEnd().Replace("\r\n", "\n", StringComparison.Ordinal));
        }
        finally
        {
            Environment.CurrentDirectory = previous;
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void ReadMe_CSharpBlocks_AreTheTestBodies()
    {
        string readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));
        string tests = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ReadMeTests.cs"));
        string[] readmeBlocks = CSharpBlock().Matches(readme).Select(m => Normalize(m.Groups[1].Value)).ToArray();
        string[] testBlocks = TestBlock().Matches(tests).Select(m => Normalize(m.Groups[1].Value)).ToArray();

        Assert.NotEmpty(readmeBlocks);
        Assert.Equal(testBlocks.Length, readmeBlocks.Length);
        for (int i = 0; i < readmeBlocks.Length; i++)
        {
            Assert.Equal(testBlocks[i], readmeBlocks[i]);
        }
    }

    [Fact]
    public void ReadMe_FirstCommands_AreRunAndTest()
    {
        string readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));
        Match first = Regex.Match(readme, "```\\n(.*?)```", RegexOptions.Singleline);

        Assert.Equal("dotnet run --project src/Shapotou.Sdk.Cli -- assess\ndotnet test\n", first.Groups[1].Value);
    }

    private static string Normalize(string block)
    {
        string[] lines = block.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Where(l => l.Trim().Length > 0).ToArray();
        int indent = lines.Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l[indent..].TrimEnd()));
    }

    private static string CaptureConsole(Action action)
    {
        TextWriter original = Console.Out;
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Console.SetOut(writer);
        try
        {
            action();
        }
        finally
        {
            Console.SetOut(original);
        }

        return writer.ToString();
    }

    private static async Task<string> CaptureConsoleAsync(Func<Task> action)
    {
        TextWriter original = Console.Out;
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Console.SetOut(writer);
        try
        {
            await action();
        }
        finally
        {
            Console.SetOut(original);
        }

        return writer.ToString();
    }

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex("// README block \\d+\\n(.*?)\\s*// README end", RegexOptions.Singleline)]
    private static partial Regex TestBlock();
}

/// <summary>Tests that redirect the process-wide console run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleRedirection
{
    public const string Name = "Console";
}
