using System.CommandLine;
using Shapotou.Sdk.Assessment;
using Shapotou.Sdk.Cli.Rendering;

namespace Shapotou.Sdk.Cli.Commands;

/// <summary><c>shapotou assess</c>: the district assessment on the embedded default dataset.</summary>
internal static class AssessCommand
{
    public static Command Create(CommandContext context)
    {
        Option<bool> json = CommonOptions.Json();
        Option<DateOnly?> asOf = CommonOptions.AsOf("Use the catalogue rows in force on this date; default: 31 December of the baseline year (2024-12-31).");
        Option<FileInfo?> catalogue = CommonOptions.Catalogue();
        Option<DirectoryInfo?> data = CommonOptions.Data();
        Option<FileInfo?> criteria = CommonOptions.GradingCriteria("A performance-grading criteria table (JSON, docs/grading.md) instead of the SDK's examples.");
        Option<string> taxRounding = CommonOptions.TaxRounding();
        Option<FileInfo?> plausibility = CommonOptions.Plausibility();
        Option<int?> year = CommonOptions.Year("Assess one year (energy, solid waste, emissions, tax, CO₂, grading); default: every year the dataset holds. The 2027 ceilings always come from the 2024 inventory.");
        Option<FileInfo?> facts = CommonOptions.Facts("Enterprise facts for grading (fugitive control, transport; JSON, docs/grading.md).");
        var output = new Option<DirectoryInfo?>("--out")
        {
            Description = "Also write the result tables (unit energy, solid waste, inventory, totals, 2027 progress, compliance, P6 checks, tax, CO₂, plausibility warnings) as <table>.parquet and <table>.csv into DIR, units in the metadata and headers.",
            HelpName = "DIR",
        };
        var command = new Command("assess", "Assess the district: enterprises by township, the ferroalloy cluster, unit energy against the benchmark, solid waste and waste heat, the emission inventory and the 2027 ceilings, limits and the P6 checks, tax, CO₂ and performance grades.")
        {
            json,
            asOf,
            catalogue,
            data,
            criteria,
            facts,
            year,
            taxRounding,
            plausibility,
            output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            DirectoryInfo? folder = parse.GetValue(data);
            var options = new AssessmentOptions
            {
                Catalogue = CommonOptions.LoadCatalogue(parse.GetValue(catalogue)),
                AsOf = parse.GetValue(asOf),
                Year = parse.GetValue(year),
                Tax = Shapotou.Sdk.Analytics.Tax.TaxOptions.Preset(parse.GetValue(taxRounding)!)!,
                GradingCriteria = CommonOptions.LoadGradingCriteria(parse.GetValue(criteria)),
                EnterpriseFacts = CommonOptions.LoadFacts(parse.GetValue(facts)),
                Plausibility = CommonOptions.LoadPlausibility(parse.GetValue(plausibility)),
            };
            AssessmentSource source = CommonOptions.Source(folder);
            DistrictAssessment assessment = await context.WithProgressAsync(
                "Assessing",
                progress => DistrictAssessment.RunAsync(source, options, progress, cancellationToken)).ConfigureAwait(false);
            if (parse.GetValue(output) is { } tables)
            {
                foreach (string path in await AssessmentTables.WriteAsync(assessment, tables.FullName, cancellationToken).ConfigureAwait(false))
                {
                    await context.Error.WriteLineAsync($"wrote {path}").ConfigureAwait(false);
                }
            }

            if (parse.GetValue(json))
            {
                AssessmentJson.Write(assessment, context.Output);
                context.Output.WriteLine();
            }
            else
            {
                AssessmentConsoleView.Render(context.CreateConsole(), assessment);
            }

            return ShapotouApp.Success;
        });
        return command;
    }
}
