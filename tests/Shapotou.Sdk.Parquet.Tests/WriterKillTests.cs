using System.Diagnostics;
using Shapotou.Sdk.Contract;

namespace Shapotou.Sdk.Parquet.Tests;

/// <summary>A writer process killed mid-write leaves the previous file intact.</summary>
public sealed class WriterKillTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-kill-{Guid.NewGuid():N}");

    public WriterKillTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Process Start(string path, int seed, int batches, int rows, string mode)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { Path.Combine(AppContext.BaseDirectory, "Shapotou.Sdk.Parquet.WriterProcess.dll"), path, $"{seed}", $"{batches}", $"{rows}", mode })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private static async Task<string?> ReadLineAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await process.StandardOutput.ReadLineAsync(timeout.Token);
    }

    private static async Task AssertVersionAsync(string path, int seed, int rows)
    {
        long row = 0;
        await foreach (TableBatch batch in ParquetTables.ReadBatchesAsync(path, ContractSchema.CemsHourly))
        {
            ReadOnlySpan<double> so2 = batch.Numbers("so2").Span;
            ReadOnlySpan<DateTime?> hours = batch.Times("hour").Span;
            for (int i = 0; i < batch.RowCount; i++, row++)
            {
                Assert.Equal((seed * 1000) + (row * 0.5), so2[i]);
                Assert.Equal(new DateTime(2024, 1, 1).AddHours(row), hours[i]);
            }
        }

        Assert.Equal(rows, row);
    }

    [Fact]
    public async Task WriterKilledMidWrite_LeavesThePreviousFileByteForByte()
    {
        string path = Path.Combine(_folder, "cems_hourly.parquet");
        using (Process first = Start(path, 1, 2, 1000, "commit"))
        {
            Assert.Equal("committed", await ReadLineAsync(first));
            await first.WaitForExitAsync();
            Assert.Equal(0, first.ExitCode);
        }

        byte[] before = await File.ReadAllBytesAsync(path);

        using (Process second = Start(path, 2, 20, 10_000, "hold"))
        {
            Assert.Equal("mid-write", await ReadLineAsync(second));

            // The new version is half on disk, in a temporary file beside the target.
            string temporary = Assert.Single(Directory.GetFiles(_folder, ".cems_hourly.parquet.*.tmp"));
            Assert.True(new FileInfo(temporary).Length > before.Length);
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }

        Assert.Equal(before, await File.ReadAllBytesAsync(path));
        await AssertVersionAsync(path, 1, 2000);

        // The stale temporary file is ignored by the folder readers and replaced by the next commit's own.
        using (Process third = Start(path, 3, 1, 10, "commit"))
        {
            Assert.Equal("committed", await ReadLineAsync(third));
            await third.WaitForExitAsync();
        }

        await AssertVersionAsync(path, 3, 10);
    }

    [Fact]
    public async Task WriterKilledAtAnyMoment_LeavesAWholeCommittedVersion()
    {
        string path = Path.Combine(_folder, "cems_hourly.parquet");
        using Process writer = Start(path, 10, 4, 5000, "loop");
        Assert.Equal("committed 10", await ReadLineAsync(writer));

        // Let it commit a few more versions, then kill it wherever it is (often mid-write, sometimes mid-rename).
        for (int i = 11; i <= 13; i++)
        {
            Assert.Equal($"committed {i}", await ReadLineAsync(writer));
        }

        writer.Kill(entireProcessTree: true);
        await writer.WaitForExitAsync();

        // The writer prints "committed N" after version N is renamed into place, and flushes each line: every version
        // it reported before the kill is in the pipe. The file holds the last one reported, or the next one when the
        // kill fell between its rename and its line; never a mix, whichever version that is.
        int reported = 13;
        while (await ReadLineAsync(writer) is { } line)
        {
            Assert.Equal($"committed {reported + 1}", line);
            reported++;
        }

        var file = await ParquetTables.ReadAsync(path, ContractSchema.CemsHourly);
        int seed = (int)Math.Floor(file.Numbers("so2").Span[0] / 1000);
        Assert.True(seed == reported || seed == reported + 1, $"the file holds version {seed}; the writer last reported {reported}");
        await AssertVersionAsync(path, seed, 20_000);
    }
}
