namespace Shapotou.Sdk.Units;

/// <summary>A unit of CO₂ per output value (万元产值碳排放).</summary>
public enum OutputValueCarbonIntensityUnit
{
    /// <summary>Tonne of CO₂ per 10⁴ yuan of output value (t CO₂/10⁴ yuan).</summary>
    TonneOfCarbonDioxidePerTenThousandYuan = 1,

    /// <summary>Kilogram of CO₂ per yuan of output value (kg CO₂/yuan), 10 t CO₂/10⁴ yuan.</summary>
    KilogramOfCarbonDioxidePerYuan = 2,
}
