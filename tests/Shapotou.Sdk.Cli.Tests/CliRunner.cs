namespace Shapotou.Sdk.Cli.Tests;

/// <summary>Runs the tool in-process and captures what it writes to standard output and standard error.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = ShapotouApp.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
