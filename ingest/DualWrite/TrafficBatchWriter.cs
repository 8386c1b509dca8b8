using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Outbox;
using TrafficOrleans.Ingest.Preprocessing;
using TrafficOrleans.Kafka.Topics;

namespace TrafficOrleans.Ingest.DualWrite;

/// <summary>
/// The reliable half of the dual write: in ONE PostgreSQL transaction, creates the day partitions, inserts the
/// readings into <c>traffic_data</c> (idempotent on road and timestamp) and, for exactly the rows that were new,
/// a <c>traffic-raw</c> outbox row; rejected readings become <c>traffic-dlq</c> outbox rows. Kafka is written
/// later by the <see cref="OutboxRelay"/>, so a crash at any point loses nothing and re-running duplicates nothing
/// in the database.
/// </summary>
public sealed partial class TrafficBatchWriter(NpgsqlDataSource dataSource, OutboxSignal signal, IOptions<KafkaTopicsOptions> topics, ILogger<TrafficBatchWriter> logger)
{
    private const int MaxAttempts = 3;

    // The stage survives on the pooled connection (emptied at each commit); IF NOT EXISTS re-creates it after a
    // connection reset. Binary COPY into it is the fastest way to get rows into PostgreSQL.
    private const string CreateStageSql = """
        CREATE TEMP TABLE IF NOT EXISTS ingest_stage
        (
            ord int NOT NULL, event_id uuid NOT NULL, road_id text NOT NULL, ts timestamptz NOT NULL,
            speed float8 NOT NULL, free_flow_speed float8 NOT NULL, jam_factor float8 NOT NULL,
            congestion_level text NOT NULL, speed_ratio float8 NOT NULL, is_rush_hour boolean NOT NULL,
            road_name text NULL, payload bytea NOT NULL
        ) ON COMMIT DELETE ROWS
        """;

    private const string CopySql = """
        COPY ingest_stage (ord, event_id, road_id, ts, speed, free_flow_speed, jam_factor, congestion_level,
                           speed_ratio, is_rush_hour, road_name, payload) FROM STDIN (FORMAT BINARY)
        """;

    // Outbox rows only for the readings the INSERT actually added, in the batch's order.
    private const string InsertSql = """
        WITH inserted AS (
            INSERT INTO traffic_data (road_id, "timestamp", speed, free_flow_speed, jam_factor, congestion_level,
                                      speed_ratio, is_rush_hour, event_id, road_name)
            SELECT road_id, ts, speed, free_flow_speed, jam_factor, congestion_level, speed_ratio, is_rush_hour, event_id, road_name
            FROM ingest_stage ORDER BY ord
            ON CONFLICT (road_id, "timestamp") DO NOTHING
            RETURNING road_id, "timestamp")
        INSERT INTO outbox (topic, message_key, payload)
        SELECT $1, s.road_id, s.payload
        FROM ingest_stage s JOIN inserted i ON i.road_id = s.road_id AND i."timestamp" = s.ts
        ORDER BY s.ord
        """;

    // History only (a back-fill nobody needs to stream): the same insert without the outbox rows.
    private const string InsertHistorySql = """
        INSERT INTO traffic_data (road_id, "timestamp", speed, free_flow_speed, jam_factor, congestion_level,
                                  speed_ratio, is_rush_hour, event_id, road_name)
        SELECT road_id, ts, speed, free_flow_speed, jam_factor, congestion_level, speed_ratio, is_rush_hour, event_id, road_name
        FROM ingest_stage ORDER BY ord
        ON CONFLICT (road_id, "timestamp") DO NOTHING
        """;

    /// <summary>Writes one batch (see the class summary).</summary>
    public Task<BatchWriteResult> WriteAsync(TrafficBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return WriteAsync([batch], cancellationToken);
    }

    /// <summary>
    /// Writes several batches in one transaction (back-fills: fewer round trips); all of them or none are committed.
    /// </summary>
    public Task<BatchWriteResult> WriteAsync(IReadOnlyList<TrafficBatch> batches, CancellationToken cancellationToken) =>
        WriteAsync(batches, publish: true, cancellationToken);

