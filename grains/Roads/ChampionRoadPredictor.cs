using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Grains.Forecasting;

namespace TrafficOrleans.Grains.Roads;

/// <summary>
/// Forecasts with the silo's current champion chain (hot-swapped by <see cref="ForecasterProvider"/>, no
/// I/O per reading). The prediction gets its own deterministic event id, derived from road and reading time.
/// </summary>
public sealed class ChampionRoadPredictor(ForecasterProvider forecasts) : IRoadPredictor
{
    /// <inheritdoc />
    public RoadPrediction Predict(IReadOnlyList<TrafficReading> window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        var prediction = forecasts.Predict(window);
        return prediction with { EventId = PredictionEventIds.For(prediction.RoadId, prediction.Timestamp) };
    }
}
