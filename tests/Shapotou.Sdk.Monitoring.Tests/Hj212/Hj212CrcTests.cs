using System.Text;
using Shapotou.Sdk.Monitoring.Hj212;

namespace Shapotou.Sdk.Monitoring.Tests.Hj212;

public sealed class Hj212CrcTests
{
    [Theory]
    [InlineData(Hj212Samples.OfficialSegment, 0x1C80)] // the standard's sample (its prose says 1C08, a typo)
    [InlineData("", 0xFFFF)] // no bytes: the initial register
    public void Compute_KnownSegments_GiveTheAnnexAValue(string segment, int expected)
    {
        Assert.Equal((ushort)expected, Hj212Crc.Compute(Encoding.ASCII.GetBytes(segment)));
    }

    [Theory]
    [InlineData(Hj212Samples.SyntheticHourly)]
    [InlineData(Hj212Samples.SyntheticRealTime)]
    public void Compute_SyntheticVectors_MatchTheirDeclaredCrc(string packet)
    {
        byte[] segment = Encoding.ASCII.GetBytes(packet[6..^4]);

        Assert.Equal(Convert.ToUInt16(packet[^4..], 16), Hj212Crc.Compute(segment));
    }

    [Fact]
    public void ComputeModbus_OfficialSample_Is0759_NotTheAnnexAValue()
    {
        byte[] segment = Encoding.ASCII.GetBytes(Hj212Samples.OfficialSegment);

        Assert.Equal(0x0759, Hj212Crc.ComputeModbus(segment));
        Assert.NotEqual(Hj212Crc.Compute(segment), Hj212Crc.ComputeModbus(segment));
    }

    [Fact]
    public void Compute_EveryAcceptedRealPacket_MatchesTheTranscribedReference()
    {
        foreach (string packet in PacketFiles.Accept)
        {
            byte[] segment = Encoding.UTF8.GetBytes(packet[6..^4]);

            Assert.Equal(Hj212Samples.ReferenceCrc(segment), Hj212Crc.Compute(segment));
            Assert.Equal(Hj212Samples.ReferenceModbus(segment), Hj212Crc.ComputeModbus(segment));
        }
    }

    [Theory]
    [InlineData(0x1C80, "1C80")] // upper case, high byte first, as Annex A prints it
    [InlineData(0x00AF, "00AF")] // zero-padded to four digits
    public void Format_WritesFourUpperCaseDigits(int crc, string expected)
    {
        Span<byte> text = stackalloc byte[4];
        Hj212Crc.Format((ushort)crc, text);

        Assert.Equal(expected, Encoding.ASCII.GetString(text));
        Assert.Equal(expected, Hj212Crc.Format((ushort)crc));
    }
}
