using System.Globalization;
using Xunit;

namespace Shapotou.Sdk.TestKit;

/// <summary>Named tolerances with their derivation, and the relative-with-floor comparison the tests use.</summary>
public static class Tolerance
{
    /// <summary>
    /// One multiply (and one add) per element against a reference computed the same way in another order: a few ulps.
    /// 4 × 2⁻⁵² ≈ 8.9e-16 relative covers the two roundings and the scale derived from UnitsNet's base-unit path.
    /// </summary>
    public const double ElementwiseMap = 8.9e-16;

    /// <summary>
    /// UnitsNet converts through the base unit (two roundings), the column through a derived scale (one or two): the
    /// results agree to a few ulps, 1e-14 relative with room for scales that are not exact binary fractions.
    /// </summary>
    public const double UnitsNetRoundTrip = 1e-14;

    /// <summary>
    /// A sum of up to 10⁵ non-negative terms added in another order (vector lanes, then the lanes): each order is within
    /// (n − 1)·2⁻⁵³ relative of the exact sum, so two orders differ by at most 2 × 10⁵ × 1.1e-16 ≈ 2.2e-11.
    /// </summary>
    public const double ReorderedSum = 2.2e-11;

    /// <summary>Absolute floor below which differences are noise: values near zero compare absolutely.</summary>
    public const double AbsoluteFloor = 1e-300;

    /// <summary>Asserts <c>|expected − actual| ≤ max(relative × max(|expected|, |actual|), floor)</c>; NaN equals NaN.</summary>
    public static void AssertClose(double expected, double actual, double relative, string? context = null)
    {
        if (double.IsNaN(expected) && double.IsNaN(actual))
        {
            return;
        }

        if (expected.Equals(actual))
        {
            return;
        }

        double bound = Math.Max(relative * Math.Max(Math.Abs(expected), Math.Abs(actual)), AbsoluteFloor);
        double difference = Math.Abs(expected - actual);
        Assert.True(
            difference <= bound,
            string.Create(CultureInfo.InvariantCulture, $"Expected {expected:R}, actual {actual:R}, difference {difference:R} > bound {bound:R}. {context}"));
    }
}
