using System.Globalization;
using Shapotou.Sdk.Analytics.Sql;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Monitoring.Receiver;
using Shapotou.Sdk.Units;
using UnitsNet;

namespace Shapotou.Sdk.Assessment;

/// <summary>The thresholds of the plausibility checks on the ledgers and the CEMS hours (<see cref="PlausibilityCheck"/>).</summary>
/// <remarks>
/// <para>This type is immutable; set its properties with an object initializer or a <c>with</c> expression.</para>
/// <para>A check only warns: no figure changes. The two ferrosilicon floors are physical lower bounds derived from
/// standard formation enthalpies (below); the other defaults are the SDK's choices, not a standard's, and say so in the
/// assumptions. Ranges the references do not give (instrument ranges per pollutant, flows per outlet) are empty by
/// default: the caller sets them, and a check without a range does not run.</para>
/// </remarks>
public sealed record PlausibilityOptions
{
    /// <summary>ΔfH° of SiO₂ (α-quartz) at 298.15 K, kJ/mol: CODATA Key Values for Thermodynamics (Cox, Wagman and
    /// Medvedev, 1989), −910.7 ± 1.0.</summary>
    internal const double QuartzFormationEnthalpyKjPerMol = -910.7;

    /// <summary>ΔfH° of CO (g) at 298.15 K, kJ/mol: CODATA Key Values for Thermodynamics (1989), −110.53 ± 0.17.</summary>
    internal const double CarbonMonoxideFormationEnthalpyKjPerMol = -110.53;

    /// <summary>The molar mass of silicon, g/mol (IUPAC standard atomic weight, 28.084–28.086; 28.0855 as tabulated).</summary>
    internal const double SiliconMolarMassGPerMol = 28.0855;

    /// <summary>The silicon fraction of the FeSi75 basis on which ferrosilicon unit energy is stated: the nominal 75 %
    /// that <c>ProductDefinition.Defaults</c> converts every grade with.</summary>
    internal const double Fesi75SiliconFraction = 0.75;

    /// <summary>One kgce, kJ: 7000 kcal × 4.1868 kJ/kcal (GB/T 2589-2020, definition of standard coal; catalogue key
    /// <c>energy.standard_coal.heating_value</c>).</summary>
    internal const double KilojoulesPerKgce = 7000 * 4.1868;

    /// <summary>Gets the options every property of which is its default.</summary>
    public static PlausibilityOptions Default { get; } = new();

    /// <summary>Gets how many warnings of each check are listed; the rest are counted.</summary>
    /// <value>The default value is 10.</value>
    public int ListedPerCheck { get; init; } = 10;

    /// <summary>Gets the least unit comprehensive energy of ferrosilicon, kgce per tonne on the FeSi75 basis.</summary>
    /// <value>The default value is 829.80 kgce/t: the enthalpy of SiO₂ = Si + O₂ (910.7 kJ/mol, CODATA 1989)
    /// per mole of silicon (28.0855 g/mol) is 32 426 MJ per tonne of silicon, × 0.75 for FeSi75, ÷ 29 307.6 kJ/kgce
    /// (GB/T 2589). No reductant, however burnt, and no electricity can supply less: whatever the carriers, the
    /// energy they bring less what is recovered covers at least the reduction of the silicon. The bound leaves out the
    /// iron, the heat of the metal at tapping and every loss, so a real furnace lies far above it (GB 21341-2022
    /// level 1 is 1700 kgce/t).</value>
    public EnergyIntensity FerrosiliconEnergyFloor { get; init; } = EnergyIntensity.FromKilogramsOfCoalEquivalentPerTonne(
        Fesi75SiliconFraction * (-QuartzFormationEnthalpyKjPerMol) / SiliconMolarMassGPerMol * 1e6 / KilojoulesPerKgce);

    /// <summary>Gets the least furnace electricity of ferrosilicon, kWh per tonne on the FeSi75 basis.</summary>
    /// <value>The default value is 5 115.63 kWh/t: the enthalpy of the overall reaction of submerged-arc smelting,
    /// SiO₂ + 2C = Si + 2CO (−910.7 − 2 × (−110.53) → 689.64 kJ/mol, CODATA 1989), per tonne of silicon
    /// (6 820.9 kWh), × 0.75 for FeSi75. The reductant's carbon leaves the reduction zone as CO, so this heat has to
    /// come from the electrodes; the bound leaves out the iron, the heat of the metal and every loss (GB 21341-2022
    /// level 1 is 8050 kWh/t). A ledger in 10⁴ kWh (万 kWh) read as kWh gives about a tenth of a real furnace's
    /// electricity, far below it.</value>
    public ElectricityIntensity FerrosiliconElectricityFloor { get; init; } = ElectricityIntensity.FromKilowattHoursPerTonne(
        Fesi75SiliconFraction * ((2 * CarbonMonoxideFormationEnthalpyKjPerMol) - QuartzFormationEnthalpyKjPerMol) / SiliconMolarMassGPerMol * 1e6 / 3600);

