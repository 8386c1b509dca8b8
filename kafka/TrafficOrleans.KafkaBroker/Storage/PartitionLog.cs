using Microsoft.Extensions.Logging;
using TrafficOrleans.KafkaBroker.Protocol;

namespace TrafficOrleans.KafkaBroker.Storage;

/// <summary>
/// Append-only log of one partition made of segments. Batches are stored opaque: only their
/// header is read, baseOffset is rewritten, and fetches return them byte for byte.
/// </summary>
internal sealed partial class PartitionLog : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<LogSegment> _segments = [];
    private readonly ProducerStateTable _producers = new();
    private readonly string? _directory;
    private readonly KafkaBrokerOptions _options;
    private readonly AppendSignal _signal;
    private readonly ILogger _logger;
    private bool _dirty;

    public PartitionLog(string topic, int partition, KafkaBrokerOptions options, AppendSignal signal, ILogger logger)
    {
        Topic = topic;
        Partition = partition;
        _options = options;
        _signal = signal;
        _logger = logger;
        if (options.DataDirectory is not null)
        {
            _directory = Path.Combine(options.DataDirectory, $"{topic}-{partition}");
            Directory.CreateDirectory(_directory);
            OpenSegments();
        }

        if (_segments.Count == 0)
        {
            _segments.Add(NewSegment(0));
        }

        LogStartOffset = _segments[0].BaseOffset;
        HighWatermark = _segments[^1].NextOffset;
    }

    public string Topic { get; }

    public int Partition { get; }

    public long LogStartOffset { get; private set; }

    /// <summary>Log end offset; with one replica and no transactions also the high watermark and LSO.</summary>
    public long HighWatermark { get; private set; }

    public TopicConfig Config { get; set; } = new(-1, -1);

    /// <summary>Highest idempotent producer id stored in this partition, or −1.</summary>
    public long MaxProducerId
    {
        get
        {
            lock (_lock)
            {
                return _producers.MaxProducerId;
            }
        }
    }

    public AppendResult Append(ReadOnlySpan<byte> records)
    {
        var error = Validate(records);
        if (error != ErrorCode.None)
        {
            return new AppendResult(error, -1, LogStartOffset);
        }

        long firstOffset = -1;
        lock (_lock)
        {
            while (!records.IsEmpty)
            {
                var header = RecordBatchHeader.Read(records);
                var batch = records[..header.TotalSize];
                records = records[header.TotalSize..];
                error = _producers.Check(header, out var duplicateOffset);
                if (error != ErrorCode.None)
                {
                    return new AppendResult(error, -1, LogStartOffset);
                }

                var baseOffset = duplicateOffset >= 0 ? duplicateOffset : AppendBatch(batch, header);
                firstOffset = firstOffset < 0 ? baseOffset : firstOffset;
            }

            if (_options.FsyncPolicy == FsyncPolicy.Always)
            {
                _segments[^1].Flush();
            }
            else
            {
                _dirty = true;
            }
        }

        _signal.Notify();
        return new AppendResult(ErrorCode.None, firstOffset, LogStartOffset);
    }

    /// <summary>
    /// Copies whole batches starting with the one containing <paramref name="offset"/> into
    /// <paramref name="writer"/>, up to <paramref name="maxBytes"/>; with
    /// <paramref name="mustIncludeFirst"/> the first batch goes even if larger (KIP-74).
    /// Returns the number of bytes written.
    /// </summary>
    public int Read(long offset, int maxBytes, ResponseWriter writer, bool mustIncludeFirst)
    {
        var written = 0;
        lock (_lock)
        {
            for (var s = FindSegment(offset); s < _segments.Count && s >= 0; s++)
            {
                var segment = _segments[s];
                var entries = segment.Entries;
                for (var e = written == 0 ? segment.FindEntry(offset) : 0; e >= 0 && e < entries.Count; e++)
                {
                    var entry = entries[e];
                    if ((written > 0 || !mustIncludeFirst) && written + entry.Length > maxBytes)
                    {
                        return written;
                    }

                    segment.Read(entry, writer.Reserve(entry.Length));
                    written += entry.Length;
                }
            }
        }

        return written;
    }

    /// <summary>ListOffsets by timestamp: first offset whose record timestamp is ≥ it, or −1.</summary>
    public long OffsetForTimestamp(long timestamp)
    {
        lock (_lock)
        {
            foreach (var segment in _segments)
            {
                foreach (var entry in segment.Entries)
                {
                    if (entry.MaxTimestamp < timestamp)
                    {
                        continue;
                    }

                    var batch = new byte[entry.Length];
                    segment.Read(entry, batch);
                    var offset = RecordTimestamps.FirstOffsetAtOrAfter(batch, timestamp);
                    if (offset >= 0)
                    {
                        return Math.Max(offset, LogStartOffset);
                    }
                }
            }
        }

        return -1;
    }

    /// <summary>Deletes whole sealed segments past retention.ms / retention.bytes; advances the log start.</summary>
    public void EnforceRetention(long nowMs)
    {
        lock (_lock)
        {
            var totalSize = _segments.Sum(s => s.Size);
            while (_segments.Count > 1)
            {
                var oldest = _segments[0];
                var expired = Config.RetentionMs >= 0 && oldest.MaxTimestamp >= 0 && oldest.MaxTimestamp < nowMs - Config.RetentionMs;
                var oversized = Config.RetentionBytes >= 0 && totalSize - oldest.Size >= Config.RetentionBytes;
                if (!expired && !oversized)
                {
                    break;
                }

                _segments.RemoveAt(0);
                totalSize -= oldest.Size;
                oldest.Delete();
                LogStartOffset = _segments[0].BaseOffset;
                LogSegmentDeleted(_logger, Topic, Partition, oldest.BaseOffset, LogStartOffset);
            }
        }
    }

    public void Flush()
    {
        lock (_lock)
        {
            if (_dirty)
            {
                _segments[^1].Flush();
                _dirty = false;
            }
        }
    }

    public void DeleteAll()
    {
        lock (_lock)
        {
            foreach (var segment in _segments)
            {
                segment.Delete();
            }

            _segments.Clear();
            if (_directory is not null && Directory.Exists(_directory))
            {
                Directory.Delete(_directory, recursive: true);
            }
        }
    }

    public void Dispose()
    {
        Flush();
        lock (_lock)
        {
            foreach (var segment in _segments)
            {
                segment.Dispose();
            }
        }
    }

    private static short Validate(ReadOnlySpan<byte> records)
    {
        if (records.Length < RecordBatchHeader.Size)
        {
            return ErrorCode.CorruptMessage;
        }

        while (!records.IsEmpty)
        {
            if (records.Length < RecordBatchHeader.Size)
            {
                return ErrorCode.CorruptMessage;
            }

            var header = RecordBatchHeader.Read(records);
            if (header.Magic != 2)
            {
                return ErrorCode.UnsupportedForMessageFormat;
            }

            if (header.TotalSize > records.Length || header.TotalSize < RecordBatchHeader.Size
                || header.BaseOffset != 0 || header.LastOffsetDelta != header.RecordCount - 1
                || header.Codec > 4 || header.IsControl || !RecordBatchHeader.HasValidCrc(records[..header.TotalSize]))
            {
                return ErrorCode.CorruptMessage;
            }

            records = records[header.TotalSize..];
        }

        return ErrorCode.None;
    }

    private long AppendBatch(ReadOnlySpan<byte> batch, in RecordBatchHeader header)
    {
        var active = _segments[^1];
        if (active.Size > 0 && active.Size + batch.Length > _options.SegmentBytes)
        {
            active.Flush();
            active = NewSegment(HighWatermark);
            _segments.Add(active);
        }

        var baseOffset = HighWatermark;
        var lastOffset = baseOffset + header.LastOffsetDelta;
        active.Append(batch, baseOffset, lastOffset, header.MaxTimestamp);
        _producers.Record(header, baseOffset);
        HighWatermark = lastOffset + 1;
        return baseOffset;
    }

    /// <summary>Index of the segment holding <paramref name="offset"/>, or −1 outside the log.</summary>
    private int FindSegment(long offset)
    {
        for (var i = _segments.Count - 1; i >= 0; i--)
        {
            if (_segments[i].BaseOffset <= offset)
            {
                return offset < _segments[i].NextOffset ? i : -1;
            }
        }

        return -1;
    }

    private LogSegment NewSegment(long baseOffset) =>
        _directory is null ? LogSegment.CreateInMemory(baseOffset) : LogSegment.CreateOnDisk(_directory, baseOffset);

    private void OpenSegments()
    {
        var baseOffsets = Directory.GetFiles(_directory!, "*.log")
            .Select(path => long.Parse(Path.GetFileNameWithoutExtension(path), System.Globalization.CultureInfo.InvariantCulture))
            .Order()
            .ToList();
        for (var i = 0; i < baseOffsets.Count; i++)
        {
            var segment = LogSegment.Open(_directory!, baseOffsets[i], isActive: i == baseOffsets.Count - 1, out var truncated);
            if (truncated > 0)
            {
                TornBatchTruncated(_logger, Topic, Partition, truncated, segment.NextOffset);
            }

            _segments.Add(segment);
        }

        RecoverProducerState();
    }

    /// <summary>
    /// Rebuilds the idempotent-producer table from the stored batch headers, oldest first, so a
    /// producer that retries a batch across a broker restart is still answered with the original
    /// offset instead of appending it twice. The headers are the state Kafka snapshots; reading them
    /// back costs one 61-byte read per batch (Kafka bounds this with snapshot files — not needed at a
    /// development broker's log sizes).
    /// </summary>
    private void RecoverProducerState()
    {
        Span<byte> header = stackalloc byte[RecordBatchHeader.Size];
        foreach (var segment in _segments)
        {
            foreach (var entry in segment.Entries)
            {
                segment.Read(entry, header);
                var parsed = RecordBatchHeader.Read(header);
                if (parsed.ProducerId >= 0)
                {
                    _producers.Record(parsed, entry.BaseOffset);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Truncated {Bytes} torn bytes at the end of {Topic}-{Partition}; log end offset is {Offset}")]
    private static partial void TornBatchTruncated(ILogger logger, string topic, int partition, long bytes, long offset);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted segment {BaseOffset} of {Topic}-{Partition}; log start offset is now {LogStartOffset}")]
    private static partial void LogSegmentDeleted(ILogger logger, string topic, int partition, long baseOffset, long logStartOffset);
}
