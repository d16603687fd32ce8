using System.Globalization;
using System.Text.RegularExpressions;
using Shapotou.Sdk.Internal;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Reference;

/// <summary>
/// One row of the reference catalogue: a value with its unit, the document and clause it comes from, the dates it is
/// in force, and how sure the references are of it.
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para>A range is two rows whose keys end in <c>_min</c> and <c>_max</c>. A prohibited limit (禁排) has no value and
/// <see cref="Prohibited"/> set.</para>
/// </remarks>
public sealed partial record ReferenceValue
{
    /// <summary>Initializes a catalogue row, validating every field.</summary>
    /// <param name="key">Dotted lower-case ASCII, at least three segments, such as <c>energy.coefficient.electricity.equivalent</c>.</param>
    /// <param name="value">The value in <paramref name="unit"/>, finite; <see langword="null"/> only for a prohibited limit.</param>
    /// <param name="unit">The unit of <paramref name="value"/>.</param>
    /// <param name="source">The document, clause or table the value comes from; not blank.</param>
    /// <param name="confidence">How sure the references are of the value.</param>
    /// <param name="validFrom">The first day the value is in force, or <see langword="null"/> for no lower bound.</param>
    /// <param name="validTo">The last day the value is in force (inclusive), or <see langword="null"/> for no upper bound.</param>
    /// <param name="prohibited">Whether this is a prohibition (禁排) rather than a numeric limit.</param>
    /// <param name="note">A remark for users, or <see langword="null"/>.</param>
    /// <param name="origin">Whether the row is built in or loaded by the caller.</param>
    /// <exception cref="ArgumentException">A field is malformed; the message names the field, the expected and the actual value.</exception>
    public ReferenceValue(
        string key,
        double? value,
        ReferenceUnit unit,
        string source,
        ReferenceConfidence confidence,
        DateOnly? validFrom = null,
        DateOnly? validTo = null,
        bool prohibited = false,
        string? note = null,
        ReferenceOrigin origin = ReferenceOrigin.Builtin)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(unit);
        if (FindError(key, value, source, confidence, validFrom, validTo, prohibited, origin, out string paramName) is { } error)
        {
            ThrowHelper.ThrowArgument(error, paramName);
        }

