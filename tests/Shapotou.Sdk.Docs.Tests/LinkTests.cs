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

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"`dotnet run (?<path>samples/[^ `]+/app\.cs)")]
    private static partial Regex SampleRun();
}
