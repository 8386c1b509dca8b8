using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using TrafficOrleans.GrainInterfaces.Time;
using TrafficOrleans.Storage.Postgres.Notifications;

namespace TrafficOrleans.Push.Alerts;

/// <summary>
/// Alerts a reconnecting client missed, from PostgreSQL <c>notifications</c> (every silo's alerts are there, so a
/// client that reconnects to another silo after a crash loses nothing), as the same documents the live
/// <c>alert</c> event carries. Bounded: at most <see cref="PushOptions.AlertsSinceLimit"/> rows, no older than
/// <see cref="PushOptions.AlertsSinceMaxAge"/>.
/// </summary>
public sealed class AlertHistory(NotificationHistory history, IOptions<PushOptions> options, [FromKeyedServices(TrafficClock.Key)] TimeProvider clock)
{
    /// <summary>Alerts with a timestamp after <paramref name="since"/>, oldest first, with the road each names.</summary>
    public async Task<IReadOnlyList<(string RoadId, IReadOnlyDictionary<string, object?> Alert)>> SinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var oldest = clock.GetUtcNow() - options.Value.AlertsSinceMaxAge;
        var rows = await history.SinceAsync(since < oldest ? oldest : since, options.Value.AlertsSinceLimit, cancellationToken);
        return [.. rows.Select(row =>
        {
            using var document = JsonDocument.Parse(row.Json);
            return (row.RoadId, (IReadOnlyDictionary<string, object?>)JsonTree.ToDictionary(document.RootElement));
        })];
    }
}
