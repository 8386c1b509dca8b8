namespace TrafficOrleans.Routing.Weights;

/// <summary>The outcome of applying a batch of forecasts.</summary>
/// <param name="Snapshot">The new snapshot (the old one is untouched and still usable).</param>
/// <param name="RoadsUpdated">Forecasts applied (one per road id of the graph).</param>
/// <param name="UnknownRoads">Forecasts skipped because the graph has no such road id.</param>
/// <param name="Invalid">Forecasts skipped because a speed was NaN or infinite.</param>
public sealed record WeightsUpdate(WeightsSnapshot Snapshot, int RoadsUpdated, int UnknownRoads, int Invalid);
