using TrafficOrleans.Kafka.Lag;

namespace TrafficOrleans.Api.Status;

/// <summary>The operator's glance at the running system (<c>GET /system/status</c>).</summary>
/// <param name="Silos">Active silos of the cluster.</param>
/// <param name="Outbox">What the relay still has to publish to Kafka.</param>
/// <param name="Champion">The model the silos serve; null while none was trained (the built-in persistence baseline serves).</param>
/// <param name="Ingestion">The newest stored tick.</param>
/// <param name="ConsumerLag">The pipeline's lag past the outbox: what each consumer group has not yet committed, per topic (state "unknown" while the broker does not answer).</param>
public sealed record SystemStatus(IReadOnlyList<SiloStatusResponse> Silos, OutboxStatus Outbox, ChampionStatus? Champion, IngestionStatus Ingestion, ConsumerLagReport ConsumerLag);
