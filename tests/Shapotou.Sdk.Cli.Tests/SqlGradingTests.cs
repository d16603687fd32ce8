using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shapotou.Sdk.Assessment;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Parquet;

namespace Shapotou.Sdk.Cli.Tests;

/// <summary>
/// The grading views of <c>shapotou sql</c> (<c>grading_outcomes</c>, <c>grading_enterprises</c>,
/// <c>grading_distribution</c>) against <c>grading</c> of <c>assess --data --json</c> over the same folder: with the
/// SDK's example criteria and no facts, and with a criteria table and a facts file given to both, written so that
/// criteria pass, fail, are unknown (facts missing) and do not apply (no running facility of the kind). Every
/// enterprise's grade, the ids of its failed and unknown criteria (the JSON's sentences begin "Criterion 'ID'"), the
/// enterprises not graded and the distribution are compared.
/// </summary>
public sealed partial class SqlGradingTests : IClassFixture<SqlGradingTests.WithFacts>
{
    private readonly WithFacts _folder;

    public SqlGradingTests(WithFacts folder)
    {
        _folder = folder;
    }

    [Fact]
    public void Grading_DefaultDataset_EqualsTheAssessment()
    {
        using var export = new SqlCommandTests.ExportedDataset();
        (int code, string output, string error) = CliRunner.Run("assess", "--data", export.Folder, "--json");
        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement grading = json.RootElement.GetProperty("grading");

        Graded sdk = Graded.From(grading);
        Graded view = Graded.From(export.Query);

        Assert.Equal(sdk, view);
        AssertDistribution(grading.GetProperty("distribution"), export.Query);

        // Not a comparison of empty sets: the examples grade cement and ferroalloy enterprises, with unknown facts.
        Assert.NotEmpty(sdk.Grades);
        Assert.NotEmpty(sdk.NotGraded);
        Assert.Contains(sdk.Unknown, u => u.Value.Count > 0);

        // A failed concentration criterion's sentence names each failing outlet's highest hour (to 0.001 mg/m3), the
        // highest of all the criterion's outlets: the view's value.
        int compared = 0;
        foreach (JsonElement e in grading.GetProperty("enterprises").EnumerateArray())
        {
            foreach (string sentence in e.GetProperty("failed").EnumerateArray().Select(f => f.GetString()!).Where(f => f.Contains(", concentration)", StringComparison.Ordinal)))
            {
                double highest = Highest().Matches(sentence).Max(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
                string id = CriterionId().Match(sentence).Groups[1].Value;
                double value = (double)Assert.Single(export.Query($"SELECT value FROM grading_outcomes WHERE enterprise_id = '{e.GetProperty("enterprise_id").GetString()}' AND criterion_id = '{id}'"))[0]!;
                Assert.True(Math.Abs(value - highest) <= 5e-4 + 1e-9, $"{id}: the view's highest {value}, the SDK's {highest}.");
                compared++;
            }
        }

        Assert.True(compared > 0);
    }

    [Fact]
    public void Grading_AFactOfTheWrongType_IsRefusedAsTheSdkRefusesIt()
    {
        string facts = Path.Combine(_folder.Folder, "wrong-type.json");
        File.WriteAllText(facts, $$"""[{ "enterprise_id": "{{WithFacts.PassesAFailsB}}", "facts": { "closed_storage": 5 } }]""");

        (int code, _, string error) = CliRunner.Run("sql", "--data", _folder.Folder, "--facts", facts);

        Assert.Equal(1, code);
        Assert.Contains($"Enterprise facts, enterprise '{WithFacts.PassesAFailsB}': fact 'closed_storage' is the number 5; criterion 'ferroalloy.b.closed_storage' expects true or false.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Grading_CriteriaAndFacts_EqualTheAssessment()
    {
        (int code, string output, string error) = CliRunner.Run("assess", "--data", _folder.Folder, "--grading-criteria", _folder.CriteriaFile, "--facts", _folder.FactsFile, "--json");
        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement grading = json.RootElement.GetProperty("grading");
        List<object?[]> Query(string sql) => _folder.QueryWith(["--grading-criteria", _folder.CriteriaFile, "--facts", _folder.FactsFile], sql);

        Graded sdk = Graded.From(grading);
        Graded view = Graded.From(Query);

        Assert.Equal(sdk, view);
        AssertDistribution(grading.GetProperty("distribution"), Query);

        // The case exercises what it was written for, on both sides.
        var statuses = Query("SELECT DISTINCT status FROM grading_outcomes").Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(new[] { "fails", "not_applicable", "passes", "unknown" }, statuses.Order(StringComparer.Ordinal));

        // Closed storage (A) passes, the truck share (B) fails: C, since grades are cumulative.
        Assert.Equal("C", sdk.Grades[WithFacts.PassesAFailsB]);
        Assert.DoesNotContain("test.a.closed_storage", sdk.Failed[WithFacts.PassesAFailsB]);
        Assert.Contains("test.b.truck_share", sdk.Failed[WithFacts.PassesAFailsB]);
        Assert.Empty(sdk.Unknown[WithFacts.PassesAFailsB]);

        // Closed storage unknown (A), the truck share passes (B): B, since an unknown blocks its grade.
        Assert.Equal("B", sdk.Grades[WithFacts.UnknownAPassesB]);
        Assert.Equal(["test.a.closed_storage"], sdk.Unknown[WithFacts.UnknownAPassesB]);

        // No facts at all: both fact criteria unknown.
        Assert.Equal(["test.a.closed_storage", "test.b.truck_share"], sdk.Unknown[WithFacts.WithoutFacts].Order(StringComparer.Ordinal));

        // The concentration criterion's highest hour on its basis, with its threshold.
        List<object?[]> concentration = Query("SELECT value, threshold FROM grading_outcomes WHERE criterion_id = 'test.a.furnace_pm' AND status = 'passes'");
        Assert.NotEmpty(concentration);
        Assert.All(concentration, r => Assert.True((double)r[0]! > 0 && (double)r[1]! == 1e6));
    }

    internal static void AssertDistribution(JsonElement distribution, Func<string, List<object?[]>> query)
    {
        var view = query("SELECT grade, enterprises FROM grading_distribution").ToDictionary(r => (string)r[0]!, r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var sdk = distribution.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);
        Assert.Equal(sdk.OrderBy(p => p.Key, StringComparer.Ordinal), view.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [GeneratedRegex("^Criterion '([^']+)'")]
    private static partial Regex CriterionId();

    [GeneratedRegex("highest ([0-9.]+) mg/m3")]
    private static partial Regex Highest();

    [GeneratedRegex("^Enterprise '([^']+)'")]
    private static partial Regex EnterpriseId();

    /// <summary>The grading as sets: grade, failed and unknown criterion ids per graded enterprise, and the enterprises
    /// not graded.</summary>
    internal sealed record Graded(
        SortedDictionary<string, string> Grades,
        SortedDictionary<string, SortedSet<string>> Failed,
        SortedDictionary<string, SortedSet<string>> Unknown,
        SortedSet<string> NotGraded)
    {
        public static Graded From(JsonElement grading)
        {
            var result = new Graded(new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal));
            foreach (JsonElement e in grading.GetProperty("enterprises").EnumerateArray())
            {
                string id = e.GetProperty("enterprise_id").GetString()!;
                result.Grades[id] = e.GetProperty("grade").GetString()!;
                result.Failed[id] = Ids(e.GetProperty("failed"), CriterionId());
                result.Unknown[id] = Ids(e.GetProperty("unknown"), CriterionId());
            }

            foreach (string id in Ids(grading.GetProperty("not_graded"), EnterpriseId()))
            {
                result.NotGraded.Add(id);
            }

            return result;
        }

        public static Graded From(Func<string, List<object?[]>> query)
        {
            var result = new Graded(new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal));
            foreach (object?[] row in query("SELECT enterprise_id, grade, failed, unknown FROM grading_enterprises"))
            {
                string id = (string)row[0]!;
                if (row[1] is not string grade)
                {
                    result.NotGraded.Add(id);
                    continue;
                }

                result.Grades[id] = grade;
                result.Failed[id] = new(StringComparer.Ordinal);
                result.Unknown[id] = new(StringComparer.Ordinal);
                Assert.Equal(row[2], query($"SELECT CAST(COUNT(*) AS BIGINT) FROM grading_outcomes WHERE enterprise_id = '{id}' AND status = 'fails'")[0][0]);
                Assert.Equal(row[3], query($"SELECT CAST(COUNT(*) AS BIGINT) FROM grading_outcomes WHERE enterprise_id = '{id}' AND status = 'unknown'")[0][0]);
            }

            foreach (object?[] row in query("SELECT enterprise_id, criterion_id, status FROM grading_outcomes WHERE status IN ('fails', 'unknown')"))
            {
                SortedDictionary<string, SortedSet<string>> into = (string)row[2]! == "fails" ? result.Failed : result.Unknown;
                into[(string)row[0]!].Add((string)row[1]!);
            }

            return result;
        }

        public bool Equals(Graded? other) =>
            other is not null
            && Grades.SequenceEqual(other.Grades)
            && Same(Failed, other.Failed)
            && Same(Unknown, other.Unknown)
            && NotGraded.SetEquals(other.NotGraded);

        public override int GetHashCode() => Grades.Count;

        public override string ToString() =>
            string.Join("; ", Grades.Select(g => $"{g.Key} {g.Value} failed [{string.Join(", ", Failed[g.Key])}] unknown [{string.Join(", ", Unknown[g.Key])}]"))
            + $"; not graded [{string.Join(", ", NotGraded)}]";

        private static bool Same(SortedDictionary<string, SortedSet<string>> a, SortedDictionary<string, SortedSet<string>> b) =>
            a.Keys.SequenceEqual(b.Keys) && a.All(p => p.Value.SetEquals(b[p.Key]));

        private static SortedSet<string> Ids(JsonElement sentences, Regex pattern) =>
            new(sentences.EnumerateArray().Select(s => pattern.Match(s.GetString()!) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"No id at the start of: {s.GetString()}")), StringComparer.Ordinal);
    }

    /// <summary>The default dataset with a criteria table and a facts file. Ferroalloy (3140), ladder A / B / C: A needs
    /// closed storage (a fact), every running furnace's PM at or below 10⁶ mg/m³ measured, and, on boilers (none of the
    /// ferroalloy enterprises runs one: not applicable), a CEMS; B a truck share of at least 50 % (a fact) and a bag
    /// filter on every running furnace. Cement (3011), ladder A / B / C / D: kiln NOx strictly below 100 mg/m³ at
    /// 10 % O₂ for A, a CEMS on every kiln NOx outlet for B, kiln PM at or below 10⁶ mg/m³ at 10 % O₂ for C. Facts: the
    /// first ferroalloy enterprise has closed storage and a 10 % share, the second closed storage unknown (null) and 90 %,
    /// the third none; the rest are not in the file.</summary>
    public sealed class WithFacts : SqlExport
    {
        public WithFacts()
            : base(Write, _ => DefaultDataset.Instance)
        {
        }

        public string CriteriaFile => Path.Combine(Folder, "criteria.json");

        public string FactsFile => Path.Combine(Folder, "facts.json");

        public static string PassesAFailsB => Ferroalloy[0];

        public static string UnknownAPassesB => Ferroalloy[1];

        public static string WithoutFacts => Ferroalloy[2];

        private static string[] Ferroalloy => [.. DefaultDataset.Instance.Enterprises.Where(e => e.IndustryCode == "3140").Select(e => e.EnterpriseId).Order(StringComparer.Ordinal)];

        private static void Write(string folder)
        {
            ClusterDatasetParquet.WriteAsync(DefaultDataset.Instance, folder).GetAwaiter().GetResult();
            const string Source = "\"source\": \"test case\", \"mark\": \"illustrative\"";
            File.WriteAllText(Path.Combine(folder, "criteria.json"), $$"""
                {
                  "name": "sql-grading-test",
                  "industries": [
                    { "industry": "ferroalloy", "industry_codes": ["3140"], "grades": ["A", "B", "C"], "source": "test case", "illustrative": true, "label": "TEST criteria" },
                    { "industry": "cement", "industry_codes": ["3011"], "grades": ["A", "B", "C", "D"], "source": "test case", "illustrative": true, "label": "TEST criteria" }
                  ],
                  "criteria": [
                    { "id": "test.a.closed_storage", "industry": "ferroalloy", "grade": "A", "category": "fugitive", "fact": "closed_storage", "equals": true, {{Source}} },
                    { "id": "test.a.furnace_pm", "industry": "ferroalloy", "grade": "A", "category": "concentration", "facility_kinds": ["submerged_arc_furnace"], "pollutant": "pm", "limit_mg_m3": 1000000, "basis": "measured", {{Source}} },
                    { "id": "test.a.boiler_cems", "industry": "ferroalloy", "grade": "A", "category": "monitoring", "facility_kinds": ["boiler"], {{Source}} },
                    { "id": "test.b.truck_share", "industry": "ferroalloy", "grade": "B", "category": "transport", "fact": "china_v_or_better_truck_share_pct", "at_least": 50, "unit": "%", {{Source}} },
                    { "id": "test.b.furnace_bag_filter", "industry": "ferroalloy", "grade": "B", "category": "treatment", "facility_kinds": ["submerged_arc_furnace"], "pollutant": "pm", "treatment_any_of": ["bag_filter"], {{Source}} },
                    { "id": "test.cement.a.kiln_nox", "industry": "cement", "grade": "A", "category": "concentration", "facility_kinds": ["cement_kiln"], "pollutant": "nox", "limit_mg_m3": 100, "basis": "reference_o2", "reference_o2_pct": 10, "comparison": "below", {{Source}} },
                    { "id": "test.cement.b.kiln_cems", "industry": "cement", "grade": "B", "category": "monitoring", "facility_kinds": ["cement_kiln"], "pollutant": "nox", {{Source}} },
                    { "id": "test.cement.c.kiln_pm", "industry": "cement", "grade": "C", "category": "concentration", "facility_kinds": ["cement_kiln"], "pollutant": "pm", "limit_mg_m3": 1000000, "basis": "reference_o2", "reference_o2_pct": 10, {{Source}} }
                  ]
                }
                """);
            string[] ferroalloy = Ferroalloy;
            File.WriteAllText(Path.Combine(folder, "facts.json"), $$"""
                [
                  { "enterprise_id": "{{ferroalloy[0]}}", "source": "test survey", "facts": { "closed_storage": true, "china_v_or_better_truck_share_pct": 10 } },
                  { "enterprise_id": "{{ferroalloy[1]}}", "facts": { "closed_storage": null, "china_v_or_better_truck_share_pct": 90 } }
                ]
                """);
        }
    }
}
