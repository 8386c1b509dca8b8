using System.Globalization;
using System.Text;
using Confluent.Kafka;
using TrafficOrleans.Kafka.Producing;

namespace TrafficOrleans.Kafka.Providers;

/// <summary>
/// The one place the dead-letter headers are built (why, from where, by whom, when), whether the dead letter goes to
/// Kafka directly (<see cref="DeadLetterPublisher"/>) or through a transactional outbox (string-valued headers).
/// </summary>
public static class DeadLetterHeaders
{
    /// <summary>The reason headers of <paramref name="letter"/>, in a fixed order, as text.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Describe(DeadLetter letter, DateTimeOffset rejectedAt)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return
        [
            new(KafkaHeaderNames.DeadLetterReason, letter.Rejection.Reason),
            new(KafkaHeaderNames.DeadLetterCategory, letter.Rejection.Category),
            new(KafkaHeaderNames.DeadLetterSourceTopic, letter.SourceTopic),
            new(KafkaHeaderNames.DeadLetterSourcePartition, letter.SourcePartition.ToString(CultureInfo.InvariantCulture)),
            new(KafkaHeaderNames.DeadLetterSourceOffset, letter.SourceOffset.ToString(CultureInfo.InvariantCulture)),
            new(KafkaHeaderNames.DeadLetterConsumerGroup, letter.ConsumerGroup),
            new(KafkaHeaderNames.DeadLetterRejectedAt, rejectedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
        ];
    }

    /// <summary>The Kafka headers of the dead-letter message: the original message's headers, then the reason headers.</summary>
    public static Headers ToKafka(DeadLetter letter, DateTimeOffset rejectedAt)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var headers = new Headers();
        foreach (var header in letter.Headers ?? []) headers.Add(header.Key, header.GetValueBytes());
        foreach (var (name, value) in Describe(letter, rejectedAt)) headers.Add(name, Encoding.UTF8.GetBytes(value));
        return headers;
    }
}
