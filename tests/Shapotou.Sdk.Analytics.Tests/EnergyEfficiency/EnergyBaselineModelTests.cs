using Shapotou.Sdk.Analytics.EnergyEfficiency;
using Shapotou.Sdk.TestKit;

using UnitsNet;

namespace Shapotou.Sdk.Analytics.Tests.EnergyEfficiency;

public sealed class EnergyBaselineModelTests
{
    [Fact]
    public void Fit_ExactLine_RecoversItWithRSquaredOne()
    {
        double[] output = [1_000, 1_200, 900, 1_500, 1_100];
        double[] energy = output.Select(o => 50_000 + (1_700 * o)).ToArray();

        EnergyBaselineModel model = EnergyBaselineModel.Fit(output, energy);

        Assert.Equal(50_000, model.Coefficients[0], 6);
        Assert.Equal(1_700, model.Coefficients[1], 9);
        Assert.Equal(1, model.RSquared, 12);
        Assert.Equal(50_000 + (1_700 * 1_300), model.Predict(Mass.FromTonnes(1_300)).KilogramsOfCoalEquivalent, 6);
    }

    [Fact]
    public void Fit_SimpleRegression_MatchesTheClosedForm()
    {
        // Closed form of simple least squares: b = Sxy/Sxx, a = ȳ − b·x̄, se(b) = √(s²/Sxx), t(0.975, 6) = 2.446912.
        double[] x = [10, 12, 9, 15, 11, 14, 8, 13];
        double[] y = [120, 139, 112, 170, 128, 160, 101, 150];
        double mx = x.Average(), my = y.Average();
        double sxx = x.Sum(v => (v - mx) * (v - mx));
        double sxy = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my));
        double b = sxy / sxx, a = my - (b * mx);
        double sse = x.Zip(y).Sum(p => Math.Pow(p.Second - (a + (b * p.First)), 2));
        double seB = Math.Sqrt(sse / (x.Length - 2) / sxx);

        EnergyBaselineModel model = EnergyBaselineModel.Fit(x, y);

        Tolerance.AssertClose(a, model.Coefficients[0], 1e-10);
        Tolerance.AssertClose(b, model.Coefficients[1], 1e-12);
        Tolerance.AssertClose(seB, model.StandardErrors[1], 1e-10);
        Tolerance.AssertClose(b - (2.446912 * seB), model.ConfidenceLower[1], 1e-6);
        Tolerance.AssertClose(b + (2.446912 * seB), model.ConfidenceUpper[1], 1e-6);
        Tolerance.AssertClose(1 - (sse / y.Sum(v => (v - my) * (v - my))), model.RSquared, 1e-12);
    }

    [Fact]
    public void Fit_WithOreGrade_SeparatesItsEffect()
    {
        double[] output = [1_000, 1_200, 900, 1_500, 1_100, 1_300];
        double[] grade = [98, 97.5, 98.5, 98, 97, 99];
        double[] energy = output.Zip(grade, (o, g) => 40_000 + (1_650 * o) - (8_000 * (g - 98))).ToArray();

        EnergyBaselineModel model = EnergyBaselineModel.Fit(output, energy, grade);

        Assert.True(model.WithOreGrade);
        Assert.Equal(1_650, model.Coefficients[1], 6);
        Assert.Equal(-8_000, model.Coefficients[2], 4);
        Assert.Throws<ArgumentNullException>(() => model.Predict(Mass.FromTonnes(1_000)));
    }

    [Fact]
    public void Fit_BadInput_IsRejectedWithTheObservation()
    {
        Assert.Throws<ArgumentException>(() => EnergyBaselineModel.Fit([1.0, 2.0], [1.0, 2.0])); // two points, two coefficients
        ArgumentException error = Assert.Throws<ArgumentException>(() => EnergyBaselineModel.Fit([1.0, 2.0, double.NaN, 4.0], [1.0, 2.0, 3.0, 4.0]));
        Assert.Equal("Observation 2 of 'outputTonnes' is NaN; expected a finite number. (Parameter 'outputTonnes')", error.Message);
        Assert.Throws<ArgumentException>(() => EnergyBaselineModel.Fit([1.0, 2.0, 3.0], [1.0, 2.0]));
    }
}
