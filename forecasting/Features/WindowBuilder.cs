namespace TrafficOrleans.Forecasting.Features;

/// <summary>
/// Cuts the model input for (road, step t) out of a <see cref="TrafficDataset"/>. It reads only steps ≤ t — the
/// single place training rows and evaluation inputs come from, so no model can see the future it is scored on.
/// </summary>
public static class WindowBuilder
{
    /// <summary>Copies steps t−11 … t of the road's speeds and neighbour ratios into the buffers (NaN before step 0).</summary>
    public static void Fill(RoadSeries road, int t, Span<float> speeds, Span<float> neighbourRatios)
    {
        ArgumentNullException.ThrowIfNull(road);
        var n = ForecastHorizons.WindowSteps;
        for (var i = 0; i < n; i++)
        {
            var idx = t - (n - 1) + i;
            var inRange = idx >= 0 && idx <= t;
            speeds[i] = inRange ? road.Speed[idx] : float.NaN;
            neighbourRatios[i] = inRange ? road.NeighbourRatio[idx] : float.NaN;
        }
    }

    /// <summary>
    /// Builds the <see cref="ForecastInput"/> for (road, t) over caller-owned buffers of length
    /// <see cref="ForecastHorizons.WindowSteps"/>; the forecast is taken to be requested at the step's own time.
    /// </summary>
    public static ForecastInput Create(
        TrafficDataset dataset, RoadSeries road, int t, Span<float> speeds, Span<float> neighbourRatios)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Fill(road, t, speeds, neighbourRatios);
        var time = dataset.TimeAt(t);
        var jam = float.IsNaN(road.JamFactor[t]) ? 0f : road.JamFactor[t];
        return new ForecastInput(road.RoadId, time, time, speeds, neighbourRatios, road.FreeFlowAt(t), jam, road.RushHour[t]);
    }

    /// <summary>The actual speeds at t+10/20/30 minutes (NaN where missing or beyond the data).</summary>
    public static void Targets(RoadSeries road, int t, Span<float> targets)
    {
        ArgumentNullException.ThrowIfNull(road);
        for (var h = 0; h < ForecastHorizons.Count; h++)
        {
            var idx = t + ForecastHorizons.StepsAhead(h);
            targets[h] = idx < road.Speed.Length ? road.Speed[idx] : float.NaN;
        }
    }
}
