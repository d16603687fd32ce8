using System.Text.RegularExpressions;
using Shapotou.Sdk.Monitoring.Hj212;

namespace Shapotou.Sdk.Monitoring.Tests;

/// <summary>The C# block of the package README is the body between the markers below; the README is checked against
/// this file, never rewritten.</summary>
[Collection(ConsoleRedirection.Name)]
public sealed partial class ReadMeTests
{
    [Fact]
    public void Example_RunsAndPrintsWhatItsCommentsSay()
    {
        using var output = new StringWriter();
        TextWriter console = Console.Out;
        Console.SetOut(output);
        try
        {
            // README block
            Hj212ParseResult result = Hj212Packet.Parse(
                "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80");
            Console.WriteLine(result);                        // ok
            Console.WriteLine(result.Packet!.Fields[0]);      // RtdInterval=30

            Hj212ParseResult modbus = Hj212Packet.Parse(
                "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&0759");
            Console.WriteLine(modbus);                        // rejected: crc: Expected CRC 1C80 (HJ 212-2017 Annex A), found 0759, which is …

            string packet = new Hj212PacketBuilder("31", "2061", "123456", "010000A8900016F000169DC0")
                .SetQn("20250101100000000").SetFlag(4)
                .AddField("DataTime", "20250101090000").EndItem()
                .AddField("a21026-Avg", "25.3").AddField("a21026-Flag", "N")
                .Build();                                     // length and Annex A CRC computed, CRLF appended
            Console.Write(packet);
            // README end
        }
        finally
        {
            Console.SetOut(console);
        }

        string[] lines = output.ToString().Split(Environment.NewLine);
        Assert.Equal("ok", lines[0]);
        Assert.Equal("RtdInterval=30", lines[1]);
        Assert.StartsWith("rejected: crc: Expected CRC 1C80 (HJ 212-2017 Annex A), found 0759, which is ", lines[2], StringComparison.Ordinal);
        string built = lines[3].TrimEnd('\r'); // Build appends CRLF
        Assert.EndsWith("CP=&&DataTime=20250101090000;a21026-Avg=25.3,a21026-Flag=N&&", built[..^4], StringComparison.Ordinal);
        Assert.True(Hj212Packet.Parse(built).IsAccepted);
    }

    [Fact]
    public void ReadMe_CSharpBlock_IsTheTestBody()
    {
        string root = RepositoryRoot();
        string readMe = File.ReadAllText(Path.Combine(root, "src", "Shapotou.Sdk.Monitoring", "README.md"));
        string source = File.ReadAllText(Path.Combine(root, "tests", "Shapotou.Sdk.Monitoring.Tests", "ReadMeTests.cs"));

        string block = CSharpBlock().Match(readMe).Groups["code"].Value.TrimEnd();
        string body = string.Join(
            "\n",
            Body().Match(source).Groups["code"].Value.TrimEnd().Split('\n').Select(line => line.Length >= 12 ? line[12..] : line.TrimStart()));

        Assert.Equal(body, block);
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Shapotou.Sdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Shapotou.Sdk.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"// README block\n(?<code>.*?)\s*// README end", RegexOptions.Singleline)]
    private static partial Regex Body();
}

/// <summary>Tests that redirect <see cref="Console.Out"/> run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleRedirection
{
    public const string Name = "Console redirection";
}
