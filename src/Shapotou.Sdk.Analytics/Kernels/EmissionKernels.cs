using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Shapotou.Sdk.Model;

namespace Shapotou.Sdk.Analytics.Kernels;

/// <summary>
/// What one pass of <see cref="EmissionKernels.Accumulate"/> found in a run of CEMS hours: the measured mass, the
/// valid hours, and the hours whose reference-O₂ concentration exceeds a limit.
/// </summary>
/// <param name="ProductSum">Σ c × Q over the valid hours, in the columns' units (mg/m³ × m³/h × 1 h = mg).</param>
/// <param name="ValidHours">Hours counted: both values valid and finite.</param>
/// <param name="OverLimitHours">Valid hours whose concentration, converted to the reference O₂, exceeds the limit.</param>
/// <param name="MaxReferenceConcentration">The largest converted concentration of a valid hour; NaN when none.</param>
internal readonly record struct MeasuredAccumulation(double ProductSum, int ValidHours, int OverLimitHours, double MaxReferenceConcentration);

/// <summary>
/// The span kernel of the measured inventory (HJ 212-2017 Annex D, D2.5 formula (33)) fused with the reference-O₂
/// conversion (GB 13271-2014 / GB 4915-2013 formula (1)) and a limit comparison: one pass over the hourly columns.
/// </summary>
/// <remarks>
/// <para>An hour counts when its flag is <see cref="DataFlag.N"/> and its concentration and flow are finite; stopped,
/// flagged and null hours add nothing. The reference concentration of an hour is <c>c × (21 − O₂ref) ÷ (21 − O₂)</c>;
/// an hour without a finite O₂ is not compared (it still adds its mass). With no reference O₂ (a NaN
/// <c>oxygenScale</c> numerator) the measured concentration is compared.</para>
/// <para>The vector path (<see cref="Vector{T}"/>, every width the runtime offers) sums in lanes and adds the lanes at
/// the end, so its sum differs from the scalar path's in the last bits; the counts and the maximum are exact. The scalar
/// path runs where hardware acceleration is off.</para>
/// </remarks>
internal static class EmissionKernels
{
    /// <summary>Accumulates a run of hours.</summary>
    /// <param name="concentration">Concentrations, dry at the standard state, as measured.</param>
    /// <param name="flow">Dry standard flows.</param>
    /// <param name="oxygen">O₂ contents in %, dry.</param>
    /// <param name="flags">The flag that applies to each hour's concentration and flow.</param>
    /// <param name="referenceOxygen">The reference O₂ in %, or NaN to compare the measured concentration.</param>
    /// <param name="limit">The limit, in the concentration's unit; +∞ to count nothing as over.</param>
    /// <returns>The accumulation.</returns>
    public static MeasuredAccumulation Accumulate(
        ReadOnlySpan<double> concentration,
        ReadOnlySpan<double> flow,
        ReadOnlySpan<double> oxygen,
        ReadOnlySpan<DataFlag> flags,
        double referenceOxygen,
        double limit)
    {
        int length = concentration.Length;
        if (flow.Length != length || oxygen.Length != length || flags.Length != length)
        {
            throw new ArgumentException("The concentration, flow, oxygen and flag spans must have the same length.", nameof(flow));
        }

        int start = 0;
        MeasuredAccumulation vector = default;
        if (Vector.IsHardwareAccelerated && length >= Vector<int>.Count)
        {
            vector = AccumulateVector(concentration, flow, oxygen, flags, referenceOxygen, limit, out start);
        }

        MeasuredAccumulation tail = AccumulateScalar(concentration[start..], flow[start..], oxygen[start..], flags[start..], referenceOxygen, limit);
        return new MeasuredAccumulation(
            vector.ProductSum + tail.ProductSum,
            vector.ValidHours + tail.ValidHours,
            vector.OverLimitHours + tail.OverLimitHours,
            MaxIgnoringNaN(vector.ValidHours > 0 ? vector.MaxReferenceConcentration : double.NaN, tail.MaxReferenceConcentration));
    }