    /// <summary>Gets how many times the highest level of a product's limit standard (its limit value, 限定值) a ledger
    /// row's unit energy may reach before it is named.</summary>
    /// <value>The default value is 2, the SDK's choice (no reference sets one): twice the limit value is more likely a
    /// unit or output error than a furnace.</value>
    public double FarAboveLimitFactor { get; init; } = 2;

    /// <summary>Gets the upper end of the CEMS analysers' range per pollutant; a valid hour above it is named.</summary>
    /// <value>The default value is empty: the references give no instrument range, so none is checked.</value>
    public IReadOnlyDictionary<Pollutant, MassConcentration> ConcentrationMaximum { get; init; } = new Dictionary<Pollutant, MassConcentration>();

    /// <summary>Gets the highest plausible O₂ of a valid hour (dry).</summary>
    /// <value>The default value is 20.95 %, the O₂ of dry air (20.946 % by volume, U.S. Standard Atmosphere 1976,
    /// Table 3): flue gas made from air holds less, so an hour above it reads ambient air, and its reference-O₂
    /// conversion (21 − O₂ in the divisor) is meaningless. Values of 21 % and more are refused when the table is read.
    /// <see langword="null"/> skips the check.</value>
    public VolumeConcentration? OxygenMaximum { get; init; } = VolumeConcentration.FromPercent(20.95);

    /// <summary>Gets the plausible flow of each outlet (by outlet id); a valid hour outside it is named, and a flow 3 600
    /// times inside it as m³/h sent where HJ 212-2017 Table B.2 specifies m³/s (as <c>Hj212RollOptions.FlowRangeByOutlet</c>
    /// does for the receiver's log).</summary>
    /// <value>The default value is empty: the references give no flow per stack, so no range is checked.</value>
    public IReadOnlyDictionary<string, FlowRange> FlowRangeByOutlet { get; init; } = new Dictionary<string, FlowRange>(StringComparer.Ordinal);

    /// <summary>Gets the ratio between the flows of an outlet's consecutive valid hours at which the later is named as a
    /// jump (either way); a ratio near 3 600 is named as the m³/h-for-m³/s signature.</summary>
    /// <value>The default value is 10, the SDK's choice (no reference sets one): a stack's fan does not change its flow
    /// tenfold in an hour of normal operation.</value>
    public double FlowJumpFactor { get; init; } = 10;

