using System.Globalization;
using System.Text.Json;
using Shapotou.Sdk.Internal;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Monitoring.Receiver;
using Shapotou.Sdk.Units;
using UnitsNet;

namespace Shapotou.Sdk.Assessment;

/// <summary>Reads <see cref="PlausibilityOptions"/> from JSON (docs/assessment.md, "Plausibility file"), strictly: an
/// unknown key is an error naming the key, its JSON path and the nearest known key; a value of the wrong kind names its
/// path.</summary>
/// <remarks>
/// <para>Every key is optional; a key left out keeps its default (<see cref="PlausibilityOptions.Default"/>). The keys,
/// each with its unit in its name:</para>
/// <code>
/// {
///   "listed_per_check": 10,
///   "ferrosilicon_energy_floor_kgce_per_t": 829.8,
///   "ferrosilicon_electricity_floor_kwh_per_t": 5115.63,
///   "far_above_limit_factor": 2,
///   "oxygen_maximum_pct": 20.95,
///   "concentration_maximum_mg_per_m3": { "so2": 2000, "nox": 1000, "pm": 200, "nh3": 50 },
///   "flow_range_m3_per_h": { "DA001": { "minimum": 50000, "maximum": 400000 } },
///   "flow_jump_factor": 10
/// }
/// </code>
/// <para><c>oxygen_maximum_pct</c> may be <c>null</c> to skip the O₂ check. Pollutants are the contract's names
/// (<c>pm</c>, <c>so2</c>, <c>nox</c>, <c>nh3</c>); outlets are <c>outlets.outlet_id</c>s.</para>
/// </remarks>
public static class PlausibilityOptionsJson
{
    private static readonly string[] s_rootKeys =
    [
        "listed_per_check", "ferrosilicon_energy_floor_kgce_per_t", "ferrosilicon_electricity_floor_kwh_per_t",
        "far_above_limit_factor", "oxygen_maximum_pct", "concentration_maximum_mg_per_m3", "flow_range_m3_per_h",
        "flow_jump_factor",
    ];

    private static readonly string[] s_rangeKeys = ["minimum", "maximum"];

    /// <summary>Reads the options from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The JSON: one object (above).</param>
    /// <param name="sourceName">The file name used in error messages.</param>
    /// <returns>The options, each key left out at its default.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ShapotouDataException">The JSON is malformed, a key is unknown, or a value is of the wrong kind or
    /// out of range; the message names the file, the JSON path, the expected and the actual value.</exception>
    public static PlausibilityOptions Read(Stream utf8Json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(sourceName);
        string file = $"Plausibility file '{sourceName}'";
        JsonDocument document = Analytics.Internal.JsonInput.Parse(utf8Json, file);

        using (document)
        {
            JsonElement root = document.RootElement;
            StrictJson.RequireObject(root, file, "$");
            StrictJson.CheckKeys(root, file, "$", s_rootKeys);
            PlausibilityOptions options = PlausibilityOptions.Default;
            foreach (JsonProperty property in root.EnumerateObject())
            {
                string path = StrictJson.Path("$", property.Name);
                JsonElement value = property.Value;
                options = property.Name switch
                {
                    "listed_per_check" => options with { ListedPerCheck = Integer(value, file, path) },
                    "ferrosilicon_energy_floor_kgce_per_t" => options with { FerrosiliconEnergyFloor = EnergyIntensity.FromKilogramsOfCoalEquivalentPerTonne(Number(value, file, path, 0, inclusive: true)) },
                    "ferrosilicon_electricity_floor_kwh_per_t" => options with { FerrosiliconElectricityFloor = ElectricityIntensity.FromKilowattHoursPerTonne(Number(value, file, path, 0, inclusive: true)) },
                    "far_above_limit_factor" => options with { FarAboveLimitFactor = Number(value, file, path, 1, inclusive: false) },
                    "flow_jump_factor" => options with { FlowJumpFactor = Number(value, file, path, 1, inclusive: false) },
                    "oxygen_maximum_pct" => options with
                    {
                        OxygenMaximum = value.ValueKind == JsonValueKind.Null ? null : VolumeConcentration.FromPercent(Number(value, file, path, 0, inclusive: false, maximum: 21)),
                    },
                    "concentration_maximum_mg_per_m3" => options with { ConcentrationMaximum = Concentrations(value, file, path) },
                    _ => options with { FlowRangeByOutlet = FlowRanges(value, file, path) },
                };
            }

            return options;
        }
    }

