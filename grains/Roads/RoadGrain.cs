using Microsoft.Extensions.Logging;
using Orleans.Streams;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Streams;
using TrafficOrleans.Storage.Postgres;
using TrafficOrleans.Storage.Redis;

namespace TrafficOrleans.Grains.Roads;

/// <summary>
/// One road, activated by its <c>traffic-raw</c> stream (implicit subscription, key = road_id). Each new
/// reading is forecast 10/20/30 minutes ahead and the prediction is written to PostgreSQL
/// <c>predictions</c> and Kafka <c>traffic-predictions</c> before the grain state is saved; only then does
/// delivery complete and the stream provider commit the Kafka offset. A crash anywhere in between
/// therefore redelivers the reading, which — not being in the saved state yet — is processed again:
/// the prediction row is idempotent and the republished message has the same event id.
/// </summary>
[ImplicitStreamSubscription(TrafficTopics.RawReadings)]
public sealed partial class RoadGrain(
    [PersistentState("road", GrainStorageNames.Traffic)] IPersistentState<RoadReadingWindow> window,
    RoadCache cache,
    PredictionStore predictions,
    IRoadPredictor predictor,
    TimeProvider clock,
    ILogger<RoadGrain> logger) : Grain, IRoadGrain
{
    private IAsyncStream<RoadPrediction> _predictionStream = null!;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var provider = this.GetStreamProvider(TrafficTopics.StreamProvider);
        var roadId = this.GetPrimaryKeyString();
        _predictionStream = provider.GetStream<RoadPrediction>(StreamId.Create(TrafficTopics.Predictions, roadId));
        var readings = provider.GetStream<TrafficReading>(StreamId.Create(TrafficTopics.RawReadings, roadId));
        await readings.SubscribeAsync((reading, _) => ApplyAsync(reading));
    }

    /// <inheritdoc />
    public Task<bool> RecordReadingAsync(TrafficReading reading) => ApplyAsync(reading);

    /// <inheritdoc />
    public Task<TrafficReading?> GetLatestReadingAsync() => Task.FromResult(window.State.Latest);

    /// <inheritdoc />
    public Task<IReadOnlyList<TrafficReading>> GetRecentReadingsAsync() =>
        Task.FromResult<IReadOnlyList<TrafficReading>>(window.State.Readings.ToArray());

    /// <inheritdoc />
    public Task<RoadActivity> GetActivityAsync() =>
        Task.FromResult(new RoadActivity(window.State.AppliedReadings, window.State.DuplicateReadings, window.State.OutOfOrderReadings, window.State.Latest?.Timestamp));

    private async Task<bool> ApplyAsync(TrafficReading reading)
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

        RoadPrediction prediction;
        try
        {
            prediction = predictor.Predict(window.State.Readings, clock.GetUtcNow());
            await predictions.SaveAsync(prediction);
            await _predictionStream.OnNextAsync(prediction);
            await window.WriteStateAsync();
        }
        catch
        {
            // The reading is applied in memory only; drop this activation so the redelivery starts from the saved state.
            DeactivateOnIdle();
            throw;
        }

        RoadMetrics.ReadingsApplied.Add(1);
        await UpdateCacheAsync(reading, prediction);
        return true;
    }

    private async Task UpdateCacheAsync(TrafficReading reading, RoadPrediction prediction)
    {
        try
        {
            await cache.SetCurrentAsync(reading);
            await cache.SetPredictedAsync(prediction);
        }
        catch (StackExchange.Redis.RedisException ex)
        {
            // Redis holds copies; PostgreSQL and Kafka already have the data, so a cache outage must not replay the stream.
            LogCacheFailed(logger, ex, reading.RoadId);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Road {RoadId} ignored reading {EventId} at {Timestamp}: duplicate or out of order")]
    private static partial void LogIgnored(ILogger logger, string roadId, Guid eventId, DateTimeOffset timestamp);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Road {RoadId} received reading {EventId} for road {OtherRoadId}; ignored")]
    private static partial void LogRoadMismatch(ILogger logger, string roadId, string otherRoadId, Guid eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not update the Redis keys of road {RoadId}")]
    private static partial void LogCacheFailed(ILogger logger, Exception exception, string roadId);
}
