using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.GrainInterfaces.Grains;

/// <summary>
/// One road of the city (key = road_id). Keeps the road's recent readings and publishes its current
/// state to the hot cache; later it also forecasts the road's speed.
/// </summary>
public interface IRoadGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies a reading. Returns false (and changes nothing) for a duplicate <c>event_id</c> or a
    /// reading not newer than the last applied one, so redelivery is harmless.
    /// </summary>
    Task<bool> RecordReadingAsync(TrafficReading reading);

    /// <summary>The road's latest applied reading, or null if it has none.</summary>
    Task<TrafficReading?> GetLatestReadingAsync();

    /// <summary>The road's recent readings, oldest first (at most the window size).</summary>
    Task<IReadOnlyList<TrafficReading>> GetRecentReadingsAsync();

    /// <summary>Counts of applied and ignored readings.</summary>
    Task<RoadActivity> GetActivityAsync();
}
