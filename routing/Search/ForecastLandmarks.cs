using TrafficOrleans.Routing.Graph;
using TrafficOrleans.Routing.Weights;

namespace TrafficOrleans.Routing.Search;

/// <summary>
/// ALT landmarks per forecast bucket. Edges entered in the last bucket (+30 min, from 25 minutes on) are bounded
/// by their own +30 times; edges entered earlier by their fastest time in any bucket, because a later bucket of the
/// same route may be faster. A node reached in bucket b may use the largest bound of the sets of buckets 0 … b
/// (<see cref="RemainingTimeBound"/>). With a single set on the fastest of all four forecasts, every edge of a
/// 40-minute route was bounded by its best forecast although most of it is driven in the +30 bucket; the bound was
/// so loose that A* settled most of a 100k-node grid (19,600 nodes on average, 100,000 at worst; 9,600 / 37,000
/// with this). Own sets for +10 and +20 as well settled 12 % fewer nodes but cost more per node than they saved.
/// </summary>
internal sealed class ForecastLandmarks
{
    private ForecastLandmarks(Landmarks[] sets, float[][] basis)
    {
        Sets = sets;
        Basis = basis;
    }

    /// <summary>Landmarks of each bucket (the same instance where buckets share a basis).</summary>
    public Landmarks[] Sets { get; }

    /// <summary>Edge travel seconds each bucket's landmarks were computed on.</summary>
    public float[][] Basis { get; }

    /// <summary>Landmarks per set.</summary>
    public int Count => Sets[0].Count;

    /// <summary>Every bucket searched with the same landmarks (free-flow ones, before any refresh).</summary>
    public static ForecastLandmarks Single(Landmarks landmarks, float[] basis) =>
        new([.. Enumerable.Repeat(landmarks, ForecastBuckets.Count)], [.. Enumerable.Repeat(basis, ForecastBuckets.Count)]);

    /// <summary>Builds the fastest-of-all set and the last bucket's set (one set when they coincide, as for static weights).</summary>
    public static ForecastLandmarks Build(RoadGraph graph, HorizonValues[] edgeSeconds, bool[] routable, int count)
    {
        var last = ForecastBuckets.Count - 1;
        var fastest = new float[edgeSeconds.Length];
        var lastBucket = new float[edgeSeconds.Length];
        for (var e = 0; e < fastest.Length; e++) (fastest[e], lastBucket[e]) = (edgeSeconds[e].Min, edgeSeconds[e][last]);
        var early = Landmarks.Build(graph, fastest, routable, count);
        var sets = Enumerable.Repeat(early, ForecastBuckets.Count).ToArray();
        var basis = Enumerable.Repeat(fastest, ForecastBuckets.Count).ToArray();
        if (!lastBucket.AsSpan().SequenceEqual(fastest)) (sets[last], basis[last]) = (Landmarks.Build(graph, lastBucket, routable, count), lastBucket);
        return new ForecastLandmarks(sets, basis);
    }
}
