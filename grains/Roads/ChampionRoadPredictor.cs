using Microsoft.Extensions.Options;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Messages.Validation;
using TrafficOrleans.Grains.Forecasting;

namespace TrafficOrleans.Grains.Roads;

/// <summary>
/// Forecasts with the silo's current champion chain (hot-swapped by <see cref="ForecasterProvider"/>, no
/// I/O per reading). The prediction gets its own deterministic event id, derived from road and reading time, and
/// its numbers are kept in physical range (<see cref="RoadPredictionRules.Bound"/>). It carries the latest
/// reading's jam factor, which the <c>severe_traffic</c> alert reads.
/// </summary>
public sealed class ChampionRoadPredictor(ForecasterProvider forecasts, IOptions<MessageLimits> limits) : IRoadPredictor
{
    /// <inheritdoc />
    public RoadPrediction Predict(IReadOnlyList<TrafficReading> window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        var prediction = forecasts.Predict(window);
        return RoadPredictionRules.Bound(prediction, limits.Value) with { EventId = PredictionEventIds.For(prediction.RoadId, prediction.Timestamp), JamFactor = window[^1].JamFactor };
    }
}
