namespace TrafficOrleans.Roads;

/// <summary>
/// One road of the map as a map or an API shows it: its facts, its polylines (a road id may cover several segments,
/// each its own line) and the box around them.
/// </summary>
/// <param name="RoadId">The road's id (what readings, predictions and alerts name).</param>
/// <param name="RoadName">The road's name.</param>
/// <param name="FunctionalClass">HERE functional class, 1 (major) to 5 (local).</param>
/// <param name="LengthMeters">Length of all its segments together.</param>
/// <param name="FreeFlowSpeedKmh">Uncongested speed.</param>
/// <param name="Lines">One polyline per segment, from where a vehicle enters to where it leaves.</param>
/// <param name="Box">The bounding box of every line.</param>
public sealed record AtlasRoad(
    string RoadId,
    string RoadName,
    int FunctionalClass,
    double LengthMeters,
    double FreeFlowSpeedKmh,
    IReadOnlyList<IReadOnlyList<GeoPoint>> Lines,
    GeoBox Box);
