using Microsoft.Extensions.Options;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Messages.Validation;
using TrafficOrleans.Kafka;
using TrafficOrleans.Kafka.Providers;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>
/// Checks what the Kafka stream provider decodes with the product's one set of value rules
/// (<see cref="TrafficReadingRules"/>, <see cref="RoadPredictionRules"/>) and that a reading's key is its road.
/// </summary>
public sealed class TrafficEventValidator(IOptions<MessageLimits> limits, TimeProvider clock, IKnownRoads? knownRoads = null) : IKafkaEventValidator
{
    /// <inheritdoc />
    public MessageRejection? Validate(KafkaTopicOptions topic, string key, object value)
    {
        var failure = value switch
        {
            TrafficReading reading => TrafficReadingRules.Check(reading, limits.Value, clock.GetUtcNow(), knownRoads) ?? KeyMatches(key, reading.RoadId),
            RoadPrediction prediction => RoadPredictionRules.Check(prediction, limits.Value, clock.GetUtcNow()) ?? KeyMatches(key, prediction.RoadId),
            _ => null,
        };
        return failure is null ? null : new MessageRejection(failure.Category, failure.Reason);
    }

    // The key decides the stream and so the road that applies the reading; a body naming another road is a producer bug.
    private static ValidationFailure? KeyMatches(string key, string roadId) =>
        string.Equals(key, roadId, StringComparison.Ordinal) ? null : new("key-mismatch", $"message key {key} is not the road_id {roadId}");
}
