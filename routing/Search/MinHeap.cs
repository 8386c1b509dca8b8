namespace TrafficOrleans.Routing.Search;

/// <summary>
/// Binary min-heap of (key, node) with lazy deletion: a node may be pushed again with a smaller key and the
/// stale entry is skipped when popped. Cheaper than decrease-key bookkeeping on road graphs (low degree).
/// Reused across searches, so it grows once and then allocates nothing.
/// </summary>
internal sealed class MinHeap
{
    private Entry[] _entries = new Entry[256];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public void Push(double key, int node)
    {
        if (Count == _entries.Length) Array.Resize(ref _entries, _entries.Length * 2);
        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (_entries[parent].Key <= key) break;
            _entries[i] = _entries[parent];
            i = parent;
        }

        _entries[i] = new Entry(key, node);
    }

    public int Pop(out double key)
    {
        var top = _entries[0];
        var last = _entries[--Count];
        var i = 0;
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= Count) break;
            if (child + 1 < Count && _entries[child + 1].Key < _entries[child].Key) child++;
            if (_entries[child].Key >= last.Key) break;
            _entries[i] = _entries[child];
            i = child;
        }

        if (Count > 0) _entries[i] = last;
        key = top.Key;
        return top.Node;
    }

    private readonly record struct Entry(double Key, int Node);
}
