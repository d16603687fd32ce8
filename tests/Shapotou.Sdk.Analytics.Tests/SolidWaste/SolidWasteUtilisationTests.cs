using Shapotou.Sdk.Analytics.SolidWaste;
using Shapotou.Sdk.Model;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Tests.SolidWaste;

public sealed class SolidWasteUtilisationTests
{
    private static SolidWasteLedgerEntry Row(string enterprise, int month, WasteType type, double generated, double utilised, double fromStorage, double stored, double disposed = 0) =>
        new(enterprise, new DateOnly(2024, month, 1), type, Mass.FromTonnes(generated), Mass.FromTonnes(utilised), Mass.FromTonnes(fromStorage),
            Mass.FromTonnes(disposed), Mass.FromTonnes(0), Mass.FromTonnes(stored), Mass.FromTonnes(0));

    [Fact]
    public void Rate_CountsPriorYearStockInBothTerms()
    {
        // energy.md B4: 85 000 / (100 000 + 5 000) = 80.95 %.
        Ratio? rate = SolidWasteUtilisation.Rate([Row("a", 1, WasteType.Slag, 100_000, 85_000, 5_000, 20_000)]);

        Assert.Equal(80.95, Math.Round(rate!.Value.Percent, 2));
    }

    [Fact]
    public void ByEnterprise_CoversAllWasteTypes_AndEachType()
    {
        EnterpriseUtilisation a = SolidWasteUtilisation.ByEnterprise(
            [Row("a", 1, WasteType.Slag, 100, 30, 0, 70), Row("a", 1, WasteType.SilicaFume, 300, 270, 0, 30), Row("b", 1, WasteType.Ash, 10, 10, 0, 0)],
            2024)[0];

        Assert.Equal("a", a.EnterpriseId);
        Assert.Equal(75.0, a.UtilisationRate!.Value.Percent, 12);
        Assert.Equal(30.0, a.ByWasteType[WasteType.Slag]!.Value.Percent, 12);
        Assert.Equal(90.0, a.ByWasteType[WasteType.SilicaFume]!.Value.Percent, 12);
    }

    [Fact]
    public void Rate_UnreportedAmountOrNothingGenerated_IsNull()
    {
        var unreported = new SolidWasteLedgerEntry("a", new DateOnly(2024, 1, 1), WasteType.Slag, generated: Mass.FromTonnes(10));

        Assert.Null(SolidWasteUtilisation.Rate([unreported]));
        Assert.Null(SolidWasteUtilisation.Rate([Row("a", 1, WasteType.Slag, 0, 0, 0, 0)]));
    }

    [Fact]
    public void UnbalancedRows_NamesTheRowAndTheAmounts()
    {
        IReadOnlyList<string> findings = SolidWasteUtilisation.UnbalancedRows(
            [Row("a", 1, WasteType.Slag, 100, 30, 0, 70), Row("a", 2, WasteType.Slag, 100, 30, 0, 60)],
            tolerance: Mass.FromTonnes(0.05));

        Assert.Equal(
            ["Table 'solid_waste_ledger', row 1 (a 2024-02 slag): generated is 100 t, but utilised − from storage + stored + disposed − from storage + dumped is 90 t."],
            findings);
    }
}
