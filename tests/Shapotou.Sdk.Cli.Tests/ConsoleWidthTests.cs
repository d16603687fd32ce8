using Shapotou.Sdk.Analytics.Scenarios;
using Shapotou.Sdk.Assessment;
using Shapotou.Sdk.Cli.Commands;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using Shapotou.Sdk.Cli.Rendering;
using Spectre.Console.Testing;

namespace Shapotou.Sdk.Cli.Tests;

/// <summary>The assessment's and the scenario's console views at 80 and 120 columns: the ILLUSTRATIVE mark leads the first line, no line is
/// wider than the console, numbers and ids stay whole, classes and checks are in words.</summary>
public sealed partial class ConsoleWidthTests : IClassFixture<ConsoleWidthTests.Assessed>
{
    private readonly Assessed _assessed;

    public ConsoleWidthTests(Assessed assessed) => _assessed = assessed;

    [Theory]
    [InlineData(80)]  // the classic terminal
    [InlineData(120)] // the width of redirected output
    public void Assess_AtWidth_IsReadable(int width)
    {
        string[] lines = Render(width);

        Assert.StartsWith("ILLUSTRATIVE data · Shapotou District air-polluting industrial cluster", lines[0], StringComparison.Ordinal);
        Assert.All(lines, line => Assert.True(line.Length <= width, $"{line.Length} > {width}: {line}"));

        // A row of the P7 table: id and numbers whole on one line (a table row at 120, a line per row at 80), the class in words.
        Assert.Contains(lines, l => l.Contains("zl-fa07", StringComparison.Ordinal) && l.Contains("FeSi75", StringComparison.Ordinal)
            && l.Contains("74,382", StringComparison.Ordinal) && l.Contains("1,705.6", StringComparison.Ordinal));
        string expected = width == 80 ? "P7 · unit energy 2024 against the benchmark in force (kgce/t)" : "│ zl-fa07     │ FeSi75  │     74,382 │     1,705.6 │";
        Assert.Contains(lines, l => l.StartsWith(expected, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("│ better than", StringComparison.Ordinal) || l.Contains("class better than benchmark", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("│ zhenluo", StringComparison.Ordinal) && l.Contains("526,219", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("GB level: the level of the product's", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(" • fail cement kiln nox, xh-cement-1-kiln1:", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("better_than", StringComparison.Ordinal));

        // P17: each outlet above its limit named with the reason, its id and figures whole.
        Assert.Contains(lines, l => l.StartsWith(" • fail xh-cement-1-kiln1-DA001 nox: 7 of 8666 valid hours above the limit 400", StringComparison.Ordinal));
        Assert.Equal(6, lines.Count(l => l.StartsWith(" • fail ", StringComparison.Ordinal) && l.Contains("-DA001 ", StringComparison.Ordinal)));

        // No number or id broken across lines or cut: each one of the unwrapped view is whole in this one.
        HashSet<string> tokens = [.. lines.SelectMany(l => Tokens().Matches(l).Select(m => m.Value))];
        string[] whole = [.. Render(1000).SelectMany(l => Tokens().Matches(l).Select(m => m.Value)).Distinct()];
        Assert.True(whole.Length > 200, $"{whole.Length} tokens");
        Assert.All(whole, t => Assert.Contains(t, tokens));
    }

    [Theory]
    [InlineData(80)]  // the classic terminal
    [InlineData(120)] // the width of redirected output
    public void Scenario_AtWidth_KeepsNumbersAndIdsWhole(int width)
    {
        var console = new TestConsole().Width(width);
        console.Profile.Capabilities.Unicode = true;
        ScenarioCommand.Render(console, _assessed.Scenario, _assessed.Dataset);
        string[] lines = console.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

        Assert.StartsWith("ILLUSTRATIVE data · Scenario '2027 measures, illustrative' on 2024", lines[0], StringComparison.Ordinal);
        Assert.All(lines, line => Assert.True(line.Length <= width, $"{line.Length} > {width}: {line}"));

        // The figures of the issue's broken line ("1,131.9" / "6"), the changes' ids and their costs, each whole on a line.
        Assert.Contains(lines, l => l.Contains("ceiling 2,221.71 · margin 1,131.96", StringComparison.Ordinal) || l.Contains("│ 2,221.71 │ 1,131.96 │", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("bag-filters-zhenluo", StringComparison.Ordinal) && l.Contains("1,269.49", StringComparison.Ordinal) && l.Contains("18,905", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("ferroalloy-output-minus-2pct", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Energy -35,471 tce, CO₂ -151,430 t against the base year.", StringComparison.Ordinal));
    }

    [Fact]
    public void Redirected_IsAFixedWidth() => Assert.Equal(120, ConsoleTable.RedirectedWidth);

    private string[] Render(int width)
    {
        var console = new TestConsole().Width(width);
        console.Profile.Capabilities.Unicode = true;
        AssessmentConsoleView.Render(console, _assessed.Assessment);
        return console.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
    }

    /// <summary>Numbers (1,705.6; 2024-12-31) and ids (zl-fa07-f1, better_than) as one word each.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"[0-9][0-9,.]*[0-9]|[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)+")]
    private static partial System.Text.RegularExpressions.Regex Tokens();

    /// <summary>The default dataset's assessment, made once for the class.</summary>
    public sealed class Assessed
    {
        public DistrictAssessment Assessment { get; } = DistrictAssessment.RunAsync(AssessmentSource.Default).GetAwaiter().GetResult();

        /// <summary>The default dataset.</summary>
        public ClusterDataset Dataset { get; } = AssessmentSource.Default.LoadDatasetAsync().GetAwaiter().GetResult();

        /// <summary>The sample scenario on the default dataset, as <c>shapotou scenario</c> evaluates it.</summary>
        public ScenarioOutcome Scenario => _scenario ??= Evaluate();

        private ScenarioOutcome? _scenario;

        private ScenarioOutcome Evaluate()
        {
            string? folder = AppContext.BaseDirectory;
            while (folder is not null && !File.Exists(Path.Combine(folder, "Shapotou.Sdk.sln")))
            {
                folder = Path.GetDirectoryName(folder);
            }

            string path = Path.Combine(folder!, "samples", "scenarios", "2027-measures.json");
            Scenario scenario = ScenarioFile.Parse(File.ReadAllText(path), "2027-measures.json");
            return new ScenarioEvaluator(ReferenceCatalogue.Builtin).Evaluate(Dataset, scenario, new DateOnly(scenario.BaseYear, 12, 31));
        }
    }
}
