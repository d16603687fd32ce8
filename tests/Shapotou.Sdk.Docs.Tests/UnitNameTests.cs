using System.Reflection;
using System.Text.RegularExpressions;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Docs.Tests;

/// <summary>Quantities are typed at every public boundary (STYLE.md 4.3; issue 21): no public <see cref="double"/>
/// figure carries its unit in its name, as <c>double OutputT</c> or <c>double UnitEnergyKgcePerT</c> would. Such a
/// figure is a UnitsNet quantity, <c>StandardCoal</c>, an intensity (<c>EnergyIntensity</c>, …) or <c>Ratio</c>, and
/// money is <see cref="decimal"/>.</summary>
public sealed partial class UnitNameTests
{
    // Not yet typed; each entry must still be an offender (the test fails when one is fixed and not removed here), and
    // any other offender fails. The enterprise's output value (10⁴ yuan, read from the contract's double column) becomes
    // a decimal at the contract reader, with the carbon-per-output-value figures that divide by it (docs/decisions.md).
    private static readonly string[] s_pending = ["Enterprise(outputValue10kYuan)", "Enterprise.OutputValue10kYuan"];

    // Words of a PascalCase name (camelCase parameter names are capitalised first) that are units of measure or money.
    // Dimensionless ratios named after what they relate (CarbonDioxidePerCarbon) and statistics (RSquared) pass.
    private static readonly HashSet<string> s_unitWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Kgce", "Tce", "Kwh", "Mwh", "Gwh", "Wh", "Gj", "Mj", "Kj", "Kg", "Kilogram", "Kilograms", "Gram", "Grams",
        "Tonne", "Tonnes", "Tc", "Pct", "Percent", "Mg", "Ug", "Ppm", "Yuan", "Cubic", "Metre", "Metres", "Kelvin",
        "Celsius", "Kilojoule", "Kilojoules", "Megajoule", "Megajoules", "Gigajoule", "Gigajoules", "Kilowatt",
        "Kilowatts", "Megawatt", "Megawatts", "Nm",
    };

    [Fact]
    public void NoPublicDouble_IsNamedAfterAUnit()
    {
        var offenders = new SortedSet<string>(StringComparer.Ordinal);
        // The types of Shapotou.Sdk.Units define the units (StandardCoal.TonnesOfCoalEquivalent, as UnitsNet's Mass.Tonnes).
        foreach (Type type in ConsistencyTests.Packages.SelectMany(a => a.GetExportedTypes()).Where(t => t.Namespace != "Shapotou.Sdk.Units"))
        {
            string typeName = type.DeclaringType is null ? type.Name : $"{type.DeclaringType.Name}.{type.Name}";
            const BindingFlags Members = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (PropertyInfo property in type.GetProperties(Members))
            {
                Check(property.PropertyType, property.Name, $"{typeName}.{property.Name}");
            }

            foreach (FieldInfo field in type.GetFields(Members).Where(f => !f.IsSpecialName))
            {
                Check(field.FieldType, field.Name, $"{typeName}.{field.Name}");
            }

            foreach (MethodBase method in type.GetMethods(Members).Where(m => !m.IsSpecialName && m.Name is not "Deconstruct" and not "<Clone>$")
                         .Cast<MethodBase>()
                         .Concat(type.GetConstructors()))
            {
                string methodName = method.IsConstructor ? typeName : $"{typeName}.{method.Name}";
                if (method is MethodInfo info)
                {
                    Check(info.ReturnType, method.Name, $"{methodName}()");
                }

                foreach (ParameterInfo parameter in method.GetParameters())
                {
                    Check(parameter.ParameterType, parameter.Name!, $"{methodName}({parameter.Name})");
                }
            }
        }

        string[] fixedButListed = s_pending.Where(p => !offenders.Remove(p)).ToArray();
        Assert.True(fixedButListed.Length == 0, $"Typed now; remove from the pending list: {string.Join(", ", fixedButListed)}.");
        Assert.True(
            offenders.Count == 0,
            $"{offenders.Count} public figures are doubles named after a unit; make each a UnitsNet quantity, StandardCoal, an intensity or Ratio (money: decimal): {string.Join(", ", offenders)}.");

        void Check(Type memberType, string name, string where)
        {
            if (CarriesDoubles(memberType) && NamesAUnit(name))
            {
                offenders.Add(where);
            }
        }
    }

    [Theory]
    [InlineData("OutputT", true)]
    [InlineData("Co2T", true)]
    [InlineData("capacity10kT", true)]
    [InlineData("UnitEnergyKgcePerT", true)]
    [InlineData("energyKgce", true)]
    [InlineData("OxidationPct", true)]
    [InlineData("NcvGjPerUnit", true)]
    [InlineData("ConcentrationMgPerM3", true)]
    [InlineData("volumetricSpecificHeatKilojoulesPerCubicMetreKelvin", true)]
    [InlineData("ElectricityKWh", true)]
    [InlineData("CityAverageIntensityPer10kYuan", true)]
    [InlineData("CarbonDioxidePerCarbon", false)]
    [InlineData("RSquared", false)]
    [InlineData("Target", false)]
    [InlineData("Coefficient", false)]
    [InlineData("Share", false)]
    public void UnitNames_AreRecognised(string name, bool expected) => Assert.Equal(expected, NamesAUnit(name));

    private static bool CarriesDoubles(Type type)
    {
        if (type.IsByRef)
        {
            type = type.GetElementType()!;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(double) || type == typeof(double[]))
        {
            return true;
        }

        if (!type.IsGenericType)
        {
            return false;
        }

        Type definition = type.GetGenericTypeDefinition();
        Type[] arguments = type.GetGenericArguments();
        Type last = Nullable.GetUnderlyingType(arguments[^1]) ?? arguments[^1];
        return last == typeof(double)
            && (definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IEnumerable<>)
                || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IList<>) || definition == typeof(IDictionary<,>));
    }

    private static bool NamesAUnit(string name)
    {
        string pascal = char.ToUpperInvariant(name[0]) + name[1..];
        return TonneSuffix().IsMatch(pascal)
            || CubicMetre().IsMatch(pascal)
            || Words().Matches(pascal).Any(w => s_unitWords.Contains(w.Value));
    }

    // "OutputT", "Co2T", "Capacity10kT": a capital T after a lowercase letter or a digit, at the end.
    [GeneratedRegex("[a-z0-9]T$")]
    private static partial Regex TonneSuffix();

    // "PerM3", "Nm3", "KWh" split by case.
    [GeneratedRegex("M3(?![a-z])|[KMG]Wh")]
    private static partial Regex CubicMetre();

    [GeneratedRegex("[A-Z][a-z]+|[A-Z]+(?![a-z])|[a-z]+|[0-9]+")]
    private static partial Regex Words();
}
