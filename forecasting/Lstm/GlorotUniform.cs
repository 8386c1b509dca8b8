namespace TrafficOrleans.Forecasting.Lstm;

/// <summary>Glorot/Xavier uniform initialisation, shared by the recurrent networks.</summary>
internal static class GlorotUniform
{
    /// <summary>Fills <paramref name="w"/> with U(−√(6/(fanIn+fanOut)), +…) from <paramref name="rng"/>.</summary>
    public static void Fill(Span<float> w, int fanIn, int fanOut, Random rng)
    {
        var limit = MathF.Sqrt(6f / (fanIn + fanOut));
        for (var i = 0; i < w.Length; i++)
        {
            w[i] = ((rng.NextSingle() * 2f) - 1f) * limit;
        }
    }
}
