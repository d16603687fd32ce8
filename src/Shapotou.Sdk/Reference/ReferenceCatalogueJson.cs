using System.Globalization;
using System.Text.Json;

namespace Shapotou.Sdk.Reference;

/// <summary>Reads and writes catalogue rows as a JSON array, the format of the built-in catalogue and of user files.</summary>
/// <remarks>
/// <para>Each element is an object with <c>key</c>, <c>value</c> (number, or null for a prohibition), <c>unit</c>,
/// <c>source</c>, <c>confidence</c> (<c>P</c>, <c>S+</c> or <c>S</c>), <c>valid_from</c> and <c>valid_to</c>
/// (<c>YYYY-MM-DD</c> or null), and optionally <c>prohibited</c>, <c>note</c> and <c>origin</c>. An <c>origin</c> in
/// the input is ignored: the loader decides it, so a user file never passes for built-in data. Any other field is an
/// error, so that a misspelt field is not silently dropped.</para>
/// </remarks>
public static class ReferenceCatalogueJson
{
    private static readonly string[] s_knownFields =
        ["key", "value", "unit", "source", "confidence", "valid_from", "valid_to", "prohibited", "note", "origin"];

    /// <summary>Reads catalogue rows from a UTF-8 JSON array.</summary>
    /// <param name="utf8Json">The JSON stream.</param>
    /// <param name="origin">The origin to give every row.</param>
    /// <param name="sourceName">The file name used in error messages.</param>
    /// <returns>The rows in file order.</returns>
    /// <exception cref="ShapotouDataException">The JSON is malformed, or a row is; the message names the file, the row
    /// number (1-based), the key, the field, the expected and the actual value.</exception>
    public static IReadOnlyList<ReferenceValue> Read(Stream utf8Json, ReferenceOrigin origin, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(sourceName);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException exception)
        {
            throw Internal.StrictJson.Invalid($"Catalogue '{sourceName}'", exception);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new ShapotouDataException($"Catalogue '{sourceName}': the root ($) is {Internal.StrictJson.Kind(document.RootElement)}; expected an array of rows.");
            }

            var rows = new List<ReferenceValue>(document.RootElement.GetArrayLength());
            int number = 0;
            foreach (JsonElement element in document.RootElement.EnumerateArray())
            {
                number++;
                rows.Add(ReadRow(element, origin, sourceName, number));
            }

