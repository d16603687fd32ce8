using System.Globalization;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Monitoring.Aggregation;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Monitoring.Compliance;

/// <summary>The emission of one outlet and pollutant in one calendar month, summed from valid hours.</summary>
/// <param name="OutletId">The outlet.</param>
/// <param name="Pollutant">The pollutant.</param>
/// <param name="Month">The first day of the month.</param>
/// <param name="Emission">The sum of the valid hours' emissions.</param>
/// <param name="ValidHours">The hours with a valid concentration and flow.</param>
/// <param name="HoursWithoutEmission">The hourly rows whose concentration or flow is not valid; they add nothing
/// (HJ 75-2017's substitution rules are not in the references, so no value is made up for them).</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record MonthlyEmission(string OutletId, Pollutant Pollutant, DateOnly Month, Mass Emission, int ValidHours, int HoursWithoutEmission);

/// <summary>The cumulative emission of an outlet and pollutant in a year up to a date, against the permitted annual
/// total pro-rated to that date.</summary>
/// <param name="OutletId">The outlet.</param>
/// <param name="Pollutant">The pollutant.</param>
/// <param name="From">The first day summed (1 January).</param>
/// <param name="Through">The last day summed.</param>
/// <param name="Emission">The sum of valid hours' emissions from <paramref name="From"/> through <paramref name="Through"/>.</param>
/// <param name="Permitted">The permitted annual total.</param>
/// <param name="ProRated">The permitted total × days elapsed ÷ days in the year.</param>
/// <param name="Ratio">Emission ÷ pro-rated permitted total.</param>
/// <param name="Level">Exceeds above the pro-rated total, warning at or above the warning share of it.</param>
/// <param name="HoursWithoutEmission">Hourly rows in the span that added nothing.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ProRatedTotal(
    string OutletId, Pollutant Pollutant, DateOnly From, DateOnly Through, Mass Emission, Mass Permitted, Mass ProRated,
    double Ratio, ComplianceLevel Level, int HoursWithoutEmission);

/// <summary>The emission of an outlet and pollutant over 12 consecutive calendar months against the permitted annual
/// total, which bounds "any continuous 12 months" (HJ 942-2018; 排污许可管理条例 Art. 34).</summary>
/// <param name="OutletId">The outlet.</param>
/// <param name="Pollutant">The pollutant.</param>
/// <param name="FirstMonth">The first month of the window.</param>
/// <param name="LastMonth">The last month of the window.</param>
/// <param name="Emission">The window's emission.</param>
/// <param name="MonthsWithData">The months of the window that have any hourly row (a window with fewer than 12 is a
/// lower bound).</param>
/// <param name="Ratio">Emission ÷ permitted annual total.</param>
/// <param name="Level">Exceeds above the permitted total, warning at or above the warning share of it.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record RollingTotal(
    string OutletId, Pollutant Pollutant, DateOnly FirstMonth, DateOnly LastMonth, Mass Emission, int MonthsWithData,
    double Ratio, ComplianceLevel Level);

/// <summary>
/// Cumulative emissions from CEMS hours against permitted annual totals (许可排放量), pro-rated within a year and over
/// every rolling 12 months (Plan P17).
/// </summary>
/// <remarks>
/// <para>An hour's emission is its measured concentration (dry, standard state, not O₂-converted) × its flow × 1 h:
/// <c>Gh = CQh × Qsnh × 10⁻⁶</c> kg (HJ 212-2017 D2.5 formula (33); 25.3 mg/m³ × 180 000 m³/h = 4.554 kg). A day's or
/// month's is the sum of its hours (formula (34)). Only hours whose concentration and flow are both valid add;
/// the others are counted. These sums are the monitoring view; the full inventory is the Analytics package's.</para>
/// <para>Pro-rating is by days: the permitted total × (days from 1 January through the as-of date) ÷ days in the year
/// (365 or 366). The references give no pro-rating rule; permits may split totals by month or quarter (HJ 942-2018),
/// in which case compare the months with <see cref="ByMonth"/>.</para>
/// </remarks>
public static class CumulativeEmissions
{
    /// <summary>Gets the emission of every hourly row for a pollutant; missing (NaN, a <see langword="null"/> element)
    /// where the concentration or the flow is not valid.</summary>
    /// <param name="hourly">An hourly table.</param>
    /// <param name="pollutant">The pollutant.</param>
    /// <param name="validFlags">The valid flags; <see langword="null"/> for N.</param>
    /// <returns>One value per row, kept in kilograms (mg/m³ × m³/h × 1 h × 10⁻⁶).</returns>
    /// <exception cref="ArgumentException">The table is not hourly.</exception>
    public static QuantityColumn<Mass> HourlyEmissions(CemsRecords hourly, Pollutant pollutant, IReadOnlySet<DataFlag>? validFlags = null) =>
        new(HourlyKilograms(hourly, pollutant, validFlags), MassUnit.Kilogram);

