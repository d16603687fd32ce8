using System.Collections.Frozen;
using System.Globalization;
using Shapotou.Sdk.Units;

namespace Shapotou.Sdk.Reference;

/// <summary>
/// The reference catalogue: every coefficient, benchmark, limit, factor and rate the SDK uses, each a row with its
/// source, validity dates and confidence mark, looked up by key and date.
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para>A lookup returns the row in force on the date asked for. Rows of one key and one origin must not overlap in
/// time; where a user row and a built-in row are both in force, the user row wins, so callers can load newer dated
/// values (a new grid emission factor, a new benchmark edition) without recompiling.</para>
/// <para>Values the references do not give are not in the catalogue: the caller supplies them, and a lookup for them
/// fails with a message that says so.</para>
/// </remarks>
public sealed class ReferenceCatalogue
{
    private const string BuiltinResourceName = "Shapotou.Sdk.Reference.catalogue.json";

    private static readonly Lazy<ReferenceCatalogue> s_builtin = new(LoadBuiltin, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, ReferenceValue[]> _byKey;

    private ReferenceCatalogue(IReadOnlyList<ReferenceValue> values)
    {
        Values = values;
        _byKey = values
            .GroupBy(v => v.Key, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Gets the catalogue shipped with the SDK.</summary>
    public static ReferenceCatalogue Builtin => s_builtin.Value;

    /// <summary>Gets every row, sorted by key (ordinal), then origin (built-in first), then start of validity.</summary>
    public IReadOnlyList<ReferenceValue> Values { get; }

    /// <summary>Creates a catalogue from rows, checking that rows of one key and origin do not overlap in time.</summary>
    /// <param name="values">The rows.</param>
    /// <returns>The catalogue.</returns>
    /// <exception cref="ShapotouDataException">Two rows of one key and origin are in force on a common date.</exception>
    public static ReferenceCatalogue Create(IEnumerable<ReferenceValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ReferenceValue[] sorted = values
            .Select(v => v ?? throw new ArgumentException("The rows must not contain null.", nameof(values)))
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .ThenBy(v => v.Origin)
            .ThenBy(v => v.ValidFrom ?? DateOnly.MinValue)
            .ToArray();
        for (int i = 1; i < sorted.Length; i++)
        {
            ReferenceValue previous = sorted[i - 1];
            ReferenceValue current = sorted[i];
            if (string.Equals(previous.Key, current.Key, StringComparison.Ordinal)
                && previous.Origin == current.Origin
                && (previous.ValidTo ?? DateOnly.MaxValue) >= (current.ValidFrom ?? DateOnly.MinValue))
            {
                throw new ShapotouDataException(
                    $"Catalogue rows for '{current.Key}' ({OriginName(current.Origin)}) overlap: one is valid {Span(previous)}, another {Span(current)}; expected one row in force on any date.");
            }
        }

        return new ReferenceCatalogue(sorted);
    }

    /// <summary>Returns a catalogue with the caller's rows added; they take precedence over built-in rows of the same key.</summary>
    /// <param name="userValues">The caller's rows; each is given the origin <see cref="ReferenceOrigin.User"/>.</param>
    /// <returns>A new catalogue.</returns>
    /// <exception cref="ShapotouDataException">The caller's rows of one key overlap in time.</exception>
    public ReferenceCatalogue WithUserValues(IEnumerable<ReferenceValue> userValues)
    {
        ArgumentNullException.ThrowIfNull(userValues);
        IEnumerable<ReferenceValue> stamped = userValues.Select(v =>
            v is null ? throw new ArgumentException("The rows must not contain null.", nameof(userValues))
            : v.Origin == ReferenceOrigin.User ? v
            : new ReferenceValue(v.Key, v.Value, v.Unit, v.Source, v.Confidence, v.ValidFrom, v.ValidTo, v.Prohibited, v.Note, ReferenceOrigin.User));
        return Create(Values.Concat(stamped));
    }

    /// <summary>Returns whether the catalogue has any row for <paramref name="key"/>, on any date.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when at least one row has the key.</returns>
    public bool Contains(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _byKey.ContainsKey(key);
    }

    /// <summary>Finds the row of <paramref name="key"/> in force on <paramref name="asOf"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="asOf">The date.</param>
    /// <param name="value">The row, when found; a user row wins over a built-in one.</param>
    /// <returns><see langword="true"/> when a row is in force on that date.</returns>
    public bool TryGet(string key, DateOnly asOf, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReferenceValue? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        value = null;
        if (!_byKey.TryGetValue(key, out ReferenceValue[]? rows))
        {
            return false;
        }

        foreach (ReferenceValue row in rows)
        {
            if (row.IsInForceOn(asOf) && (value is null || row.Origin == ReferenceOrigin.User))
            {
                value = row;
            }
        }

        return value is not null;
    }

    /// <summary>Gets the row of <paramref name="key"/> in force on <paramref name="asOf"/>.</summary>
    /// <param name="key">The key, such as <c>energy.coefficient.electricity.equivalent</c>.</param>
    /// <param name="asOf">The date.</param>
    /// <returns>The row; a user row wins over a built-in one.</returns>
    /// <exception cref="KeyNotFoundException">No row of that key is in force on that date; the message lists the
    /// validity of the rows there are, or says that the value is a caller input.</exception>
    public ReferenceValue Get(string key, DateOnly asOf)
    {
        if (TryGet(key, asOf, out ReferenceValue? value))
        {
            return value;
        }

        string date = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (_byKey.TryGetValue(key, out ReferenceValue[]? rows))
        {
            throw new KeyNotFoundException(
                $"The catalogue has no value for '{key}' in force on {date}; its rows are valid {string.Join(", ", rows.Select(Span))}.");
        }

        throw new KeyNotFoundException(
            $"The catalogue has no value for '{key}'; the references do not give one, so supply it as a user row or an input.");
    }

    /// <summary>Gets the rows in force on <paramref name="asOf"/>, one per key (user rows win), sorted by key.</summary>
    /// <param name="asOf">The date.</param>
    /// <returns>The rows in force.</returns>
    public IReadOnlyList<ReferenceValue> InForce(DateOnly asOf)
    {
        var result = new List<ReferenceValue>(_byKey.Count);
        foreach (string key in _byKey.Keys.Order(StringComparer.Ordinal))
        {
            if (TryGet(key, asOf, out ReferenceValue? value))
            {
                result.Add(value);
            }
        }

        return result;
    }

    /// <summary>
    /// Gets the energy-efficiency benchmark (标杆水平) and baseline (基准水平) of a product from the edition of
    /// 《工业重点领域能效标杆水平和基准水平》 in force on <paramref name="asOf"/>.
    /// </summary>
    /// <param name="product">The product slug of the catalogue, such as <c>ferrosilicon</c>.</param>
    /// <param name="asOf">The date; the 2021 edition applies from 2021-11-15, the 2023 edition from 2023-07-04.</param>
    /// <returns>The pair, or <see langword="null"/> where the catalogue has none for that product and date.</returns>
    public EnergyBenchmark? FindEnergyBenchmark(string product, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(product);
        return TryGet($"energy.benchmark.{product}.benchmark", asOf, out ReferenceValue? benchmark)
            && TryGet($"energy.benchmark.{product}.baseline", asOf, out ReferenceValue? baseline)
            ? new EnergyBenchmark(product, benchmark, baseline)
            : null;
    }

    /// <summary>
    /// Gets the levels 1, 2 and 3 of a limit standard's indicator, such as GB 21341-2022 ferrosilicon comprehensive
    /// energy (<c>energy.limit.gb21341.ferrosilicon.comprehensive_energy</c>).
    /// </summary>
    /// <param name="indicatorKey">The key without the <c>.level_N</c> suffix.</param>
    /// <param name="asOf">The date.</param>
    /// <returns>The levels with their unit and catalogue rows; a level the catalogue lacks is <see langword="null"/>, never guessed.</returns>
    public LimitLevels GetLimitLevels(string indicatorKey, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(indicatorKey);
        ReferenceValue? level1 = TryGet(indicatorKey + ".level_1", asOf, out ReferenceValue? row1) ? row1 : null;
        ReferenceValue? level2 = TryGet(indicatorKey + ".level_2", asOf, out ReferenceValue? row2) ? row2 : null;
        ReferenceValue? level3 = TryGet(indicatorKey + ".level_3", asOf, out ReferenceValue? row3) ? row3 : null;
        ReferenceValue[] sources = new[] { level1, level2, level3 }.OfType<ReferenceValue>().ToArray();
        return new LimitLevels(indicatorKey, level1?.Value, level2?.Value, level3?.Value)
        {
            Unit = sources.Length > 0 ? sources[0].Unit : null,
            Sources = sources,
        };
    }

    /// <summary>Gets the standard-coal coefficient of an energy carrier (<c>energy.coefficient.&lt;carrier&gt;</c>).</summary>
    /// <param name="carrier">The carrier, such as <c>coke</c>, <c>natural_gas</c> or <c>electricity.equivalent</c>.</param>
    /// <param name="asOf">The date.</param>
    /// <returns>The coefficient.</returns>
    /// <exception cref="KeyNotFoundException">The catalogue has no coefficient for the carrier (semi-coke and electrode
    /// paste, for example, are caller inputs).</exception>
    public StandardCoalCoefficient GetStandardCoalCoefficient(string carrier, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(carrier);
        return StandardCoalCoefficient.FromReference(Get("energy.coefficient." + carrier, asOf));
    }

    private static ReferenceCatalogue LoadBuiltin()
    {
        using Stream stream = typeof(ReferenceCatalogue).Assembly.GetManifestResourceStream(BuiltinResourceName)
            ?? throw new InvalidOperationException($"The built-in catalogue resource '{BuiltinResourceName}' is missing from the assembly.");
        return Create(ReferenceCatalogueJson.Read(stream, ReferenceOrigin.Builtin, "builtin catalogue.json"));
    }

    private static string OriginName(ReferenceOrigin origin) => origin == ReferenceOrigin.User ? "user" : "builtin";

    private static string Span(ReferenceValue row) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{(row.ValidFrom is { } from ? from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "(open)")} to {(row.ValidTo is { } to ? to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "(open)")}");
}
