using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Shapotou.Sdk.Internal;

/// <summary>Throws the SDK's exceptions out of line, so that callers' hot paths stay small.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowArgument(string message, string? paramName) =>
        throw new ArgumentException(message, paramName);

    [DoesNotReturn]
    public static void ThrowArgumentOutOfRange(string? paramName, object? actualValue, string message) =>
        throw new ArgumentOutOfRangeException(paramName, actualValue, message);

    [DoesNotReturn]
    public static void ThrowNotFinite(string? paramName, double actualValue) =>
        throw new ArgumentOutOfRangeException(
            paramName,
            actualValue,
            string.Create(CultureInfo.InvariantCulture, $"Parameter '{paramName}' must be a finite number; it is {actualValue}."));

    [DoesNotReturn]
    public static void ThrowData(string message) => throw new ShapotouDataException(message);

    [DoesNotReturn]
    public static void ThrowDestinationTooShort(string paramName) =>
        throw new ArgumentException("Destination is too short.", paramName);
}
