using System.Runtime.CompilerServices;
using System.Text;
using Shapotou.Sdk.Monitoring.Hj212;

namespace Shapotou.Sdk.Monitoring.Tests.Hj212;

public sealed partial class Hj212PacketTests
{
    private static Hj212Packet Accepted(string packet, Hj212ParseOptions? options = null)
    {
        Hj212ParseResult result = Hj212Packet.Parse(packet, options);
        Assert.True(result.IsAccepted, result.ToString());
        return result.Packet;
    }

    [Fact]
    public void Parse_OfficialSample_IsAcceptedWithEveryHeaderField()
    {
        Hj212ParseResult result = Hj212Packet.Parse(Hj212Samples.Official);

        Assert.True(result.IsAccepted);
        Assert.Empty(result.Warnings);
        Assert.Null(result.Rejection);
        Assert.Equal("ok", result.ToString());
        Hj212Packet packet = result.Packet;
        Assert.Equal("20160801085857223", packet.Qn);
        Assert.Equal("32", packet.St);
        Assert.Equal("1062", packet.Cn);
        Assert.Equal("100000", packet.Pw);
        Assert.Equal("010000A8900016F000169DC0", packet.Mn);
        Assert.Equal("010000A8900016F000169DC0"u8.ToArray(), packet.MnUtf8.ToArray());
        Assert.Equal(5, packet.Flag);
        Assert.True(packet.AnswerRequired);
        Assert.False(packet.IsSplit);
        Assert.Equal(1, packet.Version);
        Assert.Null(packet.Pnum);
        Assert.Null(packet.Pno);
        Assert.Null(packet.DataTime);
        Assert.Equal(0x1C80, packet.Crc);
        Assert.Equal(101, packet.DataLength);
        Assert.Equal(Hj212Samples.OfficialSegment, packet.DataSegment);
        Assert.Equal(Hj212Samples.Official, packet.ToString());
        Assert.Equal(1, packet.ItemCount);
        Hj212Field field = Assert.Single(packet.Fields);
        Assert.Equal("RtdInterval", field.Name);
        Assert.Equal("RtdInterval", field.Code);
        Assert.Null(field.Suffix);
        Assert.Equal(Hj212Suffix.None, field.SuffixKind);
        Assert.Equal("30", field.Value);
        Assert.Equal(30.0, field.Number);
        Assert.Equal("RtdInterval=30", field.ToString());
    }

    [Theory]
    [InlineData("\r\n")] // the terminator as sent
    [InlineData("")] // a line whose terminator was stripped
    public void Parse_WithOrWithoutCrLf_IsAccepted(string terminator)
    {
        Hj212Packet packet = Accepted(Hj212Samples.Official + terminator);

        Assert.Equal(Hj212Samples.Official, packet.ToString());
    }

    [Fact]
    public void Parse_LowerCaseCrc_IsAccepted()
    {
        Hj212Packet packet = Accepted(Hj212Samples.Official[..^4] + "1c80");

        Assert.Equal(0x1C80, packet.Crc);
    }

    [Fact]
    public void Parse_Bytes_GiveTheSameResultAsText_AndKeepACopy()
    {
        byte[] bytes = Encoding.ASCII.GetBytes(Hj212Samples.SyntheticHourly + "\r\n");

        Hj212ParseResult result = Hj212Packet.Parse(bytes.AsSpan());
        bytes.AsSpan().Fill((byte)'x');

        Assert.True(result.IsAccepted, result.ToString());
        Assert.Equal(Hj212Samples.SyntheticHourly, result.Packet.ToString());
    }

