using System.Globalization;
using Shapotou.Sdk.Internal;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Monitoring.Aggregation;
using UnitsNet;

namespace Shapotou.Sdk.Monitoring.Compliance;

/// <summary>One hour of process (DCS) parameters of an outlet's source and treatment.</summary>
/// <param name="OutletId">The outlet.</param>
/// <param name="Hour">The start of the clock hour, China Standard Time wall clock: a time not marked with a zone.</param>
/// <param name="FanCurrent">The induced-draft fan's mean current, or <see langword="null"/> when not recorded.</param>
/// <param name="DesulfurantDosing">The desulfurant feed rate, or <see langword="null"/> when not recorded.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <exception cref="ArgumentException"><paramref name="Hour"/> is marked UTC or local.</exception>
public sealed record ProcessHour(string OutletId, DateTime Hour, ElectricCurrent? FanCurrent, MassFlow? DesulfurantDosing)
{
    /// <summary>Gets the start of the clock hour, China Standard Time wall clock.</summary>
    public DateTime Hour { get; init => field = ChinaWallClock.Checked(value, nameof(Hour), "The process hour"); } = ChinaWallClock.Checked(Hour, nameof(Hour), "The process hour");
}

/// <summary>The thresholds of the plausibility checks. No reference sets them: they depend on each plant's fans and
/// desulfurisation, so every one is the caller's.</summary>
/// <param name="FanRunningCurrent">The current at or above which the fan runs.</param>
/// <param name="StoppedFlowTolerance">The flow a CEMS may show with the fan stopped (natural draft) without a finding.</param>
/// <param name="DosingStoppedBelow">The dosing below which desulfurisation is off, or <see langword="null"/> to skip
/// the dosing check.</param>
/// <param name="So2ExpectedWithoutDosing">The SO₂ (measured basis) below which a valid hour with the fan running and
/// dosing off is implausible, or <see langword="null"/> to skip the dosing check.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record PlausibilityRules(
    ElectricCurrent FanRunningCurrent,
    VolumeFlow StoppedFlowTolerance,
    MassFlow? DosingStoppedBelow = null,
    MassConcentration? So2ExpectedWithoutDosing = null);

/// <summary>What does not fit between process parameters and CEMS values.</summary>
public enum PlausibilityIssue
{
    /// <summary>The fan is stopped, yet the CEMS reports a valid flow above the tolerance.</summary>
    FlowWithFanStopped = 1,

    /// <summary>The fan runs, yet the CEMS flags the hour F (source stopped).</summary>
    StoppedFlagWithFanRunning,

    /// <summary>The fan runs and there is no CEMS record of the hour.</summary>
    NoCemsRecordWithFanRunning,

    /// <summary>The fan runs and desulfurant dosing is off, yet the valid SO₂ stays below what is expected without
    /// desulfurisation.</summary>
    LowSo2WithoutDosing,
}

/// <summary>A process hour whose parameters do not fit the CEMS values of the same outlet and hour.</summary>
/// <param name="OutletId">The outlet.</param>
/// <param name="Hour">The hour.</param>
/// <param name="Issue">What does not fit.</param>
/// <param name="Detail">The values that do not fit, in words.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record PlausibilityFinding(string OutletId, DateTime Hour, PlausibilityIssue Issue, string Detail);

