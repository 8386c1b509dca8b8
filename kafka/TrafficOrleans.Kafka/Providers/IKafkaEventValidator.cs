namespace TrafficOrleans.Kafka.Providers;

/// <summary>
/// Checks the values of a decoded event before it becomes a stream event (registered by the host; optional).
/// A message that parses but makes no sense — a negative speed, a timestamp in year 1 — is dead-lettered here,
/// where it costs nothing, rather than failing the delivery of a whole batch inside a grain.
/// </summary>
public interface IKafkaEventValidator
{
    /// <summary>Why the event is not acceptable, or null when it is.</summary>
    MessageRejection? Validate(KafkaTopicOptions topic, string key, object value);
}
