using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace TrafficOrleans.KafkaBroker.Storage;

/// <summary>All topics of the broker; topic definitions are persisted next to the logs.</summary>
internal sealed class TopicStore : IDisposable
{
    private readonly ConcurrentDictionary<string, Topic> _topics = new(StringComparer.Ordinal);
    private readonly Lock _definitionsLock = new();
    private readonly KafkaBrokerOptions _options;
    private readonly ILogger _logger;
    private readonly string? _definitionsPath;

    public TopicStore(KafkaBrokerOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        if (options.DataDirectory is not null)
        {
            Directory.CreateDirectory(options.DataDirectory);
            _definitionsPath = Path.Combine(options.DataDirectory, "topics.json");
            LoadDefinitions();
        }
    }

    public AppendSignal Signal { get; } = new();

    public IEnumerable<Topic> All => _topics.Values.OrderBy(t => t.Name, StringComparer.Ordinal);

    public Topic? Find(string name) => _topics.GetValueOrDefault(name);

    public PartitionLog? Find(string name, int partition)
    {
        var topic = Find(name);
        return topic is not null && partition >= 0 && partition < topic.Partitions.Length ? topic.Partitions[partition] : null;
    }

    public TopicConfig DefaultConfig => new(_options.RetentionMs, _options.RetentionBytes);

    /// <summary>Creates the topic unless it exists; returns false when it already did.</summary>
    public bool TryCreate(string name, int partitions, TopicConfig config)
    {
        lock (_definitionsLock)
        {
            if (_topics.ContainsKey(name))
            {
                return false;
            }

            _topics[name] = Build(name, partitions, config);
            SaveDefinitions();
            return true;
        }
    }

    public bool TryDelete(string name)
    {
        lock (_definitionsLock)
        {
            if (!_topics.TryRemove(name, out var topic))
            {
                return false;
            }

            foreach (var log in topic.Partitions)
            {
                log.DeleteAll();
                log.Dispose();
            }

            SaveDefinitions();
            return true;
        }
    }

    /// <summary>Topics collide when they differ only by '.' versus '_' (Kafka metric names clash).</summary>
    public bool CollidesWithExisting(string name)
    {
        var normalized = name.Replace('.', '_');
        return _topics.Keys.Any(existing => existing != name && existing.Replace('.', '_') == normalized);
    }

    /// <summary>Highest idempotent producer id stored in any partition, or −1.</summary>
    public long MaxProducerId() =>
        _topics.Values.SelectMany(t => t.Partitions).Select(log => log.MaxProducerId).DefaultIfEmpty(-1).Max();

    public void EnforceRetention(long nowMs)
    {
        foreach (var topic in _topics.Values)
        {
            foreach (var log in topic.Partitions)
            {
                log.EnforceRetention(nowMs);
            }
        }
    }

    public void FlushAll()
    {
        foreach (var topic in _topics.Values)
        {
            foreach (var log in topic.Partitions)
            {
                log.Flush();
            }
        }
    }

    public void Dispose()
    {
        foreach (var topic in _topics.Values)
        {
            foreach (var log in topic.Partitions)
            {
                log.Dispose();
            }
        }
    }

    private Topic Build(string name, int partitions, TopicConfig config)
    {
        var logs = new PartitionLog[partitions];
        for (var p = 0; p < partitions; p++)
        {
            logs[p] = new PartitionLog(name, p, _options, Signal, _logger) { Config = config };
        }

        return new Topic(name, logs, config);
    }

    private void LoadDefinitions()
    {
        if (!File.Exists(_definitionsPath))
        {
            return;
        }

        var definitions = JsonSerializer.Deserialize<List<TopicDefinition>>(File.ReadAllText(_definitionsPath)) ?? [];
        foreach (var definition in definitions)
        {
            _topics[definition.Name] = Build(definition.Name, definition.Partitions, new TopicConfig(definition.RetentionMs, definition.RetentionBytes));
        }
    }

    private void SaveDefinitions()
    {
        if (_definitionsPath is null)
        {
            return;
        }

        var definitions = _topics.Values
            .Select(t => new TopicDefinition(t.Name, t.Partitions.Length, t.Config.RetentionMs, t.Config.RetentionBytes))
            .ToList();
        var temporary = _definitionsPath + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(definitions));
        File.Move(temporary, _definitionsPath, overwrite: true);
    }
}
