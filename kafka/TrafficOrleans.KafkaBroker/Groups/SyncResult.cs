namespace TrafficOrleans.KafkaBroker.Groups;

/// <summary>What a SyncGroup call answers: the member's assignment from the leader.</summary>
internal readonly record struct SyncResult(short ErrorCode, byte[] Assignment);
