using System.Globalization;
using System.Runtime.CompilerServices;

namespace Shapotou.Sdk.Internal;

/// <summary>Argument checks shared by the public entry points; messages name the parameter and the value.</summary>
internal static class Preconditions
{
    public static double CheckFinite(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!double.IsFinite(value))
        {
            ThrowHelper.ThrowNotFinite(paramName, value);
        }

        return value;
    }

    public static double CheckFiniteNonNegative(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        CheckFinite(value, paramName);
        if (value < 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(
                paramName,
                value,
                string.Create(CultureInfo.InvariantCulture, $"Parameter '{paramName}' must not be negative; it is {value}."));
        }

        return value;
    }

    public static string CheckNotBlank(string? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (string.IsNullOrWhiteSpace(value))
        {
            ThrowHelper.ThrowArgument($"Parameter '{paramName}' must not be empty.", paramName);
        }

        return value;
    }
}
