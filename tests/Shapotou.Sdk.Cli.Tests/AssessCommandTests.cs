using System.Text.Json;
using Shapotou.Sdk.TestKit;

namespace Shapotou.Sdk.Cli.Tests;

public sealed class AssessCommandTests
{
    private static JsonElement AssessJson(params string[] extra)
    {
        (int exitCode, string output, string error) = CliRunner.Run(["assess", "--json", .. extra]);
        Assert.True(exitCode == 0, error);
        Assert.Equal(string.Empty, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    [Fact]
    public void Json_HasEveryKeyOfTheContract_InOrder_PlusWasteHeat()
    {
        JsonElement root = AssessJson();

        Assert.Equal(
            ["dataset", "sdk", "district", "ferroalloy", "targets_2027_t", "energy", "solid_waste", "waste_heat", "emissions", "tax", "carbon", "grading", "warnings", "assumptions"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("[]", root.GetProperty("warnings").GetRawText());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("energy").GetProperty("enterprises").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("solid_waste").GetProperty("enterprises").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("emissions").GetProperty("outlets").ValueKind);
        Assert.Equal("default", root.GetProperty("dataset").GetProperty("name").GetString());
        Assert.True(root.GetProperty("dataset").GetProperty("illustrative").GetBoolean());
        Assert.Equal("0.1.0", root.GetProperty("sdk").GetProperty("version").GetString());
        Assert.Equal("2024-12-31", root.GetProperty("sdk").GetProperty("catalogue_as_of").GetString());
    }

    [Fact]
    public void Json_Targets2027_AreThePlansCeilings()
    {
        // Plan P4 on table 1-2: PM 2376.16 × 0.935, SO2 3301.24 × 0.978, NOx 2697.45 × 0.92, to 0.01 t.
        JsonElement targets = AssessJson().GetProperty("targets_2027_t");

        Assert.Equal(2221.71, targets.GetProperty("pm").GetDouble());
        Assert.Equal(3228.61, targets.GetProperty("so2").GetDouble());
        Assert.Equal(2481.65, targets.GetProperty("nox").GetDouble());
    }

    [Fact]
    public void Json_EmissionOutlets_AddUpToTable1_2_WithTheirMethods()
    {
        JsonElement emissions = AssessJson().GetProperty("emissions");
        JsonElement[] outlets = emissions.GetProperty("outlets").EnumerateArray().ToArray();

        // Table 1-2, 2024: PM 2 376.16, SO2 3 301.24, NOx 2 697.45 t.
        foreach ((string pollutant, double table) in new[] { ("pm", 2376.16), ("so2", 3301.24), ("nox", 2697.45) })
        {
            double sum = outlets.Where(o => o.GetProperty("pollutant").GetString() == pollutant).Sum(o => o.GetProperty("mass_t").GetDouble());
            Assert.Equal(table, Math.Round(sum, 2));
        }

        Assert.Equal(["factor", "measured"], outlets.Select(o => o.GetProperty("method").GetString()).Distinct().Order(StringComparer.Ordinal));
        Assert.All(outlets, o => Assert.Equal(2024, o.GetProperty("year").GetInt32()));
        string[] keys = outlets.Select(o => $"{o.GetProperty("outlet_id").GetString()}|{o.GetProperty("pollutant").GetString()}").ToArray();
        Assert.Equal(keys.Distinct().Count(), keys.Length);
        string[] missing = emissions.GetProperty("missing").EnumerateArray().Select(m => m.GetString()!).ToArray();
        Assert.DoesNotContain(missing, m => m.Contains("emission factor", StringComparison.Ordinal)); // every estimate has its inputs
        Assert.Contains(missing, m => m.StartsWith("Outlet 'zl-yuexin-f1-DA001', pm: no limit_value", StringComparison.Ordinal) && m.Contains("GB 28666-2012", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_TargetsProgress_2024_IsTheGapToTheCeilings()
    {
        JsonElement[] progress = AssessJson().GetProperty("emissions").GetProperty("targets_progress").EnumerateArray().ToArray();

        JsonElement pm = Assert.Single(progress, p => p.GetProperty("pollutant").GetString() == "pm");
        Assert.Equal(2376.16 - 2221.71, pm.GetProperty("gap_t").GetDouble(), 6);
        Assert.False(pm.GetProperty("met").GetBoolean());
    }

    [Fact]
    public void Json_PlanChecks_CoverTheP6Requirements()
    {
        JsonElement[] checks = AssessJson().GetProperty("emissions").GetProperty("plan_checks").EnumerateArray().ToArray();

        Assert.Equal(35, checks.Count(c => c.GetProperty("check").GetString() == "ferroalloy_demonstration_pm")); // the running furnaces
        Assert.All(checks, c => Assert.Contains("(P6)", c.GetProperty("source").GetString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new string[0], "exact", "7716567.43")] // the default convention
    [InlineData(new[] { "--tax-rounding", "exact" }, "exact", "7716567.43")]
    [InlineData(new[] { "--tax-rounding", "published" }, "published", "7716567.10")] // the worked examples' convention: 0.33 yuan less over 12 months of outlets
    public void Json_TaxRounding_IsMoneyToTheFenAndNamesItsConvention(string[] options, string rounding, string total)
    {
        JsonElement tax = AssessJson(options).GetProperty("tax");

        Assert.Equal(rounding, tax.GetProperty("rounding").GetString());
        Assert.Equal(total, tax.GetProperty("total_yuan").GetRawText());
        // Money is decimal: every amount is written to at most two decimals and the total is the exact sum of the outlets.
        string[] amounts = [tax.GetProperty("total_yuan").GetRawText(), .. tax.GetProperty("outlets").EnumerateArray().Select(o => o.GetProperty("tax_yuan").GetRawText())];
        Assert.All(amounts, a => Assert.True(!a.Contains('.', StringComparison.Ordinal) || a.Length - a.IndexOf('.', StringComparison.Ordinal) <= 3, a));
        Assert.Equal(tax.GetProperty("total_yuan").GetDecimal(), tax.GetProperty("outlets").EnumerateArray().Sum(o => o.GetProperty("tax_yuan").GetDecimal()));
    }

    [Fact]
    public void TaxRounding_UnknownConvention_IsAUsageError()
    {
        (int exitCode, string output, string error) = CliRunner.Run(["assess", "--json", "--tax-rounding", "bankers"]);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("bankers", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_TaxAndCarbon_CarryTheirRatesAndMarks()
    {
        JsonElement root = AssessJson();
        JsonElement tax = root.GetProperty("tax");
        JsonElement carbon = root.GetProperty("carbon");

        Assert.Equal(1.2, tax.GetProperty("rate_yuan_per_equivalent").GetDouble());
        Assert.Equal("S+", tax.GetProperty("rate_mark").GetString());
        Assert.Equal(tax.GetProperty("total_yuan").GetDecimal(), tax.GetProperty("outlets").EnumerateArray().Sum(o => o.GetProperty("tax_yuan").GetDecimal()));
        Assert.Equal(0.6423, carbon.GetProperty("grid_factor_t_per_mwh").GetDouble()); // Ningxia, the latest data year (2022) for 2024
        Assert.Equal(2022, carbon.GetProperty("grid_factor_data_year").GetInt32());
        Assert.Contains(carbon.GetProperty("missing").EnumerateArray(), m => m.GetString()!.StartsWith("Process CO₂ of clinker", StringComparison.Ordinal));
        string[] assumptions = root.GetProperty("assumptions").EnumerateArray().Select(a => a.GetString()!).ToArray();
        Assert.Contains(assumptions, a => a.Contains("no factor of data year 2024 is published", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_Grading_ExplainsEveryFailedCriterion_AndLabelsTheIllustrativeTable()
    {
        JsonElement root = AssessJson();
        JsonElement grading = root.GetProperty("grading");
        JsonElement[] enterprises = grading.GetProperty("enterprises").EnumerateArray().ToArray();

        Assert.Equal(enterprises.Length, grading.GetProperty("distribution").EnumerateObject().Sum(g => g.Value.GetInt32()));
        JsonElement ferroalloy = Assert.Single(enterprises, e => e.GetProperty("enterprise_id").GetString() == "zl-yuexin");
        Assert.All(ferroalloy.GetProperty("failed").EnumerateArray(), f => Assert.False(string.IsNullOrWhiteSpace(f.GetString())));
        Assert.NotEqual("A", ferroalloy.GetProperty("grade").GetString()); // no enterprise facts: fugitive and transport are unknown
        Assert.NotEmpty(ferroalloy.GetProperty("unknown").EnumerateArray());
        Assert.Contains(root.GetProperty("assumptions").EnumerateArray(), a => a.GetString()!.Contains("ILLUSTRATIVE", StringComparison.Ordinal) && a.GetString()!.Contains("ferroalloy", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Json_Grading_EnterpriseFacts_ResolveTheUnknownCriteria()
    {
        using var facts = new TemporaryFile("""
            [ { "enterprise_id": "zl-yuexin", "source": "test survey", "facts": { "closed_storage": true, "china_v_or_better_truck_share_pct": 90 } } ]
            """);

        JsonElement withFacts = AssessJson("--facts", facts.Path).GetProperty("grading").GetProperty("enterprises")
            .EnumerateArray().Single(e => e.GetProperty("enterprise_id").GetString() == "zl-yuexin");
        JsonElement without = AssessJson().GetProperty("grading").GetProperty("enterprises")
            .EnumerateArray().Single(e => e.GetProperty("enterprise_id").GetString() == "zl-yuexin");

        static int FactUnknowns(JsonElement e) => e.GetProperty("unknown").EnumerateArray().Count(u => u.GetString()!.Contains("fact", StringComparison.OrdinalIgnoreCase));
        Assert.True(FactUnknowns(without) > 0);
        Assert.Equal(0, FactUnknowns(withFacts));
    }

    [Fact]
    public void Grading_MissingFactsFile_IsAnIoError()
    {
        (int code, _, string error) = CliRunner.Run("assess", "--facts", "/nonexistent/facts.json");

        Assert.Equal(2, code);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_Year_RestrictsTheYearlyLists_AndKeepsTheCeilings()
    {
        JsonElement root = AssessJson("--year", "2023");

        Assert.All(root.GetProperty("energy").GetProperty("enterprises").EnumerateArray(), e => Assert.Equal(2023, e.GetProperty("year").GetInt32()));
        Assert.Empty(root.GetProperty("emissions").GetProperty("outlets").EnumerateArray()); // the default dataset has CEMS hours for 2024 only
        Assert.Equal(2221.71, root.GetProperty("targets_2027_t").GetProperty("pm").GetDouble());
    }

    [Fact]
    public void Json_District_IsTable1_1SortedByTownship()
    {
        JsonElement district = AssessJson().GetProperty("district");

        Assert.Equal(69, district.GetProperty("enterprises").GetInt32());
        JsonElement[] townships = district.GetProperty("townships").EnumerateArray().ToArray();
        Assert.Equal(
            ["binhe", "changle", "rouyuan", "xuanhe", "yingshuiqiao", "zhenluo"],
            townships.Select(t => t.GetProperty("township").GetString()));
        Assert.Equal([5, 6, 1, 13, 26, 18], townships.Select(t => t.GetProperty("enterprises").GetInt32()));
        Assert.Equal(
            [90693L, 39957, 55845, 177485, 86278, 526219],
            townships.Select(t => t.GetProperty("output_value_10k_yuan").GetInt64()));
        Assert.Equal(976477, townships.Sum(t => t.GetProperty("output_value_10k_yuan").GetInt64()));
    }

    [Fact]
    public void Json_Ferroalloy_IsP2()
    {
        JsonElement f = AssessJson().GetProperty("ferroalloy");

        Assert.Equal(2024, f.GetProperty("year").GetInt32());
        Assert.Equal(10, f.GetProperty("enterprises").GetInt32());
        Assert.Equal(40, f.GetProperty("furnaces").GetInt32());
        Assert.Equal(35, f.GetProperty("furnaces_running").GetInt32());
        Assert.Equal(1_400_000, f.GetProperty("capacity_t").GetDouble());
        Assert.Equal(967_000, f.GetProperty("output_t").GetDouble());
        Assert.Equal(90.0, f.GetProperty("waste_heat_coverage_pct").GetDouble());
    }

    [Fact]
    public void Json_Assumptions_SayTheDataAreIllustrative()
    {
        string[] assumptions = AssessJson().GetProperty("assumptions").EnumerateArray().Select(a => a.GetString()!).ToArray();

        Assert.StartsWith("ILLUSTRATIVE data", assumptions[0], StringComparison.Ordinal);
        Assert.Contains(assumptions, a => a.Contains("5.5 × 10^9 yuan", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_Assumptions_NameTheRatesAndTheirSource()
    {
        string[] assumptions = AssessJson().GetProperty("assumptions").EnumerateArray().Select(a => a.GetString()!).ToArray();

        Assert.Contains(assumptions, a => a.Contains("pm 6.5 %, so2 2.2 %, nox 8 %", StringComparison.Ordinal) && a.Contains("table 2-1", StringComparison.Ordinal));
    }

    /// <summary>
    /// A standard-coal coefficient is worded with the unit's symbol, kgce per kg (kWh, m³), on the console and in the
    /// JSON alike, never with the name of a unit type such as "kgce per Kilogram".
    /// </summary>
    [Fact]
    public void Assumptions_WordCoefficientsWithUnitSymbols()
    {
        string[] assumptions = AssessJson().GetProperty("assumptions").EnumerateArray().Select(a => a.GetString()!).ToArray();
        (int code, string console, string error) = CliRunner.Run("assess");

        Assert.True(code == 0, error);
        Assert.Contains(assumptions, a => a.StartsWith("Coefficient of coke: 0.9714 kgce per kg, marked S+ (GB/T 2589-2008, Annex A", StringComparison.Ordinal));
        Assert.Contains(assumptions, a => a.StartsWith("Coefficient of raw_coal: 0.7143 kgce per kg, marked S+ (", StringComparison.Ordinal));
        Assert.Contains(assumptions, a => a.StartsWith("Coefficient of electricity.equivalent: 0.1229 kgce per kWh, marked S+ (", StringComparison.Ordinal));
        Assert.Contains(assumptions, a => a.StartsWith("Coefficient of natural_gas: 1.33 kgce per m³, marked S (", StringComparison.Ordinal));
        Assert.Contains("Coefficient of coke: 0.9714 kgce per kg, marked S+", console, StringComparison.Ordinal);
        Assert.DoesNotMatch("kgce per [A-Z][a-z]{2,}", console);
        Assert.DoesNotContain(assumptions, a => System.Text.RegularExpressions.Regex.IsMatch(a, "kgce per [A-Z][a-z]{2,}"));
    }

    [Fact]
    public void Json_UserCatalogueRow_ChangesTheCeiling()
    {
        using var rows = new TemporaryFile("""
            [{ "key": "plan.target_2027.reduction.pm", "value": 10, "unit": "%", "source": "scenario: a stricter district target",
               "confidence": "P", "valid_from": null, "valid_to": null }]
            """);

        JsonElement targets = AssessJson("--catalogue", rows.Path).GetProperty("targets_2027_t");

        Assert.Equal(2138.54, targets.GetProperty("pm").GetDouble()); // 2376.16 × 0.90 = 2138.544
    }

    [Fact]
    public void Console_ShowsTablesAndCeilings()
    {
        (int exitCode, string output, _) = CliRunner.Run("assess");

        Assert.Equal(0, exitCode);
        Assert.Contains("ILLUSTRATIVE data", output, StringComparison.Ordinal);
        Assert.Contains("Table 1-1 · enterprises by township, from the dataset", output, StringComparison.Ordinal);
        Assert.Contains("镇罗", output, StringComparison.Ordinal);
        Assert.Contains("526,219", output, StringComparison.Ordinal);
        Assert.Contains("2,221.71", output, StringComparison.Ordinal);
        Assert.Contains("3,228.61", output, StringComparison.Ordinal);
        Assert.Contains("2,481.65", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_Energy_AllTenFerrosiliconEnterprisesBetterThanTheBenchmark_ThreeYearsRunning()
    {
        JsonElement[] entries = AssessJson().GetProperty("energy").GetProperty("enterprises").EnumerateArray().ToArray();
        JsonElement[] ferrosilicon = entries.Where(e => e.GetProperty("product").GetString() == "FeSi75").ToArray();

        Assert.Equal(30, ferrosilicon.Length); // 10 enterprises × 2022, 2023, 2024
        Assert.All(ferrosilicon, e => Assert.Equal("better_than_benchmark", e.GetProperty("benchmark_class").GetString()));
        Assert.All(ferrosilicon, e => Assert.Equal(e.GetProperty("output_t").GetDouble(), e.GetProperty("output_basis_t").GetDouble()));
        Assert.Equal(967_000, ferrosilicon.Where(e => e.GetProperty("year").GetInt32() == 2024).Sum(e => e.GetProperty("output_t").GetDouble()));
        foreach (JsonElement e in ferrosilicon)
        {
            double unit = e.GetProperty("unit_energy_kgce_per_t").GetDouble();
            Assert.Equal(e.GetProperty("comprehensive_energy_kgce").GetDouble() / e.GetProperty("output_basis_t").GetDouble(), unit, 9);
            Assert.Equal(unit - 1770, e.GetProperty("gap_to_benchmark_kgce_per_t").GetDouble(), 9);
        }

        // Sorted by enterprise_id, year and product (ordinal), as the contract asks.
        (string Id, int Year, string Product)[] keys = entries
            .Select(e => (e.GetProperty("enterprise_id").GetString()!, e.GetProperty("year").GetInt32(), e.GetProperty("product").GetString()!))
            .ToArray();
        Assert.Equal(
            keys.OrderBy(k => k.Id, StringComparer.Ordinal).ThenBy(k => k.Year).ThenBy(k => k.Product, StringComparer.Ordinal),
            keys);
    }

    [Fact]
    public void Json_SolidWaste_RatesArePercentagesPerEnterpriseAndYear()
    {
        JsonElement[] entries = AssessJson().GetProperty("solid_waste").GetProperty("enterprises").EnumerateArray().ToArray();

        JsonElement yuexin2024 = Assert.Single(entries, e => e.GetProperty("enterprise_id").GetString() == "zl-yuexin" && e.GetProperty("year").GetInt32() == 2024);
        double rate = yuexin2024.GetProperty("utilisation_rate_pct").GetDouble();
        Assert.InRange(rate, 50, 70); // silica fume and slag of the default dataset, below P9's 70 % target in 2024
    }

    [Fact]
    public void Json_WasteHeat_Is36Of40FurnacesComputedFromTheDataset()
    {
        JsonElement heat = AssessJson().GetProperty("waste_heat");

        Assert.Equal(40, heat.GetProperty("furnaces").GetInt32());
        Assert.Equal(36, heat.GetProperty("furnaces_with_recovery").GetInt32());
        Assert.Equal(90.0, heat.GetProperty("coverage_pct").GetDouble());
        Assert.InRange(heat.GetProperty("power_kwh_per_t").GetDouble(), 850, 950); // the dataset's 900 kWh/t assumption, with noise
    }

    [Theory]
    [InlineData("2021")] // before the default dataset's first year
    [InlineData("2031")] // after it
    public void Year_NotInTheDataset_IsAUsageErrorInOneSentence(string year)
    {
        (int exitCode, string output, string error) = CliRunner.Run(["assess", "--json", "--year", year]);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"Year {year} is not in dataset 'default'; expected one of 2022, 2023, 2024.", error.Trim());
    }

    [Theory]
    [InlineData("99999")]
    [InlineData("-5")]
    public void Year_NotACalendarYear_IsAUsageErrorInOneSentence(string year)
    {
        (int exitCode, string output, string error) = CliRunner.Run(["assess", "--json", "--year", year]);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"--year '{year}' is not a year; expected YYYY, such as 2024.", error.Trim());
    }

    [Fact]
    public void Year2023_EverySectionIsOnThatYear_OrSaysWhyNot()
    {
        JsonElement root = AssessJson("--year", "2023");

        Assert.Equal(2023, root.GetProperty("ferroalloy").GetProperty("year").GetInt32());
        Assert.Equal(2023, root.GetProperty("waste_heat").GetProperty("year").GetInt32());
        Assert.Equal(2023, root.GetProperty("carbon").GetProperty("year").GetInt32()); // was 2024
        Assert.All(root.GetProperty("energy").GetProperty("enterprises").EnumerateArray(), e => Assert.Equal(2023, e.GetProperty("year").GetInt32()));
        Assert.Contains(root.GetProperty("assumptions").EnumerateArray(), a => a.GetString()!.StartsWith("Not available for 2023: the emission inventory, compliance, the P6 checks, the tax and the performance grades, because", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2022)]
    [InlineData(2023)]
    [InlineData(2024)]
    public void Assess_EveryYearTheDefaultDatasetHolds_RunsWithEverySectionOnIt(int year)
    {
        (int code, string output, string error) = CliRunner.Run("assess", "--json", "--year", year.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(code == 0, error);
        JsonElement root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(year, root.GetProperty("carbon").GetProperty("year").GetInt32());
        Assert.Equal(year, root.GetProperty("waste_heat").GetProperty("year").GetInt32());
        Assert.NotEmpty(root.GetProperty("energy").GetProperty("enterprises").EnumerateArray());
        Assert.All(root.GetProperty("energy").GetProperty("enterprises").EnumerateArray(), e => Assert.Equal(year, e.GetProperty("year").GetInt32()));
        Assert.All(root.GetProperty("solid_waste").GetProperty("enterprises").EnumerateArray(), e => Assert.Equal(year, e.GetProperty("year").GetInt32()));

        // The CEMS hours hold 2024 only: another year has no tax and says why, never a tax of 0.
        if (year == 2024)
        {
            Assert.Equal(year, root.GetProperty("tax").GetProperty("year").GetInt32());
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, root.GetProperty("tax").ValueKind);
            Assert.Contains(
                $"Not available for {year}: the emission inventory, compliance, the P6 checks, the tax and the performance grades, because the inventory's years are those of cems_hourly, which holds 2024 only.",
                root.GetProperty("assumptions").EnumerateArray().Select(a => a.GetString()));
        }
    }

    [Fact]
    public void Assess_EmptyFolder_IsExitOneWithOneSentence()
    {
        DirectoryInfo empty = Directory.CreateTempSubdirectory("shapotou-empty-");
        try
        {
            (int code, string output, string error) = CliRunner.Run("assess", "--data", empty.FullName);

            Assert.Equal(1, code);
            Assert.Equal(string.Empty, output);
            Assert.Equal(
                $"Folder '{empty.FullName}' holds none of the contract's tables; expected at least one of enterprises.parquet, facilities.parquet, treatment_facilities.parquet, outlets.parquet, energy_ledger.parquet, solid_waste_ledger.parquet, emission_factors.parquet, cems_hourly.parquet, cems_minute.parquet (or a <table>/ folder).{Environment.NewLine}",
                error);
        }
        finally
        {
            empty.Delete();
        }
    }
}
