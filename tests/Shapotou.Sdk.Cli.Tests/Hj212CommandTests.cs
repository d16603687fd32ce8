using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Shapotou.Sdk.TestKit;

namespace Shapotou.Sdk.Cli.Tests;

public sealed class Hj212CommandTests
{
    private const string Official =
        "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80";

    private const string SyntheticHourly =
        "##0365QN=20250101100000000;ST=31;CN=2061;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&DataTime=20250101090000;a00000-Cou=180000,a00000-Flag=N;a21026-Avg=25.3,a21026-ZsAvg=32.7,a21026-Cou=4.554,a21026-Flag=N;a21002-Avg=40.2,a21002-ZsAvg=52.0,a21002-Cou=7.236,a21002-Flag=N;a34013-Avg=5.1,a34013-ZsAvg=6.6,a34013-Cou=0.918,a34013-Flag=N;a19001-Avg=12.5,a19001-Flag=N&&9D41";

    /// <summary>What <c>check</c> prints for each line of reject.txt with the default options.</summary>
    private static readonly string[] s_rejectOutput =
    [
        "rejected: crc: Expected CRC 2D00 (HJ 212-2017 Annex A), found 1100.",
        "rejected: crc: Expected CRC 3C00 (HJ 212-2017 Annex A), found 4980.",
        "rejected: crc: Expected CRC 7340 (HJ 212-2017 Annex A), found f9c1.",
        "rejected: crc: Expected CRC D801 (HJ 212-2017 Annex A), found 2800.",
        "rejected: crc: Expected CRC 0440 (HJ 212-2017 Annex A), found A6EC, which is CRC-16/MODBUS with its bytes swapped and is accepted only with the lenient CRC option.",
        "rejected: length: Expected a declared data-segment length of at most 1024, found 1025.",
        "rejected: length: Expected a declared data-segment length of at most 1024, found 1623.",
        "rejected: length: Expected a data segment of 428 bytes as declared, found 431 bytes.",
        "rejected: crc: Expected CRC 8BC1 (HJ 212-2017 Annex A), found 9983.",
        "rejected: length: Expected a data segment of 462 bytes as declared, found 452 bytes.",
    ];

    private static string[] Accept => ReadPackets("accept.txt");

    private static string[] Reject => ReadPackets("reject.txt");

    private static string[] Lines(string text) => text.Split(Environment.NewLine).SkipLast(1).ToArray();

    [Fact]
    public void Check_FileMixingAcceptedAndRejectedPackets_PrintsOneLinePerInputLine_AndExits1()
    {
        // Alternate the files: accept 1, reject 1, accept 2, reject 2, …, accept 11.
        string[] accept = Accept;
        string[] reject = Reject;
        var input = new List<string>();
        var expected = new List<string>();
        for (int i = 0; i < accept.Length; i++)
        {
            input.Add(accept[i]);
            expected.Add("ok");
            if (i < reject.Length)
            {
                input.Add(reject[i]);
                expected.Add(s_rejectOutput[i]);
            }
        }

        using var file = new TemporaryFile(string.Join("\n", input) + "\n", ".txt");

        (int exitCode, string output, string error) = CliRunner.Run("hj212", "check", file.Path);

        Assert.Equal(1, exitCode);
        Assert.Equal(expected, Lines(output));
        string[] warnings = Lines(error);
        Assert.All(warnings, w => Assert.Matches(@"^line (1|3|5|7|9|11|13|15|17|19|21): warning: [A-Z0-9'].*\.$", w));
        Assert.Contains("line 3: warning: PW has 24 characters; HJ 212-2017 specifies 6.", warnings);
        Assert.Contains("line 7: warning: Flag 8 has version bits 000010; HJ 212-2017 is 000001.", warnings);
        Assert.DoesNotContain(warnings, w => w.StartsWith("line 1: ", StringComparison.Ordinal)); // the official sample
    }

    [Fact]
    public void Check_AcceptTxtWithCrLfLineEnds_IsAllOk_AndExits0()
    {
        using var file = new TemporaryFile(string.Join("\r\n", Accept) + "\r\n", ".txt");

        (int exitCode, string output, string error) = CliRunner.Run("hj212", "check", file.Path);

        Assert.Equal(0, exitCode);
        Assert.Equal(Enumerable.Repeat("ok", 11), Lines(output));
        Assert.Contains("line 2: warning: MN has 15 characters; HJ 212-2017 specifies 24.", Lines(error));
    }

