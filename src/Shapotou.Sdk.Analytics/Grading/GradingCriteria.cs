using Shapotou.Sdk.Model;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Grading;

/// <summary>The category of a grading criterion, after the guide's indicators (docs/grading.md).</summary>
public enum CriterionCategory
{
    /// <summary><c>concentration</c>: a pollutant's hourly concentration against a threshold (排放限值), from <c>cems_hourly</c>.</summary>
    Concentration = 1,

    /// <summary><c>treatment</c>: the treatment technique of a pollutant (污染治理技术), from <c>treatment_facilities</c>.</summary>
    Treatment,

    /// <summary><c>monitoring</c>: CEMS installed on the outlets (监测监控水平), from <c>outlets.cems_installed</c>.</summary>
    Monitoring,

    /// <summary><c>fugitive</c>: fugitive-emission control (无组织排放管理水平), from the enterprise facts.</summary>
    Fugitive,

    /// <summary><c>transport</c>: transport mode and vehicles (运输方式), from the enterprise facts.</summary>
    Transport,
}

/// <summary>How a concentration criterion compares the highest valid hourly value with its threshold.</summary>
public enum ThresholdComparison
{
    /// <summary><c>at_or_below</c>: passes when every valid hour is at or below the threshold (a value at the threshold passes), the permit rule of <see cref="Concentrations.EmissionLimit"/>.</summary>
    AtOrBelow = 1,

    /// <summary><c>below</c>: passes when every valid hour is strictly below the threshold (such as the plan's "小于50").</summary>
    Below,
}

/// <summary>An emergency-reduction measure that goes with a grade, as the guide prints it.</summary>
/// <param name="Grade">The grade.</param>
/// <param name="Text">The measure, in words.</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="Mark">The confidence mark of the source (<c>P</c>, <c>C</c>, <c>S+</c>, <c>S</c> or <c>illustrative</c>).</param>
public sealed record GradeMeasure(PerformanceGrade Grade, string Text, string Source, string Mark);

/// <summary>One row of a criteria table: a requirement an enterprise must meet for a grade.</summary>
/// <remarks>
/// <para>This type is immutable and thread-safe. Rows are made by <see cref="GradingCriteriaJson"/>, which checks them.</para>
/// <para>Fields apply by category: <see cref="FacilityKinds"/> and <see cref="Pollutant"/> to concentration,
/// treatment and monitoring criteria (monitoring without a pollutant covers every outlet row); the threshold fields to
/// concentration criteria; <see cref="TreatmentKinds"/> to treatment criteria; <see cref="Fact"/> and one of
/// <see cref="FactEquals"/>, <see cref="FactAtLeast"/>, <see cref="FactAtMost"/> to fugitive and transport criteria.</para>
/// </remarks>
public sealed record GradingCriterion
{
    internal GradingCriterion()
    {
    }

    /// <summary>Gets the criterion's id, unique in its table, such as <c>cement.a.kiln_nox</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the industry it belongs to.</summary>
    public required string Industry { get; init; }

    /// <summary>Gets the grade it is required for (and, since grades are cumulative, for every better grade).</summary>
    public required PerformanceGrade Grade { get; init; }

    /// <summary>Gets the category.</summary>
    public required CriterionCategory Category { get; init; }

    /// <summary>Gets a description in words, or <see langword="null"/>.</summary>
    public string? Description { get; init; }

    /// <summary>Gets where the criterion comes from: document and section.</summary>
    public required string Source { get; init; }

    /// <summary>Gets the confidence mark of the source: <c>P</c>, <c>C</c>, <c>S+</c>, <c>S</c> or <c>illustrative</c>.</summary>
    public required string Mark { get; init; }

    /// <summary>Gets an assumption the criterion rests on, in words, reported with every result it takes part in; or <see langword="null"/>.</summary>
    public string? Assumption { get; init; }

