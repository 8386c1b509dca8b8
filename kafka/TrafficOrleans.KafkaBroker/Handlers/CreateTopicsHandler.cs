using System.Globalization;
using TrafficOrleans.KafkaBroker.Protocol;
using TrafficOrleans.KafkaBroker.Storage;

namespace TrafficOrleans.KafkaBroker.Handlers;

/// <summary>CreateTopics 0–4: partitions, retention configs, validate-only, errors 17/36/37/38/40.</summary>
internal static class CreateTopicsHandler
{
    public static void Handle(short version, ref KafkaReader reader, ResponseWriter writer, BrokerContext context)
    {
        var requests = new List<(string Name, int Partitions, short Replication, int Assigned, Dictionary<string, string?> Configs)>();
        var topicCount = reader.ReadArrayLength();
        for (var t = 0; t < topicCount; t++)
        {
            var name = reader.ReadString();
            var partitions = reader.ReadInt32();
            var replication = reader.ReadInt16();
            var assignmentCount = reader.ReadArrayLength();
            for (var a = 0; a < assignmentCount; a++)
            {
                reader.ReadInt32();
                var brokers = reader.ReadArrayLength();
                for (var b = 0; b < brokers; b++)
                {
                    reader.ReadInt32();
                }
            }

            var configs = new Dictionary<string, string?>(StringComparer.Ordinal);
            var configCount = reader.ReadArrayLength();
            for (var c = 0; c < configCount; c++)
            {
                configs[reader.ReadString()] = reader.ReadNullableString();
            }

            requests.Add((name, partitions, replication, Math.Max(assignmentCount, 0), configs));
        }

        reader.ReadInt32(); // timeout: creation is synchronous
        var validateOnly = version >= 1 && reader.ReadBool();
        if (version >= 2)
        {
            writer.WriteInt32(0);
        }

        writer.WriteArrayLength(requests.Count);
        foreach (var request in requests)
        {
            var (error, message) = Create(request.Name, request.Assigned > 0 ? request.Assigned : request.Partitions, request.Replication, request.Configs, validateOnly, context);
            writer.WriteString(request.Name);
            writer.WriteInt16(error);
            if (version >= 1)
            {
                writer.WriteNullableString(message);
            }
        }
    }

    private static (short Error, string? Message) Create(string name, int partitions, short replication, Dictionary<string, string?> configs, bool validateOnly, BrokerContext context)
    {
        if (!TopicName.IsValid(name))
        {
            return (ErrorCode.InvalidTopicException, $"Topic name '{name}' is illegal.");
        }

        if (context.Topics.Find(name) is not null)
        {
            return (ErrorCode.TopicAlreadyExists, $"Topic '{name}' already exists.");
        }

        if (context.Topics.CollidesWithExisting(name))
        {
            return (ErrorCode.InvalidTopicException, $"Topic '{name}' collides with an existing topic ('.' and '_' are equivalent).");
        }

        if (partitions == -1)
        {
            partitions = context.Options.DefaultPartitions;
        }

        if (partitions <= 0)
        {
            return (ErrorCode.InvalidPartitions, "Number of partitions must be larger than 0.");
        }

        if (replication is 0 or < -1 or > 1)
        {
            return (ErrorCode.InvalidReplicationFactor, $"Replication factor {replication} is invalid: this broker is a single node.");
        }

        var defaults = context.Topics.DefaultConfig;
        if (!TryReadLong(configs, "retention.ms", defaults.RetentionMs, out var retentionMs)
            || !TryReadLong(configs, "retention.bytes", defaults.RetentionBytes, out var retentionBytes))
        {
            return (ErrorCode.InvalidConfig, "retention.ms and retention.bytes must be integers.");
        }

        if (!validateOnly && !context.Topics.TryCreate(name, partitions, new TopicConfig(retentionMs, retentionBytes)))
        {
            return (ErrorCode.TopicAlreadyExists, $"Topic '{name}' already exists.");
        }

        return (ErrorCode.None, null);
    }

    private static bool TryReadLong(Dictionary<string, string?> configs, string key, long fallback, out long value)
    {
        value = fallback;
        return !configs.TryGetValue(key, out var text) || text is null
            || long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
