namespace TrafficOrleans.GrainInterfaces.Routes;

/// <summary>
/// The routes recommended in the last few minutes, shared by every silo: the routing side records each
/// recommendation, the alert rules look up which of them cross an alerted road.
/// </summary>
public interface IRecentRoutes
{
    /// <summary>Records <paramref name="route"/> as recommended now; a failure is swallowed (it only costs alert detail).</summary>
    Task RecordAsync(RecommendedRoute route);

    /// <summary>The routes recommended within the retention window, oldest first (empty when unavailable).</summary>
    Task<IReadOnlyList<RecommendedRoute>> RecentAsync(CancellationToken cancellationToken);
}