    /// <summary>Gets the facility kinds whose running facilities the criterion covers (empty for fact criteria).</summary>
    public IReadOnlyList<FacilityKind> FacilityKinds { get; init; } = [];

    /// <summary>Gets the pollutant, or <see langword="null"/> (fact criteria; monitoring of every outlet row).</summary>
    public Pollutant? Pollutant { get; init; }

    /// <summary>Gets the threshold when the table states it (in mg/m³, as the criteria file gives it), or <see langword="null"/>.</summary>
    public MassConcentration? Limit { get; init; }

    /// <summary>Gets the catalogue key of the threshold when it comes from the catalogue, or <see langword="null"/>.</summary>
    public string? LimitKey { get; init; }

    /// <summary>Gets whether the threshold is on the measured basis (otherwise at a reference O₂).</summary>
    public bool MeasuredBasis { get; init; }

    /// <summary>Gets the reference O₂ (by volume, dry; in percent, as the criteria file gives it) when the table states it,
    /// or <see langword="null"/>.</summary>
    public VolumeConcentration? ReferenceOxygen { get; init; }

    /// <summary>Gets the catalogue key of the reference O₂, or <see langword="null"/>.</summary>
    public string? ReferenceOxygenKey { get; init; }

    /// <summary>Gets how the highest hourly value is compared with the threshold.</summary>
    public ThresholdComparison Comparison { get; init; } = ThresholdComparison.AtOrBelow;

    /// <summary>Gets the treatment kinds of which a facility needs at least one for the pollutant.</summary>
    public IReadOnlyList<TreatmentKind> TreatmentKinds { get; init; } = [];

    /// <summary>Gets the enterprise fact judged, or <see langword="null"/>.</summary>
    public string? Fact { get; init; }

    /// <summary>Gets the value a yes/no fact must have, or <see langword="null"/>.</summary>
    public bool? FactEquals { get; init; }

    /// <summary>Gets the least value a numeric fact may have (inclusive), or <see langword="null"/>.</summary>
    public double? FactAtLeast { get; init; }

    /// <summary>Gets the greatest value a numeric fact may have (inclusive), or <see langword="null"/>.</summary>
    public double? FactAtMost { get; init; }

    /// <summary>Gets the unit of a numeric fact in words, such as <c>%</c>, or <see langword="null"/>.</summary>
    public string? FactUnit { get; init; }
}

/// <summary>The grades, measures and criteria of one industry in a criteria table.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record IndustryCriteria
{
    internal IndustryCriteria()
    {
    }

    /// <summary>Gets the industry's name in the table, such as <c>cement</c>.</summary>
    public required string Industry { get; init; }

    /// <summary>Gets the GB/T 4754-2017 classes (<c>enterprises.industry_code</c>) the industry covers.</summary>
    public required IReadOnlyList<string> IndustryCodes { get; init; }

    /// <summary>Gets the grades, best first; the last is the floor, which has no criteria.</summary>
    public required IReadOnlyList<PerformanceGrade> Grades { get; init; }

    /// <summary>Gets where the ladder comes from.</summary>
    public required string Source { get; init; }

    /// <summary>Gets whether the industry's criteria are illustrative rather than sourced.</summary>
    public bool Illustrative { get; init; }

    /// <summary>Gets the label every result of an illustrative industry carries, or <see langword="null"/>.</summary>
    public string? Label { get; init; }

    /// <summary>Gets the requirements the table omits because the references lack them, in words.</summary>
    public IReadOnlyList<string> Omitted { get; init; } = [];

    /// <summary>Gets the emergency measures that go with each grade.</summary>
    public IReadOnlyList<GradeMeasure> Measures { get; init; } = [];

    /// <summary>Gets the criteria, in table order.</summary>
    public required IReadOnlyList<GradingCriterion> Criteria { get; init; }

    /// <summary>Gets the floor grade, given when no better grade is attained.</summary>
    public PerformanceGrade Floor => Grades[^1];
}

