using System.Globalization;

namespace Shapotou.Sdk.Internal;

/// <summary>
/// The check that a time is China Standard Time wall clock: a <see cref="DateTime"/> whose kind is
/// <see cref="DateTimeKind.Unspecified"/>. A time marked UTC or as the machine's local time is refused, never
/// converted, so that a UTC hour can never pass for a CST hour (docs/decisions.md, "CST hours").
/// </summary>
/// <remarks>Compiled into each package that takes CST times at its public boundary (linked source, as StrictJson is).</remarks>
internal static class ChinaWallClock
{
    /// <summary>Refuses a time that is not CST wall clock.</summary>
    /// <param name="value">The time.</param>
    /// <param name="paramName">The parameter the time came in.</param>
    /// <param name="what">What the time is, for the message, such as <c>Column 'hour' of cems_hourly, row 3,</c>.</param>
    public static void Check(DateTime value, string paramName, string what)
    {
        if (value.Kind != DateTimeKind.Unspecified)
        {
            Throw(value, paramName, what);
        }
    }

    /// <summary>Refuses a time that is not CST wall clock, and returns it.</summary>
    /// <param name="value">The time.</param>
    /// <param name="paramName">The parameter the time came in.</param>
    /// <param name="what">What the time is, for the message, such as <c>The hour</c>.</param>
    /// <returns><paramref name="value"/>.</returns>
    public static DateTime Checked(DateTime value, string paramName, string what)
    {
        Check(value, paramName, what);
        return value;
    }

    /// <summary>Refuses a column with a time that is not CST wall clock, naming the first such row.</summary>
    /// <param name="values">The times.</param>
    /// <param name="paramName">The parameter the times came in.</param>
    /// <param name="column">The column, such as <c>Column 'hour' of cems_hourly</c>.</param>
    public static void Check(ReadOnlySpan<DateTime> values, string paramName, string column)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i].Kind != DateTimeKind.Unspecified)
            {
                Throw(values[i], paramName, string.Create(CultureInfo.InvariantCulture, $"{column}, row {i},"));
            }
        }
    }

    private static void Throw(DateTime value, string paramName, string what) =>
        throw new ArgumentException(
            string.Create(
                CultureInfo.InvariantCulture,
                $"{what} is {value:yyyy-MM-dd HH:mm:ss} marked as {(value.Kind == DateTimeKind.Utc ? "UTC" : "the machine's local time")}; expected China Standard Time wall clock, a time not marked with a zone (convert UTC by adding 8 hours)."),
            paramName);
}
