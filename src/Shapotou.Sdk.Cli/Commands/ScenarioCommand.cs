using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Shapotou.Sdk.Assessment;
using Shapotou.Sdk.Analytics.Scenarios;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using Shapotou.Sdk.Cli.Rendering;
using Spectre.Console;
using UnitsNet;

namespace Shapotou.Sdk.Cli.Commands;

/// <summary><c>shapotou scenario FILE</c>: a what-if scenario against the 2027 ceilings (docs/carbon-tax-scenarios.md).</summary>
internal static class ScenarioCommand
{
    public static Command Create(CommandContext context)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The scenario file (JSON; format in docs/carbon-tax-scenarios.md)." };
        Option<bool> json = CommonOptions.Json();
        Option<DateOnly?> asOf = CommonOptions.AsOf("Use the catalogue rows in force on this date; default: 2024-12-31.");
        Option<FileInfo?> catalogue = CommonOptions.Catalogue();
        Option<DirectoryInfo?> data = CommonOptions.Data();
        var command = new Command("scenario", "Apply a scenario's retrofits, retirements, output changes and waste-heat additions to the base year: each 2027 ceiling met or by how many tonnes, energy and CO₂ effects, cost per tonne abated, and a Monte Carlo band.")
        {
            file,
            json,
            asOf,
            catalogue,
            data,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            FileInfo path = parse.GetValue(file)!;
            Scenario scenario = ScenarioFile.Parse(CliInput.ReadJsonText(path, "Scenario file"), path.Name);
            ReferenceCatalogue loaded = CommonOptions.LoadCatalogue(parse.GetValue(catalogue));
            DateOnly date = parse.GetValue(asOf) ?? new DateOnly(scenario.BaseYear, 12, 31);
            ClusterDataset dataset = await CommonOptions.LoadDatasetAsync(parse.GetValue(data), cancellationToken).ConfigureAwait(false);
            ScenarioOutcome outcome = new ScenarioEvaluator(loaded).Evaluate(dataset, scenario, date);
            if (parse.GetValue(json))
            {
                context.Output.WriteLine(WriteJson(outcome, dataset));
            }
            else
            {
                Render(context.CreateConsole(), outcome, dataset);
            }

            return ShapotouApp.Success;
        });
        return command;
    }

    private static string WriteJson(ScenarioOutcome o, ClusterDataset dataset)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("scenario", o.Scenario.Name);
            w.WriteString("dataset", dataset.Name);
            w.WriteBoolean("illustrative", dataset.Illustrative);
            w.WriteNumber("base_year", o.Scenario.BaseYear);
            w.WriteBoolean("all_targets_met", o.AllTargetsMet);
            w.WriteStartArray("pollutants");
            foreach (PollutantOutcome p in o.Pollutants)
            {
                w.WriteStartObject();
                w.WriteString("pollutant", ContractNames.ToName(p.Pollutant));
                w.WriteNumber("base_t", p.Base.Tonnes);
                w.WriteNumber("projected_t", p.Projected.Tonnes);
                w.WriteNumber("ceiling_2027_t", p.Ceiling.Tonnes);
                w.WriteNumber("margin_t", p.Margin.Tonnes);
                w.WriteBoolean("met", p.Met);
                w.WriteNumberOrNull("p5_t", p.Percentiles?.P5.Tonnes);
                w.WriteNumberOrNull("p50_t", p.Percentiles?.P50.Tonnes);
                w.WriteNumberOrNull("p95_t", p.Percentiles?.P95.Tonnes);
                w.WriteNumberOrNull("probability_met", p.ProbabilityMet);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumberOrNull("energy_change_tce", o.EnergyChange?.TonnesOfCoalEquivalent);
            w.WriteNumberOrNull("co2_change_t", o.Co2Change?.Tonnes);
            w.WriteStartArray("changes");
            foreach (ChangeEffect c in o.Changes)
            {
                w.WriteStartObject();
                w.WriteString("id", c.ChangeId);
                foreach ((Pollutant pollutant, Mass abated) in c.Abated.OrderBy(a => a.Key))
                {
                    w.WriteNumber($"abated_{ContractNames.ToName(pollutant)}_t", abated.Tonnes);
                }

                w.WriteNumberOrNull("energy_change_tce", c.EnergyChange?.TonnesOfCoalEquivalent);
                w.WriteNumberOrNull("co2_change_t", c.Co2Change?.Tonnes);
                // The file's units: 10⁴ yuan, and yuan per tonne as the double quotient of the cost and the tonnes abated.
                w.WriteNumberOrNull("cost_10k_yuan", c.AnnualCostYuan is { } cost ? (double)(cost / 10_000m) : null);
                w.WriteNumberOrNull("yuan_per_t", c.CostPerTonneAbatedYuan is null ? null : (double)c.AnnualCostYuan!.Value / c.TotalAbated.Tonnes);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStringArray("assumptions", o.Assumptions);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal static void Render(IAnsiConsole console, ScenarioOutcome o, ClusterDataset dataset)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        ConsoleTable.Header(console, dataset.Illustrative, Markup.Escape($"Scenario '{o.Scenario.Name}' on {o.Scenario.BaseYear.ToString(c)}, dataset {dataset.Name}") + (dataset.Illustrative ? " (synthetic; docs/default-dataset.md)" : string.Empty));

        var table = new Table().Title(Markup.Escape($"Scenario '{o.Scenario.Name}' on {o.Scenario.BaseYear}: 2027 ceilings (t)"))
            .AddColumn(ConsoleTable.Id("pollutant")).AddColumn(ConsoleTable.Number("base")).AddColumn(ConsoleTable.Number("projected"))
            .AddColumn(ConsoleTable.Number("ceiling")).AddColumn(ConsoleTable.Number("margin")).AddColumn("met")
            .AddColumn(ConsoleTable.Number("P5–P95")).AddColumn(ConsoleTable.Number("P(met)"));
        foreach (PollutantOutcome p in o.Pollutants)
        {
            table.AddRow(
                ContractNames.ToName(p.Pollutant),
                p.Base.Tonnes.ToString("N2", c),
                p.Projected.Tonnes.ToString("N2", c),
                p.Ceiling.Tonnes.ToString("N2", c),
                p.Margin.Tonnes.ToString("N2", c),
                p.Met ? "[green]yes[/]" : "[red]no[/]",
                p.Percentiles is { } b ? $"{b.P5.Tonnes.ToString("N0", c)}–{b.P95.Tonnes.ToString("N0", c)}" : "–",
                p.ProbabilityMet?.ToString("P0", c) ?? "–");
        }

        ConsoleTable.Write(console, table);
        console.MarkupLine(string.Create(c, $"Energy {o.EnergyChange?.TonnesOfCoalEquivalent.ToString("N0", c) ?? "–"} tce, CO₂ {o.Co2Change?.Tonnes.ToString("N0", c) ?? "–"} t against the base year."));
        var changes = new Table().Title("Changes alone, by cost per tonne abated (marginal abatement cost)").AddColumn(ConsoleTable.Id("change"))
            .AddColumn(ConsoleTable.Number("PM t")).AddColumn(ConsoleTable.Number("SO₂ t")).AddColumn(ConsoleTable.Number("NOx t"))
            .AddColumn(ConsoleTable.Number("yuan/t"));
        foreach (ChangeEffect e in o.Changes)
        {
            changes.AddRow(
                Markup.Escape(e.ChangeId),
                e.Abated[Pollutant.Pm].Tonnes.ToString("N2", c),
                e.Abated[Pollutant.So2].Tonnes.ToString("N2", c),
                e.Abated[Pollutant.Nox].Tonnes.ToString("N2", c),
                e.CostPerTonneAbatedYuan?.ToString("N0", c) ?? "–");
        }

        ConsoleTable.Write(console, changes);
        foreach (string a in o.Assumptions)
        {
            console.MarkupLine($" • {Markup.Escape(a)}");
        }
    }
}
