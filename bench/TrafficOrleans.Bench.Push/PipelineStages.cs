using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace TrafficOrleans.Bench.Push;

/// <summary>
/// Where the time of one phase went, per alert, from the rows the pipeline wrote: <c>predictions.created_at</c> (the
/// road grain's store transaction, after the prediction was produced), the alert's outbox row <c>created_at</c> (the
/// notification rules' transaction) and <c>sent_at</c> (the relay round that claimed it), plus the push histograms
/// (<see cref="StageProbe"/>). PostgreSQL's <c>now()</c> is a transaction's start, so each stage ends where the
/// next transaction began; the bench and PostgreSQL share one machine clock.
/// </summary>
public sealed class PipelineStages(NpgsqlDataSource dataSource, ReadingFeed feed, StageProbe probe)
{
    private readonly DateTimeOffset _wallAnchor = DateTimeOffset.UtcNow;
    private readonly long _stopwatchAnchor = Stopwatch.GetTimestamp();
    private long _lastOutboxId;

    /// <summary>Skips the rows and samples written so far (the warm-up).</summary>
    public async Task StartAsync()
    {
        _lastOutboxId = await LastOutboxIdAsync();
        probe.Take("push.alert.bridge_lag");
        probe.Take("push.alert.queue_time");
        probe.Take("notifications.batch.wait");
        probe.Take("notifications.batch.store");
    }

    /// <summary>The stage table of the alerts raised since the last call (markdown rows: stage, p50, p99, samples).</summary>
    public async Task<IReadOnlyList<string>> TakeAsync(double[] endToEnd)
    {
        var predicted = new List<double>();
        var predictionRelayed = new List<double>();
        var ruled = new List<double>();
        var relayed = new List<double>();
        await using (var command = dataSource.CreateCommand("""
            SELECT o.id, j->>'road_id', (j->>'timestamp')::timestamptz, p.created_at, o.created_at, o.sent_at, po.sent_at
            FROM outbox o
            CROSS JOIN LATERAL (SELECT convert_from(o.payload, 'UTF8')::jsonb AS j) alert
            LEFT JOIN predictions p ON p.road_id = j->>'road_id' AND p."timestamp" = (j->>'timestamp')::timestamptz
            -- The prediction's own outbox row: written in the prediction's transaction, so with its created_at.
            LEFT JOIN LATERAL (
                SELECT sent_at FROM outbox
                WHERE id > $1 AND topic = 'traffic-predictions' AND message_key = p.road_id AND created_at = p.created_at
                LIMIT 1) po ON true
            WHERE o.topic = 'traffic-notifications' AND o.id > $1
            """))
        {
            command.Parameters.AddWithValue(_lastOutboxId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                _lastOutboxId = Math.Max(_lastOutboxId, reader.GetInt64(0));
                if (feed.ProducedAt(reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)) is not { } producedAt || reader.IsDBNull(3)) continue;
                var produced = _wallAnchor + Stopwatch.GetElapsedTime(_stopwatchAnchor, producedAt);
                var prediction = reader.GetFieldValue<DateTimeOffset>(3);
                var alertStored = reader.GetFieldValue<DateTimeOffset>(4);
                predicted.Add((prediction - produced).TotalMilliseconds);
                ruled.Add((alertStored - prediction).TotalMilliseconds);
                if (!reader.IsDBNull(6)) predictionRelayed.Add((reader.GetFieldValue<DateTimeOffset>(6) - prediction).TotalMilliseconds);
                if (!reader.IsDBNull(5)) relayed.Add((reader.GetFieldValue<DateTimeOffset>(5) - alertStored).TotalMilliseconds);
            }
        }

        return
        [
            Row("1. reading produced → prediction stored (traffic-raw consumer, RoadGrain forecast, prediction produced)", predicted),
            Row("2. prediction stored → alert stored (traffic-predictions consumer batch, rules, notification + outbox transaction)", ruled),
            Row("   2a. of which: prediction stored → its outbox row claimed by the relay (onto traffic-predictions)", predictionRelayed),
            Row("   2b. per rules batch: its oldest prediction's produce → the batch's store starts (fetch, window, earlier batches)", [.. probe.Take("notifications.batch.wait")]),
            Row("   2c. per rules batch: the store (rules, notification + outbox transaction)", [.. probe.Take("notifications.batch.store")]),
            Row("3. alert stored → claimed by the outbox relay", relayed),
            Row("4. relay's produce → push AlertBridge read (traffic-notifications)", [.. probe.Take("push.alert.bridge_lag")]),
            Row("5. queued for a connection → written to it (fan-out, queue, serialise, write)", [.. probe.Take("push.alert.queue_time")]),
            Row("end to end: reading produced → alert received by a client", [.. endToEnd]),
        ];
    }

    private async Task<long> LastOutboxIdAsync()
    {
        await using var command = dataSource.CreateCommand("SELECT coalesce(max(id), 0) FROM outbox");
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static string Row(string stage, List<double> values)
    {
        var sorted = values.Order().ToArray();
        return FormattableString.Invariant($"| {stage} | {LatencyRow.Percentile(sorted, 0.5):0} | {LatencyRow.Percentile(sorted, 0.99):0} | {sorted.Length:N0} |");
    }
}
