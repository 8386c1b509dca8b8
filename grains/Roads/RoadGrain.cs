using Microsoft.Extensions.Logging;
using Orleans.Streams;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Streams;
using TrafficOrleans.Storage.Postgres;
using TrafficOrleans.Storage.Redis;

namespace TrafficOrleans.Grains.Roads;

/// <summary>
/// One road, activated by its <c>traffic-raw</c> stream (implicit subscription, key = road_id).
/// <para>
/// Each new reading is forecast 10/20/30 minutes ahead; the prediction is produced to Kafka
/// <c>traffic-predictions</c> (acks=all), then the reading and its prediction are committed together to
/// PostgreSQL <c>traffic_data</c> + <c>predictions</c> — that pair is the durable record that the reading was
/// applied. Only then does delivery complete and the stream provider commit the Kafka offset, so a crash
/// anywhere before redelivers the reading, which is processed again (idempotent rows, same prediction
/// event id on Kafka).
/// </para>
/// <para>
/// The grain state (window, dedupe ids, counters) is saved every <see cref="SaveEvery"/> readings and on
/// deactivation rather than per reading — per-reading state writes cost four fifths of the throughput.
/// On activation the saved state is brought up to date from the applied readings in PostgreSQL, so a
/// crash between saves loses nothing.
/// </para>
/// </summary>
[ImplicitStreamSubscription(TrafficTopics.RawReadings)]
public sealed partial class RoadGrain(
    [PersistentState("road", GrainStorageNames.Traffic)] IPersistentState<RoadReadingWindow> window,
    RoadCache cache,
    RoadOutcomeStore outcomes,
    TrafficHistory history,
    IRoadPredictor predictor,
    TimeProvider clock,
    ILogger<RoadGrain> logger) : Grain, IRoadGrain
{
    /// <summary>Readings between two saves of the grain state (one hour at the 5-minute cadence).</summary>
    public const int SaveEvery = 12;

    private IAsyncStream<RoadPrediction> _predictionStream = null!;
    private int _unsaved;
    private bool _failed;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var roadId = this.GetPrimaryKeyString();
        var (newer, total) = await history.AppliedReadingsAfterAsync(roadId, window.State.Latest?.Timestamp, RoadReadingWindow.DefaultCapacity, cancellationToken);
        window.State.CatchUp(newer, total);
        _unsaved = (int)Math.Min(total, SaveEvery);

        var provider = this.GetStreamProvider(TrafficTopics.StreamProvider);
        _predictionStream = provider.GetStream<RoadPrediction>(StreamId.Create(TrafficTopics.Predictions, roadId));
        var readings = provider.GetStream<TrafficReading>(StreamId.Create(TrafficTopics.RawReadings, roadId));
        // A batch observer: the pulling agent hands over every reading of this road it has cached (up to the
        // provider's batch size) in one call, so a backlog costs one Kafka produce, one PostgreSQL commit and
        // one Redis round trip per batch rather than per reading.
        await readings.SubscribeAsync(batch => ApplyAsync(batch.Select(item => item.Item).ToList()));
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // After a failed reading the in-memory window holds a reading that is not durably applied: never save it.
        if (_unsaved > 0 && !_failed) await SaveAsync();
    }

    /// <inheritdoc />
    public async Task<bool> RecordReadingAsync(TrafficReading reading) => await ApplyAsync([reading]) == 1;

    /// <inheritdoc />
    public Task<TrafficReading?> GetLatestReadingAsync() => Task.FromResult(window.State.Latest);

    /// <inheritdoc />
    public Task<IReadOnlyList<TrafficReading>> GetRecentReadingsAsync() =>
        Task.FromResult<IReadOnlyList<TrafficReading>>(window.State.Readings.ToArray());

    /// <inheritdoc />
    public Task<RoadActivity> GetActivityAsync() =>
        Task.FromResult(new RoadActivity(window.State.AppliedReadings, window.State.DuplicateReadings, window.State.OutOfOrderReadings, window.State.Latest?.Timestamp));

    /// <summary>Applies readings of this road in order; returns how many were new (the rest are counted and ignored).</summary>
    private async Task<int> ApplyAsync(List<TrafficReading> readings)
    {
        var applied = new List<RoadOutcome>(readings.Count);
        try
        {
            foreach (var reading in readings)
            {
                if (!Accepts(reading)) continue;
                applied.Add(new RoadOutcome(reading, predictor.Predict(window.State.Readings, clock.GetUtcNow())));
            }

            if (applied.Count == 0) return 0;

            // Kafka first: once PostgreSQL holds the pair the reading counts as applied and is never re-predicted,
            // so a prediction must not be able to miss Kafka after its row is committed.
            await _predictionStream.OnNextBatchAsync(applied.Select(outcome => outcome.Prediction).ToList());
            await outcomes.SaveAsync(applied);
            _unsaved += applied.Count;
            if (_unsaved >= SaveEvery) await SaveAsync();
        }
        catch
        {
            // The readings are applied in memory only; drop this activation so the redelivery starts from the durable record.
            _failed = true;
            DeactivateOnIdle();
            throw;
        }

        RoadMetrics.ReadingsApplied.Add(applied.Count);
        await UpdateCacheAsync(applied[^1]);
        return applied.Count;
    }

    /// <summary>True when the reading is this road's and new; otherwise logs and counts why it is ignored.</summary>
    private bool Accepts(TrafficReading reading)
    {
        var roadId = this.GetPrimaryKeyString();
        if (!string.Equals(reading.RoadId, roadId, StringComparison.Ordinal))
        {
            // The Kafka key decides the grain; a body naming another road is a producer bug, not a reason to stall the partition.
            LogRoadMismatch(logger, roadId, reading.RoadId, reading.EventId);
            RoadMetrics.ReadingsIgnored.Add(1, new KeyValuePair<string, object?>("reason", "road-mismatch"));
            return false;
        }

        if (!window.State.TryApply(reading))
        {
            LogIgnored(logger, roadId, reading.EventId, reading.Timestamp);
            RoadMetrics.ReadingsIgnored.Add(1, new KeyValuePair<string, object?>("reason", "duplicate-or-out-of-order"));
            return false;
        }

        return true;
    }

    private async Task SaveAsync()
    {
        await window.WriteStateAsync();
        _unsaved = 0;
    }

    private async Task UpdateCacheAsync(RoadOutcome latest)
    {
        var (reading, prediction) = latest;
        // Redis holds copies; PostgreSQL and Kafka already have the data, so RoadCache turns an outage into "not cached"
        // rather than an exception that would replay the stream.
        await cache.SetCurrentAndPredictedAsync(reading, prediction);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Road {RoadId} ignored reading {EventId} at {Timestamp}: duplicate or out of order")]
    private static partial void LogIgnored(ILogger logger, string roadId, Guid eventId, DateTimeOffset timestamp);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Road {RoadId} received reading {EventId} for road {OtherRoadId}; ignored")]
    private static partial void LogRoadMismatch(ILogger logger, string roadId, string otherRoadId, Guid eventId);
}
