using Npgsql;

namespace TrafficOrleans.Outbox;

/// <summary>
/// The <c>outbox_positions</c> table: per topic partition, the offset after the last message of a committed relay round.
/// Only ever moved forward (a read-back from an older position would only cost time). With two relays at once (a CLI
/// drain next to a silo) the faster one's position can pass the slower one's round in flight; see OutboxReconciler.
/// </summary>
internal static class OutboxPositions
{
    /// <summary>A statement for a batch: advances the given partitions to at least the given offsets.</summary>
    public static NpgsqlBatchCommand Advance(IReadOnlyCollection<(string Topic, int Partition, long NextOffset)> positions)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO outbox_positions (topic, "partition", next_offset)
            SELECT * FROM unnest($1::text[], $2::integer[], $3::bigint[])
            ON CONFLICT (topic, "partition") DO UPDATE
                SET next_offset = GREATEST(outbox_positions.next_offset, EXCLUDED.next_offset), updated_at = now()
            """);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. positions.Select(p => p.Topic)] });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. positions.Select(p => p.Partition)] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. positions.Select(p => p.NextOffset)] });
        return command;
    }

    /// <summary>The recorded positions of the partitions of <paramref name="topics"/>.</summary>
    public static async Task<Dictionary<(string Topic, int Partition), long>> ReadAsync(
        NpgsqlDataSource dataSource, IReadOnlyCollection<string> topics, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""SELECT topic, "partition", next_offset FROM outbox_positions WHERE topic = ANY($1)""");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. topics] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var positions = new Dictionary<(string, int), long>();
        while (await reader.ReadAsync(cancellationToken)) positions[(reader.GetString(0), reader.GetInt32(1))] = reader.GetInt64(2);
        return positions;
    }
}
