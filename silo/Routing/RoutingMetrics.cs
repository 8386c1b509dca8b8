using System.Diagnostics.Metrics;

namespace TrafficOrleans.Silo.Routing;

/// <summary>Counters of the live routing graph, exported with the product's meters.</summary>
public sealed class RoutingMetrics
{
    /// <summary>Meter name.</summary>
    public const string MeterName = "TrafficOrleans.Routing";

    private readonly Counter<long> _predictionsApplied;
    private readonly Counter<long> _predictionsSkipped;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _batches;
    private readonly Counter<long> _sideEffectFailures;
    private readonly Counter<long> _queries;
    private readonly Histogram<double> _queryMilliseconds;

    /// <summary>Creates the instruments.</summary>
    public RoutingMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
#pragma warning disable CA2000 // IMeterFactory owns the meters it creates and disposes them with the service provider.
        var meter = meterFactory.Create(MeterName);
#pragma warning restore CA2000
        _predictionsApplied = meter.CreateCounter<long>("routing.predictions.applied", description: "Predictions applied to the routing graph.");
        _predictionsSkipped = meter.CreateCounter<long>("routing.predictions.skipped", description: "Predictions for unknown roads or with non-finite speeds.");
        _deadLettered = meter.CreateCounter<long>("routing.predictions.dead_lettered", description: "Malformed prediction messages sent to the dead-letter topic.");
        _batches = meter.CreateCounter<long>("routing.batches.applied", description: "Prediction batches applied (graph versions produced).");
        _sideEffectFailures = meter.CreateCounter<long>("routing.side_effects.failed", description: "Snapshot saves or route-update publishes that failed.");
        _queries = meter.CreateCounter<long>("routing.queries", description: "Route queries answered, by cache hit and outcome.");
        _queryMilliseconds = meter.CreateHistogram<double>("routing.query.duration", unit: "ms", description: "Route query time without cache.");
    }

    /// <summary>Counts an applied batch.</summary>
    public void BatchApplied(int applied, int skipped)
    {
        _batches.Add(1);
        _predictionsApplied.Add(applied);
        _predictionsSkipped.Add(skipped);
    }

    /// <summary>Counts a dead-lettered message.</summary>
    public void DeadLettered(string category) => _deadLettered.Add(1, new KeyValuePair<string, object?>("category", category));

    /// <summary>Counts a failed Redis save or Kafka publish.</summary>
    public void SideEffectFailed(string what) => _sideEffectFailures.Add(1, new KeyValuePair<string, object?>("what", what));

    /// <summary>Counts a route query.</summary>
    public void Query(bool fromCache, string outcome, double? computeMilliseconds)
    {
        _queries.Add(1, new KeyValuePair<string, object?>("cache", fromCache ? "hit" : "miss"), new KeyValuePair<string, object?>("outcome", outcome));
        if (computeMilliseconds is { } ms) _queryMilliseconds.Record(ms);
    }
}
