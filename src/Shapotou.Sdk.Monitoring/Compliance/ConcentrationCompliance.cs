using Shapotou.Sdk.Concentrations;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Monitoring.Aggregation;
using UnitsNet;

namespace Shapotou.Sdk.Monitoring.Compliance;

/// <summary>One hourly or daily value judged against one limit.</summary>
/// <param name="OutletId">The outlet.</param>
/// <param name="Pollutant">The pollutant.</param>
/// <param name="Interval">Hour or day.</param>
/// <param name="Start">The start of the hour or day, China Standard Time.</param>
/// <param name="Kind">Which limit.</param>
/// <param name="Limit">The limit.</param>
/// <param name="Concentration">The value on the limit's basis (converted to its reference O₂ where it has one).</param>
/// <param name="Comparison">The comparison: exceeds, and the ratio to the limit.</param>
/// <param name="Level">Compliant, warning or exceeds.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ConcentrationCheck(
    string OutletId,
    Pollutant Pollutant,
    CemsInterval Interval,
    DateTime Start,
    LimitKind Kind,
    EmissionLimit Limit,
    FlueGasConcentration Concentration,
    LimitComparison Comparison,
    ComplianceLevel Level);

/// <summary>Why a value was not judged.</summary>
public enum NotJudgedReason
{
    /// <summary>The concentration is missing or its flag is not a valid one (an invalid hour: fewer than 45 valid
    /// minutes, a stopped source, calibration, …).</summary>
    InvalidConcentration = 1,

    /// <summary>The limit is at a reference O₂ and the O₂ of the period is missing or invalid.</summary>
    InvalidOxygen,
}

/// <summary>A period of an outlet and pollutant with a rule that could not be judged, and why.</summary>
/// <param name="OutletId">The outlet.</param>
/// <param name="Pollutant">The pollutant.</param>
/// <param name="Start">The start of the period.</param>
/// <param name="Flag">The flag of the concentration in that period.</param>
/// <param name="Reason">Why.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record NotJudged(string OutletId, Pollutant Pollutant, DateTime Start, DataFlag Flag, NotJudgedReason Reason);

/// <summary>The outcome of <see cref="ConcentrationCompliance.Check"/>.</summary>
/// <param name="Checks">Every judged value and limit, ordered by outlet, pollutant, limit kind and time.</param>
/// <param name="NotJudged">Every period of a ruled outlet and pollutant that could not be judged.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ConcentrationComplianceResult(IReadOnlyList<ConcentrationCheck> Checks, IReadOnlyList<NotJudged> NotJudged);

/// <summary>
/// Hourly and daily CEMS values against permit and ultra-low limits with warning thresholds (Plan P17), on the core's
/// limit primitive <see cref="EmissionLimit.Compare"/>.
/// </summary>
/// <remarks>
/// <para>Only valid values are judged (the permit specification compares "有效小时浓度均值" with the permitted
/// concentration, S11 §12.2.1.1): a value is valid when it is not NaN and its flag is one of the valid flags. Every
/// other period of a ruled outlet is listed in <see cref="ConcentrationComplianceResult.NotJudged"/>, never dropped.</para>
/// <para>A limit at a reference O₂ is judged on the value converted with the same period's O₂ by
/// <see cref="OxygenCorrection"/> (GB 13271-2014 §5.2, GB 4915-2013 §4.1.4, HJ 212-2017 D2.3); a measured-basis limit
/// on the value as measured. A daily value is converted with the daily mean O₂, as the hourly one with the hourly:
/// the references give no separate rule for days.</para>
/// </remarks>
public static class ConcentrationCompliance
{
    /// <summary>Judges every valid value of an hourly or daily table against the rules of its outlet and pollutant.</summary>
    /// <param name="table">An hourly or daily table (<see cref="CemsAggregator"/>, or <see cref="CemsRecords.FromCemsHourly"/>).</param>
    /// <param name="rules">The rules; at most one per outlet and pollutant.</param>
    /// <param name="validFlags">The flags that make a value valid; <see langword="null"/> for those of
    /// <see cref="CemsAggregationOptions.Default"/> (N).</param>
    /// <returns>The checks and the periods not judged.</returns>
    /// <exception cref="ArgumentException">The table is by minute, or two rules share an outlet and pollutant.</exception>
    public static ConcentrationComplianceResult Check(CemsRecords table, IEnumerable<ComplianceRule> rules, IReadOnlySet<DataFlag>? validFlags = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rules);
        if (table.Interval == CemsInterval.Minute)
        {
            throw new ArgumentException("Compliance is judged on hourly or daily values; aggregate the minute table first.", nameof(table));
        }

