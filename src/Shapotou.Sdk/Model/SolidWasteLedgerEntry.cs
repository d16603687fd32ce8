using System.Globalization;
using UnitsNet;
using UnitsNet.Units;

namespace Shapotou.Sdk.Model;

/// <summary>One enterprise, month and waste type of general industrial solid waste: one row of the <c>solid_waste_ledger</c> table.</summary>
/// <remarks>This type is immutable and thread-safe; an invalid field is an <see cref="ArgumentException"/> naming it and its value.</remarks>
public sealed record SolidWasteLedgerEntry
{
    private const string Entity = "Solid-waste ledger row";

    /// <summary>Initializes a ledger row; every amount is at least 0 or <see langword="null"/> (not reported).</summary>
    /// <param name="enterpriseId">The enterprise.</param>
    /// <param name="period">The first day of the month.</param>
    /// <param name="wasteType">The waste type.</param>
    /// <param name="generated">产生量: generated.</param>
    /// <param name="utilised">综合利用量: utilised, including prior-year stock.</param>
    /// <param name="utilisedFromStorage">其中：综合利用往年贮存量: of which from prior years' storage; at most <paramref name="utilised"/>.</param>
    /// <param name="disposed">处置量: disposed.</param>
    /// <param name="disposedFromStorage">其中：处置往年贮存量: of which from prior years' storage; at most <paramref name="disposed"/>.</param>
    /// <param name="stored">贮存量: stored.</param>
    /// <param name="dumped">倾倒丢弃量: dumped.</param>
    /// <exception cref="ArgumentException">A field is invalid; the message names it and its value.</exception>
    public SolidWasteLedgerEntry(
        string enterpriseId,
        DateOnly period,
        WasteType wasteType,
        Mass? generated = null,
        Mass? utilised = null,
        Mass? utilisedFromStorage = null,
        Mass? disposed = null,
        Mass? disposedFromStorage = null,
        Mass? stored = null,
        Mass? dumped = null)
    {
        EnterpriseId = ModelChecks.Id(enterpriseId, Entity, "enterprise_id");
        string id = string.Create(CultureInfo.InvariantCulture, $"{enterpriseId} {period:yyyy-MM} {ContractNames.ToName(ModelChecks.Defined(wasteType, Entity, enterpriseId, "waste_type"))}");
        if (period.Day != 1)
        {
            ModelChecks.Requires(false, Entity, id, "period", string.Create(CultureInfo.InvariantCulture, $"is {period:yyyy-MM-dd}; expected the first day of a month."));
        }
        Period = period;
        WasteType = wasteType;
        Generated = ModelChecks.NonNegative(generated, MassUnit.Tonne, Entity, id, "generated");
        Utilised = ModelChecks.NonNegative(utilised, MassUnit.Tonne, Entity, id, "utilised");
        UtilisedFromStorage = ModelChecks.NonNegative(utilisedFromStorage, MassUnit.Tonne, Entity, id, "utilised_from_storage");
        Disposed = ModelChecks.NonNegative(disposed, MassUnit.Tonne, Entity, id, "disposed");
        DisposedFromStorage = ModelChecks.NonNegative(disposedFromStorage, MassUnit.Tonne, Entity, id, "disposed_from_storage");
        Stored = ModelChecks.NonNegative(stored, MassUnit.Tonne, Entity, id, "stored");
        Dumped = ModelChecks.NonNegative(dumped, MassUnit.Tonne, Entity, id, "dumped");
        CheckPartOf(utilisedFromStorage, "utilised_from_storage", utilised, "utilised", id);
        CheckPartOf(disposedFromStorage, "disposed_from_storage", disposed, "disposed", id);
    }

    /// <summary>Checks that the "of which from prior years' storage" amount is at most the amount it is part of.</summary>
    private static void CheckPartOf(Mass? part, string partField, Mass? whole, string wholeField, string id)
    {
        if (part is { } p && whole is { } w && p.Tonnes > w.Tonnes)
        {
            ModelChecks.Requires(false, Entity, id, partField,
                string.Create(CultureInfo.InvariantCulture, $"is {p.Tonnes} t; expected at most {wholeField} ({w.Tonnes} t), of which it is a part."));
        }
    }

    /// <summary>Gets the enterprise.</summary>
    public string EnterpriseId { get; }

    /// <summary>Gets the first day of the month.</summary>
    public DateOnly Period { get; }

    /// <summary>Gets the waste type.</summary>
    public WasteType WasteType { get; }

    /// <summary>Gets the amount generated (产生量), or <see langword="null"/>.</summary>
    public Mass? Generated { get; }

    /// <summary>Gets the amount utilised (综合利用量), including prior-year stock, or <see langword="null"/>.</summary>
    public Mass? Utilised { get; }

    /// <summary>Gets the part of <see cref="Utilised"/> taken from prior years' storage, or <see langword="null"/>.</summary>
    public Mass? UtilisedFromStorage { get; }

    /// <summary>Gets the amount disposed (处置量), or <see langword="null"/>.</summary>
    public Mass? Disposed { get; }

    /// <summary>Gets the part of <see cref="Disposed"/> taken from prior years' storage, or <see langword="null"/>.</summary>
    public Mass? DisposedFromStorage { get; }

    /// <summary>Gets the amount stored (贮存量), or <see langword="null"/>.</summary>
    public Mass? Stored { get; }

    /// <summary>Gets the amount dumped (倾倒丢弃量), or <see langword="null"/>.</summary>
    public Mass? Dumped { get; }
}
