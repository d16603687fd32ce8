using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using Shapotou.Sdk.Cli.Commands;
using Spectre.Console;

namespace Shapotou.Sdk.Cli;

/// <summary>The <c>shapotou</c> tool: its commands, options, exit codes and error reporting.</summary>
/// <remarks>
/// Exit codes: 0 success; 1 findings or rejected input (bad content); 2 usage or I/O error. Errors go to standard error
/// as one sentence, with the stack trace only under <c>--verbose</c>. Machine output (JSON) goes to standard output and
/// nothing else does.
/// </remarks>
internal static class ShapotouApp
{
    public const int Success = 0;
    public const int RejectedInput = 1;
    public const int UsageOrIoError = 2;

    /// <summary>The exit code of a command stopped by Ctrl+C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;

    /// <summary>The root command with every command of the tool, and the <c>--verbose</c> option that every command takes.</summary>
    /// <param name="context">The writers the commands print to.</param>
    public static (Command Root, Option<bool> Verbose) CreateRoot(CommandContext context)
    {
        var verbose = new Option<bool>("--verbose") { Description = "Show stack traces with errors.", Recursive = true };
        // A plain command named as the tool, not a RootCommand, whose name would be the assembly's ("Shapotou.Sdk.Cli") in help.
        var root = new Command("shapotou", "Shapotou.Sdk: energy, emissions and targets of Shapotou District's air-polluting industrial cluster (plan 2025–2027).")
        {
            verbose,
            new HelpOption(),
            new VersionOption(),
        };
        root.Add(ReferenceCommand.Create(context));
        root.Add(AssessCommand.Create(context));
        root.Add(ExportCommand.Create(context));
        root.Add(InspectCommand.Create(context));
        root.Add(ImportCommand.Create(context));
        root.Add(Hj212Command.Create(context));
        root.Add(ReportCommand.Create(context));
        root.Add(ScenarioCommand.Create(context));
        root.Add(SqlCommand.Create(context));
        return (root, verbose);
    }

    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, CancellationToken.None);

    /// <summary>Runs the tool; <paramref name="cancellationToken"/> stops a command as Ctrl+C would (a server stops
    /// taking packets, rolls and exits 0), so a host or a test ends a long-running command when it is done with it.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        (Command root, Option<bool> verbose) = CreateRoot(new CommandContext(output, error));
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One sentence for the first error: later ones are most often consequences of it (an unknown command, then no command).
            error.WriteLine(CliInput.Describe(parse, root));
            return UsageOrIoError;
        }

        try
        {
            var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
            return cancellationToken.CanBeCanceled
                ? parse.InvokeAsync(configuration, cancellationToken).GetAwaiter().GetResult()
                : parse.Invoke(configuration);
        }
        catch (Exception exception)
        {
            int code = CliInput.Classify(exception);
            error.WriteLine(parse.GetValue(verbose) ? exception.ToString() : code == Cancelled ? "Cancelled." : CliInput.OneSentence(exception));
            return code;
        }
    }
}

/// <summary>The writers a command prints to; a Spectre console is made over standard output on demand.</summary>
internal sealed class CommandContext(TextWriter output, TextWriter error)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;


    public IAnsiConsole CreateConsole()
    {
        bool terminal = ReferenceEquals(Output, Console.Out) && !Console.IsOutputRedirected;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!terminal)
        {
            console.Profile.Width = Rendering.ConsoleTable.RedirectedWidth;
        }

        return console;
    }

    /// <summary>
    /// Runs <paramref name="run"/> with a live status line of its stages on standard error when that is a terminal,
    /// and with no progress at all otherwise (a pipe, a file, the tests), so redirected output stays clean.
    /// </summary>
    public async Task<T> WithProgressAsync<T>(string title, Func<IProgress<Shapotou.Sdk.Assessment.AssessmentProgress>?, Task<T>> run)
    {
        if (!ReferenceEquals(Error, Console.Error) || Console.IsErrorRedirected)
        {
            return await run(null).ConfigureAwait(false);
        }

        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Status().StartAsync(title, async status =>
        {
            // Reported on the assessment's own thread, so no update can arrive after the status line has ended.
            var progress = new StatusProgress(p => status.Status(p.Stage switch
            {
                Shapotou.Sdk.Assessment.AssessmentStage.Reading when p.Table is { } table => string.Create(CultureInfo.InvariantCulture, $"{title}: reading {table}, {p.Rows:N0} rows"),
                Shapotou.Sdk.Assessment.AssessmentStage.Reading => $"{title}: reading the tables",
                Shapotou.Sdk.Assessment.AssessmentStage.Emissions => $"{title}: emission inventory, ceilings, compliance, tax, CO₂, grades",
                Shapotou.Sdk.Assessment.AssessmentStage.Energy => $"{title}: unit energy, solid waste, waste heat",
                _ => title,
            }));
            return await run(progress).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="run"/> with a status line on standard error when that is a terminal — its title and the
    /// seconds elapsed, each second — and with nothing at all otherwise.
    /// </summary>
    public async Task<T> WithStatusAsync<T>(string title, Func<Task<T>> run, Func<string>? detail = null)
    {
        if (!ReferenceEquals(Error, Console.Error) || Console.IsErrorRedirected)
        {
            return await run().ConfigureAwait(false);
        }

        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Status().StartAsync(title, async status =>
        {
            Task<T> work = run();
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            while (await Task.WhenAny(work, Task.Delay(1000)).ConfigureAwait(false) != work)
            {
                TimeSpan elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
                status.Status(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{title}: {(detail is null ? string.Empty : detail() + ", ")}{elapsed.TotalSeconds:F0} s")));
            }

            return await work.ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private sealed class StatusProgress(Action<Shapotou.Sdk.Assessment.AssessmentProgress> report) : IProgress<Shapotou.Sdk.Assessment.AssessmentProgress>
    {
        public void Report(Shapotou.Sdk.Assessment.AssessmentProgress value) => report(value);
    }

    public static DateOnly ParseDate(System.CommandLine.Parsing.ArgumentResult result)
    {
        string text = result.Tokens.Single().Value;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            return date;
        }

        result.AddError($"Date '{text}' is not a date YYYY-MM-DD.");
        return default;
    }
}
