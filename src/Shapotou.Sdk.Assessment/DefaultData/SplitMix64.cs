namespace Shapotou.Sdk.Assessment;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny generator whose sequence is fixed by its seed on every runtime and
/// platform, which <see cref="Random"/> does not promise across .NET versions.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A double uniform in [0, 1), from the top 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A double uniform in [min, max).</summary>
    public double Uniform(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>An integer uniform in [0, exclusiveMax).</summary>
    public int NextInt(int exclusiveMax) => (int)(NextDouble() * exclusiveMax);

    /// <summary>
    /// An approximately standard normal deviate: the sum of twelve uniforms less six (Irwin–Hall), bounded to ±6.
    /// Only additions, so the sequence is bit-identical on every platform (no libm call).
    /// </summary>
    public double NextGaussian()
    {
        double sum = 0;
        for (int i = 0; i < 12; i++)
        {
            sum += NextDouble();
        }

        return sum - 6.0;
    }
}
