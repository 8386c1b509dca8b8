using TrafficOrleans.Roads;
using TrafficOrleans.Routing.Graph;

namespace TrafficOrleans.Routing.Spatial;

/// <summary>
/// Snaps a lat/lng to the nearest node or edge of a <see cref="RoadGraph"/> through two uniform grids over
/// projected metres. A query touches a few cells, so it takes microseconds and allocates nothing.
/// Only nodes (and edges between nodes) of the given mask are indexed, typically the routable component.
/// </summary>
public sealed class SpatialIndex
{
    private readonly RoadGraph _graph;
    private readonly LocalProjection _projection;
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly UniformGrid _nodes;
    private readonly UniformGrid _edges;

    /// <summary>Indexes the nodes where <paramref name="nodeMask"/> is true (all nodes when null).</summary>
    public SpatialIndex(RoadGraph graph, bool[]? nodeMask = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _graph = graph;
        var n = graph.NodeCount;
        _projection = n == 0 ? LocalProjection.Around(0, 0) : LocalProjection.Around(graph.NodeLat.Average(), graph.NodeLng.Average());
        _x = new double[n];
        _y = new double[n];
        for (var v = 0; v < n; v++)
        {
            _x[v] = _projection.X(graph.NodeLng[v]);
            _y[v] = _projection.Y(graph.NodeLat[v]);
        }

        bool Indexed(int v) => nodeMask is null || nodeMask[v];
        var cellSize = ChooseCellSize(Enumerable.Range(0, n).Where(Indexed).ToArray());
        _nodes = UniformGrid.Build(n, v => Indexed(v) ? (_x[v], _y[v], _x[v], _y[v]) : null, cellSize);
        _edges = UniformGrid.Build(
            graph.EdgeCount,
            e => Indexed(graph.Edges[e].From) && Indexed(graph.Heads[e]) ? EdgeBox(e) : null,
            cellSize);
    }

    /// <summary>The nearest indexed node within <paramref name="maxMeters"/>, or null.</summary>
    public NodeSnap? NearestNode(GeoPoint point, double maxMeters)
    {
        var state = new NodeSearch(this, _projection.X(point.Lng), _projection.Y(point.Lat));
        Search(_nodes, ref state, maxMeters, static (int v, ref NodeSearch s) => s.Offer(v));
        return state.Best < 0 ? null : new NodeSnap(state.Best, point.DistanceMetersTo(_graph.NodePoint(state.Best)));
    }

    /// <summary>The nearest point on an indexed edge within <paramref name="maxMeters"/>, or null.</summary>
    public EdgeSnap? NearestEdge(GeoPoint point, double maxMeters)
    {
        var state = new EdgeSearch(this, _projection.X(point.Lng), _projection.Y(point.Lat));
        Search(_edges, ref state, maxMeters, static (int e, ref EdgeSearch s) => s.Offer(e));
        if (state.Best < 0) return null;
        var onEdge = _projection.Unproject(state.BestX, state.BestY);
        return new EdgeSnap(state.Best, onEdge, point.DistanceMetersTo(onEdge), state.BestFraction);
    }

    private double ChooseCellSize(int[] nodes)
    {
        if (nodes.Length <= 1) return 1000;
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var v in nodes)
        {
            minX = Math.Min(minX, _x[v]);
            maxX = Math.Max(maxX, _x[v]);
            minY = Math.Min(minY, _y[v]);
            maxY = Math.Max(maxY, _y[v]);
        }

