using System.Text;
using Shapotou.Sdk.Monitoring.Hj212;

namespace Shapotou.Sdk.Monitoring.Tests.Hj212;

public sealed partial class Hj212PacketTests
{
    private const string Standard = "ST=31;CN=2011;PW=123456;MN=010000A8900016F000169DC0;";

    private static void AssertRejected(string packet, Hj212RejectionReason reason, string detail, Hj212ParseOptions? options = null)
    {
        Hj212ParseResult result = Hj212Packet.Parse(packet, options);

        Assert.False(result.IsAccepted, $"Accepted: {packet}");
        Assert.Null(result.Packet);
        Assert.Empty(result.Warnings);
        Assert.Equal(reason, result.Rejection.Reason);
        Assert.Equal(detail, result.Rejection.Detail);
        Assert.Equal($"rejected: {result.Rejection.ReasonName}: {detail}", result.ToString());
    }

    [Theory]
    [InlineData("", "Expected '##' at the start of the packet, found an empty packet.")] // an empty line
    [InlineData("#0101QN=2016", "Expected '##' at the start of the packet, found '#0'.")] // one '#'
    [InlineData("\u00010101", "Expected '##' at the start of the packet, found '\\x010'.")] // control characters are escaped
    [InlineData("##0101", "Expected at least 10 bytes ('##', a 4-digit length and a 4-digit CRC), found 6.")] // header only
    [InlineData("##01a1QN=1;CP=&&&&1C80", "Expected a 4-digit decimal length after '##', found '01a1'.")] // a letter in the length
    [InlineData("## 101QN=1;CP=&&&&1C80", "Expected a 4-digit decimal length after '##', found ' 101'.")] // space padding
    public void Parse_BadFrame_IsRejectedAsFraming(string packet, string detail)
    {
        AssertRejected(packet, Hj212RejectionReason.Framing, detail);
    }

    [Theory]
    [InlineData("\n", "Expected CRLF or nothing after the CRC, found LF.")] // Unix line end
    [InlineData("\r", "Expected CRLF or nothing after the CRC, found CR.")] // a lone CR
    [InlineData("\r\n\r\n", "Expected CRLF or nothing after the CRC, found CR LF CR LF.")] // two terminators
    [InlineData("\n\r", "Expected CRLF or nothing after the CRC, found LF CR.")] // reversed
    public void Parse_BadTerminator_IsRejectedAsFraming(string terminator, string detail)
    {
        AssertRejected(Hj212Samples.Official + terminator, Hj212RejectionReason.Framing, detail);
    }

    [Theory]
    [InlineData("1C8G", "Expected a 4-digit hexadecimal CRC at the end of the packet, found '1C8G'.")] // not hex
    [InlineData("1C8 ", "Expected a 4-digit hexadecimal CRC at the end of the packet, found '1C8 '.")] // trailing space
    public void Parse_BadCrcField_IsRejectedAsFraming(string crc, string detail)
    {
        AssertRejected(Hj212Samples.Official[..^4] + crc, Hj212RejectionReason.Framing, detail);
    }

    [Fact]
    public void Parse_DeclaredLengthDiffers_IsRejectedAsLength()
    {
        AssertRejected(
            "##0102" + Hj212Samples.Official[6..],
            Hj212RejectionReason.Length,
            "Expected a data segment of 102 bytes as declared, found 101 bytes.");
    }

    [Fact]
    public void Parse_TruncatedPacket_IsRejectedAsLength()
    {
        AssertRejected(
            Hj212Samples.Official[..60] + "1C80",
            Hj212RejectionReason.Length,
            "Expected a data segment of 101 bytes as declared, found 54 bytes.");
    }

    [Fact]
    public void Parse_DataSegmentOver1024_IsRejectedAsLength_UnlessTheLimitIsRaised()
    {
        string segment = Hj212Samples.Header + "CP=&&Note=" + new string('x', 1025 - Hj212Samples.Header.Length - 12) + "&&";
        string packet = Hj212Samples.Frame(segment);
        Assert.Equal(1025, Encoding.ASCII.GetByteCount(segment));

        AssertRejected(packet, Hj212RejectionReason.Length, "Expected a declared data-segment length of at most 1024, found 1025.");
        Assert.True(Hj212Packet.Parse(packet, new Hj212ParseOptions { MaxDataLength = 1025 }).IsAccepted);
    }

