using System.Buffers.Binary;

namespace TrafficOrleans.KafkaBroker.Storage;

/// <summary>
/// One segment of a partition log: stored batches byte for byte plus an offset index with one
/// entry per batch (kept in memory, mirrored to a <c>.index</c> file on disk).
/// </summary>
internal sealed class LogSegment : IDisposable
{
    private const int IndexEntrySize = 36;
    private readonly ISegmentStore _log;
    private readonly ISegmentStore? _index;
    private readonly List<BatchEntry> _entries = [];

    private LogSegment(long baseOffset, ISegmentStore log, ISegmentStore? index)
    {
        BaseOffset = baseOffset;
        _log = log;
        _index = index;
    }

    public long BaseOffset { get; }

    public long NextOffset => _entries.Count == 0 ? BaseOffset : _entries[^1].LastOffset + 1;

    public long Size => _log.Length;

    public long MaxTimestamp { get; private set; } = -1;

    public IReadOnlyList<BatchEntry> Entries => _entries;

    public static LogSegment CreateInMemory(long baseOffset) => new(baseOffset, new MemorySegmentStore(), null);

    public static string LogPath(string directory, long baseOffset) => Path.Combine(directory, $"{baseOffset:D20}.log");

    /// <summary>
    /// Opens a segment file. Sealed segments trust a complete index file; the active segment (or one
    /// without a usable index) is scanned and every batch CRC-checked; a torn tail is truncated.
    /// </summary>
    public static LogSegment Open(string directory, long baseOffset, bool isActive, out long truncatedBytes)
    {
        var log = new FileSegmentStore(LogPath(directory, baseOffset));
        var index = new FileSegmentStore(Path.Combine(directory, $"{baseOffset:D20}.index"));
        var segment = new LogSegment(baseOffset, log, index);
        truncatedBytes = 0;
        if (isActive || !segment.TryLoadIndex())
        {
            truncatedBytes = segment.Rebuild();
        }

        return segment;
    }

    public static LogSegment CreateOnDisk(string directory, long baseOffset) => Open(directory, baseOffset, isActive: true, out _);

    public void Append(ReadOnlySpan<byte> batch, long baseOffset, long lastOffset, long maxTimestamp)
    {
        Span<byte> offsetField = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(offsetField, baseOffset);
        var entry = new BatchEntry(baseOffset, lastOffset, _log.Length, batch.Length, maxTimestamp);

        // baseOffset is outside the CRC, so it is written separately instead of copying the batch.
        _log.Append(offsetField);
        _log.Append(batch[8..]);
        AddEntry(entry, persist: true);
    }

    /// <summary>Index of the first batch whose last offset is ≥ <paramref name="offset"/>, or −1.</summary>
    public int FindEntry(long offset)
    {
        int low = 0, high = _entries.Count - 1, found = -1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (_entries[mid].LastOffset >= offset)
            {
                found = mid;
                high = mid - 1;
            }
            else
            {
                low = mid + 1;
            }
        }

        return found;
    }

    public void Read(BatchEntry entry, Span<byte> destination) => _log.Read(entry.Position, destination);

    public void Flush()
    {
        _log.Flush();
        _index?.Flush();
    }

    public void Delete()
    {
        _log.Delete();
        _index?.Delete();
    }

    public void Dispose()
    {
        _log.Dispose();
        _index?.Dispose();
    }

    private void AddEntry(BatchEntry entry, bool persist)
    {
        _entries.Add(entry);
        MaxTimestamp = Math.Max(MaxTimestamp, entry.MaxTimestamp);
        if (persist && _index is not null)
        {
            Span<byte> record = stackalloc byte[IndexEntrySize];
            BinaryPrimitives.WriteInt64BigEndian(record, entry.BaseOffset);
            BinaryPrimitives.WriteInt64BigEndian(record[8..], entry.LastOffset);
            BinaryPrimitives.WriteInt64BigEndian(record[16..], entry.Position);
            BinaryPrimitives.WriteInt32BigEndian(record[24..], entry.Length);
            BinaryPrimitives.WriteInt64BigEndian(record[28..], entry.MaxTimestamp);
            _index.Append(record);
        }
    }

    private bool TryLoadIndex()
    {
        var index = _index!;
        if (index.Length == 0 || index.Length % IndexEntrySize != 0)
        {
            return false;
        }

        var bytes = new byte[index.Length];
        index.Read(0, bytes);
        for (var at = 0; at < bytes.Length; at += IndexEntrySize)
        {
            var record = bytes.AsSpan(at);
            AddEntry(
                new BatchEntry(
                    BinaryPrimitives.ReadInt64BigEndian(record),
                    BinaryPrimitives.ReadInt64BigEndian(record[8..]),
                    BinaryPrimitives.ReadInt64BigEndian(record[16..]),
                    BinaryPrimitives.ReadInt32BigEndian(record[24..]),
                    BinaryPrimitives.ReadInt64BigEndian(record[28..])),
                persist: false);
        }

        var last = _entries[^1];
        if (last.Position + last.Length == _log.Length)
        {
            return true;
        }

        _entries.Clear();
        return false;
    }

    /// <summary>Scans the segment, verifying every batch; returns how many torn bytes were cut off.</summary>
    private long Rebuild()
    {
        _entries.Clear();
        _index!.Truncate(0);
        long position = 0;
        var header = new byte[RecordBatchHeader.Size];
        byte[] batch = [];
        while (_log.Length - position >= RecordBatchHeader.Size)
        {
            _log.Read(position, header);
            var parsed = RecordBatchHeader.Read(header);
            if (parsed.Magic != 2 || parsed.BatchLength < RecordBatchHeader.Size - RecordBatchHeader.LengthFieldEnd
                || position + parsed.TotalSize > _log.Length)
            {
                break;
            }

            if (batch.Length < parsed.TotalSize)
            {
                batch = new byte[parsed.TotalSize];
            }

            var span = batch.AsSpan(0, parsed.TotalSize);
            _log.Read(position, span);
            if (!RecordBatchHeader.HasValidCrc(span))
            {
                break;
            }

            AddEntry(new BatchEntry(parsed.BaseOffset, parsed.BaseOffset + parsed.LastOffsetDelta, position, parsed.TotalSize, parsed.MaxTimestamp), persist: true);
            position += parsed.TotalSize;
        }

        var torn = _log.Length - position;
        if (torn > 0)
        {
            _log.Truncate(position);
        }

        return torn;
    }
}
