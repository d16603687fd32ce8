using System.Globalization;
using Shapotou.Sdk.Assessment;
using Shapotou.Sdk.Analytics.Carbon;
using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Analytics.EnergyEfficiency;
using Shapotou.Sdk.Analytics.Grading;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using Spectre.Console;

namespace Shapotou.Sdk.Cli.Rendering;

/// <summary>Renders the assessment as console tables for people.</summary>
internal static class AssessmentConsoleView
{
    public static void Render(IAnsiConsole console, DistrictAssessment a)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        ConsoleTable.Header(console, a.Illustrative, $"[bold]Shapotou District air-polluting industrial cluster[/] · dataset [green]{Markup.Escape(a.DatasetName)}[/] · catalogue as of {a.CatalogueAsOf.ToString("yyyy-MM-dd", c)}");

        var townships = new Table().Title("Table 1-1 · enterprises by township, from the dataset")
            .AddColumn(ConsoleTable.Id("township")).AddColumn("乡镇").AddColumn(ConsoleTable.Number("enterprises"))
            .AddColumn(ConsoleTable.Number("output value (10⁴ yuan)"));
        foreach (TownshipSummary row in a.Summary.Townships)
        {
            string nameZh = a.Figures.Townships.Rows.FirstOrDefault(r => r.Township == row.Township)?.NameZh ?? string.Empty;
            townships.AddRow(row.Township, nameZh, row.Enterprises.ToString(c), row.OutputValue?.ToString("N0", c) ?? "–");
        }

        // A township whose output value is unknown makes the total unknown, never a sum of the known ones.
        townships.AddRow(
            "[bold]total[/]",
            "合计",
            $"[bold]{a.Summary.Townships.Sum(r => r.Enterprises).ToString(c)}[/]",
            $"[bold]{(a.Summary.Townships.All(r => r.OutputValue is not null) ? a.Summary.Townships.Sum(r => r.OutputValue!.Value).ToString("N0", c) : "–")}[/]");
        if (a.Summary.EnterprisesKnown)
        {
            ConsoleTable.Write(console, townships);
        }
        else
        {
            console.MarkupLine("Table 1-1 · enterprises by township: not available, the dataset has no table enterprises.");
        }

        if (a.Summary.Ferroalloy is { } f)
        {
            var ferroalloy = new Table().Title($"P2 · ferroalloy cluster {f.Year.ToString(c)}, from the dataset").AddColumn("figure").AddColumn(ConsoleTable.Number("value"));
            ferroalloy.AddRow("enterprises", f.Enterprises.ToString(c));
            ferroalloy.AddRow("submerged-arc furnaces (running)", $"{f.Furnaces.ToString(c)} ({f.FurnacesRunning.ToString(c)})");
            ferroalloy.AddRow("capacity", f.Capacity?.Tonnes is { } capacity ? $"{capacity.ToString("N0", c)} t/a" : "–");
            ferroalloy.AddRow("output", f.Output?.Tonnes is { } output ? $"{output.ToString("N0", c)} t" : "–");
            ferroalloy.AddRow("waste-heat coverage", f.WasteHeatCoverage?.Percent is { } coverage ? $"{coverage.ToString("0.0", c)} %" : "–");
            ConsoleTable.Write(console, ferroalloy);
        }

        int energyYear = a.Year;
        var energy = new Table().Title($"P7 · unit energy {energyYear.ToString(c)} against the benchmark in force (kgce/t)")
            .AddColumn(ConsoleTable.Id("enterprise")).AddColumn(ConsoleTable.Id("product")).AddColumn(ConsoleTable.Number("output (t)"))
            .AddColumn(ConsoleTable.Number("unit energy")).AddColumn(ConsoleTable.Number("benchmark / baseline"))
            .AddColumn("class").AddColumn("GB level").AddColumn(ConsoleTable.Number("waste utilised"));
        foreach (GroupEnergy e in a.Energy.Where(e => e.Year == energyYear && e.Benchmark is not null))
        {
            double? waste = a.SolidWaste.FirstOrDefault(u => u.EnterpriseId == e.GroupId && u.Year == energyYear)?.UtilisationRate?.Percent;
            energy.AddRow(
                Markup.Escape(e.GroupId),
                Markup.Escape(e.Product),
                e.Output.Tonnes.ToString("N0", c),
                e.UnitEnergy?.KilogramsOfCoalEquivalentPerTonne.ToString("N1", c) ?? "–",
                $"{e.Benchmark!.Benchmark.Value?.ToString(c)} / {e.Benchmark.Baseline.Value?.ToString(c)} ({e.Benchmark.Benchmark.ConfidenceMark})",
                e.BenchmarkClass is { } bc ? Words(BenchmarkClassification.ToName(bc)) : "–",
                e.Level switch { null => "–", LimitLevel.AboveLevel3 => "above 3", { } l => ((int)l).ToString(c) },
                waste is { } w ? $"{w.ToString("0.0", c)} %" : "–");
        }

