using Shapotou.Sdk.Monitoring.Hj212;

namespace Shapotou.Sdk.Monitoring.Tests.Hj212;

public sealed partial class Hj212PacketTests
{
    private const string Qn = "QN=20250101100000000;";
    private const string Mn24 = "MN=010000A8900016F000169DC0;";

    private static void AssertWarnings(string segment, params (Hj212WarningKind Kind, string Message)[] expected)
    {
        Hj212ParseResult result = Hj212Packet.Parse(Hj212Samples.Frame(segment));

        Assert.True(result.IsAccepted, result.ToString());
        Assert.Equal(expected, result.Warnings.Select(w => (w.Kind, w.Message)));
    }

    [Fact]
    public void Warnings_StandardPackets_HaveNone()
    {
        foreach (string packet in new[] { Hj212Samples.Official, Hj212Samples.SyntheticHourly, Hj212Samples.SyntheticRealTime })
        {
            Assert.Empty(Hj212Packet.Parse(packet).Warnings);
        }
    }

    [Fact]
    public void Warnings_NoQn()
    {
        AssertWarnings("ST=31;CN=2011;PW=123456;" + Mn24 + "Flag=4;CP=&&&&", (Hj212WarningKind.MissingQn, "The packet has no QN field."));
    }

    [Theory]
    [InlineData("2016080108585722", "'2016080108585722'")] // 16 digits
    [InlineData("2016080108585722X", "'2016080108585722X'")] // a letter
    [InlineData("", "an empty value")] // empty
    public void Warnings_MalformedQn(string qn, string shown)
    {
        AssertWarnings(
            "QN=" + qn + ";ST=31;CN=2011;PW=123456;" + Mn24 + "Flag=4;CP=&&&&",
            (Hj212WarningKind.MalformedQn, $"QN {shown} is not 17 digits (yyyyMMddHHmmssfff)."));
    }

    [Theory]
    [InlineData("99")] // not in Table 5
    [InlineData("031")] // codes match as written
    public void Warnings_UnknownSt(string st)
    {
        AssertWarnings(
            Qn + "ST=" + st + ";CN=2011;PW=123456;" + Mn24 + "Flag=4;CP=&&&&",
            (Hj212WarningKind.UnknownSystemCode, $"ST {st} is not a system code of HJ 212-2017 Table 5."));
    }

    [Fact]
    public void Warnings_UnknownCn()
    {
        AssertWarnings(
            Qn + "ST=31;CN=9015;PW=123456;" + Mn24 + "Flag=4;CP=&&&&",
            (Hj212WarningKind.UnknownCommandCode, "CN 9015 is not a command code of HJ 212-2017 Table 9."));
    }

    [Fact]
    public void Warnings_PwOfAnotherLength()
    {
        AssertWarnings(
            Qn + "ST=31;CN=2011;PW=BF470F88957588DE902D1A52;" + Mn24 + "Flag=4;CP=&&&&",
            (Hj212WarningKind.PwLength, "PW has 24 characters; HJ 212-2017 specifies 6."));
    }

    [Fact]
    public void Warnings_MnOfAnotherLength()
    {
        AssertWarnings(
            Qn + "ST=31;CN=2011;PW=123456;MN=Z13401000010301;Flag=4;CP=&&&&",
            (Hj212WarningKind.MnLength, "MN has 15 characters; HJ 212-2017 specifies 24."));
    }

    [Fact]
    public void Warnings_NoFlag()
    {
        AssertWarnings(Qn + "ST=31;CN=2011;PW=123456;" + Mn24 + "CP=&&&&", (Hj212WarningKind.MissingFlag, "The packet has no Flag field."));
    }

    [Theory]
    [InlineData(8, "000010")] // newer devices (HJ 212-2025 per one library; unverified)
    [InlineData(1, "000000")] // HJ/T 212-2005
    [InlineData(253, "111111")] // every version bit
    public void Warnings_VersionBitsOtherThan2017(int flag, string bits)
    {
        AssertWarnings(
            Qn + "ST=31;CN=2011;PW=123456;" + Mn24 + $"Flag={flag};CP=&&&&",
            (Hj212WarningKind.NonStandardVersion, $"Flag {flag} has version bits {bits}; HJ 212-2017 is 000001."));
    }

