namespace Shapotou.Sdk.Cli.Tests;

/// <summary>Every command answers <c>--help</c> under the tool's name, and the tool's help lists them all.</summary>
public sealed class HelpTests
{
    private static readonly string[] s_commands = ["reference", "assess", "export", "inspect", "hj212", "report"];

    [Fact]
    public void RootHelp_ListsEveryCommandUnderTheToolsName()
    {
        (int code, string output, _) = CliRunner.Run("--help");

        Assert.Equal(0, code);
        Assert.Contains("  shapotou [command] [options]", output, StringComparison.Ordinal);
        foreach (string command in s_commands)
        {
            Assert.Contains($"{Environment.NewLine}  {command} ", output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("reference")]
    [InlineData("assess")]
    [InlineData("export")]
    [InlineData("inspect")]
    [InlineData("hj212")]
    [InlineData("hj212", "check")]
    [InlineData("report")]
    public void CommandHelp_ExitsZeroWithUsage(params string[] command)
    {
        (int code, string output, string error) = CliRunner.Run([.. command, "--help"]);

        Assert.True(code == 0, error);
        Assert.Contains($"  shapotou {string.Join(' ', command)}", output, StringComparison.Ordinal);
    }
}
