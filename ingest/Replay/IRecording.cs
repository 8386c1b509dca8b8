using TrafficOrleans.Ingest.Preprocessing;

namespace TrafficOrleans.Ingest.Replay;

/// <summary>A dataset loaded for replay.</summary>
internal interface IRecording
{
    DateTimeOffset Start { get; }

    DateTimeOffset End { get; }

    /// <summary>Adds the readings timestamped in (<paramref name="after"/>, <paramref name="until"/>] to the batch.</summary>
    void Emit(DateTimeOffset after, DateTimeOffset until, TrafficBatchBuilder batch);
}
