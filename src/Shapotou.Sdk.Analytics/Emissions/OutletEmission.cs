using Shapotou.Sdk.Model;
using UnitsNet;

namespace Shapotou.Sdk.Analytics.Emissions;

/// <summary>What the measured method saw of an outlet's clock hours in a month.</summary>
/// <param name="Rows">Hours with a row in <c>cems_hourly</c>.</param>
/// <param name="Valid">Hours with a valid value: flag <c>N</c> for the value and the flow, both present.</param>
/// <param name="Stopped">Hours flagged <c>F</c>: the source was stopped and emitted nothing.</param>
/// <param name="Invalid">Hours with a row that is neither valid nor stopped (flags M, S, D, C, T, B, or a null value).</param>
/// <param name="Absent">Clock hours of the month with no row at all.</param>
/// <param name="Substituted">Invalid hours filled by the substitution policy; 0 under <see cref="SubstitutionPolicy.None"/>.</param>
public sealed record HourCounts(int Rows, int Valid, int Stopped, int Invalid, int Absent, int Substituted);

/// <summary>One outlet's emission of one pollutant in one month, tagged with its method.</summary>
/// <param name="OutletId">The outlet.</param>
/// <param name="FacilityIds">The facilities behind the outlet (several when it is shared), ordinal order.</param>
/// <param name="EnterpriseId">The enterprise, or <see langword="null"/> when the facilities belong to several.</param>
/// <param name="Township">The enterprise's township, or <see langword="null"/> when unknown.</param>
/// <param name="Period">The first day of the month.</param>
/// <param name="Pollutant">The pollutant.</param>
/// <param name="Mass">The mass emitted; <see langword="null"/> when unknown (a missing input, listed in <see cref="EmissionInventory.Missing"/>).</param>
/// <param name="Method">The method used; <see langword="null"/> when no method had its inputs.</param>
/// <param name="Hours">The hour counts of the measured method; <see langword="null"/> for the other methods.</param>
/// <param name="Basis">What the value rests on: the formula, the factor's source, or the sulfur inputs' source.</param>
public sealed record OutletEmission(
    string OutletId,
    IReadOnlyList<string> FacilityIds,
    string? EnterpriseId,
    string? Township,
    DateOnly Period,
    Pollutant Pollutant,
    Mass? Mass,
    EmissionMethod? Method,
    HourCounts? Hours,
    string Basis);

/// <summary>How inventory rows are added up.</summary>
public enum EmissionGrouping
{
    /// <summary>Per outlet.</summary>
    Outlet,

    /// <summary>Per facility; an outlet shared by several facilities adds up under their ids joined by <c>+</c>.</summary>
    Facility,

    /// <summary>Per enterprise.</summary>
    Enterprise,

    /// <summary>Per township.</summary>
    Township,

    /// <summary>The whole dataset, under the group id <c>district</c>.</summary>
    District,
}

/// <summary>A group's emission of one pollutant in a year or a month.</summary>
/// <param name="GroupId">The outlet, facility, enterprise or township id, or <c>district</c>.</param>
/// <param name="Year">The year.</param>
/// <param name="Month">The month (1–12), or <see langword="null"/> for the whole year.</param>
/// <param name="Pollutant">The pollutant.</param>
/// <param name="Mass">The mass; <see langword="null"/> when any row it adds up is unknown.</param>
/// <param name="Methods">The methods of the rows it adds up, in precedence order.</param>
public sealed record EmissionTotal(string GroupId, int Year, int? Month, Pollutant Pollutant, Mass? Mass, IReadOnlyList<EmissionMethod> Methods);
