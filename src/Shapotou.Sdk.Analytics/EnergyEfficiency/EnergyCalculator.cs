using System.Globalization;
using Shapotou.Sdk.Analytics.Kernels;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Analytics.EnergyEfficiency;

/// <summary>
/// Comprehensive energy (GB/T 2589-2020) of energy-ledger rows and unit product energy per enterprise, year and product,
/// classified against the benchmark edition in force and the limit standards' levels.
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para>Comprehensive energy of a row is <c>Σ carrier × coefficient − electricity exported × coefficient</c> over the
/// carriers crossing the boundary (<see cref="EnergyCarriers"/>), computed column by column with a vectorised kernel.
/// Coefficients come from the catalogue in force on 31 December of the year, or from the caller.</para>
/// <para>NaN policy: an unknown (null) carrier, or a carrier used without a coefficient, makes its row unknown, and
/// every total that contains the row is <see langword="null"/>; the missing coefficient is listed.</para>
/// </remarks>
public sealed class EnergyCalculator
{
    private readonly ReferenceCatalogue _catalogue;
    private readonly EnergyAccountingOptions _options;
    private readonly IReadOnlyDictionary<string, ProductDefinition> _products;

    /// <summary>Initializes a calculator.</summary>
    /// <param name="catalogue">The reference catalogue.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">Equal-value electricity is asked for without its coefficient.</exception>
    public EnergyCalculator(ReferenceCatalogue catalogue, EnergyAccountingOptions? options = null)
    {
        _catalogue = catalogue ?? throw new ArgumentNullException(nameof(catalogue));
        _options = options ?? new EnergyAccountingOptions();
        if (_options.ElectricityValuation == ElectricityValuation.EqualValue && _options.EqualValueElectricity is null)
        {
            throw new ArgumentException("Equal-value electricity needs EqualValueElectricity: the coal rate of thermal power of the year, in kgce/kWh.", nameof(options));
        }

        _products = ProductDefinition.Index(_options.Products);
    }

    /// <summary>Computes the comprehensive energy of each ledger row, in kgce.</summary>
    /// <param name="ledger">The ledger rows.</param>
    /// <param name="asOf">The date whose catalogue coefficients apply.</param>
    /// <returns>The kgce per row (NaN where unknown), the coefficients used and the missing ones.</returns>
    public ComprehensiveEnergy ComputeRows(IReadOnlyList<EnergyLedgerEntry> ledger, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var kgce = new double[ledger.Count];
        var amounts = new double[ledger.Count];
        var used = new List<UsedCoefficient>();
        var missing = new List<string>();
        var byCarrier = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (EnergyCarriers.Carrier carrier in EnergyCarriers.All)
        {
            bool any = false;
            for (int i = 0; i < ledger.Count; i++)
            {
                double value = carrier.Read(ledger[i]) ?? double.NaN;
                amounts[i] = value;
                any |= value != 0;
            }

            if (!any)
            {
                continue; // a carrier nobody uses needs no coefficient
            }

            UsedCoefficient? found = CoefficientOf(carrier.CoefficientCarrier, asOf);
            if (found is null)
            {
                missing.Add(carrier.Column);
                for (int i = 0; i < ledger.Count; i++)
                {
                    if (amounts[i] != 0)
                    {
                        kgce[i] = double.NaN;
                    }
                }

                continue;
            }

            if (!used.Contains(found))
            {
                used.Add(found);
            }

            double perUnit = carrier.Sign * found.Coefficient.Convert(carrier.OneLedgerUnit).KilogramsOfCoalEquivalent;
            EnergyKernels.Accumulate(amounts, perUnit, kgce);
            byCarrier[carrier.Column] = perUnit * System.Numerics.Tensors.TensorPrimitives.Sum<double>(amounts);
        }

        return new ComprehensiveEnergy(kgce, used, missing, byCarrier);
    }

    /// <summary>
    /// Computes unit product energy per enterprise, year and product: output, output on the benchmark basis,
    /// comprehensive energy, unit energy, smelting electricity per tonne, the benchmark class and the levels of the
    /// limit standards, and the gap to the benchmark.
    /// </summary>
    /// <param name="data">The dataset.</param>
    /// <param name="year">The year whose ledger rows are computed.</param>
    /// <param name="asOf">The date whose catalogue values (coefficients, benchmark editions, limit levels) apply; the
    /// assessment passes 31 December of <paramref name="year"/>.</param>
    /// <returns>One <see cref="GroupEnergy"/> per enterprise and product, sorted (ordinal), with the assumptions they depend on.</returns>
    /// <exception cref="ShapotouDataException">A ledger row has a product the options do not know; the message names
    /// the table, column, row and value.</exception>
    public EnergyAssessment ByEnterprise(ClusterDataset data, int year, DateOnly asOf) => ByGroup(data, year, asOf, EnergyGrouping.Enterprise, monthly: false);