        validFlags ??= CemsAggregationOptions.Default.ValidFlags;
        var byOutlet = new Dictionary<string, List<ComplianceRule>>(StringComparer.Ordinal);
        foreach (ComplianceRule rule in rules)
        {
            ArgumentNullException.ThrowIfNull(rule);
            List<ComplianceRule> list = byOutlet.TryGetValue(rule.OutletId, out List<ComplianceRule>? found) ? found : byOutlet[rule.OutletId] = [];
            if (list.Any(r => r.Pollutant == rule.Pollutant))
            {
                throw new ArgumentException($"Two rules for outlet '{rule.OutletId}' and {rule.Pollutant}; expected one.", nameof(rules));
            }

            list.Add(rule);
        }

        var checks = new List<ConcentrationCheck>();
        var notJudged = new List<NotJudged>();
        for (int row = 0; row < table.RowCount; row++)
        {
            if (!byOutlet.TryGetValue(table.OutletIds[row], out List<ComplianceRule>? outletRules))
            {
                continue;
            }

            foreach (ComplianceRule rule in outletRules)
            {
                CemsChannel channel = CemsChannels.Of(rule.Pollutant);
                if (!table.IsValid(channel, row, validFlags))
                {
                    notJudged.Add(new NotJudged(rule.OutletId, rule.Pollutant, table.StartAt(row), table.ChannelFlag(channel, row), NotJudgedReason.InvalidConcentration));
                    continue;
                }

                var measured = FlueGasConcentration.Measured(MassConcentration.FromMilligramsPerCubicMeter(table.ValueAt(channel, row)));
                bool oxygenValid = table.IsValid(CemsChannel.Oxygen, row, validFlags);
                bool reported = false;
                foreach ((LimitKind kind, EmissionLimit? limit) in new[] { (LimitKind.Permit, rule.Permit), (LimitKind.UltraLow, rule.UltraLow) })
                {
                    if (limit is null)
                    {
                        continue;
                    }

                    FlueGasConcentration value;
                    if (limit.Basis.IsMeasured)
                    {
                        value = measured;
                    }
                    else if (oxygenValid)
                    {
                        value = OxygenCorrection.ToReferenceOxygen(
                            measured,
                            VolumeConcentration.FromPercent(table.ValueAt(CemsChannel.Oxygen, row)),
                            limit.Basis.ReferenceOxygen!.Value);
                    }
                    else
                    {
                        if (!reported)
                        {
                            notJudged.Add(new NotJudged(rule.OutletId, rule.Pollutant, table.StartAt(row), table.ChannelFlag(CemsChannel.Oxygen, row), NotJudgedReason.InvalidOxygen));
                            reported = true;
                        }

                        continue;
                    }

                    LimitComparison comparison = limit.Compare(value);
                    checks.Add(new ConcentrationCheck(rule.OutletId, rule.Pollutant, table.Interval, table.StartAt(row), kind, limit, value, comparison, rule.Grade(comparison)));
                }
            }
        }

        checks.Sort(static (a, b) =>
        {
            int c = string.CompareOrdinal(a.OutletId, b.OutletId);
            c = c != 0 ? c : a.Pollutant.CompareTo(b.Pollutant);
            c = c != 0 ? c : a.Kind.CompareTo(b.Kind);
            return c != 0 ? c : a.Start.CompareTo(b.Start);
        });
        return new ConcentrationComplianceResult(checks, notJudged);
    }
}
