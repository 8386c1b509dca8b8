using System.Globalization;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using TrafficOrleans.Kafka;
using TrafficOrleans.Kafka.Producing;

namespace TrafficOrleans.Outbox;

/// <summary>
/// Publishes outbox rows of any topic to Kafka through the host's one idempotent producer. A round claims the oldest unsent
/// rows by marking them sent in one <c>UPDATE … RETURNING</c> (a second relay that meets those rows waits for the round's
/// commit and then leaves them, so no row is sent twice at the same time), produces them in id order, waits for every
/// delivery report, then un-marks and records the failures, all in the claiming transaction, together with where the
/// round ended in each partition. Every message
/// carries its row id (<see cref="OutboxHeaderNames.RowId"/>): a relay that stopped after delivery but before the commit
/// left rows unsent whose messages are published, and the next round of any relay first reads the log back from the
/// recorded positions and marks those rows sent instead of publishing them again (<see cref="OutboxReconciler"/>).
/// A round comes in two halves (<see cref="StartRoundAsync"/>, <see cref="FinishRoundAsync"/>) so that the next one can
/// be claimed and produced while the previous one's delivery reports are awaited.
/// </summary>
public sealed partial class OutboxRelay
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly KafkaMessageProducer _producer;
    private readonly KafkaConnectionOptions _kafka;
    private readonly OutboxOptions _options;
    private readonly OutboxMetrics _metrics;
    private readonly ILogger _logger;
    private readonly OutboxReconciler _reconciler;

    // Set until the first round of this relay and after any round that did not end cleanly: its rows may be in the log.
    private volatile bool _reconcileFirst = true;

    /// <summary>Creates a relay that publishes through the host's shared producer.</summary>
    public OutboxRelay(
        NpgsqlDataSource dataSource, KafkaMessageProducer producer, IOptions<KafkaConnectionOptions> kafka, IOptions<OutboxOptions> options,
        OutboxMetrics metrics, ILogger<OutboxRelay> logger)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = dataSource;
        _producer = producer;
        _kafka = kafka.Value;
        _options = options.Value;
        _metrics = metrics;
        _logger = logger;
        _reconciler = new OutboxReconciler(dataSource, _kafka, _options, metrics, logger);
    }

    /// <summary>
    /// Makes the next round read the log back first: for a relay that (re)starts after another may have run, such as a
    /// silo winning the relay lease.
    /// </summary>
    public void ReconcileBeforeNextRound() => _reconcileFirst = true;

    /// <summary>The settings the relay connects with, secrets redacted (for start-up logs).</summary>
    public string Destination => _kafka.Describe();

    /// <summary>True when the next round must first read the log back (<see cref="OutboxReconciler"/>): after a round that did not end cleanly, and before the first.</summary>
    public bool MustReconcile => _reconcileFirst;

    /// <summary>One round: claim up to <see cref="OutboxOptions.BatchSize"/> unsent rows in id order, publish, mark.</summary>
    public async Task<RelayRound> RelayOnceAsync(CancellationToken cancellationToken)
    {
        var round = await StartRoundAsync(null, cancellationToken);
        return round is null ? default : await FinishRoundAsync(round, cancellationToken);
    }

    /// <summary>
    /// The first half of a round: claims up to <see cref="OutboxOptions.BatchSize"/> unsent rows in id order and
    /// produces them, without waiting for their delivery reports; null when nothing is waiting. Passing the round still
    /// in flight leaves its rows out, so a round can be claimed and produced while the previous one's deliveries are
    /// awaited — messages still leave in id order, since the previous round's were all produced before. Rounds are
    /// finished in the order they were started.
    /// </summary>
    public async Task<PendingRelayRound?> StartRoundAsync(PendingRelayRound? inFlight, CancellationToken cancellationToken)
    {
        if (_reconcileFirst)
        {
            // The read-back marks rows sent, and would wait for the row locks of a round in flight.
            if (inFlight is not null) throw new InvalidOperationException("The log must be read back first: finish the round in flight before starting another.");
            await _reconciler.ReconcileAsync(cancellationToken);
            _reconcileFirst = false;
        }

        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        NpgsqlTransaction? transaction = null;
        try
        {
            transaction = await connection.BeginTransactionAsync(cancellationToken);
            var rows = await ClaimAsync(connection, transaction, inFlight, cancellationToken);
            if (rows.Count == 0)
            {
                await transaction.CommitAsync(cancellationToken);
                await transaction.DisposeAsync();
                await connection.DisposeAsync();
                return null;
            }

            var deliveries = new Task<TopicPartitionOffset>[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                // No cancellation token: once produced, a message may be delivered; the round waits for its report
                // (bounded by Kafka:Producer:DeliveryTimeout) so that what is marked sent is exactly what Kafka acknowledged.
                deliveries[i] = _producer.ProduceAsync(rows[i].Topic, rows[i].Message, CancellationToken.None);
            }

            return new PendingRelayRound(connection, transaction, rows, deliveries);
        }
        catch (Exception)
        {
            // Whatever was produced before the failure may be in the log while its rows stay unsent.
            _reconcileFirst = true;
            if (transaction is not null) await transaction.DisposeAsync();
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The second half of a round: waits for every delivery report, then un-marks and records the failures and where
    /// the round ended in each partition, and commits the claim.
    /// </summary>
    public async Task<RelayRound> FinishRoundAsync(PendingRelayRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        await using (round)
        {
            try
            {
                return await FinishClaimedAsync(round, cancellationToken);
            }
            catch (Exception)
            {
                _reconcileFirst = true;
                throw;
            }
        }
    }

    private async Task<RelayRound> FinishClaimedAsync(PendingRelayRound round, CancellationToken cancellationToken)
    {
        var (rows, deliveries) = (round.Rows, round.Deliveries);
        try
        {
            await Task.WhenAll(deliveries);
        }
        catch (Exception)
        {
            // Inspected per task below.
        }

        var failedIds = new List<long>();
        var failedErrors = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var delivery = deliveries[i];
            if (delivery.IsCompletedSuccessfully) continue;

            var error = delivery.Exception?.InnerException;
            failedIds.Add(rows[i].Id);
            failedErrors.Add(error?.Message ?? "delivery cancelled");
            _metrics.Failed(rows[i].Topic, 1);
        }

        await RecordRoundAsync(round.Connection, round.Transaction, deliveries, failedIds, failedErrors, cancellationToken);
        await round.Transaction.CommitAsync(cancellationToken);

        // A failed delivery may still have reached the log (a timeout after the broker wrote it).
        if (failedIds.Count > 0) _reconcileFirst = true;

        foreach (var group in rows.Where((_, i) => deliveries[i].IsCompletedSuccessfully).GroupBy(r => r.Topic)) _metrics.Published(group.Key, group.Count());
        if (failedIds.Count > 0) LogDeliveryFailed(_logger, failedIds.Count, rows.Count, failedErrors[0]);
        return new RelayRound(rows.Count, rows.Count - failedIds.Count, failedIds.Count);
    }

    /// <summary>
    /// Rounds until no unsent row is left or a round has failures (the caller decides how to back off).
    /// </summary>
    public async Task<RelayRound> DrainAsync(CancellationToken cancellationToken)
    {
        var total = default(RelayRound);
        while (true)
        {
            var round = await RelayOnceAsync(cancellationToken);
            total = new RelayRound(total.Claimed + round.Claimed, total.Published + round.Published, total.Failed + round.Failed);
            if (round.Claimed == 0 || round.Failed > 0) return total;
        }
    }

    /// <summary>Measures the undelivered rows and the age of the oldest for the lag gauges; returns the row count.</summary>
    public async Task<long> RefreshLagAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 FROM outbox WHERE sent_at IS NULL");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var rows = reader.GetInt64(0);
        _metrics.Lag(rows, TimeSpan.FromSeconds(Math.Max(0, reader.GetDouble(1))));
        return rows;
    }

    /// <summary>Deletes sent rows older than <see cref="OutboxOptions.Retention"/>; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < now() - $1");
        command.Parameters.Add(new NpgsqlParameter { Value = _options.Retention, NpgsqlDbType = NpgsqlDbType.Interval });
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
        if (deleted > 0) LogDeleted(_logger, deleted, _options.Retention);
        return deleted;
    }

    // Claiming is marking: one pass over the rows instead of a row lock by SELECT … FOR UPDATE and a second UPDATE after
    // delivery — the relay's share of PostgreSQL's work per message roughly halves. A row another relay's round holds is
    // waited for, and left once that round commits (sent_at is no longer NULL when the row is checked again); the round
    // that rolls back leaves its rows unsent. RETURNING gives no order: the rows are put back in id order, so each key's
    // messages are produced in the order they were written.
    private async Task<List<ClaimedOutboxRow>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PendingRelayRound? inFlight, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            UPDATE outbox SET sent_at = now(), attempts = attempts + 1
            WHERE id = ANY(ARRAY(SELECT id FROM outbox WHERE sent_at IS NULL AND id NOT BETWEEN $2 AND $3 ORDER BY id LIMIT $1)) AND sent_at IS NULL
            RETURNING id, topic, message_key, payload, headers::text
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _options.BatchSize });
        // The round in flight's range (an empty one without it): its rows look unsent until it commits. A row in that
        // range it did not claim (committed after its claim) waits for the next round.
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = inFlight?.FirstId ?? 1 });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = inFlight?.LastId ?? 0 });
        var rows = new List<ClaimedOutboxRow>();
        // A writer gives all its rows the same headers: each distinct text is parsed once a round.
        var parsedHeaders = new Dictionary<string, List<(string Name, byte[] Value)>>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var message = new Message<byte[]?, byte[]>
                {
                    // The UTF-8 bytes Confluent's string serializer would write: the same key, so the same partition.
                    Key = reader.IsDBNull(2) ? null : Encoding.UTF8.GetBytes(reader.GetString(2)),
                    Value = reader.GetFieldValue<byte[]>(3),
                    Headers = reader.IsDBNull(4) ? new Headers() : HeadersOf(reader.GetString(4), parsedHeaders),
                };
                var id = reader.GetInt64(0);
                message.Headers.Add(OutboxHeaderNames.RowId, Encoding.ASCII.GetBytes(id.ToString(CultureInfo.InvariantCulture)));
                rows.Add(new ClaimedOutboxRow(id, reader.GetString(1), message));
            }
        }

        rows.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        return rows;
    }

    // In one round trip: where this round ended in each partition, and the failed rows back to unsent with their error
    // (the claim marked every row sent and counted the attempt).
    private static async Task RecordRoundAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Task<TopicPartitionOffset>[] deliveries, List<long> failedIds, List<string> failedErrors,
        CancellationToken cancellationToken)
    {
        var ends = new Dictionary<(string Topic, int Partition), long>();
        foreach (var delivery in deliveries)
        {
            if (!delivery.IsCompletedSuccessfully) continue;
            var delivered = delivery.Result;
            var key = (delivered.Topic, delivered.Partition.Value);
            ends[key] = Math.Max(ends.GetValueOrDefault(key), delivered.Offset.Value + 1);
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        if (ends.Count > 0) batch.BatchCommands.Add(OutboxPositions.Advance([.. ends.Select(e => (e.Key.Topic, e.Key.Partition, e.Value))]));
        if (failedIds.Count > 0)
        {
            var unsend = new NpgsqlBatchCommand(
                """
                UPDATE outbox AS o SET sent_at = NULL, last_error = f.error
                FROM unnest($1::bigint[], $2::text[]) AS f(id, error) WHERE o.id = f.id
                """);
            unsend.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. failedIds] });
            unsend.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. failedErrors] });
            batch.BatchCommands.Add(unsend);
        }

        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Headers HeadersOf(string json, Dictionary<string, List<(string Name, byte[] Value)>> parsed)
    {
        if (!parsed.TryGetValue(json, out var entries))
        {
            entries = [];
            using var document = JsonDocument.Parse(json);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                entries.Add((property.Name, Encoding.UTF8.GetBytes(property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText())));
            }

            parsed.Add(json, entries);
        }

        // Each message gets headers of its own (the row id is added to them); the values are only read when produced.
        var headers = new Headers();
        foreach (var (name, value) in entries) headers.Add(name, value);
        return headers;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox delivery failed for {Failed} of {Claimed} rows, will retry: {FirstError}")]
    private static partial void LogDeliveryFailed(ILogger logger, int failed, int claimed, string firstError);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Deleted} sent outbox rows older than {Retention}")]
    private static partial void LogDeleted(ILogger logger, int deleted, TimeSpan retention);
}
