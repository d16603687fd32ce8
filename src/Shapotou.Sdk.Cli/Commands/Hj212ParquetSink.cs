using System.Globalization;
using System.Text;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Monitoring.Aggregation;
using Shapotou.Sdk.Monitoring.Receiver;
using Shapotou.Sdk.Parquet;

namespace Shapotou.Sdk.Cli.Commands;

/// <summary>The receiver's partitions as Parquet files: <c>DIR/cems_minute/date=YYYY-MM-DD/outlet_id=ID/part-SEGMENT.parquet</c>
/// (and <c>cems_hourly</c> alike), each written atomically, so rolling a segment again replaces its files.</summary>
internal sealed class Hj212ParquetSink(string directory) : ICemsPartitionSink
{
    public long Files { get; private set; }

    public static string TableName(CemsInterval interval) => interval == CemsInterval.Minute ? "cems_minute" : "cems_hourly";

    public static string PartitionFolder(string directory, CemsInterval interval, DateOnly day, string outletId) => Path.Combine(
        directory,
        TableName(interval),
        "date=" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "outlet_id=" + Escape(outletId));

    public async Task WriteAsync(CemsPartition partition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partition);
        CemsRecords rows = partition.Rows;
        TableSpec spec = partition.Interval == CemsInterval.Minute ? ContractSchema.CemsMinute : ContractSchema.CemsHourly;
        var columns = new Dictionary<string, Array>(StringComparer.Ordinal)
        {
            ["outlet_id"] = rows.OutletIds.Select(o => (string?)o).ToArray(),
            [spec.Columns[1].Name] = rows.Starts.ToArray().Select(t => (DateTime?)t).ToArray(),
            ["flag"] = rows.Flags.ToArray().Select(f => (string?)f.ToString()).ToArray(),
        };
        foreach (CemsChannel channel in CemsChannels.All)
        {
            string name = CemsChannels.ColumnName(channel);
            columns[name] = rows.Values(channel).ToArray();
            if (spec.Find(name + "_flag") is not null)
            {
                columns[name + "_flag"] = rows.RecordedChannelFlags(channel).ToArray().Select(f => f == default ? null : f.ToString()).ToArray();
            }
        }

        string path = Path.Combine(
            PartitionFolder(directory, partition.Interval, partition.Day, partition.OutletId),
            "part-" + partition.Segment.ToString("D8", CultureInfo.InvariantCulture) + ".parquet");
        await ContractTableFile.WriteAsync(path, spec, columns, cancellationToken).ConfigureAwait(false);
        Files++;
    }

    /// <summary>Keeps letters, digits, '-', '_' and '.' of an outlet id; writes other bytes as %XX (UTF-8).</summary>
    private static string Escape(string outletId)
    {
        var text = new StringBuilder(outletId.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(outletId))
        {
            char c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || (c == '.' && text.Length > 0))
            {
                text.Append(c);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
