using Microsoft.Extensions.Logging;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Storage.Redis;

namespace TrafficOrleans.Grains.Roads;

/// <summary>
/// One road: applies readings (deduplicated), persists its window in PostgreSQL through the ADO.NET
/// grain storage, and writes <c>road:{id}:current</c> to Redis for the API and the live map.
/// </summary>
public sealed partial class RoadGrain(
    [PersistentState("road", GrainStorageNames.Traffic)] IPersistentState<RoadReadingWindow> window,
    RoadCache cache,
    ILogger<RoadGrain> logger) : Grain, IRoadGrain
{
    /// <inheritdoc />
    public async Task<bool> RecordReadingAsync(TrafficReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (!string.Equals(reading.RoadId, this.GetPrimaryKeyString(), StringComparison.Ordinal))
        {
            throw new ArgumentException($"Reading for road {reading.RoadId} sent to road {this.GetPrimaryKeyString()}.", nameof(reading));
        }

        if (!window.State.TryApply(reading))
        {
            LogIgnored(logger, reading.RoadId, reading.EventId, reading.Timestamp);
            return false;
        }

        // State first: once PostgreSQL has the reading, the cache is only a copy that can be rebuilt.
        await window.WriteStateAsync();
        await cache.SetCurrentAsync(reading);
        return true;
    }

    /// <inheritdoc />
    public Task<TrafficReading?> GetLatestReadingAsync() => Task.FromResult(window.State.Latest);

    /// <inheritdoc />
    public Task<IReadOnlyList<TrafficReading>> GetRecentReadingsAsync() =>
        Task.FromResult<IReadOnlyList<TrafficReading>>(window.State.Readings.ToArray());

    [LoggerMessage(Level = LogLevel.Debug, Message = "Road {RoadId} ignored reading {EventId} at {Timestamp}: duplicate or out of order")]
    private static partial void LogIgnored(ILogger logger, string roadId, Guid eventId, DateTimeOffset timestamp);
}
