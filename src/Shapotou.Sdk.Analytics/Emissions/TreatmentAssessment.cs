using System.Globalization;
using Shapotou.Sdk.Internal;
using Shapotou.Sdk.Model;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Emissions;

/// <summary>
/// One operating hour of a treatment facility: the pollutant's concentration before and after it, dry at the standard
/// state on the same O₂ basis, with the flows where they are metered. A row of the <c>treatment_hourly</c> input table
/// (docs/tables.md).
/// </summary>
/// <param name="TreatmentId">The treatment facility.</param>
/// <param name="Hour">The start of the clock hour, China Standard Time wall clock: a time not marked with a zone.</param>
/// <param name="Inlet">The concentration upstream.</param>
/// <param name="Outlet">The concentration downstream.</param>
/// <param name="InletFlow">The dry standard flow upstream, or <see langword="null"/>.</param>
/// <param name="OutletFlow">The dry standard flow downstream, or <see langword="null"/>.</param>
/// <exception cref="ArgumentException"><paramref name="Hour"/> is marked UTC or local.</exception>
public sealed record TreatmentReading(string TreatmentId, DateTime Hour, MassConcentration Inlet, MassConcentration Outlet, VolumeFlow? InletFlow = null, VolumeFlow? OutletFlow = null)
{
    /// <summary>Gets the start of the clock hour, China Standard Time wall clock.</summary>
    public DateTime Hour { get; init => field = ChinaWallClock.Checked(value, nameof(Hour), "The treatment hour"); } = ChinaWallClock.Checked(Hour, nameof(Hour), "The treatment hour");
}

/// <summary>The early-warning grade of a treatment facility (P14).</summary>
public enum TreatmentGrade
{
    /// <summary><c>normal</c>: removal at or above design, and stable.</summary>
    Normal,

    /// <summary><c>watch</c>: removal at or above design overall, but too many hours below it.</summary>
    Watch,

    /// <summary><c>warning</c>: removal below design, within the warning margin.</summary>
    Warning,

    /// <summary><c>alarm</c>: removal below design by more than the warning margin: rectification within a deadline.</summary>
    Alarm,
}

/// <summary>
/// The thresholds of the early-warning grades. The plan asks for a graded scheme (P14) but sets no numbers, and the
/// references have none: these defaults are the SDK's assumptions, reported with every result.
/// </summary>
/// <remarks>This type is immutable and thread-safe. Each value is checked when it is set.</remarks>
public sealed record TreatmentAssessmentOptions
{
    private readonly Ratio _stableShare = Ratio.FromPercent(90);
    private readonly Ratio _warningMargin = Ratio.FromPercent(5);
    private readonly MassConcentration _minimumInlet = MassConcentration.FromMilligramsPerCubicMeter(0);

    /// <summary>Gets the share of operating hours at or above design below which a facility is not stable.</summary>
    /// <value>The default value is 90 %.</value>
    /// <exception cref="ArgumentOutOfRangeException">On init: not from 0 to 100 %.</exception>
    public Ratio StableShare
    {
        get => _stableShare;
        init => _stableShare = value.Percent is >= 0 and <= 100
            ? value
            : throw new ArgumentOutOfRangeException(nameof(StableShare), value.Percent, "The stable share must be from 0 to 100 %.");
    }

    /// <summary>Gets how far below design removal may fall, in percentage points, before the grade is an alarm.</summary>
    /// <value>The default value is 5 percentage points (<c>Ratio.FromPercent(5)</c>).</value>
    /// <exception cref="ArgumentOutOfRangeException">On init: not from 0 to 100 %.</exception>
    public Ratio WarningMargin
    {
        get => _warningMargin;
        init => _warningMargin = value.Percent is >= 0 and <= 100
            ? value
            : throw new ArgumentOutOfRangeException(nameof(WarningMargin), value.Percent, "The warning margin must be from 0 to 100 percentage points.");
    }

