namespace TrafficOrleans.KafkaBroker.Storage;

/// <summary>Offset index entry: where one stored batch lives inside its segment.</summary>
internal readonly record struct BatchEntry(long BaseOffset, long LastOffset, long Position, int Length, long MaxTimestamp);
