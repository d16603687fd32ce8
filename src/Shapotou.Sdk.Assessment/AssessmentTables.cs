using System.Globalization;
using System.Text.Json;
using Shapotou.Sdk.Contract;
using nietras.SeparatedValues;
using Shapotou.Sdk.Parquet;

namespace Shapotou.Sdk.Assessment;

/// <summary>
/// The assessment's result tables as files a data scientist continues from in pandas, DuckDB or Excel: unit energy,
/// solid waste, the inventory per outlet, the district totals, the 2027 progress, compliance, tax and CO₂, each as
/// <c>&lt;table&gt;.parquet</c> and <c>&lt;table&gt;.csv</c>.
/// </summary>
/// <remarks>
/// <para>Each table is one array of the assessment's JSON document (docs/tables.md), row for row and with its keys as
/// column names, so the files and the document cannot disagree. A key's suffix names its unit (<c>_t</c>, <c>_kgce_per_t</c>,
/// <c>_mg_per_m3</c>, <c>_pct</c>, <c>_yuan</c>, …), except in <c>assessment_warnings</c>, one row per listed
/// plausibility warning with its check and <c>check_count</c> (how many values the check found), whose
/// <c>value</c> and <c>threshold</c> are in the row's own <c>unit</c> column; the Parquet files also carry its symbol as <c>shapotou.unit_symbol.&lt;column&gt;</c>
/// in their metadata, and the CSV header as <c>column [unit]</c>. Unknown values are null in Parquet and empty in CSV,
/// never 0. Files are written atomically and replace files of the same names; a table with no rows (a section that is
/// null or empty) is not written, and a file of its name from an earlier run is removed.</para>
/// </remarks>
public static class AssessmentTables
{
    /// <summary>The tables written: file name and the path of its array in the JSON document.</summary>
    private static readonly (string Name, string[] Path)[] s_tables =
    [
        ("assessment_unit_energy", ["energy", "enterprises"]),
        ("assessment_solid_waste", ["solid_waste", "enterprises"]),
        ("assessment_emissions_outlets", ["emissions", "outlets"]),
        ("assessment_emissions_totals", ["emissions", "totals"]),
        ("assessment_targets_progress", ["emissions", "targets_progress"]),
        ("assessment_compliance", ["emissions", "compliance"]),
        ("assessment_plan_checks", ["emissions", "plan_checks"]),
        ("assessment_tax_outlets", ["tax", "outlets"]),
        ("assessment_carbon_enterprises", ["carbon", "enterprises"]),
        ("assessment_warnings", ["warnings"]),
    ];

    /// <summary>The unit a key's suffix names, longest suffix first.</summary>
    private static readonly (string Suffix, string Unit)[] s_units =
    [
        ("_kgce_per_t", "kgce/t"), ("_kwh_per_t", "kWh/t"), ("_t_per_mwh", "t/MWh"), ("_t_per_10k_yuan", "t/10^4 yuan"),
        ("_t_per_t", "t/t"), ("_mg_per_m3", "mg/m3"), ("_10k_yuan", "10^4 yuan"), ("_yuan_per_equivalent", "yuan/equivalent"),
        ("_kgce", "kgce"), ("_tce", "tce"), ("_yuan", "yuan"), ("_pct", "%"), ("_hours", "h"), ("_t", "t"),
    ];

    /// <summary>Writes the tables into a folder.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="directory">The folder; created when missing.</param>
    /// <param name="cancellationToken">Cancels the write; files already renamed into place stay complete.</param>
    /// <returns>The paths written, Parquet and CSV of each table in turn.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async Task<IReadOnlyList<string>> WriteAsync(DistrictAssessment assessment, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        using JsonDocument document = JsonDocument.Parse(AssessmentJson.Serialize(assessment));
        using JsonDocument warnings = JsonDocument.Parse(FlatWarnings(document.RootElement.GetProperty("warnings")));
        var paths = new List<string>();
        foreach ((string name, string[] path) in s_tables)
        {
            JsonElement rows = document.RootElement;
            foreach (string key in path)
            {
                rows = rows.ValueKind == JsonValueKind.Object ? rows.GetProperty(key) : default;
            }

            if (name == "assessment_warnings")
            {
                rows = warnings.RootElement;
            }

            JsonElement[] objects = rows.ValueKind == JsonValueKind.Array ? [.. rows.EnumerateArray()] : [];
            string parquet = Path.Combine(directory, name + ".parquet");
            if (objects.Length == 0)
            {
                // Nothing to say (the section is null or empty): no file, and none left from an earlier run.
                File.Delete(parquet);
                File.Delete(Path.Combine(directory, name + ".csv"));
                continue;
            }

            TableSpec spec = Spec(name, objects);
            await WriteParquetAsync(parquet, spec, objects, assessment.Illustrative, cancellationToken).ConfigureAwait(false);
            string csv = Path.Combine(directory, name + ".csv");
            WriteCsv(csv, spec, objects);
            paths.Add(parquet);
            paths.Add(csv);
        }

