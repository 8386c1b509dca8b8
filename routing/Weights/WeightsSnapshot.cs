using TrafficOrleans.Routing.Graph;
using TrafficOrleans.Routing.Search;

namespace TrafficOrleans.Routing.Weights;

/// <summary>
/// An immutable graph + weights pair that route queries read without locks: per-road speeds for the four
/// forecast horizons (the canonical state, what is serialized) and the per-edge travel times derived from them
/// (what searches read), plus each road's 10–90 % speed range where its prediction carried one (for ETA ranges;
/// equal to the speeds where it did not). Updates never mutate; <see cref="ApplyPredictions"/> copies the arrays and returns a
/// new snapshot with a new <see cref="Version"/>, so a holder swaps one reference.
/// </summary>
public sealed class WeightsSnapshot
{
    /// <summary>Forecast speeds are clamped up to this: a standstill still has a finite (very long) travel time.</summary>
    public const float MinSpeedKmh = 1f;

    /// <summary>Forecast speeds are clamped down to this, so a bad forecast cannot break the A* bounds.</summary>
    public const float MaxSpeedKmh = 200f;

    // Heuristics are shrunk by this factor so float rounding can never make them overestimate.
    private const double HeuristicSafety = 1 - 1e-9;

    private readonly HorizonValues[] _roadSpeeds;
    private readonly HorizonValues[] _edgeSeconds;

    // Per road, the low and high ends of its speed range (km/h, clamped like the speeds and always containing them).
    // Floats, 32 bytes a road; edge times at the range ends are derived only for the edges of a found route.
    private readonly HorizonValues[] _lowSpeeds;
    private readonly HorizonValues[] _highSpeeds;

    internal WeightsSnapshot(
        RoutingNetwork network,
        DateTimeOffset timestamp,
        HorizonValues[] roadSpeeds,
        (HorizonValues[] Low, HorizonValues[] High) speedRanges,
        HorizonValues[] edgeSeconds,
        ForecastLandmarks? landmarks = null)
    {
        Network = network;
        Timestamp = timestamp;
        Version = GraphVersion.Of(timestamp);
        _roadSpeeds = roadSpeeds;
        (_lowSpeeds, _highSpeeds) = speedRanges;
        _edgeSeconds = edgeSeconds;
        Landmarks = landmarks ?? network.Landmarks;
        (LandmarkScales, SecondsPerChordMeter) = ComputeBounds(network, edgeSeconds, Landmarks);
    }

    /// <summary>The graph these weights belong to.</summary>
    public RoutingNetwork Network { get; }

    /// <summary>The road graph.</summary>
    public RoadGraph Graph => Network.Graph;

    /// <summary>When these weights were produced; forecast horizons count from here.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary><c>vYYYYMMDDHHMMSSfff</c> of <see cref="Timestamp"/>.</summary>
    public string Version { get; }

    /// <summary>The ALT landmarks searches use: the network's free-flow ones until <see cref="WithRefreshedLandmarks"/>.</summary>
    internal ForecastLandmarks Landmarks { get; }

    /// <summary>
    /// Per bucket b, a lower bound of (travel time in any bucket ≥ b / the basis time of set b's landmarks) over all
    /// edges: scales that set's bound so it stays admissible however the weights have moved since it was computed.
    /// </summary>
    internal double[] LandmarkScales { get; }

    /// <summary>Lower bound of (travel time / straight-line metres) over all edges and horizons: the geometric heuristic.</summary>
    internal double SecondsPerChordMeter { get; }

    internal HorizonValues[] EdgeSeconds => _edgeSeconds;

    internal HorizonValues[] RoadSpeeds => _roadSpeeds;

    internal HorizonValues[] LowSpeeds => _lowSpeeds;

    internal HorizonValues[] HighSpeeds => _highSpeeds;

    /// <summary>Every road at its free-flow speed at every horizon: the weights before any forecast arrived.</summary>
    public static WeightsSnapshot FreeFlow(RoutingNetwork network, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(network);
        var roads = network.Graph.Roads;
        var speeds = new HorizonValues[roads.Length];
        for (var r = 0; r < roads.Length; r++) speeds[r] = HorizonValues.All(Clamp(roads[r].FreeFlowSpeedKmh));
        return FromRoadSpeeds(network, timestamp, speeds);
    }

    /// <summary>Speeds (km/h) of a road at the four horizons, or null for an unknown road id.</summary>
    public HorizonValues? SpeedsOf(string roadId)
    {
        var r = Graph.RoadIndexOf(roadId);
        return r < 0 ? null : _roadSpeeds[r];
    }

