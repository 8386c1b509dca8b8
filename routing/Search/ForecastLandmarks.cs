using TrafficOrleans.Routing.Graph;
using TrafficOrleans.Routing.Weights;

namespace TrafficOrleans.Routing.Search;

/// <summary>
/// ALT landmarks per forecast bucket. An edge entered in bucket b or later costs at least its fastest time in
/// buckets b … last, so bucket b's set is computed on those times and a node reached in bucket b is bounded by that
/// set alone (<see cref="RemainingTimeBound"/>). With one set on the fastest of all four forecasts every edge of a
/// 40-minute route was bounded by its best forecast although most of it is driven in the +30 bucket: A* settled
/// most of a 100k-node grid (19,600 nodes on average, 100,000 at worst). A fastest-of-all set plus a +30 set
/// (maximum of both from 25 minutes on) settled 10,200 on average; one set per bucket, each used alone, 9,000 and
/// 12 % less time per query (the maximum over all earlier sets would settle a few nodes fewer but read up to four
/// landmark rows per node). Costs a refresh twice as long and twice the memory (4 sets).
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

    /// <summary>
    /// Builds, per bucket b, a set on each edge's fastest time in buckets b … last (the same instance as the previous
    /// bucket's where those times coincide, as for static weights).
    /// </summary>
    public static ForecastLandmarks Build(RoadGraph graph, HorizonValues[] edgeSeconds, bool[] routable, int count)
    {
        var sets = new Landmarks[ForecastBuckets.Count];
        var basis = new float[ForecastBuckets.Count][];
        for (var b = 0; b < ForecastBuckets.Count; b++)
        {
            var fastestFromB = new float[edgeSeconds.Length];
            for (var e = 0; e < fastestFromB.Length; e++)
            {
                var fastest = float.MaxValue;
                for (var later = b; later < ForecastBuckets.Count; later++) fastest = Math.Min(fastest, edgeSeconds[e][later]);
                fastestFromB[e] = fastest;
            }

            (sets[b], basis[b]) = b > 0 && fastestFromB.AsSpan().SequenceEqual(basis[b - 1])
                ? (sets[b - 1], basis[b - 1])
                : (Landmarks.Build(graph, fastestFromB, routable, count), fastestFromB);
        }

        return new ForecastLandmarks(sets, basis);
    }
}
