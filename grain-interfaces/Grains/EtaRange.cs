using System.Text.Json.Serialization;

namespace TrafficOrleans.GrainInterfaces.Grains;

/// <summary>
/// The range a route's travel time (minutes) is expected in: at the high and at the low ends of its roads' 10–90 %
/// predicted speed ranges. Roads whose prediction has no range count at their predicted speed, so a route over such
/// roads only has <see cref="Low"/> = <see cref="High"/> = its ETA.
/// </summary>
/// <param name="Low">Travel time at the fast end.</param>
/// <param name="High">Travel time at the slow end.</param>
[GenerateSerializer, Immutable]
public sealed record EtaRange(
    [property: Id(0), JsonPropertyName("low")] double Low,
    [property: Id(1), JsonPropertyName("high")] double High)
{
    /// <summary>What the range means, for API documentation (OpenAPI schema and endpoint description).</summary>
    public const string Meaning =
        "Minutes the route is expected to take given the predictions' 10-90 % speed ranges: low at the fast end, high at "
        + "the slow end of each road's range, at the horizon the route reaches it. Roads whose prediction has no range "
        + "count at their predicted speed, so without ranges low = high = eta_minutes.";
}