    [Fact]
    public void Parse_DataSegmentOf1024_IsAccepted()
    {
        string segment = Hj212Samples.Header + "CP=&&Note=" + new string('x', 1024 - Hj212Samples.Header.Length - 12) + "&&";

        Assert.True(Hj212Packet.Parse(Hj212Samples.Frame(segment)).IsAccepted);
    }

    [Theory]
    [InlineData("1C81", "Expected CRC 1C80 (HJ 212-2017 Annex A), found 1C81.")] // one bit off
    [InlineData("0000", "Expected CRC 1C80 (HJ 212-2017 Annex A), found 0000.")] // a placeholder
    [InlineData("801C", "Expected CRC 1C80 (HJ 212-2017 Annex A), found 801C.")] // Annex A with its bytes swapped is still wrong
    [InlineData("0759", "Expected CRC 1C80 (HJ 212-2017 Annex A), found 0759, which is CRC-16/MODBUS and is accepted only with the lenient CRC option.")]
    [InlineData("5907", "Expected CRC 1C80 (HJ 212-2017 Annex A), found 5907, which is CRC-16/MODBUS with its bytes swapped and is accepted only with the lenient CRC option.")]
    [InlineData("1c81", "Expected CRC 1C80 (HJ 212-2017 Annex A), found 1c81.")] // the CRC as written, in its case
    public void Parse_WrongCrc_IsRejectedAsCrc(string crc, string detail)
    {
        AssertRejected(Hj212Samples.Official[..^4] + crc, Hj212RejectionReason.Crc, detail);
    }

    [Theory]
    [InlineData("0759", "CRC-16/MODBUS")] // MODBUS, high byte first
    [InlineData("5907", "CRC-16/MODBUS with its bytes swapped")] // MODBUS low byte first, as a real logger sends it
    public void Parse_ModbusCrc_IsAcceptedOnlyWhenLenient_WithAWarning(string crc, string variant)
    {
        string packet = Hj212Samples.Official[..^4] + crc;

        Hj212ParseResult result = Hj212Packet.Parse(packet, new Hj212ParseOptions { LenientCrc = true });

        Assert.True(result.IsAccepted, result.ToString());
        Hj212Warning warning = Assert.Single(result.Warnings);
        Assert.Equal(Hj212WarningKind.ModbusCrc, warning.Kind);
        Assert.Equal($"CRC {crc} is {variant}, not HJ 212-2017 Annex A (1C80); accepted by the lenient CRC option.", warning.Message);
        Assert.Equal(Convert.ToUInt16(crc, 16), result.Packet.Crc);
        Assert.False(Hj212Packet.Parse(packet).IsAccepted);
    }

    [Fact]
    public void Parse_LenientCrc_StillRejectsOtherWrongCrcs()
    {
        AssertRejected(
            Hj212Samples.Official[..^4] + "1C81",
            Hj212RejectionReason.Crc,
            "Expected CRC 1C80 (HJ 212-2017 Annex A), found 1C81.",
            new Hj212ParseOptions { LenientCrc = true });
    }

    [Theory]
    [InlineData("QN=1;" + Standard + "Flag=4;RtdInterval=30", "Expected a 'CP=&&' field, found none.")] // no CP
    [InlineData(Standard + "XCP=&&a=1&&", "Expected a 'CP=&&' field, found none.")] // CP must follow ';'
    [InlineData(Standard + "CP=&a=1&&", "Expected a 'CP=&&' field, found none.")] // one '&'
    [InlineData(Standard + "CP=&&a=1&", "Expected the data segment to end with '&&' closing CP, found 'CP=&&a=1&'.")] // one closing '&'
    [InlineData(Standard + "CP=&&&", "Expected the data segment to end with '&&' closing CP, found 'CP=&&&'.")] // the opening '&&' cannot close
    [InlineData(Standard + "CP=&&a=1&&;Flag=4", "Expected the data segment to end with '&&' closing CP, found 'CP=&&a=1&&;Flag=4'.")] // a field after CP
    [InlineData(Standard + "CP=&&a=1&&b=2&&", "Expected the data segment to end at the first '&&' after 'CP=&&', found 'b=2&&' after it.")] // text after the closing '&&'
    public void Parse_BadCpFrame_IsRejectedAsSyntax(string segment, string detail)
    {
        AssertRejected(Hj212Samples.Frame(segment), Hj212RejectionReason.Syntax, detail);
    }

