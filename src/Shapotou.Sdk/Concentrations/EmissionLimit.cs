using System.Globalization;
using Shapotou.Sdk.Internal;
using Shapotou.Sdk.Reference;
using UnitsNet;

namespace Shapotou.Sdk.Concentrations;

/// <summary>
/// A concentration limit on a basis (measured, or at a reference O₂), or a prohibition (禁排), with its source; the
/// comparison primitive shared by emission inventories, compliance checks and monitoring.
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para>A concentration exceeds a limit when it is strictly greater (a value equal to the limit complies): "超过许可排放
/// 浓度限值的，即视为超标" (排污许可证申请与核发技术规范, §12.2.1.1). Under a prohibition any concentration above
/// zero exceeds.</para>
/// <para>Comparing a concentration on another basis is an error, never a silent comparison of unlike values.</para>
/// </remarks>
public sealed record EmissionLimit
{
    private EmissionLimit(MassConcentration? value, ConcentrationBasis basis, string source)
    {
        Value = value;
        Basis = basis;
        Source = Preconditions.CheckNotBlank(source);
    }

    /// <summary>Gets the limit, or <see langword="null"/> for a prohibition.</summary>
    public MassConcentration? Value { get; }

    /// <summary>Gets the basis the limit is stated on.</summary>
    public ConcentrationBasis Basis { get; }

    /// <summary>Gets whether this is a prohibition (禁排) rather than a numeric limit.</summary>
    public bool Prohibited => Value is null;

    /// <summary>Gets the standard, permit or catalogue key the limit comes from.</summary>
    public string Source { get; }

    /// <summary>Creates a numeric limit.</summary>
    /// <param name="value">The limit; finite and not negative.</param>
    /// <param name="basis">The basis it is stated on, such as reference O₂ 3.5 % for a gas boiler (GB 13271-2014).</param>
    /// <param name="source">The standard, table or permit it comes from.</param>
    /// <returns>The limit.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not finite, or negative.</exception>
    public static EmissionLimit Of(MassConcentration value, ConcentrationBasis basis, string source)
    {
        Preconditions.CheckFiniteNonNegative(value.Value, nameof(value));
        return new EmissionLimit(value, basis, source);
    }

    /// <summary>Creates a prohibition (禁排), such as GB 9078-1996's grade-1 areas.</summary>
    /// <param name="basis">The basis.</param>
    /// <param name="source">The standard and table.</param>
    /// <returns>The prohibition.</returns>
    public static EmissionLimit Prohibition(ConcentrationBasis basis, string source) => new(null, basis, source);

    /// <summary>Creates a limit from a catalogue row in <c>mg/m3</c>, or a prohibition from a prohibited row.</summary>
    /// <param name="value">The catalogue row, such as <c>emissions.limit.gb13271.table_2.gas_boiler.nox</c>.</param>
    /// <param name="basis">The basis the standard states the limit on (from the catalogue's <c>emissions.reference_o2.*</c> rows).</param>
    /// <returns>The limit; its source names the row's source, key and confidence mark.</returns>
    /// <exception cref="ArgumentException">The row's unit is not <c>mg/m3</c>.</exception>
    public static EmissionLimit FromReference(ReferenceValue value, ConcentrationBasis basis)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!string.Equals(value.Unit.Symbol, "mg/m3", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{value.Key}' is in '{value.Unit.Symbol}'; a concentration limit must be in 'mg/m3'.", nameof(value));
        }

        string source = $"{value.Source} [{value.Key}, {value.ConfidenceMark}]";
        return value.Prohibited ? Prohibition(basis, source) : Of(value.ToMassConcentration(), basis, source);
    }

    /// <summary>Compares a concentration with this limit.</summary>
    /// <param name="concentration">The concentration, on this limit's basis.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException">The concentration is on another basis; convert it first.</exception>
    public LimitComparison Compare(FlueGasConcentration concentration)
    {
        if (concentration.Basis != Basis)
        {
            ThrowHelper.ThrowArgument(
                $"Concentration on the basis '{concentration.Basis}' cannot be compared with a limit on the basis '{Basis}' ({Source}); convert it to the limit's basis first.",
                nameof(concentration));
        }

        double actual = concentration.Value.MilligramsPerCubicMeter;
        if (Value is not { } limit)
        {
            return new LimitComparison(actual > 0, double.PositiveInfinity);
        }

        double limitValue = limit.MilligramsPerCubicMeter;
        double ratio = limitValue == 0 ? (actual == 0 ? 0 : double.PositiveInfinity) : actual / limitValue;
        return new LimitComparison(actual > limitValue, ratio);
    }

    /// <summary>Describes the limit, such as <c>200 mg/m3 (reference O2 3.5 %), GB 13271-2014 Table 2</c>.</summary>
    /// <returns>The description, in the invariant culture.</returns>
    public override string ToString() =>
        Value is { } v
            ? string.Create(CultureInfo.InvariantCulture, $"{v.MilligramsPerCubicMeter} mg/m3 ({Basis}), {Source}")
            : $"prohibited ({Basis}), {Source}";
}
