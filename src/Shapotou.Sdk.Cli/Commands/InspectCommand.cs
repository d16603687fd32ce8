using System.CommandLine;
using System.Globalization;
using Shapotou.Sdk.Parquet;
using Shapotou.Sdk.Units;

namespace Shapotou.Sdk.Cli.Commands;

/// <summary>
/// <c>shapotou inspect FILE…</c>: a Parquet file's row groups and rows, the contract table it matches and how, whether
/// its metadata marks it illustrative, each column's reading with its quantity and unit, and with <c>--head N</c> its
/// first rows.
/// </summary>
internal static class InspectCommand
{
    public static Command Create(CommandContext context)
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Parquet files to inspect.", Arity = ArgumentArity.OneOrMore };
        var head = new Option<int>("--head") { Description = "Also show the first N rows (default 0).", HelpName = "N", CustomParser = CliInput.ParseInteger }
            .InRange(0, 1_000, "a number of rows");
        var command = new Command("inspect", "Show what the SDK reads in Parquet files: row groups, rows, the contract table matched, the illustrative mark, each column's reading with its quantity and unit, and with --head N the first rows. Exit 1 when the SDK refuses a file or a column.")
        {
            files,
            head,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            bool refused = false;
            int rows = parse.GetValue(head);
            foreach (FileInfo file in parse.GetValue(files)!)
            {
                CliInput.ExistingFile(file, "Parquet file");

                ParquetInspection inspection = await ParquetInspector.InspectAsync(file.FullName, rows, cancellationToken).ConfigureAwait(false);
                refused |= !inspection.Reads;
                foreach (string line in Describe(inspection, rows))
                {
                    await context.Output.WriteLineAsync(line).ConfigureAwait(false);
                }
            }

            return refused ? ShapotouApp.RejectedInput : ShapotouApp.Success;
        });
        return command;
    }

    /// <summary>The lines <c>inspect</c> prints for one file.</summary>
    internal static IEnumerable<string> Describe(ParquetInspection inspection, int headRows)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        yield return string.Create(c, $"{inspection.File}: {inspection.RowGroups:N0} {(inspection.RowGroups == 1 ? "row group" : "row groups")}, {inspection.Rows:N0} {(inspection.Rows == 1 ? "row" : "rows")}");
        if (inspection.Refusal is not null)
        {
            yield return $"  refused: {inspection.Refusal}";
            yield break;
        }

        yield return inspection.Table is null
            ? "  contract table: none (no table of docs/tables.md has all its required columns here)"
            : $"  contract table: {inspection.Table} ({(inspection.TableFromMetadata ? "named in the file's metadata" : "its required columns are all here")})";
        yield return inspection.Illustrative switch
        {
            true => "  data: ILLUSTRATIVE (the file's metadata marks them synthetic or assumed; see docs/default-dataset.md)",
            false => "  data: not illustrative (the file's metadata says so)",
            null => "  data: the file's metadata does not say whether they are illustrative",
        };
        foreach (InspectedColumn column in inspection.Columns)
        {
            string quantity = column.Unit is null
                ? string.Empty
                : $", {column.Quantity} in {Symbol(column.Quantity, column.Unit)} ({(column.UnitFromFile ? "unit from the file's metadata" : "the table's default unit")})";
            string nullable = column.Nullable ? ", may be null" : string.Empty;
            yield return $"  {column.Path}: {column.Kind}{quantity}{nullable}; {Reading(column)}{(column.FastScan is null ? string.Empty : $"; fast scan: {column.FastScan}")}";
        }

        if (headRows > 0)
        {
            int shown = inspection.Columns.Count == 0 ? 0 : inspection.Columns.Max(col => col.Head.Count);
            yield return string.Create(c, $"  first {shown:N0} {(shown == 1 ? "row" : "rows")}:");
            for (int r = 0; r < shown; r++)
            {
                int row = r;
                yield return string.Create(c, $"    {row + 1}: ") + string.Join(", ", inspection.Columns.Where(col => row < col.Head.Count).Select(col => $"{col.Path}={col.Head[row] ?? "null"}"));
            }
        }
    }

    /// <summary>The reading without its leading "reads as &lt;kind&gt;: ", which the line already says.</summary>
    private static string Reading(InspectedColumn column)
    {
        string prefix = $"reads as {column.Kind}: ";
        return column.Reading.StartsWith(prefix, StringComparison.Ordinal) ? column.Reading[prefix.Length..] : column.Reading;
    }

    /// <summary>The unit's symbol (<c>t</c> for <c>Tonne</c>), or its name when the quantity and unit are not ones UnitsNet knows.</summary>
    private static string Symbol(string? quantity, string unit)
    {
        if (quantity is null)
        {
            return unit;
        }

        try
        {
            Enum parsed = QuantityUnits.ParseUnit(quantity, unit);
            return UnitsNet.UnitAbbreviationsCache.Default.GetDefaultAbbreviation(parsed.GetType(), Convert.ToInt32(parsed, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }
        catch (ShapotouDataException)
        {
            return unit;
        }
    }
}
