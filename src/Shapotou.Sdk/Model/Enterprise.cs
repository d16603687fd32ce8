using System.Text.RegularExpressions;

namespace Shapotou.Sdk.Model;

/// <summary>An enterprise: one row of the <c>enterprises</c> table.</summary>
/// <remarks>
/// <para>This type is immutable and thread-safe. Every field is validated when the record is made; an invalid one is
/// an <see cref="ArgumentException"/> naming the field and the value.</para>
/// </remarks>
public sealed partial record Enterprise
{
    private const string Entity = "Enterprise";

    /// <summary>Initializes an enterprise.</summary>
    /// <param name="enterpriseId">The unique id.</param>
    /// <param name="name">The name in English or pinyin.</param>
    /// <param name="township">The township, lower-case pinyin such as <c>zhenluo</c>.</param>
    /// <param name="industryCode">The GB/T 4754-2017 class, four digits, such as <c>3140</c> (ferroalloy smelting).</param>
    /// <param name="aboveScale">Whether the enterprise is above designated size (规上企业).</param>
    /// <param name="nameZh">The Chinese name, or <see langword="null"/>.</param>
    /// <param name="creditCode">The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters of
    /// <c>0-9 A-H J-N P-R T-U W-Y</c>, or <see langword="null"/>. The check character is not verified.</param>
    /// <param name="permitNumber">The emission permit number (排污许可证编号), or <see langword="null"/>.</param>
    /// <param name="outputValue10kYuan">The annual output value in 10⁴ yuan, finite and at least 0, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A field is invalid; the message names it and its value.</exception>
    public Enterprise(
        string enterpriseId,
        string name,
        string township,
        string industryCode,
        bool aboveScale,
        string? nameZh = null,
        string? creditCode = null,
        string? permitNumber = null,
        double? outputValue10kYuan = null)
    {
        EnterpriseId = ModelChecks.Id(enterpriseId, Entity, "enterprise_id");
        Name = ModelChecks.Text(name, $"{Entity} '{enterpriseId}'", "name");
        Township = ModelChecks.Slug(township, Entity, enterpriseId, "township");
        IndustryCode = ModelChecks.IndustryCode(industryCode, Entity, enterpriseId, "industry_code");
        AboveScale = aboveScale;
        NameZh = ModelChecks.Optional(nameZh, Entity, enterpriseId, "name_zh");
        ModelChecks.Requires(
            creditCode is null || CreditCodePattern().IsMatch(creditCode),
            Entity,
            enterpriseId,
            "credit_code",
            $"is '{creditCode}'; expected 18 characters of 0-9 and A-H, J-N, P-R, T-U, W-Y (GB 32100-2015).");
        CreditCode = creditCode;
        PermitNumber = ModelChecks.Optional(permitNumber, Entity, enterpriseId, "permit_number");
        OutputValue10kYuan = outputValue10kYuan is { } v ? ModelChecks.NonNegative(v, Entity, enterpriseId, "output_value", nameof(outputValue10kYuan)) : null;
    }

    /// <summary>Gets the unique id.</summary>
    public string EnterpriseId { get; }

    /// <summary>Gets the name in English or pinyin.</summary>
    public string Name { get; }

    /// <summary>Gets the township, lower-case pinyin.</summary>
    public string Township { get; }

    /// <summary>Gets the GB/T 4754-2017 industry class.</summary>
    public string IndustryCode { get; }

    /// <summary>Gets whether the enterprise is above designated size (规上企业).</summary>
    public bool AboveScale { get; }

    /// <summary>Gets the Chinese name, or <see langword="null"/>.</summary>
    public string? NameZh { get; }

    /// <summary>Gets the unified social credit code, or <see langword="null"/>.</summary>
    public string? CreditCode { get; }

    /// <summary>Gets the emission permit number, or <see langword="null"/>.</summary>
    public string? PermitNumber { get; }

    /// <summary>Gets the annual output value in 10⁴ yuan (not a UnitsNet quantity), or <see langword="null"/>.</summary>
    public double? OutputValue10kYuan { get; }

    [GeneratedRegex("^[0-9A-HJ-NPQRTUWXY]{18}$", RegexOptions.CultureInvariant)]
    private static partial Regex CreditCodePattern();
}
