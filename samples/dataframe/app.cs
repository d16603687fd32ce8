// DataFrame analysis of a dataset: the contract's tables as Microsoft.Data.Analysis DataFrames (quantities in their
// default units), a join and a group-by over the energy ledger, and the monthly measured PM emission computed with
// column arithmetic, checked against the SDK's emission inventory.
// Run from the repository root, on files written by `shapotou export`:
//   dotnet run --project src/Shapotou.Sdk.Cli -- export --out data
//   dotnet run samples/dataframe/app.cs -- data [YEAR]
#:project ../../src/Shapotou.Sdk.DataFrame/Shapotou.Sdk.DataFrame.csproj
#:project ../../src/Shapotou.Sdk.Parquet/Shapotou.Sdk.Parquet.csproj
#:project ../../src/Shapotou.Sdk.Analytics/Shapotou.Sdk.Analytics.csproj

using System.Globalization;
using Microsoft.Data.Analysis;
using Shapotou.Sdk.Analytics.Emissions;
using Shapotou.Sdk.DataFrame;
using Shapotou.Sdk.Model;
using Shapotou.Sdk.Parquet;
using Frame = Microsoft.Data.Analysis.DataFrame;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: dotnet run samples/dataframe/app.cs -- <folder of contract tables> [year]");
    return 2;
}

// One frame per table, keyed by table name; columns named as in the contract, quantities in their default units
// (t, kWh, m3, mg/m3, m3/h), an unknown value null.
ClusterDataset data = await ClusterDatasetParquet.ReadAsync(args[0]);
IReadOnlyDictionary<string, Frame> frames = ContractDataFrames.ToDataFrames(data);
Frame ledger = frames["energy_ledger"];
int year = args.Length == 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : ((DateTimeDataFrameColumn)ledger["period"]).Max(p => p!.Value.Year);
Console.WriteLine($"dataset '{data.Name}'{(data.Illustrative ? " (ILLUSTRATIVE data)" : "")}: {string.Join(", ", frames.Where(f => f.Value.Rows.Count > 0).Select(f => $"{f.Key} {f.Value.Rows.Count:N0}"))} rows; year {year}");

// 1. Smelting electricity per tonne of ferrosilicon, per enterprise: the ledger joined to its facilities, filtered,
//    grouped and summed. Null values are skipped by DataFrame sums, so they are counted first and shown.
Frame owners = new Frame(frames["facilities"]["facility_id"].Clone(), frames["facilities"]["enterprise_id"].Clone());
Frame joined = ledger.Merge<string>(owners, "facility_id", "facility_id");
var periods = (DateTimeDataFrameColumn)joined["period"];
var products = (StringDataFrameColumn)joined["product"];
var inYear = new BooleanDataFrameColumn("in_year", Enumerable.Range(0, (int)joined.Rows.Count).Select(i => periods[i]?.Year == year && products[i]!.StartsWith("FeSi", StringComparison.Ordinal)));
Frame ferrosilicon = joined.Filter(inYear);
Console.WriteLine($"ferrosilicon ledger rows in {year}: {ferrosilicon.Rows.Count}; null furnace_electricity: {ferrosilicon["furnace_electricity"].NullCount}, null output: {ferrosilicon["output"].NullCount}");

Frame perEnterprise = ferrosilicon.GroupBy("enterprise_id").Sum("output", "furnace_electricity");
perEnterprise["kwh_per_t"] = perEnterprise["furnace_electricity"] / perEnterprise["output"];
perEnterprise = perEnterprise.OrderBy("kwh_per_t");
Console.WriteLine($"{"enterprise",-14} {"output t",10} {"smelting MWh",13} {"kWh/t",7}");
foreach (DataFrameRow row in perEnterprise.Rows)
{
    Console.WriteLine($"{row["enterprise_id"],-14} {(double)row["output"],10:N0} {(double)row["furnace_electricity"] / 1000,13:N0} {(double)row["kwh_per_t"],7:N0}");
}

// 2. Monthly measured PM, t = Σ pm (mg/m3) × flow (m3/h) × 1 h ÷ 10^9 over valid hours: the value's flag (pm_flag where
//    given, else flag) and the flow's (flow_flag, else flag) both N and both values present (docs/emissions.md).
Frame cems = frames["cems_hourly"];
var rowFlag = (StringDataFrameColumn)cems["flag"];
StringDataFrameColumn Effective(string column) => cems.Columns.IndexOf(column) < 0
    ? rowFlag
    : new StringDataFrameColumn(column, Enumerable.Range(0, (int)cems.Rows.Count).Select(i => ((StringDataFrameColumn)cems[column])[i] ?? rowFlag[i]));
var valid = (PrimitiveDataFrameColumn<bool>)Effective("pm_flag").ElementwiseEquals("N")
    .And(Effective("flow_flag").ElementwiseEquals("N"))
    .And(cems["pm"].ElementwiseIsNotNull())
    .And(cems["flow"].ElementwiseIsNotNull());
var hours = (DateTimeDataFrameColumn)cems["hour"];
Frame measured = new Frame(
        new Int32DataFrameColumn("month", hours.Select(h => h?.Month)),
        new Int32DataFrameColumn("year", hours.Select(h => h?.Year)),
        RenameTo(cems["pm"] * cems["flow"] / 1e9, "pm_t"))
    .Filter(valid);
measured = measured.Filter(((Int32DataFrameColumn)measured["year"]).ElementwiseEquals(year));
Frame monthly = measured.GroupBy("month").Sum("pm_t").OrderBy("month");
Console.WriteLine($"valid PM hours in {year}: {measured.Rows.Count:N0} of {cems.Rows.Count:N0}");

// The same figure from the SDK's inventory: its measured PM rows, per month. They must agree.
EmissionInventory inventory = new EmissionInventoryCalculator().Compute(data, year);
double worst = 0;
foreach (DataFrameRow row in monthly.Rows)
{
    int month = (int)row["month"];
    double frameT = (double)row["pm_t"];
    double sdkT = inventory.Rows.Where(r => r.Pollutant == Pollutant.Pm && r.Method == EmissionMethod.Measured && r.Period.Month == month).Sum(r => r.Mass!.Value.Tonnes);
    worst = Math.Max(worst, Math.Abs(frameT - sdkT) / Math.Max(sdkT, 1e-9));
    Console.WriteLine($"{year}-{month:00} measured PM: DataFrame {frameT,9:N2} t, inventory {sdkT,9:N2} t");
}

double frameYear = Convert.ToDouble(monthly["pm_t"].Sum(), CultureInfo.InvariantCulture);
Console.WriteLine($"measured PM {year}: {frameYear:N2} t; largest relative difference to the inventory {worst:E1}");
return worst < 1e-9 ? 0 : 1;

static DataFrameColumn RenameTo(DataFrameColumn column, string name)
{
    column.SetName(name);
    return column;
}
