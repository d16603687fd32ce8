using Shapotou.Sdk.Analytics.Emissions;

namespace Shapotou.Sdk.Assessment;

/// <summary>A fact table of a folder whose CEMS hours are streamed into <see cref="StreamedCemsHours"/> instead of
/// read whole: <c>cems_hourly</c> itself (<see cref="CemsHourlyStream"/>), or the hours derived from
/// <c>cems_minute</c> (<see cref="CemsMinuteStream"/>).</summary>
internal interface ICemsHourSource
{
    /// <summary>Gets the table streamed, as progress names it.</summary>
    string Table { get; }

    /// <summary>Streams the table.</summary>
    /// <param name="questions">What the calculators will ask of the hours.</param>
    /// <param name="outletIds">The outlet ids of table <c>outlets</c>; a row naming another is refused.</param>
    /// <param name="plausibility">Judges the hours, fed every chunk in table order after the summaries.</param>
    /// <param name="progress">Receives the rows read.</param>
    /// <param name="cancellationToken">Cancels the read between row groups.</param>
    /// <returns>The hours, whether a file carries the illustrative mark, the rows read, and what the assumptions must say
    /// of the read.</returns>
    /// <exception cref="ShapotouDataException">A row group or value is bad, or a row names an unknown
    /// outlet; the message names the file, column, row group and row.</exception>
    Task<(StreamedCemsHours Hours, bool Illustrative, long Rows, IReadOnlyList<string> Notes)> ReadAsync(
        CemsQuestions questions,
        IReadOnlyList<string> outletIds,
        CemsPlausibility plausibility,
        IProgress<AssessmentProgress>? progress,
        CancellationToken cancellationToken);
}
