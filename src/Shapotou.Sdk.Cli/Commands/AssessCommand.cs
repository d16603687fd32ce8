using System.CommandLine;
using Shapotou.Sdk.Cli.Assessment;
using Shapotou.Sdk.Cli.DefaultData;
using Shapotou.Sdk.Parquet;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Cli.Commands;

/// <summary><c>shapotou assess</c>: the district assessment on the embedded default dataset.</summary>
internal static class AssessCommand
{
    public static Command Create(CommandContext context)
    {
        Option<bool> json = CommonOptions.Json();
        Option<DateOnly?> asOf = CommonOptions.AsOf("Use the catalogue rows in force on this date; default: 31 December of the baseline year (2024-12-31).");
        Option<FileInfo?> catalogue = CommonOptions.Catalogue();
        var data = new Option<DirectoryInfo?>("--data")
        {
            Description = "A folder of contract tables (<table>.parquet); without it, the embedded default dataset (illustrative).",
            HelpName = "DIR",
        };
        var command = new Command("assess", "Assess the district: enterprises by township, the ferroalloy cluster, unit energy against the benchmark, solid waste, emissions 2022–2024 and the 2027 ceilings.")
        {
            json,
            asOf,
            catalogue,
            data,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            ReferenceCatalogue loaded = CommonOptions.LoadCatalogue(parse.GetValue(catalogue));
            PlanFigures figures = PlanFigures.LoadEmbedded();
            DateOnly date = parse.GetValue(asOf) ?? new DateOnly(figures.BaselineYear, 12, 31);
            DistrictAssessment assessment = parse.GetValue(data) is { } folder
                ? DistrictAssessment.ForFolder(figures, await ClusterDatasetParquet.ReadAsync(folder.FullName, cancellationToken: cancellationToken).ConfigureAwait(false), loaded, date)
                : DistrictAssessment.ForDefaultDataset(figures, DefaultDataset.Instance, loaded, date);
            if (parse.GetValue(json))
            {
                context.Output.WriteLine(AssessmentJsonWriter.Write(assessment));
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
