using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Shapotou.Sdk.Analytics.EnergyEfficiency;
using Shapotou.Sdk.Analytics.SolidWaste;

namespace Shapotou.Sdk.Cli.Assessment;

/// <summary>Writes the assessment as the JSON document of the data contract (TABLES.md, "The assessment as JSON").</summary>
/// <remarks>Every key is always present; unknown values are null; numbers are unrounded except the 2027 ceilings.</remarks>
internal static class AssessmentJsonWriter
{
    private static readonly JsonWriterOptions s_options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(DistrictAssessment assessment)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            Write(writer, assessment);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, DistrictAssessment a)
    {
        writer.WriteStartObject();

        writer.WriteStartObject("dataset");
        writer.WriteString("name", a.DatasetName);
        writer.WriteBoolean("illustrative", a.Illustrative);
        writer.WriteEndObject();

        writer.WriteStartObject("sdk");
        writer.WriteString("version", a.SdkVersion);
        writer.WriteString("catalogue_as_of", a.CatalogueAsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteEndObject();

        writer.WriteStartObject("district");
        writer.WriteNumber("enterprises", a.Summary.Townships.Sum(t => t.Enterprises));
        writer.WriteStartArray("townships");
        foreach (TownshipSummary township in a.Summary.Townships)
        {
            writer.WriteStartObject();
            writer.WriteString("township", township.Township);
            writer.WriteNumber("enterprises", township.Enterprises);
            writer.WriteNumberOrNull("output_value_10k_yuan", township.OutputValue10kYuan);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();

        if (a.Summary.Ferroalloy is not { } f)
        {
            writer.WriteNull("ferroalloy");
        }
        else
        {
            writer.WriteStartObject("ferroalloy");
            writer.WriteNumber("year", f.Year);
            writer.WriteNumber("enterprises", f.Enterprises);
            writer.WriteNumber("furnaces", f.Furnaces);
            writer.WriteNumber("furnaces_running", f.FurnacesRunning);
            writer.WriteNumberOrNull("capacity_t", f.CapacityT);
            writer.WriteNumberOrNull("output_t", f.OutputT);
            writer.WriteNumberOrNull("waste_heat_coverage_pct", f.WasteHeatCoveragePct);
            writer.WriteEndObject();
        }

        if (a.Targets is null)
        {
            writer.WriteNull("targets_2027_t");
        }
        else
        {
            writer.WriteStartObject("targets_2027_t");
            foreach (EmissionTarget target in a.Targets)
            {
                writer.WriteNumber(target.Pollutant, target.CeilingT);
            }

            writer.WriteEndObject();
        }

        writer.WriteStartObject("energy");
        writer.WriteStartArray("enterprises");
        foreach (GroupEnergy e in a.Energy)
        {
            writer.WriteStartObject();
            writer.WriteString("enterprise_id", e.GroupId);
            writer.WriteNumber("year", e.Year);
            writer.WriteString("product", e.Product);
            writer.WriteNumber("output_t", e.OutputT);
            writer.WriteNumber("output_basis_t", e.OutputBasisT);
            writer.WriteNumberOrNull("comprehensive_energy_kgce", e.ComprehensiveEnergyKgce);
            writer.WriteNumberOrNull("unit_energy_kgce_per_t", e.UnitEnergyKgcePerT);
            writer.WriteStringOrNull("benchmark_class", e.BenchmarkClass is { } c ? BenchmarkClassification.ToName(c) : null);
            writer.WriteNumberOrNull("benchmark_kgce_per_t", e.Benchmark?.Benchmark.Value);
            writer.WriteNumberOrNull("baseline_kgce_per_t", e.Benchmark?.Baseline.Value);
            writer.WriteNumberOrNull("gap_to_benchmark_kgce_per_t", e.GapToBenchmarkKgcePerT);
            writer.WriteNumberOrNull("gap_to_benchmark_tce", e.GapToBenchmarkTce);
            writer.WriteNumberOrNull("smelting_electricity_kwh_per_t", e.SmeltingElectricityKwhPerT);
            writer.WriteStringOrNull("limit_level", LevelName(e.Level));
            writer.WriteStringOrNull("electricity_limit_level", LevelName(e.ElectricityLevel));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();

        writer.WriteStartObject("solid_waste");
        writer.WriteStartArray("enterprises");
        foreach (EnterpriseUtilisation u in a.SolidWaste)
        {
            writer.WriteStartObject();
            writer.WriteString("enterprise_id", u.EnterpriseId);
            writer.WriteNumber("year", u.Year);
            writer.WriteNumberOrNull("utilisation_rate_pct", u.UtilisationRatePct);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();

        if (a.WasteHeat is not { } heat)
        {
            writer.WriteNull("waste_heat");
        }
        else
        {
            writer.WriteStartObject("waste_heat");
            writer.WriteNumber("year", a.Figures.BaselineYear);
            writer.WriteNumber("furnaces", heat.Furnaces);
            writer.WriteNumber("furnaces_with_recovery", heat.FurnacesWithRecovery);
            writer.WriteNumberOrNull("coverage_pct", heat.CoveragePct);
            writer.WriteNumberOrNull("capacity_coverage_pct", heat.CapacityCoveragePct);
            writer.WriteNumberOrNull("power_kwh_per_t", heat.PowerKwhPerTonne);
            writer.WriteEndObject();
        }

        // Filled by the emissions calculators when they are part of the SDK.
        writer.WriteNull("emissions");

        writer.WriteStartArray("assumptions");
        foreach (string assumption in a.Assumptions)
        {
            writer.WriteStringValue(assumption);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string? LevelName(LimitLevel? level) => level switch
    {
        null => null,
        LimitLevel.AboveLevel3 => "above_level_3",
        { } l => $"level_{(int)l}",
    };

}
