using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Grains.Roads;

/// <summary>Forecasts a road from its recent readings (the grain's window); implementations are silo-wide singletons.</summary>
public interface IRoadPredictor
{
    /// <summary>The prediction made from <paramref name="window"/> (oldest first, last = the reading just applied).</summary>
    RoadPrediction Predict(IReadOnlyList<TrafficReading> window, DateTimeOffset now);
}