    /// <summary>
    /// Computes unit product energy per facility, enterprise or township and product, per year or per month, with the
    /// same classification as <see cref="ByEnterprise"/>.
    /// </summary>
    /// <param name="data">The dataset.</param>
    /// <param name="year">The year whose ledger rows are computed.</param>
    /// <param name="asOf">The date whose catalogue values (coefficients, benchmark editions, limit levels) apply to a
    /// yearly result; a monthly result takes those in force on the month's last day, or on <paramref name="asOf"/> when
    /// that is earlier (with 31 December, January to June 2023 are judged by the 2021 benchmark edition, in force until
    /// 2023-07-03, and July by the 2023 edition, in force from 2023-07-04). The assessment passes 31 December of
    /// <paramref name="year"/>.</param>
    /// <param name="grouping">Whether to group by facility, enterprise or township.</param>
    /// <param name="monthly">Whether to give one result per month instead of one per year.</param>
    /// <returns>The results, sorted by group, month and product (ordinal), with the assumptions they depend on.</returns>
    /// <exception cref="ShapotouDataException">A ledger row has a product the options do not know.</exception>
    public EnergyAssessment ByGroup(ClusterDataset data, int year, DateOnly asOf, EnergyGrouping grouping, bool monthly)
    {
        ArgumentNullException.ThrowIfNull(data);
        Dictionary<string, string> enterpriseOf = data.Facilities.ToDictionary(f => f.FacilityId, f => f.EnterpriseId, StringComparer.Ordinal);
        Dictionary<string, string> townshipOf = data.Enterprises.ToDictionary(e => e.EnterpriseId, e => e.Township, StringComparer.Ordinal);
        string GroupOf(EnergyLedgerEntry row) => grouping switch
        {
            EnergyGrouping.Facility => row.FacilityId,
            EnergyGrouping.Township => townshipOf[enterpriseOf[row.FacilityId]],
            _ => enterpriseOf[row.FacilityId],
        };
        var rowIndex = new List<int>();
        for (int i = 0; i < data.EnergyLedger.Count; i++)
        {
            EnergyLedgerEntry row = data.EnergyLedger[i];
            if (!_products.ContainsKey(row.Product))
            {
                throw new ShapotouDataException(
                    string.Create(CultureInfo.InvariantCulture, $"Table 'energy_ledger', column 'product', row {i}: '{row.Product}' is not a known product; expected one of {string.Join(", ", _products.Keys.Order(StringComparer.Ordinal))}, or add it to EnergyAccountingOptions.Products."));
            }

            if (row.Period.Year == year)
            {
                rowIndex.Add(i);
            }
        }

        EnergyLedgerEntry[] rows = rowIndex.Select(i => data.EnergyLedger[i]).ToArray();
        // Every dated lookup uses the period's own date: asOf for a year, for monthly results the month's last day unless asOf is earlier.
        DateOnly DateOf(int month) => month == 0 ? asOf : MonthDate(year, month, asOf);
        ComprehensiveEnergy energy = monthly ? ComputeByMonth(rows, year, asOf) : ComputeRows(rows, asOf);

        // Group rows by (group, month or 0, product) with an index per row, then sum columns with the scatter-add kernel.
        var keys = new List<(string Group, int Month, string Product)>();
        var keyIndex = new Dictionary<(string, int, string), int>();
        var groups = new int[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            (string, int, string) key = (GroupOf(rows[i]), monthly ? rows[i].Period.Month : 0, rows[i].Product);
            if (!keyIndex.TryGetValue(key, out int g))
            {
                g = keys.Count;
                keyIndex.Add(key, g);
                keys.Add(key);
            }

            groups[i] = g;
        }

        double[] output = SumByGroup(groups, keys.Count, rows.Select(r => r.Output.Tonnes));
        double[] kgce = SumByGroup(groups, keys.Count, energy.RowKilograms);
        double[] furnaceKwh = SumByGroup(groups, keys.Count, rows.Select(r => r.FurnaceElectricity?.KilowattHours ?? double.NaN));
        double[] gradeWeighted = SumByGroup(groups, keys.Count, rows.Select(r => (r.OreGrade?.As(MassFractionUnit.Percent) ?? double.NaN) * r.Output.Tonnes));

        var results = new List<GroupEnergy>(keys.Count);
        var assumptions = new SortedSet<string>(StringComparer.Ordinal);
        for (int g = 0; g < keys.Count; g++)
        {
            ProductDefinition product = _products[keys[g].Product];
            DateOnly periodDate = DateOf(keys[g].Month);
            double basis = output[g] * product.BasisFactor;
            double unit = kgce[g] / basis;
            double? unitEnergy = double.IsFinite(unit) ? unit : null;
            EnergyBenchmark? benchmark = product.BenchmarkProduct is null ? null : _catalogue.FindEnergyBenchmark(product.BenchmarkProduct, periodDate);
            LimitLevel? level = product.ComprehensiveLimitKey is null || unitEnergy is null
                ? null
                : LimitValues.From(_catalogue.GetLimitLevels(product.ComprehensiveLimitKey, periodDate)).Classify(unit);
            double electricityPerTonne = furnaceKwh[g] / basis;
            double grade = gradeWeighted[g] / output[g];
            LimitLevel? electricityLevel = null;
            if (product.ElectricityLimitKey is not null && double.IsFinite(electricityPerTonne))
            {
                LimitValues limits = product.OreGradeProduct is not null
                    ? double.IsFinite(grade) && _catalogue.TryGet($"energy.limit.gb21341.{product.OreGradeProduct}.ore_grade_baseline", periodDate, out _)
                        ? LimitCorrections.Gb21341PrimaryLimit(_catalogue, product.OreGradeProduct, MassFraction.FromPercent(grade), periodDate)
                        : default
                    : LimitValues.From(_catalogue.GetLimitLevels(product.ElectricityLimitKey, periodDate));
                electricityLevel = limits.IndicatorKey is null ? null : limits.Classify(electricityPerTonne);
            }

            if (product.BasisFactor != 1)
            {
                assumptions.Add(product.BasisRule);
            }

            if (benchmark is not null && unitEnergy is not null)
            {
                foreach (ReferenceValue row in new[] { benchmark.Benchmark, benchmark.Baseline }.Where(r => r.Confidence != ReferenceConfidence.Primary))
                {
                    assumptions.Add(string.Create(CultureInfo.InvariantCulture, $"{row.Key} = {row.Value} {row.Unit} is marked {row.ConfidenceMark} ({row.Source})."));
                }
            }

            double? gap = benchmark is not null && unitEnergy is { } u ? u - benchmark.Benchmark.GetValue() : null;
            results.Add(new GroupEnergy(
                grouping,
                keys[g].Group,
                year,
                monthly ? keys[g].Month : null,
                keys[g].Product,
                Mass.FromTonnes(output[g]),
                Mass.FromTonnes(basis),
                double.IsFinite(kgce[g]) ? StandardCoal.FromKilogramsOfCoalEquivalent(kgce[g]) : null,
                unitEnergy is { } perTonne ? EnergyIntensity.FromKilogramsOfCoalEquivalentPerTonne(perTonne) : null,
                double.IsFinite(electricityPerTonne) ? ElectricityIntensity.FromKilowattHoursPerTonne(electricityPerTonne) : null,
                benchmark is null ? null : BenchmarkClassification.Classify(unitEnergy is { } ue ? EnergyIntensity.FromKilogramsOfCoalEquivalentPerTonne(ue) : null, benchmark),
                benchmark,
                level,
                electricityLevel,
                gap is { } gapPerTonne ? EnergyIntensity.FromKilogramsOfCoalEquivalentPerTonne(gapPerTonne) : null,
                gap is { } kgcePerTonne ? StandardCoal.FromTonnesOfCoalEquivalent(kgcePerTonne * basis / 1000) : null));
        }

        foreach (UsedCoefficient used in energy.CoefficientsUsed.Where(c => c.Confidence != ReferenceConfidence.Primary))
        {
            StandardCoalCoefficient c = used.Coefficient;
            string origin = used.Confidence is { } mark ? $"marked {ReferenceValue.ToMark(mark)}" : "supplied by the caller";
            assumptions.Add(string.Create(CultureInfo.InvariantCulture, $"Coefficient of {c.Carrier}: {c.KilogramsOfCoalEquivalentPerCarrierUnit} kgce per {UnitsNet.UnitAbbreviationsCache.Default.GetDefaultAbbreviation(c.CarrierUnit.GetType(), Convert.ToInt32(c.CarrierUnit, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)}, {origin} ({c.Source})."));
        }

        foreach (string carrier in energy.MissingCoefficients)
        {
            assumptions.Add($"No standard-coal coefficient for {carrier}: the references give none; rows that use it have no comprehensive energy until the caller supplies one.");
        }

        results.Sort((a, b) =>
            string.CompareOrdinal(a.GroupId, b.GroupId) is var c && c != 0 ? c
            : (a.Month ?? 0).CompareTo(b.Month ?? 0) is var m && m != 0 ? m
            : string.CompareOrdinal(a.Product, b.Product));
        return new EnergyAssessment(results, [.. assumptions]);
    }

