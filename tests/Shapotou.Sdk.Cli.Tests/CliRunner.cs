using System.Text;
using System.Text.RegularExpressions;

namespace Shapotou.Sdk.Cli.Tests;

/// <summary>Runs the tool in-process and captures what it writes to standard output and standard error.</summary>
internal static partial class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = ShapotouApp.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Starts <c>hj212 serve --port 0</c> with <paramref name="args"/>: the test learns the port the server bound from its
    /// own "listening on" line (no port probed and freed first, which another process could take), and stops it when its
    /// clients are done (no stop after a number of seconds, which a loaded machine can outrun).
    /// </summary>
    public static ServeRun Serve(params string[] args) => new(args);

    /// <summary>A server started by <see cref="Serve"/>.</summary>
    internal sealed partial class ServeRun : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly SignallingWriter _error;

        public ServeRun(string[] args)
        {
            _error = new SignallingWriter();
            var output = new StringWriter();
            string[] all = ["hj212", "serve", "--port", "0", .. args];
            Completion = Task.Run(() =>
            {
                int code = ShapotouApp.Run(all, output, _error, _stop.Token);
                _error.Ended();
                return (code, output.ToString(), _error.ToString());
            });
        }

        /// <summary>Gets the port the server listens on, once it does (faults if it ends first).</summary>
        public Task<int> Port => _error.Port;

        /// <summary>Gets the run's end: exit code, standard output and standard error.</summary>
        public Task<(int ExitCode, string Output, string Error)> Completion { get; }

        /// <summary>Stops the server as Ctrl+C would and waits for its end.</summary>
        public async Task<(int ExitCode, string Output, string Error)> StopAsync()
        {
            await _stop.CancelAsync();
            return await Completion;
        }

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }

        /// <summary>Standard error, which completes <see cref="Port"/> at the server's "listening on" line.</summary>
        private sealed partial class SignallingWriter : TextWriter
        {
            private readonly StringBuilder _text = new();
            private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);

            public override Encoding Encoding => Encoding.UTF8;

            public Task<int> Port => _port.Task;

            public override void Write(char value)
            {
                lock (_text)
                {
                    _text.Append(value);
                    if (value == '\n' && Listening().Match(_text.ToString()) is { Success: true } match)
                    {
                        _port.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
            }

            public override void Write(string? value)
            {
                foreach (char c in value ?? string.Empty)
                {
                    Write(c);
                }
            }

            public void Ended() => _port.TrySetException(new InvalidOperationException($"The server ended before it listened: {this}"));

            public override string ToString()
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }

            [GeneratedRegex(@"listening on 127\.0\.0\.1:([0-9]+)")]
            private static partial Regex Listening();
        }
    }
}
