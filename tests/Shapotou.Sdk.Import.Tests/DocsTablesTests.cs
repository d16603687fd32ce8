using System.Text.RegularExpressions;
using Shapotou.Sdk.Contract;

namespace Shapotou.Sdk.Import.Tests;

/// <summary>docs/tables.md lists exactly the Chinese headers the importer maps.</summary>
public sealed partial class DocsTablesTests
{
    [Fact]
    public void ChineseHeaderTable_OfTheDocs_IsTheImportersTable()
    {
        string? folder = AppContext.BaseDirectory;
        while (folder is not null && !File.Exists(Path.Combine(folder, "Shapotou.Sdk.sln")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        Assert.NotNull(folder);
        string docs = File.ReadAllText(Path.Combine(folder, "docs", "tables.md"));
        var documented = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match row in Row().Matches(docs))
        {
            foreach (Match pair in Pair().Matches(row.Groups["pairs"].Value))
            {
                documented[$"{row.Groups["table"].Value}:{pair.Groups["header"].Value.Trim()}"] = pair.Groups["column"].Value;
            }
        }

        Dictionary<string, string> code = TableImport.ChineseHeaders
            .SelectMany(t => t.Value.Select(h => (Key: $"{t.Key}:{h.Key}", h.Value)))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        Assert.Equal(code.OrderBy(p => p.Key, StringComparer.Ordinal), documented.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.All(TableImport.ChineseHeaders, t => Assert.All(t.Value.Values, c => Assert.NotNull(ContractSchema.Tables.Single(s => s.Name == t.Key).Find(c))));
    }

    [GeneratedRegex(@"^\| `(?<table>\w+)` \| (?<pairs>[^|\n]*→[^|\n]*) \|$", RegexOptions.Multiline)]
    private static partial Regex Row();

    [GeneratedRegex(@"(?<header>[^,→]+?) → `(?<column>\w+)`")]
    private static partial Regex Pair();
}
