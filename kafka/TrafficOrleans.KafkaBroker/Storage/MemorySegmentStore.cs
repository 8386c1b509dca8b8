namespace TrafficOrleans.KafkaBroker.Storage;

/// <summary>In-memory segment for tests and ephemeral brokers.</summary>
internal sealed class MemorySegmentStore : ISegmentStore
{
    private byte[] _data = new byte[4096];
    private long _length;

    public long Length => _length;

    public void Append(ReadOnlySpan<byte> data)
    {
        if (_length + data.Length > _data.Length)
        {
            Array.Resize(ref _data, (int)Math.Max(_data.Length * 2L, _length + data.Length));
        }

        data.CopyTo(_data.AsSpan((int)_length));
        _length += data.Length;
    }

    public void Read(long position, Span<byte> destination) => _data.AsSpan((int)position, destination.Length).CopyTo(destination);

    public void Flush()
    {
        // Nothing to make durable.
    }

    public void Truncate(long length) => _length = length;

    public void Delete() => _data = [];

    public void Dispose()
    {
    }
}
