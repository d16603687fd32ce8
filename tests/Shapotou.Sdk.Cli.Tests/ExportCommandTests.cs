using System.Text.Json;

namespace Shapotou.Sdk.Cli.Tests;

public sealed class ExportCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shapotou-export-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void ExportScale2_ThenAssess_CountsTwoClustersInTheSameTownships()
    {
        (int exportCode, _, string exportError) = CliRunner.Run("export", "--out", _folder, "--scale", "2");
        Assert.True(exportCode == 0, exportError);

        (int code, string output, string error) = CliRunner.Run("assess", "--json", "--data", _folder);
        Assert.True(code == 0, error);
        JsonElement district = JsonDocument.Parse(output).RootElement.GetProperty("district");
        Assert.Equal(138, district.GetProperty("enterprises").GetInt32());
        Assert.Equal(
            ["binhe", "changle", "rouyuan", "xuanhe", "yingshuiqiao", "zhenluo"],
            district.GetProperty("townships").EnumerateArray().Select(t => t.GetProperty("township").GetString()));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void ExportScaleBelowOne_IsAUsageErrorInOneSentence(string scale)
    {
        (int code, _, string error) = CliRunner.Run("export", "--out", _folder, "--scale", scale);

        Assert.Equal(2, code);
        Assert.StartsWith($"--scale is {scale}; expected a number of copies from 1 to 10000.", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder));
    }

    [Fact]
    public void Export_DeletesTheTemporaryFilesAKilledExportLeft()
    {
        Directory.CreateDirectory(_folder);
        string[] stale = [.. new[] { "facilities", "cems_hourly", "solid_waste_ledger" }.Select(t => Path.Combine(_folder, $".{t}.parquet.{Guid.NewGuid():N}.tmp"))];
        foreach (string path in stale)
        {
            File.WriteAllBytes(path, [0x50, 0x41, 0x52]);
        }

        Assert.Equal(0, CliRunner.Run("export", "--out", _folder).ExitCode);

        Assert.All(stale, path => Assert.False(File.Exists(path), path));
        Assert.Empty(Directory.GetFiles(_folder, ".*.tmp"));
    }

    [Fact]
    public void Export_ThenAssessTheFolder_GivesTheSameFiguresAsTheEmbeddedDataset()
    {
        (int exportCode, string exportOutput, string exportError) = CliRunner.Run("export", "--out", _folder);
        Assert.Equal(0, exportCode);
        Assert.Equal(string.Empty, exportOutput); // the files written are listed on standard error
        Assert.Equal(8, exportError.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        (int code, string output, string error) = CliRunner.Run("assess", "--json", "--data", _folder);
        Assert.True(code == 0, error);
        JsonElement folder = JsonDocument.Parse(output).RootElement;
        JsonElement embedded = JsonDocument.Parse(CliRunner.Run("assess", "--json").Output).RootElement;

        Assert.True(folder.GetProperty("dataset").GetProperty("illustrative").GetBoolean()); // the mark survives the round trip
        Assert.Equal(new DirectoryInfo(_folder).Name, folder.GetProperty("dataset").GetProperty("name").GetString());
        foreach (string key in new[] { "district", "ferroalloy", "energy", "solid_waste", "emissions", "targets_2027_t" })
        {
            Assert.Equal(embedded.GetProperty(key).GetRawText(), folder.GetProperty(key).GetRawText());
        }

        Assert.Equal(2221.71, folder.GetProperty("targets_2027_t").GetProperty("pm").GetDouble()); // from the folder's own 2024 inventory
    }

    [Fact]
    public void Assess_MissingFolder_IsAnIoError()
    {
        (int code, _, string error) = CliRunner.Run("assess", "--data", _folder);

        Assert.Equal(2, code);
        Assert.Equal($"--data '{_folder}' does not exist.{Environment.NewLine}", error);
    }

    [Fact]
    public void Export_WithoutOut_IsAUsageError()
    {
        (int code, _, string error) = CliRunner.Run("export");

        Assert.Equal(2, code);
        Assert.Contains("--out", error, StringComparison.Ordinal);
    }
}
