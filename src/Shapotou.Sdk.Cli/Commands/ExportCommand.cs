using System.CommandLine;
using Shapotou.Sdk.Assessment;

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
        var scale = new Option<int>("--scale")
        {
            Description = "Write N copies of the cluster (ids suffixed -c2, -c3, …; townships kept), for province-sized data. Default: 1.",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
        };
        scale.CustomParser = CliInput.ParseInteger;
        scale.InRange(1, 10_000, "a number of copies");
        var command = new Command("export", "Write the default dataset (illustrative) as Parquet files of the data contract.")
        {
            output,
            scale,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            DirectoryInfo folder = CliInput.CreateOutputFolder(parse.GetValue(output)!, "--out");
            IReadOnlyList<string> paths = await DefaultDataset.WriteAsync(folder.FullName, parse.GetValue(scale), cancellationToken).ConfigureAwait(false);
            foreach (string path in paths)
            {
                await context.Error.WriteLineAsync($"wrote {path}").ConfigureAwait(false);
            }

            return ShapotouApp.Success;
        });
        return command;
    }
}
