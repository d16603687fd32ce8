using System.Reflection;
using System.Runtime.CompilerServices;
using Shapotou.Sdk.Reference;

namespace Shapotou.Sdk.Docs.Tests;

/// <summary>Design rules of the public API, enforced by reflection over every package's assembly.</summary>
public sealed class ConsistencyTests
{
    /// <summary>Every package's assembly, the one list the design tests reflect over.</summary>
    internal static readonly Assembly[] Packages =
    [
        typeof(ReferenceCatalogue).Assembly,
        typeof(Shapotou.Sdk.Analytics.EnergyEfficiency.EnergyCalculator).Assembly,
        typeof(Shapotou.Sdk.Monitoring.Hj212.Hj212Crc).Assembly,
        typeof(Shapotou.Sdk.Contract.ContractSchema).Assembly,
        typeof(Shapotou.Sdk.Parquet.ClusterDatasetParquet).Assembly,
        typeof(Shapotou.Sdk.Import.TableImport).Assembly,
        typeof(Shapotou.Sdk.Assessment.DistrictAssessment).Assembly,
        typeof(Shapotou.Sdk.DataFrame.ContractDataFrames).Assembly,
    ];

    public static TheoryData<Type> PublicTypes()
    {
        var data = new TheoryData<Type>();
        foreach (Type type in Packages.SelectMany(a => a.GetExportedTypes()).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type);
        }

        return data;
    }

    /// <summary>One name per concept: a caller who imports several of the packages' namespaces never meets two public
    /// types of the same name (nested types are named with their declaring type).</summary>
    [Fact]
    public void PublicTypeNames_AreUniqueAcrossPackages()
    {
        string[] clashes = [.. Packages.SelectMany(a => a.GetExportedTypes())
            .GroupBy(t => t.DeclaringType is null ? t.Name : $"{t.DeclaringType.Name}.{t.Name}", StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.FullName).Order(StringComparer.Ordinal))}")
            .Order(StringComparer.Ordinal)];
        Assert.True(clashes.Length == 0, $"Public types share a name: {string.Join("; ", clashes)}.");
    }

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void PublicClass_IsSealedOrAbstract(Type type)
    {
        if (type.IsClass && !typeof(Delegate).IsAssignableFrom(type))
        {
            Assert.True(type.IsSealed || type.IsAbstract, $"{type.FullName} is a public class that is neither sealed nor abstract.");
        }
    }

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void PublicStruct_IsReadOnly(Type type)
    {
        if (type.IsValueType && !type.IsEnum)
        {
            Assert.True(type.IsDefined(typeof(IsReadOnlyAttribute), false), $"{type.FullName} is a public struct that is not readonly.");
        }
    }

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void PublicFields_AreNotSettable(Type type)
    {
        foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
        {
            Assert.True(field.IsLiteral || field.IsInitOnly || type.IsEnum, $"{type.FullName}.{field.Name} is a settable public field.");
        }
    }

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void EquatableTypes_DefineEqualityOperators(Type type)
    {
        bool equatable = type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEquatable<>) && i.GetGenericArguments()[0] == type);
        if (equatable)
        {
            Assert.NotNull(type.GetMethod("op_Equality", BindingFlags.Public | BindingFlags.Static, [type, type]));
            Assert.NotNull(type.GetMethod("op_Inequality", BindingFlags.Public | BindingFlags.Static, [type, type]));
        }
    }

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void NoStringParameter_IsNamedLikeAUnit(Type type)
    {
        foreach (MethodBase method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                     .Cast<MethodBase>()
                     .Concat(type.GetConstructors()))
        {
            foreach (ParameterInfo parameter in method.GetParameters())
            {
                Assert.False(
                    parameter.ParameterType == typeof(string) && parameter.Name!.EndsWith("unit", StringComparison.OrdinalIgnoreCase),
                    $"{type.FullName}.{method.Name}({parameter.Name}) takes a unit as a string; units are typed enums.");
            }
        }
    }
}
