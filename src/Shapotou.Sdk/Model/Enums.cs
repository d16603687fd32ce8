namespace Shapotou.Sdk.Model;

/// <summary>The kind of a facility (<c>facilities.kind</c>); the contract writes it in snake_case.</summary>
public enum FacilityKind
{
    /// <summary><c>submerged_arc_furnace</c>: a submerged-arc furnace (矿热炉), such as a ferrosilicon furnace.</summary>
    SubmergedArcFurnace = 1,

    /// <summary><c>carbide_furnace</c>: a calcium-carbide furnace (电石炉).</summary>
    CarbideFurnace,

    /// <summary><c>cement_kiln</c>: a cement clinker kiln (水泥窑).</summary>
    CementKiln,

    /// <summary><c>ceramic_kiln</c>: a ceramic kiln (陶瓷窑).</summary>
    CeramicKiln,

    /// <summary><c>lime_kiln</c>: a lime kiln (石灰窑).</summary>
    LimeKiln,

    /// <summary><c>boiler</c>: a steam or hot-water boiler (锅炉).</summary>
    Boiler,

    /// <summary><c>hot_air_furnace</c>: a hot-air furnace (热风炉).</summary>
    HotAirFurnace,

    /// <summary><c>dryer</c>: a dryer (烘干机).</summary>
    Dryer,

    /// <summary><c>other</c>: any other emitting facility.</summary>
    Other,
}

/// <summary>The operating status of a facility (<c>facilities.status</c>).</summary>
public enum FacilityStatus
{
    /// <summary><c>running</c>: in operation.</summary>
    Running = 1,

    /// <summary><c>idle</c>: built and permitted, not operating.</summary>
    Idle,

    /// <summary><c>retired</c>: shut down for good.</summary>
    Retired,
}

/// <summary>How a furnace is enclosed (<c>facilities.enclosure</c>).</summary>
public enum FurnaceEnclosure
{
    /// <summary><c>open</c>: an open furnace.</summary>
    Open = 1,

    /// <summary><c>semi_closed</c>: a semi-closed furnace (半封闭炉).</summary>
    SemiClosed,

    /// <summary><c>closed</c>: a closed furnace (封闭炉).</summary>
    Closed,
}

/// <summary>The kind of a treatment facility (<c>treatment_facilities.kind</c>).</summary>
public enum TreatmentKind
{
    /// <summary><c>bag_filter</c>: a fabric (bag) filter (袋式除尘).</summary>
    BagFilter = 1,

    /// <summary><c>esp</c>: an electrostatic precipitator (电除尘).</summary>
    Esp,

    /// <summary><c>wet_fgd</c>: wet flue-gas desulfurisation (湿法脱硫).</summary>
    WetFgd,

    /// <summary><c>semi_dry_fgd</c>: semi-dry desulfurisation (半干法脱硫).</summary>
    SemiDryFgd,

    /// <summary><c>dry_fgd</c>: dry desulfurisation, such as sodium bicarbonate injection (干法脱硫).</summary>
    DryFgd,

    /// <summary><c>scr</c>: selective catalytic reduction.</summary>
    Scr,

    /// <summary><c>sncr</c>: selective non-catalytic reduction.</summary>
    Sncr,

    /// <summary><c>low_nox_burner</c>: low-NOx combustion (低氮燃烧).</summary>
    LowNoxBurner,

    /// <summary><c>other</c>: any other technique.</summary>
    Other,
}

/// <summary>A pollutant of the outlet, treatment and CEMS tables; NOx is expressed as NO₂.</summary>
public enum Pollutant
{
    /// <summary><c>pm</c>: particulate matter (颗粒物).</summary>
    Pm = 1,

    /// <summary><c>so2</c>: sulfur dioxide.</summary>
    So2,

    /// <summary><c>nox</c>: nitrogen oxides as NO₂.</summary>
    Nox,

    /// <summary><c>nh3</c>: ammonia (slip from SCR or SNCR).</summary>
    Nh3,
}

/// <summary>A type of general industrial solid waste (<c>solid_waste_ledger.waste_type</c>).</summary>
public enum WasteType
{
    /// <summary><c>slag</c>: smelting slag (炉渣).</summary>
    Slag = 1,

    /// <summary><c>silica_fume</c>: micro-silica (微硅粉).</summary>
    SilicaFume,

    /// <summary><c>dust</c>: collected dust (除尘灰).</summary>
    Dust,

    /// <summary><c>fgd_gypsum</c>: desulfurisation gypsum (脱硫石膏).</summary>
    FgdGypsum,

    /// <summary><c>ash</c>: boiler ash (灰渣).</summary>
    Ash,

    /// <summary><c>other</c>: any other general industrial solid waste.</summary>
    Other,
}

/// <summary>An HJ 212-2017 data flag (数据标记, §6.6.4, Table 8), as carried by CEMS rows.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The standard's own name; the enum is not a [Flags] enum.")]
public enum DataFlag
{
    /// <summary><c>N</c>: instrument working normally.</summary>
    N = 1,

    /// <summary><c>F</c>: the source is stopped (停运).</summary>
    F,

    /// <summary><c>M</c>: data produced during maintenance.</summary>
    M,

    /// <summary><c>S</c>: a manually entered set value.</summary>
    S,

    /// <summary><c>D</c>: instrument fault.</summary>
    D,

    /// <summary><c>C</c>: calibration.</summary>
    C,

    /// <summary><c>T</c>: the value exceeds the measuring range.</summary>
    T,

    /// <summary><c>B</c>: communication with the data logger lost.</summary>
    B,
}
