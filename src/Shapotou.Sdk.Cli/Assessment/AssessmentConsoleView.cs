using System.Globalization;
using Spectre.Console;

namespace Shapotou.Sdk.Cli.Assessment;

/// <summary>Renders the assessment as console tables for people.</summary>
internal static class AssessmentConsoleView
{
    public static void Render(IAnsiConsole console, DistrictAssessment a)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        console.Write(new Rule($"[bold]Shapotou District air-polluting industrial cluster[/] · dataset [green]{Markup.Escape(a.DatasetName)}[/] · catalogue as of {a.CatalogueAsOf.ToString("yyyy-MM-dd", c)}").LeftJustified());

        var townships = new Table().Title("Table 1-1 · enterprises and output value by township, 2024")
            .AddColumn("township").AddColumn("乡镇").AddColumn(new TableColumn("enterprises").RightAligned())
            .AddColumn(new TableColumn("capacity (10⁴ t)").RightAligned()).AddColumn(new TableColumn("output value (10⁴ yuan)").RightAligned());
        foreach (TownshipRow row in a.Figures.Townships.Rows)
        {
            townships.AddRow(
                row.Township,
                row.NameZh,
                row.Enterprises.ToString(c),
                row.Capacity10kT?.ToString("N0", c) ?? "–",
                row.OutputValue10kYuan.ToString("N0", c));
        }

        townships.AddRow(
            "[bold]total[/]",
            "合计",
            $"[bold]{a.Figures.Townships.Rows.Sum(r => r.Enterprises).ToString(c)}[/]",
            string.Empty,
            $"[bold]{a.Figures.Townships.Rows.Sum(r => r.OutputValue10kYuan).ToString("N0", c)}[/]");
        console.Write(townships);

        FerroalloyFigures f = a.Figures.Ferroalloy;
        var ferroalloy = new Table().Title($"Ferroalloy cluster (P2), {f.Year.ToString(c)}").AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        ferroalloy.AddRow("enterprises", f.Enterprises.ToString(c));
        ferroalloy.AddRow("submerged-arc furnaces (running)", $"{f.Furnaces.ToString(c)} ({f.FurnacesRunning.ToString(c)})");
        ferroalloy.AddRow("capacity", $"{f.CapacityT.ToString("N0", c)} t/a");
        ferroalloy.AddRow("output", $"{f.OutputT.ToString("N0", c)} t ({f.OutputChangePct.ToString("+0.0;-0.0", c)} % on the year before)");
        ferroalloy.AddRow("waste-heat coverage", $"{f.WasteHeatCoveragePct.ToString("0.0", c)} %");
        console.Write(ferroalloy);

        var emissions = new Table().Title("Table 1-2 · industrial emissions (t) and the 2027 ceilings (P4)").AddColumn("pollutant");
        foreach (EmissionYear year in a.Figures.EmissionsT.Rows)
        {
            emissions.AddColumn(new TableColumn(year.Year.ToString(c)).RightAligned());
        }

        emissions.AddColumn(new TableColumn("reduction").RightAligned()).AddColumn(new TableColumn("2027 ceiling").RightAligned());
        foreach (EmissionTarget target in a.Targets ?? [])
        {
            var cells = new List<string> { PollutantName(target.Pollutant) };
            cells.AddRange(a.Figures.EmissionsT.Rows.Select(y => y.Get(target.Pollutant).ToString("N2", c)));
            cells.Add($"−{target.ReductionRate.GetValue().ToString(c)} %");
            cells.Add($"[bold]{target.CeilingT.ToString("N2", c)}[/]");
            emissions.AddRow(cells.ToArray());
        }

        console.Write(emissions);
        console.MarkupLine("[bold]Assumptions[/]");
        foreach (string assumption in a.Assumptions)
        {
            console.MarkupLine($" • {Markup.Escape(assumption)}");
        }
    }

    private static string PollutantName(string pollutant) => pollutant switch
    {
        "pm" => "particulate matter 颗粒物",
        "so2" => "SO₂ 二氧化硫",
        "nox" => "NOx 氮氧化物",
        _ => pollutant,
    };
}
