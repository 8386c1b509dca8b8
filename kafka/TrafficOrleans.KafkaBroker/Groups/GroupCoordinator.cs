using System.Collections.Concurrent;

namespace TrafficOrleans.KafkaBroker.Groups;

/// <summary>The broker is the coordinator of every group; this holds them and their committed offsets.</summary>
internal sealed class GroupCoordinator(KafkaBrokerOptions options) : IDisposable
{
    private readonly ConcurrentDictionary<string, ConsumerGroup> _groups = new(StringComparer.Ordinal);

    public OffsetStore Offsets { get; } = new(options);

    public ConsumerGroup GetOrCreate(string groupId) =>
        _groups.GetOrAdd(groupId, id => new ConsumerGroup(id, options.InitialRebalanceDelay));

    public ConsumerGroup? Find(string groupId) => _groups.GetValueOrDefault(groupId);

    /// <summary>Every group with members or committed offsets.</summary>
    public IEnumerable<string> GroupIds => _groups.Keys.Union(Offsets.Groups).Order(StringComparer.Ordinal);

    public void Tick(long nowMs)
    {
        foreach (var group in _groups.Values)
        {
            group.Tick(nowMs);
        }
    }

    public void Dispose() => Offsets.Dispose();
}
