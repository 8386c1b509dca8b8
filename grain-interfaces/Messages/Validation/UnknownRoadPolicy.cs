namespace TrafficOrleans.GrainInterfaces.Messages.Validation;

/// <summary>What happens to a reading of a road the silo's road network does not know.</summary>
public enum UnknownRoadPolicy
{
    /// <summary>Forecast it like any other road (sources whose road set grows, replayed benchmarks).</summary>
    Accept,

    /// <summary>Dead-letter it with category <c>unknown-road</c> (a fixed city road set).</summary>
    Reject,
}
