using System.CommandLine;
using Shapotou.Sdk.Assessment;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Parquet;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Cli.Commands;

/// <summary>Options shared by the commands, so that each means the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Write JSON to standard output instead of tables." };

    public static Option<DateOnly?> AsOf(string description) => new("--as-of")
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        CustomParser = result => CommandContext.ParseDate(result),
    };

    public static Option<FileInfo?> Catalogue() => new("--catalogue")
    {
        Description = "A JSON file of extra or newer catalogue rows (same fields as 'shapotou reference --json'); they take precedence over built-in rows.",
        HelpName = "FILE",
    };

    /// <summary>The language of labels: <c>zh</c> (Chinese) or <c>en</c> (English).</summary>
    public static Option<string> Language() => new("--lang")
    {
        Description = "The language of the labels: zh (Chinese) or en (English); case does not matter.",
        HelpName = "zh|en",
        DefaultValueFactory = _ => "en",
        CustomParser = result =>
        {
            string text = result.Tokens.Single().Value;
            string lower = text.ToLowerInvariant();
            if (lower is "zh" or "en")
            {
                return lower;
            }

            result.AddError($"--lang '{text}' is not a language of the tool; expected zh or en.");
            return "en";
        },
    };

    /// <summary>The rounding convention of the environmental-protection tax: <c>exact</c> or <c>published</c>.</summary>
    public static Option<string> TaxRounding() => new Option<string>("--tax-rounding")
    {
        Description = "The tax's rounding convention: exact (nothing rounded before the outlet's monthly tax, which is to the fen) or published (as the published worked examples: equivalents to 2 decimals, each pollutant's tax to the fen, the outlet's tax their sum); docs/carbon-tax-scenarios.md.",
        HelpName = "exact|published",
        DefaultValueFactory = _ => "exact",
    }.AcceptOnlyFromAmong([.. Shapotou.Sdk.Analytics.Tax.TaxOptions.PresetNames]);

    /// <summary>A JSON file of plausibility thresholds (docs/assessment.md, "Plausibility file").</summary>
    public static Option<FileInfo?> Plausibility() => new("--plausibility")
    {
        Description = "A JSON file of plausibility thresholds (flow range per outlet, analyser range per pollutant, the factors; docs/assessment.md) instead of the defaults; the checks only warn.",
        HelpName = "FILE",
    };

    /// <summary>The plausibility thresholds of the file given with <c>--plausibility</c>, or the defaults.</summary>
    public static PlausibilityOptions LoadPlausibility(FileInfo? file)
    {
        if (file is null)
        {
            return PlausibilityOptions.Default;
        }

        using MemoryStream json = CliInput.JsonStream(file, "Plausibility file");
        return PlausibilityOptionsJson.Read(json, file.Name);
    }

    /// <summary>A performance-grading criteria table (docs/grading.md), read with <see cref="LoadGradingCriteria"/>.</summary>
    public static Option<FileInfo?> GradingCriteria(string description) => new("--grading-criteria")
    {
        Description = description,
        HelpName = "FILE",
    };

    /// <summary>Enterprise facts for grading (docs/grading.md), read with <see cref="LoadFacts"/>.</summary>
    public static Option<FileInfo?> Facts(string description) => new("--facts")
    {
        Description = description,
        HelpName = "FILE",
    };

    /// <summary>The criteria table of the file given with <c>--grading-criteria</c>, or null for the SDK's examples.</summary>
    public static Shapotou.Sdk.Analytics.Grading.GradingCriteria? LoadGradingCriteria(FileInfo? file)
    {
        if (file is null)
        {
            return null;
        }

        using MemoryStream json = CliInput.JsonStream(file, "Grading criteria file");
        return Shapotou.Sdk.Analytics.Grading.GradingCriteriaJson.Read(json, file.Name);
    }

    /// <summary>The enterprise facts of the file given with <c>--facts</c>, or none.</summary>
    public static IReadOnlyList<Shapotou.Sdk.Analytics.Grading.EnterpriseFacts> LoadFacts(FileInfo? file)
    {
        if (file is null)
        {
            return [];
        }

        using MemoryStream json = CliInput.JsonStream(file, "Facts file");
        return Shapotou.Sdk.Analytics.Grading.EnterpriseFacts.Read(json, file.Name);
    }

    /// <summary>A calendar year, such as the year of a ledger.</summary>
    public static Option<int?> Year(string description) => new("--year")
    {
        Description = description,
        HelpName = "YYYY",
        CustomParser = CliInput.ParseYear,
    };

    /// <summary>A folder of contract tables to read instead of the embedded default dataset.</summary>
    public static Option<DirectoryInfo?> Data() => new("--data")
    {
        Description = "A folder of contract tables (<table>.parquet or <table>/); without it, the embedded default dataset (illustrative).",
        HelpName = "DIR",
    };

    /// <summary>Reads the <c>--data</c> folder, or returns the embedded default dataset when none is given.</summary>
    public static Task<ClusterDataset> LoadDatasetAsync(DirectoryInfo? folder, CancellationToken cancellationToken) =>
        Source(folder).LoadDatasetAsync(cancellationToken);

    /// <summary>The default dataset, or the folder given with <c>--data</c>.</summary>
    public static AssessmentSource Source(DirectoryInfo? folder) =>
        folder is null ? AssessmentSource.Default : AssessmentSource.FromFolder(CliInput.ExistingFolder(folder, "--data").FullName);

    /// <summary>The built-in catalogue, with the caller's rows added when a file is given.</summary>
    public static ReferenceCatalogue LoadCatalogue(FileInfo? userFile)
    {
        if (userFile is null)
        {
            return ReferenceCatalogue.Builtin;
        }

        using MemoryStream text = CliInput.JsonStream(userFile, "Catalogue file");
        return ReferenceCatalogue.Builtin.WithUserValues(ReferenceCatalogueJson.Read(text, ReferenceOrigin.User, userFile.Name));
    }
}
