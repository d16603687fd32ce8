using System.Text;
using CsCheck;
using Shapotou.Sdk.Monitoring.Hj212;
using Shapotou.Sdk.TestKit;

namespace Shapotou.Sdk.Monitoring.Tests.Hj212;

/// <summary>Properties of the codec over generated input. Each test draws all of its cases from one CsCheck PCG with
/// a fixed seed, so that a run is reproducible; a failure names the seed and the case.</summary>
public sealed class Hj212PacketPropertyTests
{
    private const int Mutations = 3000;
    private const int RoundTrips = 300;
    private static readonly ulong s_seed = (ulong)SeededData.DefaultSeed;

    private static byte[][] ValidPackets() =>
        PacketFiles.Accept
            .Append(Hj212Samples.SyntheticHourly)
            .Append(Hj212Samples.SyntheticRealTime)
            .Select(Encoding.UTF8.GetBytes)
            .ToArray();

    [Fact]
    public void Parse_SingleByteMutations_NeverThrowAndAreNeverAcceptedWithAWrongCrc()
    {
        byte[][] packets = ValidPackets();
        Gen<(int Packet, int Position, byte Value)> mutation =
            from packet in Gen.Int[0, packets.Length - 1]
            from position in Gen.Int[0, packets[packet].Length - 1]
            from value in Gen.Byte
            select (packet, position, value);
        var pcg = new PCG(1, s_seed);
        int accepted = 0;

        for (int i = 0; i < Mutations; i++)
        {
            (int index, int position, byte value) = mutation.Generate(pcg, null, out _);
            byte[] mutated = (byte[])packets[index].Clone();
            byte original = mutated[position];
            mutated[position] = value;
            string context = $"seed {s_seed}, case {i}: packet {index}, byte {position} 0x{original:X2} → 0x{value:X2}";

            Hj212ParseResult strict = Hj212Packet.Parse(mutated.AsSpan());
            Hj212ParseResult lenient = Hj212Packet.Parse(mutated.AsSpan(), new Hj212ParseOptions { LenientCrc = true });

            if (strict.IsAccepted)
            {
                accepted++;
                (ushort declared, ushort annexA, _) = Crcs(mutated);
                Assert.True(declared == annexA, $"{context}: accepted with CRC {declared:X4}; Annex A gives {annexA:X4}.");
                bool segmentChanged = position >= Hj212Parser.HeaderLength && position < mutated.Length - Hj212Parser.CrcLength;
                Assert.False(segmentChanged && original != value, $"{context}: a changed data segment was accepted.");
            }

            if (lenient.IsAccepted)
            {
                (ushort declared, ushort annexA, ushort modbus) = Crcs(mutated);
                bool isModbus = declared == modbus || declared == (ushort)((modbus << 8) | (modbus >> 8));
                Assert.True(declared == annexA || isModbus, $"{context}: leniently accepted with CRC {declared:X4}, neither Annex A nor MODBUS.");
                Assert.Equal(declared != annexA, lenient.Warnings.Any(w => w.Kind == Hj212WarningKind.ModbusCrc));
            }
        }

        // Unchanged bytes and CRC digits changed in case only are still valid: the property is not vacuous.
        Assert.InRange(accepted, 1, Mutations - 1);
    }

    [Fact]
    public void BuildThenParse_GeneratedCpFields_RoundTrip()
    {
        string[] suffixes = ["Rtd", "Avg", "Min", "Max", "ZsRtd", "ZsAvg", "ZsMin", "ZsMax", "Cou", "Flag", "EFlag", "SampleTime"];
        Gen<(string Name, string Value)> field =
            from code in Gen.OneOf(Hj212Codes.FlueGasFactors.Select(f => f.Code).ToArray())
            from suffix in Gen.OneOf(suffixes)
            from value in Gen.OneOf<string>(
                Gen.Double[-1e6, 1e6].Select(d => d.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)),
                Gen.OneOf("N", "F", "M", "S", "D", "C", "T", "B"),
                Gen.OneOf("0123456789ABCDEFabcdef.-_ 沙".ToCharArray()).Array[0, 12].Select(chars => new string(chars)))
            select (code + "-" + suffix, value);
        Gen<(string Name, string Value)[][]> items = field.Array[1, 4].Array[0, 12];
        var pcg = new PCG(2, s_seed);

        for (int i = 0; i < RoundTrips; i++)
        {
            (string Name, string Value)[][] cp = items.Generate(pcg, null, out _);
            var builder = new Hj212PacketBuilder("31", "2061", "123456", "010000A8900016F000169DC0").SetQn("20250101100000000").SetFlag(5);
            foreach ((string Name, string Value)[] item in cp)
            {
                foreach ((string name, string value) in item)
                {
                    builder.AddField(name, value);
                }

                builder.EndItem();
            }

            string packet;
            try
            {
                packet = builder.Build();
            }
            catch (InvalidOperationException)
            {
                continue; // over 1024 bytes: the builder refuses, as it must
            }

            Hj212ParseResult result = Hj212Packet.Parse(packet);
            string context = $"seed {s_seed}, case {i}: {packet}";
            Assert.True(result.IsAccepted, $"{context}: {result}");
            Assert.Empty(result.Warnings);
            Assert.Equal(
                cp.SelectMany((item, index) => item.Select(f => (f.Name, f.Value, index))),
                result.Packet.Fields.Select(f => (f.Name, f.Value, f.ItemIndex)));
            Assert.Equal(cp.Length, result.Packet.ItemCount);
        }
    }

    private static (ushort Declared, ushort AnnexA, ushort Modbus) Crcs(byte[] packet)
    {
        // The packet was accepted, so it ends in four hex digits, with or without a CRLF after them.
        int end = packet.AsSpan().EndsWith("\r\n"u8) ? packet.Length - 2 : packet.Length;
        ReadOnlySpan<byte> segment = packet.AsSpan(Hj212Parser.HeaderLength, end - Hj212Parser.FrameOverhead);
        ushort declared = Convert.ToUInt16(Encoding.ASCII.GetString(packet, end - 4, 4), 16);
        return (declared, Hj212Samples.ReferenceCrc(segment), Hj212Samples.ReferenceModbus(segment));
    }
}
