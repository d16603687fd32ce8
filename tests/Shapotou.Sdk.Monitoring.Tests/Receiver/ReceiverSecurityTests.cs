using System.Text;
using Microsoft.Extensions.Time.Testing;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Monitoring.Aggregation;
using Shapotou.Sdk.Monitoring.Hj212;
using Shapotou.Sdk.Monitoring.Receiver;

namespace Shapotou.Sdk.Monitoring.Tests.Receiver;

/// <summary>Who may store packets: registered MNs with their PWs, MNs that can be stored at all, refusals answered per
/// HJ 212-2017 Table 7, counted, reported and never stored.</summary>
public sealed class ReceiverSecurityTests : IDisposable
{
    private const string LoggerMn = "010000A8900016F000169DC0";
    private const string LoggerPw = "357913";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hj212-security-" + Guid.NewGuid().ToString("N"));

    private string LogDirectory => Path.Combine(_directory, "log");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static Hj212LoggerRegistry Registry() => new([new Hj212RegisteredLogger(LoggerMn, LoggerPw, "DA001")]);

    internal static byte[] Minute(string mn, string pw, DateTime minute, string so2 = "25.3", int flag = 5, string qn = "20250101090000000") =>
        new Hj212PacketBuilder("31", "2051", pw, mn).SetQn(qn).SetFlag(flag)
            .AddDataTime(new DateTimeOffset(minute, TimeSpan.FromHours(8))).EndItem()
            .AddField("a21026-Avg", so2).AddField("a21026-Flag", "N").EndItem()
            .BuildUtf8();

    [Fact]
    public async Task ForgedPacket_WrongPw_IsRefusedWithQnRtn3_AndTheLoggersOwnPacketForThatMinuteIsStored()
    {
        var reports = new List<string>();
        await using Hj212Receiver receiver = Hj212Receiver.Start(new Hj212ReceiverOptions(LogDirectory) { Registry = Registry(), Report = reports.Add });
        using var client = new ReceiverClient(receiver);
        var minute = new DateTime(2025, 1, 1, 9, 0, 0);

        // The forger knows the MN (it is on the wire) but not the PW; it sends first.
        await client.SendAsync(Minute(LoggerMn, "123456", minute, so2: "999.9"));
        Hj212Packet refused = await client.ReadAnswerAsync();
        Assert.Equal(("9011", "3", LoggerMn), (refused.Cn, ReceiverClient.QnRtn(refused), refused.Mn));

        await client.SendAsync(Minute(LoggerMn, LoggerPw, minute));
        Assert.Equal("9014", (await client.ReadAnswerAsync()).Cn);

        Hj212ReceiverStatistics stats = receiver.GetStatistics();
        Assert.Equal((2L, 1L, 1L, 0L, 0L), (stats.Received, stats.Logged, stats.WrongPw, stats.Duplicates, stats.UnknownMn));
        Assert.Equal($"Refused a packet from 127.0.0.1: the PW of MN '{LoggerMn}' is wrong (QnRtn 3).", Assert.Single(reports));

        var sink = new MemorySink();
        Hj212RollResult roll = await Hj212LogRoller.RollAsync(LogDirectory, sink, Registry().OutletByMn, await receiver.SealAsync());
        Assert.Equal(1L, roll.Records);
        CemsPartition partition = Assert.Single(sink.Partitions);
        Assert.Equal(("DA001", 25.3), (partition.OutletId, partition.Rows.Values(CemsChannel.So2).Span[0]));
    }

    [Fact]
    public async Task UnregisteredMn_IsRefusedWithQnRtn4_AndNotStored()
    {
        await using Hj212Receiver receiver = Hj212Receiver.Start(new Hj212ReceiverOptions(LogDirectory) { Registry = Registry() });
        using var client = new ReceiverClient(receiver);
        await client.SendAsync(Minute("010000A8900016F000169DC1", LoggerPw, new DateTime(2025, 1, 1, 9, 0, 0)));
        Hj212Packet refused = await client.ReadAnswerAsync();
        Assert.Equal(("9011", "4"), (refused.Cn, ReceiverClient.QnRtn(refused)));
        Hj212ReceiverStatistics stats = receiver.GetStatistics();
        Assert.Equal((1L, 0L, 1L), (stats.Received, stats.Logged, stats.UnknownMn));
    }

