using System.Globalization;
using System.Text.Json;
using Shapotou.Sdk.Internal;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Grading;

/// <summary>Reads criteria tables from JSON (the format is in docs/grading.md).</summary>
/// <remarks>
/// <para>A table is an object with <c>name</c>, <c>description</c>, <c>industries</c> (each with its ladder of grades,
/// codes, source, label, omissions and measures) and <c>criteria</c> (one row per requirement). Every field is checked;
/// an unknown field, or a field that does not apply to the row's category, is an error so that a misspelt field is never
/// silently dropped.</para>
/// </remarks>
public static class GradingCriteriaJson
{
    private const string ResourcePrefix = "Shapotou.Sdk.Analytics.Grading.Criteria.";

    private static readonly string[] s_tableFields = ["name", "description", "industries", "criteria"];
    private static readonly string[] s_industryFields = ["industry", "industry_codes", "grades", "source", "illustrative", "label", "omitted", "measures"];
    private static readonly string[] s_measureFields = ["grade", "text", "source", "mark"];
    private static readonly string[] s_commonFields = ["id", "industry", "grade", "category", "description", "source", "mark", "assumption"];
    private static readonly string[] s_concentrationFields = ["facility_kinds", "pollutant", "limit_mg_m3", "limit_key", "basis", "reference_o2_pct", "reference_o2_key", "comparison"];
    private static readonly string[] s_treatmentFields = ["facility_kinds", "pollutant", "treatment_any_of"];
    private static readonly string[] s_monitoringFields = ["facility_kinds", "pollutant"];
    private static readonly string[] s_factFields = ["fact", "equals", "at_least", "at_most", "unit"];
    private static readonly string[] s_marks = ["P", "C", "S+", "S", "illustrative"];
    private static readonly string[] s_categories = ["concentration", "treatment", "monitoring", "fugitive", "transport"];
    private static readonly Pollutant[] s_cemsPollutants = [Pollutant.Pm, Pollutant.So2, Pollutant.Nox];

    /// <summary>Reads a table from a UTF-8 JSON stream.</summary>
    /// <param name="utf8Json">The JSON.</param>
    /// <param name="sourceName">The file name used in error messages.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ShapotouDataException">The JSON is malformed, or a row is; the message names the file, the
    /// array and row number (1-based), the row's id, the field, and the expected and actual value.</exception>
    public static GradingCriteria Read(Stream utf8Json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(sourceName);
        string file = $"Grading criteria '{sourceName}'";
        JsonDocument document = Internal.JsonInput.Parse(utf8Json, file);

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ShapotouDataException($"{file}: the root ($) is {StrictJson.Kind(root)}; expected an object with name, industries and criteria.");
            }

            CheckFields(root, s_tableFields, file, "$");
            string name = RequiredString(root, "name", file);
            string? description = OptionalString(root, "description", file);
            var industries = new List<IndustryCriteria>();
            int number = 0;
            foreach (JsonElement element in RequiredArray(root, "industries", file))
            {
                number++;
                industries.Add(ReadIndustry(element, string.Create(CultureInfo.InvariantCulture, $"{file}, industries row {number}"), StrictJson.Path("$.industries", number - 1), industries));
            }

            var criteria = new Dictionary<string, List<GradingCriterion>>(StringComparer.Ordinal);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            number = 0;
            foreach (JsonElement element in RequiredArray(root, "criteria", file))
            {
                number++;
                GradingCriterion criterion = ReadCriterion(element, string.Create(CultureInfo.InvariantCulture, $"{file}, criteria row {number}"), StrictJson.Path("$.criteria", number - 1), industries, ids);
                if (!criteria.TryGetValue(criterion.Industry, out List<GradingCriterion>? list))
                {
                    criteria[criterion.Industry] = list = [];
                }

                list.Add(criterion);
            }

