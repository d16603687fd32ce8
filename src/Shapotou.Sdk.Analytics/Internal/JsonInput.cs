using System.Text.Json;

namespace Shapotou.Sdk.Analytics.Internal;

/// <summary>Parses the JSON inputs of the analytics (criteria, facts, scenarios), turning a syntax error into a data error that names the input and the place.</summary>
internal static class JsonInput
{
    private static readonly JsonDocumentOptions s_options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Parses UTF-8 JSON.</summary>
    /// <param name="utf8Json">The input.</param>
    /// <param name="what">The input named for messages, such as <c>Grading criteria 'x.json'</c>.</param>
    /// <returns>The document; the caller disposes of it.</returns>
    /// <exception cref="ShapotouDataException">The input is not valid JSON; the message names it, the line and the byte.</exception>
    public static JsonDocument Parse(Stream utf8Json, string what)
    {
        try
        {
            return JsonDocument.Parse(utf8Json, s_options);
        }
        catch (JsonException exception)
        {
            throw Invalid(what, exception);
        }
    }

    /// <summary>Parses JSON text.</summary>
    /// <param name="json">The input.</param>
    /// <param name="what">The input named for messages.</param>
    /// <returns>The document; the caller disposes of it.</returns>
    /// <exception cref="ShapotouDataException">The input is not valid JSON; the message names it, the line and the byte.</exception>
    public static JsonDocument Parse(string json, string what)
    {
        try
        {
            return JsonDocument.Parse(json, s_options);
        }
        catch (JsonException exception)
        {
            throw Invalid(what, exception);
        }
    }

    private static ShapotouDataException Invalid(string what, JsonException exception) => Sdk.Internal.StrictJson.Invalid(what, exception);
}
