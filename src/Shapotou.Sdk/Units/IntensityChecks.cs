using System.Globalization;
using Shapotou.Sdk.Internal;
using UnitsNet;

namespace Shapotou.Sdk.Units;

/// <summary>The checks the intensity types share.</summary>
internal static class IntensityChecks
{
    /// <summary>Reads a product in tonnes and checks it is more than zero, so that an intensity of it is finite.</summary>
    public static double ProductTonnes(Mass product)
    {
        double tonnes = product.Tonnes;
        if (!(tonnes > 0) || !double.IsFinite(tonnes))
        {
            ThrowHelper.ThrowArgumentOutOfRange(
                nameof(product),
                product,
                string.Create(CultureInfo.InvariantCulture, $"Parameter 'product' must be a finite mass more than zero; it is {tonnes} t."));
        }

        return tonnes;
    }
}
