using System.Numerics.Tensors;

namespace Shapotou.Sdk.Analytics.Kernels;

/// <summary>The span kernels of comprehensive energy: accumulate carriers times coefficients, and sum by group.</summary>
internal static class EnergyKernels
{
    /// <summary>
    /// Computes <c>destination[i] = amounts[i] * kgcePerUnit + destination[i]</c> (not fused), vectorised by TensorPrimitives.
    /// </summary>
    /// <remarks>NaN (an unknown amount) propagates to its row.</remarks>
    public static void Accumulate(ReadOnlySpan<double> amounts, double kgcePerUnit, Span<double> destination)
    {
        if (destination.Length < amounts.Length)
        {
            throw new ArgumentException("Destination is too short.", nameof(destination));
        }

        Span<double> target = destination[..amounts.Length];
        TensorPrimitives.MultiplyAdd(amounts, kgcePerUnit, target, target);
    }

    /// <summary>Computes <c>sums[groups[i]] += values[i]</c> for every row; NaN propagates to its group.</summary>
    /// <remarks>A scatter-add: each row touches one group, in row order, so the result equals the scalar reference bit for bit.</remarks>
    public static void SumByGroup(ReadOnlySpan<int> groups, ReadOnlySpan<double> values, Span<double> sums)
    {
        if (groups.Length != values.Length)
        {
            throw new ArgumentException("Groups and values must have the same length.", nameof(values));
        }

        for (int i = 0; i < values.Length; i++)
        {
            sums[groups[i]] += values[i];
        }
    }
}
