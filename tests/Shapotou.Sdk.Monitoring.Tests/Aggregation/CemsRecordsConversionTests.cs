using Shapotou.Sdk.Model;
using Shapotou.Sdk.Monitoring.Aggregation;

namespace Shapotou.Sdk.Monitoring.Tests.Aggregation;

public sealed class CemsRecordsConversionTests
{
    private static readonly DateTime s_hour = new(2025, 3, 1, 8, 0, 0, DateTimeKind.Unspecified);

    [Fact]
    public void ToCemsHourly_KeepsValuesWithTheirOwnFlags_AmmoniaAndValidMinutes()
    {
        CemsRecords table = new CemsRecordsBuilder(CemsInterval.Hour)
            .AddRow("DA001", s_hour, DataFlag.N)
            .SetValue(CemsChannel.So2, 25.3, DataFlag.D, validCount: 0)
            .SetValue(CemsChannel.Nox, 40.2, validCount: 50)
            .SetValue(CemsChannel.Pm, 5.1, validCount: 50)
            .SetValue(CemsChannel.Nh3, 1.5, validCount: 50)
            .SetValue(CemsChannel.Oxygen, 12.5, validCount: 50)
            .SetValue(CemsChannel.Flow, 180_000, validCount: 48)
            .Build();

        CemsHourlyTable core = table.ToCemsHourly();

        Assert.Equal(25.3, core.So2.Values.Span[0]); // kept, not erased: its own flag says it is invalid
        Assert.Equal(DataFlag.D, core.EffectiveFlags(CemsValue.So2).Span[0]);
        Assert.Equal(DataFlag.N, core.EffectiveFlags(CemsValue.Nox).Span[0]);
        Assert.Equal(1.5, core.Optional.Nh3!.Values.Span[0]);
        Assert.Equal(48, core.Optional.ValidMinutes.Span[0]);
    }

    [Fact]
    public void FromCemsHourly_RoundTripsTheOwnFlags()
    {
        CemsRecords table = new CemsRecordsBuilder(CemsInterval.Hour)
            .AddRow("DA001", s_hour, DataFlag.N)
            .SetValue(CemsChannel.So2, 25.3, DataFlag.C, validCount: 0)
            .SetValue(CemsChannel.Flow, 180_000, validCount: 60)
            .Build();

        CemsRecords back = CemsRecords.FromCemsHourly(table.ToCemsHourly());

        Assert.Equal(DataFlag.C, back.ChannelFlag(CemsChannel.So2, 0));
        Assert.Equal(DataFlag.N, back.ChannelFlag(CemsChannel.Flow, 0));
        Assert.Equal(0, back.ValidCounts(CemsChannel.So2).Span[0]);
        Assert.Equal(60, back.ValidCounts(CemsChannel.Flow).Span[0]);
    }
}