    [Theory]
    [InlineData("ST=31;;CN=2011;PW=123456;MN=M;CP=&&&&", "Expected 'name=value' as header field 2, found an empty field.")] // ';;'
    [InlineData(";ST=31;CN=2011;PW=123456;MN=M;CP=&&&&", "Expected 'name=value' as header field 1, found an empty field.")] // a leading ';'
    [InlineData("ST=31;CN;PW=123456;MN=M;CP=&&&&", "Expected 'name=value' as header field 2, found 'CN'.")] // no '='
    [InlineData("ST=31;CN=2011;PW=123456;MN=M;XX=1;CP=&&&&", "Expected a header field QN, ST, CN, PW, MN, Flag, PNUM or PNO, found 'XX'.")] // unknown field
    [InlineData("ST=31;CN=2011;PW=123456;MN=M;flag=4;CP=&&&&", "Expected a header field QN, ST, CN, PW, MN, Flag, PNUM or PNO, found 'flag'.")] // names are case-sensitive
    [InlineData("ST=31;CN=2011;PW=123456;MN=M;ST=32;CP=&&&&", "Expected ST once, found it twice.")] // a repeated field
    [InlineData("CN=2011;PW=123456;MN=M;CP=&&&&", "Expected the field ST, found none.")] // no ST
    [InlineData("ST=31;PW=123456;MN=M;CP=&&&&", "Expected the field CN, found none.")] // no CN
    [InlineData("ST=31;CN=2011;MN=M;CP=&&&&", "Expected the field PW, found none.")] // no PW
    [InlineData("ST=31;CN=2011;PW=123456;CP=&&&&", "Expected the field MN, found none.")] // no MN
    [InlineData("CP=&&&&", "Expected the field ST, found none.")] // CP alone
    [InlineData("ST=3a;CN=2011;PW=123456;MN=M;CP=&&&&", "Expected ST to be decimal digits, found '3a'.")] // a letter in ST
    [InlineData("ST=31;CN=;PW=123456;MN=M;CP=&&&&", "Expected CN to be decimal digits, found an empty value.")] // empty CN
    [InlineData("ST=31;CN=2011;PW=123456;MN=;CP=&&&&", "Expected a non-empty MN, found an empty value.")] // empty MN
    [InlineData("ST=31;CN=2011;PW=123456;MN=M;Flag=256;CP=&&&&", "Expected Flag to be an integer from 0 to 255, found '256'.")] // too large
    [InlineData("ST=31;CN=2011;PW=123456;MN=M;Flag=-1;CP=&&&&", "Expected Flag to be an integer from 0 to 255, found '-1'.")] // negative
    [InlineData("ST=31;CN=2011;PW=123456;MN=M;Flag=;CP=&&&&", "Expected Flag to be an integer from 0 to 255, found an empty value.")] // empty
    [InlineData("ST=31;CN=2011;PW=123456;MN=M;Flag=6;PNUM=2;CP=&&&&", "Expected PNUM and PNO together, found only PNUM.")] // PNO missing
    [InlineData("ST=31;CN=2011;PW=123456;MN=M;Flag=6;PNO=1;CP=&&&&", "Expected PNUM and PNO together, found only PNO.")] // PNUM missing
    [InlineData("ST=31;CN=2011;PW=123456;MN=M;Flag=6;PNUM=0;PNO=1;CP=&&&&", "Expected PNUM to be a positive integer, found '0'.")] // zero packets
    [InlineData("ST=31;CN=2011;PW=123456;MN=M;Flag=6;PNUM=2;PNO=3;CP=&&&&", "Expected PNO to be an integer from 1 to PNUM (2), found '3'.")] // beyond the count
    [InlineData("ST=31;CN=2011;PW=123456;MN=M;Flag=6;PNO=0;PNUM=2;CP=&&&&", "Expected PNO to be an integer from 1 to PNUM (2), found '0'.")] // 1-based
    public void Parse_BadHeader_IsRejectedAsSyntax(string segment, string detail)
    {
        AssertRejected(Hj212Samples.Frame(segment), Hj212RejectionReason.Syntax, detail);
    }