    [Theory]
    [InlineData(250, 'A')] // the long MN: about 250 bytes of valid-looking characters
    [InlineData(28, '沙')] // 28 Chinese characters: 84 bytes of UTF-8
    [InlineData(33, '0')] // one character over the 32 allowed
    [InlineData(5, '/')] // a path separator
    [InlineData(3, '.')] // "..": a parent folder
    public async Task UnstorableMn_WithoutARegistry_IsRefusedWithQnRtn4_BeforeTheLog(int length, char character)
    {
        var reports = new List<string>();
        await using Hj212Receiver receiver = Hj212Receiver.Start(new Hj212ReceiverOptions(LogDirectory) { Report = reports.Add });
        using var client = new ReceiverClient(receiver);
        string mn = new(character, length);
        await client.SendAsync(Minute(mn, LoggerPw, new DateTime(2025, 1, 1, 9, 0, 0)));
        Hj212Packet refused = await client.ReadAnswerAsync();
        Assert.Equal(("9011", "4"), (refused.Cn, ReceiverClient.QnRtn(refused)));

        Hj212ReceiverStatistics stats = receiver.GetStatistics();
        Assert.Equal((1L, 0L, 1L), (stats.Received, stats.Logged, stats.UnknownMn));
        int bytes = Encoding.UTF8.GetByteCount(mn);
        Assert.Equal($"Refused a packet from 127.0.0.1: its MN of {bytes} bytes is not 1 to 32 ASCII letters, digits, '-' or '_' (QnRtn 4).", Assert.Single(reports));
        Assert.Empty(Hj212Log.Read(1, Hj212Log.Segments(LogDirectory)[0].Path));
    }

    [Fact]
    public async Task WithoutARegistry_MnsBeyondMaxLoggers_AreRefused_AndEarlierOnesKeepTheirPlace()
    {
        await using Hj212Receiver receiver = Hj212Receiver.Start(new Hj212ReceiverOptions(LogDirectory) { MaxLoggers = 2 });
        using var client = new ReceiverClient(receiver);
        var minute = new DateTime(2025, 1, 1, 9, 0, 0);
        foreach (string mn in new[] { "A1", "A2", "A3" })
        {
            await client.SendAsync(Minute(mn, LoggerPw, minute));
        }

        Assert.Equal(["9014", "9014", "9011"], [(await client.ReadAnswerAsync()).Cn, (await client.ReadAnswerAsync()).Cn, (await client.ReadAnswerAsync()).Cn]);
        await client.SendAsync(Minute("A1", LoggerPw, minute.AddMinutes(1)));
        Assert.Equal("9014", (await client.ReadAnswerAsync()).Cn);
        Assert.Equal((3L, 1L), (receiver.GetStatistics().Logged, receiver.GetStatistics().UnknownMn));
    }

