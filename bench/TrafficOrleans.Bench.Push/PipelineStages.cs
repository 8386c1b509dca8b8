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

    /// <summary>
    /// The stage table of the alerts raised since the last call (markdown rows: stage, p50, p99, samples) and the
    /// phase's outbox rows per second (<see cref="ThroughputAsync"/>).
    /// </summary>
    public async Task<(IReadOnlyList<string> Stages, IReadOnlyList<string> PerSecond)> TakeAsync(double[] endToEnd)
    {
        var since = _lastOutboxId;
        var predicted = new List<double>();
        var predictionRelayed = new List<double>();
        var ruled = new List<double>();
        var relayed = new List<double>();
        // Reading → alert stored, by when the reading was produced: a queue that keeps growing through the phase means
        // the pipeline is short of capacity; a high start that levels off, a warm-up.
        var storedByProduced = new List<(DateTimeOffset Produced, double Milliseconds)>();
        await using (var command = dataSource.CreateCommand("""
            WITH alert AS (
                SELECT o.id, j->>'road_id' AS road_id, (j->>'timestamp')::timestamptz AS ts, o.created_at, o.sent_at
                FROM outbox o CROSS JOIN LATERAL (SELECT convert_from(o.payload, 'UTF8')::jsonb AS j) payload
                WHERE o.topic = 'traffic-notifications' AND o.id > $1),
            predicted AS (
                SELECT a.*, p.created_at AS predicted_at
                FROM alert a LEFT JOIN predictions p ON p.road_id = a.road_id AND p."timestamp" = a.ts),
            -- The prediction's own outbox row: written in the prediction's transaction, so with its created_at. One
            -- pass over the phase's outbox rows (outbox has no index on the key: a lookup per alert scanned them all).
            relayed AS (
                SELECT DISTINCT ON (message_key, created_at) message_key, created_at, sent_at
                FROM outbox
                WHERE id > $1 AND topic = 'traffic-predictions' AND (message_key, created_at) IN (SELECT road_id, predicted_at FROM predicted)
                ORDER BY message_key, created_at, id)
            SELECT a.id, a.road_id, a.ts, a.predicted_at, a.created_at, a.sent_at, r.sent_at
            FROM predicted a LEFT JOIN relayed r ON r.message_key = a.road_id AND r.created_at = a.predicted_at
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
                storedByProduced.Add((produced, (alertStored - produced).TotalMilliseconds));
                if (!reader.IsDBNull(6)) predictionRelayed.Add((reader.GetFieldValue<DateTimeOffset>(6) - prediction).TotalMilliseconds);
                if (!reader.IsDBNull(5)) relayed.Add((reader.GetFieldValue<DateTimeOffset>(5) - alertStored).TotalMilliseconds);
            }
        }

        IReadOnlyList<string> stages =
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
            .. ByProducedTime(storedByProduced),
        ];
        return (stages, await ThroughputAsync(since));
    }

    // The phase's outbox rows per second (markdown rows: second, predictions stored, predictions relayed, alerts stored),
    // from the first second a prediction was stored: how fast each stage went while the queue built up and drained.
    private async Task<IReadOnlyList<string>> ThroughputAsync(long since)
    {
        await using var command = dataSource.CreateCommand("""
            WITH phase AS (SELECT topic, created_at, sent_at FROM outbox WHERE id > $1),
            origin AS (SELECT min(created_at) AS t0 FROM phase),
            events AS (
                SELECT 'stored' AS what, created_at AS at FROM phase WHERE topic = 'traffic-predictions'
                UNION ALL SELECT 'relayed', sent_at FROM phase WHERE topic = 'traffic-predictions' AND sent_at IS NOT NULL
                UNION ALL SELECT 'alerts', created_at FROM phase WHERE topic = 'traffic-notifications')
            SELECT floor(extract(epoch FROM e.at - o.t0))::int AS second,
                   count(*) FILTER (WHERE what = 'stored'), count(*) FILTER (WHERE what = 'relayed'), count(*) FILTER (WHERE what = 'alerts')
            FROM events e CROSS JOIN origin o
            GROUP BY 1 ORDER BY 1
            """);
        command.Parameters.AddWithValue(since);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(FormattableString.Invariant($"| {reader.GetInt32(0)} | {reader.GetInt64(1):N0} | {reader.GetInt64(2):N0} | {reader.GetInt64(3):N0} |"));
        }

        return rows;
    }

    // One row per 2 s of the phase by when the alerting reading was produced (none for a phase shorter than two of them,
    // such as a product-load tick, whose readings are produced at once).
    private static IEnumerable<string> ByProducedTime(List<(DateTimeOffset Produced, double Milliseconds)> samples)
    {
        const double Width = 2;
        if (samples.Count == 0) yield break;
        var first = samples.Min(s => s.Produced);
        if ((samples.Max(s => s.Produced) - first).TotalSeconds < 2 * Width) yield break;
        foreach (var part in samples.GroupBy(s => (int)((s.Produced - first).TotalSeconds / Width)).OrderBy(g => g.Key))
        {
            yield return Row(
                FormattableString.Invariant($"1+2 of the readings produced {part.Key * Width:0}–{(part.Key + 1) * Width:0} s into the phase (produced → alert stored)"),
                [.. part.Select(s => s.Milliseconds)]);
        }
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
