using System.Globalization;
using Shapotou.Sdk.TestKit;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Tests.Units;

public sealed class IntensityTests
{
    private static readonly double[] s_numbers = SeededData.Uniform(2000, -1e4, 1e4);

    [Fact]
    public void EnergyIntensity_ConvertsBetweenKgceAndTcePerTonne()
    {
        Assert.Equal(1000, EnergyIntensity.FromTonnesOfCoalEquivalentPerTonne(1).As(EnergyIntensityUnit.KilogramOfCoalEquivalentPerTonne));
        Assert.Equal(1.5, EnergyIntensity.FromKilogramsOfCoalEquivalentPerTonne(1500).TonnesOfCoalEquivalentPerTonne);
        Assert.Equal(2500, EnergyIntensity.From(2.5, EnergyIntensityUnit.TonneOfCoalEquivalentPerTonne).KilogramsOfCoalEquivalentPerTonne);
        Assert.Equal(EnergyIntensity.FromKilogramsOfCoalEquivalentPerTonne(1500), EnergyIntensity.FromTonnesOfCoalEquivalentPerTonne(1.5));
        Assert.True(EnergyIntensity.FromTonnesOfCoalEquivalentPerTonne(1.5) > EnergyIntensity.FromKilogramsOfCoalEquivalentPerTonne(1499));
        Assert.Equal(
            EnergyIntensity.FromTonnesOfCoalEquivalentPerTonne(1.5).GetHashCode(),
            EnergyIntensity.FromKilogramsOfCoalEquivalentPerTonne(1500).GetHashCode());
    }

    [Fact]
    public void EnergyIntensity_OfStandardCoalAndProduct_AndBackTimesProduct()
    {
        // energy.md worked example B2: 1894.33 kgce for one tonne of ferrosilicon.
        EnergyIntensity unitEnergy = EnergyIntensity.Of(StandardCoal.FromKilogramsOfCoalEquivalent(1894.33), Mass.FromTonnes(1));
        EnergyIntensity perTonneInTce = EnergyIntensity.Of(StandardCoal.FromTonnesOfCoalEquivalent(3000), Mass.FromKilograms(2_000_000));

        Assert.Equal(1894.33, unitEnergy.KilogramsOfCoalEquivalentPerTonne);
        Assert.Equal(EnergyIntensityUnit.KilogramOfCoalEquivalentPerTonne, unitEnergy.Unit);
        Assert.Equal(EnergyIntensityUnit.TonneOfCoalEquivalentPerTonne, perTonneInTce.Unit);
        Assert.Equal(1.5, perTonneInTce.Value);
        StandardCoal kgce = EnergyIntensity.FromKilogramsOfCoalEquivalentPerTonne(1850) * Mass.FromTonnes(2000);
        StandardCoal tce = Mass.FromTonnes(2000) * EnergyIntensity.FromTonnesOfCoalEquivalentPerTonne(1.85);
        Assert.Equal(3_700_000, kgce.Value);
        Assert.Equal(StandardCoalUnit.KilogramOfCoalEquivalent, kgce.Unit);
        Assert.Equal(3700, tce.Value);
        Assert.Equal(StandardCoalUnit.TonneOfCoalEquivalent, tce.Unit);
    }

    [Fact]
    public void ElectricityIntensity_ConvertsAndMultiplies()
    {
        ElectricityIntensity perTonne = ElectricityIntensity.Of(Energy.FromMegawattHours(8.5), Mass.FromTonnes(1));

        Assert.Equal(ElectricityIntensityUnit.MegawattHourPerTonne, perTonne.Unit);
        Assert.Equal(8500, perTonne.KilowattHoursPerTonne);
        Assert.Equal(1000, ElectricityIntensity.FromMegawattHoursPerTonne(1).As(ElectricityIntensityUnit.KilowattHourPerTonne));
        Assert.Equal(4250, ElectricityIntensity.Of(Energy.FromKilowattHours(8500), Mass.FromTonnes(2)).KilowattHoursPerTonne);
        Energy energy = ElectricityIntensity.FromKilowattHoursPerTonne(8500) * Mass.FromTonnes(4);
        Assert.Equal(EnergyUnit.KilowattHour, energy.Unit);
        Assert.Equal(34_000, energy.Value);
        Assert.Equal(34, (Mass.FromTonnes(4) * perTonne).MegawattHours);
    }

    [Fact]
    public void CarbonIntensity_ConvertsAndMultiplies()
    {
        CarbonIntensity perTonne = CarbonIntensity.Of(Mass.FromTonnes(12.5), Mass.FromTonnes(2));

        Assert.Equal(CarbonIntensityUnit.TonneOfCarbonDioxidePerTonne, perTonne.Unit);
        Assert.Equal(6.25, perTonne.TonnesOfCarbonDioxidePerTonne);
        Assert.Equal(6250, perTonne.KilogramsOfCarbonDioxidePerTonne);
        Assert.Equal(1000, CarbonIntensity.FromTonnesOfCarbonDioxidePerTonne(1).As(CarbonIntensityUnit.KilogramOfCarbonDioxidePerTonne));
        Assert.Equal(CarbonIntensityUnit.KilogramOfCarbonDioxidePerTonne, CarbonIntensity.Of(Mass.FromKilograms(500), Mass.FromTonnes(1)).Unit);
        Mass co2 = perTonne * Mass.FromTonnes(4);
        Assert.Equal(MassUnit.Tonne, co2.Unit);
        Assert.Equal(25, co2.Value);
    }

