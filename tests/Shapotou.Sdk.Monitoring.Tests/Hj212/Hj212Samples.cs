using System.Globalization;
using System.Text;

namespace Shapotou.Sdk.Monitoring.Tests.Hj212;

/// <summary>Packets of <c>shared/reference/emissions.md</c> ("HJ 212 example packets") and a framer for test
/// segments whose CRC comes from a transcription of the Annex A C code, independent of the codec.</summary>
internal static class Hj212Samples
{
    /// <summary>The official sample of HJ 212-2017 Annex A (CRC 1C80; CRC-16/MODBUS would be 0759).</summary>
    public const string Official =
        "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80";

    /// <summary>The official sample's data segment (101 bytes).</summary>
    public const string OfficialSegment =
        "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&";

    /// <summary>The synthetic cement-kiln hourly packet (CRC 9D41).</summary>
    public const string SyntheticHourly =
        "##0365QN=20250101100000000;ST=31;CN=2061;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&DataTime=20250101090000;a00000-Cou=180000,a00000-Flag=N;a21026-Avg=25.3,a21026-ZsAvg=32.7,a21026-Cou=4.554,a21026-Flag=N;a21002-Avg=40.2,a21002-ZsAvg=52.0,a21002-Cou=7.236,a21002-Flag=N;a34013-Avg=5.1,a34013-ZsAvg=6.6,a34013-Cou=0.918,a34013-Flag=N;a19001-Avg=12.5,a19001-Flag=N&&9D41";

    /// <summary>The synthetic real-time packet with a calibration flag on NOx (CRC 0500).</summary>
    public const string SyntheticRealTime =
        "##0236QN=20250101093000123;ST=31;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&DataTime=20250101093000;a21026-Rtd=26.0,a21026-ZsRtd=33.6,a21026-Flag=N;a21002-Rtd=41.0,a21002-ZsRtd=53.1,a21002-Flag=C;a19001-Rtd=12.5,a19001-Flag=N&&0500";

    /// <summary>A standard header: ST, CN, PW and a 24-character MN, Flag 4 (2017, no answer), no QN.</summary>
    public const string Header = "QN=20250101100000000;ST=31;CN=2061;PW=123456;MN=010000A8900016F000169DC0;Flag=4;";

    /// <summary>Frames <paramref name="segment"/> with its length and its Annex A CRC (upper case), without CRLF.</summary>
    public static string Frame(string segment) => Frame(segment, ReferenceCrc(Encoding.UTF8.GetBytes(segment)));

    /// <summary>Frames <paramref name="segment"/> with the given CRC value, without CRLF.</summary>
    public static string Frame(string segment, ushort crc) =>
        string.Create(CultureInfo.InvariantCulture, $"##{Encoding.UTF8.GetByteCount(segment):D4}{segment}{crc:X4}");

    /// <summary>The Annex A CRC, transcribed statement by statement from the C code the standard prints.</summary>
    public static ushort ReferenceCrc(ReadOnlySpan<byte> message)
    {
        int crcReg = 0xFFFF;
        for (int i = 0; i < message.Length; i++)
        {
            crcReg = (crcReg >> 8) ^ message[i];
            for (int j = 0; j < 8; j++)
            {
                int check = crcReg & 0x0001;
                crcReg >>= 1;
                if (check == 0x0001)
                {
                    crcReg ^= 0xA001;
                }
            }
        }

        return (ushort)crcReg;
    }

    /// <summary>CRC-16/MODBUS (reflected polynomial 0xA001, initial 0xFFFF), the algorithm some loggers use instead.</summary>
    public static ushort ReferenceModbus(ReadOnlySpan<byte> message)
    {
        int crc = 0xFFFF;
        foreach (byte b in message)
        {
            crc ^= b;
            for (int j = 0; j < 8; j++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1;
            }
        }

        return (ushort)crc;
    }
}
