using TrafficOrleans.GrainInterfaces.Routes;

namespace TrafficOrleans.Notifications.Rules;

/// <summary>No route is ever recent: the default for hosts without the Redis store (alerts list no affected routes).</summary>
public sealed class NoRecentRoutes : IRecentRoutes
{
    /// <summary>The shared instance.</summary>
    public static NoRecentRoutes Instance { get; } = new();

    /// <inheritdoc />
    public Task RecordAsync(RecommendedRoute route) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<IReadOnlyList<RecommendedRoute>> RecentAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<RecommendedRoute>>([]);
}
