using System.Text.Json;

namespace TrafficOrleans.Storage.Postgres;

/// <summary>
/// How <see cref="RoadOutcomeStore"/> turns a prediction into its <c>traffic-predictions</c> outbox row: the topic
/// (from the topic catalogue), the headers and the JSON options of the stream provider's wire format. Composed by the
/// silo, which knows the catalogue and the provider; storage sits below both.
/// </summary>
/// <param name="Topic">Kafka topic of predictions.</param>
/// <param name="Headers">Kafka headers of every prediction message (UTF-8 values).</param>
/// <param name="Json">Serializer options of the message value.</param>
public sealed record PredictionMessages(string Topic, IReadOnlyDictionary<string, string> Headers, JsonSerializerOptions Json)
{
    /// <summary>The headers as the outbox's <c>headers</c> column stores them.</summary>
    public string HeadersJson { get; } = JsonSerializer.Serialize(Headers);
}