            return rows;
        }
    }

    /// <summary>Reads catalogue rows from a UTF-8 JSON file.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="origin">The origin to give every row; <see cref="ReferenceOrigin.User"/> for a caller's file.</param>
    /// <returns>The rows in file order.</returns>
    /// <exception cref="ShapotouDataException">The file's content is malformed.</exception>
    public static IReadOnlyList<ReferenceValue> ReadFile(string path, ReferenceOrigin origin = ReferenceOrigin.User)
    {
        ArgumentNullException.ThrowIfNull(path);
        using FileStream stream = File.OpenRead(path);
        return Read(stream, origin, Path.GetFileName(path));
    }

    /// <summary>Writes rows as a JSON array, each object with every field, including <c>origin</c>.</summary>
    /// <param name="writer">The JSON writer.</param>
    /// <param name="rows">The rows, written in the given order.</param>
    /// <remarks>Numbers are written in their shortest round-trip form, so a written file reads back to identical values.</remarks>
    public static void Write(Utf8JsonWriter writer, IEnumerable<ReferenceValue> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        writer.WriteStartArray();
        foreach (ReferenceValue row in rows)
        {
            writer.WriteStartObject();
            writer.WriteString("key", row.Key);
            if (row.Value is { } value)
            {
                writer.WriteNumber("value", value);
            }
            else
            {
                writer.WriteNull("value");
            }

            writer.WriteString("unit", row.Unit.Symbol);
            writer.WriteString("source", row.Source);
            writer.WriteString("confidence", row.ConfidenceMark);
            WriteDate(writer, "valid_from", row.ValidFrom);
            WriteDate(writer, "valid_to", row.ValidTo);
            writer.WriteBoolean("prohibited", row.Prohibited);
            if (row.Note is null)
            {
                writer.WriteNull("note");
            }
            else
            {
                writer.WriteString("note", row.Note);
            }

            writer.WriteString("origin", row.Origin == ReferenceOrigin.User ? "user" : "builtin");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteDate(Utf8JsonWriter writer, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            writer.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static ReferenceValue ReadRow(JsonElement element, ReferenceOrigin origin, string sourceName, int number)
    {
        string where = string.Create(CultureInfo.InvariantCulture, $"Catalogue '{sourceName}', row {number}");
        string path = Internal.StrictJson.Path("$", number - 1);
        Internal.StrictJson.RequireObject(element, where, path);
        if (!element.TryGetProperty("key", out JsonElement keyElement))
        {
            throw new ShapotouDataException($"{where}: field 'key' is missing at {path}; expected a catalogue key as a string.");
        }

        if (keyElement.ValueKind != JsonValueKind.String)
        {
            throw new ShapotouDataException($"{where}: field 'key' at {Internal.StrictJson.Path(path, "key")} is {Internal.StrictJson.Show(keyElement)}; expected a catalogue key as a string.");
        }

        string key = keyElement.GetString()!;

        where += $" (key '{key}')";
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (Array.IndexOf(s_knownFields, property.Name) < 0)
            {
                throw Internal.StrictJson.UnknownKey(where, Internal.StrictJson.Path(path, property.Name), property.Name, s_knownFields);
            }
        }

        double? value = ReadValue(element, where);
        string unitSymbol = ReadRequiredString(element, "unit", where);
        if (!ReferenceUnit.TryParse(unitSymbol, out ReferenceUnit? unit))
        {
            throw new ShapotouDataException(
                $"{where}: field 'unit' is '{unitSymbol}'; expected one of {string.Join(", ", ReferenceUnit.All.Select(u => u.Symbol))}.");
        }

        string source = ReadRequiredString(element, "source", where);
        string mark = ReadRequiredString(element, "confidence", where);
        if (!ReferenceValue.TryParseMark(mark, out ReferenceConfidence confidence))
        {
            throw new ShapotouDataException(
                $"{where}: field 'confidence' is '{mark}'; expected P, S+ or S (values known only from recollection or not found are caller inputs, not catalogue rows).");
        }

        DateOnly? validFrom = ReadDate(element, "valid_from", where);
        DateOnly? validTo = ReadDate(element, "valid_to", where);
        bool prohibited = false;
        if (element.TryGetProperty("prohibited", out JsonElement prohibitedElement))
        {
            prohibited = prohibitedElement.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False or JsonValueKind.Null => false,
                _ => throw new ShapotouDataException($"{where}: field 'prohibited' is {Internal.StrictJson.Show(prohibitedElement)}; expected true or false."),
            };
        }

        string? note = ReadOptionalString(element, "note", where);
        if (ReferenceValue.FindError(key, value, source, confidence, validFrom, validTo, prohibited, origin, out _) is { } error)
        {
            throw new ShapotouDataException($"{where}: {error}");
        }

        return new ReferenceValue(key, value, unit, source, confidence, validFrom, validTo, prohibited, note, origin);
    }

    private static double? ReadValue(JsonElement element, string where)
    {
        if (!element.TryGetProperty("value", out JsonElement valueElement))
        {
            throw new ShapotouDataException($"{where}: field 'value' is missing; expected a number, or null for a prohibition.");
        }

        return valueElement.ValueKind switch
        {
            JsonValueKind.Number => valueElement.TryGetDouble(out double number) && double.IsFinite(number)
                ? number
                : throw new ShapotouDataException($"{where}: field 'value' is {valueElement.GetRawText()}; expected a finite number."),
            JsonValueKind.Null => null,
            _ => throw new ShapotouDataException(
                $"{where}: field 'value' is {Internal.StrictJson.Show(valueElement)}; expected a number, or null for a prohibition."),
        };
    }

    private static string ReadRequiredString(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out JsonElement property))
        {
            throw new ShapotouDataException($"{where}: field '{name}' is missing; expected a string.");
        }

        if (property.ValueKind != JsonValueKind.String)
        {
            throw new ShapotouDataException($"{where}: field '{name}' is {Internal.StrictJson.Show(property)}; expected a string.");
        }

        return property.GetString()!;
    }

    private static string? ReadOptionalString(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out JsonElement property) || property.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return property.ValueKind == JsonValueKind.String
            ? property.GetString()
            : throw new ShapotouDataException($"{where}: field '{name}' is {Internal.StrictJson.Show(property)}; expected a string or null.");
    }

    private static DateOnly? ReadDate(JsonElement element, string name, string where)
    {
        string? text = ReadOptionalString(element, name, where);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            throw new ShapotouDataException($"{where}: field '{name}' is '{text}'; expected a date YYYY-MM-DD or null.");
        }

        return date;
    }
}
