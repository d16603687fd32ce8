using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Numerics.Tensors;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Analytics.Kernels;

/// <summary>
/// The coefficients of the operating-log reduction: GB/T 2589-2020 energy coefficients into kgce and the reference O₂
/// of the mass conversion.
/// </summary>
/// <param name="ElectricityKgcePerKwh">kgce per kWh of electricity (equivalent value).</param>
/// <param name="CokeKgcePerTonne">kgce per tonne of coke.</param>
/// <param name="CoalKgcePerTonne">kgce per tonne of raw coal.</param>
/// <param name="NaturalGasKgcePerCubicMetre">kgce per m³ of natural gas.</param>
/// <param name="ReferenceOxygenPercent">The reference O₂ in % (dry).</param>
public sealed record OperatingLogCoefficients(
    double ElectricityKgcePerKwh,
    double CokeKgcePerTonne,
    double CoalKgcePerTonne,
    double NaturalGasKgcePerCubicMetre,
    double ReferenceOxygenPercent)
{
    /// <summary>
    /// The coefficients from a catalogue: <c>energy.coefficient.electricity.equivalent</c>, <c>.coke</c>,
    /// <c>.raw_coal</c>, <c>.natural_gas</c> (GB/T 2589-2020 Annex A; per-kg values scaled to tonnes) and the reference
    /// O₂ under <paramref name="referenceOxygenKey"/> (the coal-fired boiler's 9 % of GB 13271-2014 Table 6 by default).
    /// </summary>
    /// <param name="catalogue">The catalogue.</param>
    /// <param name="asOf">The date the values must be in force on.</param>
    /// <param name="referenceOxygenKey">The catalogue key of the reference O₂.</param>
    /// <returns>The coefficients.</returns>
    public static OperatingLogCoefficients FromCatalogue(ReferenceCatalogue catalogue, DateOnly asOf, string referenceOxygenKey = "emissions.reference_o2.coal_boiler")
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return new(
            catalogue.Get("energy.coefficient.electricity.equivalent", asOf).GetValue(),
            catalogue.Get("energy.coefficient.coke", asOf).GetValue() * 1000,
            catalogue.Get("energy.coefficient.raw_coal", asOf).GetValue() * 1000,
            catalogue.Get("energy.coefficient.natural_gas", asOf).GetValue(),
            catalogue.Get(referenceOxygenKey, asOf).GetValue());
    }
}

/// <summary>One facility's totals over an operating log.</summary>
/// <param name="FacilityId">The facility id.</param>
/// <param name="Rows">Rows (hours) of the facility.</param>
/// <param name="EnergyKgce">Σ (electricity × c_e + coke × c_coke + coal × c_coal + gas × c_gas), kgce.</param>
/// <param name="OutputTonnes">Σ output, t.</param>
/// <param name="So2Kg">Σ SO₂ × flue gas at measured O₂, kg.</param>
/// <param name="NoxKg">Σ NOx × flue gas at measured O₂, kg.</param>
/// <param name="PmKg">Σ PM × flue gas at measured O₂, kg.</param>
/// <param name="So2ReferenceKg">Σ SO₂ × flue gas × (21 − O₂ref) ÷ (21 − O₂), kg.</param>
/// <param name="NoxReferenceKg">Σ NOx × flue gas × (21 − O₂ref) ÷ (21 − O₂), kg.</param>
/// <param name="PmReferenceKg">Σ PM × flue gas × (21 − O₂ref) ÷ (21 − O₂), kg.</param>
public readonly record struct OperatingLogTotals(
    int FacilityId,
    long Rows,
    double EnergyKgce,
    double OutputTonnes,
    double So2Kg,
    double NoxKg,
    double PmKg,
    double So2ReferenceKg,
    double NoxReferenceKg,
    double PmReferenceKg)
{
    /// <summary>Gets the unit energy, kgce per tonne of output (NaN without output).</summary>
    public double UnitEnergyKgcePerTonne => OutputTonnes == 0 ? double.NaN : EnergyKgce / OutputTonnes;
}