        return paths;
    }

    /// <summary>The warnings as one row per listed warning: the check and how many values it found
    /// (<c>check_count</c>, more than the check's rows when some were only counted), then the warning's keys.</summary>
    private static byte[] FlatWarnings(JsonElement checks)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (JsonElement check in checks.EnumerateArray())
            {
                foreach (JsonElement warning in check.GetProperty("listed").EnumerateArray())
                {
                    writer.WriteStartObject();
                    writer.WriteString("check", check.GetProperty("check").GetString());
                    writer.WriteNumber("check_count", check.GetProperty("count").GetInt64());
                    foreach (JsonProperty property in warning.EnumerateObject())
                    {
                        property.WriteTo(writer);
                    }

                    writer.WriteEndObject();
                }
            }

            writer.WriteEndArray();
        }

        return buffer.ToArray();
    }

    private static TableSpec Spec(string name, JsonElement[] objects)
    {
        var columns = new List<ColumnSpec>();
        foreach (JsonElement row in objects)
        {
            foreach (JsonProperty property in row.EnumerateObject())
            {
                ColumnType? type = property.Value.ValueKind switch
                {
                    JsonValueKind.Number => property.Name is "year" or "months" or "reduced_months" or "valid_hours" or "over_limit_hours" or "row" ? ColumnType.Count : ColumnType.Number,
                    JsonValueKind.True or JsonValueKind.False => ColumnType.Boolean,
                    JsonValueKind.String or JsonValueKind.Array => ColumnType.Text,
                    _ => null,
                };
                int known = columns.FindIndex(c => c.Name == property.Name);
                if (known < 0)
                {
                    columns.Add(new ColumnSpec(property.Name, type ?? ColumnType.Text));
                }
                else if (type is { } t && columns[known].Type != t && objects.All(o => !o.TryGetProperty(property.Name, out JsonElement v) || v.ValueKind == JsonValueKind.Null || v.ValueKind == property.Value.ValueKind))
                {
                    columns[known] = new ColumnSpec(property.Name, t);
                }
            }
        }

        return new TableSpec(name, columns);
    }

    private static string? UnitOf(string column) => s_units.FirstOrDefault(u => column.EndsWith(u.Suffix, StringComparison.Ordinal)).Unit;

    private static async Task WriteParquetAsync(string path, TableSpec spec, JsonElement[] rows, bool illustrative, CancellationToken cancellationToken)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ColumnSpec column in spec.Columns)
        {
            if (UnitOf(column.Name) is { } unit)
            {
                metadata[$"shapotou.unit_symbol.{column.Name}"] = unit;
            }
        }

        if (illustrative)
        {
            metadata[ClusterDatasetParquet.IllustrativeKey] = "true";
        }

        var batch = new TableBatch(spec, rows.Length);
        foreach (ColumnSpec column in spec.Columns)
        {
            JsonElement?[] cells = rows.Select(r => r.TryGetProperty(column.Name, out JsonElement v) && v.ValueKind != JsonValueKind.Null ? v : (JsonElement?)null).ToArray();
            switch (column.Type)
            {
                case ColumnType.Number:
                    batch.SetNumbers(column.Name, cells.Select(c => c?.GetDouble() ?? double.NaN).ToArray());
                    break;
                case ColumnType.Count:
                    batch.SetCounts(column.Name, cells.Select(c => c?.GetInt32()).ToArray());
                    break;
                case ColumnType.Boolean:
                    batch.SetBooleans(column.Name, cells.Select(c => c?.GetBoolean()).ToArray());
                    break;
                default:
                    batch.SetText(column.Name, cells.Select(Text).ToArray());
                    break;
            }
        }

        ParquetTableWriter writer = await ParquetTableWriter.CreateAsync(path, spec, metadata: metadata, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void WriteCsv(string path, TableSpec spec, JsonElement[] rows)
    {
        string temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            string[] headers = spec.Columns.Select(c => UnitOf(c.Name) is { } unit ? $"{c.Name} [{unit}]" : c.Name).ToArray();
            using (SepWriter writer = Sep.New(',').Writer(o => o with { Escape = true, CultureInfo = CultureInfo.InvariantCulture }).ToFile(temporary))
            {
                foreach (JsonElement row in rows)
                {
                    using SepWriter.Row line = writer.NewRow();
                    for (int c = 0; c < headers.Length; c++)
                    {
                        // Numbers as the JSON document writes them (shortest round trip), unknown as an empty cell.
                        JsonElement? cell = row.TryGetProperty(spec.Columns[c].Name, out JsonElement v) && v.ValueKind != JsonValueKind.Null ? v : null;
                        line[headers[c]].Set(Text(cell) ?? string.Empty);
                    }
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string? Text(JsonElement? cell) => cell switch
    {
        null => null,
        { ValueKind: JsonValueKind.Array } array => string.Join(' ', array.EnumerateArray().Select(e => e.ToString())),
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        { } value => value.GetRawText(),
    };
}
