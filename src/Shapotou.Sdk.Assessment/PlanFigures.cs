using System.Text.Json;
using System.Text.Json.Serialization;
using UnitsNet;

namespace Shapotou.Sdk.Assessment;

/// <summary>The plan's published district figures (tables 1-1 and 1-2, P2), embedded as data with their sources.</summary>
/// <param name="Source">The document the figures come from.</param>
/// <param name="BaselineYear">The plan's baseline year (2024).</param>
/// <param name="TargetYear">The plan's target year (2027).</param>
/// <param name="Townships">Table 1-1.</param>
/// <param name="Ferroalloy">The ferroalloy cluster of P2.</param>
/// <param name="EmissionsT">Table 1-2.</param>
public sealed record PlanFigures(
    string Source,
    int BaselineYear,
    int TargetYear,
    TownshipTable Townships,
    FerroalloyFigures Ferroalloy,
    EmissionHistory EmissionsT)
{
    private const string ResourceName = "Shapotou.Sdk.Assessment.DefaultData.plan-figures.json";

    /// <summary>Loads the embedded figures and checks that the table totals equal the sums of their rows.</summary>
    /// <returns>The plan's figures.</returns>
    public static PlanFigures LoadEmbedded()
    {
        using Stream stream = typeof(PlanFigures).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing.");
        PlanFigures figures = JsonSerializer.Deserialize(stream, PlanFiguresJsonContext.Default.PlanFigures)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is empty.");
        figures.CheckTotals();
        return figures;
    }

    private void CheckTotals()
    {
        int enterprises = Townships.Rows.Sum(r => r.Enterprises);
        long outputValue = Townships.Rows.Sum(r => r.OutputValue10kYuan);
        if (enterprises != Townships.TotalEnterprises || outputValue != Townships.TotalOutputValue10kYuan)
        {
            throw new ShapotouDataException(
                $"Table 1-1 rows sum to {enterprises} enterprises and {outputValue} × 10^4 yuan; its totals say {Townships.TotalEnterprises} and {Townships.TotalOutputValue10kYuan}.");
        }
    }
}

/// <summary>Table 1-1: enterprises and output value per township, 2024.</summary>
/// <param name="Source">The table's source.</param>
/// <param name="Rows">One row per township.</param>
/// <param name="TotalEnterprises">The table's total of enterprises.</param>
/// <param name="TotalOutputValue10kYuan">The table's total output value, in 10⁴ yuan.</param>
public sealed record TownshipTable(string Source, IReadOnlyList<TownshipRow> Rows, int TotalEnterprises, [property: JsonPropertyName("total_output_value_10k_yuan")] long TotalOutputValue10kYuan);

/// <summary>One township of table 1-1.</summary>
/// <param name="Township">The township's id (pinyin), as in the contract's <c>township</c> column.</param>
/// <param name="NameZh">The township's Chinese name.</param>
/// <param name="Enterprises">Its enterprises.</param>
/// <param name="OutputValue10kYuan">Their output value, in 10⁴ yuan.</param>
/// <param name="Capacity">Their capacity (the table gives it in 10⁴ t, the <c>capacity_10k_t</c> field), where the table gives it.</param>
/// <param name="Industries">The industries the table names.</param>
public sealed record TownshipRow(
    string Township,
    string NameZh,
    int Enterprises,
    [property: JsonPropertyName("output_value_10k_yuan")] long OutputValue10kYuan,
    [property: JsonPropertyName("capacity_10k_t"), JsonConverter(typeof(TenThousandTonnesJsonConverter))] Mass? Capacity,
    string Industries);

