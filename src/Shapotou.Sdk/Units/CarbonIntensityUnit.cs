namespace Shapotou.Sdk.Units;

/// <summary>A unit of CO₂ per tonne of product (单位产品碳排放).</summary>
public enum CarbonIntensityUnit
{
    /// <summary>Kilogram of CO₂ per tonne of product (kg CO₂/t).</summary>
    KilogramOfCarbonDioxidePerTonne = 1,

    /// <summary>Tonne of CO₂ per tonne of product (t CO₂/t), 1000 kg CO₂/t.</summary>
    TonneOfCarbonDioxidePerTonne = 2,
}
