using System.Diagnostics;
using System.Globalization;
using System.Text;
using Shapotou.Sdk.Monitoring.Hj212;
using Shapotou.Sdk.Monitoring.Receiver;
using Shapotou.Sdk.TestKit;

namespace Shapotou.Sdk.Monitoring.Tests.Hj212;

/// <summary>
/// Seeded fuzzing of the codec over mutations of the real packets (Sep's fuzz-test pattern): bit flips, separators,
/// insertions, deletions, truncations, repeated and swapped runs, huge or wrong declared lengths, non-UTF-8 bytes. The
/// rule per mutant: it parses to the original packet or is refused with a documented <see cref="Hj212Rejection"/> —
/// never another exception — and each case ends well within a hang guard. The one exception the standard forces: a
/// mutant whose own data segment carries the declared Annex A CRC is a valid packet (a CRC collision, about 1 in 256). Mutants whose length and CRC are made
/// right again reach the field parser: accepted or refused, and every accessor of an accepted one works.
/// </summary>
public sealed class Hj212CodecFuzzTests
{
    private const int Cases = 6000;
    private static readonly TimeSpan s_hangGuard = TimeSpan.FromSeconds(2);
    private static readonly byte[] s_special = "#;,=&-\r\n0123456789ABCDEF\0 \u00ff"u8.ToArray().Concat(new byte[] { 0xFF, 0xC3, 0xE6, 0x80 }).ToArray();

    private enum Mutation
    {
        FlipBit,
        Special,
        Insert,
        Delete,
        Truncate,
        Repeat,
        Swap,
        DeclaredLength,
    }

    private static byte[][] Originals() =>
        PacketFiles.Accept
            .Append(Hj212Samples.SyntheticHourly)
            .Append(Hj212Samples.SyntheticRealTime)
            .Select(Encoding.UTF8.GetBytes)
            .ToArray();

    [Fact]
    public void Parse_MutantsOfRealPackets_AreTheOriginalOrRefusedWithADocumentedReason()
    {
        byte[][] originals = Originals();
        var random = new Random(SeededData.DefaultSeed);
        int same = 0;
        int collisions = 0;
        for (int i = 0; i < Cases; i++)
        {
            int index = random.Next(originals.Length);
            byte[] mutant = Mutate(originals[index], random, out string what);
            string context = $"seed {SeededData.DefaultSeed}, case {i}: packet {index}, {what}";
            Hj212ParseResult result = ParseWithinGuard(mutant, Hj212ParseOptions.Default, context);
            if (result.Packet is { } packet)
            {
                Hj212Packet original = Hj212Packet.Parse(originals[index]).Packet!;
                if (packet.DataSegmentUtf8.SequenceEqual(original.DataSegmentUtf8))
                {
                    same++; // the original (a changed letter case of the CRC, a CRLF removed)
                }
                else
                {
                    // Another packet the standard calls valid: its own data segment has the declared Annex A CRC. The
                    // Annex A register carries only its high byte from one byte to the next, and every data segment
                    // ends with '&', so the CRC takes at most 256 values and about 1 in 256 corruptions passes it.
                    Assert.True(packet.Crc == Hj212Crc.Compute(packet.DataSegmentUtf8), context);
                    collisions++;
                }
            }
            else
            {
                AssertDocumented(result.Rejection, context);
            }

            // The receiver answers rejected frames from what it can read of them: never throws either.
            _ = Hj212Answers.ForRejected(mutant, result.Rejection?.Reason ?? Hj212RejectionReason.Syntax);
        }

        Assert.True(same > 0, "no mutant was harmless");
        Assert.True(collisions < Cases / 100, $"{collisions} mutants passed the Annex A CRC with other data");
    }

    [Fact]
    public void Parse_MutantsWithLengthAndCrcMadeRight_AreAcceptedWithWorkingAccessorsOrRefusedWithADocumentedReason()
    {
        byte[][] originals = Originals();
        var random = new Random(SeededData.DefaultSeed + 1);
        var lenient = new Hj212ParseOptions { LenientCrc = true, MaxDataLength = Hj212ParseOptions.LargestDataLength };
        int accepted = 0;
        for (int i = 0; i < Cases; i++)
        {
            int index = random.Next(originals.Length);
            byte[] segment = originals[index][6..^4];
            byte[] mutantSegment = Mutate(segment, random, out string what);
            if (mutantSegment.Length > 9999)
            {
                mutantSegment = mutantSegment[..9999];
            }

            byte[] mutant = Frame(mutantSegment);
            string context = $"seed {SeededData.DefaultSeed + 1}, case {i}: packet {index}, {what} in the data segment";
            foreach (Hj212ParseOptions options in new[] { Hj212ParseOptions.Default, lenient })
            {
                Hj212ParseResult result = ParseWithinGuard(mutant, options, context);
                if (result.Packet is { } packet)
                {
                    accepted++;
                    Touch(packet);
                    _ = Hj212Answers.For(packet);
                    _ = DuplicateKey.Of(packet);
                }
                else
                {
                    AssertDocumented(result.Rejection, context);
                    _ = Hj212Answers.ForRejected(mutant, result.Rejection!.Reason);
                }
            }
        }

        Assert.True(accepted > 0, "no mutant reached the accessors");
    }

