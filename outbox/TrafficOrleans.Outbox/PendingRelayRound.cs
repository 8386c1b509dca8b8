using Confluent.Kafka;
using Npgsql;

namespace TrafficOrleans.Outbox;

/// <summary>
/// A relay round between its claim and its commit (<see cref="OutboxRelay.StartRoundAsync"/>): the claiming
/// transaction is open and holds the rows, their messages are produced and their delivery reports are on their way.
/// <see cref="OutboxRelay.FinishRoundAsync"/> waits for them and commits; disposing it unfinished rolls the claim back.
/// </summary>
public sealed class PendingRelayRound : IAsyncDisposable
{
    internal PendingRelayRound(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ClaimedOutboxRow> rows, Task<TopicPartitionOffset>[] deliveries)
    {
        Connection = connection;
        Transaction = transaction;
        Rows = rows;
        Deliveries = deliveries;
        FirstId = rows[0].Id;
        LastId = rows[^1].Id;
    }

    /// <summary>The lowest row id claimed (rows are claimed in id order).</summary>
    public long FirstId { get; }

    /// <summary>The highest row id claimed.</summary>
    public long LastId { get; }

    internal NpgsqlConnection Connection { get; }

    internal NpgsqlTransaction Transaction { get; }

    internal IReadOnlyList<ClaimedOutboxRow> Rows { get; }

    internal Task<TopicPartitionOffset>[] Deliveries { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}

/// <summary>One claimed outbox row and the message it becomes.</summary>
internal sealed record ClaimedOutboxRow(long Id, string Topic, Message<byte[]?, byte[]> Message);
