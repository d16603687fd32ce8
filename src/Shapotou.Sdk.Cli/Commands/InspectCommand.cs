using System.CommandLine;
using System.Globalization;
using Shapotou.Sdk.Parquet;

namespace Shapotou.Sdk.Cli.Commands;

/// <summary><c>shapotou inspect FILE…</c>: a Parquet file's schema, row groups and rows, and the SDK's reading of each column.</summary>
internal static class InspectCommand
{
    public static Command Create(CommandContext context)
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Parquet files to inspect.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("inspect", "Show what the SDK reads in Parquet files: schema, row groups, rows, the contract table matched, and each column's reading. Exit 1 when the SDK refuses a file or a column.")
        {
            files,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            CultureInfo c = CultureInfo.InvariantCulture;
            bool refused = false;
            foreach (FileInfo file in parse.GetValue(files)!)
            {
                CliInput.ExistingFile(file, "Parquet file");

                ParquetInspection inspection = await ParquetInspector.InspectAsync(file.FullName, cancellationToken).ConfigureAwait(false);
                refused |= !inspection.Reads;
                TextWriter o = context.Output;
                await o.WriteLineAsync(string.Create(c, $"{inspection.File}: {inspection.RowGroups} row groups, {inspection.Rows} rows, table {inspection.Table ?? "(none of the contract)"}")).ConfigureAwait(false);
                if (inspection.Refusal is not null)
                {
                    await o.WriteLineAsync($"  refused: {inspection.Refusal}").ConfigureAwait(false);
                }

                foreach (InspectedColumn column in inspection.Columns)
                {
                    await o.WriteLineAsync($"  {column.Path} ({column.Type}{(column.Nullable ? ", nullable" : string.Empty)}): {column.Reading}{(column.FastScan is null ? string.Empty : $"; fast scan: {column.FastScan}")}").ConfigureAwait(false);
                }
            }

            return refused ? ShapotouApp.RejectedInput : ShapotouApp.Success;
        });
        return command;
    }
}