    /// <summary>The date of a month's catalogue values: its last day, or <paramref name="asOf"/> when that is earlier.</summary>
    private static DateOnly MonthDate(int year, int month, DateOnly asOf)
    {
        var end = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return end < asOf ? end : asOf;
    }

    /// <summary>The rows' comprehensive energy with each month's coefficients (those of <see cref="MonthDate"/>).</summary>
    private ComprehensiveEnergy ComputeByMonth(EnergyLedgerEntry[] rows, int year, DateOnly asOf)
    {
        var kgce = new double[rows.Length];
        var used = new List<UsedCoefficient>();
        var missing = new List<string>();
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (IGrouping<int, int> month in Enumerable.Range(0, rows.Length).GroupBy(i => rows[i].Period.Month))
        {
            int[] indices = [.. month];
            ComprehensiveEnergy part = ComputeRows([.. indices.Select(i => rows[i])], MonthDate(year, month.Key, asOf));
            for (int k = 0; k < indices.Length; k++)
            {
                kgce[indices[k]] = part.RowKilograms[k];
            }

            used.AddRange(part.CoefficientsUsed.Where(c => !used.Contains(c)));
            missing.AddRange(part.MissingCoefficients.Where(c => !missing.Contains(c)));
            foreach ((string carrier, double value) in part.CarrierKilograms)
            {
                totals[carrier] = totals.GetValueOrDefault(carrier) + value;
            }
        }

        return new ComprehensiveEnergy(kgce, used, missing, totals);
    }

