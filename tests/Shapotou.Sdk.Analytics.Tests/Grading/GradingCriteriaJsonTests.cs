using System.Text;
using Shapotou.Sdk.Analytics.Grading;
using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Analytics.Tests.Grading;

public sealed class GradingCriteriaJsonTests
{
    private const string Pm = """{ "id": "a.pm", "industry": "ferroalloy", "grade": "A", "category": "concentration", "facility_kinds": ["submerged_arc_furnace"], "pollutant": "pm", "limit_mg_m3": 10, "basis": "measured", "source": "test", "mark": "illustrative" }""";

    [Fact]
    public void CementExample_HoldsTheCatalogueRowsAndMeasures_AndSaysWhatIsOmitted()
    {
        GradingCriteria table = GradingCriteria.CementExample();

        IndustryCriteria cement = Assert.Single(table.Industries);
        Assert.False(cement.Illustrative);
        Assert.Equal(["3011"], cement.IndustryCodes);
        Assert.Equal([PerformanceGrade.A, PerformanceGrade.B, PerformanceGrade.C, PerformanceGrade.D], cement.Grades);
        Assert.Equal(9, cement.Criteria.Count);
        Assert.All(cement.Criteria, c => Assert.NotNull(c.LimitKey));
        Assert.All(cement.Criteria, c => Assert.Equal("emissions.reference_o2.cement_kiln", c.ReferenceOxygenKey));
        Assert.All(cement.Criteria, c => Assert.NotNull(c.Assumption));
        Assert.Equal(
            ["emissions.limit.cement_ultra_low_2024.kiln.pm", "emissions.limit.cement_ultra_low_2024.kiln.so2", "emissions.limit.cement_ultra_low_2024.kiln.nox"],
            cement.Criteria.Where(c => c.Grade == PerformanceGrade.A).Select(c => c.LimitKey));
        Assert.Equal(["S", "S", "S", "C", "C", "C", "C", "C", "C"], cement.Criteria.Select(c => c.Mark));
        Assert.Equal(4, cement.Measures.Count);
        Assert.All(cement.Measures, m => Assert.Equal("S", m.Mark));
        Assert.Contains(cement.Omitted, o => o.StartsWith("Treatment-technology, monitoring, fugitive-control and transport", StringComparison.Ordinal));

        // The thresholds the rows name are the published figures (emissions.md §1.2, §1.3).
        double[] values = [.. cement.Criteria.Select(c => GradingFixture.Catalogue.Get(c.LimitKey!, GradingFixture.AsOf).GetValue())];
        Assert.Equal([10.0, 35, 50, 20, 100, 320, 30, 200, 400], values);
    }

    [Fact]
    public void FerroalloyExample_IsLabelledIllustrative()
    {
        IndustryCriteria ferroalloy = Assert.Single(GradingCriteria.FerroalloyIllustrativeExample().Industries);

        Assert.True(ferroalloy.Illustrative);
        Assert.StartsWith("ILLUSTRATIVE", ferroalloy.Label, StringComparison.Ordinal);
        Assert.Equal([PerformanceGrade.A, PerformanceGrade.B, PerformanceGrade.BMinus, PerformanceGrade.C], ferroalloy.Grades);
        Assert.All(ferroalloy.Criteria, c => Assert.Equal("illustrative", c.Mark));
        Assert.Equal(
            [CriterionCategory.Concentration, CriterionCategory.Treatment, CriterionCategory.Monitoring, CriterionCategory.Fugitive, CriterionCategory.Transport],
            ferroalloy.Criteria.Select(c => c.Category).Distinct().Order());
    }

    [Fact]
    public void Read_FactAndTreatmentRows_ParseEveryField()
    {
        GradingCriteria table = GradingFixture.Parse(GradingFixture.Table(
            """{ "id": "b.trucks", "industry": "ferroalloy", "grade": "B", "category": "transport", "fact": "truck_share_pct", "at_least": 50, "at_most": 100, "unit": "%", "source": "s", "mark": "S" }""",
            """{ "id": "b.nox", "industry": "ferroalloy", "grade": "B", "category": "treatment", "facility_kinds": ["boiler", "dryer"], "pollutant": "nox", "treatment_any_of": ["scr", "sncr"], "source": "s", "mark": "P" }""",
            """{ "id": "b.cems", "industry": "ferroalloy", "grade": "B", "category": "monitoring", "facility_kinds": ["boiler"], "pollutant": "nh3", "source": "s", "mark": "S+" }"""));

        GradingCriterion[] rows = [.. table.Industries[0].Criteria];
        Assert.Equal(("truck_share_pct", 50.0, 100.0, "%"), (rows[0].Fact, rows[0].FactAtLeast!.Value, rows[0].FactAtMost!.Value, rows[0].FactUnit));
        Assert.Equal([TreatmentKind.Scr, TreatmentKind.Sncr], rows[1].TreatmentKinds);
        Assert.Equal([FacilityKind.Boiler, FacilityKind.Dryer], rows[1].FacilityKinds);
        Assert.Equal(Pollutant.Nh3, rows[2].Pollutant);
    }

