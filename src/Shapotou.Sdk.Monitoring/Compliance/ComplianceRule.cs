using System.Globalization;
using Shapotou.Sdk.Concentrations;
using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Monitoring.Compliance;

/// <summary>Which limit a value was judged against.</summary>
public enum LimitKind
{
    /// <summary>The permitted concentration (许可排放浓度) of the outlet.</summary>
    Permit = 1,

    /// <summary>An ultra-low-emission (超低排放) limit, such as the 2024 cement opinion's kiln values.</summary>
    UltraLow,
}

/// <summary>How a value or total stands against its limit.</summary>
public enum ComplianceLevel
{
    /// <summary>Below the warning threshold.</summary>
    Compliant = 0,

    /// <summary>At or above the warning threshold (a share of the limit), not above the limit.</summary>
    Warning,

    /// <summary>Strictly above the limit ("超过许可排放浓度限值的，即视为超标").</summary>
    Exceeds,
}

/// <summary>The concentration limits of one outlet and pollutant: the permit's and, optionally, an ultra-low one, with
/// the share of a limit at which a warning is raised.</summary>
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para>The warning share is a caller's setting (Plan P17 asks for warning thresholds on over-concentration and
/// over-total; no reference sets their value). The CLI's default of 0.8 is documented there as an assumption.</para>
/// </remarks>
public sealed record ComplianceRule
{
    /// <summary>Initializes a rule.</summary>
    /// <param name="outletId">The outlet.</param>
    /// <param name="pollutant">The pollutant.</param>
    /// <param name="permit">The permitted concentration, on its basis (reference O₂ or measured).</param>
    /// <param name="warningShare">The share of a limit at which a value is a warning, above 0 and at most 1.</param>
    /// <param name="ultraLow">An ultra-low limit, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="outletId"/> is blank or <paramref name="pollutant"/> unknown.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="warningShare"/> is not in (0, 1].</exception>
    public ComplianceRule(string outletId, Pollutant pollutant, EmissionLimit permit, double warningShare, EmissionLimit? ultraLow = null)
    {
        if (string.IsNullOrWhiteSpace(outletId))
        {
            throw new ArgumentException($"The outlet id is '{outletId}'; expected an id.", nameof(outletId));
        }

        if (!Enum.IsDefined(pollutant))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Pollutant {(int)pollutant} is not a member of Pollutant."), nameof(pollutant));
        }

        ArgumentNullException.ThrowIfNull(permit);
        if (!(warningShare > 0 && warningShare <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(warningShare), warningShare, "The warning share must be above 0 and at most 1 (0.8 warns at 80 % of the limit).");
        }

        OutletId = outletId;
        Pollutant = pollutant;
        Permit = permit;
        WarningShare = warningShare;
        UltraLow = ultraLow;
    }

    /// <summary>Gets the outlet.</summary>
    public string OutletId { get; }

    /// <summary>Gets the pollutant.</summary>
    public Pollutant Pollutant { get; }

    /// <summary>Gets the permitted concentration.</summary>
    public EmissionLimit Permit { get; }

    /// <summary>Gets the ultra-low limit, or <see langword="null"/>.</summary>
    public EmissionLimit? UltraLow { get; }

    /// <summary>Gets the share of a limit at which a value is a warning.</summary>
    public double WarningShare { get; }

    /// <summary>Creates the rule of an <c>outlets</c> row from its permitted concentration.</summary>
    /// <param name="outlet">The outlet row.</param>
    /// <param name="warningShare">The warning share, above 0 and at most 1.</param>
    /// <param name="ultraLow">An ultra-low limit, or <see langword="null"/>.</param>
    /// <returns>The rule, or <see langword="null"/> when the row has no <c>limit_value</c>.</returns>
    public static ComplianceRule? FromOutlet(Outlet outlet, double warningShare, EmissionLimit? ultraLow = null)
    {
        ArgumentNullException.ThrowIfNull(outlet);
        return outlet.ToEmissionLimit() is { } permit
            ? new ComplianceRule(outlet.OutletId, outlet.Pollutant, permit, warningShare, ultraLow)
            : null;
    }

    /// <summary>Grades a comparison: exceeds, warning at or above <see cref="WarningShare"/> of the limit, or compliant.</summary>
    /// <param name="comparison">The comparison with a limit.</param>
    /// <returns>The level.</returns>
    public ComplianceLevel Grade(LimitComparison comparison) =>
        comparison.Exceeds ? ComplianceLevel.Exceeds
        : comparison.Ratio >= WarningShare ? ComplianceLevel.Warning
        : ComplianceLevel.Compliant;
}