    private static double[] SumByGroup(int[] groups, int groupCount, IEnumerable<double> values)
    {
        var sums = new double[groupCount];
        EnergyKernels.SumByGroup(groups, values.ToArray(), sums);
        return sums;
    }

    private UsedCoefficient? CoefficientOf(string carrier, DateOnly asOf)
    {
        StandardCoalCoefficient? caller = _options.CallerCoefficients.FirstOrDefault(c => c.Carrier == carrier);
        if (caller is not null)
        {
            return new UsedCoefficient(caller, null);
        }

        if (carrier == "electricity" && _options.ElectricityValuation == ElectricityValuation.EqualValue)
        {
            return new UsedCoefficient(_options.EqualValueElectricity!, null);
        }

        string key = "energy.coefficient." + (carrier == "electricity" ? "electricity.equivalent" : carrier);
        return _catalogue.TryGet(key, asOf, out ReferenceValue? row)
            ? new UsedCoefficient(StandardCoalCoefficient.FromReference(row), row.Confidence)
            : null;
    }
}

/// <summary>The comprehensive energy of ledger rows.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ComprehensiveEnergy
{
    internal ComprehensiveEnergy(
        double[] rowKilograms,
        IReadOnlyList<UsedCoefficient> coefficientsUsed,
        IReadOnlyList<string> missingCoefficients,
        IReadOnlyDictionary<string, double> carrierKilograms)
    {
        RowKilograms = rowKilograms;
        CarrierKilograms = carrierKilograms;
        CoefficientsUsed = coefficientsUsed;
        MissingCoefficients = missingCoefficients;
        RowEnergy = Array.AsReadOnly(rowKilograms.Select(Known).ToArray());
        CarrierTotals = carrierKilograms.ToDictionary(c => c.Key, c => Known(c.Value), StringComparer.Ordinal);
    }

    /// <summary>Gets the comprehensive energy of each row, in kgce.</summary>
    /// <value>One amount per row, in the order given; <see langword="null"/> where a carrier is unknown or lacks a coefficient.</value>
    public IReadOnlyList<StandardCoal?> RowEnergy { get; }

    /// <summary>Gets the coefficients applied, with their sources and confidence.</summary>
    public IReadOnlyList<UsedCoefficient> CoefficientsUsed { get; }

    /// <summary>Gets the carriers used without a coefficient.</summary>
    public IReadOnlyList<string> MissingCoefficients { get; }

    /// <summary>Gets the standard coal of each ledger column over all rows, in kgce.</summary>
    /// <value>Keyed by ledger column (exported electricity negative); <see langword="null"/> where a row is unknown.</value>
    public IReadOnlyDictionary<string, StandardCoal?> CarrierTotals { get; }

    /// <summary>The kgce of each row, NaN where unknown: the column the kernels sum.</summary>
    internal double[] RowKilograms { get; }

    /// <summary>The kgce of each ledger column, NaN where unknown.</summary>
    internal IReadOnlyDictionary<string, double> CarrierKilograms { get; }

    private static StandardCoal? Known(double kilograms) =>
        double.IsFinite(kilograms) ? StandardCoal.FromKilogramsOfCoalEquivalent(kilograms) : null;
}

