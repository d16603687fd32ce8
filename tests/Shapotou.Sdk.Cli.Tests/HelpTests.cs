namespace Shapotou.Sdk.Cli.Tests;

/// <summary>Every command of the command tree answers <c>--help</c> under the tool's name, and the tool's help lists them all.</summary>
public sealed class HelpTests
{
    /// <summary>Every command and subcommand of the tool as <c>Program</c> builds it, as the words typed after <c>shapotou</c>.</summary>
    public static TheoryData<string[]> Commands()
    {
        (System.CommandLine.Command root, _) = ShapotouApp.CreateRoot(new CommandContext(TextWriter.Null, TextWriter.Null));
        var data = new TheoryData<string[]>();
        foreach (string[] path in Walk(root, []))
        {
            data.Add(path);
        }

        return data;
    }

    private static IEnumerable<string[]> Walk(System.CommandLine.Command command, string[] path)
    {
        foreach (System.CommandLine.Command subcommand in command.Subcommands)
        {
            string[] here = [.. path, subcommand.Name];
            yield return here;
            foreach (string[] below in Walk(subcommand, here))
            {
                yield return below;
            }
        }
    }

    [Fact]
    public void RootHelp_ListsEveryCommandUnderTheToolsName()
    {
        (int code, string output, _) = CliRunner.Run("--help");

        Assert.Equal(0, code);
        Assert.Contains("  shapotou [command] [options]", output, StringComparison.Ordinal);
        (System.CommandLine.Command root, _) = ShapotouApp.CreateRoot(new CommandContext(TextWriter.Null, TextWriter.Null));
        string[] commands = [.. root.Subcommands.Select(c => c.Name)];
        Assert.Contains("sql", commands);
        foreach (string command in commands)
        {
            Assert.Contains($"{Environment.NewLine}  {command} ", output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void CommandHelp_ExitsZeroWithUsage(string[] command)
    {
        (int code, string output, string error) = CliRunner.Run([.. command, "--help"]);

        Assert.True(code == 0, error);
        Assert.Contains($"  shapotou {string.Join(' ', command)}", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error);
    }

    /// <summary>
    /// <c>hj212 simulate --help</c> shows <c>--start</c>'s format and default as the option reads them
    /// (yyyy-MM-ddTHH:mm), never a date in the machine's format such as 1/1/2025 12:00:00 AM or 01.01.2025 00:00:00.
    /// </summary>
    [Theory]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    [InlineData("zh-CN")]
    public void SimulateHelp_ShowsStartInTheFormatItReads(string culture)
    {
        System.Globalization.CultureInfo before = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
        try
        {
            (int code, string output, _) = CliRunner.Run("hj212", "simulate", "--help");

            Assert.Equal(0, code);
            string help = string.Join(' ', output.Split((char[])[' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("--start <TIME> The first minute, China Standard Time, yyyy-MM-ddTHH:mm (default 2025-01-01T00:00).", help, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"[0-9]{1,2}[./][0-9]{1,2}[./]2025|2025/[0-9]|2025 [0-9]", help);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }
}
