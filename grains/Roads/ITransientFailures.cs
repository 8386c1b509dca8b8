namespace TrafficOrleans.Grains.Roads;

/// <summary>
/// Tells an outage (PostgreSQL, Kafka or the cluster unreachable, a timeout) from a failure the message itself
/// causes. The first is retried until the outage is over; the second isolates the message and, after a few
/// attempts, dead-letters it. Implemented by the host, which knows the infrastructure clients' exception types.
/// </summary>
public interface ITransientFailures
{
    /// <summary>True when <paramref name="exception"/> (or an exception inside it) is an outage rather than bad data.</summary>
    bool IsTransient(Exception exception);
}
