namespace Shapotou.Sdk.Monitoring.Aggregation;

/// <summary>The period of one row of a <see cref="CemsRecords"/>.</summary>
public enum CemsInterval
{
    /// <summary>One minute record (HJ 212 CN 2051; the <c>cems_minute</c> table).</summary>
    Minute = 1,

    /// <summary>One clock hour (CN 2061; the <c>cems_hourly</c> table).</summary>
    Hour,

    /// <summary>One calendar day, China Standard Time (CN 2031).</summary>
    Day,
}
