using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Shapotou.Sdk.Docs.Tests;

/// <summary>
/// The packages' dependency graph, read from every <c>src/*/*.csproj</c>: each package references exactly what the
/// packages table of docs/architecture.md says, and the rules of that page hold over the transitive closure (the
/// data contract and the DataFrame interop never bring in a file format's library).
/// </summary>
public sealed partial class PackageGraphTests
{
    private static readonly string s_root = RepositoryRoot();
    private static readonly IReadOnlyDictionary<string, SortedSet<string>> s_graph = ReadGraph();

    [Fact]
    public void DirectReferences_AreThePackagesTableOfTheArchitecturePage()
    {
        string page = File.ReadAllText(Path.Combine(s_root, "docs", "architecture.md"));
        var documented = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (Match row in PackageRow().Matches(page))
        {
            documented[row.Groups["package"].Value] = string.Join(", ", row.Groups["references"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        }

        var actual = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach ((string package, SortedSet<string> references) in s_graph)
        {
            actual[package] = string.Join(", ", references);
        }

        Assert.Equal(actual, documented);
    }

    [Theory]
    [InlineData("Shapotou.Sdk.Contract", "Shapotou.Sdk.Parquet,Shapotou.Sdk.Import,Parquet.Net,Snappier,ZstdSharp.Port,Sep,MiniExcel,Microsoft.Data.Analysis")]
    [InlineData("Shapotou.Sdk.DataFrame", "Shapotou.Sdk.Parquet,Shapotou.Sdk.Import,Parquet.Net,Snappier,ZstdSharp.Port,Sep,MiniExcel")]
    [InlineData("Shapotou.Sdk.Import", "Shapotou.Sdk.Parquet,Parquet.Net,Snappier,ZstdSharp.Port,Microsoft.Data.Analysis")]
    [InlineData("Shapotou.Sdk.Parquet", "Shapotou.Sdk.Import,Sep,MiniExcel,Microsoft.Data.Analysis")]
    [InlineData("Shapotou.Sdk", "Shapotou.Sdk.Contract,Shapotou.Sdk.Parquet,Parquet.Net,Sep,MiniExcel,Microsoft.Data.Analysis")]
    public void Closure_LeavesOutTheFormatsItDoesNotNeed(string package, string forbidden)
    {
        SortedSet<string> closure = Closure(package);
        Assert.Empty(closure.Intersect(forbidden.Split(','), StringComparer.Ordinal));
    }

    [Fact]
    public void Libraries_ReferenceNoTool_AndNoCycle()
    {
        foreach (string package in s_graph.Keys.Where(p => p != "Shapotou.Sdk.Cli"))
        {
            SortedSet<string> closure = Closure(package);
            Assert.DoesNotContain("Shapotou.Sdk.Cli", closure);
            Assert.DoesNotContain(package, closure);
        }
    }

    /// <summary>What restore resolved for the DataFrame package, third-party dependencies of dependencies included.</summary>
    [Fact]
    public void DataFrameRestore_HasNoFileFormatLibrary()
    {
        string assets = Path.Combine(s_root, "src", "Shapotou.Sdk.DataFrame", "obj", "project.assets.json");
        using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(assets));
        string[] libraries = [.. json.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name.Split('/')[0])];
        Assert.Contains("Microsoft.Data.Analysis", libraries);
        Assert.Contains("Shapotou.Sdk.Contract", libraries);
        Assert.Empty(libraries.Intersect(["Parquet.Net", "Sep", "MiniExcel", "Shapotou.Sdk.Parquet", "Shapotou.Sdk.Import"], StringComparer.Ordinal));
    }

    private static SortedSet<string> Closure(string package)
    {
        var closure = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(s_graph[package]);
        while (pending.TryPop(out string? next))
        {
            if (closure.Add(next) && s_graph.TryGetValue(next, out SortedSet<string>? references))
            {
                foreach (string reference in references)
                {
                    pending.Push(reference);
                }
            }
        }

        return closure;
    }

    /// <summary>Each package by name, with its project and package references by name (the analyzers every library
    /// gets from eng/Library.targets are not dependencies).</summary>
    private static SortedDictionary<string, SortedSet<string>> ReadGraph()
    {
        var graph = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (string project in Directory.GetDirectories(Path.Combine(s_root, "src")).SelectMany(d => Directory.GetFiles(d, "*.csproj")))
        {
            XDocument xml = XDocument.Load(project);
            var references = new SortedSet<string>(StringComparer.Ordinal);
            foreach (XElement element in xml.Descendants("ProjectReference"))
            {
                references.Add(Path.GetFileNameWithoutExtension(element.Attribute("Include")!.Value));
            }

            foreach (XElement element in xml.Descendants("PackageReference"))
            {
                references.Add(element.Attribute("Include")!.Value);
            }

            graph.Add(Path.GetFileNameWithoutExtension(project), references);
        }

        return graph;
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Shapotou.Sdk.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Shapotou.Sdk.sln above '{AppContext.BaseDirectory}'.");
    }

    /// <summary>A row of the packages table: the package in backticks, what it holds, its references, its status.</summary>
    [GeneratedRegex(@"^\| `(?<package>Shapotou\.Sdk[\w.]*)` \| [^|\n]* \| (?<references>[^|\n]*) \| [^|\n]* \|$", RegexOptions.Multiline)]
    private static partial Regex PackageRow();
}
