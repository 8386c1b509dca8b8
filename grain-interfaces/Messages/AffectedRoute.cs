using System.Text.Json.Serialization;

namespace TrafficOrleans.GrainInterfaces.Messages;

/// <summary>A route recommended in the last few minutes whose path crosses an alerted road.</summary>
/// <param name="Origin">Where the route starts.</param>
/// <param name="Destination">Where it ends.</param>
/// <param name="RouteId">Stable id of the recommendation (same query, same path, same id).</param>
[GenerateSerializer, Immutable]
public sealed record AffectedRoute(
    [property: Id(0), JsonPropertyName("origin")] Coordinates Origin,
    [property: Id(1), JsonPropertyName("destination")] Coordinates Destination,
    [property: Id(2), JsonPropertyName("route_id")] string RouteId);
