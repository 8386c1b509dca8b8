namespace TrafficOrleans.KafkaBroker;

/// <summary>When appended batches are forced to disk.</summary>
public enum FsyncPolicy
{
    /// <summary>Before every produce acknowledgement: nothing acknowledged is lost on a crash.</summary>
    Always,

    /// <summary>Every <see cref="KafkaBrokerOptions.FsyncInterval"/>; much faster, a crash may lose the last interval.</summary>
    Interval,
}