    [Fact]
    public void Check_RejectTxt_PrintsEachReason()
    {
        using var file = new TemporaryFile(string.Join("\n", Reject), ".txt"); // no newline after the last line

        (int exitCode, string output, string error) = CliRunner.Run("hj212", "check", file.Path);

        Assert.Equal(1, exitCode);
        Assert.Equal(s_rejectOutput, Lines(output));
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public void Check_LenientCrc_AcceptsTheModbusPacketWithinTheLengthLimit_WithAWarning()
    {
        using var file = new TemporaryFile(string.Join("\n", Reject) + "\n", ".txt");

        (int exitCode, string output, string error) = CliRunner.Run("hj212", "check", "--lenient-crc", file.Path);

        string[] expected = [.. s_rejectOutput];
        expected[4] = "ok";
        Assert.Equal(1, exitCode);
        Assert.Equal(expected, Lines(output));
        Assert.StartsWith(
            "line 5: warning: CRC A6EC is CRC-16/MODBUS with its bytes swapped, not HJ 212-2017 Annex A (0440); accepted by the lenient CRC option." + Environment.NewLine,
            error,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LenientCrcAndMaxLength_AcceptsAllThreeModbusPackets()
    {
        using var file = new TemporaryFile(string.Join("\n", Reject) + "\n", ".txt");

        (int exitCode, string output, _) = CliRunner.Run("hj212", "check", "--lenient-crc", "--max-length", "9999", file.Path);

        string[] expected = [.. s_rejectOutput];
        expected[4] = expected[5] = expected[6] = "ok";
        Assert.Equal(1, exitCode);
        Assert.Equal(expected, Lines(output));
    }

    [Fact]
    public void Check_Json_WritesOneObjectPerLineWithEveryField()
    {
        using var file = new TemporaryFile(string.Join("\n", Official, SyntheticHourly, Reject[0], Accept[1]) + "\n", ".txt");

        (int exitCode, string output, string error) = CliRunner.Run("hj212", "check", "--json", file.Path);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, error);
        JsonElement[] lines = Lines(output).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToArray();
        Assert.Equal(4, lines.Length);

        JsonElement official = lines[0];
        Assert.Equal(["line", "ok", "reason", "detail", "warnings", "packet"], official.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, official.GetProperty("line").GetInt32());
        Assert.True(official.GetProperty("ok").GetBoolean());
        Assert.Equal(JsonValueKind.Null, official.GetProperty("reason").ValueKind);
        Assert.Equal(0, official.GetProperty("warnings").GetArrayLength());
        JsonElement packet = official.GetProperty("packet");
        Assert.Equal(
            ["qn", "st", "cn", "pw", "mn", "flag", "pnum", "pno", "data_time", "cp", "crc"],
            packet.EnumerateObject().Select(p => p.Name));
        Assert.Equal("20160801085857223", packet.GetProperty("qn").GetString());
        Assert.Equal("32", packet.GetProperty("st").GetString());
        Assert.Equal("1062", packet.GetProperty("cn").GetString());
        Assert.Equal("100000", packet.GetProperty("pw").GetString());
        Assert.Equal("010000A8900016F000169DC0", packet.GetProperty("mn").GetString());
        Assert.Equal(5, packet.GetProperty("flag").GetInt32());
        Assert.Equal(JsonValueKind.Null, packet.GetProperty("pnum").ValueKind);
        Assert.Equal(JsonValueKind.Null, packet.GetProperty("pno").ValueKind);
        Assert.Equal(JsonValueKind.Null, packet.GetProperty("data_time").ValueKind);
        Assert.Equal("""[{"code":"RtdInterval","suffix":null,"value":"30"}]""", packet.GetProperty("cp").GetRawText());
        Assert.Equal("1C80", packet.GetProperty("crc").GetString());

        JsonElement hourly = lines[1].GetProperty("packet");
        Assert.Equal("2025-01-01T09:00:00+08:00", hourly.GetProperty("data_time").GetString());
        JsonElement so2 = hourly.GetProperty("cp")[4];
        Assert.Equal(("a21026", "ZsAvg", "32.7"), (so2.GetProperty("code").GetString(), so2.GetProperty("suffix").GetString(), so2.GetProperty("value").GetString()));
        Assert.Equal(17, hourly.GetProperty("cp").GetArrayLength());

        JsonElement rejected = lines[2];
        Assert.Equal(3, rejected.GetProperty("line").GetInt32());
        Assert.False(rejected.GetProperty("ok").GetBoolean());
        Assert.Equal("crc", rejected.GetProperty("reason").GetString());
        Assert.Equal("Expected CRC 2D00 (HJ 212-2017 Annex A), found 1100.", rejected.GetProperty("detail").GetString());
        Assert.Equal(JsonValueKind.Null, rejected.GetProperty("packet").ValueKind);

        JsonElement warned = lines[3];
        Assert.True(warned.GetProperty("ok").GetBoolean());
        Assert.Equal(
            ["PW has 24 characters; HJ 212-2017 specifies 6.", "MN has 15 characters; HJ 212-2017 specifies 24.",
             "5 codes are not flue-gas factors of HJ 212-2017 Table B.2: 'a34006', 'a34007', 'a34048', 'a34047', 'a34049'."],
            warned.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal("2.69700", warned.GetProperty("packet").GetProperty("cp")[1].GetProperty("value").GetString());
    }

    [Fact]
    public void Check_EmptyLineAndByteOrderMark_AreHandledPerLine()
    {
        using var file = new TemporaryFile("\uFEFF" + Official + "\n\n" + Official + "\n", ".txt");

        (int exitCode, string output, _) = CliRunner.Run("hj212", "check", file.Path);

        Assert.Equal(1, exitCode);
        Assert.Equal(["ok", "rejected: framing: Expected '##' at the start of the packet, found an empty packet.", "ok"], Lines(output));
    }

    [Fact]
    public void Check_OverlongLine_IsRejectedWithOneSentence_AndTheNextLinesAreStillChecked()
    {
        using var file = new TemporaryFile(Official + "\n" + new string('#', 100_000) + "\r\n" + Official + "\n" + new string('x', 20_000), ".txt");

        (int exitCode, string output, string error) = CliRunner.Run("hj212", "check", file.Path);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            [
                "ok",
                "rejected: length: Expected a line of at most 16384 bytes, found 100001 bytes without a line break.",
                "ok",
                "rejected: length: Expected a line of at most 16384 bytes, found 20000 bytes without a line break.",
            ],
            Lines(output));
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public void Check_OverlongLine_Json_IsALengthRejection()
    {
        using var file = new TemporaryFile(new string('x', 20_000) + "\n", ".txt");

        (int exitCode, string output, _) = CliRunner.Run("hj212", "check", "--json", file.Path);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            """{"line":1,"ok":false,"reason":"length","detail":"Expected a line of at most 16384 bytes, found 20000 bytes without a line break.","warnings":[],"packet":null}""",
            Assert.Single(Lines(output)));
    }

    [Fact]
    public void LineReader_HundredsOfMegabytesWithoutALineBreak_AreSkippedInBoundedMemory()
    {
        // 400 MB without a LF, then one packet: generated as read, never held.
        const long Length = 400L << 20;
        using var stream = new GeneratedStream(Length, Encoding.ASCII.GetBytes("\n" + Official + "\n"));
        var reader = new Shapotou.Sdk.Cli.Commands.Hj212Command.LineReader(stream);
        long before = GC.GetAllocatedBytesForCurrentThread();

        Assert.True(reader.TryReadLine(out ReadOnlySpan<byte> first, out long overlong));
        Assert.Equal((0, Length), (first.Length, overlong));
        Assert.True(reader.TryReadLine(out ReadOnlySpan<byte> second, out overlong));
        Assert.Equal((Official, 0L), (Encoding.ASCII.GetString(second), overlong));
        Assert.False(reader.TryReadLine(out _, out _));

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < (1 << 20), $"allocated {allocated} bytes");
    }

    /// <summary>A stream of <c>length</c> bytes of 'x' and then a tail, made as it is read.</summary>
    private sealed class GeneratedStream(long length, byte[] tail) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length + tail.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position < length)
            {
                int run = (int)Math.Min(count, length - _position);
                buffer.AsSpan(offset, run).Fill((byte)'x');
                _position += run;
                return run;
            }

