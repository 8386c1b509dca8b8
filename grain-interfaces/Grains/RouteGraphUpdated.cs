using System.Text.Json.Serialization;

namespace TrafficOrleans.GrainInterfaces.Grains;

/// <summary>The value of a <c>route-updates</c> message: the routing graph's weights moved to a new version.</summary>
/// <param name="EventId">Unique id of this event.</param>
/// <param name="Timestamp">When the batch was applied (UTC).</param>
/// <param name="GraphVersion">The new version.</param>
/// <param name="RoadsUpdated">Roads whose speeds the batch changed.</param>
/// <param name="UpdateType">Always <see cref="PredictionsApplied"/> for now.</param>
[GenerateSerializer, Immutable]
public sealed record RouteGraphUpdated(
    [property: Id(0), JsonPropertyName("event_id")] Guid EventId,
    [property: Id(1), JsonPropertyName("timestamp")] DateTimeOffset Timestamp,
    [property: Id(2), JsonPropertyName("graph_version")] string GraphVersion,
    [property: Id(3), JsonPropertyName("roads_updated")] int RoadsUpdated,
    [property: Id(4), JsonPropertyName("update_type")] string UpdateType)
{
    /// <summary>Update type of a prediction batch.</summary>
    public const string PredictionsApplied = "predictions_applied";
}
