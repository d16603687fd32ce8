using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Shapotou.Sdk.Cli;

/// <summary>
/// The tool's one error path: checks of paths and numbers before a command runs, and the mapping of every failure to
/// one sentence and an exit code (1 rejected input, 2 usage or I/O).
/// </summary>
/// <remarks>
/// A message names the thing (option, file, key), what was expected and what was found; it never holds a .NET type
/// name, a parameter name or the contents of a file.
/// </remarks>
internal static partial class CliInput
{
    /// <summary>A file that must exist and be a file.</summary>
    /// <param name="file">The path given.</param>
    /// <param name="what">The file named for messages, such as <c>Scenario file</c>.</param>
    /// <exception cref="UsageException">The path does not exist or is a folder.</exception>
    public static FileInfo ExistingFile(FileInfo file, string what)
    {
        if (Directory.Exists(file.FullName))
        {
            throw new UsageException($"{what} '{file.FullName}' is a folder; expected a file.");
        }

        if (!file.Exists)
        {
            throw new UsageException($"{what} '{file.FullName}' does not exist.");
        }

        return file;
    }

    /// <summary>A folder that must exist and be a folder.</summary>
    /// <exception cref="UsageException">The path does not exist or is a file.</exception>
    public static DirectoryInfo ExistingFolder(DirectoryInfo folder, string what)
    {
        if (File.Exists(folder.FullName))
        {
            throw new UsageException($"{what} '{folder.FullName}' is a file; expected a folder.");
        }

        if (!folder.Exists)
        {
            throw new UsageException($"{what} '{folder.FullName}' does not exist.");
        }

        return folder;
    }

    /// <summary>A folder to write into: it may not exist yet, but it may not be a file.</summary>
    /// <exception cref="UsageException">The path is a file.</exception>
    public static DirectoryInfo OutputFolder(DirectoryInfo folder, string option)
    {
        if (File.Exists(folder.FullName))
        {
            throw new UsageException($"{option} '{folder.FullName}' is a file; expected a folder to write into.");
        }

        return folder;
    }

    /// <summary>A folder to write into, created when missing.</summary>
    /// <exception cref="UsageException">The path is a file, or the folder cannot be created.</exception>
    public static DirectoryInfo CreateOutputFolder(DirectoryInfo folder, string option)
    {
        OutputFolder(folder, option);
        try
        {
            folder.Create();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} '{folder.FullName}' cannot be created; expected a folder the tool may write into.");
        }

