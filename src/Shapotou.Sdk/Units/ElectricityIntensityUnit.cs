namespace Shapotou.Sdk.Units;

/// <summary>A unit of electricity per tonne of product (单位产品电耗).</summary>
public enum ElectricityIntensityUnit
{
    /// <summary>Kilowatt-hour per tonne of product (kWh/t).</summary>
    KilowattHourPerTonne = 1,

    /// <summary>Megawatt-hour per tonne of product (MWh/t), 1000 kWh/t.</summary>
    MegawattHourPerTonne = 2,
}