    /// <summary>
    /// Low and high ends (km/h) of a road's 10–90 % speed range at the four horizons, or null for an unknown road id.
    /// Equal to <see cref="SpeedsOf"/> where the road's last prediction carried no range, and at "now".
    /// </summary>
    public (HorizonValues Low, HorizonValues High)? SpeedRangeOf(string roadId)
    {
        var r = Graph.RoadIndexOf(roadId);
        return r < 0 ? null : (_lowSpeeds[r], _highSpeeds[r]);
    }

    /// <summary>Travel time in seconds of an edge entered in a forecast bucket.</summary>
    public float EdgeTravelSeconds(int edge, int bucket) => _edgeSeconds[edge][bucket];

    /// <summary>
    /// Travel time in seconds of an edge entered in a forecast bucket at the high end of its road's speed range
    /// (<c>Fast</c>) and at the low end (<c>Slow</c>); both equal <see cref="EdgeTravelSeconds"/> bit for bit where the
    /// road has no range, since they come from the same speed through the same formula.
    /// </summary>
    public (float Fast, float Slow) EdgeTravelSecondsRange(int edge, int bucket)
    {
        var e = Graph.Edges[edge];
        return (RoutingNetwork.TravelSeconds(e.LengthMeters, _highSpeeds[e.Road][bucket]), RoutingNetwork.TravelSeconds(e.LengthMeters, _lowSpeeds[e.Road][bucket]));
    }

    /// <summary>
    /// A new snapshot with the forecasts applied (later ones win for the same road) and a version after this one.
    /// Cost: one copy of the road and edge arrays plus a pass to refresh the heuristic bounds.
    /// </summary>
    public WeightsUpdate ApplyPredictions(IEnumerable<RoadSpeedForecast> forecasts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        var roadSpeeds = (HorizonValues[])_roadSpeeds.Clone();
        var lowSpeeds = (HorizonValues[])_lowSpeeds.Clone();
        var highSpeeds = (HorizonValues[])_highSpeeds.Clone();
        var edgeSeconds = (HorizonValues[])_edgeSeconds.Clone();
        int updated = 0, unknown = 0, invalid = 0;
        foreach (var forecast in forecasts)
        {
            var r = forecast.RoadId is null ? -1 : Graph.RoadIndexOf(forecast.RoadId);
            if (r < 0)
            {
                unknown++;
                continue;
            }

            if (!double.IsFinite(forecast.CurrentKmh) || !double.IsFinite(forecast.In10MinKmh)
                || !double.IsFinite(forecast.In20MinKmh) || !double.IsFinite(forecast.In30MinKmh))
            {
                invalid++;
                continue;
            }

            roadSpeeds[r] = new HorizonValues(
                Clamp((float)forecast.CurrentKmh), Clamp((float)forecast.In10MinKmh), Clamp((float)forecast.In20MinKmh), Clamp((float)forecast.In30MinKmh));
            (lowSpeeds[r], highSpeeds[r]) = RangeOf(roadSpeeds[r], forecast.Interval);
            foreach (var e in Graph.EdgesOfRoad(r)) edgeSeconds[e] = EdgeSecondsOf(Graph.Edges[e].LengthMeters, roadSpeeds[r]);
            updated++;
        }

        var snapshot = new WeightsSnapshot(Network, GraphVersion.Next(Timestamp, now), roadSpeeds, (lowSpeeds, highSpeeds), edgeSeconds, Landmarks);
        return new WeightsUpdate(snapshot, updated, unknown, invalid);
    }

    /// <summary>
    /// The same weights and version with landmarks recomputed on these weights: one set per forecast bucket, on
    /// each edge's fastest time from that bucket on (see <see cref="ForecastLandmarks"/>). Landmarks on free-flow
    /// times are a loose bound once traffic is slow everywhere (A* then settles several times more nodes); this
    /// takes two Dijkstra runs per landmark and set (about 1.2 s on 100,000 nodes), so a holder should run it in the
    /// background now and then and swap the result in, not on every batch.
    /// </summary>
    public WeightsSnapshot WithRefreshedLandmarks()
    {
        var landmarks = ForecastLandmarks.Build(Graph, _edgeSeconds, Network.Routable, Network.Landmarks.Count);
        return new WeightsSnapshot(Network, Timestamp, _roadSpeeds, (_lowSpeeds, _highSpeeds), _edgeSeconds, landmarks);
    }

