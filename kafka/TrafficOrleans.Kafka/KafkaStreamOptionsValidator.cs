using Orleans;
using Orleans.Runtime;

namespace TrafficOrleans.Kafka;

/// <summary>Validates <see cref="KafkaStreamOptions"/> at silo start-up.</summary>
public sealed class KafkaStreamOptionsValidator(KafkaStreamOptions options, string name) : IConfigurationValidator
{
    /// <inheritdoc />
    public void ValidateConfiguration()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BootstrapServers)) problems.Add("BootstrapServers is empty");
        if (options.Topics.Count == 0) problems.Add("no topics are configured");
        if (string.IsNullOrWhiteSpace(options.DeadLetterTopic)) problems.Add("DeadLetterTopic is empty");
        if (options.MaxBatchSize <= 0) problems.Add("MaxBatchSize must be positive");
        if (options.MaxMessageBytes <= 0) problems.Add("MaxMessageBytes must be positive");
        if (options.PollInterval < TimeSpan.FromMilliseconds(1) || options.PollInterval > TimeSpan.FromSeconds(10)) problems.Add("PollInterval must be between 1 ms and 10 s");
        foreach (var topic in options.Topics)
        {
            if (string.IsNullOrWhiteSpace(topic.Name)) problems.Add("a topic has no name");
            if (topic.Partitions <= 0) problems.Add($"topic {topic.Name}: Partitions must be positive");
            if (topic.Consume && string.IsNullOrWhiteSpace(topic.ConsumerGroup)) problems.Add($"topic {topic.Name}: ConsumerGroup is required for a consumed topic");
            if (topic.Consume && topic.EventType is null) problems.Add($"topic {topic.Name}: EventType is required for a consumed topic");
        }

        foreach (var duplicate in options.Topics.GroupBy(t => t.Namespace, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"stream namespace {duplicate.Key} is mapped to more than one topic");
        }

        if (problems.Count > 0)
        {
            throw new OrleansConfigurationException($"Kafka stream provider '{name}': {string.Join("; ", problems)}.");
        }
    }
}