            return new GradingCriteria(
                name,
                description,
                [.. industries.Select(i => i with { Criteria = criteria.TryGetValue(i.Industry, out List<GradingCriterion>? rows) ? rows : [] })]);
        }
    }

    /// <summary>Reads a table from a UTF-8 JSON file.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ShapotouDataException">The content is malformed.</exception>
    public static GradingCriteria ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using FileStream stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path));
    }

    internal static GradingCriteria ReadEmbedded(string fileName)
    {
        using Stream stream = typeof(GradingCriteriaJson).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException($"The embedded criteria table '{fileName}' is missing from the assembly.");
        return Read(stream, fileName);
    }

    private static IndustryCriteria ReadIndustry(JsonElement element, string where, string path, List<IndustryCriteria> earlier)
    {
        StrictJson.RequireObject(element, where, path);
        string industry = RequiredString(element, "industry", where);
        where += $" (industry '{industry}')";
        CheckFields(element, s_industryFields, where, path);
        if (earlier.Any(i => string.Equals(i.Industry, industry, StringComparison.Ordinal)))
        {
            throw new ShapotouDataException($"{where}: field 'industry' repeats an earlier industry; expected each industry once.");
        }

        var codes = new List<string>();
        foreach (JsonElement code in RequiredArray(element, "industry_codes", where))
        {
            string? text = code.ValueKind == JsonValueKind.String ? code.GetString() : null;
            if (text is null || text.Length != 4 || !text.All(char.IsAsciiDigit))
            {
                throw new ShapotouDataException($"{where}: field 'industry_codes' holds {Show(code)}; expected GB/T 4754-2017 classes of four digits, such as \"3011\".");
            }

            if (earlier.Any(i => i.IndustryCodes.Contains(text, StringComparer.Ordinal)) || codes.Contains(text, StringComparer.Ordinal))
            {
                throw new ShapotouDataException($"{where}: field 'industry_codes' holds '{text}' twice (here or in an earlier industry); expected each code in one industry.");
            }

            codes.Add(text);
        }

        if (codes.Count == 0)
        {
            throw new ShapotouDataException($"{where}: field 'industry_codes' is empty; expected at least one GB/T 4754-2017 class.");
        }

        var grades = new List<PerformanceGrade>();
        foreach (JsonElement g in RequiredArray(element, "grades", where))
        {
            string? text = g.ValueKind == JsonValueKind.String ? g.GetString() : null;
            if (!PerformanceGrades.TryParse(text, out PerformanceGrade grade))
            {
                throw new ShapotouDataException($"{where}: field 'grades' holds {Show(g)}; expected grades among {string.Join(", ", PerformanceGrades.Names)}.");
            }

            if (grades.Count > 0 && grade <= grades[^1])
            {
                throw new ShapotouDataException($"{where}: field 'grades' lists '{PerformanceGrades.ToName(grade)}' after '{PerformanceGrades.ToName(grades[^1])}'; expected distinct grades, best first ({string.Join(", ", PerformanceGrades.Names)}).");
            }

            grades.Add(grade);
        }

        if (grades.Count < 2)
        {
            throw new ShapotouDataException($"{where}: field 'grades' has {grades.Count} grade(s); expected at least two, best first, the last being the floor.");
        }

        string source = RequiredString(element, "source", where);
        bool illustrative = OptionalBool(element, "illustrative", where) ?? false;
        string? label = OptionalString(element, "label", where);
        if (illustrative && label is null)
        {
            throw new ShapotouDataException($"{where}: field 'label' is missing; an illustrative industry must carry a label that every result shows.");
        }

        var omitted = new List<string>();
        if (element.TryGetProperty("omitted", out JsonElement omittedElement) && omittedElement.ValueKind != JsonValueKind.Null)
        {
            foreach (JsonElement item in ArrayOf(omittedElement, "omitted", where))
            {
                omitted.Add(item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString())
                    ? item.GetString()!
                    : throw new ShapotouDataException($"{where}: field 'omitted' holds {Show(item)}; expected sentences."));
            }
        }

        var measures = new List<GradeMeasure>();
        if (element.TryGetProperty("measures", out JsonElement measuresElement) && measuresElement.ValueKind != JsonValueKind.Null)
        {
            int number = 0;
            foreach (JsonElement item in ArrayOf(measuresElement, "measures", where))
            {
                number++;
                string at = string.Create(CultureInfo.InvariantCulture, $"{where}, measures row {number}");
                string itemPath = StrictJson.Path(StrictJson.Path(path, "measures"), number - 1);
                StrictJson.RequireObject(item, at, itemPath);
                CheckFields(item, s_measureFields, at, itemPath);
                PerformanceGrade grade = Grade(item, at, grades);
                measures.Add(new GradeMeasure(grade, RequiredString(item, "text", at), RequiredString(item, "source", at), Mark(item, at)));
            }
        }

        return new IndustryCriteria
        {
            Industry = industry,
            IndustryCodes = codes,
            Grades = grades,
            Source = source,
            Illustrative = illustrative,
            Label = label,
            Omitted = omitted,
            Measures = measures,
            Criteria = [],
        };
    }

    private static GradingCriterion ReadCriterion(JsonElement element, string where, string path, List<IndustryCriteria> industries, HashSet<string> ids)
    {
        StrictJson.RequireObject(element, where, path);
        string id = RequiredString(element, "id", where);
        where += $" (id '{id}')";
        if (!ids.Add(id))
        {
            throw new ShapotouDataException($"{where}: field 'id' repeats an earlier row; expected unique ids.");
        }

        string categoryName = RequiredString(element, "category", where);
        int categoryIndex = Array.IndexOf(s_categories, categoryName);
        if (categoryIndex < 0)
        {
            throw new ShapotouDataException($"{where}: field 'category' is '{categoryName}'; expected one of {string.Join(", ", s_categories)}.");
        }

        var category = (CriterionCategory)(categoryIndex + 1);
        string[] specific = category switch
        {
            CriterionCategory.Concentration => s_concentrationFields,
            CriterionCategory.Treatment => s_treatmentFields,
            CriterionCategory.Monitoring => s_monitoringFields,
            _ => s_factFields,
        };
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (Array.IndexOf(s_commonFields, property.Name) >= 0 || Array.IndexOf(specific, property.Name) >= 0)
            {
                continue;
            }

            bool known = s_concentrationFields.Concat(s_treatmentFields).Concat(s_factFields).Contains(property.Name, StringComparer.Ordinal);
            throw new ShapotouDataException(known
                ? $"{where}: field '{property.Name}' does not apply to a {categoryName} criterion; expected only {string.Join(", ", s_commonFields.Concat(specific))}."
                : StrictJson.UnknownKey(where, StrictJson.Path(path, property.Name), property.Name, [.. s_commonFields, .. specific]).Message);
        }

        string industryName = RequiredString(element, "industry", where);
        IndustryCriteria industry = industries.FirstOrDefault(i => string.Equals(i.Industry, industryName, StringComparison.Ordinal))
            ?? throw new ShapotouDataException($"{where}: field 'industry' is '{industryName}'; expected an industry of the table ({string.Join(", ", industries.Select(i => i.Industry))}).");
        PerformanceGrade grade = Grade(element, where, industry.Grades);
        if (grade == industry.Floor)
        {
            throw new ShapotouDataException($"{where}: field 'grade' is '{PerformanceGrades.ToName(grade)}', the floor of industry '{industryName}'; the floor has no criteria (it is given when no better grade is attained).");
        }

        var criterion = new GradingCriterion
        {
            Id = id,
            Industry = industryName,
            Grade = grade,
            Category = category,
            Description = OptionalString(element, "description", where),
            Source = RequiredString(element, "source", where),
            Mark = Mark(element, where),
            Assumption = OptionalString(element, "assumption", where),
        };

        return category switch
        {
            CriterionCategory.Concentration => ReadConcentration(element, where, criterion),
            CriterionCategory.Treatment => criterion with
            {
                FacilityKinds = FacilityKinds(element, where),
                Pollutant = RequiredPollutant(element, where, s_cemsPollutants),
                TreatmentKinds = TreatmentKinds(element, where),
            },
            CriterionCategory.Monitoring => criterion with
            {
                FacilityKinds = FacilityKinds(element, where),
                Pollutant = element.TryGetProperty("pollutant", out JsonElement p) && p.ValueKind != JsonValueKind.Null
                    ? RequiredPollutant(element, where, Enum.GetValues<Pollutant>())
                    : null,
            },
            _ => ReadFact(element, where, criterion),
        };
    }

    private static GradingCriterion ReadConcentration(JsonElement element, string where, GradingCriterion criterion)
    {
        double? limit = OptionalNumber(element, "limit_mg_m3", where);
        string? limitKey = OptionalString(element, "limit_key", where);
        if ((limit is null) == (limitKey is null))
        {
            throw new ShapotouDataException($"{where}: fields 'limit_mg_m3' and 'limit_key' are {(limit is null ? "both missing" : "both given")}; expected exactly one (a threshold in mg/m3, or a catalogue key).");
        }

        if (limit is { } l && l < 0)
        {
            throw new ShapotouDataException(string.Create(CultureInfo.InvariantCulture, $"{where}: field 'limit_mg_m3' is {l}; expected a finite number of mg/m3, at least 0."));
        }

        CheckKey(limitKey, "limit_key", where);
        string basis = RequiredString(element, "basis", where);
        double? o2 = OptionalNumber(element, "reference_o2_pct", where);
        string? o2Key = OptionalString(element, "reference_o2_key", where);
        CheckKey(o2Key, "reference_o2_key", where);
        switch (basis)
        {
            case "measured" when o2 is not null || o2Key is not null:
                throw new ShapotouDataException($"{where}: field 'basis' is 'measured' but a reference O2 is given; expected no reference_o2_pct or reference_o2_key on the measured basis.");
            case "measured":
                break;
            case "reference_o2" when (o2 is null) == (o2Key is null):
                throw new ShapotouDataException($"{where}: field 'basis' is 'reference_o2'; expected exactly one of 'reference_o2_pct' and 'reference_o2_key'.");
            case "reference_o2" when o2 is { } percent && (percent < 0 || percent >= 21):
                throw new ShapotouDataException(string.Create(CultureInfo.InvariantCulture, $"{where}: field 'reference_o2_pct' is {percent}; expected at least 0 and below 21."));
            case "reference_o2":
                break;
            default:
                throw new ShapotouDataException($"{where}: field 'basis' is '{basis}'; expected measured or reference_o2.");
        }

        string? comparison = OptionalString(element, "comparison", where);
        return criterion with
        {
            FacilityKinds = FacilityKinds(element, where),
            Pollutant = RequiredPollutant(element, where, s_cemsPollutants),
            Limit = limit is { } mg ? MassConcentration.FromMilligramsPerCubicMeter(mg) : null,
            LimitKey = limitKey,
            MeasuredBasis = basis == "measured",
            ReferenceOxygen = o2 is { } pct ? VolumeConcentration.FromPercent(pct) : null,
            ReferenceOxygenKey = o2Key,
            Comparison = comparison switch
            {
                null or "at_or_below" => ThresholdComparison.AtOrBelow,
                "below" => ThresholdComparison.Below,
                _ => throw new ShapotouDataException($"{where}: field 'comparison' is '{comparison}'; expected at_or_below or below."),
            },
        };
    }

    private static GradingCriterion ReadFact(JsonElement element, string where, GradingCriterion criterion)
    {
        string fact = RequiredString(element, "fact", where);
        if (!EnterpriseFacts.IsValidName(fact))
        {
            throw new ShapotouDataException($"{where}: field 'fact' is '{fact}'; expected a lower-case snake_case name such as closed_storage.");
        }

        bool? equals = OptionalBool(element, "equals", where);
        double? atLeast = OptionalNumber(element, "at_least", where);
        double? atMost = OptionalNumber(element, "at_most", where);
        if (equals is not null && (atLeast is not null || atMost is not null))
        {
            throw new ShapotouDataException($"{where}: field 'equals' is given with 'at_least' or 'at_most'; expected either equals (a yes/no fact) or at_least and/or at_most (a numeric fact).");
        }

        if (equals is null && atLeast is null && atMost is null)
        {
            throw new ShapotouDataException($"{where}: fields 'equals', 'at_least' and 'at_most' are all missing; expected equals (true or false) or at_least and/or at_most (numbers).");
        }

        return criterion with { Fact = fact, FactEquals = equals, FactAtLeast = atLeast, FactAtMost = atMost, FactUnit = OptionalString(element, "unit", where) };
    }

    private static List<FacilityKind> FacilityKinds(JsonElement element, string where)
    {
        var kinds = new List<FacilityKind>();
        foreach (JsonElement item in RequiredArray(element, "facility_kinds", where))
        {
            string? name = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (!ContractNames.TryParse(name, out FacilityKind kind))
            {
                throw new ShapotouDataException($"{where}: field 'facility_kinds' holds {Show(item)}; expected facility kinds among {string.Join(", ", ContractNames.All<FacilityKind>())}.");
            }

            kinds.Add(kind);
        }

        return kinds.Count > 0 ? kinds : throw new ShapotouDataException($"{where}: field 'facility_kinds' is empty; expected at least one facility kind.");
    }

    private static List<TreatmentKind> TreatmentKinds(JsonElement element, string where)
    {
        var kinds = new List<TreatmentKind>();
        foreach (JsonElement item in RequiredArray(element, "treatment_any_of", where))
        {
            string? name = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (!ContractNames.TryParse(name, out TreatmentKind kind))
            {
                throw new ShapotouDataException($"{where}: field 'treatment_any_of' holds {Show(item)}; expected treatment kinds among {string.Join(", ", ContractNames.All<TreatmentKind>())}.");
            }

            kinds.Add(kind);
        }

        return kinds.Count > 0 ? kinds : throw new ShapotouDataException($"{where}: field 'treatment_any_of' is empty; expected at least one treatment kind.");
    }

    private static Pollutant RequiredPollutant(JsonElement element, string where, Pollutant[] allowed)
    {
        string name = RequiredString(element, "pollutant", where);
        return ContractNames.TryParse(name, out Pollutant p) && allowed.Contains(p)
            ? p
            : throw new ShapotouDataException($"{where}: field 'pollutant' is '{name}'; expected one of {string.Join(", ", allowed.Select(ContractNames.ToName))}.");
    }

    private static PerformanceGrade Grade(JsonElement element, string where, IReadOnlyList<PerformanceGrade> ladder)
    {
        string name = RequiredString(element, "grade", where);
        return PerformanceGrades.TryParse(name, out PerformanceGrade grade) && ladder.Contains(grade)
            ? grade
            : throw new ShapotouDataException($"{where}: field 'grade' is '{name}'; expected a grade of the industry's ladder ({string.Join(", ", ladder.Select(PerformanceGrades.ToName))}).");
    }

    private static string Mark(JsonElement element, string where)
    {
        string mark = RequiredString(element, "mark", where);
        return Array.IndexOf(s_marks, mark) >= 0
            ? mark
            : throw new ShapotouDataException($"{where}: field 'mark' is '{mark}'; expected one of {string.Join(", ", s_marks)}.");
    }

    private static void CheckKey(string? key, string field, string where)
    {
        if (key is not null && !ReferenceValue.IsValidKey(key))
        {
            throw new ShapotouDataException($"{where}: field '{field}' is '{key}'; expected a catalogue key such as emissions.limit.gb4915.table_1.cement_kiln.pm.");
        }
    }

    private static void CheckFields(JsonElement element, string[] known, string where, string path) => StrictJson.CheckKeys(element, where, path, known);

    private static JsonElement.ArrayEnumerator RequiredArray(JsonElement element, string field, string where) =>
        element.TryGetProperty(field, out JsonElement value)
            ? ArrayOf(value, field, where)
            : throw new ShapotouDataException($"{where}: field '{field}' is missing; expected an array.");

    private static JsonElement.ArrayEnumerator ArrayOf(JsonElement value, string field, string where) =>
        value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new ShapotouDataException($"{where}: field '{field}' is {Show(value)}; expected an array.");

    private static string RequiredString(JsonElement element, string field, string where) =>
        OptionalString(element, field, where) ?? throw new ShapotouDataException($"{where}: field '{field}' is missing; expected a non-empty string.");

    private static string? OptionalString(JsonElement element, string field, string where)
    {
        if (!element.TryGetProperty(field, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : throw new ShapotouDataException($"{where}: field '{field}' is {Show(value)}; expected a non-empty string.");
    }

    private static double? OptionalNumber(JsonElement element, string field, string where)
    {
        if (!element.TryGetProperty(field, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double d) && double.IsFinite(d)
            ? d
            : throw new ShapotouDataException($"{where}: field '{field}' is {Show(value)}; expected a finite number.");
    }

    private static bool? OptionalBool(JsonElement element, string field, string where)
    {
        if (!element.TryGetProperty(field, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ShapotouDataException($"{where}: field '{field}' is {Show(value)}; expected true or false."),
        };
    }

    private static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"'{value.GetString()}'",
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => StrictJson.Kind(value),
    };
}