        ConsoleTable.Write(console, energy);
        console.MarkupLine("GB level: the level of the product's energy-consumption limit standard that the unit energy reaches — 1 the strictest, 3 the limit existing plants must meet, above 3 short of it.");
        if (a.WasteHeat is { } heat)
        {
            console.MarkupLine(string.Create(
                c,
                $"P8 · waste heat {energyYear}: {heat.FurnacesWithRecovery} of {heat.Furnaces} submerged-arc furnaces recover it ({heat.Coverage?.Percent.ToString("0.0", c) ?? "–"} % of furnaces, {heat.CapacityCoverage?.Percent.ToString("0.0", c) ?? "–"} % of capacity; target {a.WasteHeatTarget.Percent.ToString(c)} % by 2027), {heat.PowerPerTonne?.KilowattHoursPerTonne.ToString("N0", c) ?? "–"} kWh of waste-heat power per tonne."));
        }

        if (a.ReportedEmissions is { } history)
        {
            var emissions = new Table().Title("Table 1-2 · industrial emissions (t) and the 2027 ceilings (P4)").AddColumn(ConsoleTable.Id("pollutant"));
            foreach (EmissionYear year in history.Rows)
            {
                emissions.AddColumn(ConsoleTable.Number(year.Year.ToString(c)));
            }

            emissions.AddColumn(ConsoleTable.Number("reduction")).AddColumn(ConsoleTable.Number("2027 ceiling"));
            foreach (PollutantTarget target in a.Targets ?? [])
            {
                string name = ContractNames.ToName(target.Pollutant);
                var cells = new List<string> { PollutantName(name) };
                cells.AddRange(history.Rows.Select(y => y.Get(name).ToString("N2", c)));
                cells.Add($"−{target.ReductionRate.GetValue().ToString(c)} %");
                cells.Add($"[bold]{target.Ceiling.Tonnes.ToString("N2", c)}[/]");
                emissions.AddRow(cells.ToArray());
            }

            ConsoleTable.Write(console, emissions);
        }

        WriteEmissions(console, a, c);

        if (a.Warnings.Count > 0)
        {
            console.MarkupLine("[bold yellow]Plausibility warnings[/] (no figure changes)");
            foreach (PlausibilityWarnings check in a.Warnings)
            {
                foreach (PlausibilityWarning warning in check.Listed)
                {
                    console.MarkupLine($" • {Markup.Escape(warning.Message)}");
                }

                if (check.Count > check.Listed.Count)
                {
                    console.MarkupLine(string.Create(c, $" • {PlausibilityWarnings.ToName(check.Check)}: and {check.Count - check.Listed.Count} more."));
                }
            }
        }

