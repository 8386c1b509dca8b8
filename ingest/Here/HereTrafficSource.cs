using TrafficOrleans.Ingest.Preprocessing;
using TrafficOrleans.Roads;
using TrafficOrleans.Roads.Here;

namespace TrafficOrleans.Ingest.Here;

/// <summary>Live traffic from the HERE Traffic API v7: each poll is one <c>/flow</c> request for the bbox.</summary>
public sealed class HereTrafficSource(HereTrafficClient client, ReadingPreprocessor preprocessor, TimeProvider clock) : ITrafficSource
{
    /// <inheritdoc />
    public string Name => "here";

    /// <inheritdoc />
    public TimeProvider Clock => clock;

    /// <inheritdoc />
    /// <remarks>Null until the first poll; then the graph of the latest response's segments.</remarks>
    public RoadAdjacency? Adjacency { get; private set; }

    /// <inheritdoc />
    public bool CanReadRange => false;

    /// <inheritdoc />
    /// <remarks>Readings are stamped with <paramref name="observedAt"/>, so a re-poll of the same tick dedupes.</remarks>
    public async Task<TrafficBatch> PollAsync(DateTimeOffset observedAt, CancellationToken cancellationToken)
    {
        var response = await client.GetFlowAsync(cancellationToken);
        // HERE may add or drop segments between polls; 772 segments take well under a millisecond to relink.
        Adjacency = RoadAdjacency.FromSegments(HereRoadNetwork.ToSegments(response));
        return HereFlowReadings.ToBatch(response, observedAt, preprocessor, Name);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<TrafficBatch> ReadRangeAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan interval, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The HERE Traffic API serves only current flow; use the simulator or a replay for history.");
}
