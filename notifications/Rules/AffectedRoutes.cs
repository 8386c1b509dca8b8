using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Routes;

namespace TrafficOrleans.Notifications.Rules;

/// <summary>Fills each alert's <c>affected_routes</c> with the recent recommendations whose path crosses its road.</summary>
public static class AffectedRoutes
{
    /// <summary><paramref name="alerts"/> with their affected routes (newest recommendation first).</summary>
    public static IReadOnlyList<TrafficNotification> Attach(IReadOnlyList<TrafficNotification> alerts, IReadOnlyList<RecommendedRoute> recent)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(recent);
        if (recent.Count == 0 || alerts.Count == 0) return alerts;
        var byRoad = new Dictionary<string, List<AffectedRoute>>(StringComparer.Ordinal);
        for (var i = recent.Count - 1; i >= 0; i--)
        {
            var route = recent[i];
            foreach (var roadId in route.RoadIds.Distinct(StringComparer.Ordinal))
            {
                if (!byRoad.TryGetValue(roadId, out var routes)) byRoad[roadId] = routes = [];
                routes.Add(new AffectedRoute(route.Origin, route.Destination, route.RouteId));
            }
        }

        return [.. alerts.Select(a => byRoad.TryGetValue(a.RoadId, out var routes) ? a with { AffectedRoutes = routes } : a)];
    }
}