    /// <summary>Reads the options from a UTF-8 JSON file.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ShapotouDataException">The content is malformed.</exception>
    public static PlausibilityOptions ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using FileStream stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path));
    }

    private static Dictionary<Pollutant, MassConcentration> Concentrations(JsonElement element, string file, string path)
    {
        StrictJson.RequireObject(element, file, path);
        var result = new Dictionary<Pollutant, MassConcentration>();
        foreach (JsonProperty property in element.EnumerateObject())
        {
            string at = StrictJson.Path(path, property.Name);
            if (!ContractNames.TryParse(property.Name, out Pollutant pollutant))
            {
                throw StrictJson.UnknownKey(file, at, property.Name, ContractNames.All<Pollutant>().ToArray());
            }

            result[pollutant] = MassConcentration.FromMilligramsPerCubicMeter(Number(property.Value, file, at, 0, inclusive: false));
        }

        return result;
    }

    private static Dictionary<string, FlowRange> FlowRanges(JsonElement element, string file, string path)
    {
        StrictJson.RequireObject(element, file, path);
        var result = new Dictionary<string, FlowRange>(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            string at = StrictJson.Path(path, property.Name);
            if (string.IsNullOrWhiteSpace(property.Name))
            {
                throw new ShapotouDataException($"{file}: {path} has an empty key; expected an outlet id.");
            }

            StrictJson.RequireObject(property.Value, file, at);
            StrictJson.CheckKeys(property.Value, file, at, s_rangeKeys);
            double minimum = property.Value.TryGetProperty("minimum", out JsonElement low)
                ? Number(low, file, StrictJson.Path(at, "minimum"), 0, inclusive: true)
                : throw new ShapotouDataException($"{file}: {StrictJson.Path(at, "minimum")} is missing; expected the least plausible flow in m³/h.");
            double maximum = property.Value.TryGetProperty("maximum", out JsonElement high)
                ? Number(high, file, StrictJson.Path(at, "maximum"), 0, inclusive: false)
                : throw new ShapotouDataException($"{file}: {StrictJson.Path(at, "maximum")} is missing; expected the greatest plausible flow in m³/h.");
            if (maximum <= minimum)
            {
                throw new ShapotouDataException(string.Create(CultureInfo.InvariantCulture, $"{file}: {at} is {minimum} to {maximum} m³/h; expected a minimum below the maximum."));
            }

            result[property.Name] = new FlowRange(VolumeFlow.FromCubicMetersPerHour(minimum), VolumeFlow.FromCubicMetersPerHour(maximum));
        }

        return result;
    }

    private static double Number(JsonElement element, string file, string path, double minimum, bool inclusive, double maximum = double.PositiveInfinity)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out double value) && double.IsFinite(value)
            && (inclusive ? value >= minimum : value > minimum) && value < maximum)
        {
            return value;
        }

        string range = double.IsPositiveInfinity(maximum)
            ? string.Create(CultureInfo.InvariantCulture, $"a number {(inclusive ? "of at least" : "above")} {minimum}")
            : string.Create(CultureInfo.InvariantCulture, $"a number above {minimum} and below {maximum}");
        throw new ShapotouDataException($"{file}: {path} is {StrictJson.Show(element)}; expected {range}.");
    }

    private static int Integer(JsonElement element, string file, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int value) && value >= 0
            ? value
            : throw new ShapotouDataException($"{file}: {path} is {StrictJson.Show(element)}; expected a whole number of at least 0.");
}
