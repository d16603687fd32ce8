// An HJ 212 log into Parquet: a text file of HJ 212-2017 packets (one a line) checked with the codec, its minute and
// hourly data packets turned into `cems_minute` and `cems_hourly` rows, the minutes aggregated to clock hours, and
// every table written as a contract Parquet file; the hours are read back and compared with the values the packets
// were made from. (`shapotou hj212 serve` does the same for live data loggers, through a durable log.)
// Run from the repository root, on files written by `shapotou export`:
//   dotnet run --project src/Shapotou.Sdk.Cli -- export --out data
//   dotnet run samples/hj212-log/app.cs -- data hj212-out [packets.txt]
// Without packets.txt, the sample writes hj212-out/packets.txt itself: two hours of minute (CN 2051) and hourly
// (CN 2061) packets of two outlets, made with Hj212PacketBuilder from the dataset's own cems_hourly values, and one
// packet whose CRC was damaged in transit and one sent twice (loggers re-send a packet whose answer did not come).
#:project ../../src/Shapotou.Sdk.Parquet/Shapotou.Sdk.Parquet.csproj
#:project ../../src/Shapotou.Sdk.Monitoring/Shapotou.Sdk.Monitoring.csproj

using System.Globalization;
using System.Text;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Monitoring.Aggregation;
using Shapotou.Sdk.Monitoring.Hj212;
using Shapotou.Sdk.Parquet;
using UnitsNet.Units;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length is < 2 or > 3)
{
    Console.Error.WriteLine("usage: dotnet run samples/hj212-log/app.cs -- <folder of contract tables> <output folder> [packets.txt]");
    return 2;
}

ClusterDataset data = await ClusterDatasetParquet.ReadAsync(args[0]);
string output = args[1];
Directory.CreateDirectory(output); // the Parquet files in it are replaced on each run

// The outlet of each data logger (outlets.mn): packets carry the MN, tables the outlet id.
Dictionary<string, string> outletByMn = data.Outlets.Where(o => o.Mn is not null)
    .GroupBy(o => o.Mn!).ToDictionary(g => g.Key, g => g.First().OutletId, StringComparer.Ordinal);
Console.WriteLine($"dataset '{data.Name}'{(data.Illustrative ? " (ILLUSTRATIVE data)" : "")}: {outletByMn.Count} data loggers (MN) in outlets");

string packetsPath = args.Length == 3 ? args[2] : Path.Combine(output, "packets.txt");
if (args.Length == 2)
{
    await File.WriteAllLinesAsync(packetsPath, MakePackets(data, outletByMn, new DateTime(2024, 1, 1), hours: 2, outlets: 2));
}

// 1. Check every line with the codec; an accepted data packet (CN 2051 minute, CN 2061 hour) becomes a row of its
//    table, its -Avg values the channels (flow a00000 in m3/s, HJ 212-2017 Table B.2, written x 3600 as m3/h) and its
//    -Flag the channel flags; a rejected line is counted with its reason, never dropped in silence. A packet sent again
//    (same MN, CN, DataTime and PNO, as `hj212 serve` keys them) is tabled once: the first copy counts, a later copy with
//    the same data (CP) is a re-send, one with other data a conflict, both counted and skipped.
var minutes = new CemsRecordsBuilder(CemsInterval.Minute);
var loggerHours = new CemsRecordsBuilder(CemsInterval.Hour);
var rejected = new List<string>();
var firstCopies = new Dictionary<(string Mn, string Cn, DateTimeOffset DataTime, int? Pno), string>();
int accepted = 0, unmapped = 0, resent = 0, conflicting = 0;
foreach (string line in await File.ReadAllLinesAsync(packetsPath))
{
    Hj212ParseResult result = Hj212Packet.Parse(line + "\r\n");
    if (result.Packet is not { DataTime: { } time } packet || packet.Cn is not ("2051" or "2061"))
    {
        rejected.Add(result.IsAccepted ? $"not a minute or hourly data packet: CN {result.Packet!.Cn}" : result.ToString());
        continue;
    }

    string cp = line[(line.IndexOf("CP=&&", StringComparison.Ordinal) + 5)..line.LastIndexOf("&&", StringComparison.Ordinal)];
    if (!firstCopies.TryAdd((packet.Mn, packet.Cn, time, packet.Pno), cp))
    {
        if (firstCopies[(packet.Mn, packet.Cn, time, packet.Pno)] == cp)
        {
            resent++;
        }
        else
        {
            conflicting++;
        }

        continue;
    }

    accepted++;
    if (!outletByMn.TryGetValue(packet.Mn, out string? outlet))
    {
        outlet = packet.Mn; // kept under its MN, and counted
        unmapped++;
    }

    CemsRecordsBuilder table = packet.Cn == "2051" ? minutes : loggerHours;
    table.AddRow(outlet, time.ToOffset(TimeSpan.FromHours(8)).DateTime, DataFlag.N);
    foreach (CemsChannel channel in CemsChannels.All)
    {
        string code = CemsChannels.FactorCode(channel);
        if (packet.TryGetField(code + "-Avg", out Hj212Field avg) && avg.Number is { } value)
        {
            DataFlag flag = packet.TryGetField(code + "-Flag", out Hj212Field f) && CemsChannels.TryParseFlag(f.ValueUtf8, out DataFlag parsed) ? parsed : default;
            table.SetValue(channel, channel == CemsChannel.Flow ? value * 3600 : value, flag);
        }
    }
}

