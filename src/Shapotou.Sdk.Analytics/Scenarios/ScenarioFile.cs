using System.Globalization;
using System.Text.Json;
using Shapotou.Sdk.Internal;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Units;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Scenarios;

/// <summary>
/// Reads a scenario file (JSON, format in docs/carbon-tax-scenarios.md): <c>name</c>, <c>base_year</c>, optional
/// <c>uncertainty</c> {<c>factor_pct</c>, <c>measured_pct</c>, <c>activity_pct</c>, <c>source</c>}, <c>samples</c>,
/// <c>seed</c>, and <c>changes</c>: each with <c>id</c>, <c>type</c> (<c>retrofit</c>, <c>retire</c>,
/// <c>output_change</c>, <c>waste_heat</c>), <c>facilities</c> (ids or <c>"*"</c>), an optional <c>cost_10k_yuan</c>,
/// and the type's own fields (<c>pollutant</c>, <c>kind</c>, <c>efficiency_pct</c>; <c>change_pct</c>;
/// <c>kwh_per_t</c>).
/// </summary>
public static class ScenarioFile
{
    private static readonly string[] s_rootKeys = ["name", "base_year", "uncertainty", "samples", "seed", "changes"];
    private static readonly string[] s_uncertaintyKeys = ["factor_pct", "measured_pct", "activity_pct", "source"];
    private static readonly string[] s_changeKeys = ["id", "type", "facilities", "cost_10k_yuan"];

    /// <summary>The keys of each change type besides <see cref="s_changeKeys"/>.</summary>
    private static readonly Dictionary<string, string[]> s_typeKeys = new(StringComparer.Ordinal)
    {
        ["retrofit"] = ["pollutant", "kind", "efficiency_pct"],
        ["retire"] = [],
        ["output_change"] = ["change_pct"],
        ["waste_heat"] = ["kwh_per_t"],
    };

    /// <summary>Reads a scenario from JSON text.</summary>
    /// <param name="json">The text.</param>
    /// <param name="source">The file name, for messages.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ShapotouDataException">The JSON is malformed or a field is missing or wrong; the message names the change and the field.</exception>
    public static Scenario Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        using (JsonDocument document = Internal.JsonInput.Parse(json, $"Scenario file '{source}'"))
        {
            JsonElement root = document.RootElement;
            string file = $"Scenario file '{source}'";
            StrictJson.RequireObject(root, file, "$");
            StrictJson.CheckKeys(root, file, "$", s_rootKeys);
            string name = Text(root, "name", source, "the scenario");
            int baseYear = root.TryGetProperty("base_year", out JsonElement y) ? Integer(y, source, "the scenario", "base_year") : 2024;
            ScenarioUncertainty? uncertainty = null;
            if (root.TryGetProperty("uncertainty", out JsonElement u) && u.ValueKind != JsonValueKind.Null)
            {
                StrictJson.RequireObject(u, file, "$.uncertainty");
                StrictJson.CheckKeys(u, file, "$.uncertainty", s_uncertaintyKeys);
                uncertainty = new ScenarioUncertainty(
                    Ratio.FromPercent(Number(u, "factor_pct", source, "uncertainty", min: 0)),
                    Ratio.FromPercent(Number(u, "measured_pct", source, "uncertainty", min: 0)),
                    Ratio.FromPercent(Number(u, "activity_pct", source, "uncertainty", min: 0)),
                    Text(u, "source", source, "uncertainty"));
            }

            int samples = root.TryGetProperty("samples", out JsonElement s) ? Integer(s, source, "the scenario", "samples") : 10_000;
            int seed = root.TryGetProperty("seed", out JsonElement d) ? Integer(d, source, "the scenario", "seed") : 20_250_701;
            if (samples < 100)
            {
                throw new ShapotouDataException(string.Create(CultureInfo.InvariantCulture, $"Scenario file '{source}': 'samples' is {samples}; expected at least 100."));
            }

            var changes = new List<ScenarioChange>();
            if (!root.TryGetProperty("changes", out JsonElement list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new ShapotouDataException($"Scenario file '{source}': 'changes' is missing; expected an array (it may be empty).");
            }

            var ids = new HashSet<string>(StringComparer.Ordinal);
            int index = 0;
            foreach (JsonElement c in list.EnumerateArray())
            {
                string where = string.Create(CultureInfo.InvariantCulture, $"change {index}");
                string path = StrictJson.Path("$.changes", index);
                StrictJson.RequireObject(c, file, path);
                string id = Text(c, "id", source, where);
                where = $"change '{id}'";
                if (!ids.Add(id))
                {
                    throw new ShapotouDataException($"Scenario file '{source}': {where} appears twice; ids must be unique.");
                }

                string type = Text(c, "type", source, where);
                if (s_typeKeys.TryGetValue(type, out string[]? typeKeys))
                {
                    StrictJson.CheckKeys(c, $"{file}, {where}", path, [.. s_changeKeys, .. typeKeys]);
                }

                string[] facilities = c.TryGetProperty("facilities", out JsonElement f)
                    ? StrictJson.Strings(f, $"{file}, {where}", StrictJson.Path(path, "facilities"), "facility ids or \"*\"")
                    : throw new ShapotouDataException($"Scenario file '{source}', {where}: 'facilities' is missing; expected an array of facility ids or [\"*\"].");
                decimal? cost = c.TryGetProperty("cost_10k_yuan", out JsonElement k) && k.ValueKind != JsonValueKind.Null ? Money(c, "cost_10k_yuan", source, where) * 10_000m : null;
                changes.Add(type switch
                {
                    "retrofit" => new RetrofitChange(id, facilities, cost,
                        Enum<Pollutant>(c, "pollutant", source, where),
                        Enum<TreatmentKind>(c, "kind", source, where),
                        Ratio.FromPercent(Number(c, "efficiency_pct", source, where, min: 0, max: 100))),
                    "retire" => new RetireChange(id, facilities, cost),
                    "output_change" => new OutputChange(id, facilities, cost, Ratio.FromPercent(Number(c, "change_pct", source, where, min: -100))),
                    "waste_heat" => new WasteHeatChange(id, facilities, cost, ElectricityIntensity.FromKilowattHoursPerTonne(Number(c, "kwh_per_t", source, where, min: 0))),
                    _ => throw new ShapotouDataException($"Scenario file '{source}', {where}: 'type' is '{type}'; expected retrofit, retire, output_change or waste_heat."),
                });
                index++;
            }

            return new Scenario(name, baseYear, changes, uncertainty, samples, seed);
        }
    }