/// <summary>
/// The fused kernel of an hourly operating log: per row, the energy in kgce (four carriers × GB/T 2589 coefficients),
/// the SO₂, NOx and PM masses at measured O₂ (c × flue gas, HJ 212-2017 Annex D formula (33) per hour) and at the
/// reference O₂ (× (21 − O₂ref) ÷ (21 − O₂), GB 13271-2014 formula (1)), summed by facility in the same pass.
/// </summary>
/// <remarks>
/// <para>Facility ids are int32 from 0 to <see cref="MaxFacilityId"/> and index a dense table of sums (eight doubles,
/// one cache line, per facility), so the group-by is a scatter-add without hashing. Sums are plain sums, as SQL's
/// <c>sum</c>: a NaN input reaches its facility's totals. A measured O₂ of 21 % or more is an error, as everywhere in
/// the SDK (the reference-O₂ factor has no finite positive value there); it is found a block of 1 024 rows at a time,
/// after earlier blocks were added, so an aggregator that threw holds partial sums and is to be discarded.</para>
/// <para>An aggregator is not thread-safe: give each thread its own and <see cref="Merge"/> them. The vector path
/// (<see cref="Vector{T}"/>, every width the runtime offers) computes the energy and the O₂ factor a block of rows at a
/// time and then scatters; it adds the same terms in the same order as the scalar path, so both give bit-identical
/// sums.</para>
/// </remarks>
public sealed class OperatingLogAggregator
{
    /// <summary>The largest facility id accepted (the dense table would otherwise outgrow memory).</summary>
    public const int MaxFacilityId = (1 << 20) - 1;

    private const int Figures = 8;
    private const int Block = 1024;

    private readonly double _ce, _cCoke, _cCoal, _cGas, _oxygenNumerator;
    private double[] _sums = new double[Figures * 64];
    private long[] _rows = new long[64];

