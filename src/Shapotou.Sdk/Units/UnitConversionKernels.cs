using System.Numerics.Tensors;

namespace Shapotou.Sdk.Units;

/// <summary>The whole-column unit conversion: one multiply and one add per element, vectorised by TensorPrimitives.</summary>
internal static class UnitConversionKernels
{
    /// <summary>
    /// Computes <c>destination[i] = source[i] * conversion.Scale + conversion.Offset</c> (not fused).
    /// </summary>
    /// <remarks>
    /// The identity copies, so values converted to their own unit stay bit-identical (even -0 and NaN payloads).
    /// A zero offset skips the addition, which would turn -0 into +0. NaN propagates.
    /// </remarks>
    public static void Convert(ReadOnlySpan<double> source, LinearConversion conversion, Span<double> destination)
    {
        if (conversion.IsIdentity)
        {
            source.CopyTo(destination);
        }
        else if (conversion.Offset == 0)
        {
            TensorPrimitives.Multiply(source, conversion.Scale, destination);
        }
        else
        {
            // TensorPrimitives has no span × scalar + scalar overload; two passes in place, only for affine units (°C ↔ K).
            TensorPrimitives.Multiply(source, conversion.Scale, destination);
            TensorPrimitives.Add(destination[..source.Length], conversion.Offset, destination);
        }
    }
}