/// <summary>Cross-validation of process parameters (fan current, desulfurant dosing) against CEMS hours (Plan P17).</summary>
/// <remarks>These are screening checks that point an inspector at hours to look at, not judgements of any standard.</remarks>
public static class ProcessPlausibility
{
    /// <summary>Checks each process hour against the CEMS hour of the same outlet.</summary>
    /// <param name="hourly">The CEMS hourly table.</param>
    /// <param name="process">The process hours.</param>
    /// <param name="rules">The thresholds.</param>
    /// <param name="validFlags">The valid flags; <see langword="null"/> for N.</param>
    /// <returns>The findings, in the order of <paramref name="process"/>.</returns>
    /// <exception cref="ArgumentException">The table is not hourly, or a process hour is not the start of a clock hour.</exception>
    public static IReadOnlyList<PlausibilityFinding> Check(
        CemsRecords hourly, IEnumerable<ProcessHour> process, PlausibilityRules rules, IReadOnlySet<DataFlag>? validFlags = null)
    {
        ArgumentNullException.ThrowIfNull(hourly);
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(rules);
        if (hourly.Interval != CemsInterval.Hour)
        {
            throw new ArgumentException($"Process hours are checked against an hourly table; this one is by {hourly.Interval}.", nameof(hourly));
        }

        validFlags ??= CemsAggregationOptions.Default.ValidFlags;
        var rows = new Dictionary<(string, DateTime), int>();
        for (int row = 0; row < hourly.RowCount; row++)
        {
            rows[(hourly.OutletAt(row), hourly.StartAt(row))] = row;
        }

        double running = rules.FanRunningCurrent.Amperes;
        double tolerance = rules.StoppedFlowTolerance.CubicMetersPerHour;
        var findings = new List<PlausibilityFinding>();
        foreach (ProcessHour hour in process)
        {
            ArgumentNullException.ThrowIfNull(hour);
            if (hour.Hour.Ticks % TimeSpan.TicksPerHour != 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Process hour of outlet '{hour.OutletId}' is {hour.Hour:yyyy-MM-dd HH:mm:ss}; expected the start of a clock hour."), nameof(process));
            }

            if (hour.FanCurrent is not { } current)
            {
                continue;
            }

            bool fanRuns = current.Amperes >= running;
            bool found = rows.TryGetValue((hour.OutletId, hour.Hour), out int r);
            static string Text(FormattableString s) => FormattableString.Invariant(s);
            if (!found)
            {
                if (fanRuns)
                {
                    findings.Add(new PlausibilityFinding(hour.OutletId, hour.Hour, PlausibilityIssue.NoCemsRecordWithFanRunning,
                        Text($"fan current {current.Amperes} A (running from {running} A); no CEMS hour")));
                }

                continue;
            }

            if (!fanRuns && hourly.IsValid(CemsChannel.Flow, r, validFlags) && hourly.ValueAt(CemsChannel.Flow, r) > tolerance)
            {
                findings.Add(new PlausibilityFinding(hour.OutletId, hour.Hour, PlausibilityIssue.FlowWithFanStopped,
                    Text($"fan current {current.Amperes} A (running from {running} A); CEMS flow {hourly.ValueAt(CemsChannel.Flow, r)} m3/h (tolerance {tolerance} m3/h)")));
            }

            if (fanRuns && hourly.FlagAt(r) == DataFlag.F)
            {
                findings.Add(new PlausibilityFinding(hour.OutletId, hour.Hour, PlausibilityIssue.StoppedFlagWithFanRunning,
                    Text($"fan current {current.Amperes} A (running from {running} A); CEMS flag F")));
            }

            if (fanRuns && rules.DosingStoppedBelow is { } off && rules.So2ExpectedWithoutDosing is { } expected
                && hour.DesulfurantDosing is { } dosing && dosing.KilogramsPerHour < off.KilogramsPerHour
                && hourly.IsValid(CemsChannel.So2, r, validFlags)
                && hourly.ValueAt(CemsChannel.So2, r) < expected.MilligramsPerCubicMeter)
            {
                findings.Add(new PlausibilityFinding(hour.OutletId, hour.Hour, PlausibilityIssue.LowSo2WithoutDosing,
                    Text($"desulfurant dosing {dosing.KilogramsPerHour} kg/h (off below {off.KilogramsPerHour} kg/h); CEMS SO2 {hourly.ValueAt(CemsChannel.So2, r)} mg/m3 below the {expected.MilligramsPerCubicMeter} mg/m3 expected without desulfurisation")));
            }
        }

        return findings;
    }
}
