using System.Globalization;
using Shapotou.Sdk.Contract;

namespace Shapotou.Sdk.Parquet.Tests.Fuzz;

/// <summary>
/// Seeded mutants of an SDK-written and a DuckDB-written file (byte flips in the footer, in page headers and in page
/// values; truncations; huge sizes written into the footer's varints) for the table reader, the column scan with
/// either decoder and the inspector. The rule per mutant and reader: no answer later than <see cref="HostileFiles.Bound"/>
/// and nothing thrown but a <see cref="ShapotouDataException"/>; and the original's result or a refusal, except where no
/// reader can tell (see <see cref="Mutants_ReadAsTheOriginal_OrAreRefused"/>).
/// </summary>
/// <remarks>
/// <c>SHAPOTOU_FUZZ_CASES</c> sets the mutants per file and kind (250 by default: 2 500 mutants, 10 000 reads in CI) and
/// <c>SHAPOTOU_FUZZ_SEED</c> the seed (22); <c>eng/fuzz-parquet.sh N</c> runs N per file and kind. A failure names the
/// seed, the case and the mutation, so it can be run again.
/// </remarks>
public sealed class MutationFuzzTests : IClassFixture<MutationFuzzTests.Originals>
{
    private readonly Originals _originals;

    public MutationFuzzTests(Originals originals) => _originals = originals;

    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("SHAPOTOU_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 250;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("SHAPOTOU_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 22;

    /// <summary>The two files, each reader's result on them, and where their pages lie.</summary>
    public sealed class Originals : IAsyncLifetime
    {
        public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"shapotou-fuzz-{Guid.NewGuid():N}");

        public Dictionary<string, Source> Sources { get; } = [];

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(Folder);
            string sdk = await HostileFiles.WriteSdkFileAsync(Folder);
            string duckdb = HostileFiles.WriteDuckDbFile(Folder);
            Sources["sdk"] = await Source.CreateAsync(sdk, [], HostileFiles.SdkDoubles);
            Sources["duckdb"] = await Source.CreateAsync(duckdb, HostileFiles.DuckDbInts, HostileFiles.DuckDbDoubles);
        }

