// Quick start: the typed model and units of Shapotou.Sdk.
// Run from the repository root:  dotnet run samples/quick-start/app.cs
#:project ../../src/Shapotou.Sdk/Shapotou.Sdk.csproj

using System.Globalization;
using Shapotou.Sdk.Concentrations;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Reference;
using Shapotou.Sdk.Units;
using UnitsNet;
using UnitsNet.Units;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var asOf = new DateOnly(2024, 12, 31);
ReferenceCatalogue catalogue = ReferenceCatalogue.Builtin;

// 1. The model: an enterprise and its submerged-arc furnace (矿热炉), every quantity typed.
var enterprise = new Enterprise("zl-sample", "Sample Ferroalloy Co.", "zhenluo", "3140", aboveScale: true, nameZh: "示例铁合金");
var furnace = new Facility(
    "zl-sample-f1", enterprise.EnterpriseId, FacilityKind.SubmergedArcFurnace, FacilityStatus.Running,
    product: "FeSi75",
    transformerRating: ElectricApparentPower.FromMegavoltamperes(33),
    annualCapacity: Mass.FromTonnes(40_000),
    wasteHeatRecovery: true);
Console.WriteLine($"{enterprise.NameZh} ({enterprise.Name}): furnace {furnace.FacilityId}, {furnace.TransformerRating}, capacity {furnace.AnnualCapacity}");

// 2. Energy becomes standard coal through the catalogue's published coefficients, each with its source and mark.
StandardCoalCoefficient electricity = catalogue.GetStandardCoalCoefficient("electricity.equivalent", asOf);
StandardCoal month = electricity.Convert(Energy.FromMegawattHours(27_500))
    + catalogue.GetStandardCoalCoefficient("coke", asOf).Convert(Mass.FromTonnes(2_600));
EnergyIntensity unitEnergy = EnergyIntensity.Of(month, Mass.FromTonnes(3_300)); // one month, 3 300 t of FeSi75
EnergyBenchmark benchmark = catalogue.FindEnergyBenchmark("ferrosilicon", asOf)!;
Console.WriteLine($"unit energy {unitEnergy:F1}; benchmark {benchmark.Benchmark.Value} and baseline {benchmark.Baseline.Value} {benchmark.Benchmark.Unit} (mark {benchmark.Benchmark.ConfidenceMark}: {benchmark.Benchmark.Source})");

// 3. A column keeps its values in their unit; a conversion is one scale and offset for the whole column; NaN is a missing sample.
var dust = new QuantityColumn<MassConcentration>(new[] { 8.2, double.NaN, 9.6, 7.9 }, MassConcentrationUnit.MilligramPerCubicMeter);
double[] inGrams = dust.ConvertTo(MassConcentrationUnit.GramPerCubicMeter).ToArray(MassConcentrationUnit.GramPerCubicMeter);
// Shown to 4 decimals: 8.2 mg/m3 is 0.008199999999999999 g/m3 in double arithmetic, as any binary conversion would give.
static string Values(IEnumerable<double> values) => string.Join(", ", values.Select(v => v.ToString("0.####", CultureInfo.InvariantCulture)));
Console.WriteLine($"dust {Values(dust.ToArray(MassConcentrationUnit.MilligramPerCubicMeter))} mg/m3 -> {Values(inGrams)} g/m3; sample 1 is {(dust[1] is null ? "missing" : "present")}");

// 4. A concentration meets a limit only on the limit's basis: measured at 18.5 % O2, the limit states 7.5 % (illustrative limit).
var limit = EmissionLimit.Of(
    MassConcentration.FromMilligramsPerCubicMeter(30),
    ConcentrationBasis.AtReferenceOxygen(VolumeConcentration.FromPercent(7.5)),
    "illustrative limit for this sample, not a standard's value");
FlueGasConcentration measured = FlueGasConcentration.Measured(MassConcentration.FromMilligramsPerCubicMeter(9.6));
FlueGasConcentration atReference = measured.ToReferenceOxygen(VolumeConcentration.FromPercent(18.5), VolumeConcentration.FromPercent(7.5));
LimitComparison result = limit.Compare(atReference);
Console.WriteLine($"{measured} measured at 18.5 % O2 is {atReference}: exceeds = {result.Exceeds}, ratio = {result.Ratio:F3}");