    [Theory]
    // A pollutant CEMS does not carry is refused for a concentration row.
    [InlineData("\"pollutant\": \"pm\"", "\"pollutant\": \"nh3\"", "Grading criteria 'test.json', criteria row 1 (id 'a.pm'): field 'pollutant' is 'nh3'; expected one of pm, so2, nox.")]
    // Both a literal threshold and a catalogue key.
    [InlineData("\"limit_mg_m3\": 10", "\"limit_mg_m3\": 10, \"limit_key\": \"emissions.limit.x.y\"", "Grading criteria 'test.json', criteria row 1 (id 'a.pm'): fields 'limit_mg_m3' and 'limit_key' are both given; expected exactly one (a threshold in mg/m3, or a catalogue key).")]
    // Neither.
    [InlineData("\"limit_mg_m3\": 10,", "", "Grading criteria 'test.json', criteria row 1 (id 'a.pm'): fields 'limit_mg_m3' and 'limit_key' are both missing; expected exactly one (a threshold in mg/m3, or a catalogue key).")]
    // A negative threshold.
    [InlineData("\"limit_mg_m3\": 10", "\"limit_mg_m3\": -1", "Grading criteria 'test.json', criteria row 1 (id 'a.pm'): field 'limit_mg_m3' is -1; expected a finite number of mg/m3, at least 0.")]
    // A reference-O2 basis without the O2.
    [InlineData("\"basis\": \"measured\"", "\"basis\": \"reference_o2\"", "Grading criteria 'test.json', criteria row 1 (id 'a.pm'): field 'basis' is 'reference_o2'; expected exactly one of 'reference_o2_pct' and 'reference_o2_key'.")]
    // An O2 of 21 % or more.
    [InlineData("\"basis\": \"measured\"", "\"basis\": \"reference_o2\", \"reference_o2_pct\": 21", "Grading criteria 'test.json', criteria row 1 (id 'a.pm'): field 'reference_o2_pct' is 21; expected at least 0 and below 21.")]
    // A misspelt field.
    [InlineData("\"basis\": \"measured\"", "\"basis\": \"measured\", \"limt\": 3", "Grading criteria 'test.json', criteria row 1 (id 'a.pm'): key 'limt' at $.criteria[0].limt is unknown; expected one of id, industry, grade, category, description, source, mark, assumption, facility_kinds, pollutant, limit_mg_m3, limit_key, basis, reference_o2_pct, reference_o2_key, comparison.")]
    // A field of another category.
    [InlineData("\"basis\": \"measured\"", "\"basis\": \"measured\", \"fact\": \"x\"", "Grading criteria 'test.json', criteria row 1 (id 'a.pm'): field 'fact' does not apply to a concentration criterion; expected only id, industry, grade, category, description, source, mark, assumption, facility_kinds, pollutant, limit_mg_m3, limit_key, basis, reference_o2_pct, reference_o2_key, comparison.")]
    // The floor carries no criteria.
    [InlineData("\"grade\": \"A\"", "\"grade\": \"C\"", "Grading criteria 'test.json', criteria row 1 (id 'a.pm'): field 'grade' is 'C', the floor of industry 'ferroalloy'; the floor has no criteria (it is given when no better grade is attained).")]
    // A grade outside the ladder.
    [InlineData("\"grade\": \"A\"", "\"grade\": \"B-\"", "Grading criteria 'test.json', criteria row 1 (id 'a.pm'): field 'grade' is 'B-'; expected a grade of the industry's ladder (A, B, C).")]
    // An unknown facility kind.
    [InlineData("[\"submerged_arc_furnace\"]", "[\"arc_furnace\"]", "Grading criteria 'test.json', criteria row 1 (id 'a.pm'): field 'facility_kinds' holds 'arc_furnace'; expected facility kinds among submerged_arc_furnace, carbide_furnace, cement_kiln, ceramic_kiln, lime_kiln, boiler, hot_air_furnace, dryer, other.")]
    // An unknown mark.
    [InlineData("\"mark\": \"illustrative\"", "\"mark\": \"R\"", "Grading criteria 'test.json', criteria row 1 (id 'a.pm'): field 'mark' is 'R'; expected one of P, C, S+, S, illustrative.")]
    // An industry the table does not declare.
    [InlineData("\"industry\": \"ferroalloy\", \"grade\"", "\"industry\": \"cement\", \"grade\"", "Grading criteria 'test.json', criteria row 1 (id 'a.pm'): field 'industry' is 'cement'; expected an industry of the table (ferroalloy).")]
    public void Read_BadCriterion_NamesTheRowAndField(string find, string replace, string message)
    {
        string json = GradingFixture.Table(Pm.Replace(find, replace, StringComparison.Ordinal));

        ShapotouDataException e = Assert.Throws<ShapotouDataException>(() => GradingFixture.Parse(json));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Read_SecondRowRepeatsAnId_NamesRowTwo()
    {
        ShapotouDataException e = Assert.Throws<ShapotouDataException>(() => GradingFixture.Parse(GradingFixture.Table(Pm, Pm)));

        Assert.Equal("Grading criteria 'test.json', criteria row 2 (id 'a.pm'): field 'id' repeats an earlier row; expected unique ids.", e.Message);
    }

    [Theory]
    // Grades out of order.
    [InlineData("\"industry_codes\": [\"3140\"], \"grades\": [\"B\", \"A\"]", "Grading criteria 'test.json', industries row 1 (industry 'ferroalloy'): field 'grades' lists 'A' after 'B'; expected distinct grades, best first (performance_leading, A, B, B-, C, D).")]
    // A one-grade ladder.
    [InlineData("\"industry_codes\": [\"3140\"], \"grades\": [\"A\"]", "Grading criteria 'test.json', industries row 1 (industry 'ferroalloy'): field 'grades' has 1 grade(s); expected at least two, best first, the last being the floor.")]
    // An industry code that is not a GB/T 4754 class.
    [InlineData("\"industry_codes\": [\"314\"], \"grades\": [\"A\", \"C\"]", "Grading criteria 'test.json', industries row 1 (industry 'ferroalloy'): field 'industry_codes' holds '314'; expected GB/T 4754-2017 classes of four digits, such as \"3011\".")]
    // An illustrative industry without its label.
    [InlineData("\"industry_codes\": [\"3140\"], \"grades\": [\"A\", \"C\"], \"illustrative\": true", "Grading criteria 'test.json', industries row 1 (industry 'ferroalloy'): field 'label' is missing; an illustrative industry must carry a label that every result shows.")]
    public void Read_BadIndustry_NamesTheRowAndField(string fields, string message)
    {
        string json = $$"""
            { "name": "t", "industries": [ { "industry": "ferroalloy", "source": "s", {{fields}} } ], "criteria": [] }
            """;

        ShapotouDataException e = Assert.Throws<ShapotouDataException>(() => GradingFixture.Parse(json));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Read_MalformedJson_NamesTheLineAndByteInOneSentence()
    {
        ShapotouDataException e = Assert.Throws<ShapotouDataException>(() => GradingFixture.Parse("{\n  \"name\": \"t\",\n  \"industries\": [ x ]\n}"));

        // One sentence, 1-based line and byte, without the parser's own wording.
        Assert.Equal("Grading criteria 'test.json' is not valid JSON at line 3, byte 19.", e.Message);
    }

    [Theory]
    // The root of the wrong kind, in words.
    [InlineData("[]", "Grading criteria 'test.json': the root ($) is an array; expected an object with name, industries and criteria.")]
    [InlineData("\"t\"", "Grading criteria 'test.json': the root ($) is a string; expected an object with name, industries and criteria.")]
    // A row of the wrong kind: its JSON path and its value.
    [InlineData("{ \"name\": \"t\", \"industries\": [ 7 ], \"criteria\": [] }", "Grading criteria 'test.json', industries row 1: $.industries[0] is 7; expected an object.")]
    [InlineData("{ \"name\": \"t\", \"industries\": [], \"criteria\": [ [1] ] }", "Grading criteria 'test.json', criteria row 1: $.criteria[0] is an array; expected an object.")]
    // A field that should be an array.
    [InlineData("{ \"name\": \"t\", \"industries\": {}, \"criteria\": [] }", "Grading criteria 'test.json': field 'industries' is an object; expected an array.")]
    [InlineData("{ \"name\": \"t\", \"industries\": [] }", "Grading criteria 'test.json': field 'criteria' is missing; expected an array.")]
    // A string field holding an object.
    [InlineData("{ \"name\": {}, \"industries\": [], \"criteria\": [] }", "Grading criteria 'test.json': field 'name' is an object; expected a non-empty string.")]
    public void Read_WrongKind_NamesThePathAndKindInWords(string json, string message)
    {
        ShapotouDataException e = Assert.Throws<ShapotouDataException>(() => GradingFixture.Parse(json));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Combine_SameIndustryTwice_IsRejected()
    {
        ShapotouDataException e = Assert.Throws<ShapotouDataException>(() =>
            GradingCriteria.Combine("x", GradingCriteria.FerroalloyIllustrativeExample(), GradingCriteria.FerroalloyIllustrativeExample()));

        Assert.Equal("Grading criteria 'ferroalloy-illustrative-example': industry 'ferroalloy' is already defined by another table; expected each industry once.", e.Message);
    }

    [Fact]
    public void Grade_CatalogueKeyNotInForce_NamesTheCriterionAndKey()
    {
        GradingCriteria criteria = GradingFixture.Parse(GradingFixture.Table(
            Pm.Replace("\"limit_mg_m3\": 10", "\"limit_key\": \"emissions.limit.gb28666.table_1.furnace.pm\"", StringComparison.Ordinal)));

        ShapotouDataException e = Assert.Throws<ShapotouDataException>(() => GradingFixture.Grade(GradingFixture.Create(), criteria));

        Assert.Equal("Grading criteria 't', criterion 'a.pm': field 'limit_key' is 'emissions.limit.gb28666.table_1.furnace.pm', which the catalogue does not hold in force on 2025-01-01.", e.Message);
    }
}