        public Task DisposeAsync()
        {
            Directory.Delete(Folder, recursive: true);
            return Task.CompletedTask;
        }
    }

    /// <summary>An original file, its bytes, where its pages lie, and each reader's result on it.</summary>
    public sealed record Source(string Path, byte[] Bytes, string[] Ints, string[] Doubles, List<(long Header, int HeaderLength, int Stored)> Pages, string[] Results)
    {
        public static async Task<Source> CreateAsync(string path, string[] ints, string[] doubles)
        {
            string[] results = await ReadAllAsync(path, ints, doubles);
            Assert.DoesNotContain("refused", results);
            Assert.DoesNotContain("left", results[4]);
            return new Source(path, await File.ReadAllBytesAsync(path), ints, doubles, await HostileFiles.PagesAsync(path), results);
        }
    }

    /// <summary>Table reader, scan, scan with Parquet.Net, inspector, page reader of cems_hourly.</summary>
    private static async Task<string[]> ReadAllAsync(string path, string[] ints, string[] doubles) =>
    [
        await HostileFiles.OutcomeAsync($"table reader on {path}", ct => HostileFiles.ReadTableAsync(path, ContractSchema.CemsHourly, ct)),
        await HostileFiles.OutcomeAsync($"scan on {path}", ct => HostileFiles.ScanAsync(path, ints, doubles, ColumnScanDecoder.Automatic, ct)),
        await HostileFiles.OutcomeAsync($"scan with Parquet.Net on {path}", ct => HostileFiles.ScanAsync(path, ints, doubles, ColumnScanDecoder.ParquetNet, ct)),
        await HostileFiles.OutcomeAsync($"inspector on {path}", ct => HostileFiles.InspectAsync(path, ct)),
        await HostileFiles.OutcomeAsync($"page reader on {path}", ct => HostileFiles.ReadPagesAsync(path, ct)),
    ];

    private static readonly string[] s_readers = ["table reader", "scan", "scan with Parquet.Net", "inspector", "page reader of cems_hourly"];

    /// <summary>
    /// Every mutant of a kind: each reader answers in time with the original's result or a refusal, except where no reader
    /// can tell (see <see cref="Rule"/>): a changed schema or footer string can make another valid file for the general
    /// readers, and changed page values (no checksum in these files) other values for every reader alike.
    /// </summary>
    [Theory]
    [InlineData("sdk", "footer")]
    [InlineData("sdk", "page header")]
    [InlineData("sdk", "page values")]
    [InlineData("sdk", "truncation")]
    [InlineData("sdk", "huge varint")]
    [InlineData("duckdb", "footer")]
    [InlineData("duckdb", "page header")]
    [InlineData("duckdb", "page values")]
    [InlineData("duckdb", "truncation")]
    [InlineData("duckdb", "huge varint")]
    public async Task Mutants_ReadAsTheOriginal_OrAreRefused(string file, string kind)
    {
        Source source = _originals.Sources[file];
        string path = Path.Combine(_originals.Folder, $"{file}-{kind.Replace(' ', '-')}", Path.GetFileName(source.Path));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var failures = new List<string>();
        for (int i = 0; i < Cases; i++)
        {
            int seed = HashCode.Combine(Seed, file, kind, i) & int.MaxValue;
            (byte[] mutant, string mutation, Rule rule) = Mutate(source, kind, new Random(seed));
            await File.WriteAllBytesAsync(path, mutant);
            string[] results;
            try
            {
                results = await ReadAllAsync(path, source.Ints, source.Doubles);
            }
            catch (Xunit.Sdk.XunitException exception)
            {
                failures.Add($"case {i} ({mutation}): {exception.Message}");
                continue;
            }

            for (int r = 0; r < results.Length; r++)
            {
                bool scan = r is 1 or 2;

                // The page reader may also leave a row group or the file to Parquet.Net, whose reading is the table reader's.
                bool ok = results[r] == "refused" || results[r] == source.Results[r] || (r == 4 && results[r].Contains("left", StringComparison.Ordinal)) || rule switch
                {
                    // Another valid file for the general readers; the scan reads the original's values or refuses.
                    Rule.ScanStrict => !scan,

                    // Values no reader can check without a checksum: the scan's two decoders agree, or one refuses.
                    Rule.DecodersAgree => !scan || results[1] == results[2] || results[1] == "refused" || results[2] == "refused",
                    _ => false,
                };
                if (!ok)
                {
                    failures.Add($"case {i} ({mutation}): the {s_readers[r]} read other values than the original's ({rule})");
                }
            }
        }

        Assert.True(failures.Count == 0, $"Seed {Seed}, {Cases} cases of {kind} in {file}:\n{string.Join('\n', failures)}");
    }

    /// <summary>What a mutant must do besides answering in time with a result or a <see cref="ShapotouDataException"/>.</summary>
    private enum Rule
    {
        /// <summary>Every reader: the original's result, or refused.</summary>
        Strict,

        /// <summary>
        /// The scan: the original's values, or refused. The schema or a string of the footer changed, which can make
        /// another valid file for the table reader and the inspector (a text column renamed, made required or optional:
        /// its pages cannot contradict that without a footer checksum, which Parquet has not).
        /// </summary>
        ScanStrict,

        /// <summary>A page's stored bytes changed: the scan's two decoders agree or one refuses (no page checksum here).</summary>
        DecodersAgree,
    }

    /// <summary>A mutant, what was done, and the rule it must keep.</summary>
    private static (byte[] Bytes, string Mutation, Rule Rule) Mutate(Source source, string kind, Random random)
    {
        byte[] bytes = [.. source.Bytes];
        (int footer, int footerLength) = HostileFiles.Footer(bytes);
        (int schemaStart, int schemaEnd) = HostileFiles.Schema(source.Bytes);
        Rule FooterRule(int at) => (at >= schemaStart && at < schemaEnd) || InString(source.Bytes.AsSpan(footer, footerLength), at - footer) ? Rule.ScanStrict : Rule.Strict;
        switch (kind)
        {
            case "footer":
                {
                    int at = footer + random.Next(footerLength);
                    byte flip = (byte)(1 << random.Next(8));
                    bytes[at] ^= flip;
                    return (bytes, Invariant($"footer byte {at - footer} of {footerLength} xor {flip:x2}"), FooterRule(at));
                }

            case "page header":
                {
                    (long header, int length, _) = source.Pages[random.Next(source.Pages.Count)];
                    long at = header + random.Next(length);
                    byte value = random.Next(3) == 0 ? (byte)random.Next(256) : (byte)(bytes[at] ^ (1 << random.Next(8)));
                    bytes[at] = value;
                    return (bytes, Invariant($"page header at {header}, byte {at - header} set to {value:x2}"), Rule.Strict);
                }

            case "page values":
                {
                    (long header, int length, int stored) = source.Pages[random.Next(source.Pages.Count)];
                    if (stored == 0)
                    {
                        return (bytes, "an empty page left as it was", Rule.Strict);
                    }

                    long at = header + length + random.Next(stored);
                    byte flip = (byte)(1 << random.Next(8));
                    bytes[at] ^= flip;
                    return (bytes, Invariant($"page at {header}, stored byte {at - header - length} xor {flip:x2}"), Rule.DecodersAgree);
                }

            case "truncation":
                {
                    int keep = random.Next(bytes.Length);
                    return (bytes[..keep], Invariant($"truncated to {keep} of {bytes.Length} bytes"), Rule.Strict);
                }

            default:
                {
                    // A huge value (2^31 to 2^62) as a varint in place of one footer byte: a list size, a length, a count
                    // or an offset, whichever field the byte was in; the footer's length is kept right.
                    int at = footer + random.Next(footerLength);
                    ulong huge = 1UL << random.Next(31, 63);
                    var varint = new List<byte>();
                    for (ulong v = huge; ; v >>= 7)
                    {
                        varint.Add((byte)(v < 0x80 ? v : (v & 0x7F) | 0x80));
                        if (v < 0x80)
                        {
                            break;
                        }
                    }

                    return (HostileFiles.SpliceFooter(bytes, at, 1, varint.ToArray()), Invariant($"footer byte {at - footer} of {footerLength} replaced by the varint of {huge}"), FooterRule(at));
                }
        }
    }

    /// <summary>Whether a footer byte lies in text: a column's name, a key-value pair (renaming a column makes another valid file).</summary>
    private static bool InString(ReadOnlySpan<byte> footer, int at)
    {
        // A printable run of three or more bytes around it: names, keys, values, the writer's name.
        int start = at, end = at;
        while (start > 0 && footer[start - 1] is >= 0x20 and < 0x7F)
        {
            start--;
        }

        while (end < footer.Length && footer[end] is >= 0x20 and < 0x7F)
        {
            end++;
        }

        return end - start >= 3;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