            int rest = (int)Math.Min(count, Length - _position);
            tail.AsSpan((int)(_position - length), rest).CopyTo(buffer.AsSpan(offset));
            _position += rest;
            return rest;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void Check_MissingFile_IsAnIoError_Exit2()
    {
        (int exitCode, string output, string error) = CliRunner.Run("hj212", "check", "/nonexistent/packets.txt");

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal("Packet file '/nonexistent/packets.txt' does not exist." + Environment.NewLine, error);
    }

    [Theory]
    [InlineData("10000")] // more than 4 digits can declare
    [InlineData("-1")] // negative
    public void Check_MaxLengthOutOfRange_IsAUsageError_Exit2(string value)
    {
        (int exitCode, string output, string error) = CliRunner.Run("hj212", "check", "--max-length", value, "/nonexistent/packets.txt");

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"--max-length must be from 0 to 9999; found {value}.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ExtraArgument_IsAUsageError_Exit2()
    {
        (int exitCode, _, _) = CliRunner.Run("hj212", "check", "a.txt", "b.txt");

        Assert.Equal(2, exitCode);
    }

    [Theory]
    [InlineData("-")] // '-' names standard input
    [InlineData(null)] // no argument reads standard input too
    public async Task Check_StandardInput_IsReadWhenTheArgumentIsDashOrAbsent(string? argument)
    {
        string[] args = argument is null ? ["hj212", "check"] : ["hj212", "check", argument];

        (int exitCode, string output, string error) = await RunProcessAsync(Official + "\r\n" + Reject[0] + "\n", args);

        Assert.True(exitCode == 1, error);
        Assert.Equal(["ok", s_rejectOutput[0]], Lines(output));
    }

    /// <summary>Runs the built tool as a child process, so that its standard input is a real pipe.</summary>
    private static async Task<(int ExitCode, string Output, string Error)> RunProcessAsync(string input, string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Shapotou.Sdk.Cli.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The tool did not start.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The dotnet host running the tests, or the one on PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        return Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
    }

    /// <summary>The real packets: the copy in the Monitoring tests' data folder, or else the original in shared/,
    /// both found from the repository root (the folder holding Shapotou.Sdk.sln).</summary>
    private static string[] ReadPackets(string name)
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Shapotou.Sdk.sln")))
            {
                string copy = Path.Combine(directory.FullName, "tests", "Shapotou.Sdk.Monitoring.Tests", "data", name);
                string shared = Path.Combine(directory.FullName, "..", "shared", "reference", "hj212-packets", name);
                string path = File.Exists(copy) ? copy : shared;
                return File.ReadAllLines(path).Where(line => line.Length > 0).ToArray();
            }
        }

