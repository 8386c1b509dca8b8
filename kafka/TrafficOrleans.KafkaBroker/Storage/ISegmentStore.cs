namespace TrafficOrleans.KafkaBroker.Storage;

/// <summary>Byte storage behind one log segment: a file on disk or a growable array in memory.</summary>
internal interface ISegmentStore : IDisposable
{
    long Length { get; }

    void Append(ReadOnlySpan<byte> data);

    void Read(long position, Span<byte> destination);

    void Flush();

    void Truncate(long length);

    void Delete();
}
