using TrafficOrleans.Routing.Search;
using TrafficOrleans.Routing.Weights;

namespace TrafficOrleans.Routing.Routes;

/// <summary>Turns a found path (edges plus the search's labels, for the real elapsed time at each node) into a <see cref="Route"/>.</summary>
internal static class RouteBuilder
{
    /// <summary>
    /// The route of <paramref name="path"/>. Its ETA range keeps the forecast bucket each edge was entered in on the
    /// ETA's own timeline and adds, per edge, the difference between its time at the range end and its time on the
    /// point forecast: a road without a range adds exactly zero, so a route without ranges has low = high = ETA.
    /// </summary>
    public static Route Build(WeightsSnapshot weights, List<int> path, NodeLabel[] labels, double departureMinutes)
    {
        var graph = weights.Graph;
        var network = weights.Network;
        var waypoints = new List<RouteWaypoint>(path.Count * 2);
        var stretches = new List<CongestionStretch>();
        double meters = 0, seconds = 0, freeFlowSeconds = 0, fasterBy = 0, slowerBy = 0;
        double stretchMeters = 0, stretchSeconds = 0, stretchFree = 0;
        string? stretchName = null;

        for (var i = 0; i < path.Count; i++)
        {
            var e = path[i];
            var edge = graph.Edges[e];
            var name = graph.Roads[edge.Road].RoadName;
            var edgeSeconds = labels[graph.Heads[e]].Time - labels[edge.From].Time;
            var bucket = ForecastBuckets.BucketOf(departureMinutes + (labels[edge.From].Time / 60));
            var pointSeconds = weights.EdgeTravelSeconds(e, bucket);
            var (fastSeconds, slowSeconds) = weights.EdgeTravelSecondsRange(e, bucket);
            fasterBy += pointSeconds - fastSeconds;
            slowerBy += slowSeconds - pointSeconds;
            if (name != stretchName)
            {
                if (stretchName is not null) stretches.Add(Stretch(stretchName, stretchMeters, stretchSeconds, stretchFree));
                stretchName = name;
                stretchMeters = stretchSeconds = stretchFree = 0;
            }

            stretchMeters += edge.LengthMeters;
            stretchSeconds += edgeSeconds;
            stretchFree += network.FreeFlowSeconds[e];
            meters += edge.LengthMeters;
            seconds += edgeSeconds;
            freeFlowSeconds += network.FreeFlowSeconds[e];

            Add(waypoints, graph.NodeLat[edge.From], graph.NodeLng[edge.From], name);
            foreach (var p in graph.ShapeOf(e)) Add(waypoints, p.Lat, p.Lng, name);
            if (i == path.Count - 1) Add(waypoints, graph.NodeLat[graph.Heads[e]], graph.NodeLng[graph.Heads[e]], name);
        }

        if (stretchName is not null) stretches.Add(Stretch(stretchName, stretchMeters, stretchSeconds, stretchFree));
        var worst = stretches.Count == 0 ? null : stretches.MaxBy(s => s.DelayMinutes);
        return new Route(
            [.. path], waypoints, meters / 1000, seconds / 60, (seconds - fasterBy) / 60, (seconds + slowerBy) / 60, freeFlowSeconds / 60, worst, CongestionSummaries.Describe(worst));
    }

    private static CongestionStretch Stretch(string name, double meters, double seconds, double freeFlowSeconds) =>
        new(name, meters / 1000, seconds / 60, freeFlowSeconds / 60);

    private static void Add(List<RouteWaypoint> waypoints, double lat, double lng, string name)
    {
        if (waypoints.Count > 0 && waypoints[^1].Lat == lat && waypoints[^1].Lng == lng) return;
        waypoints.Add(new RouteWaypoint(lat, lng, name));
    }
}
