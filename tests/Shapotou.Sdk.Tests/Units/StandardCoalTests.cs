using Shapotou.Sdk.Reference;
using Shapotou.Sdk.TestKit;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Tests.Units;

public sealed class StandardCoalTests
{
    private static readonly DateOnly s_date = new(2024, 12, 31);

    [Fact]
    public void ElectricityEquivalent_OneMillionKilowattHours_Is122_9Tce()
    {
        // energy.md worked example B1: 1 000 000 kWh × 0.1229 kgce/kWh = 122.9 tce.
        StandardCoalCoefficient electricity = ReferenceCatalogue.Builtin.GetStandardCoalCoefficient("electricity.equivalent", s_date);

        StandardCoal coal = electricity.Convert(Energy.FromKilowattHours(1_000_000));

        Assert.Equal(122.9, coal.TonnesOfCoalEquivalent, 12);
        Assert.Equal(EnergyUnit.KilowattHour, electricity.CarrierUnit);
    }

    [Fact]
    public void ElectricityInMegawattHours_ConvertsThroughTheCarrierUnit()
    {
        StandardCoalCoefficient electricity = ReferenceCatalogue.Builtin.GetStandardCoalCoefficient("electricity.equivalent", s_date);

        Assert.Equal(1020.07, electricity.Convert(Energy.FromMegawattHours(8.3)).KilogramsOfCoalEquivalent, 9);
    }

    [Fact]
    public void FerrosiliconExample_ElectricityAndCoke_Is1894_33KgcePerTonne()
    {
        // energy.md worked example B2: 8 300 kWh × 0.1229 + 900 kg coke × 0.9714 = 1020.07 + 874.26 = 1894.33 kgce.
        ReferenceCatalogue catalogue = ReferenceCatalogue.Builtin;
        StandardCoal total = catalogue.GetStandardCoalCoefficient("electricity.equivalent", s_date).Convert(Energy.FromKilowattHours(8300))
            + catalogue.GetStandardCoalCoefficient("coke", s_date).Convert(Mass.FromKilograms(900));

        Assert.Equal(1894.33, total.KilogramsOfCoalEquivalent, 9);
    }

    [Fact]
    public void Convert_AmountOfAnotherQuantity_NamesTheCarrier()
    {
        StandardCoalCoefficient coke = ReferenceCatalogue.Builtin.GetStandardCoalCoefficient("coke", s_date);

        ArgumentException error = Assert.Throws<ArgumentException>(() => coke.Convert(Energy.FromKilowattHours(1)));

        Assert.Equal("Amount of 'coke' is a Energy; expected a quantity in MassUnit. (Parameter 'amount')", error.Message);
    }

    [Fact]
    public void ConvertColumn_MatchesScalarConversion()
    {
        StandardCoalCoefficient electricity = ReferenceCatalogue.Builtin.GetStandardCoalCoefficient("electricity.equivalent", s_date);
        double[] megawattHours = SeededData.Uniform(257, 0, 1e4);
        var column = new QuantityColumn<Energy>(megawattHours, EnergyUnit.MegawattHour);
        var kgce = new double[column.Length];

        electricity.Convert(column, kgce);

        for (int i = 0; i < kgce.Length; i++)
        {
            Tolerance.AssertClose(megawattHours[i] * 1000 * 0.1229, kgce[i], Tolerance.ElementwiseMap * 4, $"index {i}");
        }
    }

    [Fact]
    public void CallerSuppliedCoefficient_ForCarrierTheReferencesLack()
    {
        var semiCoke = new StandardCoalCoefficient("semi_coke", 0.97, MassUnit.Kilogram, "caller input: plant laboratory NCV report");

        Assert.Equal(970, semiCoke.Convert(Mass.FromTonnes(1)).KilogramsOfCoalEquivalent, 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => new StandardCoalCoefficient("semi_coke", double.NaN, MassUnit.Kilogram, "x"));
        Assert.Throws<ArgumentException>(() => new StandardCoalCoefficient("semi_coke", 1, TemperatureUnit.Kelvin, "x"));
    }

    [Fact]
    public void FromReference_RowThatIsNotACoefficient_IsRejected()
    {
        ReferenceValue limit = ReferenceCatalogue.Builtin.Get("emissions.limit.gb13271.table_2.gas_boiler.nox", s_date);

        ArgumentException error = Assert.Throws<ArgumentException>(() => StandardCoalCoefficient.FromReference(limit));

        Assert.Equal(
            "'emissions.limit.gb13271.table_2.gas_boiler.nox' in 'mg/m3' is not a standard-coal coefficient; expected kgce per kWh, MJ, kg, t or m3. (Parameter 'value')",
            error.Message);
    }

    [Fact]
    public void StandardCoal_UnitsArithmeticAndFormatting()
    {
        StandardCoal a = StandardCoal.FromTonnesOfCoalEquivalent(1.5);
        StandardCoal b = StandardCoal.From(500, StandardCoalUnit.KilogramOfCoalEquivalent);

        Assert.Equal(2000, (a + b).KilogramsOfCoalEquivalent);
        Assert.Equal(1, (a - b).As(StandardCoalUnit.TonneOfCoalEquivalent));
        Assert.True(a > b);
        Assert.Equal(StandardCoal.FromKilogramsOfCoalEquivalent(3000), a * 2);
        Assert.Equal("1.5 tce", a.ToString());
        Assert.Equal("1500 kgce", a.ToUnit(StandardCoalUnit.KilogramOfCoalEquivalent).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => StandardCoal.FromTonnesOfCoalEquivalent(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => StandardCoal.FromKilogramsOfCoalEquivalent(double.PositiveInfinity));
    }
}