    /// <summary>Gets the inlet concentration at or below which an hour is not used (removal is undefined at zero inlet).</summary>
    /// <value>The default value is 0 mg/m³.</value>
    /// <exception cref="ArgumentOutOfRangeException">On init: negative or not finite.</exception>
    public MassConcentration MinimumInlet
    {
        get => _minimumInlet;
        init => _minimumInlet = double.IsFinite(value.Value) && value.Value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MinimumInlet), value.Value, "The minimum inlet concentration must be finite and at least 0.");
    }
}

/// <summary>The treatment facilities' results and the assumptions they rest on.</summary>
/// <param name="Results">One result per treatment facility, worst grade first, then by id.</param>
/// <param name="Assumptions">The thresholds used, in words.</param>
public sealed record TreatmentAssessmentResult(IReadOnlyList<TreatmentResult> Results, IReadOnlyList<string> Assumptions);

/// <summary>One treatment facility's removal against its design.</summary>
/// <param name="TreatmentId">The treatment facility.</param>
/// <param name="FacilityId">The process facility it treats.</param>
/// <param name="Kind">The technique.</param>
/// <param name="Pollutant">The pollutant.</param>
/// <param name="DesignEfficiency">The design removal efficiency, in percent.</param>
/// <param name="Hours">Operating hours used (inlet above the minimum, values finite).</param>
/// <param name="Removal">The removal over all hours, in percent: 1 − Σ(c_out × Q_out) ÷ Σ(c_in × Q_in), or with concentrations alone where flows are missing; <see langword="null"/> without hours.</param>
/// <param name="StableShare">The share of hours whose removal is at or above design, in percent; <see langword="null"/> without hours.</param>
/// <param name="Grade">The early-warning grade, or <see langword="null"/> without hours.</param>
/// <param name="Reason">Why the grade is what it is, in words.</param>
public sealed record TreatmentResult(
    string TreatmentId,
    string FacilityId,
    TreatmentKind Kind,
    Pollutant Pollutant,
    Ratio DesignEfficiency,
    int Hours,
    Ratio? Removal,
    Ratio? StableShare,
    TreatmentGrade? Grade,
    string Reason);

