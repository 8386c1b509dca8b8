using System.Text.Json.Serialization;

namespace TrafficOrleans.Roads.Here;

/// <summary>The parts of a HERE Traffic API v7 <c>/flow</c> response (locationReferencing=shape) the product reads.</summary>
public sealed record HereFlowResponse(
    [property: JsonPropertyName("sourceUpdated")] DateTimeOffset? SourceUpdated,
    [property: JsonPropertyName("results")] IReadOnlyList<HereFlowResult>? Results);

/// <summary>One flow item: a location and its current flow.</summary>
public sealed record HereFlowResult(
    [property: JsonPropertyName("location")] HereLocation? Location,
    [property: JsonPropertyName("currentFlow")] HereCurrentFlow? CurrentFlow);

/// <summary>Where the flow item is: name, length (m) and shape.</summary>
public sealed record HereLocation(
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("length")] double? Length,
    [property: JsonPropertyName("shape")] HereShape? Shape);

/// <summary>Shape as a list of links.</summary>
public sealed record HereShape(
    [property: JsonPropertyName("links")] IReadOnlyList<HereLink>? Links);

/// <summary>One link: points, length (m) and HERE functional class (1 = major … 5 = local).</summary>
public sealed record HereLink(
    [property: JsonPropertyName("points")] IReadOnlyList<HerePoint>? Points,
    [property: JsonPropertyName("length")] double? Length,
    [property: JsonPropertyName("functionalClass")] int? FunctionalClass);

/// <summary>A shape point.</summary>
public sealed record HerePoint(
    [property: JsonPropertyName("lat")] double Lat,
    [property: JsonPropertyName("lng")] double Lng);

/// <summary>Current flow; speeds in metres per second, jam factor 0 (free) … 10 (closed).</summary>
public sealed record HereCurrentFlow(
    [property: JsonPropertyName("speed")] double? Speed,
    [property: JsonPropertyName("speedUncapped")] double? SpeedUncapped,
    [property: JsonPropertyName("freeFlow")] double? FreeFlow,
    [property: JsonPropertyName("jamFactor")] double? JamFactor,
    [property: JsonPropertyName("confidence")] double? Confidence,
    [property: JsonPropertyName("traversability")] string? Traversability);
