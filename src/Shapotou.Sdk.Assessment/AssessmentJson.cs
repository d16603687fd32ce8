using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Shapotou.Sdk.Analytics.Carbon;
using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Analytics.EnergyEfficiency;
using Shapotou.Sdk.Analytics.Grading;
using Shapotou.Sdk.Analytics.SolidWaste;
using Shapotou.Sdk.Analytics.Tax;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Assessment;

/// <summary>Writes a <see cref="DistrictAssessment"/> as the JSON document of the data contract (docs/tables.md, "The
/// assessment as JSON"), the document of <c>shapotou assess --json</c>.</summary>
/// <remarks>Every key is always present; unknown values are null; numbers are unrounded except the 2027 ceilings. The
/// document is UTF-8, indented, with non-ASCII text unescaped.</remarks>
public static class AssessmentJson
{
    private static readonly JsonWriterOptions s_options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the document to a stream as UTF-8.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="utf8Json">The stream; left open.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(DistrictAssessment assessment, Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var output = new ChunkedOutput(utf8Json, null);
        using (var writer = new Utf8JsonWriter(output, s_options))
        {
            Write(writer, assessment);
        }

        output.Complete();
    }

    /// <summary>Writes the document to a text writer (standard output, a file), a chunk at a time: the document is never
    /// held whole, however many outlets and enterprises it lists.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="text">The writer; left open.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(DistrictAssessment assessment, TextWriter text)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(text);
        using var output = new ChunkedOutput(null, text);
        using (var writer = new Utf8JsonWriter(output, s_options))
        {
            Write(writer, assessment);
        }