    private static string Text(JsonElement e, string field, string source, string where) =>
        e.TryGetProperty(field, out JsonElement v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()!
            : throw new ShapotouDataException($"Scenario file '{source}', {where}: '{field}' is {Describe(e, field)}; expected a non-empty string.");

    private static double Number(JsonElement e, string field, string source, string where, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        if (e.TryGetProperty(field, out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.GetDouble() is var x && x >= min && x <= max)
        {
            return x;
        }

        string range = (double.IsNegativeInfinity(min), double.IsPositiveInfinity(max)) switch
        {
            (true, true) => "a number",
            (false, true) => string.Create(CultureInfo.InvariantCulture, $"a number of at least {min}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"a number from {min} to {max}"),
        };
        throw new ShapotouDataException($"Scenario file '{source}', {where}: '{field}' is {Describe(e, field)}; expected {range}.");
    }

    /// <summary>A non-negative amount of money read as the decimal the file writes, not through a double.</summary>
    private static decimal Money(JsonElement e, string field, string source, string where)
    {
        Number(e, field, source, where, min: 0);
        return e.GetProperty(field).TryGetDecimal(out decimal amount)
            ? amount
            : throw new ShapotouDataException($"Scenario file '{source}', {where}: '{field}' is {Describe(e, field)}; expected a number of at most 7.9E+24.");
    }

    private static int Integer(JsonElement v, string source, string where, string field) =>
        v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int i)
            ? i
            : throw new ShapotouDataException($"Scenario file '{source}', {where}: '{field}' is {v.GetRawText()}; expected an integer.");

    private static TEnum Enum<TEnum>(JsonElement e, string field, string source, string where)
        where TEnum : struct, System.Enum
    {
        string text = Text(e, field, source, where);
        return ContractNames.TryParse(text, out TEnum value)
            ? value
            : throw new ShapotouDataException($"Scenario file '{source}', {where}: '{field}' is '{text}'; expected one of {string.Join(", ", ContractNames.All<TEnum>())}.");
    }

    private static string Describe(JsonElement e, string field) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(field, out JsonElement v) ? v.GetRawText() : "missing";
}