        throw new DirectoryNotFoundException($"No Shapotou.Sdk.sln above {AppContext.BaseDirectory}.");
    }

    [Theory]
    [InlineData(2, 120, 0)] // from a clock hour: 120 minutes and 2 hours each
    [InlineData(1, 90, 30)] // from minute 30: the half hour before the first full hour has no hourly packet
    [InlineData(4, 59, 0)] // less than an hour: minutes only
    public void ExpectedPackets_IsWhatTheLoggersSend(int loggers, int minutes, int startMinute)
    {
        var options = new Shapotou.Sdk.Monitoring.Receiver.Hj212SimulationOptions(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 1))
        {
            Loggers = loggers,
            Minutes = minutes,
            Start = new DateTime(2025, 1, 1, 0, startMinute, 0),
        };

        long sent = Enumerable.Range(0, loggers).Sum(i => (long)Shapotou.Sdk.Monitoring.Receiver.Hj212LoggerSimulator.Packets(i, options).Count());

        Assert.Equal(sent, Shapotou.Sdk.Cli.Commands.Hj212SimulateCommand.ExpectedPackets(options));
        Assert.Equal(loggers * (minutes + (startMinute == 0 ? minutes / 60 : (minutes - (60 - startMinute)) / 60)), sent);
    }
}