/// <summary>A coefficient applied by the calculator.</summary>
/// <param name="Coefficient">The coefficient, with its source.</param>
/// <param name="Confidence">The catalogue row's confidence; <see langword="null"/> for a caller-supplied coefficient.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record UsedCoefficient(StandardCoalCoefficient Coefficient, ReferenceConfidence? Confidence);

/// <summary>The level at which unit energy is aggregated.</summary>
public enum EnergyGrouping
{
    /// <summary>Per facility.</summary>
    Facility = 1,

    /// <summary>Per enterprise.</summary>
    Enterprise,

    /// <summary>Per township (of the enterprise that runs the facility).</summary>
    Township,
}

/// <summary>Unit product energy of one facility, enterprise or township, product and period.</summary>
/// <param name="Grouping">The level of <paramref name="GroupId"/>.</param>
/// <param name="GroupId">The facility id, enterprise id or township.</param>
/// <param name="Year">The year.</param>
/// <param name="Month">The month, or <see langword="null"/> for the whole year.</param>
/// <param name="Product">The product code.</param>
/// <param name="Output">Physical output, in tonnes.</param>
/// <param name="OutputBasis">Output on the benchmark's product basis, in tonnes.</param>
/// <param name="ComprehensiveEnergy">Comprehensive energy, in kgce; <see langword="null"/> where unknown.</param>
/// <param name="UnitEnergy">Comprehensive energy ÷ basis output, in kgce/t; <see langword="null"/> where unknown.</param>
/// <param name="SmeltingElectricity">Furnace electricity ÷ basis output, in kWh/t, or <see langword="null"/>.</param>
/// <param name="BenchmarkClass">Against the benchmark edition in force on 31 December of the year, or <see langword="null"/>.</param>
/// <param name="Benchmark">That benchmark pair, or <see langword="null"/>.</param>
/// <param name="Level">The comprehensive-energy level of the limit standard, or <see langword="null"/>.</param>
/// <param name="ElectricityLevel">The electricity level (ore-grade corrected for ferroalloys), or <see langword="null"/>.</param>
/// <param name="GapToBenchmark">Unit energy less the benchmark, in kgce/t, or <see langword="null"/>.</param>
/// <param name="GapToBenchmarkEnergy">That gap times the basis output, in tce, or <see langword="null"/>.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record GroupEnergy(
    EnergyGrouping Grouping,
    string GroupId,
    int Year,
    int? Month,
    string Product,
    Mass Output,
    Mass OutputBasis,
    StandardCoal? ComprehensiveEnergy,
    EnergyIntensity? UnitEnergy,
    ElectricityIntensity? SmeltingElectricity,
    BenchmarkClass? BenchmarkClass,
    EnergyBenchmark? Benchmark,
    LimitLevel? Level,
    LimitLevel? ElectricityLevel,
    EnergyIntensity? GapToBenchmark,
    StandardCoal? GapToBenchmarkEnergy);

/// <summary>Grouped energy results and the assumptions they depend on.</summary>
/// <param name="Groups">One entry per group, period and product.</param>
/// <param name="Assumptions">Every assumed, secondary-source or missing value the results depend on, in words.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record EnergyAssessment(IReadOnlyList<GroupEnergy> Groups, IReadOnlyList<string> Assumptions);