    /// <summary>The assumption that states the thresholds applied, in words.</summary>
    internal string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"Plausibility checks (warnings; no figure changes): ferrosilicon unit energy below {FerrosiliconEnergyFloor.KilogramsOfCoalEquivalentPerTonne:0.##} kgce/t and furnace electricity below {FerrosiliconElectricityFloor.KilowattHoursPerTonne:0.##} kWh/t on the FeSi75 basis (the reduction enthalpies of SiO₂ from CODATA 1989, a physical floor); unit energy above {FarAboveLimitFactor} × the product's limit value; O₂ above {(OxygenMaximum is { } o ? o.Percent.ToString(CultureInfo.InvariantCulture) + " %" : "no maximum")}; {(ConcentrationMaximum.Count == 0 ? "no concentration range" : "concentrations above the ranges given")}; {(FlowRangeByOutlet.Count == 0 ? "no flow range per outlet" : $"flows outside the ranges given for {FlowRangeByOutlet.Count} outlets")}; flow jumps of {FlowJumpFactor}× between an outlet's consecutive valid hours. The factors {FarAboveLimitFactor} and {FlowJumpFactor} are the SDK's choices, not a standard's.");

    /// <summary>The thresholds as the <c>plausibility_warnings</c> view of <c>shapotou sql</c> inlines them
    /// (<see cref="SqlCalculators"/>), each floor with its derivation when it is the default.</summary>
    /// <returns>The thresholds.</returns>
    /// <exception cref="ArgumentException">An option is out of range (as <see cref="DistrictAssessment.RunAsync"/> refuses it).</exception>
    public SqlPlausibility ToSqlThresholds()
    {
        Validate();
        PlausibilityOptions defaults = Default;
        string energy = FerrosiliconEnergyFloor.KilogramsOfCoalEquivalentPerTonne == defaults.FerrosiliconEnergyFloor.KilogramsOfCoalEquivalentPerTonne
            ? string.Create(CultureInfo.InvariantCulture, $"the enthalpy of SiO₂ = Si + O₂ per tonne of FeSi75: {Fesi75SiliconFraction} × −ΔfH°(SiO₂, α-quartz) {-QuartzFormationEnthalpyKjPerMol} kJ/mol (CODATA Key Values for Thermodynamics, 1989) ÷ {SiliconMolarMassGPerMol} g/mol Si × 1E6 ÷ {KilojoulesPerKgce} kJ/kgce (GB/T 2589-2020); a physical floor (PlausibilityOptions.FerrosiliconEnergyFloor)")
            : "set in the plausibility options (PlausibilityOptions.FerrosiliconEnergyFloor)";
        string electricity = FerrosiliconElectricityFloor.KilowattHoursPerTonne == defaults.FerrosiliconElectricityFloor.KilowattHoursPerTonne
            ? string.Create(CultureInfo.InvariantCulture, $"the enthalpy of SiO₂ + 2C = Si + 2CO per tonne of FeSi75: {Fesi75SiliconFraction} × (2 × ΔfH°(CO) {CarbonMonoxideFormationEnthalpyKjPerMol} − ΔfH°(SiO₂) {QuartzFormationEnthalpyKjPerMol}) kJ/mol (CODATA 1989) ÷ {SiliconMolarMassGPerMol} g/mol Si × 1E6 ÷ 3600 kJ/kWh; a physical floor (PlausibilityOptions.FerrosiliconElectricityFloor)")
            : "set in the plausibility options (PlausibilityOptions.FerrosiliconElectricityFloor)";
        bool isDefault = FarAboveLimitFactor == defaults.FarAboveLimitFactor && FlowJumpFactor == defaults.FlowJumpFactor
            && OxygenMaximum?.Percent == defaults.OxygenMaximum?.Percent && ConcentrationMaximum.Count == 0 && FlowRangeByOutlet.Count == 0;
        return new SqlPlausibility(
            FerrosiliconEnergyFloor,
            energy,
            FerrosiliconElectricityFloor,
            electricity,
            FarAboveLimitFactor,
            OxygenMaximum,
            ConcentrationMaximum,
            FlowRangeByOutlet.ToDictionary(r => r.Key, r => new SqlFlowRange(r.Value.Minimum, r.Value.Maximum), StringComparer.Ordinal),
            FlowJumpFactor,
            isDefault
                ? string.Create(CultureInfo.InvariantCulture, $"the SDK's defaults, PlausibilityOptions.Default: the factors {FarAboveLimitFactor} and {FlowJumpFactor} are the SDK's choices, not a standard's; O₂ {OxygenMaximum?.Percent} % is dry air's (U.S. Standard Atmosphere 1976, Table 3); no concentration or flow ranges")
                : "the plausibility options given (assess --plausibility FILE, shapotou sql --plausibility FILE)");
    }

    /// <summary>Checks the options, naming the first bad one.</summary>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(ConcentrationMaximum);
        ArgumentNullException.ThrowIfNull(FlowRangeByOutlet);
        ArgumentOutOfRangeException.ThrowIfNegative(ListedPerCheck);
        double energyFloor = FerrosiliconEnergyFloor.KilogramsOfCoalEquivalentPerTonne;
        if (!double.IsFinite(energyFloor) || energyFloor < 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"FerrosiliconEnergyFloor is {energyFloor} kgce/t; expected a finite value of at least 0."));
        }

        double electricityFloor = FerrosiliconElectricityFloor.KilowattHoursPerTonne;
        if (!double.IsFinite(electricityFloor) || electricityFloor < 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"FerrosiliconElectricityFloor is {electricityFloor} kWh/t; expected a finite value of at least 0."));
        }

        if (!(FarAboveLimitFactor > 1) || !double.IsFinite(FarAboveLimitFactor))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"FarAboveLimitFactor is {FarAboveLimitFactor}; expected a finite value above 1."));
        }

        if (!(FlowJumpFactor > 1) || !double.IsFinite(FlowJumpFactor))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"FlowJumpFactor is {FlowJumpFactor}; expected a finite value above 1."));
        }

        foreach ((string outlet, FlowRange range) in FlowRangeByOutlet)
        {
            double low = range.Minimum.CubicMetersPerHour;
            double high = range.Maximum.CubicMetersPerHour;
            if (!double.IsFinite(low) || !double.IsFinite(high) || low < 0 || high <= low)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The flow range of outlet '{outlet}' is {low} to {high} m³/h; expected 0 ≤ minimum < maximum, both finite."));
            }
        }
    }
}