    [Theory]
    [InlineData("CP=&&a=1;;b=2&&", "Expected a field in CP item 2, found an empty item.")] // ';;'
    [InlineData("CP=&&a=1;&&", "Expected a field in CP item 2, found an empty item.")] // a trailing ';'
    [InlineData("CP=&&;a=1&&", "Expected a field in CP item 1, found an empty item.")] // a leading ';'
    [InlineData("CP=&&a=1,,b=2&&", "Expected 'name=value' in CP item 1, found an empty field.")] // ',,'
    [InlineData("CP=&&a=1;b=2,&&", "Expected 'name=value' in CP item 2, found an empty field.")] // a trailing ','
    [InlineData("CP=&&a21026-Avg&&", "Expected 'name=value' in CP item 1, found 'a21026-Avg'.")] // no '='
    [InlineData("CP=&&=5&&", "Expected a field name before '=' in CP item 1, found '=5'.")] // no name
    [InlineData("CP=&&a21026-=5&&", "Expected a code and a suffix around '-' in CP item 1, found 'a21026-'.")] // no suffix
    [InlineData("CP=&&-Avg=5&&", "Expected a code and a suffix around '-' in CP item 1, found '-Avg'.")] // no code
    [InlineData("CP=&&DataTime=2025010109&&", "Expected DataTime as a valid yyyyMMddHHmmss, found '2025010109'.")] // too short
    [InlineData("CP=&&DataTime=20250230090000&&", "Expected DataTime as a valid yyyyMMddHHmmss, found '20250230090000'.")] // 30 February
    [InlineData("CP=&&DataTime=20250101240000&&", "Expected DataTime as a valid yyyyMMddHHmmss, found '20250101240000'.")] // hour 24
    [InlineData("CP=&&DataTime=&&", "Expected DataTime as a valid yyyyMMddHHmmss, found an empty value.")] // empty
    [InlineData("CP=&&DataTime=00010101000000&&", "Expected DataTime as a valid yyyyMMddHHmmss, found '00010101000000'.")] // before DateTimeOffset.MinValue in UTC
    [InlineData("CP=&&DataTime=00000101000000&&", "Expected DataTime as a valid yyyyMMddHHmmss, found '00000101000000'.")] // year 0
    [InlineData("CP=&&DataTime=20250101090000;DataTime=20250101100000&&", "Expected DataTime once in CP, found it twice.")] // repeated
    public void Parse_BadCp_IsRejectedAsSyntax(string cp, string detail)
    {
        AssertRejected(Hj212Samples.Frame(Standard + cp), Hj212RejectionReason.Syntax, detail);
    }

    [Fact]
    public void Parse_LongOffendingText_IsTruncatedInTheDetail()
    {
        string name = new('x', 60);

        AssertRejected(
            Hj212Samples.Frame(Standard + "CP=&&" + name + "&&"),
            Hj212RejectionReason.Syntax,
            $"Expected 'name=value' in CP item 1, found '{new string('x', 39)}…'.");
    }

    [Fact]
    public void Parse_ChecksInOrder_FramingLengthCrcSyntax()
    {
        string badSyntax = Standard + "CP=&&a=1;;b=2&&";
        string badSyntaxPacket = Hj212Samples.Frame(badSyntax);

        // Syntax alone.
        Assert.Equal(Hj212RejectionReason.Syntax, Hj212Packet.Parse(badSyntaxPacket).Rejection?.Reason);

        // A wrong CRC is found before the syntax.
        string badCrc = Hj212Samples.Frame(badSyntax, 0x1234);
        Assert.Equal(Hj212RejectionReason.Crc, Hj212Packet.Parse(badCrc).Rejection?.Reason);

        // A wrong length is found before the CRC.
        string badLength = "##0999" + badCrc[6..];
        Assert.Equal(Hj212RejectionReason.Length, Hj212Packet.Parse(badLength).Rejection?.Reason);

        // Framing is found before the length.
        Assert.Equal(Hj212RejectionReason.Framing, Hj212Packet.Parse(badLength + "\n").Rejection?.Reason);
        Assert.Equal(Hj212RejectionReason.Framing, Hj212Packet.Parse("#!" + badLength[2..]).Rejection?.Reason);
    }
}
