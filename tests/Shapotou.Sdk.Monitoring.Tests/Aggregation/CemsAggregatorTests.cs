using Shapotou.Sdk.Model;
using Shapotou.Sdk.Monitoring.Aggregation;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Monitoring.Tests.Aggregation;

public sealed class CemsAggregatorTests
{
    private static readonly DateTime s_hour = new(2025, 1, 1, 9, 0, 0);

    /// <summary>Minute rows of one outlet and hour: SO₂ = 10 + minute, O₂ 12.5, flow 180 000; flag per minute.</summary>
    private static CemsRecords Minutes(Func<int, DataFlag?> flagOfMinute, string outlet = "DA001", DateTime? hour = null)
    {
        var builder = new CemsRecordsBuilder(CemsInterval.Minute);
        for (int m = 0; m < 60; m++)
        {
            if (flagOfMinute(m) is not { } flag)
            {
                continue;
            }

            builder.AddRow(outlet, (hour ?? s_hour).AddMinutes(m), flag)
                .SetValue(CemsChannel.So2, 10 + m)
                .SetValue(CemsChannel.Oxygen, 12.5)
                .SetValue(CemsChannel.Flow, 180_000);
        }

        return builder.Build();
    }

    [Fact]
    public void Options_Default_ComeFromTheCatalogueRowsOfHj212AnnexesCAndD()
    {
        CemsAggregationOptions options = CemsAggregationOptions.Default;
        Assert.Equal(45, options.MinimumValidMinutes);
        Assert.Equal(20, options.MinimumValidHours);
        Assert.Equal(0.75, options.NormalShare);
        Assert.Equal([DataFlag.N], options.ValidFlags);
        Assert.Equal(AbnormalFlagRule.Fault, options.AbnormalFlag);

        ReferenceCatalogue user = ReferenceCatalogue.Builtin.WithUserValues(
        [
            new ReferenceValue("monitoring.hj212.valid_hour.min_minutes", 40, ReferenceUnit.Parse("min"), "a user's permit", ReferenceConfidence.Secondary, origin: ReferenceOrigin.User),
        ]);
        Assert.Equal(40, CemsAggregationOptions.FromCatalogue(user).MinimumValidMinutes);
    }

    [Fact]
    public void ToHourly_45ValidMinutes_IsAValidNormalHourOfTheirMean()
    {
        // Minutes 0–44 normal, 45–59 calibration: 45 valid minutes, 75 % normal.
        CemsRecords hourly = CemsAggregator.ToHourly(Minutes(m => m < 45 ? DataFlag.N : DataFlag.C));

        Assert.Equal(1, hourly.RowCount);
        Assert.Equal(s_hour, hourly.Starts.Span[0]);
        Assert.Equal(10 + 22.0, hourly.Values(CemsChannel.So2).Span[0]); // mean of 10..54
        Assert.Equal(45, hourly.ValidCounts(CemsChannel.So2).Span[0]);
        Assert.Equal(DataFlag.N, hourly.ChannelFlag(CemsChannel.So2, 0));
        Assert.Equal(DataFlag.N, hourly.Flags.Span[0]);
        Assert.Equal(180_000, hourly.Values(CemsChannel.Flow).Span[0]);
        Assert.True(double.IsNaN(hourly.Values(CemsChannel.Pm).Span[0]));
        Assert.Equal(0, hourly.ValidCounts(CemsChannel.Pm).Span[0]);
    }

    [Fact]
    public void ToHourly_44ValidMinutes_IsInvalidAndFlaggedD()
    {
        // 44 normal minutes and 16 never received.
        CemsRecords hourly = CemsAggregator.ToHourly(Minutes(m => m < 44 ? DataFlag.N : null));

        Assert.True(double.IsNaN(hourly.Values(CemsChannel.So2).Span[0]));
        Assert.Equal(44, hourly.ValidCounts(CemsChannel.So2).Span[0]);
        Assert.Equal(DataFlag.D, hourly.ChannelFlag(CemsChannel.So2, 0));
        Assert.Equal(DataFlag.D, hourly.Flags.Span[0]);
    }

