using System.Globalization;
using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Monitoring.Receiver;

namespace Shapotou.Sdk.Assessment;

/// <summary>
/// The plausibility checks of the CEMS hours, fed the rows in table order: a whole table in memory at once, or a
/// streamed file one chunk (row group, or the hours derived from a batch of minutes) at a time, so both paths give the
/// same warnings. Only each outlet's last valid hour is kept, for a flow jump across chunks or across the rows of other
/// outlets (a table ordered by time), so memory grows with outlets, not with hours.
/// </summary>
/// <remarks>
/// Only hours whose flag is N are judged (a value's own flag for its concentration, the row's flag for O₂ and flow): the
/// others are left out of every figure already. The values are in the kernels' units (mg/m³, %, m³/h). No figure
/// changes.
/// </remarks>
internal sealed class CemsPlausibility
{
    private const string Table = "cems_hourly";
    private static readonly Pollutant[] s_pollutants = [Pollutant.Pm, Pollutant.So2, Pollutant.Nox];

    private readonly PlausibilityOptions _options;
    private readonly PlausibilityCollector _warnings;
    private readonly int? _year;
    private readonly double[] _maximum = new double[3];
    private readonly double _ammoniaMaximum;
    private readonly double _oxygenMaximum;
    private readonly Dictionary<string, LastHour> _last = new(StringComparer.Ordinal);
    private string? _outlet;
    private LastHour? _slot;

    public CemsPlausibility(PlausibilityOptions options, int? year, PlausibilityCollector warnings)
    {
        _options = options;
        _warnings = warnings;
        _year = year;
        for (int p = 0; p < 3; p++)
        {
            _maximum[p] = options.ConcentrationMaximum.TryGetValue(s_pollutants[p], out UnitsNet.MassConcentration max) ? max.MilligramsPerCubicMeter : double.PositiveInfinity;
        }

        _ammoniaMaximum = options.ConcentrationMaximum.TryGetValue(Pollutant.Nh3, out UnitsNet.MassConcentration nh3) ? nh3.MilligramsPerCubicMeter : double.PositiveInfinity;
        _oxygenMaximum = options.OxygenMaximum?.Percent ?? double.PositiveInfinity;
    }

    /// <summary>Judges the next rows of the table; the arrays are read, never kept.</summary>
    public void Add(CemsColumns rows)
    {
        for (int i = 0; i < rows.Count; i++)
        {
            DateTime hour = rows.Hours[i];
            if (_year is { } year && hour.Year != year)
            {
                continue;
            }

            string outlet = rows.OutletIds[i];
            for (int p = 0; p < 3; p++)
            {
                double value = rows.Concentration[p][i];
                if (value > _maximum[p] && rows.Value[p][i] == DataFlag.N)
                {
                    Concentration(outlet, hour, s_pollutants[p], value, _maximum[p]);
                }
            }

            bool valid = rows.Row[i] == DataFlag.N;
            if (rows.Ammonia is { } ammonia && ammonia[i] > _ammoniaMaximum && valid)
            {
                Concentration(outlet, hour, Pollutant.Nh3, ammonia[i], _ammoniaMaximum);
            }

            if (!valid)
            {
                continue;
            }

            double oxygen = rows.Oxygen[i];
            if (oxygen > _oxygenMaximum)
            {
                OxygenAboveRange(outlet, hour, oxygen);
            }

            double flow = rows.Flow[i];
            if (!double.IsFinite(flow))
            {
                continue;
            }

            if (_options.FlowRangeByOutlet.TryGetValue(outlet, out FlowRange range))
            {
                double low = range.Minimum.CubicMetersPerHour;
                double high = range.Maximum.CubicMetersPerHour;
                if (flow < low || flow > high)
                {
                    FlowOutsideRange(outlet, hour, flow, low, high);
                }
            }

            // The outlet's last valid hour, whatever rows of other outlets lie between (a table ordered by time); the
            // slot is looked up once per run of an outlet's rows.
            if (!ReferenceEquals(outlet, _outlet))
            {
                if (!_last.TryGetValue(outlet, out _slot))
                {
                    _slot = new LastHour();
                    _last.Add(outlet, _slot);
                }

                _outlet = outlet;
            }

            LastHour last = _slot!;
            if (hour - last.Hour == TimeSpan.FromHours(1) && flow > 0 && last.Flow > 0)
            {
                double before = last.Flow;
                double ratio = Math.Max(flow / before, before / flow);
                if (ratio >= _options.FlowJumpFactor)
                {
                    FlowJump(outlet, hour, flow, before, ratio);
                }
            }

            (last.Hour, last.Flow) = (hour, flow);
        }
    }