    [Fact]
    public void Warnings_SplitBitWithoutPnum()
    {
        AssertWarnings(
            Qn + "ST=31;CN=2051;PW=123456;" + Mn24 + "Flag=6;CP=&&&&",
            (Hj212WarningKind.SplitFlagMismatch, "Flag 6 has the split bit D set, but the packet has no PNUM and PNO."));
    }

    [Fact]
    public void Warnings_PnumWithoutSplitBit()
    {
        AssertWarnings(
            Qn + "ST=31;CN=2051;PW=123456;" + Mn24 + "Flag=4;PNUM=2;PNO=1;CP=&&&&",
            (Hj212WarningKind.SplitFlagMismatch, "Flag 4 has the split bit D clear, but the packet has PNUM and PNO."));
    }

    [Fact]
    public void Warnings_UnknownFactorCode_OnceForAllFieldsOfIt()
    {
        AssertWarnings(
            Hj212Samples.Header + "CP=&&w01018-Avg=1,w01018-Flag=N;a21026-Avg=2&&",
            (Hj212WarningKind.UnknownFactorCode, "Code 'w01018' is not a flue-gas factor of HJ 212-2017 Table B.2."));
    }

    [Fact]
    public void Warnings_UnknownFactorCodes_ListedInOrderOfFirstAppearance()
    {
        AssertWarnings(
            Hj212Samples.Header + "CP=&&w01018-Avg=1;B02-Cou=2;w01018-Max=1;011-Rtd=3&&",
            (Hj212WarningKind.UnknownFactorCode, "3 codes are not flue-gas factors of HJ 212-2017 Table B.2: 'w01018', 'B02', '011'."));
    }

    [Theory]
    [InlineData("SB1-RS=1,SB1-RT=23.5")] // treatment-facility running state and time (Table 4)
    [InlineData("g30101-Rtd=12.1")] // SCR ammonia-injection parameter (Tables B.6/B.7)
    [InlineData("RtdInterval=30;QnRtn=1;ExeRtn=1;RestartTime=20231007130452")] // plain parameters are not factor codes
    [InlineData("a24088-EFlag=X1,a24088-SampleTime=20250101090000")] // the last Table B.2 row, rarer suffixes
    public void Warnings_KnownCodes_HaveNone(string cp)
    {
        AssertWarnings(Hj212Samples.Header + "CP=&&" + cp + "&&");
    }

    [Fact]
    public void Warnings_UnknownSuffix()
    {
        AssertWarnings(
            Hj212Samples.Header + "CP=&&a01013-Avg=101.85,a01013-ValidNum=10&&",
            (Hj212WarningKind.UnknownSuffix, "Suffix 'ValidNum' (in 'a01013-ValidNum') is not a field suffix of HJ 212-2017 Table 4."));
    }

    [Fact]
    public void Warnings_UnknownSuffixes_ListedOnce()
    {
        AssertWarnings(
            Hj212Samples.Header + "CP=&&a01013-ValidNum=10,a01013-TotalNum=10;a01012-ValidNum=10&&",
            (Hj212WarningKind.UnknownSuffix,
             "2 suffixes are not field suffixes of HJ 212-2017 Table 4: 'ValidNum' (in 'a01013-ValidNum'), 'TotalNum' (in 'a01013-TotalNum')."));
    }

    [Fact]
    public void Warnings_ComeInCheckOrder()
    {
        AssertWarnings(
            "ST=99;CN=9015;PW=1;MN=M;CP=&&x-Foo=1&&",
            (Hj212WarningKind.MissingQn, "The packet has no QN field."),
            (Hj212WarningKind.UnknownSystemCode, "ST 99 is not a system code of HJ 212-2017 Table 5."),
            (Hj212WarningKind.UnknownCommandCode, "CN 9015 is not a command code of HJ 212-2017 Table 9."),
            (Hj212WarningKind.PwLength, "PW has 1 character; HJ 212-2017 specifies 6."),
            (Hj212WarningKind.MnLength, "MN has 1 character; HJ 212-2017 specifies 24."),
            (Hj212WarningKind.MissingFlag, "The packet has no Flag field."),
            (Hj212WarningKind.UnknownFactorCode, "Code 'x' is not a flue-gas factor of HJ 212-2017 Table B.2."),
            (Hj212WarningKind.UnknownSuffix, "Suffix 'Foo' (in 'x-Foo') is not a field suffix of HJ 212-2017 Table 4."));
    }
}
