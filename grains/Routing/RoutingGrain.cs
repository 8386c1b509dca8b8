using Microsoft.Extensions.Logging;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Routing;
using TrafficOrleans.Routing.Weights;
using Microsoft.Extensions.DependencyInjection;
using TrafficOrleans.GrainInterfaces.Time;

namespace TrafficOrleans.Grains.Routing;

/// <summary>
/// The singleton holder of the live weights. Each batch makes a new immutable snapshot (and graph version),
/// whose compact bytes are kept for the silos' replicas, saved through <see cref="IRouteGraphSnapshots"/> (Redis
/// <c>graph:{city}:current</c>, the city being the grain's key) so a restarted silo starts warm, and announced on
/// <c>route-updates</c>. Failures of those side effects are counted and logged by the ports but do not fail the batch:
/// the weights are applied, the next batch saves and announces a newer version.
/// </summary>
public sealed partial class RoutingGrain(
    RoutingNetwork network,
    IRouteGraphSnapshots snapshots,
    IRouteUpdates routeUpdates,
    [FromKeyedServices(TrafficClock.Key)] TimeProvider clock,
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
        await snapshots.SaveAsync(this.GetPrimaryKeyString(), _snapshot.Version, bytes);
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
        new(p.RoadId, p.CurrentSpeed, p.PredictedSpeed10Min, p.PredictedSpeed20Min, p.PredictedSpeed30Min, IntervalOf(p.Interval));

    private static SpeedInterval? IntervalOf(PredictionInterval? i) =>
        i is null ? null : new SpeedInterval(i.Low10Min, i.High10Min, i.Low20Min, i.High20Min, i.Low30Min, i.High30Min);

    private async Task<WeightsSnapshot?> LoadSavedAsync()
    {
        try
        {
            var saved = await snapshots.LoadAsync(this.GetPrimaryKeyString());
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

    private void Announce(WeightsUpdate update) =>
        routeUpdates.Announce(new RouteGraphUpdated(
            Guid.NewGuid(), update.Snapshot.Timestamp, update.Snapshot.Version, update.RoadsUpdated, RouteGraphUpdated.PredictionsApplied));

    [LoggerMessage(Level = LogLevel.Information, Message = "Routing grain active at graph version {Version} ({Nodes} nodes, {Edges} edges)")]
    private static partial void LogActivated(ILogger logger, string version, int nodes, int edges);

    [LoggerMessage(Level = LogLevel.Information, Message = "Routing weights restored from Redis at graph version {Version}")]
    private static partial void LogRestored(ILogger logger, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saved routing weights do not fit this map, starting from free flow: {Reason}")]
    private static partial void LogSavedSnapshotRejected(ILogger logger, string reason);


}
