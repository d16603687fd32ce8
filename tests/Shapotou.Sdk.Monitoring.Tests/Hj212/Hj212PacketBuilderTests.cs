using System.Text;
using Shapotou.Sdk.Monitoring.Hj212;

namespace Shapotou.Sdk.Monitoring.Tests.Hj212;

public sealed class Hj212PacketBuilderTests
{
    private const string Mn = "010000A8900016F000169DC0";

    [Fact]
    public void Build_OfficialSample_IsByteForByteTheStandardsPacket()
    {
        string packet = new Hj212PacketBuilder("32", "1062", "100000", Mn)
            .SetQn("20160801085857223")
            .SetFlag(5)
            .AddField("RtdInterval", "30")
            .Build();

        Assert.Equal(Hj212Samples.Official + "\r\n", packet);
    }

    [Fact]
    public void Build_SyntheticHourly_ComputesLength365AndCrc9D41()
    {
        var time = new DateTimeOffset(2025, 1, 1, 1, 0, 0, TimeSpan.Zero); // 09:00 at +08:00
        string packet = new Hj212PacketBuilder("31", "2061", "123456", Mn)
            .SetQn(new DateTimeOffset(2025, 1, 1, 2, 0, 0, TimeSpan.Zero))
            .SetFlag(4)
            .AddDataTime(time).EndItem()
            .AddField("a00000-Cou", "180000").AddField("a00000-Flag", "N").EndItem()
            .AddField("a21026-Avg", 25.3, 1).AddField("a21026-ZsAvg", 32.7, 1).AddField("a21026-Cou", 4.554, 3).AddField("a21026-Flag", "N").EndItem()
            .AddField("a21002-Avg", 40.2, 1).AddField("a21002-ZsAvg", 52.0, 1).AddField("a21002-Cou", 7.236, 3).AddField("a21002-Flag", "N").EndItem()
            .AddField("a34013-Avg", 5.1, 1).AddField("a34013-ZsAvg", 6.6, 1).AddField("a34013-Cou", 0.918, 3).AddField("a34013-Flag", "N").EndItem()
            .AddField("a19001-Avg", 12.5, 1).AddField("a19001-Flag", "N")
            .Build();

        Assert.Equal(Hj212Samples.SyntheticHourly + "\r\n", packet);
    }

    [Fact]
    public void Build_ThenParse_RoundTripsEveryField()
    {
        var builder = new Hj212PacketBuilder("31", "2051", "123456", Mn).SetQn("20250101100000000").SetFlag(7).SetSplit(3, 2);
        builder.AddDataTime(new DateTimeOffset(2025, 1, 1, 9, 1, 0, TimeSpan.FromHours(8))).EndItem();
        builder.AddField("a21026-Min", "-0.50").AddField("a21026-Avg", "1.250").AddField("a21026-Flag", "N").EndItem();
        builder.AddField("SB1-RS", "1");

        Hj212ParseResult result = Hj212Packet.Parse(builder.Build());

        Assert.True(result.IsAccepted, result.ToString());
        Assert.Empty(result.Warnings);
        Hj212Packet packet = result.Packet;
        Assert.Equal(("20250101100000000", "31", "2051", "123456", Mn), (packet.Qn, packet.St, packet.Cn, packet.Pw, packet.Mn));
        Assert.Equal((7, 3, 2), (packet.Flag, packet.Pnum, packet.Pno));
        Assert.Equal(
            [("DataTime", "20250101090100", 0), ("a21026-Min", "-0.50", 1), ("a21026-Avg", "1.250", 1), ("a21026-Flag", "N", 1), ("SB1-RS", "1", 2)],
            packet.Fields.Select(f => (f.Name, f.Value, f.ItemIndex)));
    }

    [Fact]
    public void Build_NoQnNoFlagNoFields_WritesAnEmptyCp()
    {
        string packet = new Hj212PacketBuilder("91", "9014", "123456", Mn).Build();

        Assert.StartsWith("##0059ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;CP=&&&&", packet, StringComparison.Ordinal);
        Assert.True(Hj212Packet.Parse(packet).IsAccepted);
    }

    [Fact]
    public void Build_UpperCaseCrc_AndUtf8MatchesText()
    {
        var builder = new Hj212PacketBuilder("31", "2011", "123456", Mn).SetFlag(4).AddField("SB1-Note", "沙坡头");

        string text = builder.Build();
        byte[] bytes = builder.BuildUtf8();

        Assert.Equal(Encoding.UTF8.GetBytes(text), bytes);
        string crc = text[^6..^2];
        Assert.Equal(crc.ToUpperInvariant(), crc);
        Assert.True(Hj212Packet.Parse(bytes.AsSpan()).IsAccepted);
    }

