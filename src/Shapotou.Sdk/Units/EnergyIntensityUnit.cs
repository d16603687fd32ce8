namespace Shapotou.Sdk.Units;

/// <summary>A unit of standard coal per tonne of product (单位产品能耗).</summary>
public enum EnergyIntensityUnit
{
    /// <summary>Kilogram of coal equivalent per tonne of product (kgce/t).</summary>
    KilogramOfCoalEquivalentPerTonne = 1,

    /// <summary>Tonne of coal equivalent per tonne of product (tce/t), 1000 kgce/t.</summary>
    TonneOfCoalEquivalentPerTonne = 2,
}
