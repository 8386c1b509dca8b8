using Microsoft.Extensions.Logging;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Routing;
using TrafficOrleans.Routing.Weights;
using TrafficOrleans.Storage.Redis;

namespace TrafficOrleans.Grains.Routing;

/// <summary>
/// The singleton holder of the live weights. Each batch makes a new immutable snapshot (and graph version),
/// whose compact bytes are kept for the silos' replicas, saved to Redis <c>graph:hanoi:current</c> so a restarted
/// silo starts warm, and announced on <c>route-updates</c>. Failures of those side effects are logged and counted
/// but do not fail the batch: the weights are applied, the next batch saves and announces a newer version.
/// </summary>
public sealed partial class RoutingGrain(
    RoutingNetwork network,
    ResilientRedis redis,
    IRouteUpdates routeUpdates,
    RoutingMetrics metrics,
    TimeProvider clock,
    ILogger<RoutingGrain> logger) : Grain, IRoutingGrain
{
    private WeightsSnapshot _snapshot = null!;
    private WeightsSnapshotPayload _payload = null!;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _snapshot = await LoadSavedAsync() ?? WeightsSnapshot.FreeFlow(network, clock.GetUtcNow());
        _payload = new WeightsSnapshotPayload(_snapshot.Version, WeightsSnapshotSerializer.Serialize(_snapshot));
        LogActivated(logger, _snapshot.Version, network.Graph.NodeCount, network.Graph.EdgeCount);
    }

    /// <inheritdoc />
    public async Task<RoutingBatchApplied> ApplyPredictionsAsync(IReadOnlyList<RoadPrediction> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var update = _snapshot.ApplyPredictions(batch.Select(ToForecast), clock.GetUtcNow());
        _snapshot = update.Snapshot;
        var bytes = WeightsSnapshotSerializer.Serialize(_snapshot);
        _payload = new WeightsSnapshotPayload(_snapshot.Version, bytes);
        metrics.BatchApplied(update.RoadsUpdated, update.UnknownRoads + update.Invalid);

        await SaveAsync(bytes);
        Announce(update);
        return new RoutingBatchApplied(_snapshot.Version, update.RoadsUpdated, update.UnknownRoads, update.Invalid);
    }

    /// <inheritdoc />
    public Task<WeightsSnapshotPayload?> GetSnapshotIfChangedAsync(string? knownVersion)
    {
        var payload = _payload;
        return Task.FromResult(string.Equals(payload.GraphVersion, knownVersion, StringComparison.Ordinal) ? null : payload);
    }

    private static RoadSpeedForecast ToForecast(RoadPrediction p) =>
        new(p.RoadId, p.CurrentSpeed, p.PredictedSpeed10Min, p.PredictedSpeed20Min, p.PredictedSpeed30Min);

    private async Task<WeightsSnapshot?> LoadSavedAsync()
    {
        try
        {
            var saved = await redis.GetBytesAsync("graph-load", RedisKeys.GraphCurrent);
            if (saved is null) return null;
            var snapshot = WeightsSnapshotSerializer.Deserialize(saved, network);
            LogRestored(logger, snapshot.Version);
            return snapshot;
        }
        catch (InvalidDataException ex)
        {
            // Saved for another map (or an older format): start from free flow rather than guess.
            LogSavedSnapshotRejected(logger, ex.Message);
            return null;
        }
    }

    private async Task SaveAsync(byte[] bytes)
    {
        if (!await redis.SetBytesAsync("graph-save", RedisKeys.GraphCurrent, bytes))
        {
            metrics.SideEffectFailed("snapshot-save");
            LogSaveFailed(logger, _snapshot.Version);
        }
    }

    private void Announce(WeightsUpdate update) =>
        routeUpdates.Announce(new RouteGraphUpdated(
            Guid.NewGuid(), update.Snapshot.Timestamp, update.Snapshot.Version, update.RoadsUpdated, RouteGraphUpdated.PredictionsApplied));

    [LoggerMessage(Level = LogLevel.Information, Message = "Routing grain active at graph version {Version} ({Nodes} nodes, {Edges} edges)")]
    private static partial void LogActivated(ILogger logger, string version, int nodes, int edges);

    [LoggerMessage(Level = LogLevel.Information, Message = "Routing weights restored from Redis at graph version {Version}")]
    private static partial void LogRestored(ILogger logger, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saved routing weights do not fit this map, starting from free flow: {Reason}")]
    private static partial void LogSavedSnapshotRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing weights {Version} could not be saved to Redis (unavailable or circuit open)")]
    private static partial void LogSaveFailed(ILogger logger, string version);

}
