namespace TrafficOrleans.GrainInterfaces.Grains;

/// <summary>What one applied prediction batch changed.</summary>
/// <param name="GraphVersion">The new graph version (<c>vYYYYMMDDHHMMSSfff</c>).</param>
/// <param name="RoadsUpdated">Predictions applied to a road of the graph.</param>
/// <param name="UnknownRoads">Predictions for road ids the graph does not have (skipped).</param>
/// <param name="Invalid">Predictions with a non-finite speed (skipped).</param>
[GenerateSerializer, Immutable]
public sealed record RoutingBatchApplied(
    [property: Id(0)] string GraphVersion,
    [property: Id(1)] int RoadsUpdated,
    [property: Id(2)] int UnknownRoads,
    [property: Id(3)] int Invalid);
