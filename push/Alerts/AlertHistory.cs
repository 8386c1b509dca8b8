using System.Text.Json;
using Microsoft.Extensions.Options;
using TrafficOrleans.Storage.Postgres.Notifications;

namespace TrafficOrleans.Push.Alerts;

/// <summary>
/// Alerts a reconnecting client missed, from PostgreSQL <c>notifications</c> (every silo's alerts are there, so a
/// client that reconnects to another silo after a crash loses nothing), as the same documents the live
/// <c>alert</c> event carries. Bounded: at most <see cref="PushOptions.AlertsSinceLimit"/> rows, no older than
/// <see cref="PushOptions.AlertsSinceMaxAge"/>.
/// </summary>
/// <remarks>
/// The reach is wall-clock time since the alert was stored, not its traffic-clock timestamp: a demo simulator runs the
/// traffic clock hundreds of times faster, and a reach of 2 traffic hours was seconds for a client reconnecting after a
/// silo stopped (the chaos run's rolling restart lost alerts that way).
/// </remarks>
public sealed class AlertHistory(NotificationHistory history, IOptions<PushOptions> options)
{
    /// <summary>
    /// Alerts with a timestamp after <paramref name="since"/> on the roads <paramref name="covers"/> accepts, oldest
    /// first: at least <see cref="PushOptions.AlertsSinceLimit"/> of them unless fewer are stored, ending with a whole
    /// timestamp — so a caller who asks again after the last timestamp received, while a page is not short, misses none.
    /// Stored pages are read until enough alerts pass the filter (a client subscribed to a small area).
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> SinceAsync(DateTimeOffset since, Func<string, bool> covers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(covers);
        var limit = options.Value.AlertsSinceLimit;
        var reach = options.Value.AlertsSinceMaxAge;
        var cursor = since;
        var alerts = new List<IReadOnlyDictionary<string, object?>>();
        while (true)
        {
            var rows = await history.SinceAsync(cursor, limit, reach, cancellationToken);
            foreach (var row in rows.Where(row => covers(row.RoadId)))
            {
                using var document = JsonDocument.Parse(row.Json);
                alerts.Add(JsonTree.ToDictionary(document.RootElement));
            }

            if (rows.Count < limit || alerts.Count >= limit) return alerts;
            cursor = rows[^1].Timestamp;
        }
    }
}