    /// <summary>The scalar path: one hour at a time, in order.</summary>
    internal static MeasuredAccumulation AccumulateScalar(
        ReadOnlySpan<double> concentration,
        ReadOnlySpan<double> flow,
        ReadOnlySpan<double> oxygen,
        ReadOnlySpan<DataFlag> flags,
        double referenceOxygen,
        double limit)
    {
        double sum = 0;
        int valid = 0;
        int over = 0;
        double max = double.NaN;
        bool convert = !double.IsNaN(referenceOxygen);
        double numerator = 21 - referenceOxygen;
        for (int i = 0; i < concentration.Length; i++)
        {
            double product = concentration[i] * flow[i];
            if (flags[i] != DataFlag.N || !double.IsFinite(product))
            {
                continue;
            }

            sum += product;
            valid++;
            double compared = convert ? concentration[i] * numerator / (21 - oxygen[i]) : concentration[i];
            if (double.IsFinite(compared))
            {
                max = double.IsNaN(max) ? compared : Math.Max(max, compared);
                if (compared > limit)
                {
                    over++;
                }
            }
        }

        return new MeasuredAccumulation(sum, valid, over, max);
    }

    private static MeasuredAccumulation AccumulateVector(
        ReadOnlySpan<double> concentration,
        ReadOnlySpan<double> flow,
        ReadOnlySpan<double> oxygen,
        ReadOnlySpan<DataFlag> flags,
        double referenceOxygen,
        double limit,
        out int processed)
    {
        // Flags are 4-byte ints: one Vector<int> of flags covers two Vector<double> of values.
        int width = Vector<double>.Count;
        int step = Vector<int>.Count;
        ReadOnlySpan<int> flagInts = MemoryMarshal.Cast<DataFlag, int>(flags);
        bool convert = !double.IsNaN(referenceOxygen);
        var normal = new Vector<int>((int)DataFlag.N);
        var numerator = new Vector<double>(convert ? 21 - referenceOxygen : 1);
        var twentyOne = new Vector<double>(21);
        var limits = new Vector<double>(limit);
        var lowest = new Vector<double>(double.NegativeInfinity);
        Vector<double> sum = Vector<double>.Zero;
        Vector<long> valid = Vector<long>.Zero;
        Vector<long> over = Vector<long>.Zero;
        Vector<double> max = lowest;
        ref double c = ref MemoryMarshal.GetReference(concentration);
        ref double q = ref MemoryMarshal.GetReference(flow);
        ref double o = ref MemoryMarshal.GetReference(oxygen);
        int i = 0;
        for (; i <= concentration.Length - step; i += step)
        {
            Vector<int> isNormal = Vector.Equals(new Vector<int>(flagInts.Slice(i, step)), normal);
            Vector.Widen(isNormal, out Vector<long> lowMask, out Vector<long> highMask);
            Lane(ref Unsafe.Add(ref c, i), ref Unsafe.Add(ref q, i), ref Unsafe.Add(ref o, i), lowMask, convert, numerator, twentyOne, limits, lowest, ref sum, ref valid, ref over, ref max);
            Lane(ref Unsafe.Add(ref c, i + width), ref Unsafe.Add(ref q, i + width), ref Unsafe.Add(ref o, i + width), highMask, convert, numerator, twentyOne, limits, lowest, ref sum, ref valid, ref over, ref max);
        }

        processed = i;
        double maxValue = double.NaN;
        for (int lane = 0; lane < width; lane++)
        {
            if (max[lane] != double.NegativeInfinity)
            {
                maxValue = double.IsNaN(maxValue) ? max[lane] : Math.Max(maxValue, max[lane]);
            }
        }

        // Masks are all-ones (−1) per counted lane: the negated sums are the counts.
        return new MeasuredAccumulation(Vector.Sum(sum), (int)-Vector.Sum(valid), (int)-Vector.Sum(over), maxValue);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Lane(
        ref double c,
        ref double q,
        ref double o,
        Vector<long> flagMask,
        bool convert,
        Vector<double> numerator,
        Vector<double> twentyOne,
        Vector<double> limits,
        Vector<double> lowest,
        ref Vector<double> sum,
        ref Vector<long> valid,
        ref Vector<long> over,
        ref Vector<double> max)
    {
        Vector<double> concentration = Vector.LoadUnsafe(ref c);
        Vector<double> product = concentration * Vector.LoadUnsafe(ref q);

        // Finite test: x − x is 0 for finite x and NaN for NaN and ±∞.
        Vector<long> counted = flagMask & Vector.Equals(product - product, Vector<double>.Zero);
        sum += Vector.ConditionalSelect(counted, product, Vector<double>.Zero);
        valid += counted;
        Vector<double> compared = convert ? concentration * numerator / (twentyOne - Vector.LoadUnsafe(ref o)) : concentration;
        Vector<long> comparable = counted & Vector.Equals(compared - compared, Vector<double>.Zero);
        max = Vector.Max(max, Vector.ConditionalSelect(comparable, compared, lowest));
        over += comparable & Vector.GreaterThan(compared, limits);
    }

    private static double MaxIgnoringNaN(double a, double b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : Math.Max(a, b);
}
