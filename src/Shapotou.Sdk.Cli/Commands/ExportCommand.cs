using System.CommandLine;
using Shapotou.Sdk.Cli.DefaultData;
using Shapotou.Sdk.Parquet;

namespace Shapotou.Sdk.Cli.Commands;

/// <summary><c>shapotou export</c>: writes the embedded default dataset as contract tables, so analysis starts from real files.</summary>
internal static class ExportCommand
{
    public static Command Create(CommandContext context)
    {
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "The folder to write <table>.parquet files into; created when missing.",
            HelpName = "DIR",
            Required = true,
        };
        var command = new Command("export", "Write the default dataset (illustrative) as Parquet files of the data contract.")
        {
            output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            DirectoryInfo folder = parse.GetValue(output)!;
            IReadOnlyList<string> paths = await ClusterDatasetParquet.WriteAsync(DefaultDataset.Instance, folder.FullName, cancellationToken).ConfigureAwait(false);
            foreach (string path in paths)
            {
                await context.Error.WriteLineAsync($"wrote {path}").ConfigureAwait(false);
            }

            return ShapotouApp.Success;
        });
        return command;
    }
}
