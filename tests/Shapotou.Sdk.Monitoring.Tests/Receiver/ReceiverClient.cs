using System.Net.Sockets;
using System.Text;
using Shapotou.Sdk.Monitoring.Hj212;
using Shapotou.Sdk.Monitoring.Receiver;

namespace Shapotou.Sdk.Monitoring.Tests.Receiver;

/// <summary>A line-oriented TCP client of a receiver on loopback, with hang guards on every wait.</summary>
internal sealed class ReceiverClient : IDisposable
{
    private static readonly TimeSpan s_hangGuard = TimeSpan.FromSeconds(20);
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly List<byte> _pending = [];

    public ReceiverClient(Hj212Receiver receiver)
    {
        _client = new TcpClient();
        _client.Connect(receiver.LocalEndPoint);
        _stream = _client.GetStream();
    }

    public Task SendAsync(byte[] bytes) => _stream.WriteAsync(bytes).AsTask();

    /// <summary>Reads the next answer line, or <see langword="null"/> when the receiver closed the connection.</summary>
    public async Task<string?> ReadLineOrEndAsync()
    {
        using var timeout = new CancellationTokenSource(s_hangGuard);
        byte[] buffer = new byte[4096];
        while (true)
        {
            int lf = _pending.IndexOf((byte)'\n');
            if (lf >= 0)
            {
                string line = Encoding.UTF8.GetString(_pending.GetRange(0, lf).ToArray()).TrimEnd('\r');
                _pending.RemoveRange(0, lf + 1);
                return line;
            }

            int read;
            try
            {
                read = await _stream.ReadAsync(buffer, timeout.Token);
            }
            catch (IOException)
            {
                return null; // reset by the receiver
            }

            if (read == 0)
            {
                return null;
            }

            _pending.AddRange(buffer.AsSpan(0, read).ToArray());
        }
    }

    /// <summary>Reads the next answer line; the receiver closing the connection first fails the test.</summary>
    public async Task<string> ReadLineAsync()
    {
        string? line = await ReadLineOrEndAsync();
        Assert.NotNull(line);
        return line;
    }

    public async Task<Hj212Packet> ReadAnswerAsync()
    {
        string? line = await ReadLineOrEndAsync();
        Assert.NotNull(line);
        return Hj212Packet.Parse(line).Packet ?? throw new InvalidOperationException($"Not an answer: {line}");
    }

    /// <summary>Waits until the receiver closes the connection (a hang guard, not a timing assertion).</summary>
    public async Task<bool> IsClosedByReceiverAsync() => await ReadLineOrEndAsync() is null;

    public void Dispose()
    {
        _stream.Dispose();
        _client.Dispose();
    }

    /// <summary>Waits until a condition on the receiver's statistics holds (its own signal), failing after the hang guard.</summary>
    public static async Task WaitUntilAsync(Hj212Receiver receiver, Func<Hj212ReceiverStatistics, bool> condition, Action? step = null)
    {
        using var timeout = new CancellationTokenSource(s_hangGuard);
        while (!condition(receiver.GetStatistics()))
        {
            Assert.False(timeout.IsCancellationRequested, "The receiver did not reach the expected state: " + receiver.GetStatistics());
            step?.Invoke();
            await Task.Delay(10);
        }
    }

    public static string QnRtn(Hj212Packet answer) => answer.TryGetField("QnRtn", out Hj212Field field) ? field.Value : "(none)";
}
