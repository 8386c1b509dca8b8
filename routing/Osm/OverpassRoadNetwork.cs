using System.Text.Json;
using TrafficOrleans.Roads;

namespace TrafficOrleans.Routing.Osm;

/// <summary>
/// Turns an OpenStreetMap Overpass API JSON response (<c>[out:json]; way[highway]; (._;>;); out;</c>) into
/// road segments: drivable ways only, split at every node shared with another drivable way (the junctions),
/// one segment per allowed direction with the shape in travel order, speed from <c>maxspeed</c> or the class default.
/// </summary>
public static class OverpassRoadNetwork
{
    /// <summary>Reads a saved response file.</summary>
    public static IReadOnlyList<RoadSegment> Read(string path, string prefix = RoadIds.DefaultPrefix)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        return ToSegments(document.RootElement, prefix);
    }

    /// <summary>Parses a response held in memory.</summary>
    public static IReadOnlyList<RoadSegment> Parse(string json, string prefix = RoadIds.DefaultPrefix)
    {
        using var document = JsonDocument.Parse(json);
        return ToSegments(document.RootElement, prefix);
    }

    private static List<RoadSegment> ToSegments(JsonElement root, string prefix)
    {
        if (!root.TryGetProperty("elements", out var elements) || elements.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("Not an Overpass JSON response: no 'elements' array.");
        }

        var nodes = new Dictionary<long, GeoPoint>();
        var ways = new List<OsmWay>();
        foreach (var element in elements.EnumerateArray())
        {
            var type = element.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type == "node" && element.TryGetProperty("lat", out var lat) && element.TryGetProperty("lon", out var lon))
            {
                nodes[element.GetProperty("id").GetInt64()] = new GeoPoint(lat.GetDouble(), lon.GetDouble());
            }
            else if (type == "way" && OsmWay.From(element) is { } way)
            {
                ways.Add(way);
            }
        }

        // A node used by two drivable ways, or twice by one (a loop), is a junction: ways are split there.
        var uses = new Dictionary<long, int>();
        foreach (var way in ways)
        {
            foreach (var id in way.NodeIds) uses[id] = uses.GetValueOrDefault(id) + 1;
        }

        var segments = new List<RoadSegment>();
        foreach (var way in ways)
        {
            var piece = new List<GeoPoint>();
            for (var i = 0; i < way.NodeIds.Length; i++)
            {
                if (!nodes.TryGetValue(way.NodeIds[i], out var point))
                {
                    // A node missing from the response breaks the way: nothing is known about that stretch.
                    Emit(way, piece, prefix, segments);
                    piece.Clear();
                    continue;
                }

                piece.Add(point);
                if (i > 0 && i < way.NodeIds.Length - 1 && uses[way.NodeIds[i]] > 1)
                {
                    Emit(way, piece, prefix, segments);
                    piece.Clear();
                    piece.Add(point);
                }
            }

            Emit(way, piece, prefix, segments);
        }

        return segments;
    }

    private static void Emit(OsmWay way, List<GeoPoint> piece, string prefix, List<RoadSegment> segments)
    {
        if (piece.Count < 2) return;
        var length = 0.0;
        for (var i = 1; i < piece.Count; i++) length += piece[i - 1].DistanceMetersTo(piece[i]);
        if (way.Forward)
        {
            GeoPoint[] shape = [.. piece];
            segments.Add(new RoadSegment(RoadIds.FromShape(shape, prefix), way.Name, way.FunctionalClass, length, way.SpeedKmh, shape));
        }

        if (way.Backward)
        {
            GeoPoint[] shape = [.. Enumerable.Reverse(piece)];
            segments.Add(new RoadSegment(RoadIds.FromShape(shape, prefix), way.Name, way.FunctionalClass, length, way.SpeedKmh, shape));
        }
    }
}
