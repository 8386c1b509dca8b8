namespace TrafficOrleans.Notifications.Delivery;

/// <summary>
/// Where the crash test stops the consumer: after the PostgreSQL commit of a batch and before its Kafka offsets are
/// committed, the one window in which a crash makes Kafka redeliver predictions whose alerts are already stored.
/// In production it does nothing unless the environment variable <c>TRAFFIC_FAULT</c> is
/// <c>notify-crash-after-db-commit</c> (then the process dies there, like ingestion's fault injection).
/// </summary>
public sealed class CrashPoints(Action? afterDatabaseCommit = null)
{
    /// <summary>Environment variable value that crashes the process after a batch's database commit.</summary>
    public const string CrashAfterDatabaseCommit = "notify-crash-after-db-commit";

    /// <summary>The crash points the environment asks for.</summary>
    public static CrashPoints FromEnvironment() =>
        string.Equals(Environment.GetEnvironmentVariable("TRAFFIC_FAULT"), CrashAfterDatabaseCommit, StringComparison.Ordinal)
            ? new CrashPoints(() => Environment.FailFast($"TRAFFIC_FAULT={CrashAfterDatabaseCommit}: crashing between the notification commit and the offset commit."))
            : new CrashPoints();

    /// <summary>Called between the database commit and the offset commit.</summary>
    public void AfterDatabaseCommit() => afterDatabaseCommit?.Invoke();
}
