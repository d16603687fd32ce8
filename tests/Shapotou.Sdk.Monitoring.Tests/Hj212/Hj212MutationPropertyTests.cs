using System.Text;
using CsCheck;
using Shapotou.Sdk.Monitoring.Hj212;
using Shapotou.Sdk.Monitoring.Receiver;
using Shapotou.Sdk.TestKit;

namespace Shapotou.Sdk.Monitoring.Tests.Hj212;

/// <summary>Random edits of valid packets — several bytes replaced, inserted or deleted at once — never make the codec
/// throw, and whatever it accepts carries the Annex A CRC of its own data segment. Fixed seed, as the single-byte
/// property beside it.</summary>
public sealed class Hj212MutationPropertyTests
{
    private const int Cases = 3000;

    private enum Edit
    {
        Replace,
        Insert,
        Delete,
    }

    private static byte[][] ValidPackets() =>
        PacketFiles.Accept
            .Append(Hj212Samples.SyntheticHourly)
            .Select(Encoding.UTF8.GetBytes)
            .Concat(Hj212LoggerSimulator.Packets(0, new Hj212SimulationOptions(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 1)) { Minutes = 61 })
                .Select(p => p.Packet[..^2]).Where((_, i) => i % 20 == 0))
            .ToArray();

    [Fact]
    public void Parse_SeveralEditsAtOnce_NeverThrowAndAcceptOnlyItsOwnAnnexACrc()
    {
        byte[][] packets = ValidPackets();
        Gen<(Edit Kind, double Position, byte Value)> edit =
            from kind in Gen.Enum<Edit>()
            from position in Gen.Double[0, 1]
            from value in Gen.OneOf(Gen.Byte, Gen.OneOf("0123456789ABCDEF;,=&#\r\n-".Select(c => (byte)c).ToArray()))
            select (kind, position, value);
        Gen<(int Packet, (Edit, double, byte)[] Edits)> cases =
            from packet in Gen.Int[0, packets.Length - 1]
            from edits in edit.Array[1, 4]
            select (packet, edits);
        var pcg = new PCG(2, (ulong)SeededData.DefaultSeed);
        int accepted = 0;
        var lenient = new Hj212ParseOptions { LenientCrc = true, MaxDataLength = Hj212ParseOptions.LargestDataLength };

        for (int i = 0; i < Cases; i++)
        {
            (int index, (Edit Kind, double Position, byte Value)[] edits) = cases.Generate(pcg, null, out _);
            var bytes = new List<byte>(packets[index]);
            foreach ((Edit kind, double position, byte value) in edits)
            {
                int at = Math.Min(bytes.Count - 1, (int)(position * bytes.Count));
                switch (kind)
                {
                    case Edit.Replace when bytes.Count > 0:
                        bytes[at] = value;
                        break;
                    case Edit.Insert:
                        bytes.Insert(Math.Max(at, 0), value);
                        break;
                    case Edit.Delete when bytes.Count > 1:
                        bytes.RemoveAt(at);
                        break;
                }
            }

            byte[] mutated = [.. bytes];
            string context = $"seed {SeededData.DefaultSeed}, case {i}: packet {index}, {edits.Length} edit(s): {Encoding.UTF8.GetString(mutated)}";
            Hj212ParseResult strict = Hj212Packet.Parse(mutated);
            if (strict.Packet is { } packet)
            {
                accepted++;
                Assert.True(packet.Crc == Hj212Crc.Compute(packet.DataSegmentUtf8), context);
            }
            else
            {
                Assert.NotNull(strict.Rejection);
            }

            Hj212ParseResult loose = Hj212Packet.Parse(mutated, lenient);
            Assert.True(loose.IsAccepted || loose.Rejection is not null, context);
        }

        // Some edits leave a valid packet (a CRC digit's case, an edit undone by the next): the property is not vacuous.
        Assert.InRange(accepted, 1, Cases - 1);
    }
}
