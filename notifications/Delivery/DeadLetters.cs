using System.Globalization;
using System.Text;
using TrafficOrleans.Outbox;
using TrafficOrleans.Kafka.Providers;

namespace TrafficOrleans.Notifications.Delivery;

/// <summary>
/// The outbox message of a dead letter, written in the batch's transaction (so it is safe before the offset is
/// committed): original key and value, plus the shared reason headers (<see cref="DeadLetterHeaders"/>).
/// </summary>
public static class DeadLetters
{
    /// <summary>The outbox message for <paramref name="letter"/>; its dedup key is the source position, so a redelivery adds no second row.</summary>
    public static OutboxMessage For(DeadLetter letter, string deadLetterTopic, DateTimeOffset rejectedAt)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var headers = DeadLetterHeaders.Describe(letter, rejectedAt).ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal);
        return new OutboxMessage(deadLetterTopic, letter.Key is null ? null : Encoding.UTF8.GetString(letter.Key), letter.Value ?? [], headers,
            DedupKey: string.Create(CultureInfo.InvariantCulture, $"{letter.ConsumerGroup}|{letter.SourceTopic}|{letter.SourcePartition}|{letter.SourceOffset}"));
    }
}
