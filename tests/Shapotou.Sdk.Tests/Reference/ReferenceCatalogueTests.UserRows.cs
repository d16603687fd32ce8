using System.Text;
using System.Text.Json;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Tests.Reference;

public sealed partial class ReferenceCatalogueTests
{
    private const string Source = "user catalogue.json";

    private static IReadOnlyList<ReferenceValue> ReadUser(string json) =>
        ReferenceCatalogueJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), ReferenceOrigin.User, Source);

    private static string Row(string fields) => "[{" + fields + "}]";

    private const string GoodFields =
        "\"key\": \"carbon.grid_factor.ningxia\", \"value\": 0.6, \"unit\": \"tCO2/MWh\", \"source\": \"MEE/NBS notice for data year 2024\", " +
        "\"confidence\": \"P\", \"valid_from\": \"2024-01-01\", \"valid_to\": \"2024-12-31\"";

    [Fact]
    public void WithUserValues_NewerDatedRow_IsFoundWithoutRecompiling()
    {
        var date = new DateOnly(2024, 6, 30);
        Assert.False(s_builtin.TryGet("carbon.grid_factor.ningxia", date, out _));

        ReferenceCatalogue catalogue = s_builtin.WithUserValues(ReadUser(Row(GoodFields)));

        ReferenceValue row = catalogue.Get("carbon.grid_factor.ningxia", date);
        Assert.Equal(0.6, row.Value);
        Assert.Equal(ReferenceOrigin.User, row.Origin);
        Assert.Equal(0.6423, catalogue.Get("carbon.grid_factor.ningxia", new DateOnly(2022, 6, 30)).Value);
    }

    [Fact]
    public void WithUserValues_SameKeyAndDate_UserRowWins()
    {
        ReferenceCatalogue catalogue = s_builtin.WithUserValues(ReadUser(Row(
            "\"key\": \"energy.coefficient.electricity.equivalent\", \"value\": 0.1228, \"unit\": \"kgce/kWh\", " +
            "\"source\": \"site energy audit\", \"confidence\": \"S\", \"valid_from\": null, \"valid_to\": null")));

        Assert.Equal(0.1228, catalogue.Get("energy.coefficient.electricity.equivalent", new DateOnly(2024, 1, 1)).Value);
        Assert.Equal(2, catalogue.Values.Count(v => v.Key == "energy.coefficient.electricity.equivalent"));
    }

    [Fact]
    public void WithUserValues_OverlappingUserRows_IsAnError()
    {
        IReadOnlyList<ReferenceValue> rows = ReadUser(
            "[{" + GoodFields + "}, {" + GoodFields.Replace("\"2024-01-01\"", "\"2024-12-31\"", StringComparison.Ordinal).Replace("\"2024-12-31\"}", "null}", StringComparison.Ordinal) + "}]");

        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => s_builtin.WithUserValues(rows));

        Assert.Equal(
            "Catalogue rows for 'carbon.grid_factor.ningxia' (user) overlap: one is valid 2024-01-01 to 2024-12-31, another 2024-12-31 to 2024-12-31; expected one row in force on any date.",
            error.Message);
    }

    [Fact]
    public void Write_ThenRead_ReturnsIdenticalRows()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ReferenceCatalogueJson.Write(writer, s_builtin.Values);
        }

        buffer.Position = 0;
        IReadOnlyList<ReferenceValue> read = ReferenceCatalogueJson.Read(buffer, ReferenceOrigin.Builtin, "round trip");

        Assert.Equal(s_builtin.Values, read);
    }

    [Theory]
    [InlineData(
        "\"key\": \"energy.coefficient.coke\", \"value\": 0.9714, \"unit\": \"kgce/kilogram\", \"source\": \"x\", \"confidence\": \"S\"",
        "Catalogue 'user catalogue.json', row 1 (key 'energy.coefficient.coke'): field 'unit' is 'kgce/kilogram'; expected one of ")] // unknown unit name
    [InlineData(
        "\"key\": \"energy.coefficient.coke\", \"value\": \"NaN\", \"unit\": \"kgce/kg\", \"source\": \"x\", \"confidence\": \"S\"",
        "Catalogue 'user catalogue.json', row 1 (key 'energy.coefficient.coke'): field 'value' is \"NaN\"; expected a number, or null for a prohibition.")] // non-finite value
    [InlineData(
        "\"key\": \"energy.coefficient.coke\", \"value\": 0.9714, \"unit\": \"kgce/kg\", \"source\": \" \", \"confidence\": \"S\"",
        "Catalogue 'user catalogue.json', row 1 (key 'energy.coefficient.coke'): Source of 'energy.coefficient.coke' is empty; every value needs the document, clause or table it comes from.")] // no source
    [InlineData(
        "\"key\": \"energy.coefficient.coke\", \"value\": 0.9714, \"unit\": \"kgce/kg\", \"source\": \"x\", \"confidence\": \"R\"",
        "Catalogue 'user catalogue.json', row 1 (key 'energy.coefficient.coke'): field 'confidence' is 'R'; expected P, S+ or S (values known only from recollection or not found are caller inputs, not catalogue rows).")] // recollection is never a value
    [InlineData(
        "\"key\": \"Energy.Coke\", \"value\": 0.9714, \"unit\": \"kgce/kg\", \"source\": \"x\", \"confidence\": \"S\"",
        "Catalogue 'user catalogue.json', row 1 (key 'Energy.Coke'): Key 'Energy.Coke' is malformed; expected dotted lower-case ASCII with at least three segments of [a-z0-9_], such as 'energy.coefficient.coke'.")] // bad key
    [InlineData(
        "\"key\": \"energy.coefficient.coke\", \"vaule\": 0.9714, \"unit\": \"kgce/kg\", \"source\": \"x\", \"confidence\": \"S\"",
        "Catalogue 'user catalogue.json', row 1 (key 'energy.coefficient.coke'): key 'vaule' at $[0].vaule is unknown; did you mean 'value'?")] // misspelt field
    [InlineData(
        "\"key\": \"energy.coefficient.coke\", \"value\": null, \"unit\": \"kgce/kg\", \"source\": \"x\", \"confidence\": \"S\"",
        "Catalogue 'user catalogue.json', row 1 (key 'energy.coefficient.coke'): Value of 'energy.coefficient.coke' is null; expected a number, or prohibited = true for a prohibition.")] // null without prohibition
    [InlineData(
        "\"key\": \"energy.coefficient.coke\", \"value\": 1, \"unit\": \"kgce/kg\", \"source\": \"x\", \"confidence\": \"S\", \"valid_from\": \"2024-02-01\", \"valid_to\": \"2024-01-01\"",
        "Catalogue 'user catalogue.json', row 1 (key 'energy.coefficient.coke'): Validity of 'energy.coefficient.coke' ends on 2024-01-01, before it starts on 2024-02-01.")] // reversed validity
    [InlineData(
        "\"key\": \"energy.coefficient.coke\", \"value\": 1, \"unit\": \"kgce/kg\", \"source\": \"x\", \"confidence\": \"S\", \"valid_from\": \"01/02/2024\"",
        "Catalogue 'user catalogue.json', row 1 (key 'energy.coefficient.coke'): field 'valid_from' is '01/02/2024'; expected a date YYYY-MM-DD or null.")] // ambiguous date
    [InlineData(
        "\"value\": 1, \"unit\": \"kgce/kg\", \"source\": \"x\", \"confidence\": \"S\"",
        "Catalogue 'user catalogue.json', row 1: field 'key' is missing at $[0]; expected a catalogue key as a string.")] // no key
    [InlineData(
        "\"key\": 12, \"value\": 1, \"unit\": \"kgce/kg\", \"source\": \"x\", \"confidence\": \"S\"",
        "Catalogue 'user catalogue.json', row 1: field 'key' at $[0].key is 12; expected a catalogue key as a string.")] // key not a string
    [InlineData(
        "\"key\": \"energy.coefficient.coke\", \"value\": 1, \"unit\": 5, \"source\": \"x\", \"confidence\": \"S\"",
        "Catalogue 'user catalogue.json', row 1 (key 'energy.coefficient.coke'): field 'unit' is 5; expected a string.")] // unit not a string
    [InlineData(
        "\"key\": \"energy.coefficient.coke\", \"value\": 1, \"unit\": \"kgce/kg\", \"source\": \"x\", \"confidence\": \"S\", \"prohibited\": \"no\"",
        "Catalogue 'user catalogue.json', row 1 (key 'energy.coefficient.coke'): field 'prohibited' is \"no\"; expected true or false.")] // prohibited not a boolean
    [InlineData(
        "\"key\": \"energy.coefficient.coke\", \"value\": 1, \"unit\": \"kgce/kg\", \"source\": \"x\", \"confidence\": \"S\", \"note\": [1]",
        "Catalogue 'user catalogue.json', row 1 (key 'energy.coefficient.coke'): field 'note' is an array; expected a string or null.")] // note not a string
    public void Read_MalformedRow_NamesFileRowKeyFieldExpectedAndActual(string fields, string expectedMessage)
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => ReadUser(Row(fields)));

        Assert.StartsWith(expectedMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NumberTooLargeForDouble_IsRejectedAsNotFinite()
    {
        // 1e400 overflows to infinity in a double; the reader must not let an infinite value in.
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => ReadUser(Row(
            "\"key\": \"energy.coefficient.coke\", \"value\": 1e400, \"unit\": \"kgce/kg\", \"source\": \"x\", \"confidence\": \"S\"")));

        Assert.Equal("Catalogue 'user catalogue.json', row 1 (key 'energy.coefficient.coke'): field 'value' is 1e400; expected a finite number.", error.Message);
    }

    [Fact]
    public void Read_NotJson_NamesFileLineAndByteInOneSentence()
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => ReadUser("[\n  {\"key\": }]"));

        // One sentence, 1-based line and byte, without the parser's own wording.
        Assert.Equal("Catalogue 'user catalogue.json' is not valid JSON at line 2, byte 11.", error.Message);
    }

    [Fact]
    public void Read_ObjectInsteadOfArray_IsRejectedInWords()
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => ReadUser("{}"));

        Assert.Equal("Catalogue 'user catalogue.json': the root ($) is an object; expected an array of rows.", error.Message);
    }

    [Theory]
    [InlineData("[12]", "Catalogue 'user catalogue.json', row 1: $[0] is 12; expected an object.")]
    [InlineData("[{\"key\": \"energy.coefficient.coke\", \"value\": 0.9714, \"unit\": \"kgce/kg\", \"source\": \"x\", \"confidence\": \"S\"}, \"row\"]", "Catalogue 'user catalogue.json', row 2: $[1] is \"row\"; expected an object.")]
    public void Read_RowNotAnObject_NamesItsPathAndValueInWords(string json, string message)
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => ReadUser(json));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Read_OriginInFile_IsIgnoredSoUserRowsNeverPassForBuiltin()
    {
        IReadOnlyList<ReferenceValue> rows = ReadUser(Row(GoodFields + ", \"origin\": \"builtin\""));

        Assert.Equal(ReferenceOrigin.User, rows[0].Origin);
    }

    [Fact]
    public void Constructor_NonFiniteValue_NamesKeyAndValue()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new ReferenceValue(
            "energy.coefficient.coke", double.PositiveInfinity, ReferenceUnit.Parse("kgce/kg"), "x", ReferenceConfidence.Secondary));

        Assert.Equal("Value of 'energy.coefficient.coke' must be a finite number; it is Infinity. (Parameter 'value')", error.Message);
    }

    [Fact]
    public void ReferenceUnitParse_UnknownSymbol_ListsTheVocabulary()
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => ReferenceUnit.Parse("kWh/kg"));

        Assert.StartsWith("Unit 'kWh/kg' is not a catalogue unit; expected one of kgce/kWh, kgce/MJ, ", error.Message, StringComparison.Ordinal);
    }
}
