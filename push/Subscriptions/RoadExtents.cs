using System.Collections.Frozen;
using TrafficOrleans.Routing;

namespace TrafficOrleans.Push.Subscriptions;

/// <summary>
/// Where each road is and how fast it flows freely, from the road graph the silo already loads for routing: the
/// bounding box of its shape (what area subscriptions are matched against) and its free-flow speed (for the
/// congestion level of <c>trafficUpdated</c>). Roads too short to be graph edges have no entry.
/// </summary>
public sealed class RoadExtents
{
    private readonly FrozenDictionary<string, (GeoBox Box, double FreeFlowKmh)> _roads;

    /// <summary>Indexes the network's roads.</summary>
    public RoadExtents(RoutingNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var graph = network.Graph;
        var roads = new Dictionary<string, (GeoBox, double)>(graph.RoadCount, StringComparer.Ordinal);
        for (var road = 0; road < graph.RoadCount; road++)
        {
            GeoBox? box = null;
            foreach (var edge in graph.EdgesOfRoad(road))
            {
                // The shape holds only the intermediate points; the end nodes complete the edge's geometry.
                box = Extend(box, graph.NodePoint(graph.EdgeAt(edge).From));
                box = Extend(box, graph.NodePoint(graph.HeadOf(edge)));
                foreach (var point in graph.ShapeOf(edge)) box = Extend(box, point);
            }

            if (box is { } extent) roads[graph.RoadIdOf(road)] = (extent, graph.RoadAt(road).FreeFlowSpeedKmh);
        }

        _roads = roads.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static GeoBox Extend(GeoBox? box, Roads.GeoPoint point) => box is { } b
        ? new GeoBox(Math.Min(b.South, point.Lat), Math.Min(b.West, point.Lng), Math.Max(b.North, point.Lat), Math.Max(b.East, point.Lng))
        : new GeoBox(point.Lat, point.Lng, point.Lat, point.Lng);

    /// <summary>The road's bounding box, or null when the map does not place it.</summary>
    public GeoBox? ExtentOf(string roadId) => _roads.TryGetValue(roadId, out var road) ? road.Box : null;

    /// <summary>The road's free-flow speed in km/h, or null when the map does not know it.</summary>
    public double? FreeFlowKmhOf(string roadId) => _roads.TryGetValue(roadId, out var road) ? road.FreeFlowKmh : null;
}