    private static double[] HourlyKilograms(CemsRecords hourly, Pollutant pollutant, IReadOnlySet<DataFlag>? validFlags)
    {
        ArgumentNullException.ThrowIfNull(hourly);
        if (hourly.Interval != CemsInterval.Hour)
        {
            throw new ArgumentException($"Emissions are summed from hours; this table is by {hourly.Interval}.", nameof(hourly));
        }

        validFlags ??= CemsAggregationOptions.Default.ValidFlags;
        CemsChannel channel = CemsChannels.Of(pollutant);
        var kilograms = new double[hourly.RowCount];
        for (int row = 0; row < kilograms.Length; row++)
        {
            kilograms[row] = hourly.IsValid(channel, row, validFlags) && hourly.IsValid(CemsChannel.Flow, row, validFlags)
                ? hourly.ValueAt(channel, row) * hourly.ValueAt(CemsChannel.Flow, row) * 1e-6
                : double.NaN;
        }

        return kilograms;
    }

    /// <summary>Sums valid hours by outlet and calendar month.</summary>
    /// <param name="hourly">An hourly table.</param>
    /// <param name="pollutant">The pollutant.</param>
    /// <param name="validFlags">The valid flags; <see langword="null"/> for N.</param>
    /// <returns>One row per outlet and month with any hourly row, ordered by outlet and month.</returns>
    public static IReadOnlyList<MonthlyEmission> ByMonth(CemsRecords hourly, Pollutant pollutant, IReadOnlySet<DataFlag>? validFlags = null)
    {
        double[] kilograms = HourlyKilograms(hourly, pollutant, validFlags);
        var sums = new SortedDictionary<(string Outlet, DateOnly Month), (double Kg, int Valid, int Without)>(Comparer<(string, DateOnly)>.Create(
            static (a, b) => string.CompareOrdinal(a.Item1, b.Item1) is var c && c != 0 ? c : a.Item2.CompareTo(b.Item2)));
        for (int row = 0; row < kilograms.Length; row++)
        {
            DateTime start = hourly.StartAt(row);
            var key = (hourly.OutletAt(row), new DateOnly(start.Year, start.Month, 1));
            (double kg, int valid, int without) = sums.GetValueOrDefault(key);
            sums[key] = double.IsNaN(kilograms[row]) ? (kg, valid, without + 1) : (kg + kilograms[row], valid + 1, without);
        }

        return sums.Select(p => new MonthlyEmission(p.Key.Outlet, pollutant, p.Key.Month, Mass.FromKilograms(p.Value.Kg), p.Value.Valid, p.Value.Without)).ToArray();
    }

