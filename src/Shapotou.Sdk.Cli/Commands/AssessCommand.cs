using System.CommandLine;
using Shapotou.Sdk.Cli.Assessment;
using Shapotou.Sdk.Cli.DefaultData;
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
        var command = new Command("assess", "Assess the district: enterprises by township, the ferroalloy cluster, emissions 2022–2024 and the 2027 ceilings.")
        {
            json,
            asOf,
            catalogue,
        };
        command.SetAction(parse =>
        {
            ReferenceCatalogue loaded = CommonOptions.LoadCatalogue(parse.GetValue(catalogue));
            PlanFigures figures = PlanFigures.LoadEmbedded();
            DateOnly date = parse.GetValue(asOf) ?? new DateOnly(figures.BaselineYear, 12, 31);
            DistrictAssessment assessment = DistrictAssessment.ForDefaultDataset(figures, DefaultDataset.Instance, loaded, date);
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
