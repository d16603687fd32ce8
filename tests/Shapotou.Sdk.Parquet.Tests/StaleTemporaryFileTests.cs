using System.Diagnostics;
using Shapotou.Sdk.Contract;

namespace Shapotou.Sdk.Parquet.Tests;

/// <summary>
/// The temporary files a killed write leaves beside its target (<c>.&lt;table&gt;.parquet.&lt;id&gt;.tmp</c>): the next
/// write of that table deletes them, and so does a dataset's write (<c>shapotou export</c>), but never a live writer's.
/// </summary>
public sealed class StaleTemporaryFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-stale-{Guid.NewGuid():N}");

    public StaleTemporaryFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static TableBatch Hours(int rows) =>
        new TableBatch(ContractSchema.CemsHourly, rows)
            .SetText("outlet_id", [.. Enumerable.Repeat<string?>("yx-da001", rows)])
            .SetTimes("hour", [.. Enumerable.Range(0, rows).Select(i => (DateTime?)new DateTime(2024, 1, 1).AddHours(i))]);

    private string Stale(string table)
    {
        string path = Path.Combine(_folder, $".{table}.parquet.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(path, [1, 2, 3]);
        return path;
    }

    private static string[] Names(string folder) => [.. Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public async Task NextWriteOfTheTable_DeletesItsStaleTemporaryFiles_AndNoOtherFiles()
    {
        string stale = Stale("cems_hourly");
        string otherTable = Stale("outlets");
        string notOurs = Path.Combine(_folder, ".cems_hourly.parquet.backup.tmp");
        await File.WriteAllTextAsync(notOurs, "kept");

        await ParquetTables.WriteAsync(Path.Combine(_folder, "cems_hourly.parquet"), Hours(3));

        Assert.False(File.Exists(stale));
        Assert.Equal(
            [".cems_hourly.parquet.backup.tmp", Path.GetFileName(otherTable), "cems_hourly.parquet"],
            Names(_folder));
    }

    [Fact]
    public async Task LiveWritersTemporaryFile_IsKept_ByAnotherWriterOfTheSameTable()
    {
        string path = Path.Combine(_folder, "cems_hourly.parquet");
        ParquetTableWriter first = await ParquetTableWriter.CreateAsync(path, ContractSchema.CemsHourly, ["outlet_id", "hour"]);
        await using (first)
        {
            await first.WriteAsync(Hours(2));
            string live = Assert.Single(Directory.GetFiles(_folder, ".cems_hourly.parquet.*.tmp"));

            ParquetTableWriter second = await ParquetTableWriter.CreateAsync(path, ContractSchema.CemsHourly, ["outlet_id", "hour"]);
            await using (second)
            {
                Assert.True(File.Exists(live));
                Assert.Equal(2, Directory.GetFiles(_folder, ".cems_hourly.parquet.*.tmp").Length);
            }

            await first.CommitAsync();
        }

        Assert.Equal(2, (await ParquetTables.ReadAsync(path, ContractSchema.CemsHourly)).RowCount);
        Assert.Equal(["cems_hourly.parquet"], Names(_folder));
    }

    [Fact]
    public async Task DatasetWrite_DeletesStaleTemporaryFilesOfEveryContractTable()
    {
        string[] stale = [Stale("cems_hourly"), Stale("enterprises"), Stale("emission_factors")];

        IReadOnlyList<string> written = await ClusterDatasetParquet.WriteAsync(ClusterDatasetParquetTests.Sample(), _folder);

        Assert.All(stale, s => Assert.False(File.Exists(s)));
        Assert.Equal(written.Select(Path.GetFileName).Order(StringComparer.Ordinal), Names(_folder));
    }

    [Fact]
    public async Task WriterKilledMidWrite_ItsTemporaryFileIsDeletedByTheNextWrite()
    {
        string path = Path.Combine(_folder, "cems_hourly.parquet");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in new[] { Path.Combine(AppContext.BaseDirectory, "Shapotou.Sdk.Parquet.WriterProcess.dll"), path, "2", "20", "10000", "hold" })
        {
            start.ArgumentList.Add(argument);
        }

        using (Process writer = Process.Start(start)!)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            Assert.Equal("mid-write", await writer.StandardOutput.ReadLineAsync(timeout.Token));
            writer.Kill(entireProcessTree: true);
            await writer.WaitForExitAsync();
        }

        Assert.Single(Directory.GetFiles(_folder, ".cems_hourly.parquet.*.tmp"));

        await ParquetTables.WriteAsync(path, Hours(5));

        Assert.Equal(["cems_hourly.parquet"], Names(_folder));
        Assert.Equal(5, (await ParquetTables.ReadAsync(path, ContractSchema.CemsHourly)).RowCount);
    }
}
