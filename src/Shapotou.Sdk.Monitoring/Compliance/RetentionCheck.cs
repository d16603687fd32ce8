using System.Globalization;
using Shapotou.Sdk.Monitoring.Aggregation;

namespace Shapotou.Sdk.Monitoring.Compliance;

/// <summary>A kind of monitoring record with a retention period.</summary>
public enum RetainedData
{
    /// <summary>CEMS data: kept at least 1 year (Plan P16).</summary>
    Cems = 1,

    /// <summary>Automatic-monitoring data: at least 5 years (Plan P16).</summary>
    AutomaticMonitoring,

    /// <summary>DCS (process control) data: at least 5 years (Plan P16).</summary>
    Dcs,

    /// <summary>HD video: at least 1 year (Plan P16).</summary>
    Video,
}

/// <summary>Whether the records held reach back as far as the retention period asks.</summary>
/// <param name="Holder">Whose records (an outlet, enterprise or system id).</param>
/// <param name="Data">The kind of record.</param>
/// <param name="RequiredYears">The retention period in years.</param>
/// <param name="EarliestHeld">The first day with records held, or <see langword="null"/> when none are held.</param>
/// <param name="RequiredFrom">The first day that must be held: the as-of date less the period, or the day recording
/// began if later.</param>
/// <param name="Compliant">Whether <paramref name="EarliestHeld"/> is on or before <paramref name="RequiredFrom"/>.</param>
/// <param name="MissingDays">Days from <paramref name="RequiredFrom"/> to <paramref name="EarliestHeld"/> that are not held (0 when compliant).</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record RetentionFinding(
    string Holder, RetainedData Data, int RequiredYears, DateOnly? EarliestHeld, DateOnly RequiredFrom, bool Compliant, int MissingDays);

/// <summary>Retention checks of Plan P16: CEMS data kept at least 1 year, automatic monitoring and DCS data at least 5
/// years, HD video at least 1 year.</summary>
/// <remarks>The periods come from the plan (P16); HJ 75-2017's own retention rule is not in the
/// references (docs/monitoring.md). The check looks at how far back the records reach, not at gaps inside them;
/// gaps in CEMS data show as invalid hours in aggregation.</remarks>
public static class RetentionCheck
{
    /// <summary>Gets the retention period of a kind of record, in years (Plan P16).</summary>
    /// <param name="data">The kind of record.</param>
    /// <returns>1 for CEMS data and video, 5 for automatic-monitoring and DCS data.</returns>
    public static int RequiredYears(RetainedData data) => data switch
    {
        RetainedData.Cems or RetainedData.Video => 1,
        RetainedData.AutomaticMonitoring or RetainedData.Dcs => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(data), data, "Unknown kind of record."),
    };

    /// <summary>Checks one holder's records.</summary>
    /// <param name="holder">Whose records.</param>
    /// <param name="data">The kind of record.</param>
    /// <param name="earliestHeld">The first day held, or <see langword="null"/> for none.</param>
    /// <param name="asOf">The day of the check.</param>
    /// <param name="recordingSince">The day recording began, or <see langword="null"/> when it began before the period.</param>
    /// <returns>The finding.</returns>
    public static RetentionFinding Check(string holder, RetainedData data, DateOnly? earliestHeld, DateOnly asOf, DateOnly? recordingSince = null)
    {
        if (string.IsNullOrWhiteSpace(holder))
        {
            throw new ArgumentException($"The holder is '{holder}'; expected an id.", nameof(holder));
        }

        int years = RequiredYears(data);
        DateOnly requiredFrom = asOf.AddYears(-years);
        if (recordingSince is { } since && since > requiredFrom)
        {
            requiredFrom = since;
        }

        if (requiredFrom > asOf)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Recording began on {recordingSince:yyyy-MM-dd}, after the as-of date {asOf:yyyy-MM-dd}."), nameof(recordingSince));
        }

        bool compliant = earliestHeld is { } held && held <= requiredFrom;
        int missing = compliant ? 0 : (earliestHeld ?? asOf.AddDays(1)).DayNumber - requiredFrom.DayNumber;
        return new RetentionFinding(holder, data, years, earliestHeld, requiredFrom, compliant, missing);
    }

    /// <summary>Checks the CEMS records held in a table, one finding per outlet.</summary>
    /// <param name="table">The records held (any interval).</param>
    /// <param name="asOf">The day of the check.</param>
    /// <param name="recordingSince">The day each outlet's CEMS began recording, where later than a year ago.</param>
    /// <returns>The findings, ordered by outlet.</returns>
    public static IReadOnlyList<RetentionFinding> CheckCems(CemsRecords table, DateOnly asOf, IReadOnlyDictionary<string, DateOnly>? recordingSince = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var earliest = new SortedDictionary<string, DateOnly>(StringComparer.Ordinal);
        for (int row = 0; row < table.RowCount; row++)
        {
            DateOnly day = DateOnly.FromDateTime(table.StartAt(row));
            string outlet = table.OutletAt(row);
            if (!earliest.TryGetValue(outlet, out DateOnly known) || day < known)
            {
                earliest[outlet] = day;
            }
        }

        return earliest
            .Select(p => Check(p.Key, RetainedData.Cems, p.Value, asOf, recordingSince is not null && recordingSince.TryGetValue(p.Key, out DateOnly since) ? since : null))
            .ToArray();
    }
}
