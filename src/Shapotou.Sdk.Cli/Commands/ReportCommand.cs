using System.CommandLine;
using Shapotou.Sdk.Analytics.Scenarios;
using Shapotou.Sdk.Assessment;
using Shapotou.Sdk.Cli.Report;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Parquet;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Cli.Commands;

/// <summary><c>shapotou report</c>: the district assessment as a self-contained HTML report and Markdown, with PNG charts.</summary>
internal static class ReportCommand
{
    public static Command Create(CommandContext context)
    {
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "The folder to write report.html (self-contained), report.md and the charts (PNG) into; created when missing.",
            HelpName = "DIR",
            Required = true,
        };
        Option<DirectoryInfo?> data = CommonOptions.Data();
        Option<string> language = CommonOptions.Language();
        Option<int?> year = CommonOptions.Year("The year of the report: its charts and the assessment behind them (energy, solid waste, emissions, tax, CO₂, grading), as assess --year; default: the charts of the baseline year 2024 over an assessment of every year.");
        Option<DateOnly?> asOf = CommonOptions.AsOf("Use the catalogue rows in force on this date; default: 31 December of the baseline year (2024-12-31).");
        Option<FileInfo?> catalogue = CommonOptions.Catalogue();
        Option<string> taxRounding = CommonOptions.TaxRounding();
        Option<FileInfo?> plausibility = CommonOptions.Plausibility();
        var scenario = new Option<FileInfo?>("--scenario")
        {
            Description = "A scenario file (JSON; docs/carbon-tax-scenarios.md) whose 2027 outcome the report draws; without it the scenario section says how to add one.",
            HelpName = "FILE",
        };
        var command = new Command("report", "Write the district report: emissions against the 2027 ceilings, unit energy against the benchmark, waste heat, solid waste, clean energy, performance grades and a scenario's outcome, as charts in Chinese or English.")
        {
            output,
            data,
            language,
            year,
            asOf,
            catalogue,
            taxRounding,
            plausibility,
            scenario,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            DirectoryInfo folder = CliInput.OutputFolder(parse.GetValue(output)!, "--out");
            ReferenceCatalogue loaded = CommonOptions.LoadCatalogue(parse.GetValue(catalogue));
            PlanFigures figures = PlanFigures.LoadEmbedded();
            DateOnly date = parse.GetValue(asOf) ?? new DateOnly(figures.BaselineYear, 12, 31);
            AssessmentSource source = CommonOptions.Source(parse.GetValue(data));
            DistrictAssessment assessment = await DistrictAssessment.RunAsync(source, new AssessmentOptions { Catalogue = loaded, AsOf = date, Year = parse.GetValue(year), Tax = Shapotou.Sdk.Analytics.Tax.TaxOptions.Preset(parse.GetValue(taxRounding)!)!, Plausibility = CommonOptions.LoadPlausibility(parse.GetValue(plausibility)) }, cancellationToken: cancellationToken).ConfigureAwait(false);

            // The charts and scenarios draw on whole tables.
            ClusterDataset dataset = await source.LoadDatasetAsync(cancellationToken).ConfigureAwait(false);

            ScenarioOutcome? outcome = null;
            if (parse.GetValue(scenario) is { } scenarioFile)
            {
                Scenario parsed = ScenarioFile.Parse(CliInput.ReadJsonText(scenarioFile, "Scenario file"), scenarioFile.Name);
                outcome = new ScenarioEvaluator(loaded).Evaluate(dataset, parsed, date);
            }

            ReportLanguage lang = parse.GetValue(language) == "zh" ? ReportLanguage.Zh : ReportLanguage.En;
            DistrictReport report = DistrictReport.Build(assessment, dataset, loaded, parse.GetValue(year) ?? figures.BaselineYear, lang, outcome);
            foreach (string path in report.Write(CliInput.CreateOutputFolder(folder, "--out").FullName))
            {
                await context.Error.WriteLineAsync($"wrote {path}").ConfigureAwait(false);
            }

            return ShapotouApp.Success;
        });
        return command;
    }
}
