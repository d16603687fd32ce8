using Shapotou.Sdk.Assessment;
using Shapotou.Sdk.Cli.Rendering;
using Spectre.Console.Testing;

namespace Shapotou.Sdk.Cli.Tests;

/// <summary>The assessment's console view at 80 and 120 columns: the ILLUSTRATIVE mark leads the first line, no line is
/// wider than the console, numbers and ids stay whole, classes and checks are in words.</summary>
public sealed class ConsoleWidthTests : IClassFixture<ConsoleWidthTests.Assessed>
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

    /// <summary>The default dataset's assessment, made once for the class.</summary>
    public sealed class Assessed
    {
        public DistrictAssessment Assessment { get; } = DistrictAssessment.RunAsync(AssessmentSource.Default).GetAwaiter().GetResult();
    }
}
