namespace TrafficOrleans.Api.Routing;

/// <summary>Body of <c>POST /route/recommend</c>.</summary>
/// <param name="Origin">Where to start.</param>
/// <param name="Destination">Where to go.</param>
/// <param name="DepartureTime"><c>now</c> (default) or an ISO-8601 time; without an offset it is read as UTC.</param>
public sealed record RouteRecommendRequest(LatLng? Origin, LatLng? Destination, string? DepartureTime);