    [Fact]
    public void OutputValueCarbonIntensity_PerTenThousandYuan()
    {
        OutputValueCarbonIntensity intensity = OutputValueCarbonIntensity.Of(Mass.FromTonnes(250), 100m);

        Assert.Equal(2.5, intensity.TonnesOfCarbonDioxidePerTenThousandYuan);
        Assert.Equal(0.25, intensity.KilogramsOfCarbonDioxidePerYuan);
        Assert.Equal(10, OutputValueCarbonIntensity.FromKilogramsOfCarbonDioxidePerYuan(1).As(OutputValueCarbonIntensityUnit.TonneOfCarbonDioxidePerTenThousandYuan));
        Assert.Equal(250, (intensity * 100m).Tonnes);
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => OutputValueCarbonIntensity.Of(Mass.FromTonnes(1), 0m));
        Assert.StartsWith("Parameter 'outputValueTenThousandYuan' must be more than zero; it is 0.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_ProductNotMoreThanZero_IsRejected()
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(
            () => EnergyIntensity.Of(StandardCoal.FromKilogramsOfCoalEquivalent(1), Mass.Zero));

        Assert.StartsWith("Parameter 'product' must be a finite mass more than zero; it is 0 t.", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => CarbonIntensity.Of(Mass.FromTonnes(1), Mass.FromTonnes(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ElectricityIntensity.Of(Energy.FromKilowattHours(1), Mass.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => EnergyIntensity.FromKilogramsOfCoalEquivalentPerTonne(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => CarbonIntensity.From(1, (CarbonIntensityUnit)7));
    }

    [Fact]
    public void Formatting_UsesTheUnitAbbreviation()
    {
        CultureInfo german = CultureInfo.GetCultureInfo("de-DE");

        Assert.Equal("1894.33 kgce/t", EnergyIntensity.FromKilogramsOfCoalEquivalentPerTonne(1894.33).ToString());
        Assert.Equal("1,9 tce/t", EnergyIntensity.FromTonnesOfCoalEquivalentPerTonne(1.89433).ToString("F1", german));
        Assert.Equal("8500 kWh/t", ElectricityIntensity.FromKilowattHoursPerTonne(8500).ToString());
        Assert.Equal("8.5 MWh/t", ElectricityIntensity.FromMegawattHoursPerTonne(8.5).ToString());
        Assert.Equal("6.25 t CO₂/t", CarbonIntensity.FromTonnesOfCarbonDioxidePerTonne(6.25).ToString());
        Assert.Equal("120 kg CO₂/t", CarbonIntensity.FromKilogramsOfCarbonDioxidePerTonne(120).ToString());
        Assert.Equal("2.5 t CO₂/10⁴ yuan", OutputValueCarbonIntensity.FromTonnesOfCarbonDioxidePerTenThousandYuan(2.5).ToString());
        Assert.Equal("0.25 kg CO₂/yuan", OutputValueCarbonIntensity.FromKilogramsOfCarbonDioxidePerYuan(0.25).ToString());
        Assert.Equal("1.5 tce", StandardCoal.FromTonnesOfCoalEquivalent(1.5).ToString());
        Assert.Equal("kgce/t", EnergyIntensity.GetAbbreviation(EnergyIntensityUnit.KilogramOfCoalEquivalentPerTonne));
    }

    [Fact]
    public void SameUnitRoundTrips_AreBitExact()
    {
        // About one number in fifty changes in its last bit through x × 1000 ÷ 1000; none may change here.
        foreach (double x in s_numbers)
        {
            AssertSameBits(x, StandardCoal.FromTonnesOfCoalEquivalent(x).TonnesOfCoalEquivalent);
            AssertSameBits(x, StandardCoal.From(x, StandardCoalUnit.KilogramOfCoalEquivalent).As(StandardCoalUnit.KilogramOfCoalEquivalent));
            AssertSameBits(x, EnergyIntensity.FromTonnesOfCoalEquivalentPerTonne(x).TonnesOfCoalEquivalentPerTonne);
            AssertSameBits(x, EnergyIntensity.FromKilogramsOfCoalEquivalentPerTonne(x).KilogramsOfCoalEquivalentPerTonne);
            AssertSameBits(x, ElectricityIntensity.FromMegawattHoursPerTonne(x).MegawattHoursPerTonne);
            AssertSameBits(x, ElectricityIntensity.FromKilowattHoursPerTonne(x).KilowattHoursPerTonne);
            AssertSameBits(x, CarbonIntensity.FromTonnesOfCarbonDioxidePerTonne(x).TonnesOfCarbonDioxidePerTonne);
            AssertSameBits(x, CarbonIntensity.FromKilogramsOfCarbonDioxidePerTonne(x).KilogramsOfCarbonDioxidePerTonne);
            AssertSameBits(x, OutputValueCarbonIntensity.FromTonnesOfCarbonDioxidePerTenThousandYuan(x).TonnesOfCarbonDioxidePerTenThousandYuan);
            AssertSameBits(x, OutputValueCarbonIntensity.FromKilogramsOfCarbonDioxidePerYuan(x).KilogramsOfCarbonDioxidePerYuan);
            AssertSameBits(x, (EnergyIntensity.FromTonnesOfCoalEquivalentPerTonne(x) + EnergyIntensity.FromKilogramsOfCoalEquivalentPerTonne(0)).TonnesOfCoalEquivalentPerTonne);
        }
    }

    private static void AssertSameBits(double expected, double actual) =>
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"{expected:R} came back as {actual:R}");
}