    [Theory]
    [InlineData("##9999")] // the largest declared length, nothing after it
    [InlineData("##0000&&0000")] // an empty data segment
    [InlineData("##10QN=1")] // a length of two digits
    [InlineData("##-001CP=&&&&0000")] // a negative length
    [InlineData("##0005CP=&&\r\n")] // a line end inside the frame
    public void Parse_HandMadeFrames_AreRefusedWithADocumentedReason(string frame)
    {
        Hj212ParseResult result = ParseWithinGuard(Encoding.UTF8.GetBytes(frame), Hj212ParseOptions.Default, frame);
        AssertDocumented(result.Rejection, frame);
    }

    [Fact]
    public void Parse_AHugeInputWithAHugeDeclaredLength_IsRefusedWithinTheGuard()
    {
        byte[] huge = new byte[8 << 20];
        huge.AsSpan().Fill((byte)'A');
        "##9999"u8.CopyTo(huge);
        Hj212ParseResult result = ParseWithinGuard(huge, new Hj212ParseOptions { MaxDataLength = Hj212ParseOptions.LargestDataLength }, "8 MiB");
        AssertDocumented(result.Rejection, "8 MiB");
        Assert.Equal(Hj212RejectionReason.Length, result.Rejection!.Reason);
    }

    private static Hj212ParseResult ParseWithinGuard(byte[] bytes, Hj212ParseOptions options, string context)
    {
        var clock = Stopwatch.StartNew();
        Hj212ParseResult result;
        try
        {
            result = Hj212Packet.Parse(bytes, options);
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{context}: the parser threw {e.GetType().Name}: {e.Message}");
        }

        Assert.True(clock.Elapsed < s_hangGuard, $"{context}: took {clock.Elapsed}");
        return result;
    }

    private static void AssertDocumented(Hj212Rejection? rejection, string context)
    {
        Assert.NotNull(rejection);
        Assert.True(Enum.IsDefined(rejection.Reason), context);
        Assert.Contains(rejection.ReasonName, new[] { "framing", "length", "crc", "syntax" });
        Assert.StartsWith("Expected ", rejection.Detail, StringComparison.Ordinal);
        Assert.EndsWith(".", rejection.Detail, StringComparison.Ordinal);
    }

    /// <summary>Reads every property of an accepted packet and its fields, as a consumer would.</summary>
    private static void Touch(Hj212Packet packet)
    {
        _ = (packet.Qn, packet.St, packet.Cn, packet.Pw, packet.Mn, packet.Flag, packet.Pnum, packet.Pno, packet.DataTime, packet.Crc, packet.DataSegment, packet.ToString());
        _ = (packet.AnswerRequired, packet.IsSplit, packet.Version, packet.ItemCount);
        foreach (Hj212Field field in packet.Fields)
        {
            _ = (field.Name, field.Code, field.Suffix, field.SuffixKind, field.Value, field.Number, field.ItemIndex);
            _ = packet.TryGetField(field.Name, out _);
        }
    }

    private static byte[] Frame(byte[] segment)
    {
        var frame = new List<byte>(segment.Length + 12);
        frame.AddRange(Encoding.ASCII.GetBytes("##" + segment.Length.ToString("D4", CultureInfo.InvariantCulture)));
        frame.AddRange(segment);
        frame.AddRange(Encoding.ASCII.GetBytes(Hj212Crc.Compute(segment).ToString("X4", CultureInfo.InvariantCulture)));
        frame.AddRange("\r\n"u8.ToArray());
        return [.. frame];
    }

    private static byte[] Mutate(byte[] original, Random random, out string what)
    {
        var bytes = new List<byte>(original);
        int edits = 1 + random.Next(3);
        var names = new List<string>();
        for (int e = 0; e < edits; e++)
        {
            var kind = (Mutation)random.Next(Enum.GetValues<Mutation>().Length);
            int at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            names.Add(kind + "@" + at.ToString(CultureInfo.InvariantCulture));
            switch (kind)
            {
                case Mutation.FlipBit when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case Mutation.Special when bytes.Count > 0:
                    bytes[at] = s_special[random.Next(s_special.Length)];
                    break;
                case Mutation.Insert:
                    bytes.InsertRange(at, Enumerable.Range(0, 1 + random.Next(4)).Select(_ => s_special[random.Next(s_special.Length)]));
                    break;
                case Mutation.Delete when bytes.Count > 0:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(8)));
                    break;
                case Mutation.Truncate:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case Mutation.Repeat when bytes.Count > 0:
                    int length = Math.Min(bytes.Count - at, 1 + random.Next(64));
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                case Mutation.Swap when bytes.Count > 8:
                    int other = random.Next(bytes.Count);
                    (bytes[at], bytes[other]) = (bytes[other], bytes[at]);
                    break;
                case Mutation.DeclaredLength when bytes.Count >= 6:
                    string declared = random.Next(3) switch
                    {
                        0 => "9999",
                        1 => "0000",
                        _ => random.Next(10_000).ToString("D4", CultureInfo.InvariantCulture),
                    };
                    for (int d = 0; d < 4; d++)
                    {
                        bytes[2 + d] = (byte)declared[d];
                    }

                    break;
            }
        }

        what = string.Join(", ", names);
        return [.. bytes];
    }
}
