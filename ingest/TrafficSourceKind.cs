namespace TrafficOrleans.Ingest;

/// <summary>Which <see cref="ITrafficSource"/> the host uses (<c>Ingest:Source</c>).</summary>
public enum TrafficSourceKind
{
    /// <summary>HERE when <c>Ingest:Here:ApiKey</c> is set, else the simulator (so the product runs offline).</summary>
    Auto = 0,

    /// <summary>The HERE Traffic API v7.</summary>
    Here = 1,

    /// <summary>The city traffic simulator.</summary>
    Simulator = 2,

    /// <summary>A recorded CSV dataset.</summary>
    Replay = 3,
}
