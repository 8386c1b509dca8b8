using Microsoft.Extensions.Options;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using TrafficOrleans.GrainInterfaces.Time;

namespace TrafficOrleans.Push.Alerts;

/// <summary>
/// Alerts a reconnecting client missed, from PostgreSQL <c>notifications</c> (every silo's alerts are there, so a
/// client that reconnects to another silo after a crash loses nothing). Bounded: at most
/// <see cref="PushOptions.AlertsSinceLimit"/> rows, no older than <see cref="PushOptions.AlertsSinceMaxAge"/>.
/// </summary>
public sealed class AlertHistory(NpgsqlDataSource dataSource, IOptions<PushOptions> options, [FromKeyedServices(TrafficClock.Key)] TimeProvider clock)
{
    private const string Sql = """
        SELECT event_id, "timestamp", alert_type, road_id, severity, message FROM notifications
        WHERE "timestamp" > $1 ORDER BY "timestamp", id LIMIT $2
        """;

    /// <summary>Alerts with a timestamp after <paramref name="since"/>, oldest first, as the table holds them.</summary>
    public async Task<IReadOnlyList<StoredAlert>> SinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var oldest = clock.GetUtcNow() - options.Value.AlertsSinceMaxAge;
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = (since < oldest ? oldest : since).UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = options.Value.AlertsSinceLimit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var alerts = new List<StoredAlert>();
        while (await reader.ReadAsync(cancellationToken))
        {
            alerts.Add(new StoredAlert(
                reader.GetGuid(0), new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
        }

        return alerts;
    }
}
