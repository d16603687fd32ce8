using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Shapotou.Sdk.Reference;
using Shapotou.Sdk.Cli.Rendering;
using Spectre.Console;

namespace Shapotou.Sdk.Cli.Commands;

/// <summary><c>shapotou reference</c>: the catalogue of reference values with sources, validity and confidence marks.</summary>
internal static class ReferenceCommand
{
    public static Command Create(CommandContext context)
    {
        Option<bool> json = CommonOptions.Json();
        Option<DateOnly?> asOf = CommonOptions.AsOf("List only the rows in force on this date (one per key); without it, every row.");
        Option<FileInfo?> catalogue = CommonOptions.Catalogue();
        var command = new Command("reference", "List the reference catalogue: every coefficient, benchmark, limit and rate with its source and confidence mark.")
        {
            json,
            asOf,
            catalogue,
        };
        command.SetAction(parse =>
        {
            ReferenceCatalogue loaded = CommonOptions.LoadCatalogue(parse.GetValue(catalogue));
            DateOnly? date = parse.GetValue(asOf);
            IReadOnlyList<ReferenceValue> rows = date is { } d ? loaded.InForce(d) : loaded.Values;
            if (parse.GetValue(json))
            {
                WriteJson(context.Output, rows);
            }
            else
            {
                Render(context.CreateConsole(), rows, date);
            }

            return ShapotouApp.Success;
        });
        return command;
    }

    private static void WriteJson(TextWriter output, IReadOnlyList<ReferenceValue> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            ReferenceCatalogueJson.Write(writer, rows);
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void Render(IAnsiConsole console, IReadOnlyList<ReferenceValue> rows, DateOnly? asOf)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        var table = new Table()
            .Title(asOf is { } d ? $"Reference catalogue, rows in force on {d.ToString("yyyy-MM-dd", c)}" : "Reference catalogue, all rows")
            .AddColumn(ConsoleTable.Id("key")).AddColumn(ConsoleTable.Number("value")).AddColumn(ConsoleTable.Id("unit")).AddColumn("mark")
            .AddColumn("valid").AddColumn("source");
        foreach (ReferenceValue row in rows)
        {
            string mark = row.ConfidenceMark + (row.Origin == ReferenceOrigin.User ? " user" : string.Empty);
            table.AddRow(
                Markup.Escape(row.Key),
                row.Value is { } v ? v.ToString("R", c) : "prohibited",
                Markup.Escape(row.Unit.Symbol),
                row.NeedsConfirmation ? $"[yellow]{Markup.Escape(mark)}[/]" : Markup.Escape(mark),
                $"{row.ValidFrom?.ToString("yyyy-MM-dd", c) ?? "…"} – {row.ValidTo?.ToString("yyyy-MM-dd", c) ?? "…"}",
                Markup.Escape(row.Source));
        }

        ConsoleTable.Write(console, table);
        int secondary = rows.Count(r => r.NeedsConfirmation);
        console.MarkupLine(string.Create(
            c,
            $"{rows.Count} rows; [yellow]{secondary} marked S[/] (one secondary source) need confirmation against the primary text; S+ values are transcribed."));
    }
}
