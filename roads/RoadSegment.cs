namespace TrafficOrleans.Roads;

/// <summary>
/// One directed road of the map, identified by a stable <see cref="RoadId"/> that every component
/// (ingestion, grains, routing) agrees on. Traffic is observed and predicted per road segment.
/// </summary>
/// <param name="RoadId">Stable id, e.g. <c>hanoi_rd_3f9a1c0b2d</c>; the same geometry always gives the same id.</param>
/// <param name="RoadName">Human name (HERE <c>location.description</c>, OSM <c>name</c>).</param>
/// <param name="FunctionalClass">HERE functional class 1 (motorway/arterial) … 5 (local street).</param>
/// <param name="LengthMeters">Length along the shape.</param>
/// <param name="FreeFlowSpeedKmh">Uncongested speed in km/h.</param>
/// <param name="Shape">Polyline in the direction of travel (at least two points).</param>
public sealed record RoadSegment(
    string RoadId,
    string RoadName,
    int FunctionalClass,
    double LengthMeters,
    double FreeFlowSpeedKmh,
    IReadOnlyList<GeoPoint> Shape)
{
    /// <summary>Where a vehicle enters the segment.</summary>
    public GeoPoint Start => Shape[0];

    /// <summary>Where a vehicle leaves the segment.</summary>
    public GeoPoint End => Shape[^1];
}
