using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Tests.Model;

public sealed class EmissionFactorTests
{
    private const string RowId = "Emission factor '3140/FeSi75/semi_closed_furnace/pm'";

    private static EmissionFactor Create(
        string industryCode = "3140",
        string product = "FeSi75",
        string process = "semi_closed_furnace",
        string pollutant = "pm",
        double factor = 2.5,
        string activity = "output",
        string source = "Site emission factor study 2023, Table 3") =>
        new(industryCode, product, process, pollutant, factor, activity, source);

    [Fact]
    public void Constructor_ValidRow_KeepsEveryValue()
    {
        var factor = new EmissionFactor("2619", "CaC2", "closed_furnace", "co2", 1.154, "output", "Site study, Table 2");

        Assert.Equal("2619", factor.IndustryCode);
        Assert.Equal("CaC2", factor.Product);
        Assert.Equal("closed_furnace", factor.Process);
        Assert.Equal("co2", factor.Pollutant);
        Assert.Equal(1.154, factor.Factor);
        Assert.Equal("output", factor.Activity);
        Assert.Equal("Site study, Table 2", factor.Source);
    }

    [Fact]
    public void Constructor_ZeroFactor_IsAccepted()
    {
        Assert.Equal(0, Create(factor: 0).Factor);
    }

    [Theory]
    [InlineData("natural_gas")] // a volume column of the energy ledger
    [InlineData("output")] // the product column
    public void Constructor_LedgerColumnAsActivity_IsAccepted(string activity)
    {
        Assert.Equal(activity, Create(activity: activity).Activity);
    }

    [Theory]
    [InlineData("")] // empty: every factor needs its document
    [InlineData(" ")] // blank
    [InlineData(" Site study")] // leading space
    [InlineData(null)] // missing
    public void Constructor_NoSource_IsRejected(string? source)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(source: source!));

        Assert.Equal("source", error.ParamName);
        Assert.Equal(
            $"{RowId}: source is '{source}'; expected non-empty text without surrounding spaces. (Parameter 'source')",
            error.Message);
    }

    [Theory]
    [InlineData(-0.1, "-0.1")] // negative
    [InlineData(double.NaN, "NaN")] // not a number
    [InlineData(double.PositiveInfinity, "Infinity")] // not finite
    [InlineData(double.NegativeInfinity, "-Infinity")] // not finite, negative
    public void Constructor_BadFactor_IsRejected(double value, string shown)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(factor: value));

        Assert.Equal("factor", error.ParamName);
        Assert.Equal(
            $"{RowId}: factor is {shown}; expected a finite value of at least 0. (Parameter 'factor')",
            error.Message);
    }

    [Theory]
    [InlineData("process", "Semi Closed Furnace")] // a label, not a name
    [InlineData("process", "semi-closed")] // a hyphen
    [InlineData("pollutant", "PM")] // upper case
    [InlineData("pollutant", "SO2")] // the chemist's spelling
    [InlineData("activity", "Output")] // capitalised
    [InlineData("activity", "")] // empty
    public void Constructor_NameNotLowerCaseAscii_IsRejected(string field, string value)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => field switch
        {
            "process" => Create(process: value),
            "pollutant" => Create(pollutant: value),
            _ => Create(activity: value),
        });

        string id = field switch
        {
            "process" => $"3140/FeSi75/{value}/pm",
            "pollutant" => $"3140/FeSi75/semi_closed_furnace/{value}",
            _ => "3140/FeSi75/semi_closed_furnace/pm",
        };
        Assert.Equal(field, error.ParamName);
        Assert.Equal(
            $"Emission factor '{id}': {field} is '{value}'; expected lower-case ASCII such as 'zhenluo' or 'natural_gas'. (Parameter '{field}')",
            error.Message);
    }

    [Theory]
    [InlineData("")] // empty
    [InlineData("3140 ")] // trailing space
    [InlineData("314")] // three digits: such a factor could never match an enterprise
    [InlineData("31a0")] // not all digits
    public void Constructor_BadIndustryCode_IsRejected(string industryCode)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(industryCode: industryCode));

        Assert.Equal("industryCode", error.ParamName);
        Assert.Equal(
            $"Emission factor '{industryCode}/FeSi75/semi_closed_furnace/pm': industry_code is '{industryCode}'; expected a GB/T 4754-2017 class of four digits, such as '3140'. (Parameter 'industryCode')",
            error.Message);
    }

    [Theory]
    [InlineData("")] // empty
    [InlineData(" FeSi75")] // leading space
    public void Constructor_BadProduct_IsRejected(string product)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(product: product));

        Assert.Equal("product", error.ParamName);
        Assert.Equal(
            $"Emission factor '3140/{product}/semi_closed_furnace/pm': product is '{product}'; expected non-empty text without surrounding spaces. (Parameter 'product')",
            error.Message);
    }
}