    [Fact]
    public async Task Reports_AreCappedPerMinute_AndTheRestSummedUpInTheNextMinute()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 1, 0, 0, TimeSpan.Zero));
        var reports = new List<string>();
        await using Hj212Receiver receiver = Hj212Receiver.Start(new Hj212ReceiverOptions(LogDirectory)
        {
            Registry = Registry(),
            Report = r => { lock (reports) { reports.Add(r); } },
            MaxReportsPerMinute = 2,
            TimeProvider = clock,

            // Longer than the minute the test moves the clock by: the answer's write timeout may still be armed when
            // the test has read the answer.
            ReadTimeout = TimeSpan.FromMinutes(2),
        });
        using var client = new ReceiverClient(receiver);
        for (int i = 0; i < 5; i++)
        {
            await client.SendAsync(Minute("B" + i, LoggerPw, new DateTime(2025, 1, 1, 9, 0, 0)));
            await client.ReadAnswerAsync();
        }

        clock.Advance(TimeSpan.FromMinutes(1));
        await client.SendAsync(Minute("C0", LoggerPw, new DateTime(2025, 1, 1, 9, 0, 0)));
        await client.ReadAnswerAsync();

        Assert.Equal(
            [
                "Refused a packet from 127.0.0.1: MN 'B0' is not registered (QnRtn 4).",
                "Refused a packet from 127.0.0.1: MN 'B1' is not registered (QnRtn 4).",
                "3 further reports of the previous minute were counted, not shown.",
                "Refused a packet from 127.0.0.1: MN 'C0' is not registered (QnRtn 4).",
            ],
            reports);
        Assert.Equal(6L, receiver.GetStatistics().UnknownMn);
    }

    [Theory]
    [InlineData("010000A8900016F000169DC0", true)] // the standard's 24 characters
    [InlineData("JLYP01_AIR01_0001", true)] // a real logger's underscores
    [InlineData("8888888000114W", true)] // a real short MN
    [InlineData("", false)] // empty
    [InlineData("A234567890123456789012345678901X", true)] // 32 characters, the most
    [InlineData("A234567890123456789012345678901XY", false)] // 33 characters
    [InlineData("沙坡头", false)] // not ASCII
    [InlineData("a b", false)] // a space
    [InlineData("..", false)] // a parent folder
    [InlineData("a/b", false)] // a path separator
    public void IsValidMn_LengthAndCharacters(string mn, bool valid)
    {
        Assert.Equal(valid, Hj212LoggerRegistry.IsValidMn(mn));
        Assert.Equal(valid, Hj212LoggerRegistry.IsValidMn(Encoding.UTF8.GetBytes(mn)));
    }

    [Fact]
    public void Parse_RegistryText_ReadsLoggersSkippingCommentsAndBlankLines()
    {
        Hj212LoggerRegistry registry = Hj212LoggerRegistry.Parse("\uFEFF# MN,PW,OUTLET_ID\r\n010000A8900016F000169DC0, 123456 ,DA001\r\n\r\nJLYP01_AIR01_0001,abc\n");
        Assert.Equal(2, registry.Count);
        Assert.True(registry.TryGetLogger("010000A8900016F000169DC0", out Hj212RegisteredLogger? first));
        Assert.Equal(new Hj212RegisteredLogger("010000A8900016F000169DC0", "123456", "DA001"), first);
        Assert.Equal("JLYP01_AIR01_0001", registry.OutletByMn["JLYP01_AIR01_0001"]);
    }

    [Theory]
    [InlineData("A1\n", "Registry r.txt, line 1, has 1 field(s); expected MN,PW or MN,PW,OUTLET_ID.")] // no PW
    [InlineData("A1,1,2,3\n", "Registry r.txt, line 1, has 4 field(s); expected MN,PW or MN,PW,OUTLET_ID.")] // too many fields
    [InlineData("# c\nA/1,123456\n", "Registry r.txt, line 2: MN 'A/1' is not valid; expected 1 to 32 ASCII letters, digits, '-' or '_'.")] // a path in the MN
    [InlineData("A1,,DA001\n", "Registry r.txt, line 1: PW of MN 'A1' is not valid; expected 1 to 64 characters without a control character, ';', ',', '=' or '&'.")] // empty PW
    [InlineData("A1,1;2\n", "Registry r.txt, line 1: PW of MN 'A1' is not valid; expected 1 to 64 characters without a control character, ';', ',', '=' or '&'.")] // a separator in the PW
    [InlineData("A1,123456,../x\n", "Registry r.txt, line 1: Outlet id '../x' of MN 'A1' is not valid; expected 1 to 64 bytes of UTF-8 without a control character, '/' or '\\'.")] // a path as outlet id
    [InlineData("A1,1\nA1,2\n", "Registry r.txt, line 2: MN 'A1' is registered twice; expected each data logger once.")] // the same MN twice
    [InlineData("# only a comment\n", "Registry r.txt names no data logger; expected lines MN,PW[,OUTLET_ID].")] // empty
    public void Parse_BadRegistry_NamesTheLineAndWhatIsWrong(string text, string message)
    {
        ShapotouDataException error = Assert.Throws<ShapotouDataException>(() => Hj212LoggerRegistry.Parse(text, "r.txt"));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void IsValidOutletId_LongChineseId_IsRefused()
    {
        Assert.True(Hj212LoggerRegistry.IsValidOutletId(new string('沙', 21))); // 63 bytes
        Assert.False(Hj212LoggerRegistry.IsValidOutletId(new string('沙', 22))); // 66 bytes
        Assert.False(Hj212LoggerRegistry.IsValidOutletId(" DA001"));
    }
}
