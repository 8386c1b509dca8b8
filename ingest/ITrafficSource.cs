using TrafficOrleans.Roads;

namespace TrafficOrleans.Ingest;

/// <summary>
/// Where traffic observations come from (HERE API, simulator, recorded replay). A source polls for one
/// observation time and returns the readings already preprocessed (valid ones as wire readings, invalid ones
/// as <see cref="Preprocessing.RejectedReading"/>s for the dead-letter topic). Sources never throw for bad
/// data; they throw only when the source itself is unusable (e.g. HERE rejected the API key).
/// </summary>
public interface ITrafficSource
{
    /// <summary>Short name for logs, metrics and the <c>source</c> of rejected readings (<c>here</c>, <c>simulator</c>, <c>replay</c>).</summary>
    string Name { get; }

    /// <summary>
    /// The source's own clock. The real clock for HERE; for the simulator and replay it may run faster than
    /// real time (SpeedUp), so a scheduler that waits and aligns ticks with this provider plays simulated
    /// days in minutes.
    /// </summary>
    TimeProvider Clock { get; }

    /// <summary>
    /// Which of the source's roads feed which (the simulator's city, a benchmark's adjacency matrix, the roads of
    /// the latest HERE response), or null when the source has no road graph. Ingestion sets each reading's
    /// <c>neighbour_ratio</c> from it and training builds the neighbour features from it: one graph for both.
    /// </summary>
    RoadAdjacency? Adjacency { get; }

    /// <summary>Whether <see cref="ReadRangeAsync"/> works (false for live sources, which only know "now").</summary>
    bool CanReadRange { get; }

    /// <summary>
    /// One poll: the traffic observed at <paramref name="observedAt"/> (a tick of <see cref="Clock"/>).
    /// Polling the same tick twice yields the same event ids, so re-polls deduplicate downstream.
    /// </summary>
    Task<TrafficBatch> PollAsync(DateTimeOffset observedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Batches for the ticks <paramref name="from"/>, from + interval, … before <paramref name="to"/>,
    /// as fast as they can be produced (back-fill, replay into storage). Throws
    /// <see cref="NotSupportedException"/> when <see cref="CanReadRange"/> is false.
    /// </summary>
    IAsyncEnumerable<TrafficBatch> ReadRangeAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan interval, CancellationToken cancellationToken);
}