    /// <summary>An outlet's last valid hour and its flow.</summary>
    private sealed class LastHour
    {
        public DateTime Hour { get; set; } = DateTime.MinValue;

        public double Flow { get; set; } = double.NaN;
    }

    // Each warning is worded in its own method, called only for a row that raises it and only while its check lists
    // warnings (past that they are counted), so the loop over the rows allocates nothing.
    private void Concentration(string outlet, DateTime hour, Pollutant pollutant, double value, double maximum)
    {
        if (Listed(PlausibilityCheck.ConcentrationAboveRange))
        {
            string name = ContractNames.ToName(pollutant);
            Add(PlausibilityCheck.ConcentrationAboveRange, outlet, hour, value, maximum,
                $"{name} {Number(value)} mg/m³ is above {Number(maximum)} mg/m³, the upper end of the range set for {name}.");
        }
    }

    private void OxygenAboveRange(string outlet, DateTime hour, double oxygen)
    {
        if (Listed(PlausibilityCheck.OxygenAboveRange))
        {
            Add(PlausibilityCheck.OxygenAboveRange, outlet, hour, oxygen, _oxygenMaximum,
                $"O₂ {Number(oxygen)} % is above {Number(_oxygenMaximum)} %, the O₂ of dry air: the analyser reads ambient air, and the reference-O₂ conversion of the hour is meaningless.");
        }
    }

    private void FlowOutsideRange(string outlet, DateTime hour, double flow, double low, double high)
    {
        if (Listed(PlausibilityCheck.FlowOutsideRange))
        {
            bool signature = flow / 3600 >= low && flow / 3600 <= high;
            Add(PlausibilityCheck.FlowOutsideRange, outlet, hour, flow, flow < low ? low : high,
                $"flow {Number(flow)} m³/h is outside the range {Number(low)} to {Number(high)} m³/h set for the outlet.{(signature ? " It is 3 600 times a plausible flow: m³/h likely sent where HJ 212-2017 Table B.2 specifies m³/s." : string.Empty)}");
        }
    }

    private void FlowJump(string outlet, DateTime hour, double flow, double before, double ratio)
    {
        if (Listed(PlausibilityCheck.FlowJump))
        {
            // 3 600 within a factor 1.5 either way: what m³/h written as m³/s (or the reverse) looks like.
            bool signature = ratio >= 3600 / 1.5 && ratio <= 3600 * 1.5;
            Add(PlausibilityCheck.FlowJump, outlet, hour, flow, before,
                $"flow {Number(flow)} m³/h is {Number(flow / before)} times the hour before ({Number(before)} m³/h).{(signature ? " A ratio near 3 600 is the signature of m³/h and m³/s mixed up (HJ 212-2017 Table B.2 specifies m³/s)." : string.Empty)}");
        }
    }

    /// <summary>Whether a warning of the check is to be listed; if not, it is counted.</summary>
    private bool Listed(PlausibilityCheck check)
    {
        if (_warnings.Lists(check))
        {
            return true;
        }

        _warnings.Count(check);
        return false;
    }

    private void Add(PlausibilityCheck check, string outlet, DateTime hour, double value, double threshold, string what) =>
        _warnings.Add(new PlausibilityWarning(check, Table, null, outlet, hour, value, threshold,
            string.Create(CultureInfo.InvariantCulture, $"Table 'cems_hourly', outlet '{outlet}', {hour:yyyy-MM-dd HH:mm}: {what}")));

    private static string Number(double value) => LedgerPlausibility.Number(value);
}
