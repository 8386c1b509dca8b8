using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Roads;

namespace TrafficOrleans.Ingest;

/// <summary>The representative point of a road on the wire (<c>coordinates</c>).</summary>
public static class RoadPoints
{
    /// <summary>The point halfway along the road's shape, rounded to 1e-6°.</summary>
    public static Coordinates Midpoint(RoadSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var shape = segment.Shape;
        var total = 0.0;
        for (var i = 1; i < shape.Count; i++) total += shape[i - 1].DistanceMetersTo(shape[i]);

        var remaining = total / 2;
        for (var i = 1; i < shape.Count; i++)
        {
            var step = shape[i - 1].DistanceMetersTo(shape[i]);
            if (step >= remaining && step > 0)
            {
                var f = remaining / step;
                return Round(shape[i - 1].Lat + f * (shape[i].Lat - shape[i - 1].Lat), shape[i - 1].Lng + f * (shape[i].Lng - shape[i - 1].Lng));
            }

            remaining -= step;
        }

        return Round(shape[0].Lat, shape[0].Lng);
    }

    private static Coordinates Round(double lat, double lng) => new(Math.Round(lat, 6), Math.Round(lng, 6));
}
