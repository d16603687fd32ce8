using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Tests.Model;

public sealed class EnterpriseTests
{
    private const string CreditCode = "91640500MA76L2K3XY";

    private static Enterprise Create(
        string enterpriseId = "yx",
        string name = "Yuanxin Ferroalloy",
        string township = "zhenluo",
        string industryCode = "3140",
        string? nameZh = "元鑫铁合金",
        string? creditCode = CreditCode,
        string? permitNumber = "91640500MA76L2K3XY001P",
        double? outputValue = 12_345.6) =>
        new(enterpriseId, name, township, industryCode, aboveScale: true, nameZh, creditCode, permitNumber, outputValue);

    [Fact]
    public void Constructor_ValidRow_KeepsEveryValue()
    {
        var enterprise = new Enterprise(
            "yx", "Yuanxin Ferroalloy", "zhenluo", "3140", aboveScale: true, "元鑫铁合金", CreditCode, "91640500MA76L2K3XY001P", 12_345.6);

        Assert.Equal("yx", enterprise.EnterpriseId);
        Assert.Equal("Yuanxin Ferroalloy", enterprise.Name);
        Assert.Equal("zhenluo", enterprise.Township);
        Assert.Equal("3140", enterprise.IndustryCode);
        Assert.True(enterprise.AboveScale);
        Assert.Equal("元鑫铁合金", enterprise.NameZh);
        Assert.Equal(CreditCode, enterprise.CreditCode);
        Assert.Equal("91640500MA76L2K3XY001P", enterprise.PermitNumber);
        Assert.Equal(12_345.6, enterprise.OutputValue10kYuan);
    }

    [Fact]
    public void Constructor_OptionalFieldsOmitted_AreNull()
    {
        var enterprise = new Enterprise("hs", "Huasheng Carbide", "zhenluo", "2619", aboveScale: false);

        Assert.False(enterprise.AboveScale);
        Assert.Null(enterprise.NameZh);
        Assert.Null(enterprise.CreditCode);
        Assert.Null(enterprise.PermitNumber);
        Assert.Null(enterprise.OutputValue10kYuan);
    }

    [Fact]
    public void Equality_SameFields_AreEqualRecords()
    {
        Assert.Equal(Create(), Create());
        Assert.NotEqual(Create(), Create(township: "xuanhe"));
    }

    [Theory]
    [InlineData("0000")] // four digits, whatever they are
    [InlineData("2619")] // calcium carbide manufacturing
    public void Constructor_FourDigitIndustryCode_IsAccepted(string industryCode)
    {
        Assert.Equal(industryCode, Create(industryCode: industryCode).IndustryCode);
    }

    [Theory]
    [InlineData("zhenluo")] // plain pinyin
    [InlineData("xuanhe_2")] // digits and underscores after the first letter
    public void Constructor_LowerCaseAsciiTownship_IsAccepted(string township)
    {
        Assert.Equal(township, Create(township: township).Township);
    }

    [Theory]
    [InlineData("0123456789ABCDEFGH")] // digits and the first letters
    [InlineData("JKLMNPQRTUWXY00000")] // every other allowed letter: no I, O, S, V, Z
    public void Constructor_CreditCodeOfAllowedCharacters_IsAccepted(string creditCode)
    {
        Assert.Equal(creditCode, Create(creditCode: creditCode).CreditCode);
    }

    [Fact]
    public void Constructor_ZeroOutputValue_IsAccepted()
    {
        Assert.Equal(0, Create(outputValue: 0).OutputValue10kYuan);
    }

