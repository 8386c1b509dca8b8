using System.Diagnostics;
using Microsoft.Extensions.Options;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Routes;
using TrafficOrleans.Grains.Routing;
using TrafficOrleans.Roads;
using TrafficOrleans.Routing.Routes;
using Route = TrafficOrleans.Routing.Routes.Route;
using TrafficOrleans.Routing.Weights;
using TrafficOrleans.Storage.Redis;
using Microsoft.Extensions.DependencyInjection;
using TrafficOrleans.GrainInterfaces.Time;

namespace TrafficOrleans.Silo.Routing;

/// <summary>
/// One route query on this silo's replica: snap both points, look in the cache (keyed by snapped nodes, graph
/// version and departure), else plan the best route and two alternatives, cache the answer and record it as a recent recommendation (for
/// alerts' affected routes). Thread-safe;
/// a plain class so that the grain stays thin and the benchmark can call it without a silo.
/// </summary>
public sealed class RouteQueryHandler(RoutingSnapshotReplica replica, RouteCache? cache, IOptions<RoutingOptions> options, RoutingMetrics metrics, [FromKeyedServices(TrafficClock.Key)] TimeProvider clock, IRecentRoutes? recentRoutes = null) : IRouteQueries
{
    private readonly RoutePlanner _planner = new(new RoutePlannerOptions { MaxSnapMeters = options.Value.MaxSnapMeters });

    /// <summary>Answers a query (from the cache when it holds this version's answer).</summary>
    public async Task<RouteQueryResult> RecommendAsync(RouteQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var weights = replica.Current;
        var index = weights.Network.Index;
        var origin = index.NearestNode(new GeoPoint(query.OriginLat, query.OriginLng), options.Value.MaxSnapMeters);
        if (origin is null) return Failed(RouteQueryOutcome.OriginOutsideMap, weights);
        var destination = index.NearestNode(new GeoPoint(query.DestinationLat, query.DestinationLng), options.Value.MaxSnapMeters);
        if (destination is null) return Failed(RouteQueryOutcome.DestinationOutsideMap, weights);

        var now = clock.GetUtcNow();
        var departure = query.Departure is { } d && d > now ? d : (DateTimeOffset?)null;
        var key = RouteCache.Key(origin.Value.Node, destination.Value.Node, weights.Version, departure);
        if (cache is not null && await cache.GetAsync(key) is { } cached)
        {
            metrics.Query(fromCache: true, cached.Outcome.ToString(), null);
            return cached with { FromCache = true };
        }

        var started = Stopwatch.GetTimestamp();
        var (result, best) = PlanPath(weights, origin.Value.Node, destination.Value.Node, (departure ?? now) - weights.Timestamp);
        if (best is not null && recentRoutes is not null) await recentRoutes.RecordAsync(Recommended(key, query, weights, best));
        metrics.Query(fromCache: false, result.Outcome.ToString(), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (cache is not null) await cache.SetAsync(key, result);
        return result;
    }

    /// <summary>Plans on snapped nodes, departing <paramref name="departureAfterWeights"/> after the weights' time.</summary>
    public RouteQueryResult Plan(WeightsSnapshot weights, int originNode, int destinationNode, TimeSpan departureAfterWeights) =>
        PlanPath(weights, originNode, destinationNode, departureAfterWeights).Result;

    private (RouteQueryResult Result, Route? Best) PlanPath(WeightsSnapshot weights, int originNode, int destinationNode, TimeSpan departureAfterWeights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var (best, alternatives) = _planner.Plan(weights, originNode, destinationNode, Math.Max(0, departureAfterWeights.TotalMinutes));
        return best is null
            ? (Failed(RouteQueryOutcome.NoPath, weights), null)
            : (new RouteQueryResult(RouteQueryOutcome.Found, ToOption(best), alternatives.Select(ToOption).ToList(), weights.Version, FromCache: false), best);
    }

    // Only planned answers are recorded: a cache hit carries no edges (it was recorded when it was planned).
    private static RecommendedRoute Recommended(string cacheKey, RouteQuery query, WeightsSnapshot weights, Route best) => new(
        NameBasedGuid.Create(cacheKey).ToString("N"),
        new Coordinates(query.OriginLat, query.OriginLng),
        new Coordinates(query.DestinationLat, query.DestinationLng),
        [.. best.Edges.Select(edge => weights.Network.Graph.RoadOf(edge).RoadId).Distinct(StringComparer.Ordinal)]);

    private static RouteQueryResult Failed(RouteQueryOutcome outcome, WeightsSnapshot weights) => new(outcome, null, [], weights.Version, FromCache: false);

    private static RouteOption ToOption(Route route) => new(
        route.Waypoints.Select(w => new RoutePoint(w.Lat, w.Lng, w.RoadName)).ToList(),
        Math.Round(route.DistanceKm, 3),
        Math.Round(route.EtaMinutes, 2),
        route.CongestionSummary,
        new EtaRange(Math.Round(route.EtaLowMinutes, 2), Math.Round(route.EtaHighMinutes, 2)));
}