Console.WriteLine($"{packetsPath}: {accepted} data packets accepted ({minutes.RowCount} minute, {loggerHours.RowCount} hourly; {unmapped} of an MN not in outlets), {resent} re-sent {(resent == 1 ? "copy" : "copies")} and {conflicting} conflicting skipped (the first copy kept), {rejected.Count} rejected{(rejected.Count > 0 ? " (" + string.Join("; ", rejected) + ")" : "")}");

// 2. The minutes aggregated to clock hours by the HJ 75 rules (an hour is valid with at least 45 valid minutes),
//    then every table written as a contract Parquet file.
CemsRecords minuteTable = minutes.Build();
CemsRecords hourly = CemsAggregator.ToHourly(minuteTable);
await Write(Path.Combine(output, "cems_minute.parquet"), ContractSchema.CemsMinute, minuteTable);
await Write(Path.Combine(output, "cems_hourly.parquet"), ContractSchema.CemsHourly, hourly);
CemsRecords loggerTable = loggerHours.Build();
await Write(Path.Combine(output, "cems_hourly_logger.parquet"), ContractSchema.CemsHourly, loggerTable);

// The data logger's own hourly packets (CN 2061) against the hours aggregated here from its minutes: they must agree.
double worstLogger = 0;
for (int i = 0; i < loggerTable.RowCount; i++)
{
    int j = Enumerable.Range(0, hourly.RowCount).FirstOrDefault(k => hourly.OutletIds[k] == loggerTable.OutletIds[i] && hourly.Starts.Span[k] == loggerTable.Starts.Span[i], -1);
    if (j < 0)
    {
        continue; // an hour the file has no minutes of
    }

    worstLogger = Math.Max(worstLogger, Math.Abs(loggerTable.Values(CemsChannel.Pm).Span[i] - hourly.Values(CemsChannel.Pm).Span[j]));
}

Console.WriteLine($"logger's hourly packets against the aggregated minutes: {loggerTable.RowCount} hours, largest pm difference {worstLogger:F4} mg/m3");

// 3. Read the hourly file back and compare with the dataset's hours the packets were made from.
TableBatch hours = await ParquetTables.ReadAsync(Path.Combine(output, "cems_hourly.parquet"), ContractSchema.CemsHourly);
double[] pm = hours.NumbersIn("pm", MassConcentrationUnit.MilligramPerCubicMeter);
double[] flow = hours.NumbersIn("flow", VolumeFlowUnit.CubicMeterPerHour);
ReadOnlyMemory<string?> outletIds = hours.Text("outlet_id");
ReadOnlyMemory<DateTime?> starts = hours.Times("hour");
ReadOnlyMemory<string?> flags = hours.Text("flag");
double worstPm = 0, worstFlow = 0;
int notInDataset = 0;
for (int i = 0; i < hours.RowCount; i++)
{
    Console.WriteLine($"{outletIds.Span[i],-26} {starts.Span[i]:yyyy-MM-dd HH:mm} {flags.Span[i]}  valid minutes {hourly.ValidCounts(CemsChannel.Pm).Span[i]}  pm {pm[i],8:F3} mg/m3  flow {flow[i],10:N1} m3/h");
    int source = data.CemsHourly is { } cemsSource ? SourceRow(cemsSource, outletIds.Span[i]!, starts.Span[i]!.Value) : -1;
    if (source < 0)
    {
        notInDataset++; // a packet file of other outlets or hours: nothing to compare with
        continue;
    }

    worstPm = Math.Max(worstPm, Math.Abs(pm[i] - data.CemsHourly!.Pm[source]!.Value.MilligramsPerCubicMeter));
    worstFlow = Math.Max(worstFlow, Math.Abs(flow[i] - data.CemsHourly.Flow[source]!.Value.CubicMetersPerHour));
}