/// <summary>A criteria table: per industry, a ladder of grades and the criteria of each.</summary>
/// <remarks>
/// <para>This type is immutable and thread-safe. Tables are read with <see cref="GradingCriteriaJson"/>; the format is in
/// docs/grading.md. Two examples ship embedded: <see cref="CementExample"/> (sourced, with its assumptions stated) and
/// <see cref="FerroalloyIllustrativeExample"/> (illustrative, labelled as such).</para>
/// </remarks>
public sealed record GradingCriteria
{
    internal GradingCriteria(string name, string? description, IReadOnlyList<IndustryCriteria> industries)
    {
        Name = name;
        Description = description;
        Industries = industries;
    }

    /// <summary>Gets the table's name.</summary>
    public string Name { get; }

    /// <summary>Gets the table's description, or <see langword="null"/>.</summary>
    public string? Description { get; }

    /// <summary>Gets the industries.</summary>
    public IReadOnlyList<IndustryCriteria> Industries { get; }

    /// <summary>Reads the embedded cement example: GB 4915-2013 and 2024 ultra-low values from the catalogue, the 2020
    /// guide's cement measures, and what the references lack, each row with its source and mark.</summary>
    /// <returns>The table.</returns>
    public static GradingCriteria CementExample() => GradingCriteriaJson.ReadEmbedded("cement-sourced-example.json");

    /// <summary>Reads the embedded ferroalloy example, whose thresholds are ILLUSTRATIVE (the references lack the
    /// guide's ferroalloy table); every result it grades carries its label.</summary>
    /// <returns>The table.</returns>
    public static GradingCriteria FerroalloyIllustrativeExample() => GradingCriteriaJson.ReadEmbedded("ferroalloy-illustrative-example.json");

    /// <summary>Combines tables into one, such as the cement and ferroalloy examples for a whole cluster.</summary>
    /// <param name="name">The combined table's name.</param>
    /// <param name="tables">The tables.</param>
    /// <returns>The combined table.</returns>
    /// <exception cref="ShapotouDataException">Two tables define the same industry, industry code or criterion id.</exception>
    public static GradingCriteria Combine(string name, params GradingCriteria[] tables)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(tables);
        var industries = new List<IndustryCriteria>();
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (GradingCriteria table in tables)
        {
            ArgumentNullException.ThrowIfNull(table);
            foreach (IndustryCriteria industry in table.Industries)
            {
                if (industries.Any(i => string.Equals(i.Industry, industry.Industry, StringComparison.Ordinal)))
                {
                    throw new ShapotouDataException($"Grading criteria '{table.Name}': industry '{industry.Industry}' is already defined by another table; expected each industry once.");
                }

                foreach (string code in industry.IndustryCodes)
                {
                    if (!codes.TryAdd(code, industry.Industry))
                    {
                        throw new ShapotouDataException($"Grading criteria '{table.Name}': industry code '{code}' of industry '{industry.Industry}' already belongs to industry '{codes[code]}'; expected each code in one industry.");
                    }
                }

                foreach (GradingCriterion criterion in industry.Criteria)
                {
                    if (!ids.TryAdd(criterion.Id, table.Name))
                    {
                        throw new ShapotouDataException($"Grading criteria '{table.Name}': criterion id '{criterion.Id}' already appears in table '{ids[criterion.Id]}'; expected unique ids.");
                    }
                }

                industries.Add(industry);
            }
        }

        return new GradingCriteria(name, null, industries);
    }

    /// <summary>Finds the industry that covers an industry code.</summary>
    /// <param name="industryCode">The GB/T 4754-2017 class.</param>
    /// <returns>The industry, or <see langword="null"/> when no industry covers it.</returns>
    public IndustryCriteria? FindIndustry(string industryCode) =>
        Industries.FirstOrDefault(i => i.IndustryCodes.Contains(industryCode, StringComparer.Ordinal));
}
