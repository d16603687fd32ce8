using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Analytics.Sql;

/// <content>The minute → hour aggregation of <c>cems_minute</c> (HJ 212-2017 Annex D and Annex C).</content>
public static partial class SqlCalculators
{
    /// <summary>The channels of <c>cems_minute</c> and whether the table may carry a flag column of each.</summary>
    private static readonly (string Column, bool Flagged)[] s_minuteChannels =
        [("so2", true), ("nox", true), ("pm", true), ("nh3", false), ("o2", true), ("flow", true)];

    /// <summary>
    /// Clock hours of each outlet from <c>cems_minute</c> at a MinInterval of 1 min, as <c>CemsAggregator.ToHourly</c>
    /// with the default options: a channel's value is the mean of its valid minutes (value present, its flag — its own,
    /// else the row's — <c>N</c>) when there are at least the catalogue's minimum (HJ 212-2017 Annex D), else NULL; a
    /// flag is <c>N</c> when at least the catalogue's share of the 60 minutes is normal, else <c>D</c> (Annex C); a
    /// channel no minute reports is NULL with a NULL flag.
    /// </summary>
    private static string MinuteHours(ReferenceCatalogue catalogue, IReadOnlySet<string> columns)
    {
        var asOf = new DateOnly(2017, 5, 1); // HJ 212-2017 in force, as CemsAggregationOptions.FromCatalogue
        ReferenceValue minimum = catalogue.Get("monitoring.hj212.valid_hour.min_minutes", asOf);
        ReferenceValue share = catalogue.Get("monitoring.hj212.flag_normal_share", asOf);
        const double Slots = 60;
        string normal = Literal(share.GetValue() / 100 * Slots);
        string rowFlag = columns.Contains("flag") ? "COALESCE(flag, 'N')" : "'N'";
        string comments = string.Join("\n", new[]
        {
            $"  -- valid minutes for a value: {Literal(minimum.GetValue())}, monitoring.hj212.valid_hour.min_minutes [{minimum.ConfidenceMark}] {minimum.Source.Replace('\n', ' ')}",
            $"  -- normal minutes for an N flag: {normal} = {Literal(share.GetValue())} % of 60, monitoring.hj212.flag_normal_share [{share.ConfidenceMark}] {share.Source.Replace('\n', ' ')}",
        });
        var parts = new List<string>
        {
            $"  CASE WHEN SUM(CASE WHEN {rowFlag} = 'N' THEN 1 ELSE 0 END) >= {normal} THEN 'N' ELSE 'D' END AS flag",
        };
        foreach ((string column, bool flagged) in s_minuteChannels.Where(c => columns.Contains(c.Column)))
        {
            bool ownFlag = flagged && columns.Contains($"{column}_flag");
            string flag = ownFlag ? $"COALESCE({column}_flag, {rowFlag})" : rowFlag;
            string valid = $"CASE WHEN {column} IS NOT NULL AND {flag} = 'N' THEN 1 ELSE 0 END";
            string reported = ownFlag ? $"COUNT({column}) + COUNT({column}_flag) > 0" : $"COUNT({column}) > 0";
            parts.Add($"""
                  CASE WHEN {reported} AND SUM({valid}) >= {Literal(minimum.GetValue())}
                    THEN SUM(CASE WHEN {column} IS NOT NULL AND {flag} = 'N' THEN CAST({column} AS DOUBLE) ELSE 0E0 END) / SUM({valid}) END AS {column},
                  CASE WHEN {reported} THEN CASE WHEN SUM({valid}) >= {normal} THEN 'N' ELSE 'D' END END AS {column}_flag,
                  CASE WHEN {reported} THEN CAST(SUM({valid}) AS BIGINT) END AS {column}_valid_minutes
                """.TrimEnd());
        }

        return $"""
            SELECT outlet_id, DATE_TRUNC('hour', minute) AS hour,
            {comments}
            {string.Join(",\n", parts)}
            FROM cems_minute
            GROUP BY outlet_id, DATE_TRUNC('hour', minute)
            """;
    }

    /// <summary>
    /// Days (China Standard Time calendar days) of each outlet from <c>cems_minute_hours</c>, as
    /// <c>CemsAggregator.ToDaily(CemsAggregator.ToHourly(minutes))</c> with the default options: one rule for value and
    /// flag, the stricter of Annex C's share of the 24 hours and HJ 212-2017 D2.2's minimum valid hours (max(0.75 × 24,
    /// 20) = 20); a channel's value is the mean of its valid hours (value present, its flag — its own, else the row's —
    /// <c>N</c>) when there are at least that many, else NULL, its flag <c>N</c> then, else <c>D</c>; the row flag by the
    /// same rule over the hours' row flags; a channel no hour reports is NULL with a NULL flag.
    /// </summary>
    private static string MinuteDays(ReferenceCatalogue catalogue, IReadOnlySet<string> columns)
    {
        var asOf = new DateOnly(2017, 5, 1); // HJ 212-2017 in force, as CemsAggregationOptions.FromCatalogue
        ReferenceValue minimum = catalogue.Get("monitoring.hj212.valid_day.min_hours", asOf);
        ReferenceValue share = catalogue.Get("monitoring.hj212.flag_normal_share", asOf);
        string required = Literal(Math.Max(share.GetValue() / 100 * 24, minimum.GetValue()));
        string comments = string.Join("\n", new[]
        {
            $"  -- hours for a value or an N flag: {required} = max({Literal(share.GetValue())} % of 24, {Literal(minimum.GetValue())}); monitoring.hj212.flag_normal_share [{share.ConfidenceMark}] {share.Source.Replace('\n', ' ')}; monitoring.hj212.valid_day.min_hours [{minimum.ConfidenceMark}] {minimum.Source.Replace('\n', ' ')}",
        });
        var parts = new List<string>
        {
            $"  CASE WHEN SUM(CASE WHEN flag = 'N' THEN 1 ELSE 0 END) >= {required} THEN 'N' ELSE 'D' END AS flag",
        };
        foreach ((string column, _) in s_minuteChannels.Where(c => columns.Contains(c.Column)))
        {
            string valid = $"CASE WHEN {column} IS NOT NULL AND COALESCE({column}_flag, flag) = 'N' THEN 1 ELSE 0 END";
            string reported = $"COUNT({column}) + COUNT({column}_flag) > 0";
            parts.Add($"""
                  CASE WHEN {reported} AND SUM({valid}) >= {required}
                    THEN SUM(CASE WHEN {column} IS NOT NULL AND COALESCE({column}_flag, flag) = 'N' THEN {column} ELSE 0E0 END) / SUM({valid}) END AS {column},
                  CASE WHEN {reported} THEN CASE WHEN SUM({valid}) >= {required} THEN 'N' ELSE 'D' END END AS {column}_flag,
                  CASE WHEN {reported} THEN CAST(SUM({valid}) AS BIGINT) END AS {column}_valid_hours
                """.TrimEnd());
        }

        return $"""
            SELECT outlet_id, DATE_TRUNC('day', hour) AS day,
            {comments}
            {string.Join(",\n", parts)}
            FROM cems_minute_hours
            GROUP BY outlet_id, DATE_TRUNC('day', hour)
            """;
    }
}