        output.Complete();
    }

    /// <summary>Writes the document as a string.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assessment"/> is null.</exception>
    public static string Serialize(DistrictAssessment assessment)
    {
        using var buffer = new MemoryStream();
        Write(assessment, buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
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

        if (!a.Summary.EnterprisesKnown)
        {
            writer.WriteNull("district");
        }
        else
        {
            WriteDistrict(writer, a.Summary);
        }

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
            writer.WriteNumberOrNull("capacity_t", f.Capacity?.Tonnes);
            writer.WriteNumberOrNull("output_t", f.Output?.Tonnes);
            writer.WriteNumberOrNull("waste_heat_coverage_pct", f.WasteHeatCoverage?.Percent);
            writer.WriteEndObject();
        }

        if (a.Targets is null)
        {
            writer.WriteNull("targets_2027_t");
        }
        else
        {
            writer.WriteStartObject("targets_2027_t");
            foreach (PollutantTarget target in a.Targets)
            {
                writer.WriteNumberOrNull(ContractNames.ToName(target.Pollutant), target.Ceiling.Tonnes);
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
            writer.WriteNumberOrNull("output_t", e.Output.Tonnes);
            writer.WriteNumberOrNull("output_basis_t", e.OutputBasis.Tonnes);
            writer.WriteNumberOrNull("comprehensive_energy_kgce", e.ComprehensiveEnergy?.KilogramsOfCoalEquivalent);
            writer.WriteNumberOrNull("unit_energy_kgce_per_t", e.UnitEnergy?.KilogramsOfCoalEquivalentPerTonne);
            writer.WriteStringOrNull("benchmark_class", e.BenchmarkClass is { } c ? BenchmarkClassification.ToName(c) : null);
            writer.WriteNumberOrNull("benchmark_kgce_per_t", e.Benchmark?.Benchmark.Value);
            writer.WriteNumberOrNull("baseline_kgce_per_t", e.Benchmark?.Baseline.Value);
            writer.WriteNumberOrNull("gap_to_benchmark_kgce_per_t", e.GapToBenchmark?.KilogramsOfCoalEquivalentPerTonne);
            writer.WriteNumberOrNull("gap_to_benchmark_tce", e.GapToBenchmarkEnergy?.TonnesOfCoalEquivalent);
            writer.WriteNumberOrNull("smelting_electricity_kwh_per_t", e.SmeltingElectricity?.KilowattHoursPerTonne);
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
            writer.WriteNumberOrNull("utilisation_rate_pct", u.UtilisationRate?.Percent);
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
            writer.WriteNumber("year", a.Year);
            writer.WriteNumber("furnaces", heat.Furnaces);
            writer.WriteNumber("furnaces_with_recovery", heat.FurnacesWithRecovery);
            writer.WriteNumberOrNull("coverage_pct", heat.Coverage?.Percent);
            writer.WriteNumberOrNull("capacity_coverage_pct", heat.CapacityCoverage?.Percent);
            writer.WriteNumberOrNull("power_kwh_per_t", heat.PowerPerTonne?.KilowattHoursPerTonne);
            writer.WriteEndObject();
        }

        WriteEmissions(writer, a.Emissions);
        WriteTax(writer, a.Emissions.Tax);
        WriteCarbon(writer, a.Emissions.Carbon);
        WriteGrading(writer, a.Emissions.Grading);

        WriteWarnings(writer, a.Warnings);
        writer.WriteStringArray("assumptions", a.Assumptions);
        writer.WriteEndObject();
    }

    private static void WriteDistrict(Utf8JsonWriter writer, ClusterSummary summary)
    {
        writer.WriteStartObject("district");
        writer.WriteNumber("enterprises", summary.Townships.Sum(t => t.Enterprises));
        writer.WriteStartArray("townships");
        foreach (TownshipSummary township in summary.Townships)
        {
            writer.WriteStartObject();
            writer.WriteString("township", township.Township);
            writer.WriteNumber("enterprises", township.Enterprises);
            writer.WriteNumberOrNull("output_value_10k_yuan", township.OutputValue);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The plausibility warnings: per check, the count and the first values in table order.</summary>
    private static void WriteWarnings(Utf8JsonWriter writer, IReadOnlyList<PlausibilityWarnings> warnings)
    {
        writer.WriteStartArray("warnings");
        foreach (PlausibilityWarnings check in warnings)
        {
            writer.WriteStartObject();
            writer.WriteString("check", PlausibilityWarnings.ToName(check.Check));
            writer.WriteNumber("count", check.Count);
            writer.WriteStartArray("listed");
            foreach (PlausibilityWarning w in check.Listed)
            {
                writer.WriteStartObject();
                writer.WriteString("table", w.Table);
                if (w.Row is { } row)
                {
                    writer.WriteNumber("row", row);
                }
                else
                {
                    writer.WriteNull("row");
                }

                writer.WriteString("key", w.Key);
                writer.WriteStringOrNull("hour", w.Hour?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
                writer.WriteNumberOrNull("value", w.Value);
                writer.WriteNumberOrNull("threshold", w.Threshold);
                writer.WriteString("unit", w.Unit);
                writer.WriteString("message", w.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteEmissions(Utf8JsonWriter writer, DistrictEmissions e)
    {
        writer.WriteStartObject("emissions");
        writer.WriteStartArray("outlets");
        foreach (EmissionInventory inventory in e.Inventories)
        {
            foreach (EmissionTotal total in inventory.Totals(EmissionGrouping.Outlet))
            {
                writer.WriteStartObject();
                writer.WriteString("outlet_id", total.GroupId);
                writer.WriteNumber("year", total.Year);
                writer.WriteString("pollutant", ContractNames.ToName(total.Pollutant));
                writer.WriteNumberOrNull("mass_t", total.Mass?.Tonnes);
                writer.WriteStringOrNull("method", total.Methods.Count > 0 ? ContractNames.ToName(total.Methods[0]) : null);
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();

        writer.WriteStartArray("totals");
        foreach (EmissionInventory inventory in e.Inventories)
        {
            foreach (EmissionTotal total in inventory.Totals(EmissionGrouping.District))
            {
                writer.WriteStartObject();
                writer.WriteNumber("year", total.Year);
                writer.WriteString("pollutant", ContractNames.ToName(total.Pollutant));
                writer.WriteNumberOrNull("mass_t", total.Mass?.Tonnes);
                writer.WriteStartArray("methods");
                foreach (EmissionMethod method in total.Methods)
                {
                    writer.WriteStringValue(ContractNames.ToName(method));
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();

        writer.WriteStartArray("targets_progress");
        foreach (TargetProgress p in e.Progress)
        {
            writer.WriteStartObject();
            writer.WriteNumber("year", p.Year);
            writer.WriteString("pollutant", ContractNames.ToName(p.Pollutant));
            writer.WriteNumberOrNull("emission_t", p.Emission?.Tonnes);
            writer.WriteNumberOrNull("ceiling_2027_t", p.Ceiling.Tonnes);
            writer.WriteNumberOrNull("reduction_pct", p.Reduction?.Percent);
            writer.WriteNumberOrNull("gap_t", p.Gap?.Tonnes);
            writer.WriteBooleanOrNull("met", p.Met);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("compliance");
        foreach (OutletCompliance c in e.Compliance?.Outlets ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString("outlet_id", c.OutletId);
            writer.WriteNumber("year", c.Year);
            writer.WriteString("pollutant", ContractNames.ToName(c.Pollutant));
            writer.WriteNumberOrNull("limit_mg_per_m3", c.Limit.Value?.MilligramsPerCubicMeter);
            writer.WriteNumberOrNull("reference_o2_pct", c.Limit.Basis.ReferenceOxygen?.Percent);
            writer.WriteNumber("valid_hours", c.ValidHours);
            writer.WriteNumber("over_limit_hours", c.OverLimitHours);
            writer.WriteNumberOrNull("max_hourly_mg_per_m3", c.MaxHourly?.MilligramsPerCubicMeter);
            writer.WriteBooleanOrNull("compliant", c.Compliant);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("plan_checks");
        foreach (PlanCheck c in e.Checks)
        {
            writer.WriteStartObject();
            writer.WriteString("check", c.CheckId);
            writer.WriteString("facility_id", c.FacilityId);
            writer.WriteString("outcome", ContractNames.ToName(c.Outcome));
            writer.WriteNumberOrNull("value", c.Value);
            writer.WriteNumberOrNull("threshold", c.Threshold);
            writer.WriteString("detail", c.Detail);
            writer.WriteString("source", c.Source.Source);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStringArray("missing", e.Inventories.SelectMany(i => i.Missing).Concat(e.Compliance?.Missing ?? []).Distinct());
        writer.WriteEndObject();
    }

    private static void WriteTax(Utf8JsonWriter writer, TaxAssessment? tax)
    {
        if (tax is null)
        {
            writer.WriteNull("tax");
            return;
        }

        writer.WriteStartObject("tax");
        writer.WriteNumber("year", tax.Year);
        writer.WriteNumberOrNull("rate_yuan_per_equivalent", tax.Rate.GetValue());
        writer.WriteString("rounding", tax.Rounding);
        writer.WriteString("rate_mark", tax.Rate.ConfidenceMark);
        writer.WriteNumberOrNull("total_yuan", tax.Total);
        writer.WriteNumber("known_total_yuan", tax.KnownTotal);
        writer.WriteStartArray("outlets");
        foreach (IGrouping<string, OutletMonthTax> outlet in tax.Outlets.GroupBy(o => o.OutletId))
        {
            writer.WriteStartObject();
            writer.WriteString("outlet_id", outlet.Key);
            writer.WriteNumber("tax_yuan", outlet.Sum(m => m.Tax));
            writer.WriteNumber("months", outlet.Count());
            writer.WriteNumber("reduced_months", outlet.Count(m => m.Pollutants.Any(p => p.Taxed && p.LevyShare < 1)));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStringArray("missing", tax.Missing);
        writer.WriteEndObject();
    }

    private static void WriteCarbon(Utf8JsonWriter writer, CarbonAssessment? carbon)
    {
        if (carbon is null)
        {
            writer.WriteNull("carbon");
            return;
        }

        writer.WriteStartObject("carbon");
        writer.WriteNumber("year", carbon.Year);
        writer.WriteNumberOrNull("grid_factor_t_per_mwh", carbon.GridFactor?.GetValue());
        writer.WriteStringOrNull("grid_factor_key", carbon.GridFactor?.Key);
        writer.WriteNumberOrNull("grid_factor_data_year", carbon.GridFactor?.ValidFrom?.Year);
        writer.WriteStringOrNull("grid_factor_mark", carbon.GridFactor?.ConfidenceMark);
        writer.WriteStartArray("enterprises");
        foreach (EnterpriseCarbon e in carbon.Enterprises)
        {
            writer.WriteStartObject();
            writer.WriteString("enterprise_id", e.EnterpriseId);
            writer.WriteNumberOrNull("combustion_t", e.Combustion?.Tonnes);
            writer.WriteNumberOrNull("process_t", e.Process?.Tonnes);
            writer.WriteNumberOrNull("electricity_t", e.Electricity?.Tonnes);
            writer.WriteNumberOrNull("total_t", e.Total?.Tonnes);
            writer.WriteNumberOrNull("t_per_t", e.PerTonne?.TonnesOfCarbonDioxidePerTonne);
            writer.WriteNumberOrNull("t_per_10k_yuan", e.PerOutputValue?.TonnesOfCarbonDioxidePerTenThousandYuan);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("townships");
        foreach (TownshipCarbon t in carbon.Townships)
        {
            writer.WriteStartObject();
            writer.WriteString("township", t.Township);
            writer.WriteNumberOrNull("total_t", t.Total?.Tonnes);
            writer.WriteNumberOrNull("t_per_10k_yuan", t.PerOutputValue?.TonnesOfCarbonDioxidePerTenThousandYuan);
            writer.WriteBooleanOrNull("above_city_average", t.AboveCityAverage);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStringArray("missing", carbon.Missing);
        writer.WriteEndObject();
    }

    private static void WriteGrading(Utf8JsonWriter writer, GradingResult? grading)
    {
        if (grading is null)
        {
            writer.WriteNull("grading");
            return;
        }

        writer.WriteStartObject("grading");
        writer.WriteStartObject("distribution");
        foreach ((PerformanceGrade grade, int count) in grading.Distribution())
        {
            writer.WriteNumber(PerformanceGrades.ToName(grade), count);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("enterprises");
        foreach (EnterpriseGrade e in grading.Enterprises.OrderBy(e => e.EnterpriseId, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("enterprise_id", e.EnterpriseId);
            writer.WriteString("industry", e.Industry);
            writer.WriteString("grade", PerformanceGrades.ToName(e.Grade));
            writer.WriteStringArray("failed", e.Failed.Select(o => o.Explanation));
            writer.WriteStringArray("unknown", e.Unknown.Select(o => o.Explanation));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStringArray("not_graded", grading.NotGraded);
        writer.WriteStringArray("omitted", grading.Omitted);
        writer.WriteEndObject();
    }

    private static string? LevelName(LimitLevel? level) => level switch
    {
        null => null,
        LimitLevel.AboveLevel3 => "above_level_3",
        { } l => $"level_{(int)l}",
    };

}

/// <summary>The JSON writer's output in chunks of 64 KB, each passed to a stream or, decoded, to a text writer as it fills.</summary>
internal sealed class ChunkedOutput(Stream? stream, TextWriter? text) : System.Buffers.IBufferWriter<byte>, IDisposable
{
    private const int ChunkSize = 1 << 16;
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private byte[] _bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(ChunkSize);
    private char[]? _chars = text is null ? null : System.Buffers.ArrayPool<char>.Shared.Rent(ChunkSize);
    private int _length;

    public void Advance(int count) => _length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _bytes.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _bytes.AsSpan(_length);
    }

    /// <summary>Passes on what is left.</summary>
    public void Complete()
    {
        Pass(flush: true);
        stream?.Flush();
        text?.Flush();
    }

    public void Dispose()
    {
        System.Buffers.ArrayPool<byte>.Shared.Return(_bytes);
        if (_chars is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(_chars);
        }

        _bytes = [];
        _chars = null;
    }

    private void Reserve(int sizeHint)
    {
        int needed = Math.Max(sizeHint, 1);
        if (_bytes.Length - _length >= needed)
        {
            return;
        }

        Pass(flush: false);
        if (_bytes.Length < needed)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(needed);
        }
    }

    private void Pass(bool flush)
    {
        if (stream is not null)
        {
            stream.Write(_bytes, 0, _length);
        }
        else
        {
            // The JSON writer never cuts a token, but the decoder would keep a cut character's first bytes for the next chunk.
            int offset = 0;
            while (offset < _length || flush)
            {
                _decoder.Convert(_bytes, offset, _length - offset, _chars!, 0, _chars!.Length, flush, out int used, out int chars, out bool completed);
                text!.Write(_chars, 0, chars);
                offset += used;
                if (completed && offset >= _length)
                {
                    break;
                }
            }
        }

        _length = 0;
    }
}
