using Shapotou.Sdk.Model;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Tests.Model;

public sealed class SolidWasteLedgerEntryTests
{
    private static readonly DateOnly s_march = new(2024, 3, 1);

    private const string RowId = "Solid-waste ledger row 'yx 2024-03 slag'";

    private static Mass T(double tonnes) => Mass.FromTonnes(tonnes);

    private static SolidWasteLedgerEntry Create(
        string enterpriseId = "yx",
        DateOnly? period = null,
        WasteType wasteType = WasteType.Slag,
        Mass? generated = null,
        Mass? utilised = null,
        Mass? utilisedFromStorage = null,
        Mass? disposed = null,
        Mass? disposedFromStorage = null,
        Mass? stored = null,
        Mass? dumped = null) =>
        new(enterpriseId, period ?? s_march, wasteType, generated, utilised, utilisedFromStorage, disposed, disposedFromStorage, stored, dumped);

    [Fact]
    public void Constructor_ValidRow_KeepsEveryValue()
    {
        var entry = new SolidWasteLedgerEntry(
            "yx", s_march, WasteType.SilicaFume, T(120), T(100), T(15), T(20), T(5), T(10), T(0));

        Assert.Equal("yx", entry.EnterpriseId);
        Assert.Equal(s_march, entry.Period);
        Assert.Equal(WasteType.SilicaFume, entry.WasteType);
        Assert.Equal(120, entry.Generated!.Value.Tonnes);
        Assert.Equal(100, entry.Utilised!.Value.Tonnes);
        Assert.Equal(15, entry.UtilisedFromStorage!.Value.Tonnes);
        Assert.Equal(20, entry.Disposed!.Value.Tonnes);
        Assert.Equal(5, entry.DisposedFromStorage!.Value.Tonnes);
        Assert.Equal(10, entry.Stored!.Value.Tonnes);
        Assert.Equal(0, entry.Dumped!.Value.Tonnes);
    }

    [Fact]
    public void Constructor_AmountsOmitted_AreNull()
    {
        SolidWasteLedgerEntry entry = Create();

        Assert.Null(entry.Generated);
        Assert.Null(entry.Utilised);
        Assert.Null(entry.UtilisedFromStorage);
        Assert.Null(entry.Disposed);
        Assert.Null(entry.DisposedFromStorage);
        Assert.Null(entry.Stored);
        Assert.Null(entry.Dumped);
    }

    [Fact]
    public void Constructor_AmountInKilograms_IsKeptInTheGivenUnit()
    {
        SolidWasteLedgerEntry entry = Create(generated: Mass.FromKilograms(120_000));

        Assert.Equal(MassUnit.Kilogram, entry.Generated!.Value.Unit);
        Assert.Equal(120, entry.Generated.Value.Tonnes);
    }

    [Fact]
    public void Constructor_FromStorageEqualToTotal_IsAccepted()
    {
        SolidWasteLedgerEntry entry = Create(utilised: T(10), utilisedFromStorage: T(10), disposed: T(4), disposedFromStorage: T(4));

        Assert.Equal(10, entry.UtilisedFromStorage!.Value.Tonnes);
        Assert.Equal(4, entry.DisposedFromStorage!.Value.Tonnes);
    }

    [Fact]
    public void Constructor_FromStorageInKilogramsEqualToTotalInTonnes_IsAccepted()
    {
        SolidWasteLedgerEntry entry = Create(utilised: T(10), utilisedFromStorage: Mass.FromKilograms(10_000));

        Assert.Equal(10, entry.UtilisedFromStorage!.Value.Tonnes);
    }

    [Fact]
    public void Constructor_FromStorageWithoutItsTotal_IsAccepted()
    {
        // With the total not reported there is nothing to compare the part with.
        SolidWasteLedgerEntry entry = Create(utilisedFromStorage: T(3), disposedFromStorage: T(2));

        Assert.Null(entry.Utilised);
        Assert.Null(entry.Disposed);
    }

