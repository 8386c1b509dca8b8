using System.Collections.Concurrent;
using System.Text;

namespace TrafficOrleans.KafkaBroker.Groups;

/// <summary>
/// Committed group offsets. On disk they are an append-only log of commits, replayed and compacted
/// when the broker starts (the role of Kafka's __consumer_offsets topic).
/// </summary>
internal sealed class OffsetStore : IDisposable
{
    private readonly ConcurrentDictionary<(string Group, string Topic, int Partition), CommittedOffset> _offsets = new();
    private readonly Lock _fileLock = new();
    private readonly FsyncPolicy _fsyncPolicy;
    private readonly string? _path;
    private FileStream? _file;
    private BinaryWriter? _writer;
    private bool _dirty;

    public OffsetStore(KafkaBrokerOptions options)
    {
        _fsyncPolicy = options.FsyncPolicy;
        if (options.DataDirectory is null)
        {
            return;
        }

        Directory.CreateDirectory(options.DataDirectory);
        _path = Path.Combine(options.DataDirectory, "consumer-offsets.log");
        Replay();
        Compact();
    }

    public CommittedOffset? Get(string group, string topic, int partition) =>
        _offsets.TryGetValue((group, topic, partition), out var committed) ? committed : null;

    public IEnumerable<(string Topic, int Partition, CommittedOffset Offset)> ForGroup(string group) =>
        _offsets.Where(e => e.Key.Group == group)
            .OrderBy(e => e.Key.Topic, StringComparer.Ordinal).ThenBy(e => e.Key.Partition)
            .Select(e => (e.Key.Topic, e.Key.Partition, e.Value));

    public IEnumerable<string> Groups => _offsets.Keys.Select(k => k.Group).Distinct();

    public void Commit(string group, string topic, int partition, long offset, string? metadata)
    {
        _offsets[(group, topic, partition)] = new CommittedOffset(offset, metadata);
        if (_writer is null)
        {
            return;
        }

        lock (_fileLock)
        {
            WriteRecord(_writer, group, topic, partition, offset, metadata);
            _writer.Flush();
            if (_fsyncPolicy == FsyncPolicy.Always)
            {
                _file!.Flush(flushToDisk: true);
            }
            else
            {
                _dirty = true;
            }
        }
    }

    public void Flush()
    {
        lock (_fileLock)
        {
            if (_dirty)
            {
                _file?.Flush(flushToDisk: true);
                _dirty = false;
            }
        }
    }

    public void Dispose()
    {
        Flush();
        _writer?.Dispose();
    }

    private static void WriteRecord(BinaryWriter writer, string group, string topic, int partition, long offset, string? metadata)
    {
        writer.Write(group);
        writer.Write(topic);
        writer.Write(partition);
        writer.Write(offset);
        writer.Write(metadata ?? string.Empty);
    }

    private void Replay()
    {
        if (!File.Exists(_path))
        {
            return;
        }

        using var reader = new BinaryReader(File.OpenRead(_path!), Encoding.UTF8);
        try
        {
            while (reader.BaseStream.Position < reader.BaseStream.Length)
            {
                var key = (reader.ReadString(), reader.ReadString(), reader.ReadInt32());
                _offsets[key] = new CommittedOffset(reader.ReadInt64(), reader.ReadString());
            }
        }
        catch (EndOfStreamException)
        {
            // A commit torn by a crash: everything before it is intact, the tail is dropped by Compact.
        }
    }

    private void Compact()
    {
        var temporary = _path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
        {
            foreach (var ((group, topic, partition), committed) in _offsets)
            {
                WriteRecord(writer, group, topic, partition, committed.Offset, committed.Metadata);
            }

            writer.Flush();
            ((FileStream)writer.BaseStream).Flush(flushToDisk: true);
        }

        File.Move(temporary, _path!, overwrite: true);
        _file = new FileStream(_path!, FileMode.Append, FileAccess.Write, FileShare.Read);
        _writer = new BinaryWriter(_file, Encoding.UTF8);
    }
}
