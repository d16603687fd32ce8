using Shapotou.Sdk.Concentrations;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Monitoring.Aggregation;

namespace Shapotou.Sdk.Monitoring.Compliance;

/// <summary>A run of consecutive hours (or days) of one outlet and pollutant at or above a level against one limit.</summary>
/// <param name="OutletId">The outlet.</param>
/// <param name="Pollutant">The pollutant.</param>
/// <param name="Kind">Which limit.</param>
/// <param name="Level">The highest level reached in the run.</param>
/// <param name="Start">The start of the first period.</param>
/// <param name="End">The end of the last period (exclusive).</param>
/// <param name="Periods">The number of periods in the run.</param>
/// <param name="Peak">The highest value of the run, on the limit's basis.</param>
/// <param name="PeakStart">The start of the period with the highest value (the first, on a tie).</param>
/// <param name="PeakRatio">The peak divided by the limit.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ComplianceEvent(
    string OutletId,
    Pollutant Pollutant,
    LimitKind Kind,
    ComplianceLevel Level,
    DateTime Start,
    DateTime End,
    int Periods,
    FlueGasConcentration Peak,
    DateTime PeakStart,
    double PeakRatio)
{
    /// <summary>Gets the duration, <see cref="End"/> − <see cref="Start"/>.</summary>
    public TimeSpan Duration => End - Start;
}

/// <summary>The event list of Plan P17: runs of consecutive periods at or above a level, per outlet, pollutant and
/// limit.</summary>
/// <remarks>A run ends at the first period that is below the level, or that was not judged (an invalid or missing
/// period): the references do not say whether an event spans a data gap, so the list never bridges one.</remarks>
public static class ComplianceEvents
{
    /// <summary>Finds the events among checks.</summary>
    /// <param name="checks">Checks of one interval, such as <see cref="ConcentrationComplianceResult.Checks"/>.</param>
    /// <param name="atLeast">The level that starts an event: <see cref="ComplianceLevel.Exceeds"/> for exceedances,
    /// <see cref="ComplianceLevel.Warning"/> to include warnings.</param>
    /// <returns>The events, ordered by outlet, pollutant, limit kind and start.</returns>
    /// <exception cref="ArgumentException">The checks mix hours and days, or <paramref name="atLeast"/> is
    /// <see cref="ComplianceLevel.Compliant"/>.</exception>
    public static IReadOnlyList<ComplianceEvent> Find(IEnumerable<ConcentrationCheck> checks, ComplianceLevel atLeast = ComplianceLevel.Exceeds)
    {
        ArgumentNullException.ThrowIfNull(checks);
        if (atLeast is not (ComplianceLevel.Warning or ComplianceLevel.Exceeds))
        {
            throw new ArgumentException("An event starts at Warning or Exceeds.", nameof(atLeast));
        }

        ConcentrationCheck[] sorted = checks.ToArray();
        if (sorted.Select(c => c.Interval).Distinct().Count() > 1)
        {
            throw new ArgumentException("The checks mix hourly and daily values; find events for each interval apart.", nameof(checks));
        }

        Array.Sort(sorted, static (a, b) =>
        {
            int c = string.CompareOrdinal(a.OutletId, b.OutletId);
            c = c != 0 ? c : a.Pollutant.CompareTo(b.Pollutant);
            c = c != 0 ? c : a.Kind.CompareTo(b.Kind);
            return c != 0 ? c : a.Start.CompareTo(b.Start);
        });

        var events = new List<ComplianceEvent>();
        ConcentrationCheck? first = null;
        ConcentrationCheck? last = null;
        ConcentrationCheck? peak = null;
        ComplianceLevel level = ComplianceLevel.Compliant;
        int periods = 0;

        void Close()
        {
            if (first is not null)
            {
                events.Add(new ComplianceEvent(
                    first.OutletId, first.Pollutant, first.Kind, level, first.Start, Next(last!), periods,
                    peak!.Concentration, peak.Start, peak.Comparison.Ratio));
            }

            first = last = peak = null;
            level = ComplianceLevel.Compliant;
            periods = 0;
        }

        foreach (ConcentrationCheck check in sorted)
        {
            bool continues = last is not null
                && string.Equals(last.OutletId, check.OutletId, StringComparison.Ordinal)
                && last.Pollutant == check.Pollutant
                && last.Kind == check.Kind
                && Next(last) == check.Start;
            if (!continues || check.Level < atLeast)
            {
                Close();
            }

            if (check.Level >= atLeast)
            {
                first ??= check;
                last = check;
                periods++;
                level = check.Level > level ? check.Level : level;
                if (peak is null || check.Comparison.Ratio > peak.Comparison.Ratio)
                {
                    peak = check;
                }
            }
        }

        Close();
        return events;
    }

    private static DateTime Next(ConcentrationCheck check) =>
        check.Interval == CemsInterval.Day ? check.Start.AddDays(1) : check.Start.AddHours(1);
}
