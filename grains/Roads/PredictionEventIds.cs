using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Grains.Roads;

/// <summary>
/// Deterministic prediction event ids (<see cref="NameBasedGuid"/>): the same road and reading time always give the
/// same id, so a prediction re-made after a redelivery is recognised downstream.
/// </summary>
public static class PredictionEventIds
{
    /// <summary>The id of the prediction made from a road's reading at <paramref name="timestamp"/>.</summary>
    public static Guid For(string roadId, DateTimeOffset timestamp) =>
        NameBasedGuid.Create($"prediction|{roadId}|{timestamp.ToUniversalTime().ToUnixTimeMilliseconds()}");
}
