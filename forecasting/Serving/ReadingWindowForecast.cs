using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Forecasting.Serving;

/// <summary>
/// Turns a road grain's recent readings into a forecast: lays their speeds and <c>neighbour_ratio</c>s on the
/// 5-minute grid that ends at the newest reading (gaps become NaN, so the models see missing steps rather than
/// shifted ones) and asks the chain.
/// </summary>
public static class ReadingWindowForecast
{
    /// <summary>
    /// The prediction for the newest of <paramref name="recent"/> (oldest first, as the grain keeps them).
    /// Its <c>event_id</c> is the reading's, so a redelivered reading yields the same prediction key downstream.
    /// </summary>
    public static RoadPrediction Predict(ForecasterChain chain, IReadOnlyList<TrafficReading> recent, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(recent);
        if (recent.Count == 0)
        {
            throw new ArgumentException("At least one reading is needed.", nameof(recent));
        }

        var latest = recent[^1];
        Span<float> speeds = stackalloc float[ForecastHorizons.WindowSteps];
        Span<float> neighbourRatios = stackalloc float[ForecastHorizons.WindowSteps];
        Fill(recent, speeds, neighbourRatios);
        var input = new ForecastInput(
            latest.RoadId, latest.Timestamp, asOf, speeds, neighbourRatios, (float)latest.FreeFlowSpeed, (float)latest.JamFactor, latest.IsRushHour);
        return chain.Forecast(input).ToPrediction(latest.EventId, latest.Timestamp, latest.RoadId, latest.CurrentSpeed);
    }

    /// <summary>
    /// Speeds and neighbour ratios of the window ending at the newest reading, oldest first; NaN where no reading
    /// fell or it carried no neighbour ratio.
    /// </summary>
    internal static void Fill(IReadOnlyList<TrafficReading> recent, Span<float> speeds, Span<float> neighbourRatios)
    {
        speeds.Fill(float.NaN);
        neighbourRatios.Fill(float.NaN);
        var newest = recent[^1].Timestamp;
        var step = ForecastHorizons.Step.Ticks;
        for (var i = recent.Count - 1; i >= 0; i--)
        {
            // Round to the nearest step: ingest ticks drift by seconds, not minutes.
            var back = (long)Math.Round((newest - recent[i].Timestamp).Ticks / (double)step);
            if (back < 0 || back >= speeds.Length)
            {
                continue;
            }

            var slot = speeds.Length - 1 - (int)back;
            if (float.IsNaN(speeds[slot]))
            {
                speeds[slot] = (float)recent[i].CurrentSpeed;
                neighbourRatios[slot] = recent[i].NeighbourRatio is { } ratio ? (float)ratio : float.NaN;
            }
        }
    }
}
