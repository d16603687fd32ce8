using Shapotou.Sdk.Model;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Emissions;

/// <summary>
/// A year's emission inventory: one row per outlet, pollutant and month, each tagged with its method, with what was
/// missing and what was assumed.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class EmissionInventory
{
    internal EmissionInventory(int year, IReadOnlyList<OutletEmission> rows, IReadOnlyList<string> missing, IReadOnlyList<string> assumptions)
    {
        Year = year;
        Rows = rows;
        Missing = missing;
        Assumptions = assumptions;
    }

    /// <summary>Gets the year.</summary>
    public int Year { get; }

    /// <summary>Gets the rows, ordered by outlet (ordinal), pollutant and month.</summary>
    public IReadOnlyList<OutletEmission> Rows { get; }

    /// <summary>Gets every input that was missing, by name (a factor, a sulfur content, a ledger value): each makes the rows it touches unknown.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Gets every assumed or user-supplied value the rows depend on, in words (factor sources, substitutions, splits).</summary>
    public IReadOnlyList<string> Assumptions { get; }

    /// <summary>Gets the year's total of one pollutant over every row.</summary>
    /// <param name="pollutant">The pollutant.</param>
    /// <returns>The mass, or <see langword="null"/> when any row is unknown.</returns>
    public Mass? Total(Pollutant pollutant) =>
        Totals(EmissionGrouping.District).SingleOrDefault(t => t.Pollutant == pollutant)?.Mass ?? (Rows.Any(r => r.Pollutant == pollutant) ? null : Mass.Zero);

    /// <summary>Adds the rows up per group, per year or per month.</summary>
    /// <param name="grouping">The grouping.</param>
    /// <param name="monthly">Whether to add up per month rather than per year.</param>
    /// <returns>The totals ordered by group id (ordinal), pollutant and month.</returns>
    public IReadOnlyList<EmissionTotal> Totals(EmissionGrouping grouping, bool monthly = false)
    {
        var groups = new SortedDictionary<(string Group, Pollutant Pollutant, int Month), (double Tonnes, bool Known, HashSet<EmissionMethod> Methods)>(Comparer.Instance);
        foreach (OutletEmission row in Rows)
        {
            string group = grouping switch
            {
                EmissionGrouping.Outlet => row.OutletId,
                EmissionGrouping.Facility => string.Join('+', row.FacilityIds),
                EmissionGrouping.Enterprise => row.EnterpriseId ?? "(several enterprises)",
                EmissionGrouping.Township => row.Township ?? "(unknown township)",
                EmissionGrouping.District => "district",
                _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, null),
            };
            var key = (group, row.Pollutant, monthly ? row.Period.Month : 0);
            if (!groups.TryGetValue(key, out var total))
            {
                total = (0, true, []);
            }

            if (row.Method is { } method)
            {
                total.Methods.Add(method);
            }

            groups[key] = row.Mass is { } mass ? (total.Tonnes + mass.Tonnes, total.Known, total.Methods) : (total.Tonnes, false, total.Methods);
        }

        return groups.Select(g => new EmissionTotal(
                g.Key.Group,
                Year,
                monthly ? g.Key.Month : null,
                g.Key.Pollutant,
                g.Value.Known ? Mass.FromTonnes(g.Value.Tonnes) : null,
                g.Value.Methods.Order().ToArray()))
            .ToArray();
    }

    private sealed class Comparer : IComparer<(string Group, Pollutant Pollutant, int Month)>
    {
        public static Comparer Instance { get; } = new();

        public int Compare((string Group, Pollutant Pollutant, int Month) x, (string Group, Pollutant Pollutant, int Month) y)
        {
            int c = string.CompareOrdinal(x.Group, y.Group);
            if (c != 0)
            {
                return c;
            }

            c = ((int)x.Pollutant).CompareTo((int)y.Pollutant);
            return c != 0 ? c : x.Month.CompareTo(y.Month);
        }
    }
}