    [Fact]
    public void ToHourly_MostFrequentRule_CarriesAStoppedSourceThrough()
    {
        CemsRecords minutes = Minutes(m => m < 50 ? DataFlag.F : DataFlag.N);
        var carry = new CemsAggregationOptions { AbnormalFlag = AbnormalFlagRule.MostFrequent };

        Assert.Equal(DataFlag.D, CemsAggregator.ToHourly(minutes).Flags.Span[0]);
        CemsRecords hourly = CemsAggregator.ToHourly(minutes, carry);
        Assert.Equal(DataFlag.F, hourly.Flags.Span[0]);
        Assert.Equal(DataFlag.F, hourly.ChannelFlag(CemsChannel.So2, 0));
        Assert.Equal(10, hourly.ValidCounts(CemsChannel.So2).Span[0]);

        // Then to a day: 24 stopped hours stay F under the carrying rule.
        var builder = new CemsRecordsBuilder(CemsInterval.Minute);
        for (int h = 0; h < 24; h++)
        {
            for (int m = 0; m < 60; m++)
            {
                builder.AddRow("DA001", new DateTime(2025, 1, 2).AddHours(h).AddMinutes(m), DataFlag.F).SetValue(CemsChannel.So2, 0);
            }
        }

        CemsRecords day = CemsAggregator.ToDaily(CemsAggregator.ToHourly(builder.Build(), carry), carry);
        Assert.Equal(DataFlag.F, day.Flags.Span[0]);
        Assert.Equal(0, day.ValidCounts(CemsChannel.So2).Span[0]);
    }

    [Fact]
    public void ToHourly_ChannelFlag_OverridesTheRowFlagForThatChannelOnly()
    {
        var builder = new CemsRecordsBuilder(CemsInterval.Minute);
        for (int m = 0; m < 60; m++)
        {
            builder.AddRow("DA001", s_hour.AddMinutes(m), DataFlag.N)
                .SetValue(CemsChannel.So2, 20, m < 20 ? DataFlag.C : default)
                .SetValue(CemsChannel.Nox, 40);
        }

        CemsRecords hourly = CemsAggregator.ToHourly(builder.Build());
        Assert.True(double.IsNaN(hourly.Values(CemsChannel.So2).Span[0]));
        Assert.Equal(40, hourly.ValidCounts(CemsChannel.So2).Span[0]);
        Assert.Equal(DataFlag.D, hourly.ChannelFlag(CemsChannel.So2, 0));
        Assert.Equal(40, hourly.Values(CemsChannel.Nox).Span[0]);
        Assert.Equal(60, hourly.ValidCounts(CemsChannel.Nox).Span[0]);
        Assert.Equal(DataFlag.N, hourly.Flags.Span[0]);

        // The core table has row flags only: the invalid SO₂ hour must not read as a valid N value there.
        CemsHourlyTable core = hourly.ToCemsHourly();
        Assert.True(double.IsNaN(core.So2.Values.Span[0]));
        Assert.Equal(40, core.Nox.Values.Span[0]);
    }

