using Confluent.Kafka;
using ErrorCode = Confluent.Kafka.ErrorCode;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.Logging;

namespace TrafficOrleans.Kafka.Topics;

/// <summary>
/// Creates the provider's topics (and the dead-letter topic) if missing, with their partitions and
/// retention, and checks that existing topics have the partition count the queue mapping expects.
/// </summary>
public sealed partial class KafkaTopicProvisioner(KafkaStreamOptions options, ILogger logger)
{
    /// <summary>Creates what is missing; throws with a clear message on a partition-count mismatch.</summary>
    public async Task EnsureTopicsAsync()
    {
        using var admin = new AdminClientBuilder(Producing.KafkaClientConfig.Admin(options)).Build();
        var wanted = options.Topics
            .Select(t => (t.Name, t.Partitions, t.ReplicationFactor, t.Retention))
            .Append((options.DeadLetterTopic, 1, options.Topics.Select(t => t.ReplicationFactor).DefaultIfEmpty((short)1).Max(), options.DeadLetterRetention))
            .DistinctBy(t => t.Item1)
            .ToList();

        if (options.CreateTopics)
        {
            var specifications = wanted.Select(t => new TopicSpecification
            {
                Name = t.Item1,
                NumPartitions = t.Item2,
                ReplicationFactor = t.Item3,
                Configs = new Dictionary<string, string> { ["retention.ms"] = ((long)t.Item4.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            }).ToList();
            try
            {
                await admin.CreateTopicsAsync(specifications, new CreateTopicsOptions { OperationTimeout = options.OperationTimeout, RequestTimeout = options.OperationTimeout });
            }
            catch (CreateTopicsException ex) when (ex.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
            {
                // Already there from an earlier start or another silo.
            }

            LogTopicsReady(logger, string.Join(", ", wanted.Select(t => t.Item1)));
        }

        var metadata = admin.GetMetadata(options.OperationTimeout);
        foreach (var topic in options.Topics.Where(t => t.Consume))
        {
            var found = metadata.Topics.Find(t => t.Topic == topic.Name);
            if (found is null || found.Error.Code != ErrorCode.NoError)
            {
                throw new InvalidOperationException($"Kafka topic {topic.Name} does not exist at {options.BootstrapServers} (create it, or enable CreateTopics).");
            }

            if (found.Partitions.Count != topic.Partitions)
            {
                throw new InvalidOperationException(
                    $"Kafka topic {topic.Name} has {found.Partitions.Count} partitions but the stream provider is configured for {topic.Partitions}; make them equal.");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Kafka topics ready: {Topics}")]
    private static partial void LogTopicsReady(ILogger logger, string topics);
}
