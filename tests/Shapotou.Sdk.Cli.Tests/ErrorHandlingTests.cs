using Shapotou.Sdk.TestKit;

namespace Shapotou.Sdk.Cli.Tests;

public sealed class ErrorHandlingTests
{
    [Fact]
    public void BadDate_IsAUsageError()
    {
        (int exitCode, string output, string error) = CliRunner.Run("reference", "--as-of", "31/12/2024");

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("Date '31/12/2024' is not a date YYYY-MM-DD.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void OutOfMemory_IsOneSentenceWithoutTheRuntimesWords()
    {
        // .NET's own text is "Exception of type 'System.OutOfMemoryException' was thrown."
#pragma warning disable CA2201 // the exception the runtime throws, made here to see its sentence
        string sentence = CliInput.OneSentence(new OutOfMemoryException());
#pragma warning restore CA2201

        Assert.Equal("The process ran out of memory: the data need more than it may use (a container's limit, or DOTNET_GCHeapHardLimit); docs/performance.md says where a large assessment's memory goes.", sentence);
        Assert.DoesNotContain("System.", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOption_IsAUsageError()
    {
        (int exitCode, _, string error) = CliRunner.Run("assess", "--jsn");

        Assert.Equal(2, exitCode);
        Assert.Contains("--jsn", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingCatalogueFile_IsAnIoErrorInOneSentence()
    {
        (int exitCode, string output, string error) = CliRunner.Run("assess", "--json", "--catalogue", "/nonexistent/rows.json");

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal("Catalogue file '/nonexistent/rows.json' does not exist." + Environment.NewLine, error);
    }

    [Fact]
    public void MalformedCatalogueRow_IsRejectedInputNamingRowAndField()
    {
        using var rows = new TemporaryFile("""[{ "key": "energy.coefficient.coke", "value": 0.97, "unit": "kgce/kilo", "source": "x", "confidence": "S" }]""");

        (int exitCode, string output, string error) = CliRunner.Run("reference", "--catalogue", rows.Path);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith(
            $"Catalogue '{Path.GetFileName(rows.Path)}', row 1 (key 'energy.coefficient.coke'): field 'unit' is 'kgce/kilo'; expected one of ",
            error,
            StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_AddsTheStackTrace()
    {
        (int exitCode, _, string error) = CliRunner.Run("assess", "--catalogue", "/nonexistent/rows.json", "--verbose");

        Assert.Equal(2, exitCode);
        Assert.Contains("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ListsTheCommands()
    {
        (int exitCode, string output, _) = CliRunner.Run("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("assess", output, StringComparison.Ordinal);
        Assert.Contains("reference", output, StringComparison.Ordinal);
    }
}