        return folder;
    }

    /// <summary>The text of a JSON input file, refused when it is empty or binary (so no binary is pasted into a message).</summary>
    /// <exception cref="UsageException">The path does not exist or is a folder.</exception>
    /// <exception cref="ShapotouDataException">The file is empty or is not UTF-8 text.</exception>
    public static string ReadJsonText(FileInfo file, string what)
    {
        ExistingFile(file, what);
        byte[] bytes = File.ReadAllBytes(file.FullName);
        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new ShapotouDataException($"{what} '{file.Name}' is empty; expected JSON.");
        }

        if (bytes.AsSpan().Contains((byte)0) || !System.Text.Unicode.Utf8.IsValid(bytes))
        {
            throw new ShapotouDataException($"{what} '{file.Name}' is not a text file; expected JSON in UTF-8.");
        }

        return Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
    }

    /// <summary>A JSON input file as a UTF-8 stream, refused when missing, empty or binary (see <see cref="ReadJsonText"/>).</summary>
    public static MemoryStream JsonStream(FileInfo file, string what) => new(Encoding.UTF8.GetBytes(ReadJsonText(file, what)), writable: false);

    /// <summary>Refuses values of <paramref name="option"/> outside [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Option<int> InRange(this Option<int> option, int min, int max, string meaning)
    {
        option.Validators.Add(result =>
        {
            // A token that is no number has its error from the parser already.
            if (result.Tokens.Count > 0 && !int.TryParse(result.Tokens[^1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                return;
            }

            int value = result.GetValueOrDefault<int>();
            if (value < min || value > max)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} is {value}; expected {meaning} from {min} to {max}."));
            }
        });
        return option;
    }

    /// <summary>Refuses values of <paramref name="option"/> outside [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Option<double> InRange(this Option<double> option, double min, double max, string meaning)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !double.TryParse(result.Tokens[^1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return;
            }

            double value = result.GetValueOrDefault<double>();
            if (!(value >= min && value <= max))
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} is {value}; expected {meaning} from {min} to {max}."));
            }
        });
        return option;
    }

    /// <summary>Accepts only <paramref name="values"/> (ignoring case), naming the nearest one for a typo.</summary>
    public static TOption OneOf<TOption>(this TOption option, params string[] values)
        where TOption : Option
    {
        option.Validators.Add(result =>
        {
            foreach (Token token in result.Tokens)
            {
                if (!values.Contains(token.Value, StringComparer.OrdinalIgnoreCase))
                {
                    string nearest = Nearest(token.Value, values) is { } n ? $"; did you mean '{n}'?" : ".";
                    result.AddError($"{option.Name} '{token.Value}' is not one of {string.Join(", ", values)}{nearest}");
                }
            }
        });
        return option;
    }

    /// <summary>Parses a year YYYY (1900–2100), with a message naming the option and the format.</summary>
    public static int? ParseYear(ArgumentResult result)
    {
        string text = result.Tokens.Single().Value;
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year is >= 1900 and <= 2100)
        {
            return year;
        }

        result.AddError($"--year '{text}' is not a year; expected YYYY, such as 2024.");
        return null;
    }

    /// <summary>Parses an integer, with a message naming the option and the format.</summary>
    public static int ParseInteger(ArgumentResult result)
    {
        string text = result.Tokens.Single().Value;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            return value;
        }

        result.AddError($"{OptionName(result)} '{text}' is not a whole number.");
        return default;
    }

    /// <summary>Parses a number, with a message naming the option and the format.</summary>
    public static double ParseNumber(ArgumentResult result)
    {
        string text = result.Tokens.Single().Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            return value;
        }

        result.AddError($"{OptionName(result)} '{text}' is not a number.");
        return default;
    }

    private static string OptionName(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;

    /// <summary>The one sentence for the parse errors of <paramref name="parse"/>, with the nearest command or option for a typo.</summary>
    public static string Describe(ParseResult parse, Command root)
    {
        ParseError first = parse.Errors[0];
        Match unknown = parse.Errors.Select(e => Unrecognized().Match(e.Message)).FirstOrDefault(m => m.Success) ?? Match.Empty;
        if (unknown.Success)
        {
            string token = unknown.Groups[1].Value;
            Command command = parse.CommandResult.Command;
            bool isOption = token.StartsWith('-');
            IEnumerable<string> names = isOption
                ? command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Concat(root.Options.Where(o => o.Recursive).Select(o => o.Name))
                : command.Subcommands.Select(c => c.Name);
            string where = command == root ? "shapotou" : CommandPath(parse.CommandResult);
            string? nearest = Nearest(token, names);
            string kind = isOption ? "option" : command.Subcommands.Count > 0 ? "command" : "argument";
            string suggestion = nearest is null
                ? $"run '{where} --help' for the {(isOption ? "options" : command.Subcommands.Count > 0 ? "commands" : "usage")}"
                : $"did you mean '{nearest}'?";
            string sentence = $"Unknown {kind} '{token}' for '{where}'; {suggestion}";
            return sentence.EndsWith('?') ? sentence : sentence + ".";
        }

        if (first.Message.StartsWith("Required command was not provided", StringComparison.Ordinal))
        {
            string where = CommandPath(parse.CommandResult);
            return $"'{where}' needs a command: {string.Join(", ", parse.CommandResult.Command.Subcommands.Select(c => c.Name))}.";
        }

        return Sentence(first.Message);
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c; r = c.Parent)
        {
            names.Insert(0, c.Command.Name);
        }

        return string.Join(' ', names);
    }

    /// <summary>The exit code of a failure: 1 for content refused, 2 for usage or I/O; cancellation is 130.</summary>
    public static int Classify(Exception exception) => exception switch
    {
        OperationCanceledException => ShapotouApp.Cancelled,
        UsageException => ShapotouApp.UsageOrIoError,
        ShapotouDataException or KeyNotFoundException or JsonException or FormatException or InvalidDataException => ShapotouApp.RejectedInput,
        IOException or UnauthorizedAccessException or ArgumentException or System.Net.Sockets.SocketException or TimeoutException => ShapotouApp.UsageOrIoError,
        _ => ShapotouApp.RejectedInput,
    };

    /// <summary>One sentence for <paramref name="exception"/>: no parameter names, type names or stack.</summary>
    public static string OneSentence(Exception exception)
    {
        string message = exception switch
        {
            FileNotFoundException f when f.FileName is { } name => $"File '{name}' does not exist.",
            DirectoryNotFoundException d => NotFoundPath().Match(d.Message) is { Success: true } m
                ? $"Folder of '{m.Groups[1].Value}' does not exist."
                : d.Message,
            UnauthorizedAccessException u => AccessPath().Match(u.Message) is { Success: true } m
                ? $"Access to '{m.Groups[1].Value}' is denied."
                : u.Message,
            System.Net.Sockets.SocketException s => $"Network error: {s.Message}",
            OutOfMemoryException => "The process ran out of memory: the data need more than it may use (a container's limit, or DOTNET_GCHeapHardLimit); docs/performance.md says where a large assessment's memory goes.",
            _ => exception.Message,
        };

        // ArgumentException appends " (Parameter 'x')" and ArgumentOutOfRangeException "Actual value was …": internal words.
        message = ParameterSuffix().Replace(message, string.Empty);
        message = ActualValue().Replace(message, string.Empty);
        message = TypeName().Replace(message, m => m.Groups[1].Value);
        message = JsonPosition().Replace(message, string.Empty);
        int line = message.IndexOfAny(['\r', '\n']);
        if (line >= 0)
        {
            message = message[..line];
        }

        return Sentence(message);
    }

    private static string Sentence(string message)
    {
        message = message.Trim();
        return message.EndsWith('.') || message.EndsWith('?') ? message : message + ".";
    }

    /// <summary>The name nearest to <paramref name="token"/> by edit distance (1 to 3 edits by the token's length), or a name it begins.</summary>
    public static string? Nearest(string token, IEnumerable<string> names)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string name in names.Distinct(StringComparer.Ordinal))
        {
            int distance = name.StartsWith(token, StringComparison.OrdinalIgnoreCase) && token.Trim('-').Length >= 3
                ? 1
                : Distance(token.ToLowerInvariant(), name.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (name, distance);
            }
        }

        // Short tokens get fewer edits, so that 'x' suggests nothing rather than any three-letter name.
        int length = token.Trim('-').Length;
        int allowed = length <= 4 ? 1 : length <= 6 ? 2 : 3;
        return bestDistance <= allowed ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"^Unrecognized command or argument '(.*)'\.?$")]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"\s*\(Parameter '[^']*'\)")]
    private static partial Regex ParameterSuffix();

    [GeneratedRegex(@"\s*Actual value was [^\r\n]*")]
    private static partial Regex ActualValue();

    [GeneratedRegex(@"'System\.(?:Nullable`1\[System\.)?([A-Za-z0-9]+)\]?'")]
    private static partial Regex TypeName();

    [GeneratedRegex(@"\s*(?:Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex JsonPosition();

    [GeneratedRegex(@"path '([^']*)'")]
    private static partial Regex NotFoundPath();

    [GeneratedRegex(@"path '([^']*)'")]
    private static partial Regex AccessPath();
}

/// <summary>A usage error found by the tool itself (a path of the wrong kind, a missing file): exit 2, its message as is.</summary>
internal sealed class UsageException(string message) : Exception(message);