    [Theory]
    [InlineData("")] // empty
    [InlineData("   ")] // blank
    [InlineData(" yx")] // leading space
    [InlineData("yx ")] // trailing space
    [InlineData("yx\t")] // a trailing tab is surrounding space too
    [InlineData(null)] // missing
    public void Constructor_BadEnterpriseId_IsRejected(string? enterpriseId)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(enterpriseId: enterpriseId!));

        Assert.Equal("enterpriseId", error.ParamName);
        Assert.Equal(
            $"Enterprise: enterprise_id is '{enterpriseId}'; expected a non-empty id without surrounding spaces. (Parameter 'enterpriseId')",
            error.Message);
    }

    [Theory]
    [InlineData("")] // empty
    [InlineData(" Yuanxin")] // leading space
    public void Constructor_BadName_IsRejected(string name)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(name: name));

        Assert.Equal("name", error.ParamName);
        Assert.Equal(
            $"Enterprise 'yx': name is '{name}'; expected non-empty text without surrounding spaces. (Parameter 'name')",
            error.Message);
    }

    [Theory]
    [InlineData("Zhenluo")] // capitalised
    [InlineData("zhen luo")] // a space inside
    [InlineData("zhen-luo")] // a hyphen
    [InlineData("镇罗")] // Chinese characters, not pinyin
    [InlineData("zhènluó")] // tone marks are not ASCII
    [InlineData("2zhenluo")] // starts with a digit
    [InlineData("")] // empty
    [InlineData(null)] // missing
    public void Constructor_TownshipNotLowerCasePinyin_IsRejected(string? township)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(township: township!));

        Assert.Equal("township", error.ParamName);
        Assert.Equal(
            $"Enterprise 'yx': township is '{township}'; expected lower-case ASCII such as 'zhenluo' or 'natural_gas'. (Parameter 'township')",
            error.Message);
    }

    [Theory]
    [InlineData("314")] // three digits: a group, not a class
    [InlineData("31400")] // five digits
    [InlineData("31a0")] // a letter
    [InlineData("C314")] // the section letter prefixed
    [InlineData(" 3140")] // a leading space
    [InlineData("３１４０")] // full-width digits are not ASCII digits
    [InlineData("")] // empty
    [InlineData(null)] // missing
    public void Constructor_MalformedIndustryCode_IsRejected(string? industryCode)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(industryCode: industryCode!));

        Assert.Equal("industryCode", error.ParamName);
        Assert.Equal(
            $"Enterprise 'yx': industry_code is '{industryCode}'; expected a GB/T 4754-2017 class of four digits, such as '3140'. (Parameter 'industryCode')",
            error.Message);
    }

    [Theory]
    [InlineData("91640500MA76L2K3X")] // 17 characters
    [InlineData("91640500MA76L2K3XY0")] // 19 characters
    [InlineData("91640500MA76L2K3XI")] // I is excluded by GB 32100-2015
    [InlineData("91640500MA76L2K3XO")] // O is excluded
    [InlineData("91640500MA76L2K3XS")] // S is excluded
    [InlineData("91640500MA76L2K3XV")] // V is excluded
    [InlineData("91640500MA76L2K3XZ")] // Z is excluded
    [InlineData("91640500ma76l2k3xy")] // lower case
    [InlineData("91640500-MA76L2K3X")] // a separator
    [InlineData("")] // empty rather than null
    public void Constructor_MalformedCreditCode_IsRejected(string creditCode)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(creditCode: creditCode));

        Assert.Equal("creditCode", error.ParamName);
        Assert.Equal(
            $"Enterprise 'yx': credit_code is '{creditCode}'; expected 18 characters of 0-9 and A-H, J-N, P-R, T-U, W-Y (GB 32100-2015). (Parameter 'creditCode')",
            error.Message);
    }

    [Theory]
    [InlineData("")] // empty: null is the way to say "not given"
    [InlineData(" 元鑫铁合金")] // leading space
    [InlineData("元鑫铁合金 ")] // trailing space
    public void Constructor_BadNameZh_IsRejected(string nameZh)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(nameZh: nameZh));

        Assert.Equal("nameZh", error.ParamName);
        Assert.Equal(
            $"Enterprise 'yx': name_zh is '{nameZh}'; expected null or text without surrounding spaces. (Parameter 'nameZh')",
            error.Message);
    }

    [Theory]
    [InlineData("")] // empty
    [InlineData("91640500MA76L2K3XY001P ")] // trailing space
    public void Constructor_BadPermitNumber_IsRejected(string permitNumber)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(permitNumber: permitNumber));

        Assert.Equal("permitNumber", error.ParamName);
        Assert.Equal(
            $"Enterprise 'yx': permit_number is '{permitNumber}'; expected null or text without surrounding spaces. (Parameter 'permitNumber')",
            error.Message);
    }

    [Theory]
    [InlineData(-1.0, "-1")] // negative
    [InlineData(-0.001, "-0.001")] // just below zero
    [InlineData(double.NaN, "NaN")] // not a number
    [InlineData(double.PositiveInfinity, "Infinity")] // not finite
    [InlineData(double.NegativeInfinity, "-Infinity")] // not finite, negative
    public void Constructor_BadOutputValue_IsRejected(double outputValue, string shown)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(outputValue: outputValue));

        Assert.Equal("outputValue10kYuan", error.ParamName);
        Assert.Equal(
            $"Enterprise 'yx': output_value is {shown}; expected a finite value of at least 0. (Parameter 'outputValue10kYuan')",
            error.Message);
    }

    [Fact]
    public void Constructor_SeveralBadFields_ReportsTheIdFirst()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => Create(enterpriseId: " yx", township: "Zhenluo", industryCode: "314"));

        Assert.Equal("enterpriseId", error.ParamName);
    }
}
