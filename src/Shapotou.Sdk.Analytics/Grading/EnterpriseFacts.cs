using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Shapotou.Sdk.Analytics.Grading;

/// <summary>The value of an enterprise fact: yes/no, or a number in the unit the fact's name and criterion state.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct FactValue
{
    private FactValue(bool? flag, double? number)
    {
        Flag = flag;
        Number = number;
    }

    /// <summary>Gets the yes/no value, or <see langword="null"/> for a numeric fact.</summary>
    public bool? Flag { get; }

    /// <summary>Gets the numeric value, or <see langword="null"/> for a yes/no fact.</summary>
    public double? Number { get; }

    /// <summary>Creates a yes/no fact.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The fact value.</returns>
    public static FactValue Of(bool value) => new(value, null);

    /// <summary>Creates a numeric fact.</summary>
    /// <param name="value">The value; finite.</param>
    /// <returns>The fact value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite.</exception>
    public static FactValue Of(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A numeric fact must be finite.");
        }

        return new(null, value);
    }

    /// <summary>Describes the value: <c>true</c>, <c>false</c> or the number, in the invariant culture.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        Flag is { } f ? (f ? "true" : "false") : Number?.ToString("R", CultureInfo.InvariantCulture) ?? "unknown";
}

/// <summary>
/// Facts about an enterprise that the dataset does not hold and grading criteria need, such as closed storage
/// (<c>closed_storage</c>) or the share of China-V-or-better trucks (<c>china_v_or_better_truck_share_pct</c>).
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe. A fact that is absent (or given as JSON <c>null</c>) is unknown: a
/// criterion that needs it is reported unknown, never guessed. Fact names are lower-case snake_case; the format is in
/// docs/grading.md.</para>
/// </remarks>
public sealed partial record EnterpriseFacts
{
    /// <summary>Initializes the facts of an enterprise.</summary>
    /// <param name="enterpriseId">The enterprise's id.</param>
    /// <param name="facts">The facts by name.</param>
    /// <param name="source">Where the facts come from (a survey, a permit, an inspection), or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The id is blank or a fact name is not lower-case snake_case.</exception>
    public EnterpriseFacts(string enterpriseId, IReadOnlyDictionary<string, FactValue> facts, string? source = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(enterpriseId);
        ArgumentNullException.ThrowIfNull(facts);
        foreach (string name in facts.Keys)
        {
            if (!IsValidName(name))
            {
                throw new ArgumentException($"Fact name '{name}' of enterprise '{enterpriseId}' is not lower-case snake_case.", nameof(facts));
            }
        }

        EnterpriseId = enterpriseId;
        Facts = new Dictionary<string, FactValue>(facts, StringComparer.Ordinal);
        Source = source;
    }

    /// <summary>Gets the enterprise's id.</summary>
    public string EnterpriseId { get; }

    /// <summary>Gets the known facts by name.</summary>
    public IReadOnlyDictionary<string, FactValue> Facts { get; }

    /// <summary>Gets where the facts come from, or <see langword="null"/>.</summary>
    public string? Source { get; }

    /// <summary>Reads enterprise facts from a UTF-8 JSON array of <c>{"enterprise_id", "source", "facts": {name: true/false/number/null}}</c>.</summary>
    /// <param name="utf8Json">The JSON.</param>
    /// <param name="sourceName">The file name used in error messages.</param>
    /// <returns>The facts, one entry per enterprise, in file order.</returns>
    /// <exception cref="ShapotouDataException">The JSON is malformed, an enterprise repeats, or a fact is neither yes/no,
    /// a finite number nor null; the message names the row, the enterprise and the fact.</exception>
    public static IReadOnlyList<EnterpriseFacts> Read(Stream utf8Json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(sourceName);
        string file = $"Enterprise facts '{sourceName}'";
        JsonDocument document = Internal.JsonInput.Parse(utf8Json, file);

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new ShapotouDataException($"{file}: the root ($) is {Sdk.Internal.StrictJson.Kind(document.RootElement)}; expected an array of enterprises.");
            }

            var result = new List<EnterpriseFacts>();
            int number = 0;
            foreach (JsonElement row in document.RootElement.EnumerateArray())
            {
                number++;
                string where = string.Create(CultureInfo.InvariantCulture, $"{file}, row {number}");
                Sdk.Internal.StrictJson.RequireObject(row, where, Sdk.Internal.StrictJson.Path("$", number - 1));

                string id = row.TryGetProperty("enterprise_id", out JsonElement idElement) && idElement.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(idElement.GetString())
                    ? idElement.GetString()!
                    : throw new ShapotouDataException($"{where}: field 'enterprise_id' is missing or not a string; expected an enterprise id.");
                where += $" (enterprise '{id}')";
                if (result.Any(r => string.Equals(r.EnterpriseId, id, StringComparison.Ordinal)))
                {
                    throw new ShapotouDataException($"{where}: field 'enterprise_id' repeats an earlier row; expected one row per enterprise.");
                }

                string? source = null;
                var facts = new Dictionary<string, FactValue>(StringComparer.Ordinal);
                foreach (JsonProperty property in row.EnumerateObject())
                {
                    switch (property.Name)
                    {
                        case "enterprise_id":
                            break;
                        case "source":
                            source = property.Value.ValueKind switch
                            {
                                JsonValueKind.Null => null,
                                JsonValueKind.String => property.Value.GetString(),
                                _ => throw new ShapotouDataException($"{where}: field 'source' is {Sdk.Internal.StrictJson.Show(property.Value)}; expected a string."),
                            };
                            break;
                        case "facts" when property.Value.ValueKind == JsonValueKind.Object:
                            foreach (JsonProperty fact in property.Value.EnumerateObject())
                            {
                                if (!IsValidName(fact.Name))
                                {
                                    throw new ShapotouDataException($"{where}: fact '{fact.Name}' is not a lower-case snake_case name.");
                                }

                                switch (fact.Value.ValueKind)
                                {
                                    case JsonValueKind.Null:
                                        break;
                                    case JsonValueKind.True or JsonValueKind.False:
                                        facts[fact.Name] = FactValue.Of(fact.Value.GetBoolean());
                                        break;
                                    case JsonValueKind.Number when fact.Value.TryGetDouble(out double d) && double.IsFinite(d):
                                        facts[fact.Name] = FactValue.Of(d);
                                        break;
                                    default:
                                        throw new ShapotouDataException($"{where}: fact '{fact.Name}' is {fact.Value.GetRawText()}; expected true, false, a finite number, or null for unknown.");
                                }
                            }

                            break;
                        case "facts":
                            throw new ShapotouDataException($"{where}: field 'facts' is {Sdk.Internal.StrictJson.Show(property.Value)}; expected an object of facts.");
                        default:
                            throw Sdk.Internal.StrictJson.UnknownKey(where, Sdk.Internal.StrictJson.Path(Sdk.Internal.StrictJson.Path("$", number - 1), property.Name), property.Name, ["enterprise_id", "source", "facts"]);
                    }
                }

                result.Add(new EnterpriseFacts(id, facts, source));
            }

            return result;
        }
    }

    /// <summary>Reads enterprise facts from a UTF-8 JSON file.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The facts.</returns>
    /// <exception cref="ShapotouDataException">The content is malformed.</exception>
    public static IReadOnlyList<EnterpriseFacts> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using FileStream stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path));
    }

    internal static bool IsValidName(string name) => NamePattern().IsMatch(name);

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
