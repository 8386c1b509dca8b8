using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Streams;
using TrafficOrleans.Grains.Roads;
using TrafficOrleans.Kafka.Producing;
using TrafficOrleans.Kafka.Providers;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>
/// Sends a reading a road gave up on to the dead-letter topic through the stream provider's dead-letter
/// publisher: the reading's JSON under its road key, with the same reason and origin headers as every other
/// dead letter (source partition from the key, source offset from the delivery).
/// </summary>
public sealed class KafkaRejectedReadings(IServiceProvider services) : IRejectedReadings
{
    /// <inheritdoc />
    public Task RejectAsync(TrafficReading reading, long sourceOffset, string category, string reason)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var clients = services.GetRequiredKeyedService<KafkaStreamClients>(TrafficTopics.StreamProvider);
        var key = Encoding.UTF8.GetBytes(reading.RoadId);
        var topic = clients.Options.TopicForNamespace(TrafficTopics.RawReadings);
        var partitions = topic?.Partitions ?? 1;
        var letter = new DeadLetter(
            topic?.Name ?? TrafficTopics.RawReadings,
            KafkaPartitioner.PartitionFor(key, partitions),
            sourceOffset,
            TrafficTopics.PredictionGroup,
            key,
            JsonSerializer.SerializeToUtf8Bytes(reading, TrafficJson.Options),
            null,
            new Timestamp(reading.Timestamp),
            new MessageRejection(category, reason));
        return clients.DeadLetters.PublishAsync(letter);
    }
}