    [Fact]
    public void Parse_SyntheticHourly_KeepsEveryCpFieldWithItsItem()
    {
        Hj212ParseResult result = Hj212Packet.Parse(Hj212Samples.SyntheticHourly);

        Assert.True(result.IsAccepted, result.ToString());
        Assert.Empty(result.Warnings);
        Hj212Packet packet = result.Packet;
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.FromHours(8)), packet.DataTime);
        Assert.Equal(6, packet.ItemCount);
        Assert.Equal(17, packet.Fields.Count);
        Assert.Equal(
            ["DataTime", "a00000-Cou", "a00000-Flag", "a21026-Avg", "a21026-ZsAvg", "a21026-Cou", "a21026-Flag", "a21002-Avg",
             "a21002-ZsAvg", "a21002-Cou", "a21002-Flag", "a34013-Avg", "a34013-ZsAvg", "a34013-Cou", "a34013-Flag",
             "a19001-Avg", "a19001-Flag"],
            packet.Fields.Select(f => f.Name));
        Assert.Equal([0, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5], packet.Fields.Select(f => f.ItemIndex));

        Assert.True(packet.TryGetField("a21026-ZsAvg", out Hj212Field so2));
        Assert.Equal("a21026", so2.Code);
        Assert.Equal("ZsAvg", so2.Suffix);
        Assert.Equal(Hj212Suffix.ZsAvg, so2.SuffixKind);
        Assert.Equal("32.7", so2.Value);
        Assert.Equal(32.7, so2.Number);
        Assert.Equal(2, so2.ItemIndex);
        Assert.True(packet.TryGetField("a21002-Flag", out Hj212Field flag));
        Assert.Equal("N", flag.Value);
        Assert.Null(flag.Number);
        Assert.False(packet.TryGetField("a21026-avg", out _)); // names are case-sensitive
    }

    [Fact]
    public void Parse_SyntheticRealTime_KeepsTheCalibrationFlag()
    {
        Hj212Packet packet = Accepted(Hj212Samples.SyntheticRealTime);

        Assert.Equal(new DateTimeOffset(2025, 1, 1, 9, 30, 0, TimeSpan.FromHours(8)), packet.DataTime);
        Assert.True(packet.TryGetField("a21002-Flag", out Hj212Field flag));
        Assert.Equal("C", flag.Value);
        Assert.True(packet.TryGetField("a21002-ZsRtd", out Hj212Field nox));
        Assert.Equal(53.1, nox.Number);
    }

    [Fact]
    public void Parse_ValuesAreKeptAsWritten()
    {
        Hj212Packet packet = Accepted(PacketFiles.Accept[1]);

        Assert.True(packet.TryGetField("a34006-Avg", out Hj212Field field));
        Assert.Equal("2.69700", field.Value);
        Assert.Equal("2.69700"u8.ToArray(), field.ValueUtf8.ToArray());
        Assert.Equal(2.697, field.Number);
    }

    [Theory]
    [InlineData("-1.5", -1.5)] // signed decimal
    [InlineData("+2", 2.0)] // explicit plus sign
    [InlineData(".5", 0.5)] // no integer digits
    [InlineData("0.0000", 0.0)] // trailing zeros, as devices pad
    [InlineData("1e5", null)] // exponents are not HJ 212 decimals
    [InlineData("NaN", null)] // double.TryParse would accept it
    [InlineData("Infinity", null)] // double.TryParse would accept it
    [InlineData("-", null)] // a sign alone
    [InlineData("1.2.3", null)] // two points
    [InlineData("N", null)] // a data flag
    [InlineData("", null)] // an empty value
    public void Number_ParsesPlainDecimalsOnly(string value, double? expected)
    {
        Hj212Packet packet = Accepted(Hj212Samples.Frame(Hj212Samples.Header + "CP=&&a21026-Rtd=" + value + "&&"));

        Hj212Field field = Assert.Single(packet.Fields);
        Assert.Equal(value, field.Value);
        Assert.Equal(expected, field.Number);
    }

    [Theory]
    [InlineData("PNUM=2;PNO=1;")] // Table 3's order
    [InlineData("PNO=1;PNUM=2;")] // the order some published packets use
    public void Parse_PnumAndPno_InEitherOrder(string split)
    {
        Hj212Packet packet = Accepted(Hj212Samples.Frame(
            "QN=20250101100000000;ST=31;CN=2051;PW=123456;MN=010000A8900016F000169DC0;Flag=7;" + split + "CP=&&DataTime=20250101090000&&"));

        Assert.Equal(2, packet.Pnum);
        Assert.Equal(1, packet.Pno);
        Assert.True(packet.IsSplit);
        Assert.True(packet.AnswerRequired);
    }

    [Theory]
    [InlineData(0, false, false, 0)] // HJ/T 212-2005
    [InlineData(4, false, false, 1)] // 2017, no answer
    [InlineData(5, true, false, 1)] // 2017, answer required
    [InlineData(7, true, true, 1)] // 2017, split, answer required (the standard's example)
    [InlineData(8, false, false, 2)] // version bits 000010, sent by newer devices
    [InlineData(255, true, true, 63)] // every bit
    public void Flag_SplitsIntoAnswerSplitAndVersionBits(int flag, bool answer, bool split, int version)
    {
        string pnum = split ? "PNUM=1;PNO=1;" : string.Empty;
        Hj212Packet packet = Accepted(Hj212Samples.Frame(
            $"QN=20250101100000000;ST=31;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag={flag};{pnum}CP=&&&&"));

        Assert.Equal(flag, packet.Flag);
        Assert.Equal(answer, packet.AnswerRequired);
        Assert.Equal(split, packet.IsSplit);
        Assert.Equal(version, packet.Version);
    }

    [Theory]
    [InlineData("00010101080000", "0001-01-01T08:00:00+08:00")] // the earliest DataTime a DateTimeOffset holds
    [InlineData("99991231235959", "9999-12-31T23:59:59+08:00")] // the latest
    [InlineData("20240229000000", "2024-02-29T00:00:00+08:00")] // a leap day
    public void DataTime_IsReadAtUtcPlus8(string text, string expected)
    {
        Hj212Packet packet = Accepted(Hj212Samples.Frame(Hj212Samples.Header + "CP=&&DataTime=" + text + "&&"));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), packet.DataTime);
        Assert.Equal(TimeSpan.FromHours(8), packet.DataTime!.Value.Offset);
    }

    [Fact]
    public void Parse_NoFlag_HasNoFlagBits()
    {
        Hj212Packet packet = Accepted(Hj212Samples.Frame("ST=31;CN=2011;PW=123456;MN=010000A8900016F000169DC0;CP=&&&&"));

        Assert.Null(packet.Flag);
        Assert.Null(packet.Version);
        Assert.False(packet.AnswerRequired);
        Assert.False(packet.IsSplit);
        Assert.Null(packet.Qn);
    }

    [Fact]
    public void Parse_EmptyCp_HasNoFields()
    {
        Hj212Packet packet = Accepted(Hj212Samples.Frame(Hj212Samples.Header + "CP=&&&&"));

        Assert.Empty(packet.Fields);
        Assert.Equal(0, packet.ItemCount);
    }

    [Fact]
    public void Parse_HeaderFieldsInAnotherOrder_AreAccepted()
    {
        Hj212Packet packet = Accepted(Hj212Samples.Frame("MN=010000A8900016F000169DC0;PW=123456;Flag=4;CN=2011;ST=31;QN=20250101100000000;CP=&&&&"));

        Assert.Equal("31", packet.St);
        Assert.Equal("2011", packet.Cn);
    }

    [Fact]
    public void Parse_NonAsciiValue_CountsUtf8Bytes()
    {
        string segment = Hj212Samples.Header + "CP=&&SB1-RS=1,SB1-Note=沙坡头&&";
        Hj212Packet packet = Accepted(Hj212Samples.Frame(segment));

        Assert.Equal(Encoding.UTF8.GetByteCount(segment), packet.DataLength);
        Assert.True(packet.TryGetField("SB1-Note", out Hj212Field note));
        Assert.Equal("沙坡头", note.Value);
    }

    [Fact]
    public void Parse_ValueRunsToTheNextSeparator_IncludingEqualsSigns()
    {
        Hj212Packet packet = Accepted(Hj212Samples.Frame(Hj212Samples.Header + "CP=&&InfoId=a=b&&"));

        Hj212Field field = Assert.Single(packet.Fields);
        Assert.Equal("InfoId", field.Name);
        Assert.Equal("a=b", field.Value);
    }

    [Theory]
    [InlineData("Rtd", Hj212Suffix.Rtd)]
    [InlineData("Avg", Hj212Suffix.Avg)]
    [InlineData("Min", Hj212Suffix.Min)]
    [InlineData("Max", Hj212Suffix.Max)]
    [InlineData("ZsRtd", Hj212Suffix.ZsRtd)]
    [InlineData("ZsAvg", Hj212Suffix.ZsAvg)]
    [InlineData("ZsMin", Hj212Suffix.ZsMin)]
    [InlineData("ZsMax", Hj212Suffix.ZsMax)]
    [InlineData("Cou", Hj212Suffix.Cou)]
    [InlineData("Flag", Hj212Suffix.Flag)]
    [InlineData("EFlag", Hj212Suffix.EFlag)]
    [InlineData("SampleTime", Hj212Suffix.SampleTime)]
    [InlineData("RS", Hj212Suffix.RS)]
    [InlineData("RT", Hj212Suffix.RT)]
    [InlineData("avg", Hj212Suffix.Unknown)] // suffixes are case-sensitive
    public void SuffixKind_FollowsTable4(string suffix, Hj212Suffix expected)
    {
        Hj212Packet packet = Accepted(Hj212Samples.Frame(Hj212Samples.Header + "CP=&&a21026-" + suffix + "=1&&"));

        Assert.Equal(expected, Assert.Single(packet.Fields).SuffixKind);
    }

    [Fact]
    public void Fields_IndexOutOfRange_Throws()
    {
        Hj212Packet packet = Accepted(Hj212Samples.Official);

        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => packet.Fields[1]).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => packet.Fields[-1]).ParamName);
    }

    [Theory]
    [InlineData(-1)] // below zero
    [InlineData(10_000)] // more than a 4-digit length field can declare
    public void Parse_OptionsOutOfRange_Throw(int maxDataLength)
    {
        var options = new Hj212ParseOptions { MaxDataLength = maxDataLength };

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Hj212Packet.Parse(Hj212Samples.Official, options));
        Assert.Equal("MaxDataLength", exception.ParamName);
    }

    [Fact]
    public void Parse_Bytes_AllocateNothingPerField()
    {
        // 60 fields; a string per field would add at least 60 × 26 bytes over the bound.
        var builder = new Hj212PacketBuilder("31", "2051", "123456", "010000A8900016F000169DC0").SetQn("20250101100000000").SetFlag(4);
        builder.AddDataTime(new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        for (int i = 0; i < 59; i++)
        {
            builder.EndItem().AddField("a21026-Avg", "1.5");
        }

        byte[] bytes = builder.BuildUtf8();
        Hj212ParseResult warmUp = Hj212Packet.Parse(bytes.AsSpan());
        Assert.True(warmUp.IsAccepted, warmUp.ToString());
        Assert.Empty(warmUp.Warnings);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Hj212ParseResult result = Hj212Packet.Parse(bytes.AsSpan());
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        const int FixedOverhead = 768; // result, packet, array headers (about 500 bytes today)
        int bound = bytes.Length + (result.Packet!.Fields.Count * Unsafe.SizeOf<FieldRange>()) + FixedOverhead;
        Assert.True(allocated <= bound, $"Parsing allocated {allocated} bytes; the bound is {bound}.");
    }
}
