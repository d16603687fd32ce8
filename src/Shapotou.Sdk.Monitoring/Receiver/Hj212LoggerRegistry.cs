using System.Globalization;
using System.Text;

namespace Shapotou.Sdk.Monitoring.Receiver;

/// <summary>A data logger the receiver knows: its id (MN), its password (PW) and the outlet its data belong to.</summary>
/// <param name="Mn">The data logger's id, as <see cref="Hj212LoggerRegistry.IsValidMn(string)"/> allows.</param>
/// <param name="Pw">The password the logger sends in every packet; compared exactly (ordinal).</param>
/// <param name="OutletId">The outlet id its partitions are named after, as <see cref="Hj212LoggerRegistry.IsValidOutletId"/>
/// allows.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record Hj212RegisteredLogger(string Mn, string Pw, string OutletId);

/// <summary>The data loggers a receiver accepts packets from: each MN with its PW and outlet id. A packet of another
/// MN is refused with QnRtn 4 (MN error), one with a wrong PW with QnRtn 3 (PW error), HJ 212-2017 Table 7.</summary>
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para>The registry file is UTF-8 text, one logger per line: <c>MN,PW,OUTLET_ID</c> (the outlet id may be left out,
/// and is then the MN). Blank lines and lines starting with <c>#</c> are skipped; spaces around a field are trimmed.
/// Every MN and outlet id is validated when the file is read, so that nothing a packet carries becomes a file name:
/// partitions are named after the registry's outlet id.</para>
/// </remarks>
public sealed class Hj212LoggerRegistry
{
    /// <summary>The longest MN accepted, in characters (HJ 212-2017 specifies 24; real devices send shorter and
    /// longer ones).</summary>
    public const int MaxMnLength = 32;

    /// <summary>The longest PW accepted in a registry, in characters (HJ 212-2017 specifies 6).</summary>
    public const int MaxPwLength = 64;

    /// <summary>The longest outlet id, in bytes of UTF-8, so that a partition folder's name stays well under the
    /// 255-byte limit of common file systems even with every byte escaped.</summary>
    public const int MaxOutletIdBytes = 64;

    private readonly Dictionary<string, Hj212RegisteredLogger> _loggers;

    /// <summary>Initializes a registry from its loggers.</summary>
    /// <param name="loggers">The loggers; MNs must be distinct.</param>
    /// <exception cref="ArgumentNullException"><paramref name="loggers"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An MN, PW or outlet id is not valid, or an MN is given twice.</exception>
    public Hj212LoggerRegistry(IEnumerable<Hj212RegisteredLogger> loggers)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        _loggers = new Dictionary<string, Hj212RegisteredLogger>(StringComparer.Ordinal);
        foreach (Hj212RegisteredLogger logger in loggers)
        {
            ArgumentNullException.ThrowIfNull(logger, nameof(loggers));
            string? problem = Problem(logger);
            if (problem is not null)
            {
                throw new ArgumentException(problem, nameof(loggers));
            }

            if (!_loggers.TryAdd(logger.Mn, logger))
            {
                throw new ArgumentException($"MN '{logger.Mn}' is registered twice; expected each data logger once.", nameof(loggers));
            }
        }

        OutletByMn = _loggers.ToDictionary(p => p.Key, p => p.Value.OutletId, StringComparer.Ordinal);
    }

    /// <summary>Gets the number of loggers.</summary>
    public int Count => _loggers.Count;

    /// <summary>Gets the outlet id of each MN, for <see cref="Hj212LogRoller.RollAsync(string, ICemsPartitionSink, Hj212RollOptions, long?, CancellationToken)"/>.</summary>
    public IReadOnlyDictionary<string, string> OutletByMn { get; }

    /// <summary>Gets the loggers.</summary>
    public IEnumerable<Hj212RegisteredLogger> Loggers => _loggers.Values;

    /// <summary>Finds a logger by its MN.</summary>
    /// <param name="mn">The MN.</param>
    /// <param name="logger">The logger, when found.</param>
    /// <returns><see langword="true"/> when the MN is registered.</returns>
    public bool TryGetLogger(string mn, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Hj212RegisteredLogger? logger)
    {
        ArgumentNullException.ThrowIfNull(mn);
        return _loggers.TryGetValue(mn, out logger);
    }

    /// <summary>Reads a registry file (see the remarks of <see cref="Hj212LoggerRegistry"/>).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The registry.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ShapotouDataException">A line is not <c>MN,PW[,OUTLET_ID]</c>, a field is not valid, an MN is
    /// given twice, or the file names no logger; the message names the line.</exception>
    public static Hj212LoggerRegistry Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Registry file '{Path.GetFullPath(path)}' does not exist.", path);
        }

        return Parse(File.ReadAllText(path, Encoding.UTF8), Path.GetFileName(path));
    }

    /// <summary>Reads a registry from its text (see the remarks of <see cref="Hj212LoggerRegistry"/>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="name">The name of the file, for messages.</param>
    /// <returns>The registry.</returns>
    /// <exception cref="ShapotouDataException">A line is not <c>MN,PW[,OUTLET_ID]</c>, a field is not valid, an MN is
    /// given twice, or the text names no logger; the message names the line.</exception>
    public static Hj212LoggerRegistry Parse(string text, string name = "registry")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(name);
        var loggers = new List<Hj212RegisteredLogger>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r').Trim();
            if (i == 0)
            {
                line = line.TrimStart('\uFEFF');
            }

            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] fields = line.Split(',');
            if (fields.Length is < 2 or > 3)
            {
                throw new ShapotouDataException(string.Create(CultureInfo.InvariantCulture, $"Registry {name}, line {i + 1}, has {fields.Length} field(s); expected MN,PW or MN,PW,OUTLET_ID."));
            }

            string mn = fields[0].Trim();
            var logger = new Hj212RegisteredLogger(mn, fields[1].Trim(), fields.Length == 3 ? fields[2].Trim() : mn);
            if (Problem(logger) is { } problem)
            {
                throw new ShapotouDataException(string.Create(CultureInfo.InvariantCulture, $"Registry {name}, line {i + 1}: {problem}"));
            }

            if (!seen.Add(mn))
            {
                throw new ShapotouDataException(string.Create(CultureInfo.InvariantCulture, $"Registry {name}, line {i + 1}: MN '{mn}' is registered twice; expected each data logger once."));
            }

            loggers.Add(logger);
        }

        if (loggers.Count == 0)
        {
            throw new ShapotouDataException($"Registry {name} names no data logger; expected lines MN,PW[,OUTLET_ID].");
        }

        return new Hj212LoggerRegistry(loggers);
    }

    /// <summary>Tells whether an MN may be stored: 1 to <see cref="MaxMnLength"/> characters, each an ASCII letter, a
    /// digit, <c>-</c> or <c>_</c>.</summary>
    /// <param name="mn">The MN as UTF-8 bytes.</param>
    /// <returns><see langword="true"/> when it may be stored.</returns>
    public static bool IsValidMn(ReadOnlySpan<byte> mn)
    {
        if (mn.Length is 0 or > MaxMnLength)
        {
            return false;
        }

        foreach (byte b in mn)
        {
            if (!(char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Tells whether an MN may be stored: 1 to <see cref="MaxMnLength"/> characters, each an ASCII letter, a
    /// digit, <c>-</c> or <c>_</c>.</summary>
    /// <param name="mn">The MN.</param>
    /// <returns><see langword="true"/> when it may be stored.</returns>
    public static bool IsValidMn(string mn)
    {
        ArgumentNullException.ThrowIfNull(mn);
        return mn.Length is > 0 and <= MaxMnLength && mn.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }

    /// <summary>Tells whether an outlet id may name a partition folder: 1 to <see cref="MaxOutletIdBytes"/> bytes of
    /// UTF-8, no control character, no <c>/</c> or <c>\</c>, not <c>.</c> or <c>..</c>, no surrounding spaces.</summary>
    /// <param name="outletId">The outlet id.</param>
    /// <returns><see langword="true"/> when it may name a partition.</returns>
    public static bool IsValidOutletId(string outletId)
    {
        ArgumentNullException.ThrowIfNull(outletId);
        return outletId.Length > 0
            && Encoding.UTF8.GetByteCount(outletId) <= MaxOutletIdBytes
            && outletId.Trim().Length == outletId.Length
            && outletId is not ("." or "..")
            && !outletId.Any(c => char.IsControl(c) || c is '/' or '\\' || char.IsSurrogate(c));
    }

    private static string? Problem(Hj212RegisteredLogger logger)
    {
        if (logger.Mn is null || !IsValidMn(logger.Mn))
        {
            return string.Create(CultureInfo.InvariantCulture, $"MN '{logger.Mn}' is not valid; expected 1 to {MaxMnLength} ASCII letters, digits, '-' or '_'.");
        }

        if (logger.Pw is null || logger.Pw.Length is 0 or > MaxPwLength || logger.Pw.Any(c => char.IsControl(c) || c is ';' or ',' or '=' or '&'))
        {
            return string.Create(CultureInfo.InvariantCulture, $"PW of MN '{logger.Mn}' is not valid; expected 1 to {MaxPwLength} characters without a control character, ';', ',', '=' or '&'.");
        }

        if (logger.OutletId is null || !IsValidOutletId(logger.OutletId))
        {
            return string.Create(CultureInfo.InvariantCulture, $"Outlet id '{logger.OutletId}' of MN '{logger.Mn}' is not valid; expected 1 to {MaxOutletIdBytes} bytes of UTF-8 without a control character, '/' or '\\'.");
        }

        return null;
    }
}