/// <summary>The ferroalloy cluster's figures of P2.</summary>
/// <param name="Source">The clause the figures come from.</param>
/// <param name="Year">The year of the figures.</param>
/// <param name="Enterprises">Ferroalloy enterprises.</param>
/// <param name="Furnaces">Submerged-arc furnaces.</param>
/// <param name="FurnacesRunning">Furnaces running.</param>
/// <param name="Capacity">Capacity per year, in tonnes as the plan states it.</param>
/// <param name="Output">Output of the year, in tonnes as the plan states it.</param>
/// <param name="OutputChange">Output change on the year before, in percent as the plan states it.</param>
/// <param name="NationalMarketShare">Share of the national market, in percent as the plan states it.</param>
/// <param name="OutputValue">Output value, in 10⁴ yuan (ten-thousand yuan) as the plan states it.</param>
/// <param name="WasteHeatCoverage">Furnaces with waste-heat recovery, a share of the furnaces, in percent as the plan states it.</param>
public sealed record FerroalloyFigures(
    string Source,
    int Year,
    int Enterprises,
    int Furnaces,
    int FurnacesRunning,
    [property: JsonPropertyName("capacity_t"), JsonConverter(typeof(TonnesJsonConverter))] Mass Capacity,
    [property: JsonPropertyName("output_t"), JsonConverter(typeof(TonnesJsonConverter))] Mass Output,
    [property: JsonPropertyName("output_change_pct"), JsonConverter(typeof(PercentJsonConverter))] Ratio OutputChange,
    [property: JsonPropertyName("national_market_share_pct"), JsonConverter(typeof(PercentJsonConverter))] Ratio NationalMarketShare,
    [property: JsonPropertyName("output_value_10k_yuan")] decimal OutputValue,
    [property: JsonPropertyName("waste_heat_coverage_pct"), JsonConverter(typeof(PercentJsonConverter))] Ratio WasteHeatCoverage);

/// <summary>Reads a number of tonnes of the embedded figures as a <see cref="Mass"/> in tonnes (kept in that unit, so that
/// <c>.Tonnes</c> gives the file's number back exactly).</summary>
internal sealed class TonnesJsonConverter : JsonConverter<Mass>
{
    public override Mass Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Mass.FromTonnes(reader.GetDouble());

    public override void Write(Utf8JsonWriter writer, Mass value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Tonnes);
}

/// <summary>Reads a number of 10⁴ tonnes of the embedded figures as a <see cref="Mass"/> in tonnes.</summary>
internal sealed class TenThousandTonnesJsonConverter : JsonConverter<Mass>
{
    public override Mass Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Mass.FromTonnes(reader.GetDouble() * 10_000);

    public override void Write(Utf8JsonWriter writer, Mass value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Tonnes / 10_000);
}

/// <summary>Reads a percentage of the embedded figures as a <see cref="Ratio"/> in percent (kept in that unit, so that
/// <c>.Percent</c> gives the file's number back exactly).</summary>
internal sealed class PercentJsonConverter : JsonConverter<Ratio>
{
    public override Ratio Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Ratio.FromPercent(reader.GetDouble());

    public override void Write(Utf8JsonWriter writer, Ratio value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Percent);
}

/// <summary>Table 1-2: industrial emissions per year, in tonnes.</summary>
/// <param name="Source">The table's source.</param>
/// <param name="Rows">One row per year.</param>
public sealed record EmissionHistory(string Source, IReadOnlyList<EmissionYear> Rows);

/// <summary>One year of table 1-2, in tonnes.</summary>
/// <param name="Year">The year.</param>
/// <param name="Pm">Particulate matter, t.</param>
/// <param name="So2">SO₂, t.</param>
/// <param name="Nox">NOx as NO₂, t.</param>
public sealed record EmissionYear(int Year, double Pm, double So2, double Nox)
{
    /// <summary>Gets the tonnes of one pollutant: <c>pm</c>, <c>so2</c> or <c>nox</c>.</summary>
    /// <param name="pollutant">The pollutant's contract name.</param>
    /// <returns>The tonnes.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Another name.</exception>
    public double Get(string pollutant) => pollutant switch
    {
        "pm" => Pm,
        "so2" => So2,
        "nox" => Nox,
        _ => throw new ArgumentOutOfRangeException(nameof(pollutant), pollutant, "Expected pm, so2 or nox."),
    };
}

/// <summary>The source-generated reader of the embedded figures, so that trimmed and native-AOT applications read them too.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(PlanFigures))]
internal sealed partial class PlanFiguresJsonContext : JsonSerializerContext;
