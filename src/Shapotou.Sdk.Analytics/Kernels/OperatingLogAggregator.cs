using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
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
internal sealed record OperatingLogCoefficients(
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
internal readonly record struct OperatingLogTotals(
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
/// <c>sum</c>: a NaN input reaches its facility's totals. The vector paths check every facility id before they add a
/// row, the scalar path 8 192 rows at a time, before it adds them. A measured O₂ of 21 % or more is an error, as
/// everywhere in the SDK (the reference-O₂ factor has no finite positive value there); it is checked a block of rows at
/// a time (256 on the vector paths, 8 192 on the scalar path), after the block was added. An aggregator that threw
/// holds partial sums (the blocks before the bad one, and for a bad O₂ that block too) and is to be discarded.</para>
/// <para>An aggregator is not thread-safe: give each thread its own and <see cref="Merge"/> them. The vector paths
/// (512-bit with AVX-512, 256-bit with AVX, 128-bit with SSE2 or Arm64 AdvSimd) compute eight, four or two rows' eight
/// figures in vector lanes, transpose them in registers into rows, and add each row to its facility's line with one,
/// two or four vector adds; they
/// perform the same operations in the same order as the scalar path (<see cref="AddScalar"/>), so all give
/// bit-identical sums.</para>
/// <para>Hand over columns from <c>ColumnBuffers</c> (as <c>ParquetColumnScan</c> does) where you can:
/// separate arrays of one length start at the same offset in a 4 KB page, so a row's values share one first-level
/// cache set and the vector paths take up to a third longer; the results are the same.</para>
/// </remarks>
internal sealed class OperatingLogAggregator
{
    /// <summary>The largest facility id accepted (the dense table would otherwise outgrow memory).</summary>
    public const int MaxFacilityId = (1 << 20) - 1;

    private const int Figures = 8;
    private const int Block = 256;

    // The scalar path takes the rows this many at a time: it checks a chunk's ids, then adds the chunk in two passes
    // while the ids are still in the cache (32 KB). Long enough for the hardware prefetchers to follow each pass's six
    // streams (ids and five columns) without restarting, short enough for the second pass to find the ids still in
    // the cache. Measured against 256 to 32 768: see docs/performance.md.
    private const int Chunk = 8192;

    // How far ahead the scalar passes ask for each stream's data: 64 rows of doubles, eight cache lines. Measured
    // against 32 to 1 024 rows ahead: see docs/performance.md.
    private const int PrefetchBytes = 512;

    private readonly double _ce, _cCoke, _cCoal, _cGas, _oxygenNumerator;

    // The O₂ content of dry air, %, in the reference-O₂ factor's denominator (21 − O₂). A field, not a constant, so
    // the scalar pass keeps it in a register instead of reading the constant from memory every row.
    private readonly double _airOxygenPercent = 21;

    // Each facility's eight sums are one 64-byte cache line: the array is pinned and indexed from the first element
    // at a 64-byte boundary (_offset), so no row's add straddles two lines.
    private double[] _sums;
    private int _offset;
    private long[] _rows = new long[64];

    /// <summary>Initializes an empty aggregator.</summary>
    /// <param name="coefficients">The coefficients.</param>
    public OperatingLogAggregator(OperatingLogCoefficients coefficients)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        Coefficients = coefficients;
        (_ce, _cCoke, _cCoal, _cGas) = (coefficients.ElectricityKgcePerKwh, coefficients.CokeKgcePerTonne, coefficients.CoalKgcePerTonne, coefficients.NaturalGasKgcePerCubicMetre);
        _oxygenNumerator = 21 - coefficients.ReferenceOxygenPercent;
        (_sums, _offset) = AllocateSums(_rows.Length);
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
        Add(facility, electricityKwh, cokeTonnes, coalTonnes, naturalGasCubicMetres, outputTonnes, flueGasCubicMetres, so2, nox, pm, oxygenPercent, firstRow, Vector.IsHardwareAccelerated ? 512 : 0);

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
        Add(facility, electricityKwh, cokeTonnes, coalTonnes, naturalGasCubicMetres, outputTonnes, flueGasCubicMetres, so2, nox, pm, oxygenPercent, firstRow, widestBits: 0);

    /// <summary>Gets the vector widths, in bits, this machine's paths run at: 512, 256 and 128 where accelerated.</summary>
    internal static IReadOnlyList<int> AcceleratedWidths =>
        [.. new[] { (512, Avx512F.IsSupported && Vector512.IsHardwareAccelerated), (256, Avx.IsSupported && Vector256.IsHardwareAccelerated),
            (128, Vector128.IsHardwareAccelerated && (Sse2.IsSupported || AdvSimd.Arm64.IsSupported)) }.Where(w => w.Item2).Select(w => w.Item1)];

    /// <summary>Adds rows on the widest path no wider than <paramref name="widestBits"/> (0: the scalar path), so the tests
    /// run every path in one process instead of one process per runtime setting.</summary>
    internal void Add(
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
        long firstRow,
        int widestBits) =>
        AddRows(facility, electricityKwh, cokeTonnes, coalTonnes, naturalGasCubicMetres, outputTonnes, flueGasCubicMetres, so2, nox, pm, oxygenPercent, firstRow, widestBits);

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
        int length = other._rows.Length * Figures;
        TensorPrimitives.Add(_sums.AsSpan(_offset, length), other._sums.AsSpan(other._offset, length), _sums.AsSpan(_offset, length));
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

            ReadOnlySpan<double> s = _sums.AsSpan(_offset + (f * Figures), Figures);
            totals.Add(new OperatingLogTotals(f, _rows[f], s[0], s[1], s[2] * 1e-6, s[3] * 1e-6, s[4] * 1e-6, s[5] * 1e-6, s[6] * 1e-6, s[7] * 1e-6));
        }

        return totals;
    }

    private void AddRows(
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
        int widestBits)
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

        int done = 0;
        if (widestBits >= 128 && Vector128.IsHardwareAccelerated && (Sse2.IsSupported || AdvSimd.Arm64.IsSupported))
        {
            // The vector paths read all eleven columns in one pass: the ids are checked first, all at once (checked a
            // chunk at a time, they measured the same within the noise). They add the rows of whole vectors.
            EnsureCapacity(HighestFacility(facility, firstRow));
            if (widestBits >= 512 && Avx512F.IsSupported && Vector512.IsHardwareAccelerated)
            {
                done = AddRows512(facility, e, coke, coal, gas, output, flow, so2, nox, pm, o2, firstRow);
            }
            else if (widestBits >= 256 && Avx.IsSupported && Vector256.IsHardwareAccelerated)
            {
                done = AddRows256(facility, e, coke, coal, gas, output, flow, so2, nox, pm, o2, firstRow);
            }
            else
            {
                done = AddRows128(facility, e, coke, coal, gas, output, flow, so2, nox, pm, o2, firstRow);
            }
        }

        // The scalar path, and the vector paths' last rows (fewer than a vector, with the same operations, so the same
        // bits), a chunk at a time: its ids are checked, then still in the cache for both passes. Outside the vector
        // paths' loops: a call inside one costs it its constants in registers (no vector register survives a call).
        for (int start = done; start < n; start += Chunk)
        {
            int end = Math.Min(start + Chunk, n);
            EnsureCapacity(HighestFacility(facility[start..end], firstRow + start));
            if (AddRange(facility, e, coke, coal, gas, output, flow, so2, nox, pm, o2, start, end))
            {
                throw OxygenError(o2, start, end, firstRow);
            }
        }
    }

    /// <summary>The highest of the ids, checked to lie from 0 to <see cref="MaxFacilityId"/>.</summary>
    /// <exception cref="ShapotouDataException">An id lies outside; the message names the first such row.</exception>
    private static int HighestFacility(ReadOnlySpan<int> facility, long firstRow)
    {
        // One pass checks both ends: a negative id read as unsigned exceeds MaxFacilityId.
        uint highest = TensorPrimitives.Max(MemoryMarshal.Cast<int, uint>(facility));
        if (highest > MaxFacilityId)
        {
            int bad = facility.IndexOfAnyExceptInRange(0, MaxFacilityId);
            throw new ShapotouDataException(string.Create(CultureInfo.InvariantCulture,
                $"Table 'operating_log', column 'facility_id', row {firstRow + bad}: expected a facility id from 0 to {MaxFacilityId}, found {facility[bad]}."));
        }

        return (int)highest;
    }

    private static ShapotouDataException OxygenError(ReadOnlySpan<double> o2, int start, int end, long firstRow)
    {
        int bad = start + o2[start..end].IndexOfAnyInRange(21, double.PositiveInfinity);
        return new ShapotouDataException(string.Create(CultureInfo.InvariantCulture,
            $"Table 'operating_log', column 'o2', row {firstRow + bad}: expected an O₂ content below 21 %, found {o2[bad]} (the reference-O₂ factor (21 − O₂ref) ÷ (21 − O₂) has no finite positive value)."));
    }

    /// <summary>
    /// The 256-bit path: one pass computes four rows' eight figures (energy, output, the three masses at measured O₂
    /// and at the reference O₂) in vector lanes, transposes them in registers into four rows of eight, a facility's
    /// cache line each, and adds each row to its facility with two 256-bit loads, adds and stores. The operations and
    /// their order are the scalar path's, so the bits are the same.
    /// </summary>
    /// <returns>The rows added, those of whole vectors; the caller adds the rest on the scalar path.</returns>
    private int AddRows256(
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
        long firstRow)
    {
        var ce = Vector256.Create(_ce);
        var cCoke = Vector256.Create(_cCoke);
        var cCoal = Vector256.Create(_cCoal);
        var cGas = Vector256.Create(_cGas);
        var numerator = Vector256.Create(_oxygenNumerator);
        var twentyOne = Vector256.Create(21.0);
        ref double sums = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_sums), _offset);
        ref long counts = ref MemoryMarshal.GetArrayDataReference(_rows);
        ref int id = ref MemoryMarshal.GetReference(facility);
        // Blocks of whole vectors; Add takes the last rows. The loop holds no call, so its constants stay in registers.
        int n = facility.Length, whole = n - (n % 4);
        for (int start = 0; start < whole; start += Block)
        {
            int end = Math.Min(start + Block, whole);
            Vector256<double> tooHigh = Vector256<double>.Zero;
            for (int i = start; i < end; i += 4)
            {
                nuint r = (nuint)i;
                Vector256<double> energy = (Load(e, r) * ce) + (Load(coke, r) * cCoke) + (Load(coal, r) * cCoal) + (Load(gas, r) * cGas);
                Vector256<double> q = Load(flow, r);
                Vector256<double> mSo2 = Load(so2, r) * q, mNox = Load(nox, r) * q, mPm = Load(pm, r) * q;
                Vector256<double> oxygen = Load(o2, r);
                tooHigh |= Vector256.GreaterThanOrEqual(oxygen, twentyOne);
                Vector256<double> scale = numerator / (twentyOne - oxygen);

                // Lanes are rows: transpose each 4 × 4 quarter so that a vector is one row's four figures.
                Vector256<double> a02 = Avx.UnpackLow(energy, Load(output, r)), a13 = Avx.UnpackHigh(energy, Load(output, r));
                Vector256<double> b02 = Avx.UnpackLow(mSo2, mNox), b13 = Avx.UnpackHigh(mSo2, mNox);
                Vector256<double> c02 = Avx.UnpackLow(mPm, mSo2 * scale), c13 = Avx.UnpackHigh(mPm, mSo2 * scale);
                Vector256<double> d02 = Avx.UnpackLow(mNox * scale, mPm * scale), d13 = Avx.UnpackHigh(mNox * scale, mPm * scale);
                AddRow(ref sums, ref counts, Unsafe.Add(ref id, i), Avx.Permute2x128(a02, b02, 0x20), Avx.Permute2x128(c02, d02, 0x20));
                AddRow(ref sums, ref counts, Unsafe.Add(ref id, i + 1), Avx.Permute2x128(a13, b13, 0x20), Avx.Permute2x128(c13, d13, 0x20));
                AddRow(ref sums, ref counts, Unsafe.Add(ref id, i + 2), Avx.Permute2x128(a02, b02, 0x31), Avx.Permute2x128(c02, d02, 0x31));
                AddRow(ref sums, ref counts, Unsafe.Add(ref id, i + 3), Avx.Permute2x128(a13, b13, 0x31), Avx.Permute2x128(c13, d13, 0x31));
            }

            if (tooHigh != Vector256<double>.Zero)
            {
                throw OxygenError(o2, start, end, firstRow);
            }
        }

        return whole;
    }

    /// <summary>
    /// The 512-bit path (AVX-512): as <see cref="AddRows256"/>, eight rows at a time; an 8 × 8 transpose in registers
    /// makes each row's eight figures one vector, added to its facility's line with one 512-bit load, add and store.
    /// </summary>
    /// <returns>The rows added, those of whole vectors; the caller adds the rest on the scalar path.</returns>
    private int AddRows512(
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
        long firstRow)
    {
        var ce = Vector512.Create(_ce);
        var cCoke = Vector512.Create(_cCoke);
        var cCoal = Vector512.Create(_cCoal);
        var cGas = Vector512.Create(_cGas);
        var numerator = Vector512.Create(_oxygenNumerator);
        var twentyOne = Vector512.Create(21.0);
        ref double sums = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_sums), _offset);
        ref long counts = ref MemoryMarshal.GetArrayDataReference(_rows);
        ref int id = ref MemoryMarshal.GetReference(facility);
        // Blocks of whole vectors; Add takes the last rows. The loop holds no call, so its constants stay in registers.
        int n = facility.Length, whole = n - (n % 8);
        for (int start = 0; start < whole; start += Block)
        {
            int end = Math.Min(start + Block, whole);
            Vector512<double> tooHigh = Vector512<double>.Zero;
            for (int i = start; i < end; i += 8)
            {
                nuint r = (nuint)i;
                Vector512<double> energy = (Load512(e, r) * ce) + (Load512(coke, r) * cCoke) + (Load512(coal, r) * cCoal) + (Load512(gas, r) * cGas);
                Vector512<double> q = Load512(flow, r);
                Vector512<double> mSo2 = Load512(so2, r) * q, mNox = Load512(nox, r) * q, mPm = Load512(pm, r) * q;
                Vector512<double> oxygen = Load512(o2, r);
                tooHigh |= Vector512.GreaterThanOrEqual(oxygen, twentyOne);
                Vector512<double> scale = numerator / (twentyOne - oxygen);

                // Lanes are rows: pairs of figures per row (unpack), then 128-bit lanes gathered in two steps.
                Vector512<double> output8 = Load512(output, r), rSo2 = mSo2 * scale, rNox = mNox * scale, rPm = mPm * scale;
                Vector512<double> t0 = Avx512F.UnpackLow(energy, output8), t1 = Avx512F.UnpackHigh(energy, output8);
                Vector512<double> t2 = Avx512F.UnpackLow(mSo2, mNox), t3 = Avx512F.UnpackHigh(mSo2, mNox);
                Vector512<double> t4 = Avx512F.UnpackLow(mPm, rSo2), t5 = Avx512F.UnpackHigh(mPm, rSo2);
                Vector512<double> t6 = Avx512F.UnpackLow(rNox, rPm), t7 = Avx512F.UnpackHigh(rNox, rPm);
                Vector512<double> u0 = Avx512F.Shuffle4x128(t0, t2, 0x88), u1 = Avx512F.Shuffle4x128(t0, t2, 0xDD);
                Vector512<double> u2 = Avx512F.Shuffle4x128(t4, t6, 0x88), u3 = Avx512F.Shuffle4x128(t4, t6, 0xDD);
                Vector512<double> v0 = Avx512F.Shuffle4x128(t1, t3, 0x88), v1 = Avx512F.Shuffle4x128(t1, t3, 0xDD);
                Vector512<double> v2 = Avx512F.Shuffle4x128(t5, t7, 0x88), v3 = Avx512F.Shuffle4x128(t5, t7, 0xDD);
                AddRow(ref sums, ref counts, Unsafe.Add(ref id, i), Avx512F.Shuffle4x128(u0, u2, 0x88));
                AddRow(ref sums, ref counts, Unsafe.Add(ref id, i + 1), Avx512F.Shuffle4x128(v0, v2, 0x88));
                AddRow(ref sums, ref counts, Unsafe.Add(ref id, i + 2), Avx512F.Shuffle4x128(u1, u3, 0x88));
                AddRow(ref sums, ref counts, Unsafe.Add(ref id, i + 3), Avx512F.Shuffle4x128(v1, v3, 0x88));
                AddRow(ref sums, ref counts, Unsafe.Add(ref id, i + 4), Avx512F.Shuffle4x128(u0, u2, 0xDD));
                AddRow(ref sums, ref counts, Unsafe.Add(ref id, i + 5), Avx512F.Shuffle4x128(v0, v2, 0xDD));
                AddRow(ref sums, ref counts, Unsafe.Add(ref id, i + 6), Avx512F.Shuffle4x128(u1, u3, 0xDD));
                AddRow(ref sums, ref counts, Unsafe.Add(ref id, i + 7), Avx512F.Shuffle4x128(v1, v3, 0xDD));
            }

            if (tooHigh != Vector512<double>.Zero)
            {
                throw OxygenError(o2, start, end, firstRow);
            }
        }

        return whole;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Load512(ReadOnlySpan<double> values, nuint index) => Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(values), index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow(ref double sums, ref long counts, int facility, Vector512<double> row)
    {
        ref double s = ref Unsafe.Add(ref sums, facility * Figures);
        Vector512.StoreUnsafe(Vector512.LoadUnsafe(ref s) + row, ref s);
        Unsafe.Add(ref counts, facility)++;
    }

    /// <summary>
    /// The 128-bit path (SSE2 or Arm64 AdvSimd): as <see cref="AddRows256"/>, two rows at a time, each row's line of
    /// eight added with four 128-bit loads, adds and stores.
    /// </summary>
    /// <returns>The rows added, those of whole vectors; the caller adds the rest on the scalar path.</returns>
    private int AddRows128(
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
        long firstRow)
    {
        var ce = Vector128.Create(_ce);
        var cCoke = Vector128.Create(_cCoke);
        var cCoal = Vector128.Create(_cCoal);
        var cGas = Vector128.Create(_cGas);
        var numerator = Vector128.Create(_oxygenNumerator);
        var twentyOne = Vector128.Create(21.0);
        ref double sums = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_sums), _offset);
        ref long counts = ref MemoryMarshal.GetArrayDataReference(_rows);
        ref int id = ref MemoryMarshal.GetReference(facility);
        // Blocks of whole vectors; Add takes the last rows. The loop holds no call, so its constants stay in registers.
        int n = facility.Length, whole = n - (n % 2);
        for (int start = 0; start < whole; start += Block)
        {
            int end = Math.Min(start + Block, whole);
            Vector128<double> tooHigh = Vector128<double>.Zero;
            for (int i = start; i < end; i += 2)
            {
                nuint r = (nuint)i;
                Vector128<double> energy = (Load128(e, r) * ce) + (Load128(coke, r) * cCoke) + (Load128(coal, r) * cCoal) + (Load128(gas, r) * cGas);
                Vector128<double> q = Load128(flow, r);
                Vector128<double> mSo2 = Load128(so2, r) * q, mNox = Load128(nox, r) * q, mPm = Load128(pm, r) * q;
                Vector128<double> oxygen = Load128(o2, r);
                tooHigh |= Vector128.GreaterThanOrEqual(oxygen, twentyOne);
                Vector128<double> scale = numerator / (twentyOne - oxygen);
                (Vector128<double> a0, Vector128<double> a1) = Zip(energy, Load128(output, r));
                (Vector128<double> b0, Vector128<double> b1) = Zip(mSo2, mNox);
                (Vector128<double> c0, Vector128<double> c1) = Zip(mPm, mSo2 * scale);
                (Vector128<double> d0, Vector128<double> d1) = Zip(mNox * scale, mPm * scale);
                AddRow(ref sums, ref counts, Unsafe.Add(ref id, i), a0, b0, c0, d0);
                AddRow(ref sums, ref counts, Unsafe.Add(ref id, i + 1), a1, b1, c1, d1);
            }

            if (tooHigh != Vector128<double>.Zero)
            {
                throw OxygenError(o2, start, end, firstRow);
            }
        }

        return whole;
    }

    /// <summary>
    /// Adds rows <paramref name="from"/> to <paramref name="to"/> one at a time, in scalar arithmetic: the scalar path,
    /// the reference the vector paths equal bit for bit (a chunk of 8 192 rows), and the vector paths' rows after their
    /// last whole vector. Per row the energy (four carriers in order), the O₂ factor, the three masses and their
    /// reference-O₂ values, added to the facility's line of sums, in two passes of six streams: one scalar pass over
    /// eleven columns needs more references than the registers hold, and six streams stay within a first-level cache
    /// set's eight ways even when the caller's columns share sets.
    /// </summary>
    /// <returns>Whether an O₂ of 21 % or more was among the rows (the caller throws).</returns>
    private bool AddRange(
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
        int from,
        int to)
    {
        // The spans were checked to one length in Add: index through references, without a bounds check per load.
        // Two passes over the rows, each reading six streams (ids and five columns) and with few enough references to
        // stay in registers: energy, output and the row count first, then the masses. Each sum still receives its rows
        // in row order, so the bits are unchanged. Rows go in groups of eight, one cache line of each double column,
        // and each group first asks for the line PrefetchBytes ahead in each of its pass's streams. Indices are native
        // integers and each sum is read and written as sums[line + k] = sums[line + k] + x, so both accesses fold into one
        // addressing mode: a compound assignment through a ref, or a helper taking the index, makes the JIT compute
        // each figure's address into a register first, one instruction more per figure.
        ref double sums = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_sums), _offset);
        ref long counts = ref MemoryMarshal.GetArrayDataReference(_rows);
        ref int id = ref MemoryMarshal.GetReference(facility);
        (double ce, double cCoke, double cCoal, double cGas) = (_ce, _cCoke, _cCoal, _cGas);
        ref double re = ref MemoryMarshal.GetReference(e), rCoke = ref MemoryMarshal.GetReference(coke), rCoal = ref MemoryMarshal.GetReference(coal), rGas = ref MemoryMarshal.GetReference(gas);
        ref double ro = ref MemoryMarshal.GetReference(output);
        for (nint i = from; i < to;)
        {
            Prefetch(ref Unsafe.Add(ref id, i), ref Unsafe.Add(ref re, i), ref Unsafe.Add(ref rCoke, i), ref Unsafe.Add(ref rCoal, i), ref Unsafe.Add(ref rGas, i), ref Unsafe.Add(ref ro, i));
            for (nint group = Math.Min(i + 8, to); i < group; i++)
            {
                nint f = Unsafe.Add(ref id, i), line = f * Figures;
                Unsafe.Add(ref sums, line) = Unsafe.Add(ref sums, line) + ((Unsafe.Add(ref re, i) * ce) + (Unsafe.Add(ref rCoke, i) * cCoke) + (Unsafe.Add(ref rCoal, i) * cCoal) + (Unsafe.Add(ref rGas, i) * cGas));
                Unsafe.Add(ref sums, line + 1) = Unsafe.Add(ref sums, line + 1) + Unsafe.Add(ref ro, i);
                Unsafe.Add(ref counts, f)++;
            }
        }

        // The O₂ of air and the numerator come from fields, so the JIT holds them in registers for the whole pass.
        (double numerator, double air) = (_oxygenNumerator, _airOxygenPercent);
        ref double rq = ref MemoryMarshal.GetReference(flow), rOxygen = ref MemoryMarshal.GetReference(o2);
        ref double cSo2 = ref MemoryMarshal.GetReference(so2), cNox = ref MemoryMarshal.GetReference(nox), cPm = ref MemoryMarshal.GetReference(pm);
        bool bad = false;
        for (nint i = from; i < to;)
        {
            Prefetch(ref Unsafe.Add(ref id, i), ref Unsafe.Add(ref rq, i), ref Unsafe.Add(ref rOxygen, i), ref Unsafe.Add(ref cSo2, i), ref Unsafe.Add(ref cNox, i), ref Unsafe.Add(ref cPm, i));
            for (nint group = Math.Min(i + 8, to); i < group; i++)
            {
                double oxygen = Unsafe.Add(ref rOxygen, i);
                double flue = Unsafe.Add(ref rq, i), scale = numerator / (air - oxygen);
                double mSo2 = Unsafe.Add(ref cSo2, i) * flue, mNox = Unsafe.Add(ref cNox, i) * flue, mPm = Unsafe.Add(ref cPm, i) * flue;
                nint line = (nint)Unsafe.Add(ref id, i) * Figures;
                Unsafe.Add(ref sums, line + 2) = Unsafe.Add(ref sums, line + 2) + mSo2;
                Unsafe.Add(ref sums, line + 3) = Unsafe.Add(ref sums, line + 3) + mNox;
                Unsafe.Add(ref sums, line + 4) = Unsafe.Add(ref sums, line + 4) + mPm;
                Unsafe.Add(ref sums, line + 5) = Unsafe.Add(ref sums, line + 5) + (mSo2 * scale);
                Unsafe.Add(ref sums, line + 6) = Unsafe.Add(ref sums, line + 6) + (mNox * scale);
                Unsafe.Add(ref sums, line + 7) = Unsafe.Add(ref sums, line + 7) + (mPm * scale);
                if (oxygen >= air)
                {
                    bad = true;
                }
            }
        }

        return bad;
    }

    /// <summary>
    /// Asks for the cache line <see cref="PrefetchBytes"/> past each of a pass's six stream positions (x86 only: .NET has
    /// no prefetch on Arm64). A hint: it never faults, even past a column's end, and a stale address after the collector
    /// moved a column costs nothing but the hint.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch<T>(ref T a, ref double b, ref double c, ref double d, ref double e, ref double f)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0((byte*)Unsafe.AsPointer(ref a) + PrefetchBytes);
            Sse.Prefetch0((byte*)Unsafe.AsPointer(ref b) + PrefetchBytes);
            Sse.Prefetch0((byte*)Unsafe.AsPointer(ref c) + PrefetchBytes);
            Sse.Prefetch0((byte*)Unsafe.AsPointer(ref d) + PrefetchBytes);
            Sse.Prefetch0((byte*)Unsafe.AsPointer(ref e) + PrefetchBytes);
            Sse.Prefetch0((byte*)Unsafe.AsPointer(ref f) + PrefetchBytes);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<double> First, Vector128<double> Second) Zip(Vector128<double> a, Vector128<double> b) =>
        Sse2.IsSupported ? (Sse2.UnpackLow(a, b), Sse2.UnpackHigh(a, b)) : (AdvSimd.Arm64.ZipLow(a, b), AdvSimd.Arm64.ZipHigh(a, b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> Load128(ReadOnlySpan<double> values, nuint index) => Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(values), index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow(ref double sums, ref long counts, int facility, Vector128<double> a, Vector128<double> b, Vector128<double> c, Vector128<double> d)
    {
        ref double s = ref Unsafe.Add(ref sums, facility * Figures);
        Vector128.StoreUnsafe(Vector128.LoadUnsafe(ref s) + a, ref s);
        Vector128.StoreUnsafe(Vector128.LoadUnsafe(ref s, 2) + b, ref s, 2);
        Vector128.StoreUnsafe(Vector128.LoadUnsafe(ref s, 4) + c, ref s, 4);
        Vector128.StoreUnsafe(Vector128.LoadUnsafe(ref s, 6) + d, ref s, 6);
        Unsafe.Add(ref counts, facility)++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow(ref double sums, ref long counts, int facility, Vector256<double> low, Vector256<double> high)
    {
        ref double s = ref Unsafe.Add(ref sums, facility * Figures);
        Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref s) + low, ref s);
        Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref s, 4) + high, ref s, 4);
        Unsafe.Add(ref counts, facility)++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Load(ReadOnlySpan<double> values, nuint index) => Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(values), index);


    private void EnsureCapacity(int maxId)
    {
        if (maxId < _rows.Length)
        {
            return;
        }

        int length = (int)Math.Min((long)MaxFacilityId + 1, Math.Max((long)maxId + 1, 2L * _rows.Length));
        (double[] sums, int offset) = AllocateSums(length);
        _sums.AsSpan(_offset, _rows.Length * Figures).CopyTo(sums.AsSpan(offset));
        (_sums, _offset) = (sums, offset);
        Array.Resize(ref _rows, length);
    }

    /// <summary>A pinned, zeroed array for <paramref name="facilities"/> lines of sums, and the first line's index.</summary>
    private static (double[] Sums, int Offset) AllocateSums(int facilities)
    {
        double[] sums = GC.AllocateArray<double>((facilities * Figures) + Figures, pinned: true);
        GCHandle handle = GCHandle.Alloc(sums, GCHandleType.Pinned);
        long address = handle.AddrOfPinnedObject();
        handle.Free();
        return (sums, (int)((64 - (address % 64)) % 64 / sizeof(double)));
    }
}
