using System.Collections.Frozen;
using System.Text;

namespace Shapotou.Sdk.Model;

/// <summary>
/// The snake_case names under which the data contract writes enum values (<c>submerged_arc_furnace</c>,
/// <c>semi_closed</c>, <c>so2</c>; HJ 212 data flags keep their letters, <c>N</c>, <c>F</c>, …), and their strict parsing.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public static class ContractNames
{
    /// <summary>Gets the contract name of an enum value, such as <c>semi_closed</c> for <see cref="FurnaceEnclosure.SemiClosed"/>.</summary>
    /// <typeparam name="TEnum">A model enum.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The lower-case snake_case name.</returns>
    public static string ToName<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Names<TEnum>.ByValue.TryGetValue(value, out string? name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(TEnum).Name} value.");

    /// <summary>Parses a contract name strictly.</summary>
    /// <typeparam name="TEnum">A model enum.</typeparam>
    /// <param name="name">The snake_case name, such as <c>bag_filter</c>.</param>
    /// <param name="field">The field or column the name comes from, for the error message.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ShapotouDataException">The name is not one of the enum's contract names.</exception>
    public static TEnum Parse<TEnum>(string? name, string field)
        where TEnum : struct, Enum
    {
        if (TryParse(name, out TEnum value))
        {
            return value;
        }

        throw new ShapotouDataException(
            $"Field '{field}' is '{name}'; expected one of {string.Join(", ", Names<TEnum>.ByValue.Values)}.");
    }

    /// <summary>Parses a contract name strictly.</summary>
    /// <typeparam name="TEnum">A model enum.</typeparam>
    /// <param name="name">The snake_case name.</param>
    /// <param name="value">The value, when the name is known.</param>
    /// <returns><see langword="true"/> when the name is one of the enum's contract names.</returns>
    public static bool TryParse<TEnum>(string? name, out TEnum value)
        where TEnum : struct, Enum
    {
        if (name is not null && Names<TEnum>.ByName.TryGetValue(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Gets every contract name of an enum, in declaration order.</summary>
    /// <typeparam name="TEnum">A model enum.</typeparam>
    /// <returns>The names.</returns>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum =>
        Names<TEnum>.ByValue.Values;

    private static string ToSnakeCase(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c) && i > 0 && !char.IsDigit(pascal[i - 1]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ByValue =
            Enum.GetValues<TEnum>().ToFrozenDictionary(
                v => v,
                // HJ 212 data flags are single upper-case letters in the standard and in every file.
                v => typeof(TEnum) == typeof(DataFlag) ? v.ToString() : ToSnakeCase(v.ToString()));

        public static readonly FrozenDictionary<string, TEnum> ByName =
            ByValue.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
