namespace TrafficOrleans.KafkaBroker;

/// <summary>Settings of the single-node development broker.</summary>
public sealed class KafkaBrokerOptions
{
    /// <summary>Address to listen on.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one (read it back from <see cref="KafkaBroker.Port"/>).</summary>
    public int Port { get; set; } = 9092;

    /// <summary>Host name advertised to clients in metadata; defaults to <see cref="Host"/>.</summary>
    public string? AdvertisedHost { get; set; }

    /// <summary>Directory of the segmented logs; null keeps everything in memory.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Whether Metadata requests may create unknown topics.</summary>
    public bool AutoCreateTopics { get; set; } = true;

    /// <summary>Partitions of auto-created topics and of CreateTopics with −1.</summary>
    public int DefaultPartitions { get; set; } = 1;

    /// <summary>Size at which a new segment is rolled.</summary>
    public long SegmentBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Default <c>retention.ms</c>; −1 keeps forever.</summary>
    public long RetentionMs { get; set; } = 7L * 24 * 60 * 60 * 1000;

    /// <summary>Default <c>retention.bytes</c> per partition; −1 means unlimited.</summary>
    public long RetentionBytes { get; set; } = -1;

    /// <summary>How often retention is enforced.</summary>
    public TimeSpan RetentionCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Durability of acknowledged writes.</summary>
    public FsyncPolicy FsyncPolicy { get; set; } = FsyncPolicy.Interval;

    /// <summary>Flush period for <see cref="FsyncPolicy.Interval"/>.</summary>
    public TimeSpan FsyncInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Delay of an empty group's first rebalance (Kafka's group.initial.rebalance.delay.ms).</summary>
    public TimeSpan InitialRebalanceDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Node id reported in metadata.</summary>
    public int NodeId { get; set; } = 1;

    /// <summary>Cluster id reported in metadata.</summary>
    public string ClusterId { get; set; } = "trafficorleans-dev";
}
