using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shapotou.Sdk.Cli.Assessment;

/// <summary>The plan's published district figures (tables 1-1 and 1-2, P2), embedded as data with their sources.</summary>
internal sealed record PlanFigures(
    string Source,
    int BaselineYear,
    int TargetYear,
    TownshipTable Townships,
    FerroalloyFigures Ferroalloy,
    EmissionHistory EmissionsT)
{
    private const string ResourceName = "Shapotou.Sdk.Cli.DefaultData.plan-figures.json";

    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Loads the embedded figures and checks that the table totals equal the sums of their rows.</summary>
    public static PlanFigures LoadEmbedded()
    {
        using Stream stream = typeof(PlanFigures).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing.");
        PlanFigures figures = JsonSerializer.Deserialize<PlanFigures>(stream, s_options)
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
internal sealed record TownshipTable(string Source, IReadOnlyList<TownshipRow> Rows, int TotalEnterprises, [property: JsonPropertyName("total_output_value_10k_yuan")] long TotalOutputValue10kYuan);

/// <summary>One township of table 1-1.</summary>
internal sealed record TownshipRow(
    string Township,
    string NameZh,
    int Enterprises,
    [property: JsonPropertyName("output_value_10k_yuan")] long OutputValue10kYuan,
    [property: JsonPropertyName("capacity_10k_t")] double? Capacity10kT,
    string Industries);

/// <summary>The ferroalloy cluster's figures of P2.</summary>
internal sealed record FerroalloyFigures(
    string Source,
    int Year,
    int Enterprises,
    int Furnaces,
    int FurnacesRunning,
    double CapacityT,
    double OutputT,
    double OutputChangePct,
    double NationalMarketSharePct,
    [property: JsonPropertyName("output_value_10k_yuan")] double OutputValue10kYuan,
    double WasteHeatCoveragePct);

/// <summary>Table 1-2: industrial emissions per year, in tonnes.</summary>
internal sealed record EmissionHistory(string Source, IReadOnlyList<EmissionYear> Rows);

/// <summary>One year of table 1-2, in tonnes.</summary>
internal sealed record EmissionYear(int Year, double Pm, double So2, double Nox)
{
    /// <summary>Gets the tonnes of one pollutant: <c>pm</c>, <c>so2</c> or <c>nox</c>.</summary>
    public double Get(string pollutant) => pollutant switch
    {
        "pm" => Pm,
        "so2" => So2,
        "nox" => Nox,
        _ => throw new ArgumentOutOfRangeException(nameof(pollutant), pollutant, "Expected pm, so2 or nox."),
    };
}