    /// <summary>
    /// The same weights and version searched with <paramref name="other"/>'s landmarks: a replica that received
    /// these weights as bytes keeps the landmarks it refreshed earlier instead of falling back to free-flow ones.
    /// Stays admissible whatever the two weights are, because the bound is rescaled against its basis times.
    /// </summary>
    public WeightsSnapshot WithLandmarksOf(WeightsSnapshot other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!ReferenceEquals(other.Network, Network)) throw new ArgumentException("Landmarks belong to another routing network.", nameof(other));
        return ReferenceEquals(other.Landmarks, Landmarks) ? this : new WeightsSnapshot(Network, Timestamp, _roadSpeeds, (_lowSpeeds, _highSpeeds), _edgeSeconds, other.Landmarks);
    }

    /// <summary>
    /// A snapshot from per-road speeds and speed ranges (used by deserialization); edge times are derived. Without
    /// ranges every road's range is its speeds (the arrays are shared until an update copies them).
    /// </summary>
    internal static WeightsSnapshot FromRoadSpeeds(
        RoutingNetwork network, DateTimeOffset timestamp, HorizonValues[] roadSpeeds, (HorizonValues[] Low, HorizonValues[] High)? speedRanges = null)
    {
        var graph = network.Graph;
        var edgeSeconds = new HorizonValues[graph.EdgeCount];
        for (var e = 0; e < edgeSeconds.Length; e++) edgeSeconds[e] = EdgeSecondsOf(graph.Edges[e].LengthMeters, roadSpeeds[graph.Edges[e].Road]);
        return new WeightsSnapshot(network, timestamp, roadSpeeds, speedRanges ?? (roadSpeeds, roadSpeeds), edgeSeconds);
    }

    /// <summary>
    /// The speed range of a road from its prediction's interval: clamped like the speeds and widened to contain the
    /// point forecast (so an ETA range always contains the ETA); "now" has no range. No usable interval: the speeds.
    /// </summary>
    internal static (HorizonValues Low, HorizonValues High) RangeOf(HorizonValues speeds, SpeedInterval? interval)
    {
        if (interval is not { IsFinite: true } i) return (speeds, speeds);
        var low = new HorizonValues(
            speeds.Now,
            Math.Min(Clamp((float)i.Low10Min), speeds.In10Min),
            Math.Min(Clamp((float)i.Low20Min), speeds.In20Min),
            Math.Min(Clamp((float)i.Low30Min), speeds.In30Min));
        var high = new HorizonValues(
            speeds.Now,
            Math.Max(Clamp((float)i.High10Min), speeds.In10Min),
            Math.Max(Clamp((float)i.High20Min), speeds.In20Min),
            Math.Max(Clamp((float)i.High30Min), speeds.In30Min));
        return (low, high);
    }

    internal static float Clamp(float speedKmh) => Math.Clamp(speedKmh, MinSpeedKmh, MaxSpeedKmh);

    private static HorizonValues EdgeSecondsOf(float lengthMeters, HorizonValues speeds) => new(
        RoutingNetwork.TravelSeconds(lengthMeters, speeds.Now),
        RoutingNetwork.TravelSeconds(lengthMeters, speeds.In10Min),
        RoutingNetwork.TravelSeconds(lengthMeters, speeds.In20Min),
        RoutingNetwork.TravelSeconds(lengthMeters, speeds.In30Min));

    private static (double[] LandmarkScales, double SecondsPerChordMeter) ComputeBounds(RoutingNetwork network, HorizonValues[] edgeSeconds, ForecastLandmarks landmarks)
    {
        var scales = new double[ForecastBuckets.Count];
        Array.Fill(scales, double.MaxValue);
        var secondsPerMeter = double.MaxValue;
        for (var e = 0; e < edgeSeconds.Length; e++)
        {
            // Walk the buckets from the last: "fastest from bucket b on" is then one running minimum.
            var fastest = double.MaxValue;
            for (var b = ForecastBuckets.Count - 1; b >= 0; b--)
            {
                fastest = Math.Min(fastest, edgeSeconds[e][b]);
                scales[b] = Math.Min(scales[b], fastest / landmarks.Basis[b][e]);
            }

            if (network.ChordMeters[e] > 0) secondsPerMeter = Math.Min(secondsPerMeter, fastest / network.ChordMeters[e]);
        }

        for (var b = 0; b < scales.Length; b++) scales[b] = edgeSeconds.Length == 0 ? 0 : scales[b] * HeuristicSafety;
        return (scales, secondsPerMeter == double.MaxValue ? 0 : secondsPerMeter * HeuristicSafety);
    }
}
