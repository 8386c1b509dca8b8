namespace TrafficOrleans.Ingest.DualWrite;

/// <summary>What one dual write committed.</summary>
/// <param name="Inserted">Readings inserted into <c>traffic_data</c> (each with one <c>traffic-raw</c> outbox row).</param>
/// <param name="Duplicates">Readings already stored (same road and timestamp): neither stored nor announced again.</param>
/// <param name="DeadLettered">Rejected readings added to the outbox for <c>traffic-dlq</c> (repeats of a stored rejection are not).</param>
public readonly record struct BatchWriteResult(int Inserted, int Duplicates, int DeadLettered);