        // About two nodes per cell; clamped so degenerate inputs (all on a line) still give a sane grid.
        var area = Math.Max(maxX - minX, 1) * Math.Max(maxY - minY, 1);
        return Math.Clamp(Math.Sqrt(2 * area / nodes.Length), 20, 2000);
    }

    private static void Search<TState>(UniformGrid grid, ref TState state, double maxMeters, RingVisitor<TState> visit)
        where TState : struct, IRingSearch
    {
        var column = grid.Column(state.QueryX);
        var row = grid.Row(state.QueryY);
        var maxRing = Math.Min(grid.MaxRing(column, row), (int)Math.Ceiling(maxMeters / grid.CellSize) + 1);
        for (var ring = grid.MinRing(column, row); ring <= maxRing; ring++)
        {
            grid.VisitRing(column, row, ring, ref state, visit);
            // Anything in ring r + 1 is at least r cells away from the query point.
            if (state.BestDistance <= ring * grid.CellSize) break;
        }

        state.Limit(maxMeters);
    }

    private (double, double, double, double) EdgeBox(int e)
    {
        var from = _graph.Edges[e].From;
        var to = _graph.Heads[e];
        double minX = Math.Min(_x[from], _x[to]), maxX = Math.Max(_x[from], _x[to]);
        double minY = Math.Min(_y[from], _y[to]), maxY = Math.Max(_y[from], _y[to]);
        foreach (var p in _graph.ShapeOf(e))
        {
            var x = _projection.X(p.Lng);
            var y = _projection.Y(p.Lat);
            minX = Math.Min(minX, x);
            maxX = Math.Max(maxX, x);
            minY = Math.Min(minY, y);
            maxY = Math.Max(maxY, y);
        }

        return (minX, minY, maxX, maxY);
    }

    private interface IRingSearch
    {
        double QueryX { get; }

        double QueryY { get; }

        double BestDistance { get; }

        void Limit(double maxMeters);
    }

    private struct NodeSearch(SpatialIndex index, double x, double y) : IRingSearch
    {
        public int Best = -1;

        public double BestDistance { get; private set; } = double.MaxValue;

        public readonly double QueryX => x;

        public readonly double QueryY => y;

        public void Offer(int v)
        {
            var d = Math.Sqrt(Square(index._x[v] - x) + Square(index._y[v] - y));
            if (d < BestDistance || (d == BestDistance && v < Best))
            {
                BestDistance = d;
                Best = v;
            }
        }

        public void Limit(double maxMeters)
        {
            if (BestDistance > maxMeters) Best = -1;
        }
    }

    private struct EdgeSearch(SpatialIndex index, double x, double y) : IRingSearch
    {
        public int Best = -1;
        public double BestX;
        public double BestY;
        public double BestFraction;

        public double BestDistance { get; private set; } = double.MaxValue;

        public readonly double QueryX => x;

        public readonly double QueryY => y;

        public void Offer(int e)
        {
            var graph = index._graph;
            var projection = index._projection;
            var shape = graph.ShapeOf(e);
            var from = graph.Edges[e].From;
            var to = graph.Heads[e];
            double ax = index._x[from], ay = index._y[from];
            var total = 0.0;
            var bestAlong = 0.0;
            var improved = false;
            for (var i = 0; i <= shape.Length; i++)
            {
                var bx = i < shape.Length ? projection.X(shape[i].Lng) : index._x[to];
                var by = i < shape.Length ? projection.Y(shape[i].Lat) : index._y[to];
                var dx = bx - ax;
                var dy = by - ay;
                var lengthSquared = (dx * dx) + (dy * dy);
                var t = lengthSquared == 0 ? 0 : Math.Clamp((((x - ax) * dx) + ((y - ay) * dy)) / lengthSquared, 0, 1);
                var px = ax + (t * dx);
                var py = ay + (t * dy);
                var d = Math.Sqrt(Square(px - x) + Square(py - y));
                var piece = Math.Sqrt(lengthSquared);
                if (d < BestDistance)
                {
                    BestDistance = d;
                    Best = e;
                    BestX = px;
                    BestY = py;
                    bestAlong = total + (t * piece);
                    improved = true;
                }

                total += piece;
                ax = bx;
                ay = by;
            }

            if (improved) BestFraction = total > 0 ? bestAlong / total : 0;
        }

        public void Limit(double maxMeters)
        {
            if (BestDistance > maxMeters) Best = -1;
        }
    }

    private static double Square(double v) => v * v;
}
