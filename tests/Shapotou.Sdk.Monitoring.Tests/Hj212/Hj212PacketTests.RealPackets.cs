using Shapotou.Sdk.Monitoring.Hj212;

namespace Shapotou.Sdk.Monitoring.Tests.Hj212;

public sealed partial class Hj212PacketTests
{
    /// <summary>What each line of reject.txt is rejected for with the default options, as its README implies: a CRC
    /// the standard's algorithm does not reproduce, or a declared length that does not match. Lines 5–7 are the logger
    /// that sends CRC-16/MODBUS byte-swapped; lines 6 and 7 also declare more than the standard's 1024 bytes, and the
    /// length is checked before the CRC.</summary>
    public static TheoryData<int, Hj212RejectionReason, string> RejectedLines => new()
    {
        { 1, Hj212RejectionReason.Crc, "Expected CRC 2D00 (HJ 212-2017 Annex A), found 1100." },
        { 2, Hj212RejectionReason.Crc, "Expected CRC 3C00 (HJ 212-2017 Annex A), found 4980." },
        { 3, Hj212RejectionReason.Crc, "Expected CRC 7340 (HJ 212-2017 Annex A), found f9c1." },
        { 4, Hj212RejectionReason.Crc, "Expected CRC D801 (HJ 212-2017 Annex A), found 2800." },
        { 5, Hj212RejectionReason.Crc, "Expected CRC 0440 (HJ 212-2017 Annex A), found A6EC, which is CRC-16/MODBUS with its bytes swapped and is accepted only with the lenient CRC option." },
        { 6, Hj212RejectionReason.Length, "Expected a declared data-segment length of at most 1024, found 1025." },
        { 7, Hj212RejectionReason.Length, "Expected a declared data-segment length of at most 1024, found 1623." },
        { 8, Hj212RejectionReason.Length, "Expected a data segment of 428 bytes as declared, found 431 bytes." },
        { 9, Hj212RejectionReason.Crc, "Expected CRC 8BC1 (HJ 212-2017 Annex A), found 9983." },
        { 10, Hj212RejectionReason.Length, "Expected a data segment of 462 bytes as declared, found 452 bytes." },
    };

    [Fact]
    public void RealPackets_FilesHaveTheExpectedLineCounts()
    {
        Assert.Equal(11, PacketFiles.Accept.Length);
        Assert.Equal(10, PacketFiles.Reject.Length);
    }

    [Fact]
    public void RealPackets_EveryLineOfAcceptTxt_IsAccepted()
    {
        string[] lines = PacketFiles.Accept;
        for (int i = 0; i < lines.Length; i++)
        {
            Hj212ParseResult result = Hj212Packet.Parse(lines[i]);

            Assert.True(result.IsAccepted, $"accept.txt line {i + 1}: {result}");
            Assert.DoesNotContain(result.Warnings, w => w.Kind == Hj212WarningKind.ModbusCrc);
        }
    }

    [Fact]
    public void RealPackets_AcceptTxt_DeviationsAreWarnings()
    {
        string[] lines = PacketFiles.Accept;
        Hj212WarningKind[] Kinds(int line) => Hj212Packet.Parse(lines[line - 1]).Warnings.Select(w => w.Kind).ToArray();

        Assert.Empty(Kinds(1)); // the standard's own sample
        Assert.Equal([Hj212WarningKind.PwLength, Hj212WarningKind.MnLength, Hj212WarningKind.UnknownFactorCode], Kinds(2));
        Assert.Equal([Hj212WarningKind.MnLength, Hj212WarningKind.NonStandardVersion, Hj212WarningKind.UnknownFactorCode], Kinds(4)); // Flag=8, water
        Assert.Empty(Kinds(7)); // a 9011 answer
        Assert.Equal([Hj212WarningKind.MnLength, Hj212WarningKind.UnknownFactorCode], Kinds(11)); // split, with w01018
    }

