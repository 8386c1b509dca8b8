namespace TrafficOrleans.Outbox;

/// <summary>A message to publish through the outbox.</summary>
/// <param name="Topic">Kafka topic.</param>
/// <param name="Key">Kafka key (partitioned with murmur2); null for none.</param>
/// <param name="Payload">Message value.</param>
/// <param name="Headers">Kafka headers (UTF-8 values), or null.</param>
/// <param name="DedupKey">
/// Deterministic id for writers whose messages are not de-duplicated by their own table: a second row with
/// the same topic and key is not inserted while the first is still in the outbox.
/// </param>
public sealed record OutboxMessage(
    string Topic,
    string? Key,
    byte[] Payload,
    IReadOnlyDictionary<string, string>? Headers = null,
    string? DedupKey = null);
