using System.Globalization;
using System.Reflection;
using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Analytics.EnergyEfficiency;
using Shapotou.Sdk.Analytics.SolidWaste;
using Shapotou.Sdk.Analytics.WasteHeat;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using UnitsNet;

namespace Shapotou.Sdk.Assessment;

/// <summary>
/// The district assessment, the main job of the SDK: what a dataset holds (enterprises by township, the ferroalloy
/// cluster), unit energy against the benchmarks, solid waste and waste heat, the emission inventory with the 2027
/// ceilings and each year's progress, compliance, the P6 checks, tax, CO₂ and performance grades, with every assumption
/// behind them in words.
/// </summary>
/// <remarks>
/// <para>Run it with <see cref="RunAsync"/> over an <see cref="AssessmentSource"/>; write it as the contract's JSON
/// document with <see cref="AssessmentJson"/>. A figure whose inputs the dataset lacks is <see langword="null"/>, never
/// 0, and the input is listed among the missing ones of its section.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class DistrictAssessment
{
    private DistrictAssessment(
        string datasetName,
        bool illustrative,
        string sdkVersion,
        DateOnly catalogueAsOf,
        PlanFigures figures,
        ClusterSummary summary,
        EmissionHistory? reportedEmissions,
        IReadOnlyList<GroupEnergy> energy,
        IReadOnlyList<EnterpriseUtilisation> solidWaste,
        WasteHeatCoverage? wasteHeat,
        Ratio wasteHeatTarget,
        DistrictEmissions emissions,
        IReadOnlyList<string> assumptions)
    {
        DatasetName = datasetName;
        Illustrative = illustrative;
        SdkVersion = sdkVersion;
        CatalogueAsOf = catalogueAsOf;
        Figures = figures;
        Summary = summary;
        ReportedEmissions = reportedEmissions;
        Energy = energy;
        SolidWaste = solidWaste;
        WasteHeat = wasteHeat;
        WasteHeatTarget = wasteHeatTarget;
        Emissions = emissions;
        Assumptions = assumptions;
    }

    /// <summary>Gets the dataset's name (<c>default</c>, or the folder's name).</summary>
    public string DatasetName { get; }

    /// <summary>Gets whether the dataset is synthetic, so that every output must say so.</summary>
    public bool Illustrative { get; }

    /// <summary>Gets the SDK version that computed the assessment.</summary>
    public string SdkVersion { get; }

    /// <summary>Gets the date whose catalogue rows (coefficients, benchmarks, limits, rates) the assessment used.</summary>
    public DateOnly CatalogueAsOf { get; }

    /// <summary>Gets the plan's published figures the assessment refers to (baseline and target years, tables 1-1 and 1-2).</summary>
    public PlanFigures Figures { get; }

    /// <summary>Gets the enterprises by township and the ferroalloy cluster, counted from the dataset.</summary>
    public ClusterSummary Summary { get; }

    /// <summary>Gets the emissions the plan reports for the dataset's district (table 1-2) where the dataset is the
    /// default one, or <see langword="null"/>.</summary>
    public EmissionHistory? ReportedEmissions { get; }

    /// <summary>Gets unit energy per enterprise, year and product, with its benchmark class and limit levels, ordered by
    /// enterprise, year and product.</summary>
    public IReadOnlyList<GroupEnergy> Energy { get; }

    /// <summary>Gets solid-waste utilisation per enterprise and year.</summary>
    public IReadOnlyList<EnterpriseUtilisation> SolidWaste { get; }

    /// <summary>Gets the year of the single-year sections (the ferroalloy cluster, waste heat, the console's titles):
    /// <see cref="AssessmentOptions.Year"/>, or the plan's baseline year (2024) when every year is assessed.</summary>
    public int Year { get; init; }

    /// <summary>Gets the ferroalloy furnaces' waste-heat recovery in <see cref="Year"/>, or <see langword="null"/> without
    /// ferroalloy enterprises.</summary>
    public WasteHeatCoverage? WasteHeat { get; }

    /// <summary>Gets the plan's 2027 target for waste-heat utilisation (catalogue key
    /// <c>plan.target_2027.waste_heat_utilisation</c>).</summary>
    public Ratio WasteHeatTarget { get; }

    /// <summary>Gets the emissions part: inventories, the 2027 ceilings and progress, compliance, P6 checks, tax, CO₂ and grades.</summary>
    public DistrictEmissions Emissions { get; }

    /// <summary>Gets the plausibility checks' warnings on the ledgers and the CEMS hours, by check
    /// (<see cref="PlausibilityCheck"/> order), each with how many values it found and the first of them in table order;
    /// empty when no check found any. No figure depends on them.</summary>
    public IReadOnlyList<PlausibilityWarnings> Warnings { get; private init; } = [];

    /// <summary>Gets every assumption behind the figures, in words, each once.</summary>
    public IReadOnlyList<string> Assumptions { get; }

    /// <summary>Gets the 2027 emission ceilings, or <see langword="null"/> where the 2024 inventory is unknown.</summary>
    public IReadOnlyList<PollutantTarget>? Targets => Emissions.Targets;

    /// <summary>Runs the assessment over a data source.</summary>
    /// <param name="source">The data: a folder of contract tables, a dataset in memory, or the default dataset.</param>
    /// <param name="options">The catalogue, date, year and grading inputs; the defaults when null.</param>
    /// <param name="progress">Receives the tables read and the sections computed, or null.</param>
    /// <param name="cancellationToken">Cancels the assessment.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="DirectoryNotFoundException">A folder source does not exist.</exception>
    /// <exception cref="ShapotouDataException">A table is bad, or a folder holds none of the contract's tables; the
    /// message names the file, column, row group and row.</exception>
    /// <exception cref="OperationCanceledException">The assessment was cancelled.</exception>
    public static async Task<DistrictAssessment> RunAsync(
        AssessmentSource source,
        AssessmentOptions? options = null,
        IProgress<AssessmentProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= AssessmentOptions.Default;
        options.Plausibility.Validate();
        var warnings = new PlausibilityCollector(options.Plausibility.ListedPerCheck);
        var cemsChecks = new CemsPlausibility(options.Plausibility, options.Year, warnings);
        (ClusterDataset data, IReadOnlyList<string> absent, ICemsHourSource? cems, IReadOnlyList<string> notes) =
            await source.LoadAsync(progress, streamCemsHourly: true, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        PlanFigures figures = PlanFigures.LoadEmbedded();
        DateOnly asOf = options.AsOf ?? new DateOnly(figures.BaselineYear, 12, 31);
        long streamed = 0;
        if (cems is not null)
        {
            IReadOnlyList<string> read;
            (data, streamed, read) = await StreamCemsHourlyAsync(data, cems, options, asOf, cemsChecks, progress, cancellationToken).ConfigureAwait(false);
            notes = [.. notes, .. read];
        }
        else if (CemsHours.Of(data) is TableCemsHours table)
        {
            // The same rows, in the same order, as a streamed file feeds the checks chunk by chunk.
            cemsChecks.Add(table.Columns);
        }

        LedgerPlausibility.Check(data, options.Catalogue, options.Year, options.Plausibility, warnings);

        List<string> assumptions = source.Kind switch
        {
            AssessmentSourceKind.Default =>
            [
                "ILLUSTRATIVE data: the default dataset is synthetic at facility level (enterprises, furnaces, ledgers, outlets, CEMS hours), calibrated to the plan's published figures: table 1-1 and P2 exactly, and a 2024 inventory equal to table 1-2. See docs/default-dataset.md for which number comes from the plan and which is assumed.",
                "The plan's ferroalloy output value (5.5 × 10^9 yuan) exceeds Zhenluo's whole table 1-1 value (5.26 × 10^9 yuan); the dataset follows table 1-1.",
            ],
            AssessmentSourceKind.Folder => [$"Dataset read from the folder '{data.Name}'."],
            _ => [$"Dataset '{data.Name}' given in memory."],
        };
        if (absent.Count > 0)
        {
            assumptions.Add($"The folder has no table {string.Join(", ", absent)}: the figures that need {(absent.Count == 1 ? "it" : "them")} are null or absent, never 0.");
        }

        assumptions.AddRange(notes);
        assumptions.AddRange(UnreportedLedgerColumns(data));
        assumptions.AddRange(StandardChoices(data));
        assumptions.Add(options.Plausibility.Describe());

        DistrictAssessment result = Create(
            figures,
            data,
            options,
            asOf,
            source.Kind == AssessmentSourceKind.Default ? figures.EmissionsT : null,
            assumptions,
            progress,
            cancellationToken);
        progress?.Report(new AssessmentProgress(AssessmentStage.Done, null, data.CemsHourly?.RowCount ?? streamed));
        return result.WithWarnings(warnings.Build());
    }

    /// <summary>
    /// Streams a folder's <c>cems_hourly</c> (or the hours derived from its <c>cems_minute</c>) into a summary per outlet and month: the calculators are first run over
    /// placeholders to learn what they will ask (which limits, bases and outlets; it depends on the dimension tables, the
    /// catalogue and the criteria, never on the hours), then the file is read once, row group by row group.
    /// </summary>
    private static async Task<(ClusterDataset Data, long Rows, IReadOnlyList<string> Notes)> StreamCemsHourlyAsync(
        ClusterDataset data,
        ICemsHourSource cems,
        AssessmentOptions options,
        DateOnly asOf,
        CemsPlausibility plausibility,
        IProgress<AssessmentProgress>? progress,
        CancellationToken cancellationToken)
    {
        var questions = new CemsQuestions();
        int[] years = options.Year is { } year && year != EmissionTargets.BaselineYear ? [EmissionTargets.BaselineYear, year] : [EmissionTargets.BaselineYear];
        CemsHours.Attach(data, new CemsQuestions.Recorder(questions, data.Outlets.Select(o => o.OutletId), years));
        _ = DistrictEmissions.Compute(data, options.Catalogue, asOf, options.GradingCriteria, options.EnterpriseFacts, options.Year, options.Tax);

        string[] outletIds = [.. data.Outlets.Select(o => o.OutletId).Distinct(StringComparer.Ordinal)];
        (StreamedCemsHours hours, bool illustrative, long rows, IReadOnlyList<string> notes) = await cems.ReadAsync(questions, outletIds, plausibility, progress, cancellationToken).ConfigureAwait(false);
        if (illustrative && !data.Illustrative)
        {
            data = new ClusterDataset(data.Name, illustrative: true, data.Enterprises, data.Facilities, data.TreatmentFacilities, data.Outlets,
                data.EnergyLedger, data.SolidWasteLedger, data.EmissionFactors, cemsHourly: null, data.AbsentTables);
        }

        CemsHours.Attach(data, hours);
        return (data, rows, notes);
    }

    /// <summary>The choices of standard class and unit behind the outlets' limits and the CEMS values, where the data use them.</summary>
    internal static IEnumerable<string> StandardChoices(ClusterDataset data)
    {
        if (data.Outlets.Any(o => o.Pollutant == Pollutant.So2 && o.Standard?.StartsWith("GB 16297", StringComparison.Ordinal) == true))
        {
            yield return StandardLimits.Gb16297So2Class;
        }

        var ceramicKilns = data.Facilities.Where(f => f.Kind == FacilityKind.CeramicKiln).Select(f => f.FacilityId).ToHashSet(StringComparer.Ordinal);
        if (data.Outlets.Any(o => ceramicKilns.Contains(o.FacilityId) && o.Standard?.StartsWith("GB 9078", StringComparison.Ordinal) == true))
        {
            yield return StandardLimits.Gb9078CeramicKiln;
        }

        if (data.Outlets.Any(o => o.Pollutant == Pollutant.Nh3) || data.Facilities.Any(f => f.Kind == FacilityKind.CementKiln))
        {
            yield return "Ammonia (nh3, ammonia slip) is in mg/m³, the contract's unit and the unit slip is reported in; HJ 212-2017 Table B.2 prints ng/m³ for a21001, an ambient-air unit, so a21001 values received over HJ 212 are taken as mg/m³ (emissions.md, HJ 212 codes).";
        }
    }

    /// <summary>The ledger columns null in every row (a column a file lacks reads so): what needs them is unknown.</summary>
    internal static IEnumerable<string> UnreportedLedgerColumns(ClusterDataset data)
    {
        static IEnumerable<string> Columns<T>(IReadOnlyList<T> rows, string table, params (string Column, Func<T, object?> Value)[] columns)
        {
            if (rows.Count == 0)
            {
                yield break;
            }

            string[] absent = columns.Where(c => rows.All(r => c.Value(r) is null)).Select(c => $"'{c.Column}'").ToArray();
            if (absent.Length > 0)
            {
                yield return $"Table '{table}' has no value in column{(absent.Length == 1 ? string.Empty : "s")} {string.Join(", ", absent)} (absent from the file, or null in every row): the figures that need {(absent.Length == 1 ? "it" : "them")} are unknown, never 0.";
            }
        }

        return Columns(data.EnergyLedger, "energy_ledger",
                ("electricity_purchased", r => r.ElectricityPurchased), ("furnace_electricity", r => r.FurnaceElectricity),
                ("waste_heat_power_generated", r => r.WasteHeatPowerGenerated), ("electricity_exported", r => r.ElectricityExported),
                ("coke", r => r.Coke), ("semi_coke", r => r.SemiCoke), ("coal", r => r.Coal), ("natural_gas", r => r.NaturalGas),
                ("diesel", r => r.Diesel), ("electrode_paste", r => r.ElectrodePaste), ("ore_grade", r => r.OreGrade))
            .Concat(Columns(data.SolidWasteLedger, "solid_waste_ledger",
                ("generated", r => r.Generated), ("utilised", r => r.Utilised), ("utilised_from_storage", r => r.UtilisedFromStorage),
                ("disposed", r => r.Disposed), ("disposed_from_storage", r => r.DisposedFromStorage), ("stored", r => r.Stored), ("dumped", r => r.Dumped)));
    }

    private static DistrictAssessment Create(
        PlanFigures figures,
        ClusterDataset data,
        AssessmentOptions options,
        DateOnly asOf,
        EmissionHistory? reportedEmissions,
        List<string> assumptions,
        IProgress<AssessmentProgress>? progress,
        CancellationToken cancellationToken)
    {
        ReferenceCatalogue catalogue = options.Catalogue;
        int? year = options.Year;
        if (year is { } asked)
        {
            // A year the dataset does not hold is the caller's mistake (a usage error), not a dataset of unknowns.
            int[] held = [.. data.EnergyLedger.Select(r => r.Period.Year)
                .Concat(data.SolidWasteLedger.Select(r => r.Period.Year))
                .Concat(CemsHours.Of(data)?.Years ?? [])
                .Distinct().Order()];
            if (!held.Contains(asked))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Year {asked} is not in dataset '{data.Name}'; expected {(held.Length == 0 ? "a dataset with ledger or CEMS rows" : $"one of {string.Join(", ", held)}")}."));
            }
        }

        int focusYear = year ?? figures.BaselineYear;
        ClusterSummary summary = ClusterSummary.Count(data, focusYear);
        progress?.Report(new AssessmentProgress(AssessmentStage.Emissions, null, 0));
        DistrictEmissions emissions = DistrictEmissions.Compute(data, catalogue, asOf, options.GradingCriteria, options.EnterpriseFacts, year, options.Tax);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<PollutantTarget>? targets = emissions.Targets;
        assumptions.AddRange(emissions.Assumptions.Where(a => !assumptions.Contains(a)));
        progress?.Report(new AssessmentProgress(AssessmentStage.Energy, null, 0));
        int[] years = data.EnergyLedger.Select(r => r.Period.Year).Distinct().Where(y => year is null || y == year).Order().ToArray();
        var energyCalculator = new EnergyCalculator(catalogue);
        var energy = new List<GroupEnergy>();
        foreach (int energyYear in years)
        {
            EnergyAssessment result = energyCalculator.ByEnterprise(data, energyYear, new DateOnly(energyYear, 12, 31));
            energy.AddRange(result.Groups);
            assumptions.AddRange(result.Assumptions.Where(a => !assumptions.Contains(a)));
        }

        if (year is { } only)
        {
            // A year held by some tables only (CEMS hours without ledger rows): each ledger's figures say why they are absent.
            NotAvailable(assumptions, only, "unit energy, the energy classes, the waste-heat power per tonne and the ledger's CO₂", "energy_ledger", data.EnergyLedger.Select(r => r.Period.Year));
            NotAvailable(assumptions, only, "the solid-waste utilisation", "solid_waste_ledger", data.SolidWasteLedger.Select(r => r.Period.Year));
        }

        IReadOnlyList<EnterpriseUtilisation> solidWaste = data.SolidWasteLedger.Select(r => r.Period.Year).Distinct().Where(y => year is null || y == year).Order()
            .SelectMany(year => SolidWasteUtilisation.ByEnterprise(data.SolidWasteLedger, year))
            .OrderBy(u => u.EnterpriseId, StringComparer.Ordinal).ThenBy(u => u.Year)
            .ToArray();
        if (targets is not null)
        {
            assumptions.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"targets_2027_t apply the plan's reduction rates ({string.Join(", ", targets.Select(t => $"{ContractNames.ToName(t.Pollutant)} {t.ReductionRate.Value} %"))}; {targets[0].ReductionRate.Source}) to the dataset's {EmissionTargets.BaselineYear} inventory{(data.Illustrative ? ", which for the default dataset equals table 1-2" : string.Empty)}, rounded to 0.01 t half away from zero."));
        }

        energy.Sort((a, b) => (string.CompareOrdinal(a.GroupId, b.GroupId), a.Year.CompareTo(b.Year), string.CompareOrdinal(a.Product, b.Product)) switch
        {
            (not 0 and var c, _, _) => c,
            (_, not 0 and var c, _) => c,
            (_, _, var c) => c,
        });
        var ferroalloy = data.Enterprises.Where(e => e.IndustryCode == ClusterSummary.FerroalloyIndustryCode).Select(e => e.EnterpriseId).ToHashSet(StringComparer.Ordinal);
        WasteHeatCoverage? wasteHeat = ferroalloy.Count > 0 && !data.AbsentTables.Contains("facilities", StringComparer.Ordinal) ? WasteHeatRecovery.Coverage(data, ferroalloy, focusYear) : null;
        return new DistrictAssessment(data.Name, data.Illustrative, SdkInformationalVersion(), asOf, figures, summary, reportedEmissions, energy, solidWaste, wasteHeat,
            catalogue.Get("plan.target_2027.waste_heat_utilisation", asOf).ToRatio(), emissions, assumptions) { Year = focusYear };
    }

    /// <summary>Adds "Not available for YEAR: what, because TABLE holds …" when the table has no row in the year.</summary>
    private static void NotAvailable(List<string> assumptions, int year, string what, string table, IEnumerable<int> years)
    {
        int[] held = [.. years.Distinct().Order()];
        if (!held.Contains(year))
        {
            assumptions.Add(string.Create(CultureInfo.InvariantCulture,
                $"Not available for {year}: {what}, because {table} holds {(held.Length == 0 ? "none" : string.Join(", ", held))} only."));
        }
    }

    private DistrictAssessment WithWarnings(IReadOnlyList<PlausibilityWarnings> warnings) =>
        new(DatasetName, Illustrative, SdkVersion, CatalogueAsOf, Figures, Summary, ReportedEmissions, Energy, SolidWaste, WasteHeat, WasteHeatTarget, Emissions, Assumptions)
        {
            Year = Year,
            Warnings = warnings,
        };

    private static string SdkInformationalVersion()
    {
        string? version = typeof(ReferenceCatalogue).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return version is null ? "unknown" : version.Split('+')[0];
    }
}