    /// <summary>Sums an outlet's valid hours from 1 January through <paramref name="through"/> and compares the sum with
    /// the permitted annual total pro-rated to that day.</summary>
    /// <param name="hourly">An hourly table.</param>
    /// <param name="outletId">The outlet.</param>
    /// <param name="pollutant">The pollutant.</param>
    /// <param name="permittedAnnual">The permitted annual total (<see cref="Outlet.PermittedAnnual"/>).</param>
    /// <param name="through">The last day to include.</param>
    /// <param name="warningShare">The share of the pro-rated total at which to warn, above 0 and at most 1.</param>
    /// <param name="validFlags">The valid flags; <see langword="null"/> for N.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="warningShare"/> is not in (0, 1], or the permitted
    /// total is negative or not finite.</exception>
    public static ProRatedTotal ProRated(
        CemsRecords hourly, string outletId, Pollutant pollutant, Mass permittedAnnual, DateOnly through, double warningShare, IReadOnlySet<DataFlag>? validFlags = null)
    {
        ArgumentNullException.ThrowIfNull(outletId);
        CheckShare(warningShare);
        double permittedKg = CheckPermitted(permittedAnnual);
        double[] kilograms = HourlyKilograms(hourly, pollutant, validFlags);
        var from = new DateOnly(through.Year, 1, 1);
        DateTime start = from.ToDateTime(TimeOnly.MinValue);
        DateTime end = through.AddDays(1).ToDateTime(TimeOnly.MinValue);
        double sum = 0;
        int without = 0;
        for (int row = 0; row < kilograms.Length; row++)
        {
            DateTime hour = hourly.StartAt(row);
            if (hour >= start && hour < end && string.Equals(hourly.OutletAt(row), outletId, StringComparison.Ordinal))
            {
                if (double.IsNaN(kilograms[row]))
                {
                    without++;
                }
                else
                {
                    sum += kilograms[row];
                }
            }
        }

        int daysInYear = DateTime.IsLeapYear(through.Year) ? 366 : 365;
        double proRatedKg = permittedKg * through.DayOfYear / daysInYear;
        double ratio = Ratio(sum, proRatedKg);
        return new ProRatedTotal(
            outletId, pollutant, from, through, Mass.FromKilograms(sum), permittedAnnual, Mass.FromKilograms(proRatedKg),
            ratio, Grade(sum, proRatedKg, ratio, warningShare), without);
    }

    /// <summary>Sums every window of 12 consecutive calendar months that ends in a month with data, for each outlet,
    /// and compares it with the permitted annual total.</summary>
    /// <param name="months">Monthly emissions of one pollutant (<see cref="ByMonth"/>).</param>
    /// <param name="permittedAnnual">The permitted annual total of each outlet; outlets not in it are skipped (only main
    /// outlets have permitted totals, HJ 942-2018).</param>
    /// <param name="warningShare">The share of the permitted total at which to warn, above 0 and at most 1.</param>
    /// <returns>One window per outlet and month with data, ordered by outlet and last month.</returns>
    public static IReadOnlyList<RollingTotal> Rolling12Months(
        IEnumerable<MonthlyEmission> months, IReadOnlyDictionary<string, Mass> permittedAnnual, double warningShare)
    {
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(permittedAnnual);
        CheckShare(warningShare);
        var windows = new List<RollingTotal>();
        foreach (IGrouping<(string OutletId, Pollutant Pollutant), MonthlyEmission> outlet in months
                     .GroupBy(m => (m.OutletId, m.Pollutant))
                     .OrderBy(g => g.Key.OutletId, StringComparer.Ordinal).ThenBy(g => g.Key.Pollutant))
        {
            if (!permittedAnnual.TryGetValue(outlet.Key.OutletId, out Mass permitted))
            {
                continue;
            }

            double permittedKg = CheckPermitted(permitted);
            MonthlyEmission[] sorted = outlet.OrderBy(m => m.Month).ToArray();
            foreach (MonthlyEmission last in sorted)
            {
                DateOnly first = last.Month.AddMonths(-11);
                double sum = 0;
                int withData = 0;
                foreach (MonthlyEmission m in sorted)
                {
                    if (m.Month >= first && m.Month <= last.Month)
                    {
                        sum += m.Emission.Kilograms;
                        withData++;
                    }
                }

                double ratio = Ratio(sum, permittedKg);
                windows.Add(new RollingTotal(outlet.Key.OutletId, outlet.Key.Pollutant, first, last.Month, Mass.FromKilograms(sum), withData, ratio, Grade(sum, permittedKg, ratio, warningShare)));
            }
        }

        return windows;
    }

    private static double Ratio(double sum, double permitted) =>
        permitted == 0 ? (sum == 0 ? 0 : double.PositiveInfinity) : sum / permitted;

    private static ComplianceLevel Grade(double sum, double permitted, double ratio, double warningShare) =>
        sum > permitted ? ComplianceLevel.Exceeds : ratio >= warningShare ? ComplianceLevel.Warning : ComplianceLevel.Compliant;

    private static void CheckShare(double warningShare)
    {
        if (!(warningShare > 0 && warningShare <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(warningShare), warningShare, "The warning share must be above 0 and at most 1.");
        }
    }

    private static double CheckPermitted(Mass permitted)
    {
        double kg = permitted.Kilograms;
        if (!double.IsFinite(kg) || kg < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(permitted), permitted, string.Create(CultureInfo.InvariantCulture, $"A permitted total must be finite and at least 0; found {kg} kg."));
        }

        return kg;
    }
}
