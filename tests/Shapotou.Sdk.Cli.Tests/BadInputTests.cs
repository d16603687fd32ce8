using System.CommandLine;
using System.CommandLine.Parsing;
using System.Net;
using System.Net.Sockets;

namespace Shapotou.Sdk.Cli.Tests;

/// <summary>
/// Every command with each class of bad argument — a missing path, a path of the wrong kind, an empty file, a binary
/// file, a number out of range, a bad date, an unknown name — exits 1 (content refused) or 2 (usage or I/O) with one
/// sentence on standard error naming the thing and what was expected, and nothing on standard output.
/// </summary>
public sealed class BadInputTests : IClassFixture<BadInputTests.Files>
{
    private readonly Files _files;

    public BadInputTests(Files files) => _files = files;

    public static TheoryData<string[], int, string> Cases() => new()
    {
        // Typos of commands: the nearest command, in one sentence.
        { ["asses"], 2, "Unknown command 'asses' for 'shapotou'; did you mean 'assess'?" },
        { ["hj212", "chek"], 2, "Unknown command 'chek' for 'shapotou hj212'; did you mean 'check'?" },
        { ["assess", "--jsn"], 2, "Unknown option '--jsn' for 'shapotou assess'; did you mean '--json'?" },
        { [], 2, "'shapotou' needs a command: reference, assess, export, inspect, import, hj212, report, scenario, sql." },

        // assess: every path kind, a bad year and date.
        { ["assess", "--data", "{missing}"], 2, "--data '{missing}' does not exist." },
        { ["assess", "--data", "{text}"], 2, "--data '{text}' is a file; expected a folder." },
        { ["assess", "--catalogue", "{empty}"], 1, "Catalogue file 'empty.json' is empty; expected JSON." },
        { ["assess", "--catalogue", "{binary}"], 1, "Catalogue file 'binary.parquet' is not a text file; expected JSON in UTF-8." },
        { ["assess", "--catalogue", "{badjson}"], 1, "Catalogue 'bad.json' is not valid JSON at line 1, byte 10." },
        { ["assess", "--catalogue", "{object}"], 1, "Catalogue 'object.json': the root ($) is an object; expected an array of rows." },
        { ["assess", "--grading-criteria", "{array}"], 1, "Grading criteria 'array.json': the root ($) is an array; expected an object with name, industries and criteria." },
        { ["assess", "--facts", "{object}"], 1, "Enterprise facts 'object.json': the root ($) is an object; expected an array of enterprises." },
        { ["assess", "--grading-criteria", "{folder}"], 2, "Grading criteria file '{folder}' is a folder; expected a file." },
        { ["assess", "--facts", "{missing}"], 2, "Facts file '{missing}' does not exist." },
        { ["assess", "--year", "abc"], 2, "--year 'abc' is not a year; expected YYYY, such as 2024." },
        { ["assess", "--as-of", "31/12/2024"], 2, "Date '31/12/2024' is not a date YYYY-MM-DD." },
        { ["assess", "--plausibility", "{typo}"], 1, "Plausibility file 'typo.json': key 'maxium' at $.flow_range_m3_per_h.DA001.maxium is unknown; did you mean 'maximum'?" },
        { ["assess", "--plausibility", "{wrongkind}"], 1, "Plausibility file 'wrongkind.json': $.oxygen_maximum_pct is \"20\"; expected a number above 0 and below 21." },
        { ["assess", "--plausibility", "{missing}"], 2, "Plausibility file '{missing}' does not exist." },
        { ["assess", "--year", "-5"], 2, "--year '-5' is not a year; expected YYYY, such as 2024." },
        { ["assess", "--year", "2021"], 2, "Year 2021 is not in dataset 'default'; expected one of 2022, 2023, 2024." },

        // reference
        { ["reference", "--catalogue", "{missing}"], 2, "Catalogue file '{missing}' does not exist." },
        { ["reference", "--catalogue", "{binary}"], 1, "Catalogue file 'binary.parquet' is not a text file; expected JSON in UTF-8." },
        { ["reference", "--as-of", "2024"], 2, "Date '2024' is not a date YYYY-MM-DD." },

        // export
        { ["export", "--out", "{text}"], 2, "--out '{text}' is a file; expected a folder to write into." },
        // A folder that cannot be created, for any user, root included: its parent is a file.
        { ["export", "--out", "{text}/sub"], 2, "--out '{text}/sub' cannot be created; expected a folder the tool may write into." },
        { ["export", "--out", "{folder}", "--scale", "0"], 2, "--scale is 0; expected a number of copies from 1 to 10000." },
        { ["export", "--out", "{folder}", "--scale", "two"], 2, "--scale 'two' is not a whole number." },

        // import: paths, an unknown table, a header without rows.
        { ["import", "--table", "facilities", "{missing}", "--out", "{folder}"], 2, "Input file '{missing}' does not exist." },
        { ["import", "--table", "facilities", "{folder}", "--out", "{folder}"], 2, "Input file '{folder}' is a folder; expected a file." },
        { ["import", "--table", "facility", "{text}", "--out", "{folder}"], 2, "--table 'facility' is not one of enterprises, facilities, treatment_facilities, outlets, energy_ledger, solid_waste_ledger, emission_factors, cems_hourly, cems_minute; did you mean 'facilities'?" },
        { ["import", "--table", "facilities", "{header}", "--out", "{folder}"], 1, "File 'header.csv' holds no rows of table 'facilities'; expected at least one row below the header." },

        // inspect
        { ["inspect", "{missing}"], 2, "Parquet file '{missing}' does not exist." },
        { ["inspect", "{folder}"], 2, "Parquet file '{folder}' is a folder; expected a file." },

        // report: an unknown language, a year the data do not hold, an output path that is a file, an empty scenario.
        { ["report", "--out", "{folder}", "--lang", "fr"], 2, "--lang 'fr' is not a language of the tool; expected zh or en." },
        { ["report", "--out", "{text}"], 2, "--out '{text}' is a file; expected a folder to write into." },
        { ["report", "--out", "{folder}", "--year", "2031"], 2, "Year 2031 is not in dataset 'default'; expected one of 2022, 2023, 2024." },
        { ["report", "--out", "{folder}", "--scenario", "{empty}"], 1, "Scenario file 'empty.json' is empty; expected JSON." },
        { ["report", "--out", "{folder}", "--plausibility", "{typo}"], 1, "Plausibility file 'typo.json': key 'maxium' at $.flow_range_m3_per_h.DA001.maxium is unknown; did you mean 'maximum'?" },

        // scenario
        { ["scenario", "{missing}"], 2, "Scenario file '{missing}' does not exist." },
        { ["scenario", "{folder}"], 2, "Scenario file '{folder}' is a folder; expected a file." },
        { ["scenario", "{binary}"], 1, "Scenario file 'binary.parquet' is not a text file; expected JSON in UTF-8." },

        // sql
        { ["sql", "--data", "{missing}"], 2, "--data '{missing}' does not exist." },
        { ["sql", "--data", "{folder}", "--engine", "duck"], 2, "--engine 'duck' is not one of duckdb, spark, trino; did you mean 'duckdb'?" },

        // hj212 check
        { ["hj212", "check", "{missing}"], 2, "Packet file '{missing}' does not exist." },
        { ["hj212", "check", "{folder}"], 2, "Packet file '{folder}' is a folder; expected a file." },

        // hj212 serve
        { ["hj212", "serve", "--port", "70000", "--out", "{folder}"], 2, "--port is 70000; expected a TCP port from 0 to 65535." },
        { ["hj212", "serve", "--port", "x", "--out", "{folder}"], 2, "--port 'x' is not a whole number." },
        { ["hj212", "serve", "--port", "0", "--out", "{text}"], 2, "--out '{text}' is a file; expected a folder to write into." },

        // hj212 simulate
        { ["hj212", "simulate", "--port", "1", "--loggers", "-1"], 2, "--loggers is -1; expected a number of loggers from 1 to 100000." },
        { ["hj212", "simulate", "--port", "1", "--malformed", "2"], 2, "--malformed is 2; expected a share from 0 to 1." },
        { ["hj212", "simulate", "--port", "1", "--start", "2025-01-01"], 2, "--start '2025-01-01' is not a time; expected yyyy-MM-ddTHH:mm, such as 2025-01-01T00:00." },
        { ["hj212", "simulate", "--port", "1", "--start", "01/01/2025 00:00"], 2, "--start '01/01/2025 00:00' is not a time; expected yyyy-MM-ddTHH:mm, such as 2025-01-01T00:00." },
        { ["hj212", "simulate", "--port", "1", "--start", "2025-13-01T00:00"], 2, "--start '2025-13-01T00:00' is not a time; expected yyyy-MM-ddTHH:mm, such as 2025-01-01T00:00." },
        { ["hj212", "simulate", "--verify", "{missing}"], 2, "--verify '{missing}' does not exist." },
        { ["hj212", "simulate", "--port", "{closed}"], 2, "No receiver at 127.0.0.1:{closed}: connection refused; start 'shapotou hj212 serve --port {closed} --out DIR' first, or check --host and --port." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadArgument_ExitsWithOneSentence(string[] args, int exitCode, string message)
    {
        (int code, string output, string error) = CliRunner.Run([.. args.Select(_files.Resolve)]);

        Assert.Equal(_files.Resolve(message) + Environment.NewLine, error);
        Assert.Equal(exitCode, code);
        Assert.Equal(string.Empty, output);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// Walks the tool's command tree as <c>Program</c> builds it — the root, every command and every subcommand — and
    /// fails naming each command that no case above runs, so a new command cannot ship without its bad-input cases.
    /// A case belongs to the command its arguments parse to.
    /// </summary>
    [Fact]
    public void Cases_CoverEveryCommandOfTheTree()
    {
        (Command root, _) = ShapotouApp.CreateRoot(new CommandContext(TextWriter.Null, TextWriter.Null));
        string[] commands = [.. Walk(root, root.Name)];
        HashSet<string> covered = [.. Cases().Select(row => CommandPath(root.Parse([.. ((string[])row[0]).Select(_files.Resolve)]).CommandResult))];

        string[] missing = [.. commands.Where(c => !covered.Contains(c))];

        Assert.True(missing.Length == 0, $"BadInputTests has no case for: {string.Join(", ", missing)}.");
        Assert.Contains("shapotou hj212 simulate", commands);
    }

    private static IEnumerable<string> Walk(Command command, string path) =>
        command.Subcommands.SelectMany(c => Walk(c, $"{path} {c.Name}")).Prepend(path);

    private static string CommandPath(CommandResult result) =>
        result.Parent is CommandResult parent ? $"{CommandPath(parent)} {result.Command.Name}" : result.Command.Name;

    [Fact]
    public void Verbose_AddsTheTraceToTheSentence()
    {
        (int code, _, string error) = CliRunner.Run("scenario", _files.Resolve("{missing}"), "--verbose");

        Assert.Equal(2, code);
        Assert.Contains($"Scenario file '{_files.Resolve("{missing}")}' does not exist.", error, StringComparison.Ordinal);
        Assert.Contains("   at ", error, StringComparison.Ordinal);
    }

    /// <summary>The files and folders the cases name: {missing}, {folder}, {text}, {empty}, {binary}, {header}, {typo}, {wrongkind}, {badjson}, {object}, {array}, and a {closed} port.</summary>
    public sealed class Files : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("shapotou-bad-input-").FullName;
        private readonly int _closedPort;

        public Files()
        {
            Directory.CreateDirectory(Path.Combine(_root, "folder"));
            File.WriteAllText(Path.Combine(_root, "text.csv"), "a,b\n1,2\n");
            File.WriteAllText(Path.Combine(_root, "empty.json"), "\n");
            File.WriteAllBytes(Path.Combine(_root, "binary.parquet"), [(byte)'P', (byte)'A', (byte)'R', (byte)'1', 0, 0, 0x15, 0x7F, 0xFF, 0xFE]);
            File.WriteAllText(Path.Combine(_root, "header.csv"), "facility_id,enterprise_id,kind,status\n");
            File.WriteAllText(Path.Combine(_root, "typo.json"), """{ "flow_range_m3_per_h": { "DA001": { "minimum": 1, "maxium": 2 } } }""");
            File.WriteAllText(Path.Combine(_root, "wrongkind.json"), """{ "oxygen_maximum_pct": "20" }""");
            File.WriteAllText(Path.Combine(_root, "bad.json"), """[{"key": }]""");
            File.WriteAllText(Path.Combine(_root, "object.json"), "{}");
            File.WriteAllText(Path.Combine(_root, "array.json"), "[]");

            // A port that was just bound and released: nothing listens on it.
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            _closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
        }

        public string Resolve(string text) => text
            .Replace("{missing}", Path.Combine(_root, "missing"), StringComparison.Ordinal)
            .Replace("{folder}", Path.Combine(_root, "folder"), StringComparison.Ordinal)
            .Replace("{text}", Path.Combine(_root, "text.csv"), StringComparison.Ordinal)
            .Replace("{empty}", Path.Combine(_root, "empty.json"), StringComparison.Ordinal)
            .Replace("{binary}", Path.Combine(_root, "binary.parquet"), StringComparison.Ordinal)
            .Replace("{header}", Path.Combine(_root, "header.csv"), StringComparison.Ordinal)
            .Replace("{typo}", Path.Combine(_root, "typo.json"), StringComparison.Ordinal)
            .Replace("{wrongkind}", Path.Combine(_root, "wrongkind.json"), StringComparison.Ordinal)
            .Replace("{badjson}", Path.Combine(_root, "bad.json"), StringComparison.Ordinal)
            .Replace("{object}", Path.Combine(_root, "object.json"), StringComparison.Ordinal)
            .Replace("{array}", Path.Combine(_root, "array.json"), StringComparison.Ordinal)
            .Replace("{closed}", _closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }
}
