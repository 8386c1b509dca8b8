namespace TrafficOrleans.Forecasting;

/// <summary>The fixed geometry every model shares: a 5-minute cadence, a 12-step (one hour) input window,
/// and forecasts 10, 20 and 30 minutes ahead (2, 4 and 6 steps).</summary>
public static class ForecastHorizons
{
    /// <summary>Minutes between two readings of a road.</summary>
    public const int StepMinutes = 5;

    /// <summary>Number of past steps (newest last) a model receives.</summary>
    public const int WindowSteps = 12;

    /// <summary>Number of horizons (10, 20, 30 minutes).</summary>
    public const int Count = 3;

    /// <summary>The cadence as a <see cref="TimeSpan"/>.</summary>
    public static TimeSpan Step { get; } = TimeSpan.FromMinutes(StepMinutes);

    /// <summary>Steps ahead of the newest reading for horizon index 0, 1, 2.</summary>
    public static int StepsAhead(int horizon) => (horizon + 1) * 2;

    /// <summary>Minutes ahead for horizon index 0, 1, 2.</summary>
    public static int MinutesAhead(int horizon) => StepsAhead(horizon) * StepMinutes;
}
