namespace TrafficOrleans.Roads.Synthetic;

/// <summary>
/// A generated road network placed at Hanoi's coordinates, for running offline without a saved HERE
/// response: a grid whose concentric squares at even distances from the centre are ring roads (class 1),
/// every few lines from the centre are arterials (class 2) and the rest are local streets (class 4).
/// Every street is two directed roads. Roads are plainly labelled "Synthetic …" and their ids carry
/// <see cref="RoadIdPrefix"/>, so they are never mistaken for real Hanoi roads.
/// </summary>
public static class SyntheticCity
{
    /// <summary>Prefix of the ids of generated roads.</summary>
    public const string RoadIdPrefix = "synthetic_rd_";

    private const double MetersPerDegreeLat = 111_320;

    /// <summary>Generates the network; the same options always give the same roads and ids.</summary>
    public static IReadOnlyList<RoadSegment> Generate(SyntheticCityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var n = options.GridSize;
        var center = (n - 1) / 2;
        var dLat = options.BlockMeters / MetersPerDegreeLat;
        var dLng = options.BlockMeters / (MetersPerDegreeLat * Math.Cos(options.CenterLat * Math.PI / 180));
        GeoPoint Node(int row, int col) =>
            new(Math.Round(options.CenterLat + (row - center) * dLat, 6), Math.Round(options.CenterLng + (col - center) * dLng, 6));

        var roads = new List<RoadSegment>(4 * n * (n - 1));
        for (var line = 0; line < n; line++)
        {
            for (var step = 0; step < n - 1; step++)
            {
                var (functionalClass, name) = Describe(line - center, step - center, options.ArterialEvery);
                AddBothDirections(roads, Node(line, step), Node(line, step + 1), functionalClass, name + " (E-W)");
                AddBothDirections(roads, Node(step, line), Node(step + 1, line), functionalClass, name + " (N-S)");
            }
        }

        return roads;
    }

    /// <summary>
    /// Class and name of the street on the grid line at <paramref name="offset"/> from the centre, between
    /// positions <paramref name="from"/> and from+1 along it (both relative to the centre).
    /// </summary>
    private static (int FunctionalClass, string Name) Describe(int offset, int from, int arterialEvery)
    {
        var ring = Math.Abs(offset);
        var onRingSide = Math.Max(Math.Abs(from), Math.Abs(from + 1)) <= ring;
        if (ring > 0 && ring % 2 == 0 && onRingSide) return (1, $"Synthetic Ring Road {ring / 2}");
        return ring % arterialEvery == 0
            ? (2, $"Synthetic Avenue {offset:+0;-0;0}")
            : (4, $"Synthetic Street {offset:+0;-0;0}");
    }

    private static void AddBothDirections(List<RoadSegment> roads, GeoPoint a, GeoPoint b, int functionalClass, string name)
    {
        var length = a.DistanceMetersTo(b);
        var freeFlow = RoadClasses.TypicalFreeFlowKmh(functionalClass);
        roads.Add(new RoadSegment(RoadIds.FromShape([a, b], RoadIdPrefix), name, functionalClass, length, freeFlow, [a, b]));
        roads.Add(new RoadSegment(RoadIds.FromShape([b, a], RoadIdPrefix), name, functionalClass, length, freeFlow, [b, a]));
    }
}
