using TrafficOrleans.Roads;

namespace TrafficOrleans.Routing.Graph;

/// <summary>
/// Builds a <see cref="RoadGraph"/> from road segments of any source (HERE, OpenStreetMap, synthetic).
/// Points of different segments within <c>snapToleranceMeters</c> of each other are one junction; a segment
/// becomes one directed edge per stretch between junctions it passes through (its ends are always junctions).
/// </summary>
public static class RoadGraphBuilder
{
    /// <summary>Default junction tolerance: HERE shapes are rounded to 1e-5° (≈ 1.1 m), so ends meet within that.</summary>
    public const double DefaultSnapToleranceMeters = 1.5;

    /// <summary>Builds the graph. Segments with the same road id become one road with all their edges.</summary>
    public static RoadGraph Build(IReadOnlyList<RoadSegment> segments, double snapToleranceMeters = DefaultSnapToleranceMeters)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var clusterOf = ClusterShapePoints(segments, snapToleranceMeters, out var clusterer);
        var nodeOfCluster = ChooseJunctions(segments, clusterOf, clusterer.Count);

        var nodeCount = 0;
        for (var c = 0; c < nodeOfCluster.Length; c++)
        {
            if (nodeOfCluster[c] >= 0) nodeOfCluster[c] = nodeCount++;
        }

        var nodeLat = new double[nodeCount];
        var nodeLng = new double[nodeCount];
        for (var c = 0; c < nodeOfCluster.Length; c++)
        {
            if (nodeOfCluster[c] < 0) continue;
            var p = clusterer.Representative(c);
            nodeLat[nodeOfCluster[c]] = p.Lat;
            nodeLng[nodeOfCluster[c]] = p.Lng;
        }

