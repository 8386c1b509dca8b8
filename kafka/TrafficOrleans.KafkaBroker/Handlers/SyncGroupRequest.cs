namespace TrafficOrleans.KafkaBroker.Handlers;

/// <summary>Parsed SyncGroup request (versions 0–3).</summary>
internal sealed record SyncGroupRequest(string GroupId, int GenerationId, string MemberId, IReadOnlyDictionary<string, byte[]> Assignments);
