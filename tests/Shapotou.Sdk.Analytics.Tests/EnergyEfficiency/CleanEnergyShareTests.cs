using Shapotou.Sdk.Analytics.EnergyEfficiency;
using Shapotou.Sdk.Reference;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Tests.EnergyEfficiency;

public sealed class CleanEnergyShareTests
{
    private static ComprehensiveEnergy Totals(double electricity, double gas, double coal) =>
        new([electricity + gas + coal], [], [], new Dictionary<string, double> { ["electricity_purchased"] = electricity, ["natural_gas"] = gas, ["coal"] = coal });

    [Fact]
    public void Percent_NaturalGasIsClean_PurchasedPowerOnlyAsStated()
    {
        ComprehensiveEnergy energy = Totals(electricity: 600, gas: 200, coal: 200);

        Assert.Equal(20.0, CleanEnergyShare.Share(energy)!.Value.Percent, 12);
        Assert.Equal(20.0 + (600 * 0.25 / 10), CleanEnergyShare.Share(energy, new CleanEnergyOptions { GridCleanShare = Ratio.FromPercent(25) })!.Value.Percent, 12);
        Assert.Equal(600, energy.CarrierTotals["electricity_purchased"]!.Value.KilogramsOfCoalEquivalent);
    }

    [Fact]
    public void Percent_UnknownOrEmptyTotal_IsNull_AndTheTargetIs30()
    {
        Assert.Null(CleanEnergyShare.Share(Totals(double.NaN, 1, 1)));
        Assert.Null(Totals(double.NaN, 1, 1).CarrierTotals["electricity_purchased"]);
        Assert.Null(CleanEnergyShare.Share(Totals(0, 0, 0)));
        Assert.Equal(30, CleanEnergyShare.Target(ReferenceCatalogue.Builtin).Percent);
    }
}