        var pieces = SplitIntoEdges(segments, clusterOf, nodeOfCluster, clusterer, out var roads);
        return Assemble(nodeLat, nodeLng, pieces, roads);
    }

    private static int[][] ClusterShapePoints(IReadOnlyList<RoadSegment> segments, double tolerance, out PointClusterer clusterer)
    {
        var maxAbsLat = 0.0;
        foreach (var segment in segments)
        {
            foreach (var p in segment.Shape) maxAbsLat = Math.Max(maxAbsLat, Math.Abs(p.Lat));
        }

        clusterer = new PointClusterer(tolerance, maxAbsLat);
        var clusterOf = new int[segments.Count][];
        for (var s = 0; s < segments.Count; s++)
        {
            var shape = segments[s].Shape;
            var ids = new int[shape.Count];
            for (var i = 0; i < shape.Count; i++) ids[i] = clusterer.GetOrAdd(shape[i]);
            clusterOf[s] = ids;
        }

        return clusterOf;
    }

    /// <summary>A cluster is a junction when a segment ends there or more than one segment passes through it.</summary>
    private static int[] ChooseJunctions(IReadOnlyList<RoadSegment> segments, int[][] clusterOf, int clusterCount)
    {
        var lastSegment = new int[clusterCount];
        var touching = new int[clusterCount];
        var isNode = new int[clusterCount];
        Array.Fill(lastSegment, -1);
        Array.Fill(isNode, -1);
        for (var s = 0; s < segments.Count; s++)
        {
            var ids = clusterOf[s];
            if (ids.Length == 0) continue;
            isNode[ids[0]] = 0;
            isNode[ids[^1]] = 0;
            foreach (var c in ids)
            {
                if (lastSegment[c] == s) continue;
                lastSegment[c] = s;
                if (++touching[c] >= 2) isNode[c] = 0;
            }
        }

        return isNode;
    }

    private static List<EdgePiece> SplitIntoEdges(
        IReadOnlyList<RoadSegment> segments,
        int[][] clusterOf,
        int[] nodeOfCluster,
        PointClusterer clusterer,
        out List<RoadInfo> roads)
    {
        roads = [];
        var roadIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var pieces = new List<EdgePiece>();
        for (var s = 0; s < segments.Count; s++)
        {
            var segment = segments[s];
            var ids = clusterOf[s];
            if (ids.Length < 2) continue;
            if (!roadIndex.TryGetValue(segment.RoadId, out var road))
            {
                road = roads.Count;
                roadIndex[segment.RoadId] = road;
                var freeFlow = segment.FreeFlowSpeedKmh > 0 ? (float)segment.FreeFlowSpeedKmh : RoadClassDefaults.FreeFlowKmh(segment.FunctionalClass);
                roads.Add(new RoadInfo(segment.RoadId, segment.RoadName, segment.FunctionalClass, freeFlow));
            }

            var geometric = 0.0;
            for (var i = 1; i < ids.Length; i++) geometric += clusterer.Representative(ids[i - 1]).DistanceMetersTo(clusterer.Representative(ids[i]));

            // Edges share the source's stated length in proportion to their geometry, so a road's edges add up to it.
            var scale = segment.LengthMeters > 0 && geometric > 0 ? segment.LengthMeters / geometric : 1.0;
            var start = 0;
            var length = 0.0;
            var shape = new List<GeoPoint>();
            for (var i = 1; i < ids.Length; i++)
            {
                var previous = clusterer.Representative(ids[i - 1]);
                var current = clusterer.Representative(ids[i]);
                length += previous.DistanceMetersTo(current);
                if (nodeOfCluster[ids[i]] < 0)
                {
                    if (ids[i] != ids[i - 1]) shape.Add(current);
                    continue;
                }

                var from = nodeOfCluster[ids[start]];
                var to = nodeOfCluster[ids[i]];
                // A stretch that starts and ends at the same junction never shortens a route.
                if (from != to) pieces.Add(new EdgePiece(from, to, road, (float)Math.Max(length * scale, 0.01), [.. shape]));
                start = i;
                length = 0;
                shape.Clear();
            }
        }

        return pieces;
    }

    private static RoadGraph Assemble(double[] nodeLat, double[] nodeLng, List<EdgePiece> pieces, List<RoadInfo> roads)
    {
        var nodeCount = nodeLat.Length;
        var firstOut = new int[nodeCount + 1];
        foreach (var piece in pieces) firstOut[piece.From + 1]++;
        for (var v = 0; v < nodeCount; v++) firstOut[v + 1] += firstOut[v];

        var next = firstOut[..^1];
        var heads = new int[pieces.Count];
        var edges = new GraphEdge[pieces.Count];
        var shapePoints = new List<GeoPoint>();
        var edgeOfPiece = new int[pieces.Count];
        for (var p = 0; p < pieces.Count; p++)
        {
            var piece = pieces[p];
            var e = next[piece.From]++;
            edgeOfPiece[p] = e;
            heads[e] = piece.To;
            edges[e] = new GraphEdge(piece.From, piece.Road, piece.LengthMeters, shapePoints.Count, piece.Shape.Length);
            shapePoints.AddRange(piece.Shape);
        }

        // Pieces were produced road by road in travel order, so a stable bucket by road keeps that order.
        var roadEdgeStart = new int[roads.Count + 1];
        foreach (var piece in pieces) roadEdgeStart[piece.Road + 1]++;
        for (var r = 0; r < roads.Count; r++) roadEdgeStart[r + 1] += roadEdgeStart[r];
        var roadNext = roadEdgeStart[..^1];
        var roadEdges = new int[pieces.Count];
        for (var p = 0; p < pieces.Count; p++) roadEdges[roadNext[pieces[p].Road]++] = edgeOfPiece[p];

        return new RoadGraph(nodeLat, nodeLng, firstOut, heads, edges, [.. shapePoints], [.. roads], roadEdgeStart, roadEdges);
    }

    private sealed record EdgePiece(int From, int To, int Road, float LengthMeters, GeoPoint[] Shape);
}
