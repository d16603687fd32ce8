using System.Globalization;
using Shapotou.Sdk.Analytics.Kernels;
using Shapotou.Sdk.Model;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Emissions;

/// <summary>
/// Computes a year's emission inventory of PM, SO₂ and NOx per outlet and month, choosing the method per outlet and
/// pollutant: measured, then mass balance, then factor (Environmental Protection Tax Law, Art. 10), unless overridden.
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para><b>Measured</b> (HJ 212-2017 Annex D, D2.5 formula (33)): Σ c × Q × 1 h over the valid hours, with c the
/// hourly concentration dry at the standard state as measured (never the reference-O₂ value) and Q the dry standard
/// flow. An hour is valid when the flag that applies to the value and the one that applies to the flow are both
/// <c>N</c> (a per-value flag overrides the row's) and both are present. Stopped hours (<c>F</c>) emit nothing; the
/// other hours without valid data are counted and add nothing unless <see cref="EmissionInventoryOptions.Substitution"/>
/// says otherwise. The method applies to an outlet and pollutant with at least one valid or stopped hour in the year (an idle source
/// measured as stopped all year emits zero).</para>
/// <para><b>Mass balance</b> (SO₂ only): Σ carrier × sulfur content × (1 − retained) × M(SO₂)/M(S) × Π(1 − η) per
/// ledger row, with the caller's <see cref="SulfurBalanceInput"/>. It applies when every facility behind the outlet has
/// inputs for every sulfur carrier it uses.</para>
/// <para><b>Factor</b>: Σ activity × factor ÷ 1000 × Π(1 − η) per ledger row, the factor (kg per unit of activity) from
/// <c>emission_factors</c> matched on the enterprise's industry code, the ledger row's product, the facility's
/// <see cref="ProcessKeys">process key</see> and the pollutant; η are the design efficiencies of the facility's
/// treatment facilities for the pollutant. A facility's estimate goes to its outlets for the pollutant, in equal
/// shares when it has several and none of them is measured; when some are measured and some not, the estimate cannot
/// be split and the rest is unknown.</para>
/// <para>A missing factor, sulfur content or ledger value is never guessed: the rows it touches are unknown
/// (<see langword="null"/>) and it is listed by name in <see cref="EmissionInventory.Missing"/>.</para>
/// </remarks>
public sealed class EmissionInventoryCalculator
{
    /// <summary>M(SO₂) ÷ M(S) from the IUPAC 2021 conventional standard atomic weights: S 32.06, O 15.999.</summary>
    public const double SulfurDioxidePerSulfur = (32.06 + (2 * 15.999)) / 32.06;

    /// <summary>The pollutants the inventory covers.</summary>
    public static IReadOnlyList<Pollutant> Pollutants { get; } = [Pollutant.Pm, Pollutant.So2, Pollutant.Nox];

    private const string MeasuredBasis = "HJ 212-2017 Annex D, D2.5 (33): Σ hourly concentration (dry, standard state, as measured) × dry standard flow × 1 h over valid hours";

    private readonly EmissionInventoryOptions _options;

    /// <summary>Initializes a calculator.</summary>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    public EmissionInventoryCalculator(EmissionInventoryOptions? options = null)
    {
        _options = options ?? new EmissionInventoryOptions();
    }

    /// <summary>Computes the inventory of one year.</summary>
    /// <param name="data">The dataset.</param>
    /// <param name="year">The calendar year (CST).</param>
    /// <returns>The inventory.</returns>
    public EmissionInventory Compute(ClusterDataset data, int year)
    {
        ArgumentNullException.ThrowIfNull(data);
        var run = new Run(data, year, _options);
        return run.Execute();
    }

    /// <summary>One computation: the dataset's indexes and what has been found so far.</summary>
    private sealed class Run
    {
        private readonly ClusterDataset _data;
        private readonly int _year;
        private readonly EmissionInventoryOptions _options;
        private readonly Dictionary<string, Facility> _facilities;
        private readonly Dictionary<string, Enterprise> _enterprises;
        private readonly Dictionary<string, List<EnergyLedgerEntry>> _ledger;
        private readonly Dictionary<string, SulfurBalanceInput> _sulfur;
        private readonly Dictionary<(string Outlet, Pollutant Pollutant), EmissionMethod> _overrides;
        private readonly List<string> _missing = [];
        private readonly List<string> _assumptions = [];
        private readonly HashSet<string> _assumed = new(StringComparer.Ordinal);
        private readonly HashSet<EmissionFactor> _factorsNoted = new(ReferenceEqualityComparer.Instance);
        private readonly ILookup<string, TreatmentFacility> _treatment;

