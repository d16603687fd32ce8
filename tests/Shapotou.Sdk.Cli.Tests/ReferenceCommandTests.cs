using System.Text.Json;

namespace Shapotou.Sdk.Cli.Tests;

public sealed class ReferenceCommandTests
{
    private static JsonElement[] ReferenceJson(params string[] extra)
    {
        (int exitCode, string output, string error) = CliRunner.Run(["reference", "--json", .. extra]);
        Assert.True(exitCode == 0, error);
        return JsonDocument.Parse(output).RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    [Fact]
    public void Json_IsSortedByKey_WithEveryField()
    {
        JsonElement[] rows = ReferenceJson();

        string[] keys = rows.Select(r => r.GetProperty("key").GetString()!).ToArray();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        foreach (JsonElement row in rows)
        {
            foreach (string field in new[] { "key", "value", "unit", "source", "confidence", "valid_from", "valid_to", "origin" })
            {
                Assert.True(row.TryGetProperty(field, out _), $"{row.GetProperty("key")} lacks {field}");
            }

            Assert.Equal("builtin", row.GetProperty("origin").GetString());
            Assert.Contains(row.GetProperty("confidence").GetString(), new[] { "P", "S+", "S" });
        }
    }

    [Theory]
    [InlineData("2022-06-30", 1900)] // the 2021 edition's baseline
    [InlineData("2024-12-31", 1850)] // the 2023 edition's baseline
    public void Json_AsOf_PicksTheRowInForce(string date, double baseline)
    {
        JsonElement[] rows = ReferenceJson("--as-of", date);

        JsonElement row = Assert.Single(rows, r => r.GetProperty("key").GetString() == "energy.benchmark.ferrosilicon.baseline");
        Assert.Equal(baseline, row.GetProperty("value").GetDouble());
        Assert.Equal("S", row.GetProperty("confidence").GetString());
    }

    [Fact]
    public void Json_ElectricityEquivalent_Is0_1229()
    {
        JsonElement row = Assert.Single(ReferenceJson(), r => r.GetProperty("key").GetString() == "energy.coefficient.electricity.equivalent");

        Assert.Equal(0.1229, row.GetProperty("value").GetDouble());
        Assert.Equal("kgce/kWh", row.GetProperty("unit").GetString());
    }

    [Fact]
    public void Console_SaysHowManyValuesNeedConfirmation()
    {
        (int exitCode, string output, _) = CliRunner.Run("reference", "--as-of", "2024-12-31");

        Assert.Equal(0, exitCode);
        Assert.Contains("need confirmation against the primary text", output, StringComparison.Ordinal);
        Assert.Contains("energy.coefficient.electricity.equivalent", output, StringComparison.Ordinal);
    }
}
