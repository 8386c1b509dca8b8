namespace TrafficOrleans.KafkaBroker.Groups;

/// <summary>An offset a group committed for one partition.</summary>
internal readonly record struct CommittedOffset(long Offset, string? Metadata);