    [Fact]
    public void ToHourly_TenMinuteInterval_CountsEachRecordAsTenMinutes()
    {
        var builder = new CemsRecordsBuilder(CemsInterval.Minute);
        for (int m = 0; m < 50; m += 10)
        {
            builder.AddRow("DA001", s_hour.AddMinutes(m), DataFlag.N).SetValue(CemsChannel.Pm, m);
        }

        var options = new CemsAggregationOptions { MinuteIntervalMinutes = 10 };
        CemsRecords hourly = CemsAggregator.ToHourly(builder.Build(), options);
        Assert.Equal(50, hourly.ValidCounts(CemsChannel.Pm).Span[0]);
        Assert.Equal(20, hourly.Values(CemsChannel.Pm).Span[0]);
        Assert.Equal(DataFlag.N, hourly.ChannelFlag(CemsChannel.Pm, 0)); // 5 of 6 slots

        builder.AddRow("DA001", s_hour.AddMinutes(55), DataFlag.N);
        ShapotouDataException e = Assert.Throws<ShapotouDataException>(() => CemsAggregator.ToHourly(builder.Build(), options));
        Assert.Contains("row 5", e.Message, StringComparison.Ordinal);
        Assert.Contains("MinInterval of 10 min", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// One rule for the day, the stricter of Annex C's 75 % (18 of 24 hours) and D2.2's 20 valid hours: the value and its
    /// flag agree. Before, 18 and 19 hours gave flag N beside a missing value.
    /// </summary>
    [Theory]
    [InlineData(17, double.NaN, DataFlag.D)] // below both rules
    [InlineData(18, double.NaN, DataFlag.D)] // meets 75 %, not 20 h: not a valid day, so not N
    [InlineData(19, double.NaN, DataFlag.D)] // 79 %, still under 20 h
    [InlineData(20, 9.5, DataFlag.N)] // meets both: the mean of 0..19
    public void ToDaily_ValueAndFlagFollowTheStricterOf75PercentAnd20Hours(int validHours, double value, DataFlag flag)
    {
        var builder = new CemsRecordsBuilder(CemsInterval.Hour);
        for (int h = 0; h < 24; h++)
        {
            bool ok = h < validHours;
            builder.AddRow("DA001", new DateTime(2025, 1, 1, h, 0, 0), ok ? DataFlag.N : DataFlag.D)
                .SetValue(CemsChannel.Nox, ok ? h : double.NaN, validCount: ok ? 60 : 10);
        }

        CemsRecords day = CemsAggregator.ToDaily(builder.Build());

        Assert.Equal(new DateTime(2025, 1, 1), day.Starts.Span[0]);
        Assert.Equal(value, day.Values(CemsChannel.Nox).Span[0]);
        Assert.Equal(validHours, day.ValidCounts(CemsChannel.Nox).Span[0]);
        Assert.Equal(flag, day.ChannelFlag(CemsChannel.Nox, 0));
        Assert.Equal(flag, day.FlagAt(0)); // the row's flag by the same rule over the hours' own flags
    }

    [Fact]
    public void ToHourly_SeveralOutletsAndHours_AreGroupedAndOrderedWhateverTheInputOrder()
    {
        var builder = new CemsRecordsBuilder(CemsInterval.Minute);
        for (int m = 119; m >= 0; m--)
        {
            builder.AddRow("DA002", s_hour.AddMinutes(m), DataFlag.N).SetValue(CemsChannel.So2, m < 60 ? 1 : 2);
            builder.AddRow("DA001", s_hour.AddMinutes(m), DataFlag.N).SetValue(CemsChannel.So2, m < 60 ? 3 : 4);
        }

        CemsRecords hourly = CemsAggregator.ToHourly(builder.Build());
        Assert.Equal(["DA001", "DA001", "DA002", "DA002"], hourly.OutletIds);
        Assert.Equal([3.0, 4, 1, 2], hourly.Values(CemsChannel.So2).ToArray());
        Assert.Equal([s_hour, s_hour.AddHours(1), s_hour, s_hour.AddHours(1)], hourly.Starts.ToArray());
    }

    [Fact]
    public void ToHourly_DuplicateMinute_IsAnErrorNamingBothRows()
    {
        var builder = new CemsRecordsBuilder(CemsInterval.Minute);
        builder.AddRow("DA001", s_hour, DataFlag.N).SetValue(CemsChannel.So2, 1);
        builder.AddRow("DA001", s_hour.AddMinutes(1), DataFlag.N).SetValue(CemsChannel.So2, 1);
        builder.AddRow("DA001", s_hour, DataFlag.N).SetValue(CemsChannel.So2, 2);

        ShapotouDataException e = Assert.Throws<ShapotouDataException>(() => CemsAggregator.ToHourly(builder.Build()));
        Assert.Equal("Table 'cems_minute' has rows 0 and 2 for outlet 'DA001' at 2025-01-01 09:00; expected one row per outlet and minute.", e.Message);
    }

    [Fact]
    public void ToHourly_WrongInterval_IsRejected()
    {
        CemsRecords hourly = CemsAggregator.ToHourly(Minutes(_ => DataFlag.N));
        Assert.Throws<ArgumentException>(() => CemsAggregator.ToHourly(hourly));
        Assert.Throws<ArgumentException>(() => CemsAggregator.ToDaily(Minutes(_ => DataFlag.N)));
    }

    [Fact]
    public void Builder_BadInput_NamesTableColumnRowAndValue()
    {
        var builder = new CemsRecordsBuilder(CemsInterval.Minute);
        Assert.Throws<InvalidOperationException>(() => builder.SetValue(CemsChannel.So2, 1));
        ArgumentException e = Assert.Throws<ArgumentException>(() => builder.AddRow("DA001", s_hour.AddSeconds(30), DataFlag.N));
        Assert.Equal("Column 'minute' of cems_minute, row 0, is 2025-01-01 09:00:30.0000000; expected the start of a minute. (Parameter 'start')", e.Message);
        e = Assert.Throws<ArgumentException>(() => builder.AddRow(" ", s_hour, DataFlag.N));
        Assert.Contains("Column 'outlet_id' of cems_minute, row 0", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => builder.AddRow("DA001", s_hour, (DataFlag)42));
        Assert.Contains("Column 'flag' of cems_minute, row 0, is 42", e.Message, StringComparison.Ordinal);

        builder.AddRow("DA001", s_hour, DataFlag.N);
        e = Assert.Throws<ArgumentException>(() => builder.SetValue(CemsChannel.Oxygen, 21));
        Assert.Equal("Column 'o2' of cems_minute, row 0, is 21; expected NaN or a value from 0 to below 21 %. (Parameter 'value')", e.Message);
        e = Assert.Throws<ArgumentException>(() => builder.SetValue(CemsChannel.So2, -1));
        Assert.Contains("Column 'so2' of cems_minute, row 0, is -1", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => builder.SetValue(CemsChannel.So2, double.PositiveInfinity));
        Assert.Contains("is ∞", e.Message.Replace("Infinity", "∞", StringComparison.Ordinal), StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => builder.SetValue(CemsChannel.So2, 1, (DataFlag)42));
        Assert.Contains("Column 'so2_flag' of cems_minute, row 0, is 42", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new CemsRecordsBuilder(CemsInterval.Hour).AddRow("DA001", s_hour.AddMinutes(1), DataFlag.N));
    }

    [Fact]
    public void CemsHourly_RoundTripsThroughTheCoreTable()
    {
        CemsRecords hourly = CemsAggregator.ToHourly(Minutes(_ => DataFlag.N));
        CemsRecords back = CemsRecords.FromCemsHourly(hourly.ToCemsHourly());
        Assert.Equal(hourly.Values(CemsChannel.So2).ToArray(), back.Values(CemsChannel.So2).ToArray());
        Assert.Equal(hourly.Values(CemsChannel.Oxygen).ToArray(), back.Values(CemsChannel.Oxygen).ToArray());
        Assert.Equal(60, back.ValidCounts(CemsChannel.So2).Span[0]);
        Assert.Throws<InvalidOperationException>(() => Minutes(_ => DataFlag.N).ToCemsHourly());
    }

    [Fact]
    public void Options_OutOfRange_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CemsAggregationOptions { MinimumValidMinutes = 61 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new CemsAggregationOptions { MinimumValidHours = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new CemsAggregationOptions { NormalShare = 1.5 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new CemsAggregationOptions { MinuteIntervalMinutes = 7 });
        Assert.Throws<ArgumentException>(() => new CemsAggregationOptions { ValidFlags = new HashSet<DataFlag>() });
    }

    [Fact]
    public void AddRow_StartMarkedUtc_IsRefusedNamingTheRow()
    {
        var builder = new CemsRecordsBuilder(CemsInterval.Minute).AddRow("DA001", s_hour, DataFlag.N);

        ArgumentException error = Assert.Throws<ArgumentException>(() => builder.AddRow("DA001", new DateTime(2025, 1, 1, 1, 1, 0, DateTimeKind.Utc), DataFlag.N));

        Assert.Equal("start", error.ParamName);
        Assert.Equal(
            "Column 'minute' of cems_minute, row 1, is 2025-01-01 01:01:00 marked as UTC; expected China Standard Time wall clock, a time not marked with a zone (convert UTC by adding 8 hours). (Parameter 'start')",
            error.Message);
        Assert.Equal(1, builder.RowCount);
    }
}
