namespace TrafficOrleans.Kafka.Lag;

/// <summary>The consumer lag of the watched groups, read together.</summary>
/// <param name="State"><see cref="Known"/>, or <see cref="Unknown"/> when the broker did not answer in time.</param>
/// <param name="ReadAt">When it was read (the report is cached for <see cref="ConsumerLagOptions.CacheFor"/>).</param>
/// <param name="Reason">Why the lag is unknown; null when known.</param>
/// <param name="Groups">Every watched group, with a null lag when unknown.</param>
public sealed record ConsumerLagReport(string State, DateTimeOffset ReadAt, string? Reason, IReadOnlyList<ConsumerGroupLag> Groups)
{
    /// <summary>The lag was read from the broker.</summary>
    public const string Known = "known";

    /// <summary>The broker could not be asked (down, or slower than <see cref="ConsumerLagOptions.Timeout"/>).</summary>
    public const string Unknown = "unknown";
}