    [Fact]
    public void EndItem_WithoutAnOpenItem_WritesNoEmptyItem()
    {
        string packet = new Hj212PacketBuilder("31", "2011", "123456", Mn).EndItem().AddField("a", "1").EndItem().EndItem().AddField("b", "2").Build();

        Assert.Contains("CP=&&a=1;b=2&&", packet, StringComparison.Ordinal);
    }

    [Fact]
    public void SetQn_Time_IsWrittenAtUtcPlus8ToTheMillisecond()
    {
        string packet = new Hj212PacketBuilder("31", "2011", "123456", Mn)
            .SetQn(new DateTimeOffset(2024, 12, 31, 16, 0, 0, 123, TimeSpan.Zero))
            .Build();

        Assert.Contains("QN=20250101000000123;", packet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("st")]
    [InlineData("cn")]
    [InlineData("pw")]
    [InlineData("mn")]
    public void Constructor_NullArgument_Throws(string parameter)
    {
        string?[] values = ["31", "2011", "123456", Mn];
        values[Array.IndexOf(["st", "cn", "pw", "mn"], parameter)] = null;

        var exception = Assert.Throws<ArgumentNullException>(() => new Hj212PacketBuilder(values[0]!, values[1]!, values[2]!, values[3]!));
        Assert.Equal(parameter, exception.ParamName);
    }

    [Fact]
    public void Constructor_NonDigitSt_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => new Hj212PacketBuilder("3a", "2011", "123456", Mn));

        Assert.Equal("st", exception.ParamName);
        Assert.StartsWith("ST must be decimal digits; found '3a'.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EmptyMn_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => new Hj212PacketBuilder("31", "2011", "123456", ""));

        Assert.Equal("mn", exception.ParamName);
    }

    [Theory]
    [InlineData("1;2")] // item separator
    [InlineData("1,2")] // field separator
    [InlineData("1=2")] // name-value separator
    [InlineData("1&&")] // CP delimiter
    [InlineData("1\r\n")] // terminator
    public void AddField_ValueWithASeparator_Throws(string value)
    {
        var builder = new Hj212PacketBuilder("31", "2011", "123456", Mn);

        var exception = Assert.Throws<ArgumentException>(() => builder.AddField("a21026-Rtd", value));
        Assert.Equal("value", exception.ParamName);
        Assert.StartsWith($"'value' contains the separator U+{(int)value[1]:X4} at index 1;", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddField_NullOrEmptyName_Throws()
    {
        var builder = new Hj212PacketBuilder("31", "2011", "123456", Mn);

        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => builder.AddField(null!, "1")).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => builder.AddField("a", null!)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => builder.AddField("", "1")).ParamName);
    }

    [Theory]
    [InlineData(double.NaN, 1, "value")] // not finite
    [InlineData(double.PositiveInfinity, 1, "value")] // not finite
    [InlineData(1.0, -1, "decimals")] // negative decimals
    [InlineData(1.0, 16, "decimals")] // more than a double carries
    public void AddField_NumberOutOfRange_Throws(double value, int decimals, string parameter)
    {
        var builder = new Hj212PacketBuilder("31", "2011", "123456", Mn);

        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddField("a21026-Rtd", value, decimals)).ParamName);
    }

    [Theory]
    [InlineData(-1)] // below 0
    [InlineData(256)] // above one byte
    public void SetFlag_OutOfRange_Throws(int flag)
    {
        var builder = new Hj212PacketBuilder("31", "2011", "123456", Mn);

        Assert.Equal("flag", Assert.Throws<ArgumentOutOfRangeException>(() => builder.SetFlag(flag)).ParamName);
    }

    [Theory]
    [InlineData(0, 1, "pnum")] // no packets
    [InlineData(2, 0, "pno")] // PNO is 1-based
    [InlineData(2, 3, "pno")] // beyond the count
    public void SetSplit_OutOfRange_Throws(int pnum, int pno, string parameter)
    {
        var builder = new Hj212PacketBuilder("31", "2011", "123456", Mn);

        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(() => builder.SetSplit(pnum, pno)).ParamName);
    }

    [Fact]
    public void Build_DataSegmentOver1024_Throws()
    {
        var builder = new Hj212PacketBuilder("31", "2011", "123456", Mn).AddField("Note", new string('x', 1000));

        var exception = Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Equal("The data segment has 1064 bytes; HJ 212-2017 allows at most 1024. Split the data over several packets.", exception.Message);
    }
}
