namespace TrafficOrleans.KafkaBroker.Protocol;

/// <summary>Request header v1/v2 fields this broker needs.</summary>
internal readonly record struct RequestHeader(ApiKey ApiKey, short ApiVersion, int CorrelationId, string? ClientId);
