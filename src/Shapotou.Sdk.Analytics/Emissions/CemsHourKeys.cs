using System.Globalization;

namespace Shapotou.Sdk.Analytics.Emissions;

/// <summary>
/// The clock hours seen of each outlet, so that an hour given twice — the same file twice in a folder, or two files of
/// the same hours — is refused instead of counted twice: one bit per hour of each outlet's month (96 bytes), so the
/// memory grows with outlets × months, not with rows, in whatever order the rows come.
/// </summary>
internal sealed class CemsHourKeys
{
    private readonly Dictionary<(string Outlet, int Year, int Month), ulong[]> _months = [];
    private string? _outlet;
    private int _year;
    private int _month;
    private ulong[]? _bits;

    /// <summary>Notes each row's outlet and hour; the first hour seen twice is refused, naming its row.</summary>
    /// <param name="rows">The rows, in table order.</param>
    /// <param name="count">How many of the rows to note.</param>
    /// <param name="firstRow">The place of the first of them in the table.</param>
    public void Add(CemsColumns rows, int count, long firstRow)
    {
        for (int i = 0; i < count; i++)
        {
            string outlet = rows.OutletIds[i];
            DateTime hour = rows.Hours[i];
            if (!ReferenceEquals(outlet, _outlet) || hour.Month != _month || hour.Year != _year)
            {
                if (!_months.TryGetValue((outlet, hour.Year, hour.Month), out _bits))
                {
                    _bits = new ulong[12];
                    _months.Add((outlet, hour.Year, hour.Month), _bits);
                }

                (_outlet, _year, _month) = (outlet, hour.Year, hour.Month);
            }

            int bit = ((hour.Day - 1) * 24) + hour.Hour;
            ulong mask = 1UL << (bit & 63);
            ref ulong word = ref _bits![bit >> 6];
            if ((word & mask) != 0)
            {
                throw new ShapotouDataException(string.Create(CultureInfo.InvariantCulture,
                    $"Table 'cems_hourly', row {firstRow + i}: outlet '{outlet}' has the hour {hour:yyyy-MM-dd HH}:00 a second time; expected one row per outlet and clock hour (is a file in the folder twice, or are the same hours in two files?)."));
            }

            word |= mask;
        }
    }
}
