namespace Shapotou.Sdk.Monitoring.Hj212;

/// <summary>The suffix of a CP field name (<c>a21026-Avg</c> has <see cref="Avg"/>), per HJ 212-2017 Table 4.</summary>
/// <remarks>Suffixes are case-sensitive: <c>-avg</c> is <see cref="Unknown"/>.</remarks>
public enum Hj212Suffix
{
    /// <summary>No suffix: the field is a plain parameter such as <c>DataTime</c>, <c>RtdInterval</c> or
    /// <c>QnRtn</c>.</summary>
    None,

    /// <summary>A suffix that Table 4 does not define; the field is kept and a warning is given.</summary>
    Unknown,

    /// <summary><c>-Rtd</c>: real-time value.</summary>
    Rtd,

    /// <summary><c>-Avg</c>: interval average.</summary>
    Avg,

    /// <summary><c>-Min</c>: interval minimum.</summary>
    Min,

    /// <summary><c>-Max</c>: interval maximum.</summary>
    Max,

    /// <summary><c>-ZsRtd</c>: real-time value after reference-oxygen conversion (折算).</summary>
    ZsRtd,

    /// <summary><c>-ZsAvg</c>: interval average after reference-oxygen conversion.</summary>
    ZsAvg,

    /// <summary><c>-ZsMin</c>: interval minimum after reference-oxygen conversion.</summary>
    ZsMin,

    /// <summary><c>-ZsMax</c>: interval maximum after reference-oxygen conversion.</summary>
    ZsMax,

    /// <summary><c>-Cou</c>: interval total (emission amount).</summary>
    Cou,

    /// <summary><c>-Flag</c>: data flag (N, F, M, S, D, C, T, B).</summary>
    Flag,

    /// <summary><c>-EFlag</c>: device-defined extended flag.</summary>
    EFlag,

    /// <summary><c>-SampleTime</c>: sampling time.</summary>
    SampleTime,

    /// <summary><c>-RS</c>: treatment-facility running state (<c>SBxxx-RS</c>: 0 off, 1 running, 2 calibrating,
    /// 3 maintenance, 4 alarm, 5 back-blowing).</summary>
    RS,

    /// <summary><c>-RT</c>: treatment-facility daily running hours (<c>SBxxx-RT</c>).</summary>
    RT,
}