        /// <summary>False when the dataset lacks <c>treatment_facilities</c>: what treatment removes is then unknown, not
        /// nothing, so an estimate from a generation factor or a sulfur balance is unknown too.</summary>
        private readonly bool _treatmentKnown;

        public Run(ClusterDataset data, int year, EmissionInventoryOptions options)
        {
            _data = data;
            _year = year;
            _options = options;
            _facilities = data.Facilities.ToDictionary(f => f.FacilityId, StringComparer.Ordinal);
            _enterprises = data.Enterprises.ToDictionary(e => e.EnterpriseId, StringComparer.Ordinal);
            _treatment = TreatmentChain.ByFacility(data.TreatmentFacilities);
            _treatmentKnown = !data.AbsentTables.Contains("treatment_facilities", StringComparer.Ordinal);
            _ledger = data.EnergyLedger.Where(r => r.Period.Year == year)
                .GroupBy(r => r.FacilityId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Period).ThenBy(r => r.Product, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
            _sulfur = new Dictionary<string, SulfurBalanceInput>(StringComparer.Ordinal);
            foreach (SulfurBalanceInput input in options.SulfurBalances)
            {
                if (!_sulfur.TryAdd(input.FacilityId, input))
                {
                    throw new ArgumentException($"Sulfur-balance inputs are given twice for facility '{input.FacilityId}'.", nameof(options));
                }
            }

            _overrides = new Dictionary<(string, Pollutant), EmissionMethod>();
            foreach (MethodOverride o in options.Overrides)
            {
                if (!_overrides.TryAdd((o.OutletId, o.Pollutant), o.Method))
                {
                    throw new ArgumentException($"The method of outlet '{o.OutletId}', pollutant {ContractNames.ToName(o.Pollutant)}, is overridden twice.", nameof(options));
                }
            }
        }

        /// <summary>Notes an assumption once, in the order first met (a factor's note comes once per ledger row).</summary>
        private void Assume(string assumption)
        {
            if (_assumed.Add(assumption))
            {
                _assumptions.Add(assumption);
            }
        }

        public EmissionInventory Execute()
        {
            // outlet, pollutant → facilities behind it; facility, pollutant → its outlets.
            var outletFacilities = new SortedDictionary<(string Outlet, Pollutant Pollutant), SortedSet<string>>(OutletKeyComparer.Instance);
            var facilityOutlets = new Dictionary<(string Facility, Pollutant Pollutant), SortedSet<string>>();
            foreach (Outlet outlet in _data.Outlets.Where(o => Pollutants.Contains(o.Pollutant)))
            {
                Add(outletFacilities, (outlet.OutletId, outlet.Pollutant), outlet.FacilityId);
                Add(facilityOutlets, (outlet.FacilityId, outlet.Pollutant), outlet.OutletId);
            }

            Dictionary<(string Outlet, Pollutant Pollutant), MeasuredOutlet> measured = MeasureAll(outletFacilities.Keys);
            var chosen = new Dictionary<(string Outlet, Pollutant Pollutant), EmissionMethod?>();
            foreach (((string outletId, Pollutant pollutant), SortedSet<string> facilities) in outletFacilities)
            {
                chosen[(outletId, pollutant)] = Choose(outletId, pollutant, facilities, measured);
            }

            var rows = new List<OutletEmission>();
            foreach (((string outletId, Pollutant pollutant), SortedSet<string> facilities) in outletFacilities)
            {
                EmissionMethod? method = chosen[(outletId, pollutant)];
                (string? enterprise, string? township) = Owner(facilities);
                string[] facilityIds = [.. facilities];
                switch (method)
                {
                    case EmissionMethod.Measured:
                        rows.AddRange(MeasuredRows(outletId, pollutant, facilityIds, enterprise, township, measured.GetValueOrDefault((outletId, pollutant))));
                        break;
                    case EmissionMethod.MassBalance:
                    case EmissionMethod.Factor:
                        rows.AddRange(EstimatedRows(outletId, pollutant, facilityIds, enterprise, township, method.Value, facilityOutlets, chosen));
                        break;
                    default:
                        _missing.Add($"Outlet '{outletId}', {ContractNames.ToName(pollutant)}, {_year}: no method has its inputs (no valid or stopped CEMS hours, no sulfur balance, no emission factor); its emission is unknown.");
                        rows.Add(new OutletEmission(outletId, facilityIds, enterprise, township, new DateOnly(_year, 1, 1), pollutant, null, null, null, "no method"));
                        break;
                }
            }

            foreach (Facility facility in _data.Facilities.Where(f => _ledger.ContainsKey(f.FacilityId)).OrderBy(f => f.FacilityId, StringComparer.Ordinal))
            {
                foreach (Pollutant pollutant in Pollutants.Where(p => !facilityOutlets.ContainsKey((facility.FacilityId, p))))
                {
                    _missing.Add($"Facility '{facility.FacilityId}' has energy_ledger rows in {_year} but no outlet row for {ContractNames.ToName(pollutant)}; its {ContractNames.ToName(pollutant)} emission is not in the inventory.");
                }
            }

            rows.Sort((a, b) =>
            {
                int c = string.CompareOrdinal(a.OutletId, b.OutletId);
                c = c != 0 ? c : ((int)a.Pollutant).CompareTo((int)b.Pollutant);
                return c != 0 ? c : a.Period.CompareTo(b.Period);
            });
            return new EmissionInventory(_year, rows, _missing.Distinct().ToArray(), [.. _assumptions]);
        }

        private EmissionMethod? Choose(string outletId, Pollutant pollutant, IReadOnlyCollection<string> facilities, Dictionary<(string, Pollutant), MeasuredOutlet> measured)
        {
            bool hasMeasured = measured.TryGetValue((outletId, pollutant), out MeasuredOutlet? m) && m.ValidOrStoppedHours > 0;
            if (_overrides.TryGetValue((outletId, pollutant), out EmissionMethod forced))
            {
                Assume($"Outlet '{outletId}', {ContractNames.ToName(pollutant)}: method {ContractNames.ToName(forced)} by the caller's override.");
                if (forced == EmissionMethod.Measured && !hasMeasured)
                {
                    _missing.Add($"Outlet '{outletId}', {ContractNames.ToName(pollutant)}, {_year}: the measured method is forced but cems_hourly has no valid or stopped hour for it.");
                }

                return forced;
            }

            if (hasMeasured)
            {
                return EmissionMethod.Measured;
            }

            if (pollutant == Pollutant.So2 && facilities.All(f => HasSulfurInputs(f)))
            {
                return EmissionMethod.MassBalance;
            }

            return facilities.All(f => FactorFor(f, pollutant, report: false) is not null) ? EmissionMethod.Factor : Report(outletId, pollutant, facilities);
        }

        /// <summary>Lists why the factor method is unavailable (by name) and returns no method.</summary>
        private EmissionMethod? Report(string outletId, Pollutant pollutant, IReadOnlyCollection<string> facilities)
        {
            foreach (string facility in facilities)
            {
                _ = FactorFor(facility, pollutant, report: true);
            }

            return null;
        }

        private IEnumerable<OutletEmission> MeasuredRows(string outletId, Pollutant pollutant, string[] facilityIds, string? enterprise, string? township, MeasuredOutlet? measured)
        {
            if (measured is null)
            {
                yield return new OutletEmission(outletId, facilityIds, enterprise, township, new DateOnly(_year, 1, 1), pollutant, null, EmissionMethod.Measured, null, MeasuredBasis);
                yield break;
            }

            for (int month = 1; month <= 12; month++)
            {
                MeasuredMonth m = measured.Months[month - 1];
                if (m.Rows == 0)
                {
                    continue;
                }

                int hoursInMonth = DateTime.DaysInMonth(_year, month) * 24;
                int invalid = m.Rows - m.Valid - m.Stopped;
                int substituted = 0;
                double milligrams = m.ProductSum;
                if (_options.Substitution == SubstitutionPolicy.MonthlyMeanOfValidHours && invalid > 0 && m.Valid > 0)
                {
                    substituted = invalid;
                    milligrams += invalid * (m.ProductSum / m.Valid);
                    Assume("Running hours without valid CEMS data are filled with the mean mass of the valid hours of the same outlet, pollutant and month (the caller's substitution policy; HJ 75's rules are not in the references).");
                }

                var hours = new HourCounts(m.Rows, m.Valid, m.Stopped, invalid, Math.Max(0, hoursInMonth - m.Rows), substituted);
                yield return new OutletEmission(outletId, facilityIds, enterprise, township, new DateOnly(_year, month, 1), pollutant, Mass.FromTonnes(milligrams * 1e-9), EmissionMethod.Measured, hours, MeasuredBasis);
            }
        }

        private IEnumerable<OutletEmission> EstimatedRows(
            string outletId,
            Pollutant pollutant,
            string[] facilityIds,
            string? enterprise,
            string? township,
            EmissionMethod method,
            Dictionary<(string Facility, Pollutant Pollutant), SortedSet<string>> facilityOutlets,
            Dictionary<(string Outlet, Pollutant Pollutant), EmissionMethod?> chosen)
        {
            // month → (tonnes, known)
            var months = new SortedDictionary<int, (double Tonnes, bool Known)>();
            var bases = new SortedSet<string>(StringComparer.Ordinal);
            bool unknownWhole = false;
            foreach (string facilityId in facilityIds)
            {
                SortedSet<string> outlets = facilityOutlets[(facilityId, pollutant)];
                int measuredOutlets = outlets.Count(o => chosen[(o, pollutant)] == EmissionMethod.Measured);
                if (measuredOutlets > 0)
                {
                    _missing.Add($"Facility '{facilityId}', {ContractNames.ToName(pollutant)}: outlet '{outletId}' has no valid CEMS hours while {measuredOutlets} other outlet(s) of the facility are measured; the facility's {ContractNames.ToName(method)} estimate cannot be split between them.");
                    unknownWhole = true;
                    continue;
                }

                double share = 1.0 / outlets.Count;
                if (outlets.Count > 1)
                {
                    Assume($"Facility '{facilityId}' has {outlets.Count} outlets for {ContractNames.ToName(pollutant)}, none measured; its {ContractNames.ToName(method)} estimate is split between them in equal shares.");
                }

                IEnumerable<(int Month, double? Tonnes, string Basis)> estimates = method == EmissionMethod.MassBalance
                    ? MassBalance(facilityId)
                    : Factor(facilityId, pollutant);
                foreach ((int month, double? tonnes, string basis) in estimates)
                {
                    bases.Add(basis);
                    (double sum, bool known) = months.GetValueOrDefault(month, (0, true));
                    months[month] = tonnes is { } t ? (sum + (t * share), known) : (sum, false);
                }
            }

            string joined = string.Join("; ", bases);
            if (unknownWhole || months.Count == 0)
            {
                if (months.Count == 0 && !unknownWhole)
                {
                    _missing.Add($"Outlet '{outletId}', {ContractNames.ToName(pollutant)}: the facilities behind it have no energy_ledger rows in {_year} to estimate from.");
                }

                yield return new OutletEmission(outletId, facilityIds, enterprise, township, new DateOnly(_year, 1, 1), pollutant, null, method, null, joined);
                yield break;
            }

            foreach ((int month, (double tonnes, bool known)) in months)
            {
                yield return new OutletEmission(outletId, facilityIds, enterprise, township, new DateOnly(_year, month, 1), pollutant, known ? Mass.FromTonnes(tonnes) : null, method, null, joined);
            }
        }

        private IEnumerable<(int Month, double? Tonnes, string Basis)> Factor(string facilityId, Pollutant pollutant)
        {
            double? remaining = Remaining(facilityId, pollutant);
            foreach (EnergyLedgerEntry row in _ledger.GetValueOrDefault(facilityId) ?? [])
            {
                EmissionFactor? factor = FactorFor(facilityId, pollutant, report: true, row.Product);
                if (factor is null)
                {
                    yield return (row.Period.Month, null, "no factor");
                    continue;
                }

                if (_factorsNoted.Add(factor))
                {
                    Assume($"Emission factor {factor.Factor.ToString(CultureInfo.InvariantCulture)} kg per {factor.Activity} unit for industry {factor.IndustryCode}, {factor.Product}, {factor.Process}, {factor.Pollutant}: {factor.Source}.");
                }

                ActivityColumns.TryGet(factor.Activity, out Func<EnergyLedgerEntry, double?> read);
                double? activity = read(row);
                if (activity is null)
                {
                    _missing.Add($"energy_ledger of facility '{facilityId}', {row.Period:yyyy-MM}, {row.Product}: '{factor.Activity}' is null; the {ContractNames.ToName(pollutant)} estimate of that month is unknown.");
                    yield return (row.Period.Month, null, factor.Source);
                    continue;
                }

                yield return (row.Period.Month, activity.Value * factor.Factor / 1000 * remaining, factor.Source);
            }
        }

        /// <summary>The share of a pollutant a facility's treatment chain lets through, or null when the dataset has no
        /// <c>treatment_facilities</c> table (named once per facility and pollutant as a missing input).</summary>
        private double? Remaining(string facilityId, Pollutant pollutant)
        {
            if (_treatmentKnown)
            {
                return TreatmentChain.Remaining(_treatment[facilityId], pollutant);
            }

            _missing.Add($"Facility '{facilityId}', {ContractNames.ToName(pollutant)}: the dataset has no table treatment_facilities, so the share its treatment removes is unknown and so is the estimate.");
            return null;
        }

        private IEnumerable<(int Month, double? Tonnes, string Basis)> MassBalance(string facilityId)
        {
            SulfurBalanceInput input = _sulfur[facilityId];
            double? remaining = Remaining(facilityId, Pollutant.So2);
            double released = 1 - input.Retained.DecimalFractions;
            Assume($"SO₂ of facility '{facilityId}' by sulfur balance: sulfur contents and {input.Retained.Percent.ToString(CultureInfo.InvariantCulture)} % retained in product and slag from {input.Source}; M(SO₂)/M(S) = {SulfurDioxidePerSulfur.ToString("0.######", CultureInfo.InvariantCulture)} (IUPAC 2021 conventional atomic weights).");
            foreach (EnergyLedgerEntry row in _ledger.GetValueOrDefault(facilityId) ?? [])
            {
                double sulfurTonnes = 0;
                bool known = true;
                foreach (string carrier in ActivityColumns.SulfurCarriers)
                {
                    ActivityColumns.TryGet(carrier, out Func<EnergyLedgerEntry, double?> read);
                    double? amount = read(row);
                    if (amount is null)
                    {
                        _missing.Add($"energy_ledger of facility '{facilityId}', {row.Period:yyyy-MM}, {row.Product}: '{carrier}' is null; the SO₂ balance of that month is unknown.");
                        known = false;
                        continue;
                    }

                    if (amount.Value != 0)
                    {
                        sulfurTonnes += amount.Value * input.SulfurContent[carrier].DecimalFractions;
                    }
                }

                yield return (row.Period.Month, known ? sulfurTonnes * released * SulfurDioxidePerSulfur * remaining : null, input.Source);
            }
        }

        private bool HasSulfurInputs(string facilityId)
        {
            if (!_sulfur.TryGetValue(facilityId, out SulfurBalanceInput? input))
            {
                return false;
            }

            bool complete = true;
            foreach (string carrier in ActivityColumns.SulfurCarriers)
            {
                bool used = (_ledger.GetValueOrDefault(facilityId) ?? []).Any(r => ActivityColumns.TryGet(carrier, out var read) && read(r) is not (null or 0));
                if (used && !input.SulfurContent.ContainsKey(carrier))
                {
                    complete = false;
                    _missing.Add($"Sulfur balance of facility '{facilityId}': no sulfur content for '{carrier}', which its energy_ledger uses in {_year}; the mass-balance method is not used.");
                }
            }

            return complete;
        }

        private EmissionFactor? FactorFor(string facilityId, Pollutant pollutant, bool report, string? product = null)
        {
            Facility facility = _facilities[facilityId];
            string industry = _enterprises.TryGetValue(facility.EnterpriseId, out Enterprise? e) ? e.IndustryCode : "(unknown enterprise)";
            string process = ProcessKeys.Of(facility);
            string pollutantName = ContractNames.ToName(pollutant);
            IEnumerable<string?> products = product is not null
                ? [product]
                : (_ledger.GetValueOrDefault(facilityId) ?? []).Select(r => (string?)r.Product).Distinct().DefaultIfEmpty(facility.Product);
            EmissionFactor? found = null;
            foreach (string? p in products)
            {
                found = _data.EmissionFactors.FirstOrDefault(f =>
                    f.IndustryCode == industry && f.Product == p && f.Process == process && f.Pollutant == pollutantName);
                if (found is null)
                {
                    if (report)
                    {
                        _missing.Add($"No emission factor in emission_factors for facility '{facilityId}': industry_code {industry}, product {p ?? "(none)"}, process {process}, pollutant {pollutantName}.");
                    }

                    return null;
                }

                if (!ActivityColumns.TryGet(found.Activity, out _))
                {
                    if (report)
                    {
                        _missing.Add($"Emission factor for industry_code {industry}, product {p}, process {process}, pollutant {pollutantName} multiplies '{found.Activity}', which is not an energy_ledger column (expected one of {string.Join(", ", ActivityColumns.Names)}).");
                    }

                    return null;
                }
            }

            return found;
        }

        private (string? Enterprise, string? Township) Owner(IEnumerable<string> facilityIds)
        {
            string[] enterprises = facilityIds.Select(f => _facilities.TryGetValue(f, out Facility? x) ? x.EnterpriseId : null)
                .Where(e => e is not null).Distinct().ToArray()!;
            if (enterprises.Length != 1)
            {
                return (null, null);
            }

            return (enterprises[0], _enterprises.TryGetValue(enterprises[0], out Enterprise? e) ? e.Township : null);
        }

        /// <summary>One pass of the kernel per run of same-outlet, same-month rows of the year, per pollutant.</summary>
        private Dictionary<(string Outlet, Pollutant Pollutant), MeasuredOutlet> MeasureAll(IEnumerable<(string Outlet, Pollutant Pollutant)> wanted)
        {
            var result = new Dictionary<(string, Pollutant), MeasuredOutlet>();
            if (CemsHours.Of(_data) is not { } hours)
            {
                return result;
            }

            var outlets = wanted.Select(w => w.Outlet).ToHashSet(StringComparer.Ordinal);
            IReadOnlyList<CemsRun> runs = hours.Runs(_year);
            foreach (Pollutant pollutant in Pollutants)
            {
                foreach (CemsRun run in runs.Where(r => outlets.Contains(r.OutletId)))
                {
                    if (!result.TryGetValue((run.OutletId, pollutant), out MeasuredOutlet? m))
                    {
                        m = new MeasuredOutlet();
                        result[(run.OutletId, pollutant)] = m;
                    }

                    m.Add(run.Month, hours.Accumulate(run, pollutant, double.NaN, double.PositiveInfinity), run.Rows, run.Stopped);
                }
            }

            return result;
        }

        private static void Add<TKey>(IDictionary<TKey, SortedSet<string>> index, TKey key, string value)
        {
            if (!index.TryGetValue(key, out SortedSet<string>? set))
            {
                set = new SortedSet<string>(StringComparer.Ordinal);
                index[key] = set;
            }

            set.Add(value);
        }
    }

    private sealed class MeasuredOutlet
    {
        public MeasuredMonth[] Months { get; } = new MeasuredMonth[12];

        /// <summary>Gets the hours that say something: valid, or stopped (a stopped source is measured at zero).</summary>
        public int ValidOrStoppedHours { get; private set; }

        public void Add(int month, MeasuredAccumulation a, int rows, int stopped)
        {
            MeasuredMonth m = Months[month - 1];
            Months[month - 1] = new MeasuredMonth(m.ProductSum + a.ProductSum, m.Valid + a.ValidHours, m.Rows + rows, m.Stopped + stopped);
            ValidOrStoppedHours += a.ValidHours + stopped;
        }
    }

    private readonly record struct MeasuredMonth(double ProductSum, int Valid, int Rows, int Stopped);

    private sealed class OutletKeyComparer : IComparer<(string Outlet, Pollutant Pollutant)>
    {
        public static OutletKeyComparer Instance { get; } = new();

        public int Compare((string Outlet, Pollutant Pollutant) x, (string Outlet, Pollutant Pollutant) y)
        {
            int c = string.CompareOrdinal(x.Outlet, y.Outlet);
            return c != 0 ? c : ((int)x.Pollutant).CompareTo((int)y.Pollutant);
        }
    }
}
