using System.Globalization;
using System.Text.Json;

namespace Shapotou.Sdk.Internal;

/// <summary>
/// The strict reading shared by the SDK's JSON inputs (catalogue rows, scenarios, grading criteria, enterprise facts):
/// an unknown key is an error naming the key, its JSON path and the nearest known key, and a value of the wrong kind
/// names its path; so a misspelt key is never read as an absent one.
/// </summary>
/// <remarks>This file is compiled into each package that reads JSON input (linked, not shared through internals).</remarks>
internal static class StrictJson
{
    /// <summary>Throws when <paramref name="element"/> has a key outside <paramref name="known"/>.</summary>
    /// <param name="element">A JSON object.</param>
    /// <param name="where">The input and the place named for messages, such as <c>Scenario file 'x.json'</c>.</param>
    /// <param name="path">The JSON path of <paramref name="element"/>, such as <c>$.changes[0]</c>.</param>
    /// <param name="known">The keys the object may hold.</param>
    /// <exception cref="ShapotouDataException">A key is unknown.</exception>
    public static void CheckKeys(JsonElement element, string where, string path, IReadOnlyCollection<string> known)
    {
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                throw UnknownKey(where, Path(path, property.Name), property.Name, known);
            }
        }
    }

    /// <summary>The error for an unknown key: its path and the nearest known key, or the known keys when none is near.</summary>
    public static ShapotouDataException UnknownKey(string where, string path, string key, IReadOnlyCollection<string> known) =>
        Nearest(key, known) is { } nearest
            ? new ShapotouDataException($"{where}: key '{key}' at {path} is unknown; did you mean '{nearest}'?")
            : new ShapotouDataException($"{where}: key '{key}' at {path} is unknown; expected one of {string.Join(", ", known)}.");

    /// <summary>Throws unless <paramref name="element"/> is a JSON object.</summary>
    /// <exception cref="ShapotouDataException">It is not an object.</exception>
    public static void RequireObject(JsonElement element, string where, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ShapotouDataException($"{where}: {path} is {Show(element)}; expected an object.");
        }
    }

    /// <summary>The strings of a JSON array of non-empty strings.</summary>
    /// <exception cref="ShapotouDataException">It is not an array, or an element is not a non-empty string.</exception>
    public static string[] Strings(JsonElement element, string where, string path, string meaning)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new ShapotouDataException($"{where}: {path} is {Show(element)}; expected an array of {meaning}.");
        }

        var values = new string[element.GetArrayLength()];
        int index = 0;
        foreach (JsonElement item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                throw new ShapotouDataException(string.Create(CultureInfo.InvariantCulture, $"{where}: {path}[{index}] is {Show(item)}; expected one of {meaning} as a non-empty string."));
            }

            values[index++] = item.GetString()!;
        }

        return values;
    }

    /// <summary>The error for input that is not JSON: one sentence naming the input, the line and the byte (both 1-based), without the parser's own wording.</summary>
    /// <param name="what">The input named for messages, such as <c>Grading criteria 'x.json'</c>.</param>
    /// <param name="exception">The parser's error.</param>
    public static ShapotouDataException Invalid(string what, JsonException exception) => new(
        exception.LineNumber is { } line && exception.BytePositionInLine is { } position
            ? string.Create(CultureInfo.InvariantCulture, $"{what} is not valid JSON at line {line + 1}, byte {position + 1}.")
            : $"{what} is not valid JSON.",
        exception);

    /// <summary>The kind of a JSON value in words, for messages: <c>an object</c>, <c>an array</c>, <c>a string</c>,
    /// <c>a number</c>, <c>true</c>, <c>false</c> or <c>null</c>.</summary>
    public static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    /// <summary>The path of a key under <paramref name="parent"/>: <c>$.a.b</c>, or <c>$.a['odd key']</c>.</summary>
    public static string Path(string parent, string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $"{parent}.{key}" : $"{parent}['{key}']";

    /// <summary>The path of an array element under <paramref name="parent"/>.</summary>
    public static string Path(string parent, int index) => string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");

    /// <summary>A value shown in a message: its JSON text when short, else its kind.</summary>
    public static string Show(JsonElement element)
    {
        string text = element.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => element.GetRawText(),
        };
        return text.Length <= 40 ? text : text[..37] + "...";
    }

    /// <summary>The known key nearest to <paramref name="key"/> by edit distance (at most a third of its length, and at least 1 edit allowed), or <see langword="null"/>.</summary>
    public static string? Nearest(string key, IEnumerable<string> known)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string name in known)
        {
            int distance = Distance(key.ToLowerInvariant(), name.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (name, distance);
            }
        }

        return bestDistance <= Math.Max(1, key.Length / 3) ? best : null;
    }

    /// <summary>The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours
    /// ('vaule' for 'value') each count as one edit.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
