namespace Shapotou.Sdk.Monitoring.Hj212;

/// <summary>The CRC of HJ 212-2017 Annex A, over the data segment only.</summary>
/// <remarks>This is not CRC-16/MODBUS: each byte is XORed into the register shifted right by eight, then the register
/// is shifted eight times with the polynomial 0xA001. The official sample's data segment gives 0x1C80.</remarks>
public static class Hj212Crc
{
    /// <summary>Computes the Annex A CRC of <paramref name="dataSegment"/>.</summary>
    /// <param name="dataSegment">The bytes from <c>QN=</c> (or the first field) through the closing <c>&amp;&amp;</c>.</param>
    /// <returns>The 16-bit CRC.</returns>
    public static ushort Compute(ReadOnlySpan<byte> dataSegment)
    {
        uint register = 0xFFFF;
        foreach (byte b in dataSegment)
        {
            register = (register >> 8) ^ b;
            for (int bit = 0; bit < 8; bit++)
            {
                bool carry = (register & 1) != 0;
                register >>= 1;
                if (carry)
                {
                    register ^= 0xA001;
                }
            }
        }

        return (ushort)register;
    }

    /// <summary>Computes CRC-16/MODBUS, which some data loggers send instead of the Annex A CRC.</summary>
    /// <remarks>It differs from <see cref="Compute"/> only in where the byte enters the register: MODBUS XORs it into
    /// the register itself, Annex A into the register shifted right by eight. The official sample gives 0x0759.</remarks>
    internal static ushort ComputeModbus(ReadOnlySpan<byte> dataSegment)
    {
        uint register = 0xFFFF;
        foreach (byte b in dataSegment)
        {
            register ^= b;
            for (int bit = 0; bit < 8; bit++)
            {
                bool carry = (register & 1) != 0;
                register >>= 1;
                if (carry)
                {
                    register ^= 0xA001;
                }
            }
        }

        return (ushort)register;
    }

    /// <summary>Writes <paramref name="crc"/> as four upper-case hexadecimal digits, high byte first.</summary>
    internal static void Format(ushort crc, Span<byte> destination)
    {
        const string Digits = "0123456789ABCDEF";
        destination[0] = (byte)Digits[crc >> 12];
        destination[1] = (byte)Digits[(crc >> 8) & 0xF];
        destination[2] = (byte)Digits[(crc >> 4) & 0xF];
        destination[3] = (byte)Digits[crc & 0xF];
    }

    /// <summary>Formats <paramref name="crc"/> as four upper-case hexadecimal digits, as Annex A prints it.</summary>
    internal static string Format(ushort crc) => crc.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
}
