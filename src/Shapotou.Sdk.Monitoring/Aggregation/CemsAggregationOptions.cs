using System.Collections.Frozen;
using System.Globalization;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Monitoring.Aggregation;

/// <summary>What the aggregate flag is when fewer than <see cref="CemsAggregationOptions.NormalShare"/> of the inputs
/// are normal.</summary>
public enum AbnormalFlagRule
{
    /// <summary><see cref="DataFlag.D"/>, as HJ 212-2017 Annex C, notes to Tables C.16–C.18, prints for flue gas.</summary>
    Fault = 1,

    /// <summary>The most frequent flag among the inputs that are not normal, a missing input counting as
    /// <see cref="DataFlag.B"/> (no data received); ties go to the earlier member of <see cref="DataFlag"/>. Keeps a
    /// stopped source's hours <see cref="DataFlag.F"/> and a calibration's <see cref="DataFlag.C"/>; not a rule of
    /// any standard in the references.</summary>
    MostFrequent,
}

/// <summary>The validity rules of minute → hour → day aggregation; the defaults are those of HJ 212-2017 Annex D and
/// Annex C from the reference catalogue.</summary>
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para>Sources (HJ 212-2017 Annex D, which cites HJ/T 75-2007): a valid hourly average needs at least 45 valid minute
/// averages (HJ 212-2017 D2.2 formula (24), catalogue <c>monitoring.hj212.valid_hour.min_minutes</c>); a valid daily
/// average at least 20 valid hourly averages (formula (25), <c>monitoring.hj212.valid_day.min_hours</c>); a flue-gas
/// aggregate is flagged N when at least 75 % of its values are normal, otherwise D (Annex C, notes to Tables
/// C.16–C.18, <c>monitoring.hj212.flag_normal_share</c>).</para>
/// <para>Where the references are silent the rule is an option with a stated default: which flags make a value valid
/// (HJ 75-2017's invalid periods are not in the references; default N only), the minute-data interval (default 1 min;
/// HJ 212 allows MinInterval 1, 2, 3, 4, 5, 6, 10, 12, 15, 20 or 30 min), and the flag of an abnormal aggregate
/// (default D, as Annex C prints).</para>
/// </remarks>
public sealed record CemsAggregationOptions
{
    private static readonly int[] s_minuteIntervals = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30];
    private static readonly Lazy<CemsAggregationOptions> s_default = new(() => FromCatalogue(ReferenceCatalogue.Builtin));

    private readonly int _minimumValidMinutes = 45;
    private readonly int _minimumValidHours = 20;
    private readonly double _normalShare = 0.75;
    private readonly int _minuteIntervalMinutes = 1;
    private readonly IReadOnlySet<DataFlag> _validFlags = FrozenSet.ToFrozenSet([DataFlag.N]);
    private readonly AbnormalFlagRule _abnormalFlag = AbnormalFlagRule.Fault;

    /// <summary>Gets the options of the built-in reference catalogue: 45 minutes, 20 hours, 75 %.</summary>
    public static CemsAggregationOptions Default => s_default.Value;

    /// <summary>Gets the valid minute averages a valid hourly average needs (HJ 212-2017 D2.2 (24): 45).</summary>
    /// <exception cref="ArgumentOutOfRangeException">On init: outside 1–60.</exception>
    public int MinimumValidMinutes
    {
        get => _minimumValidMinutes;
        init => _minimumValidMinutes = CheckRange(value, 1, 60, nameof(MinimumValidMinutes));
    }

    /// <summary>Gets the valid hourly averages a valid daily average needs (HJ 212-2017 D2.2 (25): 20).</summary>
    /// <exception cref="ArgumentOutOfRangeException">On init: outside 1–24.</exception>
    public int MinimumValidHours
    {
        get => _minimumValidHours;
        init => _minimumValidHours = CheckRange(value, 1, 24, nameof(MinimumValidHours));
    }

    /// <summary>Gets the share of normal inputs at which an aggregate is flagged N (Annex C: 0.75).</summary>
    /// <exception cref="ArgumentOutOfRangeException">On init: not in (0, 1].</exception>
    public double NormalShare
    {
        get => _normalShare;
        init => _normalShare = value is > 0 and <= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(NormalShare), value, "The normal share must be above 0 and at most 1.");
    }

    /// <summary>Gets the minute-data interval in minutes (HJ 212 MinInterval): each minute record stands for this many
    /// minutes, and an hour has 60 ÷ interval records. Default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">On init: not one of 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30.</exception>
    public int MinuteIntervalMinutes
    {
        get => _minuteIntervalMinutes;
        init => _minuteIntervalMinutes = Array.IndexOf(s_minuteIntervals, value) >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MinuteIntervalMinutes), value, "HJ 212-2017 allows a MinInterval of 1, 2, 3, 4, 5, 6, 10, 12, 15, 20 or 30 minutes.");
    }

    /// <summary>Gets the flags that make a value valid and normal. Default: N only (HJ 75-2017's rules on invalid
    /// periods are not in the references).</summary>
    /// <exception cref="ArgumentException">On init: empty, or holds a value that is not a member of
    /// <see cref="DataFlag"/>.</exception>
    public IReadOnlySet<DataFlag> ValidFlags
    {
        get => _validFlags;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Count == 0 || value.Any(f => !Enum.IsDefined(f)))
            {
                throw new ArgumentException("ValidFlags must hold at least one flag, each a member of DataFlag.", nameof(ValidFlags));
            }

            _validFlags = value.ToFrozenSet();
        }
    }

    /// <summary>Gets the flag of an aggregate with too few normal inputs. Default <see cref="AbnormalFlagRule.Fault"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">On init: not a member of <see cref="AbnormalFlagRule"/>.</exception>
    public AbnormalFlagRule AbnormalFlag
    {
        get => _abnormalFlag;
        init => _abnormalFlag = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(AbnormalFlag), value, "Unknown abnormal-flag rule.");
    }

    /// <summary>Reads the three rules from a reference catalogue (its user rows win over the built-in ones).</summary>
    /// <param name="catalogue">The catalogue.</param>
    /// <returns>The options.</returns>
    /// <exception cref="KeyNotFoundException">A <c>monitoring.hj212.*</c> row is missing.</exception>
    public static CemsAggregationOptions FromCatalogue(ReferenceCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var asOf = new DateOnly(2017, 5, 1); // HJ 212-2017 in force
        return new CemsAggregationOptions
        {
            MinimumValidMinutes = ToInt(catalogue.Get("monitoring.hj212.valid_hour.min_minutes", asOf)),
            MinimumValidHours = ToInt(catalogue.Get("monitoring.hj212.valid_day.min_hours", asOf)),
            NormalShare = catalogue.Get("monitoring.hj212.flag_normal_share", asOf).GetValue() / 100,
        };
    }

    private static int ToInt(ReferenceValue value)
    {
        double v = value.GetValue();
        if (v != Math.Floor(v))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"'{value.Key}' is {v}; expected a whole number."));
        }

        return (int)v;
    }

    private static int CheckRange(int value, int min, int max, string name) =>
        value >= min && value <= max
            ? value
            : throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be from {min} to {max}."));
}
