using System.Text;
using Shapotou.Sdk.Analytics.Grading;

namespace Shapotou.Sdk.Analytics.Tests.Grading;

public sealed class EnterpriseFactsTests
{
    [Fact]
    public void Read_FlagsNumbersAndNulls()
    {
        IReadOnlyList<EnterpriseFacts> facts = Read("""
            [ { "enterprise_id": "FA", "source": "survey 2025", "facts": { "closed_storage": true, "china_v_or_better_truck_share_pct": 62.5, "road_hardening": null } } ]
            """);

        EnterpriseFacts fa = Assert.Single(facts);
        Assert.Equal("survey 2025", fa.Source);
        Assert.True(fa.Facts["closed_storage"].Flag);
        Assert.Equal(62.5, fa.Facts["china_v_or_better_truck_share_pct"].Number);
        Assert.False(fa.Facts.ContainsKey("road_hardening")); // null is unknown, as if absent
    }

    [Theory]
    // A fact that is neither yes/no, a number nor null.
    [InlineData("""[ { "enterprise_id": "FA", "facts": { "closed_storage": "yes" } } ]""", "Enterprise facts 'facts.json', row 1 (enterprise 'FA'): fact 'closed_storage' is \"yes\"; expected true, false, a finite number, or null for unknown.")]
    // An enterprise twice.
    [InlineData("""[ { "enterprise_id": "FA", "facts": {} }, { "enterprise_id": "FA", "facts": {} } ]""", "Enterprise facts 'facts.json', row 2 (enterprise 'FA'): field 'enterprise_id' repeats an earlier row; expected one row per enterprise.")]
    // A misspelt field.
    [InlineData("""[ { "enterprise_id": "FA", "fact": {} } ]""", "Enterprise facts 'facts.json', row 1 (enterprise 'FA'): key 'fact' at $[0].fact is unknown; did you mean 'facts'?")]
    // A fact name that is not snake_case.
    [InlineData("""[ { "enterprise_id": "FA", "facts": { "Closed Storage": true } } ]""", "Enterprise facts 'facts.json', row 1 (enterprise 'FA'): fact 'Closed Storage' is not a lower-case snake_case name.")]
    // The root of the wrong kind, in words.
    [InlineData("""{ "enterprise_id": "FA" }""", "Enterprise facts 'facts.json': the root ($) is an object; expected an array of enterprises.")]
    // A row of the wrong kind: its JSON path and its value.
    [InlineData("""[ { "enterprise_id": "FA" }, "FB" ]""", "Enterprise facts 'facts.json', row 2: $[1] is \"FB\"; expected an object.")]
    // Fields of the wrong kind.
    [InlineData("""[ { "enterprise_id": "FA", "facts": [] } ]""", "Enterprise facts 'facts.json', row 1 (enterprise 'FA'): field 'facts' is an array; expected an object of facts.")]
    [InlineData("""[ { "enterprise_id": "FA", "source": 3 } ]""", "Enterprise facts 'facts.json', row 1 (enterprise 'FA'): field 'source' is 3; expected a string.")]
    // Not JSON: one sentence with the 1-based line and byte.
    [InlineData("[\n  { \"enterprise_id\": FA }\n]", "Enterprise facts 'facts.json' is not valid JSON at line 2, byte 22.")]
    public void Read_BadFacts_NameTheRowAndFact(string json, string message)
    {
        ShapotouDataException e = Assert.Throws<ShapotouDataException>(() => Read(json));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Grade_FactsOfAnEnterpriseNotInTheDataset_AreRejected()
    {
        EnterpriseFacts[] facts = [new EnterpriseFacts("ZZ", new Dictionary<string, FactValue>())];

        ShapotouDataException e = Assert.Throws<ShapotouDataException>(() =>
            GradingFixture.Grade(GradingFixture.Create(), GradingCriteria.FerroalloyIllustrativeExample(), facts));

        Assert.Equal("Enterprise facts, entry 0: enterprise_id 'ZZ' is not in table 'enterprises' of dataset 'grading-fixture'.", e.Message);
    }

    [Fact]
    public void Grade_NumberWhereAYesNoFactIsExpected_IsRejected()
    {
        EnterpriseFacts[] facts = [new EnterpriseFacts("FA", new Dictionary<string, FactValue> { ["closed_storage"] = FactValue.Of(1.0), ["china_v_or_better_truck_share_pct"] = FactValue.Of(90.0) })];

        ShapotouDataException e = Assert.Throws<ShapotouDataException>(() =>
            GradingFixture.Grade(GradingFixture.Create(), GradingCriteria.FerroalloyIllustrativeExample(), facts));

        Assert.Equal("Enterprise facts, enterprise 'FA': fact 'closed_storage' is the number 1; criterion 'ferroalloy.b.closed_storage' expects true or false.", e.Message);
    }

    private static IReadOnlyList<EnterpriseFacts> Read(string json) =>
        EnterpriseFacts.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "facts.json");
}
