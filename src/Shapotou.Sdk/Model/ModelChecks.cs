using System.Globalization;
using System.Text.RegularExpressions;
using Shapotou.Sdk.Internal;
using UnitsNet;

namespace Shapotou.Sdk.Model;

/// <summary>
/// Validation shared by the model records. Messages name the record, its id, the contract field (snake_case), the
/// value and what was expected, such as
/// <c>Facility 'yx-f1': transformer_rating is -5 Kilovoltampere; expected a finite value of at least 0.</c>
/// The parameter name of the exception is derived from the field (<c>transformer_rating</c> → <c>transformerRating</c>)
/// unless the caller names it.
/// </summary>
internal static partial class ModelChecks
{
    public static string Id(string? value, string entity, string field)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length != value.Length)
        {
            ThrowHelper.ThrowArgument($"{entity}: {field} is '{value}'; expected a non-empty id without surrounding spaces.", ToParameter(field));
        }

        return value;
    }

    public static string Text(string? value, string entity, string field)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length != value.Length)
        {
            ThrowHelper.ThrowArgument($"{entity}: {field} is '{value}'; expected non-empty text without surrounding spaces.", ToParameter(field));
        }

        return value;
    }

    public static string IndustryCode(string? value, string entity, string id, string field)
    {
        if (value is null || !IndustryCodePattern().IsMatch(value))
        {
            ThrowHelper.ThrowArgument($"{entity} '{id}': {field} is '{value}'; expected a GB/T 4754-2017 class of four digits, such as '3140'.", ToParameter(field));
        }

        return value;
    }

    public static string? Optional(string? value, string entity, string id, string field)
    {
        if (value is not null && (value.Length == 0 || value.Trim().Length != value.Length))
        {
            ThrowHelper.ThrowArgument($"{entity} '{id}': {field} is '{value}'; expected null or text without surrounding spaces.", ToParameter(field));
        }

        return value;
    }

    public static string Slug(string? value, string entity, string id, string field)
    {
        if (value is null || !SlugPattern().IsMatch(value))
        {
            ThrowHelper.ThrowArgument($"{entity} '{id}': {field} is '{value}'; expected lower-case ASCII such as 'zhenluo' or 'natural_gas'.", ToParameter(field));
        }

        return value;
    }

    public static TEnum Defined<TEnum>(TEnum value, string entity, string id, string field)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            ThrowHelper.ThrowArgument(
                string.Create(CultureInfo.InvariantCulture, $"{entity} '{id}': {field} is {value}; expected one of {string.Join(", ", ContractNames.All<TEnum>())}."),
                ToParameter(field));
        }

        return value;
    }

    /// <summary>Checks that a quantity, in <paramref name="unit"/>, is at least 0 (UnitsNet already rejects NaN and infinities).</summary>
    public static TQuantity? NonNegative<TQuantity>(TQuantity? value, Enum unit, string entity, string id, string field)
        where TQuantity : struct, IQuantity
    {
        if (value is { } quantity)
        {
            double inUnit = quantity.As(unit);
            if (!double.IsFinite(inUnit) || inUnit < 0)
            {
                ThrowHelper.ThrowArgument(
                    string.Create(CultureInfo.InvariantCulture, $"{entity} '{id}': {field} is {inUnit} {Units.QuantityUnits.NameOf(unit)}; expected a finite value of at least 0."),
                    ToParameter(field));
            }
        }

        return value;
    }

    /// <summary>Checks that a percentage lies in [0, 100].</summary>
    public static double Percent(double percent, string entity, string id, string field)
    {
        if (!double.IsFinite(percent) || percent < 0 || percent > 100)
        {
            ThrowHelper.ThrowArgument(
                string.Create(CultureInfo.InvariantCulture, $"{entity} '{id}': {field} is {percent} %; expected a value from 0 % to 100 %."),
                ToParameter(field));
        }

        return percent;
    }

    public static double NonNegative(double value, string entity, string id, string field, string? paramName = null)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            ThrowHelper.ThrowArgument(
                string.Create(CultureInfo.InvariantCulture, $"{entity} '{id}': {field} is {value}; expected a finite value of at least 0."),
                paramName ?? ToParameter(field));
        }

        return value;
    }

    public static void Requires(bool condition, string entity, string id, string field, string message, string? paramName = null)
    {
        if (!condition)
        {
            ThrowHelper.ThrowArgument($"{entity} '{id}': {field} {message}", paramName ?? ToParameter(field));
        }
    }

    /// <summary>The C# parameter name of a contract field: <c>transformer_rating</c> → <c>transformerRating</c>.</summary>
    private static string ToParameter(string field)
    {
        string[] parts = field.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex IndustryCodePattern();
}
