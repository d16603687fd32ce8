using System.Globalization;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using Shapotou.Sdk.Units;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.EnergyEfficiency;

/// <summary>
/// A regression-normalised energy baseline in the style of ISO 50006: energy (kgce) of the baseline period's months
/// against output (t) and, where present, ore grade (%), fitted by least squares, so that a change in output does not
/// pass for a change in efficiency.
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para>Model: <c>E = β₀ + β₁ × output [+ β₂ × grade] + ε</c>, solved by QR decomposition (MathNet.Numerics). Each
/// coefficient has its standard error <c>√(σ² (XᵀX)⁻¹ᵢᵢ)</c> with <c>σ² = SSE ÷ (n − p)</c> and a two-sided
/// confidence interval from Student's t with <c>n − p</c> degrees of freedom.</para>
/// </remarks>
public sealed class EnergyBaselineModel
{
    private EnergyBaselineModel(double[] coefficients, double[] standardErrors, double[] lower, double[] upper, double rSquared, int observations, bool withOreGrade)
    {
        Coefficients = coefficients;
        StandardErrors = standardErrors;
        ConfidenceLower = lower;
        ConfidenceUpper = upper;
        RSquared = rSquared;
        Observations = observations;
        WithOreGrade = withOreGrade;
    }

    /// <summary>Gets β₀ (kgce), β₁ (kgce per t of output) and, with ore grade, β₂ (kgce per percentage point).</summary>
    public IReadOnlyList<double> Coefficients { get; }

    /// <summary>Gets the standard error of each coefficient.</summary>
    public IReadOnlyList<double> StandardErrors { get; }

    /// <summary>Gets the lower bound of each coefficient's confidence interval.</summary>
    public IReadOnlyList<double> ConfidenceLower { get; }

    /// <summary>Gets the upper bound of each coefficient's confidence interval.</summary>
    public IReadOnlyList<double> ConfidenceUpper { get; }

    /// <summary>Gets the coefficient of determination R².</summary>
    public double RSquared { get; }

    /// <summary>Gets the number of observations (months) fitted.</summary>
    public int Observations { get; }

    /// <summary>Gets whether ore grade is a variable of the model.</summary>
    public bool WithOreGrade { get; }

    /// <summary>Fits the model.</summary>
    /// <param name="outputTonnes">Output of each observation, t.</param>
    /// <param name="energyKgce">Energy of each observation, kgce.</param>
    /// <param name="oreGradePercent">Ore grade of each observation, %, or empty to leave it out.</param>
    /// <param name="confidence">The confidence level of the intervals, in (0, 1); 0.95 by default.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentException">Lengths differ, a value is not finite, or there are not more observations than coefficients.</exception>
    public static EnergyBaselineModel Fit(ReadOnlySpan<double> outputTonnes, ReadOnlySpan<double> energyKgce, ReadOnlySpan<double> oreGradePercent = default, double confidence = 0.95)
    {
        bool withGrade = !oreGradePercent.IsEmpty;
        int n = outputTonnes.Length;
        int p = withGrade ? 3 : 2;
        if (energyKgce.Length != n || (withGrade && oreGradePercent.Length != n))
        {
            throw new ArgumentException("Output, energy and ore grade must have the same length.", nameof(energyKgce));
        }

        if (n <= p)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The model has {p} coefficients and needs more observations; it has {n}."), nameof(outputTonnes));
        }

        if (!(confidence is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence level must be between 0 and 1.");
        }

        Matrix<double> x = Matrix<double>.Build.Dense(n, p);
        Vector<double> y = Vector<double>.Build.Dense(n);
        for (int i = 0; i < n; i++)
        {
            CheckFinite(outputTonnes[i], nameof(outputTonnes), i);
            CheckFinite(energyKgce[i], nameof(energyKgce), i);
            x[i, 0] = 1;
            x[i, 1] = outputTonnes[i];
            if (withGrade)
            {
                CheckFinite(oreGradePercent[i], nameof(oreGradePercent), i);
                x[i, 2] = oreGradePercent[i];
            }

            y[i] = energyKgce[i];
        }

        Vector<double> beta = x.QR().Solve(y);
        Vector<double> residuals = y - (x * beta);
        double sse = residuals.DotProduct(residuals);
        double mean = y.Average();
        double sst = y.Sum(v => (v - mean) * (v - mean));
        double rSquared = sst == 0 ? 1 : 1 - (sse / sst);
        int degrees = n - p;
        Matrix<double> covariance = x.TransposeThisAndMultiply(x).Inverse() * (sse / degrees);
        double t = StudentT.InvCDF(0, 1, degrees, 1 - ((1 - confidence) / 2));
        var errors = new double[p];
        var lower = new double[p];
        var upper = new double[p];
        for (int j = 0; j < p; j++)
        {
            errors[j] = Math.Sqrt(covariance[j, j]);
            lower[j] = beta[j] - (t * errors[j]);
            upper[j] = beta[j] + (t * errors[j]);
        }

        return new EnergyBaselineModel(beta.ToArray(), errors, lower, upper, rSquared, n, withGrade);
    }

    /// <summary>Predicts the baseline energy of an observation: what it would have used at baseline efficiency.</summary>
    /// <param name="output">Its output (read in tonnes, as the model was fitted).</param>
    /// <param name="oreGrade">Its ore grade (read in percent); required when the model has ore grade.</param>
    /// <returns>The predicted energy, in kgce.</returns>
    /// <exception cref="ArgumentNullException">The model has ore grade and <paramref name="oreGrade"/> is <see langword="null"/>.</exception>
    public StandardCoal Predict(Mass output, MassFraction? oreGrade = null)
    {
        if (WithOreGrade && oreGrade is null)
        {
            throw new ArgumentNullException(nameof(oreGrade), "The model was fitted with ore grade; the prediction needs it.");
        }

        return StandardCoal.FromKilogramsOfCoalEquivalent(
            Coefficients[0] + (Coefficients[1] * output.Tonnes) + (WithOreGrade ? Coefficients[2] * oreGrade!.Value.Percent : 0));
    }

    private static void CheckFinite(double value, string paramName, int index)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Observation {index} of '{paramName}' is {value}; expected a finite number."), paramName);
        }
    }
}
