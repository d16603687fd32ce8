using System.Globalization;
using Shapotou.Sdk.Contract;
using Shapotou.Sdk.Parquet;

// Usage: WriterProcess PATH SEED BATCHES ROWS MODE
//   MODE commit: writes BATCHES batches of ROWS CEMS hours and commits (replacing PATH), prints "committed".
//   MODE hold:   writes the batches, prints "mid-write", then waits on standard input before committing.
//   MODE loop:   commits new versions of PATH (seed, seed + 1, ...) until killed, printing "committed N" after each.
// Row i of a version with seed s: so2 = s * 1000 + i * 0.5, hour = 2024-01-01 + i hours.
string path = args[0];
int seed = int.Parse(args[1], CultureInfo.InvariantCulture);
int batches = int.Parse(args[2], CultureInfo.InvariantCulture);
int rows = int.Parse(args[3], CultureInfo.InvariantCulture);
string mode = args[4];

for (int version = seed; ; version++)
{
    await using ParquetTableWriter writer = await ParquetTableWriter.CreateAsync(path, ContractSchema.CemsHourly, ["outlet_id", "hour", "so2"], rowGroupSize: rows);
    for (int b = 0; b < batches; b++)
    {
        await writer.WriteAsync(Batch(version, b * rows, rows));
    }

    if (mode == "hold")
    {
        Console.WriteLine("mid-write");
        Console.Out.Flush();
        _ = Console.ReadLine();
    }

    await writer.CommitAsync();
    Console.WriteLine(mode == "loop" ? $"committed {version}" : "committed");
    Console.Out.Flush();
    if (mode != "loop")
    {
        return 0;
    }
}

static TableBatch Batch(int seed, int first, int rows)
{
    var ids = new string?[rows];
    var hours = new DateTime?[rows];
    var so2 = new double[rows];
    for (int i = 0; i < rows; i++)
    {
        ids[i] = "o1";
        hours[i] = new DateTime(2024, 1, 1).AddHours(first + i);
        so2[i] = (seed * 1000) + ((first + i) * 0.5);
    }

    return new TableBatch(ContractSchema.CemsHourly, rows).SetText("outlet_id", ids).SetTimes("hour", hours).SetNumbers("so2", so2);
}
