namespace TrafficOrleans.Ingest.DualWrite;

/// <summary>
/// Crash points for the fault-injection test, switched on by the environment variable <c>TRAFFIC_FAULT</c>.
/// Off unless the variable is set; read once per process.
/// </summary>
internal static class FaultInjection
{
    /// <summary>Environment variable naming the fault.</summary>
    public const string Variable = "TRAFFIC_FAULT";

    /// <summary>Kill the process right after the PostgreSQL commit of a dual write, before anything is published.</summary>
    public const string CrashAfterDatabaseCommit = "crash-after-db-commit";

    private static readonly string? Fault = Environment.GetEnvironmentVariable(Variable);

    /// <summary>Called after the commit: dies without running finalizers, flushing or the relay, like a power cut.</summary>
    public static void AfterDatabaseCommit()
    {
        if (string.Equals(Fault, CrashAfterDatabaseCommit, StringComparison.Ordinal))
        {
            Environment.FailFast($"{Variable}={CrashAfterDatabaseCommit}: crashing between the PostgreSQL commit and the Kafka publish.");
        }
    }
}
