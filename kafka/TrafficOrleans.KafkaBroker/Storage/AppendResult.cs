namespace TrafficOrleans.KafkaBroker.Storage;

/// <summary>Outcome of appending a produce request's records to one partition.</summary>
internal readonly record struct AppendResult(short ErrorCode, long BaseOffset, long LogStartOffset);