        console.MarkupLine("[bold]Assumptions[/]");
        foreach (string assumption in a.Assumptions)
        {
            console.MarkupLine($" • {Markup.Escape(assumption)}");
        }
    }

    private static void WriteEmissions(IAnsiConsole console, DistrictAssessment a, CultureInfo c)
    {
        DistrictEmissions e = a.Emissions;
        foreach (EmissionInventory inventory in e.Inventories)
        {
            var table = new Table().Title(string.Create(c, $"Emission inventory {inventory.Year} (t), from the dataset, by township and method"))
                .AddColumn(ConsoleTable.Id("township"));
            foreach (Pollutant pollutant in EmissionInventoryCalculator.Pollutants)
            {
                table.AddColumn(ConsoleTable.Number(PollutantName(ContractNames.ToName(pollutant))));
            }

            IReadOnlyList<EmissionTotal> byTownship = inventory.Totals(EmissionGrouping.Township);
            foreach (string township in byTownship.Select(t => t.GroupId).Distinct())
            {
                table.AddRow([Markup.Escape(township), .. EmissionInventoryCalculator.Pollutants.Select(p => Tonnes(byTownship.SingleOrDefault(t => t.GroupId == township && t.Pollutant == p), c))]);
            }

            IReadOnlyList<EmissionTotal> district = inventory.Totals(EmissionGrouping.District);
            table.AddRow(["[bold]district[/]", .. EmissionInventoryCalculator.Pollutants.Select(p => $"[bold]{Tonnes(district.SingleOrDefault(t => t.Pollutant == p), c)}[/]")]);
            ConsoleTable.Write(console, table);
            int measured = inventory.Totals(EmissionGrouping.Outlet).Where(t => t.Methods.Contains(EmissionMethod.Measured)).Select(t => t.GroupId).Distinct().Count();
            int estimated = inventory.Totals(EmissionGrouping.Outlet).Where(t => !t.Methods.Contains(EmissionMethod.Measured)).Select(t => t.GroupId).Distinct().Count();
            console.MarkupLine(string.Create(c, $"  {measured} outlets measured (HJ 212 Annex D), {estimated} estimated (mass balance or factor); {inventory.Missing.Count} missing inputs."));
        }

        foreach (TargetProgress p in e.Progress)
        {
            console.MarkupLine(string.Create(
                c,
                $"P4 · {p.Year} {PollutantName(ContractNames.ToName(p.Pollutant))}: {p.Emission?.Tonnes.ToString("N2", c) ?? "–"} t against the 2027 ceiling {p.Ceiling.Tonnes.ToString("N2", c)} t; {(p.Met is true ? "met" : p.Met is false ? $"{p.Gap!.Value.Tonnes.ToString("N2", c)} t to cut" : "unknown")}."));
        }

        if (e.Checks.Count > 0)
        {
            var checks = new Table().Title("P6 · ultra-low and retirement checks per facility").AddColumn(ConsoleTable.Id("check")).AddColumn(ConsoleTable.Number("pass"))
                .AddColumn(ConsoleTable.Number("fail")).AddColumn(ConsoleTable.Number("unknown")).AddColumn(ConsoleTable.Number("n/a"));
            foreach (IGrouping<string, PlanCheck> group in e.Checks.GroupBy(x => x.CheckId))
            {
                checks.AddRow(
                    Markup.Escape(Words(group.Key)),
                    group.Count(x => x.Outcome == CheckOutcome.Pass).ToString(c),
                    group.Count(x => x.Outcome == CheckOutcome.Fail).ToString(c),
                    group.Count(x => x.Outcome == CheckOutcome.Unknown).ToString(c),
                    group.Count(x => x.Outcome == CheckOutcome.NotApplicable).ToString(c));
            }

            ConsoleTable.Write(console, checks);
            // The failures named with their reason: the first three of each check, and how many more '--json' lists.
            foreach (IGrouping<string, PlanCheck> failed in e.Checks.Where(x => x.Outcome == CheckOutcome.Fail).GroupBy(x => x.CheckId))
            {
                foreach (PlanCheck check in failed.Take(3))
                {
                    console.MarkupLine($" • [red]fail[/] {Markup.Escape(Words(check.CheckId))}, {Markup.Escape(check.FacilityId)}: {Markup.Escape(check.Detail)}");
                }

                if (failed.Count() > 3)
                {
                    console.MarkupLine(string.Create(c, $"   and {failed.Count() - 3} more facilities failing {Markup.Escape(Words(failed.Key))} (all in --json)."));
                }
            }
        }

        if (e.Tax is { } tax && tax.Outlets.Count > 0)
        {
            console.MarkupLine(string.Create(
                c,
                $"P19 · environmental-protection tax {tax.Year}: {(tax.Total is { } total ? total.ToString("N2", c) : $"– (unknown: {tax.Missing.Count} outlet-months; {tax.KnownTotal.ToString("N2", c)} known)")} yuan over {tax.Outlets.Select(o => o.OutletId).Distinct().Count()} outlets at {tax.Rate.GetValue().ToString(c)} yuan per equivalent (marked {tax.Rate.ConfidenceMark}), rounding '{tax.Rounding}'; {tax.Outlets.Count(o => o.Pollutants.Any(p => p.Taxed && p.LevyShare < 1))} outlet-months earn a reduction."));
        }

        if (e.Carbon is { } carbon)
        {
            var table = new Table().Title(string.Create(c, $"P10 · CO₂ {carbon.Year} (t) by township, {(carbon.GridFactor is { } grid ? $"grid factor {grid.GetValue().ToString(c)} tCO₂/MWh (data year {grid.ValidFrom?.Year.ToString(c) ?? "?"}, {grid.ConfidenceMark})" : "grid factor – (none in the catalogue for the year: electricity CO₂ unknown)")}"))
                .AddColumn(ConsoleTable.Id("township")).AddColumn(ConsoleTable.Number("CO₂ t")).AddColumn(ConsoleTable.Number("t per 10⁴ yuan"));
            foreach (TownshipCarbon t in carbon.Townships)
            {
                table.AddRow(Markup.Escape(t.Township), t.Total?.Tonnes.ToString("N0", c) ?? "–", t.PerOutputValue?.TonnesOfCarbonDioxidePerTenThousandYuan.ToString("N3", c) ?? "–");
            }

            ConsoleTable.Write(console, table);
        }

        if (e.Grading is { } grading)
        {
            var table = new Table().Title("P18 · performance grades").AddColumn(ConsoleTable.Id("grade")).AddColumn(ConsoleTable.Number("enterprises"));
            foreach ((PerformanceGrade grade, int count) in grading.Distribution().Where(d => d.Count > 0))
            {
                table.AddRow(Markup.Escape(PerformanceGrades.ToName(grade)), count.ToString(c));
            }

            ConsoleTable.Write(console, table);
            console.MarkupLine(string.Create(c, $"  {grading.Enterprises.Count} enterprises graded with the SDK's example criteria (cement sourced, ferroalloy thresholds ILLUSTRATIVE), {grading.NotGraded.Count} not covered by them; every failed and unknown criterion is explained in --json (grading.enterprises)."));
        }

        if (e.Compliance is { } compliance)
        {
            int judged = compliance.Outlets.Count;
            int compliant = compliance.Outlets.Count(o => o.Compliant == true);
            console.MarkupLine(string.Create(c, $"P17 · hourly compliance with the permit: {compliant} of {judged} outlet-pollutants with CEMS meet their limit every valid hour; {compliance.Missing.Count} have no limit to judge against."));

            // The outlets above their limit named with the reason: the first ten, and how many more '--json' lists.
            OutletCompliance[] failing = compliance.Outlets.Where(o => o.Compliant == false).ToArray();
            foreach (OutletCompliance o in failing.Take(10))
            {
                string limit = o.Limit.Value is { } value ? $"{value.MilligramsPerCubicMeter.ToString("0.##", c)} mg/m³" : "0 (prohibited)";
                string basis = o.Limit.Basis.ReferenceOxygen is { } o2 ? $" at {o2.Percent.ToString("0.##", c)} % O₂" : string.Empty;
                string highest = o.MaxHourly is { } max ? $", highest {max.MilligramsPerCubicMeter.ToString("N2", c)} mg/m³" : string.Empty;
                string reason = string.Create(c, $"{o.OutletId} {ContractNames.ToName(o.Pollutant)}: {o.OverLimitHours} of {o.ValidHours} valid hours above the limit {limit}{basis}{highest}.");
                console.MarkupLine($" • [red]fail[/] {Markup.Escape(reason)}");
            }

            if (failing.Length > 10)
            {
                console.MarkupLine(string.Create(c, $"   and {failing.Length - 10} more outlet-pollutants above their limit (all in --json)."));
            }
        }
    }

    private static string Tonnes(EmissionTotal? total, CultureInfo c) => total?.Mass is { } m ? m.Tonnes.ToString("N2", c) : "–";

    private static string PollutantName(string pollutant) => pollutant switch
    {
        "pm" => "particulate matter 颗粒物",
        "so2" => "SO₂ 二氧化硫",
        "nox" => "NOx 氮氧化物",
        _ => pollutant,
    };

    /// <summary>An id in words for people: <c>better_than_benchmark</c> as "better than benchmark".</summary>
    private static string Words(string id) => id.Replace('_', ' ');
}
