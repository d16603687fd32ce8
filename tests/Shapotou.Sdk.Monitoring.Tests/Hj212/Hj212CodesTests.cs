using Shapotou.Sdk.Monitoring.Hj212;

namespace Shapotou.Sdk.Monitoring.Tests.Hj212;

public sealed class Hj212CodesTests
{
    [Theory]
    [InlineData("a21026", "二氧化硫", "02")] // SO2 (one public code file swaps it with NOx)
    [InlineData("a21002", "氮氧化物", "03")] // NOx
    [InlineData("a34013", "烟尘", "01")] // particulate
    [InlineData("a19001", "氧气含量", "S01")] // O2
    [InlineData("a00000", "废气", "B02")] // flow
    public void FindFactor_FlueGasCodes_HaveTheirTableB2Names(string code, string chineseName, string legacyCode)
    {
        Hj212Factor? factor = Hj212Codes.FindFactor(code);

        Assert.NotNull(factor);
        Assert.Equal(chineseName, factor.ChineseName);
        Assert.Equal(legacyCode, factor.LegacyCode);
    }

    [Theory]
    [InlineData("w01018")] // a water code: Table B.1, not B.2
    [InlineData("A21026")] // codes are case-sensitive
    [InlineData("")] // empty
    [InlineData("a21026a21026")] // longer than any code
    public void FindFactor_OtherCodes_AreNull(string code)
    {
        Assert.Null(Hj212Codes.FindFactor(code));
    }

    [Theory]
    [InlineData("31", "大气环境污染源")] // flue-gas CEMS
    [InlineData("91", "系统交互")] // system interaction
    public void FindSystemCode_Table5(string st, string chineseName)
    {
        Assert.Equal(chineseName, Hj212Codes.FindSystemCode(st)?.ChineseName);
    }

    [Theory]
    [InlineData("2011", "Real-time data")]
    [InlineData("2051", "Minute data")]
    [InlineData("2061", "Hourly data")]
    [InlineData("2031", "Daily data")]
    [InlineData("9014", "Data answer")]
    public void FindCommandCode_Table9(string cn, string name)
    {
        Assert.Equal(name, Hj212Codes.FindCommandCode(cn)?.Name);
    }

    [Fact]
    public void Tables_HaveTheirRowCounts_AndUniqueCodes()
    {
        Assert.Equal(20, Hj212Codes.SystemCodes.Count);
        Assert.Equal(33, Hj212Codes.CommandCodes.Count);
        Assert.Equal(20, Hj212Codes.FlueGasFactors.Count);
        Assert.Equal(Hj212Codes.SystemCodes.Count, Hj212Codes.SystemCodes.Select(c => c.Code).Distinct().Count());
        Assert.Equal(Hj212Codes.CommandCodes.Count, Hj212Codes.CommandCodes.Select(c => c.Code).Distinct().Count());
        Assert.Equal(Hj212Codes.FlueGasFactors.Count, Hj212Codes.FlueGasFactors.Select(c => c.Code).Distinct().Count());
        Assert.Null(Hj212Codes.FindCommandCode("9015")); // heartbeat: not in the 2017 table
        Assert.Null(Hj212Codes.FindSystemCode("031")); // codes match as written
    }

    [Fact]
    public void Find_Null_Throws()
    {
        Assert.Equal("code", Assert.Throws<ArgumentNullException>(() => Hj212Codes.FindFactor(null!)).ParamName);
        Assert.Equal("st", Assert.Throws<ArgumentNullException>(() => Hj212Codes.FindSystemCode(null!)).ParamName);
        Assert.Equal("cn", Assert.Throws<ArgumentNullException>(() => Hj212Codes.FindCommandCode(null!)).ParamName);
    }
}