    /// <summary>Initializes an empty aggregator.</summary>
    /// <param name="coefficients">The coefficients.</param>
    public OperatingLogAggregator(OperatingLogCoefficients coefficients)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        Coefficients = coefficients;
        (_ce, _cCoke, _cCoal, _cGas) = (coefficients.ElectricityKgcePerKwh, coefficients.CokeKgcePerTonne, coefficients.CoalKgcePerTonne, coefficients.NaturalGasKgcePerCubicMetre);
        _oxygenNumerator = 21 - coefficients.ReferenceOxygenPercent;
    }

    /// <summary>Gets the coefficients.</summary>
    public OperatingLogCoefficients Coefficients { get; }

    /// <summary>Adds a run of rows (the columns of one row group), on the vector path where the hardware has one.</summary>
    /// <param name="facility">Facility ids, 0 to <see cref="MaxFacilityId"/>.</param>
    /// <param name="electricityKwh">Electricity, kWh.</param>
    /// <param name="cokeTonnes">Coke, t.</param>
    /// <param name="coalTonnes">Raw coal, t.</param>
    /// <param name="naturalGasCubicMetres">Natural gas, m³.</param>
    /// <param name="outputTonnes">Output, t.</param>
    /// <param name="flueGasCubicMetres">Dry standard flue gas of the hour, Nm³.</param>
    /// <param name="so2">SO₂, mg/m³ at measured O₂.</param>
    /// <param name="nox">NOx, mg/m³ at measured O₂.</param>
    /// <param name="pm">PM, mg/m³ at measured O₂.</param>
    /// <param name="oxygenPercent">O₂, % dry.</param>
    /// <param name="firstRow">The first row's number in its table, for messages.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ShapotouDataException">A facility id is negative or above <see cref="MaxFacilityId"/>.</exception>
    public void Add(
        ReadOnlySpan<int> facility,
        ReadOnlySpan<double> electricityKwh,
        ReadOnlySpan<double> cokeTonnes,
        ReadOnlySpan<double> coalTonnes,
        ReadOnlySpan<double> naturalGasCubicMetres,
        ReadOnlySpan<double> outputTonnes,
        ReadOnlySpan<double> flueGasCubicMetres,
        ReadOnlySpan<double> so2,
        ReadOnlySpan<double> nox,
        ReadOnlySpan<double> pm,
        ReadOnlySpan<double> oxygenPercent,
        long firstRow = 0) =>
        Add(facility, electricityKwh, cokeTonnes, coalTonnes, naturalGasCubicMetres, outputTonnes, flueGasCubicMetres, so2, nox, pm, oxygenPercent, firstRow, Vector.IsHardwareAccelerated);

    /// <summary>The scalar path of <see cref="Add(ReadOnlySpan{int}, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, long)"/>: one row at a time.</summary>
    /// <param name="facility">Facility ids.</param>
    /// <param name="electricityKwh">Electricity, kWh.</param>
    /// <param name="cokeTonnes">Coke, t.</param>
    /// <param name="coalTonnes">Raw coal, t.</param>
    /// <param name="naturalGasCubicMetres">Natural gas, m³.</param>
    /// <param name="outputTonnes">Output, t.</param>
    /// <param name="flueGasCubicMetres">Flue gas, Nm³.</param>
    /// <param name="so2">SO₂, mg/m³.</param>
    /// <param name="nox">NOx, mg/m³.</param>
    /// <param name="pm">PM, mg/m³.</param>
    /// <param name="oxygenPercent">O₂, %.</param>
    /// <param name="firstRow">The first row's number, for messages.</param>
    public void AddScalar(
        ReadOnlySpan<int> facility,
        ReadOnlySpan<double> electricityKwh,
        ReadOnlySpan<double> cokeTonnes,
        ReadOnlySpan<double> coalTonnes,
        ReadOnlySpan<double> naturalGasCubicMetres,
        ReadOnlySpan<double> outputTonnes,
        ReadOnlySpan<double> flueGasCubicMetres,
        ReadOnlySpan<double> so2,
        ReadOnlySpan<double> nox,
        ReadOnlySpan<double> pm,
        ReadOnlySpan<double> oxygenPercent,
        long firstRow = 0) =>
        Add(facility, electricityKwh, cokeTonnes, coalTonnes, naturalGasCubicMetres, outputTonnes, flueGasCubicMetres, so2, nox, pm, oxygenPercent, firstRow, vector: false);

    /// <summary>Adds another aggregator's sums (of the same coefficients) to this one's.</summary>
    /// <param name="other">The other aggregator.</param>
    public void Merge(OperatingLogAggregator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Coefficients != Coefficients)
        {
            throw new ArgumentException("The aggregators were built with different coefficients.", nameof(other));
        }

        EnsureCapacity(other._rows.Length - 1);
        TensorPrimitives.Add(_sums.AsSpan(0, other._sums.Length), other._sums, _sums.AsSpan(0, other._sums.Length));
        TensorPrimitives.Add(_rows.AsSpan(0, other._rows.Length), other._rows, _rows.AsSpan(0, other._rows.Length));
    }

    /// <summary>The totals of every facility with at least one row, by ascending id; masses in kg (mg × 10⁻⁶).</summary>
    /// <returns>The totals.</returns>
    public IReadOnlyList<OperatingLogTotals> Totals()
    {
        var totals = new List<OperatingLogTotals>();
        for (int f = 0; f < _rows.Length; f++)
        {
            if (_rows[f] == 0)
            {
                continue;
            }

            ReadOnlySpan<double> s = _sums.AsSpan(f * Figures, Figures);
            totals.Add(new OperatingLogTotals(f, _rows[f], s[0], s[1], s[2] * 1e-6, s[3] * 1e-6, s[4] * 1e-6, s[5] * 1e-6, s[6] * 1e-6, s[7] * 1e-6));
        }

        return totals;
    }

    private void Add(
        ReadOnlySpan<int> facility,
        ReadOnlySpan<double> e,
        ReadOnlySpan<double> coke,
        ReadOnlySpan<double> coal,
        ReadOnlySpan<double> gas,
        ReadOnlySpan<double> output,
        ReadOnlySpan<double> flow,
        ReadOnlySpan<double> so2,
        ReadOnlySpan<double> nox,
        ReadOnlySpan<double> pm,
        ReadOnlySpan<double> o2,
        long firstRow,
        bool vector)
    {
        int n = facility.Length;
        if (e.Length != n || coke.Length != n || coal.Length != n || gas.Length != n || output.Length != n || flow.Length != n
            || so2.Length != n || nox.Length != n || pm.Length != n || o2.Length != n)
        {
            throw new ArgumentException("The facility and value spans must have the same length.", nameof(facility));
        }

        if (n == 0)
        {
            return;
        }

        int min = TensorPrimitives.Min(facility), max = TensorPrimitives.Max(facility);
        if (min < 0 || max > MaxFacilityId)
        {
            int bad = min < 0 ? facility.IndexOf(min) : facility.IndexOf(max);
            throw new ShapotouDataException(string.Create(CultureInfo.InvariantCulture,
                $"Table 'operating_log', column 'facility_id', row {firstRow + bad}: expected a facility id from 0 to {MaxFacilityId}, found {facility[bad]}."));
        }

        EnsureCapacity(max);
        Span<double> energy = stackalloc double[Block];
        Span<double> factor = stackalloc double[Block];
        for (int start = 0; start < n; start += Block)
        {
            int count = Math.Min(Block, n - start);
            int end = start + count;
            bool tooHigh = false;
            if (vector)
            {
                tooHigh = Prepare(e[start..end], coke[start..end], coal[start..end], gas[start..end], o2[start..end], energy, factor);
            }
            else
            {
                for (int i = 0; i < count; i++)
                {
                    int r = start + i;
                    energy[i] = Energy(e[r], coke[r], coal[r], gas[r]);
                    factor[i] = _oxygenNumerator / (21 - o2[r]);
                    tooHigh |= o2[r] >= 21;
                }
            }

            if (tooHigh)
            {
                int bad = start + o2[start..end].IndexOfAnyInRange(21, double.PositiveInfinity);
                throw new ShapotouDataException(string.Create(CultureInfo.InvariantCulture,
                    $"Table 'operating_log', column 'o2', row {firstRow + bad}: expected an O₂ content below 21 %, found {o2[bad]} (the reference-O₂ factor (21 − O₂ref) ÷ (21 − O₂) has no finite positive value)."));
            }

            if (vector && Vector256.IsHardwareAccelerated)
            {
                ScatterVector256(facility[start..end], energy, output[start..end], flow[start..end], so2[start..end], nox[start..end], pm[start..end], factor);
            }
            else
            {
                Scatter(facility[start..end], energy, output[start..end], flow[start..end], so2[start..end], nox[start..end], pm[start..end], factor);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Energy(double e, double coke, double coal, double gas) => (e * _ce) + (coke * _cCoke) + (coal * _cCoal) + (gas * _cGas);

    /// <summary>Energy and O₂ factor of a block, a vector at a time (the same operations, in the same order, as the scalar path).</summary>
    /// <returns>Whether an O₂ of the block is 21 % or more.</returns>
    private bool Prepare(ReadOnlySpan<double> e, ReadOnlySpan<double> coke, ReadOnlySpan<double> coal, ReadOnlySpan<double> gas, ReadOnlySpan<double> o2, Span<double> energy, Span<double> factor)
    {
        int count = e.Length;
        int width = Vector<double>.Count;
        var ce = new Vector<double>(_ce);
        var cCoke = new Vector<double>(_cCoke);
        var cCoal = new Vector<double>(_cCoal);
        var cGas = new Vector<double>(_cGas);
        var numerator = new Vector<double>(_oxygenNumerator);
        var twentyOne = new Vector<double>(21);
        Vector<long> tooHigh = Vector<long>.Zero;
        int i = 0;
        for (; i <= count - width; i += width)
        {
            Vector<double> sum = (new Vector<double>(e[i..]) * ce) + (new Vector<double>(coke[i..]) * cCoke) + (new Vector<double>(coal[i..]) * cCoal) + (new Vector<double>(gas[i..]) * cGas);
            sum.CopyTo(energy[i..]);
            var oxygen = new Vector<double>(o2[i..]);
            tooHigh |= Vector.GreaterThanOrEqual(oxygen, twentyOne);
            (numerator / (twentyOne - oxygen)).CopyTo(factor[i..]);
        }

        bool bad = tooHigh != Vector<long>.Zero;
        for (; i < count; i++)
        {
            energy[i] = Energy(e[i], coke[i], coal[i], gas[i]);
            factor[i] = _oxygenNumerator / (21 - o2[i]);
            bad |= o2[i] >= 21;
        }

        return bad;
    }

    /// <summary>The group-sum: each row's eight figures added to its facility's cache line of sums.</summary>
    private void Scatter(ReadOnlySpan<int> facility, ReadOnlySpan<double> energy, ReadOnlySpan<double> output, ReadOnlySpan<double> flow, ReadOnlySpan<double> so2, ReadOnlySpan<double> nox, ReadOnlySpan<double> pm, ReadOnlySpan<double> factor)
    {
        // The spans were checked to one length in Add: index through references, without a bounds check per load.
        ref double sums = ref MemoryMarshal.GetArrayDataReference(_sums);
        ref long rows = ref MemoryMarshal.GetArrayDataReference(_rows);
        ref int id = ref MemoryMarshal.GetReference(facility);
        ref double e = ref MemoryMarshal.GetReference(energy), o = ref MemoryMarshal.GetReference(output), q = ref MemoryMarshal.GetReference(flow);
        ref double cSo2 = ref MemoryMarshal.GetReference(so2), cNox = ref MemoryMarshal.GetReference(nox), cPm = ref MemoryMarshal.GetReference(pm);
        ref double k = ref MemoryMarshal.GetReference(factor);
        int count = facility.Length;
        for (int i = 0; i < count; i++)
        {
            int f = Unsafe.Add(ref id, i);
            ref double s = ref Unsafe.Add(ref sums, f * Figures);
            double flue = Unsafe.Add(ref q, i), scale = Unsafe.Add(ref k, i);
            double mSo2 = Unsafe.Add(ref cSo2, i) * flue, mNox = Unsafe.Add(ref cNox, i) * flue, mPm = Unsafe.Add(ref cPm, i) * flue;
            s += Unsafe.Add(ref e, i);
            Unsafe.Add(ref s, 1) += Unsafe.Add(ref o, i);
            Unsafe.Add(ref s, 2) += mSo2;
            Unsafe.Add(ref s, 3) += mNox;
            Unsafe.Add(ref s, 4) += mPm;
            Unsafe.Add(ref s, 5) += mSo2 * scale;
            Unsafe.Add(ref s, 6) += mNox * scale;
            Unsafe.Add(ref s, 7) += mPm * scale;
            Unsafe.Add(ref rows, f)++;
        }
    }

    /// <summary>
    /// The group-sum with two 256-bit adds a row: the row's eight figures (each computed as in <see cref="Scatter"/>,
    /// the reference masses as measured mass × 1 or × factor, exact) added to the facility's sums lane by lane, which
    /// rounds as the scalar adds do. Three stores a row instead of nine.
    /// </summary>
    private void ScatterVector256(ReadOnlySpan<int> facility, ReadOnlySpan<double> energy, ReadOnlySpan<double> output, ReadOnlySpan<double> flow, ReadOnlySpan<double> so2, ReadOnlySpan<double> nox, ReadOnlySpan<double> pm, ReadOnlySpan<double> factor)
    {
        ref double sums = ref MemoryMarshal.GetArrayDataReference(_sums);
        ref long rows = ref MemoryMarshal.GetArrayDataReference(_rows);
        ref int id = ref MemoryMarshal.GetReference(facility);
        ref double e = ref MemoryMarshal.GetReference(energy), o = ref MemoryMarshal.GetReference(output), q = ref MemoryMarshal.GetReference(flow);
        ref double cSo2 = ref MemoryMarshal.GetReference(so2), cNox = ref MemoryMarshal.GetReference(nox), cPm = ref MemoryMarshal.GetReference(pm);
        ref double k = ref MemoryMarshal.GetReference(factor);
        int count = facility.Length;
        for (int i = 0; i < count; i++)
        {
            int f = Unsafe.Add(ref id, i);
            ref double s = ref Unsafe.Add(ref sums, f * Figures);
            double flue = Unsafe.Add(ref q, i), scale = Unsafe.Add(ref k, i);
            double mSo2 = Unsafe.Add(ref cSo2, i) * flue, mNox = Unsafe.Add(ref cNox, i) * flue, mPm = Unsafe.Add(ref cPm, i) * flue;
            Vector256<double> low = Vector256.Create(Unsafe.Add(ref e, i), Unsafe.Add(ref o, i), mSo2, mNox);
            Vector256<double> high = Vector256.Create(mPm, mSo2, mNox, mPm) * Vector256.Create(1, scale, scale, scale);
            Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref s) + low, ref s);
            Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref s, 4) + high, ref s, 4);
            Unsafe.Add(ref rows, f)++;
        }
    }

    private void EnsureCapacity(int maxId)
    {
        if (maxId < _rows.Length)
        {
            return;
        }

        int length = (int)Math.Min((long)MaxFacilityId + 1, Math.Max((long)maxId + 1, 2L * _rows.Length));
        Array.Resize(ref _rows, length);
        Array.Resize(ref _sums, length * Figures);
    }
}
