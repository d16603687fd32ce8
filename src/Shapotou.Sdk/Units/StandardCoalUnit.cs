namespace Shapotou.Sdk.Units;

/// <summary>A unit of standard coal (标准煤), the coal equivalent of energy per GB/T 2589-2020.</summary>
public enum StandardCoalUnit
{
    /// <summary>Kilogram of coal equivalent (kgce, 千克标准煤).</summary>
    KilogramOfCoalEquivalent = 1,

    /// <summary>Tonne of coal equivalent (tce, 吨标准煤), 1000 kgce.</summary>
    TonneOfCoalEquivalent = 2,
}