        Key = key;
        Value = value;
        Unit = unit;
        Source = source;
        Confidence = confidence;
        ValidFrom = validFrom;
        ValidTo = validTo;
        Prohibited = prohibited;
        Note = string.IsNullOrWhiteSpace(note) ? null : note;
        Origin = origin;
    }

    /// <summary>Gets the key, such as <c>energy.coefficient.electricity.equivalent</c>.</summary>
    public string Key { get; }

    /// <summary>Gets the value in <see cref="Unit"/>; <see langword="null"/> for a prohibited limit.</summary>
    public double? Value { get; }

    /// <summary>Gets the unit of <see cref="Value"/>.</summary>
    public ReferenceUnit Unit { get; }

    /// <summary>Gets the document, clause or table the value comes from.</summary>
    public string Source { get; }

    /// <summary>Gets how sure the references are of the value.</summary>
    public ReferenceConfidence Confidence { get; }

    /// <summary>Gets the first day the value is in force, or <see langword="null"/> for no lower bound.</summary>
    public DateOnly? ValidFrom { get; }

    /// <summary>Gets the last day the value is in force (inclusive), or <see langword="null"/> for no upper bound.</summary>
    public DateOnly? ValidTo { get; }

    /// <summary>Gets whether this row is a prohibition (禁排) and so has no value.</summary>
    public bool Prohibited { get; }

    /// <summary>Gets a remark for users, or <see langword="null"/>.</summary>
    public string? Note { get; }

    /// <summary>Gets whether the row is built in or was loaded by the caller.</summary>
    public ReferenceOrigin Origin { get; }

    /// <summary>Gets the confidence as written in catalogue files: <c>P</c>, <c>S+</c> or <c>S</c>.</summary>
    public string ConfidenceMark => ToMark(Confidence);

    /// <summary>Gets whether the value needs confirmation against the primary text (confidence <c>S</c>).</summary>
    public bool NeedsConfirmation => Confidence == ReferenceConfidence.Secondary;

    /// <summary>Returns whether the row is in force on <paramref name="date"/>.</summary>
    /// <param name="date">The date, in the plan's local calendar.</param>
    /// <returns><see langword="true"/> when <c>ValidFrom ≤ date ≤ ValidTo</c>, open bounds included.</returns>
    public bool IsInForceOn(DateOnly date) =>
        (ValidFrom is not { } from || from <= date) && (ValidTo is not { } to || date <= to);

    /// <summary>Gets the numeric value, which a prohibition does not have.</summary>
    /// <returns>The value in <see cref="Unit"/>.</returns>
    /// <exception cref="InvalidOperationException">The row is a prohibition.</exception>
    public double GetValue() =>
        Value ?? throw new InvalidOperationException($"'{Key}' is a prohibition (禁排) and has no numeric value.");

    /// <summary>Gets the value as a mass concentration; the unit must be <c>mg/m3</c>.</summary>
    /// <returns>The concentration in milligrams per cubic metre.</returns>
    /// <exception cref="InvalidOperationException">The unit is not <c>mg/m3</c>, or the row is a prohibition.</exception>
    public MassConcentration ToMassConcentration()
    {
        RequireUnit("mg/m3");
        return MassConcentration.From(GetValue(), MassConcentrationUnit.MilligramPerCubicMeter);
    }

    /// <summary>Gets the value as a volume concentration (such as a reference O₂ content); the unit must be <c>%</c>.</summary>
    /// <returns>The concentration in percent by volume.</returns>
    /// <exception cref="InvalidOperationException">The unit is not <c>%</c>, or the row is a prohibition.</exception>
    public VolumeConcentration ToVolumeConcentration()
    {
        RequireUnit("%");
        return VolumeConcentration.From(GetValue(), VolumeConcentrationUnit.Percent);
    }

    /// <summary>Gets the value as a ratio (such as a reduction rate); the unit must be <c>%</c>.</summary>
    /// <returns>The ratio in percent.</returns>
    /// <exception cref="InvalidOperationException">The unit is not <c>%</c>, or the row is a prohibition.</exception>
    public Ratio ToRatio()
    {
        RequireUnit("%");
        return Ratio.From(GetValue(), RatioUnit.Percent);
    }

    /// <summary>Returns whether <paramref name="key"/> is a well-formed catalogue key.</summary>
    /// <param name="key">The key to check.</param>
    /// <returns><see langword="true"/> for dotted lower-case ASCII with at least three segments of <c>[a-z0-9_]</c>.</returns>
    public static bool IsValidKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    /// <summary>Converts a confidence to its mark, <c>P</c>, <c>S+</c> or <c>S</c>.</summary>
    /// <param name="confidence">The confidence.</param>
    /// <returns>The mark.</returns>
    public static string ToMark(ReferenceConfidence confidence) => confidence switch
    {
        ReferenceConfidence.Primary => "P",
        ReferenceConfidence.Transcribed => "S+",
        ReferenceConfidence.Secondary => "S",
        _ => throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Unknown confidence."),
    };

    /// <summary>Parses a confidence mark: <c>P</c> (or <c>C</c>, confirmed in the primary text), <c>S+</c> or <c>S</c>.</summary>
    /// <param name="mark">The mark.</param>
    /// <param name="confidence">The confidence, when the mark is one of those.</param>
    /// <returns><see langword="true"/> for a mark that may carry a value; <see langword="false"/> otherwise (R, NF, —).</returns>
    public static bool TryParseMark(string? mark, out ReferenceConfidence confidence)
    {
        switch (mark)
        {
            case "P" or "C":
                confidence = ReferenceConfidence.Primary;
                return true;
            case "S+":
                confidence = ReferenceConfidence.Transcribed;
                return true;
            case "S":
                confidence = ReferenceConfidence.Secondary;
                return true;
            default:
                confidence = default;
                return false;
        }
    }

    /// <summary>Finds the first malformed field of a row, for the constructor and for file readers alike.</summary>
    /// <returns>The message, or <see langword="null"/> when the row is well formed.</returns>
    internal static string? FindError(
        string key,
        double? value,
        string? source,
        ReferenceConfidence confidence,
        DateOnly? validFrom,
        DateOnly? validTo,
        bool prohibited,
        ReferenceOrigin origin,
        out string paramName)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        (paramName, string? error) = true switch
        {
            _ when !IsValidKey(key) => (nameof(key),
                $"Key '{key}' is malformed; expected dotted lower-case ASCII with at least three segments of [a-z0-9_], such as 'energy.coefficient.coke'."),
            _ when value is { } v && !double.IsFinite(v) => (nameof(value),
                string.Create(c, $"Value of '{key}' must be a finite number; it is {v}.")),
            _ when prohibited && value is not null => (nameof(value),
                string.Create(c, $"Value of '{key}' is {value}, but a prohibited limit has no value; expected null.")),
            _ when !prohibited && value is null => (nameof(value),
                $"Value of '{key}' is null; expected a number, or prohibited = true for a prohibition."),
            _ when string.IsNullOrWhiteSpace(source) => (nameof(source),
                $"Source of '{key}' is empty; every value needs the document, clause or table it comes from."),
            _ when !Enum.IsDefined(confidence) => (nameof(confidence),
                string.Create(c, $"Confidence of '{key}' is {(int)confidence}; expected P, S+ or S.")),
            _ when !Enum.IsDefined(origin) => (nameof(origin),
                string.Create(c, $"Origin of '{key}' is {(int)origin}; expected builtin or user.")),
            _ when validFrom is { } from && validTo is { } to && to < from => (nameof(validTo),
                string.Create(c, $"Validity of '{key}' ends on {to:yyyy-MM-dd}, before it starts on {from:yyyy-MM-dd}.")),
            _ => (string.Empty, null),
        };
        return error;
    }

    private void RequireUnit(string symbol)
    {
        if (!string.Equals(Unit.Symbol, symbol, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{Key}' is in '{Unit.Symbol}'; expected '{symbol}'.");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_]*(\\.[a-z0-9][a-z0-9_]*){2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
