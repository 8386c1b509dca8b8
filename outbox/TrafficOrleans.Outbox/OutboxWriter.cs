using System.Text.Json;
using Npgsql;

namespace TrafficOrleans.Outbox;

/// <summary>
/// Inserts outbox rows inside the caller's transaction, so a message exists if and only if the data it
/// announces was committed. Rows with a <see cref="OutboxMessage.DedupKey"/> already present for the topic are skipped.
/// </summary>
public static class OutboxWriter
{
    private const string InsertSql = """
        INSERT INTO outbox (topic, message_key, payload, headers, dedup_key)
        SELECT m.topic, m.message_key, m.payload, m.headers::jsonb, m.dedup_key
        FROM unnest($1::text[], $2::text[], $3::bytea[], $4::text[], $5::text[]) WITH ORDINALITY
             AS m(topic, message_key, payload, headers, dedup_key, ord)
        ORDER BY m.ord
        ON CONFLICT (topic, dedup_key) WHERE dedup_key IS NOT NULL DO NOTHING
        """;

    /// <summary>Inserts <paramref name="messages"/> in order; returns how many rows were inserted.</summary>
    public static async Task<int> WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0) return 0;
        var topics = new string[messages.Count];
        var keys = new string?[messages.Count];
        var payloads = new byte[messages.Count][];
        var headers = new string?[messages.Count];
        var dedupKeys = new string?[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            topics[i] = message.Topic;
            keys[i] = message.Key;
            payloads[i] = message.Payload;
            headers[i] = message.Headers is null ? null : JsonSerializer.Serialize(message.Headers);
            dedupKeys[i] = message.DedupKey;
        }

        await using var command = new NpgsqlCommand(InsertSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = topics });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = keys });
        command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = payloads });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = headers });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = dedupKeys });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
