using Microsoft.Win32.SafeHandles;

namespace TrafficOrleans.KafkaBroker.Storage;

/// <summary>A segment file written with positional I/O (no FileStream buffering to reason about).</summary>
internal sealed class FileSegmentStore : ISegmentStore
{
    private readonly string _path;
    private readonly SafeFileHandle _handle;
    private long _length;

    public FileSegmentStore(string path)
    {
        _path = path;
        _handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        _length = RandomAccess.GetLength(_handle);
    }

    public long Length => _length;

    public void Append(ReadOnlySpan<byte> data)
    {
        RandomAccess.Write(_handle, data, _length);
        _length += data.Length;
    }

    public void Read(long position, Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            var read = RandomAccess.Read(_handle, destination, position);
            if (read == 0)
            {
                throw new EndOfStreamException($"Segment {_path} ended at {position}.");
            }

            destination = destination[read..];
            position += read;
        }
    }

    public void Flush() => RandomAccess.FlushToDisk(_handle);

    public void Truncate(long length)
    {
        RandomAccess.SetLength(_handle, length);
        _length = length;
    }

    public void Delete()
    {
        _handle.Dispose();
        File.Delete(_path);
    }

    public void Dispose() => _handle.Dispose();
}