    /// <summary>
    /// Writes several batches in one transaction; when <paramref name="publish"/> is false the readings go to
    /// <c>traffic_data</c> only, with no <c>traffic-raw</c> outbox row (history for training and analytics that the
    /// road grains need not replay). Rejected readings are dead-lettered either way.
    /// </summary>
    public async Task<BatchWriteResult> WriteAsync(IReadOnlyList<TrafficBatch> batches, bool publish, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var readings = DistinctReadings(batches, out var repeated);
        var deadLetters = DeadLetters(batches, topics.Value.DeadLetters);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await WriteOnceAsync(readings, deadLetters, publish, cancellationToken);
                FaultInjection.AfterDatabaseCommit();
                if (result.Inserted > 0 || result.DeadLettered > 0) signal.Notify();
                var total = result with { Duplicates = result.Duplicates + repeated };
                LogWritten(logger, batches.Count, total.Inserted, total.Duplicates, total.DeadLettered);
                return total;
            }
            catch (PostgresException ex) when (attempt < MaxAttempts && IsTransient(ex))
            {
                // Two silos creating the same day partition, or a deadlock: the transaction rolled back, try again.
                LogRetrying(logger, ex.SqlState, attempt);
            }
        }
    }

    private async Task<BatchWriteResult> WriteOnceAsync(
        List<TrafficReading> readings, List<OutboxMessage> deadLetters, bool publish, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = 0;
        if (readings.Count > 0)
        {
            await EnsurePartitionsAsync(connection, transaction, readings, cancellationToken);
            await ExecuteAsync(connection, transaction, CreateStageSql, cancellationToken);
            await CopyAsync(connection, readings, publish, cancellationToken);
            await using var insert = new NpgsqlCommand(publish ? InsertSql : InsertHistorySql, connection, transaction);
            if (publish) insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = topics.Value.RawReadings });
            inserted = await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var deadLettered = await OutboxWriter.WriteAsync(connection, transaction, deadLetters, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new BatchWriteResult(inserted, readings.Count - inserted, deadLettered);
    }

    private static async Task EnsurePartitionsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<TrafficReading> readings, CancellationToken cancellationToken)
    {
        var first = readings[0].Timestamp.UtcDateTime;
        var last = first;
        foreach (var reading in readings)
        {
            var instant = reading.Timestamp.UtcDateTime;
            if (instant < first) first = instant;
            if (instant > last) last = instant;
        }

        await using var command = new NpgsqlCommand("SELECT traffic_ensure_partitions('traffic_data', $1, $2)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = DateOnly.FromDateTime(first) });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = DateOnly.FromDateTime(last) });
        await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, List<TrafficReading> readings, bool publish, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(CopySql, cancellationToken);
        var json = new ArrayBufferWriter<byte>(512);
        await using var jsonWriter = new Utf8JsonWriter(json);
        for (var i = 0; i < readings.Count; i++)
        {
            var reading = readings[i];
            json.ResetWrittenCount();
            jsonWriter.Reset(json);
            // The payload is only the outbox message's: history-only writes skip serialising it.
            if (publish) JsonSerializer.Serialize(jsonWriter, reading, TrafficJson.Options);

            // Synchronous writes into Npgsql's buffer: per-field awaits cost more CPU than the COPY itself, and the
            // buffer only blocks when it is flushed to the socket (every 8 KB).
            importer.StartRow();
            importer.Write(i, NpgsqlDbType.Integer);
            importer.Write(reading.EventId, NpgsqlDbType.Uuid);
            importer.Write(reading.RoadId, NpgsqlDbType.Text);
            importer.Write(reading.Timestamp.UtcDateTime, NpgsqlDbType.TimestampTz);
            importer.Write(reading.CurrentSpeed, NpgsqlDbType.Double);
            importer.Write(reading.FreeFlowSpeed, NpgsqlDbType.Double);
            importer.Write(reading.JamFactor, NpgsqlDbType.Double);
            importer.Write(CongestionLevels.Name(reading.CongestionLevel), NpgsqlDbType.Text);
            importer.Write(reading.SpeedRatio, NpgsqlDbType.Double);
            importer.Write(reading.IsRushHour, NpgsqlDbType.Boolean);
            if (string.IsNullOrEmpty(reading.RoadName)) importer.WriteNull();
            else importer.Write(reading.RoadName, NpgsqlDbType.Text);
            importer.Write(json.WrittenMemory, NpgsqlDbType.Bytea);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // A source may repeat a road within a poll; the first reading of a road and timestamp wins, as in the table.
    private static List<TrafficReading> DistinctReadings(IReadOnlyList<TrafficBatch> batches, out int repeated)
    {
        var capacity = batches.Sum(b => b.Readings.Count);
        var readings = new List<TrafficReading>(capacity);
        var seen = new HashSet<(string, DateTimeOffset)>(capacity);
        foreach (var batch in batches)
        {
            foreach (var reading in batch.Readings)
            {
                if (seen.Add((reading.RoadId, reading.Timestamp))) readings.Add(reading);
            }
        }

        repeated = capacity - readings.Count;
        return readings;
    }

    private static List<OutboxMessage> DeadLetters(IReadOnlyList<TrafficBatch> batches, string deadLetterTopic)
    {
        var messages = new List<OutboxMessage>();
        foreach (var batch in batches)
        {
            foreach (var rejected in batch.Rejected) messages.Add(DeadLetter(rejected, deadLetterTopic));
        }

        return messages;
    }

    /// <summary>The dead-letter message of a rejected reading: original payload, reason in headers.</summary>
    internal static OutboxMessage DeadLetter(RejectedReading rejected, string deadLetterTopic)
    {
        var observedAt = rejected.ObservedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        var reason = RejectionReasons.Name(rejected.Reason);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [OutboxTopics.DeadLetterReasonHeader] = rejected.Detail,
            [OutboxTopics.DeadLetterCategoryHeader] = reason,
            [OutboxTopics.DeadLetterSourceHeader] = rejected.Source,
            [OutboxTopics.DeadLetterObservedAtHeader] = observedAt,
        };

        // Same rejection of the same input at the same tick → same key, so a re-poll does not dead-letter it twice.
        var identity = Encoding.UTF8.GetBytes($"{rejected.Source}|{observedAt}|{rejected.RoadId}|{reason}|{rejected.Payload}");
        var dedupKey = Convert.ToHexString(SHA256.HashData(identity), 0, 16);
        return new OutboxMessage(deadLetterTopic, rejected.RoadId ?? rejected.Source, Encoding.UTF8.GetBytes(rejected.Payload), headers, dedupKey);
    }

    private static bool IsTransient(PostgresException ex) =>
        ex.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable
            or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dual write of {Batches} batch(es): {Inserted} readings inserted, {Duplicates} already stored, {DeadLettered} dead-lettered")]
    private static partial void LogWritten(ILogger logger, int batches, int inserted, int duplicates, int deadLettered);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dual write rolled back ({SqlState}), attempt {Attempt}; retrying")]
    private static partial void LogRetrying(ILogger logger, string sqlState, int attempt);
}
