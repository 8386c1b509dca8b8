using TrafficOrleans.Roads;

namespace TrafficOrleans.Routing.Synthetic;

/// <summary>
/// A city-like grid of two-way streets for tests and benchmarks of the routing library: every
/// <c>arterialEvery</c>-th row and column is a fast arterial, the rest are slow local streets with random
/// free-flow speeds, and a few local blocks are one-way or missing so the graph is not a perfect lattice.
/// Deterministic for a seed.
/// </summary>
public static class GridGraphGenerator
{
    /// <summary>Generates <paramref name="rows"/> × <paramref name="columns"/> junctions spaced <paramref name="spacingMeters"/> apart around Hanoi.</summary>
    public static IReadOnlyList<RoadSegment> Generate(int rows, int columns, int seed, double spacingMeters = 120, int arterialEvery = 10)
    {
        var random = new Random(seed);
        const double lat0 = 20.95, lng0 = 105.75;
        var dLat = spacingMeters / 111_320;
        var dLng = spacingMeters / (111_320 * Math.Cos(lat0 * Math.PI / 180));
        GeoPoint At(int r, int c) => new(lat0 + (r * dLat), lng0 + (c * dLng));

        var segments = new List<RoadSegment>(rows * columns * 4);
        void Street(GeoPoint a, GeoPoint b, bool arterial, string name)
        {
            // Arterials stay two-way; 3 % of local blocks are missing and 10 % one-way.
            var roll = random.NextDouble();
            if (!arterial && roll < 0.03) return;
            var oneWay = !arterial && roll < 0.13;
            var speed = arterial ? 45 + (random.NextDouble() * 15) : 15 + (random.NextDouble() * 20);
            var fc = arterial ? 2 : 5;
            var length = a.DistanceMetersTo(b);
            GeoPoint[] forward = [a, b];
            segments.Add(new RoadSegment(RoadIds.FromShape(forward, "grid_"), name, fc, length, speed, forward));
            if (oneWay) return;
            GeoPoint[] backward = [b, a];
            segments.Add(new RoadSegment(RoadIds.FromShape(backward, "grid_"), name, fc, length, speed, backward));
        }

        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (c + 1 < columns) Street(At(r, c), At(r, c + 1), r % arterialEvery == 0, $"Row {r}");
                if (r + 1 < rows) Street(At(r, c), At(r + 1, c), c % arterialEvery == 0, $"Column {c}");
            }
        }

        return segments;
    }
}
