namespace TrafficOrleans.Ingest.Simulation;

/// <summary>
/// SplitMix64-based hashing: the simulator derives every random number from (seed, road, time) so any
/// instant can be computed on its own, identically on every machine and .NET version.
/// </summary>
internal static class StableHash
{
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }

    public static ulong Combine(ulong a, ulong b) => Mix(a ^ Mix(b));

    public static ulong Combine(ulong a, ulong b, ulong c) => Combine(Combine(a, b), c);

    /// <summary>Uniform in [0, 1).</summary>
    public static double Unit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [-1, 1).</summary>
    public static double Signed(ulong hash) => Unit(hash) * 2 - 1;

    /// <summary>FNV-1a of a string: a road's key that does not depend on the order of the road list.</summary>
    public static ulong Of(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        return Mix(hash);
    }
}
