using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Parquet;

namespace Shapotou.Sdk.Assessment;

/// <summary>
/// A folder's <c>cems_hourly</c> (a file or a Hive-partitioned folder) read row group by row group into
/// <see cref="StreamedCemsHours"/>: each row group is checked and converted, its whole runs of an outlet and month are
/// summarised, and only the unfinished last run is kept for the next one.
/// </summary>
internal sealed class CemsHourlyStream(string path, bool partitioned)
{
    /// <summary>Streams the table.</summary>
    /// <param name="questions">What the calculators will ask of the hours.</param>
    /// <param name="outletIds">The outlet ids of table <c>outlets</c>; a row naming another is refused.</param>
    /// <param name="progress">Receives the rows read.</param>
    /// <param name="cancellationToken">Cancels the read between row groups.</param>
    /// <returns>The hours, whether a file carries the illustrative mark, and the rows read.</returns>
    /// <exception cref="ShapotouDataException">A row group or value is bad, or a row names an unknown outlet; the message
    /// names the file, column, row group and row.</exception>
    public async Task<(StreamedCemsHours Hours, bool Illustrative, long Rows)> ReadAsync(
        CemsQuestions questions,
        IReadOnlySet<string> outletIds,
        IProgress<AssessmentProgress>? progress,
        CancellationToken cancellationToken)
    {
        var builder = new StreamedCemsHours.Builder(questions);
        bool marked = false;
        IAsyncEnumerable<TableBatch> batches = partitioned
            ? HiveDataset.ReadBatchesAsync(path, ContractSchema.CemsHourly, null, cancellationToken)
            : ParquetTables.ReadBatchesAsync(path, ContractSchema.CemsHourly, cancellationToken);
        await foreach (TableBatch batch in batches.ConfigureAwait(false))
        {
            marked |= batch.Metadata.TryGetValue(ClusterDatasetParquet.IllustrativeKey, out string? value) && value == "true";
            CemsHourlyTable chunk = ContractMapping.ToCemsHourly(batch.Data);
            for (int i = 0; i < chunk.RowCount; i++)
            {
                if (!outletIds.Contains(chunk.OutletIds[i]))
                {
                    throw new ShapotouDataException($"File '{batch.Source}', {batch.Data.Where(i)}: column 'outlet_id' is '{chunk.OutletIds[i]}', which is not in table 'outlets'; expected the id of an outlet.");
                }
            }

            builder.Add(CemsColumns.From(chunk));
            progress?.Report(new AssessmentProgress(AssessmentStage.Reading, ContractSchema.CemsHourly.Name, builder.Rows));
        }

        long rows = builder.Rows;
        return (builder.Complete(), marked, rows);
    }
}
