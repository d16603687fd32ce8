using System.CommandLine;
using System.Globalization;
using System.Text;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Import;
using Shapotou.Sdk.Parquet;

namespace Shapotou.Sdk.Cli.Commands;

/// <summary><c>shapotou import --table T FILE --out DIR</c>: a CSV or Excel ledger, checked, as a contract table file.</summary>
internal static class ImportCommand
{
    public static Command Create(CommandContext context)
    {
        var table = new Option<string>("--table")
        {
            Description = $"The contract table the file holds: {string.Join(", ", ContractSchema.Tables.Select(t => t.Name))}.",
            HelpName = "TABLE",
            Required = true,
        };
        table.OneOf([.. ContractSchema.Tables.Select(t => t.Name)]);
        var file = new Argument<FileInfo>("file") { Description = "The CSV (UTF-8 or GB18030) or Excel .xlsx file." };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "The folder to write <table>.parquet into (replacing it atomically); created when missing.",
            HelpName = "DIR",
            Required = true,
        };
        var sheet = new Option<string?>("--sheet") { Description = "The worksheet of an Excel file (the first when omitted).", HelpName = "NAME" };
        var encoding = new Option<string?>("--encoding") { Description = "The encoding of a CSV file: utf-8 or gb18030 (detected when omitted).", HelpName = "NAME" };
        encoding.OneOf("utf-8", "gb18030");
        var ignore = new Option<bool>("--ignore-unknown") { Description = "Ignore headers that name no column of the table (they are listed), instead of refusing the file." };
        var command = new Command("import", "Import a CSV or Excel ledger into a Parquet table of the data contract, with the checks of the reader and the model. Exit 1 when the file is refused.")
        {
            table,
            file,
            output,
            sheet,
            encoding,
            ignore,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            FileInfo input = parse.GetValue(file)!;
            CliInput.ExistingFile(input, "Input file");
            DirectoryInfo folder = CliInput.OutputFolder(parse.GetValue(output)!, "--out");

            TableSpec spec = ContractSchema.Tables.Single(t => string.Equals(t.Name, parse.GetValue(table), StringComparison.OrdinalIgnoreCase));
            var options = new TableImportOptions
            {
                Sheet = parse.GetValue(sheet),
                Encoding = parse.GetValue(encoding)?.ToLowerInvariant() switch
                {
                    "utf-8" => new UTF8Encoding(false),
                    "gb18030" => CodePagesEncodingProvider.Instance.GetEncoding("GB18030"),
                    _ => null,
                },
                IgnoreUnknownColumns = parse.GetValue(ignore),
            };
            TableBatch rows = TableImport.Read(input.FullName, spec, options);
            if (rows.RowCount == 0)
            {
                throw new ShapotouDataException($"File '{input.Name}' holds no rows of table '{spec.Name}'; expected at least one row below the header.");
            }

            string path = Path.Combine(CliInput.CreateOutputFolder(folder, "--out").FullName, $"{spec.Name}.parquet");
            await ParquetTables.WriteAsync(path, rows, cancellationToken).ConfigureAwait(false);
            if (rows.Metadata.TryGetValue("shapotou.ignored_columns", out string? ignored))
            {
                await context.Error.WriteLineAsync($"ignored columns: {ignored}").ConfigureAwait(false);
            }

            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"imported {rows.RowCount} rows of {spec.Name} from {input.Name} into {path}")).ConfigureAwait(false);
            return ShapotouApp.Success;
        });
        return command;
    }
}
