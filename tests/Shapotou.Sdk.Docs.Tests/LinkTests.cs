using System.Text.RegularExpressions;

namespace Shapotou.Sdk.Docs.Tests;

/// <summary>Every relative link of the README, the docs and the samples' list points at a file or folder of the repository.</summary>
public sealed partial class LinkTests
{
    public static TheoryData<string> Pages()
    {
        string root = RepositoryRoot();
        var pages = new TheoryData<string>();
        foreach (string page in new[] { "README.md", "samples/README.md" }.Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Select(p => Path.GetRelativePath(root, p)).Order(StringComparer.Ordinal)))
        {
            pages.Add(page.Replace('\\', '/'));
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void RelativeLinks_Resolve(string page)
    {
        string root = RepositoryRoot();
        string path = Path.Combine(root, page);
        string[] broken = MarkdownLink().Matches(File.ReadAllText(path))
            .Select(m => m.Groups["target"].Value)
            .Where(t => !t.Contains("://", StringComparison.Ordinal) && !t.StartsWith('#'))
            .Select(t => t.Split('#')[0])
            .Where(t => !File.Exists(Path.Combine(Path.GetDirectoryName(path)!, t)) && !Directory.Exists(Path.Combine(Path.GetDirectoryName(path)!, t)))
            .ToArray();

        Assert.True(broken.Length == 0, $"{page} links to missing {string.Join(", ", broken)}");
    }

    [Fact]
    public void DocsAndCode_CiteNoNotesOutsideTheRepository()
    {
        // The research notes kept beside a clone are not shipped: docs, help, assumptions and catalogue sources cite the
        // standards and documents themselves, or pages of docs/.
        string root = RepositoryRoot();
        string[] files = [
            .. Directory.GetFiles(Path.Combine(root, "docs"), "*.md"),
            Path.Combine(root, "README.md"),
            .. Directory.GetFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
                .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
                    && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)),
        ];
        string[] cited = [.. files.SelectMany(f => File.ReadLines(f).Select((line, n) => (f, line, n)))
            .Where(t => Regex.IsMatch(t.line, @"shared/(reference|seed|TABLES\.md)|emissions-gaps\.md|\b(emissions|energy)\.md §"))
            .Select(t => $"{Path.GetRelativePath(root, t.f)}:{t.n + 1}: {t.line.Trim()}")];

        Assert.True(cited.Length == 0, "Notes outside the repository cited:\n" + string.Join("\n", cited));
    }

    [Fact]
    public void SamplesList_NamesEverySampleAndEveryNamedSampleExists()
    {
        string root = RepositoryRoot();
        string list = File.ReadAllText(Path.Combine(root, "samples", "README.md"));
        string[] named = SampleRun().Matches(list).Select(m => m.Groups["path"].Value).ToArray();
        string[] present = Directory.GetFiles(Path.Combine(root, "samples"), "app.cs", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();

        Assert.NotEmpty(present);
        Assert.Equal(present, named.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Every Markdown file named in the code (help texts, messages, assumptions, XML docs), the embedded JSON, the samples
    /// and the docs exists: a path at the repository's root, under <c>docs/</c>, beside the file naming it or under its
    /// project; a bare name anywhere in the repository. The research notes beside the clone (<c>shared/…</c>) are
    /// looked up there, as CI looks up <c>../shared/parquet-testing</c>; Parquet's own <c>Encodings.md</c> (the
    /// parquet-format specification) is the one outside document named by a bare name.
    /// </summary>
    [Fact]
    public void NamedMarkdownFiles_Exist()
    {
        string root = RepositoryRoot();
        IEnumerable<string> files = new[] { "src", "samples", "docs" }
            .SelectMany(d => Directory.GetFiles(Path.Combine(root, d), "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Append(Path.Combine(root, "README.md"));
        var names = Directory.GetFiles(root, "*.md", SearchOption.AllDirectories).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        string beside = Path.GetFullPath(Path.Combine(root, ".."));
        var missing = new List<string>();
        foreach (string file in files)
        {
            string folder = Path.GetDirectoryName(file)!;
            string project = ProjectFolder(root, file);
            foreach (Match match in NamedMarkdown().Matches(File.ReadAllText(file)))
            {
                string named = match.Value;
                string[] candidates = [Path.Combine(root, named), Path.Combine(root, "docs", named), Path.Combine(folder, named), Path.Combine(project, named)];
                bool found = named.StartsWith("shared/", StringComparison.Ordinal)
                    ? !Directory.Exists(Path.Combine(beside, "shared")) || File.Exists(Path.Combine(beside, named))
                    : candidates.Any(File.Exists) || (!named.Contains('/', StringComparison.Ordinal) && (names.Contains(named) || named == "Encodings.md"));
                if (!found)
                {
                    missing.Add($"{Path.GetRelativePath(root, file)}: {named}");
                }
            }
        }

        Assert.True(missing.Count == 0, "Named but missing: " + string.Join("; ", missing.Distinct()));
    }

    private static string ProjectFolder(string root, string file)
    {
        string[] parts = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar);
        return parts.Length > 2 ? Path.Combine(root, parts[0], parts[1]) : root;
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

    [GeneratedRegex(@"(?<![\w/.-])(?:[\w.-]+/)*[\w-]+\.md\b")]
    private static partial Regex NamedMarkdown();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"`dotnet run (?<path>samples/[^ `]+/app\.cs)")]
    private static partial Regex SampleRun();
}