    [Fact]
    public void Constructor_UtilisedFromStorageAboveUtilised_IsRejected()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(utilised: T(10), utilisedFromStorage: T(12)));

        Assert.Equal("utilisedFromStorage", error.ParamName);
        Assert.Equal(
            $"{RowId}: utilised_from_storage is 12 t; expected at most utilised (10 t), of which it is a part. (Parameter 'utilisedFromStorage')",
            error.Message);
    }

    [Fact]
    public void Constructor_UtilisedFromStorageInKilogramsJustAboveUtilised_IsRejectedInTonnes()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => Create(utilised: T(10), utilisedFromStorage: Mass.FromKilograms(10_001)));

        Assert.StartsWith(
            $"{RowId}: utilised_from_storage is 10.001 t; expected at most utilised (10 t)",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DisposedFromStorageAboveDisposed_IsRejected()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(disposed: T(4), disposedFromStorage: T(4.5)));

        Assert.Equal("disposedFromStorage", error.ParamName);
        Assert.Equal(
            $"{RowId}: disposed_from_storage is 4.5 t; expected at most disposed (4 t), of which it is a part. (Parameter 'disposedFromStorage')",
            error.Message);
    }

    [Theory]
    [InlineData("generated", "generated")] // 产生量
    [InlineData("utilised", "utilised")] // 综合利用量
    [InlineData("utilised_from_storage", "utilisedFromStorage")] // 综合利用往年贮存量
    [InlineData("disposed", "disposed")] // 处置量
    [InlineData("disposed_from_storage", "disposedFromStorage")] // 处置往年贮存量
    [InlineData("stored", "stored")] // 贮存量
    [InlineData("dumped", "dumped")] // 倾倒丢弃量
    public void Constructor_NegativeAmount_IsRejected(string field, string parameter)
    {
        Mass negative = T(-1);

        ArgumentException error = Assert.Throws<ArgumentException>(() => field switch
        {
            "generated" => Create(generated: negative),
            "utilised" => Create(utilised: negative),
            "utilised_from_storage" => Create(utilisedFromStorage: negative),
            "disposed" => Create(disposed: negative),
            "disposed_from_storage" => Create(disposedFromStorage: negative),
            "stored" => Create(stored: negative),
            _ => Create(dumped: negative),
        });

        Assert.Equal(parameter, error.ParamName);
        Assert.Equal(
            $"{RowId}: {field} is -1 Tonne; expected a finite value of at least 0. (Parameter '{parameter}')",
            error.Message);
    }

    [Fact]
    public void Constructor_NegativeAmountInKilograms_IsReportedInTonnes()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(stored: Mass.FromKilograms(-250)));

        Assert.StartsWith($"{RowId}: stored is -0.25 Tonne;", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2024, 3, 2)] // the day after the first
    [InlineData(2024, 3, 31)] // the last day of the month
    public void Constructor_PeriodNotTheFirstOfAMonth_IsRejected(int year, int month, int day)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(period: new DateOnly(year, month, day)));

        Assert.Equal("period", error.ParamName);
        Assert.Equal(
            $"{RowId}: period is 2024-03-{day:00}; expected the first day of a month. (Parameter 'period')",
            error.Message);
    }

    [Theory]
    [InlineData((WasteType)0, "0")] // default(WasteType)
    [InlineData((WasteType)99, "99")] // outside the declared range
    public void Constructor_UndefinedWasteType_IsRejected(WasteType wasteType, string shown)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(wasteType: wasteType));

        Assert.Equal("wasteType", error.ParamName);
        Assert.Equal(
            $"Solid-waste ledger row 'yx': waste_type is {shown}; expected one of slag, silica_fume, dust, fgd_gypsum, ash, other. (Parameter 'wasteType')",
            error.Message);
    }

    [Fact]
    public void Constructor_RowIdInMessages_UsesTheWasteTypeContractName()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(wasteType: WasteType.FgdGypsum, dumped: T(-1)));

        Assert.StartsWith("Solid-waste ledger row 'yx 2024-03 fgd_gypsum': dumped is -1 Tonne;", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")] // empty
    [InlineData("yx ")] // trailing space
    [InlineData(null)] // missing
    public void Constructor_BadEnterpriseId_IsRejected(string? enterpriseId)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(enterpriseId: enterpriseId!));

        Assert.Equal("enterpriseId", error.ParamName);
        Assert.Equal(
            $"Solid-waste ledger row: enterprise_id is '{enterpriseId}'; expected a non-empty id without surrounding spaces. (Parameter 'enterpriseId')",
            error.Message);
    }
}
