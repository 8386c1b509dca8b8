using TrafficOrleans.Roads;
using TrafficOrleans.Routing.Search;
using TrafficOrleans.Routing.Weights;

namespace TrafficOrleans.Routing.Routes;

/// <summary>
/// Answers route queries on a <see cref="WeightsSnapshot"/>: the fastest route by time-dependent A*, then
/// alternatives by the penalty method — each found route's edges cost <see cref="RoutePlannerOptions.Penalty"/>
/// times more in the next search, and a candidate is kept only if its real ETA is within
/// <see cref="RoutePlannerOptions.MaxStretch"/> of the best and it shares at most
/// <see cref="RoutePlannerOptions.MaxOverlap"/> of its length with every route kept so far. The penalised
/// searches are weighted A* (<see cref="RoutePlannerOptions.AlternativeSearchWeight"/>): only the best route must
/// be exact. Thread-safe: scratch space is per thread and snapshots are immutable.
/// </summary>
public sealed class RoutePlanner
{
    /// <summary>Most alternatives one query can ask for.</summary>
    public const int MaxAlternatives = 7;

    private readonly RoutePlannerOptions _options;

    /// <summary>Creates a planner.</summary>
    public RoutePlanner(RoutePlannerOptions? options = null)
    {
        _options = options ?? new RoutePlannerOptions();
        if (_options.MaxOverlap is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxOverlap must be in [0, 1): an overlap of 1 would allow the same route twice.");
        if (_options.Penalty <= 1) throw new ArgumentOutOfRangeException(nameof(options), "Penalty must be above 1.");
        if (_options.AlternativeSearchWeight < 1) throw new ArgumentOutOfRangeException(nameof(options), "AlternativeSearchWeight must be at least 1.");
    }

    /// <summary>
    /// Snaps both points to routable nodes and plans the best route plus up to <paramref name="alternatives"/>
    /// others, departing <paramref name="departureAfterWeights"/> after the snapshot's time (negative counts as 0).
    /// </summary>
    public RouteRecommendation Recommend(WeightsSnapshot weights, GeoPoint origin, GeoPoint destination, TimeSpan departureAfterWeights, int alternatives = 2)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var index = weights.Network.Index;
        var from = index.NearestNode(origin, _options.MaxSnapMeters);
        var to = index.NearestNode(destination, _options.MaxSnapMeters);
        if (from is null) return new RouteRecommendation(RouteQueryStatus.OriginOutsideMap, null, [], weights.Version, from, to);
        if (to is null) return new RouteRecommendation(RouteQueryStatus.DestinationOutsideMap, null, [], weights.Version, from, to);

        var (best, others) = Plan(weights, from.Value.Node, to.Value.Node, Math.Max(0, departureAfterWeights.TotalMinutes), alternatives);
        return best is null
            ? new RouteRecommendation(RouteQueryStatus.NoPath, null, [], weights.Version, from, to)
            : new RouteRecommendation(RouteQueryStatus.Found, best, others, weights.Version, from, to);
    }

    /// <summary>Best route and alternatives between two nodes; best is null when there is no path.</summary>
    public (Route? Best, IReadOnlyList<Route> Alternatives) Plan(WeightsSnapshot weights, int source, int target, double departureMinutes, int alternatives = 2)
    {
        ArgumentNullException.ThrowIfNull(weights);
        // Route marks are one bit per kept route in a byte.
        alternatives = Math.Min(alternatives, MaxAlternatives);
        var buffers = SearchBuffers.ForCurrentThread();
        buffers.ResetEdgeMarks();
        try
        {
            if (!TimeDependentAStar.Run(weights, source, target, departureMinutes, penalized: false, buffers)) return (null, []);
            var path = TimeDependentAStar.ExtractPath(weights, target, buffers);
            var best = RouteBuilder.Build(weights, path, buffers.Labels, departureMinutes);
            if (alternatives <= 0 || path.Count == 0) return (best, []);

            var kept = new List<Route>(alternatives);
            Keep(path, 0, buffers);
            for (var attempt = 0; attempt < _options.MaxAlternativeSearches && kept.Count < alternatives; attempt++)
            {
                var stretchLimit = best.EtaMinutes * 60 * _options.MaxStretch;
                if (!TimeDependentAStar.Run(weights, source, target, departureMinutes, penalized: true, buffers, stretchLimit, _options.AlternativeSearchWeight)) break;
                path = TimeDependentAStar.ExtractPath(weights, target, buffers);
                var acceptable = buffers.Labels[target].Time <= stretchLimit
                    && MaxOverlap(weights, path, kept.Count + 1, buffers) <= _options.MaxOverlap;
                if (acceptable) kept.Add(RouteBuilder.Build(weights, path, buffers.Labels, departureMinutes));
                Keep(path, acceptable ? kept.Count : -1, buffers);
            }

            return (best, kept);
        }
        finally
        {
            buffers.ResetEdgeMarks();
        }
    }

    /// <summary>Penalises a found path's edges and, when it was kept as route number <paramref name="routeBit"/>, marks them.</summary>
    private void Keep(List<int> path, int routeBit, SearchBuffers buffers)
    {
        foreach (var e in path)
        {
            if (buffers.Penalty[e] == 1f && buffers.RouteMask[e] == 0) buffers.Touched.Add(e);
            buffers.Penalty[e] = (float)(buffers.Penalty[e] * _options.Penalty);
            if (routeBit >= 0) buffers.RouteMask[e] |= (byte)(1 << routeBit);
        }
    }

    /// <summary>Largest share of the candidate's length that lies on any one of the routes kept so far.</summary>
    private static double MaxOverlap(WeightsSnapshot weights, List<int> path, int routeCount, SearchBuffers buffers)
    {
        Span<double> shared = stackalloc double[8];
        shared.Clear();
        var total = 0.0;
        foreach (var e in path)
        {
            var length = weights.Graph.Edges[e].LengthMeters;
            total += length;
            var mask = buffers.RouteMask[e];
            for (var r = 0; r < routeCount; r++)
            {
                if ((mask & (1 << r)) != 0) shared[r] += length;
            }
        }

        var worst = 0.0;
        for (var r = 0; r < routeCount; r++) worst = Math.Max(worst, total > 0 ? shared[r] / total : 1);
        return worst;
    }
}
