using System.Globalization;
using System.Text;
using Shapotou.Sdk.Monitoring.Hj212;

namespace Shapotou.Sdk.Monitoring.Receiver;

/// <summary>The receiver's answers (HJ 212-2017 Table 9): 9014 data answer, 9011 request answer with QnRtn
/// (Table 7), sent only when the packet's Flag bit A asks for one.</summary>
internal static class Hj212Answers
{
    /// <summary>QnRtn 1: ready to execute.</summary>
    public const int Ready = 1;

    /// <summary>QnRtn 3: PW error.</summary>
    public const int PwError = 3;

    /// <summary>QnRtn 4: MN error.</summary>
    public const int MnError = 4;

    /// <summary>QnRtn 9: CRC error.</summary>
    public const int CrcError = 9;

    /// <summary>QnRtn 100: unknown.</summary>
    public const int Unknown = 100;

    /// <summary>The answer an accepted packet asks for: 9014 to an upload (CN 2xxx), none to an answer (CN 9xxx), 9011
    /// with QnRtn otherwise; <see langword="null"/> when bit A is not set.</summary>
    public static byte[]? For(Hj212Packet packet, int? qnRtn = null)
    {
        if (!packet.AnswerRequired)
        {
            return null;
        }

        string cn = packet.Cn;
        if (qnRtn is null && cn.StartsWith('9'))
        {
            return null;
        }

        return Build(packet.Qn, packet.Pw, packet.Mn, qnRtn is null && cn.StartsWith('2') ? null : qnRtn ?? Ready);
    }

    /// <summary>The 9011 answer to a rejected frame, from the QN, PW, MN and Flag found in its bytes; <see langword="null"/>
    /// when they cannot be found or the Flag does not ask for an answer.</summary>
    public static byte[]? ForRejected(ReadOnlySpan<byte> frame, Hj212RejectionReason reason)
    {
        string? flag = Field(frame, "Flag="u8);
        string? mn = Field(frame, "MN="u8);
        if (mn is null || flag is null || !int.TryParse(flag, NumberStyles.None, CultureInfo.InvariantCulture, out int bits) || (bits & 1) == 0)
        {
            return null;
        }

        return Build(Field(frame, "QN="u8), Field(frame, "PW="u8) ?? string.Empty, mn, reason == Hj212RejectionReason.Crc ? CrcError : Unknown);
    }

    private static byte[]? Build(string? qn, string pw, string mn, int? qnRtn)
    {
        try
        {
            var builder = new Hj212PacketBuilder("91", qnRtn is null ? "9014" : "9011", pw, mn).SetFlag(4);
            if (qn is not null)
            {
                builder.SetQn(qn);
            }

            if (qnRtn is { } code)
            {
                builder.AddField("QnRtn", code.ToString(CultureInfo.InvariantCulture));
            }

            return builder.BuildUtf8();
        }
        catch (ArgumentException)
        {
            // A field the answer cannot carry (a separator in a damaged frame): no answer rather than a wrong one.
            return null;
        }
    }

    private static string? Field(ReadOnlySpan<byte> frame, ReadOnlySpan<byte> name)
    {
        int at = 0;
        while (at < frame.Length)
        {
            int found = frame[at..].IndexOf(name);
            if (found < 0)
            {
                return null;
            }

            int start = at + found;
            if (start == 0 || frame[start - 1] == (byte)';' || (start >= 6 && start == 6))
            {
                ReadOnlySpan<byte> rest = frame[(start + name.Length)..];
                int end = rest.IndexOfAny((byte)';', (byte)'&');
                return Encoding.UTF8.GetString(end < 0 ? rest : rest[..end]);
            }

            at = start + name.Length;
        }

        return null;
    }
}
