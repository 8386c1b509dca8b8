using System.Globalization;
using TrafficOrleans.GrainInterfaces.Grains;

namespace TrafficOrleans.Api.Routing;

/// <summary>Turns a request body into a <see cref="RouteQuery"/> or the validation errors of a 400.</summary>
public static class RouteRequestValidator
{
    /// <summary>Validates; returns null and fills <paramref name="errors"/> when the request is malformed.</summary>
    public static RouteQuery? Validate(RouteRecommendRequest? request, out Dictionary<string, string[]> errors)
    {
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is null)
        {
            errors["body"] = ["A JSON body with origin and destination is required."];
            return null;
        }

        var origin = Point(request.Origin, "origin", errors);
        var destination = Point(request.Destination, "destination", errors);
        DateTimeOffset? departure = null;
        var text = request.DepartureTime?.Trim();
        if (!string.IsNullOrEmpty(text) && !string.Equals(text, "now", StringComparison.OrdinalIgnoreCase))
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)) departure = parsed;
            else errors["departure_time"] = [$"'{text}' is neither \"now\" nor an ISO-8601 time."];
        }

        return errors.Count > 0 ? null : new RouteQuery(origin.Lat, origin.Lng, destination.Lat, destination.Lng, departure);
    }

    private static (double Lat, double Lng) Point(LatLng? point, string name, Dictionary<string, string[]> errors)
    {
        if (point?.Lat is not { } lat || point.Lng is not { } lng)
        {
            errors[name] = [$"{name} needs numeric lat and lng."];
            return default;
        }

        if (!double.IsFinite(lat) || lat is < -90 or > 90) errors[$"{name}.lat"] = ["lat must be between -90 and 90."];
        if (!double.IsFinite(lng) || lng is < -180 or > 180) errors[$"{name}.lng"] = ["lng must be between -180 and 180."];
        return (lat, lng);
    }
}
