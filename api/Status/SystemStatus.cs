namespace TrafficOrleans.Api.Status;

/// <summary>The operator's glance at the running system (<c>GET /system/status</c>).</summary>
/// <param name="Silos">Active silos of the cluster.</param>
/// <param name="Outbox">What the relay still has to publish to Kafka.</param>
/// <param name="Champion">The model the silos serve; null while none was trained (the built-in persistence baseline serves).</param>
/// <param name="Ingestion">The newest stored tick.</param>
public sealed record SystemStatus(IReadOnlyList<SiloStatusResponse> Silos, OutboxStatus Outbox, ChampionStatus? Champion, IngestionStatus Ingestion);
