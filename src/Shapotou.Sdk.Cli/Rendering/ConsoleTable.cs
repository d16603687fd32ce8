using Spectre.Console;
using Spectre.Console.Rendering;

namespace Shapotou.Sdk.Cli.Rendering;

/// <summary>
/// Columns and headers of the tool's console tables, so that a table stays readable from 80 columns up: numbers and ids
/// never break across lines (the text columns beside them wrap instead), and the ILLUSTRATIVE mark leads the first line.
/// </summary>
internal static class ConsoleTable
{
    /// <summary>The width of output written to a file or a pipe, where no terminal says how wide it is.</summary>
    public const int RedirectedWidth = 120;

    /// <summary>A right-aligned column of numbers that never wraps.</summary>
    public static TableColumn Number(string header) => new TableColumn(header).RightAligned().NoWrap();

    /// <summary>A column of ids or names in the data (enterprise, pollutant, change) that never wraps.</summary>
    public static TableColumn Id(string header) => new TableColumn(header).NoWrap();

    /// <summary>Writes the first line of a command's output: the ILLUSTRATIVE mark first when the data are synthetic, then the title.</summary>
    /// <param name="console">The console.</param>
    /// <param name="illustrative">Whether the data are illustrative.</param>
    /// <param name="markup">The title, as Spectre markup.</param>
    public static void Header(IAnsiConsole console, bool illustrative, string markup) =>
        console.MarkupLine((illustrative ? "[yellow]ILLUSTRATIVE data[/] · " : string.Empty) + markup);

    /// <summary>
    /// Writes <paramref name="table"/> as a table when it fits the console with its numbers and ids whole, and otherwise
    /// one line per row ("first cell: header value · header value …"), whose words wrap but never break.
    /// </summary>
    public static void Write(IAnsiConsole console, Table table)
    {
        var options = RenderOptions.Create(console, console.Profile.Capabilities);
        string[] headers = table.Columns.Select(c => Plain(c.Header, options)).ToArray();
        string[][] rows = table.Rows.Select(r => r.Select(cell => Plain(cell, options)).ToArray()).ToArray();

        // Borders and padding take 3 columns per column and 1 more; a column is as wide as its longest word, or its
        // longest cell when it must not wrap.
        int needed = 1;
        for (int i = 0; i < headers.Length; i++)
        {
            int column = LongestWord(headers[i]);
            foreach (string[] row in rows)
            {
                column = Math.Max(column, table.Columns[i].NoWrap ? row[i].Length : LongestWord(row[i]));
            }

            needed += column + 3;
        }

        if (needed <= console.Profile.Width || headers.Length < 2)
        {
            console.Write(table);
            return;
        }

        if (table.Title is { } title)
        {
            console.MarkupLine($"[bold]{Markup.Escape(title.Text)}[/]");
        }

        foreach (string[] row in rows)
        {
            IEnumerable<string> cells = row.Skip(1).Select((cell, i) => $"{Markup.Escape(headers[i + 1])} [bold]{Markup.Escape(cell)}[/]");
            console.MarkupLine($" • [bold]{Markup.Escape(row[0])}[/]: {string.Join(" · ", cells)}");
        }
    }

    private static string Plain(IRenderable renderable, RenderOptions options) =>
        string.Concat(renderable.Render(options, int.MaxValue).Where(s => !s.IsLineBreak && !s.IsControlCode).Select(s => s.Text)).Trim();

    private static int LongestWord(string text) => text.Split(' ').Max(w => w.Length);
}