    [Fact]
    public void RealPackets_AcceptTxt_SplitMinuteData_HasItsPnumAndZsFields()
    {
        Hj212Packet packet = Hj212Packet.Parse(PacketFiles.Accept[10]).Packet!;

        Assert.Equal("2051", packet.Cn);
        Assert.Equal(6, packet.Flag);
        Assert.True(packet.IsSplit);
        Assert.Equal(2, packet.Pnum);
        Assert.Equal(2, packet.Pno);
        Assert.Equal(new DateTimeOffset(2018, 3, 3, 10, 12, 0, TimeSpan.FromHours(8)), packet.DataTime);
        Assert.True(packet.TryGetField("a21018-ZsMax", out Hj212Field field));
        Assert.Equal("0.00", field.Value);
        Assert.Equal(Hj212Suffix.ZsMax, field.SuffixKind);
    }

    [Theory]
    [MemberData(nameof(RejectedLines))]
    public void RealPackets_RejectTxt_IsRejectedForTheReasonItsReadMeImplies(int line, Hj212RejectionReason reason, string detail)
    {
        AssertRejected(PacketFiles.Reject[line - 1], reason, detail);
    }

    [Theory]
    [MemberData(nameof(RejectedLines))]
    public void RealPackets_RejectTxt_WithLenientCrc_AcceptsOnlyTheModbusLoggerWithinTheLengthLimit(int line, Hj212RejectionReason reason, string detail)
    {
        var options = new Hj212ParseOptions { LenientCrc = true };
        Hj212ParseResult result = Hj212Packet.Parse(PacketFiles.Reject[line - 1], options);

        if (line == 5)
        {
            Assert.True(result.IsAccepted, result.ToString());
            Assert.Equal(Hj212WarningKind.ModbusCrc, result.Warnings[0].Kind);
            Assert.Equal("CRC A6EC is CRC-16/MODBUS with its bytes swapped, not HJ 212-2017 Annex A (0440); accepted by the lenient CRC option.", result.Warnings[0].Message);
        }
        else
        {
            AssertRejected(PacketFiles.Reject[line - 1], reason, detail, options);
        }
    }

    [Theory]
    [MemberData(nameof(RejectedLines))]
    public void RealPackets_RejectTxt_WithLenientCrcAndARaisedLimit_AcceptsExactlyTheModbusLogger(int line, Hj212RejectionReason reason, string detail)
    {
        var options = new Hj212ParseOptions { LenientCrc = true, MaxDataLength = Hj212ParseOptions.LargestDataLength };
        Hj212ParseResult result = Hj212Packet.Parse(PacketFiles.Reject[line - 1], options);

        if (line is 5 or 6 or 7)
        {
            Assert.True(result.IsAccepted, result.ToString());
            Assert.Equal(Hj212WarningKind.ModbusCrc, result.Warnings[0].Kind);
            Assert.Contains(result.Warnings, w => w.Kind == Hj212WarningKind.MissingQn || w.Kind == Hj212WarningKind.MissingFlag);
        }
        else
        {
            AssertRejected(PacketFiles.Reject[line - 1], reason, detail, options);
        }
    }

    [Theory]
    [InlineData(6, "Expected CRC C841 (HJ 212-2017 Annex A), found 7865, which is CRC-16/MODBUS with its bytes swapped and is accepted only with the lenient CRC option.")]
    [InlineData(7, "Expected CRC 6C00 (HJ 212-2017 Annex A), found 0681, which is CRC-16/MODBUS with its bytes swapped and is accepted only with the lenient CRC option.")]
    public void RealPackets_RejectTxt_LongModbusPackets_AreCrcRejectsOnceTheLimitIsRaised(int line, string detail)
    {
        AssertRejected(PacketFiles.Reject[line - 1], Hj212RejectionReason.Crc, detail, new Hj212ParseOptions { MaxDataLength = 9999 });
    }
}