/// <summary>
/// The treatment-facility assessment of the plan (P14): removal efficiency from inlet and outlet data against the
/// design, operating stability (the share of hours at or above design) and a graded warning list.
/// </summary>
/// <remarks>
/// <para>Hourly removal is <c>1 − (c_out × Q_out) ÷ (c_in × Q_in)</c> when both flows are given, else
/// <c>1 − c_out ÷ c_in</c>, which assumes the same flow and O₂ basis up- and downstream (a caller's duty: dilution
/// between the two points inflates it).</para>
/// <para>Grades: <c>normal</c> when removal ≥ design and the stable share ≥ <see cref="TreatmentAssessmentOptions.StableShare"/>;
/// <c>watch</c> when removal ≥ design but the stable share is lower; <c>warning</c> when removal is below design by at
/// most <see cref="TreatmentAssessmentOptions.WarningMargin"/>; <c>alarm</c> beyond that.</para>
/// </remarks>
public static class TreatmentAssessment
{
    /// <summary>Assesses every treatment facility that has readings.</summary>
    /// <param name="data">The dataset (for the treatment facilities and their design).</param>
    /// <param name="readings">The hourly readings.</param>
    /// <param name="options">The grade thresholds, or <see langword="null"/> for the defaults.</param>
    /// <returns>One result per treatment facility of <paramref name="data"/>, worst grade first, then by id; and the assumptions.</returns>
    /// <exception cref="ShapotouDataException">A reading names a treatment facility the dataset does not have.</exception>
    public static TreatmentAssessmentResult Assess(
        ClusterDataset data, IReadOnlyList<TreatmentReading> readings, TreatmentAssessmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(readings);
        options ??= new TreatmentAssessmentOptions();
        var treatments = data.TreatmentFacilities.ToDictionary(t => t.TreatmentId, StringComparer.Ordinal);
        for (int i = 0; i < readings.Count; i++)
        {
            if (!treatments.ContainsKey(readings[i].TreatmentId))
            {
                throw new ShapotouDataException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"treatment_hourly, row {i}: treatment_id '{readings[i].TreatmentId}' is not in treatment_facilities."));
            }
        }

        ILookup<string, TreatmentReading> byTreatment = readings.ToLookup(r => r.TreatmentId, StringComparer.Ordinal);
        var results = new List<TreatmentResult>();
        foreach (TreatmentFacility treatment in data.TreatmentFacilities)
        {
            results.Add(AssessOne(treatment, byTreatment[treatment.TreatmentId], options));
        }

        string[] assumptions =
        [
            string.Create(CultureInfo.InvariantCulture, $"Treatment grades use the SDK's default thresholds unless the caller sets them (the plan, P14, sets none): stable when ≥ {options.StableShare.Percent} % of operating hours are at or above design; alarm when removal is more than {options.WarningMargin.Percent} points below design."),
        ];
        return new TreatmentAssessmentResult(results
            .OrderByDescending(r => r.Grade ?? (TreatmentGrade)(-1))
            .ThenBy(r => r.TreatmentId, StringComparer.Ordinal)
            .ToArray(), assumptions);
    }

    private static TreatmentResult AssessOne(TreatmentFacility treatment, IEnumerable<TreatmentReading> readings, TreatmentAssessmentOptions options)
    {
        double design = treatment.DesignEfficiency.Percent;
        double minimumInlet = Math.Max(options.MinimumInlet.MilligramsPerCubicMeter, 0);
        double stableShare = options.StableShare.Percent;
        double warningMargin = options.WarningMargin.Percent;
        double inletSum = 0;
        double outletSum = 0;
        int hours = 0;
        int stable = 0;
        foreach (TreatmentReading r in readings)
        {
            double cin = r.Inlet.MilligramsPerCubicMeter;
            double cout = r.Outlet.MilligramsPerCubicMeter;
            bool metered = r.InletFlow is not null && r.OutletFlow is not null;
            double qin = metered ? r.InletFlow!.Value.CubicMetersPerHour : 1;
            double qout = metered ? r.OutletFlow!.Value.CubicMetersPerHour : 1;

            if (!double.IsFinite(cin) || !double.IsFinite(cout) || cin <= minimumInlet)
            {
                continue;
            }

            hours++;
            inletSum += cin * qin;
            outletSum += cout * qout;
            double removal = (1 - (cout * qout / (cin * qin))) * 100;
            stable += removal >= design ? 1 : 0;
        }

        if (hours == 0)
        {
            return new TreatmentResult(treatment.TreatmentId, treatment.FacilityId, treatment.Kind, treatment.Pollutant, Ratio.FromPercent(design), 0, null, null, null,
                "No usable inlet and outlet readings: removal cannot be judged.");
        }

        double overall = (1 - (outletSum / inletSum)) * 100;
        double share = 100.0 * stable / hours;
        (TreatmentGrade grade, string reason) = overall >= design
            ? share >= stableShare
                ? (TreatmentGrade.Normal, "Removal at or above design and stable.")
                : (TreatmentGrade.Watch, string.Create(CultureInfo.InvariantCulture, $"Removal at or above design overall, but only {share:0.#} % of hours reach it (stable needs {stableShare} %)."))
            : design - overall <= warningMargin
                ? (TreatmentGrade.Warning, string.Create(CultureInfo.InvariantCulture, $"Removal {overall:0.##} % is below the design {design:0.##} % by {design - overall:0.##} points."))
                : (TreatmentGrade.Alarm, string.Create(CultureInfo.InvariantCulture, $"Removal {overall:0.##} % is below the design {design:0.##} % by {design - overall:0.##} points, more than {warningMargin}: rectify within a deadline."));
        return new TreatmentResult(treatment.TreatmentId, treatment.FacilityId, treatment.Kind, treatment.Pollutant, Ratio.FromPercent(design), hours, Ratio.FromPercent(overall), Ratio.FromPercent(share), grade, reason);
    }
}