Console.WriteLine($"cems_hourly.parquet read back: {hours.RowCount} hours from {minuteTable.RowCount} minutes; largest difference to the source: pm {worstPm:F4} mg/m3, flow {worstFlow:F2} m3/h (the packets' decimals); {notInDataset} hours not in the dataset");
return worstPm < 0.001 && worstFlow < 0.01 && worstLogger < 0.001 ? 0 : 1;

// The channels of a CEMS table as the contract's columns, written atomically.
static Task Write(string path, TableSpec spec, CemsRecords rows)
{
    var columns = new Dictionary<string, Array>(StringComparer.Ordinal)
    {
        ["outlet_id"] = rows.OutletIds.Select(o => (string?)o).ToArray(),
        [spec.Columns[1].Name] = rows.Starts.ToArray().Select(t => (DateTime?)t).ToArray(),
        ["flag"] = rows.Flags.ToArray().Select(f => (string?)f.ToString()).ToArray(),
    };
    foreach (CemsChannel channel in CemsChannels.All)
    {
        columns[CemsChannels.ColumnName(channel)] = rows.Values(channel).ToArray();
    }

    return ContractTableFile.WriteAsync(path, spec, columns);
}

// Minute packets at the hour's values and one hourly packet per hour, for the first outlets with an MN and CEMS hours.
static IEnumerable<string> MakePackets(ClusterDataset data, Dictionary<string, string> outletByMn, DateTime start, int hours, int outlets)
{
    CemsHourlyTable cems = data.CemsHourly ?? throw new InvalidOperationException("The dataset has no cems_hourly table to take values from.");
    var offset = TimeSpan.FromHours(8); // DataTime is China Standard Time
    bool damaged = false;
    foreach ((string mn, string outlet) in outletByMn.Where(p => cems.OutletIds.Contains(p.Value)).OrderBy(p => p.Value, StringComparer.Ordinal).Take(outlets))
    {
        for (int h = 0; h < hours; h++)
        {
            DateTime hour = start.AddHours(h);
            int row = SourceRow(cems, outlet, hour);
            if (row < 0)
            {
                continue; // no hour of this outlet to take values from
            }

            double so2 = cems.So2[row]?.MilligramsPerCubicMeter ?? 0, nox = cems.Nox[row]?.MilligramsPerCubicMeter ?? 0, pm = cems.Pm[row]?.MilligramsPerCubicMeter ?? 0;
            double o2 = cems.Oxygen[row]?.Percent ?? 0, flowM3s = (cems.Flow[row]?.CubicMetersPerHour ?? 0) / 3600;
            string flag = cems.Flags.Span[row].ToString();
            for (int m = 0; m < 60; m++)
            {
                DateTime minute = hour.AddMinutes(m);
                string packet = Data("2051", mn, new DateTimeOffset(minute, offset), so2, nox, pm, o2, flowM3s, flag);
                if (m == 45)
                {
                    yield return packet; // sent twice: its answer did not come in time
                }

                if (!damaged && m == 30)
                {
                    damaged = true; // one digit of the CRC changed on the way: the codec rejects the packet
                    yield return packet[..^1] + (packet[^1] == '0' ? '1' : '0');
                    continue;
                }

                yield return packet;
            }

            yield return Data("2061", mn, new DateTimeOffset(hour, offset), so2, nox, pm, o2, flowM3s, flag);
        }
    }
}

static string Data(string cn, string mn, DateTimeOffset time, double so2, double nox, double pm, double o2, double flowM3s, string flag)
{
    var builder = new Hj212PacketBuilder("31", cn, "123456", mn).SetQn(time).SetFlag(5).AddDataTime(time).EndItem();
    foreach ((string code, double value, int decimals) in new[] { ("a21026", so2, 3), ("a21002", nox, 3), ("a34013", pm, 3), ("a19001", o2, 2), ("a00000", flowM3s, 6) })
    {
        builder.AddField(code + "-Avg", value, decimals).AddField(code + "-Flag", flag).EndItem();
    }

    return builder.Build().TrimEnd('\r', '\n');
}

static int SourceRow(CemsHourlyTable cems, string outlet, DateTime hour)
{
    ReadOnlySpan<DateTime> times = cems.Hours.Span;
    for (int i = 0; i < cems.RowCount; i++)
    {
        if (times[i] == hour && cems.OutletIds[i] == outlet)
        {
            return i;
        }
    }

    return -1;
}
