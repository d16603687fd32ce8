namespace Shapotou.Sdk.Cli.Report;

/// <summary>The languages of the report: every label comes from <see cref="ReportText"/> in one of them.</summary>
internal enum ReportLanguage
{
    /// <summary>Simplified Chinese (<c>zh</c>).</summary>
    Zh,

    /// <summary>English (<c>en</c>).</summary>
    En,
}
