using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Streams;
using TrafficOrleans.Storage.Postgres;
using TrafficOrleans.Storage.Redis;
using Microsoft.Extensions.DependencyInjection;
using TrafficOrleans.GrainInterfaces.Time;

namespace TrafficOrleans.Grains.Roads;

/// <summary>
/// One road, activated by its <c>traffic-raw</c> stream (implicit subscription, key = road_id).
/// <para>
/// Each new reading is forecast 10/20/30 minutes ahead; the reading, its prediction and the prediction's
/// <c>traffic-predictions</c> message are committed together to PostgreSQL <c>traffic_data</c> + <c>predictions</c>
/// + <c>outbox</c> (<see cref="RoadOutcomeStore"/>) — that pair is the durable record that the reading was applied,
/// and the outbox relay publishes the message. The grain never produces to Kafka itself: producing before the commit
/// published a reading redelivered after a crash twice. Only after the commit does delivery complete and the stream
/// provider commit the Kafka offset, so a crash anywhere before redelivers the reading, which is processed again;
/// a reading already committed adds neither a row nor a message.
/// </para>
/// <para>
/// The grain state (window, dedupe ids, counters) is saved every <see cref="SaveEvery"/> readings, at most once per
/// <see cref="MinSaveInterval"/> of machine time, staggered by road (<see cref="StateSaveSchedule"/>), and on
/// deactivation rather than per reading — per-reading state writes
/// cost four fifths of the throughput, and a road fed faster than its 5-minute cadence (a replay, a back-fill, the push
/// bench's 10,000 readings/s: 8 a second per road) would otherwise still write its state every 1.5 s.
/// On activation the saved state is brought up to date from the applied readings in PostgreSQL, so a
/// crash between saves loses nothing.
/// </para>
/// <para>
/// A batch that fails for a reason other than an outage (see <see cref="ITransientFailures"/>) is retried one
/// reading at a time; a reading that still fails after <see cref="MaxAttempts"/> attempts goes to the dead-letter
/// topic and the rest of the batch is applied, so one bad reading never holds back or costs the good ones. An
/// outage is thrown to Orleans, which redelivers the batch until the outage is over.
/// </para>
/// </summary>
[ImplicitStreamSubscription(TrafficTopics.RawReadings)]
public sealed partial class RoadGrain(
    [PersistentState("road", GrainStorageNames.Traffic)] IPersistentState<RoadReadingWindow> window,
    RoadCache cache,
    RoadOutcomeStore outcomes,
    TrafficHistory history,
    IRoadPredictor predictor,
    IRejectedReadings rejected,
    ITransientFailures failures,
    RoadMetrics metrics,
    [FromKeyedServices(TrafficClock.Key)] TimeProvider clock,
    ILogger<RoadGrain> logger) : Grain, IRoadGrain
{
    /// <summary>Readings between two saves of the grain state (one hour at the 5-minute cadence).</summary>
    public const int SaveEvery = 12;

    /// <summary>Machine time between two saves at least (at the 5-minute cadence <see cref="SaveEvery"/> readings take an hour).</summary>
    public static readonly TimeSpan MinSaveInterval = TimeSpan.FromMinutes(1);

    /// <summary>Attempts at a reading that fails on its own before it is dead-lettered.</summary>
    public const int MaxAttempts = 3;

    private int _unsaved;
    private bool _failed;
    // Set on activation, before any reading is applied.
    private StateSaveSchedule _saves = null!;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _saves = new StateSaveSchedule(this.GetPrimaryKeyString(), Stopwatch.GetTimestamp());
        await CatchUpAsync(cancellationToken);

        var provider = this.GetStreamProvider(TrafficTopics.StreamProvider);
        var readings = provider.GetStream<TrafficReading>(StreamId.Create(TrafficTopics.RawReadings, this.GetPrimaryKeyString()));
        // A batch observer: the pulling agent hands over every reading of this road it has cached (up to the
        // provider's batch size) in one call, so a backlog costs one PostgreSQL commit and one Redis round trip
        // per batch rather than per reading.
        await readings.SubscribeAsync(batch => ApplyAsync(batch.Select(item => new ReadingDelivery(item.Item, item.Token?.SequenceNumber ?? -1)).ToList()));
    }

    /// <summary>Brings the window (as last saved) up to date with the readings PostgreSQL says were applied since.</summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        var (newer, total) = await history.AppliedReadingsAfterAsync(this.GetPrimaryKeyString(), window.State.Latest?.Timestamp, RoadReadingWindow.DefaultCapacity, cancellationToken);
        window.State.CatchUp(newer, total);
        _unsaved = (int)Math.Min(total, SaveEvery);
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // After a failed reading the in-memory window holds a reading that is not durably applied: never save it.
        if (_unsaved > 0 && !_failed) await SaveAsync();
    }

    /// <inheritdoc />
    public async Task<bool> RecordReadingAsync(TrafficReading reading) => await ApplyAsync([new ReadingDelivery(reading, -1)]) == 1;

    /// <inheritdoc />
    public Task<TrafficReading?> GetLatestReadingAsync() => Task.FromResult(window.State.Latest);

    /// <inheritdoc />
    public Task<IReadOnlyList<TrafficReading>> GetRecentReadingsAsync() =>
        Task.FromResult<IReadOnlyList<TrafficReading>>(window.State.Readings.ToArray());

    /// <inheritdoc />
    public Task<RoadActivity> GetActivityAsync() =>
        Task.FromResult(new RoadActivity(window.State.AppliedReadings, window.State.DuplicateReadings, window.State.OutOfOrderReadings, window.State.Latest?.Timestamp));

    /// <summary>Applies readings of this road in order; returns how many were new (the rest are counted and ignored).</summary>
    private async Task<int> ApplyAsync(List<ReadingDelivery> deliveries)
    {
        try
        {
            try
            {
                return await ApplyOnceAsync(deliveries);
            }
            catch (Exception ex) when (!failures.IsTransient(ex))
            {
                LogIsolating(logger, ex, this.GetPrimaryKeyString(), deliveries.Count);
            }

            var applied = 0;
            foreach (var delivery in deliveries) applied += await ApplyAloneAsync(delivery);
            return applied;
        }
        catch
        {
            // An outage, or the window could not be restored: drop this activation so the redelivery starts from the durable record.
            _failed = true;
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>Applies one reading, trying again a bounded number of times; dead-letters it when it keeps failing.</summary>
    private async Task<int> ApplyAloneAsync(ReadingDelivery delivery)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplyOnceAsync([delivery]);
            }
            catch (Exception ex) when (!failures.IsTransient(ex) && attempt >= MaxAttempts)
            {
                var reading = delivery.Reading;
                await rejected.RejectAsync(reading, delivery.Offset, "processing-failed", $"{ex.GetType().Name}: {ex.Message}");
                window.State.RememberRejected(reading.EventId);
                metrics.ReadingsRejected.Add(1);
                LogRejected(logger, ex, reading.RoadId, reading.EventId, attempt);
                return 0;
            }
            catch (Exception ex) when (!failures.IsTransient(ex))
            {
                LogAttemptFailed(logger, ex, delivery.Reading.RoadId, delivery.Reading.EventId, attempt);
            }
        }
    }

    /// <summary>
    /// Forecasts and stores the new readings with their prediction messages as one unit. When that fails for a reason other than an
    /// outage, the in-memory window is rolled back to the durable record before the exception is rethrown.
    /// </summary>
    private async Task<int> ApplyOnceAsync(List<ReadingDelivery> deliveries)
    {
        var applied = new List<RoadOutcome>(deliveries.Count);
        try
        {
            foreach (var (reading, _) in deliveries)
            {
                if (!Accepts(reading)) continue;
                applied.Add(new RoadOutcome(reading, predictor.Predict(window.State.Readings, clock.GetUtcNow())));
            }

            if (applied.Count == 0) return 0;

            await outcomes.SaveAsync(applied);
            _unsaved += applied.Count;
            if (_saves.Applied(applied.Count, Stopwatch.GetTimestamp())) await SaveAsync();
        }
        catch (Exception ex) when (!failures.IsTransient(ex))
        {
            await window.ReadStateAsync();
            await CatchUpAsync();
            throw;
        }

        metrics.ReadingsApplied.Add(applied.Count);
        var (latestReading, latestPrediction) = applied[^1];
        // Redis holds copies; RoadCache turns an outage into "not cached", so a cache failure never replays the stream.
        await cache.SetCurrentAndPredictedAsync(latestReading, latestPrediction);
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
            metrics.ReadingsIgnored.Add(1, new KeyValuePair<string, object?>("reason", "road-mismatch"));
            return false;
        }

        if (!window.State.TryApply(reading))
        {
            LogIgnored(logger, roadId, reading.EventId, reading.Timestamp);
            metrics.ReadingsIgnored.Add(1, new KeyValuePair<string, object?>("reason", "duplicate-or-out-of-order"));
            return false;
        }

        return true;
    }

    private async Task SaveAsync()
    {
        await window.WriteStateAsync();
        _unsaved = 0;
        _saves.Saved(Stopwatch.GetTimestamp());
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Road {RoadId} ignored reading {EventId} at {Timestamp}: duplicate or out of order")]
    private static partial void LogIgnored(ILogger logger, string roadId, Guid eventId, DateTimeOffset timestamp);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Road {RoadId} received reading {EventId} for road {OtherRoadId}; ignored")]
    private static partial void LogRoadMismatch(ILogger logger, string roadId, string otherRoadId, Guid eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Road {RoadId}: a delivery of {Count} readings failed; applying them one at a time")]
    private static partial void LogIsolating(ILogger logger, Exception exception, string roadId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Road {RoadId}: reading {EventId} failed (attempt {Attempt})")]
    private static partial void LogAttemptFailed(ILogger logger, Exception exception, string roadId, Guid eventId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Road {RoadId}: reading {EventId} failed {Attempts} times and was dead-lettered")]
    private static partial void LogRejected(ILogger logger, Exception exception, string roadId, Guid eventId, int attempts);
}
